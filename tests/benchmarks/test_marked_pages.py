"""Pages labelled by a marked copy of each (L3S-GN1's layout): the marked text read by kind, and a reading scored
against it (the benchmark's pure parts, on a marked page of our own)."""

from __future__ import annotations

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[2] / "benchmarks"))

from marked_pages import marked_figures, marked_text, score_marked

MARKED = """<?xml version="1.0" encoding="utf-8"?><html><head><title>Ferry fares</title>
<style>.x-nc-sel2 { color: black }</style></head><body><div class="x-nc-sel0">Home | News | Sport
<span class="x-nc-sel1">Ferry fares rise again</span> <!-- a note --> menu end</div>
<div class="x-nc-sel2"><p>The island's ferry will cost more from May, the operator said on Monday.</p>
<p>Day tickets rise by a fifth, <b>season tickets</b> by a tenth.</p><script>var x = "no text";</script></div>
<div class="x-nc-sel4"><a href="/other">Bridge plan shelved</a></div>
<div class="x-nc-sel5"><p>Anna: Another rise, and the boat is still late every other day of the week, I would say.</p>
<p>Ben: Season tickets were cheaper on the old boat, and it left on time, as far as I remember it.</p></div>
</body></html>"""


def test_the_text_of_each_kind_is_read_from_the_nearest_marked_box() -> None:
    marked = marked_text(MARKED.encode("utf-8"))
    assert marked["headline"] == "Ferry fares rise again"
    assert marked["text"] == (
        "The island's ferry will cost more from May, the operator said on Monday. Day tickets rise by a fifth, "
        "season tickets by a tenth."
    )  # the script's text is none, the bold words stay in their sentence
    assert marked["other"].startswith("Home | News | Sport")
    assert marked["other"].endswith("menu end")  # the text after the headline's box and a markup comment
    assert marked["related"] == "Bridge plan shelved"
    assert marked["comments"].startswith("Anna: Another rise")
    assert marked["supplement"] == ""


def test_a_copy_in_windows_1252_is_read() -> None:
    page = '<html><body><p class="x-nc-sel1">Caf\xe9 closes</p></body></html>'.encode("cp1252")
    assert marked_text(page)["headline"] == "Café closes"


def test_a_reading_is_scored_against_the_marks() -> None:
    marked = marked_text(MARKED.encode("utf-8"))
    text = marked["text"]
    right = score_marked(marked, "Ferry fares rise again", text, marked["comments"])
    assert (right["recall"], right["precision"], right["title_right"], right["comment_recall"]) == (1.0, 1.0, True, 1.0)
    noisy = score_marked(marked, "Ferry fares", f"{text} Home News Sport Bridge plan shelved today", "")
    assert noisy["recall"] == 1.0
    assert 0.5 < noisy["precision"] < 1.0  # the menu and the related story's link are none of the story
    assert noisy["title_right"] is False
    assert noisy["comment_recall"] == 0.0
    uncommented = {**marked, "comments": "Be the first"}  # a prompt, not comments
    assert score_marked(uncommented, None, text, "")["comment_recall"] is None


def test_a_sets_figures() -> None:
    marked = marked_text(MARKED.encode("utf-8"))
    rows = [
        score_marked(marked, "Ferry fares rise again", marked["text"], marked["comments"]) | {"comments": 2},
        score_marked(marked, "Ferries", marked["text"], "") | {"comments": 0},
        {"error": "no text", "comments": 0} | score_marked(marked, None, "", ""),
    ]
    figures = marked_figures(rows)
    assert figures["marked_pages"] == 3
    assert figures["marked_refused"] == 1
    assert figures["marked_recall"] == round(2 / 3, 4)  # the refused page read none of the text
    assert figures["marked_titles_right"] == 1
    assert figures["marked_titles"] == 3
    assert figures["marked_commented"] == 3
    assert figures["marked_comment_pages_missed"] == 2
    assert figures["marked_comments_where_none"] == 0
