#!/usr/bin/env python3
"""Build medlint's default drug reference list ``rules/lists/drugs.csv``.

Sources
-------
* The dictionary shipped in the PyPI package ``drug-named-entity-recognition``
  (MIT licence, Copyright (c) 2023 Fast Data Science Ltd), file
  ``drug_ner_dictionary.pkl.bz2``.  It maps every name variant to a canonical
  name and keeps the variants in the order they were added by the package's
  own build: first MedlinePlus (canonical names with the brand names that
  MedlinePlus lists), then NHS pages (brands flagged ``is_brand``), then MeSH
  entry terms, then DrugBank synonyms, then Wikipedia trade names.  We use that
  order to tell brands from synonyms (see ``classify``).
* Optionally the FDA Name Differentiation Project Tall Man list (US
  government work, public domain), given as a CSV path whose first column is
  the Tall Man form: ``--tallman PATH``.
* The CURATED facts below, written for medlint: preferred generic names
  (INN), synonyms, regional brands, brands the package lacks and withdrawn
  medicines.

Usage::

    PYTHONPATH=src python scripts/build_drug_list.py \\
        [--tallman fda-tallman.csv] [--out rules/lists/drugs.csv]
"""

from __future__ import annotations

import argparse
import bz2
import csv
import importlib.util
import pickle
import re
import sys
from collections import Counter, defaultdict
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))

from medlint.druglist.importers import (  # noqa: E402
    ION_WORDS,
    SALT_WORDS,
    combination_name,
    normalise_ingredient,
)
from medlint.druglist.io import write_drug_list  # noqa: E402
from medlint.druglist.model import Brand, DrugList, Medicine, name_key  # noqa: E402

# ---------------------------------------------------------------------------
# Curated facts (public knowledge, written for medlint)

#: Preferred generic (INN / UK-EU usage) -> the package's canonical name,
#: which becomes a synonym.
RENAME = {
    "acetaminophen": "paracetamol",
    "epinephrine": "adrenaline",
    "albuterol": "salbutamol",
    "cyclosporine": "ciclosporin",
}

#: generic -> synonyms that must be on its row.
SYNONYMS = {
    "paracetamol": ["acetaminophen"],
    "adrenaline": ["epinephrine"],
    "salbutamol": ["albuterol"],
    "furosemide": ["frusemide"],
    "lidocaine": ["lignocaine"],
    "ciclosporin": ["cyclosporine", "cyclosporin"],
    "noradrenaline": ["norepinephrine"],
    "glibenclamide": ["glyburide"],
    "bendroflumethiazide": ["bendrofluazide"],
    "amoxicillin": ["amoxycillin"],
    "ixazomib": ["ixazomib citrate"],
    "pamidronate": ["pamidronic acid"],
    "isatuximab": ["isatuximab-irfc"],
    "belantamab mafodotin": ["belantamab mafodotin-blmf"],
    "teclistamab": ["teclistamab-cqyv"],
    "elotuzumab": [],
}

#: generic -> brands ("Name" or "Name:REGION;REGION") that must be on its
#: row and on no other row.
BRANDS = {
    "lenalidomide": ["Revlimid"],
    "pomalidomide": ["Pomalyst:US", "Imnovid:EU;UK"],
    "thalidomide": ["Thalomid"],
    "bortezomib": ["Velcade"],
    "carfilzomib": ["Kyprolis"],
    "ixazomib": ["Ninlaro"],
    "daratumumab": ["Darzalex"],
    "elotuzumab": ["Empliciti"],
    "isatuximab": ["Sarclisa"],
    "dexamethasone": [],
    "melphalan": ["Alkeran", "Evomela"],
    "cyclophosphamide": [],
    "panobinostat": ["Farydak"],
    "selinexor": ["Xpovio", "Nexpovio:EU;UK"],
    "belantamab mafodotin": ["Blenrep"],
    "idecabtagene vicleucel": ["Abecma"],
    "ciltacabtagene autoleucel": ["Carvykti"],
    "teclistamab": ["Tecvayli"],
    "zoledronic acid": ["Zometa", "Reclast"],
    "pamidronate": ["Aredia"],
    "denosumab": ["Xgeva", "Prolia"],
    "paracetamol": ["Tylenol", "Panadol"],
    "salbutamol": ["Ventolin", "ProAir:US", "Proventil:US"],
    "adrenaline": ["EpiPen"],
    "rofecoxib": ["Vioxx"],
    "valdecoxib": ["Bextra"],
    "cerivastatin": ["Baycol:US", "Lipobay:EU;UK"],
    "sibutramine": ["Meridia:US", "Reductil:EU;UK"],
    "troglitazone": ["Rezulin"],
    "ranitidine": ["Zantac"],
    "lorcaserin": ["Belviq"],
    "mibefradil": ["Posicor"],
    "ximelagatran": ["Exanta"],
    "rimonabant": ["Acomplia"],
    "efalizumab": ["Raptiva"],
    "terfenadine": ["Seldane:US"],
    "cisapride": ["Propulsid"],
}

#: generic -> (status, date, region) from public knowledge.
STATUS = {
    "rofecoxib": ("withdrawn", "2004-09", ""),
    "valdecoxib": ("withdrawn", "2005-04", ""),
    "cerivastatin": ("withdrawn", "2001-08", ""),
    "sibutramine": ("withdrawn", "2010", ""),
    "troglitazone": ("withdrawn", "2000-03", ""),
    "ranitidine": ("withdrawn", "2020-04", "US"),
    "lorcaserin": ("withdrawn", "2020-02", "US"),
    "mibefradil": ("withdrawn", "1998-06", ""),
    "ximelagatran": ("withdrawn", "2006-02", ""),
    "rimonabant": ("withdrawn", "2008-10", "EU;UK"),
    "efalizumab": ("withdrawn", "2009", ""),
    "terfenadine": ("withdrawn", "1998-02", "US"),
    "cisapride": ("withdrawn", "2000-07", "US"),
    "dexfenfluramine": ("withdrawn", "1997-09", ""),
    "phenylpropanolamine": ("withdrawn", "2000-11", "US"),
    "pemoline": ("withdrawn", "2005-10", "US"),
    "grepafloxacin": ("withdrawn", "1999-10", ""),
    "drotrecogin alfa": ("withdrawn", "2011-10", ""),
    "benfluorex": ("withdrawn", "2009-11", "EU"),
    "propoxyphene": ("withdrawn", "2010-11", "US"),
}

#: Brands that may stay on two rows (regional or combination cases).
SHARED_BRANDS_OK: frozenset[str] = frozenset()

#: Names that are ordinary words or otherwise not useful as drug names.
JUNK_NAMES = frozenset(
    """
    aspire diary today capital enhancer compound relief control bayer fleet
    midol isopto rela banan fortabs clear care plus forte ultra junior adult
    children infant baby night day cold flu pain sinus allergy cough rapid
    original extra strength maximum regular natural vitamin vitamins mineral
    minerals water saline oxygen air salt sugar honey alcohol milk iron gold
    silver copper zinc tin lead starch protein hormone hormones antibody
    antibodies vaccine vaccines toxin toxins enzyme enzymes serum plasma blood
    """.split()
)
#: Short names kept although shorter than four characters.
SHORT_OK = frozenset({"dhe", "ddavp", "ec", "bcg"})

FORM_WORDS = frozenset(
    """
    tablet tablets capsule capsules injection injections cream creams ointment
    gel gels drops drop spray sprays nasal inhaler inhalers inhalation patch
    patches solution suspension syrup suppository suppositories rectal oral
    topical vaginal ophthalmic otic lotion shampoo powder granules lozenge
    lozenges foam enema enemas liquid elixir kit eye ear skin mouthwash
    chewable dispersible transdermal buccal sublingual implant infusion
    """.split()
)
CHEM_MORPHEMES = (
    "hydroxy", "methyl", "ethyl", "amino", "phenyl", "chloro", "fluoro", "bromo",
    "acetyl", "propyl", "butyl", "carbox", "amido", "anilid", "phenol", "oxo",
    "iodo", "nitro", "sulfon", "thio", "benzyl", "glyc", "ylidene",
)
INN_STEMS = (
    "amol", "terol", "olol", "pril", "sartan", "azole", "mycin", "cillin",
    "cycline", "floxacin", "statin", "dipine", "prazole", "tidine", "triptan",
    "azepam", "azolam", "barbital", "caine", "profen", "fenac", "oxacin",
    "umab", "imab", "zumab", "ximab", "tinib", "ciclib", "parib", "rafenib",
    "vir", "parin", "lukast", "setron", "gliptin", "gliflozin", "semide",
    "dronate", "olone", "sone", "asone", "idine", "amide", "azine", "oxetine",
    "triptyline", "ipramine", "afil", "glitazone", "grel", "ferol", "cept",
    "platin", "rubicin", "taxel", "leucel", "vedotin", "mide", "osin", "dronic",
    "phylline", "phrine", "zosin", "trel", "relin", "orphan", "orphine",
    "adol", "codone", "morphone", "cortisone", "nidazole", "conazole", "quine",
)
#: Last words of allergen extracts (not useful as medicine names here).
PLANT_WORDS = frozenset(
    """
    whole pollen hair dander feather feathers venom juice meat flesh skin
    epithelia epithelium mixture top tops egg mold smut allergenic allergen
    """.split()
)

_FDA_SUFFIX = re.compile(r"^(.{5,}?)-[a-z]{4}$")
_ISOTOPE = re.compile(r"^(?:[a-z]{1,2}-?\d{1,3}m?|covid-19)$")
_PLAIN = re.compile(r"^[a-z][a-z' .&-]*[a-z.]$")
_GENERIC_OK = re.compile(r"^[a-z][a-z0-9 ,'-]*[a-z0-9]$")


def lev(a: str, b: str, limit: int = 3) -> int:
    """Levenshtein distance, capped at ``limit``."""
    if abs(len(a) - len(b)) >= limit:
        return limit
    prev = list(range(len(b) + 1))
    for i, ca in enumerate(a, 1):
        cur = [i]
        for j, cb in enumerate(b, 1):
            cur.append(min(prev[j] + 1, cur[j - 1] + 1, prev[j - 1] + (ca != cb)))
        if min(cur) >= limit:
            return limit
        prev = cur
    return min(prev[-1], limit)


def strip_fda_suffix(word: str) -> str:
    m = _FDA_SUFFIX.match(word)
    return m.group(1) if m else word


def normalise_generic(canonical: str) -> str | None:
    """Our generic name for a package canonical name, or None for junk."""
    text = re.sub(r"\s*\([^)]*\)", "", canonical.lower()).strip()
    text = re.sub(r"\s+", " ", text)
    words = [w for w in text.split(" ") if w not in FORM_WORDS]
    text = " ".join(words)
    if not text:
        return None
    if "/" in text or " and " in text or ", and " in text:
        parts = re.split(r"\s*/\s*|,\s*and\s+|\s+and\s+|,\s*", text)
        parts = [normalise_ingredient(strip_fda_suffix(p.strip())) for p in parts if p.strip()]
        parts = [RENAME.get(p, p) for p in parts]
        if len(parts) > 5 or any(
            not _GENERIC_OK.match(p) or len(p) < 3 or len(p.split(" ")) > 3 or "," in p for p in parts
        ):
            return None
        return combination_name(parts)
    text = normalise_ingredient(text)
    text = " ".join(strip_fda_suffix(w) for w in text.split(" "))
    text = RENAME.get(text, text)
    if not _GENERIC_OK.match(text) or "," in text:
        return None
    return text


def generic_junk(name: str, from_medline: bool) -> bool:
    words = name.split(" ")
    if name in JUNK_NAMES or (len(name) < 4 and name not in SHORT_OK):
        return True
    if from_medline:
        return False
    combo = " and " in name
    if any(re.search(r"\d", w) and not _ISOTOPE.match(w) for w in words):
        return True  # codes such as "ab-22"; isotopes such as "tc-99m" are fine
    if re.search(r"\d", name) and len(words) < 2:
        return True
    if (len(words) > 4 and not combo) or "'" in name:
        return True
    if len(words) > 1 and words[-1] in PLANT_WORDS:
        return True
    if re.search(r"(^|[ -])[a-z]-|-[a-z]$", name):  # locants: n-oxide, l-..., alpha-x
        return True
    if sum(name.count(m) for m in CHEM_MORPHEMES) >= 3:
        return True
    if name.endswith(("ion", " cation", " anion", " ion")) and len(words) > 1:
        return True
    return False


def looks_generic(name: str) -> bool:
    return name.endswith(INN_STEMS) or any(m in name for m in CHEM_MORPHEMES)


def name_ok(name: str) -> bool:
    """Basic shape test for a brand or synonym (lowercase input)."""
    if name in JUNK_NAMES or (len(name) < 4 and name not in SHORT_OK):
        return False
    if not _PLAIN.match(name) or len(name.split(" ")) > 3:
        return False
    words = set(name.replace("-", " ").split())
    if words & (SALT_WORDS | FORM_WORDS | ION_WORDS | PLANT_WORDS):
        return False
    letters = [c for c in name if c.isalpha()]
    if sum(c in "aeiouy" for c in letters) < 0.25 * len(letters):
        return False  # codes such as "ahprbp"
    if words & {"therapy", "replacement", "hcl", "salt", "ion", "acid", "derivative", "analog", "antagonist", "agonist",
                "inhibitor", "inhibitors", "compound", "compounds", "type", "form", "base"}:
        return False
    if re.search(r"(^|[ -])[a-z]-", name) or any(ord(c) > 127 for c in name):
        return False
    return True


def brand_case(name: str) -> str:
    return " ".join("-".join(p[:1].upper() + p[1:] for p in w.split("-")) for w in name.split(" "))


# ---------------------------------------------------------------------------


def package_dictionary() -> tuple[dict, str]:
    spec = importlib.util.find_spec("drug_named_entity_recognition")
    if spec is None or not spec.submodule_search_locations:
        sys.exit("drug-named-entity-recognition is not installed (pip install drug-named-entity-recognition)")
    folder = Path(list(spec.submodule_search_locations)[0])
    with bz2.open(folder / "drug_ner_dictionary.pkl.bz2", "rb") as handle:
        data = pickle.load(handle)
    try:
        from importlib.metadata import version

        ver = version("drug-named-entity-recognition")
    except Exception:  # pragma: no cover
        ver = "unknown"
    return data, ver


def segments(v2c: dict, c2d: dict, vd: dict) -> list[str]:
    """Source segment of each variant, in insertion order (see module doc)."""
    items = list(v2c.items())
    n = len(items)
    nhs_start = next(i for i, (_, cs) in enumerate(items) if "medline_plus_id" not in c2d.get(cs[0], {}))
    last_brand = max(i for i, (v, _) in enumerate(items) if vd.get(v, {}).get("is_brand"))
    mesh_start = next(
        i for i in range(last_brand + 1, n)
        if "mesh_id" in c2d.get(items[i][1][0], {}) and "drugbank_id" not in c2d.get(items[i][1][0], {})
        and "medline_plus_id" not in c2d.get(items[i][1][0], {})
    )
    db_start = next(i for i in range(mesh_start, n) if "mesh_id" not in c2d.get(items[i][1][0], {}))
    wiki_start = next(
        i for i in range(n - 1, db_start, -1)
        if "wikipedia_url" not in c2d.get(items[i][1][0], {})
    ) + 1
    seg = []
    for i in range(n):
        seg.append(
            "medline" if i < nhs_start else "nhs" if i < mesh_start else
            "mesh" if i < db_start else "drugbank" if i < wiki_start else "wikipedia"
        )
    return seg


SOURCE_RANK = {"curated": 0, "medline": 1, "nhs": 2, "wikipedia": 3, "mesh": 4, "drugbank": 5}


def build(tallman_path: Path | None) -> tuple[DrugList, dict]:
    data, pkg_version = package_dictionary()
    v2c, c2d, vd = data["drug_variant_to_canonical"], data["drug_canonical_to_data"], data["drug_variant_to_variant_data"]
    seg = segments(v2c, c2d, vd)
    stats: Counter = Counter()

    # 1. generics
    generic_of: dict[str, str] = {}  # package canonical -> our generic
    medline_generics: set[str] = set()
    for canonical, info in c2d.items():
        if not ({"medline_plus_id", "drugbank_id", "wikipedia_url"} & set(info)) and info:
            # MeSH-only concepts are mostly classes, proteins and chemicals;
            # keep single-word compounds (with a structure) named with a
            # drug stem, e.g. "nafoxidine", "peplomycin".
            name = canonical.lower()
            if not (canonical in v2c and "smiles" in info and re.fullmatch(r"[a-z]+", name)
                    and name.endswith(INN_STEMS)
                    and not any(t.startswith("D27") for t in info.get("mesh_tree", []))):
                continue
        from_medline = "medline_plus_id" in info or not info
        generic = normalise_generic(canonical)
        if canonical not in v2c and generic is not None and not from_medline:
            # The package dropped the name itself: an English word (NLTK) or a
            # parenthesised name.  Keep drug-like words ("estradiol",
            # "nicotine"), not elements or ordinary words ("gold", "water").
            if not (len(generic) >= 6 and re.search(r"(ine|ol|one|in|ide|ate|ose|ase)$", generic)):
                stats["generic dropped (package dropped the name)"] += 1
                continue
        if generic is None or generic_junk(generic, from_medline):
            stats["generic dropped"] += 1
            continue
        generic_of[canonical] = generic
        if from_medline:
            medline_generics.add(generic)

    # candidates: generic -> {name: (kind, rank)}
    brands: dict[str, dict[str, int]] = defaultdict(dict)
    synonyms: dict[str, dict[str, int]] = defaultdict(dict)
    for generic in generic_of.values():
        brands.setdefault(generic, {})
    for (variant, canonicals), source in zip(v2c.items(), seg):
        generic = generic_of.get(canonicals[0])
        if generic is None:
            continue
        v = re.sub(r"\s+", " ", variant.strip().lower())
        if v == generic or v == canonicals[0] or not name_ok(v):
            stats["variant dropped"] += 1
            continue
        near_generic = any(
            lev(v, part) <= 2 for part in [generic, canonicals[0], *generic.split(" and "), *SYNONYMS.get(generic, ())]
        )
        contains_generic = any(len(p) >= 5 and p in v for p in generic.split(" "))
        if near_generic or contains_generic:
            stats["variant dropped (spelling/form of generic)"] += 1
            continue
        is_brand_flag = vd.get(variant, {}).get("is_brand")
        rank = SOURCE_RANK[source]
        if source == "nhs":
            kind = "brand" if is_brand_flag else "synonym"
        elif source in ("medline", "wikipedia"):
            kind = "synonym" if looks_generic(v) else "brand"
        elif source == "mesh":
            if looks_generic(v) or v.endswith(("in", "ine", "ol", "ide", "ate", "um")):
                kind = "synonym"
            elif len(v.split(" ")) == 1:
                kind = "brand"
            else:
                kind = "synonym"
        else:  # drugbank: non-proprietary names
            kind = "synonym"
        if kind == "synonym":
            if v.endswith(("um", "ina", "ino")) or len(v.split(" ")) > 2 or source == "drugbank" and not looks_generic(v):
                stats["synonym dropped (foreign/odd)"] += 1
                continue
            synonyms[generic].setdefault(v, rank)
        else:
            brands[generic].setdefault(brand_case(v), rank)

    # 2. curated facts
    for generic, syns in SYNONYMS.items():
        brands.setdefault(generic, {})
        for s in syns:
            synonyms[generic][s] = SOURCE_RANK["curated"]
    curated_brand_owner: dict[str, str] = {}
    curated_regions: dict[str, tuple[str, ...]] = {}
    for generic, blist in BRANDS.items():
        brands.setdefault(generic, {})
        for b in blist:
            name, _, regions = b.partition(":")
            curated_brand_owner[name_key(name)] = generic
            curated_regions[name_key(name)] = tuple(r for r in regions.split(";") if r)
            for other in list(brands[generic]):
                if name_key(other) == name_key(name):
                    del brands[generic][other]
            brands[generic][name] = SOURCE_RANK["curated"]
    for generic in STATUS:
        brands.setdefault(generic, {})

    # 3. drop synonyms that are generics; one owner per synonym; trim near-duplicates
    generic_keys = {name_key(g): g for g in brands}
    syn_owner: dict[str, tuple[int, str]] = {}
    for generic, names in synonyms.items():
        for s, rank in names.items():
            key = name_key(s)
            if key in curated_brand_owner:
                stats["synonym dropped (curated brand)"] += 1
                continue
            if key in generic_keys and generic_keys[key] != generic:
                stats["synonym dropped (is another generic)"] += 1
                continue
            best = syn_owner.get(key)
            cand = (rank, generic)
            if best is None or cand < best:
                syn_owner[key] = cand
    final_syn: dict[str, list[str]] = defaultdict(list)
    for generic, names in synonyms.items():
        kept: list[str] = []
        for s, rank in sorted(names.items(), key=lambda kv: (kv[1], list(names).index(kv[0]))):
            if syn_owner.get(name_key(s), (0, None))[1] != generic:
                continue
            if rank > 0 and any(lev(s, k) <= 2 for k in kept):
                stats["synonym dropped (near duplicate)"] += 1
                continue
            if rank > 0 and len(kept) >= 6:
                stats["synonym dropped (over 6)"] += 1
                continue
            kept.append(s)
        final_syn[generic] = kept

    # 4. brands: not a generic or synonym elsewhere; one owner per brand
    taken = set(generic_keys) | {name_key(s) for ss in final_syn.values() for s in ss}
    brand_owner: dict[str, tuple] = {}
    conflicts: list[tuple[str, list[str]]] = []
    claims: dict[str, list[str]] = defaultdict(list)
    for generic, names in brands.items():
        for b, rank in names.items():
            key = name_key(b)
            if key in taken and curated_brand_owner.get(key) != generic:
                stats["brand dropped (generic or synonym name)"] += 1
                continue
            claims[key].append(generic)
            combo = " and " in generic
            cand = (rank, combo, generic not in medline_generics, generic)
            if key in curated_brand_owner:
                cand = (-1,) + cand[1:] if curated_brand_owner[key] == generic else (99,) + cand[1:]
            if key not in brand_owner or cand < brand_owner[key]:
                brand_owner[key] = cand
    for key, owners in claims.items():
        if len(set(owners)) > 1 and key not in SHARED_BRANDS_OK:
            conflicts.append((key, sorted(set(owners))))

    # 5. tall man
    tallman: dict[str, str] = {}
    if tallman_path is not None:
        with open(tallman_path, encoding="utf-8-sig", newline="") as handle:
            reader = csv.reader(handle)
            next(reader, None)
            for row in reader:
                if row and row[0].strip():
                    form = row[0].strip()
                    tallman[form.lower()] = form

    meds = []
    used_tallman = set()
    for generic in sorted(brands):
        blist = []
        for b, rank in sorted(brands[generic].items(), key=lambda kv: (kv[1], kv[0].casefold())):
            key = name_key(b)
            owner = brand_owner.get(key)
            if owner is None or (owner[-1] != generic and key not in SHARED_BRANDS_OK):
                continue
            if any(name_key(x.name) == key for x in blist):
                continue
            blist.append(Brand(b, curated_regions.get(key, ())))
        syns = tuple(final_syn.get(generic, ()))
        tm = ""
        for cand in (generic, *syns):
            if cand in tallman:
                tm = tallman[cand]
                used_tallman.add(cand)
                break
        status, date, region = STATUS.get(generic, ("", "", ""))
        meds.append(Medicine(generic, tuple(blist), syns, tm, status, date, region))

    stats["tall man forms in source"] = len(tallman)
    stats["tall man forms matched"] = len(used_tallman)
    info = {
        "package_version": pkg_version,
        "stats": stats,
        "conflicts": conflicts,
        "tallman_unmatched": sorted(set(tallman) - used_tallman),
    }
    return DrugList(meds), info


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--tallman", type=Path, help="FDA Tall Man CSV (first column = Tall Man form)")
    parser.add_argument("--out", type=Path, default=ROOT / "rules" / "lists" / "drugs.csv")
    args = parser.parse_args(argv)
    drugs, info = build(args.tallman)
    write_drug_list(drugs, args.out)
    n_brands = sum(len(m.brands) for m in drugs)
    n_syn = sum(len(m.synonyms) for m in drugs)
    print(f"drug-named-entity-recognition {info['package_version']}")
    print(f"wrote {args.out}: {len(drugs)} generics, {sum(1 for m in drugs if m.brands)} with brands, "
          f"{n_brands} brand names, {n_syn} synonyms, "
          f"{sum(1 for m in drugs if m.tall_man)} Tall Man forms, "
          f"{sum(1 for m in drugs if m.status)} with a status; {args.out.stat().st_size} bytes")
    for key, value in sorted(info["stats"].items()):
        print(f"  {key}: {value}")
    print(f"  brand names claimed by several generics (resolved to one): {len(info['conflicts'])}")
    for key, owners in info["conflicts"]:
        print(f"    {key}: {', '.join(owners)}")
    if info["tallman_unmatched"]:
        print(f"  Tall Man forms without a matching generic/synonym: {', '.join(info['tallman_unmatched'])}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
