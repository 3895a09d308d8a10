"""Shared fixtures: a config that loads the test packs, and paths to test data."""

from __future__ import annotations

from pathlib import Path

import pytest

DATA = Path(__file__).parent / "data"
TEST_PACKS = DATA / "packs"


@pytest.fixture(autouse=True, scope="session")
def _private_cache(tmp_path_factory):
    """Tests build their caches in a folder of their own, never in the user's ~/.cache."""
    mp = pytest.MonkeyPatch()
    mp.setenv("XDG_CACHE_HOME", str(tmp_path_factory.mktemp("cache")))
    yield
    mp.undo()


@pytest.fixture
def test_config() -> dict:
    """Only the test packs' rules (XT01 substitution, XT02 existence)."""
    return {"packs": [str(TEST_PACKS)], "select": ["XT"]}


@pytest.fixture(autouse=True)
def _languagetool_fixture_for_gr_cases(request, monkeypatch):
    """GR rule cases need a LanguageTool: the fixture server of test_grammar.py answers them."""
    if request.node.name.startswith("test_rule_case[GR"):
        from test_grammar import languagetool_fixture_url

        monkeypatch.setenv("MEDLINT_LANGUAGETOOL_URL", languagetool_fixture_url())
        monkeypatch.setenv("NO_PROXY", "127.0.0.1,localhost")
