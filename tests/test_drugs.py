"""The DR family: the drug-name matcher and its cache, dose designations, user lists, and recall."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from medlint import lint_paths, lint_text
from medlint.config import ConfigError
from medlint.druglist import DrugList, Medicine, default_list_path
from medlint.drugs import matcher
from medlint.drugs.doses import find_designations
from medlint.drugs.matcher import DrugIndex, build_index, load_index

DATA = Path(__file__).parent / "data" / "drugs"
HOUSE = DATA / "house.csv"

# The fourteen myeloma medicines of a real patient leaflet, with their brands as it names them.
MYELOMA = {
    "cyclophosphamide": ("Cytoxan", "Neosar"),
    "doxorubicin": ("Adriamycin", "Rubex"),
    "melphalan": ("Alkeran",),
    "vincristine": ("Oncovin", "Vincasar", "Vincrex"),
    "thalidomide": ("Thalomid",),
    "selinexor": ("Xpovio",),
    "pomalidomide": ("Pomalyst",),
    "panobinostat": ("Farydak",),
    "lenalidomide": ("Revlimid",),
    "ixazomib": ("Ninlaro",),
    "elotuzumab": ("Empliciti",),
    "daratumumab": ("Darzalex",),
    "carfilzomib": ("Kyprolis",),
    "bortezomib": ("Velcade",),
}


@pytest.fixture(scope="module")
def index() -> DrugIndex:
    return load_index([default_list_path()])


def names(found) -> list[str]:
    return [m.text for m in found]


# -- matcher --------------------------------------------------------------------------------------


def test_case_hyphens_multiword_possessive_plural(index: DrugIndex) -> None:
    text = "LENALIDOMIDE, Zoledronic-Acid, zoledronic  acid, Revlimid's box, two insulins and an AuviQ."
    found = index.find(text)
    assert names(found) == ["LENALIDOMIDE", "Zoledronic-Acid", "zoledronic  acid", "Revlimid", "insulins", "AuviQ"]
    assert [m.generic for m in found][:4] == ["lenalidomide", "zoledronic acid", "zoledronic acid", "lenalidomide"]
    assert found[3].kind == "brand"


def test_offsets_index_the_original_text(index: DrugIndex) -> None:
    text = "Take “Revlimid” – then bortezomib."
    for m in index.find(text):
        assert text[m.start : m.end] == m.text


def test_names_that_read_as_english_need_their_exact_form(index: DrugIndex) -> None:
    assert names(index.find("Use a syringe or pen. Gas x is wind.")) == []
    assert names(index.find("Take Gas-X after meals.")) == ["Gas-X"]


def test_punctuation_does_not_join_words_of_a_name(index: DrugIndex) -> None:
    assert "zoledronic acid" not in [m.generic for m in index.find("zoledronic, acid")]


def test_ordinary_words_are_not_misspellings(index: DrugIndex) -> None:
    for word in ("aspire", "diary", "today", "lasts", "indolent", "microgram", "snoozing"):
        findings = lint_text(f"We {word} it.", config={"select": ["DR01"]})
        assert findings == [], word


def test_suggest(index: DrugIndex) -> None:
    assert index.suggest("lenalidamide") == ("lenalidomide",)
    assert index.suggest("Revlimd") == ("Revlimid",)
    assert index.suggest("aspirine") == ("aspirin",)
    assert index.suggest("zzzzzzzz") == ()


def test_fourteen_myeloma_medicines_and_brands_recognised() -> None:
    lines = ["Treatments for myeloma that comes back include:"]
    for generic, brands in MYELOMA.items():
        lines.append(f"- {generic.capitalize()} ({', '.join(brands)})")
    lines.append("")
    lines.append(
        "Your doctor may suggest lenalidomide, bortezomib's injection, daratumumab or carfilzomib. "
        "Revlimid, Velcade, Darzalex and Kyprolis are the brand names. Some people take Thalomid, "
        "Pomalyst, Xpovio, Farydak or Ninlaro, or have Empliciti; older regimens used Cytoxan, Neosar, "
        "Adriamycin, Rubex, Alkeran, Oncovin, Vincasar and Vincrex with melphalan, vincristine, "
        "doxorubicin, cyclophosphamide, thalidomide, selinexor, pomalidomide, panobinostat, ixazomib "
        "and elotuzumab."
    )
    text = "\n".join(lines) + "\n"
    index = load_index([default_list_path()])
    found = {m.text.lower(): m.generic for m in index.find(text)}
    for generic, brands in MYELOMA.items():
        assert found.get(generic) == generic, generic
        for brand in brands:
            assert brand.lower() in found, brand
            assert generic in {m.generic for m in index.medicines(brand)}, brand
    findings = lint_text(text, format="markdown", config={"select": ["DR"]})
    assert [f for f in findings if f.rule in ("DR01", "DR02", "DR03", "DR06")] == []


# -- cache ----------------------------------------------------------------------------------------


def _small_list(tmp_path: Path) -> Path:
    path = tmp_path / "small.csv"
    path.write_text(
        "generic,brands,synonyms,tall_man,status,status_date,status_region\n"
        "lenalidomide,Revlimid,,,,,\nzoledronic acid,Zometa,,,,,\n",
        encoding="utf-8",
    )
    return path


def test_cache_is_written_reused_and_refreshed(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "cache"))
    monkeypatch.delenv("MEDLINT_NO_CACHE", raising=False)
    path = _small_list(tmp_path)
    first = load_index([path])
    files = list((tmp_path / "cache" / "medlint").glob("drugs-*.pickle"))
    assert len(files) == 1
    calls = []
    monkeypatch.setattr(matcher, "build_index", lambda paths: calls.append(paths) or first)
    again = load_index([path])
    assert calls == [] and names(again.find("Take Revlimid.")) == ["Revlimid"]
    # a changed list is a new key: rebuilt
    monkeypatch.undo()
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "cache"))
    path.write_text(path.read_text(encoding="utf-8") + "bortezomib,Velcade,,,,,\n", encoding="utf-8")
    os.utime(path, ns=(1, 1))
    changed = load_index([path])
    assert names(changed.find("Velcade")) == ["Velcade"]


def test_broken_cache_file_is_rebuilt(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "cache"))
    path = _small_list(tmp_path)
    load_index([path])
    for f in (tmp_path / "cache" / "medlint").glob("drugs-*.pickle"):
        f.write_bytes(b"not a pickle")
    assert names(load_index([path]).find("Zometa")) == ["Zometa"]


def test_unwritable_cache_falls_back(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    blocker = tmp_path / "file"
    blocker.write_text("x", encoding="utf-8")
    monkeypatch.setenv("XDG_CACHE_HOME", str(blocker))  # a file, not a folder
    path = _small_list(tmp_path)
    assert names(load_index([path]).find("Revlimid")) == ["Revlimid"]


def test_index_of_an_in_memory_list() -> None:
    index = DrugIndex(DrugList([Medicine("lenalidomide", synonyms=("cc-5013",))]))
    assert names(index.find("CC-5013 is lenalidomide")) == ["CC-5013", "lenalidomide"]


def test_later_lists_override_earlier(tmp_path: Path) -> None:
    index = build_index([default_list_path(), HOUSE])
    assert [b.name for b in index.drugs.get("bortezomib").brands] == ["Velcade", "Bortezo"]
    assert index.medicine("Zapotix").generic == "zapotinib"


# -- user lists through config --------------------------------------------------------------------


def test_user_list_from_config() -> None:
    config = {"select": ["DR"], "drug_lists": [str(HOUSE)]}
    text = "Take zapotinib (Zapotix) daily. Carfilzomib (Bortezo) is not right. Zapotinab is misspelt."
    findings = lint_text(text, config=config)
    got = {(f.rule, f.match) for f in findings}
    assert ("DR02", "Carfilzomib (Bortezo)") in got
    assert ("DR01", "Zapotinab") in got
    assert ("DR05", "zapotinib") in got
    assert not any(f.rule == "DR02" and "Zapotix" in f.match for f in findings)


def test_user_list_status_and_region() -> None:
    config = {"select": ["DR06"], "drug_lists": [str(HOUSE)], "rules": {"DR06": {"region": "UK"}}}
    assert [f.match for f in lint_text("Take celecoxib for pain.", config=config)] == ["celecoxib"]
    config["rules"]["DR06"]["region"] = "US"
    assert lint_text("Take celecoxib for pain.", config=config) == []


def test_broken_user_list_names_the_file(tmp_path: Path) -> None:
    doc = tmp_path / "a.txt"
    doc.write_text("Take lenalidomide.\n", encoding="utf-8")
    with pytest.raises(ConfigError) as error:  # stops the run, like any configuration error
        lint_paths([doc], config={"select": ["DR01"], "drug_lists": [str(DATA / "broken.csv")]})
    assert str(error.value) == (
        f"config: {DATA / 'broken.csv'}:2: bad status 'sold out' (expected empty, 'withdrawn' or 'discontinued')"
    )


# -- dose designations ----------------------------------------------------------------------------


@pytest.mark.parametrize(
    "text, match, suggestion",
    [
        ("Give 10U now", "10U", "10 units"),
        ("Give 4 u of insulin", "4 u", "4 units"),
        ("vitamin D 400IU", "400IU", "400 international units"),
        ("take it QD", "QD", "daily"),
        ("take it Q.O.D.", "Q.O.D.", "every other day"),
        ("a dose of 1.00 mL", "1.00 mL", "1 mL"),
        ("a dose of .25 mcg", ".25 mcg", "0.25 mcg"),
        ("give 10 mg MS for pain", "MS", "morphine sulfate"),
        ("give MS IV", "MS", "morphine sulfate"),
        ("2 g MgSO₄", "MgSO₄", "magnesium sulfate"),
        ("100 ug daily", "100 ug", "100 mcg"),
        ("dose in μg", "μg", "mcg"),
        ("Revlimid10mg", "Revlimid10mg", "Revlimid 10 mg"),
        ("take Inderal40 twice", "Inderal40", "Inderal 40"),
    ],
)
def test_designations(index: DrugIndex, text: str, match: str, suggestion: str) -> None:
    found = find_designations(text, lambda name: index.lookup_word(name) is not None)
    assert [(text[d.start : d.end], d.suggestion) for d in found] == [(match, suggestion)]


@pytest.mark.parametrize(
    "text",
    [
        "Multiple sclerosis (MS) affects the nerves.",
        "MS is a long-term condition; 10 people with MS came.",
        "Read the U.S. label, version 2.0, at 37.0 degrees.",
        "Grade 2 of 4 U.K. sites; class 5 C.",
        "Email cc: the team. Form B12 and COVID19 and HbA1c.",
        "We use units, mL and mcg. Take 0.5 mg daily, every other day.",
        "Route 66 and Apollo11 are not drugs.",
    ],
)
def test_designations_leave_other_uses_alone(index: DrugIndex, text: str) -> None:
    assert find_designations(text, lambda name: index.lookup_word(name) is not None) == []
