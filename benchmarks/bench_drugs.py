"""The DR family with a small and a very large drug list: time, load time and peak memory.

Usage: python benchmarks/bench_drugs.py [--files 1000] [--names 100000]

1. Checks the generated 1,000-file corpus (benchmarks/corpus.py) with only the DR rules, once with
   a 100-name list and once with a synthetic list of about 100,000 names (the default list plus
   made-up medicines whose names combine and perturb real ones), each as the only list
   (``MEDLINT_DRUG_LIST``), in a fresh process: target, the large list takes at most 1.25 times
   as long; peak memory (max RSS) with the large list under 300 MB.
2. Loads the default list cold (no cache) and from the cache: target under 1 s cached.
Each measurement runs in its own process so that caches and memory figures do not leak.
"""

from __future__ import annotations

import argparse
import json
import os
import random
import subprocess
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).parent))

from corpus import make_corpus  # noqa: E402

from medlint.druglist import Brand, DrugList, Medicine, default_list_path, load_drug_list, write_drug_list  # noqa: E402

TIME_RATIO_TARGET = 1.25
MEMORY_TARGET_MB = 300
CACHED_LOAD_TARGET_S = 1.0


def small_list(path: Path, names: int = 100) -> Path:
    """About ``names`` names: the first medicines of the default list that have a brand."""
    chosen, count = [], 0
    for med in load_drug_list(default_list_path()):
        if med.brands and not med.status and count < names:
            brands = med.brands[: max(0, min(len(med.brands), names - count - 1))]
            chosen.append(Medicine(med.generic, brands=brands))
            count += 1 + len(brands)
    write_drug_list(DrugList(chosen), path)
    return path


def _perturb(rng: random.Random, word: str) -> str:
    letters = "abcdefghiklmnoprstuvxyz"
    i = rng.randrange(len(word))
    op = rng.randrange(3)
    if op == 0:
        return word[:i] + rng.choice(letters) + word[i + 1 :]
    if op == 1:
        return word[:i] + rng.choice(letters) + word[i:]
    return word[:i] + word[i + 1 :] if len(word) > 4 else word + rng.choice(letters)


def large_list(path: Path, names: int = 100_000, seed: int = 3) -> Path:
    """The default list plus made-up medicines up to about ``names`` surface names."""
    rng = random.Random(seed)
    default = load_drug_list(default_list_path())
    meds = {m.generic: m for m in default}
    count = sum(1 + len(m.brands) + len(m.synonyms) for m in meds.values())
    generics = [m.generic for m in default if m.generic.isalpha() and len(m.generic) >= 6]
    brands = [b.name for m in default for b in m.brands if b.name.isalpha() and len(b.name) >= 5]
    taken = {n.lower() for m in meds.values() for n in (m.generic, *m.brand_names, *m.synonyms)}
    while count < names:
        a, b = rng.choice(generics), rng.choice(generics)
        generic = a[: rng.randint(3, len(a) - 2)] + b[rng.randint(2, len(b) - 3) :]
        if rng.random() < 0.5:
            generic = _perturb(rng, generic)
        if generic in taken or len(generic) < 6:
            continue
        new_brands = []
        for _ in range(rng.randint(1, 3)):
            x, y = rng.choice(brands), rng.choice(brands)
            brand = (x[: rng.randint(2, len(x) - 1)] + y[rng.randint(1, len(y) - 2) :].lower()).capitalize()
            if brand.lower() not in taken:
                taken.add(brand.lower())
                new_brands.append(Brand(brand))
        taken.add(generic)
        meds[generic] = Medicine(generic, brands=tuple(new_brands))
        count += 1 + len(new_brands)
    write_drug_list(DrugList(meds.values()), path)
    return path


# -- child processes --------------------------------------------------------------------------------


def child_check(corpus_dir: str) -> dict:
    import resource

    from medlint import lint_paths

    paths = sorted(Path(corpus_dir).iterdir())
    config = {"select": ["DR"]}
    start = time.perf_counter()
    lint_paths(paths[:1], config=config)  # loads (or builds) the list once, as a real run does
    load = time.perf_counter() - start
    start = time.perf_counter()
    report = lint_paths(paths, config=config)
    elapsed = time.perf_counter() - start
    rss = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024  # KB on Linux
    return {"elapsed": elapsed, "load": load, "findings": len(report.findings), "files": len(paths), "rss_mb": rss}


def child_load() -> dict:
    start = time.perf_counter()
    from medlint.druglist import default_list_path as dlp
    from medlint.drugs.matcher import load_index

    imported = time.perf_counter()
    index = load_index([dlp()])
    done = time.perf_counter()
    return {"import": imported - start, "load": done - imported, "medicines": len(index)}


def spawn(args: list[str], env: dict[str, str]) -> dict:
    out = subprocess.run(
        [sys.executable, __file__, *args], env={**os.environ, **env}, capture_output=True, text=True, check=True
    )
    return json.loads(out.stdout.strip().splitlines()[-1])


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--files", type=int, default=1000)
    parser.add_argument("--names", type=int, default=100_000)
    parser.add_argument("--child", choices=["check", "load"], help=argparse.SUPPRESS)
    parser.add_argument("--corpus", help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.child == "check":
        print(json.dumps(child_check(args.corpus)))
        return
    if args.child == "load":
        print(json.dumps(child_load()))
        return

    work = Path(tempfile.gettempdir()) / "medlint-bench"
    corpus = make_corpus(work / "corpus-drugs", args.files)
    size = sum(p.stat().st_size for p in corpus)
    small = small_list(work / "drugs-100.csv")
    large = work / f"drugs-{args.names}.csv"
    if not large.exists():
        large_list(large, args.names)
    cache = Path(tempfile.mkdtemp(prefix="medlint-bench-cache-"))
    names = {p: sum(1 + len(m.brands) + len(m.synonyms) for m in load_drug_list(p)) for p in (small, large)}
    print(f"corpus: {len(corpus)} files, {size / 1e6:.2f} MB; lists: {names[small]:,} and {names[large]:,} names")

    results = {}
    for label, path in (("small", small), ("large", large)):
        env = {"MEDLINT_DRUG_LIST": str(path), "XDG_CACHE_HOME": str(cache)}
        spawn(["--child", "check", "--corpus", str(corpus[0].parent)], env)  # builds the cached index
        runs = [spawn(["--child", "check", "--corpus", str(corpus[0].parent)], env) for _ in range(3)]
        best = min(runs, key=lambda r: r["elapsed"])
        best["rss_mb"] = max(r["rss_mb"] for r in runs)
        results[label] = best
        print(
            f"DR family, {names[path]:>7,} names: {best['elapsed']:.2f} s for {best['files']} files "
            f"({best['files'] / best['elapsed']:,.0f} files/s, best of 3), {best['findings']:,} findings, "
            f"list load {best['load']:.2f} s, peak RSS {best['rss_mb']:.0f} MB"
        )
    ratio = results["large"]["elapsed"] / results["small"]["elapsed"]
    print(f"time ratio large/small: {ratio:.2f} (target <= {TIME_RATIO_TARGET}) "
          f"{'OK' if ratio <= TIME_RATIO_TARGET else 'OVER'}")
    rss = results["large"]["rss_mb"]
    print(f"peak memory with the large list: {rss:.0f} MB (target < {MEMORY_TARGET_MB}) "
          f"{'OK' if rss < MEMORY_TARGET_MB else 'OVER'}")

    env = {"XDG_CACHE_HOME": str(cache)}
    base = {k: v for k, v in os.environ.items() if k != "MEDLINT_DRUG_LIST"}
    cold = json.loads(subprocess.run([sys.executable, __file__, "--child", "load"], env={**base, "MEDLINT_NO_CACHE": "1"},
                                     capture_output=True, text=True, check=True).stdout.splitlines()[-1])
    subprocess.run([sys.executable, __file__, "--child", "load"], env={**base, **env}, capture_output=True, check=True)
    warm = [json.loads(subprocess.run([sys.executable, __file__, "--child", "load"], env={**base, **env},
                                      capture_output=True, text=True, check=True).stdout.splitlines()[-1]) for _ in range(3)]
    cached = min(w["load"] for w in warm)
    print(f"default list ({cold['medicines']:,} medicines): cold load {cold['load']:.2f} s, cached {cached:.3f} s "
          f"(target < {CACHED_LOAD_TARGET_S} s) {'OK' if cached < CACHED_LOAD_TARGET_S else 'OVER'}; "
          f"imports {min(w['import'] for w in warm):.2f} s")


if __name__ == "__main__":
    main()
