"""Golden outputs: every example through every reporter, and SARIF checked against the schema.

Regenerate after an intended change with ``MEDLINT_UPDATE_GOLDEN=1 pytest tests/test_reporters.py``
and review the diff.
"""

from __future__ import annotations

import io
import json
import os
from pathlib import Path

import jsonschema
import pytest

from medlint.api import lint_paths
from medlint.reporters import REPORTERS, write_report

ROOT = Path(__file__).parent.parent
EXAMPLES = sorted((ROOT / "examples").glob("*.*"))
GOLDEN = Path(__file__).parent / "golden"
SUFFIX = {"text": "txt", "json": "json", "sarif": "sarif", "github": "txt"}
SCHEMA = json.loads((Path(__file__).parent / "data" / "sarif-schema-2.1.0.json").read_text(encoding="utf-8"))


def render(fmt: str, paths: list[Path]) -> str:
    os.chdir(ROOT)  # paths in the output are relative, as a user in the project would see them
    report = lint_paths([p.relative_to(ROOT) for p in paths])
    out = io.StringIO()
    write_report(report, fmt, out)
    return out.getvalue()


@pytest.mark.parametrize("fmt", sorted(REPORTERS))
@pytest.mark.parametrize("example", EXAMPLES, ids=lambda p: p.name)
def test_golden_output(fmt, example, monkeypatch):
    monkeypatch.chdir(ROOT)
    got = render(fmt, [example])
    golden = GOLDEN / fmt / f"{example.name}.{SUFFIX[fmt]}"
    if os.environ.get("MEDLINT_UPDATE_GOLDEN"):
        golden.parent.mkdir(parents=True, exist_ok=True)
        golden.write_text(got, encoding="utf-8")
    assert golden.is_file(), f"missing golden file {golden}; run with MEDLINT_UPDATE_GOLDEN=1"
    assert got == golden.read_text(encoding="utf-8")


def test_sarif_validates_against_the_official_schema(monkeypatch):
    monkeypatch.chdir(ROOT)
    log = json.loads(render("sarif", EXAMPLES))
    jsonschema.validate(log, SCHEMA)
    driver = log["runs"][0]["tool"]["driver"]
    ids = [rule["id"] for rule in driver["rules"]]
    assert ids == sorted(ids) and len(ids) == len(set(ids))
    for result in log["runs"][0]["results"]:
        assert driver["rules"][result["ruleIndex"]]["id"] == result["ruleId"]
    assert all(rule["help"]["text"].startswith(f"# {rule['id']}") for rule in driver["rules"])


def test_sarif_with_an_unreadable_file_still_validates(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    (tmp_path / "bin.txt").write_bytes(b"\x00\x01")
    report = lint_paths(["bin.txt"])
    out = io.StringIO()
    write_report(report, "sarif", out)
    log = json.loads(out.getvalue())
    jsonschema.validate(log, SCHEMA)
    invocation = log["runs"][0]["invocations"][0]
    assert invocation["executionSuccessful"] is False
    assert invocation["toolExecutionNotifications"][0]["message"]["text"].startswith("binary file")


def test_json_output_is_stable_and_has_no_absolute_paths(monkeypatch):
    monkeypatch.chdir(ROOT)
    text = render("json", EXAMPLES)
    assert text == render("json", EXAMPLES)
    assert str(ROOT) not in text
    data = json.loads(text)
    assert list(data) == ["version", "files", "errors", "summary"]
    for file in data["files"]:
        assert list(file) == ["path", "metrics", "findings"]
        for finding in file["findings"]:
            assert list(finding) == ["rule", "name", "severity", "line", "column", "end_line", "end_column",
                                     "match", "message", "suggestions"]
