"""Machine-readable output; the shape is a documented contract (see README, "JSON output")."""

from __future__ import annotations

import json

from medlint.api import Report
from medlint.reporters.base import Reporter, reporter

JSON_VERSION = 1


def report_to_dict(report: Report) -> dict:
    return {
        "version": JSON_VERSION,
        "files": [
            {"path": r.path, "metrics": r.metrics, "findings": [f.to_dict() for f in r.findings]}
            for r in report.checked
        ],
        "errors": [{"path": r.path, "message": message} for r in report.files for message in r.problems],
        "summary": {"files": len(report.checked), **report.counts()},
    }


@reporter
class JsonReporter(Reporter):
    name = "json"

    def finish(self, report: Report) -> None:
        json.dump(report_to_dict(report), self.out, indent=2, ensure_ascii=False, default=str)
        self.out.write("\n")
