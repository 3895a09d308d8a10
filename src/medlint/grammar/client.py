"""A thin wrapper around ``language_tool_python.LanguageTool``: one per backend, shared by every file.

The wrapper switches the language only when it changes (LanguageTool asks the server for its
languages on every switch), sends long texts in pieces that end at a paragraph break, and turns
``language_tool_python`` matches into :class:`medlint.grammar.mapping.LTMatch` with offsets in
Python characters. Any failure is raised as :class:`CheckFailed`, so the caller can switch the
family off for the rest of the run with one note.
"""

from __future__ import annotations

from typing import Any, Iterable

from medlint.grammar.mapping import LTMatch

#: Characters per request. LanguageTool's public API refuses more than 20,000 (premium aside);
#: self-hosted servers accept more, but smaller requests keep memory and latency low.
MAX_CHARS = 15_000


class CheckFailed(RuntimeError):
    """LanguageTool did not answer a check (server gone, bad answer, rate limit)."""


class LanguageToolClient:
    """Checks texts with one ``language_tool_python.LanguageTool`` (remote or local server)."""

    def __init__(self, tool: Any, description: str, languages: Iterable[str]) -> None:
        self.tool = tool
        self.description = description  # "the LanguageTool server at http://..." or "the local LanguageTool 6.8"
        self.languages = {code.lower() for code in languages if code}
        self._code: str | None = None  # the language last set on the tool

    def supports(self, code: str) -> bool:
        """True if the server knows ``code`` ("en-GB") or at least its language ("en")."""
        code = code.lower()
        return code in self.languages or code.split("-")[0] in self.languages

    def check(self, text: str, code: str, disabled_rules: Iterable[str] = ()) -> list[LTMatch]:
        """Matches in ``text`` (offsets in Python characters of ``text``)."""
        try:
            if self._code != code:
                self.tool.language = code  # asks the server for its languages; resets disabled rules
                self._code = code
            self.tool.disabled_rules = set(disabled_rules)
            found: list[LTMatch] = []
            for start, piece in split_text(text, MAX_CHARS):
                for match in self.tool.check(piece):
                    lt = LTMatch.from_match(match, piece)
                    found.append(lt.shifted(start))
            return found
        except Exception as exc:  # requests, LanguageToolError, RateLimitError, bad JSON...
            raise CheckFailed(describe(exc)) from exc

    def close(self) -> None:
        try:
            self.tool.close()
        except Exception:  # pragma: no cover - best effort at exit
            pass


def split_text(text: str, limit: int) -> list[tuple[int, str]]:
    """Pieces of at most ``limit`` characters, cut after a blank line where possible: (start, piece)."""
    pieces: list[tuple[int, str]] = []
    start = 0
    while len(text) - start > limit:
        cut = text.rfind("\n\n", start, start + limit)
        if cut <= start:
            cut = text.rfind(" ", start, start + limit)
        cut = start + limit if cut <= start else cut + 1
        pieces.append((start, text[start:cut]))
        start = cut
    if start < len(text) or not pieces:
        pieces.append((start, text[start:]))
    return pieces


def describe(exc: BaseException, timeout: float | None = None) -> str:
    """A short, one-line reason for a failed request (no urllib3 pool internals)."""
    try:
        import requests
    except ImportError:  # pragma: no cover - a dependency of language_tool_python
        return _short(exc)
    seen: set[int] = set()
    current: BaseException | None = exc
    while current is not None and id(current) not in seen:  # language_tool_python wraps requests errors
        seen.add(id(current))
        if isinstance(current, requests.exceptions.Timeout):
            return f"no answer within {timeout:g} s" if timeout else "no answer in time"
        if isinstance(current, requests.exceptions.ConnectionError):
            text = str(current).lower()
            if "refused" in text:
                return "connection refused"
            if "name or service not known" in text or "nodename nor servname" in text or "getaddrinfo" in text:
                return "unknown host"
            return "cannot connect"
        if isinstance(current, requests.exceptions.HTTPError) and current.response is not None:
            return f"HTTP error {current.response.status_code}"
        current = current.__cause__ or current.__context__
    return _short(exc)


def _short(exc: BaseException, limit: int = 160) -> str:
    """A one-line, bounded description of an exception."""
    text = " ".join(str(exc).split()) or type(exc).__name__
    return text if len(text) <= limit else text[: limit - 1] + "…"
