"""The reporter interface (flake8's formatter idea): start, one call per file, finish."""

from __future__ import annotations

from typing import ClassVar, TextIO

from medlint.api import Report
from medlint.engine import FileResult

REPORTERS: dict[str, type["Reporter"]] = {}


def reporter(cls: type["Reporter"]) -> type["Reporter"]:
    """Class decorator: make a reporter available to ``--format NAME``."""
    REPORTERS[cls.name] = cls
    return cls


class Reporter:
    """Writes a run's results to ``out``. Streaming reporters write in ``file``; others in ``finish``."""

    name: ClassVar[str]

    def __init__(self, out: TextIO, *, color: bool = False) -> None:
        self.out = out
        self.color = color

    def start(self) -> None:
        pass

    def file(self, result: FileResult) -> None:
        pass

    def finish(self, report: Report) -> None:
        pass
