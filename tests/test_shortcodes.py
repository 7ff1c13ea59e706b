"""Emoji shortcodes as characters: Discourse's and GitHub's names, Unicode's, skin tones; unknown ones kept."""

from __future__ import annotations

import pytest

from translator.shortcodes import emoji_of, with_emoji


@pytest.mark.parametrize(
    ("shortcode", "character"),
    [
        (":smile:", "😄"),  # GitHub's alias, which Discourse uses
        (":+1:", "👍"),
        (":-1:", "👎"),
        (":slight_smile:", "🙂"),  # Discourse's own name (what it makes of ":)")
        (":slightly_smiling_face:", "🙂"),  # Unicode's name
        (":wave:t3:", "👋🏼"),  # a skin tone
        (":party_parrot:", None),  # a site's own: no character
        ("smile", None),  # no colons
        (":Smile:", None),  # shortcodes are lower case
    ],
)
def test_emoji_of(shortcode: str, character: str | None) -> None:
    assert emoji_of(shortcode) == character


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Merci :+1: !", "Merci 👍 !"),
        ("Bravo :party_parrot: :tada:", "Bravo :party_parrot: 🎉"),  # an unknown one stays
        ("à 10:30:00", "à 10:30:00"),  # a time
        ("voir http://a.example:8080/x:smile:", "voir http://a.example:8080/x:smile:"),  # inside an address or word
        ("no:smile:here", "no:smile:here"),
        ("", ""),
    ],
)
def test_with_emoji(text: str, expected: str) -> None:
    assert with_emoji(text) == expected
