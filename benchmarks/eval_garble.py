#!/usr/bin/env python3
"""Precision, phrase-level recall and suggestion accuracy of the GB family on garble_eval/.

    .venv/bin/python benchmarks/eval_garble.py            # GB01+GB02, GB01 alone, GB02 alone
    .venv/bin/python benchmarks/eval_garble.py -v         # also list misses and false positives
    .venv/bin/python benchmarks/eval_garble.py --set blind4    # only the last blind set

Each sentence of ``spun.tsv`` and ``clean.txt`` is checked as a document of its own (so GB02 has
no document context). A finding is a true positive when it overlaps the row's spun phrase; any
other finding (elsewhere in a spun sentence, or in a clean sentence) is a false positive.
Recall counts spun rows whose phrase is found. A hit's suggestion is right when, folded, it
applied to the sentence, gives the row's original (singular or plural; GB01 may fix a part
of a longer spun phrase, "bone pith" in "bone pith biopsy"). Results are shown
for all rows and for the even and odd rows separately (tuning used the even rows).

Whole correct leaflets (``garble_eval/leaflets*/``) are linted as Markdown documents, so GB02 has
its document context and GB03 its spin score; every GB finding there is a false alarm.

GB02 learns word swaps from GB01's pack, so its recall on the whole pack is not an independent
figure; the two-fold split of the pack (``pack_split``: learn from one half, measure on the
other) is. ``--no-split`` skips it.
"""

from __future__ import annotations

import argparse
import csv
import re
import sys
from pathlib import Path

from medlint import lint_text
from medlint.tokens import fold

HERE = Path(__file__).parent / "garble_eval"


def norm(text: str) -> str:
    return " ".join(re.findall(r"[a-z0-9']+", fold(text)))


# tuning: written with the detector in view; heldout, final, blind, blind2 and blind3: written blind,
# each measured once and then used to develop GB02; blind4: written blind and measured once, after
# the last change (the honest figure). See garble_eval/README.md.
SETS = {
    "tuning": ("spun.tsv", "clean.txt"),
    "heldout": ("heldout_spun.tsv", "heldout_clean.txt"),
    "final": ("final_spun.tsv", "final_clean.txt"),
    "blind": ("blind_spun.tsv", "blind_clean.txt"),
    "blind2": ("blind2_spun.tsv", "blind2_clean.txt"),
    "blind3": ("blind3_spun.tsv", "blind3_clean.txt"),
    "blind4": ("blind4_spun.tsv", "blind4_clean.txt"),
}
# Correct leaflets, all written blind: "dev" used to find false alarms during development,
# "blind" and "blind2" measured once and then used too, "blind3" measured once after the last change.
LEAFLETS = {
    "dev": HERE / "leaflets",
    "blind": HERE / "leaflets_blind",
    "blind2": HERE / "leaflets_blind2",
    "blind3": HERE / "leaflets_blind3",
}


def load(name: str = "tuning"):
    spun_file, clean_file = SETS[name]
    with open(HERE / spun_file, encoding="utf-8") as fh:
        spun = list(csv.DictReader(fh, delimiter="\t"))
    clean = [line.strip() for line in (HERE / clean_file).read_text(encoding="utf-8").splitlines() if line.strip()]
    return spun, clean


def suggestion_right(sentence: str, finding, original: str) -> bool:
    """Applying the suggestion to the sentence gives the original term (plural or singular)."""
    want = norm(original)
    forms = {want, want + "s", want + "es", want[:-1] if want.endswith("s") else want}
    for s in finding.suggestions:
        fixed = " " + norm(sentence[: finding.start] + s + sentence[finding.end :]) + " "
        if any(f" {form} " in fixed for form in forms):
            return True
    return False


def evaluate(rules: list[str], spun, clean, rows=None, verbose=False):
    config = {"select": rules}
    if "GB01" not in rules:
        config["rules"] = {"GB02": {"defer_to_gb01": False}}
    tp = fp = found = right = 0
    misses, fps, wrong = [], [], []
    spun_rows = [(i, r) for i, r in enumerate(spun) if rows is None or i % 2 == rows]
    clean_rows = [(i, r) for i, r in enumerate(clean) if rows is None or i % 2 == rows]
    for _, row in spun_rows:
        sentence, phrase = row["sentence"], row["spun_phrase"]
        start = sentence.index(phrase)
        end = start + len(phrase)
        findings = [f for f in lint_text(sentence, config=config) if f.rule in rules]
        hits = [f for f in findings if f.start < end and start < f.end]
        tp += len(hits)
        fp += len(findings) - len(hits)
        fps += [(sentence, f.match, f.suggestions) for f in findings if f not in hits]
        if hits:
            found += 1
            if any(suggestion_right(sentence, f, row["original"]) for f in hits):
                right += 1
            else:
                wrong.append((phrase, row["original"], [f.suggestions for f in hits]))
        else:
            misses.append((phrase, row["original"]))
    for _, sentence in clean_rows:
        findings = [f for f in lint_text(sentence, config=config) if f.rule in rules]
        fp += len(findings)
        fps += [(sentence, f.match, f.suggestions) for f in findings]
    n = len(spun_rows)
    precision = tp / (tp + fp) if tp + fp else 1.0
    recall = found / n if n else 0.0
    accuracy = right / found if found else 0.0
    if verbose:
        for m in misses:
            print("  MISS", m)
        for w in wrong:
            print("  WRONG", w)
        for f in fps:
            print("  FP  ", f)
    return precision, recall, accuracy, (tp, fp, found, n, len(clean_rows))


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("-v", "--verbose", action="store_true")
    ap.add_argument("--rows", choices=["all", "even", "odd"], default=None, help="only this split")
    ap.add_argument("--set", choices=list(SETS), action="append", help="which labelled set (default: all)")
    ap.add_argument("--no-split", action="store_true", help="skip the two-fold split of GB01's pack")
    args = ap.parse_args(argv)
    splits = {"all": None, "even": 0, "odd": 1}
    for set_name in args.set or list(SETS):
        spun, clean = load(set_name)
        # Only the tuning set is split (tuning used its even rows); the others were written blind.
        chosen = ["all"] if set_name != "tuning" else ([args.rows] if args.rows else list(splits))
        print(f"\n{set_name} set: {len(spun)} spun sentences, {len(clean)} correct sentences")
        print(f"{'rules':10} {'rows':5} {'precision':>9} {'recall':>7} {'sugg.ok':>7}   tp/fp, found/spun, clean")
        for rules in (["GB01", "GB02"], ["GB01"], ["GB02"]):
            for name in chosen:
                verbose = args.verbose and rules == ["GB01", "GB02"]
                p, r, a, (tp, fp, found, n, nc) = evaluate(rules, spun, clean, splits[name], verbose)
                print(f"{'+'.join(rules):10} {name:5} {p:9.3f} {r:7.3f} {a:7.3f}   {tp}/{fp}, {found}/{n}, {nc}")
                sys.stdout.flush()
    for name in LEAFLETS:
        leaflet_alarms(name, args.verbose)
    pack_recall()
    if not args.no_split:
        pack_split()
    return 0


def leaflet_alarms(name: str = "dev", verbose: bool = True) -> None:
    """False alarms of the GB family on whole correct leaflets (``LEAFLETS``): each file is linted
    as the Markdown document it is, so GB02 has its document context and GB03 its spin score.
    Every GB finding there is a false alarm."""
    files = sorted(LEAFLETS[name].glob("*.md"))
    if not files:
        return
    words = alarms = 0
    shown = []
    for path in files:
        text = path.read_text(encoding="utf-8")
        words += len(text.split())
        findings = lint_text(text, format="markdown", path=str(path), config={"select": ["GB01", "GB02", "GB03"]})
        alarms += len(findings)
        shown += [(path.name, f.rule, f.match) for f in findings]
    print(
        f"\nleaflets ({name}): {len(files)} correct leaflets, {words} words: {alarms} GB findings "
        f"({1000 * alarms / words:.2f} per 1,000 words)"
    )
    for file, rule, match in shown if verbose else ():
        print(f"  ALARM {file} {rule} {match!r}")


def pack_recall() -> None:
    """GB02 alone on the entries of GB01's pack, written independently of GB02's tables.

    Each pack entry (spun phrase -> expected wording) is checked as a sentence of its own; an
    entry counts as found when GB02 flags it and its suggestion gives the expected wording.
    GB02 learns word swaps from this pack (``lexicon.learn_swaps``), so this figure is no longer
    independent: ``pack_split`` gives the honest one.
    """
    from medlint.garble.lexicon import read_pack
    from medlint.resources import data_file

    entries = read_pack(data_file("garble", "tortured-phrases.yaml"))
    if not entries:
        return
    found, right = _pack_hits(entries)
    n = len(entries)
    print(
        f"GB02 on GB01's {n} pack entries (no context; learned from them): flagged {found / n:.3f}, "
        f"flagged with the expected wording {right / n:.3f}"
    )


def _pack_hits(entries) -> tuple[int, int]:
    config = {"select": ["GB02"], "rules": {"GB02": {"defer_to_gb01": False}}}
    found = right = 0
    for spun, expected in entries:
        sentence = f"Read about {spun} here."
        hits = lint_text(sentence, config=config)
        if hits:
            found += 1
            right += any(suggestion_right(sentence, f, expected) for f in hits)
    return found, right


def pack_split() -> None:
    """GB02 on one half of GB01's pack with swaps learned from the other half only (two folds).

    Entries are grouped by their original term (singular and plural together, "agony reliever"
    and "agony relievers"; "anxious framework" and "apprehensive framework"), and the groups are
    split alternately, so no swap is learned from another spelling of the same test entry.
    "before" is the lexicon without learned swaps (the hand-written table and WordNet only).
    """
    from medlint.garble.lexicon import _singular, build_lexicon, read_pack, split_words
    from medlint.resources import data_file, medical_terms
    from medlint.rule import Resources

    entries = read_pack(data_file("garble", "tortured-phrases.yaml"))
    if not entries:
        return
    groups: dict[tuple[str, ...], int] = {}
    fold_of = []
    for spun, original in entries:
        words = split_words(original)
        key = words[:-1] + ((_singular(words[-1]),) if words and words[-1].endswith("s") else words[-1:])
        fold_of.append(groups.setdefault(key, len(groups)) % 2)
    # entries whose original is a term of medical-terms.txt: the others GB02 cannot know held out
    terms = {split_words(t) for t in medical_terms()}
    in_terms = [
        split_words(o) in terms or split_words(o)[:-1] + (_singular(split_words(o)[-1]),) in terms for _, o in entries
    ]
    saved = Resources._cache.pop("garble.lexicon", None)
    try:
        totals = {"before": [0, 0, 0], "after": [0, 0, 0]}
        for k in (0, 1):
            test = [e for e, f in zip(entries, fold_of) if f == k]
            train = [e for e, f in zip(entries, fold_of) if f != k]
            for name, pack in (("before", []), ("after", train)):
                Resources._cache["garble.lexicon"] = build_lexicon(pack=pack)
                found, right = _pack_hits(test)
                totals[name][0] += found
                totals[name][1] += right
                totals[name][2] += _pack_hits([e for e, f, t in zip(entries, fold_of, in_terms) if f == k and t])[0]
                print(
                    f"GB02 on pack fold {k} ({len(test)} entries), learned from the other {len(train) if pack else 0}: "
                    f"{name:6} flagged {found / len(test):.3f}, with the expected wording {right / len(test):.3f}"
                )
        n, nt = len(entries), sum(in_terms)
        for name, (found, right, found_t) in totals.items():
            print(
                f"GB02 on GB01's pack, two-fold split, {name:6}: flagged {found / n:.3f}, with the expected wording "
                f"{right / n:.3f}; flagged {found_t / nt:.3f} of the {nt} whose original is in medical-terms.txt"
            )
    finally:
        Resources._cache.pop("garble.lexicon", None)
        if saved is not None:
            Resources._cache["garble.lexicon"] = saved


if __name__ == "__main__":
    raise SystemExit(main())
