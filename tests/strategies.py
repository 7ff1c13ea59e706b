"""Hypothesis strategies for threads, shared by the round-trip tests."""

from __future__ import annotations

from dataclasses import replace
from datetime import datetime

from hypothesis import strategies as st

from translator.models import (
    BLOCK_KINDS,
    LANG_SOURCES,
    QA_CODES,
    QUOTE_EXTENTS,
    SOURCE_FORMATS,
    UNIT_ORIGINS,
    UNIT_STATUSES,
    Block,
    BlockKind,
    Post,
    QaIssue,
    Thread,
    TranslatedThread,
    TranslationUnit,
    Votes,
)
from translator.readers.common import BlockSpec, number_blocks

# Any text at all, control characters and markup-looking brackets included: text is data.
any_text = st.text(st.characters(codec="utf-8", exclude_categories=["Cs"]), max_size=40)
line_text = (
    st.text(
        st.characters(codec="utf-8", exclude_categories=["Cs", "Cc", "Zl", "Zp"], exclude_characters="\x85"),
        min_size=1,
        max_size=40,
    )
    .map(lambda text: " ".join(text.split()))
    .filter(bool)
)
minute_dates = st.datetimes(min_value=datetime(1990, 1, 1), max_value=datetime(2100, 1, 1)).map(
    lambda moment: moment.replace(second=0, microsecond=0)
)
counts = st.integers(min_value=0, max_value=10**6)


@st.composite
def any_blocks(draw: st.DrawFn) -> tuple[Block, ...]:
    """Blocks with every field set to anything the JSON schema allows."""
    size = draw(st.integers(0, 4))
    return tuple(
        Block(
            id=draw(any_text),
            kind=draw(st.sampled_from(BLOCK_KINDS)),
            text=draw(any_text),
            quoted_author=draw(st.none() | any_text),
            quote_extent=draw(st.none() | st.sampled_from(QUOTE_EXTENTS)),
            lang=draw(st.none() | st.sampled_from(["fr", "en", "und", "nb"])),
            lang_confidence=draw(st.none() | st.floats(0, 1)),
            lang_source=draw(st.none() | st.sampled_from(LANG_SOURCES)),
        )
        for _ in range(size)
    )


any_posts = st.builds(
    Post,
    id=any_text,
    kind=st.sampled_from(["article", "comment"]),
    author=st.none() | any_text,
    role=st.none() | any_text,
    date=st.none() | minute_dates,
    votes=st.none() | st.builds(Votes, counts, counts),
    shares=st.none() | counts,
    blocks=any_blocks(),
    lang=st.none() | st.sampled_from(["fr", "en", "und"]),
    parent=st.none() | any_text,
    url=st.none() | any_text,
    deleted=st.booleans(),
)

any_threads = st.builds(
    Thread,
    title=any_text,
    subtitle=st.none() | any_text,
    posts=st.lists(any_posts, max_size=4).map(tuple),
    source_format=st.sampled_from(SOURCE_FORMATS),
    lang=st.none() | st.sampled_from(["fr", "und"]),
    url=st.none() | any_text,
    site=st.none() | any_text,
    published=st.none() | minute_dates,
)


def with_unique_ids(thread: Thread) -> Thread:
    """The thread with a numbered suffix on every post or block id met before: a review file names each
    block once (readers of review files refuse a repeated block id)."""
    seen: set[str] = set()

    def unique(name: str) -> str:
        candidate, number = name, 1
        while candidate in seen:
            number += 1
            candidate = f"{name}~{number}"
        seen.add(candidate)
        return candidate

    posts = []
    for post in thread.posts:
        post_id = unique(post.id)
        posts.append(replace(post, id=post_id, blocks=tuple(replace(b, id=unique(b.id)) for b in post.blocks)))
    return replace(thread, posts=tuple(posts))


@st.composite
def text_threads(draw: st.DrawFn) -> Thread:
    """Threads that plain text / Markdown can express: an article, then comments with no metadata."""
    body_kinds: list[BlockKind] = ["heading", "paragraph", "quote"]
    posts = []
    for index in range(draw(st.integers(1, 3))):
        kinds: list[BlockKind] = draw(
            st.lists(st.sampled_from(body_kinds), min_size=0 if index == 0 else 1, max_size=5)
        )
        if index == 0 and draw(st.booleans()):
            kinds = ["title", *kinds]
        if index == 0 and not kinds:
            kinds = ["paragraph"]
        post_id = "article" if index == 0 else f"c{index}"
        specs: list[BlockSpec] = [(kind, draw(line_text), None, None) for kind in kinds]
        posts.append(
            Post(
                id=post_id,
                kind="article" if index == 0 else "comment",
                author=None,
                blocks=number_blocks(post_id, specs),
            )
        )
    title = next((b.text for b in posts[0].blocks if b.kind == "title"), "")
    return Thread(title=title, subtitle=None, posts=tuple(posts), source_format="text")


@st.composite
def any_translated(draw: st.DrawFn) -> TranslatedThread:
    """Translated threads with one unit per block and every unit field set to anything; post and block ids
    are unique, as in any thread a reader makes."""
    thread = with_unique_ids(draw(any_threads))
    target = draw(st.sampled_from(["en", "de"]))
    units = tuple(
        TranslationUnit(
            block=block,
            post_id=post.id,
            source_lang=draw(st.sampled_from(["fr", "und", "nb"])),
            target_lang=target,
            target=draw(any_text),
            origin=draw(st.sampled_from(UNIT_ORIGINS)),
            status=draw(st.sampled_from(UNIT_STATUSES)),
            terms=tuple(draw(st.lists(any_text, max_size=2))),
            issues=tuple(draw(st.lists(st.builds(QaIssue, st.sampled_from(QA_CODES), any_text), max_size=2))),
            previous=draw(st.none() | any_text),
            note=draw(st.just("") | any_text),
        )
        for post, block in thread.blocks()
    )
    return TranslatedThread(
        thread,
        target,
        units,
        models=tuple(draw(st.lists(any_text, max_size=2))),
        glossaries=tuple(draw(st.lists(any_text, max_size=2))),
    )


def approved_only_when_translated(translated: TranslatedThread) -> TranslatedThread:
    """The translated thread with every approved unit translated: the PO approval rule (not fuzzy and
    translated) reads an approved empty entry back as a draft, since nothing was approved."""
    units = tuple(unit if unit.target else replace(unit, status="draft") for unit in translated.units)
    return replace(translated, units=units)
