"""Reading and writing medlint drug reference lists (CSV).

File format
===========

UTF-8 CSV (a byte-order mark is accepted), standard quoting, a header row and
one medicine per row, sorted by ``generic`` when written by
:func:`write_drug_list`.  All seven columns are required, in any order; other
columns are ignored::

    generic,brands,synonyms,tall_man,status,status_date,status_region
    hydroxyzine,Atarax|Vistaril,,hydrOXYzine,,,
    paracetamol,Panadol|Tylenol,acetaminophen,,,,
    pomalidomide,Pomalyst:US|Imnovid:EU;UK,,,,,
    rofecoxib,Vioxx,,,withdrawn,2004-09,

``generic``
    The generic name in lowercase ("lenalidomide", "zoledronic acid").  A
    combination product is named by its ingredients in alphabetical order,
    "a and b" or "a, b and c".  Names are stripped and lowercased on reading;
    an empty generic or the same generic twice in one file is an error.
``brands``
    ``|``-separated brand names as written ("Revlimid").  A brand sold only in
    some regions carries them after a colon: ``Pomalyst:US|Imnovid:EU;UK``
    (regions are short upper-case codes such as US, EU, UK, CA, AU, separated
    by ``;``).  No regions means everywhere or unknown.
``synonyms``
    ``|``-separated other generic names of the same medicine, e.g. INN/USAN/BAN
    variants ("acetaminophen" for "paracetamol", "epinephrine" for
    "adrenaline").
``tall_man``
    The FDA/ISMP Tall Man lettering ("hydrOXYzine") or empty.  Lowercased it
    must equal the generic or one of the synonyms.
``status``
    Empty (marketed or unknown), ``withdrawn`` or ``discontinued``.
``status_date``
    ``YYYY`` or ``YYYY-MM`` of the status, only with a status.
``status_region``
    Where the status applies, ``;``-separated region codes ("US", "EU;UK");
    empty means everywhere.

Problems are reported as :class:`DrugListError` (a ``ValueError``) naming the
file, the line and the problem.
"""

from __future__ import annotations

import csv
import os
import re
from pathlib import Path
from typing import Iterable

from medlint.druglist.model import STATUSES, Brand, DrugList, Medicine
from medlint.rule import DataFileError

__all__ = [
    "COLUMNS",
    "DrugListError",
    "load_drug_list",
    "write_drug_list",
    "parse_row",
    "format_row",
]

COLUMNS = ("generic", "brands", "synonyms", "tall_man", "status", "status_date", "status_region")

_REGION = re.compile(r"^[A-Z]{2,3}$")
_DATE = re.compile(r"^\d{4}(-(0[1-9]|1[0-2]))?$")
_SPACES = re.compile(r"\s+")


class DrugListError(DataFileError):
    """A problem in a drug list file; ``str()`` reads "FILE:LINE: problem"."""

    def __init__(self, path: str | os.PathLike[str] | None, line: int | None, problem: str):
        self.path = str(path) if path is not None else None
        self.line = line
        self.problem = problem
        where = self.path or "<drug list>"
        if line is not None:
            where = f"{where}:{line}"
        super().__init__(f"{where}: {problem}")


def _clean(text: str) -> str:
    return _SPACES.sub(" ", text).strip()


def _split(cell: str) -> list[str]:
    return [_clean(p) for p in cell.split("|") if _clean(p)]


def _regions(text: str, what: str) -> tuple[str, ...]:
    regions = tuple(r.strip().upper() for r in text.split(";") if r.strip())
    for region in regions:
        if not _REGION.match(region):
            raise ValueError(f"bad region {region!r} in {what} (expected codes like US, EU, UK)")
    return regions


def _parse_brand(text: str) -> Brand:
    if ":" in text:
        name, _, regions = text.rpartition(":")
        name = _clean(name)
        if not name:
            raise ValueError(f"brand {text!r} has regions but no name")
        return Brand(name, _regions(regions, f"brand {text!r}"))
    return Brand(text)


def parse_row(row: dict[str, str]) -> Medicine:
    """Build a :class:`Medicine` from a CSV row dict; ``ValueError`` on problems."""
    get = lambda col: (row.get(col) or "").strip()  # noqa: E731
    generic = _clean(get("generic")).lower()
    if not generic:
        raise ValueError("empty generic")
    brands = tuple(_parse_brand(b) for b in _split(get("brands")))
    synonyms = tuple(s for s in _split(get("synonyms")) if s.lower() != generic)
    tall_man = get("tall_man")
    if tall_man and tall_man.lower() not in {generic, *(s.lower() for s in synonyms)}:
        raise ValueError(
            f"tall_man {tall_man!r} does not lowercase to the generic {generic!r} or a synonym"
        )
    status = get("status").lower()
    if status not in STATUSES:
        raise ValueError(
            f"bad status {get('status')!r} (expected empty, 'withdrawn' or 'discontinued')"
        )
    status_date = get("status_date")
    status_region = get("status_region")
    if status_date and not _DATE.match(status_date):
        raise ValueError(f"bad status_date {status_date!r} (expected YYYY or YYYY-MM)")
    if not status and (status_date or status_region):
        raise ValueError("status_date or status_region given without a status")
    region = ";".join(_regions(status_region, "status_region"))
    return Medicine(
        generic=generic,
        brands=brands,
        synonyms=synonyms,
        tall_man=tall_man,
        status=status,
        status_date=status_date,
        status_region=region,
    )


def format_row(med: Medicine) -> dict[str, str]:
    """The CSV row dict of a medicine (inverse of :func:`parse_row`)."""
    return {
        "generic": med.generic,
        "brands": "|".join(str(b) for b in med.brands),
        "synonyms": "|".join(med.synonyms),
        "tall_man": med.tall_man,
        "status": med.status,
        "status_date": med.status_date,
        "status_region": med.status_region,
    }


def load_drug_list(path: str | os.PathLike[str]) -> DrugList:
    """Read a drug list CSV file (format in this module's docstring)."""
    path = Path(path)
    try:
        handle = open(path, encoding="utf-8-sig", newline="")
    except OSError as exc:
        raise DrugListError(path, None, f"cannot open: {exc.strerror or exc}") from exc
    medicines: list[Medicine] = []
    seen: dict[str, int] = {}
    with handle:
        reader = csv.DictReader(handle)
        try:
            header = reader.fieldnames
        except UnicodeDecodeError as exc:
            raise DrugListError(path, 1, f"not UTF-8: {exc.reason}") from exc
        except csv.Error as exc:
            raise DrugListError(path, 1, f"bad CSV: {exc}") from exc
        if not header:
            raise DrugListError(path, 1, "empty file, expected a header row: " + ",".join(COLUMNS))
        header = [h.strip() for h in header]
        reader.fieldnames = header
        missing = [c for c in COLUMNS if c not in header]
        if missing:
            raise DrugListError(
                path, 1, f"missing column{'s' if len(missing) > 1 else ''} {', '.join(missing)}"
                f" (expected header: {','.join(COLUMNS)})"
            )
        while True:
            try:
                row = next(reader)
            except StopIteration:
                break
            except UnicodeDecodeError as exc:
                raise DrugListError(path, reader.line_num + 1, f"not UTF-8: {exc.reason}") from exc
            except csv.Error as exc:
                raise DrugListError(path, reader.line_num, f"bad CSV: {exc}") from exc
            line = reader.line_num
            if not any((v or "").strip() for k, v in row.items() if k is not None):
                continue  # blank line
            try:
                med = parse_row(row)
            except ValueError as exc:
                raise DrugListError(path, line, str(exc)) from exc
            if med.generic in seen:
                raise DrugListError(
                    path, line, f"generic {med.generic!r} already on line {seen[med.generic]}"
                )
            seen[med.generic] = line
            medicines.append(med)
    return DrugList(medicines)


def write_drug_list(drug_list: DrugList | Iterable[Medicine], path: str | os.PathLike[str]) -> None:
    """Write ``drug_list`` as CSV (UTF-8, ``\\n`` line ends, sorted by generic)."""
    meds = sorted(drug_list, key=lambda m: m.generic)
    path = Path(path)
    tmp = path.with_name(path.name + ".tmp")
    with open(tmp, "w", encoding="utf-8", newline="") as handle:
        writer = csv.DictWriter(handle, fieldnames=COLUMNS, lineterminator="\n")
        writer.writeheader()
        for med in meds:
            writer.writerow(format_row(med))
    os.replace(tmp, path)
