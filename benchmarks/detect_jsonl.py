"""Measures `translator detect --jsonl` throughput and memory against plain seeded langdetect, in one run.

Texts come from the langid corpus (built at run time from Debian packages, see langid_corpus.py).
Half the lines carry a thread id (groups of 4), so both passes of the thread priors are exercised.
Run: .venv/bin/python benchmarks/detect_jsonl.py [--lines 20000]
"""

from __future__ import annotations

import argparse
import contextlib
import json
import resource
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from langid_corpus import DEFAULT_CACHE, build_corpus, read_corpus


def write_input(path: Path, texts: list[str], lines: int) -> None:
    with path.open("w", encoding="utf-8") as handle:
        for number in range(lines):
            item: dict[str, object] = {"id": number, "text": texts[number % len(texts)]}
            if number % 2 == 0:
                item["thread"] = f"t{number // 8}"
            handle.write(json.dumps(item, ensure_ascii=False) + "\n")


def peak_rss_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--lines", type=int, default=20000)
    parser.add_argument("--cache", type=Path, default=DEFAULT_CACHE)
    args = parser.parse_args()
    corpus = build_corpus(args.cache)
    texts = [item.text for item in read_corpus(corpus)]

    from langdetect import DetectorFactory, detect
    from langdetect.lang_detect_exception import LangDetectException

    from translator.detect.detector import LanguageDetector
    from translator.detect.jsonl import detect_jsonl

    DetectorFactory.seed = 0
    sample = texts[: min(3000, args.lines)]
    started = time.perf_counter()
    for text in sample:
        with contextlib.suppress(LangDetectException):
            detect(text)
    baseline_rate = len(sample) / (time.perf_counter() - started)

    detector = LanguageDetector()
    figures: dict[str, float] = {"baseline_texts_per_second": round(baseline_rate, 1)}
    with tempfile.TemporaryDirectory() as folder:
        for scale in (1, 4):
            path = Path(folder) / f"in-{scale}.jsonl"
            write_input(path, texts, args.lines * scale)
            before = peak_rss_mb()
            started = time.perf_counter()
            with (Path(folder) / "out.jsonl").open("w", encoding="utf-8") as output:
                detect_jsonl(path, output, detector)
            elapsed = time.perf_counter() - started
            figures[f"texts_per_second_{scale}x"] = round(args.lines * scale / elapsed, 1)
            figures[f"peak_rss_growth_mb_{scale}x"] = round(peak_rss_mb() - before, 1)
    figures["speedup_vs_langdetect"] = round(figures["texts_per_second_4x"] / baseline_rate, 2)
    print(f"plain langdetect           {baseline_rate:8.0f} texts/s")
    print(f"detect --jsonl ({args.lines} lines) {figures['texts_per_second_1x']:8.0f} texts/s")
    print(
        f"detect --jsonl (4x lines)   {figures['texts_per_second_4x']:8.0f} texts/s "
        f"({figures['speedup_vs_langdetect']}x langdetect)"
    )
    print(
        f"peak memory growth: {figures['peak_rss_growth_mb_1x']} MB at 1x, {figures['peak_rss_growth_mb_4x']} MB at 4x"
    )
    print(json.dumps(figures))
    return 0


if __name__ == "__main__":
    sys.exit(main())
