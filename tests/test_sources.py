"""Helpers behind the SR rules: sources sections, citations, claims, dates, authors, JAMA metrics."""

from __future__ import annotations

from datetime import date

import pytest

from medlint.api import as_config, linter_for
from medlint.parsers import parse
from medlint.sources import analyse
from medlint.sources.claims import find_claim, has_attribution
from medlint.sources.dates import parse_date
from medlint.sources.sections import entry_years, has_title, heading_name

PAGE = (
    "Gout is a type of arthritis that causes sudden, severe pain in a joint, often the big toe. "
    "The joint may look red and swollen and feel hot. An attack usually settles within a week or two. "
    "Rest the joint, keep it cool and raise it on a pillow. Your GP can give you medicine to ease the pain "
    "and may suggest blood tests to check your uric acid level."
)


@pytest.mark.parametrize(
    "text",
    [
        "About 20% of people get a headache.",
        "One in three people will get shingles.",
        "1 in 5 adults have back pain.",
        "Smokers are twice as likely to have a stroke.",
        "People with diabetes are 3 times more likely to have heart disease.",
        "Taking statins halves the risk of a second heart attack.",
        "Exercise reduces the risk of dementia by about a third.",
        "The 5-year survival rate is 60 in every 100 people.",
        "About 4 million people in the UK have diabetes.",
        "Around 300,000 adults are diagnosed each year.",
        "Half of all adults will have back pain.",
        "Studies show that walking helps.",
        "Research suggests that sleep matters.",
        "Experts agree that smoking causes cancer.",
        "A recent study found that screens harm sleep.",
        "A 2021 study found a link.",
        "Exercise has been shown to improve mood.",
    ],
)
def test_claims_are_found(text: str) -> None:
    assert find_claim(text) is not None, text


@pytest.mark.parametrize(
    "text",
    [
        "Take 2 tablets every 4 to 6 hours.",
        "Take 500 mg twice a day.",
        "Use 1% hydrocortisone cream for up to 7 days.",
        "People over 65 should ask a pharmacist.",
        "Call 0300 123 4567 between 9am and 5pm.",
        "If you gain 2 kg in three days, tell your nurse.",
        "Your appointment is on 12 March 2025 at 10:30.",
        "Take 1 in the morning and 1 at night.",
        "Take 1 in 2 days.",
        "Use a 2 in 1 shampoo.",
        "Use your inhaler 3 times a day.",
        "Doctors recommend that you rest.",
        "The survival rate is good.",
        "Children aged 6 to 12 take half a spoonful.",
    ],
)
def test_everyday_numbers_are_not_claims(text: str) -> None:
    assert find_claim(text) is None, find_claim(text)


def test_attribution() -> None:
    assert has_attribution("According to the World Health Organization, 1 in 4 people are affected.")
    assert has_attribution("A 2022 report from the National Cancer Institute says that outlooks are better.")
    assert not has_attribution("A recent study found that screens harm sleep.")


@pytest.mark.parametrize(
    "text, kind",
    [
        ("Sources", "references"),
        ("Show Sources", "references"),
        ("References:", "references"),
        ("Bibliography", "references"),
        ("Further reading", "reading"),
        ("**Sources and further reading**", "references"),
        ("Treatment options", None),
        ("Where to get help", None),
    ],
)
def test_heading_names(text: str, kind: str | None) -> None:
    assert heading_name(text) == kind


def test_entry_years_and_titles() -> None:
    assert entry_years("Smith J. Title of paper. Journal. 2021;12:3.") == [2021]
    assert entry_years('Agency: "Page." Accessed 3 May 2025.') == []
    assert has_title('Agency: "Anaemia in adults."')
    assert has_title("Smith J, Patel R. Iron deficiency in young women. 2021.")
    assert has_title("British National Formulary, 2026.")
    assert not has_title("Health Agency, 2024.")
    assert not has_title("NHS: Diabetes")
    assert not has_title("Smith J, Patel R (2021).")


@pytest.mark.parametrize(
    "text, expected",
    [
        ("4 March 2024", date(2024, 3, 4)),
        ("March 4, 2024", date(2024, 3, 4)),
        ("March 2024", date(2024, 3, 31)),
        ("2024-11-02", date(2024, 11, 2)),
        ("2024-02", date(2024, 2, 29)),
        ("25/12/2023", date(2023, 12, 25)),
        ("2019", date(2019, 12, 31)),
        ("no date here", None),
    ],
)
def test_parse_date(text: str, expected: date | None) -> None:
    assert parse_date(text) == expected


def test_sections_in_three_formats() -> None:
    text_doc = parse("Iron helps.\n\nReferences\n\nSmith J. Iron in women. 2021.\n\nhttps://example.org/x\n", "text")
    md_doc = parse("Iron helps.\n\n## References\n\n1. Smith J. Iron in women. 2021.\n2. https://example.org/x\n\n## Help\n\nCall us.\n", "markdown")
    html_doc = parse(
        '<p>Iron helps.</p><h2>References</h2><ol><li>Smith J. Iron in women. 2021.</li>'
        '<li><a href="https://example.org/x">https://example.org/x</a></li></ol><h2>Help</h2><p>Call us.</p>',
        "html",
    )
    for doc in (text_doc, md_doc, html_doc):
        entries = analyse(doc).entries
        assert [e.bare_url for e in entries] == [False, True], doc.format
        assert entries[0].years == [2021]


def test_citations_are_not_read_inside_the_sources_list() -> None:
    doc = parse("Iron helps.\n\n## References\n\n[1] Smith J. Iron in women. 2021.\n", "markdown")
    result = analyse(doc)
    assert result.has_sources_list and not result.formal_citations


def test_citation_kinds() -> None:
    doc = parse(
        "<p>One claim [1]. Another (Smith et al., 2020). Lee and Park (2019) agree.<sup>2</sup> "
        'See <a href="https://example.org">this</a>.</p>',
        "html",
    )
    kinds = [c.kind for c in analyse(doc).citations]
    assert kinds.count("numbered") == 2 and kinds.count("author-year") == 2 and kinds.count("link") == 1


def test_month_in_brackets_is_not_a_citation() -> None:
    doc = parse("Clinics are closed (March 2025) for repairs.", "text")
    assert not analyse(doc).citations


def test_analysis_is_memoised() -> None:
    doc = parse(PAGE, "text")
    assert analyse(doc) is analyse(doc)


def _metrics(text: str, fmt: str) -> dict:
    cfg = as_config({"select": ["SR"]})
    return linter_for(cfg).lint(parse(text, fmt), cfg).metrics


def test_jama_metrics_none_met() -> None:
    assert _metrics(PAGE, "text")["jama"] == {
        "authorship": False, "attribution": False, "disclosure": False, "currency": False,
    }


def test_jama_metrics_all_met() -> None:
    text = (
        "---\nauthor: Ann Lee\nlast_reviewed: 2024-05-01\n---\n" + PAGE + " About 1 in 4 adults have gout [1].\n\n"
        "This page is funded by Example Charity. We have no conflicts of interest.\n\n"
        '## References\n\n1. Smith J. "Gout in adults." Example Journal. 2021.\n'
    )
    assert _metrics(text, "markdown")["jama"] == {
        "authorship": True, "attribution": True, "disclosure": True, "currency": True,
    }


def test_jama_metrics_from_html_meta_and_time() -> None:
    html = (
        '<html><head><meta name="author" content="Ann Lee"></head><body><p>' + PAGE + "</p>"
        '<footer><p>Updated <time datetime="2024-01-02">2 January 2024</time></p></footer></body></html>'
    )
    jama = _metrics(html, "html")["jama"]
    assert jama["authorship"] and jama["currency"] and not jama["attribution"]


def test_review_age_is_measured_from_today_by_default() -> None:
    from medlint import lint_text

    recent = date.today().replace(day=1).isoformat()
    text = PAGE + f"\n\nPage last reviewed: {recent}\n"
    assert not [f for f in lint_text(text, config={"select": ["SR04"]})]
    old = date(date.today().year - 5, 1, 1).isoformat()
    text = PAGE + f"\n\nPage last reviewed: {old}\n"
    assert [f.rule for f in lint_text(text, config={"select": ["SR04"]})] == ["SR04"]
