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


def data_file(*parts: str) -> Path:
    """A file shipped in ``rules/``, e.g. ``data_file("lists", "drugs.csv")``."""
    return rules_dir().joinpath(*parts)
