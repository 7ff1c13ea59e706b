"""`translator inspect` on saved web pages: golden JSON, sniffing whatever the extension, forcing, one-line errors."""

from __future__ import annotations

import json
from pathlib import Path

from tests.conftest import run_cli
from tests.golden_files import assert_golden

PAGES = Path(__file__).resolve().parent / "data" / "html"


def test_inspect_json_of_a_wordpress_page_is_golden() -> None:
    result = run_cli("inspect", str(PAGES / "wordpress.html"), "--json")
    assert result.code == 0, result.stderr
    assert_golden("wordpress-page.inspect.json", result.stdout)
    document = json.loads(result.stdout)
    assert document["source_format"] == "html"
    assert [post["parent"] for post in document["posts"]] == [None, None, "c1", None, None]


def test_a_page_with_another_extension_is_read_as_a_page(tmp_path: Path) -> None:
    page = tmp_path / "thread.txt"
    page.write_bytes((PAGES / "phpbb.html").read_bytes())
    result = run_cli("inspect", str(page), "--json")
    assert result.code == 0, result.stderr
    assert json.loads(result.stdout)["source_format"] == "html"


def test_format_html_forces_the_page_reader(tmp_path: Path) -> None:
    page = tmp_path / "fragment.md"
    page.write_text("<p>First paragraph.</p><p>Second paragraph.</p>", encoding="utf-8")
    assert json.loads(run_cli("inspect", str(page), "--json").stdout)["source_format"] == "text"
    result = run_cli("inspect", str(page), "--json", "--format", "html")
    assert result.code == 0, result.stderr
    texts = [block["text"] for post in json.loads(result.stdout)["posts"] for block in post["blocks"]]
    assert texts == ["First paragraph.", "Second paragraph."]


def test_a_page_without_text_is_one_line_and_exit_1(tmp_path: Path) -> None:
    page = tmp_path / "empty.html"
    page.write_text("<!DOCTYPE html><html><head><title>x</title></head><body><nav>Home</nav></body></html>")
    result = run_cli("inspect", str(page))
    assert result.code == 1
    assert "no article text or comments found in this web page" in result.stderr
    assert len(result.stderr.strip().splitlines()) == 1 and "Traceback" not in result.stderr


def test_warning_for_comments_that_load_by_script() -> None:
    result = run_cli("inspect", str(PAGES / "disqus-placeholder.html"))
    assert result.code == 0, result.stderr
    assert "they load by script (Disqus)" in result.stdout + result.stderr
