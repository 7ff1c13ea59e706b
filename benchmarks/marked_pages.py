"""Pages labelled by marking a copy of each: the label is the page itself, every box classed by what it holds
(`x-nc-sel1` its headline, `x-nc-sel2` its text, `x-nc-sel3` text that goes with it, `x-nc-sel4` related
content, `x-nc-sel5` its readers' comments, `x-nc-sel0` the rest), in the layout of L3S-GN1 (Google News pages
of 2008) as html-cleaning-dataset-merged keeps it: `input/NAME.html` the page, `GoldStandard/NAME.txt` its
marked copy. What is scored, per page and over a set, is here; `web_pages.py --marked DIR` reads the pages."""

from __future__ import annotations

import re
from collections.abc import Iterable
from typing import Any

from labelled_pages import same_title, shingle_recall

MARK = re.compile(r"(?:^|\s)x-nc-sel(\d)(?:\s|$)")
KINDS = {"0": "other", "1": "headline", "2": "text", "3": "supplement", "4": "related", "5": "comments"}
MIN_COMMENT_WORDS = 30
"""A page counts as commented when its marked comments hold this many words: fewer is a form's prompt ("Be the
first to comment") or a count."""


def label_markup(data: bytes) -> str:
    """A marked copy's markup: UTF-8 where it is valid, else Windows-1252 (the pages' own charsets)."""
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError:
        text = data.decode("cp1252", errors="replace")
    return re.sub(r"^\s*<\?xml[^>]*>", "", text, count=1)  # lxml refuses a declaration in decoded text


def marked_text(data: bytes) -> dict[str, str]:
    """The text of a marked copy's body by kind (`headline`, `text`, ...): each piece of text goes to the kind of
    the nearest box around it that is marked; scripts and styles hold none. One pass over the tree."""
    import lxml.html

    document = lxml.html.document_fromstring(label_markup(data))
    body = document.find("body")
    root = body if body is not None else document
    kinds: dict[Any, str] = {}
    found: dict[str, list[str]] = {kind: [] for kind in KINDS.values()}
    for element in root.iter():
        parent = element.getparent()
        outer = kinds.get(parent, "other")
        if not isinstance(element.tag, str):
            own = outer  # a comment or processing instruction: only its tail is text
        else:
            mark = MARK.search(element.get("class", ""))
            own = KINDS[mark[1]] if mark else outer
        kinds[element] = own
        if isinstance(element.tag, str) and element.tag not in ("script", "style") and element.text:
            found[own].append(element.text)
        if element.tail and element is not root:
            found[outer].append(element.tail)
    return {kind: " ".join(" ".join(texts).split()) for kind, texts in found.items()}


def _share(wanted: str, got: str) -> float | None:
    """The share of `wanted`'s word 4-grams (case aside) that `got` holds; None when `wanted` has no words."""
    return round(shingle_recall(wanted.casefold(), got.casefold()), 4) if wanted.strip() else None


def score_marked(marked: dict[str, str], title: str | None, article: str, comments: str) -> dict[str, Any]:
    """One page's scores: the article's recall of the marked text, its precision against the headline, text and
    supplement together (what else it read is furniture, related stories or comments), the title read against
    the marked headline, and the comments' recall of the marked comments (on a commented page)."""
    story = " ".join(marked[kind] for kind in ("headline", "text", "supplement"))
    commented = len(marked["comments"].split()) >= MIN_COMMENT_WORDS
    return {
        "headline_label": marked["headline"],
        "text_words": len(marked["text"].split()),
        "comment_words": len(marked["comments"].split()),
        "recall": _share(marked["text"], article),
        "precision": _share(article, story) if article.strip() else None,
        "title_right": same_title(title, marked["headline"]) if marked["headline"] else None,
        "comment_recall": _share(marked["comments"], comments) if commented else None,
    }


def marked_figures(rows: Iterable[dict[str, Any]]) -> dict[str, Any]:
    """A set's figures: mean article recall and precision, titles read as marked, commented pages, the comment
    recall over them and those where none were read, and pages where comments were read though none are
    marked."""
    rows = list(rows)
    recalls = [row["recall"] for row in rows if row.get("recall") is not None]
    precisions = [row["precision"] for row in rows if row.get("precision") is not None]
    titled = [row for row in rows if row.get("title_right") is not None]
    commented = [row for row in rows if row.get("comment_recall") is not None]
    return {
        "marked_pages": len(rows),
        "marked_refused": sum("error" in row for row in rows),
        "marked_recall": round(sum(recalls) / max(len(recalls), 1), 4),
        "marked_precision": round(sum(precisions) / max(len(precisions), 1), 4),
        "marked_titles_right": sum(row["title_right"] for row in titled),
        "marked_titles": len(titled),
        "marked_commented": len(commented),
        "marked_comment_recall": round(sum(row["comment_recall"] for row in commented) / max(len(commented), 1), 4),
        "marked_comment_pages_missed": sum(not row.get("comments") for row in commented),
        "marked_comments_where_none": sum(1 for row in rows if not row["comment_words"] and row.get("comments")),
    }
