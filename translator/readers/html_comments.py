"""Finding a page's comments: page data first, then the engines' markup, then the generic detector.

The order is the issue's: schema.org data (JSON-LD, then microdata, which is the first engine rule),
the engines, the generic detector. JSON-LD often lists only some comments, so when an engine finds
more on the same page, the engine's are kept. Comment systems that load by script (Disqus, Facebook,
Coral...) leave a placeholder in a saved page: it is named, so the reader can say why there are none.
"""

from __future__ import annotations

from collections.abc import Sequence

from lxml.html import HtmlElement

from translator.models import Post
from translator.readers.common import number_blocks
from translator.readers.html_engines import engine_comments
from translator.readers.html_fields import FoundComments, RawComment
from translator.readers.html_generic import generic_comments
from translator.readers.html_items import path
from translator.readers.html_schema import disqus_comments, json_ld_comments, stated_count

# Comment systems that render by script: the element or script each leaves in a saved page.
SCRIPT_SYSTEMS = (
    ("Disqus", path("//*[@id='disqus_thread'] | //script[contains(@src, 'disqus.com') or contains(., 'disqus_shortname')]")),
    ("Facebook comments", path("//*[has-class('fb-comments')]")),
    ("Coral", path("//*[@id='coral_thread' or @id='coral-thread'] | //script[contains(@src, 'coral')]")),
    ("OpenWeb (Spot.IM)", path("//*[@data-spotim-module] | //script[contains(@src, 'spot.im')]")),
    ("Viafoura", path("//*[has-class('viafoura')] | //vf-conversations")),
    ("Commento", path("//*[@id='commento']")),
    ("Hyvor Talk", path("//*[@id='hyvor-talk-view'] | //hyvor-talk-comments")),
    ("Isso", path("//*[@id='isso-thread']")),
    ("utterances", path("//script[contains(@src, 'utteranc.es')]")),
    ("giscus", path("//script[contains(@src, 'giscus.app')] | //giscus-widget")),
    ("Remark42", path("//*[@id='remark42']")),
    ("Vuukle", path("//*[@id='vuukle-comments' or has-class('vuukle-comments')]")),
    ("IntenseDebate", path("//*[@id='idc-container']")),
    ("Livefyre", path("//*[@id='livefyre-comments' or @id='livefyre']")),
    ("Cackle", path("//*[@id='mc-container'] | //script[contains(@src, 'cackle.me')]")),
    ("HyperComments", path("//*[@id='hypercomments_widget']")),
    ("VK comments", path("//*[@id='vk_comments']")),
    ("Discourse", path("//*[@id='discourse-comments']")),
    ("Talkyard", path("//*[has-class('talkyard-comments')]")),
    ("Cusdis", path("//*[@id='cusdis_thread']")),
)


def script_systems(tree: HtmlElement) -> list[str]:
    """The script-loaded comment systems whose placeholder is on the page."""
    return [name for name, finder in SCRIPT_SYSTEMS if finder(tree)]


def find_comments(tree: HtmlElement, lang: str | None) -> FoundComments:
    """The page's comments (and a forum's or discussion's opening post) by the first method that finds any."""
    stated = disqus_comments(tree, lang) or json_ld_comments(tree, lang)
    engine = engine_comments(tree, lang)
    found = stated
    if engine is not None and (stated is None or len(engine.comments) > len(stated.comments)):
        found = engine
    if found is None or not (found.comments or found.article):
        found = generic_comments(tree, lang) or FoundComments((), "none")
    if found.expected is None and (expected := stated_count(tree)) is not None:
        found = FoundComments(found.comments, found.source, found.article, found.elements, expected)
    return found


def comment_posts(comments: Sequence[RawComment]) -> list[Post]:
    """Posts `c1`, `c2`... in page order, replies pointing at their parent's id; deleted leaves dropped."""
    replied_to = {comment.parent_key for comment in comments if comment.parent_key is not None}
    kept = [comment for comment in comments if not comment.deleted or comment.key in replied_to]
    post_ids: dict[str, str] = {}
    for number, comment in enumerate(kept, start=1):
        post_ids.setdefault(comment.key, f"c{number}")
    posts = []
    for number, comment in enumerate(kept, start=1):
        post_id = f"c{number}"
        parent = post_ids.get(comment.parent_key) if comment.parent_key is not None else None
        posts.append(
            Post(
                id=post_id,
                kind="comment",
                author=comment.author,
                role=comment.role,
                date=comment.date,
                votes=comment.votes,
                blocks=number_blocks(post_id, list(comment.blocks)),
                parent=parent if parent != post_id else None,
                url=comment.url,
                deleted=comment.deleted,
            )
        )
    return posts
