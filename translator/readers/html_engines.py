"""The comment markup of the common engines: where each puts a comment, its author, date and text.

One table entry per engine, tried in order; the first whose comment elements are on the page wins.
Forum engines (phpBB, vBulletin, XenForo, SMF, Invision, Discourse) show the opening post in the same
markup as the replies: it is the article. Hacker News and old Reddit pages carry their story above the
comments; Hacker News nests replies by indentation, not by markup.
"""

from __future__ import annotations

import json
import re
from collections.abc import Callable
from dataclasses import dataclass, replace
from functools import lru_cache

from lxml.html import HtmlElement

from translator.readers.common import BlockSpec
from translator.readers.html_dates import at_printed_clock, could_be_date, machine_date
from translator.readers.html_fields import DATE_WORDS, FoundComments, RawComment, clean_author, name_and_date
from translator.readers.html_items import (
    FieldPaths,
    Lookup,
    element_key,
    in_page_order,
    parents_by_depth,
    path,
    read_item,
    read_items,
)
from translator.readers.html_marks import PageMarks
from translator.readers.html_text import class_heads, visible_text
from translator.readers.markup import PAGE_COMMENT_RULES, element_blocks


@dataclass(frozen=True)
class Engine:
    """How one engine marks up its comments."""

    name: str
    """Shown in warnings and tests."""
    items: Callable[[HtmlElement], list[object]]
    """Finds every comment element on the page, in page order."""
    fields: FieldPaths
    """Where each field sits inside a comment element."""
    skip: Callable[[HtmlElement], object] | None = None
    """True for elements the engine draws like comments that are not (pingbacks, "load more" stubs)."""
    forum: bool = False
    """The first post is the article (forums), not a comment."""
    indent: Callable[[HtmlElement], list[object]] | None = None
    """Nesting depth of a comment, where replies are indented instead of nested (Hacker News)."""
    story: Callable[[HtmlElement, str | None], RawComment | None] | None = None
    """Reads the story a discussion page shows above its comments (Hacker News, Reddit)."""
    marks: tuple[str, ...] = ()
    """`class:NAME`, `id:NAME` (digits left out), `tag:NAME` or `attr:NAME`: the rule runs on pages with one."""
    companions: Callable[[HtmlElement], list[object]] | None = None
    """Elements of a comment outside its element (the `dd` holding the text after a `dt` holding the
    name), taken out of the page with it before the article is read."""
    folded: Callable[[HtmlElement], object] | None = None
    """True for a comment the page shows folded, its writer's name without its text: it stays in the
    tree only as the parent of a reply the page does show."""
    threaded: bool = False
    """A forum whose posts hold replies of their own (Stack Exchange's comments under each answer): those keep
    their parents; replies to the first post, the article, are the thread's comments."""


def _paths(*expressions: str) -> tuple[Callable[[HtmlElement], list[object]], ...]:
    return tuple(path(expression) for expression in expressions)


def _op_where(marked: Callable[[HtmlElement], object]) -> Callable[[HtmlElement], list[object]]:
    """A role lookup giving `OP` for a comment the engine marks as its post's or blog's writer's (WordPress's
    `bypostauthor`, Stack Exchange's asker, Twikoo's owner), as the other readers name the thread's writer answering."""
    return lambda item: ["OP"] if marked(item) else []


def _by_tag(tags: tuple[str, ...], test: str) -> Callable[[HtmlElement], list[object]]:
    """The elements of those tags that pass the test, in page order: one search per tag (`//div[TEST]`) costs
    libxml2 a fraction of one over every element (`//*[self::div or self::article][TEST]`), and a union of
    large results (`//div[TEST] | //article[TEST]`) costs it their sizes multiplied."""
    finds = [path(f"//{tag}{test}") for tag in tags]
    return lambda tree: in_page_order(tree, *(find(tree) for find in finds), tags=tags)


def _story(
    container: str, title: str, fields: FieldPaths, text: str
) -> Callable[[HtmlElement, str | None], RawComment | None]:
    """A reader of the story above a discussion: its title becomes the article's title block."""
    find_container, find_title, find_text = path(container), path(title), path(text)

    def read(tree: HtmlElement, lang: str | None) -> RawComment | None:
        found = find_container(tree)
        if not found or not isinstance(found[0], HtmlElement):
            return None
        story = found[0]
        titles = [t for t in find_title(story) if isinstance(t, HtmlElement)]
        texts = [t for t in find_text(story) if isinstance(t, HtmlElement)]
        base = read_item(story, fields, lang, texts, "article", None)
        blocks: list[BlockSpec] = (
            [("title", visible_text(titles[0]), None, None)] if titles and visible_text(titles[0]) else []
        )
        for element in texts[:1]:
            blocks.extend(element_blocks(element, fields.rules))
        link = titles[0].get("href") if titles else None
        return RawComment(
            key="article",
            parent_key=None,
            author=base.author,
            date=base.date,
            blocks=tuple(blocks),
            votes=base.votes if fields.votes else None,  # not a comment's below the story
            url=link or base.url,
        )

    return read


MARKED_PART = path("boolean(.//*[@itemprop])")
MICRODATA_COMMENTS = path("//*[@itemscope][re:test(@itemtype, '(^|[/#\\s])(Comment|UserComments)(\\s|$)', 'i')]")
MICRODATA_REVIEWS = path("//*[@itemscope][@itemprop='review']")


def _microdata_items(tree: HtmlElement) -> list[object]:
    """Comments, and the reviews a product or a place lists (two or more: one alone may be the page's own critic's
    review, the article), in page order. Counted here: a count in the XPath was taken once per review, in time
    the square of their number (8,000 reviews: 48 s)."""
    reviews = MICRODATA_REVIEWS(tree)
    return in_page_order(tree, MICRODATA_COMMENTS(tree), reviews if len(reviews) > 1 else [])


MICRODATA = Engine(
    name="microdata",
    marks=("attr:itemscope",),
    # Comments, and the reviews a product or a place lists (`itemprop=review`, two or more: one alone may be the
    # page's own critic's review, the article).
    items=_microdata_items,
    # A box marked up as a comment that shows no text (its writer and time in `meta` tags at most), or that marks
    # none of a comment's parts (a list's box the page fills by script: "All comments", "Show new comments (0)"),
    # is no comment, and no reason to pass over the comments the page draws.
    skip=lambda item: not visible_text(item) or not MARKED_PART(item),
    fields=FieldPaths(
        author=_paths(".//*[@itemprop='author' or @itemprop='creator']"),
        date=_paths(".//*[@itemprop='dateCreated' or @itemprop='datePublished' or @itemprop='commentTime']"),
        body=_paths(".//*[@itemprop='text' or @itemprop='commentText' or @itemprop='reviewBody']"),
        votes=_paths(".//*[@itemprop='upvoteCount']/@content", ".//*[@itemprop='upvoteCount']"),
        url=_paths(".//*[@itemprop='url']/@href"),
    ),
)

HN_RULES = replace(PAGE_COMMENT_RULES, marked_quotes=True)
"""Hacker News has no quote markup: people type `>` before what they quote."""

HACKER_NEWS = Engine(
    name="hacker-news",
    marks=("class:comtr", "class:fatitem"),
    items=path("//tr[has-class('comtr')] | //tr[has-class('athing')][.//*[has-class('commtext')]]"),
    fields=FieldPaths(
        author=_paths(".//a[has-class('hnuser')]"),
        date=_paths(".//span[has-class('age')]/@title", ".//span[has-class('age')]"),
        body=_paths(".//*[has-class('commtext')]", ".//div[has-class('comment')]"),
        url=_paths(".//span[has-class('age')]//a/@href"),
        rules=HN_RULES,
    ),
    indent=path(".//td[has-class('ind')]/@indent | .//td[has-class('ind')]//img/@width"),
    story=_story(
        "//table[has-class('fatitem')]",
        ".//*[has-class('titleline')]/a | .//a[has-class('storylink')] | .//td[has-class('title')]/a",
        FieldPaths(
            author=_paths(".//a[has-class('hnuser')]"),
            date=_paths(".//span[has-class('age')]/@title", ".//span[has-class('age')]"),
            votes=_paths(".//span[has-class('score')]"),
        ),
        ".//div[has-class('toptext')]",
    ),
)

OLD_REDDIT = Engine(
    name="reddit",
    marks=("class:thing",),
    items=path("//div[has-class('thing')][has-class('comment') or @data-type='comment' or has-class('morechildren')]"),
    skip=path("self::*[has-class('morechildren')]"),
    fields=FieldPaths(
        author=_paths("@data-author", "./div[has-class('entry')]//a[has-class('author')]"),
        date=_paths("./div[has-class('entry')]//time/@datetime", "@data-timestamp"),
        body=_paths("./div[has-class('entry')]//div[has-class('usertext-body')]//div[has-class('md')]"),
        votes=_paths("./div[has-class('entry')]//*[has-class('score')][has-class('unvoted')]/@title", "@data-score"),
        url=_paths("@data-permalink"),
        deleted=_paths("self::*[has-class('deleted')]", "self::*[@data-author='[deleted]']"),
    ),
    story=_story(
        "//div[has-class('thing')][has-class('link') or @data-type='link']",
        ".//a[has-class('title')]",
        FieldPaths(
            author=_paths("@data-author", ".//a[has-class('author')]"),
            date=_paths(".//p[has-class('tagline')]//time/@datetime", "@data-timestamp"),
            votes=_paths("@data-score"),
        ),
        ".//div[has-class('expando')]//div[has-class('md')]",
    ),
)

NEW_REDDIT = Engine(
    name="reddit",
    marks=("tag:shreddit-comment",),
    items=path("//shreddit-comment"),
    fields=FieldPaths(
        author=_paths("@author"),
        date=_paths(".//time/@datetime", ".//faceplate-timeago/@ts"),
        body=_paths("./div[@slot='comment']"),
        votes=_paths("@score"),
        url=_paths("@permalink"),
        deleted=_paths("self::*[@is-comment-deleted='true' or @deleted='true']"),
    ),
)

AUTHOR_ICON = path(".//a[@data-testid='comment_author_icon']/@href")
POST_AUTHOR = path(".//a[@data-testid='post_author_link']/@href")
USER_PATH = re.compile(r"/user/([^/?#]+)")


def _icon_author(item: HtmlElement) -> list[object]:
    """The writer's name in the link of their avatar (`/user/NAME/`), where the page drew no name beside it."""
    return [found[1] for href in AUTHOR_ICON(item) if (found := USER_PATH.search(str(href)))][:1]


def _post_author(item: HtmlElement) -> list[object]:
    """The poster's name in their link (`/user/NAME/`), without the "u/" the link shows."""
    return [found[1] for href in POST_AUTHOR(item) if (found := USER_PATH.search(str(href)))][:1]


REDESIGN_OP = path(".//*[starts-with(@id, 'CommentTopMeta--OP--')]")
"""The asker's mark in a comment's header (an icon read out as "Original Poster")."""

REDESIGN_REDDIT = Engine(
    name="reddit",
    # Reddit's 2018 redesign: hashed class names but a `Comment` class, the comment's `t1_` id, test ids
    # (`data-test-id`, later `data-testid`); replies indented by the wrapper's padding ("level 2").
    marks=("class:comment",),
    items=path("//div[has-class('Comment')][re:test(@class, '(^|\\s)t1_\\w+') or starts-with(../@id, 't1_')]"),
    fields=FieldPaths(
        author=(*_paths(".//a[@data-testid='comment_author_link']"), _icon_author),
        date=_paths(".//a[starts-with(@id, 'CommentTopMeta--Created--')]"),
        body=_paths(".//div[@data-test-id='comment' or @data-testid='comment']"),
        votes=_paths(".//span[re:test(normalize-space(.), '^-?\\d+ points?$')]"),
        url=_paths(".//a[starts-with(@id, 'CommentTopMeta--Created--')]/@href"),
        role=(_op_where(REDESIGN_OP),),
        # A deleted or removed comment keeps its header ("level 1 · [deleted] · 4 yr. ago") and no text box.
        deleted=_paths("self::*[not(.//div[@data-test-id='comment' or @data-testid='comment'])]"),
    ),
    story=_story(
        "//div[@data-test-id='post-content']",
        ".//h1",
        FieldPaths(
            author=(_post_author, *_paths(".//a[contains(@href, '/user/')]")),
            date=_paths(".//a[@data-click-id='timestamp']"),
        ),
        ".//div[has-class('RichTextJSON-root')] | .//div[@data-click-id='text']",
    ),
)

DISQUS = Engine(
    name="disqus",
    marks=("class:post-message",),
    items=path("//li[has-class('post')][starts-with(@id, 'post-')][.//*[has-class('post-message')]]"),
    fields=FieldPaths(
        author=_paths(".//*[has-class('author')]//a", ".//*[has-class('author')]"),
        date=_paths(".//a[has-class('time-ago')]/@title", ".//a[has-class('time-ago')]"),
        body=_paths(".//*[has-class('post-message')]"),
        votes=_paths(".//*[@data-role='likes']"),
    ),
)

DISQUS_WORDPRESS = Engine(
    name="disqus-wordpress",
    # Disqus's plugin for WordPress drew the comments on the server too, for readers and search engines without
    # scripts, in a list of its own (`ul#dsq-comments > li#dsq-comment-N`): the writer in the header's `cite` (some
    # versions print the writer's address there before the name), the text in `dsq-comment-message`, no date;
    # replies in WordPress's `ul.children`, after their parent's `li`, which the plugin closes early.
    marks=("class:dsq-comment-message",),
    items=path("//li[starts-with(@id, 'dsq-comment-')][./*[has-class('dsq-comment-body')]]"),
    fields=FieldPaths(
        author=_paths(".//*[starts-with(@id, 'dsq-author-user-')]"),
        body=_paths(".//*[has-class('dsq-comment-message')]"),
    ),
)

DISCOURSE = Engine(
    name="discourse",
    marks=("class:crawler-post", "class:topic-post", "attr:itemscope"),
    items=path(
        "//div[has-class('crawler-post')][not(@role='navigation')][.//*[has-class('post') or has-class('cooked')]]"
        " | //div[has-class('topic-post')][.//*[has-class('cooked')]]"
        " | //div[@itemscope][contains(@itemtype, 'DiscussionForumPosting')][./div[has-class('creator')]]"
    ),
    fields=FieldPaths(
        author=_paths(
            ".//*[has-class('creator')]//*[@itemprop='name' or @itemprop='author']",
            ".//*[has-class('creator')]//a",
            ".//*[has-class('names')]//a",
        ),
        date=_paths(
            ".//time[has-class('post-time')]",
            ".//*[@itemprop='datePublished']",
            ".//*[has-class('post-date')]//*[@data-time]/@data-time",
        ),
        body=_paths(".//div[has-class('post')][@itemprop]", ".//*[has-class('cooked')]", ".//div[has-class('post')]"),
        votes=_paths(".//meta[@itemprop='userInteractionCount']/@content", ".//*[has-class('post-likes')]"),
    ),
    forum=True,
)


SE_OWNER_COMMENT = path("self::*[has-class('comment')]//*[has-class('comment-user')][has-class('owner')]")
"""A comment by the asker (asked of comments only: an answer holds the comments under it)."""
SE_POSTS = (
    path("//div[@id='question']"),
    path("//div[starts-with(@id, 'answer-')][has-class('answer')]"),
    path("//li[starts-with(@id, 'comment-')][has-class('comment')]"),
    path("//tr[starts-with(@id, 'comment-')][has-class('comment')]"),  # before 2019: comments in a table
)


def _stack_exchange_posts(tree: HtmlElement) -> list[object]:
    """The question, its answers and their comments in page order; none without a question or an answer (a blog
    whose theme names its text `post-text` holds WordPress's `li.comment#comment-N`, no post of this engine)."""
    question, answers, *comments = (find(tree) for find in SE_POSTS)
    return in_page_order(tree, question, answers, *comments) if question or answers else []


SE_OWNER = (  # the asker's signature; an answer's own is its last (an editor's comes before it)
    "(.//*[has-class('post-signature')][has-class('owner')] | (.//*[has-class('post-signature')])[last()])"
)

STACK_EXCHANGE = Engine(
    name="stack-exchange",
    marks=("class:js-post-body", "class:post-text", "class:comment-copy"),
    # The question, its answers and the comments under each, in page order: the question is the article, an
    # answer one of its comments, a comment under an answer a reply to it.
    items=lambda tree: _stack_exchange_posts(tree),
    fields=FieldPaths(
        author=_paths(
            f"{SE_OWNER}//*[@itemprop='author']/a",
            f"{SE_OWNER}//*[has-class('user-details')]/a",
            f"{SE_OWNER}//*[has-class('user-details')]",
            ".//*[has-class('comment-user')]",
        ),
        date=_paths(
            f"{SE_OWNER}//*[has-class('relativetime')]/@title",
            ".//*[has-class('comment-date')]//*[@title]/@title",
        ),
        body=_paths(
            ".//*[has-class('js-post-body')]", ".//*[has-class('post-text')]", ".//*[has-class('comment-copy')]"
        ),
        votes=_paths(
            "@data-score",
            "@data-comment-score",
            ".//*[has-class('js-vote-count')]",
            ".//*[has-class('vote-count-post')]",
            ".//*[has-class('comment-score')]",
        ),
        role=(_op_where(SE_OWNER_COMMENT),),
    ),
    forum=True,
    threaded=True,
)

MYBB = Engine(
    name="mybb",
    marks=("class:post_body",),
    # 1.8: `div.post#post_N` (the classic layout adds a class, not a table); 1.6: `table#post_N`.
    items=path(
        "//*[self::div or self::table][starts-with(@id, 'post_')][re:test(@id, '^post_\\d+$')]"
        "[.//*[has-class('post_body')]]"
    ),  # not IP.Board 3's `div#post_id_N`
    fields=FieldPaths(
        author=_paths(
            ".//*[has-class('author_information')]//*[has-class('largetext')]//a",
            ".//*[has-class('largetext')]//a",
        ),
        date=_paths(".//*[has-class('post_date')]"),
        body=_paths(".//*[has-class('post_body')]"),
        role=_paths(".//*[has-class('author_information')]/*[has-class('smalltext')]"),
        url=_paths(".//*[has-class('post_head')]//a[contains(@href, 'pid=')]/@href"),
    ),
    forum=True,
)

FLUXBB = Engine(
    name="fluxbb",
    marks=("class:blockpost",),  # FluxBB and PunBB
    items=path("//div[has-class('blockpost')][.//*[has-class('postmsg')]]"),
    fields=FieldPaths(
        author=_paths(".//*[has-class('postleft')]//dt//a", ".//*[has-class('postleft')]//dt"),
        date=_paths("./h2//a"),
        body=_paths(".//*[has-class('postmsg')][not(has-class('postsignature'))]"),
        role=_paths(".//*[has-class('postleft')]//dd[has-class('usertitle')]"),
        url=_paths("./h2//a/@href"),
    ),
    forum=True,
)

VANILLA = Engine(
    name="vanilla",
    marks=("class:itemcomment", "class:itemdiscussion"),
    items=path(
        "//*[starts-with(@id, 'Discussion_')][has-class('ItemDiscussion')]"
        " | //*[starts-with(@id, 'Comment_')][has-class('ItemComment')]"
    ),
    fields=FieldPaths(
        author=_paths(".//*[has-class('Author')]//a[has-class('Username')]", ".//a[has-class('Username')]"),
        date=_paths(".//*[has-class('DateCreated')]//time", ".//time[@datetime]"),
        body=_paths(".//*[has-class('Message')][has-class('userContent')]", ".//*[has-class('Message')]"),
        role=_paths(".//*[has-class('AuthorTitle')]"),
        url=_paths(".//*[has-class('DateCreated')]//a[has-class('Permalink')]/@href"),
    ),
    forum=True,
)

BBPRESS_HEADER = "./preceding-sibling::div[1][has-class('bbp-reply-header')]"
"""bbPress prints a post's date and permalink in a box just before the post's own (`loop-single-reply.php`)."""

BBPRESS = Engine(
    name="bbpress",
    marks=("class:bbp-reply-content",),
    # The topic's opening post is the first of the loop (`type-topic`), its replies after it; with threaded
    # replies on, a reply's box sits in a list after the box of the post it answers.
    items=path("//div[div[has-class('bbp-reply-content')]]"),
    fields=FieldPaths(
        author=_paths(
            "./div[has-class('bbp-reply-author')]//*[has-class('bbp-author-name')]",
            "./div[has-class('bbp-reply-author')]//a[has-class('bbp-author-link')]",
        ),
        date=_paths(f"{BBPRESS_HEADER}//*[has-class('bbp-reply-post-date')]"),
        body=_paths("./div[has-class('bbp-reply-content')]"),
        role=_paths("./div[has-class('bbp-reply-author')]//*[has-class('bbp-author-role')]"),
        url=_paths(f"{BBPRESS_HEADER}//a[has-class('bbp-reply-permalink')]/@href"),
    ),
    companions=path(BBPRESS_HEADER),
    forum=True,
    threaded=True,
)

WALINE_CARD = "./div[has-class('wl-card')]"

WALINE = Engine(
    name="waline",
    marks=("class:wl-card-item",),
    # A reply's card sits in the card of the comment it answers (`div.wl-quote`).
    items=path("//div[has-class('wl-card-item')]"),
    fields=FieldPaths(
        author=_paths(f"{WALINE_CARD}/div[has-class('wl-head')]//*[has-class('wl-nick')]"),
        date=_paths(f"{WALINE_CARD}/div[has-class('wl-head')]//*[has-class('wl-time')]"),
        body=_paths(f"{WALINE_CARD}/div[has-class('wl-content')]"),
        votes=_paths(f"{WALINE_CARD}/div[has-class('wl-head')]//*[has-class('wl-like')]"),
    ),
)

TWIKOO_MASTER = path("self::*[has-class('tk-master')]")
"""A comment by the blog's owner."""


TWIKOO = Engine(
    name="twikoo",
    marks=("class:tk-comment",),
    # Replies sit in their thread's first comment (`div.tk-replies`), each naming whom it answers.
    items=path("//div[has-class('tk-comment')][.//*[has-class('tk-content')]]"),
    fields=FieldPaths(
        author=_paths("./div[has-class('tk-main')]/div[has-class('tk-row')]//*[has-class('tk-nick')]"),
        date=_paths("./div[has-class('tk-main')]/div[has-class('tk-row')]//*[has-class('tk-time')]//time"),
        body=_paths("./div[has-class('tk-main')]/div[has-class('tk-content')]"),
        role=(_op_where(TWIKOO_MASTER),),
    ),
)

FLARUM_RENDERED = path("//div[has-class('PostStream-item')][.//*[has-class('Post-body')]]")
FLARUM_WITHOUT_SCRIPT = path("//noscript[@id='flarum-content']//article[.//*[has-class('Post-body')]]")


def _flarum_posts(tree: HtmlElement) -> list[object]:
    """The posts the app drew, where the page was saved after it ran; else those the server put in `noscript`
    for readers without scripts (the page holds both once drawn)."""
    rendered: list[object] = FLARUM_RENDERED(tree)
    return rendered or FLARUM_WITHOUT_SCRIPT(tree)


FLARUM_PAYLOAD = path("//script[@id='flarum-json-payload']/text()")
FLARUM_NAME = path("string(.//*[has-class('PostUser-name')])")


@lru_cache(maxsize=8)
def _flarum_post_facts(payload: str) -> tuple[tuple[str, str], ...]:
    """The comments' writers and times in the data the server writes beside its page (`flarum-json-payload`: its
    `apiDocument`, the posts it holds, in their number's order); none where it does not read so."""
    try:
        document = json.loads(payload).get("apiDocument") or {}
        included = [entry for entry in document.get("included") or [] if isinstance(entry, dict)]
        users = {entry.get("id"): entry.get("attributes") or {} for entry in included if entry.get("type") == "users"}
        posts = sorted(
            (
                entry
                for entry in included
                if entry.get("type") == "posts" and (entry.get("attributes") or {}).get("contentType") == "comment"
            ),
            key=lambda entry: int(entry["attributes"].get("number") or 0),
        )
        facts = []
        for post in posts:
            user = users.get(((post.get("relationships") or {}).get("user") or {}).get("data", {}).get("id")) or {}
            facts.append(
                (str(user.get("displayName") or user.get("username") or ""), str(post["attributes"]["createdAt"]))
            )
        return tuple(facts)
    except (ValueError, TypeError, AttributeError, KeyError):
        return ()


def _flarum_payload_date(item: HtmlElement) -> list[object]:
    """A post's time from the page's data, for the server's copy in `noscript`, which prints none: the post at the
    same place in the data, where the data holds as many posts and its writer is the one the copy names."""
    tree = item.getroottree().getroot()
    payload = "".join(str(text) for text in FLARUM_PAYLOAD(tree))
    if not payload:
        return []
    facts = _flarum_post_facts(payload)
    copies = FLARUM_WITHOUT_SCRIPT(tree)
    if len(facts) != len(copies) or item not in copies:
        return []
    writer, created = facts[copies.index(item)]
    return [created] if writer and writer == str(FLARUM_NAME(item)).strip() else []


FLARUM = Engine(
    name="flarum",
    marks=("class:post-body",),
    items=_flarum_posts,
    fields=FieldPaths(
        author=_paths(".//*[has-class('PostUser-name')]//*[has-class('username')]", ".//*[has-class('PostUser-name')]"),
        date=(*_paths(".//*[has-class('PostMeta')]//time", ".//time[@datetime]", "@data-time"), _flarum_payload_date),
        body=_paths(".//*[has-class('Post-body')]"),
    ),
    forum=True,
)

NODEBB = Engine(
    name="nodebb",
    marks=("attr:data-pid",),
    # Every post of a topic, the opening one included, is an `li[component=post]` marked as a schema.org
    # Comment: the opening post is the article (before the microdata rule, which would take it for a comment).
    items=path("//*[@component='post'][@data-pid]"),
    fields=FieldPaths(
        author=_paths("@data-username", ".//*[@itemprop='author']/@data-username", ".//*[@itemprop='author']"),
        date=_paths(".//a[has-class('permalink')]//*[has-class('timeago')]/@title", "@data-timestamp"),
        body=_paths(".//*[@component='post/content']"),
        votes=_paths(".//*[@component='post/vote-count']/@data-votes"),
        url=_paths(".//a[has-class('permalink')]/@href"),
    ),
    forum=True,
)

XENFORO = Engine(
    name="xenforo",
    marks=("class:message",),
    items=path(
        "//article[has-class('message--post')] | //article[has-class('message')][@data-author]"
        " | //li[has-class('message')][@data-author]"
    ),
    fields=FieldPaths(
        author=_paths("@data-author", ".//*[has-class('message-name')]", ".//a[has-class('username')]"),
        date=_paths(
            ".//*[has-class('message-attribution-main')]//time",
            ".//time[has-class('u-dt')]",
            ".//*[has-class('messageMeta')]//*[has-class('DateTime')]",
            ".//*[has-class('DateTime')]",
        ),
        body=_paths(
            ".//*[has-class('message-body')]//*[has-class('bbWrapper')]",
            ".//*[has-class('bbWrapper')]",
            ".//*[has-class('messageText')]",
        ),
        role=_paths(".//*[has-class('userTitle')]"),
        url=_paths(".//*[has-class('message-attribution-main')]//a/@href"),
    ),
    forum=True,
)

XENFORO_WIDGET = Engine(
    name="xenforo-widget",
    # The latest replies of a forum thread shown under an article (Future's news sites): comments, no opening post.
    marks=("class:xenforo-comment",),
    items=path("//li[has-class('xenforo-comment')][starts-with(@id, 'xenforo-comment-')]"),  # not "view all"
    fields=FieldPaths(
        author=_paths(".//*[has-class('author-name')]"),
        date=_paths(".//*[has-class('post-date')]"),
        body=_paths(".//*[has-class('js-read-more')]", ".//*[has-class('xenforo-comment-content')]"),
    ),
)

VBULLETIN = Engine(
    name="vbulletin",
    marks=("id:post_", "id:post", "class:b-post"),
    items=path(
        "//li[starts-with(@id, 'post_')][re:test(@id, '^post_\\d+$')]"
        " | //table[starts-with(@id, 'post')][re:test(@id, '^post\\d+$')]"
        " | //div[starts-with(@id, 'post')][re:test(@id, '^post\\d+$')][has-class('post')]"
        " | //li[has-class('b-post')][@data-node-id] | //div[has-class('postcontainer')][re:test(@id, '^post_\\d+$')]"
    ),
    fields=FieldPaths(
        author=_paths(".//a[has-class('bigusername')]", ".//*[has-class('username')]", ".//*[has-class('author')]//a"),
        date=_paths(
            ".//time[@datetime]",
            ".//*[has-class('postdate')]//*[has-class('date')]",
            ".//span[has-class('date')]",
            ".//td[has-class('thead')]",
        ),
        body=_paths(
            ".//*[re:test(@id, '^post_message_\\d+$')]",
            ".//*[has-class('js-post__content-text')]",
            ".//*[has-class('postcontent')]",
        ),
        role=_paths(".//*[has-class('usertitle')]"),
    ),
    forum=True,
)

PHPBB = Engine(
    name="phpbb",
    marks=("class:post",),
    items=path("//*[self::div or self::article][has-class('post')][re:test(@id, '^p\\d+$')]"),
    skip=path("self::*[@id='p0']"),  # Forumotion's "sponsored content" drawn as a post: no post has number 0
    fields=FieldPaths(
        author=_paths(
            ".//*[has-class('postprofile')]//*[has-class('username') or has-class('username-coloured')]",
            ".//*[has-class('postauthor')]",
            ".//p[has-class('author')]//strong",
        ),
        date=_paths(
            ".//p[has-class('author')]//time", ".//*[has-class('dateline_timestamp')]", ".//p[has-class('author')]"
        ),
        body=_paths(".//div[has-class('content')]", ".//div[has-class('post-entry')]"),  # Forumotion: post-entry
        role=_paths(".//*[has-class('profile-rank') or has-class('profile_rank')]"),
    ),
    forum=True,
)

SMF = Engine(
    name="smf",
    # 2.0 and 2.1: `div.post_wrapper`; 2.0's "core" theme: the box holding `div.poster` beside `div.postarea`
    marks=("class:post_wrapper", "class:postarea"),
    items=path(
        "//div[has-class('post_wrapper')]"
        " | //div[has-class('postarea')]/parent::div[div[has-class('poster')]][not(has-class('post_wrapper'))]"
    ),
    fields=FieldPaths(
        author=_paths(".//div[has-class('poster')]//h4//a", ".//div[has-class('poster')]//h4"),
        date=_paths(".//div[has-class('keyinfo')]//*[has-class('smalltext')]", ".//div[has-class('postinfo')]//a"),
        body=_paths(".//div[has-class('inner')][re:test(@id, '^msg_\\d+$')]", ".//div[has-class('post')]"),
        role=_paths(
            ".//li[has-class('membergroup')]",
            ".//li[has-class('postgroup')]",
            ".//div[has-class('poster')]/ul/li[1][not(*)]",  # 2.0's core theme: the group, in a list item of no class
        ),
    ),
    forum=True,
)

INVISION = Engine(
    name="invision",
    # Invision Community 4 (`article#elComment_N`), and IP.Board 3 (`div.post_block#post_id_N`, its date stated in
    # `abbr.published`'s title).
    marks=("id:elcomment_", "id:post_id_"),
    items=path(
        "//article[re:test(@id, '^elComment_\\d+$')] | //div[has-class('post_block')][re:test(@id, '^post_id_\\d+$')]"
    ),
    fields=FieldPaths(
        author=_paths(
            ".//*[has-class('cAuthorPane_author')]",
            ".//aside//a[has-class('ipsUsername')]",
            ".//*[has-class('author')][has-class('vcard')]",
        ),
        date=_paths(".//time[@datetime]", ".//abbr[has-class('published')]/@title"),
        body=_paths(".//div[@data-role='commentContent']", ".//div[@itemprop='commentText']"),
        role=_paths(".//li[@data-role='group']", ".//*[has-class('member_title')]"),
    ),
    forum=True,
)


def _is_edit_note(element: HtmlElement) -> bool:
    """phpBB 2's line under an edited post ("Last edited by NAME on DATE; edited 1 time"), in its small print."""
    return element.tag == "span" and "gensmall" in element.get("class", "").split()


PHPBB2 = Engine(
    name="phpbb2",
    # phpBB 2 (subSilver and the skins drawn from it, Forumotion's "phpBB2"): each post a table row, the writer's
    # name and profile in its first cell (their join date there too: "Inscrit le: DATE"), the post's date at the
    # start of the second's header ("Posted: DATE Post subject: ..."), its signature after a line of underscores.
    marks=("class:postbody",),
    # Skins drawn from it print the post's text in a `td.postbody` and its date in a `td.postdetails`.
    items=path("//tr[td/span[has-class('name')]][td//*[has-class('postbody')]]"),
    fields=FieldPaths(
        author=_paths(
            "./td/span[has-class('name')]//b", "./td/span[has-class('name')]//strong", "./td/span[has-class('name')]"
        ),
        date=_paths("./td[2]//*[has-class('postdetails')]/text()[normalize-space()][1]"),
        body=_paths(
            "./td[2]//td[.//span[has-class('postbody')]][@colspan='2']",
            "./td[2]//td[has-class('postbody')]",
            ".//span[has-class('postbody')]",
        ),
        role=_paths("./td/span[has-class('postdetails')]/text()[1]"),
        url=_paths("./td[2]//a[contains(@href, 'viewtopic.php?p=')]/@href"),
        subject=_paths("./td[2]//span[has-class('postdetails')]/text()[last()]"),
        rules=replace(PAGE_COMMENT_RULES, signature=re.compile(r"(?:^|\s)_{10,}(?:\s|$)"), skip=_is_edit_note),
    ),
    forum=True,
)

WPFORO = Engine(
    name="wpforo",
    # wpForo, a forum inside WordPress: each post a `div.post-wrap#post-N` holding `div.wpforo-post`, the first the
    # topic's opening post.
    marks=("class:wpforo-post",),
    items=path("//div[has-class('post-wrap')][.//div[has-class('wpforo-post')]]"),
    fields=FieldPaths(
        author=_paths(".//*[has-class('wpf-author-name')]//a", ".//*[has-class('wpf-author-name')]"),
        date=_paths(".//*[has-class('wpf-post-date')]"),
        body=_paths(".//*[has-class('wpforo-post-content')]"),
        role=_paths(".//*[has-class('wpf-author-title')]"),
    ),
    forum=True,
)

WOLTLAB = Engine(
    name="woltlab",
    # WoltLab Burning Board: 4 and 5 (WoltLab Suite Forum) draw each post as `article.wbbPost`, 3 as `div.message`
    # in a `postRowN` box; the writer's box beside the post holds their title and counts, not the text.
    marks=("class:wbbpost", "id:postrow"),
    items=path("//article[has-class('wbbPost')] | //div[has-class('message')][re:test(@id, '^postRow\\d+$')]"),
    fields=FieldPaths(
        author=_paths(
            ".//*[has-class('messageAuthor')]//a[has-class('username')]",
            ".//p[has-class('userName')]//a",
            ".//*[has-class('messageAuthor')]//a[has-class('userLink')]",
        ),
        date=_paths(
            ".//*[has-class('messagePublicationTime')]//time/@datetime",
            ".//*[has-class('messageHeader')]//time/@datetime",
            ".//*[has-class('messageHeader')]//p[has-class('smallFont')]",
        ),
        body=_paths(".//*[has-class('messageText')]", ".//*[starts-with(@id, 'postText')]"),
        role=_paths(".//*[has-class('userTitle')]"),
        url=_paths(".//a[has-class('messagePublicationTime')]/@href", ".//a[has-class('messageNumber')]/@href"),
        subject=_paths(".//h3[has-class('messageTitle')]"),
    ),
    forum=True,
)

KUNENA = Engine(
    name="kunena",
    # Joomla's forum (Kunena 5 and 6): a post is a `div.row.message`, the writer's profile box beside its text; its
    # date is printed relative ("hace 2 meses"), the time itself in the tooltip's title.
    marks=("class:kmsg",),
    items=path("//div[has-class('message')][.//div[has-class('kmsg')]]"),
    fields=FieldPaths(
        author=_paths(".//ul[has-class('profilebox')]//strong//a", ".//a[starts-with(@class, 'kwho-')]"),
        date=_paths(
            ".//span[has-class('kdate')]/@data-bs-original-title",
            ".//span[has-class('kdate')]/@data-original-title",
            ".//span[has-class('kdate')]/@title",
            ".//span[has-class('kdate')]",
        ),
        body=_paths(".//div[has-class('kmsg')]"),
        url=_paths(".//a[@rel='canonical']/@href"),
    ),
    forum=True,
)

KUNENA_TABLES = Engine(
    name="kunena-3",
    # Kunena 3 ("Blue Eagle"): each post a `div.kmsg-header` (its subject and date) and the `table.kmsg` after it
    # (the writer's profile and the text), with no box around the two.
    marks=("class:kmsgtext",),
    items=path("//table[has-class('kmsg')][.//div[has-class('kmsgtext')]]"),
    companions=path("./preceding-sibling::div[has-class('kmsg-header')][1]"),
    fields=FieldPaths(
        author=_paths(".//li[has-class('kpost-username')]//a", ".//li[has-class('kpost-username')]"),
        date=_paths("./preceding-sibling::div[has-class('kmsg-header')][1]//span[has-class('kmsgdate')]/@title"),
        body=_paths(".//div[has-class('kmsgtext')]"),
        role=_paths(".//li[has-class('kpost-userrank')]"),
        subject=_paths("./preceding-sibling::div[has-class('kmsg-header')][1]//span[has-class('kmsgtitle')]"),
    ),
    forum=True,
)

SMF_TABLES = Engine(
    name="smf-tables",
    # Simple Machines 1.x: each post a `td.windowbg` (or `windowbg2`) of tables, its subject in `div#subject_N`
    # and its date in the small print below it (`« Reply #1 on: DATE »`).
    marks=("class:windowbg", "class:windowbg2"),
    items=path(
        "//td[has-class('windowbg') or has-class('windowbg2')][.//div[starts-with(@id, 'subject_')]]"
        "[.//div[has-class('post')]]"
    ),
    fields=FieldPaths(
        author=_paths(".//b/a[contains(@href, 'action=profile')]"),
        date=_paths(".//div[starts-with(@id, 'subject_')]/following-sibling::div[has-class('smalltext')]"),
        body=_paths(".//div[has-class('post')]"),
        url=_paths(".//div[starts-with(@id, 'subject_')]//a/@href"),
        subject=_paths(".//div[starts-with(@id, 'subject_')]"),
    ),
    forum=True,
)

WPDISCUZ = Engine(
    name="wpdiscuz",
    marks=("class:wpd-comment", "class:wc-comment"),
    items=path("//div[has-class('wpd-comment')] | //div[has-class('wc-comment')]"),
    fields=FieldPaths(
        author=_paths(".//*[has-class('wpd-comment-author')]", ".//*[has-class('wc-comment-author')]"),
        date=_paths(".//*[has-class('wpd-comment-date')]", ".//*[has-class('wc-comment-date')]"),
        body=_paths(".//*[has-class('wpd-comment-text')]", ".//*[has-class('wc-comment-text')]"),
        votes=_paths(".//*[has-class('wpd-vote-result')]", ".//*[has-class('wc-vote-result')]"),
    ),
)

DISCUZ = Engine(
    name="discuz",
    marks=("class:plhin",),
    items=path("//table[has-class('plhin')][re:test(@id, '^pid\\d+$')]"),
    fields=FieldPaths(
        author=_paths(
            ".//td[has-class('pls')]//*[has-class('authi')]//a", ".//*[has-class('authi')]//a[has-class('xw1')]"
        ),
        # "发表于 2021-3-12 09:15", or a relative date ("3 天前") with the date in its span's title
        date=_paths(".//em[starts-with(@id, 'authorposton')]/span/@title", ".//em[starts-with(@id, 'authorposton')]"),
        body=_paths(".//*[starts-with(@id, 'postmessage_')]"),
    ),
    forum=True,
)

ISSO = Engine(
    name="isso",
    marks=("class:isso-comment",),
    items=path("//div[has-class('isso-comment')]"),
    fields=FieldPaths(
        author=_paths(".//*[has-class('isso-comment-header')]//*[has-class('author')]"),
        date=_paths(".//*[has-class('isso-comment-header')]//time/@datetime"),
        body=_paths(".//*[has-class('text')]"),
        votes=_paths(".//*[has-class('isso-comment-footer')]/*[has-class('votes')]"),
    ),
)

COMMENTO = Engine(
    name="commento",
    marks=("class:commento-card",),
    items=path("//div[has-class('commento-card')]"),
    fields=FieldPaths(
        author=_paths(".//*[has-class('commento-name')]"),
        date=_paths(".//*[has-class('commento-timeago')]/@title"),
        body=_paths(".//*[has-class('commento-body')][not(starts-with(@id, 'commento-children'))]"),
        votes=_paths(".//*[has-class('commento-score')]"),
    ),
)


LIVEFYRE = Engine(
    name="livefyre",
    # Livefyre's widget (Adobe's, news sites of the 2010s) draws into the page itself, not a frame: a page saved
    # once its comments showed holds them. A reply is drawn inside its parent's article.
    marks=("class:fyre-comment-article",),
    items=path("//*[has-class('fyre-comment-article')]"),
    fields=FieldPaths(
        author=_paths(".//*[has-class('fyre-comment-username')]"),
        date=_paths(
            ".//*[has-class('fyre-comment-date')]//@title",
            ".//*[has-class('fyre-comment-date')]//time/@datetime",
            ".//*[has-class('fyre-comment-date')]",
        ),
        body=_paths(".//*[has-class('fyre-comment')]"),
        votes=_paths(".//*[has-class('fyre-comment-like')]"),  # `Like`, or with a count once liked
    ),
)


LIVEFYRE_CLASSIC = Engine(
    name="livefyre-classic",
    # Livefyre's first widget (2010 to 2012) drew into the page too: each comment a `div.lf_comment_container`, flat
    # (its depth in `lf_level_N`, the comment it answers in `reply_parent`), the writer's nick and the text in its
    # `lf_comment_body`. The date's label was filled by script: a saved page holds none.
    marks=("class:lf_comment_container",),
    items=path("//div[has-class('lf_comment_container')]"),
    fields=FieldPaths(
        author=_paths(".//*[has-class('lf_comment_user_nick')]"),
        date=_paths(".//*[has-class('lf_comment_date')]/@title", ".//*[has-class('lf_comment_date')]"),
        body=_paths(".//*[has-class('lf_body')]"),
        parent=_paths("./@reply_parent"),
    ),
)


def _imageboard(name: str, mark: str, header: str, body: str, date: str, number: str) -> Engine:
    """An imageboard's rule: `div.post.op`, then `div.post.reply`, flat, the opening post the article; the header
    holds the subject, the name, the time and the post's number; a reply answers the post its text links to first
    (`>>N`), not those its header's backlinks name."""
    return Engine(
        name=name,
        marks=(mark,),
        items=path(f"//div[has-class('post')][has-class('op') or has-class('reply')][{body}]"),
        fields=FieldPaths(
            author=_paths(f"{header}//span[has-class('name')]"),
            date=_paths(f"{header}{date}"),
            body=_paths(body),
            subject=_paths(f"{header}//span[has-class('subject')]"),
            url=_paths(f"{header}{number}"),
            parent=_paths(f"{body}//a[starts-with(normalize-space(.), '>>')][1]/@href"),
        ),
        forum=True,
        threaded=True,
    )


# 4chan: the desktop header `div.postInfo` (a mobile copy, `postInfoM`, comes first), the time in `data-utc`
# (seconds), the text in `blockquote.postMessage`.
FOURCHAN = _imageboard(
    "4chan",
    "class:postmessage",
    header=".//div[has-class('postInfo')]",
    body=".//blockquote[has-class('postMessage')]",
    date="//span[has-class('dateTime')]/@data-utc",
    number="//span[has-class('postNum')]/a[1]/@href",
)
# vichan (Tinyboard) and its kin: the header `p.intro`, `time[datetime]`, the text in `div.body`, `>>N` links
# without a class.
VICHAN = _imageboard(
    "vichan",
    "class:post_no",
    header="./p[has-class('intro')]",
    body="./div[has-class('body')]",
    date="//time",
    number="/a[has-class('post_no')][1]/@href",
)


INTENSEDEBATE = Engine(
    name="intensedebate",
    # IntenseDebate (Automattic's widget for blogs) draws into the page: `div.idc-c#IDCommentN`, its header
    # (`p.idc-i`: the writer's name in a span, linked to their site or not, then the time linking to the comment),
    # its text in `div.idc-c-t`, its score in `span.idc-v-total`; replies in the `div#IDCommentSubThreadN` after it.
    marks=("class:idc-c",),
    items=path("//div[has-class('idc-c')]"),
    fields=FieldPaths(
        author=_paths(".//p[has-class('idc-i')]//span[1]"),
        date=_paths(".//a[has-class('IDCommentTime')]"),
        body=_paths("./div[has-class('idc-c-t')]"),
        votes=_paths(".//span[has-class('idc-v-total')]"),
        url=_paths(".//a[has-class('IDCommentTime')]/@href"),
    ),
)


SLASH_WRITER = path(
    "./div[starts-with(@id, 'comment_')]//div[has-class('details')]"
    "//*[has-class('by') or self::a[contains(@href, '/~')]][1]"
)
SLASH_USER_ID = re.compile(r"\s*\(\s*\d+\s*\)\s*$")
SLASH_DATE = path("./div[starts-with(@id, 'comment_')]//span[starts-with(@id, 'comment_otherdetails_')]")
SLASH_DATE_TAIL = re.compile(r"\s*\(#\d+\).*$|@", re.DOTALL)


def _slash_writer(item: HtmlElement) -> list[object]:
    """A comment's writer as Slash prints it, without the user's number after the name (`NAME (101025)`)."""
    found = [element for element in SLASH_WRITER(item) if isinstance(element, HtmlElement)]
    name = SLASH_USER_ID.sub("", visible_text(found[0])).removeprefix("by ").strip() if found else ""
    return [name] if name else []


def _slash_date(item: HtmlElement) -> list[object]:
    """A comment's time as Slash prints it (`on Monday March 02, 2020 @11:17AM (#59789012)`), without the `@` and
    the comment's number the parser does not read."""
    found = [element for element in SLASH_DATE(item) if isinstance(element, HtmlElement)]
    return [SLASH_DATE_TAIL.sub(" ", visible_text(found[0])).strip()] if found else []


SLASH_STORY_LINE = path(".//*[has-class('details') or has-class('story-byline')]")
SLASH_STORY_WRITER = ".//*[has-class('details') or has-class('story-byline')]//a"
SLASH_STORY_DATE = re.compile(r"\bon\s+(?P<date>.+?)(?:\s+from the\s.*)?$", re.DOTALL)


def _slash_story_date(story: HtmlElement) -> list[object]:
    """The story's time on its byline (`Posted by NAME on Monday March 02, 2020 @10:02AM from the X dept.`)."""
    lines = [visible_text(element) for element in SLASH_STORY_LINE(story) if isinstance(element, HtmlElement)]
    found = next((match for line in lines if (match := SLASH_STORY_DATE.search(line))), None)
    return [found["date"].replace("@", " ")] if found else []


SLASH = Engine(
    name="slash",
    # Slash, Slashdot's engine: `li#tree_N.comment`, its header (subject, score, writer and time) in
    # `div#comment_top_N`, its text in `div#comment_body_N`, replies in the `ul#group_N` inside it.
    marks=("id:comment_otherdetails_",),
    items=path("//li[starts-with(@id, 'tree_')][./div[starts-with(@id, 'comment_')]]"),
    fields=FieldPaths(
        author=(_slash_writer,),
        date=(_slash_date,),
        body=_paths("./div[starts-with(@id, 'comment_')]//div[starts-with(@id, 'comment_body_')]"),
        votes=_paths("./div[starts-with(@id, 'comment_')]//*[starts-with(@id, 'comment_score_')]"),
        subject=_paths("./div[starts-with(@id, 'comment_')]//a[starts-with(@id, 'comment_link_')]"),
        url=_paths("./div[starts-with(@id, 'comment_')]//a[starts-with(@id, 'comment_link_')]/@href"),
    ),
    story=_story(
        "//article[has-class('fhitem-story')]",
        ".//h2//a",
        FieldPaths(author=_paths(SLASH_STORY_WRITER), date=(_slash_story_date,)),
        ".//div[has-class('body')]",
    ),
)


def _by_post_author(item: HtmlElement) -> bool:
    """Whether WordPress marks a comment as the post's author's (`bypostauthor`)."""
    return "bypostauthor" in item.get("class", "").split()


WORDPRESS_IDS = path(
    # libxml2 tests whether an attribute is there faster than its value, and that faster than an element's name
    # against several; the regex, which calls into Python, last
    "//*[@id][starts-with(@id, 'comment-')][self::li or self::article or self::div or self::dt]"
    "[re:test(@id, '^comment-\\d+$')]"
)


def _wordpress_comments(tree: HtmlElement) -> list[object]:
    """The comments WordPress's templates number `comment-N`: the element with that id, or, where a theme gave
    the id to the text's box and drew the header before it (`li#li-comment-N > div.comment-head +
    div#comment-N`), the comment's `li` around both."""
    found: list[object] = []
    for item in WORDPRESS_IDS(tree):
        if not isinstance(item, HtmlElement):
            continue
        around = next(item.iterancestors("li"), None) if item.getprevious() is not None else None
        found.append(around if around is not None and around.get("id") == f"li-{item.get('id')}" else item)
    return found


WORDPRESS = Engine(
    name="wordpress",
    marks=("id:comment-",),
    # Thesis and other old themes draw a comment as a `dt` (name, date) and the `dd` after it (text).
    items=_wordpress_comments,
    skip=path("self::*[contains(@class, 'pingback') or contains(@class, 'trackback')]"),
    fields=FieldPaths(
        author=_paths(
            ".//*[has-class('comment-author')]//*[has-class('fn')]",
            ".//*[has-class('fn')]",
            ".//*[has-class('comment-author')]//cite",
            ".//*[has-class('comment-author')]",
            # the writer's link as WordPress prints it (`get_comment_author_link`), in a theme's own header row
            ".//a[has-class('url')][contains(@rel, 'external')]",
        ),
        date=_paths(
            ".//time[@datetime]",
            ".//*[has-class('comment-metadata')]",
            ".//*[has-class('commentmetadata')]",
            ".//*[has-class('comment-date')]",
            ".//*[has-class('comment-time')]",
        ),
        body=_paths(
            ".//*[has-class('comment-content')]",
            ".//*[has-class('comment-text')]",
            ".//*[has-class('commententry')]",
            ".//*[has-class('comment-entry')]",
            ".//*[has-class('comment_text')]",
            ".//*[has-class('comment-body')][not(.//*[has-class('comment-author')])]",
            "self::dt/following-sibling::*[1][self::dd]",
        ),
        url=_paths(".//*[has-class('comment-metadata')]//a/@href", ".//a[has-class('comment-permalink')]/@href"),
        role=(_op_where(_by_post_author),),
    ),
    companions=path("self::dt/following-sibling::*[1][self::dd]"),
)

BLOGGER_TIME = path(".//*[has-class('datetime')]//a")
SHOW_COMMENT = re.compile(r"[?&]showComment=(\d{13})")
YEAR = re.compile(r"(?<!\d)(?:19|20)\d\d(?!\d)")


def _blogger_date(item: HtmlElement, links: Callable[[HtmlElement], list[object]] = BLOGGER_TIME) -> list[object]:
    """The printed date when it has a year; else the Unix time in the permalink (a theme printing only
    "21:00" still links `?showComment=1381172401460`)."""
    for link in links(item):
        if not isinstance(link, HtmlElement):
            continue
        if YEAR.search(shown := visible_text(link)):
            return [link]
        if stamp := SHOW_COMMENT.search(link.get("href", "")):
            # at the time of day the permalink prints for that moment (the blog's zone), as printed dates are read
            moment = machine_date(stamp[1])
            local = at_printed_clock(moment, shown) if moment is not None else None
            return [local.isoformat() if local is not None else stamp[1]]
    return []


BLOGGER = Engine(
    name="blogger",
    marks=("class:comment-thread",),
    items=path("//li[has-class('comment')][re:test(@id, '^c\\d+$')]"),
    fields=FieldPaths(
        author=_paths(".//cite[has-class('user')]", ".//*[has-class('comment-header')]//a"),
        date=(_blogger_date, *_paths(".//*[has-class('datetime')]")),
        body=_paths(".//*[has-class('comment-content')]"),
        url=_paths(".//*[has-class('datetime')]//a/@href"),
    ),
)

BLOGGER_CLASSIC_BODY = "./following-sibling::*[1][self::dd][has-class('comment-body')]"
BLOGGER_CLASSIC_FOOTER = "./following-sibling::*[position() <= 2][self::dd][has-class('comment-footer')]"
BLOGGER_CLASSIC_PERMALINK = f"{BLOGGER_CLASSIC_FOOTER}//*[has-class('comment-timestamp')]//a"
BLOGGER_CLASSIC_TIME = path(BLOGGER_CLASSIC_PERMALINK)

BLOGGER_CLASSIC = Engine(
    name="blogger-classic",
    # Blogger's first layouts, and the themes built on them: the comments a `dl#comments-block`, each a
    # `dt.comment-author` (the writer, then "said..." in the blog's language), its text in the `dd.comment-body`
    # after it, its date in the `dd.comment-footer` after that (the permalink's text, or its `showComment=` time).
    marks=("id:comments-block",),
    items=path("//dl[@id='comments-block']/dt[has-class('comment-author')]"),
    fields=FieldPaths(
        author=_paths("./a[@href][not(.//img)]", "self::dt"),
        date=(lambda item: _blogger_date(item, BLOGGER_CLASSIC_TIME),),
        body=_paths(BLOGGER_CLASSIC_BODY),
        url=_paths(f"{BLOGGER_CLASSIC_PERMALINK}/@href"),
        role=(_op_where(lambda item: "blog-author" in item.get("class", "").split()),),
    ),
    companions=path(f"{BLOGGER_CLASSIC_BODY} | {BLOGGER_CLASSIC_FOOTER}"),
)

DRUPAL = Engine(
    name="drupal",
    marks=("class:comment",),
    items=_by_tag(
        ("article", "div"),
        "[has-class('comment')][@typeof or @about or @data-comment-user-id or has-class('js-comment')"
        " or preceding-sibling::*[1][self::a][starts-with(@id, 'comment-')]]",
    ),
    fields=FieldPaths(
        author=_paths(
            ".//*[has-class('comment__author')]", ".//*[has-class('username')]", ".//*[@rel='sioc:has_creator']"
        ),
        date=_paths(
            ".//*[has-class('comment__time')]",
            ".//time[@datetime]",
            ".//*[@property='dc:date dc:created']/@content",
            ".//span[@rel='sioc:has_creator']/@content",
            ".//*[has-class('submitted')]",
        ),
        body=_paths(
            ".//*[has-class('comment__content')]",
            ".//*[has-class('field-name-comment-body')]",
            ".//*[has-class('field--name-comment-body')]",
            ".//div[has-class('content')]",
        ),
        url=_paths(".//a[has-class('permalink')]/@href"),
    ),
)

SPIP = Engine(
    name="spip",
    marks=("class:forum-message",),
    # The whole thread item (`li.forum-fil`) where there is one: some layouts put the author and date in
    # a `forum-top` beside the message, not in it.
    items=path(
        "//*[has-class('forum-fil')][.//*[has-class('forum-message')]]"
        " | //*[has-class('forum-message')][not(ancestor::*[has-class('forum-fil')])]"
    ),
    fields=FieldPaths(
        author=_paths(".//*[has-class('fn')]", ".//*[has-class('forum-qui')]"),
        date=_paths(
            ".//abbr[has-class('date')]/@title", ".//*[has-class('forum-date')]", ".//*[has-class('forum-nav')]"
        ),
        body=_paths(".//*[has-class('forum-texte')]"),
        subject=_paths(".//*[has-class('forum-titre')]"),
    ),
)

CONTAO_INFO = path("./p[has-class('info')]")


def _contao_date(item: HtmlElement) -> list[object]:
    """The date Contao's core template prints after the writer and a bar ("Kommentar von NAME | DATE")."""
    info = next((element for element in CONTAO_INFO(item) if isinstance(element, HtmlElement)), None)
    text = visible_text(info) if info is not None else ""
    return [text.rsplit("|", 1)[1].strip()] if "|" in text else []


CONTAO = Engine(
    name="contao",
    # Contao's comments module (`com_default`): the writer and the date in `p.info` ("Kommentar von NAME | DATE", or
    # a theme's "<span>NAME</span> schrieb: <time>"), the text in `div.comment`; the site's answer in `div.reply`.
    marks=("class:comment_default",),
    items=path("//div[has-class('comment_default')]"),
    fields=FieldPaths(
        author=_paths(
            "./p[has-class('info')]/*[self::span or self::a or self::strong][not(has-class('date'))][1]",
            "./p[has-class('info')]",
        ),
        date=(*_paths("./p[has-class('info')]//time[@datetime]"), _contao_date),
        body=_paths("./div[has-class('comment')]"),
    ),
)

JUDGE_ME = Engine(
    name="judge.me",
    # Judge.me's product reviews (Shopify shops): the writer as the shop shows it (initials or a name), the date
    # in an attribute, the review's title above its text.
    marks=("class:jdgm-rev",),
    items=path("//div[has-class('jdgm-rev')]"),
    fields=FieldPaths(
        author=_paths(".//*[has-class('jdgm-rev__author')]"),
        date=_paths(".//*[has-class('jdgm-rev__timestamp')]/@data-content"),
        body=_paths(".//*[has-class('jdgm-rev__body')]"),
        subject=_paths(".//*[has-class('jdgm-rev__title')]"),
    ),
)

HABR = Engine(
    name="habr",
    marks=("class:content-list__item_comment", "class:tm-comment-thread__comment"),
    items=path("//li[has-class('content-list__item_comment')] | //article[has-class('tm-comment-thread__comment')]"),
    fields=FieldPaths(
        author=_paths(".//*[has-class('user-info__nickname')]", ".//*[has-class('tm-user-info__username')]"),
        date=_paths(".//time[@datetime]", ".//time"),
        body=_paths(".//*[has-class('comment__message')]", ".//*[has-class('tm-comment__body-content')]"),
        votes=_paths(".//*[has-class('voting-wjt__counter')]", ".//*[has-class('tm-votes-meter__value')]"),
    ),
)

LIVEJOURNAL = Engine(
    name="livejournal",
    # LiveJournal's site scheme: each comment a `b-leaf` in a flat list of twigs indented by a margin. A long
    # thread shows deeper comments folded (`b-leaf-collapsed`): the writer's name and an "Expand" link, no text.
    marks=("class:b-leaf",),
    items=path("//div[has-class('b-leaf')]"),
    fields=FieldPaths(
        author=_paths(".//*[has-class('b-leaf-username-name')]", "@data-username"),
        date=_paths(".//*[has-class('b-leaf-createdtime')]"),
        body=_paths(".//*[has-class('b-leaf-article')]"),
        url=_paths(".//a[has-class('b-leaf-permalink')]/@href"),
    ),
    folded=path("self::*[has-class('b-leaf-collapsed')][not(.//*[has-class('b-leaf-article')])]"),
)

UCOZ = Engine(
    name="ucoz",
    # uCoz's comments: `div.comEnt#comEntN` around a `table.cBlock1` (or 2); its top line `div.cTop` holds the
    # comment's number (`a[name=entN] > b`), the writer in bold (linked to their profile or not) and the time in
    # parentheses; the text in `div.cMessage`, a quote in `div.bbQuoteBlock` naming its writer.
    marks=("class:coment",),
    items=path("//div[has-class('comEnt')][.//div[has-class('cMessage')]]"),
    fields=FieldPaths(
        author=_paths(".//div[has-class('cTop')]//b[not(ancestor::a[@name])][1]"),
        date=_paths(".//div[has-class('cTop')]/span[1]"),
        body=_paths(".//div[has-class('cMessage')]"),
        url=_paths(".//div[has-class('cTop')]/a[@name]/@href"),
    ),
)

DREAMWIDTH = Engine(
    name="dreamwidth",
    # Dreamwidth and the journals of LiveJournal's S2 styles: `div.comment-thread`, left open so that a reply's
    # thread sits inside its parent's; the comment in `div.comment#comment-cmtN`, its subject in `h4.comment-title`,
    # its time in `span.datetime` after a "Date:" label, its writer in `span.comment-poster` after a "From:" one
    # (`span.ljuser` with the name in bold, or `span.anonymous`), its text in `div.comment-content`.
    marks=("class:comment-thread",),
    items=path(
        "//div[has-class('comment-thread')][.//div[has-class('comment-content')]][.//span[has-class('comment-poster')]]"
    ),
    fields=FieldPaths(
        author=_paths(
            ".//span[has-class('comment-poster')]//span[has-class('ljuser')]//b",
            ".//span[has-class('comment-poster')]//span[has-class('anonymous')]",
        ),
        date=_paths(".//span[has-class('datetime')]/span[not(has-class('comment-date-text'))]"),
        body=_paths(".//div[has-class('comment-content')]"),
        subject=_paths(".//h4[has-class('comment-title')]"),
        url=_paths(".//li[has-class('commentpermalink')]/a/@href"),
    ),
    # The entry above the comments: its subject, its writer (`span.entry-poster`), its day and time.
    story=_story(
        "//div[has-class('entry-wrapper')]",
        ".//h3[has-class('entry-title')]",
        FieldPaths(
            author=_paths(".//span[has-class('entry-poster')]//span[has-class('ljuser')]//b"),
            date=_paths(".//div[has-class('header')]//span[has-class('datetime')]"),
        ),
        ".//div[has-class('entry-content')]",
    ),
)

LOBSTERS_FIELDS = FieldPaths(
    author=_paths(".//div[has-class('byline')]//a[starts-with(@href, '/~')][not(@tabindex)]"),
    date=_paths(".//div[has-class('byline')]//time/@datetime"),  # the server's wall clock, as `title` shows it
    body=_paths(".//div[has-class('comment_text')]"),
    votes=_paths(".//*[has-class('upvoter')]"),
    url=_paths(".//div[has-class('byline')]//a[time]/@href"),
)

LOBSTERS = Engine(
    name="lobsters",
    # Lobsters (and its forks): the story above, each comment a `div.comment[data-shortid]`, its replies in the
    # `ol.comments` after it; its time as Unix seconds beside the one shown.
    marks=("class:comment_text",),
    items=path("//div[has-class('comment')][@data-shortid][.//div[has-class('comment_text')]]"),
    fields=LOBSTERS_FIELDS,
    story=_story(
        "//li[has-class('story')]",
        ".//span[has-class('link')]/a",
        replace(LOBSTERS_FIELDS, author=_paths(".//a[has-class('u-author')]"), votes=()),
        "//div[has-class('story_text')]",
    ),
)

TILDES = Engine(
    name="tildes",
    # Tildes: each comment an `article.comment[data-comment-id36]`, its replies in the `ol.comment-tree-replies`
    # inside it; the header's excerpt of the text (shown when folded) is no text, the vote button holds the count.
    marks=("class:comment-itself",),
    items=path("//article[has-class('comment')][@data-comment-id36]"),
    fields=FieldPaths(
        author=_paths("./div[has-class('comment-itself')]/header//a[has-class('link-user')]"),
        date=_paths("./div[has-class('comment-itself')]/header//time/@datetime"),
        body=_paths("./div[has-class('comment-itself')]/div[has-class('comment-text')]"),
        votes=_paths(
            "./div[has-class('comment-itself')]//*[has-class('comment-votes')]",
            "./div[has-class('comment-itself')]/menu//button[contains(@data-ic-put-to, '/vote')"
            " or contains(@data-ic-delete-from, '/vote')]",
        ),
        url=_paths("./div[has-class('comment-itself')]/header/a[has-class('comment-nav-link')]/@href"),
        deleted=_paths("./div[has-class('comment-itself')]/header/*[has-class('is-comment-deleted')]"),
    ),
)

MENEAME = Engine(
    name="meneame",
    # Menéame: each comment a `div.comment#c-N` (its text box, then a footer with its votes and karma), replies in
    # the `div.threader-childs` after it; its time as Unix seconds in `data-ts`, printed relative by script.
    marks=("class:threader",),
    items=path("//div[has-class('comment')][starts-with(@id, 'c-')][.//div[has-class('comment-text')]]"),
    fields=FieldPaths(
        author=_paths(".//div[has-class('comment-header')]//a[has-class('username')]"),
        date=_paths(".//div[has-class('comment-header')]//span[has-class('comment-date')]/@data-ts"),
        body=_paths(".//div[has-class('comment-text')]"),
        votes=_paths(".//div[has-class('comment-footer')]//a[has-class('votes-counter')]"),
        url=_paths(".//div[has-class('comment-header')]//a[has-class('comment-order')]/@href"),
    ),
    story=_story(
        "//div[has-class('news-summary')]",
        ".//div[has-class('center-content')]/h2/a",
        FieldPaths(
            author=_paths(".//div[has-class('news-submitted')]/a[contains(@href, '/history')]"),
            date=_paths(".//div[has-class('news-submitted')]/span[@data-ts][last()]/@data-ts"),  # published
        ),
        ".//div[has-class('news-content')]",
    ),
)

GUARDIAN = Engine(
    name="guardian",
    # The Guardian's discussion as its app draws it (2023 on): class names are hashes (`dcr-1b1hq8q`), so each part
    # is found by what it is: the comment `div#comment-N[data-testid]`, the writer's profile link, the `time`,
    # the box of paragraphs, the header's bare count of recommendations; the writer's name shows twice (two
    # layouts), and a reply names the one it answers by a `#comment-N` link.
    marks=("attr:data-testid",),
    items=path("//div[starts-with(@id, 'comment-')][@data-testid][header or */header]"),
    fields=FieldPaths(
        author=_paths(".//header//a[contains(@href, '/user/id/')]"),
        date=_paths(".//header//time"),
        body=_paths("./div/div[p][not(.//header)]", "./div[p]"),
        votes=_paths(".//header//div[re:test(normalize-space(.), '^\\d+$')]"),
        url=_paths(".//header//a[time]/@href"),
    ),
)

METAFILTER_SIGNATURE = path("./span[has-class('smallcopy')]")
METAFILTER_TIME_LINK = path("./a[contains(@href, '#')]")


def _metafilter_time(item: HtmlElement) -> list[object]:
    """A MetaFilter comment's time as its signature prints it, `7:10 PM on March 19` (the year only where it is not
    the current one): the permalink's text and the words after it, up to the favorites' count."""
    for signature in METAFILTER_SIGNATURE(item):
        for link in METAFILTER_TIME_LINK(signature):
            if isinstance(link, HtmlElement):
                return [" ".join(f"{visible_text(link)} {(link.tail or '').split('[')[0]}".split())]
    return []


METAFILTER = Engine(
    name="metafilter",
    # MetaFilter: each comment a `div.comments`, its text then its signature, `posted by NAME at TIME on DAY
    # [N favorites]`; its number in the `a[name]` before it. The post above is the article.
    marks=("class:smallcopy",),
    items=path("//div[has-class('comments')][span[has-class('smallcopy')]/a[contains(@href, '/user/')]]"),
    fields=FieldPaths(
        author=_paths("./span[has-class('smallcopy')]/a[contains(@href, '/user/')]"),
        date=(_metafilter_time,),
        body=_paths("self::*"),
        votes=_paths("./span[has-class('smallcopy')]/a[contains(@href, '/favorited/')]"),
        url=_paths("./span[has-class('smallcopy')]/a[contains(@href, '#')]/@href"),
    ),
    story=_story(
        "//div[has-class('copy')][span[has-class('postbyline')]]",
        "./h1",  # none: the page's title is the post's, its h1 holds the date too
        FieldPaths(
            author=_paths("./span[has-class('postbyline')]/a[contains(@href, '/user/')]"),
            date=_paths("preceding::h1[has-class('posttitle')][1]/span[has-class('smallcopy')]/text()[1]"),
            rules=replace(PAGE_COMMENT_RULES, skip=lambda element: "postbyline" in element.get("class", "")),
        ),
        "self::*",
    ),
)

MBIN = Engine(
    name="mbin",
    # Mbin and kbin (the fediverse's link aggregators): the thread's entry above, each comment a
    # `blockquote.entry-comment`, flat, its depth in `comment-level--N`; its score in the favourites' counter.
    marks=("class:entry-comment",),
    items=path("//blockquote[has-class('entry-comment')]"),
    fields=FieldPaths(
        author=_paths("./header/a[has-class('user-inline')]"),
        date=_paths("./header//time/@datetime"),
        body=_paths("./div[has-class('content')]"),
        votes=_paths(".//*[@data-subject-target='favCounter']"),
        url=_paths("./header//a[time]/@href"),
    ),
    story=_story(
        "//article[has-class('entry')][has-class('isSingle')]",
        "./header//h1/a",
        FieldPaths(
            author=_paths(".//aside[has-class('meta')]//a[has-class('user-inline')]", ".//a[has-class('user-inline')]"),
            date=_paths(".//time/@datetime"),
        ),
        ".//div[has-class('entry__body')]",
    ),
)

TALKYARD = Engine(
    name="talkyard",
    # Talkyard, a forum's own pages (its blog comments draw in a frame): each post a `div.dw-p#post-N` in its thread
    # `.dw-t`, replies in the thread's `ol.dw-res`; post 1 is the topic's opening post; the writer's full name
    # beside their @handle; the date printed only ("Nov 12, 2024"); likes in the thread's actions after the post.
    marks=("class:dw-p",),
    items=path("//div[has-class('dw-p')][re:test(@id, '^post-[1-9]\\d*$')]"),
    fields=FieldPaths(
        author=_paths(
            ".//a[has-class('esP_By')]//*[has-class('esP_By_F')]",
            ".//a[has-class('dw-p-by')]",
            # the opening post's header sits above its thread's box
            "../preceding-sibling::*[1][has-class('dw-p-hd')]//*[has-class('esP_By_F')]",
        ),
        date=_paths(
            ".//*[has-class('dw-p-hd')]//span[has-class('esP_H_At')]",
            "../preceding-sibling::*[1][has-class('dw-p-hd')]//span[has-class('esP_H_At')]",
        ),
        body=_paths("./div[has-class('dw-p-bd')]/div[has-class('dw-p-bd-blk')]", ".//div[has-class('dw-p-bd-blk')]"),
        votes=_paths("following-sibling::*[has-class('dw-p-as')][1]//a[has-class('dw-vote-count')]"),
    ),
    forum=True,
    threaded=True,
)

POSTED_AFTER = path("./following-sibling::*[1][self::p][has-class('posted')]")
POSTED_LINE = re.compile(r"^posted by:?\s*(?P<name>\S.*?)\s+(?:at|\|)\s+(?P<date>\S.*)$", re.IGNORECASE)
"""`Posted by: NAME at DATE` (Movable Type), `Posted by: NAME | DATE` (TypePad)."""
POSTED_LINES = path("//p[has-class('posted')]")
CLASSIC_COMMENT_ID = re.compile(r"^c\d+$")


CLASSIC_TRACKBACK_ID = re.compile(r"^p\d+$")
GATHERED_CLASS = "classic-comment"


def _is_classic_trackback(element: HtmlElement) -> bool:
    """A trackback of those templates: a paragraph that starts with its anchor (`<p><a id="pNNN"></a> » TITLE from
    BLOG`), its line (`Tracked on DATE`) after it. It goes out of the page with the comments, read as none."""
    anchor = element[0] if element.tag == "p" and len(element) else None
    return anchor is not None and anchor.tag == "a" and CLASSIC_TRACKBACK_ID.match(anchor.get("id", "")) is not None


def _classic_comments(tree: HtmlElement) -> list[object]:
    """Each comment of Movable Type's and TypePad's first templates, the element before its `p.posted` line: the
    `div#cNNN` holding its text, or, where the template printed the text's paragraphs loose after an anchor
    (`<a id="cNNN"></a><p>...</p><p>...</p><p class="posted">`), a `div` the paragraphs are gathered into here,
    so that the comment is one element as elsewhere. Each look back stops at the line before: the page is walked
    once."""
    found: list[object] = []
    for line in POSTED_LINES(tree):
        if not isinstance(line, HtmlElement):
            continue
        before = line.getprevious()
        if before is not None and (
            (before.tag == "div" and CLASSIC_COMMENT_ID.match(before.get("id", "")))
            or before.get("class") == GATHERED_CLASS  # gathered by an earlier reading of the page
            or _is_classic_trackback(before)
        ):
            found.append(before)
            continue
        loose: list[HtmlElement] = []
        while before is not None and not (before.tag == "a" and CLASSIC_COMMENT_ID.match(before.get("id", ""))):
            if before.tag == "p" and "posted" in before.get("class", "").split():
                break  # the line of a comment or trackback before: this one has no anchor
            loose.append(before)
            before = before.getprevious()
        if before is None or before.tag != "a" or not loose:
            continue
        gathered = before.makeelement("div", {"class": GATHERED_CLASS})
        before.addnext(gathered)
        for paragraph in reversed(loose):
            gathered.append(paragraph)
        found.append(gathered)
    return found


POSTED_INSIDE = path(".//p[has-class('posted')]")


def _posted_part(part: str, lines: Callable[[HtmlElement], list[object]] = POSTED_AFTER) -> Lookup:
    """The writer's name or the date in the line after a comment's text, or at the end of an entry's box (`Posted
    by: NAME at DATE`)."""

    def lookup(item: HtmlElement) -> list[object]:
        for line in lines(item):
            if isinstance(line, HtmlElement) and (found := POSTED_LINE.match(visible_text(line))):
                return [found[part]]
        return []

    return lookup


MOVABLE_TYPE_CLASSIC = Engine(
    name="movabletype-classic",
    # Movable Type's first templates (2.x, still on old TypePad and MT blogs): each comment a `div#cNNN` of its
    # paragraphs (or the paragraphs loose after an anchor `a#cNNN`), no box around it and the line after it,
    # `<p class="posted">Posted by: NAME at DATE</p>` (TypePad: `Posted by: NAME | DATE`).
    marks=("class:posted",),
    items=_classic_comments,
    skip=_is_classic_trackback,
    companions=POSTED_AFTER,
    fields=FieldPaths(author=(_posted_part("name"),), date=(_posted_part("date"),), body=_paths("self::*")),
    story=_story(
        "//div[has-class('blogbody')]",
        ".//*[has-class('title')]",
        FieldPaths(
            author=(_posted_part("name", POSTED_INSIDE),),
            date=(_posted_part("date", POSTED_INSIDE),),
            rules=replace(PAGE_COMMENT_RULES, skip=lambda element: "posted" in element.get("class", "").split()),
        ),
        "self::*",
    ),
)

LEMMY_WRITER = path(".//a[has-class('person-listing')]")


def _lemmy_writer(item: HtmlElement) -> list[object]:
    """A Lemmy comment's writer as the app shows them: the name, and a remote writer's instance after it without a
    space (`<span>NAME</span><small>@INSTANCE</small>`: NAME@INSTANCE, their address across the fediverse)."""
    for link in LEMMY_WRITER(item):
        if isinstance(link, HtmlElement):
            parts = [visible_text(part) for part in link if part.tag in ("span", "small")]
            return ["".join(parts) if parts else visible_text(link)]
    return []


LEMMY = Engine(
    name="lemmy",
    # Lemmy's web app (lemmy-ui), drawn on the server and saved as shown: each comment an `article.comment-node`, its
    # replies in the `ul.comments` after it; its date only in the relative date's tooltip, its score beside it.
    marks=("class:comment-node",),
    items=path("//article[has-class('comment-node')]"),
    fields=FieldPaths(
        author=(_lemmy_writer,),
        date=_paths(".//span[has-class('moment-time')][not(has-class('fst-italic'))]/@data-tippy-content"),
        body=_paths(".//div[has-class('comment-content')]//div[has-class('md-div')]", ".//div[has-class('md-div')]"),
        votes=_paths(".//span[has-class('unselectable')]/span/span[@data-tippy-content]"),
    ),
)

OPENWEB = Engine(
    name="openweb",
    # OpenWeb (formerly Spot.IM) marks the parts of its conversation frame by role, whatever its class names.
    marks=("attr:data-spot-im-class",),
    items=path("//*[@data-spot-im-class='message-view']"),
    fields=FieldPaths(
        author=_paths(".//*[@data-spot-im-class='message-username']"),
        date=_paths(".//*[@data-spot-im-class='message-timestamp']"),
        body=_paths(".//*[@data-spot-im-class='message-text']"),
        votes=_paths(".//*[has-class('param-upVotesCount')]"),
    ),
    # Its sorting menu, counters and "Show 29 more replies" buttons go with the comments, not into the article.
    companions=path("ancestor::*[@data-spot-im-class='conversation-root'][1]"),
)

YOUTUBE = Engine(
    name="youtube",
    # A watch page saved after its comments rendered: each comment (and reply) is one custom element.
    marks=("tag:ytd-comment-renderer", "tag:ytd-comment-view-model"),
    items=path("//*[self::ytd-comment-renderer or self::ytd-comment-view-model][not(ancestor::template)]"),
    fields=FieldPaths(
        author=_paths(".//*[@id='author-text']"),
        date=_paths(".//*[@id='published-time-text']"),
        body=_paths(".//*[@id='content-text']"),
        votes=_paths(".//*[@id='vote-count-middle']"),
        url=_paths(".//*[@id='published-time-text']//a/@href"),
    ),
    story=_story(
        "//*[self::ytd-watch-flexy or self::ytd-watch][not(ancestor::template)]",
        ".//ytd-video-primary-info-renderer//h1 | .//div[@id='title']/h1",
        FieldPaths(
            author=_paths(".//*[@id='owner-name']//a", ".//*[@id='channel-name']//a"),
            date=_paths(".//*[@id='upload-info']//*[has-class('date')]", ".//*[@id='info-strings']/*"),
        ),
        ".//ytd-video-secondary-info-renderer//*[@id='description'] | .//*[@id='description-inline-expander']",
    ),
)

LISTED_HEADERS = path("//*[@id='comments']//dl/dt[following-sibling::*[1][self::dd]]")
LISTED_NUMBER = re.compile(r"^\(?\d+[.)]?\s+")
"""A comment's number before its writer's name in a listed header (`1. NAME - DATE`, `(1) NAME says:`)."""


def _listed_headers(tree: HtmlElement) -> list[object]:
    """The comments an old template lists as a definition list in the comment section: each a `dt` of its writer
    and date (`1. NAME - October 26, 2012`; `<div class="date">DATE</div>(1) NAME says:`), its text the `dd` after
    it. Only headers that show a date: a list of other things in the section (rules, a glossary) has none."""
    return [dt for dt in LISTED_HEADERS(tree) if isinstance(dt, HtmlElement) and could_be_date(visible_text(dt))]


def _listed_parts(header: HtmlElement) -> tuple[str, str]:
    """A listed header's text without its date's element and its number, and that date's text ("" for none)."""
    words, dated = [header.text or ""], ""
    for child in header:
        if isinstance(child.tag, str) and not DATE_WORDS.isdisjoint(class_heads(child)):
            dated = visible_text(child)
        elif isinstance(child.tag, str):
            words.append(visible_text(child))
        words.append(child.tail or "")
    return LISTED_NUMBER.sub("", " ".join(" ".join(words).split())), dated


def _listed_writer(header: HtmlElement) -> list[object]:
    name = clean_author(_listed_parts(header)[0])
    return [name] if name else []


def _listed_date(header: HtmlElement) -> list[object]:
    text, dated = _listed_parts(header)
    if dated:
        return [dated]
    found = name_and_date(text)
    return [found[1].strip(" -–—|,")] if found is not None else [text]


LISTED_COMMENTS = Engine(
    name="listed",
    # Old templates (About.com's blogs, TrekMovie) list the comments as a definition list with no classes: a `dt`
    # header, the `dd` text after it. Last in the table: a rule that knows the page (Blogger's first layouts, the
    # Thesis theme) wins a tie.
    marks=("id:comments",),
    items=_listed_headers,
    fields=FieldPaths(
        author=(_listed_writer,),
        date=(_listed_date,),
        body=_paths("./following-sibling::*[1][self::dd]"),
    ),
    companions=path("./following-sibling::*[1][self::dd]"),
)

ENGINES: tuple[Engine, ...] = (
    NODEBB,
    MICRODATA,
    HACKER_NEWS,
    OLD_REDDIT,
    NEW_REDDIT,
    REDESIGN_REDDIT,
    DISQUS,
    DISQUS_WORDPRESS,
    DISCOURSE,
    STACK_EXCHANGE,
    MYBB,
    BBPRESS,
    FLUXBB,
    VANILLA,
    FLARUM,
    XENFORO,
    XENFORO_WIDGET,
    VBULLETIN,
    FOURCHAN,  # before phpBB, whose `div.post` its posts are too
    VICHAN,
    PHPBB,
    SMF,
    SMF_TABLES,
    PHPBB2,
    WPFORO,
    WOLTLAB,
    KUNENA,
    KUNENA_TABLES,
    INVISION,
    WPDISCUZ,
    DISCUZ,
    ISSO,
    COMMENTO,
    LIVEFYRE,
    LIVEFYRE_CLASSIC,
    INTENSEDEBATE,
    SLASH,
    WALINE,
    TWIKOO,
    GUARDIAN,
    MOVABLE_TYPE_CLASSIC,
    TALKYARD,
    METAFILTER,
    MBIN,
    LEMMY,
    MENEAME,
    LOBSTERS,
    TILDES,
    WORDPRESS,
    BLOGGER,
    BLOGGER_CLASSIC,
    DRUPAL,
    SPIP,
    CONTAO,
    JUDGE_ME,
    HABR,
    LIVEJOURNAL,
    DREAMWIDTH,
    UCOZ,
    OPENWEB,
    YOUTUBE,
    LISTED_COMMENTS,
)


def engine_comments(tree: HtmlElement, lang: str | None, marks: PageMarks) -> FoundComments | None:
    """The comments of the engine whose markup holds the most posts on the page; None when no engine's is.

    Two rules can match one page (a forum that also marks its replies up as schema.org Comments): the
    one that finds more posts, the opening post included, wins; on a tie, the earlier one in the table.
    """
    best: FoundComments | None = None
    best_posts = 0
    for engine in ENGINES:
        if not any(marks.has(mark) for mark in engine.marks):
            continue
        elements = _beside_copies([e for e in engine.items(tree) if isinstance(e, HtmlElement)])
        items = [e for e in elements if not (engine.skip and engine.skip(e))]
        # A rule finds a post per element at most, and the story above them: one that cannot find more than the
        # best so far is not read (a WordPress page marking its comments up as schema.org Comments too).
        if len(items) + (engine.story is not None) <= best_posts or not (items or engine.story):
            continue
        found = _read_engine(engine, tree, items, elements, lang, marks)
        posts = len(found.comments) + (found.article is not None)
        if posts > best_posts:
            best, best_posts = found, posts
    return best


def _beside_copies(elements: list[HtmlElement]) -> list[HtmlElement]:
    """The comments a script drew, without the server's copy of them for readers without scripts (`noscript`:
    AnyComment's, for search engines), which a page saved once they showed holds too; the copy alone where the
    page holds nothing else (Flarum saved without its script)."""
    if not elements or next(elements[0].getroottree().iter("noscript"), None) is None:
        return elements
    drawn = [e for e in elements if not any(a.tag == "noscript" for a in e.iterancestors())]
    return drawn or elements


def _read_engine(
    engine: Engine,
    tree: HtmlElement,
    items: list[HtmlElement],
    elements: list[HtmlElement],
    lang: str | None,
    marks: PageMarks,
) -> FoundComments:
    comments = read_items(items, engine.fields.for_page(marks.classes), lang)
    if engine.indent is not None:
        comments = _parents_by_indent(items, comments, engine.indent)
    if engine.folded is not None:
        replied_to = {comment.parent_key for comment in comments}
        comments = [
            comment
            for comment, item in zip(comments, items, strict=True)
            if comment.key in replied_to or not engine.folded(item)
        ]
    article = engine.story(tree, lang) if engine.story else None
    if engine.companions is not None:
        # A skipped item's companions go with it (a trackback's `Tracked on` line).
        elements = elements + [e for item in elements for e in engine.companions(item) if isinstance(e, HtmlElement)]
    if engine.forum and comments:
        # A forum's posts follow one another (a reply quotes instead): a post inside another is the parser's
        # doing (libxml2 nests an HTML5 `article` left open in the saved page), never a reply.
        article = replace(comments[0], key="article", parent_key=None)
        first = comments[0].key
        kept = engine.threaded
        comments = [
            comment if kept and comment.parent_key not in (None, first) else replace(comment, parent_key=None)
            for comment in comments[1:]
        ]
    return FoundComments(tuple(comments), engine.name, article, tuple(elements))


INDENT_STEP = 40
"""Old Hacker News pages indent a reply with a spacer image 40 pixels wide per level."""


def _parents_by_indent(
    items: list[HtmlElement], comments: list[RawComment], indent: Callable[[HtmlElement], list[object]]
) -> list[RawComment]:
    """Parents from indentation: a comment replies to the last one before it that is one level less deep."""
    depths = []
    for item in items:
        found = [str(value) for value in indent(item)]
        depth = int(found[0]) if found and found[0].isdigit() else 0
        if found and not item.xpath(".//td/@indent"):
            depth //= INDENT_STEP
        depths.append(depth)
    parents = parents_by_depth(depths)
    return [
        replace(comment, parent_key=comments[parent].key if parent is not None else None)
        for comment, parent in zip(comments, parents, strict=True)
    ]


__all__ = ["ENGINES", "Engine", "element_key", "engine_comments"]
