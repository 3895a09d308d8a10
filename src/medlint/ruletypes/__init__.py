"""Data rules: a YAML file in ``rules/`` declares a rule of one of a closed set of types.

Every pack shares the keys in ``COMMON_KEYS``; each type adds its own. Unknown keys, missing keys
and wrong types are errors that name the file and the key (Vale's strictness).
"""

from __future__ import annotations

from functools import lru_cache
from pathlib import Path
from typing import Any

import yaml

from medlint.findings import Applicability, Severity
from medlint.rule import RULE_ID, Rule
from medlint.ruletypes.existence import ExistenceRule
from medlint.ruletypes.substitution import SubstitutionRule

RULE_TYPES: dict[str, type[Rule]] = {"existence": ExistenceRule, "substitution": SubstitutionRule}

COMMON_KEYS = {
    "id": str,
    "name": str,
    "type": str,
    "severity": str,
    "summary": str,
    "message": str,
    "why": str,
    "applicability": str,
    "sources": list,
    "examples": dict,
    "languages": list,
    "enabled": bool,
}
REQUIRED_KEYS = ("id", "name", "type", "summary", "message", "why", "sources")
_LOADER = getattr(yaml, "CSafeLoader", yaml.SafeLoader)  # libyaml when present: packs load 10x faster


class PackError(ValueError):
    """A rule pack that cannot be loaded; the message names the file and the problem."""


def load_pack(path: str | Path) -> Rule:
    """Read one YAML pack and build its rule (once per process for an unchanged file)."""
    path = Path(path)
    try:
        stat = path.stat()
    except OSError as exc:
        raise PackError(f"{path}: cannot read rule pack: {exc.strerror or exc}") from None
    return _load_pack(path.resolve(), stat.st_mtime_ns, stat.st_size)


@lru_cache(maxsize=256)
def _load_pack(path: Path, mtime_ns: int, size: int) -> Rule:
    try:
        data = yaml.load(path.read_text(encoding="utf-8"), Loader=_LOADER)
    except (OSError, UnicodeDecodeError) as exc:
        raise PackError(f"{path}: cannot read rule pack: {exc}") from None
    except yaml.YAMLError as exc:
        raise PackError(f"{path}: invalid YAML: {exc}") from None
    if not isinstance(data, dict):
        raise PackError(f"{path}: a rule pack must be a mapping of keys")
    rule_type = RULE_TYPES.get(data.get("type"))  # type: ignore[arg-type]
    if rule_type is None:
        raise PackError(f"{path}: key 'type' must be one of {', '.join(RULE_TYPES)} (got {data.get('type')!r})")
    allowed = {**COMMON_KEYS, **rule_type.PACK_KEYS}  # type: ignore[attr-defined]
    for key, value in data.items():
        if key not in allowed:
            raise PackError(f"{path}: unknown key '{key}' (allowed: {', '.join(sorted(allowed))})")
        if not isinstance(value, allowed[key]):
            raise PackError(f"{path}: key '{key}' must be a {allowed[key].__name__}")
    for key in REQUIRED_KEYS + tuple(rule_type.PACK_REQUIRED):  # type: ignore[attr-defined]
        if key not in data:
            raise PackError(f"{path}: missing required key '{key}'")
    if not RULE_ID.match(data["id"]):
        raise PackError(f"{path}: key 'id' must be two capital letters and two digits (got {data['id']!r})")
    try:
        meta = _metadata(data)
        return rule_type.from_pack(data, meta, path)  # type: ignore[attr-defined]
    except ValueError as exc:
        raise PackError(f"{path}: {exc}") from None


def _metadata(data: dict[str, Any]) -> dict[str, Any]:
    examples = data.get("examples", {})
    unknown = set(examples) - {"fail", "pass"}
    if unknown:
        raise ValueError(f"unknown key 'examples.{sorted(unknown)[0]}' (allowed: fail, pass)")
    return {
        "id": data["id"],
        "name": data["name"],
        "summary": data["summary"].strip(),
        "why": data["why"].strip(),
        "sources": tuple(str(s) for s in data["sources"]),
        "default_severity": Severity(data.get("severity", "warning")),
        "applicability": Applicability(data.get("applicability", "display-only")),
        "languages": tuple(data.get("languages", ["en"])),
        "default_enabled": data.get("enabled", True),
        "example": "\n".join(examples.get("fail", [])),
        "better": "\n".join(examples.get("pass", [])),
        "examples_fail": tuple(examples.get("fail", [])),
        "examples_pass": tuple(examples.get("pass", [])),
    }


def find_packs(directory: str | Path) -> list[Path]:
    """YAML packs under ``directory``, sorted (reference lists in ``lists/`` are not packs)."""
    directory = Path(directory)
    return sorted(
        p for p in directory.rglob("*.y*ml") if p.suffix in (".yaml", ".yml") and "lists" not in p.relative_to(directory).parts
    )
