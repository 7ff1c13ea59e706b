"""The HTML form of Facebook's export: its pages, in each of the layouts Facebook has rendered them in, read
into the threads its JSON form gives. The pages here are written for these tests in the export's shapes
(class names and nesting); names and words are invented."""

from __future__ import annotations

import calendar
import html
import json
from datetime import datetime
from typing import Any

import pytest

from translator.errors import InputError
from translator.models import Thread
from translator.readers import parse_threads, sniff_format, thread_from_bytes
from translator.readers.facebook_html import looks_like_facebook_page

HEAD = '<!DOCTYPE html><html><head><meta charset="utf-8" /><title>{title}</title><base href="../../" /></head>'


def _stamp(when: str) -> int:
    """Unix time of a wall-clock time ("2024-01-02 10:06:40"), taken as UTC as the export's JSON times are read."""
    return calendar.timegm(datetime.fromisoformat(when).timetuple())


def _escaped(text: str) -> str:
    """Words as the export writes them into its page: escaped, a line break a `<br />`."""
    return html.escape(text).replace("\n", "<br />")


# Cells of a post's or comment's content, as every layout writes them (a column of `_2pin` boxes).
def _words(text: str) -> str:
    return f'<div class="_2pin"><div>{_escaped(text)}</div><div></div></div>'


def _link(url: str) -> str:
    return f'<div class="_2pin"><div><div><div><a target="_blank" href="{url}">{url}</a></div></div></div></div>'


def _photo(album: str, caption: str | None = None) -> str:
    described = f'<div class="_3-95">{_escaped(caption)}</div>' if caption else ""
    return (
        '<div class="_2pin"><div><div><div class="_a7nf"><div class="_a7ng"><div>'
        '<a target="_blank" href="your_facebook_activity/posts/media/Album_1/1.jpg">'
        '<img src="your_facebook_activity/posts/media/Album_1/1.jpg" class="_a6_o" /></a>'
        f"<div>{_escaped(album)}</div>{described}</div></div></div></div></div></div>"
    )


def _updated(printed: str) -> str:
    return f'<div class="_2pin"><div>{printed}</div><div></div><div></div></div>'


def _section(title: str, cells: str, printed: str) -> str:
    """An entry of the layout in use since 2024: a section, its heading an h2, its date in a footer."""
    return (
        f'<section class="_a6-g" aria-labelledby="u_1"><h2 class="_2ph_ _a6-h _a6-i" id="u_1">{_escaped(title)}</h2>'
        f'<div class="_2ph_ _a6-p"><div>{cells}</div></div><footer class="_3-94 _a6-o">'
        f'<a target="_blank" href="https://www.facebook.com/dyi/l/?l=AbC"><div class="_a72d">{printed}</div></a>'
        "</footer></section>"
    )


def _box_2022(title: str, cells: str, printed: str) -> str:
    """An entry of the 2022 to 2023 layout: a white box, its heading a div."""
    return (
        f'<div class="pam _3-95 _2ph- _a6-g uiBoxWhite noborder"><div class="_3-95 _2pim _a6-h _a6-i">'
        f'{_escaped(title)}</div><div class="_3-95 _a6-p"><div>{cells}</div></div>'
        f'<div class="_3-94 _a6-o">{printed}</div></div>'
    )


def _box_2018(title: str, cells: str, printed: str) -> str:
    """An entry of the 2018 to 2022 layout."""
    return (
        f'<div class="pam _3-95 _2pi0 _2lej uiBoxWhite noborder"><div class="_3-96 _2pio _2lek _2lel">'
        f'{_escaped(title)}</div><div class="_3-96 _2let"><div>{cells}</div></div>'
        f'<div class="_3-94 _2lem">{printed}</div></div>'
    )


def _page(title: str, entries: str, *, layout: str = "2024") -> str:
    if layout == "2018":
        body = (
            '<body class="_5vb_ _2yq _4yic"><div class="clearfix _ikh"><div class="_4bl9"><div class="_li">'
            f'<div class="_3a_u"><div class="_3-8y _3-95 _3b0b"><div class="_3b0c"><div class="_3b0d">{title}</div>'
            f'</div></div><div class="_4t5n" role="main">{entries}</div></div></div></div></div></body></html>'
        )
    else:
        body = (
            '<body class="_5vb_ _2yq _a7o5"><div class="_li"><div class="_a705"><header class="_as-_ _a70a">'
            f'<div class="_a70d"><h1>{title}</h1></div></header><main class="_a706" role="main">{entries}</main>'
            "</div></div></body></html>"
        )
    return HEAD.format(title=title) + body


def _same(threads: tuple[Thread, ...]) -> list[Any]:
    """What a reading of the export says, to compare the two forms: titles, dates, posts and their blocks."""
    return [
        (
            thread.title,
            thread.source_format,
            thread.published,
            [(p.id, p.kind, p.author, p.date, p.parent, [(b.kind, b.text) for b in p.blocks]) for p in thread.posts],
        )
        for thread in threads
    ]


# The same posts, as the export's JSON writes them (newest first; text double-encoded is the JSON reader's
# business, tested with it: here it is plain).
POSTS_JSON = [
    {
        "timestamp": _stamp("2024-01-02 10:06:40"),
        "data": [{"post": "Café con leche en Málaga.\n\n¿Quién se apunta mañana?"}, {"update_timestamp": 1}],
        "title": "Ana Gómez updated her status.",
    },
    {
        "timestamp": _stamp("2024-01-01 09:06:40"),
        "data": [{"post": "Mirad esto"}],
        "attachments": [{"data": [{"external_context": {"url": "https://periodico.example/noticia"}}]}],
        "title": "Ana Gómez shared a link.",
    },
    {
        "timestamp": _stamp("2023-12-31 05:20:00"),
        "attachments": [{"data": [{"media": {"uri": "posts/media/Album_1/1.jpg", "description": "El faro, al alba"}}]}],
        "title": "Ana Gómez added a new photo.",
    },
    {
        "timestamp": _stamp("2023-12-30 08:00:00"),
        "attachments": [{"data": [{"media": {"uri": "posts/media/Album_1/2.jpg"}}]}],
        "title": "Ana Gómez added a new photo.",
    },
]
# Each post's cells, and its date as each layout prints it.
POST_CELLS = [
    _words("Café con leche en Málaga.\n\n¿Quién se apunta mañana?") + _updated("Updated Jan 02, 2024 11:30:02 am"),
    _words("Mirad esto") + _link("https://periodico.example/noticia"),
    _photo("Vacaciones", "El faro, al alba"),  # the album's name beside the photo is no caption
    _photo("Vacaciones"),  # a photo alone: left out, as the JSON reader leaves it out
]
TO_THE_SECOND = [
    "Jan 02, 2024 10:06:40 am",
    "Jan 01, 2024 9:06:40 am",
    "Dec 31, 2023 5:20:00 am",
    "Dec 30, 2023 8:00:00 am",
]
PRINTED = {
    "2024": TO_THE_SECOND,
    "2022": TO_THE_SECOND,
    "2018": ["Jan 2, 2024, 10:06 AM", "Jan 1, 2024, 9:06 AM", "Dec 31, 2023, 5:20 AM", "Dec 30, 2023, 8:00 AM"],
}
BOX = {"2024": _section, "2022": _box_2022, "2018": _box_2018}


def _posts_page(layout: str) -> str:
    entries = "".join(
        BOX[layout](str(json_post["title"]), cells, printed)
        for json_post, cells, printed in zip(POSTS_JSON, POST_CELLS, PRINTED[layout], strict=True)
    )
    return _page("Your posts", entries, layout=layout)


@pytest.mark.parametrize("layout", ["2024", "2022", "2018"])
def test_a_page_of_posts_reads_as_the_json_of_the_same_posts(layout: str) -> None:
    page = _posts_page(layout)
    assert sniff_format(page) == "facebook"
    read = thread_from_bytes(page.encode("utf-8"), "your_posts_1.html")
    expected = parse_threads(json.dumps(POSTS_JSON))
    assert _same(read.threads) == _same(expected.threads)
    assert read.warnings == expected.warnings
    # The "Updated" line and the album's name are no words of the post; the caption is.
    assert [[b.text for b in t.posts[0].blocks] for t in read.threads] == [
        ["Café con leche en Málaga.", "¿Quién se apunta mañana?"],
        ["Mirad esto", "https://periodico.example/noticia"],
        ["El faro, al alba"],
    ]


def test_a_posts_update_line_in_another_language_is_left_out() -> None:
    # French export: the date and the "Updated" line are printed in French.
    entry = _section(
        "Ana Gómez a mis à jour son statut.",
        _words("Bonjour à tous") + _updated("Mis à jour le 5 janv. 2024, 16:40"),
        "5 janv. 2024, 16:12",
    )
    [thread] = parse_threads(_page("Vos publications", entry)).threads
    assert [b.text for b in thread.posts[0].blocks] == ["Bonjour à tous"]
    assert thread.published == datetime(2024, 1, 5, 16, 12)


def test_a_page_of_comments_reads_as_the_json_of_the_same_comments() -> None:
    # comments.html in the 2022 layout: the writer is named only in the template titles.
    comments = [
        ("Ana Gómez commented on Luis Pérez's post.", _words("¡Qué envidia!"), "Jan 02, 2024 12:53:20 pm"),
        ("Ana Gómez replied to Luis's comment.", _photo(""), "Dec 31, 2023 5:28:20 am"),  # a sticker: left out
        ("Ana Gómez commented on Marta's photo.", _words("Enhorabuena"), "Dec 31, 2023 5:20:00 am"),
    ]
    page = _page("Comments", "".join(_box_2022(*comment) for comment in comments), layout="2022")
    read = thread_from_bytes(page.encode("utf-8"), "comments.html")

    def entry(when: str, text: str) -> dict[str, Any]:
        said = {"timestamp": _stamp(when), "comment": text, "author": "Ana Gómez"}
        return {"timestamp": _stamp(when), "data": [{"comment": said}], "title": "Ana Gómez commented."}

    expected = parse_threads(
        json.dumps(
            {
                "comments_v2": [
                    entry("2024-01-02 12:53:20", "¡Qué envidia!"),
                    entry("2023-12-31 05:28:20", ""),
                    entry("2023-12-31 05:20:00", "Enhorabuena"),
                ]
            }
        )
    )
    assert _same(read.threads) == _same(expected.threads)
    assert read.warnings == expected.warnings
    assert [p.author for p in read.threads[0].posts[1:]] == ["Ana Gómez", "Ana Gómez"]


def test_a_writer_with_a_particle_in_the_name_is_named_whole() -> None:
    entries = "".join(
        _section(title, _words(text), "Jan 02, 2024 12:53:20 pm")
        for title, text in [("Luis de la Vega commented on Ana's post.", "Genial"), ("Luis de la Vega replied.", "Sí")]
    )
    [thread] = thread_from_bytes(_page("Comments", entries).encode(), "your_comments_in_groups.html").threads
    assert {p.author for p in thread.posts[1:]} == {"Luis de la Vega"}


# A conversation, newest first: (sender, words or None for a photo, printed date in each layout).
MESSAGES = [
    ("Luis Pérez", "¡Hasta mañana!", "2024-01-05 16:13:05"),
    ("Ana Gómez", None, "2024-01-05 16:12:40"),
    ("Ana Gómez", "¿Vienes al café?\nA las diez", "2024-01-05 16:12:10"),
    ("Luis Pérez", "Hola <b>Ana</b> & co", "2024-01-05 16:12:02"),  # words that look like markup are words
]


def _message_2018(sender: str, text: str | None, printed: str) -> str:
    said = f"<div>{_escaped(text)}</div>" if text else "<div></div>"
    photo = "" if text else '<div><a href="messages/inbox/luis_1/photos/1.jpg"><img src="x.jpg" /></a></div>'
    reaction = '<div><ul class="_tqp"><li>👍Ana Gómez</li></ul></div>' if text and "Hasta" in text else "<div></div>"
    return (
        f'<div class="pam _3-95 _2pi0 _2lej uiBoxWhite noborder"><div class="_3-96 _2pio _2lek _2lel">{sender}</div>'
        f'<div class="_3-96 _2let"><div><div></div>{said}{photo}{reaction}</div></div>'
        f'<div class="_3-94 _2lem">{printed}</div></div>'
    )


def _message_2024(sender: str, text: str | None, printed: str) -> str:
    said = f"<div>{_escaped(text)}</div>" if text else ""
    photo = "" if text else '<div><a target="_blank" href="photos/1.jpg"><img src="photos/1.jpg" /></a></div>'
    reaction = '<div><ul class="_a6-q"><li><span>👍 Ana Gómez</span></li></ul></div>' if text else ""
    return (
        f'<div class="_a6-g"><div class="_2ph_ _a6-h _a6-i">{sender}</div><div class="_2ph_ _a6-p"><div>'
        f'{said}{photo}{reaction}</div></div><div class="_3-94 _a6-o"><div class="_a72d">{printed}</div></div></div>'
    )


@pytest.mark.parametrize(
    ("layout", "printed", "name"),
    [
        # The 2018 layout in French, named as the export names it.
        ("2018", lambda when: f"{when.day} janv. {when.year}, {when:%H:%M}", "message_1.html"),
        # Today's, in English, to the second; a file renamed: its entries say it is a conversation.
        (
            "2024",
            lambda when: f"{when:%b %d, %Y} {when.hour % 12 or 12}:{when:%M:%S} {'pm' if when.hour >= 12 else 'am'}",
            "luis.html",
        ),
    ],
)
def test_a_conversation_reads_as_the_json_of_the_same_conversation(layout: str, printed: Any, name: str) -> None:
    build = _message_2018 if layout == "2018" else _message_2024
    entries = "".join(build(s, t, printed(datetime.fromisoformat(w))) for s, t, w in MESSAGES)
    page = _page("Luis Pérez", entries, layout=layout)
    read = thread_from_bytes(page.encode("utf-8"), f"messages/inbox/luisperez_1/{name}")
    expected = parse_threads(
        json.dumps(
            {
                "participants": [{"name": "Ana Gómez"}, {"name": "Luis Pérez"}],
                "messages": [
                    {"sender_name": s, "timestamp_ms": _stamp(w) * 1000, **({"content": t} if t else {})}
                    for s, t, w in MESSAGES
                ],
                "title": "Luis Pérez",
            }
        )
    )
    assert _same(read.threads) == _same(expected.threads)
    assert read.warnings == expected.warnings
    # Within one minute, in time order; a reaction is nobody's words; markup-like words stay words.
    assert [(p.author, [b.text for b in p.blocks]) for p in read.threads[0].posts[1:]] == [
        ("Luis Pérez", ["Hola <b>Ana</b> & co"]),
        ("Ana Gómez", ["¿Vienes al café? A las diez"]),
        ("Luis Pérez", ["¡Hasta mañana!"]),
    ]


def test_format_facebook_reads_the_html_form_too() -> None:
    page = _posts_page("2024").encode("utf-8")
    assert _same(thread_from_bytes(page, "posts.htm", "facebook").threads) == _same(
        thread_from_bytes(page, "posts.htm").threads
    )
    assert parse_threads(page.decode(), "facebook").threads[0].source_format == "facebook"


NEWS = (
    '<!DOCTYPE html><html lang="en"><head><meta charset="utf-8"><title>How to leave Facebook</title></head><body>'
    '<main role="main"><article><h1>How to leave Facebook</h1><p>Open Facebook\'s "Download your information" '
    'page, choose HTML, and keep the file your_posts_1.html.</p><div class="uiBoxWhite">Share on '
    '<a href="https://www.facebook.com/sharer">Facebook</a></div><time class="date">Jan 05, 2021</time>'
    "</article></main></body></html>"
)


@pytest.mark.parametrize(
    ("page", "format_"),
    [
        (_posts_page("2018"), "facebook"),
        (_page("Your posts", "", layout="2024"), "facebook"),  # an empty page of the export is still one
        (NEWS, "html"),  # a news page about the export, with a share button: an ordinary page
    ],
)
def test_sniffing_tells_an_export_page_from_a_page_about_facebook(page: str, format_: str) -> None:
    assert sniff_format(page) == format_
    assert looks_like_facebook_page(page.encode()) == (format_ == "facebook")


@pytest.mark.parametrize(
    ("page", "message"),
    [
        # The export's page without entries (a file of nothing): said so in one line.
        (_page("Your posts", "", layout="2018"), "holds no entry of Facebook's export"),
        # Entries of photos only: the same sentence as the JSON form's.
        (_page("Your posts", _section("Ana added a photo.", _photo("A"), "Jan 02, 2024 10:06:40 am")), "no words"),
    ],
)
def test_an_export_page_without_words_is_refused_in_one_line(page: str, message: str) -> None:
    with pytest.raises(InputError, match=message) as raised:
        thread_from_bytes(page.encode(), "your_posts_1.html")
    assert raised.value.message.startswith("your_posts_1.html: ")
    assert "\n" not in raised.value.message


@pytest.mark.parametrize(
    ("page", "name", "said", "author"),
    [
        # One message: only the export's file name says it is a conversation (its sender is no sentence).
        (_page("Luis", _message_2024("Luis", "Hola", "Jan 05, 2024 4:13:05 pm")), "message_1.html",
         "a Messenger conversation", "Luis"),
        # A group's posts and comments file lists posts, though its name says comments too.
        (_page("Group", _section("Ana posted in Cocina.", _words("Hola"), "Jan 05, 2024 4:13:05 pm")),
         "group_posts_and_comments.html", "of your posts", None),
        # No file name (text given to the reader): the page's title says comments, in the export's language.
        (_page("Comentarios", _section("Ana comentó.", _words("Hola"), "Jan 05, 2024 4:13:05 pm")), None,
         "of your comments", "Ana"),
    ],
)  # fmt: skip
def test_which_file_a_page_is(page: str, name: str | None, said: str, author: str | None) -> None:
    reading = thread_from_bytes(page.encode(), name) if name else parse_threads(page)
    [thread] = reading.threads
    assert said in reading.warnings[0]
    assert thread.posts[-1].author == author
