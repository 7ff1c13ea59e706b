"""Common one- to three-word replies whose language n-gram statistics cannot tell ("Merci" reads as Spanish).

A reply such as "Merci", "Danke!" or "Yes" has a handful of n-grams: both statistical models guess
almost at random on it (langdetect put "Merci" in Spanish, "Hello" in Finnish, "Yes" in Turkish). The
words below are the usual short replies of the candidate languages (thanks, yes, no, greetings,
agreement), written here from general knowledge of those languages; a whole text that is one of them
(case, punctuation and emoji aside) gives its languages as evidence, added to the n-gram evidence.
Words shared by several languages ("ja", "non", "tak") list each; words used alike in every language
("ok", "lol", "bravo", "super", "cool") are deliberately absent: for them the context decides, or,
without context, the preference for the languages of installed models (see `detector.decide_one`).
"""

from __future__ import annotations

import re

SHORT_REPLIES: dict[str, tuple[str, ...]] = {
    # English
    "hello": ("en",), "hi": ("en",), "hey": ("en",), "yes": ("en",), "yeah": ("en",), "yep": ("en",),
    "nope": ("en",), "thanks": ("en",), "thank you": ("en",), "thank you so much": ("en",), "thx": ("en",),
    "please": ("en",), "sorry": ("en",), "agreed": ("en",), "exactly": ("en",), "indeed": ("en",),
    "good point": ("en",), "well said": ("en",), "no way": ("en",), "of course": ("en",),
    "no": ("en", "es", "it"),
    # French
    "merci": ("fr",), "merci beaucoup": ("fr",), "oui": ("fr",), "non": ("fr", "it"), "bonjour": ("fr",),
    "salut": ("fr", "ro"), "exactement": ("fr",), "d'accord": ("fr",), "tout à fait": ("fr",),
    "bien sûr": ("fr",), "absolument": ("fr",), "voilà": ("fr",), "bien dit": ("fr",),
    # German
    "danke": ("de",), "danke schön": ("de",), "vielen dank": ("de",), "nein": ("de",), "genau": ("de",),
    "bitte": ("de",), "stimmt": ("de",), "richtig": ("de",), "hallo": ("de", "nl"), "guten tag": ("de",),
    "ja": ("de", "nl", "sv", "da", "nb"),
    # Spanish, Italian, Portuguese, Romanian
    "gracias": ("es",), "muchas gracias": ("es",), "sí": ("es", "it"), "hola": ("es",), "claro": ("es", "pt"),
    "de nada": ("es", "pt"), "vale": ("es",), "grazie": ("it",), "grazie mille": ("it",), "ciao": ("it",),
    "esatto": ("it",), "prego": ("it",), "obrigado": ("pt",), "obrigada": ("pt",), "olá": ("pt",),
    "sim": ("pt",), "mulțumesc": ("ro",), "mersi": ("ro",),
    # Dutch, Scandinavian, Finnish
    "dank je": ("nl",), "dank u": ("nl",), "bedankt": ("nl",), "klopt": ("nl",), "tack": ("sv",),
    "hej": ("sv", "da"), "nej": ("sv", "da"), "takk": ("nb",), "nei": ("nb",), "kiitos": ("fi",),
    "kyllä": ("fi",),
    # Central and Eastern European, Greek, Turkish
    "dziękuję": ("pl",), "dzięki": ("pl",), "tak": ("pl", "da"), "nie": ("pl",), "děkuji": ("cs",),
    "díky": ("cs",), "ano": ("cs",), "köszönöm": ("hu",), "igen": ("hu",), "спасибо": ("ru",),
    "нет": ("ru",), "дякую": ("uk",), "ευχαριστώ": ("el",), "ναι": ("el",), "όχι": ("el",),
    "teşekkürler": ("tr",), "teşekkür ederim": ("tr",), "evet": ("tr",), "hayır": ("tr",), "merhaba": ("tr",),
    # Indonesian, Vietnamese
    "terima kasih": ("id",), "cảm ơn": ("vi",),
}  # fmt: skip
"""Normalised reply -> the languages it is a usual short reply of."""

MAX_WORDS = 3
_NOT_WORD = re.compile(r"[^\w'’ ]+")


def normalize_reply(text: str) -> str:
    """A text as the table spells replies: lower case, without punctuation or emoji, single spaces."""
    return " ".join(_NOT_WORD.sub(" ", text.lower()).replace("’", "'").split())


def reply_languages(text: str) -> tuple[str, ...]:
    """The languages of which the whole text is a usual short reply; empty when it is none."""
    if len(text) > 40:
        return ()
    normalized = normalize_reply(text)
    if not normalized or len(normalized.split()) > MAX_WORDS:
        return ()
    return SHORT_REPLIES.get(normalized, ())
