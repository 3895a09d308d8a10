"""Runs every per-rule case file in tests/rules/cases/<ID>.yml (sqlfluff's std_rule_cases idea).

A case is a text, optionally a format, language and rule options, and the exact findings the rule
must produce: ``expect: []`` means the text must stay clean. Each expected finding lists the keys
it pins down (line, column, end_line, end_column, match, suggestions, severity,
message_contains); the number of findings must match exactly.
"""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml

from medlint import lint_text

CASES_DIR = Path(__file__).parent / "rules" / "cases"
_CASE_KEYS = {"id", "text", "format", "lang", "options", "expect", "select"}
_EXPECT_KEYS = {"line", "column", "end_line", "end_column", "match", "suggestions", "severity", "message_contains", "rule"}


def load_cases() -> list:
    params = []
    for path in sorted(CASES_DIR.glob("*.yml")):
        data = yaml.safe_load(path.read_text(encoding="utf-8"))
        rule = data["rule"]
        for case in data["cases"]:
            params.append(pytest.param(rule, case, id=f"{rule}-{case['id']}"))
    return params


def run_case(rule: str, case: dict) -> list:
    unknown = set(case) - _CASE_KEYS
    assert not unknown, f"unknown case keys {unknown}"
    config = {"select": case.get("select", [rule]), "language": case.get("lang", "en")}
    if case.get("options"):
        config["rules"] = {rule: case["options"]}
    findings = lint_text(case["text"], format=case.get("format", "text"), config=config)
    return [f for f in findings if f.rule == rule or "select" in case]


@pytest.mark.parametrize("rule, case", load_cases())
def test_rule_case(rule: str, case: dict) -> None:
    assert_findings(run_case(rule, case), case["expect"])


def assert_findings(findings: list, expected: list[dict]) -> None:
    """The findings are exactly the expected ones, in order, on every key each expectation names."""
    shown = [(f.rule, f.line, f.column, f.match, f.message, f.suggestions) for f in findings]
    assert len(findings) == len(expected), f"expected {len(expected)} finding(s), got {shown}"
    for finding, want in zip(findings, expected):
        assert set(want) <= _EXPECT_KEYS, f"unknown expect keys {set(want) - _EXPECT_KEYS}"
        got = finding.to_dict()
        for key, value in want.items():
            if key == "message_contains":
                assert value in finding.message, shown
            elif key == "suggestions":
                assert list(finding.suggestions) == value, shown
            else:
                assert got[key] == value, f"{key}: expected {value!r}, got {got[key]!r} in {shown}"
