"""Find the files to check and read them as text, with a clear reason when that is impossible."""

from __future__ import annotations

import codecs
import os
from dataclasses import dataclass, field
from pathlib import Path
from medlint.config import Config, ConfigFinder
from medlint.parsers import format_for

_UTF16_BOMS = (codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)


class InputError(Exception):
    """A file that cannot be checked; the message says why (the path is reported beside it)."""


@dataclass
class Target:
    """One file to check, with the config that applies to it and its format."""

    path: Path
    config: Config
    format: str


@dataclass
class Discovery:
    targets: list[Target] = field(default_factory=list)
    errors: list[tuple[str, str]] = field(default_factory=list)  # (path, reason)
    notes: list[tuple[str, str]] = field(default_factory=list)


def discover(paths: list[str], finder: ConfigFinder) -> Discovery:
    """Expand the command-line paths: files as given, folders walked with include/exclude."""
    found = Discovery()
    seen: set[Path] = set()
    for arg in paths:
        path = Path(arg)
        if path.is_dir():
            _walk(path, finder, found, seen)
        elif path.is_file():
            fmt = format_for(path)
            if fmt is None:
                found.notes.append((arg, "skipped: not a .txt, .md or .html file"))
            elif path.resolve() not in seen:
                seen.add(path.resolve())
                found.targets.append(Target(path, finder.for_path(path), fmt))
        elif path.exists():
            found.errors.append((arg, "not a regular file"))
        else:
            found.errors.append((arg, "no such file or directory"))
    return found


def _walk(root: Path, finder: ConfigFinder, found: Discovery, seen: set[Path]) -> None:
    skipped = 0
    before = len(found.targets)
    for folder, dirnames, filenames in os.walk(root):
        here = Path(folder)
        config = finder.for_path(here / "_")
        dirnames[:] = sorted(d for d in dirnames if not config.excludes(here / d))
        for name in sorted(filenames):
            path = here / name
            fmt = format_for(path)
            if config.excludes(path):
                continue
            if fmt is None or not config.includes(path):
                skipped += 1
                continue
            if path.resolve() not in seen:
                seen.add(path.resolve())
                found.targets.append(Target(path, config, fmt))
    if len(found.targets) == before:
        found.notes.append((str(root), "no .txt, .md or .html files to check here"))
    elif skipped:
        found.notes.append((str(root), f"skipped {skipped} file(s) of other types"))


def read_file(path: Path, config: Config) -> tuple[str, list[str]]:
    """The text of ``path`` and notes about how it was read; InputError if it cannot be."""
    try:
        size = path.stat().st_size
    except OSError as exc:
        raise InputError(f"cannot read: {exc.strerror or exc}") from None
    limit = config.max_file_size_mb * 1024 * 1024
    if size > limit:
        raise InputError(
            f"file is {size / 1048576:.1f} MB, over the limit of {config.max_file_size_mb:g} MB "
            "(raise max_file_size_mb to check it)"
        )
    try:
        data = path.read_bytes()
    except OSError as exc:
        raise InputError(f"cannot read: {exc.strerror or exc}") from None
    return decode(data, config.encoding_fallback)


def decode(data: bytes, fallback: str = "cp1252") -> tuple[str, list[str]]:
    """Decode UTF-8 (with or without BOM) or BOM-marked UTF-16; optionally fall back to Windows-1252."""
    notes: list[str] = []
    if data.startswith(_UTF16_BOMS):
        try:
            text = data.decode("utf-16")
        except UnicodeDecodeError as exc:
            raise InputError(f"not valid UTF-16 (byte {exc.start}): {exc.reason}") from None
    else:
        if b"\x00" in data:
            raise InputError("binary file (contains NUL bytes); medlint checks text, Markdown and HTML")
        try:
            text = data.decode("utf-8-sig")
        except UnicodeDecodeError as exc:
            position = f"not valid UTF-8 (byte 0x{data[exc.start]:02x} at offset {exc.start})"
            if fallback != "cp1252":
                raise InputError(f"{position}; save it as UTF-8") from None
            try:
                text = data.decode("cp1252")
            except UnicodeDecodeError:
                raise InputError(f"{position}, nor Windows-1252; save it as UTF-8") from None
            notes.append(f"{position}; read as Windows-1252 (set encoding_fallback = \"none\" to refuse)")
    controls = sum(1 for ch in text[:4096] if ord(ch) < 32 and ch not in "\t\n\r\f\v")
    if controls > 8:
        raise InputError("binary file (control characters); medlint checks text, Markdown and HTML")
    if not text.strip():
        notes.append("empty file: nothing to check")
    return text, notes
