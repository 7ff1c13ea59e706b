"""Comment elements to `RawComment`s: each one's fields, and who replies to whom from the page's structure.

Replies sit in one of three shapes, tried in this order: an attribute naming the parent's id
(`data-parent_id`, `pid=` in `data-meta`); the reply nested inside its parent's element (WordPress
`ul.children`, old Reddit `div.child`); or the reply inside a container that follows its parent
(Drupal's `div.indented` after the `article`, a "sub" block after the comment it answers). Siblings
of the same kind (same tag and first class) are peers, never parent and child.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Callable, Sequence
from dataclasses import dataclass, replace
from datetime import datetime
from urllib.parse import urlsplit

from lxml import etree
from lxml.html import HtmlElement

from translator.models import Votes
from translator.readers.common import BlockSpec, net_votes, printed_count
from translator.readers.html_dates import could_be_date, is_relative_date, machine_date, printed_date
from translator.readers.html_fields import (
    ACTION_WORDS,
    BY_PREFIX,
    DATE_ATTRIBUTES,
    MAX_SIGNED_CHARS,
    NOT_BODY_WORDS,
    SUBJECT_WORDS,
    RawComment,
    candidates,
    clean_author,
    column_beside_header,
    find_author,
    find_body,
    find_date,
    find_relative_date,
    find_votes,
    name_and_date,
    name_in,
    outside,
    reply_label_name,
    signed_line,
    with_printed_time,
)
from translator.readers.html_text import (
    NAME_VERB,
    class_heads,
    class_words,
    clean_text,
    descendants,
    element_beside,
    is_hidden,
    is_quote,
    is_skipped,
    name_from_label,
    visible_text,
)
from translator.readers.markup import PAGE_COMMENT_RULES, MarkupRules, element_blocks

PARENT_ATTRIBUTES = ("data-parent_id", "data-parent-id", "data-parent", "data-parentid", "data-reply-to", "parentid")
META_PARENT = re.compile(r"(?:^|[,;\s])(?:pid|parent|parent_id)=(\d+)")
DIGITS = re.compile(r"\d+")
# A sign (spaces may follow it) or a digit: never a space run, each of whose spaces would start a new try.
COUNT_START = re.compile(r"[+\-−–](?=\s*+\d)|\d")
DEPTH_ATTRIBUTES = ("data-depth", "data-level", "aria-level", "indent", "data-indent")
DEPTH_CLASS = re.compile(r"(?:level|depth|indent|lvl)[-_]*(\d+)(?!\w)", re.IGNORECASE)
INDENT_STYLE = re.compile(r"(?:margin|padding)-left\s*:\s*(\d+)\s*px", re.IGNORECASE)
DEPTH_SEARCH = 4
REPLY_MODIFIERS = frozenset({"indented", "reply", "answer", "child", "nested", "sub"})
"""BEM modifiers that mark a comment as a reply in a flat list (`comment--indented`)."""
REPLY_CLASSES = frozenset({"is-reply", "comment-reply-item", "reply-comment", "comment-child", "child-comment"})
MAX_FURNITURE_CHARS = 120
NAME_PUNCTUATION = " ,:;|—–-"
MAX_DATE_LINE = 60
# Numbers and their separators only; a digit among them is checked apart (a digit between two runs of the same
# signs tried every split of a line: quadratic).
NUMBER_SIGNS = re.compile(r"#?[\d\s.:/,|\-]*")
PARAGRAPH_TAGS = frozenset({"p", "blockquote", "ul", "ol", "pre"})
DELETED_TEXTS = frozenset(
    {"[deleted]", "[removed]", "[flagged]", "[dead]", "[удалено]", "[supprimé]", "[gelöscht]", "[eliminado]"}
)
DELETED_WORDS = frozenset({"deleted", "removed"})
DELETED_NOTICE = re.compile(
    r"\b(?:deleted|removed|usunięt|gelöscht|entfernt|supprimé|eliminad|borrad|cancellat|rimoss|удал[её]н)",
    re.IGNORECASE,
)
"""A notice that a comment was deleted, in the languages we see most."""
DELETED_NAMES = frozenset({"[deleted]", "[removed]", "deleted", "[удалено]"})

Lookup = Callable[[HtmlElement], list[object]]
"""A compiled XPath (or any callable) that finds a field under a comment element."""


@dataclass(frozen=True)
class FieldPaths:
    """Where an engine puts each field of a comment; empty means: look where pages usually put it."""

    author: Sequence[Lookup] = ()
    """Elements or attribute values holding the display name."""
    date: Sequence[Lookup] = ()
    """Elements (their datetime/title/text) or attribute values holding the date."""
    body: Sequence[Lookup] = ()
    """The element holding the comment's text."""
    votes: Sequence[Lookup] = ()
    """Elements showing the score or votes."""
    role: Sequence[Lookup] = ()
    """The writer's rank or title."""
    url: Sequence[Lookup] = ()
    """Attribute values holding the permalink."""
    deleted: Sequence[Lookup] = ()
    """Anything found here marks the comment as deleted."""
    subject: Sequence[Lookup] = ()
    """The comment's subject line, outside its text (SPIP's `forum-titre`): its first block."""
    parent: Sequence[Lookup] = ()
    """Attribute values naming the number of the comment answered (an imageboard's `>>N` link to it), where a flat
    list says so nowhere else."""
    rules: MarkupRules = PAGE_COMMENT_RULES
    """How its text becomes blocks (Hacker News: a paragraph typed with `>` is a quote)."""

    def for_page(self, classes: frozenset[str]) -> FieldPaths:
        """The same lookups without those that need a class name the page does not use (`classes`, lowercased):
        a search that finds nothing is not asked of every comment."""

        def kept(lookups: Sequence[Lookup]) -> tuple[Lookup, ...]:
            return tuple(lookup for lookup in lookups if getattr(lookup, "needs", frozenset()) <= classes)

        return replace(
            self,
            author=kept(self.author),
            date=kept(self.date),
            body=kept(self.body),
            votes=kept(self.votes),
            role=kept(self.role),
            url=kept(self.url),
            deleted=kept(self.deleted),
            subject=kept(self.subject),
            parent=kept(self.parent),
        )


REGEX_NAMESPACE = {"re": "http://exslt.org/regular-expressions"}
HAS_CLASS = re.compile(r"has-class\('([^']+)'\)")
QUOTED = re.compile(r"'[^']*'|\"[^\"]*\"")
ALTERNATIVE = re.compile(r"\||(?<![\w.:@-])or(?![\w.:-])")
"""A union or an `or`: what one side needs, the other may do without."""


class ClassPath(etree.XPath):  # type: ignore[misc]  # lxml ships no types
    """A compiled XPath that knows the class names without which it finds nothing."""

    needs: frozenset[str] = frozenset()


def path(expression: str) -> ClassPath:
    """A compiled XPath with `has-class(NAME)` expanded to the usual whole-class test; `re:test` available. The
    whole-class test comes after a plain `contains`, which libxml2 answers much faster for the many elements
    whose class does not hold the name at all (`and` stops there)."""
    expanded = HAS_CLASS.sub(
        r"(contains(@class, '\1') and contains(concat(' ', normalize-space(@class), ' '), ' \1 '))", expression
    )
    compiled = ClassPath(descendant_steps(expanded), namespaces=REGEX_NAMESPACE)
    compiled.needs = classes_needed(expression)
    return compiled


def classes_needed(expression: str) -> frozenset[str]:
    """The class names (lowercased) that the elements an expression finds, or their neighbours it asks about,
    must have: those it tests in its steps' predicates, outside any function's arguments (`not(...)`,
    `count(...)`), where no `or` and no union could do without them. Empty where it cannot tell."""
    blanked = QUOTED.sub(lambda quoted: quoted[0][0] + " " * (len(quoted[0]) - 2) + quoted[0][-1], expression)
    if ALTERNATIVE.search(blanked):
        return frozenset()
    calls_open, depth = [], 0  # how many parentheses are open where each character stands
    for char in blanked:
        depth += char == "("
        calls_open.append(depth)
        depth -= char == ")"
    return frozenset(test[1].lower() for test in HAS_CLASS.finditer(expression) if calls_open[test.start()] == 0)


POSITIONAL = re.compile(r"^\s*\d+\s*$|position\(|last\(")
"""A predicate that picks by position (`[1]`, `[last()]`): its meaning depends on the step's axis."""


def descendant_steps(expression: str) -> str:
    """The expression with each `//NAME[TESTS]` step written `/descendant::NAME[TESTS]`, which finds the same
    elements: libxml2 reads `//` as every node's children, and merges those of nested boxes (threaded comments)
    in time their number squared (9,000 comments: 0.8 s for one search, 0.03 s written so). Left as they are:
    steps to an attribute (`//@id`), and those with a predicate that picks by position (`.//p[3]` is a third
    `p` in its box, `descendant::p[3]` the third of all)."""
    out: list[str] = []
    position, quote = 0, ""
    while position < len(expression):
        char = expression[position]
        if quote:
            quote = "" if char == quote else quote
        elif char in "'\"":
            quote = char
        elif expression.startswith("//", position) and _plain_step(expression, position + 2):
            out.append("/descendant::")
            position += 2
            continue
        out.append(char)
        position += 1
    return "".join(out)


STEP_NAME = re.compile(r"\*|[A-Za-z_][\w.-]*(?::[A-Za-z_][\w.-]*)?(?:\(\))?")


def _plain_step(expression: str, start: int) -> bool:
    """Whether the step starting there is a name test (not an attribute, `.` or `..`) whose predicates pick
    nothing by position."""
    name = STEP_NAME.match(expression, start)
    if name is None:
        return False
    position = name.end()
    while position < len(expression) and expression[position] == "[":
        end = _closing_bracket(expression, position)
        if end < 0 or POSITIONAL.search(expression[position + 1 : end]):
            return False
        position = end + 1
    return True


def _closing_bracket(expression: str, start: int) -> int:
    """Where the predicate opened at `start` closes (quotes and nested brackets passed over); -1 when it does not."""
    depth, quote = 0, ""
    for position in range(start, len(expression)):
        char = expression[position]
        if quote:
            quote = "" if char == quote else quote
        elif char in "'\"":
            quote = char
        elif char == "[":
            depth += 1
        elif char == "]":
            depth -= 1
            if depth == 0:
                return position
    return -1


def elements_named(*tags: str, below: bool = False) -> Callable[[HtmlElement], list[HtmlElement]]:
    """What `//h1 | //h2` finds (`.//h1 | .//h2` with `below`: under the element given), in page order and linear
    time: libxml2 merges a union's results in time their sizes multiplied (20,000 interleaved headings: 3 s)."""

    def find(element: HtmlElement) -> list[HtmlElement]:
        found = element.iterdescendants(*tags) if below else element.getroottree().getroot().iter(*tags)
        return [node for node in found if isinstance(node, HtmlElement)]

    return find


def in_page_order(tree: HtmlElement, *results: Sequence[object], tags: tuple[str, ...] = ()) -> list[object]:
    """The elements of several searches' results, each once, in page order (as an XPath union gives them, without
    its cost: libxml2 merges a union's results in time their sizes multiplied). A single non-empty result is
    given as it is; else the page is walked once (only its elements of those `tags`, where all are)."""
    found = [result for result in results if result]
    if len(found) <= 1:
        return list(found[0]) if found else []
    members = {element for result in found for element in result}
    return [element for element in tree.getroottree().getroot().iter(*tags) if element in members]


def _first(
    item: HtmlElement, lookups: Sequence[Lookup], nested: Sequence[HtmlElement] = ()
) -> HtmlElement | str | None:
    """The first element or attribute value the lookups find in an item, outside its nested replies."""
    for lookup in lookups:
        for found in lookup(item):
            if isinstance(found, HtmlElement):
                if nested and not outside(found, nested):
                    continue
                return found
            if isinstance(found, str) and found.strip():
                return found.strip()
    return None


def _text(found: HtmlElement | str | None) -> str | None:
    if found is None:
        return None
    return clean_text(found) if isinstance(found, str) else visible_text(found)


def element_key(element: HtmlElement, position: int) -> str:
    """A comment's key: its id (or data-id), else its position on the page."""
    return element.get("id") or element.get("data-id") or element.get("data-fullname") or f"#{position}"


def parents_of(items: Sequence[HtmlElement], named: Sequence[str | None] = ()) -> list[int | None]:
    """For each comment element, the index of the one it replies to (None for top-level); `named`: for each, the
    answered comment's number where an engine's lookup found it."""
    index_of = {item: n for n, item in enumerate(items)}
    by_id: dict[str, int] = {}
    by_number: dict[str, int] = {}
    for n, item in enumerate(items):
        # the id of the comment's box, or of the box just around it (ZEIT ONLINE's `article#cid-N` holding
        # the `div.comment__container` the generic reader finds)
        wrapper = item.getparent()
        for holder in (item, wrapper if wrapper is not None and wrapper not in index_of else None):
            if holder is not None and (anchor := holder.get("id")):
                by_id.setdefault(anchor, n)
                break
        for value in (item.get("id", ""), item.get("data-id", "")):
            if number := DIGITS.findall(value):
                by_number.setdefault(number[-1], n)
    root = common_ancestor(items)
    quoted = _quoted_parents(items, index_of, root)
    depths = _depths(items, root)
    by_depth = parents_by_depth(depths) if depths is not None else None
    parents: list[int | None] = []
    for n, item in enumerate(items):
        stated = named[n] if n < len(named) else _reply_link_target(item, index_of)
        answered = by_number.get(DIGITS.findall(stated)[-1]) if stated and DIGITS.search(stated) else None
        explicit = answered if answered not in (None, n) else _explicit_parent(item, by_number, n)
        if explicit is None:
            explicit = _linked_comment(item, index_of, by_id) if n >= len(named) else None
        explicit = explicit if explicit is not None else quoted.get(n)
        if explicit is None and (explicit := _structural_parent(item, index_of, root)) is not None and by_depth:
            explicit = _deeper(explicit, by_depth[n], by_depth)
        parents.append(explicit)
    if any(parent is not None for parent in parents):
        return parents
    depths = depths or _marked_depths(items, root)
    return parents_by_depth(depths) if depths is not None else parents


def _deeper(structural: int, stated: int | None, by_depth: list[int | None]) -> int:
    """The parent a reply's depth names where it is a reply below the one its box sits in (Commentics: all the
    replies of a thread in one box after its first comment, each with its depth, `reply_indent_2`), else that one."""
    seen = stated
    while seen is not None and seen != structural:
        seen = by_depth[seen]
    return stated if seen == structural and stated is not None else structural


REPLY_LINKS = path(
    ".//a[contains(@href, '#')]"
    "[re:test(normalize-space(preceding-sibling::text()[1]),"
    " '(?:replied to|in reply to|en réponse à|als antwort auf|in risposta a|en respuesta a|в ответ на)$', 'i')"
    " or re:test(@class, '(?:^|\\s)(?:parentlink|in-?reply-?to)(?:\\s|$)', 'i')]"
)
"""A comment's link to the one it answers, in a flat list that shows it (Movable Type: `NAME replied to <a
href="#comment-301">comment from NAME</a>`; Komento's `a.parentLink`)."""


def _comment_of(element: HtmlElement, index_of: dict[HtmlElement, int]) -> int | None:
    """The comment an element belongs to: the nearest one around it (a link inside a nested reply is the reply's)."""
    return next((index_of[above] for above in element.iterancestors() if above in index_of), None)


ANCHOR_LINKS = path(".//a[contains(@href, '#')]")


def _linked_comment(item: HtmlElement, index_of: dict[HtmlElement, int], by_id: dict[str, int]) -> int | None:
    """The other comment a comment links to by its anchor, the one it answers (The Guardian's `<a
    href="#comment-N">NAME</a>` beside the writer, ZEIT ONLINE's `Antwort auf #1 von NAME`); its own permalink is
    no answer, nor a link of a reply inside it."""
    own = index_of[item]
    for link in ANCHOR_LINKS(item):
        if not isinstance(link, HtmlElement):
            continue
        target = by_id.get(urlsplit(link.get("href", "")).fragment)
        if target is not None and target != own and _comment_of(link, index_of) == own:
            return target
    return None


def _reply_link_target(item: HtmlElement, index_of: dict[HtmlElement, int]) -> str | None:
    """The fragment of the address a comment's own reply link points to (not one of a reply inside it)."""
    for link in REPLY_LINKS(item):
        if isinstance(link, HtmlElement) and _comment_of(link, index_of) == index_of[item]:
            return urlsplit(link.get("href", "")).fragment or None
    return None


PARENT_BOXES = path(
    ".//*[contains(@class, 'parent')][re:test(@class, '(?:^|\\s)[\\w-]*(?:__|-|_)parent(?:\\s|$)')][normalize-space()]"
)
"""Boxes in which a reply shows the comment it answers, its writer and the start of its text (HyperComments'
`hc__parent`), in a list that does not nest replies."""
QUOTED_START_CHARS = 30
"""How much of the answered comment's text a box must show to name it: its start, for a box may cut it short."""


def _quoted_parents(
    items: Sequence[HtmlElement], index_of: dict[HtmlElement, int], root: HtmlElement | None
) -> dict[int, int]:
    """The comment each reply's parent box quotes, where exactly one other comment has a text starting so.

    One pass over the comments' texts, indexed by their starts, so that the cost grows with the page."""
    boxes: dict[int, str] = {}
    for box in PARENT_BOXES(root) if root is not None else []:
        if not isinstance(box, HtmlElement) or box in index_of:
            continue
        owner = _comment_of(box, index_of)
        if owner is None or any(inner in index_of for inner in box.iterdescendants()):
            continue
        quote = max((_start(text) for text in box.itertext()), key=len, default="")
        if len(quote) >= QUOTED_START_CHARS:
            boxes.setdefault(owner, quote)
    if not boxes:
        return {}
    by_start: dict[str, set[int]] = {}
    for n, item in enumerate(items):
        for text in item.itertext():
            if len(start := _start(text)) >= QUOTED_START_CHARS:
                by_start.setdefault(start, set()).add(n)
    parents = {}
    for owner, quote in boxes.items():
        if len(found := by_start.get(quote, set()) - {owner}) == 1:
            parents[owner] = found.pop()
    return parents


def _start(text: str) -> str:
    return " ".join(text.split())[:QUOTED_START_CHARS]


def parents_by_depth(depths: Sequence[int]) -> list[int | None]:
    """Parents from nesting depths in page order: a comment replies to the last one before it a level up."""
    stack: list[tuple[int, int]] = []
    parents: list[int | None] = []
    for n, depth in enumerate(depths):
        while stack and stack[-1][0] >= depth:
            stack.pop()
        parents.append(stack[-1][1] if stack else None)
        stack.append((depth, n))
    return parents


def _depth(element: HtmlElement) -> int | None:
    for name in DEPTH_ATTRIBUTES:
        if (value := element.get(name)) and value.strip().isdigit():
            return int(value)
    if match := DEPTH_CLASS.search(element.get("class", "")):
        return int(match[1])
    if match := INDENT_STYLE.search(element.get("style", "")):
        return int(match[1])
    return None


def _depths(items: Sequence[HtmlElement], root: HtmlElement | None) -> list[int] | None:
    """Each comment's depth where a flat list shows replies by indentation (a level class, a margin)."""
    depths: list[int] = []
    for item in items:
        found = None
        # the comment's box and those around it, or the box just inside it (Commentics' `reply_indent_2`)
        first = next((child for child in item if isinstance(child.tag, str)), None)
        for holder in [item, *([first] if first is not None else []), *item.iterancestors()][: DEPTH_SEARCH + 1]:
            if holder is root or (found := _depth(holder)) is not None:
                break
        if found is None:
            return None
        depths.append(found)
    return depths if len(set(depths)) > 1 else None


def _is_marked_reply(element: HtmlElement) -> bool:
    classes = element.get("class", "").lower()
    return any(token.rpartition("--")[2] in REPLY_MODIFIERS or token in REPLY_CLASSES for token in classes.split())


def _marked_depths(items: Sequence[HtmlElement], root: HtmlElement | None) -> list[int] | None:
    """Depths where a flat list marks replies by a class alone (`comment--indented`, `is-reply`): each
    reply answers the last comment before it that is not marked."""
    depths = []
    for item in items:
        holders = []
        for holder in [item, *item.iterancestors()][:DEPTH_SEARCH]:
            if holder is root:
                break
            holders.append(holder)
        depths.append(1 if any(_is_marked_reply(holder) for holder in holders) else 0)
    return depths if depths and depths[0] == 0 and len(set(depths)) > 1 else None


def _explicit_parent(item: HtmlElement, by_number: dict[str, int], own: int) -> int | None:
    for holder in [item, *item.iterchildren()][:4]:
        if not isinstance(holder.tag, str):
            continue
        values = [holder.get(name) for name in PARENT_ATTRIBUTES]
        if meta := META_PARENT.search(holder.get("data-meta", "")):
            values.append(meta[1])
        for value in values:
            if value and (number := DIGITS.findall(value)) and (parent := by_number.get(number[-1])) not in (None, own):
                return parent
    return None


def _same_kind(a: HtmlElement, b: HtmlElement) -> bool:
    """Peers: same tag, and a class in common (or no class at all)."""
    classes_a, classes_b = set(a.get("class", "").split()), set(b.get("class", "").split())
    return a.tag == b.tag and (bool(classes_a & classes_b) or not (classes_a or classes_b))


def _preceding_holder(node: HtmlElement, index_of: dict[HtmlElement, int]) -> HtmlElement | None:
    """The earlier sibling that holds the comment a container of replies answers, if there is one.

    Passed on the way back: toggles, forms and anchors (no comment in them), and containers of this
    node's own peers (Drupal's `div.indented` of an earlier comment). A peer of the same kind ends the
    search: siblings of one kind are comments side by side, not parent and reply.
    """
    for previous in node.itersiblings(preceding=True):
        if not isinstance(previous.tag, str):
            continue
        if previous not in index_of and not any(inner in index_of for inner in previous.iterdescendants()):
            continue
        if _same_kind(previous, node):
            return None
        if previous not in index_of and any(
            isinstance(child.tag, str) and _same_kind(child, node) for child in previous
        ):
            continue
        return previous
    return None


def _structural_parent(item: HtmlElement, index_of: dict[HtmlElement, int], root: HtmlElement | None) -> int | None:
    for ancestor in item.iterancestors():
        if ancestor is root:
            break
        if ancestor in index_of:
            return index_of[ancestor]
    node = item.getparent()
    while node is not None and node is not root:
        previous = _preceding_holder(node, index_of)
        if previous is not None:
            if previous in index_of:
                return index_of[previous]
            return index_of[next(inner for inner in previous.iterdescendants() if inner in index_of)]
        node = node.getparent()
    return None


def common_ancestor(items: Sequence[HtmlElement]) -> HtmlElement | None:
    """The nearest element holding all of them; None for none."""
    if not items:
        return None
    shared = list(items[0].iterancestors())
    for item in items[1:]:
        ancestors = set(item.iterancestors())
        shared = [a for a in shared if a in ancestors]
    return shared[0] if shared else None


def nested_items(items: Sequence[HtmlElement]) -> list[list[HtmlElement]]:
    """For each comment element, the comment elements inside it (its replies, when they nest)."""
    index_of = {item: n for n, item in enumerate(items)}
    nested: list[list[HtmlElement]] = [[] for _ in items]
    for item in items:
        for ancestor in item.iterancestors():
            if (n := index_of.get(ancestor)) is not None:
                nested[n].append(item)
    return nested


def read_items(items: Sequence[HtmlElement], paths: FieldPaths, lang: str | None) -> list[RawComment]:
    """RawComments for comment elements in page order, with parents from the page structure."""
    named = [_text(_first(item, paths.parent)) for item in items] if paths.parent else []
    parents = parents_of(items, named)
    keys = [element_key(item, n) for n, item in enumerate(items)]
    repeated = {key for key, count in Counter(keys).items() if count > 1}
    # An id every comment shares (YouTube's `ytd-comment-renderer id="comment"`) tells them apart no more.
    keys = [f"#{n}" if key in repeated else key for n, key in enumerate(keys)]
    return [
        read_item(item, paths, lang, inside, keys[n], keys[parent] if (parent := parents[n]) is not None else None)
        for n, (item, inside) in enumerate(zip(items, nested_items(items), strict=True))
    ]


RUN_ON_TAGS = frozenset(
    {"a", "b", "i", "em", "strong", "span", "u", "s", "small", "code", "br", "img", "q", "cite", "abbr", "mark",
     "sub", "sup", "font"}
)  # fmt: skip
"""Inline elements of a paragraph's text, which go on after a quote the parser took out of the paragraph."""


def rejoin_paragraph(body: HtmlElement, nested: Sequence[HtmlElement]) -> None:
    """Give a comment's text back what the HTML parser took out of it: a `<p>` is closed by a block inside
    it (`<p class="comment-content">Text<blockquote>...</blockquote>More</p>` parses as the paragraph, then
    the quote and the rest beside it), so the quote and the text after it were not the comment's. They go
    back into the paragraph, in order, up to the next element that is no quote and no inline text."""
    following = body.getnext()
    if body.tag != "p" or (body.tail or "").strip() or following is None or not is_quote(following):
        return
    while following is not None and following not in nested and (is_quote(following) or following.tag in RUN_ON_TAGS):
        after = following.getnext()
        body.append(following)  # its tail, the text after it, moves with it
        following = after


def read_item(
    item: HtmlElement,
    paths: FieldPaths,
    lang: str | None,
    nested: Sequence[HtmlElement],
    key: str,
    parent_key: str | None,
) -> RawComment:
    """One comment element's fields: the engine's paths first, then where pages usually put them.

    The text is the body element (or the whole item) without its furniture: short elements named for
    meta data (`comment-meta`, `username`, `time`...), where the author and date are looked for too.
    """
    body = _first(item, paths.body, nested)
    body_element = body if isinstance(body, HtmlElement) else find_body(item, nested)
    if body_element is None:
        body_element = column_beside_header(item, nested)
    if body_element is not None:
        rejoin_paragraph(body_element, nested)
    text_box = body_element if body_element is not None else item
    furniture = _furniture(text_box, nested)
    excluded = [e for e in (body_element, *nested) if e is not None]
    header = candidates(item, excluded)
    if body_element is not None:
        header += [e for top in furniture for e in (top, *top.iterdescendants()) if isinstance(e.tag, str)]
    named = _first(item, paths.author, nested)
    author = name_in(named) if isinstance(named, HtmlElement) else clean_author(named or "")
    author = reply_label_name(item, author or find_author(header) or _cited_writer(body_element))
    blocks = element_blocks(text_box, paths.rules, leave_out=frozenset([*nested, *furniture]))
    dated = _first(item, paths.date, nested)
    date = _date(dated, lang) or find_date(header, lang)
    if (signed := signed_line(blocks, lang)) is not None and author in (None, signed[0]):
        author, date = signed[0], signed[1] or date  # the line is the comment's header, not its text
        blocks = blocks[: signed[2]] + blocks[signed[2] + 1 :]
    headed = _heading_header(blocks) if author is None else None
    if headed is not None:  # `<h4>NAME <span>On DATE</span></h4>` atop the text's box: its header, not its text
        author, blocks = headed[0], blocks[1:]
        date = date or printed_date(headed[1], lang)
    relative = None
    if date is None:  # "vor 8 Stunden": read once the page's time is known
        shown = visible_text(dated) if isinstance(dated, HtmlElement) else dated
        if headed is not None and not shown:
            shown = headed[1]
        relative = shown if shown and is_relative_date(shown, lang) else find_relative_date(header, lang)
    blocks = _text_lines(blocks, author, date, lang, relative)
    subject = (
        _text(_first(item, paths.subject, nested))
        or _heading_before(body_element, item, author)
        or _subject_in_header(header, author)
    )
    subject = SUBJECT_LABEL.sub("", subject) if subject else subject
    if subject and not REPLY_SUBJECT.match(subject) and not any(subject == b[1] for b in blocks):
        blocks.insert(0, ("heading", subject, None, None))
    deleted = _is_deleted(item, blocks, paths)
    return RawComment(
        key=key,
        parent_key=parent_key,
        author=None if author is not None and author.lower() in DELETED_NAMES else author,
        date=date,
        blocks=() if deleted else tuple(blocks),
        votes=_votes(_first(item, paths.votes, nested)) or find_votes(header),
        url=_url(_first(item, paths.url, nested)),
        role=_text(_first(item, paths.role, nested)) or None,
        deleted=deleted,
        relative_date=relative,
    )


def _cited_writer(body: HtmlElement | None) -> str | None:
    """The writer a comment's text box names first, in a `cite` of its own: `<cite><strong>NAME</strong> dijo:</cite>`
    (an old WordPress theme's header inside the text's box)."""
    if body is None or (body.text or "").strip():
        return None
    first = next((child for child in body.iterchildren() if isinstance(child.tag, str)), None)
    if first is None or first.tag != "cite":
        return None
    text = visible_text(first)
    return name_from_label(text) if NAME_VERB.search(text) and len(text) <= MAX_FURNITURE_CHARS else None


SUBJECT_TAGS = frozenset({"h2", "h3", "h4", "h5", "h6"})
SUBJECT_LABEL = re.compile(
    r"^(?:post subject|subject|sujet du message|sujet|betreff des beitrags|betreff|asunto|oggetto|temat|тема)\s*:\s*",
    re.IGNORECASE,
)
"""The label before a post's subject (phpBB 2's `Post subject: SUBJECT`), no part of it."""
REPLY_SUBJECT = re.compile(r"^(?:Re|Aw|Antw|Odp|Sv|Vs|Ynt|Отв|Ответ)\s*(?:\[\d+\]|\^\d+)?\s*:", re.IGNORECASE)
"""The subject a forum gives a reply by default, the thread's with a prefix (`Re: SUBJECT`, German `Aw:`): it says
nothing of the reply's own."""


def _heading_before(body: HtmlElement | None, item: HtmlElement, author: str | None) -> str | None:
    """A comment's subject line: a heading just before its text box, inside the comment ("<h5>Quantensprung?
    Wohl eher ein kleiner Schritt.</h5><div class=kommentar-text>"), that is not the comment's header: the
    writer's name, or a line that holds it or a time ("<h4><cite>NAME</cite> wrote on <time>...</time></h4>")."""
    if body is None or body is item or body.getparent() is None:
        return None
    before = element_beside(body, before=True)  # past an HTML comment between them
    if before is None or before.tag not in SUBJECT_TAGS or is_skipped(before):
        return None
    text = visible_text(before)
    if not text or (author and author in text) or before.find(".//time") is not None:
        return None
    return text


COUNT_LINE = re.compile(r"^\d[\d.,]*\s+\S+$")
SUBJECT_LINE_TAGS = frozenset({"div", "span", "p", "strong", "b", "h2", "h3", "h4", "h5", "h6"})
MAX_SUBJECT_CHARS = 150


WRITER_DETAIL_WORDS = frozenset(
    {"user", "member", "author", "profile", "poster", "usertitle", "userinfo", "userdetails", "jobtitle", "rank",
     "badge", "banner"}
)  # fmt: skip
"""Class words of what a comment's header says about its writer (their title, rank, profile)."""
WRITER_BOX_DEPTH = 6
"""How far up a writer's box is looked for (XenForo's `message-user` around its fields' labels)."""
LETTER = re.compile(r"[^\W\d_]")


def _about_writer(element: HtmlElement) -> bool:
    """Whether a header element, or a box around it, is about the writer (`userTitle`, `message-userDetails`)."""
    if element.get("itemprop") == "jobTitle":
        return True
    boxes = [element, *element.iterancestors()][:WRITER_BOX_DEPTH]
    return any(not WRITER_DETAIL_WORDS.isdisjoint(class_words(node)) for node in boxes)


def _subject_in_header(header: Sequence[HtmlElement], author: str | None) -> str | None:
    """A comment's subject line among its header's elements, named so by its class (`comment_title`, `betreff`):
    a short line that is neither the writer's name nor a date."""
    for element in header:
        if element.tag not in SUBJECT_LINE_TAGS or SUBJECT_WORDS.isdisjoint(class_heads(element)):
            continue
        if _about_writer(element):
            continue  # the writer's title ("Forenprofi", `userTitle`), not the comment's
        if any(is_hidden(box) for box in element.iterancestors()):
            continue  # a hidden dialog's title (Kunena's report form, `h5.modal-title`)
        text = visible_text(element)
        if COUNT_LINE.match(text):
            continue  # the count of replies below an opening post (wpForo's "4 Replies")
        if (
            text
            and LETTER.search(text)
            and len(text) <= MAX_SUBJECT_CHARS
            and not (author and author in text)
            and element.find(".//time") is None
            and not could_be_date(text)
        ):
            return text
    return None


EMPTIED_BRACKETS = re.compile(r"[\[\]()|\s]+")
"""What is left of a line of links once its actions are left out (`[<a>Reply</a>]`: "[]")."""


def _heading_header(blocks: list[BlockSpec]) -> tuple[str, str] | None:
    """The writer and the date's text of a comment whose text starts with a line of both, nothing else (a theme's
    `<h4>NAME <span>On Friday, November 2 at 12:14 pm</span></h4>`, read as the text's first line where no
    header was found); None for another first line."""
    if not blocks or len(blocks[0][1]) > MAX_SIGNED_CHARS or (found := name_and_date(blocks[0][1])) is None:
        return None
    return found[0], found[1].strip()


def _numbers_only(text: str) -> bool:
    """Whether a line is numbers alone ("18. 05. 2014", "#12"): no word, a digit at least; or brackets emptied of
    the actions they held."""
    if EMPTIED_BRACKETS.fullmatch(text):
        return True
    return NUMBER_SIGNS.fullmatch(text) is not None and any(char.isdecimal() for char in text)


DATE_LINE_LINKS = re.compile(r"\s+[|·•]\s+[^|·•]*$")
"""What a date's line prints after the date, a separator first: its links' labels (`Dec 30, 2007 7:06 PM | Link to
this`)."""
MAX_HEADER_DATE_WORDS = 6
"""The most words a date run into a comment's first line, after the writer's name, is read in."""


def _after_header(text: str, author: str, date: datetime, lang: str | None) -> str | None:
    """The text of a comment's first line after its header, where the line starts with the writer's name and then
    the comment's date, run into the text (`<li><span>NAME</span> <span class="data">1/8/2008 5:49 PM</span>
    TEXT</li>`); None where it does not start so."""
    if not text.startswith(author) or not (rest := text[len(author) :]) or rest[0].isalnum():
        return None
    words = rest.split()
    for size in range(1, min(MAX_HEADER_DATE_WORDS, len(words)) + 1):  # the shortest: "PM We are" is no date
        printed = printed_date(" ".join(words[:size]).strip(" ,|·•-–—"), lang)
        if printed is not None and printed == date:
            return " ".join(words[size:])
    return None


def _text_lines(
    blocks: list[BlockSpec], author: str | None, date: datetime | None, lang: str | None, relative: str | None = None
) -> list[BlockSpec]:
    """A comment's lines without the header lines its text box repeats: its writer's name and its date run into
    its first line; first, its author ("NAME", "NAME,", "NAME dijo:"); last, "NAME," before a date (a plain
    "NAME" last signs the text and stays); the date printed first or last, links after it aside (or the date read
    against the page's time, `relative`: "vor 8 Stunden", "Jun 20th"); stray numbers ("18. 05. 2014", the
    comment's number before its header)."""
    blocks = [block for block in blocks if not _numbers_only(block[1])]
    if blocks and author and date and (rest := _after_header(blocks[0][1], author, date, lang)) is not None:
        kept = any(char.isalnum() for char in rest)  # not a separator left after the date ("//")
        blocks = [(blocks[0][0], rest, *blocks[0][2:]), *blocks[1:]] if kept else blocks[1:]
    if blocks and author and len(blocks[0][1]) <= MAX_FURNITURE_CHARS:
        first = blocks[0][1]
        said = first.rstrip(NAME_PUNCTUATION) == author or (
            NAME_VERB.search(first) and name_from_label(first) == author
        )
        if said or (BY_PREFIX.match(first) and clean_author(first) == author):  # "Kommentar von NAME"
            blocks = blocks[1:]
    if blocks and author and blocks[-1][1] != author and blocks[-1][1].rstrip(NAME_PUNCTUATION) == author:
        blocks = blocks[:-1]
    for position in (-1, 0):
        text = blocks[position][1] if blocks else ""
        if (
            date
            and len(text) <= MAX_DATE_LINE
            and (printed := printed_date(text, lang) or printed_date(DATE_LINE_LINKS.sub("", text), lang))
            and printed.date() == date.date()
        ) or (relative and " ".join(text.split()) == " ".join(relative.split())):
            blocks = blocks[:-1] if position == -1 else blocks[1:]
    return [block for block in blocks if not _numbers_only(block[1])]


def _furniture(box: HtmlElement, nested: Sequence[HtmlElement]) -> list[HtmlElement]:
    """The outermost short elements in a comment's text box that are named for its meta data, not its text."""

    def furniture(node: HtmlElement) -> bool:
        if not (node.tag == "time" or not NOT_BODY_WORDS.isdisjoint(class_heads(node))) or is_quote(node):
            return False
        actions = not ACTION_WORDS.isdisjoint(class_heads(node))
        holds_paragraphs = not actions and any(inner.tag in PARAGRAPH_TAGS for inner in node.iterdescendants())
        return not holds_paragraphs and len(visible_text(node)) <= MAX_FURNITURE_CHARS

    def is_nested(node: HtmlElement) -> bool:
        return any(node is inner for inner in nested)

    return [node for node in descendants(box, is_nested, stop=furniture) if furniture(node)]


def _is_deleted(item: HtmlElement, blocks: list[BlockSpec], paths: FieldPaths) -> bool:
    if any(lookup(item) for lookup in paths.deleted):
        return True
    if not DELETED_WORDS.isdisjoint(set(item.get("class", "").lower().split())):
        return True
    if not blocks:  # no text but a notice the reader leaves out as an alert (Wykop: "Komentarz usunięty przez autora")
        return DELETED_NOTICE.search(item.text_content()) is not None
    return len(blocks) == 1 and blocks[0][1].lower() in DELETED_TEXTS


def _date(found: HtmlElement | str | None, lang: str | None) -> datetime | None:
    if found is None:
        return None
    if isinstance(found, str):
        return machine_date(found) or printed_date(found, lang)
    for attribute in ("datetime", "content", "data-time", "data-timestamp", "title"):
        if (value := found.get(attribute)) and (moment := machine_date(value)):
            return with_printed_time(moment, value, found, lang)
        if value and (moment := printed_date(value, lang)):
            return moment
    # A box around the date ("comment-metadata") may hold it twice: printed in the reader's zone, and in an
    # attribute with its zone (`time[datetime]`, `abbr[title]`, `data-utime`): the stated one wins.
    for node in found.iterdescendants():
        for attribute in (*DATE_ATTRIBUTES, "title"):
            if (value := node.get(attribute)) and (moment := machine_date(value)):
                return with_printed_time(moment, value, node, lang)
    return printed_date(visible_text(found), lang)


def _votes(found: HtmlElement | str | None) -> Votes | None:
    if found is None:
        return None
    if isinstance(found, str):
        start = COUNT_START.search(found)  # "Likes: 1.2K" counts from its number
        value = printed_count(found[start.start() :]) if start else None
        return net_votes(value)
    # the count after the button's word, where the engine points at the button (Tildes' "Vote (4)")
    return find_votes([found], any_class=True) or _votes(visible_text(found))


def _url(found: HtmlElement | str | None) -> str | None:
    if isinstance(found, HtmlElement):
        return found.get("href") or None
    return found
