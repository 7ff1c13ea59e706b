"""A rich Tree drawn exactly as rich draws it, in time linear in its text: rich wraps every label word by
word through several layers of objects, which was most of `inspect`'s time on a big thread (5 s of 10 s for
20,000 posts)."""

from __future__ import annotations

import itertools
import re
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from rich.console import Console, ConsoleOptions, RenderResult
    from rich.segment import Segment
    from rich.style import Style
    from rich.text import Text
    from rich.tree import Tree

ONE_CELL_EACH = frozenset(
    chr(code)
    for first, last in (
        (0x20, 0x7E),  # ASCII
        (0xA0, 0xAC),  # Latin-1 (not the soft hyphen, which takes no cell)
        (0xAE, 0x2FF),  # Latin-1 and Latin extended, spacing modifiers
        (0x370, 0x482),  # Greek and Cyrillic (not the combining marks after)
        (0x2010, 0x2027),  # dashes, quotes, bullets, ellipsis
        (0x202F, 0x202F),  # the narrow no-break space of French typography
        (0x2030, 0x205E),  # per mille, primes, angle quotes
        (0x20A0, 0x20C0),  # currency signs
        (0x27E6, 0x27EF),  # mathematical brackets (the glossary's placeholders: ⟦T1⟧)
    )
    for code in range(first, last + 1)
)
"""Characters one terminal cell wide each whatever their neighbours: a text of these is as many cells wide
as it has characters (tests/test_linear_tree.py checks each against rich's own measure)."""
NOT_PLAIN = frozenset("\t\u200d\ufe0f")
"""Characters rich does more with than measure: tabs (expanded), the zero-width joiner and the emoji
variation selector (which change the width of what they join)."""
WORD = re.compile(r"\s*\S+\s*")
"""A word as rich wraps text: the word, the spaces before it at the start of a line, the spaces after."""


class LinearTree:
    """A rich Tree drawn as rich draws it (the same guides, wrapping and styles, byte for byte): each label
    is cut into lines straight from its text and styles where every line has one style, wrapped here where
    its characters are one cell wide each; any other label goes through rich's own rendering."""

    def __init__(self, tree: Tree) -> None:
        self.tree = tree

    def __rich_console__(self, console: Console, options: ConsoleOptions) -> RenderResult:
        from rich.segment import Segment
        from rich.tree import Tree

        space, through, fork, last_fork = Tree.ASCII_GUIDES if options.ascii_only else Tree.TREE_GUIDES[0]
        new_line = Segment.line()
        styles: dict[tuple[object, ...], Style] = {}
        # (node, guides of its ancestors, whether it is its parent's last child, depth); depth 0: the root.
        pending: list[tuple[Tree, str, bool, int]] = [(self.tree, "", True, 0)]
        while pending:
            node, above, last, depth = pending.pop()
            lines = label_lines(console, options, node.label, options.max_width - len(space) * depth, styles)
            for number, line in enumerate(lines):
                if depth:
                    yield Segment(
                        above + ((last_fork if last else fork) if number == 0 else (space if last else through))
                    )
                yield from line
                yield new_line
            below = above + (space if last else through) if depth else ""
            children = node.children if node.expanded else []
            pending.extend(
                (child, below, index == len(children) - 1, depth + 1)
                for index, child in reversed(list(enumerate(children)))
            )


def label_lines(
    console: Console, options: ConsoleOptions, label: object, width: int, styles: dict[tuple[object, ...], Style]
) -> list[list[Segment]]:
    """The lines of a tree label at a width, as rich's Tree renders them: a line that fits is kept as it is,
    a line of one style and of one-cell characters is wrapped as rich wraps it; any other label goes through
    rich's own rendering."""
    from rich.cells import cell_len
    from rich.segment import Segment
    from rich.text import Text

    if isinstance(label, Text) and width > 0 and wraps_plainly(label, options):
        lines: list[list[Segment]] = []
        for line in styled_lines(console, label, styles):
            text = "".join(segment.text for segment in line)
            if len(text) <= width and cell_len(text) <= width:
                lines.append(line)
            elif len(line) == 1 and ONE_CELL_EACH.issuperset(text):
                lines.extend([Segment(piece, line[0].style)] for piece in wrap_one_cell_text(text, width))
            else:
                break
        else:
            return lines
    return console.render_lines(
        label,  # type: ignore[arg-type]
        options.update(width=width, highlight=False, height=None),
        pad=options.justify is not None,
    )


def wraps_plainly(label: Text, options: ConsoleOptions) -> bool:
    """Whether rich would only wrap a label's lines (fold words longer than a line, crop trailing spaces):
    no tabs to expand, no justification, no other overflow rule, no character whose width depends on its
    neighbours."""
    return (
        label.justify is None
        and options.justify is None
        and (label.overflow or options.overflow or "fold") == "fold"
        and not label.no_wrap
        and not options.no_wrap
        and label.end == "\n"
        and NOT_PLAIN.isdisjoint(label.plain)
    )


def styled_lines(console: Console, label: Text, styles: dict[tuple[object, ...], Style]) -> list[list[Segment]]:
    """A label's lines as styled segments, before wrapping, as rich renders them (each line of a label is
    given the label's style, then its spans, in order). A line under one style is one segment, made here;
    a label with a style changing inside a line is rendered by rich."""
    from rich.segment import Segment
    from rich.style import Style
    from rich.text import Text

    lines: list[list[Segment]] = []
    start = 0
    for text in label.plain.split("\n"):
        end = start + len(text)
        names: list[object] = [label.style] if label.style else []
        for span in label.spans:
            if span.start <= start and end <= span.end:
                names.append(span.style)
            elif span.start < end and start < span.end:
                return list(Segment.split_lines(Text().join([label]).render(console, end="\n")))
        key = tuple(names)
        if key not in styles:
            found = [console.get_style(name, default=Style.null()) for name in names]  # type: ignore[arg-type]
            styles[key] = Style.combine([Style.null(), *found])
        lines.append([Segment(text, styles[key] or None)] if text else [])
        start = end + 1
    return lines


def wrap_one_cell_text(text: str, width: int) -> list[str]:
    """A line of one-cell characters wrapped at a width as rich wraps it: greedily by words (the spaces
    after a word may pass the edge), a word longer than a line folded, trailing spaces past the edge
    cropped."""
    breaks: list[int] = []
    used = 0
    for word in WORD.finditer(text):
        start, end = word.span()
        size = len(word.group().rstrip())
        if width - used >= size:
            used += end - start
        elif size > width:
            breaks.extend(chunk for chunk in range(start, end, width) if chunk)
            used = (end - start - 1) % width + 1
        elif used and start:
            breaks.append(start)
            used = end - start
    pieces = []
    for start, end in itertools.pairwise([0, *breaks, len(text)]):
        piece = text[start:end]
        if len(piece) > width:
            spaces = len(piece) - len(piece.rstrip())
            piece = piece[: len(piece) - min(spaces, len(piece) - width)][:width]
        pieces.append(piece)
    return pieces
