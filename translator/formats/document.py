"""Readable documents of a translated thread: Markdown and HTML, translation alone or side by side.

Thread text is data: Markdown escapes every character that could be read as markup, HTML escapes
everything, and control characters are written as visible escapes. A line break inside any field
cannot end the construct it is in (a heading, a quote, a table row) nor start another.
"""

from __future__ import annotations

import html
import re
from collections.abc import Iterator

from translator.display import date_text, visible
from translator.models import Post, TranslatedThread, TranslationUnit

# Characters that start markup anywhere in a line, and constructs that start it at the line start only.
MARKDOWN_INLINE = re.compile(r"([\\`*_\[\]<>|~])")
MARKDOWN_LINE_START = re.compile(r"^(\s*)([#>+=-])")
MARKDOWN_LIST_NUMBER = re.compile(r"^(\s*\d+)([.)])")
BACKTICKS = re.compile(r"`+")


def md_escape(text: str, continuation: str | None = None) -> str:
    """Text that Markdown shows literally (and that stays readable as plain text). Each of its lines is
    escaped on its own, blank ones dropped; with no `continuation` (a heading, a table cell) they are
    joined with spaces, else with hard line breaks, each next line starting with `continuation` (`> `
    inside a quote, "" in a paragraph), so no line break can end the construct or start another."""
    lines = [_md_line(line) for line in visible(text).split("\n")]
    separator = " " if continuation is None else "\\\n" + continuation
    return separator.join(line for line in lines if line)


def _md_line(line: str) -> str:
    escaped = MARKDOWN_INLINE.sub(r"\\\1", line.strip())
    escaped = MARKDOWN_LINE_START.sub(lambda m: m.group(1) + "\\" + m.group(2), escaped)
    return MARKDOWN_LIST_NUMBER.sub(lambda m: m.group(1) + "\\" + m.group(2), escaped)


def md_code(texts: list[str]) -> list[str]:
    """Lines of a program as a fenced block, shown as written: its fence is longer than any run of backticks
    in them, so no line can close it."""
    body = [line for text in texts for line in visible(text).split("\n")]
    longest = max((len(run) for line in body for run in BACKTICKS.findall(line)), default=0)
    fence = "`" * max(3, longest + 1)
    return [fence, *body, fence, ""]


def post_heading(post: Post) -> str:
    """`Jon Shannow (Membre actif) · 2024-10-28 09:26 · +11 -4`."""
    parts = [f"{post.author} ({post.role})" if post.role else post.author or "Unknown author"]
    if post.date:
        parts.append(date_text(post.date))
    if post.votes:
        parts.append(f"+{post.votes.up} -{post.votes.down}")
    if post.shares is not None:
        parts.append(f"{post.shares} shares")
    return " · ".join(parts)


def _posts(translated: TranslatedThread) -> Iterator[tuple[Post, int, str, list[TranslationUnit]]]:
    """Each post with its reply depth, its heading and its units, replies right after the post they
    answer; a reply's heading names whom it answers (the post id when the author is unknown), a deleted
    post's says so."""
    units: dict[str, list[TranslationUnit]] = {}
    for unit in translated.units:
        units.setdefault(unit.post_id, []).append(unit)
    authors = {post.id: post.author for post in translated.thread.posts}
    for post, depth in translated.thread.threaded():
        heading = post_heading(post)
        if post.parent is not None:
            heading += f" · reply to {authors.get(post.parent) or post.parent}"
        if post.deleted:
            heading += " · deleted"
        yield post, depth, heading, units.get(post.id, [])


def shown(unit: TranslationUnit) -> str:
    """The text a reader sees: the translation, or the source when there is none."""
    return unit.target if unit.target.strip() else unit.block.text


def render_markdown(translated: TranslatedThread, side_by_side: bool = False) -> str:
    """The thread as Markdown: article, comments, quotes nested; optionally source beside translation."""
    lines: list[str] = []
    for post, depth, heading, units in _posts(translated):
        if post.kind == "comment":
            lines += ["---", "", f"{'#' * min(3 + depth, 6)} {md_escape(heading)}", ""]
        else:
            lines += [f"*{md_escape(heading)}*", ""]
        if side_by_side:
            lines += [f"| {translated.thread.lang or 'source'} | {translated.target_lang} |", "|---|---|"]
            for unit in units:
                marker = "> " if unit.block.kind == "quote" else ""
                lines.append(f"| {marker}{md_escape(unit.block.text)} | {marker}{md_escape(shown(unit))} |")
            lines.append("")
            continue
        quoting: str | None = None
        code: list[str] = []
        for unit in units:
            block = unit.block
            if block.kind == "code":  # consecutive lines of a program make one block
                code.append(shown(unit))
                continue
            if code:
                lines += md_code(code)
                code = []
            if block.kind == "quote":
                if quoting != block.quoted_author:
                    lines += [f"> **{md_escape(block.quoted_author or 'Someone')}:**", ">"]
                    quoting = block.quoted_author
                lines += [f"> {md_escape(shown(unit), '> ')}", ""]
                continue
            quoting = None
            if block.kind == "title":
                lines += [f"# {md_escape(shown(unit))}", ""]
            elif block.kind == "subtitle":
                lines += [f"*{md_escape(shown(unit), '')}*", ""]
            elif block.kind == "heading":
                lines += [f"## {md_escape(shown(unit))}", ""]
            elif block.kind == "question":
                lines += [f"- {md_escape(shown(unit), '  ')}", ""]
            elif block.kind == "source":
                lines += [f"<small>{md_escape(shown(unit), '')}</small>", ""]
            else:
                lines += [md_escape(shown(unit), ""), ""]
        if code:
            lines += md_code(code)
    return "\n".join(lines).rstrip("\n") + "\n"


HTML_STYLE = """
body { font-family: Georgia, serif; max-width: 60rem; margin: 2rem auto; padding: 0 1rem; line-height: 1.5; }
.post { border-top: 1px solid #ccc; padding-top: .5rem; margin-top: 1.5rem; }
.post .post { margin-left: 1.5rem; }
.meta { color: #666; font-size: .9rem; }
blockquote { border-left: 3px solid #aaa; margin: .5rem 0; padding-left: .8rem; color: #333; }
.pair { display: grid; grid-template-columns: 1fr 1fr; gap: 1rem; }
.source { color: #555; }
.issue { color: #a33; font-size: .8rem; }
pre.code { margin: 0; padding: 0 .5rem; background: #f4f4f4; white-space: pre-wrap; }
"""


def _attribute(value: str) -> str:
    """A value (a block or post id: data, like the text) safe inside a quoted HTML attribute: markup characters
    and quotes as references, control characters as visible escapes (no page holds them)."""
    return html.escape(visible(value), quote=True)


def _html_block(unit: TranslationUnit, text: str) -> str:
    block = unit.block
    escaped = html.escape(visible(text))
    tag = {"title": "h1", "subtitle": 'p class="subtitle"', "heading": "h2", "source": 'p class="meta"'}.get(
        block.kind, "p"
    )
    closing = tag.split()[0]
    if block.kind == "quote":
        who = html.escape(visible(block.quoted_author or "Someone"))
        return f'<blockquote data-block="{_attribute(block.id)}"><cite>{who}</cite><p>{escaped}</p></blockquote>'
    if block.kind == "question":
        return f'<p class="question" data-block="{_attribute(block.id)}">❓ {escaped}</p>'
    if block.kind == "code":  # one line of a program each, drawn as one block (pre.code has no margin)
        return f'<pre class="code" data-block="{_attribute(block.id)}"><code>{escaped}</code></pre>'
    return f'<{tag} data-block="{_attribute(block.id)}">{escaped}</{closing}>'


def render_html(translated: TranslatedThread, side_by_side: bool = False) -> str:
    """A standalone HTML page of the translated thread."""
    title = html.escape(visible(translated.units[0].target if translated.units else translated.thread.title))
    body: list[str] = []
    open_sections = 0
    for post, depth, heading, units in _posts(translated):
        # A reply's section sits inside the section of the post it answers.
        body.extend(["</section>"] * (open_sections - depth))
        open_sections = depth + 1
        body.append(f'<section class="post {post.kind}" id="{_attribute(post.id)}">')
        body.append(f'<p class="meta">{html.escape(visible(heading))}</p>')
        for unit in units:
            if side_by_side:
                source = _html_block(unit, unit.block.text)
                target = _html_block(unit, shown(unit))
                body.append(
                    f'<div class="pair"><div class="source" lang="{html.escape(unit.source_lang)}">{source}</div>'
                    f'<div lang="{html.escape(unit.target_lang)}">{target}</div></div>'
                )
            else:
                body.append(_html_block(unit, shown(unit)))
    body.extend(["</section>"] * open_sections)
    return (
        "<!DOCTYPE html>\n"
        f'<html lang="{html.escape(translated.target_lang)}">\n<head>\n<meta charset="utf-8">\n'
        f"<title>{title}</title>\n<style>{HTML_STYLE}</style>\n</head>\n<body>\n"
        + "\n".join(body)
        + "\n</body>\n</html>\n"
    )
