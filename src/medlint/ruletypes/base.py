"""What every data rule shares: metadata from the pack and an ``ignore`` option."""

from __future__ import annotations

from pathlib import Path
from typing import Any, ClassVar

from medlint.rule import Option, Rule
from medlint.tokens import phrase_key

_META_KEYS = ("id", "name", "summary", "why", "sources", "default_severity", "applicability", "languages",
              "default_enabled", "example", "better", "examples_fail", "examples_pass")


class DataRule(Rule):
    """A rule whose behaviour is a pack type and whose content is a YAML file."""

    PACK_KEYS: ClassVar[dict[str, type]] = {}
    PACK_REQUIRED: ClassVar[tuple[str, ...]] = ()
    options = {"ignore": Option(list, [], "Entries (as written in the pack) not to flag in this project.")}

    def __init__(self, meta: dict[str, Any], message: str, path: Path | None) -> None:
        for key in _META_KEYS:
            setattr(self, key, meta[key])
        self.origin = str(path) if path else "builtin"
        self.message = message

    @staticmethod
    def ignored(options: dict[str, Any]) -> set[str]:
        return {phrase_key(term) for term in options.get("ignore", [])}
