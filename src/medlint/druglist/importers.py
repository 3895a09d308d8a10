"""Importers that turn public drug vocabularies into a :class:`DrugList`.

Both importers return a :class:`~medlint.druglist.model.DrugList` that
:func:`~medlint.druglist.io.write_drug_list` writes in medlint's CSV format, so
a user can build a list from their own copy of the source and pass it to
medlint, where it merges with (and overrides) the default list.

Naming conventions shared by the importers (and the default list build):

* Generic names are lowercase with single spaces.
* Salt, ester and hydrate words at the end of an ingredient are dropped
  ("pamidronate disodium" -> "pamidronate", "ixazomib citrate" ->
  "ixazomib") unless nothing but ions would be left ("sodium chloride",
  "calcium acetate" and "magnesium sulfate" stay as they are).  See
  :func:`normalise_ingredient`.
* An inverted name with exactly one comma is turned round ("estrogens,
  conjugated" -> "conjugated estrogens").
* A COMBINATION product gets the generic name of its ingredients, normalised,
  deduplicated, sorted alphabetically and joined as "a and b" or
  "a, b and c" (see :func:`combination_name`): Drugs@FDA's "ACETAMINOPHEN;
  CODEINE PHOSPHATE" becomes "acetaminophen and codeine".  A brand of a
  combination product is listed on the combination's row, not on the rows of
  its ingredients.
"""

from __future__ import annotations

import csv
import os
import re
from collections import defaultdict
from pathlib import Path
from typing import Iterable

from .model import Brand, DrugList, Medicine

__all__ = [
    "import_rxnconso",
    "import_drugsatfda_products",
    "normalise_ingredient",
    "combination_name",
    "split_combination",
    "brand_case",
]

# --------------------------------------------------------------------------
# name helpers

#: Words dropped from the END of an ingredient name (salts, esters, hydrates).
SALT_WORDS = frozenset(
    """
    hydrochloride dihydrochloride trihydrochloride hcl hydrobromide hydroiodide
    sulfate sulphate bisulfate hemisulfate disulfate
    sodium disodium trisodium tetrasodium potassium dipotassium calcium magnesium
    maleate dimaleate mesylate dimesylate mesilate besylate besilate tosylate
    fumarate hemifumarate succinate tartrate bitartrate hemitartrate citrate
    acetate diacetate phosphate diphosphate nitrate lactate gluconate malate
    hyclate napsylate pamoate embonate stearate palmitate valerate propionate
    dipropionate butyrate cypionate enanthate decanoate caproate xinafoate
    furoate acetonide erbumine tromethamine meglumine bromide methylbromide
    chloride iodide oxalate salicylate benzoate mandelate aspartate saccharate
    hydrate monohydrate dihydrate trihydrate sesquihydrate hemihydrate
    heptahydrate pentahydrate anhydrous
    """.split()
)
#: Words that alone do not name a medicine (what would be left of a salt).
ION_WORDS = frozenset(
    """
    sodium potassium calcium magnesium lithium zinc aluminum aluminium ferrous
    ferric iron ammonium silver copper cupric barium strontium bismuth
    chloride bromide iodide fluoride
    """.split()
)

_SPACES = re.compile(r"\s+")
_BRACKETS = re.compile(r"\s*\[[^\]]*\]")


def normalise_ingredient(name: str) -> str:
    """Lowercase ingredient name without trailing salt words (module docstring)."""
    text = _BRACKETS.sub("", name)
    text = _SPACES.sub(" ", text).strip().lower()
    if "," in text and "(" not in text:
        parts = [p.strip() for p in text.split(",")]
        parts = [p for p in parts if p and not all(w in SALT_WORDS for w in p.split())]
        if len(parts) == 2:
            parts = [parts[1], parts[0]]
        text = " ".join(parts)
    words = text.split(" ")
    while len(words) > 1 and words[-1] in SALT_WORDS:
        rest = words[:-1]
        if all(w in SALT_WORDS or w in ION_WORDS for w in rest):
            break
        words = rest
    return " ".join(words)


def combination_name(ingredients: Iterable[str]) -> str:
    """Generic name of a product made of ``ingredients`` (already normalised)."""
    items = sorted({i for i in ingredients if i})
    if not items:
        return ""
    if len(items) == 1:
        return items[0]
    return ", ".join(items[:-1]) + " and " + items[-1]


def split_combination(text: str, sep: str = ";") -> list[str]:
    """Split ``text`` on ``sep`` outside parentheses and brackets."""
    parts, depth, current = [], 0, []
    for ch in text:
        if ch in "([":
            depth += 1
        elif ch in ")]":
            depth = max(0, depth - 1)
        if ch == sep and depth == 0:
            parts.append("".join(current))
            current = []
        else:
            current.append(ch)
    parts.append("".join(current))
    return [p.strip() for p in parts if p.strip()]


#: Upper-case tokens kept as they are when brand names are re-cased.
BRAND_ABBREVIATIONS = frozenset(
    """
    XR ER SR CR XL LA ODT HCT HCTZ DS IR HP PM AM EC DR ES XT LA CD TR MR
    SA ID IV IM II III IV VC DM PE HC AF SF NF LP LS PD TTS USP HFA UV
    """.split()
)


def brand_case(name: str) -> str:
    """Re-case an ALL-CAPS brand name: "REVLIMID" -> "Revlimid".

    Names that are not all upper case are kept.  Known abbreviations ("XR",
    "ODT"), tokens with dots ("D.H.E.") and vowel-less short tokens stay upper
    case; "W/" stays as it is.
    """
    if name != name.upper():
        return name

    def one(part: str) -> str:
        if not part:
            return part
        if part in BRAND_ABBREVIATIONS or "." in part or part == "W/":
            return part
        letters = [c for c in part if c.isalpha()]
        if letters and len(letters) <= 4 and not any(c in "AEIOUY" for c in letters):
            return part
        return part[:1].upper() + part[1:].lower()

    return " ".join("-".join(one(p) for p in word.split("-")) for word in name.split(" "))


def _medicines(
    brands_by_generic: dict[str, dict[str, Brand]],
    generics: Iterable[str] = (),
) -> DrugList:
    all_generics = set(generics) | set(brands_by_generic)
    meds = []
    for generic in sorted(all_generics):
        brands = brands_by_generic.get(generic, {})
        meds.append(
            Medicine(
                generic=generic,
                brands=tuple(sorted(brands.values(), key=lambda b: b.name.casefold())),
            )
        )
    return DrugList(meds)


def _add_brand(table: dict[str, dict[str, Brand]], generic: str, brand: str) -> None:
    # "|" separates names and ":" introduces regions in our CSV format.
    brand = _SPACES.sub(" ", brand.replace("|", " ").replace(":", " ")).strip()
    if not brand or not generic:
        return
    table[generic].setdefault(brand.casefold(), Brand(brand))


# --------------------------------------------------------------------------
# RxNorm

# RXNCONSO.RRF columns (no header; each line ends with a trailing "|").
_CONSO = {"RXCUI": 0, "LAT": 1, "SAB": 11, "TTY": 12, "STR": 14, "SUPPRESS": 16}
# RXNREL.RRF columns.
_REL = {"RXCUI1": 0, "RXCUI2": 4, "RELA": 7, "SAB": 10}
_TRADENAME_RELAS = frozenset({"has_tradename", "tradename_of"})
_SBD_BRAND = re.compile(r"\[([^\[\]]+)\]\s*$")


def _rrf_rows(path: str | os.PathLike[str]) -> Iterable[list[str]]:
    with open(path, encoding="utf-8", newline="") as handle:
        for line in handle:
            line = line.rstrip("\r\n")
            if line:
                yield line.split("|")


def import_rxnconso(
    path: str | os.PathLike[str],
    rxnrel_path: str | os.PathLike[str] | None = None,
) -> DrugList:
    """Build a drug list from RxNorm's ``RXNCONSO.RRF`` (and ``RXNREL.RRF``).

    Uses rows with SAB=RXNORM, LAT=ENG and not suppressed (SUPPRESS not O, Y
    or E): TTY=IN gives the generic ingredients (lowercased, salts dropped as
    described in the module docstring), TTY=BN the brand names.

    Brands are linked to ingredients through ``has_tradename`` /
    ``tradename_of`` relations in ``RXNREL.RRF`` when its path is given.
    Otherwise the brand in brackets at the end of TTY=SBD and TTY=BPCK names
    ("lenalidomide 10 MG Oral Capsule [Revlimid]") is linked to the
    ingredient names found in the rest of the string (longest match first).
    A brand linked to several ingredients goes to their combination
    (:func:`combination_name`).  Every ingredient gets a row, with or without
    brands.
    """
    ingredient_by_cui: dict[str, str] = {}
    brand_by_cui: dict[str, str] = {}
    sbd_strings: list[str] = []
    for cols in _rrf_rows(path):
        if len(cols) < 18:
            raise ValueError(f"{path}: not an RXNCONSO.RRF line (expected 18 columns): {'|'.join(cols)[:80]}")
        if cols[_CONSO["SAB"]] != "RXNORM" or cols[_CONSO["LAT"]] not in ("ENG", ""):
            continue
        if cols[_CONSO["SUPPRESS"]] in ("O", "Y", "E"):
            continue
        tty, cui, text = cols[_CONSO["TTY"]], cols[_CONSO["RXCUI"]], cols[_CONSO["STR"]]
        if tty == "IN":
            ingredient_by_cui[cui] = normalise_ingredient(text)
        elif tty == "BN":
            brand_by_cui[cui] = _SPACES.sub(" ", text).strip()
        elif tty in ("SBD", "BPCK"):
            sbd_strings.append(text)

    links: dict[str, set[str]] = defaultdict(set)  # brand -> generic ingredients
    if rxnrel_path is not None:
        for cols in _rrf_rows(rxnrel_path):
            if len(cols) < 11 or cols[_REL["SAB"]] != "RXNORM":
                continue
            if cols[_REL["RELA"]] not in _TRADENAME_RELAS:
                continue
            a, b = cols[_REL["RXCUI1"]], cols[_REL["RXCUI2"]]
            for brand_cui, ing_cui in ((a, b), (b, a)):
                if brand_cui in brand_by_cui and ing_cui in ingredient_by_cui:
                    links[brand_by_cui[brand_cui]].add(ingredient_by_cui[ing_cui])
    else:
        by_lower = {}
        for name in ingredient_by_cui.values():
            by_lower.setdefault(name.lower(), name)
        brand_names = {b.casefold(): b for b in brand_by_cui.values()}
        max_words = max((len(n.split()) for n in by_lower), default=1)
        for text in sbd_strings:
            m = _SBD_BRAND.search(text)
            if not m:
                continue
            brand = brand_names.get(m.group(1).strip().casefold(), m.group(1).strip())
            words = re.split(r"[\s/{}()]+", text[: m.start()].lower())
            words = [w for w in words if w]
            found, i = set(), 0
            while i < len(words):
                for n in range(min(max_words, len(words) - i), 0, -1):
                    cand = " ".join(words[i : i + n])
                    if cand in by_lower:
                        found.add(by_lower[cand])
                        i += n
                        break
                else:
                    i += 1
            if found:
                links[brand].update(found)

    table: dict[str, dict[str, Brand]] = defaultdict(dict)
    for brand, ingredients in links.items():
        _add_brand(table, combination_name(ingredients), brand)
    return _medicines(table, ingredient_by_cui.values())


# --------------------------------------------------------------------------
# Drugs@FDA

_FDA_COLUMNS = ("ApplNo", "ProductNo", "Form", "Strength", "ReferenceDrug",
                "DrugName", "ActiveIngredient", "ReferenceStandard")
_PACKAGING = re.compile(
    r"\b(?:IN PLASTIC CONTAINER|PRESERVATIVE FREE|IN WATER|IN DISTILLED WATER|KIT)\b.*$"
)
_NAME_STOP = frozenset({"and", "w/", "with", "in", "of", "&", "plastic", "container"})


def _fda_brand(drug_name: str, ingredient_words: set[str]) -> str | None:
    """The brand part of a Drugs@FDA DrugName, or None for a generic name."""
    name = re.sub(r"\([^)]*\)", " ", drug_name.upper())
    name = _PACKAGING.sub("", name)
    name = re.sub(r"\s+IN\s+.*$", "", name)  # diluent: "... IN DEXTROSE"
    name = name.replace(":", " ").replace("|", " ")
    kept = []
    for token in name.split():
        if re.search(r"\d", token):
            head = re.split(r"[-,]?\d", token, maxsplit=1)[0].strip("-,#")
            if head:
                kept.append(head)
            break  # strengths, percentages and counts end the name
        kept.append(token)
    while kept and kept[-1].lower() in _NAME_STOP | {"#", "no.", "no"}:
        kept.pop()
    name = " ".join(kept).strip(" ,-")
    if not name:
        return None
    words = {w for w in re.split(r"[\s,;/\-]+", name.lower()) if w} - _NAME_STOP
    if words and words <= ingredient_words | SALT_WORDS | ION_WORDS:
        return None  # the product is sold under its generic name
    return brand_case(name)


def import_drugsatfda_products(path: str | os.PathLike[str]) -> DrugList:
    """Build a drug list from Drugs@FDA ``Products.txt``.

    The file is tab-separated, latin-1, with the header ``ApplNo ProductNo
    Form Strength ReferenceDrug DrugName ActiveIngredient ReferenceStandard``.

    * ``ActiveIngredient`` gives the generic: ingredients are split on ";"
      (outside parentheses), normalised (lowercase, salt words dropped, one
      comma inverted) and a combination is named "a and b" / "a, b and c" in
      alphabetical order (see the module docstring).
    * ``DrugName`` is a brand unless, after dropping strengths ("5%", "7.5"),
      packaging ("IN PLASTIC CONTAINER") and parenthesised notes, all its
      words occur in the ingredient string (then the product is sold under
      its generic name).  All-caps brands are re-cased ("REVLIMID" ->
      "Revlimid", "GLUCOPHAGE XR" -> "Glucophage XR"; :func:`brand_case`).

    Every generic gets a row, with its brands if any.  The same brand may
    appear on several rows when Drugs@FDA uses it for different ingredient
    sets.
    """
    path = Path(path)
    table: dict[str, dict[str, Brand]] = defaultdict(dict)
    generics: set[str] = set()
    with open(path, encoding="latin-1", newline="") as handle:
        reader = csv.DictReader(handle, delimiter="\t", quoting=csv.QUOTE_NONE)
        header = [h.strip() for h in (reader.fieldnames or [])]
        missing = [c for c in ("DrugName", "ActiveIngredient") if c not in header]
        if missing:
            raise ValueError(
                f"{path}: not a Drugs@FDA Products.txt file, missing column(s) "
                f"{', '.join(missing)} (expected {' '.join(_FDA_COLUMNS)})"
            )
        reader.fieldnames = header
        for row in reader:
            raw_ingredients = (row.get("ActiveIngredient") or "").strip()
            drug_name = (row.get("DrugName") or "").strip()
            if not raw_ingredients:
                continue
            ingredients = [normalise_ingredient(i) for i in split_combination(raw_ingredients)]
            generic = combination_name(ingredients)
            if not generic:
                continue
            generics.add(generic)
            if drug_name:
                words = {
                    w for w in re.split(r"[\s,;/()\[\]\-]+", raw_ingredients.lower()) if w
                } | set(generic.replace(",", " ").split())
                brand = _fda_brand(drug_name, words)
                if brand:
                    _add_brand(table, generic, brand)
    return _medicines(table, generics)
