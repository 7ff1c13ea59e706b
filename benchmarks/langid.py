"""Measures language detection against plain seeded langdetect, per length bucket and language, in one run."""

from __future__ import annotations

import argparse
import collections
import functools
import json
import random
import sys
import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Protocol

from langid_corpus import BUCKETS, DEFAULT_CACHE, LANGS, Text, bucket_of, build_corpus, read_corpus, split_of

THREAD_BUCKET = "<30 (thread)"
FOREIGN_BUCKET = "<30 (other-language thread)"
POST_BUCKET = "<30 (post)"
FOREIGN_POST_BUCKET = "<30 (other-language post)"
REPORT_BUCKETS = ("<30", THREAD_BUCKET, FOREIGN_BUCKET, POST_BUCKET, FOREIGN_POST_BUCKET, *BUCKETS[1:])
THREAD_SIZE = 4
CONFIDENT = 0.9
LANGDETECT_TO_ARGOS = {"no": "nb", "zh-cn": "zh", "zh-tw": "zt"}
ARGOS_TO_LANGDETECT = {v: k for k, v in LANGDETECT_TO_ARGOS.items()}


@dataclass(frozen=True)
class Guess:
    """What a langdetect-based detector says about one text (the fields our Detection has)."""

    lang: str
    """Argos code, or `unknown` when langdetect found nothing to go on."""
    confidence: float
    """Probability of `lang`, 0..1."""
    source: str
    """Which detector produced it."""


class Detector(Protocol):
    """The part of `translator.detect.detector.LanguageDetector` this benchmark calls."""

    def detect_text(self, text: str) -> Any: ...

    def detect_group(self, texts: list[str]) -> list[Any]: ...


class LangdetectDetector:
    """Seeded langdetect on each text alone; restricted to `candidates` (renormalised) when given."""

    def __init__(self, candidates: Sequence[str] | None = None) -> None:
        from langdetect import DetectorFactory
        from langdetect.detector_factory import init_factory

        DetectorFactory.seed = 0
        init_factory()
        self.candidates = {ARGOS_TO_LANGDETECT.get(c, c) for c in candidates} if candidates else None
        self.source = "langdetect-restricted" if candidates else "langdetect"

    @functools.cache  # noqa: B019 - deterministic, and the benchmark owns the instances
    def detect_text(self, text: str) -> Guess:
        from langdetect import detector_factory
        from langdetect.lang_detect_exception import LangDetectException

        detector = detector_factory._factory.create()  # what langdetect.detect does, keeping the Detector
        detector.append(text)
        try:
            ranked = detector.get_probabilities()
        except LangDetectException:
            return Guess("unknown", 0.0, self.source)
        if self.candidates is None:
            if not ranked:
                return Guess("unknown", 0.0, self.source)
            best, probability = ranked[0].lang, ranked[0].prob
        else:  # the full vector, not get_probabilities()' list, which drops languages under 0.1
            pairs = zip(detector.langlist, detector.langprob, strict=True)
            scores = {lang: p for lang, p in pairs if lang in self.candidates}
            total = sum(scores.values())
            if total <= 0:
                return Guess("unknown", 0.0, self.source)
            best = max(scores, key=lambda lang: scores[lang])
            probability = scores[best] / total
        return Guess(LANGDETECT_TO_ARGOS.get(best, best), probability, self.source)

    def detect_group(self, texts: list[str]) -> list[Guess]:
        """No thread priors: each text on its own."""
        return [self.detect_text(text) for text in texts]


def load_ours(candidates: Sequence[str] | None) -> Detector:
    """Our detector, imported only when asked for."""
    try:
        from translator.detect.detector import LanguageDetector
    except ImportError as error:
        hint = "run with --detector baseline"
        raise SystemExit(f"translator.detect.detector is not usable yet ({error}); {hint}") from error
    detector: Detector = LanguageDetector(candidates=list(candidates) if candidates else None)
    return detector


@dataclass
class Tally:
    """Right/total counts, plus the confident subset, for one detector."""

    right: collections.Counter[str]
    total: collections.Counter[str]
    confident_right: collections.Counter[str]
    confident: collections.Counter[str]
    confusions: collections.Counter[tuple[str, str]]

    @classmethod
    def empty(cls) -> Tally:
        return cls(*(collections.Counter() for _ in range(5)))

    def add(self, keys: Sequence[str], truth: str, guess: Any) -> None:
        ok = guess.lang == truth
        confident = guess.confidence >= CONFIDENT
        for key in keys:
            self.total[key] += 1
            self.right[key] += ok
            self.confident[key] += confident
            self.confident_right[key] += confident and ok
        if not ok:
            self.confusions[(truth, guess.lang)] += 1


def ratio(part: int, whole: int) -> float | None:
    return round(part / whole, 4) if whole else None


def pct(value: float | None) -> str:
    return "     -" if value is None else f"{100 * value:6.1f}"


def sample(texts: list[Text], split: str, limit: int | None) -> list[Text]:
    """The texts of one half of the corpus, at most `limit` per language (seeded, spread over buckets)."""
    chosen: list[Text] = []
    for lang in LANGS:
        mine = [t for t in texts if t.lang == lang and split_of(t.doc) == split]
        if limit is not None and len(mine) > limit:
            random.Random(f"{split}:{lang}").shuffle(mine)
            mine = sorted(mine[:limit], key=lambda t: (t.doc, t.text))
        chosen.extend(mine)
    return chosen


def threads(texts: list[Text], foreign: bool = False) -> list[tuple[Text, list[str], int]]:
    """For each short text, a thread of it and 3 other texts of its language (foreign: of one other
    language, the short text being a reply in another language than the thread's); and its place."""
    by_lang: dict[str, list[Text]] = collections.defaultdict(list)
    for item in texts:
        by_lang[item.lang].append(item)
    built = []
    for item in texts:
        if bucket_of(item.text) != "<30":
            continue
        rng = random.Random(f"{item.lang}:{item.doc}:{item.text}")
        thread_lang = rng.choice([lang for lang in by_lang if lang != item.lang]) if foreign else item.lang
        pool = by_lang[thread_lang]
        picked = rng.sample(pool, min(THREAD_SIZE, len(pool)))
        others = [t.text for t in picked if t != item][: THREAD_SIZE - 1]
        place = rng.randrange(len(others) + 1)
        built.append((item, [*others[:place], item.text, *others[place:]], place))
    return built


def evaluate(
    detector: Detector,
    texts: list[Text],
    groups: list[tuple[Text, list[str], int]],
    foreign_groups: list[tuple[Text, list[str], int]],
    progress: Callable[[str], None],
) -> tuple[Tally, float]:
    """Runs one detector over every text alone and over every short text in its thread."""
    tally = Tally.empty()
    started = time.perf_counter()
    for item in texts:
        guess = detector.detect_text(item.text)
        tally.add([bucket_of(item.text), "all", item.lang], item.lang, guess)
    elapsed = time.perf_counter() - started
    progress(f"{len(texts)} texts in {elapsed:.1f}s")
    for bucket, built in ((THREAD_BUCKET, groups), (FOREIGN_BUCKET, foreign_groups)):
        for item, thread, place in built:
            tally.add([bucket], item.lang, detector.detect_group(thread)[place])
    decide = getattr(detector, "decide", None)
    if decide is not None:  # ours: the same threads, the short text a paragraph of the first text's post
        evidence = detector.evidence  # type: ignore[attr-defined]
        for bucket, built in ((POST_BUCKET, groups), (FOREIGN_POST_BUCKET, foreign_groups)):
            for item, thread, place in built:
                posts = [index if index != place else (place + 1) % len(thread) for index in range(len(thread))]
                found = decide([evidence(text) for text in thread], [0] * len(thread), posts)[place]
                tally.add([bucket], item.lang, found)
    return tally, len(texts) / elapsed if elapsed else 0.0


def figures(tally: Tally, speed: float) -> dict[str, Any]:
    """The numbers of one detector, as ratios."""
    return {
        "accuracy": {b: ratio(tally.right[b], tally.total[b]) for b in REPORT_BUCKETS},
        "accuracy_all": ratio(tally.right["all"], tally.total["all"]),
        "confident_precision": ratio(tally.confident_right["all"], tally.confident["all"]),
        "confident_share": ratio(tally.confident["all"], tally.total["all"]),
        "confident_precision_by_bucket": {
            b: ratio(tally.confident_right[b], tally.confident[b]) for b in REPORT_BUCKETS
        },
        "per_language": {code: ratio(tally.right[code], tally.total[code]) for code in LANGS},
        "texts_per_second": round(speed, 1),
        "top_confusions": [f"{t}->{g}:{n}" for (t, g), n in tally.confusions.most_common(8)],
    }


def print_report(results: dict[str, dict[str, Any]], texts: list[Text], split: str) -> None:
    """Tables for people; the JSON line comes after."""
    names = list(results)

    def row(label: str, cells: Sequence[object]) -> None:
        print(f"  {label:<24}" + "".join(f"{cell:>22}" for cell in cells))

    counts = collections.Counter(bucket_of(t.text) for t in texts)
    per_bucket = ", ".join(f"{b} {counts[b]}" for b in BUCKETS)
    languages = len({t.lang for t in texts})
    print(f"split={split}: {len(texts)} texts, {languages} languages; per bucket: {per_bucket}")
    print("\naccuracy %")
    row("bucket", names)
    for bucket in REPORT_BUCKETS:
        row(bucket, [pct(results[n]["accuracy"][bucket]) for n in names])
    row("all (no thread)", [pct(results[n]["accuracy_all"]) for n in names])
    print(f"\ncalibration (confidence >= {CONFIDENT})")
    row("precision % (no thread)", [pct(results[n]["confident_precision"]) for n in names])
    row("share of texts %", [pct(results[n]["confident_share"]) for n in names])
    for bucket in REPORT_BUCKETS:
        by_bucket = [pct(results[n]["confident_precision_by_bucket"][bucket]) for n in names]
        row(f"precision % {bucket}", by_bucket)
    print()
    row("speed texts/s", [results[n]["texts_per_second"] for n in names])
    print("\nper language accuracy % (all buckets, no thread)")
    for lang in LANGS:
        row(lang, [pct(results[n]["per_language"][lang]) for n in names])
    for name in names:
        print(f"\n{name} top confusions (truth->guess:n): {' '.join(results[name]['top_confusions'])}")


def main(argv: list[str] | None = None) -> int:
    """CLI: evaluate, print tables, end with one JSON line."""
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--cache", type=Path, default=DEFAULT_CACHE, help="corpus cache (built if missing)")
    parser.add_argument("--limit-per-lang", type=int, default=None, help="texts per language at most")
    parser.add_argument(
        "--detector",
        choices=["ours", "baseline", "restricted", "both", "all"],
        default="both",
        help="both = baseline + ours; all adds langdetect restricted to the candidates",
    )
    parser.add_argument(
        "--candidates",
        default=",".join(LANGS),
        help="comma-separated Argos codes, or 'default' for the detector's own candidate set",
    )
    parser.add_argument("--split", choices=["dev", "test"], default="test", help="corpus half (by doc id)")
    args = parser.parse_args(argv)
    candidates = None if args.candidates == "default" else [c.strip() for c in args.candidates.split(",")]

    def progress(message: str) -> None:
        print(message, file=sys.stderr, flush=True)

    texts = sample(read_corpus(build_corpus(args.cache)), args.split, args.limit_per_lang)
    groups = threads(texts)
    foreign_groups = threads(texts, foreign=True)
    wanted = {
        "ours": ["ours"],
        "baseline": ["baseline"],
        "restricted": ["restricted"],
        "both": ["baseline", "ours"],
        "all": ["baseline", "restricted", "ours"],
    }[args.detector]
    factories: dict[str, Callable[[], Detector]] = {
        "baseline": LangdetectDetector,
        "restricted": lambda: LangdetectDetector(candidates or LANGS),
        "ours": lambda: load_ours(candidates),
    }
    results: dict[str, dict[str, Any]] = {}
    for name in wanted:
        progress(f"{name}: evaluating")
        tally, speed = evaluate(factories[name](), texts, groups, foreign_groups, progress)
        results[name] = figures(tally, speed)
    print_report(results, texts, args.split)
    summary: dict[str, Any] = {"split": args.split, "texts": len(texts), "threads": len(groups)}
    for name, result in results.items():
        prefix = "" if name == "ours" else f"{name}_"
        summary[f"{prefix}accuracy"] = result["accuracy"]
        summary[f"{prefix}confident_precision"] = result["confident_precision"]
        summary[f"{prefix}confident_share"] = result["confident_share"]
        summary[f"{prefix}texts_per_second"] = result["texts_per_second"]
        summary[f"{prefix}per_language"] = result["per_language"]
    print(json.dumps(summary, ensure_ascii=False))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
