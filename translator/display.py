"""Make thread text safe to show on a terminal: it is data, so control characters become visible."""

from __future__ import annotations

import re
from datetime import datetime, time

# C0 controls except tab and newline, DEL, C1 controls, and bidi overrides that reorder what follows.
INVISIBLE = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069]")


def visible(text: str) -> str:
    """The text with every control character written as an escape (`\\x1b`), so none acts on the terminal."""
    return INVISIBLE.sub(lambda match: match.group().encode("unicode_escape").decode("ascii"), text)


LINE_BREAKS = str.maketrans({"\n": "\\n", "\u2028": "\\u2028", "\u2029": "\\u2029"})


def visible_line(text: str) -> str:
    """The text as one visible line: control characters as escapes (see `visible`), and line breaks too
    (`\\n`), for what must stay on its line (an id, a name, a label, an error message)."""
    return visible(text).translate(LINE_BREAKS)


def date_text(moment: datetime) -> str:
    """A post's date as people read it: `2024-10-28 09:26`, or the day alone (`2024-10-28`) at midnight,
    which is what a source that gives only the day is read as (showing `00:00` would invent a time)."""
    return moment.strftime("%Y-%m-%d" if moment.time() == time(0) else "%Y-%m-%d %H:%M")
