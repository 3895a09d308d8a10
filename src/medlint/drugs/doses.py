"""Error-prone abbreviations and dose designations (Joint Commission "Do Not Use" list, ISMP list).

``find_designations(text, is_drug)`` returns each problem with its span in ``text``, a message and
the safe wording. Context keeps it precise: "U", "IU", "cc" and "ug" only count after a number;
"MS" only next to a dose or a route ("MS 10 mg", "MS IV"), never "multiple sclerosis (MS)"; trailing
and missing leading zeros only before a unit ("5.0 mg", ".5 mL"), so "version 2.0" and "pH 7.0"
pass; a drug name run into its dose ("lenalidomide25mg") only when the letters are a known name.
"""

from __future__ import annotations

import re
from typing import Callable, NamedTuple

UNITS = (
    r"(?:mg/kg|mg/m2|mg/ml|mg/mL|mcg/kg|micrograms?|milligrams?|grams?|mcg|mg|kg|g|mL|ml|L|litres?|liters?"
    r"|units?|mmol|mEq|meq|IU|U|tablets?|capsules?|drops?|puffs?|sachets?|%)"
)
_END = r"(?![A-Za-z0-9µμ])"
_NUMBER = r"(?<![\w.,])(\d+(?:,\d{3})*(?:\.\d+)?)"


class Designation(NamedTuple):
    start: int
    end: int
    message: str
    suggestion: str
    kind: str


_PATTERNS: list[tuple[str, re.Pattern[str]]] = [
    ("trailing-zero", re.compile(r"(?<![\w.,])(\d+)\.0+(\s?)(" + UNITS + r")" + _END)),
    ("leading-zero", re.compile(r"(?<![\w.,])\.(\d+)(\s?)(" + UNITS + r")" + _END)),
    ("units", re.compile(_NUMBER + r"(\s?)(U|u)(?![\w])(?!\.[A-Za-z])")),
    ("international-units", re.compile(_NUMBER + r"(\s?)(IU|I\.U\.)(?![\w])")),
    ("cc", re.compile(_NUMBER + r"(\s?)(cc|CC)" + _END)),
    ("micrograms", re.compile(r"(?:" + _NUMBER + r"(\s?))?(µg|μg)|" + _NUMBER + r"(\s?)(ug)" + _END)),
    ("daily", re.compile(r"(?<![\w.])(q\.\s?d\.?|qd|q1d|Q\.\s?D\.?|QD|Q1D)(?![\w])")),
    ("every-other-day", re.compile(r"(?<![\w.])(q\.\s?o\.\s?d\.?|qod|Q\.\s?O\.\s?D\.?|QOD)(?![\w])")),
    ("morphine", re.compile(r"(?<![\w])(MSO4|MS04|MSO₄)(?![\w])")),
    ("magnesium", re.compile(r"(?<![\w])(MgSO4|MgSO₄|MGSO4)(?![\w])")),
    (
        "ms",
        re.compile(
            r"(?<![\w])MS(?=\s+(?:\d+(?:\.\d+)?\s?(?:mg|mcg|mL|ml|g)" + _END + r"|(?:IV|IM|PO|SC|SR|IR|ER|oral|injection|infusion)\b))"
            r"|(?<=\d)(?:\s?(?:mg|mcg|mL|ml))\s+(?:of\s+)?(MS)(?![\w])"
        ),
    ),
    ("run-together", re.compile(r"(?<![\w\-])([A-Za-z][A-Za-z\-]*[A-Za-z])(\d+(?:\.\d+)?)(\s?)(" + UNITS + r")?" + _END)),
]


# Every pattern needs one of these: most prose has none, and is skipped in one search.
_TRIGGER = re.compile(r"\d|[µμ]|(?<![\w.])[qQ]\.?\s?[dDoO1]|MS|M[gG]SO")


def find_designations(text: str, is_drug: Callable[[str], bool]) -> list[Designation]:
    """Every error-prone designation in ``text``, in order of position."""
    found: list[Designation] = []
    if not _TRIGGER.search(text):
        return found
    for kind, pattern in _PATTERNS:
        for m in pattern.finditer(text):
            d = _designation(kind, m, is_drug)
            if d is not None:
                found.append(d)
    found.sort(key=lambda d: (d.start, d.end))
    return found


def _spaced(number: str, unit: str) -> str:
    return f"{number} {unit}"


def _designation(kind: str, m: re.Match[str], is_drug: Callable[[str], bool]) -> Designation | None:
    start, end = m.start(), m.end()
    if kind == "trailing-zero":
        number, _, unit = m.groups()
        return Designation(
            start, end, f'Trailing zero in "{m.group()}": it can be misread as ten times the dose', _spaced(number, unit), kind
        )
    if kind == "leading-zero":
        digits, _, unit = m.groups()
        return Designation(
            start, end, f'Missing leading zero in "{m.group()}": the decimal point can be missed', _spaced("0." + digits, unit), kind
        )
    if kind == "units":
        number = m.group(1)
        return Designation(
            start, end, '"U" for units can be misread as 0, 4 or "cc": write "units"', _spaced(number, "units"), kind
        )
    if kind == "international-units":
        number = m.group(1)
        return Designation(
            start, end, '"IU" can be misread as "IV" or "10": write "international units"',
            _spaced(number, "international units"), kind,
        )
    if kind == "cc":
        number = m.group(1)
        return Designation(start, end, '"cc" can be misread as "U" or "00": write "mL"', _spaced(number, "mL"), kind)
    if kind == "micrograms":
        number = m.group(1) or m.group(4)
        unit = m.group(3) or m.group(6)
        suggestion = _spaced(number, "mcg") if number else "mcg"
        return Designation(start, end, f'"{unit}" can be misread as "mg": write "mcg"', suggestion, kind)
    if kind == "daily":
        return Designation(start, end, f'"{m.group()}" can be misread as "q.i.d." (four times a day): write "daily"', "daily", kind)
    if kind == "every-other-day":
        return Designation(
            start, end, f'"{m.group()}" can be misread as "q.d." or "q.i.d.": write "every other day"', "every other day", kind
        )
    if kind == "morphine":
        return Designation(
            start, end, f'"{m.group()}" can mean morphine sulfate or magnesium sulfate: write the name in full',
            "morphine sulfate", kind,
        )
    if kind == "magnesium":
        return Designation(
            start, end, f'"{m.group()}" can be mistaken for morphine sulfate: write the name in full', "magnesium sulfate", kind
        )
    if kind == "ms":
        if m.group(1):
            start, end = m.start(1), m.end(1)
        else:
            end = start + 2
        return Designation(
            start, end, '"MS" can mean morphine sulfate or magnesium sulfate: write the name in full',
            "morphine sulfate", kind,
        )
    if kind == "run-together":
        name, number, _, unit = m.groups()
        if not is_drug(name):
            return None
        suggestion = f"{name} {number}" + (f" {unit}" if unit else "")
        return Designation(
            start, end, f'Drug name run into its dose in "{m.group()}": the last letter can be misread as a digit',
            suggestion, kind,
        )
    return None  # pragma: no cover
