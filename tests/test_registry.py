"""The registry: built-in rules, packs from config, plugins through entry points, unique ids."""

from __future__ import annotations

from dataclasses import dataclass

import pytest

import medlint.registry as registry_module
from medlint.findings import Severity
from medlint.registry import Registry, RegistryError, build_registry
from medlint.rule import Rule

from conftest import TEST_PACKS


class ShoutingRule(Rule):
    id = "PL01"
    name = "plugin.shouting"
    summary = "Text in capitals is hard to read."
    default_severity = Severity.INFO
    why = "Capitals slow reading."
    example = "TAKE WITH FOOD."
    better = "Take with food."
    sources = ("plugin test",)

    def check(self, doc, ctx):
        for block in doc.prose_blocks():
            if block.text.isupper():
                yield ctx.finding(0, len(block.text), "Avoid capitals.", block=block)


@dataclass
class FakeEntryPoint:
    name: str
    value: str
    obj: object

    def load(self):
        return self.obj


def test_plugin_rules_come_in_through_the_entry_point(monkeypatch):
    monkeypatch.setattr(registry_module, "entry_points", lambda group: [FakeEntryPoint("shout", "pkg:ShoutingRule", ShoutingRule)])
    registry = build_registry()
    rule = registry.get("PL01")
    assert rule is not None and rule.origin == "plugin pkg:ShoutingRule"


def test_a_plugin_that_is_not_a_rule_is_an_error(monkeypatch):
    monkeypatch.setattr(registry_module, "entry_points", lambda group: [FakeEntryPoint("bad", "pkg:thing", object())])
    with pytest.raises(RegistryError, match="entry point 'bad' \\(pkg:thing\\) provides no medlint Rule"):
        build_registry()


def test_duplicate_ids_are_refused():
    first, second = ShoutingRule(), ShoutingRule()
    with pytest.raises(RegistryError, match="rule id PL01 is defined twice"):
        Registry([first, second])


def test_extra_pack_folders_and_selection_by_prefix_and_name():
    registry = build_registry([TEST_PACKS], plugins=False)
    assert [r.id for r in registry.matching("XT")] == ["XT01", "XT02"]
    assert [r.id for r in registry.matching("test.exists")] == ["XT02"]
    assert registry.is_selector("GR")  # a known family, even with no rule of its own loaded


def test_missing_pack_folder(tmp_path):
    with pytest.raises(ValueError, match="rule pack directory not found"):
        build_registry([tmp_path / "nope"], plugins=False)


class BrokenRule(ShoutingRule):
    id = "PL02"
    name = "plugin.broken"

    def check(self, doc, ctx):
        raise KeyError("oops")


def test_a_crashing_rule_is_reported_and_the_others_still_run(monkeypatch, tmp_path):
    from medlint.api import _linter, lint_paths

    monkeypatch.setattr(registry_module, "entry_points", lambda group: [FakeEntryPoint("b", "pkg:B", BrokenRule)])
    _linter.cache_clear()
    try:
        (tmp_path / "a.txt").write_text("Utilise it.", encoding="utf-8")
        report = lint_paths([tmp_path / "a.txt"], config={"packs": [str(TEST_PACKS)], "select": ["XT01", "PL02"]})
        assert [f.rule for f in report.findings] == ["XT01"]
        assert report.files[0].crashes == ["internal error in rule PL02 (KeyError: 'oops'); please report it"]
        assert report.exit_code() == 2
    finally:
        _linter.cache_clear()
