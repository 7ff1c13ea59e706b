"""Forum and comment page dumps of other engines than developpez.com's: one fixture per engine shape (our own
text in each engine's layout and labels), the labels one by one, and real prose that must stay an article."""

from __future__ import annotations

import contextlib
import json
from datetime import datetime
from pathlib import Path
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from cli.main import main
from translator.errors import InputError
from translator.models import Votes
from translator.readers import parse_threads, read_thread, sniff_format
from translator.readers.forum import looks_like_forum
from translator.readers.forum_dump import _name_and_date, looks_like_forum_dump, read_forum_dump
from translator.readers.forum_engines import classify, date_part

DUMPS = Path(__file__).resolve().parent.parent / "data" / "readers" / "forum_dumps"
SAMPLES = Path(__file__).resolve().parents[2].parent / "shared" / "samples"

# file: thread title, then (writer, role, date) of each post, the article first; quotes as (post, author, extent).
ENGINE_DUMPS = [
    # phpBB 3.2+ (prosilver, English): profile above `Post by NAME » DATE`, `NAME wrote: ↑ DATE` quotes, an edit note.
    (
        "phpbb_en.txt",
        "Fan noise after BIOS update",
        [
            ("tomvdb", "Registered User", datetime(2024, 1, 10, 8, 41)),
            ("marisol", None, datetime(2024, 1, 10, 9, 15)),
            ("tomvdb", "Registered User", datetime(2024, 1, 10, 18, 2)),
        ],
        [("c1", "tomvdb", "matched")],
    ),
    # phpBB 3.0 (German): `Beitragvon NAME » DATE`, `NAME hat geschrieben:`, a signature after its rule.
    (
        "phpbb_de.txt",
        "Tomaten platzen auf",
        [
            ("Gartenfee", None, datetime(2023, 8, 2, 19, 12)),
            ("Knollenkönig", None, datetime(2023, 8, 2, 20, 3)),
            ("Gartenfee", None, datetime(2023, 8, 3, 7, 30)),
        ],
        [("c1", "Gartenfee", "matched")],
    ),
    # vBulletin 4 (English): date and `#N` first, then name, rank, join date and posts; `Reply With Quote`.
    (
        "vbulletin_en.txt",
        "Carburettor keeps flooding",
        [
            ("oldgearhead", "Junior Member", datetime(2022, 3, 14, 19, 45)),
            ("sparkplug_sue", "Senior Member", datetime(2022, 3, 14, 20, 10)),
            ("oldgearhead", "Junior Member", datetime(2022, 3, 15, 9, 2)),
        ],
        [("c1", "oldgearhead", "matched")],
    ),
    # vBulletin 4 (German): dotted dates, `Zitat Zitat von NAME Beitrag anzeigen`, `Mit Zitat antworten`.
    (
        "vbulletin_de.txt",
        "Welches Makroobjektiv für Insekten?",
        [
            ("Libelle77", "Neuer Benutzer", datetime(2021, 5, 12, 21, 14)),
            ("Blendenzauber", "Erfahrener Benutzer", datetime(2021, 5, 12, 21, 40)),
            ("Libelle77", "Neuer Benutzer", datetime(2021, 5, 13, 8, 5)),
        ],
        [("c1", "Libelle77", "matched")],
    ),
    # XenForo 2 (French): avatar initial, label/value profile lines, `NAME a dit :` ended by `Cliquez pour agrandir...`.
    (
        "xenforo_fr.txt",
        "Ma pâte à choux retombe",
        [
            ("Camille_R", "Membre", datetime(2023, 3, 4)),
            ("Patoche", "Membre actif", datetime(2023, 3, 4)),
            ("Camille_R", "Membre", datetime(2023, 3, 5)),
        ],
        [("c1", "Camille_R", None)],
    ),
    # SMF 2 (English): `« Reply #1 on: DATE »`, `Quote from: NAME on DATE`, `Logged`, `« Last Edit: ... »`.
    (
        "smf_en.txt",
        "Swarm in the chimney",
        [
            ("hivekeeper", "Full Member", datetime(2020, 6, 2, 10, 14)),
            ("waxworker", "Hero Member", datetime(2020, 6, 2, 11, 2)),
            ("hivekeeper", "Full Member", datetime(2020, 6, 5, 19, 48)),
        ],
        [("c1", "hivekeeper", "matched")],
    ),
    # WordPress comments (Spanish): the article before them, `NAME dice:` and the date below, `Responder`.
    (
        "wordpress_es.txt",
        "La huerta urbana en invierno",
        [
            (None, None, None),
            ("Lucía", None, datetime(2024, 1, 12, 9, 15)),
            ("Martín Ocampo", None, datetime(2024, 1, 12, 18, 40)),
            ("Lucía", None, datetime(2024, 1, 13, 8, 2)),
        ],
        [("c3", "Martín Ocampo", "matched")],
    ),
]
FURNITURE = ("Posts:", "Joined", "Reply With Quote", "Logged", "Inscrit", "Messages", "J'aime", "Responder", "#")


@pytest.mark.parametrize(("name", "title", "posts", "quotes"), ENGINE_DUMPS)
def test_engine_dumps_read_post_by_post(
    name: str,
    title: str,
    posts: list[tuple[str | None, str | None, datetime | None]],
    quotes: list[tuple[str, str, str | None]],
) -> None:
    text = (DUMPS / name).read_text(encoding="utf-8")
    assert looks_like_forum(text) and sniff_format(text) == "forum"
    [thread] = read_forum_dump(text).threads
    assert thread.title == title
    assert [(p.author, p.role, p.date) for p in thread.posts] == posts
    found = [(p.id, b.quoted_author, b.quote_extent) for p in thread.posts for b in p.blocks if b.kind == "quote"]
    assert found == quotes
    texts = [b.text for _, b in thread.blocks()]
    assert not [t for t in texts if t.startswith(FURNITURE) or t in {p[0] for p in posts}]
    assert all(b.text for _, b in thread.blocks())


def test_signatures_and_edit_notes_are_left_out_and_said() -> None:
    reading = read_forum_dump((DUMPS / "vbulletin_en.txt").read_text(encoding="utf-8"))
    texts = [b.text for _, b in reading.threads[0].blocks()]
    assert "Two wheels good, four wheels better." not in texts
    assert not [t for t in texts if t.startswith("Last edited")]
    assert reading.warnings == ("signatures left out of 1 post",)


def test_a_news_page_article_comes_before_its_comments() -> None:
    [thread] = read_forum_dump((DUMPS / "wordpress_es.txt").read_text(encoding="utf-8")).threads
    article = thread.posts[0]
    assert [b.kind for b in article.blocks] == ["title", "paragraph", "paragraph", "paragraph"]
    assert "3 comentarios" not in [b.text for _, b in thread.blocks()]
    assert "Deja una respuesta" not in [b.text for _, b in thread.blocks()]


RELATIVE_POSTS = [
    ("Ann", "3 years ago", "First."),
    ("Bob", "Yesterday at 10:15 PM", "Second."),
    ("Cy", "2 hours ago", "Hi."),
]


def test_relative_dates_are_posts_without_a_date_and_said() -> None:
    text = "".join(
        f"{name}\nMember\nMessages\n12\n{when}\n#{n}\n{body}\nLike\nReply\n"
        for n, (name, when, body) in enumerate(RELATIVE_POSTS)
    )
    reading = read_forum_dump("Thread title\n" + text)
    assert [(p.author, p.date) for p in reading.threads[0].posts] == [("Ann", None), ("Bob", None), ("Cy", None)]
    assert reading.warnings[0].startswith("3 posts of this dump show no date")


def test_a_short_last_line_of_a_body_is_not_taken_for_the_next_writer() -> None:
    # No buttons between posts: the header is as long as most headers are (a name and a rank).
    posts = [("Ann", "It works."), ("Bob", "Ok then"), ("Cy", "Fine.")]
    text = "Title\nPage 1 of 1\n" + "".join(
        f"{name}\nMember\nJoined\nMar 3, 2011\n4 March 2023\n#{n}\nA full sentence of the post.\n{last}\n"
        for n, (name, last) in enumerate(posts)
    )
    [thread] = read_forum_dump(text).threads
    assert [(p.author, p.role) for p in thread.posts] == [("Ann", "Member"), ("Bob", "Member"), ("Cy", "Member")]
    assert [b.text for b in thread.posts[1].blocks] == ["A full sentence of the post.", "Ok then"]


def test_dated_teasers_and_archive_links_around_the_comments_are_no_posts() -> None:
    # A blog page: the article's date and dated teasers above, WordPress comments (`NAME sagt:`, the date,
    # `Antworten`), then an archive of months: only the comments are posts, the months no comments.
    teasers = "".join(f"Teaser headline number {n}\n{n + 1}. März 2014\n" for n in range(4))
    comments = "".join(
        f"{name} sagt:\n{day}. April 2014 um 8:{day:02} Uhr\nEin Kommentar von {name}.\nAntworten\n"
        for day, name in ((2, "Jan Ohm"), (3, "Uta"), (4, "Jan Ohm"))
    )
    archive = "Archiv\n" + "".join(f"{month} 2013\n{month} 2012\n" for month in ("Mai", "Juni", "Juli", "August"))
    article = "".join(
        f"Absatz {n} des Artikels: ein ganzer Satz, lang genug für einen Absatz,"
        " mit Worten darin, die etwas über die Sache sagen.\n"
        for n in range(3)
    )
    text = f"Der Titel des Artikels\n1. April 2014\n{article}{teasers}3 Kommentare\n{comments}{archive}"
    assert looks_like_forum_dump(text)
    [thread] = read_forum_dump(text).threads
    comments_read = [(post.author, post.date) for post in thread.posts if post.kind == "comment"]
    assert comments_read == [
        (name, datetime(2014, 4, day, 8, day)) for day, name in ((2, "Jan Ohm"), (3, "Uta"), (4, "Jan Ohm"))
    ]
    assert thread.posts[-1].blocks[-1].text == "Ein Kommentar von Jan Ohm."  # the archive is none of its text


@pytest.mark.parametrize(
    ("header", "button"),
    [
        ("{name} am {day}. Oktober 2023 - 13:{day:02} Permanenter Link", "Antworten"),  # Drupal, German
        ("{name} {day}. Oktober 2023 um 13:{day:02}", "Antwort ↓"),  # WordPress, Twenty Eleven in German
        ("{name} said, on October {day}, 2023 at 1:{day:02} pm", "Reply"),  # a WordPress theme
        ("{name}\nOctober {day}, 2023 at 1:{day:02} pm", "LikeLiked by 3 people"),  # WordPress.com
    ],
)
def test_comment_headers_of_blog_engines_are_read(header: str, button: str) -> None:
    posts = ((2, "Ole Ohm"), (3, "Uta"), (4, "Lea B"))
    body = "Ein Kommentar, ein ganzer Satz.\n{button}\n"
    text = "Titel\n" + "".join((header + "\n" + body).format(name=name, day=day, button=button) for day, name in posts)
    assert looks_like_forum_dump(text)
    [thread] = read_forum_dump(text).threads
    assert [(post.author, post.date.day if post.date else None) for post in thread.posts] == [
        (name, day) for day, name in posts
    ]
    assert all(
        [block.text for block in post.blocks if block.kind != "title"] == ["Ein Kommentar, ein ganzer Satz."]
        for post in thread.posts
    )


@pytest.mark.parametrize(
    ("line", "kind", "name"),
    [
        ("Post by tomvdb » Wed Jan 10, 2024 8:41 am", "byline", "tomvdb"),  # phpBB 3.1+
        ("Postby tomvdb » Wed Jan 10, 2024 8:41 am", "byline", "tomvdb"),  # phpBB 3.0, the icon's word glued
        ("Message par Lou » mer. 10 janv. 2024 08:41", "byline", "Lou"),  # phpBB, French
        ("Lucía dice:", "byline", "Lucía"),  # WordPress, Spanish
        ("Feli schreibt:", "byline", "Feli"),  # WordPress, a German theme's "says"
        ("stephan said, on August 3, 2019 at 3:12 pm", "byline", "stephan"),  # a WordPress theme
        ("The mayor said, on Monday, that", "text", None),  # reported speech: no date
        ("LikeLiked by 21 people", "action", None),  # WordPress.com's like button, both states run together
        ("LikenLiken", "action", None),  # the same, German
        ("Antworten ↓", "action", None),  # Twenty Eleven's reply link, German
        ("Permanenter Link", "action", None),  # Drupal's permalink, German
        ("Quote Originally Posted by Ann View Post", "quote", "Ann"),  # vBulletin 4
        ("Quote: Originally Posted by Ann", "quote", "Ann"),  # vBulletin 3
        ("Zitat Zitat von Ann Beitrag anzeigen", "quote", "Ann"),  # vBulletin 4, German
        ("Cita de Ann Ver mensaje", "quote", "Ann"),  # vBulletin, Spanish
        ("Citation Envoyé par Ann Voir le message", "quote", "Ann"),  # vBulletin, French
        ("Ann said:", "quote", "Ann"),  # XenForo
        ("Ann a dit :", "quote", "Ann"),  # XenForo, French
        ("Ann hat gesagt.:", "quote", "Ann"),  # XenForo, a German translation
        ("Ann hat geschrieben:", "quote", "Ann"),  # phpBB, German
        ("Ann wrote: ↑ Wed Jan 10, 2024 8:41 am", "quote", "Ann"),  # phpBB 3.2+
        ("Quote from: Ann on June 02, 2020, 10:14:22 AM", "quote", "Ann"),  # SMF
        ("On 3/3/2011 at 2:17 PM, Ann said:", "quote", "Ann"),  # Invision
        ("Ann Wrote:", "quote", "Ann"),  # MyBB
        ("Click to expand...", "quote_end", None),  # XenForo
        ("Zum Vergrößern anklicken....", "quote_end", None),  # XenForo, German
        ("Posts: 1,234", "profile", None),  # phpBB, vBulletin, SMF
        ("Beiträge: 12", "profile", None),  # German
        ("Messages : 56", "profile", None),  # French spacing
        ("Join Date: Mar 2011", "profile", None),  # vBulletin
        ("1,234 posts", "profile", None),  # Invision
        ("#12", "profile", None),  # post number
        ("Joined", "profile_label", None),  # XenForo: the value is the next line
        ("Reply With Quote", "action", None),  # vBulletin
        ("Quote", "action", None),  # the button, not a quote
        ("Reactions: Ann, Bob and 3 others", "action", None),  # XenForo
        ("Last edited by Ann; 03-15-2022 at 09:05 AM.", "edited", None),  # vBulletin
        ("« Last Edit: June 05, 2020, 07:50:02 PM by Ann »", "edited", None),  # SMF
        ("__________________", "signature", None),  # vBulletin's signature rule
        ("The minister answered every question.", "text", None),  # prose
        ("geschrieben von wScherf am 21. Jan. 2015, 20:02", "byline", "wScherf"),  # a comment module's header
        ("Comment by Gerd Torge — 17. Oktober 2011 @ 13:37", "byline", "Gerd Torge"),  # a blog theme's
        ("[ antworten ]", "action", None),  # a button drawn in brackets
        ("Empfehlen", "action", None),  # zeit.de's recommend button
    ],
)
def test_classify(line: str, kind: str, name: str | None) -> None:
    found = classify(line)
    assert (found.kind, found.name) == (kind, name)


@pytest.mark.parametrize(
    ("line", "date"),
    [
        ("« Reply #3 on: June 02, 2020, 10:14:22 AM »", "June 02, 2020, 10:14:22 AM"),  # SMF
        ("Posted March 3, 2011", "March 3, 2011"),  # Invision
        ("03-14-2022, 07:45 PM #1", "03-14-2022, 07:45 PM"),  # vBulletin 3, cells on one line
        ("a line far too long to be a date " * 3, None),
    ],
)
def test_date_part(line: str, date: str | None) -> None:
    assert date_part(line) == date


@given(st.from_regex(r"[A-Za-z][A-Za-z0-9_]{0,19}", fullmatch=True), st.sampled_from(["said", "wrote", "a dit"]))
def test_quote_headers_credit_the_name_they_hold(name: str, verb: str) -> None:
    assert classify(f"{name} {verb}:").name == name
    assert classify(f"Quote Originally Posted by {name} View Post").name == name


def _article_text(path: Path) -> str:
    return "\n".join(b.text for b in read_thread(path).thread.posts[0].blocks)


ARTICLE_SAMPLES = [
    "html_de_hpd_homosexuellenhass.html",
    "html_de_moritz-meyer_vreni-frost-urteil.html",
    "html_es_granma_dirigir-cuba.html",
    "html_fr_laviedesidees_evaluation-revues.html",
    "html_fr_regards_macronie-enquetes.html",
    "html_ru_dataworld_payeer.html",
]


@pytest.mark.parametrize("name", ARTICLE_SAMPLES)
def test_real_articles_are_no_forum_dumps(name: str) -> None:
    # The article text of real pages, as a copy of the article alone gives it.
    text = _article_text(SAMPLES / "web" / name)
    assert not looks_like_forum_dump(text)
    assert sniff_format(text) == "text"


def _page_text(path: Path) -> str:
    """A whole real page as a browser's copy gives it: its chrome, teasers and comments too, a block a line."""
    import lxml.html

    tree = lxml.html.fromstring(path.read_bytes())
    for element in tree.xpath("//script|//style|//noscript"):
        element.drop_tree()
    blocks = [
        "p",
        "div",
        "li",
        "h1",
        "h2",
        "h3",
        "h4",
        "h5",
        "h6",
        "tr",
        "br",
        "article",
        "section",
        "header",
        "footer",
        "blockquote",
        "dt",
        "dd",
        "pre",
        "td",
        "th",
    ]
    for element in tree.iter(*blocks):
        element.tail = "\n" + (element.tail or "")
        element.text = "\n" + (element.text or "")
    return "\n".join(" ".join(line.split()) for line in tree.text_content().splitlines() if line.strip())


@pytest.mark.parametrize("name", ["html_es_granma_dirigir-cuba.html", "html_fr_laviedesidees_evaluation-revues.html"])
def test_a_whole_news_page_without_comments_is_no_forum_dump(name: str) -> None:
    # Its dated teasers under headlines, its labels ("Permalink", "Themen") are no posts.
    assert sniff_format(_page_text(SAMPLES / "web" / name)) == "text"


def test_a_whole_news_page_with_comments_is_read_for_them() -> None:
    text = _page_text(SAMPLES / "web" / "html_pl_energetyka24_gaz-rosja.html")
    assert sniff_format(text) == "forum"
    [thread] = parse_threads(text).threads
    writers = [post.author for post in thread.posts if post.kind == "comment"]
    assert {"Robs", "Anonim", "KNP", "Arek", "Maciora", "Kris"} <= set(writers)


def test_the_article_of_the_real_forum_sample_is_no_forum_dump(sample_path: Path) -> None:
    text = sample_path.read_text(encoding="utf-8")
    assert not looks_like_forum_dump(text[: text.index("Avatar de")])


@pytest.mark.parametrize(
    "text",
    [
        # Markdown posts with dates in their text.
        "# Notes\n\nMarch 3, 2011\n\nWe met.\n\n---\n\nApril 4, 2012\n\nWe met again.\n\n---\n\nMay 5, 2013\n\nBye.\n",
        # A timeline: dates, each followed by a sentence, no writer.
        "History\n12 March 2001\nThe company was founded.\n4 June 2005\nIt moved to Lyon.\n9 May 2010\nIt closed.\n",
        # Reported speech in an article.
        "The mayor said:\nWe will rebuild the bridge.\nThe minister said:\nThe funds are there.\n",
    ],
)
def test_prose_with_dates_or_said_is_no_forum_dump(text: str) -> None:
    assert not looks_like_forum_dump(text)


def test_inspect_reads_the_posts_of_a_dump(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["inspect", str(DUMPS / "xenforo_fr.txt"), "--json", "--languages", "fr,en"]) == 0
    document = json.loads(capsys.readouterr().out)
    assert document["source_format"] == "forum"
    assert [post["author"] for post in document["posts"]] == ["Camille_R", "Patoche", "Camille_R"]


# Lines of every kind a dump holds, to draw dumps from: buttons alone (a lone "Reply", "- Reply"), labels, names,
# dates in several shapes, quote headers, rules, prose, blank lines.
DUMP_LINES = [
    "Reply",
    "- Reply",
    "· Répondre",
    "Quote",
    "Reply With Quote",
    "Antworten",
    "",
    "tomvdb",
    "Registered User",
    "Posts: 1,234",
    "Join Date: Mar 2019",
    "#3",
    "Post by marisol » Wed Jan 10, 2024 9:15 am",
    "Beitrag von Karl » Mi 10. Jan 2024, 09:15",
    "10.01.2024, 09:15",
    "January 10, 2024 at 9:15 am",
    "Ben 19. Juni 2018 um 15:28 Uhr - Reply",
    "3 years ago",
    "Quote Originally Posted by tomvdb View Post",
    "marisol said:",
    "Click to expand...",
    "__________________",
    "— Kim (@kim) 10 January 2024",
    "The fan spins up as soon as the laptop wakes, even when nothing runs.",
    "Merci pour l'astuce, ça marche chez moi aussi.",
]


@settings(deadline=None, max_examples=200)  # the first example loads dateparser's languages
@given(st.lists(st.sampled_from(DUMP_LINES), max_size=60))
def test_any_dump_is_read_or_refused_in_one_line(lines: list[str]) -> None:
    from translator.errors import InputError

    text = "\n".join(lines)
    sniff_format(text)  # never raises
    with contextlib.suppress(InputError):  # read, or refused in one line: never another error
        parse_threads(text, "forum")


# A copy glues inline elements with nothing between them: Blogger's writer and date (`<cite>NAME</cite><span>DATE`),
# in English and German; a news site's `NAME | WEEKDAY, DATE` header.
GLUED_DUMPS = [
    (
        "Hotel am See\n3 comments:\nAnna MüllerJune 1, 2019 at 1:45 AM\nWhat a wonderful view over the lake!\nReply\n"
        "Tom KrauseJune 2, 2019 at 9:10 PM\nWe stayed there last summer, the breakfast was great.\nReply\n"
        "McDonald June 3, 2019 at 7:00 AM\nIs the pool open in winter?\nReply\n",
        [("Anna Müller", datetime(2019, 6, 1, 1, 45)), ("Tom Krause", datetime(2019, 6, 2, 21, 10)),
         ("McDonald", datetime(2019, 6, 3, 7, 0))],
    ),
    (
        "Die neue Brücke\n3 Kommentare:\nSana6. Juni 2015 um 10:23\nEndlich wird gebaut!\nAntworten\n"
        "Heidemarie Heim | Di, 21. April 2020 - 16:40\nWie lange dauert die Sperrung?\nAntworten\n"
        "Karl-Heinz | Mi, 22. April 2020 - 08:05\nDas weiß noch niemand.\nAntworten\n",
        [("Sana", datetime(2015, 6, 6, 10, 23)), ("Heidemarie Heim", datetime(2020, 4, 21, 16, 40)),
         ("Karl-Heinz", datetime(2020, 4, 22, 8, 5))],
    ),
    # A date of numbers glued to the name and to its time (MacTechNews: `NAME28.09.1913:39`, 28.09.19 at 13:39).
    (
        "Kein App Store über Mobilfunk\n3 Kommentare\nth3Chris28.09.1913:39\nBei mir geht es mit 13.1.1.\nAntworten\n"
        "maculi28.09.201913:55\nGab es das nicht schon einmal hier im Forum?\nAntworten\n"
        "Arapahoe29.09.199:05\nIch habe das gleiche Problem.\nAntworten\n",
        [("th3Chris", datetime(2019, 9, 28, 13, 39)), ("maculi", datetime(2019, 9, 28, 13, 55)),
         ("Arapahoe", datetime(2019, 9, 29, 9, 5))],
    ),
]  # fmt: skip


@pytest.mark.parametrize(("text", "expected"), GLUED_DUMPS)
def test_a_writer_glued_to_the_date_or_beside_a_weekday_is_told_apart(
    text: str, expected: list[tuple[str, datetime]]
) -> None:
    assert sniff_format(text) == "forum"
    [thread] = parse_threads(text).threads
    assert [(post.author, post.date) for post in thread.posts] == expected


# Blog comment templates without profile fields, in the shapes a copy gives them.
BLOG_SHAPES = [
    # A theme's "Comment by NAME — DATE" header, no buttons at all (internet-law.de).
    "Titel\n"
    + "".join(
        f"Comment by {name} — {day}. Oktober 2023 @ 13:{day:02}\nEin Kommentar von {name}, ein ganzer Satz.\n"
        for day, name in ((2, "Ole Ohm"), (3, "Uta"), (4, "Lea B"))
    ),
    # The writer, then the date with the reply link after it on its line (moritz-meyer.net).
    "Titel\n"
    + "".join(
        f"{name}\n{day}. Oktober 2023 um 13:{day:02} Uhr - Antworten\nEin Kommentar von {name}, ein ganzer Satz.\n"
        for day, name in ((2, "Ole Ohm"), (3, "Uta"), (4, "Lea B"))
    ),
    # The date, then the writer, the thumbs and the reply link run together after the text (a rating plugin).
    "Titel\nDaumen hoch0Daumen runter Antworten\n"
    + "".join(
        f"{day}. Oktober 2023 13:{day:02}\n{name}\nEin Kommentar von {name}, ein ganzer Satz.\n"
        "Daumen hoch0Daumen runter Antworten\n"
        for day, name in ((2, "Ole Ohm"), (3, "Uta"), (4, "Lea B"))
    ),
    # A weekday after the writer's comma, before the date (verfassungsblog.de), and a reply link.
    "Titel\n"
    + "".join(
        f"{name}, Mo {day} Oct 2023 at 13:{day:02}\nEin Kommentar von {name}, ein ganzer Satz.\nReply\n"
        for day, name in ((2, "Ole Ohm"), (3, "Uta"), (4, "Lea B"))
    ),
]


@pytest.mark.parametrize("text", BLOG_SHAPES)
def test_blog_comment_shapes_without_profile_fields_are_read(text: str) -> None:
    assert sniff_format(text) == "forum"
    [thread] = parse_threads(text).threads
    assert [(post.author, post.date) for post in thread.posts] == [
        (name, datetime(2023, 10, day, 13, day)) for day, name in ((2, "Ole Ohm"), (3, "Uta"), (4, "Lea B"))
    ]
    assert [post.blocks[-1].text for post in thread.posts] == [
        f"Ein Kommentar von {name}, ein ganzer Satz." for name in ("Ole Ohm", "Uta", "Lea B")
    ]


def test_a_comments_number_before_its_relative_date_and_a_recommend_button() -> None:
    # zeit.de's comments as a copy gives them: the writer, "#N — vor 8 Stunden", the count of
    # recommendations, the text, the buttons.
    text = "Titel\n" + "".join(
        f"{name}\n#{number} — vor {number} Stunden\n2{number}\n"
        f"Ein Kommentar von {name}, ein ganzer Satz.\nAntworten\nMelden\nEmpfehlen\n"
        for number, name in ((1, "Curitiba"), (2, "TWhao"), (3, "besserStill"))
    )
    assert sniff_format(text) == "forum"
    [thread] = parse_threads(text).threads
    assert [(post.author, post.date, post.blocks[-1].text) for post in thread.posts] == [
        (name, None, f"Ein Kommentar von {name}, ein ganzer Satz.") for name in ("Curitiba", "TWhao", "besserStill")
    ]


def test_a_comment_modules_written_by_header_reads_and_an_articles_alone_does_not() -> None:
    # oekonomenstimme.org: "geschrieben von NAME am DATE", its reply button in brackets.
    text = "Titel\n" + "".join(
        f"geschrieben von {name} am {day}. Jan. 2015, 20:0{day}\n[ antworten ]\nEin Kommentar von {name}, ein Satz.\n"
        for day, name in ((2, "wScherf"), (3, "berg2012"), (4, "GeorgQuaas"))
    )
    assert sniff_format(text) == "forum"
    [thread] = parse_threads(text).threads
    assert [(post.author, post.date) for post in thread.posts] == [
        (name, datetime(2015, 1, day, 20, day)) for day, name in ((2, "wScherf"), (3, "berg2012"), (4, "GeorgQuaas"))
    ]
    # The same header on a news page is its article's byline (healthline.com, Facebook posts in an article):
    # without a post's buttons, no dump.
    article = (
        "Titel\nWritten by Grant Tins, PhD on April 29, 2018\n"
        + "Ein Absatz des Artikels, lang genug für einen ganzen Satz mit vielen Worten darin.\n" * 3
        + "Posted by Pamela Rendi on Sunday, February 6, 2022\nEin eingebetteter Beitrag.\n"
    )
    assert sniff_format(article) == "text"


@pytest.mark.parametrize(
    ("line", "date"),
    [
        ("vor 1 Tag", True), ("vor 1 Monat", True), ("vor 1 Jahr", True), ("1 Monat her", True), ("vor 3 Tagen", True),
        ("2 days ago", True),
        # Two units ("1 Stunde 51 Minuten her": a news site's comments) were no date.
        ("1 Stunde 51 Minuten her", True), ("50 Minuten 46 Sekunden her", True), ("2 hours, 5 minutes ago", True),
        ("3 years and 2 months ago", True),
        ("3 Tage und Nächte", False), ("2 hours of fun", False), ("1 Stunde 51 Minuten Fahrt", False),
    ],
)  # fmt: skip
def test_relative_dates_in_the_singular_too(line: str, date: bool) -> None:
    from translator.readers.forum_engines import RELATIVE_DATE

    assert bool(RELATIVE_DATE.match(line)) is date  # "vor 1 Tag" was no date: only plurals were known ("Tagen")


def test_a_guest_badge_is_header_furniture_not_a_writer() -> None:
    assert classify("Gast").kind == "profile" and classify("Guest").kind == "profile"


def test_a_comment_modules_subject_above_its_header_is_its_first_line() -> None:
    # oekonomenstimme.org: each comment's subject, then "geschrieben von NAME am DATE"; a signature line ends a
    # comment. The subject is the next comment's, not the last line of the one before.
    posts = ((2, "wScherf", "Ein Missverständnis"), (3, "berg2012", "Interpretation"), (4, "Quaas", "Kritik"))
    text = "Titel\n" + "".join(
        f"{subject}\ngeschrieben von {name} am {day}. Jan. 2015, 20:0{day}\n[ antworten ]\n"
        f"Ein Kommentar von {name}, ein ganzer Satz.\nA. {name}\n"
        for day, name, subject in posts
    )
    [thread] = parse_threads(text, "forum").threads
    assert [[block.text for block in post.blocks if block.kind != "title"] for post in thread.posts] == [
        [subject, f"Ein Kommentar von {name}, ein ganzer Satz.", f"A. {name}"] for _, name, subject in posts
    ]


@pytest.mark.parametrize("permalink", ["\n#", " #"])
def test_buttons_after_the_date_and_a_name_printed_twice_around_a_count(permalink: str) -> None:
    # A deals site's comments: the avatar's name, the member's points, the name's link, then the date with the
    # buttons run after it on its line ("Zum Antworten anmelden Zitieren"), the permalink's "#" (on that line too
    # where the copy runs inline links together), the text.
    posts = ((2, "HansEhrlich", 6709), (3, "Caesi", 1955), (4, "Birgit10", 6711))
    text = "Titel\n" + "".join(
        f"{name}\n{points}\n{name}\n1{day}.10.2019, 14:1{day} Zum Antworten anmelden Zitieren{permalink}\n"
        f"Ein Kommentar von {name}, ein ganzer Satz.\n"
        for day, name, points in posts
    )
    assert sniff_format(text) == "forum"
    [thread] = parse_threads(text).threads
    read = [
        (post.author, post.role, post.date, [b.text for b in post.blocks if b.kind != "title"]) for post in thread.posts
    ]
    assert read == [
        (name, None, datetime(2019, 10, 10 + day, 14, 10 + day), [f"Ein Kommentar von {name}, ein ganzer Satz."])
        for day, name, _ in posts
    ]


@pytest.mark.parametrize(
    ("line", "without"),
    [
        ("19. Juni 2018 um 15:28 Uhr - Antworten", "19. Juni 2018 um 15:28 Uhr"),
        ("17.10.2019, 14:14 Zum Antworten anmelden Zitieren", "17.10.2019, 14:14"),  # several buttons
        ("3 June 2018Reply", "3 June 2018"),  # glued to the date's last digit
        ("Ben 3. Mai 2018 | Reply · Permalink", "Ben 3. Mai 2018"),
        ("The things we dislike", "The things we dislike"),  # a word that ends like a button
        ("Reply", ""),
        ("21. Jan. 2015, 19:04 [ antworten ]", "21. Jan. 2015, 19:04"),  # a button in brackets
        ("18.10.2019, 16:18 Zitieren #", "18.10.2019, 16:18"),  # the permalink's mark
        ("Antworten · Gefällt mir (21) · Melden", ""),  # a row of buttons, one with its count
        ("Learn C#", "Learn C#"),  # glued to a word: the word's end
        ("The score [ final ]", "The score [ final ]"),  # brackets round a word that is no button
    ],
)
def test_a_posts_buttons_at_the_end_of_its_date_line(line: str, without: str) -> None:
    from translator.readers.forum_engines import without_buttons

    assert without_buttons(line) == without


def test_a_teasers_line_ending_in_a_button_word_marks_no_post() -> None:
    from translator.readers.forum_dump import _marks_a_post

    assert _marks_a_post(classify("3. Mai 2018 - Antworten"))
    assert not _marks_a_post(classify("Top 10 things we like"))  # no date before the word


def test_comments_that_print_their_date_last_under_the_text_and_buttons() -> None:
    # wpDiscuz's layout as a copy gives it: a badge ("Gast", "Autor"), the writer, the text, the rating and
    # translate buttons, then the date; the article before it, its headline above its byline and date lines.
    posts = (("Gast", "Bibi Blue", 1), ("Gast", "Nossi", 2), ("Autor", "Robert", 3), ("Gast", "Sylvia_Plath", 4))
    text = (
        "Liebe Leser, bitte rutschen Sie nicht in das neue Jahr!\nVon\nRobert\n-\n31. Dezember 2019\n15\n"
        + "Ein Absatz des Artikels, lang genug für einen ganzen Satz mit vielen Worten darin, und noch einige mehr.\n"
        * 3
        + "Hinterlasse einen Kommentar\nneuste älteste beste Bewertung\n"
        + "".join(
            f"{badge}\n{name}\nEin Kommentar von {name}, ein ganzer Satz.\nDaumen hoch{n}Daumen runter\nTranslate\n"
            f"vor {n} Tagen\n"
            for badge, name, n in posts
        )
    )
    assert sniff_format(text) == "forum"
    [thread] = parse_threads(text).threads
    assert thread.title == "Liebe Leser, bitte rutschen Sie nicht in das neue Jahr!"
    comments = [(post.author, [block.text for block in post.blocks]) for post in thread.posts[1:]]
    assert comments == [(name, [f"Ein Kommentar von {name}, ein ganzer Satz."]) for _, name, _ in posts]
    # The same lines with the date first, after the last post's buttons, are read as before: date, writer, text.
    dated_first = "Titel\nDaumen hoch0Daumen runter\n" + "".join(
        f"vor {n} Tagen\n{name}\nEin Kommentar von {name}, ein ganzer Satz.\nDaumen hoch{n}Daumen runter\n"
        for _, name, n in posts
    )
    [thread] = parse_threads(dated_first).threads
    assert [post.author for post in thread.posts] == [name for _, name, _ in posts]


COUNTED_POSTS = (
    ("Armanox", 2, "Really, no singer from the north?"),
    ("Flounder", 3, "The list misses the best one."),
    ("Leo", 4, "Where is the singer we all know?"),
    ("Rebel Raime", 5, "Number one should be number ten."),
)


@pytest.mark.parametrize(
    "count",
    [
        "{ 4 comments… read them below or add one }",
        "Se han publicado 4 comentarios",
        "Comments (4) Leave a comment",  # the count in brackets, a button after it
        "",
    ],
)
def test_posts_without_marks_of_their_own_are_a_dump_below_a_count_of_comments(count: str) -> None:
    # A blog theme's comments as a copy gives them: the writer, the date, the text; no button, no profile field.
    # The page's count of its comments above them says they are comments; without it they are no dump.
    text = (
        "The 100 greatest singers\n"
        + "A paragraph of the article, long enough to be a whole sentence with many words in it, and a few more.\n" * 3
        + f"{count}\n"
        + "".join(f"{name}\nJuly {day}, 2015 at 6:4{day} pm\n{line}\n" for name, day, line in COUNTED_POSTS)
    )
    if not count:
        assert sniff_format(text) == "text"
        return
    assert sniff_format(text) == "forum"
    [thread] = parse_threads(text).threads
    assert [(post.author, post.date, post.blocks[0].text) for post in thread.posts[1:]] == [
        (name, datetime(2015, 7, day, 18, 40 + day), line) for name, day, line in COUNTED_POSTS
    ]


def test_a_count_of_comments_takes_no_dated_teasers_after_the_comments() -> None:
    # A news page: "44 Kommentare", one comment shown, then teasers of other stories dated "Aktualisiert: DATE".
    text = (
        "Titel\n"
        + "Ein Absatz des Artikels, lang genug für einen ganzen Satz mit vielen Worten darin, und mehr.\n" * 3
        + "44 Kommentare\nCardinaux Edouard\n07.04.2020\nJetzt werden wir den Preis bezahlen.\n"
        + "Alle Kommentare anzeigen\n"
        + "".join(f"Eine andere Geschichte {n}\nAktualisiert: 0{n}.04.2020\n" for n in range(1, 4))
    )
    assert sniff_format(text) == "text"


@pytest.mark.parametrize(
    ("header", "name", "comment"),
    [
        ("3 Kommentare\nKommentar von Mareike\n8. Dezember 2010 um 10:5{n}", "Mareike", "Ein ganzer Satz Nummer {n}."),
        ("3 commentaires\nMuriel - Le 2{n}/01/2020 à 12:01:03", "Muriel", "Une phrase entière, numéro {n}."),
    ],
)
def test_a_headers_label_and_a_dates_first_word_are_no_part_of_the_writer(header: str, name: str, comment: str) -> None:
    count, header = header.split("\n", 1)
    text = f"Titel\n{count}\n" + "".join(header.format(n=n) + "\n" + comment.format(n=n) + "\n" for n in range(1, 4))
    [thread] = parse_threads(text).threads
    assert [post.author for post in thread.posts] == [name] * 3


def test_anonymous_comments_among_counted_ones_are_read_and_the_count_is_no_writer() -> None:
    # A magazine's blog: "5 commentaires", then (writer), "(DATE)", ":", the text; the first and the fourth
    # comment are anonymous, their date right below the previous text (or the count).
    posts = ((None, 1), ("Red Bastard", 2), ("Cindy Cats", 3), (None, 4), ("habsb", 5))
    text = (
        "Titre\n"
        + "Un paragraphe de l'article, assez long pour une phrase entière avec beaucoup de mots, et encore plus.\n" * 3
        + "5 commentaires\n"
        + "".join(
            (f"{name}\n" if name else "")
            + f"(2{day} juin 2018 @11h1{day})\n:\nUn commentaire numéro {day}, une phrase.\n"
            for name, day in posts
        )
    )
    assert sniff_format(text) == "forum"
    [thread] = parse_threads(text).threads
    assert [(post.author, post.date) for post in thread.posts[1:]] == [
        (name, datetime(2018, 6, 20 + day, 11, 10 + day)) for name, day in posts
    ]


def test_below_a_count_of_comments_the_first_post_is_a_comment_and_the_short_text_before_is_the_article() -> None:
    text = (
        "The 100 greatest singers\n"
        + "A single paragraph of the article, long enough to be a whole sentence with many words in it, and more.\n"
        + "1. A singer\n2. Another singer\n{ 4 comments… read them below or add one }\n"
        + "".join(f"{name}\nJuly {day}, 2015 at 6:4{day} pm\n{line}\n" for name, day, line in COUNTED_POSTS)
    )
    [thread] = parse_threads(text).threads
    article, *comments = thread.posts
    assert (article.author, [block.kind for block in article.blocks]) == (None, ["title", "paragraph"])
    assert thread.title == "The 100 greatest singers"
    assert [comment.author for comment in comments] == [name for name, _, _ in COUNTED_POSTS]


FRENCH_COMMENTS = (
    ("Bruno Gobin", 8, "Sauf sur une forme rarissime, que signifie cette exception ?"),
    ("Yves Leclercq 214", 9, "Il semble très difficile de prouver quoi que ce soit."),
    ("Marie-Claire DELAIRE", 15, "En attendant, les mauvaises herbes poussent."),
)


def test_a_count_of_comments_takes_as_many_posts_as_it_counts_before_teasers_that_look_like_posts() -> None:
    # A French news page: "3 commentaires", one line per header ("Par NAME, le DATE"), then the section's teasers:
    # a label for a writer, a date, a headline. More posts than counted and then some: the count's first ones.
    text = (
        "Glyphosate : ce que dit l'étude\n"
        + "Un paragraphe de l'article, assez long pour une phrase entière avec beaucoup de mots, et encore plus.\n" * 3
        + "3 commentaires\n"
        + "".join(
            f"Par {name}, le mercredi 15 mai 2019 à {hour:02d}h07\n{line}\n" for name, hour, line in FRENCH_COMMENTS
        )
        + "Vidéos\n"
        + "".join(f"Actu\n1{n} Octobre à 17h45\nUn titre d'une autre histoire, numéro {n}\n" for n in range(4))
    )
    assert sniff_format(text) == "forum"
    [thread] = parse_threads(text).threads
    assert [(post.author, post.date, post.blocks[0].text) for post in thread.posts[1:]] == [
        (name, datetime(2019, 5, 15, hour, 7), line) for name, hour, line in FRENCH_COMMENTS
    ]


READER_LETTERS = (
    ("Karsten Dörre", "Nachdem der Bogen so groß war, bleibt die Frage offen."),
    ("Alex Fischer", "Die entscheidende Frage dürfte also sein, ob das Alter gesunken ist."),
    ("Gabriele Klein", "Hier gebe ich Ihnen komplett Recht, das war zu erwarten."),
)


@pytest.mark.parametrize(
    ("heading", "comments"),
    [
        ("Leserpost", True),
        ("Reader comments", True),
        ("Leserpost\nnetiquette:", True),  # a rule's link between the heading and the first letter
        ("Kommentare", True),  # a bare plural heading right above the first post, each saying something
        ("KOMMENTARE:", True),
        ("Kommentar", False),  # the singular names an opinion piece's rubric
        ("Comment *", False),  # a comment form's field
        ("Kommentare\nKolumnen", False),  # a menu's item, not right above the first post
        ("Leserpost\nVon der Redaktion\nausgewählt\nund geprüft:", False),  # too far above the first post
    ],
)
def test_posts_without_marks_below_a_readers_comments_heading_end_at_their_page_numbers(
    heading: str, comments: bool
) -> None:
    # A magazine's "Leserpost": `NAME / DATE` and the letter, no count of them; their page numbers below them,
    # then the site's teasers in the same shape, which are no letters.
    text = (
        "Bericht zur Lage\n"
        + "Ein Absatz des Artikels, lang genug für einen Satz mit vielen Worten darin, und noch viel mehr dazu.\n" * 3
        + f"{heading}\n"
        + "".join(f"{name} / 22.04.2020\n{line}\n" for name, line in READER_LETTERS)
        + "Weitere anzeigen\n1\n2\n3\n›\nLeserbrief schreiben:\n"
        + "".join(
            f"Bericht zur Lage {n}\n0{n}.08.2021\nEin Anriss der Geschichte mit einem Satz, Nummer {n}.\n"
            for n in range(1, 4)
        )
    )
    if not comments:
        assert sniff_format(text) == "text"
        return
    assert sniff_format(text) == "forum"
    [thread] = parse_threads(text).threads
    assert [(post.author, [block.text for block in post.blocks]) for post in thread.posts[1:]] == [
        (name, [line]) for name, line in READER_LETTERS
    ]


def test_the_last_post_ends_at_its_buttons_and_keeps_its_sign_off() -> None:
    # The page after the last comment (its form, its footer) is no part of it; a thanks line in the text (no
    # "Thanks: NAME" line of reactions) ends nothing and stays.
    text = (
        "Zitronenkuchen\n"
        + "Ein Absatz des Rezepts, lang genug für einen ganzen Satz mit vielen Worten darin, und noch viel mehr.\n" * 3
        + "".join(
            f"{name}\n2{n}. August 2014 um 10:2{n}\nDas sieht so lecker aus, Nummer {n}!\nDanke für das Rezept:-)\n"
            f"Viele liebe Grüße\n{name}\nAntworten\n"
            for n, name in enumerate(("Sia", "Bea", "Kim"))
        )
        + "Schreibe einen Kommentar\nDeine E-Mail-Adresse wird nicht veröffentlicht.\n© 2020 Backblog\n"
    )
    [thread] = parse_threads(text).threads
    assert [[block.text for block in post.blocks] for post in thread.posts[1:]] == [
        [f"Das sieht so lecker aus, Nummer {n}!", "Danke für das Rezept:-)", "Viele liebe Grüße", name]
        for n, name in enumerate(("Sia", "Bea", "Kim"))
    ]


def test_a_numbered_list_in_the_last_post_is_no_end_of_it() -> None:
    # A bare number on a line of its own is a list's as often as a count's: the last post ends at a button only.
    text = (
        "Zitronenkuchen\n"
        + "Ein Absatz des Rezepts, lang genug für einen ganzen Satz mit vielen Worten darin, und noch viel mehr.\n" * 3
        + "".join(
            f"{name}\n2{n}. August 2014 um 10:2{n}\nLecker, Nummer {n}!\nAntworten\n"
            for n, name in enumerate(("Sia", "Bea"))
        )
        + "Kim\n23. August 2014 um 10:25\nMeine Rangliste der Kuchen ist wie folgt, ganz klar.\n1\n"
        + "Zitronenkuchen ist der beste von allen.\n2\nDanach kommt gleich der Käsekuchen.\nAntworten\n"
        + "Schreibe einen Kommentar\n"
    )
    [thread] = parse_threads(text).threads
    assert [block.text for block in thread.posts[-1].blocks] == [
        "Meine Rangliste der Kuchen ist wie folgt, ganz klar.",
        "Zitronenkuchen ist der beste von allen.",
        "Danach kommt gleich der Käsekuchen.",
    ]


@pytest.mark.parametrize(
    ("line", "name"),
    [
        ("Par Bruno Gobin, le mercredi 15 mai 2019 à 08h07", "Bruno Gobin"),  # a byline's label before the name
        ("von Eitzen, 3. Mai 2020 um 10:00", "von Eitzen"),  # a name's own particle, not a label
        ("Von Trapp 3. Mai 2020", "Von Trapp"),
        ("Hagen von Eitzen 3. Mai 2020", "Hagen von Eitzen"),
    ],
)
def test_a_bylines_label_before_a_writer_and_a_date_on_one_line(line: str, name: str) -> None:
    from translator.readers.forum_dump import _name_and_date

    named = _name_and_date(line)
    assert named is not None and named[0] == name


def test_a_copys_rows_of_buttons_and_bracketed_buttons_on_the_date_line_mark_posts() -> None:
    # A browser's copy runs a post's inline buttons into one line: after its date ("[ antworten ]") or under its
    # text ("Antworten · Gefällt mir (21) · Melden"); a count of comments in brackets before a button starts them.
    posts = (
        ("Knut", 1, "Vielen Dank, sehr hilfreiche Tipps!"),
        ("Elke H.", 2, "Wie ist denn die Rechtslage?"),  # an initial's full stop ends no sentence
        ("Ray", 3, "Der Gehweg gehört der Stadt."),
    )
    article = "Schnee räumen: was man wissen muss\n" + (
        "Wer ein Haus besitzt, muss den Gehweg davor im Winter räumen und streuen, meist schon früh am Morgen.\n" * 3
    )
    bracketed = article + "".join(
        f"Betreff {n}\ngeschrieben von {name} am {n}. Jan. 2015, 19:0{n} [ antworten ]\n{text}\n"
        for name, n, text in posts
    )
    rows = (
        article
        + "Kommentare (3) Kommentar schreiben\n"
        + "".join(f"{name}\n0{n}.01.2017\n{text}\nAntworten · Gefällt mir ({n}) · Melden\n" for name, n, text in posts)
    )
    for text in (bracketed, rows):
        assert sniff_format(text) == "forum"
        [thread] = parse_threads(text).threads
        assert thread.title == "Schnee räumen: was man wissen muss"
        comments = [(post.author, post.blocks[-1].text) for post in thread.posts if post.kind == "comment"]
        assert comments == [(name, line) for name, _, line in posts]


def test_the_dumps_language_for_its_dates_is_guessed_from_its_prose_not_a_share_ticker() -> None:
    from translator.readers.forum_dump import _prose

    assert not _prose("ATX3078.02-0.24%ANDRITZ43.14-0.6%AT&S22.84-3.55%BAWAG GROUP42.48+1.29%CA IMMO31.95+0.16%" * 2)
    assert not _prose("12.50 € | 13.20 € | 14.90 € | 15.10 € | 16.00 € | 17.30 € | 18.00 € | 19.99 € | 20.00 € |")
    assert _prose(
        "Der Gehweg vor dem Haus muss ab sieben Uhr morgens geräumt sein, so schreibt es die Satzung der Stadt."
    )


def test_a_writers_line_with_a_date_printed_without_its_year_starts_a_post_without_a_date() -> None:
    # Comments of the year a page was shown often print no year ("Le 9 janvier à 13:06"): the writer and the post
    # are read, the date is not guessed (the parser, asked for a year, took the day for one: "30" -> 2030).
    posts = (("carlos", 9, "Boycott de tous les candidats sortants."), ("karo", 30, "Rien de neuf sous le soleil."))
    text = (
        "Les promesses tenues\n"
        + "Un paragraphe de l'article, long pour être une phrase entière avec beaucoup de mots dedans, et plus.\n" * 3
        + "Vos réactions\n"
        + "".join(f"{name} Le {day} janvier à 13:06\nRépondre\n{line}\n" for name, day, line in posts)
        + "Marc Le 2 février 2019 à 08:50\nRépondre\nUn commentaire daté, lui.\n"
    )
    assert sniff_format(text) == "forum"
    reading = parse_threads(text)
    [thread], warnings = reading.threads, reading.warnings
    assert [(post.author, post.date, post.blocks[-1].text) for post in thread.posts if post.kind == "comment"] == [
        *((name, None, line) for name, _, line in posts),
        ("Marc", datetime(2019, 2, 2, 8, 50), "Un commentaire daté, lui."),
    ]
    assert any("2 posts of this dump show no date" in warning and "without its year" in warning for warning in warnings)


def test_a_dump_sniffed_then_read_is_analysed_once(monkeypatch: pytest.MonkeyPatch) -> None:
    import translator.readers.forum_dump as forum_dump

    calls: list[int] = []
    anchors = forum_dump._anchors

    def counted(*args: Any) -> Any:
        calls.append(1)
        return anchors(*args)

    monkeypatch.setattr(forum_dump, "_anchors", counted)
    text = "Titel\n" + "".join(
        f"{name}\n1{day}.10.2019, 14:1{day} Zum Antworten anmelden Zitieren\nEin Kommentar von {name}, ein Satz.\n"
        for day, name in ((2, "Hans"), (3, "Caesi"), (4, "Birgit"))
    )
    assert sniff_format(text) == "forum"
    [thread] = parse_threads(text).threads
    assert [post.author for post in thread.posts] == ["Hans", "Caesi", "Birgit"]
    assert len(calls) == 1  # the sniffing's anchors are the reading's


PARAGRAPH = "Ein Absatz des Artikels, lang genug für einen ganzen Satz mit vielen Worten darin, und noch mehr davon.\n"
"""A paragraph of an article before the comments: long enough to be prose."""


def test_pingbacks_among_the_comments_neither_end_the_run_nor_are_read() -> None:
    # WordPress draws a pingback like a comment: the linking page's long title for the name, the date, its button,
    # an excerpt "[…] text […]". The comments after them are read; the pingbacks are no comments.
    comment = "{name} {day}. Juni 2018 um 15:2{day} Uhr - Antworten\nEin Kommentar von {name}, ein ganzer Satz.\n"
    pingback = (
        "Was man jetzt über Werbung in sozialen Netzwerken wissen sollte – Ein Blog {day}. Juni 2018 um 9:1{day} Uhr"
        " - Antworten\n[…] ein Satz aus dem verlinkenden Artikel, der hierher verweist […]\n"
    )
    text = (
        "Das Urteil gelesen\n"
        + PARAGRAPH * 3
        + comment.format(name="Ben", day=1)
        + comment.format(name="Swen", day=2)
        + pingback.format(day=3)
        + comment.format(name="Eva", day=4)
        + pingback.format(day=5)
        + pingback.format(day=6)
        + comment.format(name="Maria", day=7)
    )
    assert sniff_format(text) == "forum"
    [thread] = parse_threads(text).threads
    assert [post.author for post in thread.posts if post.kind == "comment"] == ["Ben", "Swen", "Eva", "Maria"]


def test_comments_with_buttons_after_the_writer_and_below_the_date_that_ends_them() -> None:
    # A recipe site's comments as a copy gives them: the writer with the delete button after the name, the text,
    # the date, then the reply buttons (twice: one is hidden on small screens); a row of "show all" buttons before
    # the older ones.
    posts = (
        ("anaya60", "12.04.2020 17:02", datetime(2020, 4, 12, 17, 2), "Heute erstmals gemacht, war super lecker."),
        ("Hasenohr81", "11.04.2020 22:26", datetime(2020, 4, 11, 22, 26), "Der Pudding wurde leider nicht fest."),
        ("Katzastrophe", "09.04.2020 14:29", datetime(2020, 4, 9, 14, 29), "Tipp: die Mischung kurz in den Mixer."),
        ("steinchen71", "18.10.2006 15:36", datetime(2006, 10, 18, 15, 36), "Er geht schnell und schaut toll aus."),
    )
    comments = [f"{name} Kommentar löschen\n{line}\n{date}\nAntworten Antworten\n" for name, date, _, line in posts]
    comments.insert(3, "Alle Kommentare anzeigen Alle Kommentare anzeigen\n")
    text = "Mandarinen-Kuchen\n" + PARAGRAPH * 3 + "Kommentare\nKommentar schreiben\n" + "".join(comments)
    assert sniff_format(text) == "forum"
    [thread] = parse_threads(text).threads
    assert [(post.author, post.date, [block.text for block in post.blocks]) for post in thread.posts[1:]] == [
        (name, date, [line]) for name, _, date, line in posts
    ]


def test_comments_with_a_share_tooltip_under_the_writer_and_the_date_last() -> None:
    # wpDiscuz on a news site, no badge: the writer, the share tooltip a copy gives twice glued, the text, the
    # score (signed), then the relative date; the first writer right after the sort order's line.
    posts = (("Nibelung", "0"), ("Bummi", "4"), ("Mayor Quimby", "-1"))
    share = "Diesen Kommentar auf Twitter teilen?" * 2
    text = (
        "Der Frieden für unsere Zeit\n"
        + PARAGRAPH * 3
        + "Sortiert nach: neuste | älteste | beste Bewertung\n"
        + "".join(
            f"{name}\n{share}\nEin Kommentar von {name}, ein ganzer Satz.\n{score}\n{n} Stunden 5 Minuten her\n"
            for n, (name, score) in enumerate(posts, start=1)
        )
    )
    assert sniff_format(text) == "forum"
    [thread] = parse_threads(text).threads
    assert [(post.author, [block.text for block in post.blocks]) for post in thread.posts[1:]] == [
        (name, [f"Ein Kommentar von {name}, ein ganzer Satz."]) for name, _ in posts
    ]


def test_a_shops_customer_reviews_below_their_heading_are_comments() -> None:
    reviews = (
        ("Verifizierte/r Tierfreund/in", "8.6.2020", datetime(2020, 6, 8), "Super Stall, die Tiere fühlen sich wohl."),
        ("Georg N.", "10.4.2020", datetime(2020, 4, 10), "Alles bestens, die ganze Familie ist zufrieden."),
        ("stefanie", "19.2.2012", datetime(2012, 2, 19), "Würde ich jederzeit wieder kaufen und empfehlen."),
    )
    text = (
        "Kleintierstall mit Freilaufgehege\n"
        + PARAGRAPH * 3
        + 'Kundenbewertungen für "Kleintierstall mit Freilaufgehege"\n'
        + "".join(f"{name} am {day}\n{line}\n" for name, day, _, line in reviews)
    )
    assert sniff_format(text) == "forum"
    [thread] = parse_threads(text).threads
    assert [(post.author, post.date, post.blocks[0].text) for post in thread.posts[1:]] == [
        (name, date, line) for name, _, date, line in reviews
    ]


def test_a_writers_line_loses_a_button_of_several_words_not_a_name_ending_like_one() -> None:
    from translator.readers.forum_dump import _writer_name

    assert _writer_name("anaya60 Kommentar löschen") == "anaya60"
    assert _writer_name("Thomas Like") == "Thomas Like"  # one word that is also a button's is the name's


def test_a_dump_of_pingbacks_alone_is_read_as_it_is() -> None:
    from translator.readers.forum_dump import read_forum_dump

    text = "Titel\n" + "".join(
        f"Blog {n} 1{n}. Juni 2018 um 9:1{n} Uhr - Antworten\n[…] ein Satz aus dem verlinkenden Artikel […]\n"
        for n in range(1, 4)
    )
    [thread] = read_forum_dump(text).threads
    assert [post.author for post in thread.posts] == ["Blog 1", "Blog 2", "Blog 3"]


SIGNED_POSTS = (
    ("Mira Lang", "Ist das wirklich so? Ich habe das anders gelesen."),
    ("Dan", "Die Regel steht in den Bedingungen, die jeder annimmt."),
    ("Kai Roth", "Dann gilt das Gesetz vor den Bedingungen."),
)
SIGNED_ARTICLE = (
    "Ein Absatz des Artikels, lang genug für einen ganzen Satz mit vielen Worten darin, und noch ein paar mehr.\n" * 3
)
SIGNES_EN_BAS = (
    ("Mira Lang", "Est-ce bien vrai ? Je l'ai lu autrement."),
    ("Dan", "La règle est dans les conditions que chacun accepte."),
    ("Kai Roth", "Alors la loi passe avant les conditions."),
)
ARTICLE_SIGNE = (
    "Un paragraphe de l'article, assez long pour une phrase entière avec beaucoup de mots, et encore quelques-uns.\n"
    * 3
)


@pytest.mark.parametrize(
    ("heading", "signature", "buttons", "article", "posts"),
    [
        # WordPress's old default theme: `Comment by NAME — DATE`, no button
        ("Comments (3)\n3 Comments »", "Comment by {name} — 17.07, 2011 @ 1{n}:04", "", SIGNED_ARTICLE, SIGNED_POSTS),
        # its German: the reply button glued to the signature
        ("3 Kommentare »", "Kommentar von {name} — 2019-01-01 @ 00:4{n} | Antworten", "", SIGNED_ARTICLE, SIGNED_POSTS),
        # a theme's `NAME · DATE` under a count ending in a colon
        ("3 Comments:", "{name} · April 1{n}, 2019", "", SIGNED_ARTICLE, SIGNED_POSTS),
        # SPIP: `NAME Le DATE`, a reply button below the signature (a reply's lacks it)
        ("Vos réactions", "{name} Le 1{n} septembre 2018 à 12:57", "Répondre\n", ARTICLE_SIGNE, SIGNES_EN_BAS),
    ],
)
def test_comments_signed_below_their_text_keep_their_own_text(
    heading: str, signature: str, buttons: str, article: str, posts: tuple[tuple[str, str], ...]
) -> None:
    # The text first, then the writer and the date: each text is its own writer's, not the next one's, and the
    # comment form after the last signature is no part of the last comment.
    text = (
        "Ein Titel des Artikels\n"
        + article
        + f"{heading}\n"
        + "".join(
            f"{line}\n{signature.format(name=name, n=n)}\n{buttons if n != 2 else ''}"
            for n, (name, line) in enumerate(posts, start=1)
        )
        + "RSS feed for comments on this post.\nLeave a comment\nName\nMail (will not be published)\n"
        + "Bitte schreiben Sie höflich, sonst wird Ihr Kommentar nicht freigeschaltet.\n"
    )
    assert sniff_format(text) == "forum"
    [thread] = parse_threads(text).threads
    assert thread.posts[0].kind == "article" and len(thread.posts[0].blocks) == 4  # the title and three paragraphs
    comments = [(post.author, [block.text for block in post.blocks]) for post in thread.posts[1:]]
    assert comments == [(name, [line]) for name, line in posts]
    dates = [post.date for post in thread.posts[1:]]
    assert None not in dates and sorted(dates) == dates and len(set(dates)) == 3  # type: ignore[type-var]


@pytest.mark.parametrize(
    "comments",
    [
        # a policy note below the heading, then headers first: `NAME on DATE`, a reply button after each text
        "Please keep it civil.\n"
        + "".join(
            f"{name} on July 1{n}, 2015 at 6:40 pm\n{line}\nReply\n" for n, (name, line) in enumerate(SIGNED_POSTS)
        ),
        # a note to log in and its button below the heading, then `NAME` / DATE / text
        "Sie sind nicht angemeldet.\nMelden Sie sich an, um zu kommentieren.\nLogin\n"
        + "".join(f"{name}\n2{n}. Jan 2022\n{line}\n" for n, (name, line) in enumerate(SIGNED_POSTS)),
        # WordPress: `NAME sagt:` with the date below it, a button with a sign after each text
        "".join(
            f"{name} sagt:\n2{n}. Mai 2019 um 09:05 Uhr\n{line}\nantworten ✍️\n"
            for n, (name, line) in enumerate(SIGNED_POSTS)
        ),
    ],
)
def test_comments_with_their_header_first_are_not_taken_for_signed_ones(comments: str) -> None:
    text = "Ein Titel des Artikels\n" + SIGNED_ARTICLE + "3 Kommentare\n" + comments
    [thread] = parse_threads(text).threads
    comments_read = [(post.author, post.blocks[0].text) for post in thread.posts if post.kind == "comment"]
    assert comments_read == list(SIGNED_POSTS)


def test_a_real_pages_comments_signed_below_their_text_keep_their_own_text() -> None:
    text = _page_text(SAMPLES / "web" / "html_fr_regards_macronie-enquetes.html")
    [thread] = parse_threads(text).threads
    comments = [post for post in thread.posts if post.kind == "comment"]
    assert (comments[0].author, comments[0].blocks[0].text) == ("gabriel sempéré", "très bien vos infos.")
    assert comments[2].author == "un citoyen" and comments[2].blocks[0].text == "belle france"
    # the last comment ends at its signature: the comment form below it is the page's
    assert comments[-1].author == "marc day day"
    assert not any("Votre nom" in block.text for block in comments[-1].blocks)


@pytest.mark.parametrize(
    ("line", "text"),
    [
        ("Danke: Ann, Bob", False),  # a reactions line (its label's colon): the post's furniture
        ("Likes: 12", False),
        ("Liked by Ann and 3 others", False),
        ("danke für deine Ausführungen.", True),  # a line of a comment's text, kept
        ("Thanks for the write-up", True),
    ],
)
def test_a_thanks_line_of_text_is_no_line_of_reactions(line: str, text: bool) -> None:
    assert (classify(line).kind == "text") is text


def _menu_post(name: str, rank: str, stamp: str, number: int, text: str, menu: list[str]) -> str:
    return "\n".join([name, *menu, rank, stamp, f"#{number}", text, "0"])


VBULLETIN_MENU = ["Profil", "Beiträge anzeigen", "Private Nachricht"]


@pytest.mark.parametrize("menu", [VBULLETIN_MENU, ["View Profile", "View Forum Posts", "Private Message"]])
def test_a_thread_whose_posts_show_their_writers_menu_is_read_to_its_last_post(menu: list[str]) -> None:
    # vBulletin prints a member's menu under each name: its entries mark a post as profile fields do. The last post
    # ends where every other one does (at its count of thanks, `0`), before the page's numbers and similar threads.
    posts = [
        ("Hanna", "Stammgast", "03.03.2011, 14:17", "Hat jemand das Update schon bekommen? Bei mir kommt noch nichts."),
        ("jo-k", "Neu hier", "03.03.2011, 14:27", "Ja, gestern Abend, es hat etwa zehn Minuten gedauert."),
        ("Mira", "Stammgast", "03.03.2011, 14:37", "Bei mir kam ein Fehler, nach dem Neustart ging es dann."),
        ("Hanna", "Stammgast", "03.03.2011, 14:39", "Danke euch, dann warte ich noch bis morgen ab."),
    ]
    text = "\n".join(
        [
            "Forum",
            "Windows Phone 7",
            "Das Update wird verteilt",
            *(
                _menu_post(name, rank, stamp, number, body, menu)
                for number, (name, rank, stamp, body) in enumerate(posts, start=661)
            ),
            "Seite 34 von 40 Erste ... 333435 ... Letzte",
            "Gehe zu Seite:",
            "« Vorheriges Thema | Nächstes Thema »",
            "Ähnliche Themen",
            "Fragen zur Kamera des neuen Telefons",
            "Von Ole im Forum Plauderecke",
            "Antworten: 6",
            "Letzter Beitrag: 18.10.2010, 23:08",
        ]
    )
    thread = read_forum_dump(text).threads[0]
    assert [(post.author, post.role, [block.text for block in post.blocks if block.kind != "title"]) for post in
            thread.posts] == [(name, rank, [body]) for name, rank, _, body in posts]  # fmt: skip
    assert thread.posts[3].date == datetime(2011, 3, 3, 14, 39)


def test_posts_marked_by_their_reactions_are_read_with_their_writers_above_the_count() -> None:
    # XenForo: each post ends with who reacted and how many times (`x1`); that count is no writer of the next post,
    # and a post with reactions is a post even without a quote or a button.
    posts = [
        ("Tiberius", "Moderator", "Sep 18, 2020", "Patch 4.47.4 is out: the lantern quest works again."),
        ("Nixe", "Warrior", "Sep 20, 2020", "Thanks, the lantern quest was the one I was stuck on."),
        ("Bluerider", "Reader", "Sep 20, 2020", "The boss announcements are far too loud now, though."),
        ("Nixe", "Warrior", "Sep 21, 2020", "Agreed, two announcements would be plenty for everyone."),
    ]
    reactions = ["Reactions: Nixe", "Reactions: Bibi Blocksberg, Glockenfee, Herr Blocksberg and 2 others who liked it"]
    lines = ["Forums", "News and patch notes", "Patch 4.47.4"]
    for number, (name, rank, day, body) in enumerate(posts, start=1):
        lines += [name, rank, day, f"#{number}", body, reactions[number % 2], f"x{number}"]
    thread = read_forum_dump("\n".join([*lines, "You must log in or register to reply here."])).threads[0]
    assert [(post.author, post.role) for post in thread.posts] == [(name, rank) for name, rank, _, _ in posts]
    assert [[block.text for block in post.blocks if block.kind != "title"] for post in thread.posts[1:]] == [
        [body] for _, _, _, body in posts[1:]
    ]


def test_comments_under_their_header_ending_with_a_report_button_keep_their_own_text() -> None:
    # Below the count, a notice, then each comment's header, its text and its "Als Spam melden!": the button ends
    # each comment, so the headers are no signatures under the text before them. The salutation the site prints
    # before a name (its markup keeps it outside) is no part of it.
    comments = [
        ("Frau Ines Berg", "28.04.2020, 10:27", "Die Grenze war drei Wochen zu, und niemand hat uns Pendler gefragt."),
        ("Herr Tobias Schmitz", "28.04.2020, 08:59", "Unfassbar, dass man das ein abgestimmtes Vorgehen nennt."),
        ("Ole Hansen", "27.04.2020, 20:10", "Im Saarland hat das vor allem die kleinen Betriebe getroffen."),
    ]
    text = "\n".join(
        [
            "Grenzschließungen: Die Pendler warten",
            "Seit Mitte März ist die Grenze zwischen dem Saarland und Lothringen für die meisten Pendler geschlossen.",
            "Wer zur Arbeit muss, braucht eine Bescheinigung und wartet an den wenigen offenen Übergängen oft lange.",
            "Die Landesregierung verteidigt die Kontrollen, die Gemeinden an der Grenze fordern ein rasches Ende.",
            '3 Kommentare zu "Grenzschließungen: Die Pendler warten"',
            "Das Kommentieren dieses Artikels wurde deaktiviert.",
            *(line for name, stamp, body in comments for line in (f"{name} {stamp} Uhr", body, "Als Spam melden!")),
            "Serviceangebote",
        ]
    )
    posts = read_forum_dump(text).threads[0].posts
    assert [(post.author, [block.text for block in post.blocks]) for post in posts[1:]] == [
        (name.removeprefix("Frau ").removeprefix("Herr "), [body]) for name, _, body in comments
    ]
    assert posts[0].author is None and len(posts[0].blocks) >= 3  # the article above the count


def test_replies_without_a_reply_button_stay_among_the_comments_shaped_like_them() -> None:
    # A reply nested too deep to be answered has no "Antworten"; headers of the same shape as the marked comments'
    # keep it (and those after it) in the thread. The blog's author badge run into a name is the writer's role.
    comments = [
        ("Eugen Pletsch", "20.07.2015 // 11:56", "Und die Montagsübertragung? Wo findet die statt?", True),
        ("Kai-Uwe", "20.07.2015 // 12:55", "Um halb drei auf dem ersten Sportkanal, wie immer.", True),
        ("Björn", "20.07.2015 // 13:37", "Sicher? Im Programmheft steht davon leider nichts.", False),
        ("Matze", "20.07.2015 // 14:15", "Heute wird es wohl doch nicht übertragen.", False),
        ("Eugen Pletsch", "20.07.2015 // 14:27", "Das wäre ein Schuss ins Knie für den Sender.", True),
        ("Matze", "20.07.2015 // 14:51", "Alles gut, es läuft jetzt auf dem zweiten Kanal.", False),
        ("Christoph", "20.07.2015 // 15:23", "Hat einer das in der App gefunden? Ich finde nichts.", False),
        ("Ines Autor", "20.07.2015 // 16:03", "In der App steht es unter Live, ganz unten.", True),
        ("Jens", "08.06.2015 // 23:34", "Die Wiederholungen fehlen seit vier Wochen.", True),
    ]
    lines = ["Golf im Fernsehen: die Übertragungen der Woche"]
    lines += ["Der Sender zeigt alle vier Runden live, die Zeiten stehen in der Tabelle unten. " * 2] * 3
    lines += ["9 Kommentare"]
    for name, stamp, body, answerable in comments:
        lines += [f"{name} {stamp}", body, *(["Antworten"] if answerable else [])]
    lines += ["Schreibe einen Kommentar", "Impressum"]
    posts = read_forum_dump("\n".join(lines)).threads[0].posts
    assert [(post.author, [block.text for block in post.blocks]) for post in posts[1:]] == [
        (name.removesuffix(" Autor"), [body]) for name, _, body, _ in comments
    ]
    assert posts[8].role == "Autor" and posts[9].role is None


def test_posts_framed_by_their_writer_name_above_and_signed_below() -> None:
    # A news site's forum under an article: each post has its writer's name atop (with "member since" and the
    # writer's galleries under it), its text, and a line signing it with the name and the date. The member-since
    # line is no post's date, and the signing line ends the post: the next name begins the next.
    posts = [
        ("Felgenfuchs", "12/2006", "Ich ziehe die Reifen immer mit dem Logo am Ventil auf.", "26. Januar 2022 13:05"),
        ("trailmaus", "04/2011", "Und ich genau gegenüber, damit man das Ventil findet.", "26. Januar 2022 13:11"),
        ("Kettenblatt", "01/2016", "Hauptsache, die Milch ist drin und der Reifen hält.", "26. Januar 2022 13:14"),
        ("Felgenfuchs", "12/2006", "Das stimmt, der Rest ist Geschmack.", "26. Januar 2022 13:31"),
    ]
    lines = [
        "Tubeless montieren: so geht es",
        *["Die Montage eines schlauchlosen Reifens braucht etwas Übung, aber kein teures Werkzeug. " * 2] * 3,
        "4 Kommentare",
    ]
    for name, since, text, stamp in posts:
        lines += [name, f"dabei seit {since}", "Fotos Videos", text, f"{name}, {stamp}"]
    lines += ["Alle 4 Kommentare im Forum lesen →", "Impressum"]
    thread = read_forum_dump("\n".join(lines)).threads[0]
    comments = thread.posts[1:]
    assert [(c.author, c.date, [b.text for b in c.blocks if b.text != "Fotos Videos"]) for c in comments] == [
        (name, datetime(2022, 1, 26, int(stamp[-5:-3]), int(stamp[-2:])), [text]) for name, _, text, stamp in posts
    ]


def test_comments_under_a_said_line_with_their_date_below_the_text() -> None:
    # "NAME dijo:" reads like a quote's header; here it starts a comment: its text, its date, then its reply button
    # (a reply too deep to be answered has none: the next such line follows its date).
    comments = [
        ("Ramón", "Estoy convencido de que muchos quieren conocer el programa.", "14:02", True),
        ("rebelde", "Ramón, no entiendo con claridad lo que buscas con eso.", "15:11", True),
        ("Ramón", "Ojalá me permitieran responder, lo intento de todos modos.", "18:21", False),
        ("Ing Javier Sánchez González", "Lo que llamas programa no es un documento programático.", "17:03", True),
    ]
    lines = [
        "Sesiona el pleno del comité",
        *["El pleno sesionó este martes y aprobó nuevos miembros de su comité, con un largo debate. " * 2] * 3,
        "Se han publicado 4 comentarios",
    ]
    for name, text, time, answerable in comments:
        lines += [f"{name} dijo:", text, f"26 abril 2022 a las {time}", *(["/ Responder"] if answerable else [])]
    lines += ["Deja un comentario", "Nombre:"]
    thread = read_forum_dump("\n".join(lines)).threads[0]
    assert [
        (post.author, post.date.strftime("%H:%M") if post.date else None, [b.text for b in post.blocks])
        for post in thread.posts[1:]
    ] == [(name, time, [text]) for name, text, time, _ in comments]


def test_a_short_article_above_the_count_just_above_the_first_comment() -> None:
    # A podcast's page: a few short lines, then "3 Responses to TITLE" and the comments (WordPress, "NAME says:" and
    # the date below it with an English "at" in a German date). The lines above the count are the article, however
    # short: the first comment is no opening post.
    comments = [
        ("Baschurr", "22. Juli 2019 at 16:25", "Schöne Folge. Hab mich gefreut."),
        ("Anonymous", "23. Juli 2019 at 05:00", "Trotzdem mal wieder eine sehr kurzweilige Folge."),
        ("schreibwaise", "2. August 2019 at 17:00", "Jeschichten komm oooch noch irjendwann."),
    ]
    lines = [
        "SW082 – 82 Gründe zum weiter hören",
        "Posted on 21. Juli 2019 by Realiberry",
        "Ingo hat ja gesagt, er habe diesen Text nicht geschrieben. Darum schreibe ich ihn, und zwar über unsere"
        " zweiundachtzigste Folge, die wir im Sommer aufgenommen haben.",
        "Gruß Heiko",
        "3 Responses to SW082 – 82 Gründe zum weiter hören",
    ]
    for name, stamp, text in comments:
        lines += [f"{name} says:", stamp, text, "Antworten"]
    lines += ["Schreibe einen Kommentar"]
    posts = read_forum_dump("\n".join(lines)).threads[0].posts
    assert posts[0].author is None and any("zweiundachtzigste" in block.text for block in posts[0].blocks)
    read = [datetime(2019, 7, 22, 16, 25), datetime(2019, 7, 23, 5, 0), datetime(2019, 8, 2, 17, 0)]
    assert [(post.author, post.date, [b.text for b in post.blocks]) for post in posts[1:]] == [
        (name, date, [text]) for (name, _, text), date in zip(comments, read, strict=True)
    ]


@pytest.mark.parametrize(
    ("line", "kind"),
    [("|", "action"), ("/ Responder", "action"), ("[ antworten ]", "action"), ("/", "text"), ("Responder a", "text")],
)
def test_a_button_between_separators_is_a_button_and_a_separator_alone_stays_what_it_was(line: str, kind: str) -> None:
    assert classify(line).kind == kind


# MacTechNews's forum copied: each post's header glued together (`NAME28.09.1912:44`), its text, then its score
# alone on a line (`+1`, `0`, `-3`), no buttons; the site's teasers with their dates after the last post.
SCORED_POSTS = (
    "Forum>iPhone>Kein App Store über Mobilfunk\nKein App Store über Mobilfunk\n"
    "macbacchi28.09.1912:44\nSeit dem Update erreiche ich den App Store nur noch im WLAN.\n-3\nKommentare\n"
    "th3Chris28.09.1913:39\nBei mir geht es mit 13.1.1 auch unterwegs.\n+1\n"
    "maculi28.09.1913:55\nGab es das nicht schon einmal hier im Forum?\n+2\n"
    "macbacchi28.09.1914:40\nIch habe nur den umgekehrten Fall gefunden.\n0\n"
    "Arapahoe29.09.1911:20\nIch habe das gleiche Problem mit der Telekom.\n+1\n"
    "Top-News\n13.10.19\nTechTicker: Neue Lautsprecher und Monitore\n12.10.19\nTest: Kopfhörer mit Noise-Cancelling\n"
)


def test_posts_marked_by_their_score_under_the_text() -> None:
    # A signed score under a post's text marks a post, as a button does (a page's counts are not signed); the
    # posts without one ("0") have the same header and go on the run; the teasers after it are no comments.
    assert sniff_format(SCORED_POSTS) == "forum"
    [thread] = parse_threads(SCORED_POSTS).threads
    # Each post's score is its votes ("0" too, since the others are signed).
    assert [post.votes for post in thread.posts] == [Votes(0, 3), Votes(1, 0), Votes(2, 0), Votes(0, 0), Votes(1, 0)]
    assert [(post.author, post.date, [block.text for block in post.blocks][-1]) for post in thread.posts] == [
        ("macbacchi", datetime(2019, 9, 28, 12, 44), "Seit dem Update erreiche ich den App Store nur noch im WLAN."),
        ("th3Chris", datetime(2019, 9, 28, 13, 39), "Bei mir geht es mit 13.1.1 auch unterwegs."),
        ("maculi", datetime(2019, 9, 28, 13, 55), "Gab es das nicht schon einmal hier im Forum?"),
        ("macbacchi", datetime(2019, 9, 28, 14, 40), "Ich habe nur den umgekehrten Fall gefunden."),
        ("Arapahoe", datetime(2019, 9, 29, 11, 20), "Ich habe das gleiche Problem mit der Telekom."),
    ]


TWO_COUNTED = (
    "Die Fähre fährt wieder\n"
    "Seit Montag fährt die Fähre wieder nach dem Winterfahrplan, zweimal am Tag, am Morgen um sieben und am Abend"
    " um sechs, und an den Wochenenden ein drittes Mal am Mittag.\n"
    "Die Gemeinde hat die Anlegestelle im Herbst erneuert und den Steg verbreitert, damit auch Fahrräder und"
    " Kinderwagen ohne Mühe an Bord kommen.\n"
    "2 Kommentare\n"
    "Trockenduscher am 9. Juni 2017 um 13:22\nVielen Dank für den Überblick, das hatte ich gesucht.\n"
    "Oydenos am 10. Juni 2017 um 15:26\nGibt es schon einen Fahrplan für den Sommer?\n"
    "Trackbacks/Pingbacks\n» Der Fahrplan im Überblick - […] wie schon berichtet […]\n"
    "Einen Kommentar abschicken\nDeine E-Mail-Adresse wird nicht veröffentlicht.\nName *\nE-Mail *\n"
    "Mehr über den Hafen:\nNeue Stege im Westhafen\nMai 21 2019, 14:34 | Hafen\n"
)


def test_two_comments_right_below_a_count_of_two() -> None:
    # Two posts without marks are comments where the count right above them states exactly two and each says
    # something; the last ends where the pingbacks and the comment form begin.
    assert sniff_format(TWO_COUNTED) == "forum"
    [thread] = parse_threads(TWO_COUNTED).threads
    assert [(post.author, post.date, [block.text for block in post.blocks]) for post in thread.posts[1:]] == [
        ("Trockenduscher", datetime(2017, 6, 9, 13, 22), ["Vielen Dank für den Überblick, das hatte ich gesucht."]),
        ("Oydenos", datetime(2017, 6, 10, 15, 26), ["Gibt es schon einen Fahrplan für den Sommer?"]),
    ]


@pytest.mark.parametrize(
    "text",
    [
        TWO_COUNTED.replace("2 Kommentare", "5 Kommentare"),  # the count states more than follow
        TWO_COUNTED.replace("2 Kommentare", "Kommentare"),  # a bare heading, two headers that do not say which is which
        TWO_COUNTED.replace(  # two teasers' bylines without a sentence of their own
            "Vielen Dank für den Überblick, das hatte ich gesucht.", "Hafen"
        ).replace("Gibt es schon einen Fahrplan für den Sommer?", "Verkehr"),
    ],
)
def test_two_posts_below_a_count_that_is_not_theirs_stay_text(text: str) -> None:
    assert sniff_format(text) == "text"


LABELLED_HEADERS = [
    # ZDNet: the date first, then the writer (`Am DATE von NAME`); the last post ends where the page says the
    # comments are closed.
    (
        "Die Fähre fährt wieder\n" + "Seit Montag fährt die Fähre wieder nach dem Winterfahrplan, zweimal am Tag. " * 2
        + "\n2 Kommentare zu Die Fähre fährt wieder\nKommentar hinzufügen\n"
        "Am 29. Mai 2017 um 14:38 von Hugo\nEndlich, das hat lange genug gedauert.\n"
        "Am 29. Mai 2017 um 23:16 von Antiappler\nUnd im Winter fährt sie dann wieder nicht.\n"
        "Kommentare sind bei diesem Artikel deaktiviert.\nWebinar\nJetzt registrieren und Aufzeichnung ansehen.\n",
        [("Hugo", datetime(2017, 5, 29, 14, 38), "Endlich, das hat lange genug gedauert."),
         ("Antiappler", datetime(2017, 5, 29, 23, 16), "Und im Winter fährt sie dann wieder nicht.")],
    ),
    # Dalloz: the writer labelled, then the date, a full stop after it (`par NAME le DATE.`).
    (
        "Le bac reprend du service\n" + "Le bac de la Loire reprend son service d'été, deux fois par jour. " * 2
        + "\n3 commentaires\n"
        "par JPA le 7 mai 2020 - 12:38.\nEnfin une bonne nouvelle pour les riverains.\n"
        "par BINH le 7 mai 2020 - 15:39.\nEt les horaires du dimanche ?\n"
        "par Claire Morvan le 8 mai 2020 - 09:02.\nLe samedi aussi, il me semble.\n",
        [("JPA", datetime(2020, 5, 7, 12, 38), "Enfin une bonne nouvelle pour les riverains."),
         ("BINH", datetime(2020, 5, 7, 15, 39), "Et les horaires du dimanche ?"),
         ("Claire Morvan", datetime(2020, 5, 8, 9, 2), "Le samedi aussi, il me semble.")],
    ),
    # Dalloz: two comments only, below a bare heading, each followed by a link to the top of the page; the last ends
    # there, before the comment form.
    (
        "Le bac reprend du service\n" + "Le bac de la Loire reprend son service d'été, deux fois par jour. " * 2
        + "\nCommentaires\n"
        "par JPA le 7 mai 2020 - 12:38.\nEnfin une bonne nouvelle pour les riverains.\nhaut de page\n"
        "par BINH le 7 mai 2020 - 15:39.\nEt les horaires du dimanche ?\nhaut de page\n"
        "Réagissez à cet article\nVotre nom : *\nVotre commentaire : *\nhaut de page\nTout le droit en débat\n",
        [("JPA", datetime(2020, 5, 7, 12, 38), "Enfin une bonne nouvelle pour les riverains."),
         ("BINH", datetime(2020, 5, 7, 15, 39), "Et les horaires du dimanche ?")],
    ),
    # kochbar: the date and time first, then the writer alone (`23.09.20 | 18:19 NAME`), under a bare heading; the
    # page's teasers after the last comment are no part of it.
    (
        "Tomaten richtig schneiden\n" + "Legt die Tomate so auf das Brett, dass der Strunk zur Seite zeigt. " * 2
        + "\nKOMMENTARE\n"
        "23.09.20 | 18:19 Rezeptsammlerin\nSo schneide ich sie schon lange, prima Idee.\n"
        "26.09.20 | 10:40 Marianne1\nDanke dir, schönes Wochenende!\n"
        "22.09.20 | 12:45 Anna Maria\nIch werde das mal ausprobieren, danke.\n"
        "Um den Tipp kommentieren zu können, müssen Sie eingeloggt sein.\n",
        [("Rezeptsammlerin", datetime(2020, 9, 23, 18, 19), "So schneide ich sie schon lange, prima Idee."),
         ("Marianne1", datetime(2020, 9, 26, 10, 40), "Danke dir, schönes Wochenende!"),
         ("Anna Maria", datetime(2020, 9, 22, 12, 45),
          "Ich werde das mal ausprobieren, danke. Um den Tipp kommentieren zu können, müssen Sie eingeloggt sein.")],
    ),
]  # fmt: skip


def test_teasers_below_a_bare_comments_heading_stay_text() -> None:
    # A bare heading takes the posts right below it only where each says something: a news site's dated teasers
    # under its "Kommentare" rubric give a headline each.
    teasers = "".join(f"2{n}.09.20 | 18:1{n} Politik\nDer Bundestag tagt am Montag {n}\n" for n in range(4))
    article = "Ein Absatz des Artikels mit einem ganzen Satz darin. " * 3
    text = "Die Lage am Abend\n" + article + "\nKommentare\n" + teasers
    assert sniff_format(text) == "text"


@pytest.mark.parametrize(
    ("line", "expected"),
    [
        ("23.09.20 | 18:19 Rezeptsammlerin", ("Rezeptsammlerin", datetime(2020, 9, 23, 18, 19))),
        ("2019-05-03 14:22 joe_b", ("joe_b", datetime(2019, 5, 3, 14, 22))),
        ("3. Mai 2020 um 14:00 Uhr von Hans Meier", ("Hans Meier", datetime(2020, 5, 3, 14, 0))),
        ("23.09.20 | 18:19 da Silva", ("da Silva", datetime(2020, 9, 23, 18, 19))),  # "da" starts the name
        ("23.09.20 | 18:19 Uhr", None),  # all of it is the date
        ("19. Juni 2018 um 15:28", None),
        ("12.03.2020 Antworten", None),  # a post's button after its date
        ("3 Antworten auf Hallo", None),
        ("12.03.2020 Das war ein Fehler.", None),  # a sentence after a date
        ("06.11.23 - 13:49 von Joseph Meyer zu", None),  # a "latest comments" box: the story's title below
        ("19.6.2007 9:40 Uhr Christoph Becker 71 Kommentare", None),  # an article's byline and its count
        ("01. November 2021 | Naturschutz, BUND", None),  # a teaser's categories
    ],
)
def test_a_date_first_then_the_writer(line: str, expected: tuple[str, datetime] | None) -> None:
    assert _name_and_date(line) == expected


@pytest.mark.parametrize(("text", "expected"), LABELLED_HEADERS)
def test_headers_whose_words_say_which_is_the_writer_and_which_the_date(
    text: str, expected: list[tuple[str, datetime, str]]
) -> None:
    assert sniff_format(text) == "forum"
    [thread] = parse_threads(text).threads
    assert [(post.author, post.date, " ".join(b.text for b in post.blocks)) for post in thread.posts[1:]] == expected


def test_a_number_after_each_post_is_no_score_where_none_is_signed() -> None:
    # A count after each post (of likes, of anything) reads as votes only beside signed scores.
    unsigned = SCORED_POSTS.replace("\n+", "\n").replace("\n-3\n", "\n3\n")
    [thread] = read_forum_dump(unsigned).threads
    assert len(thread.posts) >= 5 and all(post.votes is None for post in thread.posts)


UNDATED_COMMENTS = [
    ("Lena Berg", "Thanks for the clear walk through, the second mistake got me last week."),
    ("Guest", "Common mistake zero: skipping the tests"),
    ("olaf_k", "Why not use a tuple there? It would say what you mean and cost less."),
    ("Lena Berg", "thanks, got it"),
    ("Martin Chikilian", "Good point! The slice keeps the same list object, which other names may still hold."),
]
UNDATED_PAGE = (
    "Ten Mistakes Python Programmers Make\n"
    + "A mutable default argument is created once, when the function is defined, not each time it is called.\n" * 3
    + "Comments\n"
    + "".join(f"{name}\n{text}\n" for name, text in UNDATED_COMMENTS)
    + "comments powered by Disqus\nAre you a Python developer?\n"
    + "Find out more\nWorld-class articles, delivered weekly.\n"
)


def test_comments_giving_their_writer_alone_without_a_date() -> None:
    # A site's own copy of its Disqus comments: below the heading, each writer's name alone above the text, no date.
    # A short text is a comment's where its writer names another comment (`Lena Berg` / `thanks, got it`); the
    # comments end at Disqus's line, before the page's own boxes.
    assert sniff_format(UNDATED_PAGE) == "forum"
    reading = parse_threads(UNDATED_PAGE)
    [thread] = reading.threads
    assert [(post.author, post.date, [block.text for block in post.blocks]) for post in thread.posts[1:]] == [
        (name, None, [text]) for name, text in UNDATED_COMMENTS
    ]
    assert thread.posts[0].kind == "article" and len(thread.posts[0].blocks) == 4
    assert reading.warnings == ("the comments of this dump show no dates: left without them",)


@pytest.mark.parametrize(
    "text",
    [
        # a page's boxes below a heading, a few lines each
        UNDATED_PAGE.replace(
            "".join(f"{name}\n{text}\n" for name, text in UNDATED_COMMENTS),
            "".join(f"{name}\n{text}\nRead more about it.\nSee also the guide.\n" for name, text in UNDATED_COMMENTS),
        ),
        # three only
        UNDATED_PAGE.replace("".join(f"{name}\n{text}\n" for name, text in UNDATED_COMMENTS[3:]), ""),
        # not right below the heading: a sentence first
        UNDATED_PAGE.replace("\nComments\n", "\nComments\nNo one has said anything about it yet.\n"),
        # no comments heading
        UNDATED_PAGE.replace("\nComments\n", "\nRelated\n"),
    ],
)
def test_name_and_text_pairs_that_are_no_comments_stay_text(text: str) -> None:
    assert sniff_format(text) == "text"


def test_a_text_without_posts_read_as_a_forum_dump_is_refused() -> None:
    with pytest.raises(InputError, match="no post found"):
        read_forum_dump("Hello there.\nThis is a text without posts.\n")
