"""The human view of `translator inspect`: a thread as a readable tree, replies nested under the post they
answer, quotes under their author."""

from __future__ import annotations

from collections import Counter
from typing import TYPE_CHECKING

from cli.options import counted
from translator.detect.detector import is_low_confidence
from translator.display import date_text, visible, visible_line
from translator.models import Block, Post, Thread

if TYPE_CHECKING:
    from rich.console import Console
    from rich.tree import Tree


def post_label(post: Post) -> str:
    """One line about a post: id, author and role, date, votes, shares."""
    parts = [post.id]
    author = post.author or "unknown author"
    parts.append(f"{author} ({post.role})" if post.role else author)
    parts.append(date_text(post.date) if post.date else "no date")
    if post.votes:
        parts.append(f"+{post.votes.up} -{post.votes.down}")
    if post.shares is not None:
        parts.append(f"{post.shares} shares")
    if post.lang:
        parts.append(f"lang {post.lang}")
    if post.deleted:
        parts.append("deleted")
    return " · ".join(visible_line(part) for part in parts)


def block_label(block: Block) -> str:
    """The id, kind and language of a block (with confidence and where it came from), on one line: an id is
    data, its line breaks and escape sequences shown, never acted on."""
    label = f"{visible_line(block.id)} · {block.kind}"
    if block.lang:
        confidence = f" {block.lang_confidence:.2f}" if block.lang_confidence is not None else ""
        source = f" ({block.lang_source})" if block.lang_source and block.lang_source != "detected" else ""
        label += f" · {block.lang}{confidence}{source}"
    if is_low_confidence(block):
        label += " · LOW CONFIDENCE, check the language"
    return label


def language_summary(thread: Thread) -> str:
    """`fr 40 blocks, en 2, und 1; 1 to check`: what detection found, most common first."""
    counts = Counter(block.lang or "?" for _, block in thread.blocks())
    parts = [f"{lang} {count}" for lang, count in counts.most_common()]
    low = sum(1 for _, block in thread.blocks() if is_low_confidence(block))
    return f"language {thread.lang}: " + ", ".join(parts) + (f"; {low} to check" if low else "")


def build_tree(thread: Thread) -> Tree:
    """The rich tree of a thread; all thread text goes in as plain Text, never as markup."""
    from rich.text import Text
    from rich.tree import Tree

    block_count = sum(len(post.blocks) for post in thread.posts)
    heading = Text(visible_line(thread.title) or "(untitled)", style="bold")
    sizes = f"{counted(len(thread.posts), 'post')} · {counted(block_count, 'block')}"
    heading.append(f"\n{thread.source_format} · {sizes}", style="dim")
    if thread.lang:
        heading.append(f" · {language_summary(thread)}", style="dim")
    tree = Tree(heading)
    parents: list[Tree] = [tree]  # parents[d]: where a post of reply depth d goes
    for post, depth in thread.threaded():
        post_node = parents[min(depth, len(parents) - 1)].add(Text(post_label(post), style="bold cyan"))
        parents[depth + 1 :] = [post_node]
        quote_node: Tree | None = None
        quote_key: tuple[str | None, str | None] | None = None
        for block in post.blocks:
            line = Text(block_label(block), style="bold yellow" if is_low_confidence(block) else "dim")
            line.append("\n")
            line.append(visible(block.text), style="italic" if block.kind == "quote" else "")
            if block.kind != "quote":
                quote_node, quote_key = None, None
                post_node.add(line)
                continue
            key = (block.quoted_author, block.quote_extent)
            if quote_node is None or key != quote_key:
                who = visible_line(block.quoted_author or "someone")
                extent = f", extent {block.quote_extent}" if block.quote_extent else ""
                quote_node = post_node.add(Text(f"quote from {who}{extent}", style="magenta"))
                quote_key = key
            quote_node.add(line)
    return tree


def print_thread(thread: Thread, console: Console | None = None) -> None:
    """Print the tree of a thread to the console (stdout by default)."""
    from cli.diagnostics import output_console
    from cli.linear_tree import LinearTree

    (console or output_console(highlight=False)).print(LinearTree(build_tree(thread)))
