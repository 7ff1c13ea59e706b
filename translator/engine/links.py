"""The link guard: URLs, e-mail addresses and emoji shortcodes go through the model as placeholders, so it
cannot bend them.

An engine wrapper: each link of a sentence is replaced by a placeholder (`⟦T3⟧`, numbered above any the
sentence holds already, such as the glossary's), the wrapped engine translates the masked sentences in
one call, and the links are put back once every placeholder is verified; the sentences whose
placeholders did not come back are translated again unmasked, in one more call. Which placeholder form
to use is learnt once per model (translator.engine.probe): a model that keeps none (it bends the links
too) is given only the text between the links, in one call, and the links are copied around it.
"""

from __future__ import annotations

import re
from collections.abc import Iterator, Mapping, Sequence

from translator.engine.base import Engine
from translator.engine.probe import ProbeMemory, ProbeResult, probe
from translator.placeholders import DEFAULT_STYLE, PlaceholderStyle, fill, mask, placeholder_problems
from translator.shortcodes import SHORTCODE_SPAN

LINK = re.compile(
    r"(?:https?://|www\.)[^\s<>\"«»]+[^\s<>\"«».,;:!?)\]]|(?<![\w.+-])[\w.+-]+@[\w-]+(?:\.[\w-]+)+|" + SHORTCODE_SPAN
)
"""A URL or an e-mail address (trailing punctuation left out), or an emoji shortcode no character stands
for (a site's own `:party_parrot:`): the model would translate its words. An address starts where its run
of name characters does (the leftmost match anyway): tried from every character of a long word, the
search took the square of its length (300,000 letters in one word: minutes)."""

AROUND_LINKS = re.compile(f"({LINK.pattern})")
"""Splits a sentence into text, link, text, ...: the links at the odd places."""


def mask_links(sentence: str, style: PlaceholderStyle = DEFAULT_STYLE) -> tuple[str, dict[int, str]]:
    """The sentence with each link replaced by a placeholder, and the links by placeholder number;
    unchanged (and no links) when there is none or no free placeholder number is left for all of them."""
    spans = [hit.span() for hit in LINK.finditer(sentence)]
    if not spans:
        return sentence, {}
    first = style.first_free(sentence)
    if first + len(spans) - 1 > style.max_slots:
        return sentence, {}
    links = {first + index: sentence[start:end] for index, (start, end) in enumerate(spans)}
    return mask(sentence, spans, style, first), links


def unmask_links(translated: str, links: Mapping[int, str], style: PlaceholderStyle = DEFAULT_STYLE) -> str | None:
    """The translation with the links back; None when a placeholder is missing, doubled or bent (other
    placeholders, such as the glossary's, are left for their owner)."""
    if placeholder_problems(translated, {number: repr(link) for number, link in links.items()}, style, exclusive=False):
        return None
    return fill(translated, style, lambda number, _: links.get(number)) if links else translated


def text_around_links(sentence: str) -> list[str]:
    """What of a sentence goes through a model that keeps no placeholder: the whole sentence when it has no
    link, else each stretch of text between its links that holds a letter (stripped)."""
    pieces = AROUND_LINKS.split(sentence)
    if len(pieces) == 1:
        return pieces
    return [piece.strip() for piece in pieces[::2] if _has_letter(piece)]


def _has_letter(piece: str) -> bool:
    """Whether a stretch between links is text to translate (punctuation and spaces are copied)."""
    return any(char.isalpha() for char in piece)


def join_around_links(sentence: str, translated: Iterator[str]) -> str:
    """The sentence with each stretch `text_around_links` gave replaced by its translation, in order, the
    links and the spaces around the stretches as they were."""
    pieces = AROUND_LINKS.split(sentence)
    if len(pieces) == 1:
        return next(translated)
    for index in range(0, len(pieces), 2):
        piece = pieces[index]
        if _has_letter(piece):
            core = piece.strip()
            start = piece.index(core)
            pieces[index] = piece[:start] + next(translated) + piece[start + len(core) :]
    return "".join(pieces)


class LinkGuard:
    """An engine that masks the links of every sentence around the wrapped engine, with the placeholder
    form the model keeps (probed the first time a pair has a link to mask)."""

    def __init__(self, engine: Engine, memory: ProbeMemory | None = None) -> None:
        self.engine = engine
        self.memory = memory or ProbeMemory()
        """Probe answers by model id (default: this guard only; build_engine shares a file in the user cache)."""

    def model_id(self, source: str, target: str) -> str:
        """The wrapped engine's id, marked: masking changes what the model is given."""
        return self.engine.model_id(source, target) + "+links"

    def protection(self, source: str, target: str) -> ProbeResult:
        """What the model of a pair does with placeholders: the remembered answer, else probed now."""
        return self.memory.answer(
            self.engine.model_id(source, target),
            lambda: probe(lambda sentences: self.engine.translate_batch(sentences, source, target), source),
        )

    def translate_batch(self, sentences: Sequence[str], source: str, target: str) -> list[str]:
        """Translate with links masked; sentences whose placeholders were lost or bent are translated
        again unmasked, all in one call. Without a form the model keeps, the text around the links in one call."""
        if source == target or not any(LINK.search(sentence) for sentence in sentences):
            return self.engine.translate_batch(sentences, source, target)
        style = self.protection(source, target).style
        if style is None:
            # No placeholder survives this model, and neither do links it is given: the text between the
            # links goes through it, every stretch of every sentence in one call, and the links are copied.
            texts = [text for sentence in sentences for text in text_around_links(sentence)]
            done = iter(self.engine.translate_batch(texts, source, target) if texts else [])
            return [join_around_links(sentence, done) for sentence in sentences]
        masked = [mask_links(sentence, style) for sentence in sentences]
        translated = self.engine.translate_batch([text for text, _ in masked], source, target)
        restored = [unmask_links(text, links, style) for text, (_, links) in zip(translated, masked, strict=True)]
        failed = [index for index, text in enumerate(restored) if text is None]
        if failed:
            retried = self.engine.translate_batch([sentences[index] for index in failed], source, target)
            for index, text in zip(failed, retried, strict=True):
                restored[index] = text
        return [text or "" for text in restored]
