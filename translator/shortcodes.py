"""Emoji shortcodes (`:smile:`, `:+1:`, `:wave:t3:`) as the characters they stand for, so that a model is
given the emoji, not English words between colons.

Discourse draws an emoji as an image whose `alt` and `title` are its shortcode; its `/raw/` Markdown keeps
the shortcodes. The names are Discourse's (mostly GitHub's aliases) and Unicode's (CLDR, with underscores),
looked up in the `emoji` package. A site's own emoji (`emoji-custom`, or a name no table knows: `:discourse:`)
has no character: its shortcode stays, and the engine's link guard (translator.engine.links) passes it
through the model as a placeholder, untouched. Readers and the engine share the pattern here.
"""

from __future__ import annotations

import re
from functools import lru_cache

NAME = r"[+\-]?[a-z0-9][a-z0-9_+\-]{0,60}"
SHORTCODE_SPAN = rf"(?<![\w:/]):{NAME}:(?:t[2-6]:)?(?![\w:])"
"""A shortcode in text, with Discourse's skin tone suffix (`:wave:t3:`); not inside a word, a time or an
address (`10:30:00`, `http://a:b`). Without groups, for patterns that take it in."""
SHORTCODE = re.compile(rf"(?<![\w:/]):(?P<name>{NAME}):(?:t(?P<tone>[2-6]):)?(?![\w:])")
"""The same, its name and tone captured."""
DISCOURSE_NAMES = {
    "slight_smile": "slightly_smiling_face",  # what Discourse makes of ":)"
    "slight_frown": "slightly_frowning_face",
    "upside_down": "upside_down_face",
    "hugging": "hugs",
    "nerd": "nerd_face",
    "rolling_eyes": "roll_eyes",
    "money_mouth": "money_mouth_face",
    "zipper_mouth": "zipper_mouth_face",
}
"""Discourse's names (of its older emoji set) for emoji the package knows by another name."""
SKIN_TONES = {"2": "\U0001f3fb", "3": "\U0001f3fc", "4": "\U0001f3fd", "5": "\U0001f3fe", "6": "\U0001f3ff"}
"""Discourse's tones 2 to 6: the Fitzpatrick modifiers, light to dark."""


def emoji_of(shortcode: str) -> str | None:
    """The emoji a whole shortcode (`:+1:`, `:wave:t3:`) stands for; None when it is none or unknown."""
    match = SHORTCODE.fullmatch(shortcode.strip())
    return _emoji(match["name"], match["tone"]) if match else None


def with_emoji(text: str) -> str:
    """Text with each known shortcode replaced by its emoji; unknown ones stay as written."""
    if ":" not in text:
        return text
    return SHORTCODE.sub(lambda match: _emoji(match["name"], match["tone"]) or match.group(), text)


@lru_cache(maxsize=1024)
def _emoji(name: str, tone: str | None) -> str | None:
    import emoji

    name = DISCOURSE_NAMES.get(name, name)
    for language in ("alias", "en"):
        found = emoji.emojize(f":{name}:", language=language)
        if found != f":{name}:" and emoji.is_emoji(found):
            return found + (SKIN_TONES[tone] if tone else "")
    return None
