"""Run the selected rules on a Document: selection, severities, options, suppression, order."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from medlint.config import Config, ConfigError
from medlint.document import Document
from medlint.findings import Finding, Severity
from medlint.registry import FAMILIES, Registry
from medlint.rule import DataFileError, Resources, Rule, RuleContext
from medlint.suppress import suppressed


@dataclass(frozen=True)
class ActiveRule:
    """A rule as configured for a run: its severity and its options (defaults filled in)."""

    rule: Rule
    severity: Severity
    options: dict[str, Any]


@dataclass
class FileResult:
    """What checking one file produced. ``error`` is set when the file could not be checked."""

    path: str
    findings: list[Finding] = field(default_factory=list)
    metrics: dict[str, Any] = field(default_factory=dict)
    error: str | None = None  # the file could not be checked at all
    crashes: list[str] = field(default_factory=list)  # rules that failed on it (the others still ran)
    notes: list[str] = field(default_factory=list)

    @property
    def problems(self) -> list[str]:
        """Everything that went wrong with this file, for error output."""
        return ([self.error] if self.error else []) + self.crashes


def resolve_rules(config: Config, registry: Registry) -> list[ActiveRule]:
    """The rules ``config`` turns on, validated against the registry (ConfigError names the file)."""
    source = config.source or "command line"
    for key in ("select", "extend_select", "ignore"):
        for selector in getattr(config, key) or ():
            _check_selector(registry, selector, key, source)
    for pattern, selectors in config.per_file_ignores.items():
        for selector in selectors:
            _check_selector(registry, selector, f"per_file_ignores.{pattern}", source)

    chosen: dict[str, Rule] = {}
    if config.select is None:
        chosen.update((r.id, r) for r in registry if r.default_enabled)
    for selector in (config.select or ()) + config.extend_select:
        explicit = selector.upper() != "ALL"
        chosen.update((r.id, r) for r in registry.matching(selector) if r.default_enabled or explicit)
    for selector in config.ignore:
        for rule in registry.matching(selector):
            chosen.pop(rule.id, None)

    configured = {rule_id: _rule_settings(registry, rule_id, settings, source) for rule_id, settings in config.rules.items()}
    active = []
    for rule in chosen.values():
        severity, options = configured.get(rule.id, (None, {}))
        defaults = {key: opt.default for key, opt in rule.options.items()}
        active.append(ActiveRule(rule, severity or rule.default_severity, {**defaults, **options}))
    return sorted(active, key=lambda a: a.rule.id)


def _rule_settings(
    registry: Registry, rule_id: str, settings: dict[str, Any], source: str
) -> tuple[Severity | None, dict[str, Any]]:
    """Validate one ``[rules.ID]`` table: its severity and options."""
    rule = registry.get(rule_id)
    if rule is None:
        raise ConfigError(f"{source}: unknown rule '{rule_id}' in [rules.{rule_id}] (see `medlint rules`)")
    severity = None
    options = {}
    for key, value in settings.items():
        if key == "severity":
            if value not in [s.value for s in Severity]:
                raise ConfigError(f"{source}: 'rules.{rule_id}.severity' must be one of error, warning, info (got {value!r})")
            severity = Severity(value)
        elif key in rule.options:
            try:
                options[key] = rule.options[key].validate(value)
            except ValueError as exc:
                raise ConfigError(f"{source}: 'rules.{rule_id}.{key}' {exc}") from None
        else:
            allowed = ", ".join(["severity", *rule.options])
            raise ConfigError(f"{source}: unknown option '{key}' for rule {rule_id} (allowed: {allowed})")
    return severity, options


def _check_selector(registry: Registry, selector: str, key: str, source: str) -> None:
    if not registry.is_selector(selector):
        raise ConfigError(
            f"{source}: unknown rule or family '{selector}' in '{key}' "
            f"(families: {', '.join(FAMILIES)}; see `medlint rules` for ids)"
        )


class Linter:
    """Checks documents; remembers the resolved rules of each Config it has seen."""

    def __init__(self, registry: Registry) -> None:
        self.registry = registry
        self._resolved: dict[int, tuple[Config, list[ActiveRule]]] = {}

    def active_rules(self, config: Config) -> list[ActiveRule]:
        cached = self._resolved.get(id(config))
        if cached is None or cached[0] is not config:
            cached = (config, resolve_rules(config, self.registry))
            self._resolved[id(config)] = cached
        return cached[1]

    def lint(self, doc: Document, config: Config) -> FileResult:
        result = FileResult(path=doc.path or "-")
        ignored = config.ignored_for(doc.path)
        resources = Resources({"drug_lists": config.drug_lists})
        running = [
            a for a in self.active_rules(config)
            if a.rule.supports(config.language) and not any(a.rule.id.startswith(s.upper()) for s in ignored)
        ]
        ids = frozenset(a.rule.id for a in running)
        for active in running:
            rule = active.rule
            ctx = RuleContext(rule, doc, active.severity, active.options, config.language, resources, result.metrics, ids)
            try:
                result.findings.extend(f for f in rule.check(doc, ctx) if not suppressed(f, doc))
            except DataFileError as exc:
                raise ConfigError(f"{config.source or 'configuration'}: {exc}") from None
            except Exception as exc:  # a broken rule must not hide the other rules' findings
                result.crashes.append(f"internal error in rule {rule.id} ({type(exc).__name__}: {exc}); please report it")
        result.findings.sort(key=Finding.sort_key)
        return result
