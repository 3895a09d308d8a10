"""Read ``<!-- medlint-disable ... -->`` style comments, shared by the Markdown and HTML parsers."""

from __future__ import annotations

import re

from medlint.document import Directive

_DIRECTIVE = re.compile(
    r"^\s*medlint-(disable-next-line|disable|enable)\b([\s\w,]*)$", re.IGNORECASE
)


def parse_comment(body: str, start: int, line: int) -> Directive | None:
    """A Directive for an HTML comment body such as ``medlint-disable GB01, DR``, else None."""
    m = _DIRECTIVE.match(body.strip())
    if not m:
        return None
    rules = tuple(r.upper() for r in re.split(r"[\s,]+", m.group(2).strip()) if r)
    return Directive(action=m.group(1).lower(), rules=rules, start=start, line=line)
