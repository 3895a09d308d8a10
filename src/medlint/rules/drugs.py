"""DR: drug names checked against a reference list, and error-prone dose designations.

The list is the default ``rules/lists/drugs.csv`` merged with the files of the ``drug_lists``
config key (later files override earlier ones). It is loaded and indexed once per process
(``medlint.drugs.matcher``, cached on disk between runs); every rule of the family shares the
mentions found in a document (``doc.memo``). Drug-name corrections are display-only suggestions:
look-alike names make automatic edits dangerous.
"""

from __future__ import annotations

import re
from functools import cache
from typing import Iterator

from medlint.document import Block, Document
from medlint.druglist import name_key
from medlint.drugs.doses import find_designations
from medlint.drugs.matcher import DrugIndex, Mention, index_for
from medlint.findings import Finding, Severity
from medlint.rule import Option, Rule, RuleContext, register

_ISMP = "ISMP List of Error-Prone Abbreviations, Symbols, and Dose Designations (2021)"
_JC = 'The Joint Commission, Official "Do Not Use" List of abbreviations'
_TALL_MAN = "FDA Name Differentiation Project and ISMP List of Look-Alike Drug Names with Recommended Tall Man Letters"
_WHO_INN = "WHO International Nonproprietary Names (INN) programme"


# -- shared per-process and per-document data ------------------------------------------------------


class Found:
    """A drug mention in a block, with where it sits."""

    __slots__ = ("block", "mention", "initial", "paired", "shouting")

    def __init__(self, block: Block, mention: Mention, initial: bool, shouting: bool = False) -> None:
        self.block, self.mention, self.initial = block, mention, initial
        self.paired = False  # part of "generic (Brand)" or "Brand (generic)"
        self.shouting = shouting  # the block is mostly capitals

    @property
    def text(self) -> str:
        return self.mention.text


_INITIAL_BEFORE = set(".!?:;•·*–—-\"“‘'>#|")


def _is_initial(block: Block, start: int) -> bool:
    text = block.text
    i = start - 1
    while i >= 0 and text[i].isspace():
        i -= 1
    return i < 0 or text[i] in _INITIAL_BEFORE


def mentions(doc: Document, index: DrugIndex) -> list[Found]:
    def compute() -> list[Found]:
        result = []
        for block in doc.prose_blocks():
            found = [Found(block, m, _is_initial(block, m.start)) for m in index.find(block.text)]
            if found and _shouting(block):
                for f in found:
                    f.shouting = True
            for group in _pairs(block, found):
                for f in group:
                    f.paired = True
            result.extend(found)
        return result

    return doc.memo(f"drugs.mentions.{id(index)}", compute)


_OPEN = re.compile(r"\s*[(\[]\s*")
_LIST_SEP = re.compile(r"\s*(?:[,;/]|\bor\b|\band\b)\s*")


def _pairs(block: Block, found: list[Found]) -> list[list[Found]]:
    """Groups "A (B, C)": a name followed by names in brackets right after it."""
    groups = []
    k = 0
    while k < len(found):
        head = found[k]
        m = _OPEN.match(block.text, head.mention.end)
        group = [head]
        j = k + 1
        if m and j < len(found) and found[j].mention.start == m.end():
            group.append(found[j])
            j += 1
            while j < len(found):
                sep = _LIST_SEP.fullmatch(block.text, found[j - 1].mention.end, found[j].mention.start)
                if not sep:
                    break
                group.append(found[j])
                j += 1
        if len(group) > 1:
            groups.append(group)
            k = j
        else:
            k += 1
    return groups


def _match_case(name: str, like: str) -> str:
    """``name`` cased like ``like``: "Bortezomib" for "Carfilzomib", as is for brands."""
    if like.isupper() and len(like) > 1:
        return name.upper()
    if like[:1].isupper() and name[:1].islower():
        return name[:1].upper() + name[1:]
    return name


def _combination_parts(generic: str) -> set[str]:
    return {p.strip() for p in re.split(r",\s*|\s+and\s+", generic) if p.strip()}


# -- DR01 -------------------------------------------------------------------------------------------

@cache
def _long_words(min_length: int) -> re.Pattern[str]:
    """Runs of at least ``min_length`` letters (shorter runs never match, even in part)."""
    return re.compile(r"[^\W\d_]{%d,}" % max(1, min_length))


def _zipf(word: str) -> float:
    """English frequency of ``word`` (wordfreq is imported only when a word needs it: 0.2 s)."""
    from wordfreq import zipf_frequency

    return zipf_frequency(word, "en")


@register
class MisspeltDrugName(Rule):
    id = "DR01"
    name = "drugs.misspelt-name"
    summary = "A word looks like a misspelt drug name."
    default_severity = Severity.WARNING
    why = (
        "A misspelt medicine name can be read as a different medicine, and readers who search for it "
        "find nothing or the wrong thing. Words are compared with every name of the reference list; "
        "ordinary English words (frequent in wordfreq's English counts, or in the CMU Pronouncing "
        "Dictionary) are never flagged."
    )
    example = "Take lenalidamide capsules at the same time each day."
    better = "Take lenalidomide capsules at the same time each day."
    sources = (
        "ISMP Guidelines for Safe Electronic Communication of Medical Information (2019)",
        "medlint drug reference list (rules/lists/drugs.csv) and the drug_lists config key",
    )
    options = {
        "min_length": Option(int, 6, "Shortest word (letters) that is compared with drug names."),
        "max_zipf": Option(
            float, 2.0, "Words at least this frequent in English (wordfreq Zipf scale, 0-8) are never flagged."
        ),
        "ignore_words": Option(list, [], "Words never to flag (case-insensitive), e.g. local product names."),
    }

    def check(self, doc: Document, ctx: RuleContext) -> Iterator[Finding]:
        index = index_for(ctx.resources)
        min_length = ctx.options["min_length"]
        max_zipf = ctx.options["max_zipf"]
        ignore = {w.casefold() for w in ctx.options["ignore_words"]}
        verdicts = index.memo(("DR01", max_zipf))  # word -> suggested names, shared by every document

        def suggestions(word: str) -> tuple[str, ...]:
            names = verdicts.get(word)
            if names is None:
                names = ()
                if not (word.isupper() and len(word) <= 8) and not index.knows_word(word):  # not an acronym
                    if not index.is_english(word) and _zipf(word) < max_zipf:
                        names = index.suggest(word)
                if len(verdicts) < 200_000:
                    verdicts[word] = names
            return names

        for block in doc.prose_blocks():
            text = block.text
            for m in _long_words(min_length).finditer(text):
                word = m.group()
                s, e = m.span()
                if (s and (text[s - 1].isdigit() or text[s - 1] in "-@/")) or (e < len(text) and (text[e].isdigit() or text[e] == "-")):
                    continue  # part of a code, a hyphenated compound or a dose ("lenalidomide25mg": DR04)
                names = suggestions(word)
                if not names or word.casefold() in ignore:
                    continue
                shown = [_match_case(n, word) for n in names]
                quoted = " or ".join(f'"{n}"' for n in shown)
                yield ctx.finding(s, e, f'"{word}" looks like a misspelling of {quoted}', block=block, suggestions=shown)


# -- DR02 -------------------------------------------------------------------------------------------


@register
class BrandGenericMismatch(Rule):
    id = "DR02"
    name = "drugs.brand-generic-mismatch"
    summary = "A brand name is paired with a generic name of another medicine."
    default_severity = Severity.ERROR
    why = (
        'In "carfilzomib (Velcade)" the brand and the generic name different medicines: Velcade is '
        "bortezomib. A reader, a carer or a pharmacist may act on either name. Pairs are read from "
        '"generic (Brand)" and "Brand (generic)", including lists in the brackets.'
    )
    example = "Your treatment may include carfilzomib (Velcade)."
    better = "Your treatment may include carfilzomib (Kyprolis)."
    sources = (
        _WHO_INN,
        "FDA Drugs@FDA and NLM RxNorm brand-ingredient relations",
        "medlint drug reference list (rules/lists/drugs.csv) and the drug_lists config key",
    )
    options = {"max_suggestions": Option(int, 3, "Most brand names suggested for the generic.")}

    def check(self, doc: Document, ctx: RuleContext) -> Iterator[Finding]:
        index = index_for(ctx.resources)
        found = mentions(doc, index)
        by_block: dict[int, list[Found]] = {}
        for f in found:
            by_block.setdefault(id(f.block), []).append(f)
        for items in by_block.values():
            block = items[0].block
            for group in _pairs(block, items):
                head, rest = group[0], group[1:]
                for other in rest:
                    finding = self._check_pair(ctx, index, block, head, other, group)
                    if finding is not None:
                        yield finding

    def _check_pair(self, ctx, index, block, head, other, group):
        kinds = {head.mention.kind == "brand", other.mention.kind == "brand"}
        if kinds != {True, False}:
            return None
        brand, generic = (head, other) if head.mention.kind == "brand" else (other, head)
        if brand.mention.entry.strict:
            return None
        generics = {m.generic for m in index.medicines(generic.text)}
        brand_meds = index.medicines(brand.text)
        brand_generics = {m.generic for m in brand_meds}
        if not generics or not brand_generics or generics & brand_generics:
            return None
        if any(generics & _combination_parts(g) for g in brand_generics):
            return None  # a brand of a combination that contains this generic
        text = block.text
        start = min(head.mention.start, other.mention.start)
        end = max(f.mention.end for f in group)
        close = re.match(r"\s*[)\]]", text[end:])
        if close:
            end += close.end()
        original = text[start:end]

        def replaced(target: Found, new: str) -> str:
            a, b = target.mention.start - start, target.mention.end - start
            return original[:a] + new + original[b:]

        suggestions = []
        own = index.medicine(generic.text)
        present = {name_key(f.text) for f in group}
        right_brands = [b.name for b in own.brands if name_key(b.name) not in present] if own is not None and own.generic in generics else []
        for name in right_brands[: ctx.options["max_suggestions"]]:
            suggestions.append(replaced(brand, name))
        real = sorted(brand_generics)[0]
        suggestions.append(replaced(generic, _match_case(real, generic.text)))
        what = " or ".join(sorted(brand_generics))
        message = f'"{brand.text}" is a brand of {what}, not {generic.mention.generic}'
        return ctx.finding(start, end, message, block=block, suggestions=suggestions)


# -- DR03 -------------------------------------------------------------------------------------------


@register
class InconsistentNaming(Rule):
    id = "DR03"
    name = "drugs.inconsistent-naming"
    summary = "The same medicine is spelt, capitalised or named in two ways in one document."
    default_severity = Severity.WARNING
    why = (
        'Readers take "Revlimid" and "revlimid", or "paracetamol" and "acetaminophen", for two '
        "medicines. Use one spelling and one name throughout. House style may also want the generic "
        'name with the brand in brackets at the first mention ("lenalidomide (Revlimid)").'
    )
    example = "Take zoledronic acid every 4 weeks. Zoledronic-acid can cause a fever. Ask before taking acetaminophen; paracetamol is in many cold remedies."
    better = "Take zoledronic acid every 4 weeks. Zoledronic acid can cause a fever. Ask before taking paracetamol; paracetamol is in many cold remedies."
    sources = (
        "NHS digital service manual, content style guide: medicines (generic names, brand names)",
        "GOV.UK / MHRA guidance on patient information leaflets: consistent naming of the medicine",
        _WHO_INN,
    )
    options = {
        "generic_first": Option(
            bool, False, 'Flag a brand used alone at the first mention of a medicine; house style "generic (Brand)".'
        ),
        "synonyms": Option(bool, True, 'Flag two generic names of one medicine ("paracetamol" and "acetaminophen").'),
    }

    def check(self, doc: Document, ctx: RuleContext) -> Iterator[Finding]:
        index = index_for(ctx.resources)
        groups: dict[str, list[Found]] = {}
        for f in mentions(doc, index):
            if not f.mention.entry.strict:
                groups.setdefault(f.mention.generic, []).append(f)
        findings = []
        for generic, items in groups.items():
            findings.extend(self._spelling(ctx, items))
            if ctx.options["synonyms"]:
                findings.extend(self._synonyms(ctx, items))
            if ctx.options["generic_first"]:
                first = items[0]
                if first.mention.kind == "brand" and not first.paired:
                    findings.append(
                        ctx.finding(
                            first.mention.start, first.mention.end,
                            f'First mention of {generic} is the brand alone: write "{generic} ({first.text})"',
                            block=first.block, suggestions=(f"{_match_case(generic, first.text) if first.initial else generic} ({first.text})",),
                        )
                    )
        findings.sort(key=Finding.sort_key)
        yield from findings

    def _spelling(self, ctx, items: list[Found]) -> Iterator[Finding]:
        by_name: dict[str, list[Found]] = {}
        for f in items:
            by_name.setdefault(name_key(f.mention.entry.name), []).append(f)
        for same in by_name.values():
            if len(same) < 2:
                continue
            free = [f for f in same if not f.initial and f.block.kind not in ("heading", "title") and not f.shouting]
            counts: dict[str, int] = {}
            for f in free or same:
                counts[f.text] = counts.get(f.text, 0) + 1
            reference = max(counts, key=lambda t: (counts[t], -next(i for i, f in enumerate(free or same) if f.text == t)))
            for f in same:
                if f.text == reference:
                    continue
                if f.text.casefold() == reference.casefold():
                    if f.block.kind in ("heading", "title") or f.shouting or not free:
                        continue
                    if f.initial and f.text[1:] == reference[1:]:
                        continue
                    what = "capitalised"
                else:
                    what = "spelt"
                yield ctx.finding(
                    f.mention.start, f.mention.end,
                    f'"{f.text}" is {what} differently from "{reference}" elsewhere in this document',
                    block=f.block, suggestions=(_match_case(reference, f.text) if f.initial else reference,),
                )

    def _synonyms(self, ctx, items: list[Found]) -> Iterator[Finding]:
        first_name: Found | None = None
        for f in items:
            if f.mention.kind == "brand" or f.paired:
                continue
            if f.mention.kind == "synonym" and f.text[:1].isupper() and not f.initial:
                continue  # a capitalised synonym is used as a brand
            if first_name is None:
                first_name = f
                continue
            if name_key(f.mention.entry.name) != name_key(first_name.mention.entry.name):
                ref = first_name.mention.entry.name
                yield ctx.finding(
                    f.mention.start, f.mention.end,
                    f'"{f.text}" and "{first_name.text}" name the same medicine: use one name throughout',
                    block=f.block, suggestions=(_match_case(ref, f.text),),
                )


def _shouting(block: Block) -> bool:
    """Mostly capitals ("SIDE EFFECTS OF LENALIDOMIDE"): capitalisation says nothing there."""
    head = block.text[:400]
    upper = sum(map(str.isupper, head))
    return upper > 3 and sum(map(str.islower, head)) < 0.25 * upper


# -- DR04 -------------------------------------------------------------------------------------------


@register
class ErrorProneAbbreviation(Rule):
    id = "DR04"
    name = "drugs.error-prone-abbreviation"
    summary = "An abbreviation or dose designation on the \"Do Not Use\" or ISMP error-prone lists."
    default_severity = Severity.ERROR
    why = (
        'These forms cause dosing errors: "U" is read as 0 or 4 (10 U becomes 40), a trailing zero '
        'turns 5.0 mg into 50 mg, ".5 mg" loses its point, "q.d." is read as four times a day, "MS" '
        'can be morphine or magnesium sulfate, "µg" is read as "mg", and "Inderal40" as "Inderal 140".'
    )
    example = "Inject 10 U of insulin q.d. The usual dose is 5.0 mg, or .5 mg in children."
    better = "Inject 10 units of insulin daily. The usual dose is 5 mg, or 0.5 mg in children."
    sources = (_JC, _ISMP)
    options = {
        "run_together": Option(bool, True, 'Flag a drug name run into its dose ("lenalidomide25mg").'),
    }

    def check(self, doc: Document, ctx: RuleContext) -> Iterator[Finding]:
        run_together = ctx.options["run_together"]
        index = index_for(ctx.resources) if run_together else None

        def is_drug(name: str) -> bool:
            return index is not None and index.lookup_word(name) is not None

        for block in doc.prose_blocks():
            for d in find_designations(block.text, is_drug):
                yield ctx.finding(d.start, d.end, d.message, block=block, suggestions=(d.suggestion,))


# -- DR05 -------------------------------------------------------------------------------------------


@register
class TallMan(Rule):
    id = "DR05"
    name = "drugs.tall-man"
    summary = "A look-alike drug name has a Tall Man form that tells it apart."
    default_severity = Severity.INFO
    why = (
        'Look-alike names ("hydroxyzine" and "hydralazine") are mixed up. Tall Man lettering '
        '("hydrOXYzine", "hydrALAZINE") highlights the letters that differ; the FDA and ISMP recommend it '
        "in lists, labels and medication charts."
    )
    example = "Your doctor may prescribe hydroxyzine for itching."
    better = "Your doctor may prescribe hydrOXYzine for itching."
    sources = (_TALL_MAN,)
    options = {
        "first_mention_only": Option(bool, True, "Offer the Tall Man form once per medicine and document."),
    }

    def check(self, doc: Document, ctx: RuleContext) -> Iterator[Finding]:
        index = index_for(ctx.resources)
        done: set[str] = set()
        for f in mentions(doc, index):
            med = index.drugs.get(f.mention.generic)
            if med is None or not med.tall_man or f.text == med.tall_man:
                continue
            if name_key(f.text) != name_key(med.tall_man) or f.mention.entry.strict:
                continue
            if ctx.options["first_mention_only"]:
                if med.generic in done:
                    continue
                done.add(med.generic)
            yield ctx.finding(
                f.mention.start, f.mention.end,
                f'"{f.text}" has a look-alike name: the Tall Man form "{med.tall_man}" helps tell them apart',
                block=f.block, suggestions=(med.tall_man,),
            )


# -- DR06 -------------------------------------------------------------------------------------------

_HISTORICAL = re.compile(
    r"\b(?:withdrawn|withdrew|withdrawal from the market|no longer|discontinued|banned|recalled|recall"
    r"|taken off|pulled from|removed from|used to|formerly|in the past|until \d{4}|was (?:once )?(?:used|"
    r"prescribed|available|sold|licensed|approved)|were (?:once )?(?:used|prescribed|available|sold))\b",
    re.IGNORECASE,
)


@register
class WithdrawnMedicine(Rule):
    id = "DR06"
    name = "drugs.withdrawn"
    summary = "A medicine withdrawn from the market is presented as a current option."
    default_severity = Severity.WARNING
    why = (
        "A withdrawn medicine (rofecoxib, ranitidine in the US) cannot be prescribed and was usually "
        "withdrawn for safety. Presenting it as an option misleads readers; say it is no longer "
        "available, or name a current alternative. Sentences that already say so are left alone."
    )
    example = "For arthritis pain your doctor may prescribe rofecoxib (Vioxx)."
    better = "Rofecoxib (Vioxx) was withdrawn in 2004; your doctor may prescribe another painkiller."
    sources = (
        "FDA drug safety communications and withdrawals; EMA withdrawn applications",
        "medlint drug reference list: status, status_date and status_region columns",
    )
    options = {
        "region": Option(
            str, "", 'Region of the readers ("US", "UK", "EU"...): flag only medicines withdrawn there; empty: anywhere.'
        ),
        "include_discontinued": Option(bool, False, "Also flag medicines whose status is discontinued."),
    }

    def check(self, doc: Document, ctx: RuleContext) -> Iterator[Finding]:
        index = index_for(ctx.resources)
        region = ctx.options["region"].strip().upper()
        statuses = {"withdrawn"} | ({"discontinued"} if ctx.options["include_discontinued"] else set())
        done: set[str] = set()
        for f in mentions(doc, index):
            if f.mention.entry.strict:
                continue
            med = index.drugs.get(f.mention.generic)
            if med is None or med.status not in statuses or med.generic in done:
                continue
            regions = med.status_regions
            if region and regions and region not in regions:
                continue
            if _historical(f):
                done.add(med.generic)  # the document says it is withdrawn
                continue
            done.add(med.generic)
            when = f" in {med.status_date}" if med.status_date else ""
            where = f" ({', '.join(regions)})" if regions else ""
            name = f'"{f.text}"' + (f" ({med.generic})" if name_key(f.text) != name_key(med.generic) else "")
            yield ctx.finding(
                f.mention.start, f.mention.end,
                f"{name} was {med.status}{when}{where}: do not present it as a current option",
                block=f.block,
            )


def _historical(f: Found) -> bool:
    sentence = f.block.sentence_at(f.mention.start)
    return sentence is not None and bool(_HISTORICAL.search(sentence.text))
