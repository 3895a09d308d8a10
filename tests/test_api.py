"""The library API as the README documents it: lint_text and lint_paths."""

from __future__ import annotations

import doctest

import medlint
from medlint import Finding, Report, Severity, lint_paths, lint_text
from medlint.config import Config

from conftest import TEST_PACKS


def test_module_docstring_example_runs() -> None:
    assert doctest.testmod(medlint).failed == 0


def test_lint_text_accepts_a_dict_a_config_or_a_config_file(tmp_path) -> None:
    text = "Utilise a detox."
    as_dict = lint_text(text, config={"packs": [str(TEST_PACKS)], "select": ["XT01"]})
    as_config = lint_text(text, config=Config(packs=(TEST_PACKS,), select=("XT01",)))
    path = tmp_path / "medlint.toml"
    path.write_text(f'packs = ["{TEST_PACKS.as_posix()}"]\nselect = ["XT01"]\n', encoding="utf-8")
    as_file = lint_text(text, config=path)
    assert as_dict == as_config == as_file
    finding = as_dict[0]
    assert isinstance(finding, Finding) and finding.severity is Severity.WARNING
    assert (finding.line, finding.column, finding.end_column, finding.suggestions) == (1, 1, 8, ("Use",))


def test_lint_text_formats() -> None:
    config = {"packs": [str(TEST_PACKS)], "select": ["XT01"]}
    assert [f.line for f in lint_text("# T\n\nUtilise `utilise` it.", format="markdown", config=config)] == [3]
    assert [f.column for f in lint_text("<p>Please <b>utilise</b> it.</p>", format="html", config=config)] == [14]


def test_lint_paths_returns_a_report(tmp_path) -> None:
    (tmp_path / "a.txt").write_text("Utilise a detox.", encoding="utf-8")
    (tmp_path / "b.bin.txt").write_bytes(b"\x00\x01")
    report = lint_paths([tmp_path], config={"packs": [str(TEST_PACKS)], "select": ["XT"]})
    assert isinstance(report, Report)
    assert [f.rule for f in report.findings] == ["XT01", "XT02"]
    assert [r.path.endswith("a.txt") for r in report.checked] == [True]
    assert [r.error for r in report.errors] == ["binary file (contains NUL bytes); medlint checks text, Markdown and HTML"]
    assert report.counts() == {"error": 0, "warning": 1, "info": 1}
    assert report.exit_code() == 2
