"""The article's own facts on pages we wrote: its writer and time where the story's box shows them,
and the lines a page keeps from search engines."""

from __future__ import annotations

from datetime import datetime

import lxml.html

from translator.readers.html import read_html
from translator.readers.html_article import box_facts, story_box
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
