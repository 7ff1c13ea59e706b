"""Decoding thread files: UTF-8 first, legacy encodings with a warning, binary refused, format sniffing."""

from __future__ import annotations

import bz2
import codecs
import gzip
import json
import lzma
from collections.abc import Callable

import pytest

from translator.errors import InputError
from translator.readers import decode, parse_threads, sniff_format, thread_from_bytes
from translator.readers.common import Reading

TEXT = "Le président a décollé vers l’orbite."


@pytest.mark.parametrize(
    ("data", "encoding", "warning"),
    [
        (TEXT.encode("utf-8"), "utf-8", None),  # the normal case
        (codecs.BOM_UTF8 + TEXT.encode("utf-8"), "utf-8", None),  # BOM from Windows editors
        (codecs.BOM_UTF16_LE + TEXT.encode("utf-16-le"), "utf-16", None),  # UTF-16 with BOM
        (TEXT.encode("cp1252"), "cp1252", "not valid UTF-8"),  # legacy Windows export
        ("déjà\x81".encode("latin-1"), "latin-1", "not valid UTF-8"),  # byte undefined in cp1252
        (TEXT.encode("utf-8").decode("latin-1").encode("utf-8"), "utf-8", "double-encoded"),  # mojibake
        ("perdu \ufffd ici".encode(), "utf-8", "replacement character"),  # lost characters
    ],
)
def test_decode(data: bytes, encoding: str, warning: str | None) -> None:
    text, used, warnings = decode(data, "f.txt")
    assert used == encoding
    assert ("président" in text) or ("déjà" in text) or ("perdu" in text) or ("Ã" in text)
    if warning is None:
        assert warnings == []
        assert text == TEXT
    else:
        assert any(warning in message for message in warnings)


def misread(data: bytes, codec: str) -> str:
    """Bytes read as a legacy code page, as a misconfigured export reads UTF-8: windows-1252 keeps the five
    bytes it has no character for as Latin-1 does (as browsers and Windows tools do)."""
    return "".join(bytes([byte]).decode(codec, errors="ignore") or chr(byte) for byte in data)


@pytest.mark.parametrize(
    ("original", "character"),
    [
        (TEXT, "é"),  # French: accents and a typographic apostrophe ("â€™")
        ("Президент вылетел на орбиту.", "П"),  # Cyrillic: every letter two characters ("ÐŸ")
        ("Bravo 👍 « oui »", "👍"),  # an emoji (four bytes), guillemets
    ],
)
@pytest.mark.parametrize("codec", ["latin-1", "cp1252"])
def test_double_encoded_text_is_repaired_with_a_warning(original: str, character: str, codec: str) -> None:
    text, _, warnings = decode(misread(original.encode("utf-8"), codec).encode("utf-8"), "f.txt")
    assert text == original
    assert len(warnings) == 1 and warnings[0].startswith("f.txt was double-encoded (UTF-8 read as Latin-1")
    assert warnings[0].endswith(f" -> {character!r})")


@pytest.mark.parametrize(
    "text",
    [
        "Der Fuß» und «groß» bleiben, Ã© wird é.",  # ß then » would decode to U+07FB: no such text
        "SÃO PAULO Ã© grande",  # Portuguese capital Ã before a letter is a letter
    ],
)
def test_only_sequences_that_decode_to_text_are_repaired(text: str) -> None:
    repaired, _, _ = decode(text.encode("utf-8"), "f.txt")
    assert repaired == text.replace("Ã©", "é")


@pytest.mark.parametrize(
    "data",
    [
        b"\x7fELF\x02\x01\x01\x00\x00\x00",  # a binary with NUL bytes
        bytes(range(1, 32)) * 20,  # control characters only
    ],
)
def test_binary_is_refused(data: bytes) -> None:
    with pytest.raises(InputError, match=r"binary|could not be decoded"):
        decode(data, "f.bin")


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ('  {"posts": []}', "json"),  # a JSON object
        ("Avatar de X\nLe 01/01/2025 à 9:00\nSalut\n1  0", "forum"),  # a comment block
        ("# Titre\n\nTexte.", "text"),  # Markdown
        ("Juste du texte.", "text"),  # anything else
    ],
)
def test_sniff_format(text: str, expected: str) -> None:
    assert sniff_format(text) == expected


RUSSIAN = "Президент вылетел на орбиту вчера вечером, сказал он журналистам."


PORTUGUESE_FEED = (
    "<rss><channel><title>Notícias</title>"
    + "".join(
        f"<item><title>Eleicao {number}: candidato perde em simulações do 2º turno</title>"
        f"<link>http://x.example/{number}</link><description>Líder na pesquisa de intenção de voto, o "
        "candidato do partido perde no segundo turno.</description></item>"
        for number in range(6)
    )
    + "</channel></rss>"
)


@pytest.mark.parametrize(
    ("data", "text", "encoding", "warning"),
    [
        # One stray byte at the end of a UTF-8 file: replaced where it is, the rest stays UTF-8.
        (
            "La fusée décolle.".encode() + b"\xff",
            "La fusée décolle.\ufffd",
            "utf-8",
            "1 invalid UTF-8 byte sequence(s)",
        ),
        # Several: their offsets are given, the first five and a count of the rest.
        (
            ("é" * 20).encode() + b"\x80" * 7,
            "é" * 20 + "\ufffd" * 7,
            "utf-8",
            "at byte 40, 41, 42, 43, 44 and 2 more",
        ),
        # UTF-16 without a byte-order mark, either byte order.
        (TEXT.encode("utf-16-le"), TEXT, "utf-16-le", None),
        (RUSSIAN.encode("utf-16-be"), RUSSIAN, "utf-16-be", None),
        # A Portuguese feed in Latin-1 without a declaration, mostly ASCII: the detector's best guess is a
        # Central European code page (õ as ő), but the language it finds is written in windows-1252.
        pytest.param(
            PORTUGUESE_FEED.encode("latin-1"), PORTUGUESE_FEED, "cp1252", "read it as cp1252", id="latin-1-feed"
        ),
        # A legacy Cyrillic file is recognised, not read as Western European.
        (RUSSIAN.encode("cp1251"), RUSSIAN, "cp1251", "read it as cp1251"),
        # An XML declaration names the encoding: no guessing, no warning.
        ('<?xml version="1.0" encoding="ISO-8859-1"?><rss>é</rss>'.encode("latin-1"), None, "iso8859-1", None),
        # A declaration that lies is noticed.
        ('<?xml version="1.0" encoding="us-ascii"?><a>é</a>'.encode(), None, "utf-8", "says it is ascii but is not"),
        # A feed re-encoded to UTF-8 by a tool that kept its windows-1251 declaration: read as UTF-8.
        (
            f'<?xml version="1.0" encoding="windows-1251"?><rss>{RUSSIAN}</rss>'.encode(),
            None,
            "utf-8",
            "says it is cp1251 but is not: it is UTF-8",
        ),
        # An encoding Python does not know is ignored.
        (b'<?xml version="1.0" encoding="x-unknown"?><a/>', None, "utf-8", None),
    ],
)
def test_faithful_decoding(data: bytes, text: str | None, encoding: str, warning: str | None) -> None:
    decoded, used, warnings = decode(data, "f.txt")
    assert used == encoding
    if text is not None:
        assert decoded == text
    if warning is None:
        assert warnings == []
    else:
        assert any(warning in message for message in warnings), warnings


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ('{"post_stream": {"posts": []}}', "discourse"),  # Discourse topic or posts.json
        ('[{"kind": "Listing", "data": {"children": [{"kind": "t3", "data": {}}]}}, {"kind": "Listing"}]', "reddit"),
        ('{"id": 1, "children": [], "created_at_i": 1}', "hn"),  # Algolia item
        ('{"id": 1, "comments": [], "comments_count": 0}', "hn"),  # HNPWA item
        ('[{"id": 1, "type": "story", "by": "a"}]', "hn"),  # Firebase items
        ('{"version": "https://jsonfeed.org/version/1.1", "items": []}', "feed"),  # JSON Feed
        ('<?xml version="1.0"?>\n<rss version="2.0">', "feed"),  # RSS
        ('<feed xmlns="http://www.w3.org/2005/Atom">', "feed"),  # Atom
        ("<rdf:RDF xmlns:rdf='x'>", "feed"),  # RSS 1.0
        ('<disqus xmlns="http://disqus.com">', "disqus"),  # Disqus export
        ('{"other": 1}', "json"),  # JSON of no known shape: the JSON reader says so
        ("[Un lien](https://example.org) en tête.", "text"),  # Markdown starting with a bracket
        ("{ pas du JSON", "json"),  # broken JSON: its reader says where
        ('[{"kind": "Listing", "data": {', "json"),  # a truncated array of objects is broken JSON
        ("[[Une page]] de wiki", "text"),  # a wiki link is text
        ('{"kind": "Listing", "data": {"children": [{"kind": "t1", "data": {}}]}}', "reddit"),  # comments alone
    ],
)
def test_sniffing_by_content(text: str, expected: str) -> None:
    assert sniff_format(text) == expected


@pytest.mark.parametrize(
    ("compress", "kind"), [(gzip.compress, "gzip"), (bz2.compress, "bzip2"), (lzma.compress, "xz")]
)
def test_a_compressed_file_is_read_uncompressed(compress: Callable[[bytes], bytes], kind: str) -> None:
    feed = '<rss version="2.0"><channel><item><title>Eins</title><description>Zwei</description></item></channel></rss>'
    data = compress(feed.encode())
    [thread] = thread_from_bytes(data, "feed.rss.z").threads
    assert (thread.source_format, thread.title) == ("feed", "Eins")
    with pytest.raises(InputError, match=f"is a {kind} file cut short"):
        thread_from_bytes(data[: len(data) // 2], "feed.rss.z")
    with pytest.raises(InputError, match=f"damaged {kind}"):
        thread_from_bytes(data[:10] + b"\xff" * 40, "feed.rss.z")


def test_zstandard_gets_a_hint_and_text_starting_like_bzip2_is_text() -> None:
    with pytest.raises(InputError, match="Zstandard"):
        thread_from_bytes(b"\x28\xb5\x2f\xfd" + b"\x00" * 20, "RC_2024-01.zst")
    [thread] = thread_from_bytes(b"BZh, sagte er.", "note.txt").threads
    assert thread.source_format == "text"


@pytest.mark.parametrize(
    ("text", "root"),
    [
        (
            '<?xml version="1.0"?>\n<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9"><url/></urlset>',
            "urlset",
        ),
        ('<opml version="2.0" xmlns:x="urn:x"><body><outline text="a"/></body></opml>', "opml"),  # a namespace
        # Bare: no declaration, no namespace, but its first element closes it (a chat log's <nick> does not).
        ('<catalog>\n <book id="1"><title>Le livre</title></book>\n</catalog>\n', "catalog"),
    ],
)
def test_xml_of_no_thread_format_is_refused_in_one_line(text: str, root: str) -> None:
    with pytest.raises(InputError, match=rf"this is an XML document \(<{root}>\), not a thread"):
        parse_threads(text)


@pytest.mark.parametrize(
    "text",
    [
        "<anna> hallo zusammen\n<ben> hi\n",  # a chat log opening with a nick
        "<p>Un paragraphe.</p>",  # an HTML fragment saved as text, closing its first element last
        "<note>Bonjour à tous</note>",  # one element of text alone: no data of elements
    ],
)
def test_text_opening_with_a_tag_is_text(text: str) -> None:
    [thread] = parse_threads(text).threads
    assert thread.source_format == "text"


RSS = (
    '<?xml version="1.0" encoding="UTF-8"?><rss version="2.0"><channel><title>Blatt</title>'
    "<item><title>Wetter</title><description>Regen.</description></item></channel></rss>"
)


@pytest.mark.parametrize(
    ("data", "warning"),
    [
        # A CORS proxy's answer (allorigins: the page in `contents`), saved as JSON.
        (json.dumps({"contents": RSS, "status": {"http_code": 200}}), "its 'contents' holds an XML document as text"),
        (json.dumps({"data": {"xml": RSS}}), "its 'data.xml' holds an XML document as text"),
        (json.dumps(RSS), "the JSON holds an XML document as text"),  # a JSON string, not a single value refused
    ],
)
def test_a_feed_wrapped_in_json_is_read(data: str, warning: str) -> None:
    thread_file = thread_from_bytes(data.encode(), "feed.json")
    assert [(t.source_format, t.title) for t in thread_file.threads] == [("feed", "Wetter")]
    assert thread_file.warnings == (f"{warning}: read as that document",)


@pytest.mark.parametrize(
    ("prefix", "count"),
    [
        ("HTTP/1.1 200 OK\r\nContent-Type: application/rss+xml\r\n\r\n", 50),  # its headers (line ends read as \\n)
        ("Warning: feed cache stale\n", 25),  # a tool's line before the document
    ],
)
def test_stray_text_before_the_xml_declaration_is_ignored(prefix: str, count: int) -> None:
    thread_file = thread_from_bytes((prefix + RSS).encode(), "feed.xml")
    assert [(t.source_format, t.title) for t in thread_file.threads] == [("feed", "Wetter")]
    assert thread_file.warnings == (f"{count} characters before the XML declaration (not XML) ignored",)


@pytest.mark.parametrize(
    "text",
    [
        'Our notes start like this:\n\n<?xml version="1.0"?><notes><n>x</n></notes>\n\nThanks.',
        f"Here is what our feed sends:\n\n{RSS}\n\nIt has one item.",  # a feed quoted in prose that goes on
    ],
)
def test_prose_quoting_an_xml_document_is_still_text(text: str) -> None:
    [thread] = parse_threads(text).threads
    assert thread.source_format == "text"


@pytest.mark.parametrize(
    ("original", "character"),
    [
        (TEXT, "é"),  # Facebook's exports: every UTF-8 byte escaped as a Latin-1 character ("\u00c3\u00a9")
        ("Президент вылетел на орбиту.", "П"),
        ("Bravo 👍 « oui »", "👍"),
    ],
)
@pytest.mark.parametrize("codec", ["latin-1", "cp1252"])
def test_double_encoded_text_in_json_escapes_is_repaired_with_the_same_warning(
    original: str, character: str, codec: str
) -> None:
    # An HN item saved by a tool that read UTF-8 as Latin-1 (or cp1252), then wrote JSON with ASCII escapes.
    garbled = misread(original.encode("utf-8"), codec)
    item = {"id": 1, "type": "story", "title": garbled, "author": "ren", "created_at_i": 1704067200, "children": [
        {"id": 2, "type": "comment", "author": "ana", "text": f"<p>{garbled}</p>", "created_at_i": 1704067300,
         "children": []},
    ]}  # fmt: skip
    data = json.dumps(item).encode("ascii")  # ensure_ascii: no byte of it looks double-encoded
    assert b"\\u00" in data
    read = thread_from_bytes(data, "item.json")
    [thread] = read.threads
    assert thread.title == original
    assert [b.text for b in thread.posts[1].blocks] == [original]
    [warning] = read.warnings
    # Counted in both strings, as in a raw file: each character repaired once per place it is written.
    count = 2 * sum(1 for char in original if not char.isascii())
    assert warning.startswith(f"item.json was double-encoded (UTF-8 read as Latin-1 and saved again): {count} seq")
    assert warning.endswith(f" -> {character!r})")


def test_json_escapes_of_real_characters_are_left_as_they_are() -> None:
    # "\u00e9" alone is an é; "\u00c3" before a letter is Portuguese ("SÃO"); "\u00c2\u00ab" would be
    # mojibake, but "\u00c2" before a space is not.
    item = {"id": 1, "type": "story", "title": "Été à SÃO PAULO", "author": "ren", "children": [
        {"id": 2, "type": "comment", "author": "ana", "text": "<p>Ça va, Â « oui ».</p>", "children": []},
    ]}  # fmt: skip
    read = thread_from_bytes(json.dumps(item).encode("ascii"), "item.json")
    assert read.threads[0].title == "Été à SÃO PAULO"
    assert [b.text for b in read.threads[0].posts[1].blocks] == ["Ça va, Â « oui »."]
    assert read.warnings == ()


def test_a_reader_that_finds_no_thread_is_refused_in_one_line(monkeypatch: pytest.MonkeyPatch) -> None:
    # Every reader says what a file without a thread holds; should one answer with no thread and no
    # error, the user still gets one line, never an `inspect` that prints nothing and succeeds.
    import translator.readers as readers

    monkeypatch.setattr(readers, "_parse_threads", lambda text, fmt, name: Reading((), ("a warning",)))
    with pytest.raises(InputError, match="no article or comment found in this file"):
        parse_threads("anything")
