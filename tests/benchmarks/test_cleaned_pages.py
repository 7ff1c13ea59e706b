"""Pages labelled by their text cleaned by hand (CleanEval's format): the label read, and a reading scored against
it (the benchmark's pure parts, on labels of our own)."""

from __future__ import annotations

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[2] / "benchmarks"))

from cleaned_pages import cleaned_figures, cleaned_text, score_cleaned

LABEL = """URL: http://example.org/news/ferry

<h>Ferry fares rise
 again
<p>The island&#039;s ferry will cost more
 from May, the operator said.
<l>Day tickets: a fifth more &amp; season tickets a tenth.
"""


def test_a_label_is_read_without_its_markers_url_and_entities() -> None:
    assert cleaned_text(LABEL.encode("utf-8")) == (
        "Ferry fares rise again The island's ferry will cost more from May, the operator said. Day tickets: a fifth "
        "more & season tickets a tenth."
    )


def test_a_page_labelled_as_no_article_is_none() -> None:
    assert cleaned_text(b"\nURL: http://example.org/news/index\n\n<!-- this page contains no article -->\n") is None


def test_a_reading_is_scored_and_a_set_summed() -> None:
    text = cleaned_text(LABEL.encode("utf-8")) or ""
    right = score_cleaned(text, text)
    assert right == {"recall": 1.0, "precision": 1.0}
    noisy = score_cleaned(text, "Home News Sport Weather " + text)
    assert noisy["recall"] == 1.0 and 0.5 < noisy["precision"] < 1.0
    refused = {"error": "no text"} | score_cleaned(text, "")
    assert refused == {"error": "no text", "recall": 0.0, "precision": None}
    figures = cleaned_figures([right, noisy, refused, {"no_article": True}])
    assert figures["cleaned_pages"] == 3
    assert figures["cleaned_no_article"] == 1
    assert figures["cleaned_refused"] == 1
    assert figures["cleaned_recall"] == round(2 / 3, 4)
    assert figures["cleaned_precision"] == round((1.0 + noisy["precision"]) / 2, 4)
