"""The article's own facts on pages we wrote: its writer and time where the story's box shows them,
and the lines a page keeps from search engines."""

from __future__ import annotations

import json
from datetime import datetime
from pathlib import Path
from typing import Any

import lxml.html
import pytest

from translator.readers import html_article
from translator.readers.html import read_html
from translator.readers.html_article import (
    _is_header_line,
    box_facts,
    story_box,
    without_dangling,
)
from translator.readers.html_furniture import unindexed

STORY = """<html lang="ru"><head><title>Не жгите траву</title>
<meta property="og:title" content="Не жгите траву"></head><body><main><div class="page-story">
<aside><h3>Лучший комментарий</h3><div class="best"><time datetime="2019-03-01T09:00:00+03:00">вчера</time>
<p>Совсем другая история.</p></div></aside>
<div class="page-story__story"><article class="story"><div class="story__main">
<header><h2 class="story__title"><a href="/story/1">Не жгите траву</a></h2></header>
<div class="story__content"><div class="story-block"><p>Каждую весну соседи поджигают сухую траву у реки, и
каждый год огонь уходит в лес, а потом все удивляются, откуда дым над посёлком.</p><p>Вчера огонь дошёл до
сарая, и тушили его всей улицей до самой ночи, пока не приехала пожарная машина из города.</p></div></div>
<div class="story__user"><a class="user__nick" href="/@lesnik">lesnik</a>
<time datetime="2019-03-02T10:30:10+03:00">2 часа назад</time></div></div></article></div>
<!--noindex--><div class="section"><div>Пост ещё не редактировался пользователями</div></div><!--/noindex-->
<div class="page-story__comments"><div class="comment"><span class="user__nick">olga</span>
<time datetime="2019-03-02T11:00:00+03:00">час назад</time><div class="comment__content"><p>Согласна, у нас
то же самое каждый апрель.</p></div></div><div class="comment"><span class="user__nick">petr</span>
<time datetime="2019-03-02T11:05:00+03:00">час назад</time><div class="comment__content"><p>Надо звонить
в пожарную часть сразу, а не ждать.</p></div></div></div></div></main></body></html>"""


def test_the_story_box_gives_the_writer_and_the_time_over_other_stories_times() -> None:
    article = read_html(STORY).threads[0].posts[0]
    assert article.author == "lesnik"
    assert article.date == datetime(2019, 3, 2, 10, 30)


def test_lines_kept_from_search_engines_are_furniture() -> None:
    tree = lxml.html.document_fromstring(STORY)
    assert [" ".join(element.text_content().split()) for element in unindexed(tree)] == [
        "Пост ещё не редактировался пользователями"
    ]
    # A box with the headline is the page's text whatever it is marked.
    headed = "<html><body><!--noindex--><div><h1>Заголовок</h1><p>Текст.</p></div><!--/noindex--></body></html>"
    assert unindexed(lxml.html.document_fromstring(headed)) == []


def test_an_update_time_in_the_story_box_is_not_its_publication() -> None:
    page = STORY.replace(
        '<time datetime="2019-03-02T10:30:10+03:00">2 часа назад</time>',
        'Обновлено: <b><time datetime="2019-03-05">05.03.2019</time></b>',
    )
    box = story_box(lxml.html.document_fromstring(page), "Не жгите траву")
    assert box is not None and box_facts(box) == ("lesnik", None)
    assert read_html(page).threads[0].posts[0].date != datetime(2019, 3, 5)


ZONED_STORY = """<html lang="en"><head><title>Council approves the new tram line</title>
<meta property="article:published_time" content="2023-11-09T05:30:59+00:00"></head><body>
<article><h1>Council approves the new tram line</h1><div class="byline">By Dana Whitfield</div>{stamp}
<div class="entry-content"><p>The council voted nine to four late on Wednesday to build the tram line along the
river, ending a debate that had run for more than three years.</p><p>Work on the first section is to start in
spring, and the line should carry its first passengers before the end of the decade.</p></div></article>
{comments}</body></html>"""
MASTHEAD = '<div class="masthead"><span class="date">Thursday, November 9, 2023</span></div>'
ZONED_COMMENTS = """<div id="comments" class="comments-area"><ol class="comment-list">
<li id="comment-1" class="comment"><article class="comment-body"><footer class="comment-meta">
<div class="comment-author vcard"><b class="fn">Marta</b></div><div class="comment-metadata">
<time datetime="2023-11-09T05:45:00+00:00">November 8, 2023 at 11:45 p.m.</time></div></footer>
<div class="comment-content"><p>About time, the buses along the river are always full.</p></div></article></li>
<li id="comment-2" class="comment"><article class="comment-body"><footer class="comment-meta">
<div class="comment-author vcard"><b class="fn">Jonas</b></div><div class="comment-metadata">
<time datetime="2023-11-09T06:10:00+00:00">November 9, 2023 at 12:10 a.m.</time></div></footer>
<div class="comment-content"><p>Who pays for it, though? Nobody said.</p></div></article></li></ol></div>"""


@pytest.mark.parametrize(
    ("stamp", "published"),
    [
        # Stated in UTC, printed in the readers' zone (-06:00): as printed, the day included.
        (
            '<div class="time">Published: <time>November 8, 2023 at 11:30 p.m.</time></div>',
            datetime(2023, 11, 8, 23, 30),
        ),
        ('<time datetime="2023-11-08T23:30:59-06:00">Nov 8</time>', datetime(2023, 11, 8, 23, 30)),
        # A day alone, where the page shows no other (its hour unknown), and where a masthead shows the UTC day.
        ("<time>November 8, 2023</time>", datetime(2023, 11, 8)),
        (MASTHEAD + "<time>November 8, 2023</time>", datetime(2023, 11, 9, 5, 30)),
        # Kept as stated: an update's time, and a page that prints nothing for it but its masthead's day.
        (
            '<div class="updated">Updated: <time>November 9, 2023 at 1:02 a.m.</time></div>',
            datetime(2023, 11, 9, 5, 30),
        ),
        (MASTHEAD, datetime(2023, 11, 9, 5, 30)),
    ],
)
def test_a_time_stated_in_utc_is_the_one_the_page_shows_its_readers(stamp: str, published: datetime) -> None:
    thread = read_html(ZONED_STORY.format(stamp=stamp, comments="")).threads[0]
    assert thread.published == thread.posts[0].date == published


def test_the_article_and_its_comments_keep_one_zone() -> None:
    # Each is stated in UTC and printed at -06:00: the comments stay after the article they answer.
    stamp = '<time class="entry-date">November 8, 2023 at 11:30 p.m.</time>'
    posts = read_html(ZONED_STORY.format(stamp=stamp, comments=ZONED_COMMENTS)).threads[0].posts
    assert [(post.author, post.date) for post in posts] == [
        ("Dana Whitfield", datetime(2023, 11, 8, 23, 30)),
        ("Marta", datetime(2023, 11, 8, 23, 45)),
        ("Jonas", datetime(2023, 11, 9, 0, 10)),
    ]


LOOSE_LD = """<html lang="en"><head><title>Ten mistakes</title><script type="application/ld+json">
{"@context": "http://schema.org", "type": "Article", "headline": "Ten mistakes",
 "datePublished": "Thu, 08 May 2014 14:04:53 -0400", "author": {"@type": "Person", "name": "Ana Ruiz"}}
</script></head><body><article><h1>Ten mistakes</h1>
<p>Python is easy to learn, and its simplicity can hide a few subtleties that catch even experienced people.</p>
<p>Here are ten of the most common ones, with what to write instead and why the difference matters.</p>
</article></body></html>"""


def test_json_ld_that_names_its_type_without_the_at_sign_and_dates_like_mail() -> None:
    article = read_html(LOOSE_LD).threads[0].posts[0]
    assert article.author == "Ana Ruiz"
    assert article.date == datetime(2014, 5, 8, 14, 4)


@pytest.mark.parametrize(
    ("line", "header"),
    [
        ("Von Gregory Lipinski", True),  # a byline the page's author fields do not name
        ("Ein Artikel von Anna Roth", True),  # the same, with the kind of piece
        ("Por Agencia EFE", True),
        ("Datum 25.01.2022", True),  # a date with its label
        ("19.10.2019 07:49 Uhr", True),
        ("July 7, 2020", True),
        ("Posted on", True),  # a label left alone, its date in another element
        ("-Aktualisiert am", True),
        ("Von Anfang an war klar, dass es schwer wird.", False),  # a sentence
        ("By the way", False),
        ("Das Jahr 2020 war schwer.", False),
        ("WASHINGTON —", False),  # a dateline starts the text
    ],
)
def test_header_lines_at_the_start_of_the_body(line: str, header: bool) -> None:
    assert _is_header_line(line, []) is header


HEADLINE_PAGE = """<html lang="en"><head><title>{title}</title>{meta}</head><body><header><h1>{h1}</h1></header>
<main><article><h2>{h2}</h2><p>The harbour office has moved the first crossing of the day half an hour earlier, so
that commuters reach the train on the other side before eight, and added a late boat on Fridays.</p></article>
</main></body></html>"""


@pytest.mark.parametrize(
    ("title", "meta", "h1", "h2", "headline"),
    [
        # The sharing title is the site's slogan on every page: the heading and the document title agree.
        (
            "Ferry crossings move earlier",
            '<meta property="og:title" content="coastnews — stories from the shore">',
            "Ferry crossings move earlier",
            "",
            "Ferry crossings move earlier",
        ),
        # The sharing title is the headline's other wording, shown as the heading: kept.
        (
            "Ferries earlier from May",
            '<meta property="og:title" content="Ferry crossings move earlier">',
            "Ferry crossings move earlier",
            "",
            "Ferry crossings move earlier",
        ),
        # A date the site appends to the headline in its titles; the heading shows the headline alone.
        (
            "Ferry crossings move earlier : 03.05.2019, 08.15 Uhr",
            '<meta property="og:title" content="Ferry crossings move earlier : 03.05.2019, 08.15 Uhr">'
            '<meta property="og:site_name" content="Coast News">',
            "Ferry crossings move earlier",
            "Latest comments",
            "Ferry crossings move earlier",
        ),
        # A forum's section and kind after a thread's title.
        (
            "Which ferry pass is cheaper? | Boats | Forum",
            "",
            "",
            "Which ferry pass is cheaper?",
            "Which ferry pass is cheaper?",
        ),
        # A site's name after " -- " (sott.net).
        (
            "Ferry crossings move earlier -- Coast News",
            '<meta property="og:site_name" content="Coast News">',
            "",
            "",
            "Ferry crossings move earlier",
        ),
        # A short site's name with a section's words (cnn.com's "| CNN Politics"): no heading shows the headline.
        (
            "Ferry crossings move earlier | CNN Politics",
            '<meta property="og:title" content="Ferry crossings move earlier | CNN Politics">'
            '<meta property="og:site_name" content="CNN">',
            "",
            "",
            "Ferry crossings move earlier",
        ),
        # ... but a short site's name with other words is the headline's ("CNN Heroes" is a programme).
        (
            "Ferry captain named | CNN Heroes",
            '<meta property="og:title" content="Ferry captain named | CNN Heroes">'
            '<meta property="og:site_name" content="CNN">',
            "",
            "",
            "Ferry captain named | CNN Heroes",
        ),
        # A label joined without spaces, as in a title written without spaces between words (news.cn).
        (
            "轮渡提前开航-海岸网",
            '<meta property="og:title" content="轮渡提前开航-海岸网">',
            "轮渡提前开航",
            "",
            "轮渡提前开航",
        ),
        # The heading shows the whole title: its end is the headline's, not the site's name (allnewlyrics.com).
        (
            "“Only One” Lyrics : Kim Lee (Ft. Ana Ruiz)",
            "",
            "“Only One” Lyrics : Kim Lee (Ft. Ana Ruiz)",
            "",
            "“Only One” Lyrics : Kim Lee (Ft. Ana Ruiz)",
        ),
        # The site's name in the middle, a section's label before it: the headline is after it.
        (
            "Harbour - Coast News - Ferry crossings move earlier",
            '<meta property="og:site_name" content="Coast News">',
            "",
            "",
            "Ferry crossings move earlier",
        ),
        # ... the site's name as the page's app.
        (
            "Harbour - Coast News - Ferry crossings move earlier",
            '<meta name="application-name" content="Coast News">',
            "",
            "",
            "Ferry crossings move earlier",
        ),
        # ... a headline before it, a section after it.
        (
            "Ferry crossings move earlier | Coast News | Harbour",
            '<meta property="og:title" content="Ferry crossings move earlier | Coast News | Harbour">'
            '<meta property="og:site_name" content="Coast News">',
            "",
            "",
            "Ferry crossings move earlier",
        ),
        # A series' label before the episode's title, which the heading shows.
        (
            "Harbour Podcast | Ferry crossings move earlier",
            '<meta property="og:title" content="Harbour Podcast | Ferry crossings move earlier">',
            "",
            "Ferry crossings move earlier",
            "Ferry crossings move earlier",
        ),
        # ... no heading shows the episode's title: nothing says which part is the headline.
        (
            "Harbour Podcast | Ferry crossings move earlier",
            '<meta property="og:title" content="Harbour Podcast | Ferry crossings move earlier">',
            "",
            "",
            "Harbour Podcast | Ferry crossings move earlier",
        ),
        # The site's name with its motto and founding year after the headline the heading shows (krimiblog.de).
        (
            "Ferry crossings move earlier : Coast Blog | Stories from the shore | Founded 1998",
            '<meta property="og:title" content="Ferry crossings move earlier : Coast Blog | Stories from the shore |'
            ' Founded 1998"><meta property="og:site_name" content="Coast Blog">',
            "Coast Blog",
            "Ferry crossings move earlier",
            "Ferry crossings move earlier",
        ),
        # A heading that shows only the first part of a long title: the title stays whole.
        (
            "Harbour - Ferry crossings move earlier for the summer timetable",
            '<meta property="og:title" content="Harbour - Ferry crossings move earlier for the summer timetable">',
            "Harbour",
            "",
            "Harbour - Ferry crossings move earlier for the summer timetable",
        ),
    ],
)
def test_the_headline_a_reader_sees(title: str, meta: str, h1: str, h2: str, headline: str) -> None:
    page = HEADLINE_PAGE.format(title=title, meta=meta, h1=h1, h2=h2)
    assert read_html(page).threads[0].title == headline


def test_a_page_whose_text_loads_by_script_gives_its_title_and_stated_summary() -> None:
    # Only the headline and the summary stated for sharing are in the file: they are read, with a warning (it
    # was "no article text or comments found"). A summary that repeats the headline is none.
    page = """<html lang="en"><head><title>Ferry crossings move earlier | Coast News</title>
    <meta property="og:site_name" content="Coast News">
    <meta property="og:description" content="Ferry crossings move earlier">
    <meta name="description" content="The first boat of the day now leaves at 6:30, half an hour earlier.">
    </head><body><nav><a href="/">Home</a></nav><div id="app"></div><script>load()</script></body></html>"""
    reading = read_html(page, "page.html")
    [article] = reading.threads[0].posts
    assert [(block.kind, block.text) for block in article.blocks] == [
        ("title", "Ferry crossings move earlier"),
        ("paragraph", "The first boat of the day now leaves at 6:30, half an hour earlier."),
    ]
    assert reading.warnings == (
        "page.html: the article's text is not in this file (it loads by script): its title and the summary the page"
        " states are read",
    )


COMMENTED_SCRIPTED_PAGE = """<html lang="en"><head><title>Ferry crossings move earlier | Coast News</title>
<meta property="og:site_name" content="Coast News">
<meta name="description" content="{summary}">
</head><body><div id="app"></div><script>load()</script>
<section class="comments"><h2>Comments</h2><ol class="comment-list">
<li id="comment-1" class="comment"><article class="comment-body"><footer class="comment-meta">
<b class="fn">Ines</b> <time datetime="2026-05-02T08:00:00">2 May 2026</time></footer>
<div class="comment-content"><p>Finally! I missed that train every week last winter.</p></div></article></li>
<li id="comment-2" class="comment"><article class="comment-body"><footer class="comment-meta">
<b class="fn">Tom</b> <time datetime="2026-05-02T09:00:00">2 May 2026</time></footer>
<div class="comment-content"><p>Six thirty is too early for the school run, though.</p></div></article></li>
</ol></section></body></html>"""


def test_a_page_whose_text_loads_by_script_keeps_its_summary_above_its_comments() -> None:
    # The comments were read and the summary left out: the article was its headline alone.
    page = COMMENTED_SCRIPTED_PAGE.format(summary="The first boat of the day now leaves at 6:30, half an hour earlier.")
    reading = read_html(page, "page.html")
    article, *comments = reading.threads[0].posts
    assert [(block.kind, block.text) for block in article.blocks] == [
        ("title", "Ferry crossings move earlier"),
        ("paragraph", "The first boat of the day now leaves at 6:30, half an hour earlier."),
    ]
    assert [comment.author for comment in comments] == ["Ines", "Tom"]
    assert any("loads by script): its title and the summary" in warning for warning in reading.warnings)


def test_a_summary_that_quotes_a_comment_is_not_the_article() -> None:
    page = COMMENTED_SCRIPTED_PAGE.format(summary="Finally! I missed that train every week…")
    article = read_html(page, "page.html").threads[0].posts[0]
    assert [block.kind for block in article.blocks] == ["title"]


STATED_BODY = (
    "The first boat of the day now leaves at 6:30, half an hour earlier than last year.\n"
    "Commuters asked for the change so that they reach the train on the other side before eight.\n"
    "The last boat of the evening keeps its time, the harbour office said on Monday."
)
LEAD = (
    "Boats leave half an hour earlier from May, after a petition by commuters who cross every working day and"
    " who have waited for the connection on the other side for years, the harbour office said."
)
SCRIPTED = """<html lang="en"><head><title>Ferry crossings move earlier | Coast News</title>
<meta property="og:site_name" content="Coast News">
<meta property="og:description" content="Boats leave half an hour earlier from May.">
<script type="application/ld+json">{ld}</script></head><body><nav><a href="/">Home</a></nav>
<main><h1>Ferry crossings move earlier</h1>{shown}<div id="app"></div></main><script>load()</script></body></html>"""
SHOWN_IN_FULL = "".join(f"<p>{line}</p>" for line in STATED_BODY.split("\n"))


@pytest.mark.parametrize(
    ("stated", "shown", "paragraphs", "warned"),
    [
        # no text on the page: its data's, a paragraph per line, with a warning
        (STATED_BODY, "", STATED_BODY.split("\n"), True),
        # a teaser on the page, the rest drawn by script: the data's whole text
        (STATED_BODY, "<p>The first boat of the day now leaves at 6:30.</p>", STATED_BODY.split("\n"), True),
        # HTML in the data: read as a page's paragraphs
        ("".join(f"<p>{line}</p>" for line in STATED_BODY.split("\n")), "", STATED_BODY.split("\n"), True),
        # the page shows it all: the page's text, no warning
        (STATED_BODY, SHOWN_IN_FULL, STATED_BODY.split("\n"), False),
        # a lead the page shows above a text only its data holds (a paywall): the lead, then the data's text
        (
            STATED_BODY,
            f"<p>{LEAD}</p>",
            [LEAD, *STATED_BODY.split("\n")],
            True,
        ),
        # the data's text shorter than the page's (a summary): the page's
        ("Boats leave earlier.", SHOWN_IN_FULL, STATED_BODY.split("\n"), False),
    ],
)
def test_an_article_whose_text_is_only_in_its_json_ld_is_read_from_there(
    stated: str, shown: str, paragraphs: list[str], warned: bool
) -> None:
    # Only the headline was read (with the og:description's summary, or nothing when comments were there too).
    ld = json.dumps({"@context": "https://schema.org", "@type": "NewsArticle", "headline": "Ferry crossings move"
                     " earlier", "articleBody": stated})  # fmt: skip
    reading = read_html(SCRIPTED.format(ld=ld, shown=shown), "page.html")
    [article] = reading.threads[0].posts
    assert [(block.kind, block.text) for block in article.blocks] == [
        ("title", "Ferry crossings move earlier"),
        *[("paragraph", text) for text in paragraphs],
    ]
    stated_warning = (
        "page.html: the article's text on this page is missing or much shorter than the one its data states (JSON-LD"
        " articleBody): that one is read"
    )
    assert reading.warnings == ((stated_warning,) if warned else ())


@pytest.mark.parametrize("body_class", ["", "single has-comments"])
def test_the_comment_forms_heading_is_never_the_headline(body_class: str) -> None:
    # The extractor offers the reply form's heading (with its hidden "Cancel reply") as the title.
    page = f"""<html lang="en"><head><title>Ferry crossings move earlier</title></head><body class="{body_class}">
    <article><h2>Early boats from May</h2><p>The harbour office has moved the first crossing of the day half an hour
    earlier, so that commuters reach the train on the other side before eight.</p></article>
    <div id="respond" class="comment-respond"><h3 id="reply-title" class="comment-reply-title">Join the Discussion
    <small><a id="cancel-comment-reply-link" style="display:none">Cancel reply</a></small></h3>
    <form id="commentform"><textarea name="comment"></textarea></form></div></body></html>"""
    assert read_html(page).threads[0].title == "Ferry crossings move earlier"


POOL = """<html lang="en"><head><title>The pool opens early</title></head><body><main><article>
<h1>The pool opens early</h1><p>The pool at the edge of town opens {mark} in early May this year, two weeks earlier
than usual, because the new heater warms the water faster.</p><p>Swimmers have waited for this since the old
heater broke {mark}last summer.</p>{between}</article>
<div id="comments"><ol class="comment-list"><li class="comment" id="comment-1"><div class="comment-author vcard">
<cite class="fn">Anna</cite></div><div class="comment-meta"><a href="#comment-1">May 2, 2021 at 6:40 pm</a></div>
<div class="comment-content"><p>Finally {mark}some good news for once.</p></div></li></ol></div></main></body></html>"""


@pytest.mark.parametrize(
    "mark",
    [
        "<!-- ad slot 3 -->",  # an editor's note
        "<!--[if IE]>old browsers<![endif]-->",  # a conditional comment
        "<!-- react-text: 7 --><!-- /react-text -->",  # React's marks
        "<?php echo $x; ?>",  # a processing instruction a server left
    ],
)
def test_marks_inside_a_paragraph_neither_end_it_nor_lose_its_text(mark: str) -> None:
    # Trafilatura ended the paragraph at the mark and ran the next one into it: two paragraphs came out as one.
    between = "<!-- between the paragraphs --><p>The council pays for the heater.</p>"
    thread = read_html(POOL.format(mark=mark, between=between)).threads[0]
    article, comment = thread.posts
    assert [block.text for block in article.blocks[1:]] == [
        "The pool at the edge of town opens in early May this year, two weeks earlier than usual, because the new"
        " heater warms the water faster.",
        "Swimmers have waited for this since the old heater broke last summer.",
        "The council pays for the heater.",
    ]
    assert [block.text for block in comment.blocks] == ["Finally some good news for once."]


HANDLE_ONLY = """<html lang="en"><head><title>Ferry fares rise in May - Harbour Gazette International</title>
<meta name="twitter:site" content="@HarbourGazInt">{extra}</head><body><article><h1>Ferry fares rise in May</h1>
<p>Fares on the harbour ferry rise by ten percent in May, the operator said on Monday, citing fuel costs.</p>
</article></body></html>"""


@pytest.mark.parametrize(
    ("extra", "site"),
    [
        ("", "Harbour Gazette International"),  # the end of the title the handle abbreviates
        ('<meta name="application-name" content="Harbour Gazette">', "Harbour Gazette"),  # the name as an app
    ],
)
def test_a_social_media_handle_is_no_site_name(extra: str, site: str) -> None:
    # twitter:site was the only name found: the site was '@SputnikInt', '@geektimes_ru', '@politifact'.
    thread = read_html(HANDLE_ONLY.format(extra=extra)).threads[0]
    assert (thread.site, thread.title) == (site, "Ferry fares rise in May")


def test_a_headline_that_starts_with_the_brand_is_no_site_name() -> None:
    # "Take C.A.R.E. - comwrap auf der DMEXCO 2018" was named "comwrap auf der DMEXCO 2018": the handle is.
    page = HANDLE_ONLY.format(extra="").replace(
        " - Harbour Gazette International", " - HarbourGazInt sails to the outer isles on its new summer timetable"
    )
    assert read_html(page).threads[0].site == "HarbourGazInt"


@pytest.mark.parametrize(
    "headline",
    [
        "Skibergsteigen: Schnell und leicht mit den C.A.M.P. - Neuheiten",  # on bergsteigen.com
        "Echoes of the Past : The Hotel Bergsteigen Historic Ghostwalk (photos)",
    ],
)
def test_a_headline_part_holding_the_sites_name_inside_a_word_or_a_long_phrase_stays(headline: str) -> None:
    # A part of the title is the site's name where the name starts or ends it, or the part is short; a headline's
    # part whose word holds the domain's name is the headline's.
    meta = (
        '<meta property="og:site_name" content="Bergsteigen.com">'
        '<link rel="canonical" href="https://www.bergsteigen.com/news/camp/">'
    )
    page = HEADLINE_PAGE.format(title=f"{headline} | Bergsteigen.com", meta=meta, h1=headline, h2="Neu")
    assert read_html(page).threads[0].title == headline


NO_SITE_NAME = """<html lang="en"><head><title>{title}</title>{extra}</head><body><article>
<h1>Ferry fares rise in May</h1>
<p>Fares on the harbour ferry rise by ten percent in May, the operator said on Monday, citing fuel costs.</p>
</article></body></html>"""


@pytest.mark.parametrize(
    ("title", "extra", "site"),
    [
        # the name the page gives itself as an app
        ("Ferry fares rise in May", '<meta name="application-name" content="Harbour Gazette">', "Harbour Gazette"),
        # an end of the title that names the host
        ("Ferry fares rise in May | hgz", '<link rel="canonical" href="https://www.hgz.example/ferry">', "hgz"),
        ("HGZ Online » Ferry fares rise in May", '<link rel="canonical" href="https://hgz.example/f">', "HGZ Online"),
        # an end of the title beside the headline the page shows, a page number or the software's name passed over
        ("Ferry fares rise in May - Page 2 - Harbour Talk - Powered by phpBB", "", "Harbour Talk"),
        ("Ferry fares rise in May - Page 2", "", None),  # no site's name in the title: none
        # the host of the page's address, when nothing names the site
        ("Ferry fares rise in May", '<link rel="canonical" href="https://www.hgz.example/ferry">', "hgz.example"),
        ("Ferry fares rise in May", "", None),  # nothing at all
    ],
)
def test_a_page_without_a_sites_name_for_sharing_takes_it_from_elsewhere(
    title: str, extra: str, site: str | None
) -> None:
    thread = read_html(NO_SITE_NAME.format(title=title, extra=extra)).threads[0]
    assert (thread.site, thread.title) == (site, "Ferry fares rise in May")


CANONICAL = '<link rel="canonical" href="https://www.hgz.example/ferry">'


@pytest.mark.parametrize(
    ("title", "extra", "site"),
    [
        # What careless templates state as the site's name is passed over for what names it elsewhere.
        ("Ferry fares rise in May | HGZ", '<meta property="og:site_name" content="{$plugin.site_name}">', "HGZ"),
        # an address: its host, unless the page names the site in words elsewhere
        ("Ferry fares rise in May", '<meta property="og:site_name" content="https://www.hgz.example/">', "hgz.example"),
        (
            "Ferry fares rise in May",
            '<meta property="og:site_name" content="www.hgz.example"><script type="application/ld+json">'
            '{"@type": "NewsArticle", "headline": "Ferry fares rise in May", "publisher": {"name": "HGZ Online"}}'
            "</script>",
            "HGZ Online",
        ),
        ("Ferry fares rise in May | LAOLA1.at", '<meta property="og:site_name" content="LAOLA1.at">', "LAOLA1.at"),
        # a name written as a domain is a name; a title that is the site's name alone does not make it a headline
        ("Ferry fares rise in May", '<meta property="og:site_name" content="Harbour.news">', "Harbour.news"),
        (" &bull; PepTalks", '<meta property="og:site_name" content="PepTalks">', "PepTalks"),
        ("Ferry fares rise in May | HGZ", '<meta property="og:site_name" content="02.11.2021">', "HGZ"),
        ("Ferry fares rise in May | HGZ", '<meta property="og:site_name" content="Copyright © 2001-2009">', "HGZ"),
        ("Ferry fares rise in May | HGZ", '<meta property="og:site_name" content="Start">', "HGZ"),
        # the headline stated as the site's name, alone or beside the site's name in the title
        (
            "Ferry fares rise in May | Harbour Gazette",
            '<meta property="og:site_name" content="Ferry fares rise in May">'
            '<link rel="canonical" href="https://harbourgazette.example/ferry">',
            "Harbour Gazette",
        ),
        ("Ferry fares rise in May", '<meta name="application-name" content="Ferry fares rise in May">', "hgz.example"),
        # the separator a template leaves after the name
        ("Ferry fares rise in May", '<meta name="apple-mobile-web-app-title" content="Harbour Gazette - ">',
         "Harbour Gazette"),
        # a name in a title part between the headline and a motto; a domain writes "ä" as "ae"
        ("Ferry fares rise in May | Hägz Gazette – Since 1890", "", "Hägz Gazette"),
    ],
)  # fmt: skip
def test_a_stated_site_name_is_taken_only_when_it_can_be_one(title: str, extra: str, site: str) -> None:
    address = "" if "canonical" in extra else CANONICAL.replace("hgz", "haegz" if "ä" in title else "hgz")
    page = NO_SITE_NAME.format(title=title, extra=extra + address)
    thread = read_html(page).threads[0]
    assert (thread.site, thread.title) == (site, "Ferry fares rise in May")


def test_an_icons_title_is_not_the_pages() -> None:
    # An SVG icon's `<title>` before the page's was taken for the document title ("Back Button").
    page = NO_SITE_NAME.format(title="Ferry fares rise in May – Harbour Gazette", extra=CANONICAL).replace(
        '<html lang="en"><head>', '<html lang="en"><head><svg><title>Back Button</title></svg>'
    )
    assert read_html(page).threads[0].site == "Harbour Gazette"


def test_a_phpbb_topic_without_a_sites_name_for_sharing_takes_the_end_of_its_title() -> None:
    # The topic's page of a phpBB board that states no og:site_name had no site at all.
    page = (Path(__file__).resolve().parents[1] / "data" / "html" / "phpbb.html").read_text(encoding="utf-8")
    page = page.replace('<meta property="og:site_name" content="Riverside Motoring Forum">', "")
    thread = read_html(page, "viewtopic.html").threads[0]
    assert (thread.site, thread.title) == ("Riverside Motoring Forum", "Best way to store winter tyres?")


LOOSE_TEXT = """<html lang="en"><head><title>Set-top boxes get a new guide</title></head><body>
<div class="post"><h1>Set-top boxes get a new guide</h1><div class="post_body">
<!-- gallery start --><div style="text-align: center;"><a href="/gallery/1"><img src="/boxes.jpg" alt=""></a></div>
Streaming shows to phones is nice, but we enjoy watching television on the television, and the operator had
plenty to say about that today as well, with a new guide due in the autumn.
<br>
New updates include support for external storage on every recorder, automatic chapters on recordings, and an
undelete button to bring back recordings removed by mistake.
<br><div style="text-align: center;"><img src="/guide.jpg" alt=""></div>
</div><!--end post_body--></div></body></html>"""


def test_an_html_comment_beside_loose_text_neither_runs_its_paragraphs_together_nor_loses_them() -> None:
    # engadget.com's posts: a comment before the picture, the text loose in the box after it, lines split by <br>.
    blocks = read_html(LOOSE_TEXT).threads[0].posts[0].blocks
    assert [(block.kind, block.text.split()[:3]) for block in blocks] == [
        ("title", ["Set-top", "boxes", "get"]),
        ("paragraph", ["Streaming", "shows", "to"]),
        ("paragraph", ["New", "updates", "include"]),
    ]


def test_a_lead_loose_after_a_box_is_read_before_the_paragraphs() -> None:
    # yahoo.com's AP stories: the dateline's paragraph is loose text after the related stories' box.
    lead = "HARBOUR TOWN (AP) — Ferry operators said on Monday that the first crossing will leave half an hour earlier."
    page = (
        "<html lang='en'><head><title>Ferries earlier</title></head><body><h1>Ferries earlier</h1><div class='bd'>"
        f"<div class='photo'><img src='/a.jpg'></div>{lead}<p>The harbour office said the change lets commuters reach"
        " the train on the other side before eight, and that a late boat will run on Fridays.</p><p>Fares stay the"
        " same for now, although the operator warned that fuel costs have doubled since the winter.</p></div>"
        "</body></html>"
    )
    blocks = read_html(page).threads[0].posts[0].blocks
    assert [block.text.split()[0] for block in blocks] == ["Ferries", "HARBOUR", "The", "Fares"]


DECK_PAGE = """<html lang="en"><head><title>Ferries leave earlier - Coast News</title>
<meta name="description" content="{summary}"></head><body><div id="story"><h1>Ferries leave earlier</h1>
<h2><!--DECK-->The harbour office moves the first crossing to suit the commuters' trains<!--/DECK--></h2>
<p class="byline">By Kim Lee</p><p>The harbour office has moved the first crossing of the day half an hour earlier,
so that commuters reach the train on the other side before eight.</p><p>A late boat will run on Fridays from May,
and fares stay the same for now, although fuel costs have doubled since the winter.</p></div></body></html>"""


@pytest.mark.parametrize("dropped", [False, True])
@pytest.mark.parametrize(
    ("summary", "deck"),
    [
        # The deck under the headline, as the page's summary says it (businessweek.com): the text's first block.
        (
            "The harbour office moves the first crossing to suit the commuters' trains.",
            "The harbour office moves the first crossing to suit the commuters' trains",
        ),
        # A summary that says something else: the heading after the headline is not taken for a deck.
        ("Ferries, fares and timetables on the northern coast.", None),
    ],
)
def test_the_deck_under_the_headline_is_the_articles_subtitle(
    summary: str, deck: str | None, dropped: bool, monkeypatch: pytest.MonkeyPatch
) -> None:
    if dropped:  # the extractor starts at the text's first paragraph, as on businessweek.com's pages

        def from_first_paragraph(tree: Any) -> Any:
            body = extracted(tree)
            for head in body.findall("head"):
                body.remove(head)
            return body

        extracted = html_article._body
        monkeypatch.setattr(html_article, "_body", from_first_paragraph)
    thread = read_html(DECK_PAGE.format(summary=summary)).threads[0]
    kinds = [block.kind for block in thread.posts[0].blocks]
    assert thread.subtitle == deck
    if deck:
        assert kinds == ["title", "subtitle", "paragraph", "paragraph"]
        assert thread.posts[0].blocks[1].text == deck
    else:
        assert "subtitle" not in kinds


SHOWN_DECK_PAGE = """<html lang="en"><head><title>Ferries leave earlier - Coast News</title>
<meta name="description" content="Coast News: ferries, fares and timetables on the northern coast."></head><body>
<div id="story"><header>{heading}{deck}</header><p class="byline">By Kim Lee</p><p>The harbour office has moved the
first crossing of the day half an hour earlier, so that commuters reach the train on the other side before eight.</p>
<p>A late boat will run on Fridays from May, and fares stay the same for now, although fuel costs have doubled since
the winter.</p></div></body></html>"""
SHOWN_DECK = "The harbour office moves the first crossing so that commuters catch their trains again."


@pytest.mark.parametrize(
    ("heading", "deck", "subtitle"),
    [
        # A heading of whole sentences right under the headline (die-tagespost.de, eurosport.de).
        ("<h1>Ferries leave earlier</h1>", f"<h2>{SHOWN_DECK}</h2>", SHOWN_DECK),
        # A paragraph in a box named for the deck (tagesspiegel.de's `ts-intro`, bmfsfj.de's `article-teaser`).
        ("<h1>Ferries leave earlier</h1>", f'<p class="article-teaser">{SHOWN_DECK}</p>', SHOWN_DECK),
        # ... under a heading that shows a kicker before the headline.
        ("<h1><span>Harbour : </span>Ferries leave earlier</h1>", f'<p class="lead">{SHOWN_DECK}</p>', SHOWN_DECK),
        # A section's heading under the headline (no full stop) is no deck; nor a paragraph in no deck's box.
        ("<h1>Ferries leave earlier</h1>", "<h2>What changes for the commuters on the first boat</h2>", None),
        ("<h1>Ferries leave earlier</h1>", f"<p>{SHOWN_DECK}</p>", None),
        # A date under the headline, in a box named like a deck, is no deck either.
        ("<h1>Ferries leave earlier</h1>", '<p class="intro">Published on Monday, 4 May 2026, 10:15</p>', None),
        # ... nor a box named like one that holds the story's time and writer (tarnkappe.info's `div.subtitle`).
        (
            "<h1>Ferries leave earlier</h1>",
            '<div class="subtitle"><time datetime="2026-05-04T10:15">4.5.26 10:15</time> <span class="byline">by'
            " <a>Kim Lee</a></span>, reading time: four minutes and a half</div>",
            None,
        ),
    ],
)
def test_a_deck_the_summary_does_not_repeat_is_the_articles_subtitle(
    heading: str, deck: str, subtitle: str | None
) -> None:
    thread = read_html(SHOWN_DECK_PAGE.format(heading=heading, deck=deck)).threads[0]
    assert thread.subtitle == subtitle
    if subtitle:
        assert [block.kind for block in thread.posts[0].blocks][:2] == ["title", "subtitle"]


SLIDE = """<figure class="flat-slide"><div class="slide-header"><h2><a href="/ferries/photo/{n}">{n}. {name}</a></h2>
</div><div class="image"><img src="/{n}.jpg" alt=""></div><figcaption class="flat-slide-caption"><p>{text}</p>
</figcaption></figure>"""
BOATS = [
    ("The Morning Star", "The first boat of the day, painted white and blue, leaves the harbour at half past six."),
    ("The Heron", "A small ferry for twelve cars that crosses to the island every hour until the evening."),
    ("The Old Lady", "Built in 1962 and still running on Sundays, when the harbour museum opens its doors."),
    ("The Night Owl", "The new late boat on Fridays, which waits for the last train from the city before it leaves."),
]
SLIDESHOW_PAGE = """<html lang="en"><head><title>Four ferries to know - Coast News</title></head><body><article>
<h1>Four ferries to know</h1><div class="post-content"><p>Four boats cross the bay every day, and each of them has
its own story to tell. The harbour office has named them all after birds and stars, and the crews know every rock in
the bay by heart.</p><p>Here they are, from the oldest boat to the newest one, with what makes each of them worth a
trip across the water this summer.</p></div><div class="slides">{slides}</div></article></body></html>"""


LIST_SLIDE = """<li class="slide"><h2>{n}. {name}</h2><img src="/{n}.jpg" alt=""><p>{text}</p></li>"""


@pytest.mark.parametrize("slide", [SLIDE, LIST_SLIDE])
def test_a_slideshows_text_is_read_from_its_slides(slide: str) -> None:
    # The extractor drops every box named for a slide (and pictures' captions): a slideshow article was its
    # introduction alone (popsugar.co.uk's `figure.flat-slide`; `li.slide` items).
    shown = BOATS * 2  # in the morning, then in the evening
    slides = "".join(slide.format(n=n, name=name, text=text) for n, (name, text) in enumerate(shown, 1))
    if slide == LIST_SLIDE:
        slides = f"<ul>{slides}</ul>"
    blocks = read_html(SLIDESHOW_PAGE.format(slides=slides)).threads[0].posts[0].blocks
    texts = [block.text for block in blocks]
    assert texts[1].startswith("Four boats cross the bay")
    assert texts[2].startswith("Here they are")
    assert texts[3:] == [line for n, (name, text) in enumerate(shown, 1) for line in (f"{n}. {name}", text)]


def test_a_row_of_teaser_cards_beside_a_story_is_no_slideshow() -> None:
    # Cards of other stories in a slider under a story hold about as much text as the story (falstaff.de).
    story = "".join(
        f"<p>{text} The harbour office said so on Monday, and the timetable shows it.</p>" for _, text in BOATS
    )
    cards = "".join(
        f'<div class="slide"><h3><a href="/other/{n}">{name}</a></h3><p>{text}</p></div>'
        for n, (name, text) in enumerate(BOATS, 1)
    )
    page = SLIDESHOW_PAGE.replace('<div class="slides">{slides}</div>', f'{story}<div class="slider">{cards}</div>')
    texts = [block.text for block in read_html(page).threads[0].posts[0].blocks]
    assert not any(text == name for name, _ in BOATS for text in texts)


@pytest.mark.parametrize(
    ("title", "kept"),
    [
        ("Ferry fares rise in May -", "Ferry fares rise in May"),  # the site's name left out of the template
        ("Ferry fares rise in May » ☆☆☆☆☆", "Ferry fares rise in May"),  # a rating's stars, no words
        ("23.01.2022 - Ferry fares rise in May", "Ferry fares rise in May"),
        ("Ferry fares rise in May | 2022-01-23", "Ferry fares rise in May"),
        ("« Ferry fares rise in May »", "« Ferry fares rise in May »"),  # a quote's closing guillemet
        ("Ferry fares: 2022 - 2023", "Ferry fares: 2022 - 2023"),  # years are no date in figures
        ("-", "-"),  # nothing else: left as it is
    ],
)
def test_a_titles_empty_parts_are_cut(title: str, kept: str) -> None:
    assert without_dangling(title) == kept


def test_a_headline_stated_with_an_empty_site_part_is_read_without_it() -> None:
    meta = '<meta property="og:title" content="Ferry fares rise in May - ">'
    page = HEADLINE_PAGE.format(title="Ferry fares rise in May", meta=meta, h1="Harbour Gazette", h2="Fares")
    assert read_html(page).threads[0].title == "Ferry fares rise in May"


@pytest.mark.parametrize(
    ("stated", "h1", "headline"),
    [
        ('"Welches Europa wir wollen"', "„Welches Europa wir wollen“", "„Welches Europa wir wollen“"),
        ("Energy Rising - 33 Tage Yoga", "Energy Rising – 33 Tage Yoga", "Energy Rising – 33 Tage Yoga"),
        ("Alles hat seine Zeit...", "Alles hat seine Zeit…", "Alles hat seine Zeit…"),
        ("Editor's Letter: bye, Baby", "Editor’s Letter: bye, Baby", "Editor’s Letter: bye, Baby"),
        # Other words, case or marks: the stated headline (a kicker in its own element loses its colon).
        ("Klimaschutz: Bohren, bis es heiß wird", "<span>Klimaschutz</span> <span>Bohren, bis es heiß wird</span>",
         "Klimaschutz: Bohren, bis es heiß wird"),
        ("Using Defadvice in Emacs", "Using defadvice in Emacs", "Using Defadvice in Emacs"),
    ],
)  # fmt: skip
def test_the_headline_takes_the_typographic_marks_its_heading_shows(stated: str, h1: str, headline: str) -> None:
    assert shared_headline_read(stated, h1) == headline


def shared_headline_read(stated: str, h1: str) -> str:
    """The title read from a page that states its headline for sharing (`og:title`) and shows an h1."""
    meta = f'<meta property="og:title" content="{stated.replace(chr(34), "&quot;")}">'
    return read_html(HEADLINE_PAGE.format(title="Harbour Gazette", meta=meta, h1=h1, h2="Fares")).threads[0].title


@pytest.mark.parametrize(
    ("title", "h1", "headline"),
    [
        # The site's long name after a pipe, the page's one h1 showing the headline: cut there.
        ("Bears on the ridge | Parco Nazionale d'Abruzzo, Lazio e Molise", "Bears on the ridge", "Bears on the ridge"),
        # Another separator: the part after it may be the headline's own (a subtitle), and stays.
        ("Bears on the ridge: a record year for the park", "Bears on the ridge",
         "Bears on the ridge: a record year for the park"),
    ],
)  # fmt: skip
def test_a_title_is_cut_at_a_pipe_to_what_the_pages_one_h1_shows(title: str, h1: str, headline: str) -> None:
    page = HEADLINE_PAGE.format(title=title, meta=f'<meta property="og:title" content="{title}">', h1=h1, h2="x")
    assert read_html(page).threads[0].title == headline


PARAGRAPHS = "".join(
    f"<p>Paragraph {n} of the story: the harbour office moved the first crossing of the day half an hour earlier,"
    f" so that commuters reach the train on the other side before eight, and added a late boat on Fridays.</p>"
    for n in range(1, 9)
)
WIDGET_STORY = f"""<html lang="en"><head><title>Ferry times change</title></head><body>
<div class="ui-tabs-panel ui-corner-bottom ui-widget-content" id="article-read"><div class="theContentBlock">
<div class="gallery"><p>More Galleries</p></div>{PARAGRAPHS}</div></div>
<div class="policy"><p>Comments are encouraged, but you must follow our User Agreement and stay on topic.</p></div>
</body></html>"""


def test_a_story_the_extractor_drops_is_read_from_the_box_of_the_longest_paragraphs(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    # trafilatura's rules drop some story boxes (`ui-tabs-panel ui-widget-content` beside `#article-read` on a
    # real page): what it reads then, here nothing, is replaced by the box of the page's longest paragraphs,
    # its text's elements only (not the gallery's box among them).
    monkeypatch.setattr(html_article, "_body", lambda tree: None)
    article = read_html(WIDGET_STORY).threads[0].posts[0]
    texts = [block.text for block in article.blocks if block.kind != "title"]
    assert len(texts) == 8 and all(text.startswith(f"Paragraph {n} of the story") for n, text in enumerate(texts, 1))


SHORT_STORY = """<html lang="en"><head><title>Store updated</title></head><body><div class="story">{paragraphs}
</div><div class="related"><p><a href="/news/1">An older story</a></p></div></body></html>"""


@pytest.mark.parametrize(
    ("paragraphs", "read"),
    [
        # A news brief (two paragraphs and a line): the page's text, though far shorter than a story the
        # extractor missed must be to replace what it read.
        (
            "<p>Sony has updated the store in Australia this week, and for once it is a decent update.</p><p>A racing "
            "game's upgrade is out, and a demo of a shooter by the makers of a famous racing series can be "
            "downloaded too.</p><p>Other regions wait until next week.</p>",
            3,
        ),
        ("<p>Sony has updated the store in Australia this week.</p>", 0),  # a line: no story to fall back on
    ],
)
def test_a_short_story_is_read_from_its_box_where_the_extractor_read_nothing(
    paragraphs: str, read: int, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(html_article, "_body", lambda tree: None)  # it took a list of other stories, since left out
    facts = html_article.article_facts(lxml.html.document_fromstring(SHORT_STORY.format(paragraphs=paragraphs)),
                                       with_body=True)  # fmt: skip
    assert len([block for block in facts.blocks if block[0] == "paragraph"]) == read


def test_the_lead_printed_above_the_box_of_the_longest_paragraphs_is_read_with_it(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    # Barron's: the first paragraphs beside the box that holds the rest (`div.paywall`), a photo above them.
    monkeypatch.setattr(html_article, "_body", lambda tree: None)
    lead = "".join(
        f"<p>Lead {n}: shares of the builder fell before the bell after it cut its forecast.</p>" for n in (1, 2)
    )
    page = f"""<html lang="en"><head><title>Builder cuts forecast</title></head><body><article><div class="body">
    <div class="ad"></div><figure><figcaption>The builder's yard.</figcaption></figure>{lead}
    <div class="paywall">{PARAGRAPHS}</div></div></article></body></html>"""
    article = read_html(page).threads[0].posts[0]
    texts = [block.text.split(":")[0] for block in article.blocks if block.kind != "title"]
    assert texts == ["Lead 1", "Lead 2"] + [f"Paragraph {n} of the story" for n in range(1, 9)]


def test_a_story_the_extractor_reads_keeps_its_reading() -> None:
    # The extractor read the story (and the gallery's line): its reading stands, the box is not read again.
    article = read_html(WIDGET_STORY).threads[0].posts[0]
    texts = [block.text for block in article.blocks if block.kind != "title"]
    assert texts[0] == "More Galleries" and sum(text.startswith("Paragraph") for text in texts) == 8


@pytest.mark.parametrize(
    ("stated", "h1", "headline"),
    [
        ("Pierogi z dynią w sosie szałwiowym przepis", "Pierogi z dynią w sosie szałwiowym",
         "Pierogi z dynią w sosie szałwiowym"),  # a search engine's word after what the page shows
        ("Mandarinen-Schmand-Kuchen von jesusfreak", "Mandarinen-Schmand-Kuchen", "Mandarinen-Schmand-Kuchen"),
        ("IPN, czyli element infrastruktury Tygodnik Sieci", "IPN, czyli element infrastruktury",
         "IPN, czyli element infrastruktury"),  # the magazine's name, no separator before it
        # Four words more are the headline's own: the h1 is a kicker.
        ("Brexit deal collapses in the night", "Brexit", "Brexit deal collapses in the night"),
        ("Ferry fares rise", "Ferry fares rise again", "Ferry fares rise"),  # the h1 longer: nothing cut
    ],
)  # fmt: skip
def test_a_few_words_a_stated_headline_adds_to_the_pages_one_h1_are_cut(stated: str, h1: str, headline: str) -> None:
    assert shared_headline_read(stated, h1) == headline


@pytest.mark.parametrize(
    ("stated", "h1", "headline"),
    [
        # Wikipedia's JSON-LD states the short description as the headline; the h1 and the document title
        # ("H1 - Wikipedia") agree on the article's name.
        ("Wikimedia list article", "List of films featuring time loops", "List of films featuring time loops"),
        ("technique for dimensionality reduction", "t-distributed stochastic neighbor embedding",
         "t-distributed stochastic neighbor embedding"),  # the heading's lower-case first letter too
    ],
)  # fmt: skip
def test_a_stated_headline_the_h1_and_document_title_contradict_is_not_taken(
    stated: str, h1: str, headline: str
) -> None:
    data = json.dumps({"@type": "Article", "name": h1[:1].upper() + h1[1:], "headline": stated})
    meta = f'<script type="application/ld+json">{data}</script>'
    page = HEADLINE_PAGE.format(title=f"{h1} - Wikipedia", meta=meta, h1=h1, h2="Fares")
    assert read_html(page).threads[0].title == headline
    # Where the document title is another's (the site's name), nothing contradicts the stated headline.
    page = HEADLINE_PAGE.format(title="Wikipedia", meta=meta, h1=h1, h2="Fares")
    assert read_html(page).threads[0].title == stated


@pytest.mark.parametrize("title_shape", ["BDZV: {h1}", "{h1} - BDZV"])
def test_a_section_stated_for_sharing_gives_way_to_the_headline_the_h1_and_document_title_agree_on(
    title_shape: str,
) -> None:
    # `og:title` names the page's section ("Pressemitteilungen"); the h1 and the document title, the site's name
    # before or after it, agree on the headline.
    h1 = "Olafur Eliasson gestaltet Titelseite für die Zeitungen"
    meta = '<meta property="og:title" content="Pressemitteilungen">'
    page = HEADLINE_PAGE.format(title=title_shape.format(h1=h1), meta=meta, h1=h1, h2="Kunstaktion")
    assert read_html(page).threads[0].title == h1


def test_code_words_inside_a_paragraph_stay_in_it() -> None:
    # trafilatura marks inline code and code blocks alike (`<code>`): inline, it is part of the paragraph's line.
    page = """<html lang="en"><head><title>Fetching data</title></head><body><article><h1>Fetching data</h1>
    <p>The new API replaces the old request object. It is built on promises and reads much better.</p>
    <p>Support can be detected by checking for <code>Headers</code>, <code>Request</code> or <code>fetch</code> on
    the <code>window</code> scope, before any request is made.</p>
    <p>The most useful part of the API is the <code>fetch()</code> function, which returns a promise.</p>
    <pre><code>fetch("/data.json").then(function (response) { return response.json(); });</code></pre>
    </article></body></html>"""
    blocks = read_html(page).threads[0].posts[0].blocks
    assert [block.text for block in blocks[1:]] == [
        "The new API replaces the old request object. It is built on promises and reads much better.",
        "Support can be detected by checking for Headers, Request or fetch on the window scope, before any request"
        " is made.",
        "The most useful part of the API is the fetch() function, which returns a promise.",
        'fetch("/data.json").then(function (response) { return response.json(); });',
    ]


@pytest.mark.parametrize(
    ("h1", "headline"),
    [
        # A blog theme's motto in the h1 on every page, a link to the home page: the logo, not the headline.
        ('<a href="/">Notes from the harbour</a>', "Ferry fares rise in May"),
        ('<a href="https://harbour.example/">Notes from the harbour</a>', "Ferry fares rise in May"),
        # A link to the story itself, or an anchor without an address, is a headline's.
        ('<a href="/2024/05/ferry-fares">Ferry fares rise in May</a>', "Ferry fares rise in May"),
        ('<a name="top">Ferries run late</a>', "Ferries run late"),
    ],
)
def test_an_h1_that_links_to_the_home_page_is_the_sites_logo(h1: str, headline: str) -> None:
    meta = '<meta property="og:site_name" content="Harbour Notes">'
    page = HEADLINE_PAGE.format(title="Ferry fares rise in May | Harbour Notes", meta=meta, h1=h1, h2="Fares")
    assert read_html(page).threads[0].title == headline


def test_of_several_h1s_the_one_the_document_title_is_gives_the_headline() -> None:
    # A CMS heads its quick links, its menu and the section's box with h1s too; the document title is one of them
    # and the site's name.
    headline = "Norddeutschland findet seine Meister"
    page = f"""<html lang="de"><head><title>{headline} - Berliner Verband e.V.</title></head><body>
    <h1>Quicklink</h1><ul><li><a href="/a">Termine</a></li></ul><h1>Navigation</h1><ul><li><a href="/b">Verband
    </a></li></ul><div class="mod_article"><h1 class="ce_headline first">Pressemitteilungen</h1><h1>{headline}</h1>
    <p>Bei den Meisterschaften in der Halle holten die Athletinnen des Verbands drei Titel und zwei Medaillen.</p>
    </div></body></html>"""
    assert read_html(page).threads[0].title == headline


def test_a_document_title_shown_whole_as_a_heading_is_the_headline_where_the_page_has_no_h1() -> None:
    # No h1: the headline is an h3 (`text__subheadline`) equal to the document title; a box's h2 below it
    # ("Ansprechpartner", the contacts) is no headline, whatever the extractor picks.
    headline = "Auf den Spuren von Rafael Nadal"
    page = f"""<html lang="de"><head><title>{headline}</title></head><body><main><div class="text">
    <h3 class="text__subheadline">{headline}</h3><p>Die Jugendlichen des Verbands trainierten eine Woche lang an
    der Akademie auf Mallorca, mit Einheiten auf Sand und in der Halle, und sahen dem Profi beim Training zu.</p>
    <p>Am Ende stand ein Turnier, das zwei Spielerinnen aus dem Verband gewannen.</p></div>
    <div class="text"><h2 class="text__headline">Ansprechpartner</h2><h3>Christoph Berg</h3><p>Referent für Jugend
    und Leistungssport.</p></div></main></body></html>"""
    assert read_html(page).threads[0].title == headline


def test_an_h1_heading_the_skip_links_is_no_headline() -> None:
    # German federal sites head their skip links with `h1.navSkip` "Navigation und Service", the story's own
    # heading lower (an h2 here, the last part of the document title).
    title = "www.bund.example: Der Präsident / Reden / Rede beim Konvent der Landesparlamente"
    meta = '<link rel="canonical" href="https://www.bund.example/reden/konvent.html">'
    headline = "Rede beim Konvent der Landesparlamente"
    page = HEADLINE_PAGE.format(title=title, meta=meta, h1="Navigation und Service", h2=headline).replace(
        "<h1>", '<h1 class="navSkip">'
    )
    assert read_html(page).threads[0].title == headline


@pytest.mark.parametrize(
    ("h1", "h2", "headline"),
    [
        # The h1 names the section; the h2 shows the story's headline, which is the document's title.
        ("Allergies Health Center", "Babies who eat peanuts early may avoid the allergy",
         "Babies who eat peanuts early may avoid the allergy"),
        # A short document title (a section's name) is no headline beside an h1.
        ("Babies who eat peanuts early may avoid the allergy", "Allergies",
         "Babies who eat peanuts early may avoid the allergy"),
    ],
)  # fmt: skip
def test_an_h1_naming_the_section_gives_way_to_the_headline_in_an_h2(h1: str, h2: str, headline: str) -> None:
    page = HEADLINE_PAGE.format(title=h2, meta="", h1=h1, h2=h2)
    assert read_html(page).threads[0].title == headline


CHUNK = (
    '<div class="grid grid-items-2 grid-layout--adrail"><div class="grid--item body article__body">{paragraphs}</div>'
    '<div class="grid--item grid-layout__aside"><div class="ad ad--rail"><div class="ad__slot"></div></div></div></div>'
)
STORY_LINKS = '<hr><div class="heading-h3">More great stories</div><ul>' + "".join(
    f'<li>A story about <a href="https://news.example/story-{n}/">something else entirely, number {n}</a></li>'
    for n in range(4)
)


def _chunk_paragraphs(word: str, numbers: range) -> str:
    return "".join(
        f"<p>{word} {n}: the town council met again on Tuesday and argued for three hours about the new bridge, the"
        " tram line and who should pay for both of them.</p>"
        for n in numbers
    )


def _chunked_story(chunks: list[str]) -> str:
    return f"""<html lang="en"><head><title>The bridge nobody wants to pay for | Example News</title>
    <meta property="og:title" content="The bridge nobody wants to pay for"></head><body><main><article class="main">
    <header><h1>The bridge nobody wants to pay for</h1></header><div class="article__chunks">{"".join(chunks)}</div>
    </article></main></body></html>"""


def test_a_story_cut_into_chunks_of_one_class_is_read_to_its_end() -> None:
    # Wired's layout: each chunk of the text in a box of its own beside an ad rail; the extractor stops after the
    # first. The later chunks are read on, without their list of links to other stories.
    page = _chunked_story(
        [
            CHUNK.format(paragraphs=_chunk_paragraphs("Part", range(1, 5))),
            CHUNK.format(paragraphs=_chunk_paragraphs("Section", range(5, 11)) + STORY_LINKS),
        ]
    )
    blocks = [block.text.split(":")[0] for block in read_html(page).threads[0].posts[0].blocks[1:]]
    assert blocks == [f"Part {n}" for n in range(1, 5)] + [f"Section {n}" for n in range(5, 11)]


@pytest.mark.parametrize(
    "second",
    [
        # A line of a disclaimer in a box of the story's class is no more of it.
        CHUNK.format(paragraphs="<p>Disclosure: we may be paid for some of the links in our stories, at no cost.</p>"),
        # A blog's front page: each post's text in a box of one class, below its own linked title.
        '<div class="grid grid-items-2"><h2 class="entry-title"><a href="https://news.example/other/">Another post'
        '</a></h2><div class="entry-meta">Posted on May 3</div><div class="grid--item body article__body">'
        + _chunk_paragraphs("Other post", range(1, 6))
        + "</div></div>",
    ],
)
def test_boxes_of_the_storys_class_that_do_not_continue_it_are_not_read(second: str) -> None:
    page = _chunked_story([CHUNK.format(paragraphs=_chunk_paragraphs("Part", range(1, 5))), second])
    blocks = [block.text.split(":")[0] for block in read_html(page).threads[0].posts[0].blocks[1:]]
    assert blocks == [f"Part {n}" for n in range(1, 5)]


def test_a_story_written_with_line_breaks_keeps_its_first_paragraph_and_no_cards_excerpt() -> None:
    # MacRumors: the story's text loose in its box, paragraphs between blank lines, a picture after the first (which
    # the extractor lost there); a side box's guide cards hold a paragraph inside their link (which it read as text).
    # A guard: this smaller page is read right either way; `broken_paragraphs` and `teaser_texts` have their tests.
    runs = [
        "Following the new large laptop, the maker plans a smaller one with the same keyboard in the first half of"
        " next year, according to suppliers cited by a trade paper.",
        "The report claims the display size will remain the same, although given the source we would not rule out"
        " a larger display. Two suppliers are said to make the keyboards.",
        "The new keyboard is largely based on the standalone one sold for desktops. Given the tried design, it"
        " should prove far more reliable than the keyboards used in recent years.",
    ]
    card = (
        '<div id="right"><div id="guides"><h3>Guides</h3><ul><li><a href="https://news.example/guide/night/">'
        "<p>Night mode is an automatic setting of the new camera that lets in more light, for brighter photos when"
        " the light is low.</p></a></li></ul></div></div>"
    )
    page = f"""<html lang="en"><head><title>Smaller laptop expected next year</title></head><body>{card}
    <div class="article"><h1 class="title">Smaller laptop expected next year</h1><div class="byline">by Ann Lee</div>
    <div class="content">{runs[0]} <br> <br><img src="/laptop.jpg"><center><em>The keyboard, via a repair
    shop</em></center> <br>{runs[1]}<br> <br>{runs[2]}</div></div></body></html>"""
    article = read_html(page).threads[0].posts[0]
    assert [block.text for block in article.blocks if block.kind == "paragraph"] == runs


KICKER_PAGE = """<html lang="de"><head><title>{og} | Beispiel-Nachrichten</title>
<meta property="og:title" content="{og}">
</head><body><div class="site"><h1 class="logo"><a href="/">Beispiel-Nachrichten</a></h1></div><article>{above}
<h1>{h1}</h1><p class="text">Die Angreifer haben interne Unterlagen des Konzerns im Netz veröffentlicht, darunter
Verträge und Listen von Mitarbeitern, wie ein Sprecher am Dienstag bestätigte.</p><p class="text">Der Konzern hat
Anzeige erstattet und prüft nun, welche Daten betroffen sind und wer informiert werden muss.</p></article>
</body></html>"""
HEADLINE = "Daten von Rheinmetall gehackt"


@pytest.mark.parametrize(
    ("og", "above", "h1", "title", "kicker"),
    [
        # The h1 prints the kicker in an element of its own above the headline: the headline is the title.
        (f"Interne Unterlagen im Netz: {HEADLINE}", "",
         f'<span class="dachzeile">Interne Unterlagen im Netz</span> <span class="headline">{HEADLINE}</span>',
         HEADLINE, "Interne Unterlagen im Netz"),
        (f"Interne Unterlagen im Netz {HEADLINE}", "", f"<small>Interne Unterlagen im Netz</small><br>{HEADLINE}",
         HEADLINE, "Interne Unterlagen im Netz"),
        # The h1 shows the headline alone; the kicker printed above it, or nowhere (then not kept).
        (f"Interne Unterlagen im Netz: {HEADLINE}", '<span class="kicker">Interne Unterlagen im Netz</span>',
         HEADLINE, HEADLINE, "Interne Unterlagen im Netz"),
        (f"Hackerangriff: {HEADLINE}", "", HEADLINE, HEADLINE, None),
        # The title is the headline already: the h1's kicker is kept beside it.
        (HEADLINE, "", f'<span class="kicker">Interne Unterlagen im Netz</span> {HEADLINE}', HEADLINE,
         "Interne Unterlagen im Netz"),
        # Kept whole: more words before the headline than a kicker has, or none set off from it.
        (f"Was wir bisher über den Angriff wissen: {HEADLINE}", "", HEADLINE,
         f"Was wir bisher über den Angriff wissen: {HEADLINE}", None),
        (f"Neu {HEADLINE}", "", HEADLINE, f"Neu {HEADLINE}", None),
    ],
)  # fmt: skip
def test_the_kicker_before_the_headline_is_no_part_of_the_title(
    og: str, above: str, h1: str, title: str, kicker: str | None
) -> None:
    thread = read_html(KICKER_PAGE.format(og=og, above=above, h1=h1)).threads[0]
    assert thread.title == title
    subtitles = [block.text for block in thread.posts[0].blocks if block.kind == "subtitle"]
    assert subtitles == ([kicker] if kicker else [])


def test_the_lead_above_a_box_comes_before_the_boxs_own_loose_text() -> None:
    tree = lxml.html.fromstring(
        '<html><body><div><p>Lead</p><div class="paywall">Own text <p>Second</p></div></div></body></html>'
    )
    box = tree.find(".//div[@class='paywall']")
    assert box is not None
    story = html_article.text_elements(box, with_lead=True)
    assert [" ".join(text.split()) for text in story.itertext() if text.strip()] == ["Lead", "Own text", "Second"]


@pytest.mark.parametrize(
    ("line", "published"),
    [
        ('<div class="meta">Datum: 03.11.2021</div>', datetime(2021, 11, 3)),
        ("<p>Pressemitteilung vom 20.01.2022</p>", datetime(2022, 1, 20)),
        ("<span>Handball Schweiz • 2. Februar 2022</span>", datetime(2022, 2, 2)),
        # No date to the day, or when the story was changed: none.
        ("<p>November 2021</p>", None),
        ("<p>Aktualisiert am 05.11.2021</p>", None),
        # A dateline: the date at the start of a paragraph's text, after a label of two words at most.
        ("<p>01.02.2022 „Der Arbeitsmarkt ist gut in das Jahr gestartet“, sagte die Chefin der Behörde.</p>",
         datetime(2022, 2, 1)),
        ("<p>Pressemitteilung vom 25. Januar 2022 | Berlin – Die Ministerin reiste am Dienstag nach Kiew.</p>",
         datetime(2022, 1, 25)),
        ("<p>Ich habe am 12. Mai 2006 eine Mail an alle Abgeordneten geschickt und auf Antwort gewartet.</p>", None),
    ],
)  # fmt: skip
def test_a_date_printed_near_the_headline_where_the_page_states_none(line: str, published: datetime | None) -> None:
    page = f"""<html lang="de"><head><title>Neue Regeln für Tabak</title></head><body><header><nav>Start</nav>
    </header><main><h1>Neue Regeln für Tabak</h1>{line}<p>Ab dem kommenden Jahr gelten für Tabakwaren neue Regeln bei
    der Steuer, wie die Behörde am Mittwoch mitteilte.</p><p>Händler müssen ihre Bestände bis zum Jahresende
    melden und die neuen Steuerzeichen verwenden.</p></main></body></html>"""
    assert read_html(page).threads[0].published == published


def test_the_date_near_the_headline_is_looked_for_below_an_h2_headline_under_a_logo() -> None:
    menu = "".join(f"<li><a href='/{n}'>Bereich {n}</a></li>" for n in range(60))
    page = f"""<html lang="de"><head><title>Gedenken mit Stolpersteinen</title></head><body><h1><a href="/">L-Mag
    </a></h1><ul>{menu}</ul><main><h2>Gedenken mit Stolpersteinen</h2><p>27.1.2022 - Bei der Erinnerung an die
    Verfolgten wurden in diesem Jahr auch neue Steine verlegt, wie der Verein mitteilte.</p></main></body></html>"""
    assert read_html(page).threads[0].published == datetime(2022, 1, 27)


def test_the_date_near_the_headline_is_looked_for_by_the_headlines_h1_not_a_menus() -> None:
    # The first h1 names the page's menu (for screen readers), far above the story; its headline's h1 has the date
    # below it.
    menu = "".join(f"<li><a href='/{n}'>Bereich {n}</a></li>" for n in range(60))
    page = f"""<html lang="de"><head><title>Neue Karte zum Radon</title></head><body><h1>Navigation und
    Service</h1><ul>{menu}</ul><main><h1>Neue Karte zum Radon</h1><p><span>Stand: 25. Januar 2022</span></p>
    <p>Die neue Karte zeigt, wo im Boden viel Radon zu erwarten ist, und hilft Bauherren bei der Planung.</p>
    </main></body></html>"""
    assert read_html(page).threads[0].published == datetime(2022, 1, 25)


HATOM_ENTRY = """<html lang="en"><head><title>Ferry week</title></head><body>{entries}</body></html>"""
HATOM_POST = """<div class="post hentry"><h1 class="entry-title">Ferry week</h1><div class="byline">By <span
class="author vcard"><span class="fn">Dora Quist</span></span> on <abbr class="published"
title="{stamp}">{shown}</abbr></div><div class="entry-content"><p>The river ferry carried fewer than two hundred
passengers last week, the lowest count since the bridge reopened in the spring.</p></div></div>"""


@pytest.mark.parametrize(
    ("stamps", "published"),
    [
        # hAtom's machine time of the entry gives the hour a day printed alone leaves out.
        ([("2012-08-07T09:30:00-05:00", "August 7, 2012")], datetime(2012, 8, 7, 9, 30)),
        # Stated in UTC, read as the page prints it for its readers.
        ([("2012-08-07T14:30:00Z", "August 7, 2012 at 9:30 am")], datetime(2012, 8, 7, 9, 30)),
        # A page of several entries states no one time for the page: the day the page prints.
        (
            [("2012-08-07T09:30:00-05:00", "August 7, 2012"), ("2012-08-06T10:00:00-05:00", "August 6, 2012")],
            datetime(2012, 8, 7),
        ),
    ],
)
def test_hatoms_published_time_of_the_entry(stamps: list[tuple[str, str]], published: datetime) -> None:
    entries = "".join(HATOM_POST.format(stamp=stamp, shown=shown) for stamp, shown in stamps)
    assert read_html(HATOM_ENTRY.format(entries=entries)).threads[0].published == published


@pytest.mark.parametrize(
    ("footer", "writer", "kept"),
    [
        ("Posted by Ines on April 6, 2007 | Permalink", "Ines", False),  # TypePad, Movable Type
        ("Posted by Marisa at 10:15 AM", "Marisa", False),  # Blogger
        # A sentence that starts so is the text's, and names no writer.
        ("Posted by Anna on 3 May and read by thousands since then, more than we expected", None, True),
    ],
)
def test_an_entrys_footer_names_its_writer(footer: str, writer: str | None, kept: bool) -> None:
    page = f"""<html lang="en"><head><title>Why we stopped printing the timetable</title></head><body>
    <div class="content"><h3>Why we stopped printing the timetable</h3><p>For twenty years the timetable was a folded
    card at the ticket window, and this spring we stopped printing it for good.</p><p>The times are on the board by
    the pier and on this blog, updated each Monday.</p><p class="posted">{footer}</p></div></body></html>"""
    article = read_html(page).threads[0].posts[0]
    assert article.author == writer
    assert any(block.text == footer for block in article.blocks) is kept


# An old paper's page: its document title is the site's name, it states no headline and shows no h1; the headline is
# a box its class names (`div.articleTitle`) above the text's first paragraph. A teaser's headline (a link) in the
# rail and a related story's title below the text are not it.
NAMED_HEADLINE_PAGE = """<html><head><title>Winona Daily News</title></head><body><table><tr>
<td class="rail"><div class="headline"><a href="/news/other-story">Council votes on the bridge</a></div></td>
<td class="articleBox"><div class="articleTitle">Peterson eyes the rushing title</div>
<p>Adrian Peterson needs one more big game to finish the season as the league's leading rusher, and the coaches
know it.</p><p>The Vikings play the Broncos on Sunday, with a place in the playoffs at stake for both teams.</p>
<div class="articleTitle">More from the sports desk</div></td></tr></table></body></html>"""


def test_a_headline_named_by_its_class_where_the_title_is_the_sites_name() -> None:
    thread = read_html(NAMED_HEADLINE_PAGE).threads[0]
    assert thread.title == "Peterson eyes the rushing title"
    assert [block.text for block in thread.posts[0].blocks][:2] == [
        "Peterson eyes the rushing title",
        "Adrian Peterson needs one more big game to finish the season as the league's leading rusher, and the "
        "coaches know it.",
    ]


def test_a_headline_named_by_its_class_gives_way_to_a_stated_one_and_to_an_h1() -> None:
    stated = NAMED_HEADLINE_PAGE.replace(
        "<head>", '<head><meta property="og:title" content="Peterson chases the rushing title">'
    )
    assert read_html(stated).threads[0].title == "Peterson chases the rushing title"
    shown = NAMED_HEADLINE_PAGE.replace('<td class="articleBox">', '<td class="articleBox"><h1>Vikings at Broncos</h1>')
    assert read_html(shown).threads[0].title == "Vikings at Broncos"
