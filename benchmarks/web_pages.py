"""Tallies how well the saved-page reader finds articles and comments on real pages kept outside the project.

Two sources, both read where they lie (nothing is copied into the project):
- ../shared/samples/web (MANIFEST.jsonl labels): per page, whether the title, the number of comments and
  the first comment's author match.
- a labelled set of saved pages given with --eval (a folder holding `evaldata.json` and the pages under
  `eval/` or `cache/`, in the layout of trafilatura's test set: per page address, a `file`, `with` snippets
  of the main text and `without` snippets of furniture). Counted:
  - article recall: the share of `with` snippets found in the article (title and blocks), spaces collapsed;
  - noise: the share of `without` snippets found in the article;
  - wrong comments: comments that hold a `with` snippet of the main text (the article, or part of it, read
    as a comment) plus comments with no text that nothing answers (an empty box taken for a comment);
  - comments: all comments read, and the pages that have any; of the `comments` snippets the labels give
    (a few words of some comments, on 142 pages), those found in the comments read;
  - writers: of the pages whose label names the article's writers, those whose writers we read (any order,
    case and punctuation aside), and those we read exactly as labelled (the names as written: "R.C. Baker",
    "happyface313"; a labelled list joined with "; ");
  - titles and dates: of the pages whose label states them, those whose title we read exactly (runs of white
    space aside) and whose publication day is the labelled one.
  - sites named: the pages whose site's name we read (no label to judge it by: `--jsonl` lists them).
- news pages with their article's text given whole (--bodies: a folder holding `ground-truth.json`, per page
  key its `articleBody`, and the pages as `html/KEY.html`, in the layout of scrapinghub's
  article-extraction-benchmark, unzipped): the article recall is the mean over pages of the share of the
  text's word 4-grams that the article's blocks (the title left out) hold; every comment read there is listed
  (those pages show few or none: each is to be judged by eye).
- pages whose comments are labelled whole (--comments DIR: a folder holding `input/NAME.html` and
  `GoldStandard/NAME.txt`, in the layout of dragnet's data as html-cleaning-dataset-merged keeps it: the page's
  main text, then a line `!@#$%^&*()  COMMENTS`, then the comments' text, their writers' and dates' lines among
  it). Over the pages whose label holds comments: the comment recall, the mean share of the labelled comments'
  word 4-grams (case aside) that the comments read hold (the header lines we read as fields, not text, cap
  it below 1); the comment precision, the mean share of the comments' 4-grams read that the label holds, over
  the pages where any were read; the pages where none were read (listed). Over the pages whose label holds
  none: those where comments were read (the labels leave some real comments out, so these are to be judged
  by eye).
- pages labelled by a marked copy of each (--marked DIR: `input/NAME.html` and `GoldStandard/NAME.txt`, the page
  with every box classed by what it holds, in the layout of L3S-GN1 as html-cleaning-dataset-merged keeps it;
  see marked_pages.py): the article's recall of the marked text and its precision against the marked
  headline, text and supplement (4-grams, means over pages), the titles read as marked, and over the pages with
  comments marked, the comment recall and the pages where none were read.
- pages labelled by their text cleaned by hand (--cleaned DIR...: `input/NAME.html` and `GoldStandard/NAME.txt`
  in CleanEval's format, see cleaned_pages.py): per set, the recall and precision of the text's word 4-grams
  by the thread's text, its article's and comments' (the labels keep a page's comments and a forum's posts as its
  text); means over pages, a page labelled as an index (no article) counted apart.
- other extractors' labelled test pages (--labelled DIR...: each folder is, or holds below it, a set in the
  layout of goose3's, newspaper's or newspaper4k's test data, told apart by its files: see labelled_pages.py;
  give a suite's fetched `tests` folder or the data folders themselves). Per set: the titles read exactly as
  labelled (runs of white space aside), of the pages whose label states one; the writers read as labelled
  (any order, case and punctuation aside), of the pages whose label names writers; the article recall, the
  mean over pages of the share of the labelled text's word 4-grams that the article's blocks (the title left
  out) hold (goose3 labels only the text's start). Titles read otherwise and recalls under one half are listed.
Run: .venv/bin/python benchmarks/web_pages.py [--eval DIR] [--bodies DIR] [--comments DIR] [--marked DIR]
[--cleaned DIR...] [--labelled DIR...] [--pages N] [--jsonl per-page.jsonl]
The last line printed is one JSON object of the figures (a labelled or cleaned set's under `labelled` or
`cleaned`, by its folder).
"""

from __future__ import annotations

import argparse
import json
import signal
import sys
import time
from pathlib import Path
from types import FrameType
from typing import Any

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))

from cleaned_pages import cleaned_figures, cleaned_text, score_cleaned  # noqa: E402
from labelled_pages import (  # noqa: E402
    find_sets,
    flat,
    labelled_pages,
    same_title,
    same_writers,
    score_page,
    set_figures,
    shingle_recall,
)
from marked_pages import marked_figures, marked_text, score_marked  # noqa: E402

from translator.errors import TranslatorError  # noqa: E402
from translator.models import Thread  # noqa: E402
from translator.readers import read_thread  # noqa: E402

SAMPLES = REPO.parent / "shared" / "samples" / "web"
PAGE_SECONDS = 60
LOW_RECALL = 0.5
"""A labelled page whose article recall is under this is listed."""


class PageTimeout(Exception):
    """A page took longer than PAGE_SECONDS to read."""


def _alarm(signum: int, frame: FrameType | None) -> None:
    raise PageTimeout


def article_text(thread: Thread) -> str:
    article = [post for post in thread.posts if post.kind == "article"]
    return flat(" ".join([thread.title or ""] + [block.text for post in article for block in post.blocks]))


def comment_text(thread: Thread) -> str:
    """The comments' text, flattened as the labels' snippets are."""
    return flat(" ".join(block.text for post in thread.posts if post.kind == "comment" for block in post.blocks))


def wrong_comments(thread: Thread, snippets: list[str]) -> list[str]:
    """Ids of comments that hold main text, or that have no text and no reply."""
    answered = {post.parent for post in thread.posts if post.parent}
    wrong = []
    for post in thread.posts:
        if post.kind != "comment":
            continue
        text = flat(" ".join(block.text for block in post.blocks))
        if (not text and post.id not in answered) or any(flat(s) in text for s in snippets if flat(s)):
            wrong.append(post.id)
    return wrong


def read(path: Path) -> Thread | str:
    signal.alarm(PAGE_SECONDS)
    try:
        return read_thread(path).thread
    except TranslatorError as error:
        return f"refused: {error}"
    except PageTimeout:
        return "timeout"
    finally:
        signal.alarm(0)


def sample_rows() -> list[dict[str, Any]]:
    rows = []
    for line in (SAMPLES / "MANIFEST.jsonl").read_text(encoding="utf-8").splitlines():
        label = json.loads(line) if line.strip() else None
        if not label or label["format"] != "html":
            continue
        thread = read(SAMPLES / label["file"])
        if isinstance(thread, str):
            rows.append({"file": label["file"], "ok": False, "error": thread})
            continue
        comments = [post for post in thread.posts if post.kind == "comment"]
        first = comments[0].author if comments else None
        ok = (thread.title, len(comments), first) == (
            label["article_title"],
            label["n_comments"],
            label["first_comment_author"],
        )
        rows.append({"file": label["file"], "ok": ok, "comments": len(comments), "first": first})
    return rows


def as_byline(label: str | list[str]) -> str:
    """A labelled writer or list of writers as our reader writes a byline ("A; B")."""
    return label if isinstance(label, str) else "; ".join(label)


def eval_rows(folder: Path, pages: int | None) -> list[dict[str, Any]]:
    data = json.loads((folder / "evaldata.json").read_text(encoding="utf-8"))
    rows = []
    for url, entry in list(data.items())[:pages]:
        pages_here = (folder / sub / entry["file"] for sub in ("eval", "cache"))
        page = next((candidate for candidate in pages_here if candidate.is_file()), None)
        if page is None:
            continue
        with_, without = entry.get("with", []), entry.get("without", [])
        thread = read(page)
        if isinstance(thread, str):
            rows.append({"file": entry["file"], "url": url, "error": thread, "with": len(with_), "found": 0,
                         "without": len(without), "noise": 0, "comments": 0, "wrong": []})  # fmt: skip
            continue
        text = article_text(thread)
        rows.append(
            {
                "file": entry["file"],
                "url": url,
                "author_label": entry.get("author"),
                "author": thread.posts[0].author,
                "title_label": entry.get("title"),
                "title": thread.title,
                "date_label": entry.get("date"),
                "site": thread.site,
                "published": thread.published.isoformat() if thread.published else None,
                "with": len(with_),
                "found": sum(flat(s) in text for s in with_),
                "without": len(without),
                "noise": sum(flat(s) in text for s in without if flat(s)),
                "comments": sum(post.kind == "comment" for post in thread.posts),
                "wrong": wrong_comments(thread, with_),
                "comment_snippets": len(said := [flat(s) for s in entry.get("comments") or [] if flat(s)]),
                "comment_snippets_found": sum(snippet in comment_text(thread) for snippet in said),
            }
        )
    return rows


def body_rows(folder: Path, pages: int | None) -> list[dict[str, Any]]:
    truth = json.loads((folder / "ground-truth.json").read_text(encoding="utf-8"))
    rows = []
    for key, entry in list(truth.items())[:pages]:
        thread = read(folder / "html" / f"{key}.html")
        if isinstance(thread, str):
            rows.append({"file": key, "url": entry.get("url"), "error": thread, "recall": 0.0, "comments": []})
            continue
        article = [post for post in thread.posts if post.kind == "article"]
        text = " ".join(block.text for post in article for block in post.blocks if block.kind != "title")
        comments = [
            f"{post.id} {post.author!r}: {' '.join(block.text for block in post.blocks)[:80]}"
            for post in thread.posts
            if post.kind == "comment"
        ]
        recall = shingle_recall(entry.get("articleBody", ""), text)
        author = article[0].author if article else None
        rows.append({"file": key, "url": entry.get("url"), "recall": round(recall, 4), "author": author,
                     "site": thread.site, "comments": comments})  # fmt: skip
    return rows


COMMENTS_MARK = "!@#$%^&*()  COMMENTS"
"""Where a label's main text ends and its comments begin (dragnet's data)."""


def label_text(data: bytes) -> str:
    """A label file's text: UTF-16 where it starts with that encoding's mark (a few of dragnet's), else UTF-8."""
    if data[:2] in (b"\xff\xfe", b"\xfe\xff"):
        return data.decode("utf-16", errors="replace")
    return data.decode("utf-8", errors="replace")


def labelled_inputs(folder: Path, pages: int | None) -> list[tuple[Path, Path]]:
    """The (label, page) pairs of a set kept as html-cleaning-dataset-merged keeps them: `GoldStandard/NAME.txt`
    and `input/NAME.html`, a label without its page left out; the first `pages` labels only, when given."""
    labels = sorted((folder / "GoldStandard").glob("*.txt"))[:pages]
    return [(label, page) for label in labels if (page := folder / "input" / f"{label.stem}.html").is_file()]


def comment_rows(folder: Path, pages: int | None) -> list[dict[str, Any]]:
    """Each page of a comment-labelled set, read and scored against its label's comments."""
    rows = []
    for label, page in labelled_inputs(folder, pages):
        said = label_text(label.read_bytes()).partition(COMMENTS_MARK)[2]
        thread = read(page)
        row: dict[str, Any] = {"file": page.name, "labelled_words": len(said.split())}
        if isinstance(thread, str):
            rows.append(row | {"error": thread, "comments": 0, "recall": 0.0, "precision": None})
            continue
        comments = [post for post in thread.posts if post.kind == "comment"]
        wanted = said.casefold()
        got = " ".join(block.text for post in comments for block in post.blocks).casefold()
        rows.append(
            row
            | {
                "comments": len(comments),
                "writers": sum(post.author is not None for post in comments),
                "dates": sum(post.date is not None for post in comments),
                "recall": round(shingle_recall(wanted, got), 4),
                "precision": round(shingle_recall(got, wanted), 4) if comments else None,
            }
        )
    return rows


def comment_figures(rows: list[dict[str, Any]]) -> dict[str, Any]:
    said = [row for row in rows if row["labelled_words"]]
    read_any = [row for row in said if row["comments"]]
    return {
        "comment_pages": len(rows),
        "comment_pages_labelled": len(said),
        "comment_refused": sum("error" in row for row in rows),
        "comment_recall": round(sum(row["recall"] for row in said) / max(len(said), 1), 4),
        "comment_precision": round(sum(row["precision"] for row in read_any) / max(len(read_any), 1), 4),
        "comment_pages_missed": len(said) - len(read_any),
        "comments_read": sum(row["comments"] for row in said),
        "comment_writers": sum(row.get("writers", 0) for row in said),
        "comment_dates": sum(row.get("dates", 0) for row in said),
        "comments_where_none_labelled": sum(1 for row in rows if not row["labelled_words"] and row["comments"]),
    }


def marked_rows(folder: Path, pages: int | None) -> list[dict[str, Any]]:
    """Each page of a set labelled by marked copies (`marked_pages.py`), read and scored."""
    rows = []
    for label, page in labelled_inputs(folder, pages):
        row: dict[str, Any] = {"file": page.name}
        marked = marked_text(label.read_bytes())
        thread = read(page)
        if isinstance(thread, str):
            rows.append(row | {"error": thread, "comments": 0} | score_marked(marked, None, "", ""))
            continue
        article = " ".join(
            block.text
            for post in thread.posts
            if post.kind == "article"
            for block in post.blocks
            if block.kind != "title"
        )
        comments = [post for post in thread.posts if post.kind == "comment"]
        said = " ".join(block.text for post in comments for block in post.blocks)
        scores = score_marked(marked, thread.title, article, said)
        rows.append(row | scores | {"title": thread.title, "comments": len(comments)})
    return rows


def cleaned_rows(folder: Path, pages: int | None) -> list[dict[str, Any]]:
    """Each page of a set labelled by its cleaned text (`cleaned_pages.py`), read and scored."""
    rows = []
    for label, page in labelled_inputs(folder, pages):
        text = cleaned_text(label.read_bytes())
        if text is None:
            rows.append({"file": page.name, "no_article": True})
            continue
        thread = read(page)
        if isinstance(thread, str):
            rows.append({"file": page.name, "error": thread} | score_cleaned(text, ""))
            continue
        # CleanEval's labels keep a page's comments and a forum's posts as its text: the whole thread is scored.
        said = " ".join(block.text for post in thread.posts for block in post.blocks if block.kind != "title")
        rows.append({"file": page.name, "title": thread.title} | score_cleaned(text, said))
    return rows


def labelled_rows(folder: Path, pages: int | None) -> dict[str, list[dict[str, Any]]]:
    """Each labelled set's pages in a folder (by the set's folder, as given), read and scored."""
    sets: dict[str, list[dict[str, Any]]] = {}
    for found, layout in find_sets(folder):
        rows = []
        for label in labelled_pages(found, layout)[:pages]:
            thread = read(label.page)
            row: dict[str, Any] = {"set": str(found), "layout": layout, "file": str(label.page.relative_to(found)),
                                   "title_label": label.title, "writers_label": "; ".join(label.writers)}  # fmt: skip
            if isinstance(thread, str):
                rows.append(row | {"error": thread} | score_page(label, None, None, ""))
                continue
            article = [post for post in thread.posts if post.kind == "article"]
            text = " ".join(block.text for post in article for block in post.blocks if block.kind != "title")
            writers = article[0].author if article else None
            scores = score_page(label, thread.title, writers, text)
            rows.append(row | scores | {"title": thread.title, "writers": writers})
        if rows:
            sets[str(found)] = rows
    return sets


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--eval", type=Path, help="folder with evaldata.json and eval/, cache/ pages")
    parser.add_argument("--bodies", type=Path, help="folder with ground-truth.json and html/KEY.html pages")
    parser.add_argument("--comments", type=Path, help="folder with input/NAME.html and GoldStandard/NAME.txt")
    parser.add_argument("--marked", type=Path, help="folder with input/NAME.html and GoldStandard/NAME.txt, the "
                        "page marked by kind (L3S-GN1)")  # fmt: skip
    parser.add_argument("--cleaned", type=Path, nargs="+", default=[], help="folders with input/NAME.html and "
                        "GoldStandard/NAME.txt, the page's text cleaned by hand (CleanEval's format)")  # fmt: skip
    parser.add_argument("--labelled", type=Path, nargs="+", default=[], help="folders of goose3's, newspaper's, "
                        "newspaper4k's or readability's labelled test pages (or folders holding them)")  # fmt: skip
    parser.add_argument("--pages", type=int, default=None, help="only the first N labelled pages (of each set)")
    parser.add_argument("--jsonl", type=Path, help="write one line per page here")
    args = parser.parse_args()
    signal.signal(signal.SIGALRM, _alarm)
    started = time.process_time()
    samples = sample_rows()
    figures: dict[str, Any] = {"samples_ok": sum(row["ok"] for row in samples), "samples": len(samples)}
    for row in samples:
        if not row["ok"]:
            print("sample off:", json.dumps(row, ensure_ascii=False))
    rows: list[dict[str, Any]] = []
    if args.eval:
        rows = eval_rows(args.eval, args.pages)
        with_ = sum(row["with"] for row in rows)
        without = sum(row["without"] for row in rows)
        figures |= {
            "pages": len(rows),
            "refused": sum("error" in row for row in rows),
            "article_recall": round(sum(row["found"] for row in rows) / max(with_, 1), 4),
            "noise": round(sum(row["noise"] for row in rows) / max(without, 1), 4),
            "comments": sum(row["comments"] for row in rows),
            "pages_with_comments": sum(row["comments"] > 0 for row in rows),
            "comment_snippets": sum(row.get("comment_snippets", 0) for row in rows),
            "comment_snippets_found": sum(row.get("comment_snippets_found", 0) for row in rows),
            "wrong_comments": sum(len(row["wrong"]) for row in rows),
            "authors_labelled": len(with_writers := [row for row in rows if row.get("author_label")]),
            "authors_right": sum(same_writers(row["author"], row["author_label"]) for row in with_writers),
            "authors_exact": sum(row["author"] == as_byline(row["author_label"]) for row in with_writers),
            "sites_named": sum(bool(row.get("site")) for row in rows),
            "titles_labelled": len(with_titles := [row for row in rows if row.get("title_label")]),
            "titles_right": sum(same_title(row["title"], row["title_label"]) for row in with_titles),
            "dates_labelled": len(with_dates := [row for row in rows if row.get("date_label")]),
            "dates_right": sum((row["published"] or "")[:10] == row["date_label"] for row in with_dates),
        }
        for row in rows:
            if row["wrong"]:
                print("wrong comments:", row["file"], len(row["wrong"]), "of", row["comments"])
    bodies: list[dict[str, Any]] = []
    if args.bodies:
        bodies = body_rows(args.bodies, args.pages)
        figures |= {
            "body_pages": len(bodies),
            "body_refused": sum("error" in row for row in bodies),
            "body_recall": round(sum(row["recall"] for row in bodies) / max(len(bodies), 1), 4),
            "body_comments": sum(len(row["comments"]) for row in bodies),
        }
        for row in bodies:
            for comment in row["comments"]:
                print("comment on a news page:", row["url"], comment)
    commented: list[dict[str, Any]] = []
    if args.comments:
        commented = comment_rows(args.comments, args.pages)
        figures |= comment_figures(commented)
        for row in commented:
            if row["labelled_words"] and not row["comments"]:
                print("comments missed:", row["file"], row["labelled_words"], "words labelled", row.get("error", ""))
            elif not row["labelled_words"] and row["comments"]:
                print("comments where none labelled:", row["file"], row["comments"])
    marked: list[dict[str, Any]] = []
    if args.marked:
        marked = marked_rows(args.marked, args.pages)
        figures |= marked_figures(marked)
        for row in marked:
            if row.get("error"):
                print("marked page refused:", row["file"], row["error"])
            elif row["title_right"] is False:
                print("title off:", row["file"], json.dumps([row["title"], row["headline_label"]], ensure_ascii=False))
            if row.get("comment_recall") is not None and not row["comments"]:
                print("comments missed:", row["file"], row["comment_words"], "words marked")
    cleaned: list[dict[str, Any]] = []
    if args.cleaned:
        figures["cleaned"] = {}
        for folder in args.cleaned:
            set_rows = cleaned_rows(folder, args.pages)
            cleaned += set_rows
            figures["cleaned"][str(folder)] = cleaned_figures(set_rows)
            for row in set_rows:
                if row.get("error"):
                    print("cleaned page refused:", row["file"], row["error"])
                elif row.get("recall") is not None and row["recall"] < LOW_RECALL:
                    print("article recall low:", row["file"], row["recall"])
    labelled: list[dict[str, Any]] = []
    if args.labelled:
        figures["labelled"] = {}
        for folder in args.labelled:
            for name, set_rows in labelled_rows(folder, args.pages).items():
                labelled += set_rows
                figures["labelled"][name] = got = set_figures(set_rows)
                for row in set_rows:
                    if row["title_right"] is False:
                        print("title off:", row["file"], json.dumps([row.get("title"), row["title_label"]]))
                    if row["recall"] is not None and row["recall"] < LOW_RECALL:
                        print("article recall low:", row["file"], row["recall"], row.get("error", ""))
                print(
                    f"labelled set {name} ({set_rows[0]['layout']}): {got['pages']} pages, {got['refused']} refused;"
                    f" titles {got['titles_right']} of {got['titles_labelled']}, writers {got['writers_right']} of"
                    f" {got['writers_labelled']}, article recall {got['article_recall']} over {got['texts_labelled']}"
                )
    if args.jsonl:
        lines = [
            json.dumps(row, ensure_ascii=False) + "\n"
            for row in samples + rows + bodies + commented + marked + cleaned + labelled
        ]
        args.jsonl.write_text("".join(lines))
    figures["cpu_s"] = round(time.process_time() - started, 1)
    print(json.dumps(figures))
    return 0


if __name__ == "__main__":
    sys.exit(main())
