"""Dates on web pages: machine forms (ISO 8601, Unix time) and the words pages print, in any language.

Dates are kept as the page shows them, to the minute, without time zone: an ISO date with an offset
keeps its wall-clock time. Printed dates go through dateparser with the page's language. Relative dates
("vor 8 Stunden", "2 hours ago", "yesterday") are read against a time the file itself gives (when it was
saved; else the earliest it can have been, from the article's stated times: `html.earliest_saving`),
never the machine's clock, so that a page reads the same on every run; without such a time they stay
unread.
"""

from __future__ import annotations

import contextlib
import re
import unicodedata
from collections.abc import Callable, Iterable, Iterator
from contextlib import contextmanager
from contextvars import ContextVar
from dataclasses import dataclass
from datetime import UTC, date, datetime, time, timedelta
from email.utils import parsedate_to_datetime
from functools import cache, lru_cache
from typing import Any

from translator.languages import to_dateparser
from translator.readers.common import date_of

ISO_DATE = re.compile(
    r"(?P<year>\d{4})-(?P<month>\d{1,2})-(?P<day>\d{1,2})"
    r"(?:(?:[T ]|,\s*|\s+(?:at|um|à|a las|alle|o|в|@)\s+|\s+-\s+)"
    r"(?P<hour>\d{1,2}):(?P<minute>\d{2})(?::\d{2}(?:\.\d+)?)?"
    r"(?:\s*(?P<half>[ap])\.?\s?m\b\.?)?)?",
    re.IGNORECASE,
)
"""An ISO date, and the time after it: after `T` or a space, a comma ("2019-10-18, 14:31"), a word ("at") or `@`,
on a 24-hour or a 12-hour clock ("2019-10-18 2:31 PM")."""
JS_DATE = re.compile(r"^(?:Mon|Tue|Wed|Thu|Fri|Sat|Sun) [A-Z][a-z]{2} \d{2} \d{4} \d{2}:\d{2}:\d{2}(?!\d)")
JAVA_DATE = re.compile(
    r"^(?:Mon|Tue|Wed|Thu|Fri|Sat|Sun) (?P<month>[A-Z][a-z]{2}) (?P<day>\d{2}) (?P<clock>\d{2}:\d{2}):\d{2}"
    r" [A-Z][A-Za-z]{1,4}(?:[+-]\d{2}:?\d{2})? (?P<year>\d{4})$"
)
"""A Java `Date.toString()` or Unix `date` ("Sun Nov 23 16:00:00 EDT 2014"), which some sites' templates print
into `article:published_time`."""
MAIL_DATE = re.compile(r"^(?:[A-Z][a-z]{2}, )?\d{1,2} [A-Z][a-z]{2} \d{4} \d{2}:\d{2}")
LABELLED_ISO = re.compile(r"^\D{1,12}?\s*(?P<date>\d{4}-\d{1,2}-\d{1,2}(?:[T ]\d{1,2}:\d{2}(?::\d{2})?)?)$")
"""An ISO date after a short label dateparser does not know ("发表于 2021-3-12 09:15")."""
DAY_MONTH_COMMA_YEAR = re.compile(r"(?<![\d.])(\d{1,2})\.(\d{1,2}),\s*(\d{4})(?!\d)")
"""A theme's "17.07, 2011": day and month, a comma, the year (dateparser reads it as no date)."""
SPACED_DOTTED_DATE = re.compile(r"(?<![\d.])(\d{1,2})\.\s(\d{1,2})\.\s((?:19|20)\d\d)(?!\d)")
"""A dotted date with spaces after its dots ("4. 2. 2022", Czech and German pages), read as one without them."""
DOTTED_DATE = re.compile(r"(?<![\w.])(?P<a>\d{1,2})\.(?P<b>\d{1,2})\.(?P<year>\d{4}|\d{2})(?!\d|\.\d)")
"""A numeric date written with dots ("03.12.2026", "3.12.26"): day first in every locale that writes dots
(German, Russian, Polish, Norwegian, Czech, Turkish...), and mostly on English pages that use them too."""
PAGE_DOTTED_DATE = re.compile(r"(?<![\w.])(?P<a>\d{1,2})\.(?P<b>\d{1,2})\.(?P<year>(?:19|20)\d\d)(?!\d|\.\d)")
"""A dotted date with a four-digit year, counted over the whole page to learn which way it writes them."""
_DOTTED_YEAR = re.compile(r"\.(?:19|20)\d\d")
"""Where a PAGE_DOTTED_DATE can end: a pattern starting with a literal is searched for at C speed, where the
lookbehind that starts PAGE_DOTTED_DATE is tried at each of a page's 200,000 characters."""
_BEFORE_YEAR = len("12.31")
_AFTER_YEAR = len(".1")
MONTHS = 12
_MONTH_FIRST: ContextVar[bool] = ContextVar("dotted_month_first", default=False)
"""Whether the page being read writes its dotted dates month first (`dotted_dates_of`)."""
_PAGE_LANGUAGE: ContextVar[Callable[[], str | None]] = ContextVar("dates_page_language", default=lambda: None)
"""The language of the page being read (`dates_in_language`), for the dates read without one named."""
ZONE_NAME = re.compile(r"\s*\((?:[A-Z][A-Za-z]+/[A-Za-z_/+\-]+|UTC|GMT|[A-Z]{2,5})\)$")
"""The zone a page names after its date in brackets ("24.04.2018 12:29:19 (Europe/Moscow)", "(UTC)"), which
dateparser does not read: the date is kept at its wall-clock time, as dates with an offset are."""
DATE_LABEL = re.compile(
    r"^(?:[^\W\d_][^\d:]{0,30}?\s)?(?:on|am|le|el|il|op|em|den|vom|в|от)\s+(?=\S)|^[^\W\d_][^\d:]{0,30}?:\s+(?=\S)"
    r"|^(?!version\b|release\b|build\b)[^\W\d_][^\W\d]{0,20}(?:\s[^\W\d_][^\W\d]{0,20}){0,2}\s"
    r"(?=\d{1,2}[./-]\d|\d{4}[./-]\d|\d{4}年|\d{1,2}\.?\s[^\W\d_]{3,}\.?,?\s\d{4})",
    re.IGNORECASE,
)
"""The words that say what a date is before it ("Published on Apr 9, 2018", "Veröffentlicht am 12.03.2020",
"Am 29. Mai 2017 um 14:38", "Posted: ...", or a few words alone before a numeric date or a day, month name
and year: "Posted 03.12.2026", "Dodano 3 grudnia 2026", a year first: "於 2013/12/28 10:28", "於 2013年12月28日"),
which dateparser does not read past."""
ENGLISH_MONTHS = (
    "january", "february", "march", "april", "may", "june", "july", "august", "september", "october", "november",
    "december",
)  # fmt: skip
MONTH_ABBREVIATIONS = ("jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "sept", "oct", "nov", "dec")
WEEKDAY_NAMES = frozenset(
    {"monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday", "montag", "dienstag", "mittwoch",
     "donnerstag", "freitag", "samstag", "sonnabend", "sonntag", "lundi", "mardi", "mercredi", "jeudi", "vendredi",
     "samedi", "dimanche", "lunes", "martes", "miércoles", "jueves", "viernes", "sábado", "domingo", "lunedì",
     "martedì", "mercoledì", "giovedì", "venerdì", "sabato", "maandag", "dinsdag", "woensdag", "donderdag",
     "vrijdag", "zaterdag", "zondag"}
)  # fmt: skip
"""Weekdays in full, in the languages whose pages print one between a writer's name and the date."""
WEEKDAY_ABBREVIATIONS = frozenset(
    {"mon", "tue", "tues", "wed", "thu", "thur", "thurs", "fri", "sat", "sun", "mo", "di", "mi", "do", "fr", "sa",
     "so", "lun", "mar", "mer", "jeu", "ven", "sam", "dim"}
)  # fmt: skip
DATE_CONNECTORS = frozenset({"am", "on", "um", "le", "el", "il", "op", "at", "vom", "den", "em", "от", "dnia", "dne"})
"""The word between a writer's name and the date after it ("NAME am 3. Mai", "NAME on June 3", "NAME le 3 mai",
"NAME от 11 марта 2024": DataLife Engine)."""
DATE_LEAD_WORDS = frozenset({*WEEKDAY_NAMES, *WEEKDAY_ABBREVIATIONS, *ENGLISH_MONTHS, *MONTH_ABBREVIATIONS})
SEPARATOR_WORD = re.compile(r"[-–—|•·/:,]+")


UTC_STATED = re.compile(r"(?:\dZ|[+-]00:?00|\bGMT|\bUTC)$", re.IGNORECASE)
"""The end of a stated time that says it is in UTC (`2022-05-04T00:53:29Z`, `+00:00`, `04 May 2022 02:41:00 GMT`)."""
CLOCK = re.compile(r"(?<!\d)\d{1,2}[:h]\d\d(?!\d)")
"""A time of day as printed ("00:00", "9:53", "08h07")."""
WESTMOST_OFFSET, EASTMOST_OFFSET = timedelta(hours=-11), timedelta(hours=14)
ZONE_STEP = timedelta(minutes=15)
"""Every inhabited zone's offset from UTC is a whole number of quarter hours, from -11:00 to +14:00 (-12:00 is
two uninhabited islands': a 12-hour clock printed without am/pm, "4:30" for 16:30, would read as it)."""
UNIX_TIME = re.compile(r"^\d{9,10}(?:\.\d+)?$|^\d{13}$")
# Cheap test before the expensive parser: a year, a numeric date or a clock time.
DATE_HINT = re.compile(rf"(?<!\d)(?:1[89]|20)\d\d(?!\d)|\d{{1,2}}[./-]\d{{1,2}}[./-]\d{{2,4}}|{CLOCK.pattern}")
MAX_DATE_CHARS = 80
EARLIEST_YEAR = 1990
DATEPARSER_SETTINGS = {
    "PARSERS": ["custom-formats", "absolute-time"],
    "REQUIRE_PARTS": ["month", "year"],
    "PREFER_DAY_OF_MONTH": "first",
    "RETURN_AS_TIMEZONE_AWARE": False,
    # A date without its day but with a time ("Juni 2015 um 10:23") takes the base's day, which is today's
    # unless fixed: a page would read differently each day.
    "RELATIVE_BASE": datetime(2000, 1, 1),
}


def to_minute(moment: datetime) -> datetime:
    """A datetime to the minute, as wall-clock time (no time zone)."""
    return moment.replace(second=0, microsecond=0, tzinfo=None)


def machine_date(value: str) -> datetime | None:
    """A date from an attribute value: ISO 8601 (`2023-10-18T13:11:26+02:00`), Unix time or the form of mail
    headers (`Thu, 08 May 2014 14:04:53 -0400`), of a script's date (`Fri Mar 12 2021 09:15:00 GMT+0300`) or
    of Java's (`Sun Nov 23 16:00:00 EDT 2014`); else None."""
    value = value.strip()
    if JS_DATE.match(value):  # a script's `Date.toString()`: its wall-clock time, the zone left out
        return to_minute(datetime.strptime(value[:24], "%a %b %d %Y %H:%M:%S"))
    if java := JAVA_DATE.match(value):  # its wall-clock time too: a zone's abbreviation names no one offset
        try:
            printed = f"{java['day']} {java['month']} {java['year']} {java['clock']}"
            moment = datetime.strptime(printed, "%d %b %Y %H:%M")
        except ValueError:
            return None
        return moment if moment.year >= EARLIEST_YEAR else None
    if MAIL_DATE.match(value):
        try:
            moment = parsedate_to_datetime(value)
        except (TypeError, ValueError, IndexError):
            return None
        return to_minute(moment) if moment.year >= EARLIEST_YEAR else None
    if UNIX_TIME.match(value):
        seconds = float(value) / (1000 if len(value) == 13 else 1)
        try:
            moment = datetime.fromtimestamp(seconds, tz=UTC)
        except (OverflowError, OSError, ValueError):
            return None
        return to_minute(moment) if moment.year >= EARLIEST_YEAR else None
    match = ISO_DATE.match(value)
    stated = _iso_date(match) if match else None
    return stated if stated is not None and stated.year >= EARLIEST_YEAR else None


def _iso_date(match: re.Match[str]) -> datetime | None:
    """The date an ISO_DATE match names, its time on a 24-hour clock (12 AM is midnight, 12 PM noon)."""
    stated = date_of(match)
    if stated is None or not match["half"] or not 1 <= stated.hour <= 12:
        return stated
    return stated.replace(hour=on_24_hours(stated.hour, match["half"]))


def on_24_hours(hour: int, half: str) -> int:
    """An hour of a 12-hour clock (1 to 12) on a 24-hour one: 12 AM is midnight, 12 PM noon."""
    return hour % 12 + (12 if half[:1].lower() == "p" else 0)


def month_first_page(text: str) -> bool:
    """Whether a page writes its dotted dates month first ("12.25.2019"): only when one of them can only be
    read so (its second number over 12) and none can only be read day first (its first over 12). The page's
    language decides nothing: every locale that writes dots puts the day first, and so do most English
    pages that use them."""
    day_first = month_first = False
    for match in page_dotted_dates(text):
        first, second = int(match["a"]), int(match["b"])
        day_first = day_first or (first > MONTHS and 1 <= second <= MONTHS)
        month_first = month_first or (second > MONTHS and 1 <= first <= MONTHS)
        if day_first:
            return False
    return month_first


def page_dotted_dates(text: str) -> Iterator[re.Match[str]]:
    """PAGE_DOTTED_DATE's matches in `text`, in order, each sought only around a dot before a year."""
    for year in _DOTTED_YEAR.finditer(text):
        # the lookbehind still sees the text before `pos`; `endpos` leaves the lookahead its two characters
        found = PAGE_DOTTED_DATE.search(text, max(0, year.start() - _BEFORE_YEAR), year.end() + _AFTER_YEAR)
        if found is not None:
            yield found


@contextmanager
def dotted_dates_of(page: str) -> Iterator[None]:
    """Read the dotted dates printed on this page (its text, markup included) the way it writes them."""
    token = _MONTH_FIRST.set(month_first_page(page))
    try:
        yield
    finally:
        _MONTH_FIRST.reset(token)


def could_be_date(text: str) -> bool:
    """Whether a short text has what a printed date has (a year, a numeric date or a time)."""
    return len(text) <= MAX_DATE_CHARS and DATE_HINT.search(text) is not None


@contextmanager
def dates_in_language(lang: str | None, sentences: Callable[[], str] | None = None) -> Iterator[None]:
    """Read the dates of a page in its language and in English where a caller names none: the language it
    declares (`lang`, its `<html lang>`), else the one its `sentences` are written in, guessed the first time
    a date needs it. Without either, dateparser tries its 200 locales, and building them all costs seconds
    the first time a text is no date in any of them."""

    @cache
    def language() -> str | None:
        if lang is not None and _has_locale(to_dateparser(lang)):
            return lang
        from translator.detect.detector import guess_language

        return guess_language(sentences()) if sentences is not None else None

    token = _PAGE_LANGUAGE.set(language)
    try:
        yield
    finally:
        _PAGE_LANGUAGE.reset(token)


def _languages(lang: str | None) -> tuple[str, ...] | None:
    """The dateparser locales to read a date in: the language named, else the page's and English, else any
    (None)."""
    if lang is not None and _has_locale(to_dateparser(lang)):
        return (to_dateparser(lang),)
    page = _PAGE_LANGUAGE.get()()
    return None if page is None else ("en",) if page == "en" else (to_dateparser(page), "en")


AT_TIME = re.compile(r"\s+at\s+(?=\d{1,2}[:.]\d{2}\b)")
"""English "at" before the time, which blogs print in other languages' dates too (WordPress.com: `9. Dezember 2013
at 14:57`), where the parser of that language does not know the word."""


COMMENT_NUMBER = re.compile(
    r"^[«‹]?\s*(?:(?:[^\W\d_]{2,20}\s+)?(?:#|№|Nr\.\s?)\d+(?:\.\d+)*(?:\s+on)?\s*[-–—|·:]?\s+|(?:on\s*)?:\s+"
    r"|permalink\s*[-–—|·:]\s*)(?=\S)",
    re.IGNORECASE,
)
"""A comment's number before its date, as a permalink or a forum's header prints it (ZEIT ONLINE's `#1.1 — 8. März
2023, 9:47 Uhr`; SMF's `« Odpowiedz #1 : DATE »`, and `« on: DATE »` on the first post), or the permalink's label in
its title (HashOver's `Permalink - DATE - TIME`): no part of the date."""


def printed_date(text: str, lang: str | None) -> datetime | None:
    """A date as a page prints it (`11 maja 2021, 23:13`, `Jan 10th, 2020 6:03 pm`), in the page's language
    (`lang`; where None, the one `dates_in_language` declares, else any)."""
    text = COMMENT_NUMBER.sub("", " ".join(text.split()))
    if text.isdecimal():
        return None  # a number alone ("1800" after a name, a count, a year without its day) is no date
    text = ZONE_NAME.sub("", SPACED_DOTTED_DATE.sub(r"\1.\2.\3", DAY_MONTH_COMMA_YEAR.sub(r"\1.\2.\3", text)))
    text = AT_TIME.sub(" ", text)
    if not could_be_date(text):
        return None
    languages = _languages(lang)
    found = _printed_date(text, languages, _MONTH_FIRST.get())
    if found is None and languages is not None and "en" not in languages:
        # a forum's software may print its dates in English on a page in another language (Talkyard's "Nov 12,
        # 2024" in a Polish thread): read so only where the page's language reads nothing
        found = _printed_date(text, ("en",), _MONTH_FIRST.get())
    return found


@lru_cache(maxsize=4096)
def _printed_date(text: str, lang: tuple[str, ...] | None, month_first: bool) -> datetime | None:
    if ISO_DATE.match(text) and (machine := machine_date(text)) is not None:
        return machine
    try:
        # A dotted date is read day first whatever the language's own order (an English locale reads
        # "03.12.2026" as March 12th), unless the page writes them month first; a date that only the other
        # order makes ("12.13.2026") is still read so.
        order = ("MDY" if month_first else "DMY") if DOTTED_DATE.search(text) else None
        found = _parser(lang, order).get_date_data(text).date_obj
    except (ValueError, TypeError, OverflowError, KeyError, IndexError, AttributeError):
        return None  # dateparser raises these on odd inputs; an unreadable date is no date
    if found is None and (labelled := LABELLED_ISO.match(text)):
        return machine_date(labelled["date"])
    if found is None and (label := DATE_LABEL.match(text)) and could_be_date(rest := text[label.end() :]):
        return _printed_date(rest, lang, month_first)
    if found is None or found.year < EARLIEST_YEAR or not _states_year(text, found):
        return None
    return to_minute(found)


NUMBERS = re.compile(r"\d+")
CLOCK_TIME = re.compile(r"\d{1,2}:\d{2}(?::\d{2})?")
NUMERIC_DATE = re.compile(r"\d{1,4}\s*([./-])\s*\d{1,2}\s*\1\s*\d{2,4}")
"""A date of numbers alone (`10.01.20`, `19/06/18`), whose year may be two digits."""


def _states_year(text: str, found: datetime) -> bool:
    """Whether a text states the year a date was read with: in four digits, in a date of numbers alone, or in two
    digits beside the day's own number ("12 Jan 19"). Asked for a year, the parser takes a yearless date's day for
    one ("30 janvier à 20:51" read as 1 January 2030: no "1" in the text)."""
    if not text.isascii():  # digits of other scripts ("٢٠٢٠") as the parser reads them
        text = "".join(str(unicodedata.decimal(char)) if char.isdecimal() else char for char in text)
    if str(found.year) in text or NUMERIC_DATE.search(text) is not None:
        return True
    numbers = [int(number) for number in NUMBERS.findall(CLOCK_TIME.sub(" ", text))]  # an hour is no day
    short = found.year % 100
    if found.day == short:  # "19 Jan 19"
        return numbers.count(short) >= 2
    return short in numbers and found.day in numbers


DAY_BESIDE_WORD = re.compile(r"(?<!\d)\d{1,2}\.?\s+[^\W\d_]{3,}|[^\W\d_]{3,}\.?\s+\d{1,2}(?![\d:.,]\d)")
"""A day's number beside a word, a month's name maybe ("9 janvier", "Jan 9"), no year after it: what a date
printed without its year shows (tested before the parser is asked)."""
FOUR_DIGIT_YEAR = re.compile(r"(?<!\d)(?:1[89]|20)\d\d(?!\d)")


def yearless_date(text: str, lang: str | None) -> bool:
    """Whether a short text is a day of a month printed without its year, the month in words ("9 janvier à 13:06",
    "Jan 9 at 1:06 PM"): a comment's date in the year it was shown, which the text does not say (so no date is
    read from it; `printed_date` reads none)."""
    text = " ".join(text.split())
    if not DAY_BESIDE_WORD.search(text) or FOUR_DIGIT_YEAR.search(text) or printed_date(text, lang) is not None:
        return False
    return _yearless(text, _languages(lang))


@lru_cache(maxsize=4096)
def _yearless(text: str, languages: tuple[str, ...] | None) -> bool:
    try:
        found = _parser(languages, None, yearless=True).get_date_data(text).date_obj
    except (ValueError, TypeError, OverflowError, KeyError, IndexError, AttributeError):
        return False
    return found is not None and not _states_year(text, found)


@lru_cache(maxsize=64)
def _parser(languages: tuple[str, ...] | None, order: str | None, *, yearless: bool = False) -> Any:
    """dateparser in the page's languages (any where None or none it knows); `order` (`DMY`, `MDY`): the order
    of a numeric date's parts, else the language's; `yearless`: a month's day is enough."""
    from dateparser.date import DateDataParser

    settings = {**DATEPARSER_SETTINGS, "DATE_ORDER": order} if order else DATEPARSER_SETTINGS
    if yearless:
        settings = {**settings, "REQUIRE_PARTS": ["month", "day"]}
    return DateDataParser(languages=_known(languages), settings=settings)


def _known(languages: tuple[str, ...] | None) -> list[str] | None:
    """Those of the languages dateparser has a locale for; None (any) when it has none of them."""
    return [lang for lang in languages if _has_locale(lang)] or None if languages else None


@cache
def _has_locale(code: str) -> bool:
    """Whether dateparser has a locale named `code` (`de`, `zh-Hant`)."""
    from dateparser.languages.loader import LocaleDataLoader

    return code in LocaleDataLoader().get_locale_map(languages=None)


RELATIVE_SETTINGS = {"PARSERS": ["relative-time"], "RETURN_AS_TIMEZONE_AWARE": False}
MAX_RELATIVE_CHARS = 40
ANY_REFERENCE = datetime(2000, 1, 1, 12, 0)
"""A reference for asking whether a text is relative at all, before the page's own is known."""


AGO_AFTER = re.compile(r"^(?P<span>\d{1,3}\s\S.*)\sher$", re.IGNORECASE)
"""German's "ago" after the span ("1 Monat her", "1 Stunde 51 Minuten her": wpDiscuz, news sites' comments)."""


def is_relative_date(text: str, lang: str | None) -> bool:
    """Whether a short text is a date relative to when the page was shown ("vor 8 Stunden", "il y a 3
    jours", "3 дня назад", "yesterday")."""
    return relative_date(text, lang, ANY_REFERENCE) is not None


def relative_date(text: str, lang: str | None, reference: datetime) -> datetime | None:
    """A date read against `reference` (the page's time), to the minute: a relative one ("vor 8 Stunden"), or a
    day printed without its year ("Jun 20th at 2:41 am", "9 janvier à 13:06": the page's year went without
    saying), the last such day up to the reference (or a day after it: the page's clock and the one that saved it
    may lie time zones apart); None when the text is neither. A date only days or more back
    ("3 days ago", "yesterday") keeps no time of day: midnight, as a printed date without a time is kept;
    "yesterday at 10:15" keeps its time."""
    text = " ".join(text.split())
    if not text or len(text) > MAX_RELATIVE_CHARS or ISO_DATE.search(text):
        return None
    reference = to_minute(reference)
    ago = AGO_AFTER.sub(r"vor \g<span>", text)  # the parser knows "vor 1 Monat" only
    found = _relative_date(ago, _languages(lang), reference)
    if found is None and yearless_date(text, lang):
        return _in_year_shown(text, _languages(lang), reference)
    return found


@lru_cache(maxsize=4096)
def _in_year_shown(text: str, languages: tuple[str, ...] | None, reference: datetime) -> datetime | None:
    """A day printed without its year (see `yearless_date`) in the last year that has it up to a day after
    `reference`."""
    try:
        found = _parser(languages, None, yearless=True).get_date_data(text).date_obj
    except (ValueError, TypeError, OverflowError, KeyError, IndexError, AttributeError):
        return None
    if found is None:
        return None
    latest = reference + TIME_ZONES_APART
    for year in range(latest.year, latest.year - YEARS_TO_A_LEAP_DAY - 1, -1):
        with contextlib.suppress(ValueError):  # 29 February in a year without it
            if (moment := to_minute(found.replace(year=year))) <= latest:
                return moment
    return None


YEARS_TO_A_LEAP_DAY = 8
"""The most years back a day of the year may lie (29 February: 2100 is no leap year)."""
TIME_ZONES_APART = timedelta(days=1)
"""How far a page's clock may run ahead of the saving's: "5 May, 11:05" on a page saved at 07:30 that day
(the saver's time) is this year's."""


@lru_cache(maxsize=4096)
def _relative_date(text: str, languages: tuple[str, ...] | None, reference: datetime) -> datetime | None:
    try:
        found = _relative_parser(languages, reference).get_date_data(text).date_obj
    except (ValueError, TypeError, OverflowError, KeyError, IndexError, AttributeError):
        return None
    if found is None or found.year < EARLIEST_YEAR:
        return None
    found = to_minute(found)
    if reference - found >= timedelta(days=1) and found.time() == reference.time():
        return found.replace(hour=0, minute=0)  # the page said the day, not the time
    return found


@lru_cache(maxsize=16)
def _relative_parser(languages: tuple[str, ...] | None, reference: datetime) -> Any:
    from dateparser.date import DateDataParser

    settings = {**RELATIVE_SETTINGS, "RELATIVE_BASE": reference}
    return DateDataParser(languages=_known(languages), settings=settings)


def without_date_lead(text: str, *, connected: bool = False) -> tuple[str | None, str]:
    """The name before the words a date after it starts with (separators, a weekday, a month, "am", "le"), and
    those words: ("Muriel", "- Le") for "Muriel - Le"; (None, "June") for "June", only a date's words.
    `connected`: the date itself is gone, so the words go only where they hold its connecting word ("NAME am
    Samstag"; "Anna Monday" stays). A connecting word in capitals goes after a separator, or before the date's other
    words ("NAME On Friday, November"), only ("Thanh Le")."""
    words = text.split()
    kept = len(words)
    connector = False
    while kept:
        word = words[kept - 1]
        bare = word.rstrip(".,").casefold()
        after_separator = kept > 1 and SEPARATOR_WORD.fullmatch(words[kept - 2]) is not None
        # A capital one counts before other words of the date ("NAME On Friday, November 2"), not alone.
        if bare in DATE_CONNECTORS and (word.islower() or after_separator or kept < len(words)):
            connector = True
        elif not (SEPARATOR_WORD.fullmatch(word) or bare in DATE_LEAD_WORDS):
            break
        kept -= 1
    if kept == len(words) or (connected and not connector):
        return text, ""
    return " ".join(words[:kept]).rstrip(",") or None, " ".join(words[kept:])


@dataclass(frozen=True, slots=True)
class ShownDate:
    """A date a page shows for its article: the machine value on its element (`datetime`, `content`) and the
    element's text."""

    stated: str
    printed: str
    marked: bool
    """Whether the page marks the element as a date (a `time`, an `itemprop=datePublished`), not only by a
    class naming dates: a day alone is taken only from these."""


def local_time(stated: str, shown: Iterable[ShownDate], lang: str | None = None) -> datetime | None:
    """The wall-clock time a page shows for a moment it states in UTC (`2023-11-09T05:30:59Z`, a Unix time), which is
    the local time its readers see ("November 8, 2023 at 11:30 p.m."); None where it shows none, or shows
    the UTC time itself. Printed dates are read in `lang` (as `printed_date` does). Found, in the page's order:
    - a machine value with an offset for the same moment (`datetime="2022-05-03T23:37:37-04:00"`);
    - a printed date and time a zone's offset from that moment (whole quarter hours, -11:00 to +14:00);
    - else a day printed alone, marked as a date, that is not the UTC day but a zone's day at that moment,
      if the page shows no other: the day at midnight, its hour unknown."""
    stated = stated.strip()
    if not (UTC_STATED.search(stated) or UNIX_TIME.match(stated)) or (moment := machine_date(stated)) is None:
        return None
    days: set[date] = set()
    marked_days: set[date] = set()
    for date_shown in shown:
        instant = _instant(date_shown.stated)
        if instant is not None and instant.utcoffset() and _as_utc(instant) == moment:
            return to_minute(instant)
        printed = printed_date(date_shown.printed, lang)
        if printed is None:
            continue
        if printed.time() != time(0) or CLOCK.search(date_shown.printed):  # a time printed, midnight too
            shift = printed - moment  # both within the calendar: no overflow
            if _is_zone_offset(shift):
                return printed if shift else None
            continue
        days.add(printed.date())
        if date_shown.marked:
            marked_days.add(printed.date())
    if moment.date() in days or len(marked_days) != 1:
        return None
    day = marked_days.pop()
    zones_days = {
        shifted.date() for offset in (WESTMOST_OFFSET, EASTMOST_OFFSET) if (shifted := _shifted(moment, offset))
    }
    return datetime.combine(day, time(0)) if day in zones_days else None


PRINTED_CLOCK = re.compile(r"(?<!\d)(\d{1,2})[:h](\d\d)(?!\d)(?:\s*([ap])\.?\s?m\b\.?)?", re.IGNORECASE)
MINUTES_A_DAY = 24 * 60


def at_printed_clock(moment: datetime, printed: str) -> datetime | None:
    """The wall-clock time of a moment stated in UTC where the page prints only its time of day for it (Blogger's
    permalink "17:46", its address holding the Unix time): the moment shifted by the zone's offset that time shows
    (whole quarter hours, -11:00 to +14:00); None where the text shows no time, or one no zone's offset away."""
    if (clock := PRINTED_CLOCK.search(printed)) is None:
        return None
    hours, minutes, half = int(clock[1]), int(clock[2]), (clock[3] or "").lower()
    if hours > 23 or minutes > 59 or (half and not 1 <= hours <= 12):
        return None
    if half:
        readings = [on_24_hours(hours, half)]
    else:  # a 12-hour clock without am or pm ("9:53" for 21:53): the reading with the smaller offset; an hour
        # written with its zero ("03:16") is a 24-hour clock's
        readings = [hours, hours + 12] if hours < 12 and not clock[1].startswith("0") else [hours]
    offsets = []
    for reading in readings:
        offset = timedelta(minutes=(reading * 60 + minutes - moment.hour * 60 - moment.minute) % MINUTES_A_DAY)
        if offset > EASTMOST_OFFSET:
            offset -= timedelta(days=1)
        if _is_zone_offset(offset):
            offsets.append(offset)
    if not offsets:
        return None
    return _shifted(to_minute(moment), min(offsets, key=abs))


def _is_zone_offset(shift: timedelta) -> bool:
    """Whether a shift from UTC is an inhabited zone's offset: whole quarter hours, -11:00 to +14:00."""
    return WESTMOST_OFFSET <= shift <= EASTMOST_OFFSET and shift % ZONE_STEP == timedelta(0)


def _as_utc(instant: datetime) -> datetime | None:
    """A zoned moment in UTC, to the minute; None past the calendar's ends (year 1 or 9999)."""
    try:
        return to_minute(instant.astimezone(UTC))
    except (OverflowError, ValueError):
        return None


def _shifted(moment: datetime, offset: timedelta) -> datetime | None:
    try:
        return moment + offset
    except OverflowError:
        return None


def _instant(value: str) -> datetime | None:
    """The moment an ISO 8601 value with an offset names (time zone aware); None for any other value, and for one
    before the earliest year a page's date can be."""
    try:
        instant = datetime.fromisoformat(value.strip())
    except ValueError:
        return None
    return instant if instant.tzinfo is not None and instant.year >= EARLIEST_YEAR else None
