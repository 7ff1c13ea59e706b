"""Patterns of the readers on long runs (spaces, separators, numbers): each run is tried once, not once per
character of it. The bounds are generous: these are checks of shape, not benchmarks."""

from __future__ import annotations

import time
from collections.abc import Callable
from datetime import datetime
from typing import Any

import lxml.html
import pytest

from translator.models import Votes
from translator.readers.blogger import _number
from translator.readers.forum_dump import READ_COUNT
from translator.readers.forum_engines import profile_key, without_buttons
from translator.readers.html import _maybe_pruned, read_html
from translator.readers.html_article import _around_shown_headline, _without_date, without_dangling
from translator.readers.html_byline import clean_byline, split_writers, unlabelled, writers_only
from translator.readers.html_engines import MICRODATA
from translator.readers.html_fields import UP_DOWN, clean_author
from translator.readers.html_items import _numbers_only, _votes, elements_named
from translator.readers.html_text import broken_paragraphs

RUN = 200_000


@pytest.mark.parametrize(
    ("read", "text", "expected"),
    [
        (clean_author, "Anna" + " " * RUN + "Muster", "Anna Muster"),  # was quadratic: 6 s at 4,000
        (clean_author, "Anna" + " " * RUN + "3 days ago", "Anna"),
        (clean_author, " " * RUN + "Anna", "Anna"),
        (_numbers_only, "1 " * RUN + "x", False),  # was quadratic: a line of numbers ending in a word
        (_numbers_only, "1 " * RUN, True),
        (_votes, " " * RUN + "- 12", Votes(up=0, down=12)),
        (_votes, " " * RUN + "x", None),
        (clean_byline, "Anna" + " " * RUN + "Muster", "Anna Muster"),  # was quadratic: a date word's \s+ per space
        (split_writers, "Anna" + " " * RUN + "Muster", "Anna Muster"),
        (without_dangling, "Ferry fares" + " " * RUN + "rise", "Ferry fares rise"),  # a title's separator
        (clean_author, "Anna" + " -" * RUN + " am 3. Mai 2020", "Anna"),  # was cubic: 2 s at 2,000
        (clean_author, "Anna" + " -" * RUN + " 3 days ago", "Anna"),
        (without_buttons, "3. Mai 2020" + " Reply" * RUN, "3. Mai 2020" + " Reply" * RUN),  # too long for a date's
        (without_dangling, "Anna " + "-" * RUN + " x", "Anna " + "-" * RUN + " x"),  # was quadratic: 0.16 s at 4,000
        (profile_key, "1" + " " * RUN + "x", None),  # was quadratic: a count's digits and spaces, 0.7 s at 4,000
        (UP_DOWN.search, "1" * RUN, None),  # was quadratic: a vote label's run of digits
        (lambda text: READ_COUNT.sub("", text), "Anna" + "\xa0" * RUN + "x", "Anna" + "\xa0" * RUN + "x"),
        (_number, "1" * RUN + " 3 days ago", "3"),  # was quadratic: a Blogger id's last number
        (unlabelled, "Anna" + " " * RUN + "x", "Anna" + " " * RUN + "x"),  # its callers collapse spaces; it needs not
    ],
    ids=[
        "author-name",
        "author-then-date",
        "author-after-spaces",
        "numbers-then-word",
        "numbers",
        "signed-votes",
        "no-votes",
        "byline",
        "writers-in-text",
        "title",
        "author-then-date-words",
        "author-then-separators-then-words-date",
        "buttons",
        "title-separators",
        "post-count",
        "vote-digits",
        "read-count",
        "blogger-number",
        "unlabelled-name",
    ],
)
def test_long_runs_are_read_in_linear_time(read: Callable[[str], Any], text: str, expected: Any) -> None:
    started = time.perf_counter()
    assert read(text) == expected
    assert time.perf_counter() - started < 10


def test_a_byline_of_a_long_space_run_is_read_in_linear_time() -> None:
    started = time.perf_counter()
    assert writers_only("Eva Muster" + " " * RUN + "x", []) == "Eva Muster x"  # was quadratic
    assert time.perf_counter() - started < 10


@pytest.mark.parametrize("part", [" - w", " - ", " | w", " » w"])
def test_a_title_of_many_parts_is_read_in_linear_time(part: str) -> None:
    # Each run of a title's parts was compared with the page's headings: cubic, 22 s at 1,000 parts.
    tree = lxml.html.fromstring("<html><body><h2>Anna</h2><p>The harbour office moved the crossing.</p></body></html>")
    title = "Anna" + part * 1_000 + " x"
    started = time.perf_counter()
    assert _around_shown_headline(tree, title, None, None) == title
    assert _without_date(tree, title) == title
    assert time.perf_counter() - started < 10


def test_counts_of_comments_over_many_posts_are_judged_in_linear_time() -> None:
    # Each count line scanned the posts after it (the first, then its run): quadratic in posts times counts.
    from translator.readers.forum_dump import Header, _counted_run
    from translator.readers.forum_engines import Line

    posts = 20_000
    lines = [line for n in range(posts) for line in (f"{posts} comments", f"Anna{n}", "A comment, said.", "Reply")]
    kinds = [Line(line, "text") for line in lines]
    headers = [Header(4 * n + 1, 4 * n + 2, f"Anna{n}", None) for n in range(posts)]
    # A count above every post, or a heading that counts none (each post's text then looked at once).
    counts: list[tuple[int, int | None]] = [(4 * n, posts if n % 2 else None) for n in range(posts)]
    started = time.perf_counter()
    run = _counted_run(lines, kinds, headers, counts)
    assert run is not None and (run.first, run.last, run.marked) == (0, posts - 1, posts)
    assert time.perf_counter() - started < 10


STORY = "<p>" + "A sentence of the story, long enough to be read as one. " * 4 + "</p>"
UTC_HEAD = '<html><head><meta property="article:published_time" content="2020-05-04T16:30:00Z"><title>T</title></head>'


def test_boxes_named_for_dates_around_the_story_are_weighed_in_linear_time() -> None:
    # Each box named for dates (`entry-time`) around the story had its whole text read to look for a shown date.
    depth = 2_000
    page = UTC_HEAD + "<body><h1>T</h1>" + '<div class="entry-time">' * depth + STORY * 200 + "</div>" * depth
    started = time.perf_counter()
    assert read_html(page + "</body></html>").threads[0].published == datetime(2020, 5, 4, 16, 30)
    assert time.perf_counter() - started < 10


def test_a_story_of_many_blank_lines_is_made_paragraphs_in_linear_time() -> None:
    # Each run made a paragraph looked for its place in the box from its start: quadratic in the runs.
    runs = 40_000
    tree = lxml.html.document_fromstring(
        "<html><body><div>"
        + "A line of the story, long enough to be a paragraph of its own, with a few words more.<br><br>" * runs
        + "</div></body></html>"
    )
    started = time.perf_counter()
    broken_paragraphs(tree)
    assert len(tree.findall(".//p")) == runs
    assert time.perf_counter() - started < 10


def test_a_page_of_many_h1s_is_weighed_for_a_kicker_in_linear_time() -> None:
    # Each h1 compared the title's every rest with its own text: a long title times the page's h1s.
    title = "x " * 149 + "y"
    page = f"<html><head><title>{title}</title></head><body>" + "<h1>z</h1>" * 20_000 + STORY + "</body></html>"
    started = time.perf_counter()
    assert read_html(page).threads[0].title == title
    assert time.perf_counter() - started < 10


def test_the_elements_pruning_may_take_out_are_found_in_linear_time() -> None:
    # One XPath union of the tags and the styled elements merged its large results in quadratic time: 20,000
    # comments with a button and a styled element each took 4 s; twice as many, four times that.
    boxes = 40_000
    tree = lxml.html.document_fromstring(
        "<html><body>"
        + '<div><button>Reply</button><span style="color:red" class="hidden">new</span><form><input></form></div>'
        * boxes
        + "</body></html>"
    )
    started = time.perf_counter()
    found = list(_maybe_pruned(tree, frozenset({"hidden"})))
    assert len(found) == len(set(found)) == 3 * boxes  # each once: the span is styled and of a hidden class
    assert time.perf_counter() - started < 5


def test_headings_and_a_boxs_text_elements_are_found_in_page_order_in_linear_time() -> None:
    # An XPath union (`//h2 | //h3`) merged interleaved results in quadratic time: 20,000 of each took 3 s.
    pairs = 40_000
    tree = lxml.html.document_fromstring(
        "<html><body><div>" + "<h2>Ferry</h2><h3>Fares</h3><p>Twice a day.</p>" * pairs + "</div></body></html>"
    )
    started = time.perf_counter()
    headings = elements_named("h1", "h2", "h3")(tree)
    texts = elements_named("p", "h2", below=True)(tree.body)
    assert [heading.tag for heading in headings[:4]] == ["h2", "h3", "h2", "h3"] and len(headings) == 2 * pairs
    assert [text.tag for text in texts[:4]] == ["h2", "p", "h2", "p"] and len(texts) == 2 * pairs
    assert time.perf_counter() - started < 5


def test_a_products_many_reviews_are_found_in_linear_time() -> None:
    # The reviews were counted inside the XPath, once per review: 8,000 reviews took 48 s.
    reviews = 20_000
    review = (
        '<div itemscope itemprop="review" itemtype="https://schema.org/Review"><span itemprop="author">Ana</span>'
        '<p itemprop="reviewBody">Sturdy and light.</p></div>'
    )
    comment = '<div itemscope itemtype="https://schema.org/Comment"><p itemprop="text">Which size?</p></div>'
    tree = lxml.html.document_fromstring("<html><body>" + (review + comment) * (reviews // 2) + "</body></html>")
    started = time.perf_counter()
    items = [item for item in MICRODATA.items(tree) if isinstance(item, lxml.html.HtmlElement)]
    assert [item.get("itemprop") for item in items[:3]] == ["review", None, "review"] and len(items) == reviews
    assert time.perf_counter() - started < 5
