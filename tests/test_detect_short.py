"""The table of usual short replies: how a text is matched against it, and what it holds."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from translator.detect.short import SHORT_REPLIES, normalize_reply, reply_languages
from translator.languages import COMMON_LANGUAGES


@pytest.mark.parametrize(
    ("text", "languages"),
    [
        ("Merci", ("fr",)),  # one word
        ("  MERCI !!! 🙏", ("fr",)),  # case, punctuation, emoji and spaces aside
        ("D’accord.", ("fr",)),  # a typographic apostrophe is the plain one
        ("Vielen Dank!", ("de",)),  # two words
        ("Ja", ("de", "nl", "sv", "da", "nb")),  # shared: every language it is a reply of
        ("ok", ()),  # used alike everywhere: deliberately absent
        ("Merci pour tout", ()),  # a longer text is for the statistics
        ("merci " * 20, ()),  # and so is a long one
        ("", ()),  # nothing
    ],
)
def test_reply_languages(text: str, languages: tuple[str, ...]) -> None:
    assert reply_languages(text) == languages


def test_the_table_is_normalised_and_names_candidate_languages() -> None:
    for reply, languages in SHORT_REPLIES.items():
        assert normalize_reply(reply) == reply, reply
        assert languages and set(languages) <= set(COMMON_LANGUAGES), reply


@given(st.text(max_size=60))
def test_normalising_twice_changes_nothing(text: str) -> None:
    once = normalize_reply(text)
    assert normalize_reply(once) == once
