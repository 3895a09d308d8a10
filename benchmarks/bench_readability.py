"""Speed of the RD family against calling textstat's three main formulas directly.

Generates a corpus of 1,000 plain-text files of 3-7 KB in a temporary folder from sentences
written here, then times, over the same texts:

- baseline: ``textstat.flesch_reading_ease``, ``flesch_kincaid_grade`` and ``smog_index`` on each
  file's text (caches cleared per file, as textstat would be called on new texts);
- medlint: parsing each file and running every RD rule (RD01 grade with all metrics per document
  and section, RD02, RD03, RD04, RD05) through ``medlint.lint_text``.

The issue asks for medlint at no less than half the baseline's speed (ratio <= 2.0).
Run: ``.venv/bin/python benchmarks/bench_readability.py [--files N]``.
"""

from __future__ import annotations

import argparse
import random
import tempfile
import time
from pathlib import Path

SENTENCES = [
    "Take one tablet every morning with a glass of water.",
    "Your doctor will check your blood pressure at each visit.",
    "If you feel dizzy or faint, sit down and call your nurse.",
    "Most side effects are mild and go away within a few weeks.",
    "Subsequent to the administration of immunomodulatory medications, individuals may experience considerable exacerbation of gastrointestinal symptomatology.",
    "Keep the medicine in a cool, dry place out of the reach of children.",
    "Your PCP may refer you to a cardiologist for an echocardiogram.",
    "The results will be sent to your GP within two weeks.",
    "Pharmacological intervention necessitates comprehensive evaluation of haematological parameters, including differential leukocyte enumeration.",
    "Do not drink alcohol while you are taking this medicine.",
    "Chronic obstructive pulmonary disease (COPD) makes it hard to breathe.",
    "You may be asked to fill in a short form before the appointment, e.g. about allergies.",
    "Dr. Patel will explain the risks and benefits of the operation, and you can ask as many questions as you like before you decide.",
    "Call 999 if you have chest pain that spreads to your arms, back, neck or jaw and does not go away after a few minutes of rest.",
    "Eat a balanced diet with plenty of fruit and vegetables.",
    "The tablets should be taken with food.",
]
HEADINGS = ["What is it?", "How to take it", "Side effects", "When to get help", "Living with it", "Tests"]


def make_corpus(folder: Path, files: int, seed: int = 1) -> list[Path]:
    rng = random.Random(seed)
    paths = []
    for i in range(files):
        size = rng.randint(3000, 7000)
        parts: list[str] = []
        length = 0
        while length < size:
            if rng.random() < 0.15:
                block = rng.choice(HEADINGS)
            elif rng.random() < 0.15:
                block = "\n".join("- " + rng.choice(SENTENCES).rstrip(".") for _ in range(rng.randint(2, 5)))
            else:
                block = " ".join(rng.choice(SENTENCES) for _ in range(rng.randint(2, 6)))
            parts.append(block)
            length += len(block) + 2
        path = folder / f"leaflet_{i:04d}.txt"
        path.write_text("\n\n".join(parts) + "\n", encoding="utf-8")
        paths.append(path)
    return paths


def _clear_textstat_caches() -> None:
    import textstat

    textstat.textstat._cache_clear()


def baseline(texts: list[str]) -> float:
    import textstat

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
        paths = make_corpus(Path(tmp), args.files)
        texts = [p.read_text(encoding="utf-8") for p in paths]
    total_kb = sum(len(t.encode()) for t in texts) / 1024
    # Warm up both (dictionaries, rule registry), on text outside the corpus.
    baseline([SENTENCES[0] * 3])
    medlint_rd([SENTENCES[1] * 3])
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
