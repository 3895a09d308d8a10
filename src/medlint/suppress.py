"""Inline suppression: ``<!-- medlint-disable ID -->`` ... ``<!-- medlint-enable ID -->`` and
``<!-- medlint-disable-next-line ID -->`` (no ids: every rule)."""

from __future__ import annotations

from medlint.document import Document
from medlint.findings import Finding


def _covers(selectors: tuple[str, ...], rule_id: str) -> bool:
    return not selectors or any(rule_id.startswith(s) for s in selectors)


def suppressed(finding: Finding, doc: Document) -> bool:
    """True if an inline directive switches the finding's rule off where it is."""
    off = False
    for directive in sorted(doc.directives, key=lambda d: d.start):
        if not _covers(directive.rules, finding.rule):
            continue
        if directive.action == "disable-next-line":
            if finding.line == _next_content_line(doc, directive.line):
                return True
        elif directive.start <= finding.start:
            off = directive.action == "disable"
    return off


def _next_content_line(doc: Document, line: int) -> int:
    index = doc.line_index
    target = line + 1
    while target <= index.line_count:
        start = index.line_start(target)
        end = index.line_start(target + 1) if target < index.line_count else len(doc.text)
        if doc.text[start:end].strip():
            return target
        target += 1
    return target
