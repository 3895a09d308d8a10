"""Find many phrases in one pass (Aho-Corasick), whole words only, ignoring case and hyphens."""

from __future__ import annotations

from typing import Generic, Iterable, Iterator, TypeVar

import ahocorasick

from medlint.tokens import fold, phrase_key

V = TypeVar("V")


class PhraseMatcher(Generic[V]):
    """Matches phrases as whole words; the longest match wins where matches overlap.

    Keys and text are both folded (lower case, hyphens as spaces, one apostrophe), which keeps
    offsets, so a match's (start, end) index the original text.
    """

    def __init__(self, entries: Iterable[tuple[str, V]]) -> None:
        self._automaton = ahocorasick.Automaton()
        count = 0
        for phrase, value in entries:
            key = phrase_key(phrase)
            if key:
                self._automaton.add_word(key, (len(key), value))
                count += 1
        self._size = count
        if count:
            self._automaton.make_automaton()

    def __len__(self) -> int:
        return self._size

    def find(self, text: str) -> Iterator[tuple[int, int, V]]:
        """(start, end, value) of each whole-word match, left to right, without overlaps."""
        if not self._size:
            return
        folded = fold(text)
        hits = []
        for end_index, (length, value) in self._automaton.iter(folded):
            start, end = end_index - length + 1, end_index + 1
            if _is_word_boundary(folded, start - 1) and _is_word_boundary(folded, end):
                hits.append((start, end, value))
        hits.sort(key=lambda h: (h[0], -(h[1] - h[0])))
        last_end = -1
        for start, end, value in hits:
            if start >= last_end:
                yield start, end, value
                last_end = end


def _is_word_boundary(text: str, index: int) -> bool:
    if index < 0 or index >= len(text):
        return True
    ch = text[index]
    return not (ch.isalnum() or ch == "_")
