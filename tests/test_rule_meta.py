"""Every rule is documented, tested by cases that pass and fail, and its pack examples hold."""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml

from medlint import lint_text
from medlint.api import registry_for
from medlint.resources import rules_dir
from medlint.rule import RULE_ID

CASES_DIR = Path(__file__).parent / "rules" / "cases"
RULES = list(registry_for())


def test_rules_are_registered() -> None:
    assert len(RULES) >= 1


@pytest.mark.parametrize("rule", RULES, ids=lambda r: r.id)
def test_rule_metadata(rule) -> None:
    assert RULE_ID.match(rule.id)
    assert rule.name and "." in rule.name and rule.name == rule.name.lower()
    assert rule.summary and rule.why, "summary and why are required"
    assert rule.example and rule.better, "an example and a better version are required"
    assert rule.sources, "sources are required"
    for key, option in rule.options.items():
        assert option.help, f"option {key} has no help"
        option.validate(option.default)
    text = rule.explain()
    assert text.startswith(f"# {rule.id} {rule.name}")


@pytest.mark.parametrize("rule", RULES, ids=lambda r: r.id)
def test_rule_has_pass_and_fail_cases(rule) -> None:
    path = CASES_DIR / f"{rule.id}.yml"
    assert path.is_file(), f"missing {path.name}"
    cases = yaml.safe_load(path.read_text(encoding="utf-8"))["cases"]
    assert any(c["expect"] == [] for c in cases), "needs a text it must leave alone"
    assert any(c["expect"] for c in cases), "needs a text it must flag"


DATA_RULES = [r for r in RULES if hasattr(r, "examples_fail")]


@pytest.mark.parametrize("rule", DATA_RULES, ids=lambda r: r.id)
def test_pack_examples(rule) -> None:
    config = {"select": [rule.id]}
    for text in rule.examples_fail:
        assert [f for f in lint_text(text, config=config) if f.rule == rule.id], f"not flagged: {text}"
    for text in rule.examples_pass:
        assert not lint_text(text, config=config), f"flagged: {text}"


def test_pack_file_names_start_with_their_id_or_are_named_packs() -> None:
    for path in rules_dir().rglob("*.y*ml"):
        if "lists" in path.parts:
            continue
        data = yaml.safe_load(path.read_text(encoding="utf-8"))
        assert RULE_ID.match(data["id"]), path
