"""SARIF 2.1.0 (OASIS), the format GitHub code scanning and other tools import."""

from __future__ import annotations

import json
from pathlib import PurePath

from medlint import __version__
from medlint.api import Report
from medlint.findings import Finding
from medlint.reporters.base import Reporter, reporter
from medlint.rule import Rule

SCHEMA = "https://json.schemastore.org/sarif-2.1.0.json"
_LEVEL = {"error": "error", "warning": "warning", "info": "note"}


def _rule_descriptor(rule: Rule) -> dict:
    return {
        "id": rule.id,
        "name": rule.name,
        "shortDescription": {"text": rule.summary},
        "fullDescription": {"text": (rule.why or rule.summary).strip()},
        "help": {"text": rule.explain(), "markdown": rule.explain()},
        "defaultConfiguration": {"level": _LEVEL[str(rule.default_severity)], "enabled": rule.default_enabled},
        "properties": {"tags": [rule.family]},
    }


def _uri(path: str) -> str:
    return PurePath(path).as_posix()


def _result(finding: Finding, path: str, index: int) -> dict:
    region = {
        "startLine": finding.line,
        "startColumn": finding.column,
        "endLine": finding.end_line,
        "endColumn": finding.end_column,
    }
    result = {
        "ruleId": finding.rule,
        "ruleIndex": index,
        "level": _LEVEL[str(finding.severity)],
        "message": {"text": finding.message},
        "locations": [{"physicalLocation": {"artifactLocation": {"uri": _uri(path)}, "region": region}}],
    }
    if finding.suggestions:
        result["properties"] = {"suggestions": list(finding.suggestions)}
    return result


@reporter
class SarifReporter(Reporter):
    name = "sarif"

    def finish(self, report: Report) -> None:
        rules = sorted(report.rules.values(), key=lambda rule: rule.id)
        index = {rule.id: i for i, rule in enumerate(rules)}
        results = [_result(f, r.path, index[f.rule]) for r in report.checked for f in r.findings]
        notifications = [
            {
                "level": "error",
                "message": {"text": message},
                "locations": [{"physicalLocation": {"artifactLocation": {"uri": _uri(r.path)}}}],
            }
            for r in report.files
            for message in r.problems
        ]
        log = {
            "$schema": SCHEMA,
            "version": "2.1.0",
            "runs": [
                {
                    "tool": {
                        "driver": {
                            "name": "medlint",
                            "version": __version__,
                            "informationUri": "https://pypi.org/project/medlint/",
                            "rules": [_rule_descriptor(rule) for rule in rules],
                        }
                    },
                    "invocations": [
                        {"executionSuccessful": not notifications, "toolExecutionNotifications": notifications}
                    ],
                    "columnKind": "unicodeCodePoints",
                    "results": results,
                }
            ],
        }
        json.dump(log, self.out, indent=2, ensure_ascii=False)
        self.out.write("\n")
