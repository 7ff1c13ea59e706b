"""Pages saved as one file by a browser (MHTML: Chrome's "Webpage, Single File", `.mhtml`, `.mht`).

An MHTML file is a MIME message: the page's HTML is one part (quoted-printable or base64, with or
without a charset), its images, styles and frames are the others. Python's `email` package reads the
message; the page part goes to the page reader as a page saved as `.html` would. The page part is the
one at the address the browser saved (`Snapshot-Content-Location`), else the first HTML part.

Unlike a page saved as `.html`, an archive holds the frames as the browser showed them: comments that a
service (Disqus...) draws in a frame are there. When the page itself has none, the first frame whose
comments the page reader finds gives them, after the page's article. The archive's `Date` says when the
page was saved: comments dated relative to it ("vor 8 Stunden") are dated from it.
"""

from __future__ import annotations

import dataclasses
import re
from datetime import datetime
from email.message import Message

from translator.errors import InputError
from translator.models import ThreadFile
from translator.readers.html_dates import machine_date

MIME_HEAD_BYTES = 8192
"""How far into a file its MIME headers are looked for."""
MULTIPART_RELATED = re.compile(rb"(?im)^content-type:\s*multipart/related\b")
MOST_FRAMES_READ = 8
"""Frames read at most when looking for comments (a page may embed dozens of ads), comment services first."""
COMMENT_HOSTS = ("disqus.com", "facebook.com/plugins", "commento", "hyvor", "remark42", "isso", "giscus", "utteranc")
"""Where the frames of comment services come from: read before other frames (ads, videos)."""
HEADER_LINE = re.compile(rb"\A(?:[!-9;-~]+:[^\r\n]*\r?\n(?:[ \t][^\r\n]*\r?\n)*)+")
"""RFC 5322 header lines (a name, a colon, a value, folded lines), from the file's first byte."""


def looks_like_mhtml(data: bytes) -> bool:
    """Whether a file starts with MIME headers announcing a page and its resources (multipart/related)."""
    head = data[:MIME_HEAD_BYTES].lstrip(b"\r\n")
    headers = HEADER_LINE.match(head)
    return headers is not None and MULTIPART_RELATED.search(headers.group()) is not None


def read_mhtml_file(data: bytes, name: str) -> ThreadFile:
    """The threads of a page saved as MHTML (see the module's docstring); InputError when it holds no page."""
    import email
    import email.policy

    from translator.readers.html import read_html_file

    message = email.message_from_bytes(data.lstrip(b"\r\n"), policy=email.policy.compat32)
    address = str(message.get("Snapshot-Content-Location", "")).strip() or None
    pages = [part for part in message.walk() if part.get_content_type() in ("text/html", "application/xhtml+xml")]
    if not pages:
        raise InputError(f"{name} is an MHTML archive with no HTML page in it", "save the page again, or as .html")
    page = next(
        (part for part in pages if address and str(part.get("Content-Location", "")).strip() == address), pages[0]
    )
    payload = page.get_payload(decode=True)
    if not isinstance(payload, bytes) or not payload.strip():
        raise InputError(f"{name}: the page in this MHTML archive is empty", "save the page again, or as .html")
    captured = machine_date(str(message.get("Date", "")))  # when the page was saved: relative dates count from it
    thread_file = read_html_file(_with_charset(payload, page.get_content_charset()), name, captured)
    (thread,) = thread_file.threads
    if len(thread.posts) == 1:
        frames = [part for part in pages if part is not page]
        thread_file = _with_framed_comments(thread_file, frames, name, captured)
    if address is None:
        return thread_file
    threads = tuple(found if found.url else dataclasses.replace(found, url=address) for found in thread_file.threads)
    return dataclasses.replace(thread_file, threads=threads)


def _with_framed_comments(
    page: ThreadFile, frames: list[Message], name: str, captured: datetime | None = None
) -> ThreadFile:
    """The page with the comments of the first frame that has some (frames of comment services first), and
    without the warning that its comments were not saved; the page as it is when no frame has any."""
    from translator.readers.html import NOT_SAVED, read_html_file

    frames.sort(key=lambda frame: not any(host in str(frame.get("Content-Location", "")) for host in COMMENT_HOSTS))
    for frame in frames[:MOST_FRAMES_READ]:
        payload = frame.get_payload(decode=True)
        if not isinstance(payload, bytes):
            continue
        try:
            framed = read_html_file(_with_charset(payload, frame.get_content_charset()), name, captured)
        except InputError:
            continue
        comments = framed.threads[0].posts[1:]
        if comments:
            (thread,) = page.threads
            kept = [warning for warning in page.warnings if not warning.startswith(f"{name}: {NOT_SAVED}")]
            return dataclasses.replace(
                page,
                threads=(dataclasses.replace(thread, posts=(*thread.posts, *comments)),),
                warnings=(*kept, *framed.warnings),
            )
    return page


def _with_charset(page: bytes, charset: str | None) -> bytes:
    """The page's bytes, re-encoded in UTF-8 when its MIME part names a charset the page does not declare
    itself (the page reader would otherwise guess); as they are otherwise."""
    from translator.readers.html_bytes import codec_for, declared_charset

    codec = codec_for(charset) if charset else None
    if codec is None or codec == "utf-8" or declared_charset(page) == codec:
        return page
    try:
        return page.decode(codec).encode("utf-8")
    except UnicodeDecodeError:
        return page
