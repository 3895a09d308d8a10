"""GitHub Actions workflow commands, which show findings as annotations on the pull request."""

from __future__ import annotations

from medlint.engine import FileResult
from medlint.reporters.base import Reporter, reporter

_LEVEL = {"error": "error", "warning": "warning", "info": "notice"}


def _escape_data(text: str) -> str:
    return text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def _escape_property(text: str) -> str:
    return _escape_data(text).replace(":", "%3A").replace(",", "%2C")


@reporter
class GithubReporter(Reporter):
    name = "github"

    def file(self, result: FileResult) -> None:
        for problem in result.problems:
            self.out.write(f"::error file={_escape_property(result.path)}::{_escape_data(problem)}\n")
        for f in result.findings:
            props = (
                f"file={_escape_property(result.path)},line={f.line},col={f.column},"
                f"endLine={f.end_line},endColumn={f.end_column},title={_escape_property(f'{f.rule} {f.name}')}"
            )
            message = f.message
            if f.suggestions:
                message += " Suggestion: " + " or ".join(f"'{s}'" for s in f.suggestions)
            self.out.write(f"::{_LEVEL[str(f.severity)]} {props}::{_escape_data(message)}\n")
