"""Reading files: encodings, binary and empty files, and walking folders."""

from __future__ import annotations

import codecs

import pytest

from medlint.config import Config, ConfigFinder
from medlint.inputs import InputError, decode, discover


@pytest.mark.parametrize(
    "data",
    [
        "Café au lait.".encode("utf-8"),
        codecs.BOM_UTF8 + "Café au lait.".encode("utf-8"),
        codecs.BOM_UTF16_LE + "Café au lait.".encode("utf-16-le"),
        codecs.BOM_UTF16_BE + "Café au lait.".encode("utf-16-be"),
    ],
)
def test_unicode_encodings(data):
    assert decode(data) == ("Café au lait.", [])


def test_windows_1252_fallback_is_stated():
    text, notes = decode("Café – ok".encode("cp1252"))
    assert text == "Café – ok"
    assert notes == ['not valid UTF-8 (byte 0xe9 at offset 3); read as Windows-1252 (set encoding_fallback = "none" to refuse)']


def test_invalid_utf8_without_fallback_is_an_error():
    with pytest.raises(InputError, match=r"not valid UTF-8 \(byte 0xe9 at offset 3\); save it as UTF-8"):
        decode("Café".encode("cp1252"), "none")


def test_bytes_that_are_neither_utf8_nor_cp1252():
    with pytest.raises(InputError, match="nor Windows-1252"):
        decode(b"abc \x81 def")


def test_binary_file():
    with pytest.raises(InputError, match="binary file"):
        decode(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR")


def test_empty_file_is_noted():
    assert decode(b"") == ("", ["empty file: nothing to check"])


def test_discover_walks_folders_with_include_and_exclude(tmp_path):
    (tmp_path / "docs" / "drafts").mkdir(parents=True)
    (tmp_path / "node_modules").mkdir()
    for name in ("docs/a.md", "docs/drafts/b.txt", "docs/c.html", "docs/logo.png", "node_modules/x.md"):
        (tmp_path / name).write_text("Hello.", encoding="utf-8")
    config = Config(root=tmp_path, exclude=("node_modules", "drafts"))
    found = discover([str(tmp_path)], ConfigFinder(forced=config))
    assert sorted(t.path.relative_to(tmp_path).as_posix() for t in found.targets) == ["docs/a.md", "docs/c.html"]
    assert found.notes == [(str(tmp_path), "skipped 1 file(s) of other types")]


def test_discover_reports_missing_paths_and_empty_folders(tmp_path):
    (tmp_path / "empty").mkdir()
    found = discover([str(tmp_path / "nope.md"), str(tmp_path / "empty")], ConfigFinder(forced=Config()))
    assert found.errors == [(str(tmp_path / "nope.md"), "no such file or directory")]
    assert found.notes == [(str(tmp_path / "empty"), "no .txt, .md or .html files to check here")]
