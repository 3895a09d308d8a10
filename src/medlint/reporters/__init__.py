"""Output formats, chosen by name (``--format``); each module registers its reporter."""

from typing import TextIO

from medlint.api import Report
from medlint.reporters import github, json, sarif, text  # noqa: F401  (registration)
from medlint.reporters.base import REPORTERS, Reporter

__all__ = ["REPORTERS", "Reporter", "write_report"]


def write_report(report: Report, fmt: str, out: TextIO, *, color: bool = False) -> None:
    """Write ``report`` in format ``fmt`` (a name in REPORTERS)."""
    reporter = REPORTERS[fmt](out, color=color)
    reporter.start()
    for result in report.files:
        reporter.file(result)
    reporter.finish(report)
