"""Pages labelled by their main text cleaned by hand, in CleanEval's format (its development and final sets, and
CleanPortalEval's news pages, as html-cleaning-dataset-merged keeps them: `input/NAME.html` the page, often inside
the corpus's `<text id="URL">` wrapper, and `GoldStandard/NAME.txt` its text): a first line `URL: ...`, then the
text with each paragraph, heading or list item opened by `<p>`, `<h>` or `<l>`, and HTML's entities as written.
What is scored, per page and over a set, is here; `web_pages.py --cleaned DIR` reads the pages."""

from __future__ import annotations

import html
import re
from collections.abc import Iterable
from typing import Any

from labelled_pages import shingle_recall

URL_LINE = re.compile(r"\A\s*URL:[^\n]*\n")
OPENERS = re.compile(r"<[phl]>", re.IGNORECASE)
NO_ARTICLE = "<!-- this page contains no article -->"
"""CleanPortalEval's label of a page that is an index, not an article."""


def cleaned_text(data: bytes) -> str | None:
    """A label's text, its markers and URL line out, entities read, spaces collapsed; None for a page labelled as
    holding no article."""
    text = data.decode("utf-8", errors="replace")
    if NO_ARTICLE in text:
        return None
    return " ".join(html.unescape(OPENERS.sub(" ", URL_LINE.sub("", text, count=1))).split())


def score_cleaned(label: str, article: str) -> dict[str, Any]:
    """One page's article recall (the share of the label's word 4-grams, case aside, that the article holds) and
    precision (the share of the article's that the label holds)."""
    label, article = label.casefold(), article.casefold()
    return {
        "recall": round(shingle_recall(label, article), 4),
        "precision": round(shingle_recall(article, label), 4) if article.strip() else None,
    }


def cleaned_figures(rows: Iterable[dict[str, Any]]) -> dict[str, Any]:
    """A set's figures: the pages scored, those labelled as holding no article (not scored), those refused, and
    the mean article recall and precision (a refused page counts as read none of its text)."""
    rows = list(rows)
    no_article = sum(bool(row.get("no_article")) for row in rows)
    rows = [row for row in rows if row.get("recall") is not None]
    precisions = [row["precision"] for row in rows if row.get("precision") is not None]
    return {
        "cleaned_pages": len(rows),
        "cleaned_no_article": no_article,
        "cleaned_refused": sum("error" in row for row in rows),
        "cleaned_recall": round(sum(row["recall"] for row in rows) / max(len(rows), 1), 4),
        "cleaned_precision": round(sum(precisions) / max(len(precisions), 1), 4),
    }
