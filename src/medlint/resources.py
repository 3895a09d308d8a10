"""Where the packaged data lives: ``medlint/_rules`` in a wheel, ``rules/`` in a source checkout."""

from __future__ import annotations

from functools import cache
from pathlib import Path


@cache
def rules_dir() -> Path:
    packaged = Path(__file__).parent / "_rules"
    if packaged.is_dir():
        return packaged
    checkout = Path(__file__).resolve().parents[2] / "rules"
    if checkout.is_dir():
        return checkout
    raise FileNotFoundError("medlint's rule packs are missing: reinstall medlint")


@cache
def medical_terms() -> tuple[str, ...]:
    """The fixed medical terms of ``lists/medical-terms.txt`` (GB02, and known words for DR and GR)."""
    return read_list(data_file("lists", "medical-terms.txt"))


def read_list(path: Path) -> tuple[str, ...]:
    """The entries of a list file: one a line, without '#' comments and blank lines."""
    text = path.read_text(encoding="utf-8")
    return tuple(line.strip() for line in text.splitlines() if line.strip() and not line.startswith("#"))


def data_file(*parts: str) -> Path:
    """A file shipped in ``rules/``, e.g. ``data_file("lists", "drugs.csv")``."""
    return rules_dir().joinpath(*parts)
