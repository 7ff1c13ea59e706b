"""The feed reader: RSS, Atom (feedparser) and JSON Feed, each item a thread."""

from __future__ import annotations

import html
import json
import time
from pathlib import Path
from typing import Any
from xml.sax.saxutils import escape as xml_escape

import pytest

from translator.errors import InputError
from translator.readers import parse_threads, read_threads, thread_from_bytes

DATA = Path(__file__).resolve().parent.parent / "data" / "readers"


@pytest.mark.parametrize(
    ("name", "site", "items"),
    [
        # RSS in ISO-8859-1 (as declared): item links with spaces around, HTML descriptions whose
        # tracking pixel and script go; a plain-text description.
        (
            "feed.rss",
            "Le Petit Quotidien - Sciences",
            [
                (
                    "Une éclipse partielle visible samedi",
                    "https://quotidien.example/sciences/2024/04/eclipse-partielle-samedi.html",
                    "Rédaction",
                    "2024-04-04T07:30:00",
                    [
                        "La Lune masquera une partie du Soleil en fin de matinée.",
                        "Ne regardez jamais le Soleil sans filtre.",
                    ],
                ),
                (
                    "Les abeilles et le froid",
                    "https://quotidien.example/sciences/?id=77",
                    None,
                    "2024-04-03T16:00:00",
                    ["Comment la ruche garde sa chaleur en hiver."],
                ),
                (
                    "Un nouveau satellite météo",
                    "https://quotidien.example/sciences/2024/04/satellite-meteo/",
                    None,
                    "2024-04-02T05:00:00",
                    ["Il complète la flotte européenne & transmet des images toutes les dix minutes."],
                ),
            ],
        ),
        # Atom: full content preferred to the summary, an HTML title, the author's name without e-mail;
        # an entry with only a text summary and only an updated date.
        (
            "feed.atom",
            "Notas de campo",
            [
                (
                    "Lluvia & sequía en el sur",
                    "https://notas.example/2024/02/lluvia-y-sequia",
                    "Ana Ruiz",
                    "2024-02-20T10:15:00",
                    ["Datos", "Llovió el doble que en enero.", "No basta para llenar los embalses."],
                ),
                (
                    "Sin contenido completo",
                    "https://notas.example/2024/02/breve",
                    None,
                    "2024-02-19T09:00:00",
                    ["Solo un resumen en texto plano."],
                ),
            ],
        ),
        # JSON Feed 1.1: content_html, or content_text in paragraphs; a date with an offset.
        (
            "feed.json",
            "Dziennik ogrodnika",
            [
                (
                    "Kiedy siać pomidory",
                    "https://ogrod.example/2024/03/pomidory",
                    "Marta",
                    "2024-03-01T06:00:00",
                    ["Najlepiej w marcu, na parapecie.", "Ziemia musi być ciepła."],
                ),
                ("Krótka notatka", None, None, "2024-03-02T07:00:00", ["Pierwszy akapit.", "Drugi akapit."]),
            ],
        ),
        # JSON Feed 1.0: `author` one object, the feed's for an item naming none (or naming nobody: an
        # address alone); `external_url`, what the item is about, a source block after its text.
        (
            "feed-1.0.json",
            "Rassegna del lunedì",
            [
                (
                    "Tornano i treni notturni",
                    "https://rassegna.example/2024/05/treni-notturni",
                    "Giulia Neri",
                    "2024-05-06T06:00:00",
                    [
                        "Un buon articolo sui nuovi collegamenti.",
                        "Da leggere fino in fondo.",
                        "https://giornale.example/economia/2024/05/tornano-i-treni-notturni",
                    ],
                ),
                # No `url`: the item has no address of its own (the one it links to is not where it is).
                (
                    "Maggio piovoso",
                    None,
                    "Redazione",
                    "2024-05-07T09:30:00",
                    ["Lo dicono i dati dell'osservatorio.", "https://meteo.example/notizie/maggio-piovoso"],
                ),
                # `external_url` the item's own address: no source block repeating it.
                (
                    "Una nota della redazione",
                    "https://rassegna.example/2024/05/nota",
                    "Redazione",
                    "2024-05-08T07:00:00",
                    ["La rassegna salta una settimana."],
                ),
            ],
        ),
    ],
)
def test_each_item_is_a_thread(
    name: str, site: str, items: list[tuple[str, str | None, str | None, str, list[str]]]
) -> None:
    thread_file = read_threads(DATA / name)
    assert thread_file.warnings == ()
    found = []
    for thread in thread_file.threads:
        assert (thread.source_format, thread.site) == ("feed", site)
        [article] = thread.posts
        assert article.blocks[0].kind == "title" and article.url == thread.url
        date = thread.published.isoformat() if thread.published else ""
        found.append((thread.title, thread.url, article.author, date, [b.text for b in article.blocks[1:]]))
    assert found == items


def test_the_atom_quote_is_a_quote() -> None:
    [first, _] = read_threads(DATA / "feed.atom").threads
    assert [b.kind for b in first.posts[0].blocks] == ["title", "heading", "paragraph", "quote"]


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ('<?xml version="1.0"?><rss version="2.0"><channel><title>x</title></channel></rss>', "no feed item"),  # empty
        (
            '<rss version="2.0"><channel><title>Cut he',
            r"no feed item found in this file: line \d+: no element found",
        ),  # cut: why
        (json.dumps({"version": "https://jsonfeed.org/version/1", "items": []}), "has no item"),  # empty JSON Feed
        (json.dumps({"version": "https://jsonfeed.org/version/1", "items": "x"}), "has no item"),  # damaged
        ("just some text", "no feed item"),  # forced on a text file
        # Atom entries with nothing to read: an id only, an empty author
        (
            '<feed xmlns="http://www.w3.org/2005/Atom"><entry><id>tag:x,2024:1</id></entry>'
            "<entry><author></author></entry></feed>",
            "this feed's 2 items have no title and no text",
        ),
    ],
)
def test_feeds_without_items_are_refused(text: str, message: str) -> None:
    with pytest.raises(InputError, match=message):
        parse_threads(text, "feed")


def test_a_broken_feed_with_items_is_read_with_a_warning() -> None:
    text = '<rss version="2.0"><channel><item><title>Premier</title><description>Texte.</description></item><item>'
    reading = parse_threads(text, "feed")
    assert [thread.title for thread in reading.threads][:1] == ["Premier"]
    assert reading.warnings and "not well-formed" in reading.warnings[0]


NEWS_RSS = """<?xml version="1.0" encoding="windows-1251"?>
<rss version="2.0" xmlns:content="http://purl.org/rss/1.0/modules/content/"
 xmlns:slash="http://purl.org/rss/1.0/modules/slash/" xmlns:yandex="http://news.yandex.ru"
 xmlns:turbo="http://turbo.yandex.ru">
<channel><title>Городские вести</title>
<item><title>Мост откроют весной</title><link>https://vesti.example/most</link>
<pubDate>Пн, 01 янв 2024 10:00:00 +0300</pubDate><description>Коротко о мосте.</description>
<content:encoded><![CDATA[<p>Мост через реку откроют в апреле.</p>]]></content:encoded>
<slash:comments>12</slash:comments></item>
<item><title>Дважды</title><description>&amp;lt;p&amp;gt;Текст &amp;amp;amp; ещё&amp;lt;/p&amp;gt;</description></item>
<item><title>Полный текст</title><description>Анонс.</description>
<yandex:full-text>Первый абзац.

Второй абзац.</yandex:full-text></item>
<item turbo="true"><title>Турбо-страница</title>
<turbo:content><![CDATA[<header><h1>Турбо-страница</h1></header><p>Текст страницы.</p>]]></turbo:content></item>
</channel></rss>"""


def test_news_feed_items_have_their_fullest_text() -> None:
    thread_file = thread_from_bytes(NEWS_RSS.encode("cp1251"), "vesti.xml")
    assert thread_file.encoding == "cp1251"
    found = [(t.title, [b.text for b in t.posts[0].blocks[1:]]) for t in thread_file.threads]
    assert found == [
        ("Мост откроют весной", ["Мост через реку откроют в апреле."]),  # content:encoded, not the description
        ("Дважды", ["Текст & ещё"]),  # HTML escaped twice: no `<p>` left in the text
        ("Полный текст", ["Первый абзац.", "Второй абзац."]),  # Yandex's full text
        ("Турбо-страница", ["Текст страницы."]),  # Turbo page, its headline (the title again) gone
    ]
    # A date in Russian, which feedparser does not read, is read as printed.
    published = thread_file.threads[0].published
    assert published is not None and published.date().isoformat() == "2024-01-01"
    assert thread_file.warnings == (
        "1 item counts 12 reader comments that are not in this feed (each item's comment feed or page holds "
        "them): only the items are read",
    )


PORTUGUESE_DATES_RSS = """<?xml version="1.0" encoding="UTF-8"?>
<rss version="2.0"><channel><title>Jornal Exemplo</title><link>https://jornal.example/</link>
<item><title>Ponte nova aberta</title><description>A ponte abriu.</description>
<pubDate>Seg, 24 Set 2018 19:42:40 -0300</pubDate></item>
<item><title>Chuva no sul</title><description>Choveu muito.</description>
<pubDate>Ter, 25 Set 2018 08:05 +0130</pubDate></item>
<item><title>Feira do livro</title><description>A feira começa.</description>
<pubDate>Qua, 3 Out 2018 10:00:00 GMT</pubDate></item>
</channel></rss>"""


def test_a_pub_date_in_another_language_keeps_its_offset() -> None:
    # feedparser reads only English day and month names; a date it leaves as printed is still in UTC,
    # as the dates it reads are (the wall-clock time was kept: three hours off for Brazil).
    threads = parse_threads(PORTUGUESE_DATES_RSS, "feed").threads
    assert [t.published.isoformat() if t.published else None for t in threads] == [
        "2018-09-24T22:42:00",
        "2018-09-25T06:35:00",
        "2018-10-03T10:00:00",
    ]


def test_an_atom_content_elsewhere_leaves_the_summary() -> None:
    atom = """<feed xmlns="http://www.w3.org/2005/Atom"><title>Blog</title><entry><title>Un</title>
    <summary type="html">&lt;p&gt;Résumé.&lt;/p&gt;</summary><content type="text/html" src="https://b.example/1"/>
    </entry></feed>"""
    [thread] = parse_threads(atom).threads
    assert [b.text for b in thread.posts[0].blocks] == ["Un", "Résumé."]


# WordPress's comment feed of one post, newest first; the second comment answers the first.
WORDPRESS_COMMENTS = """<?xml version="1.0" encoding="UTF-8"?>
<rss version="2.0" xmlns:content="http://purl.org/rss/1.0/modules/content/" xmlns:dc="http://purl.org/dc/elements/1.1/">
<channel><title>Commentaires sur : Le jardin en hiver</title><link>https://jardin.example/hiver/</link>
<item><title>Par : Paul</title><link>https://jardin.example/hiver/#comment-13</link><dc:creator>Paul</dc:creator>
<pubDate>Tue, 02 Jan 2024 11:00:00 +0000</pubDate><guid isPermaLink="false">https://jardin.example/?p=5#comment-13</guid>
<content:encoded><![CDATA[<p>En réponse à <a href="https://jardin.example/hiver/#comment-12">Marie</a>.</p>
<p>Pourquoi pas en novembre ?</p>]]></content:encoded></item>
<item><title>Par : Marie</title><link>https://jardin.example/hiver/#comment-12</link><dc:creator>Marie</dc:creator>
<pubDate>Tue, 02 Jan 2024 10:00:00 +0000</pubDate><guid isPermaLink="false">https://jardin.example/?p=5#comment-12</guid>
<content:encoded><![CDATA[<p>Je taille en février.</p>]]></content:encoded></item>
</channel></rss>"""

# Blogger's comment feed: Atom threading names the page (and a reply's parent comment by its id).
BLOGGER_COMMENTS = """<feed xmlns="http://www.w3.org/2005/Atom" xmlns:thr="http://purl.org/syndication/thread/1.0">
<title>Carnet - commentaires</title>
<entry><id>tag:blogger.com,1999:blog-1.post-7</id><published>2024-02-01T09:00:00Z</published>
<link rel="alternate" href="https://carnet.example/2024/02/pluie.html?showComment=1706778000000#c7"/>
<author><name>Ana</name></author><content type="html">&lt;p&gt;Primero.&lt;/p&gt;</content>
<thr:in-reply-to ref="tag:blogger.com,1999:blog-1.post-100" href="https://carnet.example/2024/02/pluie.html"/></entry>
<entry><id>tag:blogger.com,1999:blog-1.post-8</id><published>2024-02-01T10:00:00Z</published>
<link rel="alternate" href="https://carnet.example/2024/02/sol.html"/>
<author><name>Luis</name></author><content type="html">Sobre el sol.</content>
<thr:in-reply-to ref="tag:blogger.com,1999:blog-1.post-101" href="https://carnet.example/2024/02/sol.html"/></entry>
</feed>"""


def test_a_comment_feed_is_the_comments_of_its_page() -> None:
    reading = parse_threads(WORDPRESS_COMMENTS)
    [thread] = reading.threads
    assert (thread.title, thread.url) == ("Commentaires sur : Le jardin en hiver", "https://jardin.example/hiver/")
    posts = [(p.id, p.author, p.parent, [b.text for b in p.blocks]) for p in thread.posts]
    assert posts == [
        ("article", None, None, ["Commentaires sur : Le jardin en hiver"]),
        ("c1", "Marie", None, ["Je taille en février."]),  # date order: the older first
        # Its opening link names Marie's comment: nested under it, the generated "En réponse à Marie." gone.
        ("c2", "Paul", "c1", ["Pourquoi pas en novembre ?"]),
    ]
    assert reading.warnings == (
        "this is a feed of comments on 1 page(s): the pages' own text is not in it, only their comments",
    )


def test_a_comment_feed_of_several_pages_is_a_thread_per_page() -> None:
    reading = parse_threads(BLOGGER_COMMENTS)
    found = [(t.url, [(p.author, [b.text for b in p.blocks]) for p in t.posts[1:]]) for t in reading.threads]
    assert found == [
        ("https://carnet.example/2024/02/pluie.html", [("Ana", ["Primero."])]),
        ("https://carnet.example/2024/02/sol.html", [("Luis", ["Sobre el sol."])]),
    ]


# Blogger's comment feed of one post: a comment removed by its writer, in a French blog (its leftover line in
# French, Blogger's mark beside its other properties), answered by a reply; another removed with no reply (only
# the English line, no mark).
BLOGGER_REMOVED = """<feed xmlns="http://www.w3.org/2005/Atom" xmlns:thr="http://purl.org/syndication/thread/1.0"
xmlns:gd="http://schemas.google.com/g/2005"><title>Carnet - commentaires</title>
<entry><id>tag:blogger.com,1999:blog-1.post-7</id><published>2024-02-01T09:00:00Z</published>
<link rel="alternate" href="https://carnet.example/2024/02/pluie.html?showComment=1706778000000#c7"/>
<author><name>Ana</name></author><content type="html">Ce commentaire a été supprimé par l'auteur.</content>
<thr:in-reply-to ref="tag:blogger.com,1999:blog-1.post-100" href="https://carnet.example/2024/02/pluie.html"/>
<gd:extendedProperty name="blogger.itemClass" value="pid-1"/>
<gd:extendedProperty name="blogger.contentRemoved" value="true"/>
<gd:extendedProperty name="blogger.displayTime" value="1 février 2024 à 10:00"/></entry>
<entry><id>tag:blogger.com,1999:blog-1.post-8</id><published>2024-02-01T10:00:00Z</published>
<link rel="alternate" href="https://carnet.example/2024/02/pluie.html?showComment=1706781600000#c8"/>
<author><name>Luis</name></author><content type="html">Il pleuvait aussi chez nous.</content>
<thr:in-reply-to ref="tag:blogger.com,1999:blog-1.post-7" href="https://carnet.example/2024/02/pluie.html"/></entry>
<entry><id>tag:blogger.com,1999:blog-1.post-9</id><published>2024-02-01T11:00:00Z</published>
<link rel="alternate" href="https://carnet.example/2024/02/pluie.html?showComment=1706785200000#c9"/>
<author><name>Eva</name></author><content type="html">This comment has been removed by the author.</content>
<thr:in-reply-to ref="tag:blogger.com,1999:blog-1.post-100" href="https://carnet.example/2024/02/pluie.html"/></entry>
</feed>"""


def test_a_comment_blogger_removed_is_a_deleted_comment_in_its_comment_feed() -> None:
    reading = parse_threads(BLOGGER_REMOVED)
    [thread] = reading.threads
    found = [(post.id, post.author, post.parent, post.deleted, [b.text for b in post.blocks]) for post in thread.posts]
    assert found[1:] == [
        ("c1", "Ana", None, True, []),  # marked removed, whatever the language of its line: kept for its reply
        ("c2", "Luis", "c1", False, ["Il pleuvait aussi chez nous."]),
    ]
    assert "1 deleted or removed comment without replies was left out" in reading.warnings


def test_the_fuller_of_description_and_itunes_summary_is_read() -> None:
    podcast = """<rss version="2.0" xmlns:itunes="http://www.itunes.com/dtds/podcast-1.0.dtd"><channel><title>Pod</title>
    <item><title>Folge 1</title><itunes:summary>Kurz.</itunes:summary>
    <description><![CDATA[<p>Die ganzen Notizen.</p><p>Mit Links.</p>]]></description></item>
    <item><title>Folge 2</title><description><![CDATA[<p>Kurz.</p>]]></description>
    <itunes:summary>Eine längere Zusammenfassung der Folge.</itunes:summary></item></channel></rss>"""
    found = [[b.text for b in t.posts[0].blocks[1:]] for t in parse_threads(podcast).threads]
    assert found == [["Die ganzen Notizen.", "Mit Links."], ["Eine längere Zusammenfassung der Folge."]]


@pytest.mark.parametrize(
    "header",
    [
        {"version": "http://jsonfeed.org/version/1"},  # the spec's address written with http
        {"home_page_url": "https://blog.example/", "feed_url": "https://blog.example/feed.json"},  # no version
    ],
)
def test_json_feeds_as_generators_write_them(header: dict[str, str]) -> None:
    item = {
        "id": "1",
        "title": "Der Titel",
        # The headline again, then HTML escaped twice; an RFC 822 date where RFC 3339 is due.
        "content_html": "&lt;h1&gt;Der Titel&lt;/h1&gt;&lt;p&gt;Erster Absatz.&lt;/p&gt;",
        "date_published": "Mon, 01 Jan 2024 10:00:00 +0000",
    }
    [thread] = parse_threads(json.dumps({**header, "title": "Blog", "items": [item]})).threads
    assert [b.text for b in thread.posts[0].blocks] == ["Der Titel", "Erster Absatz."]
    assert thread.published is not None and thread.published.isoformat() == "2024-01-01T10:00:00"


WXR = """<?xml version="1.0" encoding="UTF-8" ?>
<!-- This is a WordPress eXtended RSS file generated by WordPress as an export of your site. -->
<rss version="2.0" xmlns:content="http://purl.org/rss/1.0/modules/content/"
 xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:wp="http://wordpress.org/export/1.2/">
<channel><title>Mein Blog</title><link>https://blog.example</link>
<item><title>Logo</title><wp:post_type><![CDATA[attachment]]></wp:post_type></item>
<item><title><![CDATA[Hallo Welt]]></title><link>https://blog.example/hallo/</link>
<dc:creator><![CDATA[admin]]></dc:creator>
<content:encoded><![CDATA[Erster Absatz mit <a href="https://x.example">Link</a>.

Zweiter Absatz.]]></content:encoded>
<wp:post_date_gmt><![CDATA[2024-01-01 10:00:00]]></wp:post_date_gmt><wp:status><![CDATA[publish]]></wp:status>
<wp:post_type><![CDATA[post]]></wp:post_type>
<wp:comment><wp:comment_id>5</wp:comment_id><wp:comment_author><![CDATA[Bea]]></wp:comment_author>
<wp:comment_date_gmt>2024-01-02 09:00:00</wp:comment_date_gmt><wp:comment_content><![CDATA[Schön.

Wirklich.]]></wp:comment_content><wp:comment_approved>1</wp:comment_approved><wp:comment_type>comment</wp:comment_type>
<wp:comment_parent>0</wp:comment_parent></wp:comment>
<wp:comment><wp:comment_id>6</wp:comment_id><wp:comment_author>Al</wp:comment_author>
<wp:comment_content>Danke!</wp:comment_content><wp:comment_approved>1</wp:comment_approved>
<wp:comment_parent>5</wp:comment_parent></wp:comment>
<wp:comment><wp:comment_id>7</wp:comment_id><wp:comment_content>Kaufen!</wp:comment_content>
<wp:comment_approved>spam</wp:comment_approved></wp:comment>
<wp:comment><wp:comment_id>8</wp:comment_id><wp:comment_content>[...] Auszug [...]</wp:comment_content>
<wp:comment_approved>1</wp:comment_approved><wp:comment_type>pingback</wp:comment_type></wp:comment>
</item>
<item><title>Alt</title><wp:post_type>post</wp:post_type><wp:status>trash</wp:status></item>
<item><title>Über uns</title><content:encoded><![CDATA[<!-- wp:paragraph -->
<p>Wir sind ein Blog.</p>
<!-- /wp:paragraph -->]]></content:encoded><wp:status>publish</wp:status><wp:post_type>page</wp:post_type></item>
</channel></rss>"""


def test_a_wordpress_export_is_posts_with_their_comments() -> None:
    reading = parse_threads(WXR)
    found = [
        (t.title, t.site, [(p.id, p.author, p.parent, [b.text for b in p.blocks]) for p in t.posts])
        for t in reading.threads
    ]
    assert found == [
        (
            "Hallo Welt",
            "Mein Blog",
            [
                # Blank lines end paragraphs, as in WordPress; tags are read too.
                ("article", "admin", None, ["Hallo Welt", "Erster Absatz mit Link.", "Zweiter Absatz."]),
                ("c1", "Bea", None, ["Schön.", "Wirklich."]),
                ("c2", "Al", "c1", ["Danke!"]),
            ],
        ),
        # The attachment and the trashed post are not there; a page is.
        ("Über uns", "Mein Blog", [("article", None, None, ["Über uns", "Wir sind ein Blog."])]),
    ]
    assert reading.threads[0].published is not None
    assert reading.threads[0].published.isoformat() == "2024-01-01T10:00:00"
    assert reading.warnings == ("2 comments not approved (spam, pending, trashed) or pingbacks were left out",)


@pytest.mark.parametrize(
    ("written", "title"),
    [
        ("Titel <em>mit</em> <b>Aus<sup>zeichnung</sup></b>", "Titel mit Auszeichnung"),  # WordPress shows it as HTML
        ("Kaffee &amp; Kuchen", "Kaffee & Kuchen"),
        ("a < b, b > c", "a < b, b > c"),  # no tag: as written
    ],
)
def test_a_wordpress_title_is_read_as_the_html_it_is(written: str, title: str) -> None:
    wxr = f"""<rss version="2.0" xmlns:content="http://purl.org/rss/1.0/modules/content/"
 xmlns:wp="http://wordpress.org/export/1.2/"><channel><title>Blog</title>
<item><title><![CDATA[{written}]]></title><content:encoded><![CDATA[Text.]]></content:encoded>
<wp:post_type>post</wp:post_type><wp:status>publish</wp:status></item></channel></rss>"""
    [thread] = parse_threads(wxr).threads
    assert (thread.title, thread.posts[0].blocks[0].text) == (title, title)


def test_a_wordpress_post_is_written_by_its_writers_display_name() -> None:
    # dc:creator is the login; the site shows the display name the export lists among its writers.
    wxr = """<rss version="2.0" xmlns:content="http://purl.org/rss/1.0/modules/content/"
 xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:wp="http://wordpress.org/export/1.2/"><channel><title>Blog</title>
<wp:author><wp:author_login><![CDATA[redaktion7]]></wp:author_login>
<wp:author_display_name><![CDATA[Greta Beispiel]]></wp:author_display_name></wp:author>
<item><title>Eins</title><dc:creator><![CDATA[redaktion7]]></dc:creator><content:encoded>Text.</content:encoded>
<wp:post_type>post</wp:post_type></item>
<item><title>Zwei</title><dc:creator>gast</dc:creator><content:encoded>Text.</content:encoded>
<wp:post_type>post</wp:post_type></item></channel></rss>"""
    assert [t.posts[0].author for t in parse_threads(wxr).threads] == ["Greta Beispiel", "gast"]


def test_a_lone_line_break_in_wordpress_text_breaks_the_line() -> None:
    # WordPress shows a lone line break as one (wpautop's <br />): the lines of an address or a list typed
    # in a comment were joined into one sentence. Beside a tag, or in code, a line break is the markup's own.
    wxr = """<rss version="2.0" xmlns:content="http://purl.org/rss/1.0/modules/content/"
 xmlns:wp="http://wordpress.org/export/1.2/"><channel><title>Blog</title>
<item><title>Post</title><content:encoded><![CDATA[<ul>
<li>Eins</li>
</ul>
<pre>a = 1
b = 2</pre>]]></content:encoded><wp:post_type>post</wp:post_type><wp:status>publish</wp:status>
<wp:comment><wp:comment_id>1</wp:comment_id><wp:comment_author>Bea</wp:comment_author>
<wp:comment_content><![CDATA[Drei Dinge:
Erstens das.
Zweitens <em>jenes</em>.]]></wp:comment_content><wp:comment_approved>1</wp:comment_approved></wp:comment>
</item></channel></rss>"""
    [thread] = parse_threads(wxr).threads
    assert [b.text for b in thread.posts[0].blocks[1:]] == ["Eins", "a = 1", "b = 2"]
    assert [b.text for b in thread.posts[1].blocks] == ["Drei Dinge:", "Erstens das.", "Zweitens jenes."]


@pytest.mark.parametrize(
    ("written", "author"),
    [
        ("ed@zeitung.example (Eva Muster)", "Eva Muster"),  # RSS's form; a domain ending longer than 4 letters
        ("Eva Muster <ed@zeitung.example>", "Eva Muster"),
        # An address alone: its name part (the domain is the site; review files need no address to mail);
        # one that names nobody gives no writer.
        ("ed.muster@zeitung.example", "ed.muster"),
        ("mailto:ed@zeitung.example", "ed"),
        ("noreply@blogger.com", None),
        ("do-not-reply@zeitung.example", None),
        ("Eva Muster", "Eva Muster"),
    ],
)
def test_rss_authors_are_names_without_addresses(written: str, author: str | None) -> None:
    rss = f"""<rss version="2.0"><channel><title>Z</title><link>https://zeitung.example/news/</link>
    <item><title>A</title><link>/2024/a.html</link><author>{html.escape(written)}</author><description>x</description>
    </item></channel></rss>"""
    [thread] = parse_threads(rss).threads
    assert thread.posts[0].author == author
    assert thread.url == "https://zeitung.example/2024/a.html"  # a path: made absolute against the feed's link


def test_html_sent_as_plain_text_is_read_as_html() -> None:
    atom = """<feed xmlns="http://www.w3.org/2005/Atom"><title>S</title>
    <entry><title>A</title>
    <summary>&lt;p&gt;Hallo &lt;b&gt;Welt&lt;/b&gt;&lt;/p&gt;&lt;p&gt;Zwei&lt;/p&gt;</summary></entry>
    <entry><title>B</title><content type="text">a &lt; b, c &gt; d &amp; e</content></entry></feed>"""
    found = [[b.text for b in t.posts[0].blocks[1:]] for t in parse_threads(atom).threads]
    assert found == [["Hallo Welt", "Zwei"], ["a < b, c > d & e"]]  # real plain text keeps its signs


def test_a_feedburner_item_links_to_the_article_not_the_redirector() -> None:
    rss = """<rss version="2.0" xmlns:feedburner="http://rssnamespace.org/feedburner/ext/1.0"><channel><title>Z</title>
    <item><title>A</title><link>http://feeds.example/~r/z/~3/abc/artikel.html</link>
    <feedburner:origLink>https://zeitung.example/artikel.html</feedburner:origLink><description>x</description></item>
    </channel></rss>"""
    [thread] = parse_threads(rss).threads
    assert thread.url == "https://zeitung.example/artikel.html"


def test_a_feed_item_mentioning_the_export_namespace_is_no_wordpress_export() -> None:
    rss = """<rss version="2.0"><channel><title>Blog</title><item><title>Exporter</title>
    <description>Le fichier cite http://wordpress.org/export/1.2/ en tête.</description></item></channel></rss>"""
    [thread] = parse_threads(rss).threads
    assert [b.text for b in thread.posts[0].blocks] == [
        "Exporter",
        "Le fichier cite http://wordpress.org/export/1.2/ en tête.",
    ]


def test_a_discourse_posts_feed_is_its_topic() -> None:
    # Newest first, as Discourse sends it; each item links to /t/SLUG/ID/N.
    rss = """<rss version="2.0" xmlns:dc="http://purl.org/dc/elements/1.1/"><channel><title>Vélos en hiver</title>
    <item><title>Vélos en hiver</title><dc:creator>bob</dc:creator>
    <description>&lt;p&gt;Des pneus.&lt;/p&gt;</description>
    <link>https://forum.example/t/velos-en-hiver/42/2</link><pubDate>Tue, 02 Jan 2024 11:00:00 +0000</pubDate></item>
    <item><title>Vélos en hiver</title><dc:creator>alice</dc:creator>
    <description>&lt;p&gt;Comment ?&lt;/p&gt;</description>
    <link>https://forum.example/t/velos-en-hiver/42/1</link><pubDate>Tue, 02 Jan 2024 10:00:00 +0000</pubDate></item>
    </channel></rss>"""
    reading = parse_threads(rss)
    [thread] = reading.threads
    assert thread.url == "https://forum.example/t/velos-en-hiver/42"
    assert [(p.id, p.author, [b.text for b in p.blocks]) for p in thread.posts] == [
        ("article", "alice", ["Vélos en hiver", "Comment ?"]),  # post 1 is the article
        ("c1", "bob", ["Des pneus."]),
    ]
    assert reading.warnings == (
        "a Discourse feed does not say which post answers which: 0 of 1 posts are nested under the earlier post "
        "they quote or link to, the others are top-level (the topic's JSON, /t/ID.json, has every reply)",
    )


def test_a_discourse_feeds_link_previews_are_left_out_as_its_json_leaves_them() -> None:
    # A onebox (the linked site's name, the page's title and excerpt) and an image's caption are not the
    # poster's words: they were read as paragraphs from the feed, not from the topic's JSON.
    post = html.escape(
        """<p>Lisez ceci :</p>
<aside class="onebox allowlistedgeneric"><header class="source"><a href="https://revue.example/a">Revue Exemple</a>
</header><article class="onebox-body"><h3><a href="https://revue.example/a">Un titre de la revue</a></h3>
<p>Le résumé de la page liée.</p></article></aside>
<div class="lightbox-wrapper"><a class="lightbox" href="/x.png"><img src="/x.png"><div class="meta">
<span class="filename">x.png</span><span class="informations">800×600 12 KB</span></div></a></div>
<p>Qu'en pensez-vous ?</p>"""
    )
    rss = f"""<rss version="2.0" xmlns:dc="http://purl.org/dc/elements/1.1/"><channel><title>Lectures</title>
    <item><title>Lectures</title><dc:creator>alice</dc:creator><description>{post}</description>
    <link>https://forum.example/t/lectures/7/1</link><pubDate>Tue, 02 Jan 2024 10:00:00 +0000</pubDate></item>
    </channel></rss>"""
    [thread] = parse_threads(rss).threads
    assert [b.text for b in thread.posts[0].blocks] == ["Lectures", "Lisez ceci :", "Qu'en pensez-vous ?"]


# Reddit's feeds: each item's text is the post's own (escaped once more, in some copies) and then a line
# of Reddit's template naming the writer, the shared link and the count of comments.
REDDIT_RSS = """<rss version="2.0"><channel><title>Vorderseite</title>
<item><title>Ein Foto vom Hafen</title><link>https://www.reddit.com/r/hafen/comments/ab12/ein_foto/</link>
<description>&lt;table&gt;&lt;tr&gt;&lt;td&gt;submitted by &lt;a href="https://www.reddit.com/user/kapitaen_k"&gt;
kapitaen_k &lt;/a&gt; to &lt;a href="https://www.reddit.com/r/hafen/"&gt; hafen&lt;/a&gt; &lt;br/&gt;
&lt;a href="https://bilder.example/hafen.jpg"&gt;[link]&lt;/a&gt;
&lt;a href="https://www.reddit.com/r/hafen/comments/ab12/ein_foto/"&gt;[12 comments]&lt;/a&gt;
&lt;/td&gt;&lt;/tr&gt;&lt;/table&gt;
</description></item>
<item><title>Frage zum Segeln</title><link>https://www.reddit.com/r/segeln/comments/cd34/frage/</link>
<description>&amp;lt;div class="md"&amp;gt;&amp;lt;p&amp;gt;Wie lange dauert der Kurs?&amp;lt;/p&amp;gt;
&amp;lt;/div&amp;gt;
&lt;table&gt;&lt;tr&gt;&lt;td&gt;submitted by&lt;a href="https://www.reddit.com/user/matrosin"&gt;/u/matrosin&lt;/a&gt;to&lt;a
href="https://www.reddit.com/r/segeln/"&gt;/r/segeln&lt;/a&gt;&lt;br/&gt;&lt;a
href="https://www.reddit.com/r/segeln/comments/cd34/frage/"&gt;[link]&lt;/a&gt;&lt;a
href="https://www.reddit.com/r/segeln/comments/cd34/frage/"&gt;[3 comments]&lt;/a&gt;
&lt;/td&gt;&lt;/tr&gt;&lt;/table&gt;
</description></item>
</channel></rss>"""


def test_a_reddit_feed_item_is_its_post_without_the_template() -> None:
    reading = parse_threads(REDDIT_RSS)
    found = [(t.posts[0].author, [(b.kind, b.text) for b in t.posts[0].blocks[1:]]) for t in reading.threads]
    assert found == [
        ("kapitaen_k", [("source", "https://bilder.example/hafen.jpg")]),  # a link post: its link
        ("matrosin", [("paragraph", "Wie lange dauert der Kurs?")]),  # a text post escaped twice: its text
    ]
    assert reading.warnings == (
        "2 items count 15 reader comments that are not in this feed (each item's comment feed or page holds "
        "them): only the items are read",
    )


def test_the_link_to_read_on_is_not_the_items_text() -> None:
    rss = """<rss version="2.0"><channel><title>Blatt</title>
    <item><title>A</title><description>&lt;p&gt;Der Stadtrat tagt morgen.&lt;/p&gt;
    &lt;a href="https://blatt.example/a"&gt;Continue reading...&lt;/a&gt;</description></item>
    <item><title>B</title><description>&lt;p&gt;Die Brücke bleibt zu. &lt;a href="https://blatt.example/b"&gt;Weiterlesen
    »&lt;/a&gt;&lt;/p&gt;&lt;p&gt;Mehr dazu &lt;a href="https://blatt.example/c"&gt;hier&lt;/a&gt;.&lt;/p&gt;</description></item>
    <item><title>C</title><description>&lt;p&gt;Kurz. &lt;a class="more-link" href="https://blatt.example/c"&gt;Read the
    rest of this entry &amp;raquo;&lt;/a&gt;&lt;/p&gt;</description></item>
    </channel></rss>"""
    found = [[b.text for b in t.posts[0].blocks[1:]] for t in parse_threads(rss).threads]
    assert found == [["Der Stadtrat tagt morgen."], ["Die Brücke bleibt zu.", "Mehr dazu hier."], ["Kurz."]]


def test_an_address_between_angle_brackets_stays_in_the_text() -> None:
    # Markdown's autolink written into a description: feedparser's sanitizer took it for a tag and dropped it.
    rss = """<rss version="2.0"><channel><title>Blatt</title>
    <item><title>A</title><description>Der Fahrplan steht unter &lt;https://blatt.example/plan?tag=1&amp;amp;x=2&gt;,
    Fragen an &lt;mailto:red@blatt.example&gt;.</description></item></channel></rss>"""
    [thread] = parse_threads(rss).threads
    assert [block.text for block in thread.posts[0].blocks[1:]] == [
        "Der Fahrplan steht unter <https://blatt.example/plan?tag=1&x=2>, Fragen an <mailto:red@blatt.example>."
    ]


def test_what_a_page_would_not_show_as_text_is_left_out_of_a_description() -> None:
    # feedparser's sanitizer kept the words inside frames, objects and templates as text.
    parts = [
        '<p onclick="x()">Der Stadtrat tagt morgen.</p>',
        "<script>alert('x')</script><style>p{color:red}</style>",
        '<iframe src="https://x.example">frame words</iframe><object>object words</object>',
        "<template>template words</template><svg><text>svg words</text></svg>",
        '<form><input value="v"><button>Senden</button></form><p hidden>hidden words</p>',
    ]
    rss = f"""<rss version="2.0"><channel><title>Blatt</title>
    <item><title>A</title><description>{xml_escape("".join(parts))}</description></item></channel></rss>"""
    [thread] = parse_threads(rss).threads
    assert [block.text for block in thread.posts[0].blocks[1:]] == ["Der Stadtrat tagt morgen."]


def test_items_with_no_title_and_no_text_are_left_out_and_counted() -> None:
    atom = """<feed xmlns="http://www.w3.org/2005/Atom"><title>F</title><entry><id>tag:x,2024:1</id></entry>
    <entry><title>Da</title><content>Inhalt</content></entry></feed>"""
    reading = parse_threads(atom)
    assert [t.title for t in reading.threads] == ["Da"]
    assert reading.warnings == ("1 item has no title and no text: left out",)


def test_a_title_said_to_be_plain_text_that_holds_html_is_read_as_html() -> None:
    # Atom 0.3 titles are plain text unless said otherwise; some hold markup all the same.
    atom = """<feed version="0.3" xmlns="http://purl.org/atom/ns#"><title>Neu &lt;i&gt;heute&lt;/i&gt;</title>
    <entry><title>Der &lt;b&gt;Markt&lt;/b&gt; schließt</title><summary>x</summary></entry>
    <entry><title>Das &lt;marquee&gt;-Element</title><summary>y</summary></entry></feed>"""
    threads = parse_threads(atom).threads
    assert [t.title for t in threads] == ["Der Markt schließt", "Das <marquee>-Element"]  # a lone bracket stays
    assert threads[0].site == "Neu heute"


def test_a_discourse_sites_posts_feed_is_a_thread_per_topic() -> None:
    # /posts.rss: the latest posts of several topics, linked `/t/SLUG/ID#post_N` (`?page=2` further on),
    # each titled with its topic, its writer `@username Name`, ending with a link to the topic.
    def item(slug: str, topic: int, number: int, creator: str, text: str, page: str = "") -> str:
        link = f"https://forum.example/t/{slug}/{topic}{page}#post_{number}"
        return (
            f"<item><title>{slug.title()}</title><dc:creator>{creator}</dc:creator><link>{link}</link>"
            f"<description>&lt;p&gt;{text}&lt;/p&gt;&lt;p&gt;&lt;a href='{link}'&gt;Read full topic&lt;/a&gt;&lt;/p&gt;"
            f"</description><pubDate>Tue, 02 Jan 2024 1{number}:00:00 +0000</pubDate></item>"
        )

    rss = (
        '<rss version="2.0" xmlns:dc="http://purl.org/dc/elements/1.1/"><channel><title>Forum - Latest posts</title>'
        + item("fahrrad", 7, 3, "@mia Mia M.", "Dritter", "?page=2")
        + item("regen", 8, 1, "@olaf", "Erster")
        + item("fahrrad", 7, 2, "@tom", "Zweiter")
        + "</channel></rss>"
    )
    reading = parse_threads(rss)
    found = [(t.title, t.url, [(p.author, [b.text for b in p.blocks]) for p in t.posts]) for t in reading.threads]
    assert found == [
        (
            "Fahrrad",
            "https://forum.example/t/fahrrad/7",
            [(None, ["Fahrrad"]), ("tom", ["Zweiter"]), ("mia", ["Dritter"])],
        ),
        ("Regen", "https://forum.example/t/regen/8", [("olaf", ["Regen", "Erster"])]),  # post 1: the article
    ]


def test_json_feed_items_as_some_generators_write_them() -> None:
    feed = {
        "version": "https://jsonfeed.org/version/1.1",
        "home_page_url": "https://blatt.example/",
        "items": [
            # a title with an entity and a tag, an author as a bare name, a link as a path
            {"id": "1", "title": "Wind &amp; <i>Wetter</i>", "author": "Ute", "url": "/a/1", "content_text": "x"},
            {"id": "2"},  # nothing to read
        ],
    }
    reading = parse_threads(json.dumps(feed))
    [thread] = reading.threads
    assert (thread.title, thread.posts[0].author, thread.url) == ("Wind & Wetter", "Ute", "https://blatt.example/a/1")
    assert reading.warnings == ("1 item has no title and no text: left out",)


@pytest.mark.parametrize(
    ("fields", "url", "blocks"),
    [
        # A linkblog's item: its comment, then the article it is about.
        (
            {"url": "https://b.example/1", "external_url": "https://news.example/a", "content_text": "Lesenswert."},
            "https://b.example/1",
            [("paragraph", "Lesenswert."), ("source", "https://news.example/a")],
        ),
        # A link alone, no text: the title and the source.
        ({"external_url": "https://news.example/a"}, None, [("source", "https://news.example/a")]),
        # A path, as `url` may be: made absolute against the feed's home page.
        ({"external_url": "/extern/a", "content_text": "x"}, None,
         [("paragraph", "x"), ("source", "https://b.example/extern/a")]),
        # The item's own address again: not repeated.
        ({"url": "https://b.example/1", "external_url": "https://b.example/1", "content_text": "x"},
         "https://b.example/1", [("paragraph", "x")]),
        ({"external_url": " ", "content_text": "x"}, None, [("paragraph", "x")]),  # blank: none
    ],
)  # fmt: skip
def test_a_json_feed_items_external_url_is_its_source(
    fields: dict[str, str], url: str | None, blocks: list[tuple[str, str]]
) -> None:
    feed = {"version": "https://jsonfeed.org/version/1.1", "home_page_url": "https://b.example/",
            "items": [{"id": "1", "title": "Titel", **fields}]}  # fmt: skip
    [thread] = parse_threads(json.dumps(feed)).threads
    assert thread.url == url
    assert [(b.kind, b.text) for b in thread.posts[0].blocks[1:]] == blocks


def test_an_atom_entry_without_an_author_has_the_feeds() -> None:
    atom = """<feed xmlns="http://www.w3.org/2005/Atom"><title>Meldungen</title><author><name>Redaktion</name></author>
    <entry><title>A</title><summary>x</summary></entry>
    <entry><title>B</title><author><name>Jana</name></author><summary>y</summary></entry></feed>"""
    assert [t.posts[0].author for t in parse_threads(atom).threads] == ["Redaktion", "Jana"]
    # RSS has no such rule: a channel's editor is not every item's writer.
    rss = """<rss version="2.0"><channel><title>M</title><managingEditor>red@blatt.example (Redaktion)</managingEditor>
    <item><title>A</title><description>x</description></item></channel></rss>"""
    assert [t.posts[0].author for t in parse_threads(rss).threads] == [None]


@pytest.mark.parametrize(
    ("feed_fields", "item_fields", "author"),
    [
        # 1.1: a list of authors, all named; one with only an address names nobody.
        ({}, {"authors": [{"name": "Ute"}, {"url": "https://u.example"}, {"name": "Jan"}]}, "Ute, Jan"),
        # 1.0: one author object.
        ({}, {"author": {"name": "Ute", "url": "https://u.example"}}, "Ute"),
        # An item without authors has the feed's: 1.1's list, or 1.0's object.
        ({"authors": [{"name": "Redaktion"}]}, {}, "Redaktion"),
        ({"author": {"name": "Redaktion"}}, {}, "Redaktion"),
        # The item's own win over the feed's; an empty list is no author.
        ({"authors": [{"name": "Redaktion"}]}, {"authors": [{"name": "Ute"}]}, "Ute"),
        ({}, {"authors": []}, None),
    ],
)
def test_json_feed_authors_of_both_versions(
    feed_fields: dict[str, object], item_fields: dict[str, object], author: str | None
) -> None:
    item = {"id": "1", "title": "T", "content_text": "x", **item_fields}
    feed = {"version": "https://jsonfeed.org/version/1.1", "title": "Blatt", "items": [item], **feed_fields}
    [thread] = parse_threads(json.dumps(feed)).threads
    assert thread.posts[0].author == author


PODCAST = """<?xml version="1.0" encoding="UTF-8"?>
<rss version="2.0" xmlns:itunes="http://www.itunes.com/dtds/podcast-1.0.dtd" xmlns:dc="http://purl.org/dc/elements/1.1/">
<channel><title>Der Wissenspodcast</title><itunes:author>Radio Beispiel</itunes:author>
<item><title>Folge 1</title><itunes:author>Anna Beispiel</itunes:author><description>Eins.</description>
<enclosure url="https://pod.example/1.mp3" type="audio/mpeg" length="1"/></item>
<item><title>Folge 2</title><author>ed@radio.example (Eva Muster)</author><itunes:author>Anna</itunes:author>
<description>Zwei.</description></item>
<item><title>Folge 3</title><itunes:author>Anna</itunes:author><dc:creator>Bert Bauer</dc:creator>
<description>Drei.</description></item>
<item><title>Folge 4</title><author>ed@radio.example</author><itunes:author>Carla</itunes:author>
<description>Vier.</description></item>
<item><title>Folge 5</title><description>Fünf.</description></item>
<item><title>Folge 6</title><author>dora.d@post.example</author><itunes:author>dora.d@post.example</itunes:author>
<description>Sechs.</description></item>
</channel></rss>"""


def test_a_podcast_episode_is_written_by_its_itunes_author_when_it_names_no_other() -> None:
    authors = [thread.posts[0].author for thread in parse_threads(PODCAST).threads]
    assert authors == [
        "Anna Beispiel",  # itunes:author alone
        "Eva Muster",  # the RSS author wins (feedparser alone gave a garbled 'ple (Eva Muster')
        "Bert Bauer",  # dc:creator wins, whichever comes first
        "Carla",  # an address alone: the iTunes name beats its name part
        None,  # the channel's itunes:author is the show's, not every episode's writer (as RSS's editor)
        "dora.d",  # an address as the iTunes name too: its name part, as any address alone
    ]


@pytest.mark.parametrize(
    ("feed", "dates", "warnings"),
    [
        # RSS: the channel's pubDate dates the undated item; a dated item keeps its own.
        (
            """<rss version="2.0"><channel><title>B</title><pubDate>Mon, 01 Jan 2024 10:00:00 +0000</pubDate>
            <item><title>A</title><description>x</description></item>
            <item><title>B</title><pubDate>Sun, 31 Dec 2023 09:00:00 +0000</pubDate><description>y</description></item>
            </channel></rss>""",
            ["2024-01-01T10:00:00", "2023-12-31T09:00:00"],
            ("1 item has no date of its own: dated by the feed's (2024-01-01 10:00), when the feed was published",),
        ),
        # Atom: the feed's updated.
        (
            """<feed xmlns="http://www.w3.org/2005/Atom"><title>B</title><updated>2024-02-03T04:05:00Z</updated>
            <entry><title>A</title><summary>x</summary></entry><entry><title>B</title><summary>y</summary></entry></feed>""",
            ["2024-02-03T04:05:00", "2024-02-03T04:05:00"],
            ("2 items have no date of their own: dated by the feed's (2024-02-03 04:05), when the feed was published",),
        ),
        # No date anywhere: nothing invented, nothing said.
        ("""<rss version="2.0"><channel><title>B</title><item><title>A</title></item></channel></rss>""", [None], ()),
    ],
)
def test_items_without_a_date_take_the_feeds(feed: str, dates: list[str | None], warnings: tuple[str, ...]) -> None:
    reading = parse_threads(feed)
    assert [t.published.isoformat() if t.published else None for t in reading.threads] == dates
    assert [t.posts[0].date for t in reading.threads] == [t.published for t in reading.threads]
    assert reading.warnings == warnings


BLOGGER_KIND = (
    "<category scheme='http://schemas.google.com/g/2005#kind' term='http://schemas.google.com/blogger/2008/kind#{}'/>"
)
BLOGGER_EXPORT = f"""<?xml version='1.0' encoding='UTF-8'?>
<?xml-stylesheet href="https://www.blogger.com/styles/atom.css" type="text/css"?>
<feed xmlns='http://www.w3.org/2005/Atom' xmlns:openSearch='http://a9.com/-/spec/opensearchrss/1.0/'
 xmlns:gd='http://schemas.google.com/g/2005' xmlns:thr='http://purl.org/syndication/thread/1.0'
 xmlns:app='http://purl.org/atom/app#'>
<id>tag:blogger.com,1999:blog-77</id><title type='text'>Carnet de route</title>
<entry><id>tag:blogger.com,1999:blog-77.settings.BLOG_NAME</id>{BLOGGER_KIND.format("settings")}
<title type='text'>Carnet de route</title><content type='text'>Carnet de route</content></entry>
<entry><id>tag:blogger.com,1999:blog-77.layout</id>{BLOGGER_KIND.format("template")}
<title type='text'>Template</title><content type='text'>&lt;html&gt;&lt;b:skin/&gt;&lt;/html&gt;</content></entry>
<entry><id>tag:blogger.com,1999:blog-77.post-501</id><published>2024-03-01T09:00:00.000+01:00</published>
{BLOGGER_KIND.format("post")}<category scheme='http://www.blogger.com/atom/ns#' term='voyage'/>
<title type='text'>Arrivée à Lyon</title>
<content type='html'>&lt;p&gt;Il pleuvait.&lt;/p&gt;&lt;p&gt;Puis le soleil.&lt;/p&gt;</content>
<link rel='alternate' type='text/html' href='https://carnet.blogspot.com/2024/03/arrivee.html' title='Arrivée à Lyon'/>
<author><name>Nadia</name><email>noreply@blogger.com</email></author></entry>
<entry><id>tag:blogger.com,1999:blog-77.post-502</id><published>2024-03-05T09:00:00.000+01:00</published>
{BLOGGER_KIND.format("post")}<title type='text'>Brouillon</title><content type='html'>Pas fini.</content>
<app:control><app:draft>yes</app:draft></app:control><author><name>Nadia</name></author></entry>
<entry><id>tag:blogger.com,1999:blog-77.post-9002</id><published>2024-03-01T12:00:00.000+01:00</published>
{BLOGGER_KIND.format("comment")}<title type='text'>Merci !</title><content type='html'>Merci pour ce récit !</content>
<link rel='alternate' type='text/html' href='https://carnet.blogspot.com/2024/03/arrivee.html?showComment=1#c9002'/>
<link rel='related' type='application/atom+xml' href='https://www.blogger.com/feeds/77/501/comments/default/9001'/>
<author><name>Tom</name></author>
<thr:in-reply-to href='https://carnet.blogspot.com/2024/03/arrivee.html' ref='tag:blogger.com,1999:blog-77.post-501'
 source='https://www.blogger.com/feeds/77/posts/default/501' type='text/html'/></entry>
<entry><id>tag:blogger.com,1999:blog-77.post-9001</id><published>2024-03-01T10:00:00.000+01:00</published>
{BLOGGER_KIND.format("comment")}<title type='text'>Belle</title>
<content type='html'>Belle journée.&lt;br /&gt;</content>
<author><name>Anonymous</name></author>
<thr:in-reply-to ref='tag:blogger.com,1999:blog-77.post-501' type='text/html'/></entry>
<entry><id>tag:blogger.com,1999:blog-77.post-9003</id><published>2024-03-02T10:00:00.000+01:00</published>
{BLOGGER_KIND.format("comment")}<content type='html'>Sur un billet effacé.</content><author><name>Eve</name></author>
<thr:in-reply-to ref='tag:blogger.com,1999:blog-77.post-499' type='text/html'/></entry>
</feed>"""


def test_a_blogger_export_is_posts_with_their_comments() -> None:
    reading = parse_threads(BLOGGER_EXPORT)
    found = [
        (t.title, t.site, t.url, [(p.id, p.author, p.parent, [b.text for b in p.blocks]) for p in t.posts])
        for t in reading.threads
    ]
    assert found == [
        (
            "Arrivée à Lyon",
            "Carnet de route",
            "https://carnet.blogspot.com/2024/03/arrivee.html",
            [
                ("article", "Nadia", None, ["Arrivée à Lyon", "Il pleuvait.", "Puis le soleil."]),
                # In date order, though listed the other way; the reply nests under the comment it answers.
                ("c1", "Anonymous", None, ["Belle journée."]),
                ("c2", "Tom", "c1", ["Merci pour ce récit !"]),
            ],
        ),
        # A draft is kept (as WordPress exports are read), a warning naming it; settings and template are
        # no threads.
        ("Brouillon", "Carnet de route", None, [("article", "Nadia", None, ["Brouillon", "Pas fini."])]),
    ]
    assert reading.threads[0].published is not None
    assert reading.threads[0].published.isoformat() == "2024-03-01T08:00:00"
    assert reading.warnings == (
        "1 comment on posts not in this export was left out",
        '1 draft is read, not published on the blog: "Brouillon"',
    )


def test_a_takeout_blogger_export_is_read_too() -> None:
    takeout = """<?xml version='1.0' encoding='UTF-8'?>
    <feed xmlns='http://www.w3.org/2005/Atom' xmlns:blogger='http://schemas.google.com/blogger/2018'>
    <title>Küchenbuch</title>
    <entry><id>tag:blogger.com,1999:blog-9.post-21</id><blogger:type>POST</blogger:type>
    <blogger:status>LIVE</blogger:status><published>2023-01-02T03:04:05Z</published>
    <title>Suppenzeit</title><content type='html'>&lt;p&gt;Heiß.&lt;/p&gt;</content>
    <author><name>Marco</name></author></entry>
    <entry><id>tag:blogger.com,1999:blog-9.post-24</id><blogger:type>POST</blogger:type>
    <blogger:trashed>2023-04-01T00:00:00Z</blogger:trashed><title>Weg</title><content>weg</content></entry>
    <entry><id>tag:blogger.com,1999:blog-9.post-21.comment-5</id><blogger:type>COMMENT</blogger:type>
    <blogger:parent>tag:blogger.com,1999:blog-9.post-21</blogger:parent><blogger:status>LIVE</blogger:status>
    <published>2023-01-04T00:00:00Z</published><content type='html'>Lecker</content>
    <author><name>Ina</name></author></entry>
    <entry><id>tag:blogger.com,1999:blog-9.post-21.comment-6</id><blogger:type>COMMENT</blogger:type>
    <blogger:parent>tag:blogger.com,1999:blog-9.post-21</blogger:parent><blogger:status>SPAM</blogger:status>
    <content type='html'>Kaufen</content></entry>
    <entry><id>tag:blogger.com,1999:blog-9.post-21.comment-7</id><blogger:type>COMMENT</blogger:type>
    <blogger:parent>tag:blogger.com,1999:blog-9.post-21.comment-5</blogger:parent>
    <published>2023-01-05T00:00:00Z</published><content type='html'>Finde ich auch</content>
    <author><name>Jo</name></author></entry>
    </feed>"""
    reading = parse_threads(takeout)
    found = [(t.title, [(p.author, p.parent, [b.text for b in p.blocks]) for p in t.posts]) for t in reading.threads]
    assert found == [
        (
            "Suppenzeit",
            [
                ("Marco", None, ["Suppenzeit", "Heiß."]),
                ("Ina", None, ["Lecker"]),
                ("Jo", "c1", ["Finde ich auch"]),  # its parent is a comment: it answers that one
            ],
        )
    ]
    assert reading.warnings == ("1 comment not live on the blog (spam, pending) was left out",)


def test_a_google_news_item_is_its_publishers_headline() -> None:
    # Google News's RSS as it comes: one line per item, links through its redirector, <source> per item.
    reading = read_threads(DATA / "google-news.rss")
    found = [(t.title, t.site, [b.text for b in t.posts[0].blocks[1:]]) for t in reading.threads]
    assert found == [
        # The publisher (<source>) is the site, no longer part of the headline; the description (the
        # headline again, and other sites' coverage) is no text of the article.
        ("La Seine en crue à Paris", "Le Quotidien du Fleuve", []),
        ("Les quais fermés", "Radio Berges", []),
    ]
    assert reading.warnings == (
        "2 items of Google News give headlines only: their articles are on the sites named (each item's site), "
        "not in this feed",
    )


def test_an_aggregated_items_source_is_its_site() -> None:
    rss = """<rss version="2.0"><channel><title>Planet</title>
    <item><title>Ein Beitrag</title><link>https://blog.example/1</link><description>Text.</description>
    <source url="https://blog.example/feed">Ingas Blog</source></item></channel></rss>"""
    [thread] = parse_threads(rss).threads
    assert (thread.title, thread.site, [b.text for b in thread.posts[0].blocks]) == (
        "Ein Beitrag",
        "Ingas Blog",
        ["Ein Beitrag", "Text."],
    )


def test_a_reddit_posts_own_feed_is_its_thread() -> None:
    # `/r/SUB/comments/ID/SLUG/.rss` as Reddit sends it (Atom, one line): the post, then its comments.
    reading = read_threads(DATA / "reddit-post.atom")
    [thread] = reading.threads
    assert (thread.title, thread.site, thread.url) == (
        "Neue Fähre ab Juni",
        "r/hafen",  # the feed's category, not its title ("Neue Fähre ab Juni : hafen")
        "https://www.reddit.com/r/hafen/comments/1abcde/neue_faehre_ab_juni/",
    )
    found = [(p.id, p.author, p.parent, [b.text for b in p.blocks]) for p in thread.posts]
    assert found == [
        # The post without Reddit's template line; names without '/u/', as the Reddit reader gives them.
        ("article", "kapitaen_k", None, ["Neue Fähre ab Juni", "Ab Juni fährt eine neue Fähre."]),
        ("c1", "matrosin", None, ["Endlich! Wie oft fährt sie?"]),
        ("c2", "lotse", None, ["Stündlich, laut Fahrplan."]),
    ]
    assert thread.posts[1].url == "https://www.reddit.com/r/hafen/comments/1abcde/neue_faehre_ab_juni/k1aaaa/"
    assert reading.warnings == (
        "Reddit's feed of a post says nothing of who replies to whom: its comments are all top-level",
        "1 deleted or removed comment without replies was left out",  # its text is '[deleted]'
    )


def test_a_later_page_of_a_reddit_posts_feed_is_titled_by_the_feed() -> None:
    text = (DATA / "reddit-post.atom").read_text(encoding="utf-8")
    start, end = text.index("<entry>"), text.index("</entry>") + len("</entry>")
    reading = parse_threads(text[:start] + text[end:])  # the post's own entry gone
    [thread] = reading.threads
    assert (thread.title, [p.author for p in thread.posts]) == ("Neue Fähre ab Juni", [None, "matrosin", "lotse"])
    assert "the post itself is not in this feed" in reading.warnings[1]


def test_a_subreddits_atom_feed_has_the_subreddit_as_site() -> None:
    atom = """<feed xmlns="http://www.w3.org/2005/Atom"><category term="hafen" label="r/hafen"/><title>Hafen</title>
    <entry><author><name>/u/ahoi</name></author><content type="html">&lt;p&gt;Eins.&lt;/p&gt;</content>
    <link href="https://www.reddit.com/r/hafen/comments/1aaaaa/eins/"/><title>Eins</title></entry>
    <entry><author><name>/u/ahoi</name></author><content type="html">&lt;p&gt;Zwei.&lt;/p&gt;</content>
    <link href="https://www.reddit.com/r/hafen/comments/1bbbbb/zwei/"/><title>Zwei</title></entry></feed>"""
    assert [(t.title, t.site) for t in parse_threads(atom).threads] == [("Eins", "r/hafen"), ("Zwei", "r/hafen")]


def test_a_blogger_comment_feed_marking_kinds_is_still_a_comment_feed() -> None:
    # A blog's public comment feed may mark its entries' kind as an export does; it holds no settings.
    kind = BLOGGER_KIND.format("comment")
    feed = BLOGGER_COMMENTS.replace("<published>", kind + "<published>")
    found = [(t.url, [p.author for p in t.posts[1:]]) for t in parse_threads(feed).threads]
    assert found == [
        ("https://carnet.example/2024/02/pluie.html", ["Ana"]),
        ("https://carnet.example/2024/02/sol.html", ["Luis"]),
    ]


def test_a_wordpress_comment_feed_paged_is_one_thread() -> None:
    # With paged comments WordPress links a comment on page 2 as `POST/comment-page-2/#comment-N`
    # (`?p=5&cpage=2#comment-N` without pretty links): still the one post's comment.
    paged = WORDPRESS_COMMENTS.replace(
        "https://jardin.example/hiver/#comment-13", "https://jardin.example/hiver/comment-page-2/#comment-13", 1
    )
    [thread] = parse_threads(paged).threads
    assert (thread.url, [p.author for p in thread.posts[1:]]) == ("https://jardin.example/hiver/", ["Marie", "Paul"])
    # Without pretty links: Marie's comment on the first page, Paul's on the second.
    queried = WORDPRESS_COMMENTS.replace("https://jardin.example/hiver/#comment-12", "https://jardin.example/?p=5#c12")
    queried = queried.replace("https://jardin.example/hiver/#comment-13", "https://jardin.example/?p=5&cpage=2#c13")
    [thread] = parse_threads(queried).threads
    assert (thread.url, [p.author for p in thread.posts[1:]]) == ("https://jardin.example/?p=5", ["Marie", "Paul"])


@pytest.mark.parametrize(
    "counted",
    [
        "<slash:comments>7</slash:comments>",  # RSS's Slash module (WordPress)
        "<thr:total>7</thr:total>",  # Atom threading's total
        # Atom threading's replies links (Blogger: one to the page, one to the comment feed, each counting)
        '<link rel="replies" type="text/html" href="https://b.example/a#comments" thr:count="7"/>'
        '<link rel="replies" type="application/atom+xml" href="https://b.example/feeds/1/comments" thr:count="7"/>',
    ],
)
def test_comments_counted_elsewhere_are_reported(counted: str) -> None:
    feed = f"""<feed xmlns="http://www.w3.org/2005/Atom" xmlns:thr="http://purl.org/syndication/thread/1.0"
    xmlns:slash="http://purl.org/rss/1.0/modules/slash/"><title>B</title>
    <entry><title>A</title><link rel="alternate" href="https://b.example/a"/>{counted}<summary>x</summary></entry></feed>"""
    assert parse_threads(feed).warnings == (
        "1 item counts 7 reader comments that are not in this feed (each item's comment feed or page holds them): "
        "only the items are read",
    )


def test_a_json_feed_author_given_as_an_address_is_its_name_part() -> None:
    item = {"id": "1", "title": "T", "content_text": "x", "authors": [{"name": "ute@blatt.example"}]}
    feed = {"version": "https://jsonfeed.org/version/1.1", "items": [item]}
    assert parse_threads(json.dumps(feed)).threads[0].posts[0].author == "ute"


def _discourse_topic_item(number: int, username: str, cooked: str) -> str:
    """An item of a Discourse topic's own feed (/t/SLUG/ID.rss) as its template writes it: the post's HTML
    inside "@NAME wrote:" and a blockquote, then a link to read the full topic."""
    link = f"https://forum.example/t/radwege-im-winter/42/{number}"
    return f"""<item><title>Radwege im Winter</title><dc:creator><![CDATA[@{username}]]></dc:creator>
    <description><![CDATA[
      <p><a href="https://forum.example/u/{username}">@{username}</a> wrote:</p>
      <blockquote>
        {cooked}
      </blockquote>
      <p><a href="{link}">Read full topic</a></p>
    ]]></description><link>{link}</link><pubDate>Wed, 03 Jan 2024 0{number}:00:00 +0000</pubDate>
    <guid isPermaLink="false">forum.example-post-42-{number}</guid>
    <source url="https://forum.example/t/radwege-im-winter/42.rss">Radwege im Winter</source></item>"""


def test_a_discourse_topic_feed_nests_a_post_under_the_post_it_quotes_or_links() -> None:
    # Newest first; post 1 is not among the latest posts: the channel's description is its Markdown.
    quote = """<aside class="quote no-group" data-username="bob" data-post="2" data-topic="42">
      <div class="title"><div class="quote-controls"></div> bob:</div>
      <blockquote><p>Die Stadt räumt nur die Straßen.</p></blockquote></aside>"""
    elsewhere = """<aside class="quote" data-username="eva" data-post="3" data-topic="77">
      <div class="title"> eva:</div><blockquote><p>Anderswo.</p></blockquote></aside>"""
    rss = (
        '<?xml version="1.0" encoding="UTF-8" ?><rss version="2.0" xmlns:atom="http://www.w3.org/2005/Atom" '
        'xmlns:dc="http://purl.org/dc/elements/1.1/"><channel><title>Radwege im Winter</title>'
        "<link>https://forum.example/t/radwege-im-winter/42</link>"
        '<description>Wer räumt im Winter die Radwege?\n\n[quote="amt"]\nNiemand.\n[/quote]</description>'
        '<atom:link href="https://forum.example/t/radwege-im-winter/42.rss" rel="self" type="application/rss+xml" />'
        + _discourse_topic_item(5, "dora", f"{elsewhere}<p>Wie in der Nachbarstadt.</p>")
        + _discourse_topic_item(
            4, "carla", '<p>Siehe <a href="https://forum.example/t/radwege-im-winter/42/3">Jans Antwort</a>.</p>'
        )
        + _discourse_topic_item(3, "jan", f"{quote}<p>Bei uns räumt sie auch die Radwege.</p>")
        + _discourse_topic_item(2, "bob", "<p>Die Stadt räumt nur die Straßen.</p>")
        + "</channel></rss>"
    )
    reading = parse_threads(rss)
    [thread] = reading.threads
    found = [(p.id, p.author, p.parent, [(b.kind, b.text) for b in p.blocks]) for p in thread.posts]
    assert found == [
        (
            "article",
            None,
            None,
            [("title", "Radwege im Winter"), ("paragraph", "Wer räumt im Winter die Radwege?"), ("quote", "Niemand.")],
        ),
        ("c1", "bob", None, [("paragraph", "Die Stadt räumt nur die Straßen.")]),  # no "@bob wrote:"
        (
            "c2",
            "jan",
            "c1",
            [("quote", "Die Stadt räumt nur die Straßen."), ("paragraph", "Bei uns räumt sie auch die Radwege.")],
        ),
        ("c3", "carla", "c2", [("paragraph", "Siehe Jans Antwort.")]),  # a link to post 3 answers it
        ("c4", "dora", None, [("quote", "Anderswo."), ("paragraph", "Wie in der Nachbarstadt.")]),  # another topic's
    ]
    # The first post's text is there (no "only their comments"); the nesting is said to be inferred.
    assert reading.warnings == (
        "a Discourse feed does not say which post answers which: 2 of 4 posts are nested under the earlier post "
        "they quote or link to, the others are top-level (the topic's JSON, /t/ID.json, has every reply)",
    )


def test_relative_atom_links_resolve_against_the_feeds_own_address() -> None:
    # Hugo/Jekyll-style Atom with site-relative links and no xml:base: the self link is the document's
    # address, against which feedparser resolves them when told it.
    atom = """<?xml version="1.0" encoding="utf-8"?><feed xmlns="http://www.w3.org/2005/Atom">
    <title>Notizen</title><link href="/" /><link rel="self" href="https://notizen.example/blog/atom.xml" />
    <id>https://notizen.example/blog/</id><updated>2024-03-02T10:00:00Z</updated>
    <entry><title>Frühling</title><link href="2024/fruehling.html" /><id>tag:notizen.example,2024:1</id>
    <updated>2024-03-02T10:00:00Z</updated><content type="html">&lt;p&gt;Krokusse.&lt;/p&gt;</content></entry>
    <entry xml:base="/archiv/"><title>Winter</title><link rel="alternate" href="winter.html" />
    <id>tag:notizen.example,2024:0</id><updated>2024-01-02T10:00:00Z</updated><content>Schnee.</content></entry>
    <entry><title>Anderswo</title><link href="https://andere.example/x" /><id>urn:x</id><content>Da.</content></entry>
    </feed>"""
    assert [t.url for t in parse_threads(atom).threads] == [
        "https://notizen.example/blog/2024/fruehling.html",
        "https://notizen.example/archiv/winter.html",  # a relative xml:base resolves against the address too
        "https://andere.example/x",
    ]
    # Without an absolute link of its own, a feed's relative links stay as written (no address is guessed).
    unaddressed = atom.replace("https://notizen.example/blog/atom.xml", "atom.xml")
    assert parse_threads(unaddressed).threads[0].url == "2024/fruehling.html"


def _hnrss_feed(title: str, link: str, items: list[tuple[int, str, str, str]]) -> str:
    """A feed of Hacker News comments as hnrss.org writes it: (comment id, writer, story title, HTML) items,
    newest first, each linked to the comment alone."""
    written = "".join(
        f"""<item><title><![CDATA[New comment by {name} in "{story}"]]></title><description><![CDATA[
{text}
]]></description><pubDate>Wed, 03 Jan 2024 {23 - index:02d}:00:00 +0000</pubDate>
<link>https://news.ycombinator.com/item?id={number}</link><dc:creator>{name}</dc:creator>
<comments>https://news.ycombinator.com/item?id={number}</comments>
<guid isPermaLink="false">https://news.ycombinator.com/item?id={number}</guid></item>"""
        for index, (number, name, story, text) in enumerate(items)
    )
    return (
        '<?xml version="1.0" encoding="UTF-8"?><rss version="2.0" xmlns:dc="http://purl.org/dc/elements/1.1/" '
        f'xmlns:atom="http://www.w3.org/2005/Atom"><channel><title>{title}</title><link>{link}</link>'
        "<description>Hacker News RSS</description><generator>hnrss v2.1.1</generator>"
        f"{written}</channel></rss>"
    )


def test_an_hnrss_feed_of_one_storys_comments_is_its_thread() -> None:
    # hnrss.org/item?id=N: the story's latest comments; the story itself is only named.
    rss = _hnrss_feed(
        "Hacker News: New comments on &#34;Show HN: Ein Wörterbuch offline&#34;",
        "https://news.ycombinator.com/item?id=39000001",
        [
            (39000003, "kiri", "Show HN: Ein Wörterbuch offline", "<p>Läuft das auch auf dem Telefon?</p>"),
            (39000002, "ada_l", "Show HN: Ein Wörterbuch offline", "<p>Welche Lizenz?<p>Woher kommen die Daten?</p>"),
        ],
    )
    reading = parse_threads(rss)
    [thread] = reading.threads
    assert (thread.title, thread.url, thread.site) == (
        "Show HN: Ein Wörterbuch offline",
        "https://news.ycombinator.com/item?id=39000001",
        "Hacker News",
    )
    found = [(p.id, p.author, p.parent, p.url, [b.text for b in p.blocks]) for p in thread.posts]
    assert found == [
        ("article", None, None, "https://news.ycombinator.com/item?id=39000001", ["Show HN: Ein Wörterbuch offline"]),
        (
            "c1",
            "ada_l",
            None,
            "https://news.ycombinator.com/item?id=39000002",
            ["Welche Lizenz?", "Woher kommen die Daten?"],
        ),
        ("c2", "kiri", None, "https://news.ycombinator.com/item?id=39000003", ["Läuft das auch auf dem Telefon?"]),
    ]
    [warning] = reading.warnings
    assert warning.startswith("hnrss's feed of a Hacker News story's latest 2 comments: the story's own text")


def test_an_hnrss_feed_of_new_comments_says_it_holds_comments_on_many_stories() -> None:
    # hnrss.org/newcomments: the latest comments anywhere; no story's address, each comment alone.
    rss = _hnrss_feed(
        "Hacker News: New Comments",
        "https://news.ycombinator.com/newcomments",
        [
            (41, "ute", "Rust im Kernel", "<p>Endlich.</p>"),
            (40, "jo", 'Warum "offline" zählt', "<p>Weil Netze ausfallen.</p>"),
            (39, "max", "Rust im Kernel", "<p>Mal sehen.</p>"),
        ],
    )
    reading = parse_threads(rss)
    found = [(t.title, t.url, [(p.author, [b.text for b in p.blocks]) for p in t.posts[1:]]) for t in reading.threads]
    assert found == [
        ("Rust im Kernel", None, [("max", ["Mal sehen."]), ("ute", ["Endlich."])]),
        ('Warum "offline" zählt', None, [("jo", ["Weil Netze ausfallen."])]),
    ]
    assert reading.warnings == (
        "this is hnrss's feed of 3 Hacker News comments on 2 stories (new comments, or one user's): read as a "
        "thread per story holding only these comments, top-level, under the story's title (the stories and the "
        "comments they answer are not in it)",
    )


HNRSS_COMMENTS = [
    (39000003, "kiri", "<p>Läuft das auch auf dem Telefon?</p>", "2024-01-03T11:00:00Z"),
    (39000002, "ada_l", "<p>Welche Lizenz?</p>", "2024-01-03T10:00:00Z"),
]


def _hnrss_atom() -> str:
    # hnrss's Atom: the feed links only to itself (hnrss.org/item?id=N), not to the story.
    entries = "".join(
        f"""<entry><title><![CDATA[New comment by {name} in "Show HN: Ein Wörterbuch offline"]]></title>
        <link href="https://news.ycombinator.com/item?id={number}" rel="alternate"></link>
        <author><name>{name}</name></author><content type="html"><![CDATA[{text}]]></content>
        <updated>{date}</updated><published>{date}</published>
        <id>https://news.ycombinator.com/item?id={number}</id></entry>"""
        for number, name, text, date in HNRSS_COMMENTS
    )
    return (
        '<feed xmlns="http://www.w3.org/2005/Atom"><id>https://hnrss.org/item?id=39000001</id>'
        '<title>Hacker News: New comments on "Show HN: Ein Wörterbuch offline"</title>'
        "<updated>2024-01-03T12:00:00Z</updated>"
        '<link href="https://hnrss.org/item?id=39000001" rel="self" type="application/atom+xml"></link>'
        f"{entries}</feed>"
    )


def _hnrss_json_feed() -> str:
    # hnrss's JSON Feed (?format=jsonfeed): version 1, its author a bare name, home_page_url the story.
    items = [
        {
            "id": f"https://news.ycombinator.com/item?id={number}",
            "title": f'New comment by {name} in "Show HN: Ein Wörterbuch offline"',
            "content_html": text,
            "url": f"https://news.ycombinator.com/item?id={number}",
            "external_url": f"https://news.ycombinator.com/item?id={number}",
            "date_published": date,
            "author": name,
        }
        for number, name, text, date in HNRSS_COMMENTS
    ]
    return json.dumps(
        {
            "version": "https://jsonfeed.org/version/1",
            "title": 'Hacker News: New comments on "Show HN: Ein Wörterbuch offline"',
            "description": "Hacker News RSS",
            "home_page_url": "https://news.ycombinator.com/item?id=39000001",
            "items": items,
        }
    )


@pytest.mark.parametrize("make", [_hnrss_atom, _hnrss_json_feed])
def test_hnrss_comment_feeds_in_atom_and_json_feed_are_the_storys_thread(make: Any) -> None:
    reading = parse_threads(make())
    [thread] = reading.threads
    assert (thread.title, thread.url) == (
        "Show HN: Ein Wörterbuch offline",
        "https://news.ycombinator.com/item?id=39000001",
    )
    assert [(p.author, [b.text for b in p.blocks]) for p in thread.posts[1:]] == [
        ("ada_l", ["Welche Lizenz?"]),
        ("kiri", ["Läuft das auch auf dem Telefon?"]),
    ]
    assert len(reading.warnings) == 1 and reading.warnings[0].startswith("hnrss's feed of a Hacker News story's")


HNRSS_STORY_TEMPLATE = """
<p>Article URL: <a href="https://woerter.example/">https://woerter.example/</a></p>
<p>Comments URL: <a href="https://news.ycombinator.com/item?id=39000001">https://news.ycombinator.com/item?id=39000001</a></p>
<p>Points: 120</p>
<p># Comments: 45</p>
"""
HNRSS_SELF_POST = """
<p>Ich lerne seit einem Jahr Polnisch.<p>Was hilft euch?</p>
<hr>
<p>Comments URL: <a href="https://news.ycombinator.com/item?id=39000005">https://news.ycombinator.com/item?id=39000005</a></p>
<p>Points: 33</p>
<p># Comments: 12</p>
"""


def _hnrss_stories(json_feed: bool) -> str:
    """hnrss.org's front page (RSS, or ?format=jsonfeed): a link story and an Ask HN, each with its template."""
    stories = [
        ("Ein Wörterbuch, das offline läuft", "https://woerter.example/", 39000001, HNRSS_STORY_TEMPLATE),
        ("Ask HN: Wie lernt ihr Sprachen?", "https://news.ycombinator.com/item?id=39000005", 39000005, HNRSS_SELF_POST),
    ]
    if json_feed:
        items = [
            {"id": f"https://news.ycombinator.com/item?id={number}", "title": title, "content_html": text, "url": link,
             "external_url": f"https://news.ycombinator.com/item?id={number}",
             "date_published": "2024-01-03T09:00:00Z", "author": "ada_l"}
            for title, link, number, text in stories
        ]  # fmt: skip
        return json.dumps({"version": "https://jsonfeed.org/version/1", "title": "Hacker News: Front Page",
                           "home_page_url": "https://news.ycombinator.com/", "items": items})  # fmt: skip
    written = "".join(
        f"""<item><title><![CDATA[{title}]]></title><description><![CDATA[{text}]]></description>
        <pubDate>Wed, 03 Jan 2024 09:00:00 +0000</pubDate><link>{link}</link><dc:creator>ada_l</dc:creator>
        <comments>https://news.ycombinator.com/item?id={number}</comments></item>"""
        for title, link, number, text in stories
    )
    return (
        '<rss version="2.0" xmlns:dc="http://purl.org/dc/elements/1.1/"><channel><title>Hacker News: Front Page'
        f"</title><link>https://news.ycombinator.com/</link>{written}</channel></rss>"
    )


@pytest.mark.parametrize("json_feed", [False, True])
def test_hnrss_story_items_lose_the_feeds_template(json_feed: bool) -> None:
    reading = parse_threads(_hnrss_stories(json_feed))
    found = [
        ([(b.kind, b.text) for b in t.posts[0].blocks[1:]], t.posts[0].votes and t.posts[0].votes.up)
        for t in reading.threads
    ]
    assert found == [
        ([("source", "https://woerter.example/")], 120),  # a link story: its link, as the HN reader gives it
        ([("paragraph", "Ich lerne seit einem Jahr Polnisch."), ("paragraph", "Was hilft euch?")], 33),
    ]
    assert reading.warnings == (
        "2 items count 57 reader comments that are not in this feed (each item's comment feed or page holds them): "
        "only the items are read",
    )


def test_a_discourse_topic_feeds_markdown_description_reads_as_text() -> None:
    # Post 1's Markdown as the channel's description: its words kept, its marks gone. feedparser's
    # sanitizer took the autolink `<https://...>` for a tag and dropped it; emphasis, heading and list
    # marks stayed in the text, and the list items ran into one paragraph.
    markdown = (
        "## Worum es geht\n\nWer räumt **im Winter** die _Radwege_? Siehe [den Bericht](https://zeitung.example/r) "
        "und <https://amt.example/plan>.\n\n* erster *Punkt* mit `Code`\n* zweiter ~~alter~~ Punkt\n\n"
        "![image|690x388](upload://abc.jpeg)\nDrei * vier und snake_case bleiben, a < b &amp; <b>fett</b><br>\n\n"
        "```\nx = 1\n```"
    )
    rss = (
        '<?xml version="1.0" encoding="UTF-8" ?><rss version="2.0" xmlns:atom="http://www.w3.org/2005/Atom" '
        'xmlns:dc="http://purl.org/dc/elements/1.1/"><channel><title>Radwege im Winter</title>'
        "<link>https://forum.example/t/radwege-im-winter/42</link>"
        f"<description>{xml_escape(markdown)}</description>"
        '<atom:link href="https://forum.example/t/radwege-im-winter/42.rss" rel="self" type="application/rss+xml" />'
        + _discourse_topic_item(2, "bob", "<p>Die Stadt räumt nur die Straßen.</p>")
        + "</channel></rss>"
    )
    [thread] = parse_threads(rss).threads
    assert [(b.kind, b.text) for b in thread.posts[0].blocks] == [
        ("title", "Radwege im Winter"),
        ("heading", "Worum es geht"),
        ("paragraph", "Wer räumt im Winter die Radwege? Siehe den Bericht und https://amt.example/plan."),
        ("paragraph", "erster Punkt mit Code"),
        ("paragraph", "zweiter alter Punkt"),
        ("paragraph", "Drei * vier und snake_case bleiben, a < b & fett"),
        ("code", "x = 1"),
    ]


@pytest.mark.parametrize("written", [" " * 100_000, "Eva" + " " * 100_000 + "Muster @", "a@b" + " " * 100_000 + "("])
def test_a_writer_of_long_space_runs_is_read_in_linear_time(written: str) -> None:
    # The address forms were matched with a lazy name between optional space runs: quadratic once stripped
    # (100,000 spaces: minutes), cubic before; each run is taken whole now.
    feed = {"version": "https://jsonfeed.org/version/1.1", "title": "T",
            "items": [{"id": "1", "content_text": "Hallo", "authors": [{"name": written}]}]}  # fmt: skip
    started = time.perf_counter()
    [thread] = parse_threads(json.dumps(feed)).threads
    assert time.perf_counter() - started < 10  # a generous bound: this is a check of shape, not a benchmark
    assert [b.text for b in thread.posts[0].blocks] == ["Hallo"]
