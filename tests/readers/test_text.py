"""The plain text / Markdown reader: paragraphs, headings, quotes, post breaks, escapes, round trips."""

from __future__ import annotations

import pytest
from hypothesis import given

from tests.strategies import text_threads
from translator.errors import InputError
from translator.models import Thread
from translator.readers.text import dump_text, read_text


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # Blank lines separate paragraphs; wrapped lines join with one space.
        (
            "Un.\nDeux.\n\nTrois.",
            [("article.p1", "paragraph", "Un. Deux."), ("article.p2", "paragraph", "Trois.")],
        ),
        # The first level-1 heading of the article is its title; others are headings.
        (
            "# Titre\n\n## Partie\n\nTexte.",
            [
                ("article.title", "title", "Titre"),
                ("article.h1", "heading", "Partie"),
                ("article.p1", "paragraph", "Texte."),
            ],
        ),
        # A heading that is not first is a heading, even at level 1.
        (
            "Texte.\n\n# Plus loin",
            [("article.p1", "paragraph", "Texte."), ("article.h1", "heading", "Plus loin")],
        ),
        # `>` lines are quotes; a blank `>` line splits two quoted paragraphs.
        (
            "> a\n> b\n>\n> c\nreply",
            [
                ("article.q1", "quote", "a b"),
                ("article.q2", "quote", "c"),
                ("article.p1", "paragraph", "reply"),
            ],
        ),
        # A thematic break starts a comment.
        (
            "Article.\n\n---\n\nComment.",
            [("article.p1", "paragraph", "Article."), ("c1.p1", "paragraph", "Comment.")],
        ),
        # Escaped markers stay literal text.
        (
            "\\# not a heading\n\n\\> not a quote",
            [("article.p1", "paragraph", "# not a heading"), ("article.p2", "paragraph", "> not a quote")],
        ),
        # Brackets and markup-looking text are data.
        ("[bold]x[/bold] \x1b[31m", [("article.p1", "paragraph", "[bold]x[/bold] \x1b[31m")]),
    ],
)
def test_read_text(text: str, expected: list[tuple[str, str, str]]) -> None:
    [thread] = read_text(text).threads
    assert [(b.id, b.kind, b.text) for _, b in thread.blocks()] == expected


def test_title_comes_from_the_heading() -> None:
    assert read_text("# Le titre\n\nTexte.").threads[0].title == "Le titre"


def test_only_breaks_is_refused() -> None:
    with pytest.raises(InputError, match="no text found"):
        read_text("---\n\n***\n")


@given(text_threads())
def test_read_of_dump_is_identity(thread: Thread) -> None:
    assert read_text(dump_text(thread)).threads == (thread,)
