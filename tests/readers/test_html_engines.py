"""Engine rules (html_engines) for comment systems whose saved frames or pages carry their own markup, on pages
we wrote in their shapes: OpenWeb's (Spot.IM) conversation frame, a YouTube watch page saved after its comments
rendered, Reddit's redesign, phpBB as Forumotion hosts it, Hacker News's typed quotes."""

from __future__ import annotations

from datetime import datetime
from pathlib import Path

import pytest

from translator.models import Votes
from translator.readers.html import read_html

OPENWEB_MESSAGE = """<div class="sppre_message-view sppre_depth-{depth}" data-message-id="sp_x_{key}"
data-message-depth="{depth}" data-spot-im-class="message-view"><div class="sppre_message-details">
<span class="sppre_username" data-spot-im-class="message-username">{name}</span>
<span class="sppre_badge" data-spot-im-class="user-badge">Rising star</span>
<span class="sppre_posted-at"><span data-spot-im-class="message-timestamp">{ago}</span></span></div>
<div class="sppre_message-content"><div data-spot-im-class="message-text" class="sppre_text-entity">{text}</div></div>
<div class="sppre_message-actions"><span data-spot-im-class="message-reply">Reply</span>
<span data-spot-im-class="message-share">Share</span><div class="sppre_up-votes">
<span class="param-upVotesCount">{likes}</span><span> Likes</span></div></div>{replies}</div>"""


def openweb_message(key: str, name: str, text: str, likes: int, replies: str = "", depth: int = 0) -> str:
    return OPENWEB_MESSAGE.format(
        key=key, name=name, text=text, likes=likes, replies=replies, depth=depth, ago=f"{likes % 20 + 1}h"
    )


OPENWEB = f"""<html><head><title>Spot.IM Conversation</title></head><body>
<div data-spot-im-class="conversation-root"><div data-spot-im-class="conversation-header">
<span data-spot-im-class="comments-count">3 Comments</span></div><div data-spot-im-class="messages-list">
{
    openweb_message(
        "a",
        "harbourview",
        "The late boat on Fridays is the best news this year.",
        12,
        openweb_message("a_r_b", "tidewatcher", "Agreed, the last one used to leave far too early.", 3, depth=1),
    )
}
{openweb_message("c", "gullwing", "Will the fares go up to pay for it?", 7)}
</div><div data-spot-im-class="load-more-messages">Show more comments</div></div></body></html>"""


def test_openweb_conversation_frame() -> None:
    thread = read_html(OPENWEB, "frame.html").threads[0]
    article, *comments = thread.posts
    # The frame's counter and "Show more comments" button go with the conversation: the frame has no article.
    assert [block.kind for block in article.blocks] == ["title"]
    assert [(post.author, post.parent, post.votes) for post in comments] == [
        ("harbourview", None, Votes(12, 0)),
        ("tidewatcher", "c1", Votes(3, 0)),
        ("gullwing", None, Votes(7, 0)),
    ]
    # The badge, the timestamps, "Reply", "Share" and the like counts are no text.
    assert [[block.text for block in post.blocks] for post in comments] == [
        ["The late boat on Fridays is the best news this year."],
        ["Agreed, the last one used to leave far too early."],
        ["Will the fares go up to pay for it?"],
    ]


YT_COMMENT = """<ytd-comment-renderer id="comment" class="style-scope"><div id="body"><div id="main">
<div id="header"><div id="header-author"><a id="author-text" href="/channel/{channel}"><span> {name} </span></a>
<yt-formatted-string id="published-time-text"><a href="/watch?v=abc&amp;lc={channel}">2 weeks ago</a>
</yt-formatted-string></div></div><ytd-expander id="expander"><div id="content">
<yt-formatted-string id="content-text">{text}</yt-formatted-string></div></ytd-expander>
<ytd-comment-action-buttons-renderer id="action-buttons"><span id="vote-count-middle"> {likes} </span>
<div id="reply-button"><paper-button>Reply</paper-button></div></ytd-comment-action-buttons-renderer></div></div>
</ytd-comment-renderer>"""


def youtube_thread(comment: str, replies: str = "") -> str:
    return f"""<ytd-comment-thread-renderer class="style-scope">{comment}<div id="replies">
    <ytd-comment-replies-renderer><div id="loaded-replies">{replies}</div></ytd-comment-replies-renderer></div>
    </ytd-comment-thread-renderer>"""


YOUTUBE = f"""<html><head><title>Timing the ferry crossing - YouTube</title></head><body><ytd-app>
<dom-module id="ytd-comment-thread-renderer"><template>{YT_COMMENT.format(channel="", name="", text="", likes="")}
</template></dom-module>
<ytd-watch><div id="top"><div id="main"><div id="info"><ytd-video-primary-info-renderer><div id="info-contents">
<h1 class="title">Timing the ferry crossing</h1><span class="view-count">1,204 views</span></div>
</ytd-video-primary-info-renderer></div><div id="meta"><ytd-video-secondary-info-renderer>
<ytd-video-owner-renderer><div id="upload-info"><yt-formatted-string id="owner-name"><a href="/channel/HARBOUR">Harbour
Films</a></yt-formatted-string><span class="date">Published on Mar 4, 2017</span></div></ytd-video-owner-renderer>
<div id="description"><yt-formatted-string>We rode the first boat of the day and timed every stop along the
way.</yt-formatted-string></div></ytd-video-secondary-info-renderer></div>
<ytd-comments id="comments"><h2 id="count"><yt-formatted-string>3 Comments</yt-formatted-string></h2>
<div id="contents">
{
    youtube_thread(
        YT_COMMENT.format(channel="A1", name="deckhand", text="Forty minutes door to door, not bad at all.", likes=9),
        YT_COMMENT.format(channel="B2", name="portside", text="It took us an hour in the winter.", likes=2),
    )
}
{youtube_thread(YT_COMMENT.format(channel="C3", name="stern", text="Which camera did you use?", likes=1))}
</div></ytd-comments></div></div></ytd-watch></ytd-app></body></html>"""


def test_youtube_watch_page_with_its_comments() -> None:
    thread = read_html(YOUTUBE, "watch.html").threads[0]
    article, *comments = thread.posts
    assert thread.title == "Timing the ferry crossing"
    assert (article.author, article.votes) == ("Harbour Films", None)
    assert article.date is not None and article.date.date().isoformat() == "2017-03-04"
    assert [block.text for block in article.blocks[1:]] == [
        "We rode the first boat of the day and timed every stop along the way."
    ]
    # Every comment element has the id "comment"; the reply sits in the thread's replies, after its parent. The
    # empty one in the page's template is none.
    assert [(post.author, post.parent, post.votes, post.blocks[0].text) for post in comments] == [
        ("deckhand", None, Votes(9, 0), "Forty minutes door to door, not bad at all."),
        ("portside", "c1", Votes(2, 0), "It took us an hour in the winter."),
        ("stern", None, Votes(1, 0), "Which camera did you use?"),
    ]


def test_youtube_abbreviated_like_counts() -> None:
    # YouTube prints a large count short, in the viewer's language: 1.2K, "3,4 тыс.", "1,2 Mio."; each is the
    # number it abbreviates, not its first digits.
    comments = "".join(
        youtube_thread(YT_COMMENT.format(channel=f"K{n}", name=f"viewer{n}", text=f"Comment number {n} here.", likes=x))
        for n, x in enumerate(["1.2K", "3,4 тыс.", "1,2 Mio.", "2 mil", "1,234"])
    )
    page = YOUTUBE.replace('<div id="contents">', '<div id="contents">' + comments, 1)
    votes = [post.votes for post in read_html(page, "watch.html").threads[0].posts[1:6]]
    assert votes == [Votes(1200, 0), Votes(3400, 0), Votes(1200000, 0), Votes(2000, 0), Votes(1234, 0)]


REDESIGN_COMMENT = """<div id="t1_{key}" style="padding-left:{indent}px"><div class="x9Fq Comment t1_{key} zz1">
<div class="v0te"><button aria-label="upvote" class="voteButton"></button></div><div class="m3ta">
<span class="lvl">level {level}</span><div class="hdr">{op}<a class="u5er" href="/user/{name}/"
data-testid="comment_author_link">{name}</a><span class="pts">{points} points</span><span> · </span>
<a href="/r/boats/comments/abc/x/{key}/" id="CommentTopMeta--Created--t1_{key}"><span>3 years ago</span></a></div>
<div data-test-id="comment" class="b0dy"><div class="RichTextJSON-root"><p>{text}</p></div></div></div></div></div>"""
REDESIGN_OP_ICON = '<i class="icon icon-op" id="CommentTopMeta--OP--t1_a2"><span class="sr">Original Poster</span></i>'
REDESIGN = f"""<html><head><title>Which knot for a mooring line? : boats</title>
<meta property="og:title" content="r/boats - Which knot for a mooring line?"></head><body><div class="app">
<div data-test-id="post-content"><div class="hdr"><span>Posted by</span><a data-testid="post_author_link"
href="/user/deckhand/">u/deckhand</a><a data-click-id="timestamp" href="/r/boats/comments/abc/x/">3 years ago</a></div>
<div class="t1tl"><h1 class="h">Which knot for a mooring line?</h1></div>
<div class="RichTextJSON-root"><p>The marina asks for a knot that can be undone under load. Which one do you use?</p>
</div></div><div class="c0mments">{
    "".join(
        REDESIGN_COMMENT.format(key=key, indent=indent, level=level, name=name, points=points, text=text, op=op)
        for key, indent, level, name, points, text, op in [
            ("a1", 16, 1, "bowline_bob", 41, "A bowline, with a round turn if the load is heavy.", ""),
            ("a2", 37, 2, "deckhand", 12, "Round turn and two half hitches undoes even easier.", REDESIGN_OP_ICON),
            ("a3", 16, 1, "sternway", 3, "Ask the harbour master, some marinas are strict about it.", ""),
        ]
    )
}</div></div></body></html>"""


LATER_COMMENT = """<div id="t1_{key}" style="padding-left:16px"><div class="Comment t1_{key} q7">
<a data-testid="comment_author_icon" href="/user/{name}/"><div class="avatar"></div></a><span class="lvl">level 1</span>
<div data-testid="post-comment-header"><div class="nm"></div><a data-testid="comment_timestamp"
id="CommentTopMeta--Created--t1_{key}" href="/r/boats/comments/abc/comment/{key}/">2 yr. ago</a></div>
{body}</div></div>"""
LATER = [
    # The later markup: `data-testid`, and a name only in the avatar's link.
    LATER_COMMENT.format(
        key="b1", name="jib_sheet", body='<div data-testid="comment"><p>Clove hitch for a quick stop.</p></div>'
    ),
    # A deleted comment nobody answered: its header, "level 1 · [deleted]", and no text box.
    LATER_COMMENT.format(key="b2", name="[deleted]", body=""),
]


def test_reddit_redesign_page() -> None:
    thread = read_html(
        REDESIGN.replace("</div></div></body>", "".join(LATER) + "</div></div></body>"), "r.html"
    ).threads[0]
    article, *comments = thread.posts
    assert (thread.title, article.author) == ("Which knot for a mooring line?", "deckhand")
    assert [block.text for block in article.blocks[1:]] == [
        "The marina asks for a knot that can be undone under load. Which one do you use?"
    ]
    # Replies by the padding of their wrapper; "3 years ago" waits for a time the page gives (none here); the
    # asker's icon ("Original Poster") makes their comment OP.
    assert [(post.author, post.parent, post.votes, post.role, post.blocks[0].text) for post in comments] == [
        ("bowline_bob", None, Votes(41, 0), None, "A bowline, with a round turn if the load is heavy."),
        ("deckhand", "c1", Votes(12, 0), "OP", "Round turn and two half hitches undoes even easier."),
        ("sternway", None, Votes(3, 0), None, "Ask the harbour master, some marinas are strict about it."),
        ("jib_sheet", None, None, None, "Clove hitch for a quick stop."),
    ]


FORUMOTION_POST = """<div id="p{n}" class="post clearfix"><div class="postbody">
<div class="postprofile" id="profile{n}">
<strong>{name}</strong><br><b>{rank}</b><br><span class="label">Posts</span> 12</div>
<div class="postbody-head"><h3><a href="/t7-x#{n}">{subject}</a></h3><p class="author">by <strong>{name}</strong>
on 0{n}/03/21, 10:1{n} am</p></div><div class="post-entry"><div>{text}</div></div></div></div>"""


def test_phpbb_hosted_by_forumotion() -> None:
    # Forumotion's phpBB themes put a post's text in `div.post-entry`, not phpBB's `div.content`: the whole post
    # (the writer's rank, the subject line) was read as its text; its advert was a comment.
    posts = "".join(
        FORUMOTION_POST.format(n=n, name=name, rank=rank, subject=subject, text=text)
        for n, name, rank, subject, text in [
            (1, "harbourmaster", "Admin", "Mooring rules", "Boats longer than ten metres moor at the outer pontoon."),
            (2, "skiff", "Member", "Re: Mooring rules", "Does that count the outboard motor?"),
            (0, "Sponsored content", "", "Re: Mooring rules", ""),  # an advert drawn as post number 0
        ]
    )
    page = f"""<html lang="en"><head><title>Mooring rules</title></head><body><div id="page-body">{posts}
    </div></body></html>"""
    thread = read_html(page, "forum.html").threads[0]
    assert [(post.kind, post.author, [block.text for block in post.blocks]) for post in thread.posts] == [
        ("article", "harbourmaster", ["Mooring rules", "Boats longer than ten metres moor at the outer pontoon."]),
        ("comment", "skiff", ["Does that count the outboard motor?"]),
    ]


def test_hacker_news_paragraphs_typed_as_quotes() -> None:
    # Hacker News has no quote markup: a saved page's `>` paragraph is a quote, as in its API's JSON.
    page = (Path(__file__).resolve().parents[1] / "data" / "html" / "hackernews.html").read_text(encoding="utf-8")
    page = page.replace(
        "Yes, the model includes", "&gt; Does it handle the double high tides?<p>Yes, the model includes", 1
    )
    reply = read_html(page, "item.html").threads[0].posts[2]
    assert [block.kind for block in reply.blocks] == ["quote", "paragraph"]
    assert reply.blocks[0].text == "Does it handle the double high tides?"


LJ_LEAF = """<div class="b-tree-twig b-tree-twig-{level}" style="margin-left:{margin}px" data-tid="t{tid}">
<div id="t{tid}" class="b-leaf comment{folded}" data-username="{name}" data-full="{full}"><div class="b-leaf-inner">
<div class="b-leaf-header"><div class="b-leaf-userpic"><img src="u.png" alt=""></div><div class="b-leaf-details">
<p class="b-leaf-username"><span class="b-leaf-username-name"><span class="ljuser" data-ljuser="{name}">
<a href="https://{name}.livejournal.com/" class="i-ljuser-username"><b>{name}</b></a></span></span></p>{meta}
<ul class="b-leaf-actions"><li class="b-leaf-actions-item"><a href="#">{action}</a></li></ul></div></div>{text}
<div class="b-leaf-footer"><ul class="b-leaf-actions"><li><a href="#">Reply</a></li></ul></div></div></div></div>"""
LJ_META = """<p class="b-leaf-meta"><a href="https://host.livejournal.com/1.html?thread={tid}#t{tid}"
class="b-leaf-permalink"><span class="b-leaf-createdtime">2017-07-14 05:{tid} am (UTC)</span></a></p>"""


def lj_leaf(tid: int, level: int, name: str, text: str = "") -> str:
    shown = {"folded": "", "full": 1, "meta": LJ_META.format(tid=tid), "action": "Link"}
    folded = {"folded": " b-leaf-collapsed", "full": 0, "meta": "", "action": "Expand"}
    body = f'<div class="b-leaf-article">{text}</div>' if text else ""
    fields = shown if text else folded
    return LJ_LEAF.format(tid=tid, level=level, margin=(level - 1) * 30, name=name, text=body, **fields)


LIVEJOURNAL = f"""<html><head><title>Walking the old canal path: host</title></head><body>
<article class="b-singlepost"><h1 class="b-singlepost-title">Walking the old canal path</h1>
<div class="b-singlepost-body"><p>We walked the whole canal path on Sunday, from the lock to the mill.</p>
<p>The water was low and the herons were everywhere along the banks.</p></div></article>
<div id="comments" class="b-grove"><span class="js-amount">6 comments</span><div class="b-tree">
{lj_leaf(11, 1, "alder", "How long did the whole walk take you?")}{lj_leaf(12, 2, "birch")}{lj_leaf(13, 1, "cedar")}
{lj_leaf(14, 2, "dogwood", "About three hours, with a stop for tea.")}{lj_leaf(15, 3, "elm")}
{lj_leaf(16, 1, "fir", "The herons are back every spring there.")}</div></div></body></html>"""


def test_livejournal_folded_comments() -> None:
    thread = read_html(LIVEJOURNAL, "lj.html").threads[0]
    article, *comments = thread.posts
    assert [block.text for block in article.blocks][1:] == [
        "We walked the whole canal path on Sunday, from the lock to the mill.",
        "The water was low and the herons were everywhere along the banks.",
    ]
    # A folded comment (name and "Expand", no text in the page) is no post, unless a shown reply hangs under it:
    # then it stays, empty, as that reply's parent, where the indentation puts it.
    assert [(post.author, post.parent, [block.text for block in post.blocks]) for post in comments] == [
        ("alder", None, ["How long did the whole walk take you?"]),
        ("cedar", None, []),
        ("dogwood", "c2", ["About three hours, with a stop for tea."]),
        ("fir", None, ["The herons are back every spring there."]),
    ]
    assert comments[0].url == "https://host.livejournal.com/1.html?thread=11#t11"


EMPTY_MICRODATA = """<html lang="de"><head><title>Das Freibad öffnet früher</title></head><body><main>
<article itemscope itemtype="https://schema.org/NewsArticle"><h1 itemprop="headline">Das Freibad öffnet früher</h1>
<div itemprop="articleBody"><p>Das Freibad am Stadtrand öffnet in diesem Jahr schon Anfang Mai, zwei Wochen früher
als sonst, weil die neue Heizung das Wasser schneller erwärmt.</p></div>{boxes}</article>
<div class="comments-area">{comments}</div></main></body></html>"""
EMPTY_BOXES = [
    # a slot the page fills by script: the writer and time in meta tags, no text
    """<div itemprop="comment" itemscope itemtype="https://schema.org/Comment"><meta itemprop="author"
    content="Redaktion"><meta itemprop="dateCreated" content="2021-05-01"></div>""",
    # an empty UserComments box
    """<section itemprop="comment" itemscope itemtype="http://schema.org/UserComments"><div itemprop="commentText">
    </div></section>""",
    # the box of a list the page fills by script: its heading and a link, none of a comment's parts marked
    """<div class="comments-list" itemscope itemtype="http://schema.org/UserComments" style="display: none;">
    <h3>Alle Kommentare</h3><ul class="main"></ul><a class="loadnew">Neue Kommentare zeigen (0)</a></div>""",
]
DRAWN = "".join(
    f"""<div class="comment-box"><div class="comment-head"><span class="comment-user">{name}</span>
    <span class="comment-date">0{day}.05.2021 18:40</span></div><div class="comment-text"><p>{text}</p></div></div>"""
    for name, day, text in [
        ("Badegast77", 2, "Dann packe ich schon mal die Badehose ein."),
        ("Ole Brandt", 3, "Die neue Heizung hätte man schon vor Jahren einbauen sollen."),
    ]
)
MICRODATA_ONE = """<div itemprop="comment" itemscope itemtype="https://schema.org/Comment" id="c9"><span
itemprop="author">Wiebke</span> <time itemprop="dateCreated" datetime="2021-05-04T09:00">4. Mai</time>
<p itemprop="text">Wir freuen uns auf den ersten Sprung ins kalte Wasser.</p></div>"""


@pytest.mark.parametrize("box", EMPTY_BOXES)
def test_empty_schema_org_boxes_are_no_comments(box: str) -> None:
    # Empty boxes alone: the comments the page draws (no engine's markup) are read, not the empty boxes.
    thread = read_html(EMPTY_MICRODATA.format(boxes=box, comments=DRAWN)).threads[0]
    assert [(post.author, post.blocks[0].text[:8]) for post in thread.posts[1:]] == [
        ("Badegast77", "Dann pac"),
        ("Ole Brandt", "Die neue"),
    ]
    # Beside a real microdata comment, the empty box is not a second, empty one.
    thread = read_html(EMPTY_MICRODATA.format(boxes=box + MICRODATA_ONE, comments="")).threads[0]
    assert [(post.author, len(post.blocks)) for post in thread.posts[1:]] == [("Wiebke", 1)]


def vbulletin3_post(number: int, name: str, date: str, message: str) -> str:
    return f"""<table id="post{number}" class="tborder" cellpadding="6" cellspacing="0" width="100%"><tr>
    <td class="thead"><a name="post{number}"></a> {date}</td><td class="thead" align="right">#<a
    href="showpost.php?p={number}" id="postcount{number}"><strong>{number % 100}</strong></a></td></tr><tr>
    <td class="alt2" width="175"><div id="postmenu_{number}"><a class="bigusername" href="member.php?u={number}">{name}
    </a></div><div class="smallfont">Senior Member</div></td><td class="alt1" id="td_post_{number}">
    <div id="post_message_{number}">{message}</div></td></tr></table>"""


def vbulletin3_quote(label: str, inner: str) -> str:
    return f"""<div style="margin:20px; margin-top:5px; "><div class="smallfont" style="margin-bottom:2px">{label}</div>
    <table cellpadding="6" cellspacing="0" border="0" width="100%"><tr><td class="alt2" style="border:1px inset">
    {inner}</td></tr></table></div>"""


VBULLETIN3 = f"""<html lang="en"><head><meta name="generator" content="vBulletin 3.8.7"><title>Best wood for a
workbench top? - Woodworkers Corner</title></head><body><div id="posts">
{
    vbulletin3_post(
        1001, "Marta K", "03-14-2011, 08:12 PM", "I am building my first workbench.<br>Which wood holds up better?"
    )
}
{
    vbulletin3_post(
        1002,
        "OldJoiner",
        "03-14-2011, 09:40 PM",
        vbulletin3_quote(
            "Quote:",
            '<div>Originally Posted by <strong>Marta K</strong> <a href="showthread.php?p=1001#post1001">'
            '<img src="viewpost.gif" alt="View Post"></a></div><div style="font-style:italic">Which wood holds up'
            " better?</div>",
        )
        + "Maple, without a doubt.",
    )
}
{
    vbulletin3_post(
        1003, "sawdust_sam", "03-15-2011, 07:05 AM", vbulletin3_quote("Zitat:", "Maple, without a doubt.") + "Agreed."
    )
}
</div></body></html>"""


def test_vbulletin3_quotes_are_quotes_of_their_writer() -> None:
    # vBulletin 3 draws a quote as a "Quote:" line above a table whose `td.alt2` holds "Originally Posted by
    # NAME" and the quoted text: the label, the header and the quoted text were read as the post's own lines.
    thread = read_html(VBULLETIN3).threads[0]
    assert thread.posts[0].author == "Marta K"  # a forum: the opening post is the article
    assert [[(block.kind, block.text, block.quoted_author) for block in post.blocks] for post in thread.posts[1:]] == [
        [("quote", "Which wood holds up better?", "Marta K"), ("paragraph", "Maple, without a doubt.", None)],
        [("quote", "Maple, without a doubt.", None), ("paragraph", "Agreed.", None)],
    ]


def nodebb_post(index: int, name: str, minute: int, content: str, votes: int) -> str:
    return f"""<li component="post" data-index="{index}" data-pid="{100 + index}" data-uid="{index + 4}"
    data-timestamp="1583317200000" data-username="{name}" itemscope itemtype="http://schema.org/Comment">
    <a component="post/anchor" data-index="{index}" id="{index}"></a><div class="clearfix post-header"><small>
    <strong><a href="/user/{name}" itemprop="author" data-username="{name}">{name}</a></strong> <a class="permalink"
    href="/post/{100 + index}"><span class="timeago" title="2020-03-04T10:{minute}:00.000Z"></span></a></small></div>
    <div class="content" component="post/content" itemprop="text">{content}</div><div class="post-footer"><span
    class="post-tools"><a component="post/reply" href="#">Reply</a> <a component="post/quote" href="#">Quote</a>
    </span><span component="post/vote-count" data-votes="{votes}">{votes}</span></div></li>"""


NODEBB = f"""<html lang="en-GB"><head><title>Standing desk: worth it? | Home Office Forum</title></head><body>
<h1 component="post/header" itemprop="name"><span component="topic/title">Standing desk: worth it?</span></h1>
<ul component="topic" class="posts" data-tid="12">
{nodebb_post(0, "deskjockey", 20, "<p>I sit all day. Has anyone kept using a standing desk after a month?</p>", 3)}
{
    nodebb_post(
        1,
        "ergo_ines",
        45,
        '<blockquote><p><a class="plugin-mentions-user plugin-mentions-a" href="/uid/4">@deskjockey</a> said in '
        '<a href="/post/100">Standing desk: worth it?</a>:</p><p>kept using a standing desk after a month?</p>'
        "</blockquote><p>Two years now. Get a mat.</p>",
        5,
    )
}
</ul></body></html>"""


def test_nodebb_topic_opening_post_is_the_article_and_quotes_name_who_is_quoted() -> None:
    # NodeBB marks every post, the opening one included, as a schema.org Comment: the microdata rule took the
    # opening post for a comment, and a quote for one of its own writer's (the post's `data-username`), its
    # "@NAME said in TOPIC:" line quoted text.
    thread = read_html(NODEBB).threads[0]
    article, reply = thread.posts
    assert (article.kind, article.author, article.votes, article.url) == (
        "article",
        "deskjockey",
        Votes(3, 0),
        "/post/100",
    )
    assert [block.text for block in article.blocks] == [
        "Standing desk: worth it?",
        "I sit all day. Has anyone kept using a standing desk after a month?",
    ]
    assert (reply.author, reply.date.minute if reply.date else None, reply.votes) == ("ergo_ines", 45, Votes(5, 0))
    assert [(block.kind, block.text, block.quoted_author) for block in reply.blocks] == [
        ("quote", "kept using a standing desk after a month?", "deskjockey"),
        ("paragraph", "Two years now. Get a mat.", None),
    ]


def _wordpress_comment(number: int, writer: str, text: str, classes: str = "") -> str:
    return f"""<li id="comment-{number}" class="comment byuser comment-author-{writer.lower()} {classes}">
    <article class="comment-body"><footer class="comment-meta"><div class="comment-author vcard">
    <b class="fn">{writer}</b></div><div class="comment-metadata"><time datetime="2019-01-0{number}T10:00:00+01:00">
    1. Januar 2019</time></div></footer><div class="comment-content"><p>{text}</p></div></article></li>"""


@pytest.mark.parametrize(
    ("byline", "writer"), [("", "jancak"), ('<span class="author">Eva Jancak</span>', "Eva Jancak")]
)
def test_a_comment_by_the_posts_author_is_marked_and_names_a_writer_the_page_does_not(byline: str, writer: str) -> None:
    # WordPress marks the post's author's comments `bypostauthor`: their role is OP, as the other readers name the
    # thread's writer answering, and where the page names no writer (wordpress.com themes print none), they are it.
    comments = _wordpress_comment(1, "Margit", "Ein schönes Jahr war das, danke für den Rückblick.") + (
        _wordpress_comment(2, "jancak", "Danke, liebe Margit, auf ein gutes neues!", "bypostauthor")
    )
    page = f"""<html lang="de"><head><title>Das Jahr im Rückblick</title></head><body><article class="post">
    <h1 class="entry-title">Das Jahr im Rückblick</h1>{byline}<div class="entry-content"><p>Ein Jahr mit vielen
    Büchern, Lesungen und Begegnungen geht zu Ende, und es ist Zeit für einen Blick zurück auf das, was war.</p>
    </div></article><div id="comments"><ol class="commentlist">{comments}</ol></div></body></html>"""
    article, first, second = read_html(page).threads[0].posts
    assert (first.author, first.role, second.author, second.role) == ("Margit", None, "jancak", "OP")
    assert article.author == writer


def test_contao_comments() -> None:
    # Contao's comments module: the writer and the date in `p.info` (a theme's "<span>NAME</span> schrieb:", the
    # core's "Kommentar von NAME | DATE"), the text in `div.comment`.
    comments = "".join(
        f"""<div class="comment_default{extra}" id="c17{n}"><div class="avatar"><img src="/a.jpg" alt="Avatar"></div>
        <p class="info">{info}</p><div class="comment"><p>{text}</p></div>
        <div class="report_comment"><a href="/melden/{n}.html">Kommentar melden.</a></div></div>"""
        for n, extra, info, text in [
            (1, " first even", '<span> Nicolai11</span> schrieb:<br><time datetime="2014-11-05T14:25:40+01:00" '
             'class="date">05.11.2014 um 14:25 Uhr</time>', "Sehr cooles Thema!"),
            (2, " odd", 'Kommentar von Lea | <time datetime="2014-11-06T09:05:00+01:00" class="date">06.11.2014 '
             "09:05</time>", "Gibt es dazu auch ein Experiment für die Schule?"),
            (3, " last even", "Kommentar von Tom | 07.11.2014 18:30", "Ein Text ohne time-Element."),  # the core's
        ]
    )  # fmt: skip
    page = f"""<html lang="de"><head><title>Wie entsteht Erdöl?</title></head><body><div class="mod_article">
    <h1>Wie entsteht Erdöl?</h1><p>Erdöl entsteht über Jahrmillionen aus abgestorbenen Meereslebewesen, die unter
    Luftabschluss von Schlamm bedeckt und von Druck und Wärme umgewandelt werden.</p></div>
    <div class="ce_comments block"><h3>Was sagst Du dazu?</h3>{comments}</div></body></html>"""
    posts = read_html(page).threads[0].posts[1:]
    assert [(post.author, post.date, post.blocks[0].text) for post in posts] == [
        ("Nicolai11", datetime(2014, 11, 5, 14, 25), "Sehr cooles Thema!"),
        ("Lea", datetime(2014, 11, 6, 9, 5), "Gibt es dazu auch ein Experiment für die Schule?"),
        ("Tom", datetime(2014, 11, 7, 18, 30), "Ein Text ohne time-Element."),
    ]


def test_judge_me_product_reviews() -> None:
    # A Shopify shop's reviews by Judge.me: the writer as the shop shows it (initials), the date in an attribute,
    # the review's title above its text.
    reviews = "".join(
        f"""<div class='jdgm-rev jdgm-divider-top' data-verified-buyer='true' data-review-id='r{n}'>
        <div class='jdgm-rev__header'><div class='jdgm-rev__icon'>{name[0]}</div><span class='jdgm-rev__rating'
        data-score='5'></span><span class='jdgm-rev__timestamp jdgm-spinner' data-content='2020-02-2{n} 15:23:13 UTC'>
        </span><span class='jdgm-rev__author-wrapper' data-fullname='{name}'><span class='jdgm-rev__author'>{name[0]}.
        </span></span></div><div class='jdgm-rev__content'><b class='jdgm-rev__title'>{title}</b>
        <div class='jdgm-rev__body'><p>{text}</p></div></div><div class='jdgm-rev__actions'></div></div>"""
        for n, name, title, text in [
            (1, "Sebastian", "Absolut überzeugend", "Der beste Kaffee bisher."),
            (2, "Dieter", "Nicht überzeugend", "Der Geschmack war kaum zu unterscheiden."),
        ]
    )
    page = f"""<html lang="de"><head><title>Sidamo Bio Bohnen</title></head><body><div class="product">
    <h1>Sidamo Bio Bohnen</h1><p>Ein kräftiger Kaffee aus dem Hochland Äthiopiens, fair gehandelt und biologisch
    angebaut, mit einer Note von Beeren und dunkler Schokolade.</p></div><div class='jdgm-rev-widg'>
    <div class='jdgm-rev-widg__reviews'>{reviews}</div></div></body></html>"""
    posts = read_html(page).threads[0].posts[1:]
    assert [(post.author, post.date, [block.text for block in post.blocks]) for post in posts] == [
        ("S.", datetime(2020, 2, 21, 15, 23), ["Absolut überzeugend", "Der beste Kaffee bisher."]),
        ("D.", datetime(2020, 2, 22, 15, 23), ["Nicht überzeugend", "Der Geschmack war kaum zu unterscheiden."]),
    ]  # fmt: skip


def test_drupal_comments_of_both_tags_are_found_in_page_order() -> None:
    # Found by one search per tag: the two results are put back in the order the page shows them.
    comment = (
        '<{tag} class="comment js-comment" data-comment-user-id="{n}"><span class="username">{name}</span>'
        '<time datetime="2024-03-0{n}T10:00:00Z">{n} March 2024</time><div class="field--name-comment-body">'
        "<p>{text}</p></div></{tag}>"
    )
    posts = [("article", "Ana"), ("div", "Bert"), ("article", "Cleo"), ("div", "Dario")]
    page = (
        '<html lang="en"><body><article class="node"><h1>Night trains return</h1><p>'
        + "The night train to the coast runs again from June, twice a week, with sleeping cars. " * 3
        + '</p></article><section class="comments">'
        + "".join(
            comment.format(tag=tag, n=n, name=name, text=f"{name} will take the night train in June.")
            for n, (tag, name) in enumerate(posts, start=1)
        )
        + "</section></body></html>"
    )
    thread = read_html(page, "page.html").threads[0]
    assert [post.author for post in thread.posts[1:]] == ["Ana", "Bert", "Cleo", "Dario"]
    assert thread.posts[3].date == datetime(2024, 3, 3, 10, 0)


def _se_signature(verb: str, when: str, name: str, owner: bool = False, rich: bool = True) -> str:
    link = f'<a href="/users/7/{name}">{name}</a>'
    author = f' itemprop="author">{link}<span class="d-none" itemprop="name">{name}</span>'
    return f"""<div class="post-signature{" owner" if owner else ""} flex--item"><div class="user-info">
    <div class="user-action-time">{verb} <span title="{when}Z" class="relativetime">yesterday</span></div>
    <div class="user-details"{author if rich else f">{link}"}
    <div class="-flair"><span class="reputation-score">3,926</span><span class="v-visible-sr">9 gold badges</span>
    </div></div></div></div>"""


def _se_comment(number: int, name: str, text: str, score: int, owner: bool = False, tag: str = "li") -> str:
    cell = "td" if tag == "tr" else "div"
    return f"""<{tag} id="comment-{number}" class="comment js-comment" data-comment-score="{score}">
    <{cell} class="comment-score"><span class="cool">{score or ""}</span></{cell}>
    <{cell} class="comment-text"><div class="comment-body"><span class="comment-copy">{text}</span>
    &ndash;&nbsp;<a href="/users/9/{name}" class="comment-user{" owner" if owner else ""}">{name}</a>
    <span class="comment-date"><span title="2021-03-0{number % 9 + 1} 10:5{number % 10}:00Z, License: CC BY-SA 4.0"
    class="relativetime-clean">Mar {number % 9 + 1}, 2021</span></span></div></{cell}></{tag}>"""


def stack_exchange_page(tag: str = "li", rich: bool = True) -> str:
    wrap = ("<table><tbody>", "</tbody></table>") if tag == "tr" else ("<ul class='comments-list'>", "</ul>")
    question_comments = _se_comment(11, "kettle", "Which valve, the one on the boiler or the one under the sink?", 2)
    answer_comments = _se_comment(12, "asker99", "That was it, thank you!", 1, owner=True, tag=tag) + _se_comment(
        13, "plumbline", "Mind the washer when you put it back.", 0, tag=tag
    )
    return f"""<html lang="en"><head><title>How do I stop a dripping tap? - Home Improvement Stack Exchange</title>
    </head><body><div id="question-header"><h1 itemprop="name"><a href="/questions/5/how" class="question-hyperlink">
    How do I stop a dripping tap?</a></h1><a href="/questions/ask" class="s-btn">Ask Question</a></div>
    <div id="mainbar"><div class="question" data-questionid="5" data-score="14" id="question"><div class="post-layout">
    <div class="votecell"><div class="js-vote-count" data-value="14">14</div></div><div class="postcell">
    <div class="s-prose js-post-body" itemprop="text"><p>The kitchen tap drips all night. I closed it as hard as
    I could and it still drips.</p><p>What should I replace?</p></div>
    <div class="post-taglist"><a href="/questions/tagged/plumbing" class="post-tag">plumbing</a></div>
    <div class="d-flex"><div class="post-menu"><a href="/q/5" class="js-share-link">Share</a>
    <button class="js-follow-post">Follow</button></div>
    {_se_signature("edited", "2021-03-01 09:00:00", "editor1", rich=rich)}
    {_se_signature("asked", "2021-02-28 21:15:30", "asker99", owner=True, rich=rich)}</div></div></div>
    <div class="comments">{wrap[0]}{question_comments.replace("<li", f"<{tag}").replace("</li>", f"</{tag}>")}
    {wrap[1]}</div></div>
    <div id="answers"><div class="answers-subheader"><h2>2 Answers</h2></div>
    <div id="answer-6" class="answer js-answer accepted-answer" data-answerid="6" data-parentid="5" data-score="9"
    itemprop="acceptedAnswer" itemscope itemtype="https://schema.org/Answer"><div class="post-layout">
    <div class="votecell"><div class="js-vote-count" data-value="9">9</div></div><div class="answercell">
    <div class="s-prose js-post-body" itemprop="text"><p>Replace the washer in the valve: close the water, unscrew
    the handle and swap it.</p></div><div class="post-menu"><a class="js-share-link">Share</a></div>
    {_se_signature("answered", "2021-03-01 08:02:00", "plumbline", rich=rich)}</div></div>
    <div class="comments">{wrap[0]}{answer_comments}{wrap[1]}</div></div>
    <div id="answer-7" class="answer js-answer" data-answerid="7" data-parentid="5" data-score="-2"
    itemprop="suggestedAnswer" itemscope itemtype="https://schema.org/Answer"><div class="post-layout">
    <div class="votecell"><div class="js-vote-count" data-value="-2">-2</div></div><div class="answercell">
    <div class="s-prose js-post-body" itemprop="text"><p>Buy a new tap.</p></div>
    {_se_signature("answered", "2021-03-02 12:00:00", "quickfix", rich=rich)}</div></div></div></div>
    <div id="sidebar"><h4>Hot Network Questions</h4><ul><li><a href="/q/9">Why is the sky blue?</a></li></ul></div>
    </div></body></html>"""


@pytest.mark.parametrize(("tag", "rich"), [("li", True), ("tr", False)])
def test_stack_exchange_question_answers_and_their_comments(tag: str, rich: bool) -> None:
    # The question is the article (its asker, not its editor, and its votes); each answer is a comment with its own
    # votes, the comments under the question top-level, those under an answer replies to it; the asker's own
    # comment is marked. Before 2019 the comments sat in a table and the signature had no microdata.
    thread = read_html(stack_exchange_page(tag, rich)).threads[0]
    article, *comments = thread.posts
    assert thread.title == "How do I stop a dripping tap?"
    assert (article.author, article.date, article.votes) == ("asker99", datetime(2021, 2, 28, 21, 15), Votes(14, 0))
    assert [block.text for block in article.blocks][1:] == [
        "The kitchen tap drips all night. I closed it as hard as I could and it still drips.",
        "What should I replace?",
    ]
    assert [(c.id, c.parent, c.author, c.role, c.votes) for c in comments] == [
        ("c1", None, "kettle", None, Votes(2, 0)),
        ("c2", None, "plumbline", None, Votes(9, 0)),
        ("c3", "c2", "asker99", "OP", Votes(1, 0)),
        ("c4", "c2", "plumbline", None, Votes(0, 0)),
        ("c5", None, "quickfix", None, Votes(0, 2)),
    ]
    assert [c.date for c in comments[:3]] == [
        datetime(2021, 3, 3, 10, 51),
        datetime(2021, 3, 1, 8, 2),
        datetime(2021, 3, 4, 10, 52),
    ]
    assert [[block.text for block in c.blocks] for c in comments[1:3]] == [
        ["Replace the washer in the valve: close the water, unscrew the handle and swap it."],
        ["That was it, thank you!"],
    ]


def _flarum_item(number: int, name: str, time: str, body: str) -> str:
    return f"""<div class="PostStream-item" data-index="{number - 1}" data-time="{time}.000Z" data-number="{number}"
    data-id="{80 + number}" data-type="comment"><article class="Post CommentPost"><div><header class="Post-header">
    <ul><li class="item-user"><div class="PostUser"><h3 class="PostUser-name"><a href="/u/{name}">
    <span class="Avatar Post-avatar">{name[0].upper()}</span><span class="username">{name}</span></a></h3>
    <ul class="PostUser-badges badges"></ul></div></li><li class="item-meta"><div class="Dropdown PostMeta">
    <button class="Button Button--text Dropdown-toggle" data-toggle="dropdown"><time pubdate datetime="{time}+00:00"
    title="a day" data-humantime>Mar 3</time></button><div class="Dropdown-menu dropdown-menu">
    <span class="PostMeta-number">#{number}</span></div></div></li></ul></header>
    <div class="Post-body">{body}</div><aside class="Post-actions"><ul><li class="item-like"><button
    class="Button Button--link">Like</button></li><li class="item-reply"><button class="Button Button--link">Reply
    </button></li></ul></aside></div></article></div>"""


def test_flarum_discussion_saved_after_its_app_drew_it() -> None:
    # The posts the app drew, with their times; the server's copy for readers without scripts (still in the page,
    # inside noscript) is not read a second time. A quote starts with a link to the quoted post naming its writer.
    posts = [
        (1, "ferrule", "2021-03-03T09:00:00", "<p>Which nib suits a left-handed writer best?</p>"),
        (2, "inkblot", "2021-03-03T10:30:00", "<p>A fine italic nib smudges less.</p>"),
        (
            3,
            "quillsy",
            "2021-03-04T08:15:00",
            '<blockquote><p><a href="/d/4/1" class="PostMention" data-id="81">ferrule</a> Which nib suits a'
            " left-handed writer best?</p></blockquote><p>Try an oblique one before you buy.</p>",
        ),
    ]
    copy = "".join(
        f'<article><div class="PostUser"><h3 class="PostUser-name">{name}</h3></div><div class="Post-body">{body}'
        "</div></article><hr>"
        for _, name, _, body in posts
    )
    page = f"""<html><head><title>Nibs for left-handers - Ink Corner</title></head><body><div id="app" class="App">
    <main class="App-content"><div id="content"><div class="DiscussionPage"><header class="Hero DiscussionHero">
    <h1 class="DiscussionHero-title">Nibs for left-handers</h1></header><div class="PostStream" role="feed">
    {"".join(_flarum_item(*post) for post in posts)}</div></div></div>
    <noscript id="flarum-content"><div class="container"><h1>Nibs for left-handers</h1><div>{copy}</div></div>
    </noscript></main></div></body></html>"""
    thread = read_html(page).threads[0]
    article, *comments = thread.posts
    assert (thread.title, article.author, article.date) == ("Nibs for left-handers", "ferrule", datetime(2021, 3, 3, 9))
    assert [(c.author, c.date) for c in comments] == [
        ("inkblot", datetime(2021, 3, 3, 10, 30)),
        ("quillsy", datetime(2021, 3, 4, 8, 15)),
    ]
    assert [(b.kind, b.text, b.quoted_author) for b in comments[1].blocks] == [
        ("quote", "Which nib suits a left-handed writer best?", "ferrule"),
        ("paragraph", "Try an oblique one before you buy.", None),
    ]


def _cited_comment(number: int, name: str, text: str, replies: str = "", reply_link: bool = True) -> str:
    link = (
        f'<div class="reply"> / <a class="comment-reply-link" href="?replytocom={number}#respond"'
        f' aria-label="Responder a {name}">Responder</a></div>'
        if reply_link
        else ""
    )
    children = f'<ul class="children">{replies}</ul>' if replies else ""
    return f"""<li class="comment depth-1" id="comment-{number}"><div class="generic"><div class="commenttext">
    <cite><strong>{name}</strong> dijo:</cite><p>{text}</p><div class="commentmetadata"> 26 abril 2022 a las
    1{number % 10}:02 </div>{link}</div></div>{children}</li>"""


def test_a_writer_named_in_a_cite_atop_the_text_box_with_or_without_a_reply_link() -> None:
    # An old WordPress theme puts "<cite><strong>NAME</strong> dijo:</cite>" inside the comment's text box and no
    # class on it: the writer, not a line of the text. A reply too deep to be answered has no reply link, whose label
    # ("Responder a NAME") named the others; a name of several words is all of what follows the label's words.
    deep = _cited_comment(3, "Ramón", "Ojalá me permitieran responder.", reply_link=False)
    thread = _cited_comment(2, "Ing Javier Sánchez González", "Lo que llamas programa no es un documento.", deep)
    comments = _cited_comment(1, "Ramón", "Estoy convencido de que muchos quieren conocer el programa.", thread)
    page = f"""<html lang="es"><head><title>Sesiona el pleno | Noticias</title></head><body><article><h1>Sesiona el
    pleno</h1><div class="entry"><p>El pleno sesionó este martes y aprobó nuevos miembros de su comité.</p></div>
    </article><ul class="commentlist">{comments}</ul></body></html>"""
    posts = read_html(page).threads[0].posts
    assert [(post.author, post.parent, [block.text for block in post.blocks]) for post in posts[1:]] == [
        ("Ramón", None, ["Estoy convencido de que muchos quieren conocer el programa."]),
        ("Ing Javier Sánchez González", "c1", ["Lo que llamas programa no es un documento."]),
        ("Ramón", "c2", ["Ojalá me permitieran responder."]),
    ]


def _bbpress_post(number: int, name: str, role: str, when: str, text: str, kind: str = "reply") -> str:
    return f"""<div id="post-{number}" class="bbp-reply-header"><div class="bbp-meta">
    <span class="bbp-reply-post-date">{when}</span><a href="/forums/topic/t/#post-{number}" class="bbp-reply-permalink">
    #{number}</a><span class="bbp-admin-links"></span></div></div>
    <div class="loop-item-{number} user-id-{number} bbp-reply-position-{number} post-{number} {kind} type-{kind}
    status-publish hentry"><div class="bbp-reply-author"><a href="/forums/users/{name}/" title="View {name}'s profile"
    class="bbp-author-link"><span class="bbp-author-avatar"><img alt="" src="a.png"></span><span
    class="bbp-author-name">{name}</span></a><br><div class="bbp-author-role">{role}</div></div>
    <div class="bbp-reply-content"><p>{text}</p></div></div>"""


def test_bbpress_topic_with_its_dates_in_the_box_before_each_post() -> None:
    # bbPress's replies loop: each post's date and permalink in a header box before it, the topic's opening post
    # first; with threaded replies, a reply in a list after the post it answers.
    nested = _bbpress_post(14, "tidewatcher", "Keymaster", "March 4, 2021 at 9:05 am", "Yes, from next month on.")
    posts = (
        _bbpress_post(11, "harbourview", "Participant", "March 3, 2021 at 10:00 am", "Night ferries soon?", "topic")
        + _bbpress_post(12, "gullwing", "Participant", "March 3, 2021 at 11:30 am", "I would like that too.")
        + f'<ul class="bbp-threaded-replies"><li>{nested}</li></ul>'
    )
    page = f"""<html><head><title>Night ferry &#8211; Harbour Forum</title></head><body><div id="bbpress-forums">
    <h1 class="entry-title">Night ferry</h1><ul id="topic-11-replies" class="forums bbp-replies">
    <li class="bbp-header"><div class="bbp-reply-author">Author</div><div class="bbp-reply-content">Posts</div></li>
    <li class="bbp-body">{posts}</li><li class="bbp-footer"></li></ul></div></body></html>"""
    thread = read_html(page).threads[0]
    article, *comments = thread.posts
    assert (thread.title, article.author, article.date) == ("Night ferry", "harbourview", datetime(2021, 3, 3, 10, 0))
    assert [b.text for b in article.blocks][1:] == ["Night ferries soon?"]
    assert [(c.author, c.role, c.date, c.parent, [b.text for b in c.blocks]) for c in comments] == [
        ("gullwing", "Participant", datetime(2021, 3, 3, 11, 30), None, ["I would like that too."]),
        ("tidewatcher", "Keymaster", datetime(2021, 3, 4, 9, 5), "c1", ["Yes, from next month on."]),
    ]


def _waline_card(number: int, nick: str, when: str, text: str, likes: int, children: str = "") -> str:
    quote = f'<div class="wl-quote">{children}</div>' if children else ""
    return f"""<div id="{number}" class="wl-card-item"><div class="wl-user" aria-hidden="true">
    <img class="wl-user-avatar" src="a.png" alt=""></div><div class="wl-card"><div class="wl-head">
    <a class="wl-nick" href="https://example.org/{nick}" target="_blank" rel="nofollow noreferrer">{nick}</a>
    <span class="wl-time">{when}</span><div class="wl-comment-actions"><button type="button" class="wl-like"
    title="Like">{likes}</button><button type="button" class="wl-reply" title="Reply">Reply</button></div></div>
    <div class="wl-meta" aria-hidden="true"><span class="wl-os">Linux</span></div>
    <div class="wl-content"><p>{text}</p></div>{quote}</div></div>"""


def _twikoo_comment(key: str, nick: str, stamp: str, text: str, master: bool = False, replies: str = "") -> str:
    return f"""<div class="tk-comment{" tk-master" if master else ""}" id="{key}"><div class="tk-avatar">
    <img class="tk-avatar-img" src="a.png"></div><div class="tk-main"><div class="tk-row"><div class="tk-meta">
    <strong class="tk-nick">{nick}</strong>{'<span class="tk-tag tk-tag-green">博主</span>' if master else ""}
    <small class="tk-time"><time datetime="{stamp}" title="{stamp}">{stamp[:10]}</time></small></div>
    <div class="tk-action"><a class="tk-action-link" href="#">回复</a></div></div>
    <div class="tk-content"><p>{text}</p></div><div class="tk-extras"><div class="tk-extra">
    <span class="tk-extra-text">&nbsp;Linux</span></div></div><div class="tk-replies">{replies}</div></div></div>"""


def test_waline_and_twikoo_comments_drawn_into_a_saved_blog_page() -> None:
    # Two comment widgets of static blogs, saved after they drew their comments: Waline nests a reply's card in
    # the card it answers; Twikoo puts a thread's replies in its first comment and marks the blog owner's.
    waline = _waline_card(
        1, "海风", "2021-03-01", "潮汐表很有用。", 3, _waline_card(2, "tidewatcher", "2021-03-02", "谢谢！", 1)
    )
    twikoo = _twikoo_comment(
        "a1",
        "gullwing",
        "2021-03-03T08:00:00.000Z",
        "Does it work offline?",
        replies=_twikoo_comment("a2", "tidewatcher", "2021-03-03T09:30:00.000Z", "Yes, fully.", master=True),
    )
    article = """<article><h1>Tide tables</h1><div class="post-body"><p>A small tool that prints the tides of the
    coming week for any harbour, offline, from the tables published each year.</p></div></article>"""
    for widget, expected in [
        (
            f'<div id="waline"><div class="wl-cards">{waline}</div></div>',
            [
                ("海风", None, None, Votes(3, 0), ["潮汐表很有用。"]),
                ("tidewatcher", "c1", None, Votes(1, 0), ["谢谢！"]),
            ],
        ),
        (
            f'<div id="twikoo"><div class="tk-comments-container">{twikoo}</div></div>',
            [
                ("gullwing", None, None, None, ["Does it work offline?"]),
                ("tidewatcher", "c1", "OP", None, ["Yes, fully."]),
            ],
        ),
    ]:
        page = f"<html><head><title>Tide tables</title></head><body>{article}{widget}</body></html>"
        comments = read_html(page).threads[0].posts[1:]
        assert [(c.author, c.parent, c.role, c.votes, [b.text for b in c.blocks]) for c in comments] == expected
        assert all(c.date is not None and c.date.year == 2021 for c in comments)


@pytest.mark.parametrize(
    ("widget", "system"),
    [
        ('<div id="waline"></div><script src="https://unpkg.com/@waline/client@v2/dist/waline.js"></script>', "Waline"),
        ('<div id="tcomment"></div><script>twikoo.init({ envId: "x", el: "#tcomment" })</script>', "Twikoo"),
        ('<div id="vcomments"></div><script>new Valine({ el: "#vcomments" })</script>', "Valine"),
    ],
)
def test_a_blog_widget_saved_before_it_drew_its_comments_is_named(widget: str, system: str) -> None:
    page = f"""<html><head><title>Tide tables</title></head><body><article><h1>Tide tables</h1><p>A small tool that
    prints the tides of the coming week for any harbour, offline, from the published tables.</p></article>
    {widget}</body></html>"""
    assert any(f"by script ({system})" in warning for warning in read_html(page).warnings)


def test_a_blog_whose_text_box_shares_a_class_with_stack_exchange_is_read_as_wordpress() -> None:
    # A theme naming its text box `post-text` (as Stack Exchange's older markup does) holds WordPress's comments,
    # not Stack Exchange's posts: the first comment stays a comment, not the article.
    comments = _wordpress_comment(1, "Margit", "Ein schönes Jahr war das.") + _wordpress_comment(
        2, "Jonas", "Danke für den Rückblick!"
    )
    page = f"""<html lang="de"><head><title>Das Jahr im Rückblick</title></head><body><article class="post">
    <h1 class="entry-title">Das Jahr im Rückblick</h1><div class="post-text"><p>Ein Jahr mit vielen Büchern, Lesungen
    und Begegnungen geht zu Ende, und es ist Zeit für einen Blick zurück auf das, was war.</p></div></article>
    <div id="comments"><ol class="commentlist">{comments}</ol></div></body></html>"""
    article, *rest = read_html(page).threads[0].posts
    assert [post.author for post in rest] == ["Margit", "Jonas"]
    assert "Ein Jahr mit vielen Büchern" in article.blocks[1].text


def test_flarum_copy_without_its_app_dated_from_its_payload_only_where_the_writers_agree() -> None:
    # The server's copy in noscript prints no times; the page's JSON payload holds each post's, in the same order.
    # A post whose writer there is not the one the copy names gets none (the data is of other posts).
    page = (Path(__file__).resolve().parents[1] / "data" / "html" / "flarum.html").read_text(encoding="utf-8")
    dated = [post.date for post in read_html(page).threads[0].posts]
    assert dated == [datetime(2020, 1, 2, 10, 15), datetime(2020, 1, 2, 11, 40), datetime(2020, 1, 3, 14, 5),
                     datetime(2020, 1, 4, 20, 30)]  # fmt: skip
    other = page.replace('"displayName":"linear_lin"', '"displayName":"someone_else"')
    assert [post.date for post in read_html(other).threads[0].posts][2] is None


def test_typepads_loose_comments_are_gathered_once_however_often_the_page_is_searched() -> None:
    """The first-template rule gathers a comment's loose paragraphs into one element; searching the same page again
    (the article read a second time) finds those elements, not wrappers around them."""
    from translator.readers.html import parse_page
    from translator.readers.html_engines import _classic_comments

    page = Path(__file__).resolve().parents[1] / "data" / "html" / "typepad-classic.html"
    tree = parse_page(page.read_text(encoding="utf-8"), page.name)
    first, again = _classic_comments(tree), _classic_comments(tree)
    assert len(first) == 4  # three comments and a trackback
    assert all(one is other for one, other in zip(first, again, strict=True))
