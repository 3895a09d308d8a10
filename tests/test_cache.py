"""The per-user cache of slow-to-build data."""

from __future__ import annotations

from pathlib import Path

import pytest

from medlint import cache


def test_cache_folder_and_switch(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path))
    assert cache.cache_dir() == tmp_path / "medlint"
    monkeypatch.setenv("MEDLINT_NO_CACHE", "1")
    assert cache.cache_dir() is None


def test_built_once_then_loaded_and_rebuilt_when_the_key_changes(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path))
    monkeypatch.delenv("MEDLINT_NO_CACHE", raising=False)
    builds = []

    def build() -> dict:
        builds.append(1)
        return {"n": len(builds)}

    assert cache.load_or_build("thing", ["a"], build, dict) == {"n": 1}
    assert cache.load_or_build("thing", ["a"], build, dict) == {"n": 1}
    assert cache.load_or_build("thing", ["b"], build, dict) == {"n": 2}
    assert len(list((tmp_path / "medlint").glob("thing-*.pickle"))) == 2


def test_wrong_type_or_broken_file_is_rebuilt(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path))
    monkeypatch.delenv("MEDLINT_NO_CACHE", raising=False)
    cache.load_or_build("thing", ["k"], lambda: [1], list)
    assert cache.load_or_build("thing", ["k"], lambda: {"x": 1}, dict) == {"x": 1}
    for path in (tmp_path / "medlint").glob("thing-*.pickle"):
        path.write_bytes(b"broken")
    assert cache.load_or_build("thing", ["k"], lambda: {"y": 2}, dict) == {"y": 2}


def test_unwritable_cache_still_builds(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    blocker = tmp_path / "file"
    blocker.write_text("x", encoding="utf-8")
    monkeypatch.setenv("XDG_CACHE_HOME", str(blocker))
    assert cache.load_or_build("thing", ["k"], lambda: {"z": 3}, dict) == {"z": 3}


def test_old_entries_are_pruned(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path))
    monkeypatch.delenv("MEDLINT_NO_CACHE", raising=False)
    for i in range(cache.KEEP_PER_NAME + 3):
        cache.load_or_build("thing", [str(i)], lambda: i)
    assert len(list((tmp_path / "medlint").glob("thing-*.pickle"))) == cache.KEEP_PER_NAME
