"""Data rule packs: strict loading, and the substitution and existence types."""

from __future__ import annotations

import pytest

from medlint import lint_text
from medlint.phrases import PhraseMatcher
from medlint.ruletypes import PackError, load_pack

PACK = """\
id: ZZ01
name: test.pack
type: substitution
summary: s
message: m
why: w
sources: [x]
swap: {a b: c}
"""


def write(tmp_path, text):
    path = tmp_path / "ZZ01.yaml"
    path.write_text(text, encoding="utf-8")
    return path


def test_valid_pack_loads(tmp_path):
    rule = load_pack(write(tmp_path, PACK))
    assert (rule.id, rule.name, str(rule.default_severity)) == ("ZZ01", "test.pack", "warning")


@pytest.mark.parametrize(
    "change, message",
    [
        (PACK + "colour: red\n", "ZZ01.yaml: unknown key 'colour' (allowed: "),
        (PACK.replace("type: substitution", "type: magic"), "key 'type' must be one of existence, substitution"),
        (PACK.replace("why: w\n", ""), "ZZ01.yaml: missing required key 'why'"),
        (PACK.replace("id: ZZ01", "id: Z1"), "key 'id' must be two capital letters and two digits"),
        (PACK.replace("sources: [x]", "sources: x"), "key 'sources' must be a list"),
        (PACK + "severity: fatal\n", "'fatal' is not a valid Severity"),
        (PACK + "examples: {bad: [x]}\n", "unknown key 'examples.bad'"),
        ("id: [unclosed\n", "invalid YAML"),
    ],
)
def test_pack_errors_name_the_file_and_key(tmp_path, change, message):
    with pytest.raises(PackError) as error:
        load_pack(write(tmp_path, change))
    assert str(tmp_path / "ZZ01.yaml") in str(error.value)
    assert message in str(error.value)


def test_phrase_matcher_whole_words_longest_match_case_and_hyphens():
    matcher = PhraseMatcher([("side effects", 1), ("side", 2), ("effect", 3)])
    text = "Side-effects, a side note, sideeffects, effective."
    assert [(text[s:e], v) for s, e, v in matcher.find(text)] == [("Side-effects", 1), ("side", 2)]


def test_substitution_suggests_with_the_case_of_the_match(test_config):
    findings = lint_text("Utilise the form. Side effects are rare.", config=test_config)
    assert [(f.match, f.suggestions, str(f.applicability)) for f in findings] == [
        ("Utilise", ("Use",), "unsafe"),
        ("Side effects", ("Unwanted effects", "Reactions"), "display-only"),
    ]


@pytest.mark.parametrize(
    "text",
    [
        "High blood pressure (hypertension) is common.",
        "Hypertension (high blood pressure) is common.",
        "Doctors call it “hypertension” in letters.",
        "Ask at the Hypertension Clinic.",
    ],
)
def test_substitution_leaves_explained_quoted_and_named_terms(test_config, text):
    assert lint_text(text, config=test_config) == []


def test_substitution_ignore_option(test_config):
    config = {**test_config, "rules": {"XT01": {"ignore": ["utilise"]}}}
    assert [f.match for f in lint_text("Utilise it. Hypertension too.", config=config)] == ["Hypertension"]


def test_existence_rule(test_config):
    findings = lint_text("A detox is no miracle cure.", config=test_config)
    assert [(f.rule, f.column, f.message, str(f.severity)) for f in findings] == [
        ("XT02", 3, "Avoid 'detox'.", "info"),
        ("XT02", 15, "Avoid 'miracle cure'.", "info"),
    ]
