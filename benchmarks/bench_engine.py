"""Throughput and peak memory of the engine on a generated corpus, and start-up time.

Usage: python benchmarks/bench_engine.py [--select RD03] [--files 1000]
Prints files/s, MB/s and peak memory (tracemalloc and max RSS) for 1,000 files of 3-7 KB and one
5 MB file, on one core, plus the wall time of `medlint check` on one small file in a new process.
"""

from __future__ import annotations

import argparse
import resource
import subprocess
import sys
import tempfile
import time
import tracemalloc
from pathlib import Path

sys.path.insert(0, str(Path(__file__).parent))

from corpus import make_corpus, make_large_file  # noqa: E402

from medlint import lint_paths  # noqa: E402


def measure(label: str, paths: list[Path], config: dict) -> None:
    size = sum(p.stat().st_size for p in paths)
    lint_paths(paths[:1], config=config)  # warm-up: loads the rules once, as a real run does
    start = time.perf_counter()
    report = lint_paths(paths, config=config)
    elapsed = time.perf_counter() - start
    tracemalloc.start()  # a second run for memory: tracing slows Python down too much to time it
    lint_paths(paths, config=config)
    _, peak = tracemalloc.get_traced_memory()
    tracemalloc.stop()
    print(
        f"{label}: {len(paths)} files, {size / 1e6:.2f} MB in {elapsed:.2f} s = "
        f"{len(paths) / elapsed:,.0f} files/s, {size / 1e6 / elapsed:.2f} MB/s; "
        f"{len(report.findings):,} findings; peak traced memory {peak / 1e6:.1f} MB"
    )


def startup(sample: Path, select: str | None) -> None:
    cmd = [sys.executable, "-m", "medlint", "check", str(sample)] + (["--select", select] if select else [])
    runs = []
    for _ in range(3):
        start = time.perf_counter()
        subprocess.run(cmd, capture_output=True, check=False)
        runs.append(time.perf_counter() - start)
    print(f"one small file, new process (best of 3): {min(runs):.2f} s")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--select", help="rules to run (default: every default rule)")
    parser.add_argument("--files", type=int, default=1000)
    args = parser.parse_args()
    config = {"select": [s for s in args.select.split(",")]} if args.select else {}
    work = Path(tempfile.gettempdir()) / "medlint-bench"
    corpus = make_corpus(work / "corpus", args.files)
    large = make_large_file(work / "large.txt")
    print(f"rules: {args.select or 'default'}; Python {sys.version.split()[0]}")
    measure("corpus", corpus, config)
    measure("large file", [large], config)
    startup(corpus[0], args.select)
    print(f"max RSS of this process: {resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024:.0f} MB")


if __name__ == "__main__":
    main()
