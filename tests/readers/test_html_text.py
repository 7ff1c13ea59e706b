"""The pieces of the web page reader: element text to blocks, names out of labels, titles, dates, reply depth."""

from __future__ import annotations

from datetime import datetime

import lxml.html
import pytest

from translator.readers.common import BlockSpec
from translator.readers.html_article import choose_title, strip_site
from translator.readers.html_comments import is_pingback
from translator.readers.html_dates import machine_date, printed_date
from translator.readers.html_fields import RawComment, clean_author
from translator.readers.html_items import parents_by_depth
from translator.readers.html_text import element_blocks, fragment_blocks, name_from_label


def blocks(markup: str) -> list[tuple[str, str, str | None]]:
    specs: list[BlockSpec] = element_blocks(lxml.html.fragment_fromstring(markup, create_parent="div"))
    return [(kind, text, author) for kind, text, author, _ in specs]


@pytest.mark.parametrize(
    ("markup", "expected"),
    [
        # Paragraphs, whitespace of the source collapsed, inline markup dropped.
        (
            "<p>One\n  <b>bold</b>   word.</p><p>Two.</p>",
            [("paragraph", "One bold word.", None), ("paragraph", "Two.", None)],
        ),
        # A <br> after a finished sentence starts a new block; one mid-sentence is a wrap.
        (
            "Line one.<br>Line two<br>continues here.",
            [("paragraph", "Line one.", None), ("paragraph", "Line two continues here.", None)],
        ),
        # List items and headings are blocks of their own.
        (
            "<h3>Head</h3><ul><li>a</li><li>b</li></ul>",
            [("heading", "Head", None), ("paragraph", "a", None), ("paragraph", "b", None)],
        ),
        # Scripts, styles, forms with fields, buttons, hidden and screen-reader-only text never reach a block.
        (
            "<p>Kept.</p><script>var x = 1;</script><style>p{}</style><form><textarea></textarea></form>"
            "<button>Send</button><p hidden>h1</p><p aria-hidden='true'>h2</p><p style='display: none'>h3</p>"
            "<span class='screen-reader-text'>h4</span><template><p>h5</p></template>",
            [("paragraph", "Kept.", None)],
        ),
        # Share and vote widgets, reply links and "Click to expand..." controls are dropped.
        (
            "<p>Text.</p><div class='share-buttons'><a>Facebook</a></div><div class='vote'>12</div>"
            "<a class='comment-reply-link'>Reply</a>"
            "<div class='bbCodeBlock-expandLink'><a>Click to expand...</a></div>",
            [("paragraph", "Text.", None)],
        ),
        # A box that merely has "expand" in its class holds text: kept.
        (
            "<div class='expanding-formatter-summary'><p>Short.</p></div><span class='ellipsis'>…</span>",
            [("paragraph", "Short.", None)],
        ),
        # Quotes: the cite header names the author and stays out of the text.
        (
            "<blockquote><cite>Ann wrote: ↑</cite>Quoted.</blockquote>Reply.",
            [("quote", "Quoted.", "Ann"), ("paragraph", "Reply.", None)],
        ),
        # Quote author from data attributes, nested quote boxes keep it.
        (
            "<div class='bbCodeQuote' data-author='Bob'><blockquote><div class='quote'>Q</div></blockquote></div>",
            [("quote", "Q", "Bob")],
        ),
        # A blockquote named for a post's own text is not a quote (vBulletin, XenForo 1).
        ("<blockquote class='postcontent restore'>Own text.</blockquote>", [("paragraph", "Own text.", None)]),
        # Text is data: entities decode to characters, never back to markup.
        ("<p>&lt;b&gt;not bold&lt;/b&gt; [x] &amp;</p>", [("paragraph", "<b>not bold</b> [x] &", None)]),
    ],
)
def test_element_blocks(markup: str, expected: list[tuple[str, str, str | None]]) -> None:
    assert blocks(markup) == expected


def test_fragment_blocks_of_broken_or_hostile_markup() -> None:
    assert fragment_blocks("<p>unclosed <b>bold<p>second\x00\x0b") == [
        ("paragraph", "unclosed bold", None, None),
        ("paragraph", "second", None, None),
    ]
    assert fragment_blocks("") == []


@pytest.mark.parametrize(
    ("label", "name"),
    [
        ("Ann wrote: ↑ Sat Jan 11, 2020", "Ann"),  # phpBB cite
        ("Andrew пишет:", "Andrew"),  # Russian "writes:"
        ("Quote from Jean-Luc", "Jean-Luc"),  # prefix form
        ("(Original post by RG250)", "RG250"),  # The Student Room
        ("Eli (author)", "Eli (author)"),  # parentheses that belong to the name
        ("  ", None),  # nothing
        ("x" * 70, None),  # too long to be a name
    ],
)
def test_name_from_label(label: str, name: str | None) -> None:
    assert name_from_label(label) == name


@pytest.mark.parametrize(
    ("text", "author"),
    [
        ("by Anna", "Anna"),  # byline prefix
        ("mike_1985", "mike_1985"),  # digits in a name
        ("12 March 2020", None),  # a date is not a name
        ("10:45", None),  # nor a time
    ],
)
def test_clean_author(text: str, author: str | None) -> None:
    assert clean_author(text) == author


@pytest.mark.parametrize(
    ("title", "site", "host", "expected"),
    [
        ("Headline | Le Monde", "Le Monde", None, "Headline"),  # suffix named like the site
        ("Le Monde - Headline", "Le Monde", None, "Headline"),  # prefix
        ("Topic - RedFlagDeals.com Forums", "RedFlagDeals.com", None, "Topic"),  # suffix holds the site name
        ("Headline - Energetyka24", None, "www.energetyka24.com", "Headline"),  # known only by its domain
        (
            "Macronie : une condamnation",
            "regards.fr",
            "www.regards.fr",
            "Macronie : une condamnation",
        ),  # a colon in a title
        ("Foo - Bar", "Barcelona Times", None, "Foo - Bar"),  # a short part inside the site name is not the site
        ("Thread title - Forum section - Site", "Site", None, "Thread title - Forum section"),  # only the site's part
    ],
)
def test_strip_site(title: str, site: str | None, host: str | None, expected: str) -> None:
    assert strip_site(title, site, host) == expected


def test_choose_title_skips_a_candidate_that_is_the_site_name() -> None:
    assert choose_title(["Courrier", None, "Vrai titre | Courrier"], "Courrier", None) == "Vrai titre"


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        ("2023-10-18T13:11:26+02:00", datetime(2023, 10, 18, 13, 11)),  # wall-clock time kept
        ("2024-06-01T12:00:00 1717243200", datetime(2024, 6, 1, 12, 0)),  # Hacker News title
        ("1544532029", datetime(2018, 12, 11, 12, 40)),  # Unix seconds, UTC
        ("1544532029000", datetime(2018, 12, 11, 12, 40)),  # Unix milliseconds
        ("2023-02-30", None),  # impossible
        ("12", None),  # not a date
    ],
)
def test_machine_date(value: str, expected: datetime | None) -> None:
    assert machine_date(value) == expected


@pytest.mark.parametrize(
    ("text", "lang", "expected"),
    [
        ("19. Juni 2018 um 15:28 Uhr", "de", datetime(2018, 6, 19, 15, 28)),  # German
        ("wtorek, 11 maja 2021, 23:13", "pl", datetime(2021, 5, 11, 23, 13)),  # Polish, weekday
        ("Le 11 septembre 2018 à 12:57", "fr", datetime(2018, 9, 11, 12, 57)),  # French
        ("Jan 10th, 2020 6:03 pm", "en", datetime(2020, 1, 10, 18, 3)),  # English ordinal, 12-hour clock
        ("22.04.18 в 20:51", None, datetime(2018, 4, 22, 20, 51)),  # numeric, language unknown
        ("2 часа назад", "ru", None),  # relative: the saving date is unknown
        ("Reply", "en", None),  # no date
    ],
)
def test_printed_date(text: str, lang: str | None, expected: datetime | None) -> None:
    assert printed_date(text, lang) == expected


@pytest.mark.parametrize(
    ("depths", "parents"),
    [
        ([0, 1, 2, 1, 0], [None, 0, 1, 0, None]),  # a branch, back up, a new thread
        ([0, 2, 2], [None, 0, 0]),  # a skipped level still hangs under the last shallower comment
        ([1, 1], [None, None]),  # all at one depth: no replies
    ],
)
def test_parents_by_depth(depths: list[int], parents: list[int | None]) -> None:
    assert parents_by_depth(depths) == parents


@pytest.mark.parametrize(
    ("text", "pingback"),
    [
        ("[…] Update vom 21.06. anlässlich des Urteils […]", True),  # WordPress excerpt of the linking page
        ("[...] Read the full story here [...]", True),  # ASCII dots
        ("[citation needed] is a joke here", False),  # brackets in a real comment
    ],
)
def test_is_pingback(text: str, pingback: bool) -> None:
    comment = RawComment("k", None, "A site", None, (("paragraph", text, None, None),))
    assert is_pingback(comment) is pingback
