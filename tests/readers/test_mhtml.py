"""Pages saved as one MHTML file read as the same page saved as HTML (archives built here from our own page)."""

from __future__ import annotations

import base64
import contextlib
import quopri
from datetime import datetime
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from tests.conftest import run_cli
from translator.errors import InputError
from translator.readers import read_thread, thread_from_bytes
from translator.readers.mhtml import looks_like_mhtml

PAGE = Path(__file__).resolve().parents[1] / "data" / "html" / "wordpress.html"
ADDRESS = "https://courrier-plateau.example/2024/03/tramway-ligne-2/"
BOUNDARY = "----MultipartBoundary--b7Qz----"


def part(content_type: str, location: str, body: bytes, encoding: str = "quoted-printable") -> bytes:
    """One part of the archive, its body encoded as the browser encodes it."""
    encoded = quopri.encodestring(body) if encoding == "quoted-printable" else base64.encodebytes(body)
    head = f"Content-Type: {content_type}\r\nContent-Transfer-Encoding: {encoding}\r\nContent-Location: {location}\r\n"
    return f"--{BOUNDARY}\r\n".encode() + head.encode() + b"\r\n" + encoded + b"\r\n"


def archive(*parts: bytes, address: str | None = ADDRESS) -> bytes:
    """An MHTML file as Chrome saves one: MIME headers, then the parts."""
    snapshot = f"Snapshot-Content-Location: {address}\r\n" if address else ""
    head = (
        f"From: <Saved by Blink>\r\n{snapshot}Subject: =?utf-8?Q?Le_tramway?=\r\nMIME-Version: 1.0\r\n"
        f'Content-Type: multipart/related;\r\n\ttype="text/html";\r\n\tboundary="{BOUNDARY}"\r\n\r\n\r\n'
    )
    return head.encode() + b"".join(parts) + f"--{BOUNDARY}--\r\n".encode()


STYLE = part("text/css", "https://courrier-plateau.example/style.css", b"p { margin: 0 }")
IMAGE = part("image/png", "https://courrier-plateau.example/logo.png", b"\x89PNG\r\n\x1a\n\x00", "base64")
FRAME = part("text/html", "https://ads.example/frame", b"<html><body><p>Publicit\xc3\xa9</p></body></html>")


def test_an_archive_reads_as_its_page() -> None:
    page = PAGE.read_bytes()
    expected = read_thread(PAGE).thread
    # Chrome's shape: the page first, quoted-printable, no charset (the page declares UTF-8), then resources.
    data = archive(part("text/html", ADDRESS, page), STYLE, IMAGE, FRAME)
    assert looks_like_mhtml(data)
    assert thread_from_bytes(data, "page.mhtml").threads == (expected,)


def test_the_saved_address_picks_the_page_and_names_the_thread() -> None:
    # The page's own address gone, an ad frame first, the page in base64 and windows-1252 named only in its
    # MIME part (as Internet Explorer saved .mht files): the page is the part at the saved address, its
    # accents are read right, and the thread's address is the saved one.
    text = PAGE.read_text(encoding="utf-8").replace('<meta charset="UTF-8">', "")
    text = text.replace(f'<meta property="og:url" content="{ADDRESS}">', "")
    page = part('text/html; charset="windows-1252"', ADDRESS, text.encode("cp1252"), "base64")
    thread = thread_from_bytes(archive(FRAME, STYLE, page), "page.mht").threads[0]
    assert thread.title == "Le tramway de Valbourg ouvre sa deuxième ligne"
    assert thread.url == ADDRESS
    assert [post.author for post in thread.posts[1:]] == ["Marc Aubert", "Lucie Bernard", "Inès", "Paul-Henri de Vries"]


PAGES = PAGE.parent
FRAME_ADDRESS = "https://disqus.com/embed/comments/?base=default&f=coastal&t_u=https%3A%2F%2Fcoastal.example%2Fa"


def test_comments_drawn_in_a_frame_are_read_from_the_archive() -> None:
    # A page whose comments Disqus draws in a frame: saved as .html the page holds none (and says why); an
    # archive holds the frame as shown, so its comments come after the page's article, without that warning.
    article = read_thread(PAGES / "disqus-placeholder.html")
    assert len(article.thread.posts) == 1 and any("load by script" in warning for warning in article.warnings)
    frame = read_thread(PAGES / "disqus-frame.html").thread
    data = archive(
        part("text/html", ADDRESS, (PAGES / "disqus-placeholder.html").read_bytes()),
        FRAME,  # an ad frame first: frames of comment services are read first
        part("text/html", FRAME_ADDRESS, (PAGES / "disqus-frame.html").read_bytes()),
    )
    read = thread_from_bytes(data, "page.mhtml")
    (thread,) = read.threads
    assert thread.title == article.thread.title
    assert thread.posts == (article.thread.posts[0], *frame.posts[1:])
    assert not any("load by script" in warning for warning in read.warnings)


def test_a_page_with_its_own_comments_does_not_take_a_frame_s() -> None:
    data = archive(
        part("text/html", ADDRESS, PAGE.read_bytes()),
        part("text/html", FRAME_ADDRESS, (PAGES / "disqus-frame.html").read_bytes()),
    )
    assert thread_from_bytes(data, "page.mhtml").threads == (read_thread(PAGE).thread,)


@pytest.mark.parametrize(
    ("data", "message"),
    [
        # resources only: no page to read
        (archive(STYLE, IMAGE), "an MHTML archive with no HTML page in it"),
        # the page part is empty
        (archive(part("text/html", ADDRESS, b"  ")), "the page in this MHTML archive is empty"),
    ],
)
def test_an_archive_without_a_page_is_one_input_error(data: bytes, message: str) -> None:
    with pytest.raises(InputError, match=message):
        thread_from_bytes(data, "page.mhtml")


@pytest.mark.parametrize(
    ("data", "expected"),
    [
        (archive(STYLE), True),  # MIME headers of a multipart/related message
        (b"\r\n" + archive(STYLE), True),  # a blank line before the headers
        (PAGE.read_bytes(), False),  # a page saved as HTML
        (b"Subject: the launch\nContent-Type: multipart/related\n\nbody", True),  # the headers decide
        (b"Subject: the launch\n\nContent-Type: multipart/related\n", False),  # in the body: a text thread
        (b"Le lancement\nContent-Type: multipart/related\n", False),  # not from the first line
    ],
)
def test_sniffing_by_the_mime_headers(data: bytes, expected: bool) -> None:
    assert looks_like_mhtml(data) is expected


def test_the_cli_reads_an_archive(tmp_path: Path) -> None:
    saved = tmp_path / "page.mhtml"
    saved.write_bytes(archive(part("text/html", ADDRESS, PAGE.read_bytes()), STYLE))
    done = run_cli("inspect", str(saved), "--json")
    assert done.code == 0, done.stderr
    assert '"title": "Le tramway de Valbourg ouvre sa deuxième ligne"' in done.stdout


@settings(max_examples=150, deadline=None)
@given(st.binary(max_size=600), st.sampled_from(["quoted-printable", "base64", "8bit", "x-unknown"]))
def test_any_archive_body_reads_or_is_one_input_error(body: bytes, encoding: str) -> None:
    # Damaged archives: any bytes as the page part, under any transfer encoding, or as the whole body.
    page = f"--{BOUNDARY}\r\nContent-Type: text/html\r\nContent-Transfer-Encoding: {encoding}\r\n\r\n".encode()
    for data in (archive(page + body), archive() + body):
        with contextlib.suppress(InputError):
            thread_from_bytes(data, "page.mhtml")


def test_the_archive_date_dates_relative_comment_dates() -> None:
    # Chrome writes when it saved the page in the archive's `Date`: "il y a 2 heures" counts back from it;
    # without it, the page was saved 2 hours after the article was published (08:30) at the earliest.
    page = PAGE.read_text(encoding="utf-8")
    printed = '<time datetime="2024-03-14T10:05:00+01:00">14 mars 2024 à 10 h 05 min</time>'
    assert printed in page
    page = page.replace(printed, "<time>il y a 2 heures</time>")
    data = archive(part("text/html", ADDRESS, page.encode()))
    dated = data.replace(b"MIME-Version", b"Date: Thu, 14 Mar 2024 12:15:00 +0100\r\nMIME-Version", 1)
    assert thread_from_bytes(data, "page.mhtml").threads[0].posts[1].date == datetime(2024, 3, 14, 8, 30)
    assert thread_from_bytes(dated, "page.mhtml").threads[0].posts[1].date == datetime(2024, 3, 14, 10, 15)
