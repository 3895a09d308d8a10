"""Shared fixtures: a config that loads the test packs, and paths to test data."""

from __future__ import annotations

from pathlib import Path

import pytest

DATA = Path(__file__).parent / "data"
TEST_PACKS = DATA / "packs"


@pytest.fixture
def test_config() -> dict:
    """Only the test packs' rules (XT01 substitution, XT02 existence)."""
    return {"packs": [str(TEST_PACKS)], "select": ["XT"]}
