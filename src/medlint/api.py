"""The library entry points: ``lint_text`` and ``lint_paths``, and the run behind the CLI."""

from __future__ import annotations

import sys
from dataclasses import dataclass, field
from functools import cache
from pathlib import Path
from typing import Any, Callable, Iterable, Mapping

from medlint.config import Config, ConfigFinder, load_config_file, parse_config
from medlint.engine import FileResult, Linter
from medlint.findings import Finding, Severity
from medlint.inputs import InputError, decode, discover, read_file
from medlint.parsers import format_for, parse
from medlint.registry import Registry, build_registry
from medlint.rule import Rule


@cache
def _linter(pack_dirs: tuple[Path, ...]) -> Linter:
    return Linter(build_registry(pack_dirs))


def linter_for(config: Config) -> Linter:
    """The Linter (and its registry) for a config's extra rule packs, built once per process."""
    return _linter(tuple(config.packs))


def registry_for(config: Config | None = None) -> Registry:
    return linter_for(config or Config()).registry


@dataclass
class Report:
    """Results of a run: one FileResult per file (checked or not), plus notes about the inputs."""

    files: list[FileResult] = field(default_factory=list)
    notes: list[tuple[str, str]] = field(default_factory=list)
    thresholds: dict[str, Severity | None] = field(default_factory=dict)
    rules: dict[str, Rule] = field(default_factory=dict)  # every rule that ran, for reporters' metadata
    run_notes: list[str] = field(default_factory=list)  # about the whole run (a missing service), shown once

    @property
    def findings(self) -> list[Finding]:
        return [f for result in self.files for f in result.findings]

    @property
    def checked(self) -> list[FileResult]:
        return [r for r in self.files if r.error is None]

    @property
    def errors(self) -> list[FileResult]:
        return [r for r in self.files if r.error is not None]

    def counts(self) -> dict[str, int]:
        counts = {str(s): 0 for s in Severity}
        for finding in self.findings:
            counts[str(finding.severity)] += 1
        return counts

    def exit_code(self) -> int:
        """2 if a file could not be checked, 1 if a finding is at or above its fail threshold, else 0."""
        if self.errors or not self.checked or any(r.crashes for r in self.files):
            return 2
        for result in self.files:
            threshold = self.thresholds.get(result.path)
            if threshold and any(f.severity.rank >= threshold.rank for f in result.findings):
                return 1
        return 0


def as_config(config: Config | Mapping[str, Any] | str | Path | None) -> Config | None:
    """Accept a Config, a dict shaped like the TOML file, or the path of a config file."""
    if config is None or isinstance(config, Config):
        return config
    if isinstance(config, Mapping):
        return parse_config(dict(config), "config", Path.cwd())
    return load_config_file(config) or Config()


def lint_text(
    text: str, *, format: str = "text", config: Config | Mapping[str, Any] | str | Path | None = None, path: str | None = None
) -> list[Finding]:
    """Check a string; returns the findings, in document order."""
    cfg = as_config(config) or Config()
    doc = parse(text, format, path)
    return linter_for(cfg).lint(doc, cfg).findings


def lint_paths(
    paths: Iterable[str | Path], config: Config | Mapping[str, Any] | str | Path | None = None
) -> Report:
    """Check files and folders (config files are found next to them unless ``config`` is given)."""
    return run([str(p) for p in paths], ConfigFinder(forced=as_config(config)))


def run(
    paths: list[str],
    finder: ConfigFinder,
    *,
    overrides: dict[str, Any] | None = None,
    stdin_filename: str | None = None,
    progress: Callable[[list[Any]], Iterable[Any]] | None = None,
) -> Report:
    """Discover, read, parse and check; never raises for a bad input file (ConfigError does raise)."""
    report = Report()
    overrides = overrides or {}
    configs: dict[int, Config] = {}

    def effective(config: Config) -> Config:
        if id(config) not in configs:
            configs[id(config)] = config.with_overrides(**overrides)
        return configs[id(config)]

    file_paths = [p for p in paths if p != "-"]
    found = discover(file_paths, finder)
    report.notes.extend(found.notes)
    for path, reason in found.errors:
        report.files.append(FileResult(path=path, error=reason))
    if "-" in paths:
        name = stdin_filename or "-"
        config = effective(finder.for_path(Path(name).absolute()))
        _check(report, name, config, format_for(name) or "text", lambda: decode(sys.stdin.buffer.read(), config.encoding_fallback))
    targets = found.targets
    for target in progress(targets) if progress else targets:
        config = effective(target.config)
        _check(report, str(target.path), config, target.format, lambda: read_file(target.path, config))
    for config in configs.values():
        for active in linter_for(config).active_rules(config):
            note = active.rule.run_note(active.options, config.language) if active.rule.supports(config.language) else None
            if note and note not in report.run_notes:
                report.run_notes.append(note)
    return report


def _check(report: Report, path: str, config: Config, fmt: str, read: Callable[[], tuple[str, list[str]]]) -> None:
    linter = linter_for(config)
    for active in linter.active_rules(config):  # config errors stop the run before any file is read
        report.rules.setdefault(active.rule.id, active.rule)
    try:
        text, notes = read()
    except InputError as exc:
        report.files.append(FileResult(path=path, error=str(exc)))
        return
    try:
        doc = parse(text, fmt, path)
    except Exception as exc:  # a parser bug must not stop the other files
        report.files.append(FileResult(path=path, error=f"cannot parse as {fmt}: {exc}"))
        return
    result = linter.lint(doc, config)
    result.notes = notes + result.notes
    report.files.append(result)
    report.thresholds[path] = config.fail_threshold
