"""Small hand-made translated threads shared by the format and command-line tests."""

from __future__ import annotations

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
