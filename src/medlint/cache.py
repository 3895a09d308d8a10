"""A per-user cache for data that is slow to build (compiled lists, dictionaries).

Start-up matters (editors and pre-commit hooks run medlint on one file at a time), so anything
that takes more than a few milliseconds to build from its source files is pickled once under
``$XDG_CACHE_HOME/medlint`` (or ``~/.cache/medlint``), keyed by its inputs. ``MEDLINT_NO_CACHE=1``
turns this off; an unwritable or broken cache only makes things slower, never wrong.
"""

from __future__ import annotations

import gc
import hashlib
import os
import pickle
import tempfile
from pathlib import Path
from typing import Callable, Iterable, TypeVar

T = TypeVar("T")
CACHE_FORMAT = 1
KEEP_PER_NAME = 6  # older entries of one kind (from edited lists, other projects) are removed


def cache_dir() -> Path | None:
    """Where cached data is kept, or None when caching is off."""
    if os.environ.get("MEDLINT_NO_CACHE", "").lower() in ("1", "true", "yes"):
        return None
    base = os.environ.get("XDG_CACHE_HOME") or os.path.join(os.path.expanduser("~"), ".cache")
    return Path(base) / "medlint"


def file_key(paths: Iterable[str | os.PathLike[str]]) -> list[str]:
    """Key parts that change when any of ``paths`` changes (path, size, modification time)."""
    parts = []
    for path in paths:
        st = os.stat(path)
        parts.append(f"{Path(path).resolve()}|{st.st_size}|{st.st_mtime_ns}")
    return parts


def load_or_build(name: str, key: Iterable[str], build: Callable[[], T], kind: type | None = None) -> T:
    """The cached value for ``key``, or ``build()`` (then cached). ``kind`` checks what was loaded."""
    folder = cache_dir()
    digest = hashlib.sha256("\n".join([f"format {CACHE_FORMAT}", *key]).encode("utf-8")).hexdigest()[:24]
    path = folder / f"{name}-{digest}.pickle" if folder is not None else None
    if path is not None and path.is_file():
        gc.disable()  # unpickling creates many objects: the collector would run over them again and again
        try:
            with open(path, "rb") as handle:
                value = pickle.load(handle)
            if kind is None or isinstance(value, kind):
                return value
        except Exception:  # a stale or broken cache file is rebuilt
            pass
        finally:
            gc.enable()
    value = build()
    if path is not None:
        try:
            path.parent.mkdir(parents=True, exist_ok=True)
            fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=f".{name}-", suffix=".tmp")
            with os.fdopen(fd, "wb") as handle:
                pickle.dump(value, handle, protocol=pickle.HIGHEST_PROTOCOL)
            os.replace(tmp, path)
            _prune(path.parent, name)
        except OSError:
            pass  # no writable cache: fine, only slower next time
    return value


def _prune(folder: Path, name: str) -> None:
    entries = sorted(folder.glob(f"{name}-*.pickle"), key=lambda p: p.stat().st_mtime, reverse=True)
    for old in entries[KEEP_PER_NAME:]:
        old.unlink(missing_ok=True)
