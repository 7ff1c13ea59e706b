"""The Blogger export reader: Takeout's trashed marks, removed comments, drafts and titles escaped twice.
(The older export's basics are tested beside the other feeds, in test_feed.py.)"""

from __future__ import annotations

from pathlib import Path

import pytest

from translator.errors import InputError
from translator.models import Thread
from translator.readers import parse_threads, read_threads

TAKEOUT = Path(__file__).resolve().parent.parent / "data" / "readers" / "blogger-takeout.atom"


def _shape(thread: Thread) -> list[tuple[str, str | None, str | None, bool, list[str]]]:
    return [(p.id, p.author, p.parent, p.deleted, [b.text for b in p.blocks]) for p in thread.posts]


def test_a_takeout_export_is_read_whole() -> None:
    reading = read_threads(TAKEOUT)
    assert [(t.title, t.site, t.url) for t in reading.threads] == [
        ("Pan con tomate & aceite", "Cuaderno de cocina", None),  # `&amp;amp;` in the file: `&` once read
        ("Gazpacho para el verano", "Cuaderno de cocina", None),  # `&lt;b&gt;` in the file: the tag goes
        ("Ideas para el otoño", "Cuaderno de cocina", None),  # the draft, read with a warning
    ]  # post 104, trashed on a date, is no thread
    # Takeout's feed names the blog by its id and title only, its posts by a path (`blogger:filename`): no
    # address is made up from a guessed host, for posts or their comments.
    assert [p.url for t in reading.threads for p in t.posts] == [None] * 9
    assert _shape(reading.threads[0]) == [
        ("article", "Carmen", None, False, ["Pan con tomate & aceite", "El pan tiene que estar tostado.",
                                            "El tomate, muy maduro."]),
        ("c1", "Ana", None, False, ["¡Qué rico! Lo hago cada domingo."]),
        # EMPTIED: its text removed; kept, empty and deleted, for the reply that answers it.
        ("c2", "Luis", None, True, []),
        ("c3", "Ana", "c2", False, ["No estoy de acuerdo: el ajo es imprescindible."]),
        # Blogger's "removed by a blog administrator" line is no text of the comment.
        ("c4", "Anónimo", None, True, []),
        ("c5", "Carmen", "c4", False, ["Aquí no se hace publicidad."]),
    ]  # fmt: skip
    assert _shape(reading.threads[1])[1:] == [("c1", "Luis", None, False, ["Con un poco de comino queda mejor."])]
    assert reading.warnings == (
        # Pablo's comment "removed by the author" answers nothing: left out, counted.
        "1 comment deleted or removed without replies was left out",
        '1 draft is read, not published on the blog: "Ideas para el otoño"',
    )


def _takeout(*entries: str) -> str:
    return (
        "<feed xmlns='http://www.w3.org/2005/Atom' xmlns:blogger='http://schemas.google.com/blogger/2018'>"
        f"<title>Blog</title>{''.join(entries)}</feed>"
    )


def _post(number: int, title: str = "Titel", more: str = "") -> str:
    return (
        f"<entry><id>tag:blogger.com,1999:blog-1.post-{number}</id><blogger:type>POST</blogger:type>"
        f"<title>{title}</title><content type='html'>Text {number}</content>{more}</entry>"
    )


def _comment(number: int, parent: int, content: str, more: str = "") -> str:
    return (
        f"<entry><id>tag:blogger.com,1999:blog-1.post-1.comment-{number}</id><blogger:type>COMMENT</blogger:type>"
        f"<blogger:parent>tag:blogger.com,1999:blog-1.post-{parent}</blogger:parent>"
        f"<published>2024-01-0{number}T00:00:00Z</published><author><name>W{number}</name></author>"
        f"<content type='html'>{content}</content>{more}</entry>"
    )


@pytest.mark.parametrize(
    ("mark", "trashed"),
    [
        ("<blogger:trashed/>", False),  # Takeout writes it so on every entry in place
        ("<blogger:trashed></blogger:trashed>", False),
        ("<blogger:trashed>  </blogger:trashed>", False),  # whitespace only: no value
        ("<blogger:trashed>false</blogger:trashed>", False),  # an explicit no
        ("<blogger:trashed>2024-02-03T10:00:00.000Z</blogger:trashed>", True),  # the date it was trashed
        ("<blogger:trashed>true</blogger:trashed>", True),
        ("<blogger:status>SOFT_TRASHED</blogger:status><blogger:trashed/>", True),  # the status says it
    ],
)
def test_only_a_trashed_value_puts_an_entry_in_the_bin(mark: str, trashed: bool) -> None:
    # The same mark on a post and on a comment: both kept, or both gone.
    reading = parse_threads(_takeout(_post(1), _post(2, "Im Papierkorb?", mark), _comment(3, 1, "Danke", mark)))
    found = [(t.title, len(t.posts)) for t in reading.threads]
    assert found == ([("Titel", 1)] if trashed else [("Titel", 2), ("Im Papierkorb?", 1)])


def test_an_export_whose_every_post_is_trashed_says_so() -> None:
    with pytest.raises(InputError, match="holds no post or page"):
        parse_threads(_takeout(_post(1, more="<blogger:trashed>2024-01-01T00:00:00Z</blogger:trashed>")))


@pytest.mark.parametrize(
    ("title", "read"),
    [
        ("Fish &amp;amp; Chips", "Fish & Chips"),  # an entity escaped twice: unescaped once more
        ("&lt;i&gt;Kursiv&lt;/i&gt; und fett", "Kursiv und fett"),  # a tag escaped twice: its text
        ("Caf&amp;#233; am Eck", "Café am Eck"),  # a numeric entity escaped twice
        ("Fish &amp; Chips", "Fish & Chips"),  # escaped once, as it should be: as it is
        ("a &lt; b &amp;&amp; c", "a < b && c"),  # comparison signs that are no markup stay
        ("Tom &amp;amp;amp; Jerry", "Tom &amp; Jerry"),  # thrice: read as plain text once, not unescaped to the end
    ],
)
def test_a_title_escaped_twice_reads_as_plain_text_once(title: str, read: str) -> None:
    [thread] = parse_threads(_takeout(_post(1, title))).threads
    assert (thread.title, thread.posts[0].blocks[0].text) == (read, read)


def test_an_html_title_is_read_as_html() -> None:
    title = "<title type='html'>Gr&amp;uuml;&amp;szlig;e &lt;em&gt;an&lt;/em&gt; alle</title>"
    entry = _post(1).replace("<title>Titel</title>", title)
    [thread] = parse_threads(_takeout(entry)).threads
    assert thread.title == "Grüße an alle"


@pytest.mark.parametrize(
    ("content", "status", "deleted"),
    [
        ("Gut gesagt.", "LIVE", False),
        ("", "LIVE", True),  # no text at all: Blogger keeps no empty comment, its text was removed
        ("", "EMPTIED", True),  # the API's status for a comment whose content was removed
        ("Noch da?", "EMPTIED", True),  # said emptied: its text is not the writer's to translate
        ("This comment has been removed by the author.", "LIVE", True),
        ("&lt;i&gt;This comment has been removed by a blog administrator.&lt;/i&gt;", "LIVE", True),
        ("This comment has been removed by the author, he said.", "LIVE", False),  # a sentence that quotes it
        # The same line where Blogger writes it in Dutch (an administrator's removal) and Portuguese (the writer's).
        ("Deze reactie is verwijderd door een blogbeheerder.", "LIVE", True),
        ("&lt;span&gt;Este comentário foi removido pelo autor.&lt;/span&gt;", "LIVE", True),
        ("Gut gesagt.", "DELETED", True),
    ],
)
def test_a_comment_whose_text_was_removed_is_a_deleted_comment_holding_its_replies(
    content: str, status: str, deleted: bool
) -> None:
    status_mark = f"<blogger:status>{status}</blogger:status>"
    text = _takeout(_post(1), _comment(2, 1, content, status_mark), _comment(3, 2, "Antwort"))
    reading = parse_threads(text)
    [thread] = reading.threads
    first = ("c1", "W2", None, True, []) if deleted else ("c1", "W2", None, False, [content])
    assert _shape(thread)[1:] == [first, ("c2", "W3", "c1", False, ["Antwort"])]
    assert reading.warnings == ()
    # Without the reply a deleted comment is left out, and counted.
    alone = parse_threads(_takeout(_post(1), _comment(2, 1, content, status_mark)))
    assert len(alone.threads[0].posts) == (1 if deleted else 2)
    assert alone.warnings == (("1 comment deleted or removed without replies was left out",) if deleted else ())


def test_drafts_and_scheduled_posts_are_read_and_named_in_a_warning() -> None:
    drafts = [_post(number, f"Entwurf {number}", "<blogger:status>DRAFT</blogger:status>") for number in range(2, 9)]
    untitled = _post(9, "", "<blogger:status>DRAFT</blogger:status>")
    scheduled = _post(10, "Morgen", "<blogger:status>SCHEDULED</blogger:status>")
    reading = parse_threads(_takeout(_post(1), *drafts, untitled, scheduled))
    assert len(reading.threads) == 10  # all read
    assert reading.warnings == (
        '8 drafts are read, not published on the blog: "Entwurf 2", "Entwurf 3", "Entwurf 4", "Entwurf 5", '
        '"Entwurf 6" and 3 more',
        '1 scheduled post is read, not published on the blog: "Morgen"',
    )
    [warning] = parse_threads(_takeout(_post(1), untitled)).warnings
    assert warning == "1 draft is read, not published on the blog: untitled (post 9)"


POST_PATH = "<blogger:filename>/2024/01/titel.html</blogger:filename><link/>"
# A page's path, and the start of its own link (its address to follow).
PAGE_PATH = "<blogger:filename>/p/ueber.html</blogger:filename><link rel='alternate' href='"
BLOG_LINK = "<link rel='alternate' type='text/html' href='https://kochbuch.example/'/>"


@pytest.mark.parametrize(
    ("feed_link", "entries", "addressed"),
    [
        # The feed says where the blog is: each post is there at its path, each comment on its post's page.
        (BLOG_LINK, [_post(1, more=POST_PATH)], True),
        # No feed link, but a page's own link ends in its path: the blog's address is the rest of it.
        (
            "",
            [_post(1, more=POST_PATH), _post(5, "Über", PAGE_PATH + "https://kochbuch.example/p/ueber.html'/>")],
            True,
        ),
        ("", [_post(1, more=POST_PATH)], False),  # nothing says where the blog is: no guessed host
        # A link elsewhere (a mirror, an old address) that does not end in the entry's path says nothing.
        ("", [_post(1, more=POST_PATH), _post(5, "Über", PAGE_PATH + "https://alt.example/ueber'/>")], False),
        # A draft, even with a path, is not on the blog: no address.
        (BLOG_LINK, [_post(1, more=POST_PATH + "<blogger:status>DRAFT</blogger:status>")], False),
    ],
)
def test_a_takeout_post_is_addressed_at_its_path_on_the_blog_the_file_names(
    feed_link: str, entries: list[str], addressed: bool
) -> None:
    text = _takeout(*entries, _comment(2, 1, "Danke"), _comment(3, 2, "Gern"))
    reading = parse_threads(text.replace("<title>Blog</title>", f"<title>Blog</title>{feed_link}", 1))
    thread = reading.threads[0]
    post = "https://kochbuch.example/2024/01/titel.html"
    assert [p.url for p in thread.posts] == (
        [
            post,
            # As Blogger links a comment: `showComment` its time in milliseconds, `#c` its number.
            f"{post}?showComment=1704153600000#c2",
            f"{post}?showComment=1704240000000#c3",
        ]
        if addressed
        else [None, None, None]
    )


def test_a_comment_of_the_older_export_without_a_link_is_addressed_on_its_posts_page() -> None:
    kind = "<category scheme='http://schemas.google.com/g/2005#kind' term='http://schemas.google.com/blogger/2008/kind#{}'/>"
    text = f"""<feed xmlns='http://www.w3.org/2005/Atom' xmlns:thr='http://purl.org/syndication/thread/1.0'>
    <title>Carnet</title><entry><id>tag:blogger.com,1999:blog-7.settings.X</id>{kind.format("settings")}</entry>
    <entry><id>tag:blogger.com,1999:blog-7.post-50</id>{kind.format("post")}<title>Lyon</title>
    <content type='html'>Il pleut.</content><link rel='alternate' href='https://carnet.example/2024/03/lyon.html'/></entry>
    <entry><id>tag:blogger.com,1999:blog-7.post-91</id>{kind.format("comment")}<content type='html'>Oui.</content>
    <published>2024-03-01T10:00:00.250+01:00</published><thr:in-reply-to ref='tag:blogger.com,1999:blog-7.post-50'/>
    <link rel='alternate' href='https://carnet.example/2024/03/lyon.html?showComment=1#c91'/></entry>
    <entry><id>tag:blogger.com,1999:blog-7.post-92</id>{kind.format("comment")}<content type='html'>Non.</content>
    <published>2024-03-01T11:00:00.250+01:00</published><thr:in-reply-to ref='tag:blogger.com,1999:blog-7.post-50'/>
    </entry></feed>"""
    [thread] = parse_threads(text).threads
    assert [p.url for p in thread.posts] == [
        "https://carnet.example/2024/03/lyon.html",
        "https://carnet.example/2024/03/lyon.html?showComment=1#c91",  # its own link, as it is
        "https://carnet.example/2024/03/lyon.html?showComment=1709287200250#c92",  # none: made as Blogger makes it
    ]


# A comment entry of Blogger's older export (and of its comment feeds), the mark of a removed text optional.
OLDER_KIND = (
    "<category scheme='http://schemas.google.com/g/2005#kind' term='http://schemas.google.com/blogger/2008/kind#{}'/>"
)
GD = "xmlns:gd='http://schemas.google.com/g/2005'"


def _older(*comments: str) -> str:
    return (
        f"<feed xmlns='http://www.w3.org/2005/Atom' {GD} xmlns:thr='http://purl.org/syndication/thread/1.0'>"
        f"<title>Carnet</title><entry><id>tag:blogger.com,1999:blog-7.settings.X</id>{OLDER_KIND.format('settings')}"
        f"</entry><entry><id>tag:blogger.com,1999:blog-7.post-50</id>{OLDER_KIND.format('post')}<title>Lyon</title>"
        f"<content type='html'>Il pleut.</content></entry>{''.join(comments)}</feed>"
    )


def _older_comment(number: int, content: str, mark: str = "", answers: int | None = None) -> str:
    related = f"<link rel='related' href='https://www.blogger.com/feeds/7/50/comments/default/{answers}'/>"
    return (
        f"<entry><id>tag:blogger.com,1999:blog-7.post-{number}</id>{OLDER_KIND.format('comment')}"
        f"<content type='html'>{content}</content><author><name>W{number}</name></author>"
        f"<published>2024-03-01T1{number % 10}:00:00.000+01:00</published>{mark}{related if answers else ''}"
        "<thr:in-reply-to ref='tag:blogger.com,1999:blog-7.post-50'/></entry>"
    )


@pytest.mark.parametrize(
    ("mark", "deleted"),
    [
        # Blogger marks a removed comment's entry, whatever the language of the line it leaves: the line here
        # is a stand-in, its wording in most languages not being known.
        ("<gd:extendedProperty name='blogger.contentRemoved' value='true'/>", True),
        ("<gd:extendedProperty name='blogger.contentRemoved'/>", True),  # named, no value: Blogger's script reads it so
        ("<gd:extendedProperty name='blogger.contentRemoved' value='false'/>", False),  # an explicit no
        ("<gd:extendedProperty name='blogger.itemClass' value='pid-1'/>", False),  # another property
        ("", False),
    ],
)
def test_a_comment_blogger_marks_as_removed_is_deleted_whatever_its_line_says(mark: str, deleted: bool) -> None:
    line = "[…] ⁂ [removed line in the blog's language]"
    reading = parse_threads(_older(_older_comment(91, line, mark), _older_comment(92, "Réponse.", answers=91)))
    [thread] = reading.threads
    first = ("c1", "W91", None, True, []) if deleted else ("c1", "W91", None, False, [line])
    assert _shape(thread)[1:] == [first, ("c2", "W92", "c1", False, ["Réponse."])]
