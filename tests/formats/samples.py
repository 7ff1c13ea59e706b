"""Small hand-made translated threads shared by the format and command-line tests."""

from __future__ import annotations

from dataclasses import replace

from translator.models import Block, Post, Thread, TranslatedThread, TranslationUnit


def twin_blocks() -> TranslatedThread:
    """Two blocks with one id: `translate` writes such a PO file (msgfmt accepts it) from a JSON thread
    that has them, and a review could not tell them apart."""
    block, twin = Block("c1.p1", "paragraph", "Un.", lang="fr"), Block("c1.p1", "paragraph", "Deux.", lang="fr")
    thread = Thread("", None, (Post("c1", "comment", None, blocks=(block, twin)),), "json", lang="fr")
    units = tuple(TranslationUnit(b, "c1", "fr", "en", "x", "machine") for b in (block, twin))
    return TranslatedThread(thread, "en", units)


def replies() -> TranslatedThread:
    """The Discourse fixture translated by the fake engine: replies three deep (one to a post
    holding only a picture), a reply under a deleted post."""
    from pathlib import Path

    from tests.fakes import FakeEngine
    from translator.pipeline import PipelineOptions, translate_thread
    from translator.readers import read_thread

    fixture = Path(__file__).resolve().parent.parent / "data" / "readers" / "discourse-topic.json"
    return translate_thread(read_thread(fixture).thread, PipelineOptions(target="en", source="fr"), FakeEngine())


def one_reviewed_block() -> TranslatedThread:
    """One French comment translated into English and approved: what a memory import stores."""
    block = Block("c1.p1", "paragraph", "Merci pour l'article.", lang="fr")
    thread = Thread("", None, (Post("c1", "comment", None, blocks=(block,)),), "json", lang="fr")
    unit = TranslationUnit(block, "c1", "fr", "en", "Thanks for the article.", "machine", status="reviewed")
    return TranslatedThread(thread, "en", (unit,))


def held(text: str) -> str:
    return text.replace("\x00", "\ufffd")


def as_po_holds_it(translated: TranslatedThread) -> TranslatedThread:
    """The translated thread as its PO file gives it back: no PO string holds a NUL (gettext cuts the string
    there), so a NUL in a block's id or text or in a translation is written as U+FFFD, as every reader
    shows one (readers.common.scrubbed). The comment fields escape it and give it back exactly."""

    def block(item: Block) -> Block:
        return replace(item, id=held(item.id), text=held(item.text))

    posts = tuple(replace(post, blocks=tuple(block(each) for each in post.blocks)) for post in translated.thread.posts)
    units = tuple(replace(unit, block=block(unit.block), target=held(unit.target)) for unit in translated.units)
    return replace(translated, thread=replace(translated.thread, posts=posts), units=units)
