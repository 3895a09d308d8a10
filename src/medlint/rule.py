"""What a rule is: metadata for users, declared options, and a ``check`` that yields findings.

Code rules subclass ``Rule`` and are decorated with ``@register``; data rules (YAML packs) are
built from the same class by ``medlint.ruletypes``. Rules are pure: no I/O, no globals; anything
they need from outside (reference lists) comes through ``RuleContext``.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Any, Callable, ClassVar, Iterable, Iterator

from medlint.document import Block, Document
from medlint.findings import Applicability, Finding, Severity

RULE_ID = re.compile(r"^[A-Z]{2}\d{2}$")


@dataclass(frozen=True)
class Option:
    """A rule option: its type, default and one line of help (validation and docs come from here)."""

    type: type | tuple[type, ...]
    default: Any
    help: str
    choices: tuple[Any, ...] | None = None

    def validate(self, value: Any) -> Any:
        """Return ``value`` if acceptable, else raise ValueError saying what is allowed."""
        expected = self.type if isinstance(self.type, tuple) else (self.type,)
        if float in expected and isinstance(value, int) and not isinstance(value, bool):
            value = float(value)
        if isinstance(value, bool) and bool not in expected:
            raise ValueError(f"must be {_type_names(expected)}, not a boolean")
        if not isinstance(value, expected):
            raise ValueError(f"must be {_type_names(expected)} (got {value!r})")
        if isinstance(value, list) and not all(isinstance(v, str) for v in value):
            raise ValueError("must be a list of strings")
        if self.choices is not None and value not in self.choices:
            raise ValueError(f"must be one of {', '.join(map(str, self.choices))} (got {value!r})")
        return value


def _type_names(types: tuple[type, ...]) -> str:
    names = {int: "an integer", float: "a number", str: "a string", bool: "true or false", list: "a list"}
    return " or ".join(names.get(t, t.__name__) for t in types)


class Rule:
    """Base class of every rule. Subclasses set the metadata and implement ``check``."""

    id: ClassVar[str]
    name: ClassVar[str]
    summary: ClassVar[str]
    default_severity: ClassVar[Severity] = Severity.WARNING
    why: ClassVar[str] = ""
    example: ClassVar[str] = ""
    better: ClassVar[str] = ""
    sources: ClassVar[tuple[str, ...]] = ()
    options: ClassVar[dict[str, Option]] = {}
    applicability: ClassVar[Applicability] = Applicability.DISPLAY_ONLY
    languages: ClassVar[tuple[str, ...] | None] = ("en",)  # None: every language
    default_enabled: ClassVar[bool] = True
    origin: ClassVar[str] = "builtin"

    @property
    def family(self) -> str:
        return self.id[:2]

    @property
    def fixable(self) -> bool:
        return self.applicability is not Applicability.DISPLAY_ONLY

    def supports(self, language: str) -> bool:
        return self.languages is None or language.split("-")[0].lower() in self.languages

    def check(self, doc: Document, ctx: "RuleContext") -> Iterable[Finding]:  # pragma: no cover
        raise NotImplementedError

    def run_note(self, options: dict[str, Any], language: str) -> str | None:
        """One line to show once per run when the rule cannot work here (a missing service), else None."""
        return None

    def explain(self) -> str:
        """The full explanation in Markdown (``medlint rule ID``)."""
        parts = [f"# {self.id} {self.name}", "", self.summary, ""]
        meta = f"Default severity: {self.default_severity}. Fix: {self.applicability}."
        if self.languages is not None:
            meta += f" Languages: {', '.join(self.languages)}."
        if not self.default_enabled:
            meta += " Off by default: enable it with `select` or `extend_select`."
        parts += [meta, ""]
        if self.why:
            parts += ["## Why it matters", "", self.why.strip(), ""]
        if self.example:
            parts += ["## Example", "", _quote(self.example), ""]
        if self.better:
            parts += ["## Better", "", _quote(self.better), ""]
        if self.options:
            parts += ["## Options", ""]
            for key, opt in self.options.items():
                parts.append(f"- `{key}` (default `{opt.default!r}`): {opt.help}")
            parts.append("")
        if self.sources:
            parts += ["## Sources", ""] + [f"- {s}" for s in self.sources] + [""]
        return "\n".join(parts).rstrip() + "\n"


def _quote(text: str) -> str:
    return "\n".join(f"> {line}" for line in text.strip().splitlines())


@dataclass
class RuleContext:
    """What a rule may use while checking one document, and how it reports."""

    rule: Rule
    doc: Document
    severity: Severity
    options: dict[str, Any]
    language: str = "en"
    resources: "Resources | None" = None
    metrics: dict[str, Any] = field(default_factory=dict)
    active: frozenset[str] = frozenset()  # ids of every rule running on this document

    def finding(
        self,
        start: int,
        end: int,
        message: str,
        *,
        block: Block | None = None,
        suggestions: Iterable[str] = (),
        severity: Severity | None = None,
        applicability: Applicability | None = None,
    ) -> Finding:
        """A finding over [start, end): offsets in ``block.text`` if a block is given, else in the file."""
        if block is not None:
            start, end = block.source_range(start, end)
        line, column = self.doc.position(start)
        end_line, end_column = self.doc.position(end)
        return Finding(
            rule=self.rule.id,
            name=self.rule.name,
            severity=severity or self.severity,
            message=message,
            start=start,
            end=end,
            line=line,
            column=column,
            end_line=end_line,
            end_column=end_column,
            match=_one_line(self.doc.text[start:end]),
            suggestions=tuple(suggestions),
            applicability=applicability or self.rule.applicability,
            path=self.doc.path,
        )

    def document_finding(self, message: str, *, severity: Severity | None = None) -> Finding:
        """A finding about the whole document: it points at line 1, column 1."""
        return self.finding(0, 0, message, severity=severity)


def _one_line(text: str, limit: int = 200) -> str:
    text = " ".join(text.split())
    return text if len(text) <= limit else text[: limit - 1] + "…"


class DataFileError(ValueError):
    """A data file the configuration points at (a reference list) cannot be used.

    Raised by rules while loading resources; the run stops as for a configuration error, with
    the message (which names the file and the problem) shown once.
    """


class Resources:
    """Shared, lazily loaded data (reference lists, word lists), cached per process by key."""

    _cache: ClassVar[dict[Any, Any]] = {}

    def __init__(self, settings: dict[str, Any] | None = None) -> None:
        self.settings = settings or {}

    def get(self, key: Any, load: Callable[[], Any]) -> Any:
        if key not in self._cache:
            self._cache[key] = load()
        return self._cache[key]


_REGISTERED: list[type[Rule]] = []


def register(cls: type[Rule]) -> type[Rule]:
    """Class decorator that adds a code rule to the built-in set."""
    _REGISTERED.append(cls)
    return cls


def registered_rules() -> Iterator[type[Rule]]:
    return iter(_REGISTERED)
