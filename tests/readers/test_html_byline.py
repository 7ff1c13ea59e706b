"""A story's byline: its labels cut, what is no writer's name left out, several writers marked side by side
all named."""

from __future__ import annotations

import lxml.html
import pytest

from translator.readers.html import read_html
from translator.readers.html_byline import (
    as_written,
    clean_byline,
    extracted_or_stated,
    marked_writers,
    searched_byline,
    split_writers,
    writers_only,
)


def test_a_byline_run_into_the_writers_blurb_is_cut_to_the_stated_name() -> None:
    assert extracted_or_stated("Ana Ruiz Ana is a full-stack engineer; Has Worked As A", "Ana Ruiz") == "Ana Ruiz"
    assert extracted_or_stated("Ana Ruiz-Soto", "Ana Ruiz") == "Ana Ruiz-Soto"
    assert extracted_or_stated(None, "Ana Ruiz") == "Ana Ruiz"
    assert extracted_or_stated("Ana Ruiz", None) == "Ana Ruiz"


def test_a_bylines_label_without_a_colon_is_cut() -> None:
    assert clean_byline("Autor Jan Nowak") == "Jan Nowak"
    assert clean_byline("Autorin: Maria Weber") == "Maria Weber"
    assert clean_byline("Authority Magazine") == "Authority Magazine"  # a word that starts like the label
    assert clean_byline("Текст Венера Ерофеева") == "Венера Ерофеева"  # Russian "Text" (wday.ru)
    assert clean_byline("Text: Anna Roth") == "Anna Roth"  # German, with its colon
    assert clean_byline("Textile Weekly") == "Textile Weekly"  # a word that starts like it
    assert clean_byline("Analysis by Chris Cillizza") == "Chris Cillizza"  # the kind of piece, then "by" (cnn.com)
    assert clean_byline("Ein Artikel von Anna Roth") == "Anna Roth"  # German, the same
    assert clean_byline("Gastbeitrag von Jan Berg") == "Jan Berg"
    assert clean_byline("Story by Ana Ruiz") == "Ana Ruiz"
    assert clean_byline("Artikelserie Nord") == "Artikelserie Nord"  # a word that starts like it


@pytest.mark.parametrize(
    ("byline", "cleaned"),
    [
        ("Par Anne Roux; Jean Petit", "Anne Roux; Jean Petit"),  # the label goes, each name stays
        ("Sign In", None),  # the login link at the top of a forum page is nobody's name
        ("Anmelden", None),
        ("Signe Inman", "Signe Inman"),
        # A profile link's title read as its text, with the labels before it (wordpress.com, chefkoch.de).
        ("View all posts by Dana Lemaire", "Dana Lemaire"),
        ("Zeige alle Beiträge von Petra Rulo", "Petra Rulo"),
        ("Rezept von Zum Profil von kochfan kochfan", "kochfan"),  # the avatar's text, then the link's
        ("Erstellt von: Andri Brand", "Andri Brand"),
        ("Interview Julia Laut", "Julia Laut"),
        ("Ernst von Weizen", "Ernst von Weizen"),  # a first name that ends like a participle keeps its name
        # What a template prints where a name goes: the comment form's label, a button, a placeholder.
        ("Name", None),
        ("Follow", None),
        ("Null; Rodolfo Costas", "Rodolfo Costas"),
        ("No Author", None),
        ("unknown author", None),
        ("Artikel von:", None),
        ("Publiziert am", None),
        ("Posted on September 21", None),
        ("Theme: Pirate Rogue von xwolf", None),
        ("Copyright Harbour Media GmbH; Co KG", None),
        # A date's label left after the name, a degree after its comma, a profile box's link after the name.
        ("Sara Zinn Stand", "Sara Zinn"),
        ("Houzz Nord vor", "Houzz Nord"),
        ("Grant Tins; PhD", "Grant Tins"),
        ("Martin Jung Alles von Martin Jung Kontakt", "Martin Jung"),
        # A profile link's words, the same list before a name (a link's title read as the name) and after it.
        ("Ver todas las entradas de Ana Ruiz", "Ana Ruiz"),
        ("Ana Ruiz Ver todas las entradas de Ana Ruiz", "Ana Ruiz"),
        ("Luca Neri Tutti gli articoli di Luca Neri", "Luca Neri"),
        ("More by Kim Lee", "Kim Lee"),
        # Both people of an interview.
        ("Rita Prech im Gespräch mit Karin Fisch", "Rita Prech; Karin Fisch"),
        # A site's address read as words gets its dots back; beside a writer's name it is left out.
        ("Harbourgazette De", "harbourgazette.de"),
        ("Www Harbour Gazette Com", "Www Harbour gazette.com"),  # no address of one word: only the end is
        ("Www Harbourgazette Com", "www.harbourgazette.com"),
        ("Redaktion harbour de", "Redaktion harbour.de"),
        ("Facebook Com; Eva Karp", "Eva Karp"),
        ("Kim Le", "Kim Le"),  # a surname is no top-level domain
    ],
)
def test_clean_byline(byline: str, cleaned: str | None) -> None:
    assert clean_byline(byline) == cleaned


@pytest.mark.parametrize(
    ("byline", "publishers", "notice", "writers"),
    [
        # The publisher in the meta author tag, the writer in JSON-LD: trafilatura joins them (wired.com).
        ("Condé Nast; Molly Wood", ["Wired"], "Copyright (c) Condé Nast 2019. All rights reserved.", "Molly Wood"),
        ("Jill Disis; CNN Business", ["CNN"], "", "Jill Disis"),  # the site's name and a section
        ("Tanza Loudenback; Business Insider", ["Business Insider Deutschland"], "", "Tanza Loudenback"),
        ("STEVE PEOPLES; AP National Political Writer", ["SFGate"], "", "STEVE PEOPLES"),  # a job title
        ("Paul Takahashi; Staff writer", ["Houston Chronicle"], "", "Paul Takahashi"),
        # "Mike Wuerthele and Malcolm Owen Monday, November 18, 2019", split at its commas (appleinsider.com)
        ("Mike Wuerthele; Malcolm Owen Monday; November", ["AppleInsider"], "", "Mike Wuerthele; Malcolm Owen"),
        ("BBC News", ["BBC News"], "", "BBC News"),  # only the publisher: it stays
        ("Anna May; Sandee LaMotte", ["MSN"], "", "Anna May; Sandee LaMotte"),  # a month in a name stays
        # the site's name run into the writer's (sputniknews.com)
        ("Finian Cunningham Sputnik International", ["Sputnik International"], "", "Finian Cunningham"),
        # a writer whose first name or surname is the site's name keeps it (the part was dropped, or cut to "Morgan")
        ("Morgan Smith", ["Morgan"], "", "Morgan Smith"),
        ("Alex Rowe; Morgan Smith", ["Morgan"], "", "Alex Rowe; Morgan Smith"),
        ("Morgan Smith", ["Smith"], "", "Morgan Smith"),
        ("Morgan Smith; Morgan", ["Morgan"], "", "Morgan Smith"),  # the site's name alone goes
        ("Reuters Staff; Kim Lee", ["Reuters"], "", "Kim Lee"),  # the site's desk
        ("Redacción Trome; Carla Chevez", ["Trome"], "", "Carla Chevez"),  # the desk before the site's name
    ],
)
def test_a_byline_keeps_its_writers_only(byline: str, publishers: list[str], notice: str, writers: str) -> None:
    assert writers_only(byline, publishers, notice) == writers


MARKED = """<html lang="en"><head><title>Ferry fares rise in May</title></head><body><article>
<h1>Ferry fares rise in May</h1><p class="byline">{byline}</p><p>Fares on the harbour ferry rise by ten percent in
May, the operator said on Monday, citing fuel costs that have doubled since the winter timetable began.</p>
</article></body></html>"""


def _author(name: str, inner: bool = True) -> str:
    shown = f'<span itemprop="name">{name}</span>' if inner else name
    return f'<span itemprop="author creator" itemscope itemtype="https://schema.org/Person">{shown}</span>'


@pytest.mark.parametrize(
    ("byline", "writers"),
    [
        # Each writer's name inside (nytimes.com): an extractor reads the first marked element only.
        (f"By {_author('Kim Lee')}, {_author('Ana Ruiz')} and {_author('Bo Chen')}", "Kim Lee; Ana Ruiz; Bo Chen"),
        # The names as the elements' own text; the same writer marked twice is named once.
        (f"{_author('Kim Lee', False)} {_author('Ana Ruiz', False)} {_author('Kim Lee', False)}", "Kim Lee; Ana Ruiz"),
        # One marked writer: the byline as the extractor reads it.
        (f"By {_author('Kim Lee')}", "Kim Lee"),
    ],
)
def test_several_writers_marked_side_by_side_are_all_named(byline: str, writers: str) -> None:
    assert read_html(MARKED.format(byline=byline)).threads[0].posts[0].author == writers


def test_marked_writers_are_read_from_siblings_only() -> None:
    # Two stories' writers in a list of other stories, each in its own item: not the article's writers together.
    listed = f"<ul><li>{_author('Kim Lee')}</li><li>{_author('Ana Ruiz')}</li></ul>"
    assert marked_writers(lxml.html.document_fromstring(f"<html><body>{listed}</body></html>")) == []
    # A writer stated in a meta element beside one shown.
    stated = f'<div><meta itemprop="author" content="Kim Lee">{_author("Ana Ruiz")}</div>'
    tree = lxml.html.document_fromstring(f"<html><body>{stated}</body></html>")
    assert marked_writers(tree) == ["Kim Lee", "Ana Ruiz"]


@pytest.mark.parametrize(
    ("text", "writers"),
    [
        ("By Anna Roth and Jan Berg | 3. Mai 2020", "Anna Roth; Jan Berg"),
        ("freeman1984", "freeman1984"),  # a handle keeps its digits, its underscore and its case
        ("ThE_PaiN", "ThE_PaiN"),
        ("gizzmo", "gizzmo"),
        ("dpa/lno", "dpa; lno"),
        ("Redacci&oacute;n Diario Siete", "Redacción Diario Siete"),  # an entity the page escaped twice
        ("By Jessica Vinz - 29 December 2014 Digital Editor", "Jessica Vinz"),  # the date, and what follows it
        ("Lucy Berr, lberr@harbour.example", "Lucy Berr"),  # the writer's address is no name
        ("David Gur, Apr 19, 2012", "David Gur"),  # the date split at its commas
        ("By Jonas Albrecht · March 4, 2024", "Jonas Albrecht"),  # a middle dot before the date
        ("Bo2man am", "Bo2man"),  # "am 3. Mai" without its digits
        ("MORITZ GATH am Samstag, 3. Mai", "MORITZ GATH"),
        ("Lena Am", "Lena Am"),  # no date after it: a name
        ("Submitted on Mon, 12", None),
        ("Antonio Regal Editor View Profile » Follow @antonioregal RSS", "Antonio Regal Editor"),
    ],
)
def test_the_writers_an_elements_text_names(text: str, writers: str | None) -> None:
    assert clean_byline(split_writers(text)) == writers


POST = """<html lang="de"><head><title>Die Fähre fährt früher | Hafenblog</title></head><body>
<div id="post-12" class="post-12 post type-post hentry category-hafen tag-faehre">
<h1 class="entry-title">Die Fähre fährt früher</h1>
<div class="entry-meta"><span class="meta-prep meta-prep-author">Veröffentlicht am</span> <span>3. Mai 2021</span>
<span class="by-author"> von <span class="author vcard"><a class="url fn n" href="/author/hafenkind/"
title="Zeige alle Beiträge von hafenkind">hafenkind</a></span></span></div>
<div class="entry-content"><p>Ab Montag legt die erste Fähre eine halbe Stunde früher ab, damit Pendler den Zug auf
der anderen Seite vor acht Uhr erreichen. Freitags kommt ein spätes Boot dazu.</p></div>
{comments}</div>
{form}</body></html>"""
COMMENTS = """<ol class="commentlist"><li class="comment"><div class="comment-author vcard"><cite class="fn">Ole</cite>
sagt:</div><p>Endlich, das war überfällig, der alte Fahrplan passte zu keinem einzigen Zug am Festland.</p></li></ol>"""
FORM = """<div id="respond"><form id="commentform"><p class="comment-form-author"><label for="author">Name</label>
<input id="author" name="author"></p><p class="comment-form-email"><label for="email">E-Mail</label></p></form></div>"""


@pytest.mark.parametrize("comments", ["", COMMENTS])
def test_a_blog_posts_hatom_author_is_its_writer(comments: str) -> None:
    # WordPress classes the post's box after its categories: trafilatura's search dropped the box with the byline.
    thread = read_html(POST.format(comments=comments, form=FORM)).threads[0]
    assert thread.posts[0].author == "hafenkind"  # as written: no title case, not a commenter's name


def test_the_byline_search_skips_forms_and_keeps_the_headlines_box() -> None:
    # No hAtom: trafilatura's search, without the comment form's "Name" label, in the post's `category-` box.
    page = POST.replace("hentry", "entry").replace("author vcard", "author-name").replace("url fn n", "url")
    tree = lxml.html.document_fromstring(page.format(comments="", form=FORM))
    assert searched_byline(tree) == "hafenkind"
    without_post = lxml.html.document_fromstring(FORM.join(["<html><body>", "</body></html>"]))
    assert searched_byline(without_post) is None  # only the form's label: no writer


def test_letters_a_template_escaped_in_json_ld_are_letters() -> None:
    author = '{"@type": "Person", "name": "Redacci&oacute;n Siete"}'
    data = f'{{"@type": "NewsArticle", "headline": "Bears", "author": {author}}}'
    page = f"""<html lang="es"><head><title>Bears</title><script type="application/ld+json">{data}</script></head>
    <body><article><h1>Bears</h1><p>Los osos volvieron a la cresta este verano, y los guardas contaron más crías que
    en cualquier año desde que empezaron a contarlas.</p></article></body></html>"""
    assert read_html(page).threads[0].posts[0].author == "Redacción Siete"


def test_a_web_agencys_credit_is_no_writer() -> None:
    assert clean_byline("Hecho en Bolivia con Drupal por Smartica") is None
    assert clean_byline("wordpressadmin") == "wordpressadmin"  # an account's name that holds the word


def test_a_byline_line_at_the_start_of_the_text_names_the_writer_where_nothing_else_does() -> None:
    page = """<html lang="de"><head><title>Klänge des Verschweigens</title></head><body><article>
    <h1>Klänge des Verschweigens</h1><p>Von Klaus Stanjo</p><p>Durch den Film zieht sich eine Frage, die der
    Regisseur seiner Familie nie stellen durfte, und die Antwort darauf fand er erst in den Akten eines Archivs.</p>
    <p>Der Film lief auf drei Festivals und gewann dort zwei Preise, bevor ihn das Fernsehen zeigte.</p>
    </article></body></html>"""
    article = read_html(page).threads[0].posts[0]
    assert article.author == "Klaus Stanjo"
    assert not any(block.text.startswith("Von ") for block in article.blocks)  # the line is no part of the text


@pytest.mark.parametrize(
    ("extracted", "stated", "written"),
    [
        ("Leah C Stokes", ["Leah C. Stokes"], "Leah C. Stokes"),  # an initial's dot
        ("Perry Bacon Jr", ["Perry Bacon Jr."], "Perry Bacon Jr."),
        ("R C Baker; Ana Ruiz", ["R.C. Baker, Ana Ruiz"], "R.C. Baker; Ana Ruiz"),  # one of several
        ("Happyface", ["happyface313"], "happyface313"),  # a handle's digits and lower case
        ("Selbst Ist Der Mann", ["selbst ist der Mann"], "selbst ist der Mann"),  # letter case only
        ("Oliver Baroni", ["oliver.baroni"], "Oliver Baroni"),  # a login made readable stays readable
        ("Heike Buchter", ["Heike_Buchter"], "Heike Buchter"),
        ("Christoph Hein", ["christoph.hein89"], "Christoph Hein"),
        ("Matthias Hille", ["Matthias Hille - Lukas Balbach"], "Matthias Hille"),  # what it cut stays cut
        ("Deutsche Welle", ["Deutsche Welle (www.dw.com)"], "Deutsche Welle"),
        ("Leah C Stokes", [], "Leah C Stokes"),  # nothing stated: as extracted
        (None, ["Leah C. Stokes"], None),
    ],
)
def test_an_extracted_byline_takes_the_names_as_the_pages_data_writes_them(
    extracted: str | None, stated: list[str], written: str | None
) -> None:
    assert as_written(extracted, stated) == written


def test_a_writers_initials_keep_their_dots() -> None:
    page = """<html lang="en"><head><title>Heat waves</title><meta name="author" content="Leah C. Stokes"></head>
    <body><article><h1>Heat waves</h1><p>The grid held through the first heat wave of the summer, but the
    operators warned that a second one in the same month would test every reserve they have left.</p>
    </article></body></html>"""
    assert read_html(page).threads[0].posts[0].author == "Leah C. Stokes"


@pytest.mark.parametrize(
    ("byline", "writers"),
    [
        ("Ines Calder on October 26", "Ines Calder"),  # the date after the name, from its connecting word on
        ("Ines Calder on October 26, 2012", "Ines Calder"),
        ("Ines Calder on", "Ines Calder"),  # its date cut away by the search
        ("Thanh Le", "Thanh Le"),  # a capital "Le" is a name's
        ("Anna on the Road", "Anna on the Road"),  # no date after the word: a name (a blog's)
    ],
)
def test_a_date_after_the_writers_name_is_no_part_of_it(byline: str, writers: str) -> None:
    assert clean_byline(byline) == writers
