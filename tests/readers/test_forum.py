"""The forum page dump reader: unit cases per construct, and the real sample end to end."""

from __future__ import annotations

from datetime import datetime
from pathlib import Path

import pytest

from translator.errors import InputError
from translator.models import Thread, Votes
from translator.readers import read_thread
from translator.readers.common import clean
from translator.readers.forum import is_chrome, looks_like_forum, parse_date, parse_votes, read_forum

ARTICLE = """\
IdentifiantMot de passe
Loading...

La fusée décolle
Le lancement a eu lieu lundi

Le 03/02/2025, par Ana Lopes

7PARTAGES

4  1\u00a0
Premier paragraphe.
Un intertitre
Deuxième paragraphe.
Source : Agence

Et vous ?

Qu'en pensez-vous ?
Une erreur dans cette actualité ? Signalez-nous-la !
"""


def comment(author: str, date: str, *body: str, votes: str = "1  0 ") -> str:
    return (
        "\n".join([f"Avatar de {author}", "Membre actif https://www.developpez.com", f"Le {date}", *body, votes]) + "\n"
    )


@pytest.mark.parametrize(
    ("line", "expected"),
    [
        ("11  4", Votes(11, 4)),  # two spaces, as on the page
        ("3\u00a0 2\u00a0", Votes(3, 2)),  # no-break spaces, as in the sample
        ("3 2", Votes(3, 2)),  # one space
        ("0  0", Votes(0, 0)),  # no votes yet
        ("11", None),  # one number is not a vote pair
        ("le 11  4", None),  # text around numbers
    ],
)
def test_parse_votes(line: str, expected: Votes | None) -> None:
    assert parse_votes(clean(line)) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Le 28/10/2024 à 9:26", datetime(2024, 10, 28, 9, 26)),  # comment date
        ("28/10/2024 à 13:05", datetime(2024, 10, 28, 13, 5)),  # byline date part
        ("Le 03/02/2025", datetime(2025, 2, 3)),  # date without a time
        ("", None),  # the article byline of the sample has no date: "Le , par ..."
        ("Le 31/02/2024 à 9:26", None),  # impossible date
        ("Le lundi", None),  # not a date
    ],
)
def test_parse_date(text: str, expected: datetime | None) -> None:
    assert parse_date(text) == expected


@pytest.mark.parametrize(
    ("line", "chrome"),
    [
        ("Loading...", True),  # page furniture
        ("Une erreur dans cette actualité ? Signalez-nous-la !", True),  # report-a-mistake link
        ("Vous êtes nouveau sur Developpez.com ? Créez votre compte", True),  # sign-up prompt
        ("Le lancement est prévu lundi.", False),  # content
    ],
)
def test_is_chrome(line: str, chrome: bool) -> None:
    assert is_chrome(line) is chrome


def test_article_header_body_and_reader_questions() -> None:
    [thread] = read_forum(ARTICLE).threads
    article = thread.posts[0]
    assert (thread.title, thread.subtitle) == ("La fusée décolle", "Le lancement a eu lieu lundi")
    assert (article.author, article.date, article.shares, article.votes) == (
        "Ana Lopes",
        datetime(2025, 2, 3),
        7,
        Votes(4, 1),
    )
    assert [(b.id, b.kind) for b in article.blocks] == [
        ("article.title", "title"),
        ("article.subtitle", "subtitle"),
        ("article.p1", "paragraph"),
        ("article.h1", "heading"),
        ("article.p2", "paragraph"),
        ("article.src1", "source"),
        ("article.h2", "heading"),
        ("article.ask1", "question"),
    ]


def test_comment_fields_and_order_kept() -> None:
    text = ARTICLE + comment("Bea", "03/02/2025 à 12:00", "Plus tard.") + comment("Cid", "03/02/2025 à 9:05", "Avant.")
    [thread] = read_forum(text).threads
    assert [(p.id, p.author, p.role, p.date) for p in thread.posts[1:]] == [
        ("c1", "Bea", "Membre actif", datetime(2025, 2, 3, 12, 0)),
        ("c2", "Cid", "Membre actif", datetime(2025, 2, 3, 9, 5)),
    ]


@pytest.mark.parametrize(
    ("posts", "expected_quotes"),
    [
        # The quoted line appears in an earlier post by the quoted author: matched, one line.
        (
            [
                ("Ann", "01/01/2025 à 9:00", ["Le ciel est bleu.", "Il fait beau."]),
                (
                    "Bob",
                    "01/01/2025 à 9:30",
                    ["Citation Envoyé par Ann Voir le message", "Il fait beau.", "Non."],
                ),
            ],
            {"c2": (["Il fait beau."], "matched")},
        ),
        # A later post quotes Bob's reply, so the reply starts there: matched, two lines of quote.
        (
            [
                (
                    "Bob",
                    "01/01/2025 à 9:30",
                    ["Citation Envoyé par Zed Voir le message", "Un.", "Deux.", "Trois."],
                ),
                ("Cat", "01/01/2025 à 9:45", ["Citation Envoyé par Bob Voir le message", "Trois.", "Oui."]),
            ],
            {"c1": (["Un.", "Deux."], "matched"), "c2": (["Trois."], "matched")},
        ),
        # Page order is not time order: the earlier post by date is the original.
        (
            [
                ("Bob", "01/01/2025 à 10:00", ["Citation Envoyé par Ann Voir le message", "A.", "B.", "C."]),
                ("Ann", "01/01/2025 à 9:00", ["Citation Envoyé par Bob Voir le message", "X.", "A.", "B."]),
            ],
            {"c1": (["A.", "B."], "matched"), "c2": (["X."], "matched")},
        ),
        # Nothing shared with any other post: the first line is taken as the quote, marked guessed.
        (
            [("Bob", "01/01/2025 à 9:30", ["Citation Envoyé par Zed Voir le message", "Un.", "Deux."])],
            {"c1": (["Un."], "guessed")},
        ),
        # Two quotes in one comment, each followed by its own reply.
        (
            [
                ("Ann", "01/01/2025 à 9:00", ["P.", "Q."]),
                (
                    "Bob",
                    "01/01/2025 à 9:30",
                    [
                        "Citation Envoyé par Ann Voir le message",
                        "P.",
                        "R1.",
                        "Citation Envoyé par Ann",
                        "Q.",
                        "R2.",
                    ],
                ),
            ],
            {"c2": (["P.", "Q."], "matched")},
        ),
    ],
)
def test_quote_extent(
    posts: list[tuple[str, str, list[str]]], expected_quotes: dict[str, tuple[list[str], str]]
) -> None:
    [thread] = read_forum(ARTICLE + "".join(comment(author, date, *body) for author, date, body in posts)).threads
    for post_id, (quoted_lines, extent) in expected_quotes.items():
        post = next(p for p in thread.posts if p.id == post_id)
        quotes = [b for b in post.blocks if b.kind == "quote"]
        assert [b.text for b in quotes] == quoted_lines
        assert {b.quote_extent for b in quotes} == {extent}
        replies = [b.text for b in post.blocks if b.kind != "quote"]
        assert replies and not set(replies) & set(quoted_lines)


def test_a_forum_threads_first_post_is_its_article() -> None:
    # A forum thread's dump has no byline: every post, the one that opens it too, shows an avatar line.
    text = (
        "IdentifiantMot de passe\nLoading...\n\nDiscussion : Le script ne démarre plus\n\n"
        + comment("Ana", "03/02/2025 à 9:00", "Depuis la mise à jour, rien ne se lance.", votes="2  0 ")
        + comment("Bea", "03/02/2025 à 9:40", "Citation Envoyé par Ana Voir le message",
                  "Depuis la mise à jour, rien ne se lance.", "Essaie de vider le cache.")
        + comment("Cid", "03/02/2025 à 10:15", "Même souci ici.")
    )  # fmt: skip
    [thread] = read_forum(text).threads
    article, *comments = thread.posts
    assert thread.title == "Le script ne démarre plus"
    assert (article.kind, article.author, article.date, article.votes) == (
        "article",
        "Ana",
        datetime(2025, 2, 3, 9, 0),
        Votes(2, 0),
    )
    assert [b.text for b in article.blocks] == ["Le script ne démarre plus", "Depuis la mise à jour, rien ne se lance."]
    assert [(p.id, p.author) for p in comments] == [("c1", "Bea"), ("c2", "Cid")]
    # The reply quotes the opening post's line, which it holds: matched.
    assert [(b.kind, b.quote_extent) for b in comments[0].blocks] == [("quote", "matched"), ("paragraph", None)]


def test_page_without_posts_is_refused() -> None:
    with pytest.raises(InputError, match="no article or comment"):
        read_forum("Loading...\nAvatar de X\n")


def test_sniffing_recognises_forum_dumps() -> None:
    assert looks_like_forum(ARTICLE)
    assert not looks_like_forum("# Titre\n\nUn paragraphe.\n")


# The real page: every comment in page order, with author, date, votes and the quote extent we can justify.
SAMPLE_COMMENTS = [
    (
        "c1",
        "Jon Shannow",
        "Membre extrêmement actif",
        datetime(2024, 10, 28, 9, 26),
        Votes(11, 4),
        1,
        "matched",
    ),
    (
        "c2",
        "Jon Shannow",
        "Membre extrêmement actif",
        datetime(2024, 10, 28, 9, 38),
        Votes(11, 4),
        1,
        "guessed",
    ),
    (
        "c3",
        "Jon Shannow",
        "Membre extrêmement actif",
        datetime(2024, 10, 28, 11, 6),
        Votes(7, 2),
        1,
        "guessed",
    ),
    (
        "c4",
        "Jon Shannow",
        "Membre extrêmement actif",
        datetime(2024, 10, 28, 10, 0),
        Votes(7, 3),
        4,
        "matched",
    ),
    (
        "c5",
        "Jon Shannow",
        "Membre extrêmement actif",
        datetime(2024, 10, 28, 13, 21),
        Votes(3, 1),
        2,
        "matched",
    ),
    ("c6", "noremorse", "Membre actif", datetime(2024, 10, 28, 22, 38), Votes(2, 0), 0, None),
    ("c7", "Artae", "Membre actif", datetime(2024, 10, 28, 9, 41), Votes(4, 3), 3, "matched"),
    (
        "c8",
        "Jon Shannow",
        "Membre extrêmement actif",
        datetime(2024, 10, 28, 11, 37),
        Votes(3, 2),
        3,
        "matched",
    ),
    ("c9", "Fagus", "Membre expert", datetime(2024, 10, 28, 13, 11), Votes(3, 2), 2, "matched"),
    ("c10", "Jon Shannow", "Membre extrêmement actif", datetime(2024, 10, 28, 13, 18), Votes(3, 2), 0, None),
]


@pytest.fixture(scope="module")
def sample(sample_path: Path) -> Thread:
    return read_thread(sample_path).thread


def test_sample_article(sample: Thread) -> None:
    article = sample.posts[0]
    assert sample.source_format == "forum"
    assert sample.title.startswith("Elon Musk serait en contact régulier avec Vladimir Poutine")
    assert sample.subtitle == "Des voix se lèvent pour demander une enquête"
    assert (article.author, article.date, article.shares, article.votes) == (
        "Stéphane le calme",
        None,
        26,
        Votes(8, 0),
    )
    kinds = [b.kind for b in article.blocks]
    assert kinds.count("question") == 4
    assert kinds.count("source") == 1
    headings = [b.text for b in article.blocks if b.kind == "heading"]
    assert headings[:2] == ["Les répercussions pour SpaceX", "Réactions et enquêtes"]
    assert headings[-1] == "Et vous ?"
    assert len(headings) == 6
    assert kinds.count("paragraph") == 22


def test_sample_comments(sample: Thread) -> None:
    comments = sample.posts[1:]
    assert len(comments) == len(SAMPLE_COMMENTS)
    for post, (post_id, author, role, date, votes, quote_lines, extent) in zip(comments, SAMPLE_COMMENTS, strict=True):
        quotes = [b for b in post.blocks if b.kind == "quote"]
        assert (post.id, post.author, post.role, post.date, post.votes) == (
            post_id,
            author,
            role,
            date,
            votes,
        )
        assert len(quotes) == quote_lines, post_id
        assert {b.quote_extent for b in quotes} == ({extent} if extent else set())
        assert all(b.kind in ("quote", "paragraph", "source") for b in post.blocks)


def test_sample_quotes_name_authors_and_match_the_quoted_text(sample: Thread) -> None:
    by_id = {post.id: post for post in sample.posts}
    artae_quotes = [b.text for b in by_id["c7"].blocks if b.kind == "quote"]
    jon_reply = [b.text for b in by_id["c1"].blocks if b.kind == "paragraph"]
    assert artae_quotes == jon_reply
    assert {b.quoted_author for b in by_id["c7"].blocks if b.kind == "quote"} == {"Jon Shannow"}
    assert by_id["c6"].blocks[-1].kind == "source"


def test_sample_has_no_site_chrome(sample: Thread) -> None:
    texts = [block.text for _, block in sample.blocks()]
    chrome_marks = (
        "Loading",
        "Mot de passe",
        "Signalez-nous",
        "Avatar de",
        "PARTAGES",
        "Citation Envoyé",
        "Je m'inscris",
    )
    assert not [text for text in texts if any(mark in text for mark in chrome_marks)]
    assert not [text for text in texts if parse_votes(text)]
    assert all(post.role is None or "http" not in post.role for post in sample.posts)
    ids = [block.id for _, block in sample.blocks()]
    assert len(ids) == len(set(ids))
