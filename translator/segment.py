"""Split a paragraph into sentences for the engine, offline, with maintained rule-based splitters.

pysbd knows the abbreviations of the languages it supports (`M. Peskov`, `Dr. Müller`, `z. B.`), so it
is used for those; sentencex covers every other language. Neither downloads anything.
"""

from __future__ import annotations

import functools
import threading
from typing import Any

# Languages pysbd has rules for (its own codes match Argos codes for these).
PYSBD_LANGUAGES = frozenset(
    "am ar bg da de el en es fa fr hi hy it ja kk mr my nl pl ru sk ur zh".split()  # noqa: SIM905
)
_local = threading.local()
# Characters that can end a sentence or start a list item for pysbd in some language (its languages'
# `Punctuations`, the ellipsis, line breaks, and `)` of list markers like `ii)`), or that it treats as such.
_MAY_BREAK = frozenset("。．.！!?？…|:;՜։،؟۔।။၏።፧)\n\r\x0b\x0c\x85\u2028\u2029")


@functools.cache
def _pysbd_available() -> bool:
    try:
        import pysbd  # noqa: F401
    except ImportError:
        return False
    return True


def _pysbd_segmenter(lang: str) -> Any:
    # pysbd segmenters keep state while segmenting: one per thread and language.
    cache: dict[str, Any] = _local.__dict__.setdefault("segmenters", {})
    if lang not in cache:
        import pysbd

        _abbreviations_once_per_form()
        cache[lang] = pysbd.Segmenter(language=lang, clean=False, char_span=False)
    return cache[lang]


@functools.cache
def _abbreviations_once_per_form() -> None:
    """Make pysbd's abbreviation pass linear, with the same result.

    For every occurrence of an abbreviation (`av` in `avec` counts), pysbd rewrites the whole text with
    a substitution that depends only on the occurrence's form and the character after it: a paragraph
    of n words costs n whole-text rewrites (measured: 24 s for 200 KB, hours for megabytes). Each
    rewrite only turns periods into pysbd's marker, so a second one with the same form and character
    changes nothing: it is skipped. The loop and the rewrites stay pysbd's own (wrapped, not copied)."""
    from pysbd.abbreviation_replacer import AbbreviationReplacer

    search = AbbreviationReplacer.search_for_abbreviations_in_string

    @functools.wraps(search)
    def search_skipping_repeats(self: Any, text: str) -> str:
        scan = self.scan_for_replacements  # the language's own, when it has one
        done: set[tuple[str, str]] = set()

        def scan_once(txt: str, found: str, index: int, next_chars: list[str]) -> str:
            key = (found, next_chars[index] if index < len(next_chars) else "")
            if key in done:
                return txt
            done.add(key)
            rewritten: str = scan(txt, found, index, next_chars)
            return rewritten

        self.scan_for_replacements = scan_once
        try:
            result: str = search(self, text)
        finally:
            del self.scan_for_replacements
        return result

    AbbreviationReplacer.search_for_abbreviations_in_string = search_skipping_repeats


def split_sentences(text: str, lang: str) -> list[str]:
    """The sentences of a paragraph, each stripped; joining them with spaces gives the text back
    up to whitespace. Empty text gives no sentence."""
    if not text.strip():
        return []
    if lang in PYSBD_LANGUAGES and _pysbd_available():
        if _one_sentence(text.strip()):
            # pysbd costs about half a millisecond a call whatever the text (some 90 regex passes); the
            # server pays it per comment. A text with nothing that could end a sentence before its last
            # character is one sentence to pysbd too (tests/test_segment.py checks the two agree).
            return [text.strip()]
        pieces = _pysbd_pieces(_pysbd_segmenter(lang), text)
    else:
        from sentencex import segment

        pieces = segment(lang if lang != "und" else "en", text)
    sentences = [piece.strip() for piece in pieces if piece.strip()]
    return sentences or [text.strip()]


def _one_sentence(stripped: str) -> bool:
    """Whether pysbd can only find one sentence in this stripped text: no character that may end a
    sentence or mark a list item, except one as its very last (pysbd splits runs like `!!!` at the end)."""
    return _MAY_BREAK.isdisjoint(stripped[:-1]) and (stripped[-1:] != ")")


def _pysbd_pieces(segmenter: Any, text: str) -> list[str]:
    """What `segmenter.segment(text)` returns, found with `str.find`: pysbd locates each sentence with a
    regex built from it, one new pattern per sentence, which flushes Python's regex cache and makes
    every one of pysbd's own patterns compile again (a third of the splitting time)."""
    pieces = []
    end = 0
    for sentence in segmenter.processor(text).process():
        # pysbd keeps the first occurrence that ends past the previous sentence (searched from there, so a
        # sentence repeated many times is not searched from the start each time), and drops a sentence it
        # cannot find in the text.
        start = text.find(sentence, max(0, end - len(sentence) + 1))
        if start == -1:
            continue
        end = start + len(sentence)
        pieces.append(sentence)
    return pieces
