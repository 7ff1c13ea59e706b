"""Real saved pages from ../shared/samples/web: the reader against their hand-checked labels (MANIFEST.jsonl)."""

from __future__ import annotations

import json
from datetime import datetime
from pathlib import Path

import pytest

from translator.models import ThreadFile
from translator.readers import read_thread

REPO = Path(__file__).resolve().parents[2]
WEB_SAMPLES = REPO.parent / "shared" / "samples" / "web"
MANIFEST = WEB_SAMPLES / "MANIFEST.jsonl"


def html_labels() -> list[dict[str, object]]:
    assert MANIFEST.is_file(), f"the web samples are missing at {WEB_SAMPLES}: tests need ../shared/samples/web/"
    rows = [json.loads(line) for line in MANIFEST.read_text(encoding="utf-8").splitlines() if line.strip()]
    return [row for row in rows if row["format"] == "html"]


LABELS = html_labels()

# Top-level comments, where the manifest's notes count them: the rest are replies, so the tree is checked too.
TOP_LEVEL = {
    "html_fr_regards_macronie-enquetes.html": 9,  # "9 top-level + 2 replies"
    "html_de_hpd_homosexuellenhass.html": 5,  # "5 top-level + 5 replies"
    "html_pl_energetyka24_gaz-rosja.html": 3,  # "3 top-level + 3 replies"
    "html_ru_dataworld_payeer.html": 24,  # 24 depth-1 items in the markup; 17 replies, 14 of them by the admin
}

# Page furniture in the samples' languages: none of it is text of the article or of a comment.
FURNITURE = {
    "reply", "reply with quote", "post reply", "répondre", "antworten", "antworte", "ответить", "odpowiedz",
    "responder", "log in", "login", "sign in", "se connecter", "anmelden", "войти", "zaloguj się", "iniciar sesión",
    "leave a reply", "laisser un commentaire", "kommentar hinzufügen", "comentar", "enviar", "share", "partager",
    "teilen", "поделиться", "udostępnij", "load more", "загрузить ещё комментарии", "показать ещё", "twitter",
    "facebook", "permalink", "permanenter link", "aufklappen", "submit", "publier le commentaire",
}  # fmt: skip
MARKUP = ("<div", "<p>", "</p>", "<script", "<span", "<br", "function(", "document.")


@pytest.fixture(scope="module", params=LABELS, ids=[str(row["file"]) for row in LABELS])
def sample(request: pytest.FixtureRequest) -> tuple[dict[str, object], ThreadFile]:
    label = request.param
    return label, read_thread(WEB_SAMPLES / str(label["file"]))


def test_title_without_site_suffix(sample: tuple[dict[str, object], ThreadFile]) -> None:
    label, read = sample
    assert read.thread.title == label["article_title"]
    assert read.thread.source_format == "html"


def test_every_comment_and_the_first_author(sample: tuple[dict[str, object], ThreadFile]) -> None:
    label, read = sample
    comments = [post for post in read.thread.posts if post.kind == "comment"]
    assert len(comments) == label["n_comments"]
    assert (comments[0].author if comments else None) == label["first_comment_author"]


def test_reply_tree_where_the_notes_count_it(sample: tuple[dict[str, object], ThreadFile]) -> None:
    label, read = sample
    comments = [post for post in read.thread.posts if post.kind == "comment"]
    ids = {post.id for post in comments}
    assert all(post.parent is None or post.parent in ids for post in comments)
    if (expected := TOP_LEVEL.get(str(label["file"]))) is not None:
        assert sum(post.parent is None for post in comments) == expected


def test_no_furniture_or_markup_in_any_block(sample: tuple[dict[str, object], ThreadFile]) -> None:
    _, read = sample
    for post, block in read.thread.blocks():
        assert block.text.strip().lower() not in FURNITURE, (post.id, block.text)
        assert not any(mark in block.text for mark in MARKUP), (post.id, block.text)
        if block.kind == "code":  # a program's lines keep their indentation, nothing else
            assert block.text.strip() and block.text == block.text.rstrip(), (post.id, block.text)
        else:
            assert block.text == " ".join(block.text.split()), (post.id, block.text)


def test_comments_have_authors(sample: tuple[dict[str, object], ThreadFile]) -> None:
    _, read = sample
    comments = [post for post in read.thread.posts if post.kind == "comment"]
    assert all(post.author for post in comments if not post.deleted)


@pytest.mark.parametrize(
    ("file", "encoding"),
    [
        ("html_ru_pikabu_beregite-prirodu.html", "cp1251"),  # declared windows-1251, no BOM
        ("html_ru_dataworld_payeer.html", "utf-8"),  # declared UTF-8 twice (http-equiv and meta charset)
        ("html_en_redflagdeals_fashion-pet-peeves.html", "utf-8"),  # unquoted `charset=utf-8`
    ],
)
def test_declared_charsets(file: str, encoding: str) -> None:
    read = read_thread(WEB_SAMPLES / file)
    assert read.encoding == encoding
    assert not any("\ufffd" in block.text for _, block in read.thread.blocks())


def test_lazily_loaded_comments_are_reported_not_refused() -> None:
    read = read_thread(WEB_SAMPLES / "html_ru_disqus-embed_hisilicon.html")
    assert any("75 comments" in warning and "holds 50" in warning for warning in read.warnings)


def test_a_page_saved_as_txt_is_sniffed_as_html(tmp_path: Path) -> None:
    # The source repository keeps this page as `.txt`: the content decides, not the extension.
    page = tmp_path / "redflagdeals-phpbb.txt"
    page.write_bytes((WEB_SAMPLES / "html_en_redflagdeals_fashion-pet-peeves.html").read_bytes())
    read = read_thread(page)
    assert read.thread.source_format == "html"
    assert read.thread.posts[0].author == "unshavenyak"  # the opening post is the article


def test_short_story_body_is_its_text_only() -> None:
    # pikabu: the story's rating ("37"), its title and its tag list sit in the story's box around two lines of
    # text; none of them is the article's text.
    article = read_thread(WEB_SAMPLES / "html_ru_pikabu_beregite-prirodu.html").thread.posts[0]
    body = [block.text for block in article.blocks if block.kind != "title"]
    assert body[0].startswith("А вот действительно.")
    assert "БМ ругался на картинку." in body
    assert not any(text in block for block in body for text in ("37", "Берегите природу", "забота", "комментари"))
    # The story's box names its writer and time; a side box's "best comment" from another story is older, and
    # the line under the story ("Пост ещё не редактировался", kept from search engines) is no part of it.
    assert article.author == "Gendosych"
    assert article.date == datetime(2018, 4, 24, 10, 30)
    assert body[-1] == "БМ ругался на картинку."


def test_a_page_cut_short_is_read_as_far_as_it_goes_and_said_to_be_cut(tmp_path: Path) -> None:
    # A copy cut mid-article was warned of as a text that "loads by script"; it is now said to be cut short.
    whole = (WEB_SAMPLES / "html_fr_regards_macronie-enquetes.html").read_bytes()
    page = tmp_path / "cut.html"
    cut = whole[: whole.index(b"<p", len(whole) // 4) + 20]  # inside a paragraph, as a transfer stops
    page.write_bytes(cut)
    read = read_thread(page)
    assert [warning.split(": ", 1)[1].split(" (")[0] for warning in read.warnings] == [
        "the file ends before the page does"
    ]
    complete = read_thread(WEB_SAMPLES / "html_fr_regards_macronie-enquetes.html")
    assert 0 < len(read.thread.posts[0].blocks) <= len(complete.thread.posts[0].blocks)
    assert not any("cut short" in warning for warning in complete.warnings)


def test_a_page_cut_before_its_text_says_so_in_its_warning(tmp_path: Path) -> None:
    whole = (WEB_SAMPLES / "html_es_granma_dirigir-cuba.html").read_bytes()
    page = tmp_path / "cut.html"
    page.write_bytes(whole[: len(whole) // 20])
    read = read_thread(page)
    assert any("it looks cut short" in warning for warning in read.warnings)
    assert not any("loads by script" in warning for warning in read.warnings)


def test_a_page_that_leaves_out_its_closing_tags_is_not_cut_short(tmp_path: Path) -> None:
    # HTML lets a page leave out `</body></html>`: one that ends after a tag is whole.
    whole = (WEB_SAMPLES / "html_de_hpd_homosexuellenhass.html").read_text(encoding="utf-8")
    page = tmp_path / "open.html"
    page.write_text(whole.replace("</body>", "").replace("</html>", ""), encoding="utf-8")
    assert not any("cut short" in warning for warning in read_thread(page).warnings)
