"""Human-readable output: ``path:line:col: severity RULE message``, suggestions, a summary line."""

from __future__ import annotations

import click

from medlint.api import Report
from medlint.engine import FileResult
from medlint.reporters.base import Reporter, reporter

_COLOURS = {"error": "red", "warning": "yellow", "info": "blue"}


@reporter
class TextReporter(Reporter):
    name = "text"

    def style(self, text: str, **kwargs: object) -> str:
        return click.style(text, **kwargs) if self.color else text  # type: ignore[arg-type]

    def file(self, result: FileResult) -> None:
        for f in result.findings:
            where = self.style(f"{result.path}:{f.line}:{f.column}:", bold=True)
            severity = self.style(str(f.severity), fg=_COLOURS[str(f.severity)])
            self.out.write(f"{where} {severity} {self.style(f.rule, bold=True)} {f.message}\n")
            if f.suggestions:
                label = "suggestion" if len(f.suggestions) == 1 else "suggestions"
                shown = ", ".join(f"'{s}'" for s in f.suggestions)
                self.out.write(f"    {self.style(label, fg='green')}: {shown}\n")

    def finish(self, report: Report) -> None:
        counts = report.counts()
        total = sum(counts.values())
        checked = len(report.checked)
        parts = ", ".join(f"{counts[k]} {k}{'s' if counts[k] != 1 and k != 'info' else ''}" for k in counts)
        line = f"{total} problem{'s' if total != 1 else ''} ({parts}) in {checked} file{'s' if checked != 1 else ''} checked"
        if report.errors:
            n = len(report.errors)
            line += f"; {n} file{'s' if n != 1 else ''} could not be checked"
        self.out.write(self.style(line, bold=True) + ".\n")
