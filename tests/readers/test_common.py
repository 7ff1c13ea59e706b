"""What every reader shares: the reply tree, the safe JSON loader, dates, XML sniffing."""

from __future__ import annotations

import json
import time
from datetime import datetime

import pytest

from translator.errors import InputError
from translator.readers.common import (
    RawComment,
    comment_tree,
    epoch_date,
    iso_date,
    load_json,
    net_votes,
    parse_xml,
    printed_count,
    whole_number,
    xml_root_name,
)


def raw(key: str, parent: str | None = None, deleted: bool = False, skipped: bool = False) -> RawComment:
    return RawComment(
        key, parent, f"author {key}", [("paragraph", f"text {key}", None, None)], deleted=deleted, skipped=skipped
    )


@pytest.mark.parametrize(
    ("comments", "expected", "dropped"),
    [
        # A plain tree: ids in the order given, parents mapped to post ids; the article's key is top level.
        (
            [raw("a", "T"), raw("b", "a"), raw("c", "b"), raw("d", "T")],
            [("c1", None), ("c2", "c1"), ("c3", "c2"), ("c4", None)],
            0,
        ),
        # A reply to a comment that is not in the file is top level.
        ([raw("a", "elsewhere")], [("c1", None)], 0),
        # A deleted comment with a reply stays (empty); a deleted leaf goes.
        ([raw("a", deleted=True), raw("b", "a"), raw("c", deleted=True)], [("c1", None), ("c2", "c1")], 1),
        # A deleted chain stays up to a kept reply, however deep.
        (
            [raw("a", deleted=True), raw("b", "a", deleted=True), raw("c", "b")],
            [("c1", None), ("c2", "c1"), ("c3", "c2")],
            0,
        ),
        # A deleted comment whose only reply is deleted too: both go.
        ([raw("a", deleted=True), raw("b", "a", deleted=True)], [], 2),
        # A skipped comment (a moderator notice) goes, and its replies move up to its parent.
        (
            [raw("a"), raw("n", "a", skipped=True), raw("b", "n"), raw("m", "n", skipped=True), raw("c", "m")],
            [("c1", None), ("c2", "c1"), ("c3", "c1")],
            0,
        ),
        # A loop of parents (a damaged file) is broken, not followed forever.
        ([raw("a", "b"), raw("b", "a")], [("c1", None), ("c2", "c1")], 0),
        # A comment replying to itself is top level.
        ([raw("a", "a")], [("c1", None)], 0),
        # A reply listed before its parent keeps its parent.
        ([raw("b", "a"), raw("a")], [("c1", "c2"), ("c2", None)], 0),
    ],
)
def test_comment_tree(comments: list[RawComment], expected: list[tuple[str, str | None]], dropped: int) -> None:
    tree = comment_tree(comments, article_key="T")
    assert [(post.id, post.parent) for post in tree.posts] == expected
    assert tree.dropped_deleted == dropped
    for post in tree.posts:
        assert post.blocks == () if post.deleted else post.blocks[0].id == f"{post.id}.p1"


def test_comment_tree_is_linear_on_a_long_reply_chain() -> None:
    """100,000 replies each to the one before: no recursion, no quadratic walk up the chain."""
    chain = [raw("0")] + [raw(str(n), str(n - 1), deleted=n % 2 == 1 and n < 99_999) for n in range(1, 100_000)]
    started = time.perf_counter()
    tree = comment_tree(chain)
    assert len(tree.posts) == 100_000 and tree.posts[-1].parent == "c99999"
    assert time.perf_counter() - started < 20  # a generous bound: this is a check of shape, not a benchmark


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ('{"posts": [', "invalid JSON at line 1"),  # truncated
        ("[" * 100_000 + "]" * 100_000, "nested too deeply"),  # nesting that would overflow the stack
        ("[" + "9" * 5000 + "]", "number too long"),  # an integer beyond Python's conversion limit
    ],
)
def test_load_json_refuses_with_one_error(text: str, message: str) -> None:
    with pytest.raises(InputError, match=message):
        load_json(text)


def test_load_json_reads_what_real_exports_hold() -> None:
    data = {"a": [[[[{"deep": 1.5e300, "n": -(10**30)}]]]], "s": "é\u2028"}
    assert load_json(json.dumps(data)) == data


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        (1714550400, datetime(2024, 5, 1, 8, 0)),  # Unix seconds, UTC
        (1714550459.9, datetime(2024, 5, 1, 8, 0)),  # seconds dropped: dates are kept to the minute
        ("1714550400", datetime(2024, 5, 1, 8, 0)),  # digits in a string
        (10**20, None),  # absurd
        (True, None),  # a boolean is no date
        (None, None),  # absent
    ],
)
def test_epoch_date(value: object, expected: datetime | None) -> None:
    assert epoch_date(value) == expected


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        ("2024-05-01T10:00:00.000Z", datetime(2024, 5, 1, 10, 0)),  # Discourse/Algolia, UTC
        ("2024-03-01T07:00:00+01:00", datetime(2024, 3, 1, 6, 0)),  # an offset is turned into UTC
        ("2019-06-02T07:30:00", datetime(2019, 6, 2, 7, 30)),  # no zone: taken as written
        ("yesterday", None),  # not a date
        (12, None),  # not text
    ],
)
def test_iso_date(value: object, expected: datetime | None) -> None:
    assert iso_date(value) == expected


@pytest.mark.parametrize(
    ("value", "expected"),
    [(5, 5), (5.0, 5), (5.5, None), (-1, None), (True, None), ("5", None), (10**40, None)],
)
def test_whole_number(value: object, expected: int | None) -> None:
    assert whole_number(value) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("12", 12),  # a plain count
        ("+3 ", 3),  # a signed score
        ("−4", -4),  # a minus sign
        ("1,234 likes", 1234),  # English grouped thousands
        ("12\u00a0345", 12345),  # French grouped thousands
        ("1.2K", 1200),  # English abbreviation
        ("3,4 тыс.", 3400),  # Russian thousands, decimal comma
        ("2,5 млн", 2500000),  # Russian millions
        ("1,2 Mio.", 1200000),  # German millions
        ("7 Tsd.", 7000),  # German thousands
        ("2 mil", 2000),  # Spanish and Portuguese thousands
        ("3 tys.", 3000),  # Polish thousands
        ("1.5万", 15000),  # Chinese and Japanese ten-thousands
        ("5 Minuten", 5),  # a word that merely starts like an abbreviation is none
        ("Reply", None),  # no number
    ],
)
def test_printed_count(text: str, expected: int | None) -> None:
    assert printed_count(text) == expected


def test_net_votes_split_a_score() -> None:
    assert (net_votes(12), net_votes(-3), net_votes(None)) == (net_votes(12.0), net_votes(-3.0), None)
    votes = net_votes(-3)
    assert votes is not None and (votes.up, votes.down) == (0, 3)


@pytest.mark.parametrize(
    ("text", "root"),
    [
        ('<?xml version="1.0"?>\n<rss version="2.0">', "rss"),  # declaration first
        ('<?xml version="1.0"?><?xml-stylesheet href="a.xsl"?><!-- c --><feed xmlns="x">', "feed"),  # PIs, comments
        ("<!DOCTYPE disqus [<!ENTITY a 'b'>]><disqus>", "disqus"),  # a doctype with an internal subset
        ("<rdf:RDF xmlns:rdf='x'>", "rdf"),  # a prefixed root
        ("not xml", None),  # text
    ],
)
def test_xml_root_name(text: str, root: str | None) -> None:
    assert xml_root_name(text) == root


def test_parse_xml_expands_no_entity_and_says_where_it_breaks() -> None:
    bomb = '<?xml version="1.0"?><!DOCTYPE d [<!ENTITY a "aaaaaaaaaa"><!ENTITY b "&a;&a;&a;&a;&a;">]><d>&b;</d>'
    root = parse_xml(bomb, "export", "hint")
    assert "aaaaaaaaaa" not in (root.text or "")
    with pytest.raises(InputError, match="not well-formed XML at line 2"):
        parse_xml("<d>\n<e></d>", "export", "hint")
