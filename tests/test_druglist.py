"""Tests of medlint.druglist: model, CSV io, importers and the shipped default list."""

from __future__ import annotations

import csv
from collections import defaultdict
from pathlib import Path

import pytest

from medlint.druglist import (
    COLUMNS,
    Brand,
    DrugList,
    DrugListError,
    Medicine,
    import_drugsatfda_products,
    import_rxnconso,
    load_drug_list,
    name_key,
    write_drug_list,
)

ROOT = Path(__file__).resolve().parents[1]
DATA = Path(__file__).resolve().parent / "data" / "druglist"
DEFAULT_LIST = ROOT / "rules" / "lists" / "drugs.csv"
HEADER = ",".join(COLUMNS) + "\n"


def write(tmp_path: Path, text: str, name: str = "drugs.csv") -> Path:
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return path


def rows(path: Path) -> list[list[str]]:
    with open(path, encoding="utf-8", newline="") as handle:
        return list(csv.reader(handle))


SAMPLE = (
    HEADER
    + "pomalidomide,Pomalyst:US|Imnovid:EU;UK,,,,,\n"
    + "hydroxyzine,Atarax|Vistaril,,hydrOXYzine,,,\n"
    + "paracetamol,Panadol|Tylenol,acetaminophen,,,,\n"
    + "rofecoxib,Vioxx,,,withdrawn,2004-09,\n"
    + "ranitidine,Zantac,,,withdrawn,2020-04,US\n"
    + "co-trimoxazole,Septrin,,,,,\n"
)


# --------------------------------------------------------------------------
# model and io


def test_load_parses_all_fields(tmp_path):
    drugs = load_drug_list(write(tmp_path, SAMPLE))
    assert len(drugs) == 6
    poma = drugs.get("pomalidomide")
    assert poma.brands == (Brand("Pomalyst", ("US",)), Brand("Imnovid", ("EU", "UK")))
    assert drugs.get("hydroxyzine").tall_man == "hydrOXYzine"
    assert drugs.get("paracetamol").synonyms == ("acetaminophen",)
    rani = drugs.get("ranitidine")
    assert (rani.status, rani.status_date, rani.status_region) == ("withdrawn", "2020-04", "US")
    assert rani.status_regions == ("US",)
    assert [m.generic for m in drugs] == sorted(m.generic for m in drugs)


def test_round_trip(tmp_path):
    first = load_drug_list(write(tmp_path, SAMPLE))
    out = tmp_path / "out.csv"
    write_drug_list(first, out)
    second = load_drug_list(out)
    assert second == first
    text = out.read_text(encoding="utf-8")
    assert text.startswith(HEADER)
    assert "pomalidomide,Pomalyst:US|Imnovid:EU;UK,,,,,\n" in text
    generics = [r[0] for r in rows(out)[1:]]
    assert generics == sorted(generics)
    # writing again gives the same bytes
    out2 = tmp_path / "out2.csv"
    write_drug_list(second, out2)
    assert out2.read_bytes() == out.read_bytes()


def test_lookup_case_and_hyphen_insensitive(tmp_path):
    drugs = load_drug_list(write(tmp_path, SAMPLE))
    assert drugs.by_name("REVLIMID") is None
    assert drugs.by_name("imnovid").generic == "pomalidomide"
    assert drugs.by_name("POMALYST").generic == "pomalidomide"
    assert drugs.by_name("Acetaminophen").generic == "paracetamol"
    assert drugs.by_name("cotrimoxazole").generic == "co-trimoxazole"
    assert drugs.by_name("Co Trimoxazole").generic == "co-trimoxazole"
    assert drugs.by_name("CO-TRIMOXAZOLE").generic == "co-trimoxazole"
    assert drugs.by_name("hydrOXYzine").generic == "hydroxyzine"
    assert "vioxx" in drugs
    assert drugs.kind_of("Tylenol") == "brand"
    assert drugs.kind_of("acetaminophen") == "synonym"
    assert drugs.kind_of("paracetamol") == "generic"
    assert name_key("Auvi-Q") == name_key("auvi q") == "auviq"


def test_names_lists_every_surface_name(tmp_path):
    drugs = load_drug_list(write(tmp_path, SAMPLE))
    names = {(n.name, n.kind, n.generic) for n in drugs.names()}
    assert ("paracetamol", "generic", "paracetamol") in names
    assert ("acetaminophen", "synonym", "paracetamol") in names
    assert ("Imnovid", "brand", "pomalidomide") in names
    assert len(drugs.names()) == 6 + 1 + 2 + 2 + 2 + 1 + 1 + 1


def test_merge_overrides_default(tmp_path):
    default = load_drug_list(write(tmp_path, SAMPLE))
    user = load_drug_list(
        write(
            tmp_path,
            HEADER + "paracetamol,Calpol,,,,,\n" + "iptacopan,Fabhalta,,,,,\n",
            "user.csv",
        )
    )
    merged = default.merge(user)
    assert len(merged) == 7
    para = merged.get("paracetamol")
    assert para.brand_names == ("Calpol",)  # replaced, not combined
    assert para.synonyms == ()
    assert merged.by_name("Tylenol") is None
    assert merged.by_name("acetaminophen") is None
    assert merged.by_name("fabhalta").generic == "iptacopan"
    assert merged.get("rofecoxib") == default.get("rofecoxib")
    assert len(default) == 6  # the default list is unchanged


def test_brand_shared_by_two_generics_prefers_user_list():
    default = DrugList([Medicine("a-drug", (Brand("Samename"),))])
    user = DrugList([Medicine("b-drug", (Brand("Samename"),))])
    merged = default.merge(user)
    assert merged.by_name("samename").generic == "b-drug"
    assert {m.generic for m in merged.all_by_name("SAMENAME")} == {"a-drug", "b-drug"}


def test_duplicate_generic_rejected():
    with pytest.raises(ValueError):
        DrugList([Medicine("x-drug"), Medicine("x-drug")])


@pytest.mark.parametrize(
    "text, line, fragment",
    [
        ("generic,brands,synonyms,tall_man,status,status_date\nfoo,,,,,\n", 1, "missing column status_region"),
        ("generic,brands\nfoo,Bar\n", 1, "missing columns synonyms, tall_man"),
        (HEADER + "aspirin,,,,,,\n,Brandonly,,,,,\n", 3, "empty generic"),
        (HEADER + "aspirin,,,,,,\nrofecoxib,Vioxx,,,recalled,2004,\n", 3, "bad status 'recalled'"),
        (HEADER + "rofecoxib,Vioxx,,,withdrawn,09/2004,\n", 2, "bad status_date"),
        (HEADER + "rofecoxib,Vioxx,,,,2004,\n", 2, "without a status"),
        (HEADER + "pomalidomide,Imnovid:europe,,,,,\n", 2, "bad region"),
        (HEADER + "hydroxyzine,,,hydrALAZINE,,,\n", 2, "tall_man"),
        (HEADER + "aspirin,,,,,,\nbob,,,,,,\nASPIRIN,,,,,,\n", 4, "already on line 2"),
    ],
)
def test_errors_name_file_line_and_problem(tmp_path, text, line, fragment):
    path = write(tmp_path, text, "bad-list.csv")
    with pytest.raises(DrugListError) as info:
        load_drug_list(path)
    err = info.value
    assert isinstance(err, ValueError)
    assert err.line == line
    assert err.path == str(path)
    assert str(err).startswith(f"{path}:{line}: ")
    assert fragment in str(err)


def test_missing_file_is_a_drug_list_error(tmp_path):
    with pytest.raises(DrugListError, match="cannot open"):
        load_drug_list(tmp_path / "nope.csv")


def test_medicine_validates_status():
    with pytest.raises(ValueError):
        Medicine("rofecoxib", status="gone")
    with pytest.raises(ValueError):
        Medicine("")


# --------------------------------------------------------------------------
# importers


def as_rows(drug_list: DrugList, tmp_path: Path) -> list[list[str]]:
    out = tmp_path / "imported.csv"
    write_drug_list(drug_list, out)
    return rows(out)


def test_import_drugsatfda_products(tmp_path):
    drugs = import_drugsatfda_products(DATA / "Products.txt")
    assert as_rows(drugs, tmp_path) == [
        list(COLUMNS),
        ["acetaminophen and codeine", "Tylenol W/ Codeine", "", "", "", "", ""],
        ["conjugated estrogens", "Premarin", "", "", "", "", ""],
        ["hydrocortisone", "Crème Douce", "", "", "", "", ""],
        ["lenalidomide", "Revlimid", "", "", "", "", ""],
        ["pamidronate", "Aredia", "", "", "", "", ""],
    ]


def test_import_drugsatfda_rejects_other_files(tmp_path):
    with pytest.raises(ValueError, match="ActiveIngredient"):
        import_drugsatfda_products(write(tmp_path, "a\tb\n1\t2\n", "x.txt"))


RXNORM_EXPECTED = [
    list(COLUMNS),
    ["acetaminophen", "Tylenol", "", "", "", "", ""],
    ["acetaminophen and codeine", "Tylenol with Codeine", "", "", "", "", ""],
    ["codeine", "", "", "", "", "", ""],
    ["lenalidomide", "Revlimid", "", "", "", "", ""],
]


def test_import_rxnconso_via_sbd_names(tmp_path):
    drugs = import_rxnconso(DATA / "RXNCONSO.RRF")
    assert as_rows(drugs, tmp_path) == RXNORM_EXPECTED
    assert drugs.by_name("warfarin") is None  # obsolete (SUPPRESS=O) row skipped


def test_import_rxnconso_via_rxnrel(tmp_path):
    drugs = import_rxnconso(DATA / "RXNCONSO.RRF", DATA / "RXNREL.RRF")
    assert as_rows(drugs, tmp_path) == RXNORM_EXPECTED


def test_imported_list_merges_with_default(tmp_path):
    default = load_drug_list(write(tmp_path, SAMPLE))
    merged = default.merge(import_drugsatfda_products(DATA / "Products.txt"))
    assert merged.by_name("revlimid").generic == "lenalidomide"
    assert merged.by_name("Vioxx").generic == "rofecoxib"


# --------------------------------------------------------------------------
# the shipped default list

MYELOMA = {
    "lenalidomide": "Revlimid",
    "pomalidomide": "Pomalyst",
    "thalidomide": "Thalomid",
    "bortezomib": "Velcade",
    "carfilzomib": "Kyprolis",
    "ixazomib": "Ninlaro",
    "daratumumab": "Darzalex",
    "elotuzumab": "Empliciti",
    "isatuximab": "Sarclisa",
    "dexamethasone": None,
    "melphalan": "Alkeran",
    "cyclophosphamide": None,
    "panobinostat": "Farydak",
    "selinexor": "Xpovio",
    "belantamab mafodotin": "Blenrep",
    "idecabtagene vicleucel": "Abecma",
    "ciltacabtagene autoleucel": "Carvykti",
    "teclistamab": "Tecvayli",
    "zoledronic acid": "Zometa",
    "pamidronate": "Aredia",
    "denosumab": "Xgeva",
}

#: Brands allowed on more than one row (regional or combination cases).
SHARED_BRANDS_OK: set[str] = set()


@pytest.fixture(scope="module")
def default_list() -> DrugList:
    return load_drug_list(DEFAULT_LIST)


def test_default_list_file_shape():
    data = rows(DEFAULT_LIST)
    assert data[0] == list(COLUMNS)
    generics = [r[0] for r in data[1:]]
    assert generics == sorted(generics)
    assert len(generics) == len(set(generics))
    assert len(generics) >= 10_000
    assert all(g == g.lower() and g.strip() == g and g for g in generics)
    assert DEFAULT_LIST.stat().st_size < 3_000_000


def test_default_list_loads(default_list):
    assert len(default_list) >= 10_000


def test_default_list_no_brand_on_two_generics(default_list):
    owners = defaultdict(set)
    for med in default_list:
        for brand in med.brands:
            owners[name_key(brand.name)].add(med.generic)
    shared = {k: v for k, v in owners.items() if len(v) > 1 and k not in SHARED_BRANDS_OK}
    assert shared == {}


def test_default_list_names_not_both_generic_and_brand(default_list):
    generics = {name_key(m.generic) for m in default_list}
    brands = {name_key(b.name) for m in default_list for b in m.brands}
    assert generics & brands == set()


@pytest.mark.parametrize("generic, brand", sorted(MYELOMA.items()))
def test_default_list_myeloma_medicines(default_list, generic, brand):
    med = default_list.get(generic)
    assert med is not None, generic
    assert default_list.by_name(generic) is med
    if brand:
        assert brand in med.brand_names
        assert default_list.by_name(brand).generic == generic
        assert [m.generic for m in default_list.all_by_name(brand)] == [generic]


def test_default_list_regional_brands_and_synonyms(default_list):
    poma = default_list.get("pomalidomide")
    assert Brand("Pomalyst", ("US",)) in poma.brands
    assert Brand("Imnovid", ("EU", "UK")) in poma.brands
    for a, b in [
        ("paracetamol", "acetaminophen"),
        ("adrenaline", "epinephrine"),
        ("salbutamol", "albuterol"),
        ("furosemide", "frusemide"),
        ("lidocaine", "lignocaine"),
        ("ciclosporin", "cyclosporine"),
    ]:
        assert default_list.by_name(a) is default_list.by_name(b), (a, b)
        assert default_list.by_name(a) is not None


def test_default_list_withdrawn(default_list):
    withdrawn = [m for m in default_list if m.status == "withdrawn"]
    assert len(withdrawn) >= 10
    assert all(m.status_date for m in withdrawn)
    vioxx = default_list.by_name("Vioxx")
    assert (vioxx.generic, vioxx.status, vioxx.status_date[:4], vioxx.status_region) == (
        "rofecoxib", "withdrawn", "2004", ""
    )
    rani = default_list.get("ranitidine")
    assert (rani.status, rani.status_date[:4], rani.status_region) == ("withdrawn", "2020", "US")
    for generic, year in [("valdecoxib", "2005"), ("cerivastatin", "2001"),
                          ("sibutramine", "2010"), ("troglitazone", "2000")]:
        med = default_list.get(generic)
        assert med.status == "withdrawn" and med.status_date[:4] == year, generic


def test_default_list_tall_man(default_list):
    forms = [m for m in default_list if m.tall_man]
    assert len(forms) >= 40
    for med in forms:
        assert med.tall_man != med.tall_man.lower()
        assert med.tall_man.lower() in {med.generic, *med.synonyms}, med.generic
    assert default_list.get("hydroxyzine").tall_man == "hydrOXYzine"
    assert default_list.by_name("cycloSPORINE").tall_man == "cycloSPORINE"


def test_default_list_has_no_junk_words(default_list):
    for word in ("aspire", "diary", "today", "water", "gold"):
        assert default_list.by_name(word) is None, word
