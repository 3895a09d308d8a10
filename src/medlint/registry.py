"""All rules in one place: built-in code rules, packaged and configured YAML packs, plugins.

Nothing is listed by hand: code rules are found by importing every module of ``medlint.rules``,
packs by scanning ``rules/``, third-party rules through the ``medlint.rules`` entry point group.
"""

from __future__ import annotations

import importlib
import pkgutil
from importlib.metadata import entry_points
from pathlib import Path
from typing import Iterable, Iterator

from medlint import rules as builtin_rules
from medlint.resources import rules_dir
from medlint.rule import RULE_ID, Rule, registered_rules
from medlint.ruletypes import PackError, find_packs, load_pack

FAMILIES = {
    "RD": "readability and plain language",
    "GB": "garbled machine rewording",
    "GR": "grammar and spelling (LanguageTool)",
    "SR": "sources and credibility",
    "DR": "drug names",
}


class RegistryError(ValueError):
    """Two rules with one id, or a plugin that is not a rule."""


class Registry:
    """Rules by id, in id order."""

    def __init__(self, rules: Iterable[Rule]) -> None:
        self._rules: dict[str, Rule] = {}
        for rule in rules:
            if not RULE_ID.match(rule.id):
                raise RegistryError(f"rule id {rule.id!r} ({rule.origin}) must be two capital letters and two digits")
            if rule.id in self._rules:
                raise RegistryError(f"rule id {rule.id} is defined twice: {self._rules[rule.id].origin} and {rule.origin}")
            self._rules[rule.id] = rule
        self._rules = dict(sorted(self._rules.items()))

    def __iter__(self) -> Iterator[Rule]:
        return iter(self._rules.values())

    def __len__(self) -> int:
        return len(self._rules)

    def __contains__(self, rule_id: str) -> bool:
        return rule_id in self._rules

    def get(self, rule_id: str) -> Rule | None:
        return self._rules.get(rule_id.upper())

    def matching(self, selector: str) -> list[Rule]:
        """Rules whose id starts with ``selector`` (a family like "RD" or an id like "RD02"), or by name."""
        key = selector.strip()
        if key.upper() == "ALL":
            return list(self)
        return [r for r in self if r.id.startswith(key.upper()) or r.name == key]

    def is_selector(self, selector: str) -> bool:
        return bool(self.matching(selector)) or selector.upper() in FAMILIES


def _import_builtin_modules() -> None:
    for module in pkgutil.iter_modules(builtin_rules.__path__, builtin_rules.__name__ + "."):
        importlib.import_module(module.name)


def _plugin_rules() -> Iterator[Rule]:
    for ep in entry_points(group="medlint.rules"):
        obj = ep.load()
        candidates = [obj] if isinstance(obj, type) else [getattr(obj, n) for n in dir(obj)]
        found = [c for c in candidates if isinstance(c, type) and issubclass(c, Rule) and c is not Rule and hasattr(c, "id")]
        if not found:
            raise RegistryError(f"entry point {ep.name!r} ({ep.value}) provides no medlint Rule")
        for cls in found:
            cls.origin = f"plugin {ep.value}"
            yield cls()


def build_registry(extra_pack_dirs: Iterable[str | Path] = (), *, plugins: bool = True) -> Registry:
    """Every rule: code rules, the packaged packs, packs from ``extra_pack_dirs``, plugins."""
    _import_builtin_modules()
    rules: list[Rule] = [cls() for cls in registered_rules()]
    for directory in (rules_dir(), *map(Path, extra_pack_dirs)):
        if not Path(directory).is_dir():
            raise PackError(f"{directory}: rule pack directory not found")
        rules.extend(load_pack(p) for p in find_packs(directory))
    if plugins:
        rules.extend(_plugin_rules())
    return Registry(rules)
