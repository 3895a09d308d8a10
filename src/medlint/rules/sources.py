"""SR: sources and credibility — missing sources, unsupported claims, untraceable sources,
review dates and authorship (JAMA benchmarks, DISCERN, HONcode).

The analysis (sections, citations, claims, dates, authors) lives in ``medlint.sources`` and is
computed once per document; every SR rule also fills ``metrics["jama"]`` with the four JAMA
benchmark criteria (authorship, attribution, disclosure, currency).
"""

from __future__ import annotations

from datetime import date

from medlint.findings import Severity
from medlint.rule import Option, Rule, RuleContext, register
from medlint.sources import Analysis, analyse

_JAMA = "Silberg WM, Lundberg GD, Musacchio RA. Assessing, controlling, and assuring the quality of medical information on the Internet (JAMA benchmarks). JAMA 1997;277:1244-5"
_DISCERN = "Charnock D, Shepperd S, Needham G, Gann R. DISCERN: an instrument for judging the quality of written consumer health information on treatment choices. J Epidemiol Community Health 1999;53:105-11"
_HON = "Health On the Net Foundation: HONcode principles (authority, attribution, date, justifiability, transparency, financial disclosure)"

_TODAY_HELP = "Date to measure ages from, as YYYY-MM-DD; empty means today's date (set it for reproducible runs and tests)."


def _today(value: str) -> date:
    try:
        return date.fromisoformat(value.strip()) if value and value.strip() else date.today()
    except ValueError:
        return date.today()


def _years_between(then: date, now: date) -> float:
    return (now - then).days / 365.25


class _SourcesRule(Rule):
    def analysis(self, doc, ctx: RuleContext) -> Analysis:
        result = analyse(doc)
        ctx.metrics["jama"] = result.jama()
        ctx.metrics["sources"] = result.metrics()
        return result


@register
class MissingSources(_SourcesRule):
    id = "SR01"
    name = "sources.missing-sources"
    summary = "The text states health facts but has no sources section and no citations."
    default_severity = Severity.WARNING
    why = (
        "Readers (and reviewers) need to see where health facts come from to judge them. The JAMA "
        "benchmarks ask for references and sources for all content (attribution), DISCERN asks whether "
        "it is clear what sources were used, and HONcode asks for references to the source data."
    )
    example = "About 1 in 4 adults will have this condition. Treatment works for most people."
    better = (
        "About 1 in 4 adults will have this condition [1].\n\nSources\n1. National Health Survey. "
        "\"Long-term conditions in adults.\" 2023."
    )
    sources = (_JAMA, _DISCERN + " (question 4: is it clear what sources were used?)", _HON + " (attribution)")
    options = {
        "min_words": Option(
            int, 100,
            "A text with no statistics or research claims is only checked when it has at least this many prose "
            "words and talks about treatments, risks or causes (short notes and forms are left alone).",
        ),
    }

    def check(self, doc, ctx: RuleContext):
        result = self.analysis(doc, ctx)
        if result.attribution or any(c.cited for c in result.claims):
            return
        if result.claims:
            first = result.claims[0].match.text
            yield ctx.document_finding(
                f"No sources: the text makes claims that need evidence (for example “{first}”) but has no "
                "sources section and no citations; add a Sources or References list and cite it."
            )
        elif result.prose_words >= ctx.options["min_words"] and result.states_facts:
            yield ctx.document_finding(
                "No sources: the text gives health information (treatments, risks, causes) but has no sources "
                "section and no citations; add a Sources or References list."
            )


@register
class UnsupportedClaim(_SourcesRule):
    id = "SR02"
    name = "sources.unsupported-claim"
    summary = "A statistic or research claim has no citation in its sentence or paragraph."
    default_severity = Severity.WARNING
    why = (
        "Figures such as \"1 in 5\" or \"twice as likely\" and phrases such as \"studies show\" ask the "
        "reader to trust evidence they cannot see. Each should point to the source that supports it "
        "(JAMA attribution, DISCERN question 4, HONcode justifiability). When the page lists sources but "
        "cites none in the text, the finding is lighter (info): say which source supports the claim."
    )
    example = "Research shows that people who smoke are twice as likely to have a stroke."
    better = "People who smoke are twice as likely to have a stroke (Stroke Research Group, 2021)."
    sources = (_JAMA, _DISCERN + " (questions 4 and 5)", _HON + " (attribution, justifiability)")
    options = {
        "research_language": Option(
            bool, True, "Also flag research language (\"studies show\", \"experts agree\") without a number."
        ),
    }

    def check(self, doc, ctx: RuleContext):
        result = self.analysis(doc, ctx)
        lighter = result.has_sources_list and not result.formal_citations
        for claim in result.claims:
            if claim.supported:
                continue
            if claim.match.kind == "research" and not ctx.options["research_language"]:
                continue
            what = "statistic" if claim.match.kind == "statistic" else "research claim"
            if lighter:
                message = (
                    f"Which source supports this {what} (“{claim.match.text}”)? The page lists sources but "
                    "cites none in the text; add a citation such as [1]."
                )
                severity = Severity.INFO
            else:
                message = (
                    f"Unsupported {what} (“{claim.match.text}”): cite the source in this sentence or paragraph."
                )
                severity = None
            yield ctx.finding(claim.sentence.start, claim.sentence.end, message, block=claim.block, severity=severity)


@register
class UntraceableSource(_SourcesRule):
    id = "SR03"
    name = "sources.untraceable-source"
    summary = "A listed source cannot be traced: no title, a bare URL, a duplicate; no year or an old source (info)."
    default_severity = Severity.WARNING
    why = (
        "A reference only helps if a reader can find it and judge how current it is: it needs a title, "
        "who published it and when. A bare URL breaks when the page moves; a duplicate suggests a "
        "careless list; an old source may be out of date (JAMA attribution and currency, DISCERN "
        "questions 4 and 5, HONcode attribution)."
    )
    example = "Sources\n- https://example.org/page?id=42\n- Health Agency."
    better = "Sources\n- Health Agency. \"Living with asthma.\" 2024. https://example.org/asthma"
    sources = (_JAMA, _DISCERN + " (questions 4 and 5)", _HON + " (attribution, date)")
    options = {
        "max_age_years": Option(int, 10, "Sources published more than this many years ago get an info finding (0 turns the check off)."),
        "today": Option(str, "", _TODAY_HELP),
    }

    def check(self, doc, ctx: RuleContext):
        result = self.analysis(doc, ctx)
        today = _today(ctx.options["today"])
        max_age = ctx.options["max_age_years"]
        seen: dict[str, int] = {}
        for entry in result.entries:
            line = doc.position(entry.start)[0]
            key = entry.key()
            duplicate_of = seen.get(key) if key else None
            if key and duplicate_of is None:
                seen[key] = line
            at = (entry.block_start, entry.block_end, entry.block) if entry.block else (entry.start, entry.end, None)
            if duplicate_of is not None:
                yield ctx.finding(at[0], at[1], f"Duplicate source: the same reference is listed on line {duplicate_of}.", block=at[2])
                continue
            if entry.bare_url:
                yield ctx.finding(
                    at[0], at[1],
                    "Bare URL as a source: give the title, the author or organisation and the year, not only the link.",
                    block=at[2],
                )
                continue
            problems = []
            years = [y for y in entry.years if y <= today.year + 1]
            if not years and not entry.reading:
                problems.append("no year")
            if not entry.has_title:
                problems.append("no title")
            if problems == ["no year"]:  # findable by its title: a lighter finding
                yield ctx.finding(
                    at[0], at[1], "Source has no year: add it, so readers can judge how current it is.",
                    block=at[2], severity=Severity.INFO,
                )
            elif problems:
                yield ctx.finding(
                    at[0], at[1],
                    f"Source cannot be traced ({' and '.join(problems)}): give the author or organisation, the title and the year.",
                    block=at[2],
                )
            elif years and max_age and today.year - max(years) > max_age:
                yield ctx.finding(
                    at[0], at[1],
                    f"Old source ({max(years)}, more than {max_age} years ago): check that newer evidence does not change the advice.",
                    block=at[2], severity=Severity.INFO,
                )


@register
class ReviewDate(_SourcesRule):
    id = "SR04"
    name = "sources.review-date"
    summary = "No 'last reviewed' or 'updated' date, or the page was last reviewed too long ago."
    default_severity = Severity.WARNING
    why = (
        "Health advice changes. Readers need to know when a page was written and last checked (JAMA "
        "currency, DISCERN question 5, HONcode date), and a page that has not been reviewed for years "
        "may give outdated advice."
    )
    example = "Asthma is a common lung condition. Use your preventer inhaler every day."
    better = "Asthma is a common lung condition. Use your preventer inhaler every day.\n\nPage last reviewed: 4 March 2025"
    sources = (_JAMA + " (currency)", _DISCERN + " (question 5: is it clear when the information was produced?)", _HON + " (date)")
    options = {
        "max_age_years": Option(int, 3, "A review or update date older than this many years, measured from today, is flagged."),
        "today": Option(str, "", _TODAY_HELP),
        "min_words": Option(int, 50, "Texts with fewer prose words (snippets, single messages) are not checked."),
    }

    def check(self, doc, ctx: RuleContext):
        result = self.analysis(doc, ctx)
        today = _today(ctx.options["today"])
        max_age = ctx.options["max_age_years"]
        if not result.dates:
            if result.prose_words >= ctx.options["min_words"]:
                yield ctx.document_finding(
                    "No review date: say when the page was last reviewed or updated (for example "
                    "\"Page last reviewed: 4 March 2025\")."
                )
            return
        if any(d.next_review and d.when >= today for d in result.dates):
            return
        dated = [d for d in result.dates if not d.next_review]
        if dated:
            latest = max(dated, key=lambda d: d.when)
            if _years_between(latest.when, today) <= max_age:
                return
            message = (
                f"Last reviewed or updated {latest.text.strip()}, more than {max_age} years ago: review the page "
                "and update the date."
            )
        else:
            latest = max(result.dates, key=lambda d: d.when)
            message = f"The review was due {latest.text.strip()}: review the page and update the date."
        if latest.block is not None:
            yield ctx.finding(latest.start, latest.end, message, block=latest.block)
        else:
            yield ctx.document_finding(message)


@register
class NoAuthor(_SourcesRule):
    id = "SR05"
    name = "sources.no-author"
    summary = "The page names no author, reviewer or responsible organisation."
    default_severity = Severity.WARNING
    why = (
        "Readers judge health information by who stands behind it. The JAMA benchmarks ask for authors "
        "and contributors with their affiliations and credentials, and HONcode asks that the "
        "qualifications of authors be given (authority)."
    )
    example = "Asthma is a common lung condition. Use your preventer inhaler every day."
    better = (
        "Asthma is a common lung condition. Use your preventer inhaler every day.\n\n"
        "Written by the Respiratory Nursing Team, Example Hospital. Reviewed by Dr Ann Lee."
    )
    sources = (_JAMA + " (authorship)", _HON + " (authority, transparency)", _DISCERN)
    options = {
        "min_words": Option(int, 50, "Texts with fewer prose words (snippets, single messages) are not checked."),
    }

    def check(self, doc, ctx: RuleContext):
        result = self.analysis(doc, ctx)
        if result.authors or result.prose_words < ctx.options["min_words"]:
            return
        yield ctx.document_finding(
            "No author: say who wrote or reviewed the page, or which organisation is responsible for it "
            "(for example \"Written by ... Reviewed by ...\")."
        )
