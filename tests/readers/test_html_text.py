"""The pieces of the web page reader: names out of labels, titles, dates, reply depth."""

from __future__ import annotations

import time
from datetime import datetime, timedelta

import lxml.html
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from translator.models import Votes
from translator.readers.common import BlockSpec
from translator.readers.html_article import choose_title, strip_site
from translator.readers.html_comments import comment_posts, is_pingback
from translator.readers.html_dates import (
    ShownDate,
    dates_in_language,
    local_time,
    machine_date,
    printed_date,
    relative_date,
)
from translator.readers.html_fields import (
    RawComment,
    clean_author,
    find_author,
    find_votes,
    name_after_date,
    name_in,
    signed_line,
)
from translator.readers.html_items import _text_lines, parents_by_depth
from translator.readers.html_text import (
    broken_paragraphs,
    class_heads,
    class_words,
    clean_text,
    is_skipped,
    loose_paragraphs,
    name_from_label,
    quote_author,
    slideshow,
    text_longer_than,
)


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
    ("text", "expected"),
    [
        ("February 8, 2014 at 18:22 | Bertil Ahn", ("Bertil Ahn", datetime(2014, 2, 8, 18, 22))),
        ("3 March 2020 · Jo Berg", ("Jo Berg", datetime(2020, 3, 3))),
        ("March 3, 2020 by the river we walked", None),  # a sentence
        ("Bertil Ahn | February 8, 2014", None),  # the name first
        ("February 8, 2014 | 18:22", None),  # a date alone
        ("Posted in News | 12 comments", None),  # no date
    ],
)
def test_a_header_row_printed_date_first(text: str, expected: tuple[str, datetime] | None) -> None:
    assert name_after_date(text) == expected


@pytest.mark.parametrize(
    ("markup", "votes"),
    [
        # Counts of ups and downs shown apart, the down first (Cackle), in buttons (Viafoura), in icons (a theme).
        ('<span class="rating down">0</span><span class="rating up">5</span>', Votes(5, 0)),
        (
            '<button class="vf-like-button"><span class="vf-like-button__count">4</span></button>'
            '<button class="vf-dislike-button"><span class="vf-dislike-button__count">3</span></button>',
            Votes(4, 3),
        ),
        (
            '<i class="fa fa-thumbs-up" title="like">4</i><i class="fa fa-thumbs-down" title="dislike">2</i>',
            Votes(4, 2),
        ),
        ('<span class="likes">7</span>', Votes(7, 0)),  # one count
        ('<span class="up">3</span><span class="up">4</span><span class="down">1</span>', None),  # ups twice
        ('<span class="user-rating up">300</span><span class="down">1</span>', None),  # the writer's points
    ],
)
def test_ups_and_downs_shown_apart_are_the_votes(markup: str, votes: Votes | None) -> None:
    box = lxml.html.fragment_fromstring(f"<div>{markup}</div>")
    assert find_votes(list(box.iter())) == votes


@pytest.mark.parametrize(
    ("header", "name"),
    [
        ("11 марта 2024 11:47, Механик написал:", "Механик"),  # DataLife Engine: the quoted post's date first
        ("(01-02-2020, 10:15 AM) alice_w Wrote:", "alice_w"),  # MyBB
        ("Smith, John wrote:", "Smith, John"),  # a comma in a name, no date before it
        ("R2D2, the droid wrote:", "R2D2, the droid"),
    ],
)
def test_a_quotes_header_names_the_quoted_writer_after_the_date(header: str, name: str) -> None:
    quote = lxml.html.fragment_fromstring(
        f'<div class="quote_block"><div class="title_quote">{header}</div><div class="quote">Text.</div></div>'
    )
    assert quote_author(quote)[0] == name


@pytest.mark.parametrize(
    ("text", "author"),
    [
        ("by Anna", "Anna"),  # byline prefix
        ("mike_1985", "mike_1985"),  # digits in a name
        ("12 March 2020", None),  # a date is not a name
        ("10:45", None),  # nor a time
        ("Heidi Heim | Di, 21. April 2020 - 16:40", "Heidi Heim"),  # a header "NAME | DATE"
        ("Ana – 3 de mayo de 2021", "Ana"),  # "NAME – DATE"
        ("Ritchie | datenschmutz.net", "Ritchie | datenschmutz.net"),  # no date after the bar: all of it
        # A site in the display name, then a date: no name from this text (the name's own element gives it).
        ("Ritchie | datenschmutz.net 20. Juni 2018 um 10:50 Uhr", None),
        ("Comment by Marta Zielińska", "Marta Zielińska"),  # an old theme's signature
        ("geschrieben von wScherf", "wScherf"),  # German
        ("Bruno Gobin,", "Bruno Gobin"),  # the comma before the date
        ("Rolf Ahrens 29.07.2020 // 12:56", "Rolf Ahrens"),  # the name, then the date without a separator
        ("Agent 007", "Agent 007"),  # a number that is no date stays in the name
        ("Anna Schmidt 3 days ago", "Anna Schmidt"),  # a date in words after the name
        ("Jörg · vor einer Stunde", "Jörg"),  # German, after a dot
        ("Анна вчера", "Анна"),  # Russian "yesterday"
        ("Anna, yesterday at 10:15", "Anna"),  # with its time
        ("yesterday", None),  # a date in words alone is no name
        ("Anna Karenina", "Anna Karenina"),  # no date: all of it
        # The date's first words go with the date, not the name: a French "Le" after a dash, a German "am" and
        # weekday, an English month first, a short weekday the parser skips.
        ("Muriel - Le 22/01/2020 à 12:01:03", "Muriel"),
        ("Anna le 3 mai 2020 à 10h", "Anna"),
        ("Anna am Samstag, 3. Mai 2020", "Anna"),
        ("Anna on Monday, June 3, 2019", "Anna"),
        ("Anna Apr 19, 2012", "Anna"),
        ("Ben Do 9 Apr 2020", "Ben"),
        ("June 3, 2019", None),  # a month and its day: a date, no name
        ("Thanh Le 22/01/2020", "Thanh Le"),  # a capital "Le" without a separator before it is a name's
        ("NAME am Samstag", "NAME"),  # the date cut away at its comma: the connecting word and weekday go
        ("Anna am", "Anna"),
        ("Anna Monday", "Anna Monday"),  # no connecting word, no date after it: all of it
        ("Florida CPA, 27 Sep 2011 | 15:22", "Florida CPA"),  # the bar is the date's, between its day and time
        ("Posted by: Ann Lee, 27 Sep 2011", "Ann Lee"),  # a label with its colon
        ("Janet | Thursday, November 08, 2012 at 01:26 PM", "Janet"),  # a long date lead of a weekday and month
        ("Paul Titov said...", "Paul Titov"),  # Blogger's label after the name, in the blog's language
        ("Anonyme a dit…", "Anonyme"),
        ("Anonym hat gesagt…", "Anonym"),
        ("Said... so", "Said... so"),  # no label at the end: all of it
        ("Bewertung von Kirschi1017", "Kirschi1017"),  # a review's label before the name
        ("GreatAunt On Friday, November 2 at 12:14 pm", "GreatAunt"),  # a capital "On" before the date's words
        ("Claire Sanz writes", "Claire Sanz"),  # a template's verb without its colon
        ("Mary Ann Writes", "Mary Ann Writes"),  # a capital verb is a name's
        ("Simon says", "Simon says"),  # one word before it: maybe a handle
        ("Grishma Sehdev via Facebook", "Grishma Sehdev"),  # the service the writer signed in with
        ("Profile", None),  # the link to the writer's profile, drawn where a name goes
        ("View Profile", None),
        ("Stephane a répondu", "Stephane"),  # a reply's header, its date cut away
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
        # The site's name in the middle, a section's label before it: the headline is after it.
        ("Harbour - Coast News - Ferry crossings move earlier", "Coast News", None, "Ferry crossings move earlier"),
        # The site's name holds a separator itself; known by its domain.
        ("Die Ablehnung » SciLogs - Wissenschaftsblogs", None, "scilogs.spektrum.de", "Die Ablehnung"),
    ],
)
def test_strip_site(title: str, site: str | None, host: str | None, expected: str) -> None:
    assert strip_site(title, site, host) == expected


def test_choose_title_skips_a_candidate_that_is_the_site_name() -> None:
    assert choose_title(["Courrier", None, "Vrai titre | Courrier"], "Courrier", None) == "Vrai titre"
    # Known only by its domain: the logo's heading "Internet-Law" on internet-law.de is the site, not the headline.
    assert choose_title(["Internet-Law", "Internet-Law » Titel"], None, "www.internet-law.de") == "Titel"
    # Nothing but the site's name: better than no title.
    assert choose_title(["Internet-Law"], None, "internet-law.de") == "Internet-Law"


@pytest.mark.parametrize(
    ("lines", "signed"),
    [
        # WordPress's classic theme signs each comment under its text.
        (["Text.", "Comment by Marta — 17.07.2011 @ 13:04"], ("Marta", datetime(2011, 7, 17, 13, 4), 1)),
        # Under a subject line, in German.
        (
            ["Betreff", "geschrieben von wScherf am 21. Jan. 2015, 19:04", "Text."],
            ("wScherf", datetime(2015, 1, 21, 19, 4), 1),
        ),
        # A theme's "d.m, Y" date.
        (["Comment by Daniel — 17.07, 2011 @ 13:10", "Text."], ("Daniel", datetime(2011, 7, 17, 13, 10), 0)),
        # A date the parser does not read still marks the line as the signature.
        (["Comment by Daniel — 2011, week 28 @ 13:10", "Text."], ("Daniel", None, 0)),
        # A sentence that mentions someone is text.
        (["Text.", "Written by my brother in 2011 and never published, this poem is short."], None),
        (["Text.", "Middle line by Anna — 2011", "Last."], None),
    ],
)
def test_signed_line(lines: list[str], signed: tuple[str, datetime | None, int] | None) -> None:
    assert signed_line([("paragraph", line, None, None) for line in lines], "de") == signed


@pytest.mark.parametrize(
    ("markup", "name"),
    [
        ('<span class="comment-author">Anna <span class="badge">Moderator</span></span>', "Anna"),  # a badge
        ('<div class="author">Anna <span class="user-role">Staff</span> <time>3 days ago</time></div>', "Anna"),
        ('<div class="author">Anna Schmidt <span class="comment-date">gestern</span></div>', "Anna Schmidt"),
        ('<span class="author">Bob <b>Marley</b></span>', "Bob Marley"),  # nothing beside the name: all of it
    ],
)
def test_a_writers_name_without_the_badges_and_date_beside_it(markup: str, name: str) -> None:
    assert name_in(lxml.html.fragment_fromstring(markup)) == name


@pytest.mark.parametrize(
    ("header", "name"),
    [
        ("<small>Georg N. am 10.4.2020</small>", "Georg N."),  # the name, then the date: a header row
        ("<small>Antworten</small> <small>10.4.2020</small>", None),  # a button's small print names nobody
        ("<small>10.4.2020</small>", None),  # a date alone
    ],
)
def test_a_small_print_names_a_writer_only_before_a_date(header: str, name: str | None) -> None:
    elements = list(lxml.html.fragment_fromstring(header, create_parent="div").iter("small"))
    assert find_author(elements) == name


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        ("2023-10-18T13:11:26+02:00", datetime(2023, 10, 18, 13, 11)),  # wall-clock time kept
        ("2024-06-01T12:00:00 1717243200", datetime(2024, 6, 1, 12, 0)),  # Hacker News title
        ("1544532029", datetime(2018, 12, 11, 12, 40)),  # Unix seconds, UTC
        ("1544532029000", datetime(2018, 12, 11, 12, 40)),  # Unix milliseconds
        ("2023-02-30", None),  # impossible
        ("12", None),  # not a date
        ("Thu, 08 May 2014 14:04:53 -0400", datetime(2014, 5, 8, 14, 4)),  # mail-header form (JSON-LD)
        ("Fri Mar 12 2021 09:15:00 GMT+0300", datetime(2021, 3, 12, 9, 15)),  # a script's Date.toString()
        ("Sun Nov 23 16:00:00 EDT 2014", datetime(2014, 11, 23, 16, 0)),  # Java's Date.toString()
        ("Mon Feb 30 16:00:00 UTC 2015", None),  # Java's form, an impossible day
        ("2019-10-18 2:31 PM", datetime(2019, 10, 18, 14, 31)),  # 12-hour clock: it was 02:31
        ("2019-10-18 12:05 am", datetime(2019, 10, 18, 0, 5)),  # 12 AM is midnight
        ("2019-10-18 12:05 p.m.", datetime(2019, 10, 18, 12, 5)),  # 12 PM is noon
        ("2019-10-18 14:31:05 PM", datetime(2019, 10, 18, 14, 31)),  # a 24-hour time with a stray PM
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
        ("17.07, 2011 13:04", "de", datetime(2011, 7, 17, 13, 4)),  # a theme's "d.m, Y"
        ("发表于 2021-3-12 09:15", None, datetime(2021, 3, 12, 9, 15)),  # Discuz!: an ISO date after a label
        ("2 часа назад", "ru", None),  # relative: the saving date is unknown
        ("03.05.2019 08:15:07 (Europe/Berlin)", "de", datetime(2019, 5, 3, 8, 15)),  # a zone named in brackets
        ("Published on Mar 4, 2017", "en", datetime(2017, 3, 4, 0, 0)),  # a label before the date
        ("Veröffentlicht am 12.03.2020", "de", datetime(2020, 3, 12, 0, 0)),  # a German one
        ("Am 29. Mai 2017 um 14:38", "de", datetime(2017, 5, 29, 14, 38)),  # the preposition alone
        ("am Ende 2020", "de", None),  # a preposition before words is no date
        ("Kommentar: 3", "de", None),  # a label before a number is no date
        ("Reply", "en", None),  # no date
        ("2019-10-18, 14:31", "de", datetime(2019, 10, 18, 14, 31)),  # ISO date, comma, time: the time was lost
        ("2019-10-18, 2:31 pm", "en", datetime(2019, 10, 18, 14, 31)),  # the same on a 12-hour clock
        ("2019-10-18 at 2:31 PM", "en", datetime(2019, 10, 18, 14, 31)),  # "at" between them
        ("2019-10-18 - 14:31", None, datetime(2019, 10, 18, 14, 31)),  # a dash between them
        ("2019-01-01 @ 00:39", "de", datetime(2019, 1, 1, 0, 39)),  # an at sign (WordPress's old theme)
        ("2019-10-18 amsterdam", "en", datetime(2019, 10, 18, 0, 0)),  # no time: "am" alone is not one
        ("03.12.2026", "en", datetime(2026, 12, 3)),  # dotted: day first, whatever the language
        ("03.12.2026 14:05", None, datetime(2026, 12, 3, 14, 5)),  # and with a time
        ("12.13.2026", "en", datetime(2026, 12, 13)),  # 13 is no month: month first, the only reading
        ("Posted on 03.12.2026", "en", datetime(2026, 12, 3)),  # after a label
        ("Posted 03.12.2026 14:05", "en", datetime(2026, 12, 3, 14, 5)),  # a label without "on" or a colon
        ("Last updated 5 May 2021", "en", datetime(2021, 5, 5)),  # two words, a month's name
        ("Dodano 3 grudnia 2026", "pl", datetime(2026, 12, 3)),  # Polish
        ("於 2013/12/28 10:28", "zh", datetime(2013, 12, 28, 10, 28)),  # a label before a year-first date (PIXNET)
        ("於 2013年12月28日", "zh", datetime(2013, 12, 28)),  # and before one written with 年 月 日
        ("Seite 2014/2015", "de", None),  # two years are no date
        ("Page 2 of 2020", "en", None),  # a page number is no date
        ("Version 1.2.2026", "en", None),  # nor is a version
        ("v1.2.2026", "en", None),  # a version number is no date
        ("4. 2. 2022.", "en", datetime(2022, 2, 4)),  # dotted with spaces: day first too (was April 2)
        ("12. 3. 2021 um 10:00", "de", datetime(2021, 3, 12, 10, 0)),
    ],
)
def test_printed_date(text: str, lang: str | None, expected: datetime | None) -> None:
    assert printed_date(text, lang) == expected


LOCAL = datetime(2022, 5, 3, 21, 53)  # Buenos Aires, -03:00
UTC_STATED = "2022-05-04T00:53:29.274Z"


@pytest.mark.parametrize(
    ("stated", "shown", "local"),
    [
        # A machine value with an offset for the same moment, anywhere among the page's dates.
        (UTC_STATED, [ShownDate("", "Tuesday", False), ShownDate("2022-05-03T21:53:29-03:00", "", True)], LOCAL),
        ("Wed, 04 May 2022 00:53:00 GMT", [ShownDate("2022-05-03T21:53-03:00", "", False)], LOCAL),
        ("1651625609", [ShownDate("", "3 May 2022, 9:53 pm", False)], LOCAL),  # a Unix time is UTC too
        # A printed time a zone's offset away (whole quarter hours): Kathmandu's +05:45, Kiribati's +14:00.
        (UTC_STATED, [ShownDate("", "3 May 2022, 9:53 pm", False)], LOCAL),
        (UTC_STATED, [ShownDate("", "4 May 2022 06:38", False)], datetime(2022, 5, 4, 6, 38)),
        (UTC_STATED, [ShownDate("", "4 May 2022 14:53", False)], datetime(2022, 5, 4, 14, 53)),
        ("2022-05-03T21:00:00Z", [ShownDate("", "4 May 2022 00:00", False)], datetime(2022, 5, 4)),  # midnight
        (UTC_STATED, [ShownDate("", "3 May 2022 10:53", False)], None),  # -14:00: no zone
        ("2020-05-04T16:30:00Z", [ShownDate("", "4 May 2020 at 4:30", False)], None),  # a 12-hour clock, no -12:00
        # Past the calendar's ends: no moment, no error.
        (UTC_STATED, [ShownDate("0001-01-01T00:00:00+05:00", "", True)], None),
        (UTC_STATED, [ShownDate("9999-12-31T23:00:00-05:00", "", True)], None),
        ("9999-12-31T23:59:00Z", [ShownDate("", "1 January 2020", True)], None),
        (UTC_STATED, [ShownDate("", "3 May 2022 21:50", False)], None),  # -03:03: no zone
        (UTC_STATED, [ShownDate("", "4 May 2022 00:53", False)], None),  # the page prints UTC itself
        # A day alone: only where marked as a date, the page shows no other and a zone is on that day then.
        (UTC_STATED, [ShownDate("", "3 May 2022", True)], datetime(2022, 5, 3)),
        (UTC_STATED, [ShownDate("", "3 May 2022", False)], None),  # a class naming dates: a header's today?
        (UTC_STATED, [ShownDate("", "3 May 2022", True), ShownDate("", "4 May 2022", False)], None),
        (UTC_STATED, [ShownDate("", "3 May 2022", True), ShownDate("", "2 May 2022", True)], None),
        (UTC_STATED, [ShownDate("", "5 May 2022", True)], None),  # 00:53 UTC is on the 5th nowhere
        ("2022-05-04T20:00:00Z", [ShownDate("", "5 May 2022", True)], datetime(2022, 5, 5)),  # east of +04:00
        # Not stated in UTC: kept as stated, whatever the page prints.
        ("2022-05-03T21:53:29-03:00", [ShownDate("", "4 May 2022 00:53", False)], None),
        ("2022-05-03T21:53:29", [ShownDate("", "4 May 2022 00:53", False)], None),
    ],
)
def test_the_local_time_a_page_shows_for_a_time_it_states_in_utc(
    stated: str, shown: list[ShownDate], local: datetime | None
) -> None:
    assert local_time(stated, shown, "en") == local


@given(
    moment=st.datetimes(min_value=datetime(1995, 1, 1), max_value=datetime(2040, 1, 1)),
    quarters=st.integers(min_value=-44, max_value=56),  # -11:00 to +14:00
)
@settings(max_examples=60, deadline=None)
def test_a_utc_time_is_found_again_at_any_zones_printed_time(moment: datetime, quarters: int) -> None:
    moment = moment.replace(second=0, microsecond=0)
    shown = moment + quarters * timedelta(minutes=15)
    stated = moment.strftime("%Y-%m-%dT%H:%M:00Z")
    assert local_time(stated, [ShownDate("", shown.strftime("%d %B %Y %H:%M"), False)], "en") == (
        shown if quarters else None
    )
    offset = f"{'-' if quarters < 0 else '+'}{abs(quarters) // 4:02d}:{abs(quarters) % 4 * 15:02d}"
    assert local_time(stated, [ShownDate(shown.strftime(f"%Y-%m-%dT%H:%M:00{offset}"), "", True)]) == (
        shown if quarters else None
    )


def test_a_date_read_without_a_language_is_read_in_the_pages_and_english() -> None:
    # Read in any of dateparser's 200 locales, a text that is no date in any of them built them all: seconds
    # the first time ("© 2002, 2003 Jamie Zawinski" in a header line). A page that declares its language has
    # its dates read in it, and in English, the language most pages quote dates in.
    assert printed_date("3 grudnia 2026", None) == datetime(2026, 12, 3)  # no page: any language
    with dates_in_language("de"):
        assert printed_date("3. Dezember 2026", None) == datetime(2026, 12, 3)
        assert printed_date("December 3, 2026", None) == datetime(2026, 12, 3)
        assert printed_date("3 grudnia 2026", None) is None  # Polish is not the page's
        assert printed_date("3 grudnia 2026", "pl") == datetime(2026, 12, 3)  # unless named
        reference = datetime(2026, 12, 3, 12, 0)
        assert relative_date("vor 2 Stunden", None, reference) == datetime(2026, 12, 3, 10, 0)
    assert printed_date("3 grudnia 2026", None) == datetime(2026, 12, 3)  # the page's language ends with it


def test_dates_of_a_page_that_declares_no_language_are_read_in_the_language_of_its_sentences() -> None:
    # Without, every text that is no date ("Comment by Daniel — 17.07.2011 @") built dateparser's 200
    # locales (4 s); the page's own words say which to read it in.
    asked: list[str] = []

    def sentences() -> str:
        asked.append("once")
        return "Die neue Trägerrakete soll im Dezember zum ersten Mal starten, sagen die Ingenieure."

    with dates_in_language(None, sentences):
        assert printed_date("3. Dezember 2026", None) == datetime(2026, 12, 3)
        assert printed_date("December 4, 2026", None) == datetime(2026, 12, 4)  # and in English
        assert printed_date("5 grudnia 2026", None) is None  # not in any language
    assert asked == ["once"]  # guessed once, when a date first needed it
    with dates_in_language(None, lambda: "Menu"):  # too little to tell: any language, as before
        assert printed_date("6 grudnia 2026", None) == datetime(2026, 12, 6)
    # A declared language dateparser has no locale for is guessed over as none declared; one it has is
    # taken as declared, in Argos's code (`zt` is dateparser's `zh-Hant`).
    with dates_in_language("la", lambda: "Rakieta wystartuje w grudniu, a inżynierowie zakończyli testy."):
        assert printed_date("7 grudnia 2026", None) == datetime(2026, 12, 7)
    with dates_in_language("zt"):
        assert printed_date("2026年12月8日", None) == datetime(2026, 12, 8)


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


@pytest.mark.parametrize(
    ("lines", "kept"),
    [
        # The header repeated in the text box: "NAME dijo:" first, the printed date last.
        (["Ramón dijo:", "Estoy convencido.", "26 abril 2022 a las 14:02"], ["Estoy convencido."]),
        # "NAME," under the text, before the date drawn beside it.
        (["Das passt.", "Ramón,"], ["Das passt."]),
        # A plain "NAME" last signs the text: it stays.
        (["Viele Grüße,", "Ramón"], ["Viele Grüße,", "Ramón"]),
        # A date of another day is text ("Am 3. Mai 2021 war ich dort").
        (["Toll.", "3. Mai 2021"], ["Toll.", "3. Mai 2021"]),
        # An old theme's header in the item itself: its number, "Kommentar von NAME", the date, then the text.
        (["1", "Comentario por Ramón", "26 abril 2022 a las 14:02", "Muy rico."], ["Muy rico."]),
        # A text that begins with the writer's name is text.
        (["Ramón von nebenan sagt danke."], ["Ramón von nebenan sagt danke."]),
    ],
)
def test_comment_text_lines(lines: list[str], kept: list[str]) -> None:
    blocks: list[BlockSpec] = [("paragraph", line, None, None) for line in lines]
    result = _text_lines(blocks, "Ramón", datetime(2022, 4, 26, 14, 2), "es")
    assert [text for _, text, _, _ in result] == kept


def test_empty_stubs_drawn_like_comments_are_dropped() -> None:
    # A "view all" button in the list's markup: no name, no text. A reply keeps an empty parent in the tree.
    stub = RawComment("view-all", None, None, None, ())
    empty_parent = RawComment("p", None, None, None, ())
    reply = RawComment("r", "p", "Ola", None, (("paragraph", "Tak.", None, None),))
    posts = comment_posts([stub, empty_parent, reply])
    assert [(post.id, post.author, post.parent) for post in posts] == [("c1", None, None), ("c2", "Ola", "c1")]


@pytest.mark.parametrize(
    ("attributes", "words", "heads"),
    [
        ('class="commentAuthor"', {"comment", "author", "commentauthor"}, {"author", "commentauthor"}),  # camelCase
        ('class="CommentList"', {"comment", "list", "commentlist"}, {"list", "commentlist"}),  # PascalCase
        ('id="userComment42"', {"user", "comment42", "usercomment42"}, set()),  # an id: words, no heads
        ('class="HTMLComment"', {"html", "comment", "htmlcomment"}, {"comment", "htmlcomment"}),  # an acronym first
        ('class="bbWrapper"', {"bb", "wrapper", "bbwrapper"}, {"wrapper", "bbwrapper"}),  # kept whole too (XenForo)
        ('class="comment__author-name"', {"comment", "author", "name"}, {"name"}),  # BEM, as before
        ('class="recommendedArticles"', {"recommended", "articles", "recommendedarticles"}, None),  # a teaser box
        ('class="commentheader"', {"comment", "header", "commentheader"}, {"header", "commentheader"}),  # run together
        ('class="postbody"', {"post", "body", "postbody"}, {"body", "postbody"}),  # run together
        ('class="commentary"', {"commentary"}, {"commentary"}),  # no known word after the first: whole
        ('class="userfriendly"', {"userfriendly"}, {"userfriendly"}),  # nor here
    ],
)
def test_class_words_split_camel_case(attributes: str, words: set[str], heads: set[str] | None) -> None:
    element = lxml.html.fragment_fromstring(f"<div {attributes}>x</div>")
    assert class_words(element) == words
    assert heads is None or class_heads(element) == heads


@pytest.mark.parametrize(
    ("markup", "skipped"),
    [
        ('<a class="replyLink">Reply</a>', True),  # a control named in camelCase
        ('<span class="likeCount">3</span>', True),
        ('<div class="replyText">Gut so.</div>', False),  # a reply's text, however short
        ('<div class="js-expandContent">smells odd</div>', False),  # an expandable box's text (XenForo)
        ('<div class="reply-body">Agreed.</div>', False),
        ('<div class="shareButtons">Share</div>', True),  # a widget
        ('<div class="reactionsBar"><a href="#">Anna, Ben and 12 others reacted to this post</a></div>', True),
        ('<div class="postreactions">👍 31</div>', True),  # a row of reactions, its name run together
        ('<div class="reactie-tekst">Gut so.</div>', False),  # Dutch: a comment's ("reactie") text
    ],
)
def test_camel_case_controls_and_texts(markup: str, skipped: bool) -> None:
    assert is_skipped(lxml.html.fragment_fromstring(markup)) is skipped


SEEN = datetime(2023, 5, 8, 14, 30)
"""When a page was saved, in the relative date cases."""


@pytest.mark.parametrize(
    ("text", "lang", "expected"),
    [
        ("vor 8 Stunden", "de", datetime(2023, 5, 8, 6, 30)),  # hours back keep their time
        ("2 hours ago", "en", datetime(2023, 5, 8, 12, 30)),
        ("il y a 3 jours", "fr", datetime(2023, 5, 5)),  # days back: the day, not the time of saving
        ("hace 2 días", "es", datetime(2023, 5, 6)),
        ("3 дня назад", "ru", datetime(2023, 5, 5)),
        ("yesterday", "en", datetime(2023, 5, 7)),
        ("yesterday at 10:15", "en", datetime(2023, 5, 7, 10, 15)),  # a time the page gives is kept
        ("2 hours ago", None, datetime(2023, 5, 8, 12, 30)),  # the page's language unknown
        ("1 Stunde 51 Minuten her", "de", datetime(2023, 5, 8, 12, 39)),  # German's "ago" after the span
        ("1 Monat her", "de", datetime(2023, 4, 8)),
        ("Jun 20th at 2:41 am", "en", datetime(2022, 6, 20, 2, 41)),  # no year: the last such day up to it
        ("3 mai à 9:05", "fr", datetime(2023, 5, 3, 9, 5)),  # this year's, before it
        ("8 mai à 23:50", "fr", datetime(2023, 5, 8, 23, 50)),  # later that day: the page's clock a time zone ahead
        ("10 mai", "fr", datetime(2022, 5, 10)),  # two days ahead: last year's
        ("29 février", "fr", datetime(2020, 2, 29)),  # the last year that has the day
        ("I met her", "en", None),
        ("12 March 2020", "en", None),  # not relative: printed_date's
        ("2023-05-01", "en", None),
        ("Anna", "en", None),  # no date at all
    ],
)
def test_relative_date(text: str, lang: str | None, expected: datetime | None) -> None:
    assert relative_date(text, lang, SEEN) == expected


PIECES = st.lists(st.text(alphabet=" \t\n\u00a0\u200bab", max_size=8), max_size=12)


@settings(max_examples=300, deadline=None)
@given(pieces=PIECES, limit=st.integers(min_value=0, max_value=12))
def test_text_longer_than_agrees_with_the_cleaned_text_it_reads_only_part_of(pieces: list[str], limit: int) -> None:
    box = lxml.html.fromstring("<div></div>")
    for piece in pieces:  # each piece in its own element, with a tail of the same: text split every way
        inner = lxml.html.fromstring("<span></span>")
        inner.text, inner.tail = piece, piece[::-1]
        box.append(inner)
    assert text_longer_than(box, limit) == (len(clean_text(box.text_content())) > limit)


@settings(max_examples=300, deadline=None)
@given(st.text(alphabet=" \t\n\u00a0\u200b\ufeff\u00adaé€", max_size=20))
def test_clean_text_drops_invisible_characters_and_collapses_white_space(text: str) -> None:
    cleaned = clean_text(text)
    assert cleaned == " ".join("".join(char for char in text if char not in "\u200b\ufeff\u00ad").split())


def test_a_menu_asked_about_once_per_item_is_not_read_whole_each_time() -> None:
    # A reader asks whether each item's boxes are skipped: a control's box (a menu) was measured by its
    # whole text each time, quadratic in the menu's size (7 s on one real page of a 600-item menu).
    items = 20_000
    menu = lxml.html.fromstring('<ul class="sub-menu">' + "".join(f"<li>Item {n}</li>" for n in range(items)) + "</ul>")
    started = time.perf_counter()
    assert not any(is_skipped(menu) for _ in range(items))  # a long menu is content
    assert time.perf_counter() - started < 10  # a generous bound: a check of shape, not a benchmark


LEAD = "HARBOUR TOWN (AP) — Ferry operators said on Monday that the first crossing will leave half an hour earlier."
"""Loose text of at least 80 characters."""


@pytest.mark.parametrize(
    ("box", "paragraphs"),
    [
        # The lead loose in the box, before its paragraphs: a paragraph of its own, its links and marks with it.
        (f"<div>{LEAD[:12]}<a href='/t'>{LEAD[12:20]}</a><em>{LEAD[20:]}</em><p>Two.</p></div>", [LEAD, "Two."]),
        # After a picture's box (yahoo.com's stories after their related box): the box stays as it was.
        (f"<div><div class='photo'><img src='/a.jpg'></div>{LEAD}<p>Two.</p></div>", [LEAD, "Two."]),
        # After an empty paragraph (a `<p>` opened before a block, which closed it), and before the first one only.
        (f"<div><p></p><div>Box</div>{LEAD}<p>Two.</p>{LEAD}</div>", ["", LEAD, "Two."]),
        # A short label and a row of links are no paragraphs.
        ("<div>Photo: AP<p>Two.</p></div>", ["Two."]),
        (f"<div>Share: <a href='/f'>{LEAD}</a><p>Two.</p></div>", ["Two."]),
        # A box without paragraphs is left to the extractor; so is an inline element a paragraph was put in
        # (a picture's caption box inside a paragraph: businessinsider.com), whose text runs on outside it.
        (
            f"<div><p><em><span><span><span class='image'><img src='/a.jpg'><span class='caption'>{LEAD}</span>"
            f"</span><p></span></span>Lead.</em></p><p>Two.</p></div>",
            [f"{LEAD}Lead.", "", "Two."],
        ),
        # A box without paragraphs is left to the extractor.
        (f"<div><div class='photo'></div>{LEAD}</div>", []),
    ],
)
def test_loose_text_in_a_box_of_paragraphs_becomes_a_paragraph(box: str, paragraphs: list[str]) -> None:
    tree = lxml.html.document_fromstring(f"<html><body>{box}</body></html>")
    loose_paragraphs(tree)
    assert [" ".join(p.text_content().split()) for p in tree.iter("p")] == paragraphs
    assert " ".join(tree.text_content().split()) == " ".join(lxml.html.fromstring(box).text_content().split())


SECOND = "The report says the new boats will carry more bicycles, and that the old pier will close for a year."


@pytest.mark.parametrize(
    ("box", "paragraphs"),
    [
        # A story written with line breaks: each run between blank lines or blocks a paragraph, a single break kept
        # inside it, a short run too; the picture's caption box stays as it is.
        (
            f"<div>{LEAD}<br> <br><img src='/a.jpg'><center><em>Photo: harbour office</em></center>"
            f"<br>Short line<br><br>{SECOND[:40]}<br>{SECOND[40:]}<br><br></div>",
            [LEAD, "Short line", SECOND],
        ),
        # Left to the extractor: one long run only (a poem, an address), or text in blocks of its own beside the
        # runs (a review's conclusion box), or a box of paragraphs.
        (f"<div>{LEAD}<br>{SECOND}</div>", []),
        (f"<div>{LEAD}<br><br>{SECOND}<div id='conclusion'>{LEAD}</div></div>", []),
        (f"<div><p>{LEAD}</p>{SECOND}<br><br>{LEAD}</div>", [LEAD]),
    ],
)
def test_a_story_written_with_line_breaks_becomes_paragraphs(box: str, paragraphs: list[str]) -> None:
    tree = lxml.html.document_fromstring(f"<html><body>{box}</body></html>")
    broken_paragraphs(tree)
    assert [" ".join(p.text_content().split()) for p in tree.iter("p")] == paragraphs
    assert " ".join(tree.text_content().split()) == " ".join(lxml.html.fromstring(box).text_content().split())


CAPTION = "A boat crosses the bay at dawn, with the island's lighthouse still lit behind it."


@pytest.mark.parametrize(
    ("page", "slides"),
    [
        # Slides with captions in the story's box, which holds the headline: a slideshow.
        ("<article><h1>Boats</h1><ul>" + f'<li class="slide"><p>{CAPTION}</p></li>' * 3 + "</ul></article>", 3),
        # Two slides make no slideshow.
        ("<article><h1>Boats</h1><ul>" + f'<li class="slide"><p>{CAPTION}</p></li>' * 2 + "</ul></article>", 0),
        # A carousel of links to other stories is teasers, not text.
        (
            "<article><h1>Boats</h1><div>"
            + f'<div class="swiper-slide"><p><a href="/x">{CAPTION}</a></p></div>' * 3
            + "</div></article>",
            0,
        ),
        # Slides outside the box that holds the headline (a home page's slider) are not the story's.
        ("<h1>Boats</h1><div>" + f'<div class="slide"><p>{CAPTION}</p></div>' * 3 + "</div>", 0),
        # The slideshow's own box (`slides`, `slider`) is no slide.
        ("<article><h1>Boats</h1>" + f'<div class="slides"><p>{CAPTION}</p></div>' * 3 + "</article>", 0),
    ],
)
def test_slideshow(page: str, slides: int) -> None:
    tree = lxml.html.document_fromstring(f"<html><body>{page}</body></html>")
    assert len(slideshow(tree)) == slides


def test_a_printed_date_without_its_day_reads_the_same_whatever_the_day_it_is_read() -> None:
    # dateparser gives a date that has a time but no day the day of its base, today unless fixed: a page would
    # read differently each day. Without a day, the date is its month's first.
    assert printed_date("Juni 2015 um 10:23", "de") == datetime(2015, 6, 1, 10, 23)
    assert printed_date("June 2015", "en") == datetime(2015, 6, 1)


@pytest.mark.parametrize(
    ("markup", "votes"),
    [
        # the writer's points in the box of their name (`comment-author`) are theirs, not the comment's
        ('<div class="comment-author"><a>Ana</a><span class="points">812</span></div>', None),
        # the comment's own box marked as its writer's (Menéame's `comment author`): its votes are the comment's
        (
            '<div class="comment author"><div class="comment-footer"><a class="votes-counter">9</a></div></div>',
            Votes(9, 0),
        ),
        # a box of buttons whose class ends in "user" (Komento's `kmt-control-user`) is no profile
        ('<div class="kmt-control-user"><b class="likesCounter"><span>4</span></b></div>', Votes(4, 0)),
    ],
)
def test_counts_in_a_writers_box_are_no_votes_unlike_those_of_the_comments_own_box(
    markup: str, votes: Votes | None
) -> None:
    box = lxml.html.fragment_fromstring(f"<div>{markup}</div>")
    assert find_votes(list(box.iter())) == votes


@pytest.mark.parametrize(
    ("written", "read"),
    [
        ("a&#26;b", "ab"),  # a control character (DOS's end of file) by reference: none, as lxml refuses it
        ("&#x1;&#0;&#55296;&#1114112;", ""),  # C0 controls, a lone surrogate, a number past Unicode
        ("&#151; &#x92; &#150", "— ’ –"),  # Windows-1252's numbers, as browsers read them, `;` or not
        ("&#129;", ""),  # a number Windows-1252 leaves undefined
        ("&#8212; &#x1F600; &#65; &#10; &amp;#26;", "&#8212; &#x1F600; &#65; &#10; &amp;#26;"),  # left to the parser
    ],
)
def test_numeric_references_read_as_browsers_read_them(written: str, read: str) -> None:
    from translator.readers.html_text import xml_safe

    assert xml_safe(written) == read


def test_a_control_characters_reference_in_loose_text_is_read_without_failing() -> None:
    # The box's loose text, made a paragraph, is set back into the tree: with `&#26;` in it lxml refused it.
    from translator.readers.html import read_html

    line = "of the story, long enough to be a paragraph of its own here, and a few words more to be sure"
    runs = "".join(f"Line {n} {line}.<br><br>" for n in (1, 2))
    page = f"<html><head><title>Shoots</title></head><body><div>{runs}The end&#26; &#151; at last.</div></body></html>"
    blocks = [block.text for block in read_html(page, "page.html").threads[0].posts[0].blocks]
    assert blocks[-1] == "The end — at last."  # a paragraph of its own
