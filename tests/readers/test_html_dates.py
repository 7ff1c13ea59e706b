"""The page-wide reading of dotted dates (`html_dates.page_dotted_dates`, `month_first_page`)."""

from __future__ import annotations

from datetime import UTC, datetime

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from translator.readers.html_dates import (
    PAGE_DOTTED_DATE,
    at_printed_clock,
    month_first_page,
    page_dotted_dates,
    printed_date,
    yearless_date,
)

# texts built from the characters that make or break a dotted date, so that the search meets
# every neighbour of one: a letter or a dot before it, a digit or a decimal after it
DATE_LIKE = st.text(alphabet="0123456789.a -", max_size=60)


@settings(max_examples=400, deadline=None)
@given(st.lists(st.one_of(DATE_LIKE, st.sampled_from(["1.2.2019", "12.25.2019", "31.12.2020", ".2019"])), max_size=8))
def test_page_dotted_dates_finds_what_the_pattern_finds_everywhere(pieces: list[str]) -> None:
    text = "".join(pieces)
    found = [match.span() for match in page_dotted_dates(text)]
    assert found == [match.span() for match in PAGE_DOTTED_DATE.finditer(text)]


@pytest.mark.parametrize(
    ("text", "month_first"),
    [
        ("Posted 12.25.2019, edited 01.02.2020", True),  # 25 is no month: month first
        ("Posted 25.12.2019, edited 12.25.2019", False),  # one reads only day first: the page is day first
        ("Posted 01.02.2019", False),  # either way: day first, as most pages write them
        ("version 1.12.25.2019 and 12.25.20190", False),  # a version number, a longer number: no date
        ("x12.25.2019", False),  # glued to a word
    ],
)
def test_month_first_page(text: str, month_first: bool) -> None:
    assert month_first_page(text) is month_first


@pytest.mark.parametrize(
    ("text", "lang", "year_known", "yearless"),
    [
        ("30 janvier à 20:51", "fr", False, True),  # the parser, asked for a year, read the day as one (2030)
        ("17 février à 15:30", "fr", False, True),
        ("Jan 9 at 1:06 PM", "en", False, True),
        ("Jun 20th at 1:38 pm", "en", False, True),  # read as 1 June 2020: the hour's "1" is no day
        ("11 septembre 2018 à 12:57", "fr", True, False),
        ("10.01.20", "de", True, False),  # a date of numbers alone says its year in two digits
        ("12 janv. 19 à 10:20", "fr", True, False),  # so does a year in two digits beside the day's number
        ("3.5", "de", False, False),  # numbers alone without a month's name are no yearless date
        ("12:30", "en", False, False),  # a time alone
    ],
)
def test_a_date_printed_without_its_year_is_told_and_read_as_no_date(
    text: str, lang: str, year_known: bool, yearless: bool
) -> None:
    assert (printed_date(text, lang) is not None) is year_known
    assert yearless_date(text, lang) is yearless


@pytest.mark.parametrize("text", ["1800", "2019", "20200115", "1589212345", " 42 "])
def test_a_number_alone_is_no_printed_date(text: str) -> None:
    assert printed_date(text, "en") is None
    assert printed_date(text, None) is None


@pytest.mark.parametrize(
    ("text", "lang", "read"),
    [
        ("9. Dezember 2013 at 14:57", "de", datetime(2013, 12, 9, 14, 57)),  # WordPress.com's English "at"
        ("22. Juli 2019 at 16:25", None, datetime(2019, 7, 22, 16, 25)),
        ("Feb 6, 2014 at 23:35", "en", datetime(2014, 2, 6, 23, 35)),
    ],
)
def test_an_english_at_before_the_time_in_another_language(text: str, lang: str | None, read: datetime) -> None:
    assert printed_date(text, lang) == read


@pytest.mark.parametrize(
    ("text", "read"),
    [
        ("#1 \u00a0—\u00a0 8. März 2023, 9:12 Uhr", datetime(2023, 3, 8, 9, 12)),  # not the 1st: the comment's number
        ("#1.1 — 8. März 2023, 9:47 Uhr", datetime(2023, 3, 8, 9, 47)),  # a reply's number
        ("Nr. 12 | 03.04.2021 10:00", datetime(2021, 4, 3, 10, 0)),
        ("#3", None),  # a number alone
    ],
)
def test_a_comments_number_before_its_date_is_no_part_of_it(text: str, read: datetime | None) -> None:
    assert printed_date(text, "de") == read


@pytest.mark.parametrize(
    ("text", "lang", "read"),
    [
        ("Nov 12, 2024", "pl", datetime(2024, 11, 12)),  # a forum's English date on a Polish page
        ("August 3, 2019", "de", datetime(2019, 8, 3)),
        ("12-01-2019, 21:02", "nl", datetime(2019, 1, 12, 21, 2)),  # read in the page's language first: day first
        ("3 maj 2024", "pl", datetime(2024, 5, 3)),
    ],
)
def test_a_date_the_pages_language_cannot_read_is_read_in_english(text: str, lang: str, read: datetime) -> None:
    assert printed_date(text, lang) == read


@pytest.mark.parametrize(
    ("printed", "local"),
    [
        ("17:46", datetime(2012, 11, 9, 17, 46)),  # an hour east of UTC
        ("5:46 PM", datetime(2012, 11, 9, 17, 46)),  # a 12-hour clock
        ("11:46 am", datetime(2012, 11, 9, 11, 46)),  # five hours west
        ("03:16", datetime(2012, 11, 10, 3, 16)),  # 10:30 east (Lord Howe Island): the next day
        ("16:46", datetime(2012, 11, 9, 16, 46)),  # UTC itself
        ("4:46", datetime(2012, 11, 9, 16, 46)),  # a 12-hour clock without pm: the nearer zone, UTC, not +12:00
        ("5:46", datetime(2012, 11, 9, 17, 46)),  # an hour east, not thirteen
        ("17:50", None),  # no zone's offset away
        ("no time", None),
    ],
)
def test_a_utc_moment_at_the_time_of_day_its_page_prints(printed: str, local: datetime | None) -> None:
    moment = datetime(2012, 11, 9, 16, 46, 59, tzinfo=UTC)
    assert at_printed_clock(moment, printed) == local
