"""Article furniture on pages we wrote: tag lists, score counters, teaser boxes, the comment section's heading."""

from __future__ import annotations

from collections.abc import Callable, Iterable
from pathlib import Path

import lxml.html
import pytest
from lxml.html import HtmlElement

from translator.models import BlockKind
from translator.readers import read_thread
from translator.readers.common import BlockSpec
from translator.readers.html import read_html
from translator.readers.html_furniture import (
    AD_STEMS,
    AD_WORDS,
    READ_ALSO,
    READ_ALSO_LABELS,
    Teasers,
    ad_lines,
    printed_count,
    reaction_rows,
    read_also_lines,
    score_counters,
    tag_lists,
    teaser_texts,
    title_headings,
    trim_body,
)

PAGES = Path(__file__).resolve().parents[1] / "data" / "html"


def texts(html: str, find: Callable[[HtmlElement], Iterable[HtmlElement]]) -> list[str]:
    tree = lxml.html.document_fromstring(html)
    return [" ".join(element.text_content().split()) for element in find(tree)]


def test_short_story_without_its_rating_title_and_tags() -> None:
    # A short post drawn like a story site's: the rating "412", the headline again, a tag list under the text.
    thread = read_thread(PAGES / "story-rating-tags.html").thread
    article = thread.posts[0]
    body = [block.text for block in article.blocks if block.kind != "title"]
    assert body and body[0].startswith("Каждую весну соседи")
    assert body[-1].endswith("Вчера огонь дошёл до сарая.")
    joined = " ".join(body)
    assert "412" not in joined and "пожар" not in joined and "Не жгите" not in joined
    assert [post.author for post in thread.posts[1:]] == ["ivan", "olga", "petr"]


@pytest.mark.parametrize(
    ("html", "found"),
    [
        # WordPress: a label and links with rel="tag" (categories are "category tag").
        ('<p>Schlagwörter: <a rel="tag" href="/t/a">Buche</a>, <a rel="tag" href="/t/b">Eigenbau</a></p>', 1),
        ('<div class="tags"><a href="/tag/pozhar/hot">пожар</a> <a href="/tag/vesna/hot">весна</a></div>', 1),
        # Links to a shop with an affiliate `?tag=` are text, not tags.
        (
            '<ul><li>Sand <a href="https://shop.example/x/?tag=me-21">paper</a>, <a href="/y/?tag=a">oil</a></li></ul>',
            0,
        ),
        # A date beside a category link is the post's meta line, left to the extractor.
        ('<p class="meta">14. Juni 2013 at 20:51 (<a rel="category tag" href="/c/x">Spezifisch</a>)</p>', 0),
        # A tag link inside a sentence is part of it.
        ('<p>Mehr über <a href="/tag/buche/">Buchenholz</a> steht in meinem älteren Beitrag über Hobelbänke.</p>', 0),
    ],
)
def test_tag_lists(html: str, found: int) -> None:
    assert len(texts(f"<html><body>{html}</body></html>", tag_lists)) == found


@pytest.mark.parametrize(
    ("html", "found"),
    [
        (
            '<div class="story__rating-block"><i class="story__rating-up"></i><b class="story__rating">37</b></div>',
            ["37"],
        ),
        ('<span class="post-rating-count">+12</span>', ["+12"]),
        # A match report's score is data: not named for a rating or votes.
        ('<p><span class="competitor__name">Vaculik</span> <span class="competitor__score">2</span></p>', []),
        # A rating in a table is data; a rating with words is text.
        ('<table><tr><td class="rating-value">7</td></tr></table><p class="rating-note">Note: 7 of 10</p>', []),
    ],
)
def test_score_counters(html: str, found: list[str]) -> None:
    assert texts(f"<html><body>{html}</body></html>", score_counters) == found


def test_title_headings_and_teaser_texts() -> None:
    tree = lxml.html.document_fromstring(
        "<html><body><h2>Не жгите траву!</h2><h3>Другое</h3>"
        '<div class="related-posts"><h4>Читайте также</h4><a href="/1">Трава горит</a></div>'
        '<div class="related-content"><p>' + "Длинный текст статьи. " * 20 + "</p></div></body></html>"
    )
    assert [h.text_content() for h in title_headings(tree, "Не жгите траву")] == ["Не жгите траву!"]
    # A box named "related" that holds a long paragraph is the page's own text.
    assert teaser_texts(tree) == Teasers(frozenset({"Читайте также", "Трава горит"}), frozenset({"Читайте также"}))


def spec(text: str, kind: BlockKind = "paragraph") -> BlockSpec:
    return (kind, text, None, None)


@pytest.mark.parametrize(
    ("blocks", "kept"),
    [
        # The comment section's heading and what follows it (a login prompt, a sort control) go.
        (["Text.", "3 Kommentare", "Sie sind nicht eingeloggt.", "по актуальности"], ["Text."]),
        (["Text.", "Comments (12)", "Sort by"], ["Text."]),
        (["Text.", "59 комментариев"], ["Text."]),
        (["Text.", "コメント一覧 (3)", "並び替え"], ["Text."]),  # a list's heading
        (["Text.", "Alle Kommentare [12]"], ["Text."]),
        # Found first, only the heading goes: the article follows.
        (["Un commentaire", "Texte."], ["Texte."]),
        # A sentence about comments is text.
        (["Text.", "12 comments were deleted by the moderators yesterday."], None),
        # A copyright notice left last goes; a sentence of the text about copyright stays.
        (["Text.", "This article is the copyrighted property of Harbour News.", "© 2020 Harbour News"], ["Text."]),
        (["Text.", "Alle Rechte vorbehalten."], ["Text."]),
        (["Text.", "Copyright law lets the ferry's operator keep its timetable's design to itself."], None),
    ],
)
def test_trim_body(blocks: list[str], kept: list[str] | None) -> None:
    result = [text for _, text, _, _ in trim_body([spec(text) for text in blocks])]
    assert result == (blocks if kept is None else kept)


def test_trim_body_drops_a_last_heading_and_teaser_lines() -> None:
    blocks = [spec("Text."), spec("Ähnliche Beiträge"), spec("Mehr lesen", "heading")]
    assert trim_body(blocks, Teasers(frozenset({"Ähnliche Beiträge"}))) == [spec("Text.")]
    # Two teaser lines in a row go; one alone amid the text is the article's (a caption a teaser repeats).
    teasers = Teasers(frozenset({"Das Gitter von Blake", "Drei Stile", "Zwei Modelle", "Mehr davon"}))
    blocks = [
        spec("A."),
        spec("Das Gitter von Blake"),
        spec("B."),
        spec("Drei Stile"),
        spec("Zwei Modelle"),
        spec("C."),
    ]
    assert [text for _, text, _, _ in trim_body(blocks, teasers)] == ["A.", "Das Gitter von Blake", "B.", "C."]
    # Teaser lines the extractor ran into one block go too, even last in the text.
    teasers = Teasers(frozenset({"Old boats sold Three hulls for sale", "Winter berths Where to leave a boat"}))
    blocks = [spec("A."), spec("More on boats Old boats sold Three hulls for sale Winter berths Where to leave a boat")]
    assert trim_body(blocks, teasers) == [spec("A.")]
    # A box's own heading goes wherever it is.
    blocks = [spec("A."), spec("Mehr davon", "heading"), spec("B.")]
    assert trim_body(blocks, Teasers(frozenset({"Mehr davon"}), frozenset({"Mehr davon"}))) == [spec("A."), spec("B.")]


@pytest.mark.parametrize(
    ("heading", "count"),
    [
        ("32 Comments", 32),
        ("32 commentaires", 32),
        ("Комментарии (32)", 32),
        ("комментарий 41", 41),
        ("32 thoughts on “Ein Titel”", 32),
        ("4 réponses à « Le tramway »", 4),
        ("1,234 Comments", 1234),
        ("5 comentários em “Título”", 5),
        ("32件のコメント", 32),
        # A list's heading with its count in brackets.
        ("コメント一覧 (3)", 3),
        ("コメント一覧（３）", 3),  # full-width brackets and digit
        ("Kommentare (12)", 12),
        ("Alle Kommentare [12]", 12),
        ("Comments list ( 5 )", 5),
        ("Liste des commentaires (3)", 3),
        ("Список комментариев (7)", 7),
        ("评论列表 (4)", 4),
        ("댓글 목록 (2)", 2),
        ("Reader comments (1 204)", 1204),
        ("Recent Comments", None),  # a sidebar's list of others
        ("Recent comments (5)", None),
        ("Show comments (7)", None),  # a button's label, not the list's heading
        ("Leave a comment", None),
        ("Kommentare 2023", None),  # a year, not a count
    ],
)
def test_printed_comment_count(heading: str, count: int | None) -> None:
    tree = lxml.html.document_fromstring(f"<html><body><p>Text.</p><h2>{heading}</h2></body></html>")
    assert printed_count(tree) == count


@pytest.mark.parametrize(
    "markup",
    [
        '<div class="commentListHeader">コメント一覧 <span>(3)</span></div>',  # a theme's title, camelCase
        '<div class="comments-list-title">Kommentare (3)</div>',
        "<h3>Comments <small>(3)</small></h3>",
    ],
)
def test_a_list_heading_gives_the_count(markup: str) -> None:
    tree = lxml.html.document_fromstring(f"<html><body><p>Text.</p>{markup}</body></html>")
    assert printed_count(tree) == 3


def test_headings_that_disagree_count_nothing() -> None:
    tree = lxml.html.document_fromstring("<html><body><h2>3 Comments</h2><h3>5 Comments</h3></body></html>")
    assert printed_count(tree) is None


def test_a_printed_count_above_what_the_page_holds_is_reported() -> None:
    page = (PAGES / "wordpress.html").read_text(encoding="utf-8")
    more = page.replace("4 réponses à", "12 réponses à")
    assert read_html(more, "page.html").warnings == (
        "page.html: the page counts 12 comments but holds 4; the others load by script or sit on other pages",
    )
    assert read_html(page, "page.html").warnings == ()


def test_a_list_heading_counting_more_than_the_page_holds_is_reported() -> None:
    # "Leserkommentare 3" in the camelCase fixture becomes a list's heading in Japanese style, then counts 5.
    page = (PAGES / "camel-case.html").read_text(encoding="utf-8")
    heading = 'Leserkommentare <span class="commentsCount">3</span>'
    assert heading in page
    assert read_html(page.replace(heading, "コメント一覧（3）"), "page.html").warnings == ()
    assert read_html(page.replace(heading, "Kommentare (5)"), "page.html").warnings == (
        "page.html: the page counts 5 comments but holds 3; the others load by script or sit on other pages",
    )
    # Its heading is no line of the article either.
    article = read_html(page.replace(heading, "コメント一覧 (5)"), "page.html").threads[0].posts[0]
    assert not any("コメント" in block.text for block in article.blocks)


def test_pingbacks_the_heading_counts_are_not_missing_comments() -> None:
    # WordPress counts pingbacks in "N Comments" and draws them in the list; they are left out, not missing.
    page = (PAGES / "wordpress.html").read_text(encoding="utf-8").replace("4 réponses à", "5 réponses à")
    pingback = '<li class="pingback even depth-1"><p>Blog <a href="/x">Tram</a> […] ligne […]</p></li>'
    page = page.replace('<ol class="comment-list">', '<ol class="comment-list">' + pingback, 1)
    assert 'class="pingback' in page
    assert read_html(page, "page.html").warnings == ()


PAYWALLED = """<html lang="de"><head><title>Wohnungssuche</title></head><body><main>
<section class="row non-paywall"><article><h1>Wohnungssuche</h1><p class="lead">Die Vorlesungen starten, aber nicht
alle, die fürs Studium in die Stadt kommen, haben schon ein Zimmer. Manchen bleibt nur die Notunterkunft.</p>
<div class="freemium__preview"><p>Im Wohnheim am Fluss stehen die Betten zu viert in einem Raum, und die
Warteliste ist länger als je zuvor.</p></div></article></section>
<section class="row paywall" id="wall"><div class="freemium"><p><small>Bereits Abonnent/in? <a href="#">Anmelden</a>
</small></p><p><strong>Jetzt diesen Artikel lesen!</strong></p><ul><li>Alle Artikel</li><li>Jederzeit kündbar</li>
</ul></div></section>
<aside class="related"><h3>Mehr zum Thema</h3><ul><li><a href="/a">Mieten steigen weiter</a></li>
<li><a href="/b">Neues Wohnheim geplant</a></li></ul></aside></main></body></html>"""


@pytest.mark.parametrize("button", ["", ' class="loginRegButton"', ' class="login-button"'])
def test_a_paywall_prompt_is_no_part_of_the_article(button: str) -> None:
    # The box named for the paywall prompts to log in or subscribe; the free part sits in `non-paywall` and
    # `freemium__preview` boxes, which are the text. Its login link may be named a button: the extractor
    # keeps its text in the prompt's line ("Bereits Abonnent/in? Anmelden"), which is a label all the same.
    page = PAYWALLED.replace('<a href="#">Anmelden</a>', f'<a href="#"{button}>Anmelden</a>')
    assert "Bereits Abonnent/in? Anmelden" in teaser_texts(lxml.html.document_fromstring(page)).labels
    body = [block.text for block in read_html(page, "page.html").threads[0].posts[0].blocks]
    assert body[1].startswith("Die Vorlesungen starten")
    assert any(text.startswith("Im Wohnheim am Fluss") for text in body)
    prompts = ("Abonnent", "Jetzt diesen Artikel", "kündbar")
    assert not any(prompt in text for text in body for prompt in prompts)


def test_ad_labels_and_closing_prompts_are_no_part_of_the_body() -> None:
    def lines(*texts: str) -> list[BlockSpec]:
        return [("paragraph", text, None, None) for text in texts]

    body = lines("Erster Absatz.", "Werbung", "Zweiter Absatz.", "Kommentare lesen und schreiben, hier klicken")
    assert [block[1] for block in trim_body(body)] == ["Erster Absatz.", "Zweiter Absatz."]
    body = lines("First paragraph.", "Advertisement:", "Last one.", "Subscribe to our newsletter")
    assert [block[1] for block in trim_body(body)] == ["First paragraph.", "Last one."]
    # A sentence of the text that speaks of comments or a newsletter stays; so does an advert's own text.
    body = lines("Werbung für Tabak ist verboten.", "The minister did not read the comments before she spoke.")
    assert trim_body(body) == body


ADVERTISED = """<html lang="de"><head><title>Heimsieg im Regen</title></head><body><div class="entry">
<h1>Heimsieg im Regen</h1><p>Der Sportverein vom Fluss gewann am Sonntag zu Hause mit zwei zu null, obwohl es die ganze
zweite Halbzeit über regnete und der Platz kaum noch bespielbar war.</p><p>Der Trainer lobte nach dem Spiel vor allem
die Abwehr, die in neunzig Minuten keinen einzigen Schuss auf das eigene Tor zuließ.</p>{ad}<p>Das nächste Spiel
findet in zwei Wochen auswärts statt, die Mannschaft fährt mit dem Bus und hofft auf viele mitreisende Fans.</p>
</div></body></html>"""


@pytest.mark.parametrize(
    ("ad", "dropped"),
    [
        # A label and the advert's words, a box of banners after it (sw1.news's "ANZEIGE - ..." line).
        (
            '<b>ANZEIGE - Heute mal essen gehen? Wie wäre es mit:</b><br><div id="gastro">'
            '<div class="wp_bannerize_container"><a href="/x"><img src="/b.jpg" alt="Zur Mühle"></a></div></div>',
            True,
        ),
        # ... inside a box named for adverts, which the extractor keeps (German and Spanish names).
        ('<div class="werbung"><p>Anzeige: Günstige Fährtickets zu den Inseln, jetzt buchen</p></div>', True),
        ('<div id="sponsor-1"><p>Publicidad: Billetes baratos de ferry a las islas</p></div>', True),
        # A paragraph of the text that starts with the word, no advert's box around it or after it.
        ("<p>Werbung – Zielgruppe und Bedürfnisse</p>", False),
        # ... nor in a post the site files under advertising (WordPress's taxonomy classes name its subject).
        ('<div class="post category-werbung"><p>Anzeige: Der Verein hat Anzeige erstattet.</p></div>', False),
    ],
)
def test_a_line_labelling_an_advert_is_no_part_of_the_article(ad: str, dropped: bool) -> None:
    page = ADVERTISED.format(ad=ad)
    label = lxml.html.fragment_fromstring(ad, create_parent=True).text_content().split(":")[0]
    assert bool(texts(page, ad_lines)) == dropped
    body = [block.text for block in read_html(page).threads[0].posts[0].blocks]
    assert any(text.startswith("Das nächste Spiel") for text in body)
    assert any(text.startswith(label.strip()) for text in body) != dropped


REACTIONS = """<html><body><article><h1>Das Freibad öffnet früher</h1><p>Das Freibad am Stadtrand öffnet in diesem
Jahr schon Anfang Mai, zwei Wochen früher als sonst.</p><div class="post-reactions"><span>👍 31</span> <span>❤️ 4</span>
</div><div class="reactionsBar"><a href="/r">Anna, Ben und 12 andere</a></div></article>
<section id="reactions"><h2>Réactions</h2><div class="reaction"><p>Enfin une bonne nouvelle pour le quartier.</p></div>
</section><div class="reacties"><span>Jan</span> 3</div></body></html>"""


def test_rows_of_reactions_are_furniture() -> None:
    # Rows of emoji counts and "reacted" names came into the article's text; a French comment section named
    # "reactions" holds paragraphs and stays, as does the Dutch "reacties" (comments).
    assert texts(REACTIONS, reaction_rows) == ["👍 31 ❤️ 4", "Anna, Ben und 12 andere"]
    article = read_html(REACTIONS).threads[0].posts[0]
    assert not any("31" in block.text or "andere" in block.text for block in article.blocks)


READ_ALSO_PAGE = """<html lang="{lang}"><head><title>Ferry fares rise</title></head><body><article>
<h1>Ferry fares rise</h1>
<p>Fares on the harbour ferry rise by ten percent in May, the operator said on Monday, citing fuel costs that have
doubled since the winter timetable began.</p>{line}<p>Commuters' groups said they would ask the council to cap the
fares for season tickets, as it did once before when the operator raised them twice in one year.</p>
</article></body></html>"""


@pytest.mark.parametrize(
    ("lang", "line", "dropped"),
    [
        ("en", '<p><strong>Related article: <a href="/a">Council caps bus fares</a></strong></p>', True),
        ("en", '<p>Read more: <a href="/b">Fuel costs double in a year</a></p>', True),
        ("es", '<p><b>Lea también:</b> <a href="/c">Suben las tarifas del ferry en mayo</a></p>', True),
        ("de", '<p>Lesen Sie auch » <a href="/d">Fährpreise steigen im Mai</a></p>', True),
        ("ru", '<p>Читайте также: <a href="/e">Цены на паром растут</a></p>', True),
        # A sentence of the text that starts like such a line keeps its place: most of it is no link.
        ("en", '<p>Read more: the operator\'s <a href="/f">report</a> lists every rise since the ferry began in'
               ' 1998, and each of them followed a rise in the price of fuel.</p>', False),
        # A label with no link after it may be the text's own words.
        ("en", "<p>Related: the bus operator raised its fares too, by five percent from the first of May.</p>",
         False),
    ],
)  # fmt: skip
def test_a_line_pointing_to_another_story_is_no_part_of_the_article(lang: str, line: str, dropped: bool) -> None:
    article = read_html(READ_ALSO_PAGE.format(lang=lang, line=line)).threads[0].posts[0]
    shown = lxml.html.fromstring(line).text_content().strip()
    assert any(" ".join(shown.split()) in block.text for block in article.blocks) is not dropped
    assert len([block for block in article.blocks if block.kind != "title"]) == (2 if dropped else 3)


def test_a_paragraph_inside_a_link_to_another_page_is_a_teaser_line() -> None:
    # A card's excerpt (`<a href><p>...</p></a>`: a side box's guide, a related story) is never the article's text;
    # a link to a place in the page itself, or a script's link, holds no card.
    excerpt = "Night mode lets in more light, for brighter photos when the light is low."
    tree = lxml.html.fromstring(
        f"""<html><body><a href="https://news.example/guide/"><p>{excerpt}</p></a>
        <a href="#part-2"><p>Part two of the story.</p></a><a href="javascript:"><p>Drawn by a script.</p></a>
        <p>The story's own paragraph.</p></body></html>"""
    )
    assert teaser_texts(tree).lines == frozenset({excerpt})


def test_a_link_left_open_around_the_story_holds_no_cards_excerpt() -> None:
    # A page that leaves a link open (`<a href=/author/bob>Bob` before the article): the parser stretches it over the
    # story, whose paragraphs are no teaser's.
    tree = lxml.html.fromstring(
        '<html><body><div><a href="/author/bob">Bob<article><h1>Story</h1>'
        + "<p>A paragraph of the story, long enough to be one.</p>" * 6
        + "</article></div></body></html>"
    )
    assert teaser_texts(tree).lines == frozenset()


def _alternatives(pattern: str) -> list[str]:
    """The words of a `(?:a|b|c?)` pattern, each optional last letter taken too."""
    words = pattern.removeprefix("(?:").removesuffix(")").split("|")
    return [form for word in words for form in ((word[:-2], word[:-1]) if word.endswith("?") else (word,))]


def test_the_quick_tests_of_a_label_cover_every_label() -> None:
    # A page whose text holds no advert's stem is not walked; a first piece of text at least as long as the longest
    # "read also" label and starting with none is no such line: both rest on these constants.
    assert all(any(stem in word for stem in AD_STEMS) for word in _alternatives(AD_WORDS))
    assert tuple(_alternatives(READ_ALSO)) == READ_ALSO_LABELS


@pytest.mark.parametrize(
    ("line", "pointing"),
    [
        ('<p>Lesen Sie auch: <a href="/a">Die Fähre fährt wieder täglich</a></p>', True),
        ('<p><b>Lesen</b> Sie auch: <a href="/a">Die Fähre fährt wieder täglich</a></p>', True),  # the label cut
        ('<p><b>Read more</b>: <a href="/a">Ferry timetables change in May</a></p>', True),
        ('<p>Read more about the ferries in <a href="/a">our guide to the coast</a> and its harbours.</p>', False),
        ('<p>The harbour office says: <a href="/a">Ferries run again</a></p>', False),
    ],
)
def test_lines_pointing_to_another_story_are_told_by_their_label(line: str, pointing: bool) -> None:
    tree = lxml.html.document_fromstring(
        f"<html><body><article><p>{'Words of the story. ' * 20}</p>{line}</article></body></html>"
    )
    assert bool(read_also_lines(tree)) == pointing
