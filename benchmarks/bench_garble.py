#!/usr/bin/env python3
"""Speed of the GB family against the core pass, on a generated corpus of 1,000 files (3-7 KB).

    .venv/bin/python benchmarks/bench_garble.py [--files 1000] [--repeat 3] [--keep DIR]

The corpus is the shared generated one (``benchmarks/corpus.py``: sentences of
``garble_eval/clean.txt`` and, in one file out of ten, some of ``garble_eval/spun.tsv``). The *core pass* is reading, parsing and every
default rule outside the GB family; the GB run adds GB01-GB03. Both use ``lint_paths`` (what the
CLI runs). The one-time load of the GB lexicon (per process) is timed apart. Pass: the GB family
adds at most 50% to the core pass.
"""

from __future__ import annotations

import argparse
import statistics
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).parent))

from corpus import make_corpus  # noqa: E402

from medlint import lint_paths  # noqa: E402
from medlint.api import registry_for  # noqa: E402

def timed(directory: Path, select: list[str]) -> tuple[float, int]:
    start = time.perf_counter()
    report = lint_paths([directory], config={"select": select})
    return time.perf_counter() - start, len(report.findings)


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--files", type=int, default=1000)
    ap.add_argument("--repeat", type=int, default=3)
    ap.add_argument("--keep", type=Path, help="write the corpus here instead of a temporary folder")
    args = ap.parse_args(argv)
    registry = registry_for()
    core = [r.id for r in registry if r.default_enabled and r.family != "GB"]
    gb = [r.id for r in registry if r.family == "GB"]
    with tempfile.TemporaryDirectory() as tmp:
        directory = args.keep or Path(tmp)
        directory.mkdir(parents=True, exist_ok=True)
        paths = make_corpus(directory, args.files)
        size = sum(p.stat().st_size for p in paths)
        print(f"corpus: {len(paths)} files, {size / 1e6:.1f} MB; core rules: {', '.join(core)}; GB: {', '.join(gb)}")
        t0 = time.perf_counter()
        from medlint.garble.lexicon import load_lexicon

        load_lexicon()
        print(f"GB lexicon load (once per process, not in the runs below): {time.perf_counter() - t0:.2f} s")
        timed(directory, core + gb)  # warm-up: caches, lexicon in Resources
        core_t, gb_t, both_t = [], [], []
        for _ in range(args.repeat):
            core_t.append(timed(directory, core)[0])
            both_t.append(timed(directory, core + gb)[0])
            gb_t.append(timed(directory, gb)[0])
        c, b = statistics.median(core_t), statistics.median(both_t)
        print(f"core pass:          {c:.2f} s (median of {args.repeat})")
        print(f"core + GB family:   {b:.2f} s")
        print(f"GB family alone:    {statistics.median(gb_t):.2f} s (includes reading and parsing)")
        overhead = (b - c) / c
        print(f"GB overhead on the core pass: {overhead:+.0%} (target <= +50%): {'PASS' if overhead <= 0.5 else 'FAIL'}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
