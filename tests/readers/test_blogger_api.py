"""The Blogger API's JSON (v3): posts, pages, comments, their lists and a blog, alone or in one array."""

from __future__ import annotations

import json
from typing import Any

import pytest

from tests.conftest import REPO
from translator.errors import InputError
from translator.readers import parse_threads, sniff_format

POST = REPO / "tests" / "data" / "readers" / "blogger-api-post.json"
POST_URL = "http://carnet-du-marais.blogspot.com/2024/05/les-herons-reviennent.html"


def post() -> dict[str, Any]:
    data: dict[str, Any] = json.loads(POST.read_text(encoding="utf-8"))
    return data


def comment(number: str, post_id: str, text: str, when: str, **more: Any) -> dict[str, Any]:
    return {
        "kind": "blogger#comment",
        "id": number,
        "post": {"id": post_id},
        "blog": {"id": "3213900"},
        "published": when,
        "content": text,
        "author": {"id": f"g{number}", "displayName": f"Lecteur {number}"},
        **more,
    }


def test_a_post_with_its_comments_is_a_thread() -> None:
    text = POST.read_text(encoding="utf-8")
    assert sniff_format(text) == "feed"
    reading = parse_threads(text)
    [thread] = reading.threads
    article = thread.posts[0]
    assert (thread.title, thread.url, article.author) == ("Les hérons reviennent au marais", POST_URL, "Hélène Marais")
    assert article.date is not None and article.date.isoformat() == "2024-05-02T16:30:00"
    assert [block.text for block in article.blocks][1:] == [
        "Depuis lundi, une dizaine de hérons cendrés nichent de nouveau dans les roseaux du marais.",
        "Les gardes demandent aux promeneurs de rester sur les sentiers jusqu'à la fin juin.",
    ]
    found = [(p.id, p.author, p.parent, p.deleted, [b.text for b in p.blocks]) for p in thread.posts[1:]]
    assert found == [
        (
            "c1",
            "Paul R.",
            None,
            False,
            ["Enfin ! Je les ai vus samedi depuis la digue.", "Combien de nids cette année ?"],
        ),
        ("c2", "Hélène Marais", "c1", False, ["Onze nids pour l'instant, d'après le comptage de mardi."]),
        ("c3", "Anonyme", None, True, []),  # EMPTIED: its text removed, kept for the reply to it
        ("c4", "Hélène Marais", "c3", False, ["Merci de rester poli, les oiseaux n'y sont pour rien."]),
    ]
    # As Blogger links a comment: on its post's page, at the time it was published, by its number.
    assert thread.posts[1].url == f"{POST_URL}?showComment=1714677300000#c4410000000000000001"
    assert reading.warnings == (
        "1 comment the posts count is not in this file (save each post's comments with comments.list, every page "
        "of them)",
        "1 comment not shown on the blog (pending, spam) was left out",
    )


def test_a_post_and_its_comment_list_in_one_array_are_one_thread() -> None:
    alone = post()
    del alone["replies"]["items"]
    replies = {
        "kind": "blogger#commentList",
        "nextPageToken": "CgkIChiA",
        "items": [
            comment("91", alone["id"], "Deuxième.", "2024-05-03T10:00:00Z", inReplyTo={"id": "90"}),
            comment("90", alone["id"], "Premier.", "2024-05-03T09:00:00Z"),
        ],
    }
    reading = parse_threads(json.dumps([alone, replies]))
    [thread] = reading.threads
    assert [(p.id, p.parent, [b.text for b in p.blocks]) for p in thread.posts[1:]] == [
        ("c1", None, ["Premier."]),  # in date order, the reply nested by inReplyTo
        ("c2", "c1", ["Deuxième."]),
    ]
    assert "further pages of comments are not in this file (nextPageToken)" in reading.warnings
    assert any(warning.startswith("4 comments the posts count are not") for warning in reading.warnings)


def test_comments_without_their_post_say_so() -> None:
    replies = {"kind": "blogger#commentList", "items": [comment("90", "555", "Très juste.", "2024-05-03T09:00:00Z")]}
    reading = parse_threads(json.dumps(replies))
    [thread] = reading.threads
    assert thread.title == "" and [b.text for b in thread.posts[1].blocks] == ["Très juste."]
    assert reading.warnings == (
        "post 555 itself is not in this file, only its comments: save it too (posts.get), and give both as one JSON "
        "array",
    )


def test_a_blog_and_post_lists_are_a_thread_per_post_drafts_named_and_the_bin_left_out() -> None:
    def listed(number: str, title: str, status: str) -> dict[str, Any]:
        return {
            "kind": "blogger#post",
            "id": number,
            "title": title,
            "content": f"<p>Texte de {title}.</p>",
            "status": status,
            "url": f"https://carnet.example/{number}.html",
        }

    blog = {
        "kind": "blogger#blog",
        "id": "3213900",
        "name": "Carnet du marais",
        "url": "http://carnet-du-marais.blogspot.com/",
        "posts": {"totalItems": 3, "items": [listed("1", "Printemps", "LIVE"), listed("2", "Été", "DRAFT")]},
    }
    pages = {
        "kind": "blogger#pageList",
        "items": [listed("3", "À propos", "LIVE"), listed("4", "Ancien", "SOFT_TRASHED")],
        "nextPageToken": "CgkI",
    }
    reading = parse_threads(json.dumps([blog, pages]))
    assert [(thread.title, thread.site) for thread in reading.threads] == [
        ("Printemps", "Carnet du marais"),
        ("Été", "Carnet du marais"),
        ("À propos", "Carnet du marais"),
    ]
    assert reading.warnings == (
        "further pages of pages are not in this file (nextPageToken)",
        '1 draft is read, not published on the blog: "Été"',
    )


@pytest.mark.parametrize(
    ("data", "message"),
    [
        ({"kind": "blogger#user", "id": "1", "displayName": "Hélène"}, "(blogger#user) holds no post, page or comment"),
        ({"kind": "blogger#postList", "items": []}, "(blogger#postList) holds no post, page or comment"),
        ({"kind": "blogger#postList", "items": "nothing"}, "holds no post, page or comment"),
    ],
)
def test_an_answer_holding_nothing_to_read_is_one_line(data: Any, message: str) -> None:
    with pytest.raises(InputError, match=message.replace("(", r"\(").replace(")", r"\)")):
        parse_threads(json.dumps(data))


def test_wrong_types_are_read_as_absent() -> None:
    odd = {
        "kind": "blogger#post",
        "id": 7,
        "title": ["not", "text"],
        "content": "<p>Le texte reste lisible.</p>",
        "author": "Hélène",
        "published": 12,
        "replies": {"totalItems": "many", "items": [None, 3, {"kind": "blogger#comment", "content": None}]},
    }
    [thread] = parse_threads(json.dumps(odd)).threads
    assert [b.text for b in thread.posts[0].blocks] == ["Le texte reste lisible."]
    assert thread.posts[0].author is None and thread.posts[0].date is None
