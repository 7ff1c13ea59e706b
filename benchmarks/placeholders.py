"""Which placeholder forms survive a translation model: protect real sentences with each form, translate,
and count the sentences whose placeholders all came back exactly once (no fallback needed).

Run: python benchmarks/placeholders.py [THREAD] [--pair fr-en] [--limit 200]. It uses the installed
or bundled Argos package of the pair (the demo model by default) and the shipped glossary. The last line
is one JSON object: for each form, the share of sentences that needed no fallback.
"""

from __future__ import annotations

import argparse
import json
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from translator.engine import build_engine
from translator.errors import TranslatorError
from translator.glossary import GlossaryStore, translate_with_glossary
from translator.placeholders import PlaceholderStyle
from translator.readers import read_thread
from translator.segment import split_sentences

SAMPLE = Path(__file__).resolve().parent.parent.parent / "shared" / "samples" / "developpez-musk-putin-thread.txt"
FORMS = [("⟦T", "⟧"), ("XX", "XX"), ("[T", "]"), ("<T", ">"), ("#T", "#"), ("{", "}"), ("ZZ", "ZZ")]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("thread", nargs="?", type=Path, default=SAMPLE)
    parser.add_argument("--pair", default="fr-en")
    parser.add_argument("--limit", type=int, default=200, help="most sentences with terms to try")
    args = parser.parse_args()
    source, target = args.pair.split("-")
    glossary = GlossaryStore().get(source, target)
    if glossary is None:
        raise SystemExit(f"no {args.pair} glossary")
    thread = read_thread(args.thread).thread
    sentences = [s for _, block in thread.blocks() for s in split_sentences(block.text, source)]
    sentences = [s for s in sentences if glossary.find_terms(s)][: args.limit]
    engine = build_engine()
    try:
        engine.model_id(source, target)
    except TranslatorError as error:
        raise SystemExit(f"placeholders: {error}") from None
    figures: dict[str, float] = {}
    for prefix, suffix in FORMS:
        style = PlaceholderStyle(prefix, suffix)
        started = time.perf_counter()
        results = translate_with_glossary(sentences, source, target, engine, glossary, style=style)
        kept = sum(not result.fallback for result in results) / max(1, len(results))
        placed = sum(use.placed for r in results for use in r.terms) / max(1, sum(len(r.terms) for r in results))
        figures[style.format(1)] = round(kept, 3)
        print(
            f"{style.format(1):>8}: {kept:6.1%} of {len(results)} sentences kept every placeholder; "
            f"{placed:6.1%} of terms placed after fallback ({time.perf_counter() - started:.1f} s)"
        )
    print(json.dumps({"pair": args.pair, "sentences": len(sentences), "no_fallback_share": figures}))


if __name__ == "__main__":
    main()
