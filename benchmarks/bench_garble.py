#!/usr/bin/env python3
"""Speed of the GB family against the core pass, on a generated corpus of 1,000 files (3-7 KB).

    .venv/bin/python benchmarks/bench_garble.py [--files 1000] [--repeat 3] [--keep DIR]

The corpus is generated (``generate_corpus``, fixed seed) from the sentences of
``garble_eval/clean.txt`` and, in one file out of ten, a few sentences of ``garble_eval/spun.tsv``,
as paragraphs of plain text, Markdown and HTML. The *core pass* is reading, parsing and every
default rule outside the GB family; the GB run adds GB01-GB03. Both use ``lint_paths`` (what the
CLI runs). The one-time load of the GB lexicon (per process) is timed apart. Pass: the GB family
adds at most 50% to the core pass.
"""

from __future__ import annotations

import argparse
import csv
import random
import statistics
import tempfile
import time
from pathlib import Path

from medlint import lint_paths
from medlint.api import registry_for

HERE = Path(__file__).parent / "garble_eval"


def generate_corpus(directory: Path, files: int = 1000, seed: int = 4) -> list[Path]:
    """Write ``files`` documents of 3-7 KB into ``directory`` (shareable by other benchmarks)."""
    rng = random.Random(seed)
    clean = [s.strip() for s in (HERE / "clean.txt").read_text(encoding="utf-8").splitlines() if s.strip()]
    with open(HERE / "spun.tsv", encoding="utf-8") as fh:
        spun = [row["sentence"] for row in csv.DictReader(fh, delimiter="\t")]
    paths = []
    for i in range(files):
        size = rng.randint(3000, 7000)
        fmt = ("txt", "md", "html")[i % 3]
        paragraphs, length = [], 0
        while length < size:
            sentences = rng.sample(clean, rng.randint(3, 6))
            if i % 10 == 0 and rng.random() < 0.3:
                sentences[rng.randrange(len(sentences))] = rng.choice(spun)
            para = " ".join(sentences)
            paragraphs.append(para)
            length += len(para) + 2
        if fmt == "md":
            body = f"# Leaflet {i}\n\n" + "\n\n".join(paragraphs) + "\n"
        elif fmt == "html":
            body = f"<html><body><h1>Leaflet {i}</h1>\n" + "\n".join(f"<p>{p}</p>" for p in paragraphs) + "\n</body></html>\n"
        else:
            body = "\n\n".join(paragraphs) + "\n"
        path = directory / f"doc{i:04d}.{fmt}"
        path.write_text(body, encoding="utf-8")
        paths.append(path)
    return paths


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
        paths = generate_corpus(directory, args.files)
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
