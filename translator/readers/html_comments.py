"""Finding a page's comments: page data first, then the engines' markup, then the generic detector.

The order is the issue's: schema.org data (JSON-LD, then microdata, which is the first engine rule),
the engines, the generic detector. JSON-LD often lists only some comments, so when an engine finds
more on the same page, the engine's are kept. Comment systems that load by script (Disqus, Facebook,
Coral...) leave a placeholder in a saved page: it is named, so the reader can say why there are none.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, replace

from lxml import etree
from lxml.html import HtmlElement

from translator.models import Post
from translator.readers.common import PINGBACK_LABEL, PINGBACK_TEXT, comment_post
from translator.readers.html_engines import engine_comments
from translator.readers.html_fields import FoundComments, RawComment
from translator.readers.html_furniture import printed_count
from translator.readers.html_generic import generic_comments, undated_comments
from translator.readers.html_items import path
from translator.readers.html_marks import PageMarks, page_marks
from translator.readers.html_schema import disqus_comments, json_ld_comments, stated_count

PINGBACKS = path(
    "//*[contains(@class, 'pingback') or contains(@class, 'trackback')]"
    "[re:test(@class, '(?:^|\\s)(?:pingback|trackback)(?:\\s|$)')]"
    "[not(ancestor::*[contains(@class, 'pingback') or contains(@class, 'trackback')]"
    "[re:test(@class, '(?:^|\\s)(?:pingback|trackback)(?:\\s|$)')])]"
)
"""Pingbacks drawn in the comment list (WordPress): its heading's count takes them in, the reader leaves them out."""
MAX_SIGNATURE_CHARS = 120


@dataclass(frozen=True)
class ScriptSystem:
    """A comment system that renders by script, and the marks it leaves in a saved page."""

    name: str
    """As users know it."""
    ids: frozenset[str] = frozenset()
    """Ids of its placeholder element."""
    classes: frozenset[str] = frozenset()
    """Classes of its placeholder element."""
    tags: frozenset[str] = frozenset()
    """Custom elements it defines."""
    scripts: tuple[str, ...] = ()
    """Text found in the `src` or body of its loader script."""
    attributes: frozenset[str] = frozenset()
    """Attributes of its placeholder element."""


SCRIPT_SYSTEMS = (
    ScriptSystem("Disqus", frozenset({"disqus_thread"}), scripts=("disqus.com", "disqus_shortname")),
    ScriptSystem("Facebook comments", classes=frozenset({"fb-comments"})),
    ScriptSystem("Coral", frozenset({"coral_thread", "coral-thread"}), scripts=("coral.js", "coralproject")),
    ScriptSystem("OpenWeb (Spot.IM)", scripts=("spot.im", "openweb"), attributes=frozenset({"data-spotim-module"})),
    ScriptSystem("Viafoura", classes=frozenset({"viafoura"}), tags=frozenset({"vf-conversations"})),
    ScriptSystem("Commento", frozenset({"commento"})),
    ScriptSystem("Hyvor Talk", frozenset({"hyvor-talk-view"}), tags=frozenset({"hyvor-talk-comments"})),
    ScriptSystem("Isso", frozenset({"isso-thread"})),
    ScriptSystem("utterances", scripts=("utteranc.es",)),
    ScriptSystem("giscus", tags=frozenset({"giscus-widget"}), scripts=("giscus.app",)),
    ScriptSystem("Remark42", frozenset({"remark42"})),
    ScriptSystem("Vuukle", frozenset({"vuukle-comments"}), frozenset({"vuukle-comments"})),
    ScriptSystem("IntenseDebate", frozenset({"idc-container"})),
    ScriptSystem("Livefyre", frozenset({"livefyre-comments", "livefyre"})),
    ScriptSystem("Cackle", frozenset({"mc-container"}), scripts=("cackle.me",)),
    ScriptSystem("HyperComments", frozenset({"hypercomments_widget"})),
    ScriptSystem("VK comments", frozenset({"vk_comments"})),
    ScriptSystem("Discourse", frozenset({"discourse-comments"})),
    ScriptSystem("Talkyard", classes=frozenset({"talkyard-comments"})),
    ScriptSystem("Cusdis", frozenset({"cusdis_thread"})),
    # Static blogs' widgets (read where the page was saved after they drew: html_engines.WALINE, TWIKOO).
    ScriptSystem("Waline", frozenset({"waline"}), scripts=("@waline/client",)),
    ScriptSystem("Twikoo", frozenset({"tcomment", "twikoo"}), scripts=("twikoo",)),
    ScriptSystem("Valine", frozenset({"vcomments"}), scripts=("valine.min.js", "new valine(")),
    ScriptSystem("Artalk", frozenset({"artalk"}), scripts=("artalk.js", "artalk.init(")),
)


def script_systems(marks: PageMarks) -> list[str]:
    """The script-loaded comment systems whose placeholder or loader is on the page."""
    return [
        system.name
        for system in SCRIPT_SYSTEMS
        if system.ids & marks.ids
        or system.classes & marks.classes
        or any(loader in marks.scripts for loader in system.scripts)
        or any(marks.has(f"tag:{tag}") for tag in system.tags)
        or any(marks.has(f"attr:{name}") for name in system.attributes)
    ]


def find_comments(tree: HtmlElement, lang: str | None, marks: PageMarks | None = None) -> FoundComments:
    """The page's comments (and a forum's or discussion's opening post) by the first method that finds any."""
    stated = disqus_comments(tree, lang) or json_ld_comments(tree, lang)
    marks = marks or page_marks(tree, etree.tostring(tree, encoding="unicode"))
    engine = engine_comments(tree, lang, marks)
    found = stated
    if engine is not None and (stated is None or len(engine.comments) > len(stated.comments)):
        found = engine
    if found is None or not found.comments:
        # A rule that found only the story (its comments drawn by a template it does not know) leaves them to the
        # generic reader.
        generic = generic_comments(tree, lang) or undated_comments(tree, lang)
        if generic is not None and generic.comments and found is not None and generic.article is None:
            found = replace(generic, article=found.article)
        elif generic is not None and (generic.comments or found is None or not found.article):
            found = generic
        found = found or FoundComments((), "none")
    if found.expected is None and (expected := stated_count(tree) or printed_count(tree, marks)) is not None:
        pingbacks = len(PINGBACKS(tree))
        found = FoundComments(found.comments, found.source, found.article, found.elements, expected, pingbacks)
    return found


def is_pingback(comment: RawComment) -> bool:
    """A pingback or trackback drawn like a comment: an excerpt of the linking page, "[…] text […]", or a
    post whose writer or first line says it is one ("Pingback von SITE | 11.09.2011 23:31")."""
    texts = [text for _, text, _, _ in comment.blocks]
    first = texts[0] if texts else ""
    signed = len(texts) == 2 and len(texts[1]) <= MAX_SIGNATURE_CHARS  # the excerpt, then "Kommentar von SITE am ..."
    excerpt = PINGBACK_TEXT.match(" ".join(texts)) or (signed and PINGBACK_TEXT.match(first))
    return bool(excerpt or PINGBACK_LABEL.match(comment.author or "") or PINGBACK_LABEL.match(first))


def comment_posts(comments: Sequence[RawComment]) -> list[Post]:
    """Posts `c1`, `c2`... in page order, replies pointing at their parent's id; deleted leaves, pingbacks
    and empty stubs drawn like comments ("view all", no name and no text) dropped."""
    replied_to = {comment.parent_key for comment in comments if comment.parent_key is not None}
    kept = [
        comment
        for comment in comments
        if (not comment.deleted or comment.key in replied_to)
        and not (is_pingback(comment) and comment.key not in replied_to)
        and (comment.blocks or comment.author or comment.deleted or comment.key in replied_to)
    ]
    post_ids: dict[str, str] = {}
    for number, comment in enumerate(kept, start=1):
        post_ids.setdefault(comment.key, f"c{number}")
    posts = []
    for number, comment in enumerate(kept, start=1):
        parent = post_ids.get(comment.parent_key) if comment.parent_key is not None else None
        posts.append(
            comment_post(
                number,
                list(comment.blocks),
                author=comment.author,
                role=comment.role,
                date=comment.date,
                votes=comment.votes,
                parent=parent if parent != f"c{number}" else None,
                url=comment.url,
                deleted=comment.deleted,
            )
        )
    return posts
