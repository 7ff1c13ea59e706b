"""Measures the short-text rule of the detector (the lean to installed languages) against the same detector without it.

Snippets of one to three words are cut (seeded) from the langid corpus (built at run time from Debian
packages, see langid_corpus.py); those under the detector's SHORT_FEATURES n-grams are detected alone, with
no context, by our detector with --installed as the installed models' languages, and by the same detector
with no preferred language. Prints accuracy and the precision of answers >= 0.6 for the preferred
languages and for the others, and ends with one JSON line.
Run: .venv/bin/python benchmarks/short_text.py [--installed de,en,fr] [--snippets 20000]
"""

from __future__ import annotations

import argparse
import collections
import json
import random
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from langid_corpus import DEFAULT_CACHE, build_corpus, read_corpus

LOW_CONFIDENCE = 0.6


def snippets(count: int) -> list[tuple[str, str]]:
    """(language, one to three consecutive words) cut from the corpus's texts, seeded."""
    rng = random.Random(1)
    cut = []
    for text in read_corpus(build_corpus(DEFAULT_CACHE)):
        words = text.text.split()
        if words:
            size = rng.choice([1, 1, 2, 2, 3])
            start = rng.randrange(max(1, len(words) - size))
            cut.append((text.lang, " ".join(words[start : start + size])))
    rng.shuffle(cut)
    return cut[:count]


def main(argv: list[str] | None = None) -> int:
    """CLI: measure, print the table, end with one JSON line."""
    from translator.detect.detector import SHORT_FEATURES, LanguageDetector

    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--installed", default="de,en,fr", help="the installed models' languages")
    parser.add_argument("--snippets", type=int, default=20_000, help="snippets cut from the corpus")
    args = parser.parse_args(argv)
    installed = set(args.installed.split(","))
    leaning = LanguageDetector(installed=installed)
    plain = LanguageDetector(installed=installed)
    plain._preference, plain.preferred = None, ()  # the same detector without the lean
    counts: collections.Counter[tuple[str, str]] = collections.Counter()
    for lang, text in snippets(args.snippets):
        evidence = leaning.evidence(text)
        if evidence.undetermined or evidence.log_likelihood is None or evidence.features >= SHORT_FEATURES:
            continue
        group = "preferred" if lang in installed else "others"
        counts[group, "texts"] += 1
        for name, detector in (("lean", leaning), ("plain", plain)):
            found = detector.detect_text(text)
            sure = found.confidence >= LOW_CONFIDENCE
            counts[group, f"{name} right"] += found.lang == lang
            counts[group, f"{name} sure"] += sure
            counts[group, f"{name} sure right"] += sure and found.lang == lang
    summary: dict[str, object] = {"installed": sorted(installed)}
    print(f"short snippets alone (< {SHORT_FEATURES} n-grams), installed: {', '.join(sorted(installed))}")
    for group in ("preferred", "others"):
        texts = max(1, counts[group, "texts"])
        row: dict[str, float] = {"texts": counts[group, "texts"]}
        for name in ("plain", "lean"):
            row[f"{name}_accuracy"] = round(counts[group, f"{name} right"] / texts, 4)
            sure_texts = max(1, counts[group, f"{name} sure"])
            row[f"{name}_sure_precision"] = round(counts[group, f"{name} sure right"] / sure_texts, 4)
            row[f"{name}_sure_share"] = round(counts[group, f"{name} sure"] / texts, 4)
        print(
            f"  {group:<10} {row['texts']:>6} texts: right {row['plain_accuracy']:.1%} -> {row['lean_accuracy']:.1%}; "
            f">= {LOW_CONFIDENCE} right {row['plain_sure_precision']:.1%} -> {row['lean_sure_precision']:.1%} "
            f"({row['lean_sure_share']:.0%} of texts)"
        )
        summary[group] = row
    print(json.dumps(summary))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
