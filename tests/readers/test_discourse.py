"""The Discourse reader: post 1 as the article, replies by post number, quotes with their author,
notices left out, a picture alone kept as its link."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from translator.errors import InputError
from translator.readers import parse_threads, read_threads

FIXTURE = Path(__file__).resolve().parent.parent / "data" / "readers" / "discourse-topic.json"


def test_thread_fields() -> None:
    thread_file = read_threads(FIXTURE)
    [thread] = thread_file.threads
    assert (thread.source_format, thread.title) == ("discourse", "Vélos en ville l’hiver")
    assert thread.published is not None and thread.published.isoformat() == "2024-01-10T08:00:00"
    assert thread_file.warnings == (
        "2 further posts of this topic are not in this file (it holds 10 of 12): only the posts in the file are read",
        "1 deleted post without replies was left out",  # post 10
    )


@pytest.mark.parametrize(
    ("post_id", "author", "parent", "deleted", "blocks"),
    [
        # Post 1: title, paragraph, list items; its likes are its votes.
        (
            "article",
            "admin_velo",
            None,
            False,
            [
                ("title", "Vélos en ville l’hiver", None),
                ("paragraph", "Partagez vos conseils pour rouler en ville quand il gèle.", None),
                ("paragraph", "pneus", None),
                ("paragraph", "éclairage", None),
            ],
        ),
        ("c1", "camille", None, False, [("paragraph", "Les pistes ne sont jamais déneigées.", None)]),  # post 2
        # Post 3 quotes post 2: a quote block with its author, the quote header ("camille:") left out.
        (
            "c2",
            "yanis",
            "c1",
            False,
            [
                ("quote", "Les pistes ne sont jamais déneigées.", "camille"),
                ("paragraph", "Chez nous si, dès six heures du matin.", None),
            ],
        ),
        # Posts 4 (moderator notice) and 5 (small action) are left out; post 6 is a picture alone: the
        # post stays, its link as its text, and post 7 answers it.
        ("c3", "lea", "c2", False, [("source", "/uploads/p.jpeg", None)]),
        ("c4", "yanis", "c3", False, [("paragraph", "Belle photo, c’est quelle rue ?", None)]),
        ("c5", "anonyme", None, True, []),  # post 8, deleted, has a reply: kept empty
        ("c6", "camille", "c5", False, [("paragraph", "Je ne vois plus le message, mais je suis d’accord.", None)]),
    ],
)
def test_posts(
    post_id: str, author: str, parent: str | None, deleted: bool, blocks: list[tuple[str, str, str | None]]
) -> None:
    [thread] = read_threads(FIXTURE).threads
    post = {post.id: post for post in thread.posts}[post_id]
    assert (post.author, post.parent, post.deleted) == (author, parent, deleted)
    assert [(block.kind, block.text, block.quoted_author) for block in post.blocks] == blocks
    assert all(block.quote_extent == "matched" for block in post.blocks if block.kind == "quote")


def test_every_post_accounted_for() -> None:
    """Ten posts: the article, six comments (one a picture alone), two notices, one deleted leaf."""
    [thread] = read_threads(FIXTURE).threads
    assert [post.id for post in thread.posts] == ["article", "c1", "c2", "c3", "c4", "c5", "c6"]


def test_posts_json_takes_its_title_from_the_slug() -> None:
    document = {
        "post_stream": {"posts": [{"post_number": 2, "topic_slug": "a-la-une", "cooked": "<p>x</p>", "username": "u"}]}
    }
    reading = parse_threads(json.dumps(document))
    assert reading.threads[0].title == "A la une"
    assert "the topic's first post is not in this file" in reading.warnings[0]


@pytest.mark.parametrize(
    ("data", "message"),
    [
        ({"post_stream": {}}, "not a Discourse topic"),  # no posts
        ({"posts": "x"}, "not a Discourse topic"),  # another shape
    ],
)
def test_other_shapes_are_refused(data: object, message: str) -> None:
    with pytest.raises(InputError, match=message):
        parse_threads(json.dumps(data), "discourse")


def post(number: int, text: str, **fields: object) -> dict[str, object]:
    return {"post_number": number, "username": f"user{number}", "cooked": f"<p>{text}</p>", **fields}


def test_a_stream_longer_than_the_posts_says_so_without_posts_count() -> None:
    topic = {"title": "Wahl", "post_stream": {"posts": [post(1, "Start"), post(2, "Ja")], "stream": list(range(1, 41))}}
    reading = parse_threads(json.dumps(topic))
    assert reading.warnings == (
        "38 further posts of this topic are not in this file (it holds 2 of 40): only the posts in the file are read",
    )


def test_latest_posts_are_a_thread_per_topic() -> None:
    latest = {
        "latest_posts": [
            post(3, "Dritter", topic_id=7, topic_title="Regen", reply_to_post_number=2),
            post(1, "Erster", topic_id=8, topic_title="Sonne"),
            post(2, "Zweiter", topic_id=7, topic_title="Regen"),
        ]
    }
    reading = parse_threads(json.dumps(latest))
    found = [(t.title, [(p.id, p.parent, [b.text for b in p.blocks]) for p in t.posts]) for t in reading.threads]
    assert found == [
        ("Regen", [("article", None, ["Regen"]), ("c1", None, ["Zweiter"]), ("c2", "c1", ["Dritter"])]),
        ("Sonne", [("article", None, ["Sonne", "Erster"])]),
    ]
    assert reading.warnings == (
        "Regen: 1 further post of this topic is not in this file (it holds 2 of 3): "
        "only the posts in the file are read",
        "Regen: the topic's first post is not in this file: the article has its title only",
    )


RAW_TOPIC = """anna | 2024-03-01 08:00:00 UTC | #1

Wer hat einen Tipp für [Tomaten](https://garten.example/t)?
![foto|690x388](upload://abc.jpeg)

Zweiter Absatz. :slight_smile: :+1:t3: um 10:30:00

-------------------------

ben | 2024-03-01 09:15:00 UTC | #2

[quote="anna, post:1, topic:7"]
Wer hat einen Tipp
[/quote]

> ein Zitat ohne Namen

Gießen am Morgen.

-------------------------
"""


def test_the_raw_text_of_a_topic() -> None:
    reading = parse_threads(RAW_TOPIC)
    [thread] = reading.threads
    found = [(p.id, p.author, [(b.kind, b.text, b.quoted_author) for b in p.blocks]) for p in thread.posts]
    assert found == [
        (
            "article",
            "anna",
            [
                ("paragraph", "Wer hat einen Tipp für Tomaten?", None),
                # Shortcodes are their emoji (with Discourse's skin tone); a time is no shortcode.
                ("paragraph", "Zweiter Absatz. 🙂 👍🏼 um 10:30:00", None),
            ],
        ),
        (
            "c1",
            "ben",
            [
                ("quote", "Wer hat einen Tipp", "anna"),
                ("quote", "ein Zitat ohne Namen", None),
                ("paragraph", "Gießen am Morgen.", None),
            ],
        ),
    ]
    assert thread.source_format == "discourse" and thread.posts[1].date is not None
    assert thread.posts[1].date.isoformat() == "2024-03-01T09:15:00"


def test_a_poll_keeps_its_options_not_its_counter() -> None:
    poll = (
        '<p>Wann?</p><div class="poll" data-poll-name="poll"><div class="poll-container"><ul>'
        '<li data-poll-option-id="a">Morgens</li><li data-poll-option-id="b">Abends</li></ul></div>'
        '<div class="poll-info"><p><span class="info-number">3</span><span class="info-label">Stimmen</span></p></div>'
        '<div class="poll-buttons"><button>Ergebnisse zeigen</button></div></div>'
    )
    topic = {"title": "Umfrage", "post_stream": {"posts": [{"post_number": 1, "username": "a", "cooked": poll}]}}
    [thread] = parse_threads(json.dumps(topic)).threads
    assert [b.text for b in thread.posts[0].blocks] == ["Umfrage", "Wann?", "Morgens", "Abends"]


def test_a_further_page_of_raw_text_has_no_article() -> None:
    page = "carl | 2024-03-02 10:00:00 UTC | #101\n\nSpäter.\n\n-------------------------\n"
    reading = parse_threads(page)
    [thread] = reading.threads
    assert [(p.id, p.author, [b.text for b in p.blocks]) for p in thread.posts] == [
        ("article", None, []),
        ("c1", "carl", ["Später."]),
    ]
    assert "the topic's first post is not in this file" in reading.warnings[1]


def test_whispers_are_left_out_and_counted() -> None:
    posts = [post(1, "Start"), post(2, "Nur fürs Team", post_type=4), post(3, "Antwort", reply_to_post_number=2)]
    reading = parse_threads(json.dumps({"title": "T", "post_stream": {"posts": posts}}))
    [thread] = reading.threads
    assert [(p.id, p.parent, [b.text for b in p.blocks]) for p in thread.posts[1:]] == [("c1", None, ["Antwort"])]
    assert reading.warnings == ("1 whisper (posts only the forum's staff sees) was left out",)


def test_latest_posts_with_damaged_topic_ids_are_read() -> None:
    latest = {"latest_posts": [post(1, "Eins", topic_id=[1]), post(2, "Zwei", topic_id={"a": 1}), "x"]}
    reading = parse_threads(json.dumps(latest))
    assert [[b.text for b in p.blocks] for p in reading.threads[0].posts] == [["Eins"], ["Zwei"]]


def test_emoji_images_in_cooked_posts_are_characters() -> None:
    # Discourse draws `:+1:` as an image titled with its shortcode; a site's own emoji keeps its shortcode.
    cooked = (
        '<p>Danke <img src="/images/emoji/twitter/+1.png?v=12" title=":+1:" class="emoji" alt=":+1:"> '
        '<img src="/uploads/default/original/1X/parrot.gif" title=":party_parrot:" class="emoji emoji-custom" '
        'alt=":party_parrot:"></p>'
    )
    topic = {"title": "Emoji", "post_stream": {"posts": [post(1, "Start."), {**post(2, ""), "cooked": cooked}]}}
    [thread] = parse_threads(json.dumps(topic)).threads
    assert [block.text for block in thread.posts[1].blocks] == ["Danke 👍 :party_parrot:"]


def test_a_link_preview_alone_is_a_post_with_its_link() -> None:
    # A video shared by its address: Discourse draws a preview (a widget, no words of the writer).
    preview = '<aside class="onebox" data-onebox-src="https://video.example/v/9"><header>video.example</header></aside>'
    posts = [
        post(1, "Start"),
        {"post_number": 2, "username": "kim", "cooked": preview},
        post(3, "Lustig", reply_to_post_number=2),
    ]
    [thread] = parse_threads(json.dumps({"title": "T", "post_stream": {"posts": posts}})).threads
    assert [(p.id, p.parent, [(b.kind, b.text) for b in p.blocks]) for p in thread.posts[1:]] == [
        ("c1", None, [("source", "https://video.example/v/9")]),
        ("c2", "c1", [("paragraph", "Lustig")]),
    ]


def test_a_list_of_topics_is_refused_saying_what_it_is() -> None:
    # `/latest.json`, `/top.json`, a category's page: titles and counts of topics, none of their posts.
    listing = {"users": [], "topic_list": {"topics": [{"id": 7, "title": "Regen", "posts_count": 4}]}}
    with pytest.raises(InputError, match="a Discourse list of topics \\(1: their titles, not their posts\\)"):
        parse_threads(json.dumps(listing))


def test_one_post_is_read_as_a_comment_of_its_topic() -> None:
    # `/posts/ID.json`: a single post, naming its topic by id and slug.
    one = post(4, "Hallo", topic_id=7, topic_slug="regen-im-mai", reply_to_post_number=2)
    reading = parse_threads(json.dumps(one))
    [thread] = reading.threads
    assert (thread.title, [(p.id, p.author, p.parent) for p in thread.posts]) == (
        "Regen im mai",
        [("article", None, None), ("c1", "user4", None)],
    )
    assert "the topic's first post is not in this file" in reading.warnings[-1]


SAMPLE = Path(__file__).resolve().parents[2].parent / "shared" / "samples" / "web"


def test_posts_listed_out_of_order_come_out_in_topic_order() -> None:
    # An answer to `/t/ID/posts.json?post_ids[]=...`, or a tool's export sorted by likes: the file's order
    # is not the topic's. Post 4 answers post 2, which comes after it in the file.
    posts = [
        post(4, "Vier", reply_to_post_number=2),
        post(2, "Zwei"),
        post(1, "Eins"),
        post(3, "Drei"),
    ]
    [thread] = parse_threads(json.dumps({"title": "T", "post_stream": {"posts": posts}})).threads
    assert [(p.id, p.author, p.parent) for p in thread.posts] == [
        ("article", "user1", None),
        ("c1", "user2", None),
        ("c2", "user3", None),
        ("c3", "user4", "c1"),
    ]


def test_a_real_topic_reads_the_same_whatever_order_its_posts_are_listed_in() -> None:
    data = json.loads((SAMPLE / "discourse_en_criticalfallibilism_2108-posts.json").read_text(encoding="utf-8"))
    [listed] = parse_threads(json.dumps(data)).threads
    data["post_stream"]["posts"].reverse()
    [reversed_] = parse_threads(json.dumps(data)).threads
    assert reversed_ == listed
    # Post 6 (c5) answers post 4 (c3): the reply follows what it answers, as on the site.
    assert [(p.id, p.author, p.parent) for p in reversed_.posts[4:7]] == [
        ("c4", "Elliot", None),
        ("c5", "anonymous105", "c3"),
        ("c6", "anonymous105", "c3"),
    ]


FLAGGED = "<p>This post was flagged by the community and is temporarily hidden.</p>"


def test_hidden_deleted_and_small_action_posts_each_handled() -> None:
    # The shapes of /t/ID.json: a flagged post as a visitor sees it (`cooked_hidden`, a notice for text), as
    # a staff member does (`hidden`, its text), or empty; a post its writer deleted (`user_deleted`, the
    # placeholder text) or staff did (`deleted_at`); a small action ("closed this topic": `action_code`,
    # no text) and a whisper. Hidden and deleted posts stay empty where replied to, else go, counted.
    posts = [
        post(1, "Start"),
        {**post(2, ""), "hidden": True, "cooked_hidden": True, "cooked": FLAGGED},
        post(3, "Antwort auf zwei", reply_to_post_number=2),
        {**post(4, "Beleidigung"), "hidden": True},  # a staff member's download: the text is there
        {**post(5, ""), "hidden": True, "cooked": ""},
        {**post(6, "(post deleted by author)"), "user_deleted": True},
        post(7, "Antwort auf sechs", reply_to_post_number=6),
        {**post(8, "Spam"), "deleted_at": "2024-03-01T10:00:00.000Z", "deleted_by": {"username": "mod"}},
        {**post(9, ""), "post_type": 3, "action_code": "closed.enabled"},
        {**post(10, "Nur fürs Team"), "post_type": 4},
        post(11, "Antwort auf neun", reply_to_post_number=9),
        # A tool's export that kept the text and lost the flags: the placeholders say it all the same.
        post(12, "(post withdrawn by author, will be automatically deleted in 24 hours unless flagged)"),
        {**post(13, ""), "cooked": FLAGGED},
    ]
    reading = parse_threads(json.dumps({"title": "T", "post_stream": {"posts": posts}}))
    [thread] = reading.threads
    assert [(p.id, p.author, p.parent, p.deleted, [b.text for b in p.blocks]) for p in thread.posts[1:]] == [
        ("c1", "user2", None, True, []),
        ("c2", "user3", "c1", False, ["Antwort auf zwei"]),
        ("c3", "user6", None, True, []),
        ("c4", "user7", "c3", False, ["Antwort auf sechs"]),
        ("c5", "user11", None, False, ["Antwort auf neun"]),
    ]
    assert reading.warnings == (
        "1 whisper (posts only the forum's staff sees) was left out",
        "3 hidden posts (flagged by the community) and 2 deleted posts without replies were left out",
    )


def test_a_hidden_first_post_leaves_the_article_its_title() -> None:
    posts = [{**post(1, ""), "cooked_hidden": True, "cooked": FLAGGED}, post(2, "Antwort")]
    reading = parse_threads(json.dumps({"title": "Titel", "post_stream": {"posts": posts}}))
    [thread] = reading.threads
    assert [b.text for b in thread.posts[0].blocks] == ["Titel"]
    assert reading.warnings == (
        "the topic's first post is hidden (flagged by the community): the article has its title only",
    )


def test_raw_text_leaves_out_what_stands_for_a_deleted_post() -> None:
    # /raw/ has no flags: a deleted post is its placeholder text, and nobody is known to reply to it.
    separator = "\n-------------------------\n\n"
    raw = (
        f"{RAW_TOPIC}{separator}carl | 2024-03-01 10:00:00 UTC | #3\n\n(post deleted by author)\n"
        f"{separator}dora | 2024-03-01 11:00:00 UTC | #4\n\n"
        "This post was flagged by the community and is temporarily hidden.\n"
    )
    reading = parse_threads(raw)
    assert [p.author for p in reading.threads[0].posts] == ["anna", "ben"]
    assert reading.warnings[-1] == (
        "1 hidden post (flagged by the community) and 1 deleted post without replies were left out"
    )
