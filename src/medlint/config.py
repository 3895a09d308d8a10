"""Configuration: found by walking up from each checked file, validated, errors name file and key.

Files: ``medlint.toml`` or ``.medlint.toml`` (keys at the top level), or ``pyproject.toml`` under
``[tool.medlint]``; the nearest one to a file wins; ``--config FILE`` forces one for every file;
command-line flags override the file. Per-rule settings live under ``[rules.ID]``.
"""

from __future__ import annotations

import fnmatch
import re
import tomllib
from dataclasses import dataclass, field, replace
from pathlib import Path, PurePath
from typing import Any

from medlint.findings import Severity

CONFIG_NAMES = ("medlint.toml", ".medlint.toml", "pyproject.toml")
FAIL_ON = ("error", "warning", "info", "never")
ENCODING_FALLBACKS = ("cp1252", "none")
DEFAULT_INCLUDE = ("*.txt", "*.text", "*.md", "*.markdown", "*.html", "*.htm")
DEFAULT_EXCLUDE = (".git", ".hg", ".svn", ".venv", "venv", "node_modules", "__pycache__", ".tox", "build", "dist")
_LANGUAGE = re.compile(r"^[a-z]{2}(?:-[A-Za-z]{2})?$")


class ConfigError(ValueError):
    """Invalid configuration; the message names the file, the key and what is allowed."""


@dataclass(frozen=True)
class Config:
    """Settings for a run. Paths in it are absolute (resolved against the config file's folder)."""

    select: tuple[str, ...] | None = None
    extend_select: tuple[str, ...] = ()
    ignore: tuple[str, ...] = ()
    rules: dict[str, dict[str, Any]] = field(default_factory=dict)
    packs: tuple[Path, ...] = ()
    drug_lists: tuple[Path, ...] = ()
    include: tuple[str, ...] = DEFAULT_INCLUDE
    exclude: tuple[str, ...] = DEFAULT_EXCLUDE
    language: str = "en"
    fail_on: str = "error"
    per_file_ignores: dict[str, tuple[str, ...]] = field(default_factory=dict)
    max_file_size_mb: float = 20.0
    encoding_fallback: str = "cp1252"
    source: str | None = None  # the file it came from, for messages
    root: Path = field(default_factory=Path.cwd)

    def with_overrides(self, **changes: Any) -> "Config":
        """A copy with command-line values (None means "not given") applied."""
        return replace(self, **{k: v for k, v in changes.items() if v is not None})

    @property
    def fail_threshold(self) -> Severity | None:
        return None if self.fail_on == "never" else Severity(self.fail_on)

    def ignored_for(self, path: str | None) -> tuple[str, ...]:
        """Rule selectors switched off for ``path`` by ``per_file_ignores``."""
        if not path or not self.per_file_ignores:
            return ()
        rel = _relative(path, self.root)
        return tuple(
            sel for pattern, selectors in self.per_file_ignores.items() if _glob_match(rel, pattern) for sel in selectors
        )

    def excludes(self, path: Path) -> bool:
        rel = _relative(path, self.root)
        return any(_glob_match(rel, pattern) or pattern in PurePath(rel).parts for pattern in self.exclude)

    def includes(self, path: Path) -> bool:
        rel = _relative(path, self.root)
        return any(_glob_match(rel, pattern) for pattern in self.include)


def _relative(path: str | Path, root: Path) -> str:
    p = Path(path).absolute()
    try:
        return p.relative_to(root.absolute()).as_posix()
    except ValueError:
        return p.as_posix()


def _glob_match(rel: str, pattern: str) -> bool:
    """Gitignore-like: a pattern without "/" matches the file name anywhere."""
    if "/" not in pattern:
        return fnmatch.fnmatch(PurePath(rel).name, pattern)
    return fnmatch.fnmatch(rel, pattern.lstrip("/")) or fnmatch.fnmatch(rel, "*/" + pattern.lstrip("/"))


# --- reading and validating -------------------------------------------------------------------

_KEYS: dict[str, str] = {
    "select": "a list of rule ids or family prefixes",
    "extend_select": "a list of rule ids or family prefixes",
    "ignore": "a list of rule ids or family prefixes",
    "rules": "a table of per-rule tables ([rules.RD02])",
    "packs": "a list of folders of YAML rule packs",
    "drug_lists": "a list of drug reference list files",
    "include": "a list of glob patterns",
    "exclude": "a list of glob patterns",
    "language": "a language code such as en, es, de",
    "fail_on": "one of " + ", ".join(FAIL_ON),
    "per_file_ignores": "a table of glob = [rule ids]",
    "max_file_size_mb": "a number of megabytes",
    "encoding_fallback": "one of " + ", ".join(ENCODING_FALLBACKS),
}


def check_language(value: Any, source: str) -> str:
    """A language code such as "en" or "pt-BR", else ConfigError."""
    if not isinstance(value, str) or not _LANGUAGE.match(value):
        raise ConfigError(f"{source}: 'language' must be {_KEYS['language']} (got {value!r})")
    return value


def parse_config(data: dict[str, Any], source: str, root: Path) -> Config:
    """Validate the keys of a config table (rule ids are checked later, against the registry)."""

    def fail(key: str, problem: str) -> ConfigError:
        return ConfigError(f"{source}: '{key}' {problem}")

    def strings(key: str) -> tuple[str, ...]:
        value = data[key]
        if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
            raise fail(key, f"must be {_KEYS[key]}")
        return tuple(value)

    values: dict[str, Any] = {"source": source, "root": root}
    for key in data:
        if key not in _KEYS:
            raise ConfigError(f"{source}: unknown key '{key}' (allowed: {', '.join(_KEYS)})")
    for key in ("select", "extend_select", "ignore", "include", "exclude"):
        if key in data:
            values[key] = strings(key)
    for key in ("packs", "drug_lists"):
        if key in data:
            values[key] = tuple((root / p).resolve() for p in strings(key))
    if "language" in data:
        values["language"] = check_language(data["language"], source)
    for key, allowed in (("fail_on", FAIL_ON), ("encoding_fallback", ENCODING_FALLBACKS)):
        if key in data:
            if data[key] not in allowed:
                raise fail(key, f"must be {_KEYS[key]} (got {data[key]!r})")
            values[key] = data[key]
    if "max_file_size_mb" in data:
        size = data["max_file_size_mb"]
        if isinstance(size, bool) or not isinstance(size, (int, float)) or size <= 0:
            raise fail("max_file_size_mb", f"must be a positive number (got {size!r})")
        values["max_file_size_mb"] = float(size)
    if "rules" in data:
        rules = data["rules"]
        if not isinstance(rules, dict) or not all(isinstance(v, dict) for v in rules.values()):
            raise fail("rules", f"must be {_KEYS['rules']}")
        values["rules"] = {str(k).upper(): dict(v) for k, v in rules.items()}
    if "per_file_ignores" in data:
        table = data["per_file_ignores"]
        if not isinstance(table, dict) or not all(
            isinstance(v, list) and all(isinstance(s, str) for s in v) for v in table.values()
        ):
            raise fail("per_file_ignores", f"must be {_KEYS['per_file_ignores']}")
        values["per_file_ignores"] = {k: tuple(v) for k, v in table.items()}
    return Config(**values)


def load_config_file(path: str | Path) -> Config | None:
    """Read a config file; None for a pyproject.toml without ``[tool.medlint]``."""
    path = Path(path)
    try:
        data = tomllib.loads(path.read_text(encoding="utf-8-sig"))
    except FileNotFoundError:
        raise ConfigError(f"{path}: config file not found") from None
    except (OSError, UnicodeDecodeError) as exc:
        raise ConfigError(f"{path}: cannot read config file: {exc}") from None
    except tomllib.TOMLDecodeError as exc:
        raise ConfigError(f"{path}: invalid TOML: {exc}") from None
    if path.name == "pyproject.toml":
        table = data.get("tool", {}).get("medlint")
        if table is None:
            return None
        if not isinstance(table, dict):
            raise ConfigError(f"{path}: [tool.medlint] must be a table")
        data = table
    return parse_config(data, str(path), path.parent.absolute())


class ConfigFinder:
    """The nearest config file for each folder, cached; ``forced`` (``--config``) wins everywhere."""

    def __init__(self, forced: Config | None = None, default: Config | None = None) -> None:
        self.forced = forced
        self.default = default or Config()
        self._by_dir: dict[Path, Config] = {}

    def for_path(self, path: Path) -> Config:
        if self.forced is not None:
            return self.forced
        folder = (path if path.is_dir() else path.parent).absolute()
        return self._for_dir(folder)

    def _for_dir(self, folder: Path) -> Config:
        if folder in self._by_dir:
            return self._by_dir[folder]
        config = None
        for name in CONFIG_NAMES:
            candidate = folder / name
            if candidate.is_file():
                config = load_config_file(candidate)
                if config is not None:
                    break
        if config is None:
            config = self.default if folder.parent == folder else self._for_dir(folder.parent)
        self._by_dir[folder] = config
        return config
