"""A saved web page as bytes: recognising one, and decoding it with the charset it declares or shows.

Order, as browsers do it: a byte-order mark; then a charset declared in `<head>` (`<meta charset>`,
`<meta http-equiv="Content-Type">`, anywhere before `</head>`, not only in the first KB; or an XML
declaration); then detection (charset-normalizer). Labels are read the way browsers read them:
`iso-8859-1` and `ascii` mean windows-1252, `gb2312` means GB18030. A page that declares a legacy
charset but is valid UTF-8 holding non-ASCII text is UTF-8: the server said so in a header the saved
file lost, and legacy text is almost never valid UTF-8 by accident.
"""

from __future__ import annotations

import codecs
import re

from translator.errors import InputError

__all__ = ["decode_page", "looks_like_html", "looks_like_html_text"]

SNIFF_BYTES = 4096
CORPUS_WRAPPER = r"<text\s+id\s*=\s*[\"'][^>]{0,2000}>"
"""What a web corpus wraps each page it keeps in (CleanEval's `<text id="URL" title="...">`): no part of it."""
LEADING_WRAPPER = re.compile(rf"\A\s*{CORPUS_WRAPPER}")
# What a page starts with: optional XML declaration and comments (`<!-- saved from url=... -->`), then
# a doctype or one of the elements only HTML starts with. A comment's text never runs past its `-->`: a lazy
# `.*?` could join each comment to the next, 2^n ways to try before failing (a WordPress export opens with
# 16 comments: 5 s to say it is no page).
PAGE_START = re.compile(
    rf"\A\s*(?:{CORPUS_WRAPPER}\s*)?(?:<\?xml[^>]*>\s*)?(?:<!--(?:[^-]|-(?!->))*-->\s*)*"
    r"(?:<!doctype\s+html|<html[\s>]|<head[\s>]|<body[\s>]|<meta[\s>]|<title[\s>])",
    re.IGNORECASE | re.DOTALL,
)
LINE_PAGE_START = re.compile(r"<!doctype\s+html|^[ \t]*<html[\s>]", re.IGNORECASE | re.MULTILINE)
"""A doctype, or an `<html>` that starts a line, below what a server or a theme printed first."""
PAGE_END = re.compile(r"</html\s*>(?:\s|<!--(?:[^-]|-(?!->))*-->|</[a-z]+\s*>)*\Z", re.IGNORECASE)
"""How a whole page ends (comments after it allowed: "<!-- The End -->"; and the end of what a corpus wraps each
page in: `<text id="URL">` ... `</text>`)."""
BODY_AND_PAGE_END = re.compile(r"</body\s*>\s*" + PAGE_END.pattern, re.IGNORECASE)
"""How a page ends that closes its body too: a page still, when its start is damaged (a crawler or a saving
tool cut into its head: `<!DOCTYPE htm` and then a `<div>`, a `<script>` first, a garbled byte-order mark)."""
PREAMBLE_BYTES = 65536
"""How far down a page ending like one may begin, below a server's warnings or a theme's stray style block."""
FRAGMENT_START = re.compile(
    rf"\A\s*(?:{CORPUS_WRAPPER}\s*)?(?:<!--(?:[^-]|-(?!->))*-->\s*)*"
    r"<(?:div|table|tr|td|script|style|link|meta|noscript|map|center|font|form|span|p|a|img|ul|ol|h[1-6]|b|i|em"
    r"|strong|big|small|br|hr|pre|iframe|nav|header|section|article|main)[\s>/]",
    re.IGNORECASE,
)
"""How a page without its start opens (a corpus's copy, `<text id="URL">` around it, or a save cut at its head):
an HTML element's tag, after comments; never XML's declaration nor another root (a feed, a Disqus export)."""
PAGE_TAG = re.compile(
    r"<(?:div|table|td|tr|script|span|li|ul|form|img|br|a|p|link|meta|style|noscript|iframe|input|h[1-6])[\s>/]",
    re.IGNORECASE,
)
MIN_FRAGMENT_TAGS = 40
"""A page's worth of markup at its start: fewer tags is a note or a snippet saved as text (`<p>Hello</p>`), read
as written."""
GARBLED_BOMS = re.compile(r"\A\ufeff?(?:\u00ef\u00bb\u00bf|\u00c3\u00af\u00c2\u00bb\u00c2\u00bf)+")
"""A UTF-8 byte-order mark read as Latin-1 and saved so ("ï»¿"), maybe twice ("Ã¯Â»Â¿"): no text of the page."""
HEAD_END = re.compile(rb"</head\s*>|<body[\s>]", re.IGNORECASE)
META_TAG = re.compile(rb"<meta\s[^>]*>", re.IGNORECASE)
CHARSET_ATTRIBUTE = re.compile(rb"""charset\s*=\s*["']?\s*([-\w.:]+)""", re.IGNORECASE)
XML_ENCODING = re.compile(rb"""\A(?:\xef\xbb\xbf)?\s*<\?xml[^>]*encoding\s*=\s*["']([-\w.:]+)""", re.IGNORECASE)
SCRIPT_OR_STYLE = re.compile(rb"<(script|style)\b.*?</\1\s*>", re.IGNORECASE | re.DOTALL)
TAG = re.compile(rb"<[^>]*>")
SPACES = re.compile(rb"\s+")
HEAD_SCAN_LIMIT = 1024 * 1024
"""Where no `</head>` ends the head, this much of the file is searched for a declaration."""

# Labels browsers read differently from Python's codec of the same name (WHATWG Encoding Standard).
BROWSER_LABELS = {
    "iso-8859-1": "cp1252",
    "iso8859-1": "cp1252",
    "latin1": "cp1252",
    "latin-1": "cp1252",
    "l1": "cp1252",
    "ascii": "cp1252",
    "us-ascii": "cp1252",
    "iso-8859-9": "cp1254",
    "iso-8859-11": "cp874",
    "tis-620": "cp874",
    "gb2312": "gb18030",
    "gbk": "gb18030",
    "x-gbk": "gb18030",
    "ks_c_5601-1987": "cp949",
    "euc-kr": "cp949",
    "x-sjis": "shift_jis",
    "x-mac-roman": "mac_roman",
}
MAX_REPLACED_FRACTION = 0.001
"""Declared UTF-8 with more invalid bytes than this is not UTF-8 at all: it is detected instead."""


def looks_like_html_text(text: str) -> bool:
    """Whether decoded text starts the way a web page does (doctype, `<html>`, `<head>`...), or is a whole page
    after a few lines a server printed before it (a PHP warning above the doctype)."""
    head = text[:SNIFF_BYTES].lstrip("\ufeff")
    if PAGE_START.match(head) is not None:
        return True
    return _ends_like_page(text[-SNIFF_BYTES:], text[:PREAMBLE_BYTES]) or _page_fragment(text[:PREAMBLE_BYTES])


def _ends_like_page(tail: str, start: str) -> bool:
    """Whether text that does not start like a page is one all the same: it ends like one, and it has a page's
    start below what a server printed first, or it closes its body at the end."""
    return PAGE_END.search(tail) is not None and (
        LINE_PAGE_START.search(start) is not None or BODY_AND_PAGE_END.search(tail) is not None
    )


def _page_fragment(start: str) -> bool:
    """Whether text is a page without its start: it opens with an HTML element, and its start holds a page's
    worth of markup, or a corpus's wrapper says it is one."""
    if FRAGMENT_START.match(start) is None:
        return False
    return LEADING_WRAPPER.match(start) is not None or len(PAGE_TAG.findall(start)) >= MIN_FRAGMENT_TAGS


WRAPPER_TITLE = re.compile(r"""\stitle\s*=\s*(?:"([^"]*)"|'([^']*)')""")
TITLE_TAG = re.compile(r"<title[\s>]", re.IGNORECASE)


def _titled(page: str, wrapper: str) -> str:
    """A corpus's page given the title its wrapper states (`<text id="URL" title="...">`), where the page has
    none: the corpus kept the page without its head."""
    found = WRAPPER_TITLE.search(wrapper)
    title = (found[1] if found[1] is not None else found[2]) if found else None
    if not title or not title.strip() or TITLE_TAG.search(page[:PREAMBLE_BYTES]):
        return page
    return f"<title>{title.replace('<', '&lt;')}</title>\n{page}"


def without_preamble(text: str) -> str:
    """A page without the lines a server printed above its doctype or `<html>` (a PHP warning), nor a garbled
    byte-order mark, nor a corpus's wrapper (whose title it takes where it has none): a parser would put them,
    and the page's head with them, into its body."""
    text = GARBLED_BOMS.sub("", text, count=1)
    if (wrapper := LEADING_WRAPPER.match(text)) is not None:
        text = _titled(text[wrapper.end() :], wrapper[0])
    if PAGE_START.match(text[:SNIFF_BYTES].lstrip("\ufeff")) is not None:
        return text
    start = LINE_PAGE_START.search(text[:PREAMBLE_BYTES])
    return text[start.start() :] if start is not None and PAGE_END.search(text[-SNIFF_BYTES:]) else text


def looks_like_html(data: bytes) -> bool:
    """Whether a file's bytes start the way a web page does, in any ASCII-compatible or UTF-16 encoding."""
    head = data[:SNIFF_BYTES]
    if head.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        return looks_like_html_text(head.decode("utf-16", errors="replace"))
    if looks_like_html_text(head.removeprefix(codecs.BOM_UTF8).decode("latin-1")):
        return True
    start = data[:PREAMBLE_BYTES].decode("latin-1")
    return _ends_like_page(data[-SNIFF_BYTES:].decode("latin-1"), start) or _page_fragment(start)


def declared_charset(data: bytes) -> str | None:
    """The charset a page declares in its head (meta tags) or XML declaration, as a Python codec name."""
    end = HEAD_END.search(data, 0, HEAD_SCAN_LIMIT)
    head = data[: end.start() if end else HEAD_SCAN_LIMIT]
    labels = [match[1] for tag in META_TAG.finditer(head) if (match := CHARSET_ATTRIBUTE.search(tag[0]))]
    if xml := XML_ENCODING.match(data):
        labels.append(xml[1])
    for label in labels:
        if codec := codec_for(label.decode("ascii", errors="replace")):
            return codec
    return None


def codec_for(label: str) -> str | None:
    """The Python codec a browser would use for a charset label; None for labels nobody knows."""
    label = label.strip().lower()
    if label.startswith(("utf-16", "utf16", "unicode")):
        return "utf-8"  # a page read as ASCII-compatible bytes cannot be UTF-16: browsers read it as UTF-8
    label = BROWSER_LABELS.get(label, label)
    try:
        return codecs.lookup(label).name
    except LookupError:
        return None


def decode_page(data: bytes, name: str) -> tuple[str, str, list[str]]:
    """A page's bytes to text: (text, encoding, warnings). Raises InputError for bytes that are not text."""
    for bom, codec in (
        (codecs.BOM_UTF8, "utf-8-sig"),
        (codecs.BOM_UTF16_LE, "utf-16"),
        (codecs.BOM_UTF16_BE, "utf-16"),
    ):
        if data.startswith(bom):
            return data.decode(codec, errors="replace"), codec.removesuffix("-sig"), _replaced(data, codec, name)
    declared = declared_charset(data)
    utf8 = _strict(data, "utf-8")
    if declared is not None and declared != "utf-8":
        if utf8 is not None and not data.isascii():
            return utf8, "utf-8", [f"{name} declares {declared} but is UTF-8: read it as UTF-8"]
        return data.decode(declared, errors="replace"), declared, _replaced(data, declared, name)
    if utf8 is not None:
        return utf8, "utf-8", []
    invalid = _invalid_utf8_offsets(data)
    if declared == "utf-8" and len(invalid) <= max(1, len(data) * MAX_REPLACED_FRACTION):
        return data.decode("utf-8", errors="replace"), "utf-8", [_replacement_warning(name, invalid)]
    return _detected(data, name)


def _strict(data: bytes, codec: str) -> str | None:
    try:
        return data.decode(codec)
    except UnicodeDecodeError:
        return None


def _detected(data: bytes, name: str) -> tuple[str, str, list[str]]:
    from charset_normalizer import from_bytes

    best = from_bytes(_text_bytes(data[:HEAD_SCAN_LIMIT])).best()
    if best is None:
        raise InputError(f"{name} could not be decoded as text", "save the page again from the browser")
    codec = codec_for(best.encoding) or "utf-8"
    warnings = [f"{name} declares no charset; read it as {codec} (detected): check accented letters"]
    return data.decode(codec, errors="replace"), codec, warnings + _replaced(data, codec, name)


def _text_bytes(data: bytes) -> bytes:
    """The bytes of a page's text, without its tags, scripts and styles: markup is ASCII and would drown
    the few bytes that tell one legacy charset from another."""
    text = SCRIPT_OR_STYLE.sub(b" ", data)
    text = TAG.sub(b" ", text)
    return SPACES.sub(b" ", text) or data


def _replaced(data: bytes, codec: str, name: str) -> list[str]:
    """A warning naming where bytes the codec cannot map were replaced, if any were."""
    if _strict(data, codec) is not None:
        return []
    offsets = _invalid_utf8_offsets(data) if codec.startswith("utf-8") else _invalid_offsets(data, codec)
    return [_replacement_warning(name, offsets)]


def _invalid_utf8_offsets(data: bytes) -> list[int]:
    return _invalid_offsets(data, "utf-8")


def _invalid_offsets(data: bytes, codec: str) -> list[int]:
    offsets: list[int] = []
    decoder = codecs.getincrementaldecoder(codec)()
    view = memoryview(data)
    position = 0
    while position < len(data) and len(offsets) < 100:
        try:
            decoder.decode(view[position:], final=True)
            break
        except UnicodeDecodeError as error:
            offsets.append(position + error.start)
            position += error.end
            decoder.reset()
    return offsets


def _replacement_warning(name: str, offsets: list[int]) -> str:
    shown = ", ".join(str(offset) for offset in offsets[:5]) + (", ..." if len(offsets) > 5 else "")
    return f"{name} holds bytes that are not valid in its charset (at byte {shown}); they were replaced by \ufffd"
