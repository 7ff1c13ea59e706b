"""Real exports nobody on the team wrote (../shared/samples/web), read against their MANIFEST labels.

Counting rules (samples README): the opening post is the article, not a comment; for Reddit every `t1`
is a comment, `[deleted]`/`[removed]` ones included, "more" stubs are not. We keep a deleted comment
only where someone replied to it, so the comments we read plus those we report as left out make the
labelled count. Feeds have no comments: the label is the feed's title, which we keep as each thread's site.
"""

from __future__ import annotations

import json
import re
from pathlib import Path
from typing import Any

import pytest

from translator.readers import read_threads

WEB = Path(__file__).resolve().parents[2].parent / "shared" / "samples" / "web"
# "3 deleted or removed comments without replies were left out"; Discourse counts by kind: "1 hidden post
# (flagged by the community) and 2 deleted posts without replies were left out".
LEFT_OUT = re.compile(r"^[\d,]+ [^\d]*?(?: and [\d,]+ [^\d]*?)? without replies (?:were|was) left out$")
FORMATS = {"reddit": "reddit", "discourse": "discourse", "rss": "feed", "atom": "feed"}


def manifest() -> list[dict[str, Any]]:
    path = WEB / "MANIFEST.jsonl"
    assert path.is_file(), f"the real samples are missing at {WEB}: tests need ../shared/samples/web"
    entries = [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]
    return [entry for entry in entries if entry["format"] in FORMATS]


def words(text: str) -> str:
    return " ".join(re.sub(r"[^\w\s]", "", text.casefold()).split())


@pytest.mark.parametrize("entry", manifest(), ids=lambda entry: entry["file"])
def test_sample_matches_its_labels(entry: dict[str, Any]) -> None:
    thread_file = read_threads(WEB / entry["file"])
    threads = thread_file.threads
    assert {thread.source_format for thread in threads} == {FORMATS[entry["format"]]}
    if entry["format"] in ("rss", "atom"):
        assert {thread.site for thread in threads} == {entry["article_title"]}
        assert all(thread.title and len(thread.posts) == 1 for thread in threads)
        return
    [thread] = threads
    comments = [post for post in thread.posts if post.kind == "comment"]
    left_out = sum(
        int(count.replace(",", ""))
        for warning in thread_file.warnings
        if LEFT_OUT.match(warning)
        for count in re.findall(r"\d[\d,]*", warning)
    )
    assert len(comments) + left_out == entry["n_comments"]
    assert comments[0].author == entry["first_comment_author"]
    if entry["format"] == "discourse":
        # posts.json has no title, only the slug: the same words without capitals and punctuation.
        assert words(thread.title) == words(entry["article_title"])
    else:
        assert thread.title == entry["article_title"]
    # No block is empty, none holds markup, every block is one line.
    for _, block in thread.blocks():
        assert block.text.strip() and "\n" not in block.text
        assert not re.search(r"</?(p|div|a|span|blockquote|aside|img)\b", block.text)


@pytest.mark.parametrize(
    ("name", "deepest", "more_comments"),
    [
        # Labels: 166 top-level comments, replies at most 2 deep; "num_comments=10071".
        ("reddit_en_collegebasketball_31owr1.json", 2, "9,873 further comments"),
        # Labels: 60 top-level comments, nesting up to 9 deep; "num_comments=7727".
        ("reddit_en_askreddit_2np694.json", 9, "7,528 further comments"),
    ],
)
def test_reddit_samples_keep_their_whole_tree(name: str, deepest: int, more_comments: str) -> None:
    thread_file = read_threads(WEB / name)
    [thread] = thread_file.threads
    assert max(depth for _, depth in thread.threaded()) == deepest
    assert any(warning.startswith(more_comments) for warning in thread_file.warnings)
    # Every comment sits under the comment Reddit says it answers (parent_id), or at the top.
    raw = json.loads((WEB / name).read_text(encoding="utf-8"))
    parents: dict[str, str] = {}
    pending = list(raw[1]["data"]["children"])
    while pending:
        child = pending.pop()
        if child["kind"] == "t1":
            parents[child["data"]["id"]] = child["data"]["parent_id"].partition("_")[2]
            replies = child["data"]["replies"]
            pending.extend(replies["data"]["children"] if replies else [])
    post_of = {post.url.rstrip("/").rpartition("/")[2]: post.id for post in thread.posts[1:] if post.url}
    assert len(post_of) == len(thread.posts) - 1  # every comment has its permalink
    for source_id, post_id in post_of.items():
        post = next(post for post in thread.posts if post.id == post_id)
        assert post.parent == post_of.get(parents[source_id])  # None for replies to the submission


def test_discourse_sample_replies_follow_reply_to_post_number() -> None:
    name = "discourse_en_criticalfallibilism_2108-posts.json"
    [thread] = read_threads(WEB / name).threads
    raw = json.loads((WEB / name).read_text(encoding="utf-8"))["post_stream"]["posts"]
    numbers = {post.id: raw_post["post_number"] for post, raw_post in zip(thread.posts[1:], raw[1:], strict=True)}
    for post, raw_post in zip(thread.posts[1:], raw[1:], strict=True):
        reply_to = raw_post["reply_to_post_number"]
        assert (numbers[post.parent] if post.parent else None) == (reply_to if reply_to not in (None, 1) else None)
    assert max(depth for _, depth in thread.threaded()) == 4


def raw_items(value: Any, kinds: tuple[str, ...]) -> list[dict[str, Any]]:
    """Every Reddit thing of the given kinds in a JSON value, in document order (no recursion limit)."""
    found, pending = [], [value]
    while pending:
        item = pending.pop()
        if isinstance(item, dict):
            if item.get("kind") in kinds and isinstance(item.get("data"), dict):
                found.append(item["data"])
            pending.extend(reversed(list(item.values())))
        elif isinstance(item, list):
            pending.extend(reversed(item))
    return found


def test_reddit_roles_say_op_moderators_and_flair() -> None:
    data = json.loads((WEB / "reddit_en_askreddit_2np694.json").read_text(encoding="utf-8"))
    [thread] = read_threads(WEB / "reddit_en_askreddit_2np694.json").threads
    submitter = thread.posts[0].author
    comments = [post for post in thread.posts if post.kind == "comment"]
    # the comments of the post's own writer say so, and only they
    assert {post.role for post in comments if post.author == submitter} == {"OP"}
    assert {post.role for post in comments if post.author != submitter} == {None}
    labelled = sum(1 for item in raw_items(data, ("t1",)) if item.get("is_submitter") is True)
    assert len([post for post in comments if post.role == "OP"]) == labelled > 0
    [thread] = read_threads(WEB / "reddit_en_collegebasketball_31owr1.json").threads
    article_role = thread.posts[0].role
    assert article_role is not None and article_role.startswith("moderator")  # a moderator's game thread
    flairs = [post.role for post in thread.posts if post.role and "Wisconsin Badgers" in post.role]
    assert len(flairs) > 10


def test_discourse_roles_say_admins() -> None:
    data = json.loads((WEB / "discourse_en_criticalfallibilism_2108-posts.json").read_text(encoding="utf-8"))
    admins = {post["username"] for post in data["post_stream"]["posts"] if post.get("admin") is True}
    [thread] = read_threads(WEB / "discourse_en_criticalfallibilism_2108-posts.json").threads
    assert admins and {post.role for post in thread.posts if post.author in admins} == {"admin"}
    assert {post.role for post in thread.posts if post.author not in admins} == {None}
