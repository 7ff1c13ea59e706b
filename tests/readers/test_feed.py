"""The feed reader: RSS, Atom (feedparser) and JSON Feed, each item a thread."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from translator.errors import InputError
from translator.readers import parse_threads, read_threads

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
