"""A page's bytes: recognised as a web page, decoded by BOM, declared charset (anywhere in head), or detection."""

from __future__ import annotations

import codecs
import time

import pytest

from translator.readers.html_bytes import codec_for, declared_charset, decode_page, looks_like_html, without_preamble

WORDS = "Élan, déjà-vu, naïve café."
LONG_HEAD = "".join(f'<link rel="preload" href="/assets/font-{n}.woff2" as="font">' for n in range(60))


def page(head: str = "", body: str = WORDS) -> str:
    return f"<!DOCTYPE html><html><head>{head}<title>t</title></head><body><p>{body}</p></body></html>"


@pytest.mark.parametrize(
    ("data", "encoding", "warning"),
    [
        (page().encode(), "utf-8", None),  # undeclared UTF-8
        (codecs.BOM_UTF8 + page('<meta charset="iso-8859-1">').encode(), "utf-8", None),  # the BOM wins over meta
        (codecs.BOM_UTF16_LE + page().encode("utf-16-le"), "utf-16", None),  # UTF-16 with its BOM
        (page(LONG_HEAD + '<meta charset="windows-1252">').encode("cp1252"), "cp1252", None),  # declared after 4 KB
        (
            page('<meta http-equiv="content-type" content="text/html; charset=ISO-8859-1">').encode("cp1252"),
            "cp1252",
            None,
        ),
        (page("<meta charset='latin1'>").encode("latin-1"), "cp1252", None),  # latin1 is windows-1252 to browsers
        (page('<meta charset="iso-8859-1">').encode("utf-8"), "utf-8", "declares cp1252 but is UTF-8"),  # lying meta
        (page('<meta charset="utf-8">').encode() + b"\xff", "utf-8", "at byte"),  # one stray byte: replaced in place
        (page('<meta charset="utf-16">').encode(), "utf-8", None),  # utf-16 declared in ASCII bytes means UTF-8
        (page('<meta charset="no-such-charset">').encode(), "utf-8", None),  # an unknown label is ignored
        (('<?xml version="1.0" encoding="ISO-8859-15"?>' + page()).encode("iso-8859-15"), "iso8859-15", None),
    ],
)
def test_decode_page(data: bytes, encoding: str, warning: str | None) -> None:
    text, used, warnings = decode_page(data, "p.html")
    assert used == encoding
    assert WORDS in text
    assert any(warning in message for message in warnings) if warning else warnings == []


def test_undeclared_legacy_page_is_detected_with_a_warning() -> None:
    words = "Съешь же ещё этих мягких французских булок, да выпей же чаю."
    text, used, warnings = decode_page(page(LONG_HEAD, words).encode("cp1251"), "p.html")
    assert (used, words in text) == ("cp1251", True)
    assert any("declares no charset" in message for message in warnings)


def test_declared_charset_is_searched_up_to_the_end_of_head_only() -> None:
    late = page(LONG_HEAD * 3 + '<meta charset="koi8-r">').encode()
    in_body = b"<html><head><title>t</title></head><body><meta charset='koi8-r'></body></html>"
    assert (declared_charset(late), declared_charset(in_body)) == ("koi8-r", None)


@pytest.mark.parametrize(
    ("label", "codec"),
    [
        ("UTF-8", "utf-8"),  # case does not matter
        ("windows-1251", "cp1251"),  # Windows Cyrillic
        ("gb2312", "gb18030"),  # browsers read GB2312 as its superset
        ("x-sjis", "shift_jis"),  # an old alias
        ("made-up", None),  # unknown
    ],
)
def test_codec_for(label: str, codec: str | None) -> None:
    assert codec_for(label) == codec


@pytest.mark.parametrize(
    ("data", "expected"),
    [
        (b"<!DOCTYPE html><html>", True),  # doctype
        (b"\n\n  <HTML lang=en>", True),  # upper case, leading blank lines
        (b"<!-- saved from url=(0022)http://example.org/ -->\r\n<html>", True),  # browser's "save as" mark
        (codecs.BOM_UTF16_LE + "<!doctype html>".encode("utf-16-le"), True),  # UTF-16 page
        (b'<?xml version="1.0"?>\n<!DOCTYPE html PUBLIC "-//W3C//DTD XHTML 1.0 Strict//EN" "">', True),  # XHTML
        (b'<?xml version="1.0"?><feed xmlns="http://www.w3.org/2005/Atom">', False),  # a feed
        (b"Avatar de Bob\nLe 01/01/2025", False),  # a forum text dump
        (b'{"html": "<html>"}', False),  # JSON
        # A server's warning printed above the whole page.
        (b"<br />\n<b>Warning</b>: mysql_connect() failed\n<!DOCTYPE html>\n<html><p>x</p></html>\n", True),
        (codecs.BOM_UTF8 + b"<!DOCTYPE html>\n<html>", True),  # a UTF-8 byte order mark first
        # A theme's style block before the doctype, a comment after the end.
        (b"<style>p{}</style><!DOCTYPE html>\n<html><p>x</p></html>\n<!-- the end -->\n", True),
        # Markdown that shows a page's first line but is no page.
        (b"# Pages\n\nA page begins with\n<!DOCTYPE html>\nand goes on.\n", False),
        # A page whose start a crawler cut into (`<!DOCTYPE htm` and then a box; a script first): it still ends
        # closing its body and itself.
        (b'<!DOCTYPE htm\n  <div id="header"><p>x</p></div>\n</body>\n</html>\n', True),
        (b"<script>var bandwidth = 1;</script>\n<div><p>x</p></div>\n</BODY>\n</HTML>", True),
        # A page as a web corpus keeps it, wrapped in an element of its own (CleanEval's `<text id="URL">`).
        (b'<text id="http://example.org/a">\n<!DOCTYPE html>\n<html><body><p>x</p></body></html>\n</text>\n', True),
        # A corpus's copy of a page without its start or end: its markup opens it and fills it.
        (b'<text id="http://example.org/b">\n<div class="head">' + b'<div><a href="/x">x</a></div>' * 20, True),
        (b'<div class="head">' + b'<div><a href="/x">x</a></div>' * 20 + b"\n<p>Cut off here", True),
        (b'<text id="http://example.org/c" encoding="unset">\n<pre>\nA story set as plain text.\n</pre>', True),
        (b"<p>Hello</p>\n<p>A note kept as written.</p>", False),  # a snippet saved as text
        # An export whose messages hold markup (`<p>`s in CDATA) is XML, however many tags.
        (
            b'<?xml version="1.0"?><disqus>'
            + b"<post><message><![CDATA[<p>Hi <a href='/x'>x</a></p>]]></message></post>" * 30
            + b"</disqus>",
            False,
        ),
        # Notes that end with a page's last tag, but not a body's and a page's: no page.
        (b"Notes on markup\nA page ends with\n</html>\n", False),
    ],
)
def test_looks_like_html(data: bytes, expected: bool) -> None:
    assert looks_like_html(data) is expected


# A WordPress page whose post and comments came out of a database through a Latin-1 connection: the theme's
# own words are right, the stored text is double-encoded ("Ã©", "â€™").
DOUBLE_ENCODED_PAGE = """<!DOCTYPE html><html lang="fr"><head><meta charset="utf-8">
<title>{title} – Le Blog</title></head><body><article><h1 class="entry-title">{title}</h1>
<div class="entry-content"><p>{body}</p><p>Une deuxième phrase, assez longue pour être un paragraphe.</p></div>
</article><div id="comments"><h2>Réponses</h2><ol class="comment-list">
<li id="comment-7" class="comment"><article class="comment-body"><footer class="comment-meta">
<b class="fn">{author}</b> <time datetime="2024-03-02T10:00:00+00:00">2 mars 2024</time></footer>
<div class="comment-content"><p>{comment}</p></div></article></li></ol></div></body></html>"""


def _page(garble: bool, **texts: str) -> bytes:
    fields = {key: value.encode("utf-8").decode("cp1252") if garble else value for key, value in texts.items()}
    return DOUBLE_ENCODED_PAGE.format(**fields).encode("utf-8")


TEXTS = {
    "title": "L’été à Paris",
    "body": "Le musée a réouvert après les travaux, et la foule était là dès l’aube.",
    "author": "Hélène",
    "comment": "Très belle journée, merci !",
}


def test_a_double_encoded_page_is_repaired_with_a_warning() -> None:
    from translator.readers.html import read_html_file

    repaired = read_html_file(_page(True, **TEXTS), "p.html")
    correct = read_html_file(_page(False, **TEXTS), "p.html")
    assert repaired.threads == correct.threads  # the same thread as the page saved right
    assert correct.warnings == ()
    [warning] = [w for w in repaired.warnings if "double-encoded" in w]
    assert warning.startswith("p.html was double-encoded (UTF-8 read as Latin-1 and saved again): ")
    assert warning.endswith("('Ã©' -> 'é')") or warning.endswith("('â€™' -> '’')")


def test_a_correct_page_quoting_mojibake_is_not_changed() -> None:
    # An article about encodings showing one garbled word: fewer signs than a page double-encoded shows.
    from translator.readers.html import read_html_file

    texts = {**TEXTS, "body": "Un logiciel mal réglé écrit « Ã©tÃ© » au lieu du mot attendu, puis continue."}
    read = read_html_file(_page(False, **texts), "p.html")
    assert "Ã©tÃ©" in " ".join(b.text for b in read.threads[0].posts[0].blocks)
    assert read.warnings == ("p.html looks double-encoded (found 'Ã©'): it was probably UTF-8 read as Latin-1 "
                             "and saved again",)  # fmt: skip


def test_a_file_opening_with_many_comments_is_sniffed_in_linear_time() -> None:
    # A WordPress export opens with 16 comments: matched lazily, each could run on into the next, and saying
    # the file is no page took seconds (2^n ways); a page after such comments is still a page.
    notice = b"".join(b"<!-- Line %d of a notice - one -- of many. -->\n" % line for line in range(24))
    started = time.perf_counter()
    assert not looks_like_html(b'<?xml version="1.0"?>\n' + notice + b'<rss version="2.0"><channel/></rss>')
    assert looks_like_html(notice + b"<!DOCTYPE html><html><body>Hallo</body></html>")
    # So with comments after a page's end, and then what no page ends with.
    assert not looks_like_html(b"Warnung\n<html><body>Hallo</body></html>\n" + notice + b"}")
    assert time.perf_counter() - started < 5  # a generous bound: this is a check of shape, not a benchmark


@pytest.mark.parametrize(
    "garbled", ["\u00ef\u00bb\u00bf", "\u00c3\u00af\u00c2\u00bb\u00c2\u00bf", "\ufeff\u00ef\u00bb\u00bf"]
)
def test_a_byte_order_mark_read_as_latin_1_is_no_text_of_the_page(garbled: str) -> None:
    # "ï»¿" before `<html>` would start the body: the page's head, its title with it, would be read as text.
    page = "<html>\n<head><title>Slow start in Ottawa</title></head><body><p>The home side lost.</p></body></html>"
    assert without_preamble(garbled + page) == page
    from translator.readers.html import read_html

    thread = read_html(garbled + page, "page.html").threads[0]
    assert thread.title == "Slow start in Ottawa"
    assert [block.text for block in thread.posts[0].blocks] == ["Slow start in Ottawa", "The home side lost."]


def test_a_page_a_corpus_wrapped_is_read_without_the_wrapper() -> None:
    from translator.readers.html import read_html_file

    page = (
        '<text id="http://example.org/ferry">\n<!DOCTYPE html>\n<html><head><title>Ferry fares rise</title></head>'
        "<body><h1>Ferry fares rise</h1><p>The island's ferry will cost more from May, the operator said on Monday."
        "</p></body></html>\n\n</text>\n"
    )
    thread = read_html_file(page.encode("utf-8"), "page.html").threads[0]
    assert thread.title == "Ferry fares rise"
    assert [block.text for block in thread.posts[0].blocks] == [
        "Ferry fares rise",
        "The island's ferry will cost more from May, the operator said on Monday.",
    ]


def test_a_corpus_page_without_its_head_takes_the_title_its_wrapper_states() -> None:
    from translator.readers.html import read_html_file

    story = "<div class='post'><p>The island's ferry will cost more from May, the operator said on Monday.</p></div>"
    wrapped = f'<text id="http://example.org/ferry" title="Ferry fares rise &amp; fall" encoding="utf-8">\n{story}'
    assert read_html_file(wrapped.encode("utf-8"), "page.html").threads[0].title == "Ferry fares rise & fall"
    # The page's own title, where it kept one, stands.
    headed = wrapped.replace("\n", "\n<html><head><title>Fares rise</title></head><body>") + "</body></html>"
    assert read_html_file(headed.encode("utf-8"), "page.html").threads[0].title == "Fares rise"
