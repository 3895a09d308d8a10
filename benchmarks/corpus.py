"""The generated corpus every benchmark uses: patient-leaflet-like files of 3-7 KB, and one large file.

Sentences come from our labelled garble evaluation set (``garble_eval/clean.txt``: 513 correct
patient-style sentences; one file in ten also carries a few spun sentences from ``spun.tsv``), laid
out as headed sections with paragraphs and bullet lists, in plain text, Markdown and HTML. The same
seed gives the same corpus, so figures are comparable between runs and between benchmarks.
"""

from __future__ import annotations

import csv
import random
from functools import cache
from pathlib import Path

EVAL = Path(__file__).parent / "garble_eval"
HEADINGS = ["About your treatment", "Side effects", "When to get help", "Looking after yourself",
            "Your appointments", "Tests and scans", "Your medicines"]


@cache
def _sentences() -> tuple[list[str], list[str]]:
    clean = [s.strip() for s in (EVAL / "clean.txt").read_text(encoding="utf-8").splitlines() if s.strip()]
    with open(EVAL / "spun.tsv", encoding="utf-8") as handle:
        spun = [row["sentence"] for row in csv.DictReader(handle, delimiter="\t")]
    return clean, spun


def document(rng: random.Random, size: int, fmt: str, spun_share: float = 0.0) -> str:
    """One document of about ``size`` characters in format ``fmt`` (txt, md or html)."""
    clean, spun = _sentences()

    def sentence() -> str:
        return rng.choice(spun) if rng.random() < spun_share else rng.choice(clean)

    parts: list[str] = []
    length = 0
    while length < size:
        heading = rng.choice(HEADINGS)
        body = " ".join(sentence() for _ in range(rng.randint(3, 6)))
        items = [sentence().rstrip(".") for _ in range(rng.randint(2, 4))]
        if fmt == "md":
            chunk = f"## {heading}\n\n{body}\n\n" + "".join(f"- {item}\n" for item in items) + "\n"
        elif fmt == "html":
            chunk = f"<h2>{heading}</h2>\n<p>{body}</p>\n<ul>" + "".join(f"<li>{item}</li>" for item in items) + "</ul>\n"
        else:
            chunk = f"{heading}\n\n{body}\n\n" + "".join(f"• {item}\n" for item in items) + "\n"
        parts.append(chunk)
        length += len(chunk)
    text = "".join(parts)
    return f"<html><body>\n{text}</body></html>\n" if fmt == "html" else text


def make_corpus(folder: Path, files: int = 1000, seed: int = 7, formats: tuple[str, ...] = ("txt", "md", "html")) -> list[Path]:
    """Write ``files`` documents of 3-7 KB into ``folder`` (kept and reused when already there)."""
    folder.mkdir(parents=True, exist_ok=True)
    rng = random.Random(seed)
    paths = []
    for i in range(files):
        fmt = formats[i % len(formats)]
        path = folder / f"doc{i:04d}.{fmt}"
        text = document(rng, rng.randint(3000, 7000), fmt, spun_share=0.1 if i % 10 == 0 else 0.0)
        if not path.exists():
            path.write_text(text, encoding="utf-8")
        paths.append(path)
    return paths


def make_large_file(path: Path, megabytes: float = 5.0, seed: int = 11) -> Path:
    """One plain-text file of about ``megabytes`` MB."""
    if not path.exists():
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(document(random.Random(seed), int(megabytes * 1024 * 1024), "txt"), encoding="utf-8")
    return path
