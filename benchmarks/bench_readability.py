"""Speed of the RD family against calling textstat's three main formulas directly.

Generates the shared benchmark corpus (``benchmarks/corpus.py``) as 1,000 plain-text files of
3-7 KB in a temporary folder, then times, over the same texts:

- baseline: ``textstat.flesch_reading_ease``, ``flesch_kincaid_grade`` and ``smog_index`` on each
  file's text;
- medlint: parsing each file and running every RD rule (RD01 grade with all metrics per document
  and section, RD02, RD03, RD04, RD05) through ``medlint.lint_text``.

The issue asks for medlint at no less than half the baseline's speed (ratio <= 2.0).
Run: ``.venv/bin/python benchmarks/bench_readability.py [--files N]``.
"""

from __future__ import annotations

import argparse
import functools
import gc
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).parent))

from corpus import make_corpus  # noqa: E402

def _clear_textstat_caches() -> None:
    for obj in gc.get_objects():
        if isinstance(obj, functools._lru_cache_wrapper) and getattr(obj, "__module__", "").startswith("textstat"):
            obj.cache_clear()


def baseline(texts: list[str]) -> float:
    import textstat

    _clear_textstat_caches()  # textstat caches by text: a second run would cost nothing
    start = time.perf_counter()
    for text in texts:

        textstat.flesch_reading_ease(text)
        textstat.flesch_kincaid_grade(text)
        textstat.smog_index(text)
    return time.perf_counter() - start


def medlint_rd(texts: list[str]) -> float:
    from medlint import lint_text
    from medlint.config import Config

    config = Config(select=("RD",))
    start = time.perf_counter()
    for text in texts:
        lint_text(text, format="text", config=config)
    return time.perf_counter() - start


def medlint_scoring(texts: list[str]) -> float:
    """Parsing plus every metric per document and section (what RD01 and the JSON metrics need)."""
    from medlint.parsers import parse
    from medlint.readability import scoring

    start = time.perf_counter()
    for text in texts:
        scoring.readability(parse(text, "text"), "en")
    return time.perf_counter() - start


def per_rule(texts: list[str]) -> dict[str, float]:
    from medlint import lint_text
    from medlint.config import Config

    out = {}
    for rule in ("RD01", "RD02", "RD03", "RD04", "RD05"):
        config = Config(select=(rule,))
        start = time.perf_counter()
        for text in texts:
            lint_text(text, format="text", config=config)
        out[rule] = time.perf_counter() - start
    return out


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--files", type=int, default=1000)
    args = parser.parse_args()
    from medlint.readability import offline

    offline.install()  # textstat must not try to download the CMU dictionary
    with tempfile.TemporaryDirectory() as tmp:
        paths = make_corpus(Path(tmp), args.files, formats=("txt",))
        texts = [p.read_text(encoding="utf-8") for p in paths]
    total_kb = sum(len(t.encode()) for t in texts) / 1024
    # Warm up both (dictionaries, rule registry), on text outside the corpus.
    baseline([texts[0][:500]])
    medlint_rd([texts[1][:500]])
    t_base = min(baseline(texts) for _ in range(2))
    t_rd = min(medlint_rd(texts) for _ in range(2))
    t_score = min(medlint_scoring(texts) for _ in range(2))
    rules = per_rule(texts)
    print(f"corpus: {len(texts)} files, {total_kb:.0f} KB")
    print(f"textstat FRE+FK+SMOG: {t_base:.2f} s ({len(texts) / t_base:.0f} files/s)")
    print(f"medlint RD family:    {t_rd:.2f} s ({len(texts) / t_rd:.0f} files/s)")
    print(f"medlint scoring only (parse + all metrics, document and sections): {t_score:.2f} s")
    print("each rule alone (parse included): " + ", ".join(f"{k} {v:.2f} s" for k, v in rules.items()))
    print(f"ratio scoring/textstat: {t_score / t_base:.2f}")
    print(f"ratio RD family/textstat: {t_rd / t_base:.2f} (target <= 2.00: {'met' if t_rd <= 2 * t_base else 'NOT met'})")


if __name__ == "__main__":
    main()
