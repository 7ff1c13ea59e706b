"""Read a thread file of any supported format: decode it, sniff the format, hand it to its reader.

A file holds one thread (a forum page, a Reddit or Hacker News discussion, a Discourse topic) or
several (a feed: one per item; a Disqus export: one per page). `read_threads` gives them all;
`read_thread` is for callers that take one thread and refuses a file of several.

Every reader, whatever its format, answers with a `Reading`: its threads and its warnings (comments
that load by script, "more comments" stubs, deleted comments left out). `parse_threads` (decoded text)
gives that `Reading` as the reader made it; `read_threads` and `thread_from_bytes` (a file, bytes) add
what decoding noticed and give a `ThreadFile`. No level drops a warning.
"""

from __future__ import annotations

import contextlib
import gc
import importlib
import json
import re
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

from translator.errors import InputError
from translator.files import read_input_bytes
from translator.models import SOURCE_FORMATS, SourceFormat, ThreadFile
from translator.readers.common import Reading, as_dict, load_json, scrubbed, xml_root_name
from translator.readers.decoding import decode, double_encoded, repair_json_mojibake

__all__ = [
    "MAX_FILE_BYTES",
    "decode",
    "parse_threads",
    "read_thread",
    "read_thread_bytes",
    "read_threads",
    "sniff_format",
    "thread_from_bytes",
]

MAX_FILE_BYTES = 50 * 1024 * 1024
"""Larger files are refused: a thread page is a few hundred KB; 50 MB is surely not one thread."""

JSON_FORMATS: tuple[SourceFormat, ...] = (
    "json",
    "reddit",
    "hn",
    "discourse",
    "fediverse",
    "facebook",
    "bluesky",
    "youtube",
)
# The reader of each format, as `module:function` in this package: the text readers take the decoded
# text, the JSON readers the parsed document (our own JSON is read by formats.json); each gives a Reading.
TEXT_READERS: dict[str, str] = {
    "discourse": "discourse:read_discourse_raw",
    "disqus": "disqus:read_disqus",
    "facebook": "facebook_html:read_facebook_html",
    "feed": "feed:read_feed",
    "forum": "forum:read_forum",
    "html": "html:read_html",
    "text": "text:read_text",
}
JSON_READERS: dict[str, str] = {
    "reddit": "reddit:read_reddit",
    "hn": "hn:read_hn",
    "discourse": "discourse:read_discourse",
    "feed": "feed:read_json_feed",
    "disqus": "disqus:read_disqus_api",
    "fediverse": "fediverse:read_fediverse",
    "facebook": "facebook:read_facebook",
    "bluesky": "bluesky:read_bluesky",
    "youtube": "youtube:read_youtube",
}
OTHER_JSON_HINT = (
    "this reads our thread JSON and the JSON of Reddit, Hacker News, Discourse, Disqus, Mastodon, Lemmy, Bluesky "
    "(getPostThread), YouTube's Data API (commentThreads.list, videos.list), JSON Feed, the Blogger API and "
    "Facebook's export"
)
_NOT_PARSED = object()
XML_DECLARATION_START = re.compile(r"\A<\?xml[^>]*\?>")
JSON_ARRAY_START = re.compile(r"\[\s*(?:\{|\[\s*[\[{\]])")


def sniff_format(text: str) -> SourceFormat:
    """Guess the format of a decoded thread file from its content."""
    return _sniff(text)[0]


def _sniff(text: str) -> tuple[SourceFormat, Any]:
    """The format of a decoded file, with its parsed JSON when it is JSON (parsed once, not twice)."""
    stripped = text.lstrip()
    start = stripped[:1]
    if start == '"' and stripped[1:2] == "<" and stripped.rstrip().endswith('"'):
        with contextlib.suppress(InputError):  # a feed carried as one JSON string
            data = load_json(text)
            if _wrapped_xml(data) is not None:
                return "json", data
    if start == "{" or start == "[":
        try:
            data = load_json_or_lines(text)
        except InputError:
            # Broken JSON goes to the JSON reader, which says where it breaks; but `[` also starts Markdown
            # links (`[a link](...)`, `[[a wiki page]]`): only `[{` and `[[[`, `[[{` are surely JSON.
            surely_json = start == "{" or JSON_ARRAY_START.match(stripped) is not None
            return ("json", _NOT_PARSED) if surely_json else (_sniff_text(text), _NOT_PARSED)
        return _json_format(data), data
    if start == "<":
        root = xml_root_name(text)
        if root == "disqus":
            return "disqus", _NOT_PARSED
        if root in ("rss", "feed", "rdf"):
            return "feed", _NOT_PARSED
    return _sniff_text(text), _NOT_PARSED


def load_json_or_lines(text: str) -> Any:
    """Parsed JSON; or, for JSON Lines (one object a line: Reddit archive dumps), the array of its
    objects. InputError (where the JSON breaks) when it is neither."""
    try:
        return load_json(text)
    except InputError:
        items = _json_lines(text)
        if items is None:
            raise
        return items


def _json_lines(text: str) -> list[dict[str, Any]] | None:
    """The objects of JSON Lines text, one a line; None unless every line (two or more) is one."""
    if not text.lstrip().startswith("{"):
        return None
    lines = [line for line in text.splitlines() if line.strip()]
    items: list[dict[str, Any]] = []
    for line in lines if len(lines) > 1 else ():
        try:
            item = json.loads(line)
        except (ValueError, RecursionError):
            return None
        if not isinstance(item, dict):
            return None
        items.append(item)
    return items or None


XML_HINT = "give an RSS, Atom or JSON Feed, a Disqus, WordPress or Blogger export, a saved page, a forum's JSON or text"
# A PO file opens with comments and its header entry (`msgid ""`), or with an entry of its own.
PO_FILE = re.compile(
    r'\A\ufeff?\s*(?:#[^\n]*\n\s*)*(?:msgctxt\s+"[^\n]*\n\s*)?msgid\s+"[^\n]*\n(?:\s*"[^\n]*\n)*\s*msgstr'
)
NO_THREAD_HINT = "give a file holding an article or a comment thread"
REVIEW_FILE_HINT = (
    "open it with `translator review FILE`, rebuild its thread with `translator apply FILE THREAD`, "
    "or translate the thread it was made from"
)
XMLNS = re.compile(r"\s*<[A-Za-z_][\w.:-]*\s[^>]*?\bxmlns(?::\w+)?\s*=")


def _foreign_xml_root(text: str) -> str | None:
    """The root of text that is surely an XML document (it opens with an XML declaration, or its first
    element declares a namespace) and not a web page: a sitemap, an OPML list; None otherwise (a chat
    log's `<nick> hello` is text)."""
    stripped = text.lstrip("\ufeff \t\r\n")
    root = xml_root_name(stripped)
    if root is None or root in ("html", "svg"):
        return None
    start = XML_DECLARATION_START.sub("", stripped[:200], count=1)
    declared = stripped.startswith("<?xml")
    return root if declared or XMLNS.match(start) or _bare_xml(stripped, root) else None


# Elements that open HTML fragments people save as text (`<p>...</p>`, `<b>Note</b>`): no XML data.
HTML_ROOTS = frozenset({
    "a", "abbr", "article", "aside", "audio", "b", "blockquote", "body", "br", "center", "code", "dd", "del",
    "details", "div", "dl", "dt", "em", "figure", "font", "footer", "form", "h1", "h2", "h3", "h4", "h5", "h6",
    "head", "header", "hr", "html", "i", "iframe", "img", "ins", "kbd", "li", "main", "mark", "math", "nav",
    "noscript", "ol", "p", "pre", "q", "s", "script", "section", "small", "span", "strong", "style", "sub",
    "summary", "sup", "svg", "table", "tbody", "td", "template", "th", "thead", "title", "tr", "u", "ul", "video",
})  # fmt: skip


def _bare_xml(text: str, root: str) -> bool:
    """Whether text is an XML document with no declaration and no namespace (`<catalog><book>...`): it
    closes its first element last, parses as XML, and that element holds elements (a chat log's `<nick> hi`
    lines, an HTML fragment's `<p>...</p>` are no such document)."""
    if root in HTML_ROOTS or not re.search(rf"</(?:[\w.-]+:)?{re.escape(root)}\s*>\s*\Z", text[-400:], re.I):
        return False
    from lxml import etree

    parser = etree.XMLParser(resolve_entities=False, no_network=True, load_dtd=False)
    try:
        element = etree.fromstring(text.encode("utf-8", "replace"), parser)
    except etree.XMLSyntaxError:
        return False
    return any(isinstance(child.tag, str) for child in element)


def _sniff_text(text: str) -> SourceFormat:
    from translator.readers.discourse import looks_like_discourse_raw
    from translator.readers.forum import looks_like_forum
    from translator.readers.html_bytes import looks_like_html_text

    if looks_like_html_text(text):
        from translator.readers.facebook_html import looks_like_facebook_html

        return "facebook" if looks_like_facebook_html(text) else "html"
    if looks_like_discourse_raw(text):
        return "discourse"
    return "forum" if looks_like_forum(text) else "text"


def _json_format(data: Any) -> SourceFormat:
    """Which reader a parsed JSON document is for (`json` also for shapes none knows: it says why)."""
    from translator.readers.blogger_api import looks_like_blogger_api
    from translator.readers.bluesky import looks_like_bluesky
    from translator.readers.discourse import looks_like_discourse
    from translator.readers.disqus import looks_like_disqus_api
    from translator.readers.facebook import looks_like_facebook
    from translator.readers.fediverse import looks_like_fediverse
    from translator.readers.feed import looks_like_json_feed
    from translator.readers.hn import hn_shape, hn_user
    from translator.readers.reddit import looks_like_reddit
    from translator.readers.youtube import looks_like_youtube

    if looks_like_reddit(data):
        return "reddit"
    if looks_like_discourse(data):
        return "discourse"
    if looks_like_json_feed(data) or looks_like_blogger_api(data):
        return "feed"
    if looks_like_disqus_api(data):
        return "disqus"
    if hn_shape(data) is not None or hn_user(data) is not None:  # a user's profile: refused, saying so
        return "hn"
    if looks_like_youtube(data):
        return "youtube"
    if looks_like_fediverse(data):
        return "fediverse"
    if looks_like_bluesky(data):
        return "bluesky"
    if looks_like_facebook(data):
        return "facebook"
    return "json"


def parse_threads(text: str, fmt: SourceFormat | None = None, name: str = "this file") -> Reading:
    """Parse decoded text with the reader of the given format (sniffed when None); InputError when the
    text is not that format, or when a reader finds nothing to read. `name` names the file in warnings. NUL
    characters and unpaired surrogates in the threads' text become U+FFFD, with one warning (see
    readers.common.scrubbed)."""
    reading = _parse_threads(text, fmt, name)
    if not reading.threads:  # a reader that read nothing says why; this is the rule for the one that did not
        raise InputError("no article or comment found in this file", NO_THREAD_HINT)
    return scrubbed(reading)


def _parse_threads(text: str, fmt: SourceFormat | None, name: str) -> Reading:
    data: Any = _NOT_PARSED
    if fmt is None and (declared := _stray_before_declaration(text)) is not None:
        reading = _parse_threads(text[declared:], None, name)
        stray = len(text[:declared].strip())
        said = f"{stray:,} character{'s' if stray > 1 else ''} before the XML declaration (not XML) ignored"
        return Reading(reading.threads, (said, *reading.warnings))
    if fmt is None:
        fmt, data = _sniff(text)
        if fmt in ("text", "forum") and (root := _foreign_xml_root(text)) is not None:
            if root == "xliff":
                raise InputError("this is an XLIFF review file, not a thread", REVIEW_FILE_HINT)
            raise InputError(f"this is an XML document (<{root}>), not a thread in a format we read", XML_HINT)
        if fmt in ("text", "forum") and PO_FILE.match(text):
            raise InputError("this is a PO review file, not a thread", REVIEW_FILE_HINT)
    # Feeds, Disqus and Discourse come as JSON or as text (XML, Discourse's /raw/): JSON goes to the JSON reader.
    json_text = text.lstrip()[:1] in ("{", "[")
    if data is _NOT_PARSED and (fmt in JSON_FORMATS or fmt in JSON_READERS) and (json_text or fmt not in TEXT_READERS):
        data = load_json_or_lines(text)
    if data is not _NOT_PARSED:
        data, repaired, example = repair_json_mojibake(text, data)
        reading = _read_json(data, fmt)
        if not repaired:
            return reading
        return Reading(reading.threads, (double_encoded(name, repaired, example), *reading.warnings))
    if fmt not in TEXT_READERS:
        raise InputError(f"there is no {fmt} reader yet", "pass another --format, or let the format be sniffed")
    return _reader(TEXT_READERS[fmt])(text)


# A document the XML readers read, by its root: feeds and Disqus exports.
XML_THREAD_ROOTS = frozenset({"rss", "feed", "rdf", "disqus"})
STRAY_SEARCH_CHARS = 2048
"""How far into a file stray text before an XML declaration may reach (HTTP headers, a log line)."""


def _stray_before_declaration(text: str) -> int | None:
    """Where an XML feed or export starts in text that has something else before its declaration (HTTP
    headers saved with it, a tool's log line, bytes of another file); None for other text."""
    head = text[:STRAY_SEARCH_CHARS]
    declared = head.find("<?xml")
    if declared <= 0 or not head[:declared].strip("\ufeff \t\r\n"):
        return None
    if head.lstrip("\ufeff \t\r\n")[:1] in ("<", "{", "[", '"'):
        return None  # a page, an XML document or JSON of its own (a feed as a JSON string): not stray text
    root = xml_root_name(text[declared:])
    # The document runs to the end of the file (prose quoting a feed goes on after it).
    closed = root is not None and re.search(rf"</(?:[\w.-]+:)?{root}\s*>\s*\Z", text[-400:], re.IGNORECASE)
    return declared if root in XML_THREAD_ROOTS and closed else None


def _wrapped_xml(data: Any) -> tuple[str, str] | None:
    """A feed or Disqus export that JSON carries as a string: the whole JSON (`"<?xml ..."`), or a field of
    an object (a CORS proxy's `{"contents": "<rss ..."}`, an API's `{"data": {"xml": ...}}`), with where."""
    candidates: list[tuple[str, Any]] = [("the JSON", data)]
    for key, value in as_dict(data).items():
        candidates.append((f"its '{key}'", value))
        candidates.extend((f"its '{key}.{inner}'", nested) for inner, nested in as_dict(value).items())
    for where, value in candidates:
        if isinstance(value, str) and value.lstrip()[:1] == "<" and xml_root_name(value.lstrip()) in XML_THREAD_ROOTS:
            return where, value
    return None


def _read_json(data: Any, fmt: SourceFormat) -> Reading:
    if fmt in JSON_READERS:
        return _reader(JSON_READERS[fmt])(data)
    from translator.formats.json import threads_from_data

    threads = threads_from_data(data) if not isinstance(data, str) else None
    if threads is None and (wrapped := _wrapped_xml(data)) is not None:
        reading = parse_threads(wrapped[1].lstrip())
        said = f"{wrapped[0]} holds an XML document as text: read as that document"
        return Reading(reading.threads, (said, *reading.warnings))
    if threads is None and (error := _error_answer(data)) is not None:
        raise InputError(f"this JSON is a web API's error answer ({error}), not a thread", OTHER_JSON_HINT)
    if threads is None and data in ({}, []):
        raise InputError(f"this JSON is empty ({json.dumps(data)}), not a thread", OTHER_JSON_HINT)
    if threads is None and isinstance(data, list) and all(type(item) is int for item in data):
        raise InputError(
            f"this JSON is a list of {len(data):,} numbers (ids, as Hacker News's topstories.json lists), not a thread",
            "save the items themselves (the HN API's item/ID.json, the story and its comments) as one JSON array",
        )
    if threads is None:
        raise InputError("this JSON is not a thread in any format we read", OTHER_JSON_HINT)
    return Reading(threads)


def _error_answer(data: Any) -> str | None:
    """What a web API's answer of an error says (`404: Not Found`): a small object with `error` or
    `errors` (Reddit nests them in `json`), and often a `message`; None for other JSON."""
    if not isinstance(data, dict) or len(data) > 4:
        return None
    errors = data.get("errors")
    if errors is None and isinstance(data.get("json"), dict) and len(data) == 1:
        errors = data["json"].get("errors")
    error = data.get("error")
    said_error = isinstance(error, str | int) and not isinstance(error, bool)
    if not said_error and not (isinstance(errors, list) and errors):
        return None
    parts = [str(part) for part in (error, data.get("message") or data.get("error_description")) if part]
    if not parts and isinstance(errors, list):
        said = [": ".join(map(str, item[:2])) if isinstance(item, list) else str(item) for item in errors[:3]]
        parts = ["; ".join(said)]
    return ": ".join(parts)[:200]


def _reader(name: str) -> Callable[[Any], Reading]:
    """A reader named `module:function` in this package, imported now (readers are imported when used)."""
    module, function = name.split(":")
    reader: Callable[[Any], Reading] = getattr(importlib.import_module(f"{__name__}.{module}"), function)
    return reader


def read_threads(path: Path | str, fmt: str | None = None) -> ThreadFile:
    """Read a file of one thread or several; fmt (a SourceFormat) overrides sniffing (see
    `thread_from_bytes`). Raises InputError."""
    path = Path(path)
    _check_format(fmt)
    return thread_from_bytes(read_thread_bytes(path), str(path), fmt)


def _check_format(fmt: str | None) -> None:
    if fmt is not None and fmt not in SOURCE_FORMATS:
        raise InputError(f"unknown format {fmt!r}", f"use one of {', '.join(SOURCE_FORMATS)}")


def read_thread_bytes(path: Path) -> bytes:
    """The bytes of a thread file, refused (InputError) when it is not a readable regular file or too large."""
    return read_input_bytes(
        path, MAX_FILE_BYTES, "a thread page is a few hundred KB: split it into one file per thread"
    )


def thread_from_bytes(data: bytes, name: str, fmt: str | None = None) -> ThreadFile:
    """The threads of a file (one or several) from its bytes, read elsewhere (e.g. by a cluster's driver);
    `name` names it in errors. A web page is recognised by its bytes, before any decoding: its charset
    comes from the page itself."""
    _check_format(fmt)
    data = _gunzipped(data, name)
    from translator.readers.html_bytes import looks_like_html
    from translator.readers.mhtml import looks_like_mhtml

    if fmt in (None, "html") and looks_like_mhtml(data):
        from translator.readers.mhtml import read_mhtml_file

        return _scrubbed_file(read_mhtml_file(data, name))
    if fmt in (None, "facebook") and looks_like_html(data):
        from translator.readers.facebook_html import looks_like_facebook_page, read_facebook_html_file

        if fmt == "facebook" or looks_like_facebook_page(data):  # Facebook's export as HTML, its default form
            return _scrubbed_file(read_facebook_html_file(data, name))
    if fmt == "html" or (fmt is None and looks_like_html(data)):
        from translator.readers.html import read_html_file

        return _scrubbed_file(read_html_file(data, name))
    text, encoding, warnings = decode(data, name)
    if not text.strip():
        raise InputError(f"{name} is empty", "give a file holding an article or a comment thread")
    chosen = next((known for known in SOURCE_FORMATS if known == fmt), None)
    if chosen is None and JSON_NAME.search(name) and (value := _json_scalar(text)) is not None:
        # A `.json` file of one value (`null`, an error string an API sent) is no text to translate.
        raise InputError(f"{name}: this JSON holds a single value ({value}), not a thread", OTHER_JSON_HINT)
    try:
        with collector_paused():
            reading = parse_threads(text, chosen, name)
    except InputError as error:
        raise InputError(f"{name}: {error.message}", error.hint) from None
    return ThreadFile(threads=reading.threads, encoding=encoding, warnings=(*warnings, *reading.warnings))


def _scrubbed_file(thread_file: ThreadFile) -> ThreadFile:
    """A web page's threads as every other reader's are: no NUL, no unpaired surrogate (see `parse_threads`)."""
    reading = scrubbed(Reading(thread_file.threads, thread_file.warnings))
    return ThreadFile(threads=reading.threads, encoding=thread_file.encoding, warnings=reading.warnings)


JSON_NAME = re.compile(r"\.json(?:\.(?:gz|bz2|xz))?$", re.IGNORECASE)
"""A file named as JSON (compressed or not)."""


def _json_scalar(text: str) -> str | None:
    """A JSON document that is one value, not an object or an array (`null`, `"Not Found"`, `42`), as
    shown in an error (cut short); None for anything else."""
    if text.lstrip()[:1] in ("{", "[", ""):
        return None
    try:
        value = json.loads(text)
    except ValueError:
        return None
    if isinstance(value, dict | list) or _wrapped_xml(value) is not None:
        return None
    shown = json.dumps(value, ensure_ascii=False)
    return shown if len(shown) <= 60 else shown[:57] + "..."


# Compressed files as people save API answers and exports (`.json.gz`, `.xml.bz2`, `.xz`): by their magic.
COMPRESSIONS = ((b"\x1f\x8b", "gzip"), (b"BZh", "bzip2"), (b"\xfd7zXZ\x00", "xz"))
ZSTD_MAGIC = b"\x28\xb5\x2f\xfd"
BZIP2_BLOCK = re.compile(rb"BZh[1-9]1AY&SY")


def _gunzipped(data: bytes, name: str) -> bytes:
    """The content of a gzip, bzip2 or xz file (an API answer or export saved compressed), within the
    size limit; other bytes as they are. Zstandard (Reddit's archive dumps) is refused with a hint."""
    if data.startswith(ZSTD_MAGIC):
        raise InputError(f"{name} is compressed with Zstandard", "decompress it first (zstd -d FILE), then give it")
    kind = next((kind for magic, kind in COMPRESSIONS if data.startswith(magic)), None)
    if kind == "bzip2" and not BZIP2_BLOCK.match(data):
        kind = None  # text that happens to start with "BZh"
    if kind is None:
        return data
    import bz2
    import lzma
    import zlib

    inflater: Any = {"gzip": lambda: zlib.decompressobj(wbits=31), "bzip2": bz2.BZ2Decompressor}.get(
        kind, lzma.LZMADecompressor
    )()
    try:
        content = inflater.decompress(data, MAX_FILE_BYTES + 1)
    except (zlib.error, OSError, EOFError, lzma.LZMAError) as error:
        raise InputError(f"{name} is a damaged {kind} file ({error})", "re-download or re-compress it") from None
    if not inflater.eof and len(content) <= MAX_FILE_BYTES:
        raise InputError(f"{name} is a {kind} file cut short", "re-download or re-compress it")
    if len(content) > MAX_FILE_BYTES:
        raise InputError(
            f"{name} holds over {MAX_FILE_BYTES // (1024 * 1024)} MB once uncompressed",
            "a thread page is a few hundred KB: split it into one file per thread",
        )
    return bytes(content)


@contextlib.contextmanager
def collector_paused() -> Iterator[None]:
    """Pause Python's cyclic garbage collector while a file is parsed: reading allocates millions of small
    objects and no cycle, and the collector's full passes over all of them made reading a 40,000-post
    thread 2.5x slower than a 20,000-post one (instead of 2x). Reference counting still frees memory."""
    if not gc.isenabled():
        yield
        return
    gc.disable()
    try:
        yield
    finally:
        gc.enable()


def read_thread(path: Path | str, fmt: str | None = None) -> ThreadFile:
    """Read a file of one thread (see `read_threads`); InputError when it holds several."""
    thread_file = read_threads(path, fmt)
    if len(thread_file.threads) > 1:
        raise InputError(
            f"{path} holds {len(thread_file.threads)} threads (a feed or a comment export)",
            "translate or batch it, one output per thread, or pick one with --thread N",
        )
    return thread_file
