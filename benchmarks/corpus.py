"""A generated corpus for benchmarks: patient-leaflet-like files of 3-7 KB, and one large file.

The sentences are written for this purpose; files mix plain text, Markdown and HTML. The same
seed gives the same corpus, so figures are comparable between runs.
"""

from __future__ import annotations

import random
from pathlib import Path

SENTENCES = [
    "Take one tablet twice a day with food.",
    "Call your doctor if you have a fever or feel very unwell.",
    "Your nurse will check your blood pressure at each visit.",
    "Most side effects are mild and go away after a few days.",
    "Drink plenty of water and rest as much as you need.",
    "The test takes about ten minutes and does not hurt.",
    "Tell us if you feel sick, dizzy or short of breath.",
    "Keep all medicines out of the reach of children.",
    "You may feel tired for a week or two after treatment.",
    "Your specialist will explain the results at your next appointment.",
    "Prior to commencing treatment, the clinician will administer an injection.",
    "Hypertension is common in older adults and often has no symptoms.",
    "Research shows that 30% of people improve within a month.",
    "Regular exercise can lower your risk of heart disease.",
    "If you miss a dose, take it as soon as you remember.",
    "Do not drive if the medicine makes you sleepy.",
    "Ask your pharmacist before taking other medicines with this one.",
    "Numerous myeloma is treated with lenalidomide (Revlimid) and dexamethasone.",
    "Bring a list of your medicines to every appointment.",
    "A blood test can show whether the treatment is working.",
]
HEADINGS = ["About your treatment", "Side effects", "When to get help", "Looking after yourself", "Your appointments"]


def paragraph(rng: random.Random) -> str:
    return " ".join(rng.choice(SENTENCES) for _ in range(rng.randint(3, 6)))


def document(rng: random.Random, size: int, fmt: str) -> str:
    parts: list[str] = []
    length = 0
    while length < size:
        heading, body = rng.choice(HEADINGS), paragraph(rng)
        if fmt == "md":
            chunk = f"## {heading}\n\n{body}\n\n- {rng.choice(SENTENCES)}\n- {rng.choice(SENTENCES)}\n\n"
        elif fmt == "html":
            chunk = f"<h2>{heading}</h2>\n<p>{body}</p>\n<ul><li>{rng.choice(SENTENCES)}</li></ul>\n"
        else:
            chunk = f"{heading}\n\n{body}\n\n"
        parts.append(chunk)
        length += len(chunk)
    text = "".join(parts)
    return f"<html><body>\n{text}</body></html>\n" if fmt == "html" else text


def make_corpus(folder: Path, files: int = 1000, seed: int = 7) -> list[Path]:
    """Write ``files`` documents of 3-7 KB into ``folder`` (reused if already there)."""
    folder.mkdir(parents=True, exist_ok=True)
    rng = random.Random(seed)
    paths = []
    for i in range(files):
        fmt = ("txt", "md", "html")[i % 3]
        path = folder / f"doc{i:04d}.{fmt}"
        text = document(rng, rng.randint(3000, 7000), fmt)
        if not path.exists():
            path.write_text(text, encoding="utf-8")
        paths.append(path)
    return paths


def make_large_file(path: Path, megabytes: float = 5.0, seed: int = 11) -> Path:
    """One plain-text file of about ``megabytes`` MB."""
    if not path.exists():
        rng = random.Random(seed)
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(document(rng, int(megabytes * 1024 * 1024), "txt"), encoding="utf-8")
    return path
