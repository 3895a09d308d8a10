"""Turn file text into a Document; each format has its own module, rules never parse formats."""

from __future__ import annotations

from pathlib import PurePath

from medlint.document import Document
from medlint.parsers import html, markdown, plaintext

_PARSERS = {"text": plaintext.parse, "markdown": markdown.parse, "html": html.parse}
EXTENSIONS = {
    ".txt": "text",
    ".text": "text",
    ".md": "markdown",
    ".markdown": "markdown",
    ".html": "html",
    ".htm": "html",
}
FORMATS = tuple(_PARSERS)


def format_for(path: str | PurePath) -> str | None:
    """The format a file name implies, or None for a type medlint does not check."""
    return EXTENSIONS.get(PurePath(path).suffix.lower())


def parse(text: str, format: str = "text", path: str | None = None) -> Document:
    try:
        parser = _PARSERS[format]
    except KeyError:
        raise ValueError(f"unknown format {format!r}; expected one of {', '.join(FORMATS)}") from None
    return parser(text, path)
