"""Read a Hacker News discussion, as any of its three JSON forms gives it.

- Algolia (`hn.algolia.com/api/v1/items/ID`): the story with its whole reply tree in `children`.
- The official Firebase API (`/v0/item/ID.json`): one item per request, so a saved discussion is one
  item or an array of items (comments point to their parent; `kids` orders the replies); a story whose
  comments are missing is read with a warning.
- HNPWA / node-hnapi (`api.hnpwa.com/v0/item/ID.json`): the story with nested `comments`.
- A list of several stories (HNPWA's `news.json`, the official items of a front page): a thread per
  story, with the items of the list that reply to it.
- Algolia search (`/api/v1/search?tags=comment,story_ID`): `hits`, each comment naming its story and
  parent (a story's own hit has no `comment_text`, or a null one); a thread per story, replies nested
  by `parent_id`; more hits than the file holds are reported, and so is what the hits lack: a story's
  own hit (a search of comments), the comment a reply answers, a comment's text.

Text is HTML (entities, `<p>` left unclosed, `<pre><code>`); a paragraph typed with a leading `>` is
a quote. Some old items (2007-2008) type their paragraphs with blank lines instead of `<p>`: those are
paragraphs too. Deleted and dead (flagged) comments are kept, empty, only where someone replied to them. The
options of a poll (`pollopt` items, Algolia's `options`) are paragraphs of the article, not comments.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from translator.errors import InputError
from translator.models import Thread
from translator.readers.common import (
    BlockSpec,
    RawComment,
    Reading,
    as_list,
    comment_tree,
    discussion,
    epoch_date,
    further_comments,
    net_votes,
    text_field,
    whole_number,
)
from translator.readers.markup import MarkupRules, html_blocks

ITEM_URL = "https://news.ycombinator.com/item?id="
# The warning that comments are missing (common.further_comments), its count summed over several stories.
# What stands in a comment's place once it is gone, as HN's pages print it and copies of them keep it.
GONE_TEXT = re.compile(r"(?:<p>)?\s*\[(?:deleted|flagged|dead|removed)\]\s*(?:</p>)?", re.IGNORECASE)
FURTHER_COUNT = re.compile(r"([\d,]+) further comments? (?:are|is) not in this file")
ITEM_TYPES = frozenset({"story", "comment", "job", "poll", "pollopt", "link", "ask", "show"})
HINT = "give the JSON of an HN item from the Algolia API, the official API or HNPWA"
RULES = MarkupRules(marked_quotes=True)
# Paragraph markup in an item's text (`<p>`, or a `<pre>` whose line breaks are its own).
PARAGRAPH_TAG = re.compile(r"<(?:p|pre)[\s>/]", re.IGNORECASE)
# Where a typed paragraph ends in an old item's text: a blank line, or a line break before a quote.
TYPED_PARAGRAPH = re.compile(r"\n[ \t]*\n\s*|\n(?=[ \t]*(?:>|&gt;))")
# A line break or tab written as an escape (`know\nwhat`, `\tHello`): Algolia keeps some old items' text so.
# One beside a quotation mark, bare or as an entity, is a programmer's `"\n"`; text with other backslashes
# (a Windows path, `C:\Users\nina`) holds none.
ESCAPED_BREAK = re.compile(
    r"(?<!['\"`\\])(?<!&quot;)(?<!&#x27;)(?<!&#39;)(?<!&#34;)\\[nrt](?!['\"`]|&(?:quot|#x27|#39|#34);)"
)
OTHER_BACKSLASH = re.compile(r"\\(?![nrt])")
CODE_SPAN = re.compile(r"(<(pre|code)\b.*?</\2\s*>)", re.IGNORECASE | re.DOTALL)
SUBTHREAD = "this file holds a comment and its replies, not the story they answer: the comment is the article"


@dataclass(frozen=True, slots=True)
class _Shape:
    """Where one of the three APIs keeps each field of an item."""

    author: str
    """The user name."""
    text: str
    """The HTML body."""
    score: str
    """The points."""
    total: str | None
    """The count of comments in the whole discussion, when the API gives one."""


ALGOLIA = _Shape(author="author", text="text", score="points", total=None)
ALGOLIA_SEARCH = _Shape(author="author", text="text", score="points", total=None)
FIREBASE = _Shape(author="by", text="text", score="score", total="descendants")
HNPWA = _Shape(author="user", text="content", score="points", total="comments_count")


def hn_shape(data: Any) -> _Shape | None:
    """Which HN API a parsed JSON document comes from, if any."""
    if isinstance(data, list):  # `null` stands for an item the API no longer gives (deleted, dead)
        items = [item for item in data if isinstance(item, dict)]
        whole = len(items) + sum(1 for item in data if item is None) == len(data)
        return FIREBASE if items and whole and all(map(_is_firebase_item, items)) else None
    if isinstance(data, dict) and any(_is_search_hit(hit) for hit in as_list(data.get("hits"))):
        return ALGOLIA_SEARCH
    if not isinstance(data, dict) or whole_number(data.get("id")) is None:
        return None
    if isinstance(data.get("children"), list) and ("created_at_i" in data or "story_id" in data or "author" in data):
        return ALGOLIA
    if isinstance(data.get("comments"), list) and ("comments_count" in data or "time_ago" in data or "user" in data):
        return HNPWA
    return FIREBASE if _is_firebase_item(data) else None


def _is_search_hit(hit: Any) -> bool:
    return isinstance(hit, dict) and "objectID" in hit and ("comment_text" in hit or "story_id" in hit)


def _is_firebase_item(item: dict[str, Any]) -> bool:
    return (
        whole_number(item.get("id")) is not None
        and isinstance(item.get("type"), str)
        and item["type"] in ITEM_TYPES
        and any(key in item for key in ("by", "kids", "time", "deleted", "parent"))
    )


def hn_user(data: Any) -> str | None:
    """The name of the HN user whose profile this JSON is (the official API's `/v0/user/NAME.json`:
    `id`, `karma`, `submitted` ids; Algolia's `/api/v1/users/NAME`: `username`, `karma`; HNPWA's: `id`,
    `karma`, `created_time`); None for other JSON."""
    if not isinstance(data, dict) or whole_number(data.get("karma")) is None or "title" in data or "text" in data:
        return None
    name = text_field(data.get("username")) or text_field(data.get("id"))
    profile = any(key in data for key in ("submitted", "about", "created", "created_time", "created_at_i"))
    return name.strip() if name and profile else None


def read_hn(data: Any) -> Reading:
    """The discussion of an HN item; InputError when the JSON is none of the HN forms."""
    shape = hn_shape(data)
    if shape is None and (user := hn_user(data)) is not None:
        submitted = data.get("submitted")
        count = len(submitted) if isinstance(submitted, list) else whole_number(submitted)
        listed = f", {count:,} submissions listed by id" if count is not None else ""
        raise InputError(
            f"this is a Hacker News user's profile ({user}: karma {data['karma']:,}{listed}), not a thread",
            "save an item instead, a story with its comments: Algolia's items/ID or the official item/ID.json",
        )
    if shape is None:
        raise InputError("this JSON is not a Hacker News item (Algolia, official API or HNPWA)", HINT)
    if shape is ALGOLIA_SEARCH:
        return _search_threads(data)
    if isinstance(data, list):  # the official API's `null` items: counted as missing where `kids` names them
        data = [item for item in data if item is not None]
    roots = [item for item in data if _is_story(item)] if isinstance(data, list) else []
    if len(roots) > 1:
        return _several_stories(data, roots)
    return _read_item(data, shape)


def _is_story(item: Any) -> bool:
    """An item that opens a discussion (a story, job or poll), not a reply or a poll's option."""
    return isinstance(item, dict) and item.get("type") not in ("comment", "pollopt") and _parent_id(item) is None


def _several_stories(items: list[Any], roots: list[dict[str, Any]]) -> Reading:
    """A list of several stories (HNPWA's `news.json`, the official items of a front page), each with the
    replies in the list that lead up to it: a thread per story."""
    by_id = {item["id"]: item for item in items if isinstance(item, dict) and isinstance(item.get("id"), int)}
    groups: dict[int, list[dict[str, Any]]] = {id(root): [root] for root in roots}
    for item in items:
        if not isinstance(item, dict) or id(item) in groups:
            continue
        ancestor, steps = by_id.get(_parent_id(item)), 0
        while ancestor is not None and id(ancestor) not in groups and steps < len(by_id):
            ancestor, steps = by_id.get(_parent_id(ancestor)), steps + 1
        if ancestor is not None and id(ancestor) in groups:
            groups[id(ancestor)].append(item)
    threads: list[Thread] = []
    warnings: list[str] = []
    further = 0
    for root in roots:
        pwa = any(key in root for key in ("comments_count", "time_ago", "user"))
        reading = _read_item(root if pwa else groups[id(root)], HNPWA if pwa else FIREBASE)
        threads.extend(reading.threads)
        for warning in reading.warnings:
            counted = FURTHER_COUNT.match(warning)
            further += int(counted[1].replace(",", "")) if counted else 0
            warnings.extend(() if counted or warning in warnings else (warning,))
    return Reading(tuple(threads), (*further_comments(further), *warnings))


def _read_item(data: Any, shape: _Shape) -> Reading:
    """The discussion of an item (or, for the official API, of a list of items) of a known shape."""
    if shape is FIREBASE:
        root, children_of, missing = _firebase_tree(data)
    else:
        root = data
        key = "children" if shape is ALGOLIA else "comments"

        def children_of(item: dict[str, Any]) -> list[dict[str, Any]]:
            return [child for child in as_list(item.get(key)) if isinstance(child, dict)]

        missing = _null_children(root, key)

    root_key = str(root.get("id"))
    options = _poll_options(root, data if isinstance(data, list) else [])

    def without_options(item: dict[str, Any]) -> list[dict[str, Any]]:
        return [child for child in children_of(item) if child.get("type") != "pollopt"]

    comments = _comments(root, without_options, shape)
    tree = comment_tree(comments, article_key=root_key)
    title = text_field(root.get("title")) or ""
    link = text_field(root.get("url"))
    specs = _body(root, shape) + [spec for option in options for spec in _body(option, shape)]
    if link and link.startswith(("http://", "https://")):
        specs.append(("source", link.strip(), None, None))
    thread = discussion(
        "hn",
        title,
        specs,
        tree.posts,
        author=text_field(root.get(shape.author)),
        date=epoch_date(root.get("created_at_i", root.get("time"))),
        votes=net_votes(root.get(shape.score)),
        url=ITEM_URL + root_key if whole_number(root.get("id")) is not None else None,
        site="Hacker News",
    )
    total = whole_number(root.get(shape.total)) if shape.total else None
    further = max(missing, total - len(comments) if total is not None else 0)
    subthread = (SUBTHREAD,) if root.get("type") == "comment" else ()
    return Reading((thread,), (*subthread, *further_comments(further), *tree.warnings))


def _null_children(root: dict[str, Any], key: str) -> int:
    """How many replies in an item tree are `null` (an item the API had no longer): missing comments."""
    count = 0
    pending, seen = [root], {id(root)}
    while pending:
        for child in as_list(pending.pop().get(key)):
            if child is None:
                count += 1
            elif isinstance(child, dict) and id(child) not in seen:
                seen.add(id(child))
                pending.append(child)
    return count


def _comments(
    root: dict[str, Any], children_of: Callable[[dict[str, Any]], list[dict[str, Any]]], shape: _Shape
) -> list[RawComment]:
    """The replies under the root in reading order (depth first, without recursion; an item met twice,
    as a damaged file may list it, is read once)."""
    comments: list[RawComment] = []
    seen = {id(root)}
    pending = [(child, root) for child in reversed(children_of(root))]
    while pending:
        item, parent = pending.pop()
        if id(item) in seen:
            continue
        seen.add(id(item))
        item_id = whole_number(item.get("id"))
        author = text_field(item.get(shape.author))
        text = item.get(shape.text)
        gone = item.get("deleted") is True or item.get("dead") is True or (author is None and not text_field(text))
        gone = gone or (isinstance(text, str) and GONE_TEXT.fullmatch(text.strip()) is not None)
        comments.append(
            RawComment(
                key=str(item.get("id")),
                parent_key=str(parent.get("id")),
                author=author,
                specs=[] if gone else _body(item, shape),
                date=epoch_date(item.get("created_at_i", item.get("time"))),
                votes=net_votes(item.get(shape.score)) if item.get(shape.score) is not None else None,
                url=ITEM_URL + str(item_id) if item_id is not None else None,
                deleted=gone,
            )
        )
        pending.extend((child, item) for child in reversed(children_of(item)))
    return comments


def _body(item: dict[str, Any], shape: _Shape) -> list[BlockSpec]:
    text = item.get(shape.text)
    if not isinstance(text, str):
        return []
    if "\\" in text:
        text = _unescaped_breaks(text)
    if "\n" in text and not PARAGRAPH_TAG.search(text):
        # An old item (2007-2008, as Algolia keeps some) whose paragraphs are typed, not tagged: a blank
        # line ends one, as on the site, and so does a line typed as a quote (`> ...`); a lone line
        # break is a space, as HN showed it.
        text = "<p>".join(TYPED_PARAGRAPH.split(text))  # the text is HTML still (entities, links, <i>)
    return html_blocks(text, RULES)


def _unescaped_breaks(text: str) -> str:
    """An item's text with its escaped line breaks and tabs made real (whitespace, as the site shows
    them), outside code: `<pre>` and `<code>` keep theirs."""
    parts = CODE_SPAN.split(text)
    prose = parts[::3]  # split keeps both groups: prose, code span, tag name, prose...
    if any(OTHER_BACKSLASH.search(part) for part in prose):
        return text
    unescaped = {"n": "\n", "r": "\n", "t": " "}
    for index in range(0, len(parts), 3):
        parts[index] = ESCAPED_BREAK.sub(lambda escape: unescaped[escape[0][1]], parts[index])
    return "".join(part for index, part in enumerate(parts) if index % 3 != 2)


def _search_threads(data: dict[str, Any]) -> Reading:
    """The threads of Algolia search hits, made into Algolia item trees: a story per `story_id` (its own
    hit, or its title and link from its comments' hits), comments under their `parent_id` in date order."""
    hits = sorted(
        (hit for hit in as_list(data.get("hits")) if isinstance(hit, dict) and "objectID" in hit),
        key=lambda hit: whole_number(hit.get("created_at_i")) or 0,
    )
    stories: dict[Any, dict[str, Any]] = {}
    items: dict[Any, dict[str, Any]] = {}
    own_hits: set[Any] = set()
    textless = 0
    for hit in hits:
        key = _search_id(hit.get("objectID"))
        if hit.get("comment_text") is None and "comment" not in as_list(hit.get("_tags")):  # a story's own hit
            story = stories.setdefault(key, {"id": key, "children": []})
            story.update(_search_item(hit, "story_text"), title=hit.get("title"), url=hit.get("url"))
            story["num_comments"] = hit.get("num_comments")
            own_hits.add(key)
            continue
        story_id = _search_id(hit.get("story_id"))
        story = stories.setdefault(story_id, {"id": story_id, "children": []})
        story.setdefault("title", hit.get("story_title"))
        story.setdefault("url", hit.get("story_url"))
        items[key] = {**_search_item(hit, "comment_text"), "children": []}
        textless += not isinstance(hit.get("comment_text"), str)
    orphans = 0
    for item in items.values():
        story_id, parent_id = _search_id(item["story_id"]), _search_id(item["parent_id"])
        parent = items.get(parent_id)
        orphans += parent is None and parent_id is not None and parent_id != story_id
        (parent or stories[story_id])["children"].append(item)
    threads: list[Thread] = []
    warnings: list[str] = []
    untold = 0
    for story in stories.values():
        story["story_id"] = story["id"]
        reading = _read_item(story, ALGOLIA)
        threads.extend(reading.threads)
        said = whole_number(story.get("num_comments"))  # a story's own hit counts its comments
        untold += max(0, said - len(reading.threads[0].posts) + 1) if said is not None else 0
        warnings.extend(warning for warning in reading.warnings if warning not in warnings)
    total = whole_number(data.get("nbHits"))
    missing = total - len(hits) if total is not None else 0
    hits_missing = further_comments(missing, " (further pages of the search)")
    lacking = _search_lacks(len(stories) - len(own_hits & stories.keys()), orphans, textless)
    return Reading(tuple(threads), (*hits_missing, *further_comments(untold), *lacking, *warnings))


def _search_lacks(storyless: int, orphans: int, textless: int) -> tuple[str, ...]:
    """What a file of search hits lacks that an item's page has: the stories' own hits (a search of
    comments: the article is only the title and link its comments name), the comments others answer
    (a search by word or author finds a reply, not what it replies to), the comments' text (a search
    asked for some attributes only)."""
    said = []
    if storyless:
        whose = "the story's own hit is" if storyless == 1 else f"the own hits of {storyless:,} stories are"
        said.append(
            f"{whose} not in this file (a search of comments): the article is the title and link its comments "
            "name, without its text, writer, date or points"
        )
    if orphans:
        who = "1 comment answers a comment" if orphans == 1 else f"{orphans:,} comments answer comments"
        said.append(f"{who} not in this file: read as answering the story")
    if textless:
        which = "1 comment hit has" if textless == 1 else f"{textless:,} comment hits have"
        said.append(f"{which} no comment_text (the search left it out): read without text")
    return tuple(said)


def _search_id(value: Any) -> Any:
    """A search hit's id (`objectID` is a string, `story_id` a number) as one form: a number when it is one."""
    if isinstance(value, str) and value.isdigit() and len(value) < 20:
        return int(value)
    return value if isinstance(value, int | str) else None


def _search_item(hit: dict[str, Any], text: str) -> dict[str, Any]:
    return {
        "id": _search_id(hit.get("objectID")),
        "author": hit.get("author"),
        "text": hit.get(text),
        "points": hit.get("points"),
        "created_at_i": hit.get("created_at_i"),
        "story_id": hit.get("story_id"),
        "parent_id": hit.get("parent_id"),
    }


def _poll_options(root: dict[str, Any], items: list[Any]) -> list[dict[str, Any]]:
    """The options of a poll in their order: Algolia nests them in `options`; the official API lists
    their ids in `parts`, each a `pollopt` item pointing to its `poll`."""
    nested = [option for option in as_list(root.get("options")) if isinstance(option, dict)]
    if nested:
        return nested
    by_id = {item.get("id"): item for item in items if isinstance(item, dict) and item.get("type") == "pollopt"}
    listed = [by_id[part] for part in as_list(root.get("parts")) if isinstance(part, int) and part in by_id]
    return listed or list(by_id.values())


def _parent_id(item: dict[str, Any]) -> int | None:
    parent = item.get("parent")
    return parent if isinstance(parent, int) else None


def _firebase_tree(
    data: Any,
) -> tuple[dict[str, Any], Callable[[dict[str, Any]], list[dict[str, Any]]], int]:
    """The root item, a way to its replies, and how many replies its `kids` name but the file lacks.
    Replies come from `kids` (ids, or the items themselves when a tool expanded them) in their order,
    then from items pointing to a parent by `parent` that no `kids` lists."""
    items = list(data) if isinstance(data, list) else [data]
    for item in items:  # expanded kids join the items, in reading order
        items.extend(kid for kid in as_list(item.get("kids")) if isinstance(kid, dict))
    by_id = {item["id"]: item for item in items if isinstance(item.get("id"), int)}
    root = next((item for item in items if item.get("type") not in ("comment", "pollopt")), None) or next(
        (item for item in items if by_id.get(_parent_id(item)) is None), items[0]
    )
    listed: dict[int, list[dict[str, Any]]] = {}
    missing = 0
    named: set[int] = set()
    for item in items:
        for kid in as_list(item.get("kids")):
            found = by_id.get(kid) if isinstance(kid, int) else kid if isinstance(kid, dict) else None
            if found is None:
                missing += 1
                continue
            listed.setdefault(id(item), []).append(found)
            named.add(id(found))
    for item in items:
        parent = by_id.get(_parent_id(item))
        if item is not root and id(item) not in named:
            listed.setdefault(id(parent if parent is not None else root), []).append(item)

    def children_of(item: dict[str, Any]) -> list[dict[str, Any]]:
        return listed.get(id(item), [])

    return root, children_of, missing
