"""The generic comment detector (html_generic, html_fields) on page shapes no engine rule knows, written by us
in the shapes real pages showed: themes naming things in their own language, layout classes on the page's
body, menus inside a comment, cards of other stories indented by a template."""

from __future__ import annotations

from datetime import datetime

import pytest

from translator.models import Thread
from translator.readers.html import read_html

ARTICLE = """<h1>Das Freibad öffnet früher</h1><p>Das Freibad am Stadtrand öffnet in diesem Jahr schon Anfang Mai,
zwei Wochen früher als sonst, weil die neue Heizung das Wasser schneller erwärmt.</p>"""


def thread_of(body: str, body_class: str = "", lang: str = "de") -> Thread:
    page = f"""<html lang="{lang}"><head><title>Das Freibad öffnet früher</title></head>
    <body class="{body_class}"><main><article>{ARTICLE}</article>{body}</main></body></html>"""
    return read_html(page, "page.html").threads[0]


def comments_of(thread: Thread) -> list[tuple[str | None, datetime | None, str]]:
    return [(post.author, post.date, post.blocks[0].text if post.blocks else "") for post in thread.posts[1:]]


# German class names (a regional CMS): the writer in `div.benutzer`, the date in `div.datum`.
BENUTZER = """<div class="kommentare"><div class="kommentar-item"><div class="kommentar-info">
<div class="benutzer">Badegast77</div><div class="datum">02.05.2021, 18.40 Uhr</div></div>
<h5>Endlich</h5><div class="kommentar-text">Dann packe ich schon mal die Badehose ein.</div></div></div>"""
# Letters to the editor: the writer in `span.autor`, the date after it in the same line.
AUTOR = "".join(
    f"""<div class="leserbrief"><div class="leserbrief_inner"><div class="leserbrief_meta">
    <span class="autor">{name}</span> / 0{day}.05.2021</div><p>{text}</p></div></div>"""
    for name, day, text in [
        ("Grete Paulsen", 3, "Ich hoffe, die Preise bleiben dieses Jahr wie sie sind."),
        ("Ole Brandt", 4, "Die neue Heizung hätte man schon vor Jahren einbauen sollen."),
        ("Wiebke Janssen", 5, "Wir freuen uns auf den ersten Sprung ins kalte Wasser."),
    ]
)


@pytest.mark.parametrize(
    ("body", "comments"),
    [
        (
            BENUTZER,
            [("Badegast77", datetime(2021, 5, 2, 18, 40), "Endlich")],  # its subject line first
        ),
        (
            f'<div id="comment_entries">{AUTOR}</div>',
            [
                ("Grete Paulsen", datetime(2021, 5, 3), "Ich hoffe, die Preise bleiben dieses Jahr wie sie sind."),
                ("Ole Brandt", datetime(2021, 5, 4), "Die neue Heizung hätte man schon vor Jahren einbauen sollen."),
                ("Wiebke Janssen", datetime(2021, 5, 5), "Wir freuen uns auf den ersten Sprung ins kalte Wasser."),
            ],
        ),
    ],
)
def test_writer_and_date_classes_named_in_the_sites_language(
    body: str, comments: list[tuple[str, datetime, str]]
) -> None:
    assert comments_of(thread_of(body)) == comments


def test_a_comments_subject_line_before_its_text_is_read_as_its_heading() -> None:
    comment = thread_of(BENUTZER).posts[1]
    assert [(block.kind, block.text) for block in comment.blocks] == [
        ("heading", "Endlich"),
        ("paragraph", "Dann packe ich schon mal die Badehose ein."),
    ]


# Letters in English, dated with dots: the day first, as every locale that writes dots does (they were read
# month first, as an English locale reads "03.12.2026": March 12th).
LETTERS = "".join(
    f"""<div class="leserbrief"><div class="leserbrief_inner"><div class="leserbrief_meta">
    <span class="autor">{name}</span> / {date}</div><p>{text}</p></div></div>"""
    for name, date, text in [
        ("Grace Palmer", "{first}", "I hope the prices stay as they are this year."),
        ("Owen Bright", "{second}", "The new heating should have gone in years ago."),
        ("Wendy Jones", "{third}", "We look forward to the first jump into the cold water."),
    ]
)


@pytest.mark.parametrize(
    ("dates", "days"),
    [
        # ambiguous only: the day first
        (("03.12.2026", "04.12.2026", "05.12.2026"), [(2026, 12, 3), (2026, 12, 4), (2026, 12, 5)]),
        # one date only a day-first reading makes (13 is no month): the others too
        (("03.12.2026", "04.12.2026", "13.12.2026"), [(2026, 12, 3), (2026, 12, 4), (2026, 12, 13)]),
        # one only a month-first reading makes (13 is no month): the page writes them so, the others too
        (("12.03.2026", "12.04.2026", "12.13.2026"), [(2026, 12, 3), (2026, 12, 4), (2026, 12, 13)]),
        # a two-digit year, and a time after the date
        (("3.12.26", "4.12.26 14:05", "5.12.26"), [(2026, 12, 3), (2026, 12, 4, 14, 5), (2026, 12, 5)]),
    ],
)
def test_dotted_dates_on_an_english_page_are_day_first(
    dates: tuple[str, str, str], days: list[tuple[int, int, int] | tuple[int, int, int, int, int]]
) -> None:
    first, second, third = dates
    body = f'<div id="comment_entries">{LETTERS.format(first=first, second=second, third=third)}</div>'
    assert [date for _, date, _ in comments_of(thread_of(body, lang="en"))] == [datetime(*day) for day in days]


# BEM comment cards; the writer's link goes to /user/NAME/.
CARDS = "".join(
    f"""<div class="b-comment" id="b-comment-{n}"><div class="b-comment__body"><div class="b-comment__content">
    {text}</div><div class="b-comment__footer"><a class="b-comment__user-login" href="https://example.ru/user/{name}/">
    {name}</a> <a class="b-comment__time" href="#{n}">0{n}.05.2021 в 1{n}:05</a></div></div></div>"""
    for n, name, text in [
        (1, "plovec", "Наконец-то, в прошлом году ждали до июня."),
        (2, "solnce_42", "А цены на абонемент уже известны?"),
    ]
)


@pytest.mark.parametrize("body_class", ["", "layout has-sidebar", "x-hidden-sidebar-ad"])
def test_the_pages_layout_classes_do_not_make_its_comments_furniture(body_class: str) -> None:
    # The body's classes say how the page is laid out: they named every element in it a sidebar.
    thread = thread_of(f'<div id="b-comment-root">{CARDS}</div>', body_class, "ru")
    assert comments_of(thread) == [
        ("plovec", datetime(2021, 5, 1, 11, 5), "Наконец-то, в прошлом году ждали до июня."),
        ("solnce_42", datetime(2021, 5, 2, 12, 5), "А цены на абонемент уже известны?"),
    ]


INDENT = "\n" + " " * 60
TEASERS = "".join(
    f"""<div class="columns"><article class="entry box-white">{INDENT}{INDENT}<div>{INDENT}
    <h3><a href="/story-{n}/" class="black">{title}</a></h3>{INDENT}<p class="entry-meta">{INDENT}
    {n} maja 2021{INDENT}</p>{INDENT}</div>{INDENT}{INDENT}<div class="entry-autor">{INDENT}<h5>
    <a href="/author/{author.split()[0].lower()}/">{author}</a></h5>{INDENT}<a href="/category/kraj/">Kraj</a>
    {INDENT}</div>{INDENT}</article></div>"""
    for n, title, author in [
        (3, "Nowy basen otwarty w sobotę po dwóch latach przebudowy", "Anna Nowak"),
        (4, "Ile kosztuje bilet na basen w tym sezonie w naszym mieście", "Piotr Zieliński"),
        (5, "Ratownicy poszukiwani na lato, zgłoszenia do końca kwietnia", "Ewa Wójcik"),
    ]
)


def test_cards_of_other_stories_are_no_comments_however_their_template_is_indented() -> None:
    # Mostly links (title, writer, section): the template's indentation counted as their own text.
    assert comments_of(thread_of(f'<div class="row">{TEASERS}</div>', lang="pl")) == []


# Story cards in a two-column list: a picture, a title linking to the story, its writer and time, a summary
# longer than the title, so that most of each card is no link.
CARDS_WITH_SUMMARIES = "".join(
    f"""<li class="TwoColumnList-item"><div class="HeroCard"><div class="HeroCard-media"><a href="/news/{slug}">
    <img alt="" src="/img/{slug}.jpg"></a></div><div class="HeroCard-info"><h5 class="HeroCard-title">
    <a href="/news/{slug}">{title}</a></h5><div class="HeroCard-authorDate"><div class="HeroCard-authorName">
    <a href="/author/{slug}">{author}</a></div><div class="HeroCard-dateTime"><time datetime="2021-05-0{n}T08:00">
    Monday May {n}, 2021</time></div></div><div class="HeroCard-description">{summary}</div></div></div></li>"""
    for n, slug, title, author, summary in [
        (3, "pool", "Pool opens early", "Ann Reed", "The pool at the edge of town opens in early May this year."),
        (4, "tram", "New tram line", "Ben Ortiz", "The tram will run every ten minutes from the station to the port."),
        (5, "fair", "Spring fair", "Cy Tan", "Two hundred stalls are expected on the market square next weekend."),
    ]
)
# The same shape as comments: each one's subject links to the comment itself.
SUBJECTS = CARDS_WITH_SUMMARIES.replace('<a href="/news/', '<a href="#c-').replace("TwoColumnList-item", "reply")


def test_story_cards_with_summaries_are_no_comments() -> None:
    # washingtonexaminer.com's 'HeroTextBelow' cards under an article were read as 16 comments by their writers.
    assert comments_of(thread_of(f'<ul class="TwoColumnList">{CARDS_WITH_SUMMARIES}</ul>', lang="en")) == []
    assert [author for author, _, _ in comments_of(thread_of(f"<ul>{SUBJECTS}</ul>", lang="en"))] == [
        "Ann Reed",
        "Ben Ortiz",
        "Cy Tan",
    ]


# A comment whose header holds a menu ("Report", "Edit") before its text, both boxes named `...__content`.
MENU = "".join(
    f"""<div class="comments__item" data-id="{n}"><a class="comments__item__user" href="/users/{n}">
    <p class="comments__item__user__name"><span>{name}</span></p></a>
    <a class="comments__item__date" href="#comment-{n}"><time title="0{n}.05.2021 09:1{n}:00">сегодня</time></a>
    <div class="ui_etc comments__item__admin"><div class="ui_etc__content"><div class="ui_sub_menu">
    <div class="ui_sub_menu__item ui_sub_menu__item--complain">Пожаловаться</div></div></div></div>
    <div class="comments__item__content"><div class="comments__item__text"><p>{text}</p></div></div></div>"""
    for n, name, text in [
        (1, "Мария", "Хорошая новость для всего района."),
        (2, "Олег", "Главное, чтобы не закрыли в июле."),
    ]
)


def test_a_menu_in_a_comment_is_not_its_text() -> None:
    thread = thread_of(f'<div class="comments">{MENU}</div>', lang="ru")
    assert comments_of(thread) == [
        ("Мария", datetime(2021, 5, 1, 9, 11), "Хорошая новость для всего района."),
        ("Олег", datetime(2021, 5, 2, 9, 12), "Главное, чтобы не закрыли в июле."),
    ]


# schema.org UserComments without an author property: the name is a link to the writer's /~NAME page, and a
# bold word in the activity table under the comment is no name.
TILDE = "".join(
    f"""<div itemscope itemtype="http://schema.org/UserComments" class="boardComment"><div class="boardCommentDetails">
    <a href="https://bugs.example.net/~{login}" class="sprite person">{name} ({login})</a> wrote
    <time itemprop="commentTime" datetime="2021-05-0{n}T10:00:00+00:00">on 2021-05-0{n}</time>:</div>
    <div class="boardCommentBody"><div class="comment-text" itemprop="commentText"><p>{text}</p></div></div>
    <div class="boardCommentActivity"><table><tr><td><b>status</b>:</td><td>New → Confirmed</td></tr></table></div>
    </div>"""
    for n, name, login, text in [
        (1, "Jo Smith", "jsmith", "The pool heater fails every morning."),
        (2, "Bot Janitor", "janitor", "Status changed because several users are affected."),
    ]
)


def test_a_link_to_a_writers_tilde_page_names_them() -> None:
    assert [post.author for post in thread_of(TILDE, lang="en").posts[1:]] == [
        "Jo Smith (jsmith)",
        "Bot Janitor (janitor)",
    ]


FORUM_POST = """<div class="MtnComment"><div class="MtnCommentProfile"><span class="MtnCommentAccountName">
<a href="/forum/user/{name}">{name}</a></span></div><div class="MtnCommentContent"><div class="MtnCommentTime">
{day} Mar 2021, 10:{day}</div><div class="MtnCommentText">{text}</div></div></div>"""
FORUM_POSTS = "".join(
    FORUM_POST.format(name=name, day=day, text=text)
    for name, day, text in [
        ("kapitaen", 11, "Which pass is cheaper for two crossings a day, the monthly or the ten-trip card? I go to"
         " work by boat from April on and the office only pays half of it."),
        ("lotse", 12, "The monthly one, as soon as you cross more than sixteen times."),
        ("matrose", 13, "Ask at the kiosk, they have a family card too."),
    ]
)  # fmt: skip


STORY = """<p>The harbour office sells two passes for the crossing: a monthly one at a fixed price and a card
of ten trips, which stays valid for a year. Both are sold at the kiosk by the pier and on the boat.</p>"""
FORUM_TITLE = "Which ferry pass is cheaper? | Boats | Forum | Harbour Talk"
BREADCRUMB = '<div class="breadcrumb"><a href="/forum">Forum</a> &gt; <a href="/forum/boats">Boats</a></div>'


@pytest.mark.parametrize(
    ("title", "above", "kinds"),
    [
        # A forum thread no engine rule knows: its posts are found as comments and the page has no article of
        # its own (a breadcrumb): the first post opens the thread and is the article.
        (FORUM_TITLE, BREADCRUMB, ["article", "comment", "comment"]),
        # Only its breadcrumb says it is a forum.
        ("Which ferry pass is cheaper? | Harbour Talk", BREADCRUMB, ["article", "comment", "comment"]),
        # The same posts under a story of its own: all three are comments.
        (FORUM_TITLE, BREADCRUMB + ARTICLE + STORY, ["article", "comment", "comment", "comment"]),
        # A page that says nowhere that it is a forum keeps them as comments.
        ("Which ferry pass is cheaper? | Harbour Talk", "", ["article", "comment", "comment", "comment"]),
    ],
)
def test_a_forum_threads_opening_post_is_its_article(title: str, above: str, kinds: list[str]) -> None:
    page = f"""<html lang="en"><head><title>{title}</title></head><body><main>{above}
    <h2>Which ferry pass is cheaper?</h2><div id="comments">{FORUM_POSTS}</div></main></body></html>"""
    thread = read_html(page, "page.html").threads[0]
    assert [post.kind for post in thread.posts] == kinds
    if len(kinds) == 3:
        opening = thread.posts[0]
        assert (opening.author, opening.date) == ("kapitaen", datetime(2021, 3, 11, 10, 11))
        assert [block.kind for block in opening.blocks] == ["title", "paragraph"]
        assert opening.blocks[1].text.startswith("Which pass is cheaper for two crossings a day")
        assert thread.title == "Which ferry pass is cheaper?"


SEARCH_RESULT = """<section class="searchItem"><div class="itemInfo"><h3><a href="/story/{n}">{title}</a></h3>
<p class="meta"><span class="assetAuthor">by <a href="/profiles/{login}/">{name}</a></span>
<time datetime="2021-05-0{n}T08:00:00">May {n}, 2021</time></p><p class="dek">{text}</p></div></section>"""


def test_search_results_are_no_comments() -> None:
    # A site's search page: each result shows a writer, a date and a summary, like a comment would.
    results = "".join(
        SEARCH_RESULT.format(n=n, title=title, login=name.split()[0].lower(), name=name, text=text)
        for n, title, name, text in [
            (1, "Pools open early", "Mia Berg", "The town's outdoor pools open two weeks early this year, for once."),
            (2, "New heating plant", "Tom Holt", "A new heating plant warms the water faster than the old one did."),
            (3, "Prices stay the same", "Ana Ruiz", "Tickets cost what they cost last year, children still go free."),
        ]
    )
    page = f"""<html lang="en"><head><title>Search results for pool</title></head><body><main>
    <h1>Search results for pool</h1><div id="searchResults"><div class="resultList">{results}</div></div>
    </main></body></html>"""
    assert [post.kind for post in read_html(page, "page.html").threads[0].posts] == ["article"]


KINJA_REPLY = """<article class="js_reply reply" id="reply_{n}" data-id="{n}" data-parentid="{parent}"><header>
<div class="meta-container"><div class="meta-avatar js_author"><div class="f-dropdown author-hovercard content small">
<h4>{name}</h4><a class="button tiny" href="/{name}">Profile</a><a class="button tiny" href="#">Follow</a></div>
<div class="txt"><span class="display-name author"><a class="fn url" href="http://{name}.example.com">{name}</a></span>
<div class="post-meta"><span class="publish-time" data-publishtime="{stamp}"><a href="/{n}">5/0{day}/21 8:1{day}am</a>
</span></div></div></div><div class="post-dropdown-ct"><ul class="f-dropdown js_post-dropdown">
<li class="js_edit-reply hide"><a href="#">Edit</a></li><li class="js_followforuser"><a href="#">Follow {name}</a></li>
</ul></div></div></header><div class="reply-content post-content"><p>{text}</p></div>
<div class="reply-tools"><a class="reply-link" href="#">Reply</a></div></article>"""


def test_comments_that_draw_a_writers_card_and_a_menu_in_their_own_header() -> None:
    # Each comment's `article > header` holds a hidden card with the writer's name and a menu of links: the
    # header is the comment's own (not the page's), the menu no paragraph, the card's "content" no text.
    replies = "".join(
        KINJA_REPLY.format(n=n, parent=parent, name=name, stamp=1620000000000 + n, day=n, text=text)
        for n, parent, name, text in [
            (1, 0, "lap_swimmer", "I go every morning before work, the early opening helps a lot."),
            (2, 1, "poolside_pat", "Same here, the water is still calm at seven."),
            (3, 0, "diver_dee", "Will the diving board be open this year as well?"),
        ]
    )
    page = f"""<html lang="en"><head><title>Pools open early</title></head><body class="f_popular_on f_footer_on">
    <main><article class="post"><h1>Pools open early</h1><p>The town's outdoor pools open two weeks early this year,
    because the new heating plant warms the water faster than the old one did.</p></article>
    <section class="js_replies"><div class="replies-wrapper">{replies}</div></section></main></body></html>"""
    comments = read_html(page, "page.html").threads[0].posts[1:]
    assert [(post.author, post.parent, post.blocks[0].text) for post in comments] == [
        ("lap_swimmer", None, "I go every morning before work, the early opening helps a lot."),
        ("poolside_pat", "c1", "Same here, the water is still calm at seven."),
        ("diver_dee", None, "Will the diving board be open this year as well?"),
    ]


def test_a_post_box_with_its_writer_and_headline_is_the_article() -> None:
    # A blog platform draws the story like a comment: avatar, the writer's link, a date, then its headline and
    # text in one box (in an `article` classed "commented": it has replies). The box holds the page's h1: it is
    # the story, not a lone comment.
    page = """<html><head><title>Packing for the term</title></head><body><article class="row post commented">
    <div class="eight columns js_companion"><div class="top-meta meta-avatar"><div class="meta"><div class="media">
    <div class="avatar-container"><a href="https://writer.example.com"><img class="avatar" src="a.jpg"></a></div>
    <div class="bd"><span class="meta-info display-name"><a href="https://writer.example.com">Iris Vale</a></span>
    <span class="publish-time" data-publishtime="1376751840652"><a href="/packing-for-the-term-11">
    <span class="show-on-hover">8/17/13 11:04am</span><span class="hide-on-hover">Yesterday 11:04am</span></a></span>
    </div></div></div><div class="post-tools"><a href="#" class="js_like"><span class="txt">6</span></a>
    <a href="/packing-for-the-term-11#replies" class="button-reply"><span class="txt">64</span></a></div></div>
    <header><h1 class="headline"><a href="/packing-for-the-term-11">Packing for the term</a></h1></header>
    <div class="row post-content"><p>A new term starts next week, and the bag is still empty on the floor.</p>
    <p>Start with the charger, the one thing nobody can lend you on the first morning of classes.</p>
    <p>Then the notebooks, one per course, and a pen that you actually like to write with.</p></div></div>
    </article></body></html>"""
    thread = read_html(page, "post.html").threads[0]
    article, *comments = thread.posts
    assert comments == []
    text = " ".join(block.text for block in article.blocks)
    assert "the bag is still empty on the floor" in text and "a pen that you actually like" in text


def test_a_name_box_with_the_writers_follower_count() -> None:
    # The name box holds the profile link, then lines of its own (a follower count, an empty bio): the name is
    # the link, not the box's whole text.
    body = "".join(
        f"""<div id="comment_{n}" class="comment_item"><div class="comment_top"><a class="author_photo"
        href="/social/{name}"><img alt="photo" src="p.png"></a><div class="author_name">
        <a href="/social/{name}">{name}</a><div class="bio_teaser"></div>
        <div class="author_fans"><a href="/social/{name}">{fans} Fans</a></div></div></div>
        <div class="comment_body"><div class="comment_time">0{n}.05.2021, 18:40</div>{text}</div></div>"""
        for n, name, fans, text in [
            (1, "Kiesel", 349, "Die neue Heizung war überfällig, endlich warmes Wasser im Mai."),
            (2, "Seestern", 12, "Hoffentlich bleibt der Eintritt für Kinder weiterhin frei."),
        ]
    )
    thread = thread_of(f'<div id="comments">{body}</div>')
    assert [author for author, _, _ in comments_of(thread)] == ["Kiesel", "Seestern"]


def test_a_cite_holding_the_writers_link_and_the_date() -> None:
    # The header is one `cite`: a link to the writer's page (no profile path, no author class) with the name in
    # `strong`, then the date beside it; the text sits in a blockquote under it, and no class says "author".
    # A short text ("Schön!") is the comment's, not the name in the cite.
    body = "".join(
        f"""<li id="c-{n}"><div class="cmt-item"><div class="cmt-pic"><a href="https://people.example.com/_{n}X">
        <img alt="{name}" src="p.png"></a></div><div class="cmt-info"><cite><a href="https://people.example.com/_{n}X">
        <strong>{name}</strong></a> <span class="cmt-timestamp"><abbr title="2021-05-0{n}T18:40:00+0000">{n} hours ago
        </abbr></span></cite><blockquote class="cmt-text">{text}</blockquote></div></div></li>"""
        for n, name, text in [
            (1, "Kiesel", "Die neue Heizung war überfällig, endlich warmes Wasser im Mai."),
            (2, "Seestern", "Hoffentlich bleibt der Eintritt für Kinder weiterhin frei."),
            (3, "Möwe", "Schön!"),
        ]
    )
    thread = thread_of(f'<div id="cmt-box"><h3>3 Kommentare</h3><ul class="cmt-list">{body}</ul></div>')
    assert comments_of(thread) == [
        ("Kiesel", datetime(2021, 5, 1, 18, 40), "Die neue Heizung war überfällig, endlich warmes Wasser im Mai."),
        ("Seestern", datetime(2021, 5, 2, 18, 40), "Hoffentlich bleibt der Eintritt für Kinder weiterhin frei."),
        ("Möwe", datetime(2021, 5, 3, 18, 40), "Schön!"),
    ]


def test_a_comment_text_in_a_box_named_msg() -> None:
    # The text sits in `div.c-comment-msg`; a badge ("Abonné") beside the avatar is no part of it.
    body = "".join(
        f"""<li class="c-comment"><article class="c-comment-content"><div class="c-comment-avatar-wrapper">
        <a href="/page/{name}" class="c-comment-avatar"><img src="a.jpg" alt="Avatar"></a>
        <span class="c-comment-type">Abonné</span></div><div class="c-comment-header"><a href="/page/{name}"
        class="c-comment-user">{name}</a></div><div class="c-comment-msg"><p>{text}</p></div>
        <div class="c-comment-footer"><span class="c-comment-timestamp">Le 0{n}/05/2021 à 18:40</span></div>
        </article></li>"""
        for n, name, text in [
            (1, "Kiesel", "Die neue Heizung war überfällig, endlich warmes Wasser im Mai."),
            (2, "Seestern", "Hoffentlich bleibt der Eintritt für Kinder weiterhin frei."),
        ]
    )
    thread = thread_of(f'<ul class="c-comments">{body}</ul>')
    assert [text for _, _, text in comments_of(thread)] == [
        "Die neue Heizung war überfällig, endlich warmes Wasser im Mai.",
        "Hoffentlich bleibt der Eintritt für Kinder weiterhin frei.",
    ]


def test_spanish_header_box_and_a_row_of_actions_are_no_text() -> None:
    # No class names the text: the item is the box. Its header (`div.usuario`: name, date, the comment's "#11")
    # and its row of actions (`div.interact`, a "Valorar" paragraph among the buttons) are left out of it.
    body = "".join(
        f"""<li><div class="usuario"><div class="usuario_nombre"><img class="avatar" src="a.png">
        <strong>{name}</strong> <span class="fecha_hora">0{n}.may.2021 | 18:40</span></div><h4>#{n + 10}</h4></div>
        <p>{text}</p><div class="interact"><a class="responder" href="#c">Responder</a>
        <a class="citar" href="#c">Citar mensaje</a><span class="valorar"><p>Valorar</p><a href="#">Positivo</a>
        <a href="#">Negativo</a></span><span class="denunciar">Denunciar</span></div></li>"""
        for n, name, text in [
            (1, "Gaviota", "La piscina abre antes este año, por fin una buena noticia."),
            (2, "Pulpo", "Espero que la entrada para los niños siga siendo gratis."),
        ]
    )
    thread = thread_of(f'<div id="comentarios"><ol>{body}</ol></div>', lang="es")
    assert [
        (author, [block.text for block in post.blocks])
        for (author, _, _), post in zip(comments_of(thread), thread.posts[1:], strict=True)
    ] == [
        ("Gaviota", ["La piscina abre antes este año, por fin una buena noticia."]),
        ("Pulpo", ["Espero que la entrada para los niños siga siendo gratis."]),
    ]


def review_card(n: int, name: str, text: str, stars: int) -> str:
    return f"""<div class="review" itemprop="review" itemscope itemtype="https://schema.org/Review">
    <div class="review-header"><span itemprop="author" itemscope itemtype="https://schema.org/Person">
    <span itemprop="name">{name}</span></span><div itemprop="reviewRating" itemscope itemtype="https://schema.org/Rating">
    <meta itemprop="ratingValue" content="{stars}"><span class="stars">{stars} out of 5 stars</span></div>
    <time itemprop="datePublished" datetime="2021-05-0{n}">May {n}, 2021</time></div>
    <div class="review-body" itemprop="reviewBody"><p>{text}</p></div>
    <div class="review-footer"><button>Helpful (3)</button><a href="#">Report</a></div></div>"""


def test_product_reviews_are_the_comments_and_the_product_the_headline() -> None:
    # Reviews under a product are what its readers wrote about it: the comments. The product's
    # `itemprop=name` (its h1) is what trafilatura guesses as the site's name: it stays the headline.
    reviews = [
        (1, "Hannah K.", "Boils quickly on my small gas stove, and the handle stays cool enough to hold.", 5),
        (2, "Tom", "The lid rattles a little when it boils, otherwise a very good kettle.", 4),
    ]
    page = f"""<html><head><title>Trail kettle 1.2 L - Outdoor shop</title></head><body>
    <div itemscope itemtype="https://schema.org/Product"><h1 itemprop="name">Trail kettle 1.2 L</h1>
    <div itemprop="description"><p>A light steel kettle for the camping stove that boils a litre in four minutes
    and packs flat in any bag.</p></div><section id="reviews"><h2>Customer reviews</h2>
    {"".join(review_card(*review) for review in reviews)}</section></div></body></html>"""
    thread = read_html(page, "product.html").threads[0]
    assert thread.title == "Trail kettle 1.2 L"
    assert comments_of(thread) == [(name, datetime(2021, 5, n), text) for n, name, text, _ in reviews]


def test_a_lone_review_is_the_article() -> None:
    # One review on the page is its critic's own (the story), not a reader's comment.
    page = f"""<html><head><title>Trail kettle 1.2 L</title></head><body><main><div itemscope
    itemtype="https://schema.org/Product"><h1 itemprop="name">Trail kettle 1.2 L</h1>
    {review_card(1, "Hannah K.", "We took the kettle on three trips this spring. " * 4, 4)}</div></main>
    </body></html>"""
    assert read_html(page, "review.html").threads[0].posts[1:] == ()


def test_a_petitions_reasons_for_signing_are_its_comments() -> None:
    # Each signer's reason is a reader's comment on the petition: the name in `strong.signer`, a place, a date.
    reasons = [
        (1, "Ines", "I work late and have no other way home at night."),
        (2, "Marek", "My daughter needs it to get back from her shift safely."),
        (3, "Olu", "The taxis are far too expensive after midnight."),
    ]
    items = "".join(
        f"""<li class="reason"><div class="reason-meta"><strong class="signer">{name}</strong>
        <span class="location">Leeds</span> <time datetime="2021-05-0{n}T10:00:00Z">{n} days ago</time></div>
        <p class="reason-text">{text}</p><div class="reason-actions"><button>Like</button></div></li>"""
        for n, name, text in reasons
    )
    page = f"""<html><head><title>Keep the night bus running</title></head><body><main>
    <h1>Keep the night bus running</h1><div class="petition-description"><p>The council plans to stop the night
    bus on line 7 from next spring. We ask them to keep it running at least on weekends.</p></div>
    <section class="signatures"><h2>Reasons for signing</h2><ul class="reasons">{items}</ul></section>
    </main></body></html>"""
    thread = read_html(page, "petition.html").threads[0]
    assert comments_of(thread) == [(name, datetime(2021, 5, n, 10), text) for n, name, text in reasons]


def test_a_body_class_with_underscores_beats_a_badges_text() -> None:
    # The text box is `div.comment_body` (as `comment-body` with underscores); a badge note in the header is
    # classed `..._text`: the named body wins over the bare word, even for a one-word comment.
    body = "".join(
        f"""<div id="comment_{n}" class="comment_item"><div class="comment_top"><div class="badge_opt_out_text">
        This writer keeps their badges private</div><div class="author_name"><a href="/social/{name}">{name}</a>
        </div></div><div class="comment_body"><div class="comment_time">0{n}.05.2021, 18:40</div>{text}</div></div>"""
        for n, name, text in [(1, "Kiesel", "Quelle?"), (2, "Seestern", "Hoffentlich bleibt der Eintritt frei.")]
    )
    thread = thread_of(f'<div id="comments">{body}</div>')
    assert [text for _, _, text in comments_of(thread)] == ["Quelle?", "Hoffentlich bleibt der Eintritt frei."]


# A theme that runs its class words together (`commentheader`, `commentbody`), with a row of reactions in
# each comment's header.
RUN_TOGETHER = "".join(
    f"""<div class="commentitem"><div class="commentheader"><span class="commentauthor">{name}</span>
    <span class="commentdate">0{day}.05.2021 18:40</span> <span class="commentinfo">Mitglied seit 2019</span>
    <span class="commentreactions"><a href="#">Gefällt mir</a> <span>12</span></span></div>
    <div class="commentbody"><p>{text}</p></div></div>"""
    for name, day, text in [
        ("Badegast77", 2, "Dann packe ich schon mal die Badehose ein."),
        ("Ole Brandt", 3, "Die neue Heizung hätte man schon vor Jahren einbauen sollen."),
        ("Wiebke Janssen", 4, "Wir freuen uns auf den ersten Sprung ins kalte Wasser."),
    ]
)


def test_class_names_run_together_are_read_word_by_word() -> None:
    # No comment was found: neither `commentheader` nor `commentbody` named a header or a text.
    assert comments_of(thread_of(f'<div class="commentlist">{RUN_TOGETHER}</div>')) == [
        ("Badegast77", datetime(2021, 5, 2, 18, 40), "Dann packe ich schon mal die Badehose ein."),
        ("Ole Brandt", datetime(2021, 5, 3, 18, 40), "Die neue Heizung hätte man schon vor Jahren einbauen sollen."),
        ("Wiebke Janssen", datetime(2021, 5, 4, 18, 40), "Wir freuen uns auf den ersten Sprung ins kalte Wasser."),
    ]


# WordPress-like comments whose text is one `<p class="comment-content">`: a quote typed inside it makes the parser
# close the paragraph there, the quote and the rest standing beside it.
QUOTING = """<ol class="comment-list"><li id="comment-1" class="comment"><div class="comment-body">
<div class="comment-author vcard"><b class="fn">Hauke</b></div>
<div class="comment-metadata"><time datetime="2021-05-02T18:40:00">2. Mai 2021</time></div>
<p class="comment-content">Die Stadt schreibt dazu:{quote}Das glaube ich erst, wenn ich es sehe.<br>Bis dann!</p>
<div class="reply"><a class="comment-reply-link" href="#">Antworten</a></div></div></li>
<li id="comment-2" class="comment"><div class="comment-body"><div class="comment-author vcard"><b class="fn">Insa</b>
</div><div class="comment-metadata"><time datetime="2021-05-03T09:00:00">3. Mai 2021</time></div>
<p class="comment-content">Ich gehe trotzdem hin.</p></div></li></ol>"""


@pytest.mark.parametrize(
    "quote",
    [
        "<blockquote>Das Wasser hat schon im April zwanzig Grad.</blockquote>",  # the quote and the rest were lost
        "<q>Das Wasser hat schon im April zwanzig Grad.</q>",  # the quote was run into the text around it
    ],
)
def test_a_quote_in_the_middle_of_a_comments_text_is_a_quote_in_its_place(quote: str) -> None:
    thread = thread_of(QUOTING.format(quote=quote))
    assert [(post.author, [(block.kind, block.text) for block in post.blocks]) for post in thread.posts[1:]] == [
        (
            "Hauke",
            [
                ("paragraph", "Die Stadt schreibt dazu:"),
                ("quote", "Das Wasser hat schon im April zwanzig Grad."),
                ("paragraph", "Das glaube ich erst, wenn ich es sehe."),
                ("paragraph", "Bis dann!"),
            ],
        ),
        ("Insa", [("paragraph", "Ich gehe trotzdem hin.")]),
    ]


def test_words_quoted_in_an_articles_sentence_stay_in_it() -> None:
    # The article's extractor made a quote block of them, cutting the sentence in three; then the quotation
    # marks the browser shows were lost. Inner quotations take the inner pair.
    body = (
        "<p>Der Bademeister sagte <q>endlich</q> und schloss das Tor auf.</p>"
        "<p>Sie rief <q>er sagte <q>nie</q> dazu</q> und lachte über den langen Winter am See.</p>"
    )
    article = thread_of(body).posts[0]
    assert [block.text for block in article.blocks[2:]] == [
        "Der Bademeister sagte „endlich“ und schloss das Tor auf.",
        "Sie rief „er sagte ‚nie‘ dazu“ und lachte über den langen Winter am See.",
    ]


# A script-built comment list (styled-components: hashed class names, nothing naming a writer): the writer in
# a bare `strong` before the template's "sagt:", a reply list inside the comment's own box beside its fields.
SAYS_THREAD = """<section class="Comments__CommentWrapper-gh0 lnzNYZ"><h3>3 Kommentare</h3>
<ul class="Comments__CommentList-gh2 jVFzGR">
<li><a name="comment-11"></a><div class="sc-bdVa hxBh"><strong class="sc-bdVa cWto">Badegast77</strong>
<!-- -->sagt:<br/><time datetime="1620000000000">03.05.2021 - 02:00</time><br/><div class="sc-bdVa eoYU">
Endlich, das Wasser war im Mai immer viel zu kalt.<br/></div><button>antworten</button>
<ul class="Comments__CommentList-gh2 jVFzGR"><li><a name="comment-12"></a><div class="sc-bdVa hxBh">
<strong class="sc-bdVa cWto"><a target="_blank">Bademeister</a></strong> <!-- -->sagt:<br/>
<time datetime="1620003600000">03.05.2021 - 03:00</time><br/><div class="sc-bdVa eoYU">Jetzt nicht mehr, versprochen!
<br/></div><button>antworten</button><ul class="Comments__CommentList-gh2 jVFzGR"></ul></div></li></ul></div></li>
<li><a name="comment-13"></a><div class="sc-bdVa hxBh"><strong class="sc-bdVa cWto">Schwimmerin</strong> <!-- -->sagt:
<br/><time datetime="1620007200000">03.05.2021 - 04:00</time><br/><div class="sc-bdVa eoYU">Gibt es auch wieder
Frühschwimmen?<br/></div><button>antworten</button><ul class="Comments__CommentList-gh2 jVFzGR"></ul></div></li>
</ul></section>"""


def test_a_writer_named_before_the_templates_says_and_replies_inside_the_comments_box() -> None:
    thread = thread_of(SAYS_THREAD)
    found = [(post.id, post.author, post.parent, post.blocks[0].text) for post in thread.posts[1:]]
    assert found == [
        ("c1", "Badegast77", None, "Endlich, das Wasser war im Mai immer viel zu kalt."),
        # The reply, in a list inside its parent's box beside the parent's own writer and date: the parent is
        # read too, and keeps its own text only.
        ("c2", "Bademeister", "c1", "Jetzt nicht mehr, versprochen!"),
        ("c3", "Schwimmerin", None, "Gibt es auch wieder Frühschwimmen?"),
    ]
    assert thread.posts[1].date == datetime(2021, 5, 3, 2, 0)  # as printed: the Unix time is 00:00 UTC


# A regional CMS's comment list (bauemotion.de's shape): named as a share bar's ("allShareBarCommentsList"), laid
# out in a grid whose rows carry Foundation's spacing utility ("small-padding-collapse"), in a box the layout
# shares with the teasers of similar stories.
SHARE_BAR_COMMENTS = """<div class="cssFullContentArea cssSimilarTeaserArea">
<div class="allShareBarCommentsList">{}</div>
<div class="cssTeaser"><a href="/andere-story">Eine andere Geschichte</a></div></div>"""
SHARE_BAR_COMMENT = """<div id="comment{n}" class="allShareBarCommentsListComment">
<div class="grid-x small-padding-collapse"><div class="cell">
<p class="cssShareBarCommentsListCommentName">{name}</p></div>
<div class="cell"><p class="cssShareBarCommentsListCommentTimestamp">0{n}.05.2021</p></div></div>
<div class="grid-x small-padding-collapse"><div class="cell">
<div class="cssShareBarCommentsListCommentText">{text}</div></div></div>
<div class="grid-x"><a href="javascript:void(null);" class="allShareBarCommentsListCommentReply">Antworten</a>
<a href="javascript:void(null);" class="allLike">Gefällt mir</a></div></div>"""


def test_a_comment_list_named_after_a_share_bar_in_a_teaser_box_is_read() -> None:
    comments = [
        ("Badegast77", "Danke, gut zu wissen!"),
        ("Schwimmerin", "Gibt es Frühschwimmen?"),
        ("Opa K.", "Prima."),
    ]
    boxes = "".join(
        SHARE_BAR_COMMENT.format(n=n, name=name, text=text) for n, (name, text) in enumerate(comments, start=1)
    )
    thread = thread_of(SHARE_BAR_COMMENTS.format(boxes))
    # Short texts in the grid's rows are text, not controls; the list is the comments, not a share widget.
    assert comments_of(thread) == [
        (name, datetime(2021, 5, n), text) for n, (name, text) in enumerate(comments, start=1)
    ]


# A comment's header row whose name has no class of its own: a styling class, then the date's element
# (energiezukunft.eu's template), the row a paragraph beside the votes and the reply link.
UNCLASSED_NAME = "".join(
    f"""<div class="comment-main-level comment" id="comment{n}"><div class="comment-box outerBox">
    <div class="grid-x"><div class="small-6"><p><span class="MetaOTBold">{name}</span>
    <span class="comment-date" title="0{n}.05.2021 18:40">0{n}.05.2021, 18:40</span></p></div>
    <div class="small-6"><span class="comment-actions"><span class="votesum">+3</span>
    <a class="upvote" href="#">Gut</a> <a class="reply" href="#">Antworten</a></span></div></div>
    <div class=""><p>{text}</p></div></div></div>"""
    for n, name, text in [
        (2, "Marta", "Ich bin schon vor Wochen mit Fachleuten ins Gespräch gekommen."),
        (3, "Ole Brandt", "Die neue Heizung hätte man schon vor Jahren einbauen sollen."),
        (4, "Wiebke", "Wir freuen uns auf den ersten Sprung ins kalte Wasser."),
    ]
)


@pytest.mark.parametrize("outside", [False, True])
def test_a_name_without_a_class_before_the_dates_element_is_the_writer(outside: bool) -> None:
    box = UNCLASSED_NAME.replace("comment-main-level comment", "story").replace("comment-box", "box")
    box = box.replace('id="comment', 'id="story')  # a list of stories names none of its boxes for comments
    thread = thread_of(f'<div id="comments">{UNCLASSED_NAME}</div>' if not outside else f"<div>{box}</div>")
    # Outside comments, a list of stories: a section's name before the date makes no comments.
    assert comments_of(thread) == ([] if outside else [
        ("Marta", datetime(2021, 5, 2, 18, 40), "Ich bin schon vor Wochen mit Fachleuten ins Gespräch gekommen."),
        ("Ole Brandt", datetime(2021, 5, 3, 18, 40), "Die neue Heizung hätte man schon vor Jahren einbauen sollen."),
        ("Wiebke", datetime(2021, 5, 4, 18, 40), "Wir freuen uns auf den ersten Sprung ins kalte Wasser."),
    ])  # fmt: skip


# A petition site's signers: the name and the date in one `strong`, the reason for signing below it.
ONE_PIECE_HEADER = "".join(
    f"""<div class="mo-comment-card"><div><div class="mo-comment-infos"><strong>{name} - Le {day}/05/2021 à
    18:40:12</strong></div><div class="mo-comment-content">{text}</div></div></div>"""
    for name, day, text in [
        ("Muriel", 12, "Pour que la piscine reste ouverte tout l'été."),
        ("Jean-François", 13, "La natation est un service public, pas un luxe."),
        ("Claude", 14, "Mes enfants y ont appris à nager, comme moi."),
    ]
)


@pytest.mark.parametrize("outside", [False, True])
def test_a_name_and_date_printed_as_one_text_in_a_comments_box(outside: bool) -> None:
    cards = ONE_PIECE_HEADER.replace("mo-comment", "mo-news") if outside else ONE_PIECE_HEADER
    thread = thread_of(f'<div class="mo-{"news" if outside else "comments"}-list">{cards}</div>', lang="fr")
    # Outside comments, a card's "NAME - DATE" may be a story's section and date: no comments.
    assert comments_of(thread) == ([] if outside else [
        ("Muriel", datetime(2021, 5, 12, 18, 40), "Pour que la piscine reste ouverte tout l'été."),
        ("Jean-François", datetime(2021, 5, 13, 18, 40), "La natation est un service public, pas un luxe."),
        ("Claude", datetime(2021, 5, 14, 18, 40), "Mes enfants y ont appris à nager, comme moi."),
    ])  # fmt: skip


# A WordPress theme's comment: the header is a heading holding the writer's cite and a time whose attribute gives
# the day only, its text the time of day too.
HEADED_COMMENTS = "".join(
    f"""<li id="comment-{day}" class="comment hentry"><h4 class="entry-title vcard">
    <cite class="author fn">{name}</cite> <span class="comment-meta">wrote on <a href="#comment-{day}">
    <time class="published" datetime="2021-05-0{day}">May {day}, 2021 at 6:4{day} pm:</time></a></span></h4>
    <blockquote class="entry-content"><p>{text}</p></blockquote>
    <p class="comment-util"><a class="comment-reply-link" href="#respond">Reply</a></p></li>"""
    for day, name, text in [
        (2, "Marta", "Ich bin schon vor Wochen mit Fachleuten ins Gespräch gekommen."),
        (3, "Ole Brandt", "Die neue Heizung hätte man schon vor Jahren einbauen sollen."),
    ]
)


def test_a_header_heading_is_no_subject_and_a_day_only_date_takes_the_printed_time() -> None:
    thread = thread_of(f'<section id="comments"><ol class="comment-list">{HEADED_COMMENTS}</ol></section>', lang="en")
    assert [(post.author, post.date, [block.kind for block in post.blocks]) for post in thread.posts[1:]] == [
        ("Marta", datetime(2021, 5, 2, 18, 42), ["paragraph"]),
        ("Ole Brandt", datetime(2021, 5, 3, 18, 43), ["paragraph"]),
    ]


def test_a_list_of_cited_sources_is_no_comments() -> None:
    # Wikipedia's references: each a `cite.citation` with the work's link and an access date; a note's id made of
    # the source's words ("...religiouscommentary-294") named it for comments.
    sources = "".join(
        f"""<li id="cite_note-ferrycommentary-{n}"><span class="mw-cite-backlink"><a href="#cite_ref-{n}">^</a></span>
        <span class="reference-text"><cite class="citation web"><a rel="nofollow" class="external text"
        href="https://harbour.example/timetables/{n}">"Ferry timetables of the harbour office, part {n}"</a>. Harbour
        Office. 1{n} April 2014<span class="reference-accessdate">. Retrieved <span class="nowrap">2{n} July</span>
        2015</span>.</cite></span></li>"""
        for n in range(1, 4)
    )
    thread = thread_of(f'<div class="reflist"><ol class="references">{sources}</ol></div>', lang="en")
    assert comments_of(thread) == []


def test_a_pingback_alone_in_a_comment_list_is_no_comment() -> None:
    # WordPress draws a pingback like a comment (`li.pingback`: the linking page's title as the writer, "said:", an
    # excerpt); the engine skips it, and the repeated-structure search must not read it in its place (a title too
    # long for a name left the header line alone read as a comment's text).
    pingback = """<li class="pingback even thread-even depth-1" id="comment-5755">
<div id="div-comment-5755">
	<div class="comment-meta commentmetadata">
		<div class="avatar"></div>		<span class="comment-author vcard"><strong class="fn"><a class="url"
href="https://elsewhere.example/news/">A film maker founds a new party of his own in Europe | Daily News</a></strong>,
on <a href="#comment-5755" title="">December 30, 2015 at 4:36 am</a> said:		</span>
			</div>
	<p>[…] <a href="https://blog.example/2015/03/30/post/">https://blog.example/2015/03/30/post/</a> […]</p>
	<div class="reply">
		<a class="comment-reply-link" href="#respond">Reply</a>	</div>
</div>
</li>"""
    page = f"""<html><head><title>Do not hate a whole people</title></head><body><div class="post"><h1>Do not
    hate a whole people</h1><p>Hatred of a whole people for the deeds of a few is itself an injustice, and it grows
    where nobody speaks against it.</p></div><ol class="commentlist">{pingback}</ol></body></html>"""
    thread = read_html(page, "pingback.html").threads[0]
    assert [post.kind for post in thread.posts] == ["article"]


def test_comments_in_a_box_named_for_comments_and_pingbacks_are_read() -> None:
    # Only a class named `pingback` or `trackback` whole marks one; a box of both (`comments-and-pingback`) holds
    # comments.
    comments = "".join(
        f"""<div class="comment"><span class="author">{name}</span> <span class="date">3. Mai 2021 um 1{n}:00</span>
        <div class="comment-text"><p>{text}</p></div></div>"""
        for n, (name, text) in enumerate(
            [("Anna", "Endlich wieder offen, wir kommen am Wochenende."), ("Ben", "Gibt es auch Frühschwimmen?"),
             ("Carla", "Das Wasser war im Mai immer viel zu kalt.")]
        )
    )  # fmt: skip
    page = f"""<html lang="de"><head><title>Das Freibad öffnet</title></head><body><article><h1>Das Freibad
    öffnet</h1><p>Das Freibad öffnet am Samstag wieder, mit neuen Duschen und einem längeren Becken für alle.</p>
    </article><div class="comments-and-pingback">{comments}</div></body></html>"""
    thread = read_html(page, "freibad.html").threads[0]
    assert [post.author for post in thread.posts[1:]] == ["Anna", "Ben", "Carla"]


# A shop's reviews (a Bootstrap theme): each one a blockquote under pages of votes, six boxes below the section
# named for comments; the writer and the day printed as one small line, "NAME am DATE".
SMALL_PRINT_REVIEWS = "".join(
    f"""<blockquote><div class="customer_rating_block"><span class="star-rating"><span class="star"></span></span>
    <small>{name}
    am
    {day}.4.2020</small></div><br><p class="comment">{text}</p></blockquote>"""
    for name, day, text in [
        ("Georg N.", 10, "Alles bestens, die Kaninchen sind zufrieden und die Tochter auch."),
        ("Verifizierte/r Tierfreund/in", 11, "Unsere Meerschweinchen fühlen sich sehr wohl darin."),
        ("stefanie", 12, "Würde ich jederzeit wieder kaufen und weiterempfehlen."),
    ]
)


def test_a_small_print_of_name_and_date_heads_a_review_deep_in_the_comment_section() -> None:
    page = f"""<div class="comments" id="comments"><div class="page-header"><h2>Kundenbewertungen</h2></div>
    <div class="votes"><div class="page" data-page="1">{SMALL_PRINT_REVIEWS}</div></div></div>"""
    assert comments_of(thread_of(page)) == [
        ("Georg N.", datetime(2020, 4, 10), "Alles bestens, die Kaninchen sind zufrieden und die Tochter auch."),
        ("Verifizierte/r Tierfreund/in", datetime(2020, 4, 11), "Unsere Meerschweinchen fühlen sich sehr wohl darin."),
        ("stefanie", datetime(2020, 4, 12), "Würde ich jederzeit wieder kaufen und weiterempfehlen."),
    ]


# A magazine's reader comments: each a subject line and its text, then the byline in the date's line below,
# "Posted by: NAME, DATE | TIME".
BYLINE_BELOW = "".join(
    f"""<div class="visitors_comment_content"><h3>{subject}<a name="comment_{day}"></a></h3><p>{text}</p>
    <p class="common_date">
        Posted by:
        {name}, {day} Sep 2011 | 15:22
    </p></div>"""
    for subject, text, name, day in [
        (
            "Not so fast",
            "The new standard will not be adopted before the vote next spring, whatever they say.",
            "Ohio CPA",
            27,
        ),
        (
            "Get real",
            "Every large firm already reports under both standards, so little will change for them.",
            "Cliff Beacham California CPA",
            28,
        ),
        (
            "Costs",
            "Small firms will pay for the change twice, once in training and once in new software.",
            "Ann Lee",
            29,
        ),
    ]
)


def test_a_byline_in_the_dates_line_below_the_text() -> None:
    thread = thread_of(
        f'<div class="visitors_comment_block"><div class="common_inner_block">{BYLINE_BELOW}</div></div>'
    )
    comments = [(post.author, post.date, post.blocks[0].text, len(post.blocks)) for post in thread.posts[1:]]
    # The subject line first, then the text (the byline's line is no text of the comment).
    assert comments == [
        ("Ohio CPA", datetime(2011, 9, 27, 15, 22), "Not so fast", 2),
        ("Cliff Beacham California CPA", datetime(2011, 9, 28, 15, 22), "Get real", 2),
        ("Ann Lee", datetime(2011, 9, 29, 15, 22), "Costs", 2),
    ]


@pytest.mark.parametrize(
    ("text", "is_date"),
    [
        ("Dix ans, et encore : le projet date de 1998.", False),  # a sentence naming a year is text
        ("Posted on March 3, 2014 at 10:07 p.m.", True),  # a header's date, though it ends with a full stop
        ("Kommentar von Hans Peter am 3. März 2014 um 10:07 Uhr.", True),
        ("le lundi 29 octobre 2012 à 18h20", True),
    ],
)
def test_a_sentence_that_names_a_year_is_no_headers_date(text: str, is_date: bool) -> None:
    from translator.readers.html_generic import _date_piece

    assert _date_piece(text) is is_date


# A shop's customer reviews each drawn in a `blockquote` (a theme's testimonial style): its writer and date in a
# `small` line, its text below. Headers inside quotes are dropped only where a comment around the quote has one.
QUOTED_REVIEWS = "".join(
    f"""<blockquote><div class="customer_rating_block"><small> {name} am {day}.6.2020 </small></div>
    <p class="comment">{text}</p></blockquote>"""
    for name, day, text in [
        ("Verifizierte/r Kundin", 8, "Super Stall, unsere Kaninchen fühlen sich sehr wohl darin."),
        ("Georg N.", 10, "Alles bestens, schnell geliefert und leicht aufzubauen."),
        ("Herbert", 15, "Für dieses Geld kann man so einen Stall kaum selber bauen."),
    ]
)


def test_reviews_drawn_as_quotes_are_read() -> None:
    thread = thread_of(f'<div class="reviews-comments"><div class="page">{QUOTED_REVIEWS}</div></div>')
    assert comments_of(thread) == [
        ("Verifizierte/r Kundin", datetime(2020, 6, 8), "Super Stall, unsere Kaninchen fühlen sich sehr wohl darin."),
        ("Georg N.", datetime(2020, 6, 10), "Alles bestens, schnell geliefert und leicht aufzubauen."),
        ("Herbert", datetime(2020, 6, 15), "Für dieses Geld kann man so einen Stall kaum selber bauen."),
    ]


SIGNED_BELOW = """<div id="comments"><div class="comment" id="comment-{n}"><div class="comment-content"><p>{text}</p>
</div><p class="comment-footer">Posted by: <a href="https://example.org/{name}">{name}</a> |
<a href="#comment-{n}">0{n}.05.2021 10:0{n}</a></p></div></div>"""


def test_a_sentence_starting_with_by_and_naming_a_date_is_text_not_a_header() -> None:
    # A byline below the text (`Posted by: NAME | DATE`, Movable Type, TypePad) is the header; a paragraph that
    # starts with a bare "By" or "Par" and names a date is the comment's text.
    texts = [
        "By the way, on May 3, 2021 the pool was still cold.",
        "Par exemple, le 4 mai 2021 il faisait froid.",
        "Ich war am 5. Mai 2021 dort, das Wasser war warm.",
    ]
    body = "".join(
        SIGNED_BELOW.format(n=n, name=name, text=text) for n, name, text in zip((3, 4, 5), "ABC", texts, strict=True)
    )
    thread = thread_of(body)
    assert comments_of(thread) == [
        ("A", datetime(2021, 5, 3, 10, 3), texts[0]),
        ("B", datetime(2021, 5, 4, 10, 4), texts[1]),
        ("C", datetime(2021, 5, 5, 10, 5), texts[2]),
    ]


# TypePad's comment footer: `Posted by: NAME | DATE`, the date with its weekday and month before the day, the
# name as long as a writer makes it.
TYPEPAD_FOOTERS = "".join(
    f"""<div class="comment" id="comment-{n}"><div class="comment-content"><p>{text}</p></div>
    <p class="comment-footer">Posted by: {name} | <a href="#comment-{n}">{day}</a></p></div>"""
    for n, name, day, text in [
        (1, "Janet", "Thursday, November 08, 2012 at 01:26 PM", "This one made my morning, thank you."),
        (
            2,
            "Karen Whitcome (in warm and rainy Towson, Md)",
            "Thursday, November 08, 2012 at 01:33 PM",
            "The best job ever is the one you do for love.",
        ),
    ]
)


def test_a_footers_weekday_date_and_a_long_name_sign_the_comment() -> None:
    thread = thread_of(f'<div class="comments-content">{TYPEPAD_FOOTERS}</div>', lang="en")
    assert comments_of(thread) == [
        ("Janet", datetime(2012, 11, 8, 13, 26), "This one made my morning, thank you."),
        (
            "Karen Whitcome (in warm and rainy Towson, Md)",
            datetime(2012, 11, 8, 13, 33),
            "The best job ever is the one you do for love.",
        ),
    ]


# Movable Type's `comments-body`: the text, then its numbered byline, `Comment #1 - Posted by: NAME at DATE`.
NUMBERED_BYLINES = "".join(
    f"""<div class="comments-body"><p>{text}</p>
    <span class="comments-post">Comment #{n} - Posted by: {name} at November 10, 2012  {time} PM</span></div>"""
    for n, name, time, text in [
        (1, "MattPatt", "5:39", "Well, this one is going to hurt."),
        (2, "Andrew B", "5:57", "A hard workout for a hard day."),
        (3, "Drew", "6:00", "See you all at the finish."),
    ]
)


def test_a_numbered_byline_below_the_text_signs_the_comment_and_is_no_text() -> None:
    thread = thread_of(NUMBERED_BYLINES, lang="en")
    blocks = [len(post.blocks) for post in thread.posts[1:]]
    assert [(*comment, count) for comment, count in zip(comments_of(thread), blocks, strict=True)] == [
        ("MattPatt", datetime(2012, 11, 10, 17, 39), "Well, this one is going to hurt.", 1),
        ("Andrew B", datetime(2012, 11, 10, 17, 57), "A hard workout for a hard day.", 1),
        ("Drew", datetime(2012, 11, 10, 18, 0), "See you all at the finish.", 1),
    ]


def test_comments_a_rule_does_not_know_under_the_story_it_read() -> None:
    """Movable Type's first-template rule reads the entry (`div.blogbody` with its `posted` line); its comments
    drawn in another template are the generic reader's, and the entry keeps the writer the rule read."""
    page = f"""<html lang="en"><head><title>Sunday 121111</title></head><body><div class="blog">
    <div class="blogbody"><h3 class="title">Sunday 121111</h3><p>Run ten miles, then rest for a day.</p>
    <span class="posted">Posted by Pukie at November 11, 2012  5:00 PM<br /></span></div>
    <div class="comments-head">Comments</div>{NUMBERED_BYLINES}</div></body></html>"""
    thread = read_html(page, "page.html").threads[0]
    assert (thread.posts[0].author, thread.posts[0].date) == ("Pukie", datetime(2012, 11, 11, 17, 0))
    assert [post.author for post in thread.posts[1:]] == ["MattPatt", "Andrew B", "Drew"]


# Squarespace 5's signature below a comment: its date, then its writer's name linked to their contributor page.
SIGNATURES = "".join(
    f"""<div class="comment-wrapper"><div class="comment" id="comment{n}"><div class="body"><p>{text}</p></div>
    <div class="signature">{day} | <a href="/contributor/{n}" title="Unregistered Commenter"><img alt=""
    src="/universal/images/transparent.png"/>{name}</a></div></div></div>"""
    for n, day, name, text in [
        (1, "October 24, 2012", "Chris", "So you warm the new servers before the old ones go?"),
        (2, "October 25, 2012", "Benjamin Schweizer", "Consistent hashing would keep most of the keys in place."),
    ]
)


def test_a_signature_of_the_date_then_the_writers_contributor_link() -> None:
    thread = thread_of(f'<div id="comments" class="journal-comment-area">{SIGNATURES}</div>', lang="en")
    assert comments_of(thread) == [
        ("Chris", datetime(2012, 10, 24), "So you warm the new servers before the old ones go?"),
        ("Benjamin Schweizer", datetime(2012, 10, 25), "Consistent hashing would keep most of the keys in place."),
    ]


def test_the_pages_feature_classes_do_not_name_its_story_a_comment() -> None:
    """Gawker's pages list their features on `html` (`feature_newcomments`); the story's box, its writer's menu
    linking a profile ("View Profile") beside its date, is the article, not a comment, and "View Profile" no
    writer."""
    page = """<html class="feature_newcomments feature_disablecomments" lang="en"><head><title>An unpredictable
    career</title></head><body class="post"><div id="page"><div class="post permalink"><div class="content">
    <h1>An unpredictable career</h1><div class="post-body"><div class="nodebyline"><strong><a class="plus-icon">Tim
    Grierson</a></strong><div class="ui-dropdown"><ul><li><a href="/people/TimGrierson/" rel="author"><span>View
    Profile</span></a></li></ul></div></div><p>With all the great directors out there to choose from, it is hard to
    think of many who would look at this career and say that is the one they want.</p><p>There are writers who
    follow the beat of their own drum, and then there is this one, who changes the drum each time.</p>
    <div class="post-date">Nov 9, 2012 6:43 PM</div></div></div></div></div></body></html>"""
    thread = read_html(page, "page.html").threads[0]
    assert [post.kind for post in thread.posts] == ["article"]
    assert thread.posts[0].author != "View Profile"
    assert "hard to think of many" in " ".join(block.text for block in thread.posts[0].blocks)


# A regional paper's comments printed flat, side by side in one box named for nothing: each a header row (`Posted
# by: NAME, PLACE on DATE`), a hidden copy of the text for quoting, the text, a row of actions; then the form.
FLAT = "".join(
    f"""<div class="b_box">Posted by: {name} on <span class="itdate">{time}&nbsp;Wed&nbsp;9&nbsp;Jan&nbsp;08</span>
    </div><div style="display: none;" id="acom{n}">{text}</div><div class="entry" id="com{n}"><a name="break"></a>
    {text}</div><div class="b_box"><a href="#">Quote</a> | <a href="#">Report this post</a></div>"""
    for n, (name, time, text) in enumerate(
        [
            ("Moira, Paisley", "9:35am", "The pool should have opened in April, as the council promised last year."),
            ("Brad, Glasgow", "11:16am", "Warm water in May is worth waiting an extra fortnight for, surely."),
        ]
    )
)
FLAT_FORM = """<div class="b_box">Add your comment</div><form action="/comment"><textarea name="c"></textarea>
<p>Comments are checked before they appear on the site, usually within the hour.</p></form>"""


def test_comments_printed_flat_are_gathered_one_a_header() -> None:
    thread = thread_of(f'<a name="comments"></a><div>{FLAT}{FLAT_FORM}</div>', lang="en")
    assert comments_of(thread) == [
        ("Moira, Paisley", datetime(2008, 1, 9, 9, 35), "The pool should have opened in April, as the council "
         "promised last year."),
        ("Brad, Glasgow", datetime(2008, 1, 9, 11, 16), "Warm water in May is worth waiting an extra fortnight "
         "for, surely."),
    ]  # fmt: skip
    assert [len(post.blocks) for post in thread.posts[1:]] == [1, 1]  # neither the actions nor the form


def test_rows_of_writers_and_dates_with_no_text_between_them_are_not_gathered() -> None:
    # A list of who signed and when, flat: headers with nothing of their own after them are no comments.
    rows = "".join(
        f'<div class="sig">Posted by: {name} on <span class="itdate">9:35am Wed 9 Jan 08</span></div><hr>'
        for name in ("Moira", "Brad", "Ailsa")
    )
    thread = thread_of(f'<div id="comments">{rows}</div>', lang="en")
    assert [post.kind for post in thread.posts] == ["article"]


# A paper's comment entries: the writer's line (`By NAME`) and the date's line (its permalink after it) apart.
TWO_LINES = "".join(
    f"""<a><div class="single_comment" id="cmt{n}"><a name="comment-{n}"></a><p class="who">By {name}</p>
    <p class="who">Dec 30, 2007 {time} | <a href="#comment-{n}">Link to this</a></p><p>{text}</p></div>
    <!-- end:single_comment --></a>"""
    for n, name, time, text in [
        (8979602, "DUMAS", "7:06 PM", "Why has nobody at the pool been asked about the heating yet?"),
        (8967802, "Bob MacGillivray", "6:14 PM", "Let the changes begin, there is nowhere to go but up!"),
    ]
)


def test_a_writers_line_over_the_dates_line() -> None:
    thread = thread_of(f'<div class="comments"><h5>Comments</h5><div class="comment_entries">{TWO_LINES}</div></div>')
    assert comments_of(thread) == [
        ("DUMAS", datetime(2007, 12, 30, 19, 6), "Why has nobody at the pool been asked about the heating yet?"),
        ("Bob MacGillivray", datetime(2007, 12, 30, 18, 14), "Let the changes begin, there is nowhere to go but up!"),
    ]
    assert [len(post.blocks) for post in thread.posts[1:]] == [1, 1]  # the date's line is the header's


# A paper's comment drawn as two columns: on the left its writer (`span.byline`), number and date (`p.dateline`) and
# place; on the right its text.
COLUMNS = "".join(
    f"""<div class="individualcomment"><div class="commentsleft"><a name="comment-{n}"></a>
    <span class="byline">{name}</span><br/><p class="dateline">Comment No. <a href="#comment-{n}">{n}</a></p>
    <p class="dateline"><a href="#comment-{n}">January 7, 2008 {time}</a></p><em>GBR</em></div>
    <div class="commentsright"><p>{text}</p><p>{second}</p></div></div>"""
    for n, name, time, text, second in [
        (
            1034545,
            "recklessfox",
            "17:00",
            "Free range and organic are not the same thing at all.",
            "Please keep them apart.",
        ),
        (1034558, "misterbee", "17:05", "A confused article, though the point about restaurants stands.", "Agreed."),
    ]
)


def test_a_comment_in_two_columns_its_header_left_its_text_right() -> None:
    thread = thread_of(f'<div id="comments"><h3>Comments</h3>{COLUMNS}</div>', lang="en")
    assert [(post.author, post.date, [block.text for block in post.blocks]) for post in thread.posts[1:]] == [
        ("recklessfox", datetime(2008, 1, 7, 17, 0), ["Free range and organic are not the same thing at all.",
                                                      "Please keep them apart."]),
        ("misterbee", datetime(2008, 1, 7, 17, 5), ["A confused article, though the point about restaurants stands.",
                                                    "Agreed."]),
    ]  # fmt: skip


def test_a_column_of_the_comments_number_and_date_is_no_text() -> None:
    # The writer's column, then one of the comment's number and date (`comment-meta`), the text in neither.
    rows = "".join(
        f"""<li><div class="group"><div class="commentor-info"><a href="/profile/{name}">{name}</a></div>
        <div class="comment-meta">Reply #{n}<div>Oct. 9, 2010 - 7:2{n} AM EST</div></div></div>
        <div class="comment-text"><p>{text}</p></div></li>"""
        for n, name, text in [(1, "Dread-neck", "Nobody saw this map coming."), (2, "poorsinner", "The map moved.")]
    )
    thread = thread_of(f'<div id="comments"><ol id="commentsList">{rows}</ol></div>', lang="en")
    assert [(post.author, [block.text for block in post.blocks]) for post in thread.posts[1:]] == [
        ("Dread-neck", ["Nobody saw this map coming."]),
        ("poorsinner", ["The map moved."]),
    ]


# A blog's comment header printed number first, then the date, then the writer in bold (`#1 — DATE — <b>NAME</b>`).
DATE_FIRST = "".join(
    f"""<div class="comment"><div class="cheader"><nobr><a name="comment-{n}">#{n}</a> &mdash; January 7, 2008 @
    {time} &mdash; <b>{name}</b> [<a rel="nofollow" href="/mt/mt-comments.php?cid={n}">URL</a>]</nobr></div>
    <div class="cbody"><p>{text}</p></div></div>"""
    for n, time, name, text in [
        (1, "1:00PM", "Brandon Valentine", "Do you use a four-star scale or a five-star one?"),
        (2, "1:15PM", "Chris Beaumont", "Five stars, but I rarely give out the fifth."),
    ]
)


def test_a_header_row_of_the_date_then_the_writer_in_bold() -> None:
    thread = thread_of(f"<h2>Comments</h2>{DATE_FIRST}", lang="en")
    assert [(post.author, post.date, post.blocks[-1].text) for post in thread.posts[1:]] == [
        ("Brandon Valentine", datetime(2008, 1, 7, 13, 0), "Do you use a four-star scale or a five-star one?"),
        ("Chris Beaumont", datetime(2008, 1, 7, 13, 15), "Five stars, but I rarely give out the fifth."),
    ]


# An Italian publisher's comment list: each item its writer (`span.titolo_mini`), its date (`span.data`, Italian
# for date) and its text run on after them in the same line.
ITEMS = "".join(
    f"""<li><span class="titolo_mini">{name}</span> <span class="data">{stamp}</span> {text}</li>"""
    for name, stamp, text in [
        ("Michael, Monrovia", "1/8/2008 5:49 PM", "Thanks to the new heating, the pool opens in May this year."),
        ("Nelson, Lagos", "1/8/2008 4:46 PM", "We are still going to swim there in April, heating or not."),
    ]
)


def test_a_writer_and_a_date_run_into_the_comments_line() -> None:
    thread = thread_of(f'<div class="articoloCommentoTesto"><ul>{ITEMS}</ul></div>', lang="en")
    assert [(post.author, post.date, [block.text for block in post.blocks]) for post in thread.posts[1:]] == [
        ("Michael, Monrovia", datetime(2008, 1, 8, 17, 49),
         ["Thanks to the new heating, the pool opens in May this year."]),
        ("Nelson, Lagos", datetime(2008, 1, 8, 16, 46),
         ["We are still going to swim there in April, heating or not."]),  # "PM We" is no date's end
    ]  # fmt: skip


def test_a_box_of_a_comments_or_its_writers_data_is_no_date() -> None:
    # `comment-data` holds the writer, the date and the text, `author_data` the writer's name and post count (a
    # short line): named "data" as the Italian date is, neither is a date.
    items = "".join(
        f"""<div class="comment" id="c{n}"><div class="comment-data"><div class="author_data"><a href="/u/{n}">
        <cite>{name}</cite></a><p>68 posts</p></div><small class="commentmetadata"><a href="#">2021-05-0{n}
        10:00:58.</a></small><p>{text}</p></div></div>"""
        for n, name, text in [(2, "Grete", "Ich hoffe, die Preise bleiben."), (3, "Ole", "Endlich wieder schwimmen.")]
    )
    thread = thread_of(f'<div id="comments">{items}</div>')
    assert [(post.author, post.date, post.blocks[-1].text) for post in thread.posts[1:]] == [
        ("Grete", datetime(2021, 5, 2, 10, 0), "Ich hoffe, die Preise bleiben."),
        ("Ole", datetime(2021, 5, 3, 10, 0), "Endlich wieder schwimmen."),
    ]
