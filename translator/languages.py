"""Language codes: every detector's codes map onto the ones Argos packages use, here and only here."""

from __future__ import annotations

import functools
import re
from typing import Literal

from translator.errors import DetectionError, InputError

# langdetect says `no` for Norwegian (Bokmål in practice) and `zh-cn`/`zh-tw` for Chinese; Argos
# packages are named `nb`, `zh` (simplified) and `zt` (traditional).
DETECTOR_TO_ARGOS = {"no": "nb", "zh-cn": "zh", "zh-tw": "zt"}
ARGOS_TO_DETECTOR = {argos: detector for detector, argos in DETECTOR_TO_ARGOS.items()}

# What users commonly type for the same languages: other names of Norwegian and Chinese, ISO 639's
# withdrawn two-letter codes, and the three-letter codes (639-2, bibliographic forms too) of the languages
# Argos packages cover, so `--to eng` means `en`.
ALIASES = {
    "no": "nb", "nob": "nb", "nor": "nb", "zh-cn": "zh", "zh-hans": "zh", "zh-tw": "zt", "zh-hant": "zt",
    "iw": "he", "in": "id", "ji": "yi",
    "alb": "sq", "ara": "ar", "arm": "hy", "aze": "az", "baq": "eu", "bel": "be", "ben": "bn", "bul": "bg",
    "cat": "ca", "ces": "cs", "chi": "zh", "cze": "cs", "dan": "da", "deu": "de", "dut": "nl", "ell": "el",
    "eng": "en", "epo": "eo", "est": "et", "eus": "eu", "fas": "fa", "fin": "fi", "fra": "fr", "fre": "fr",
    "geo": "ka", "ger": "de", "gle": "ga", "glg": "gl", "gre": "el", "heb": "he", "hin": "hi", "hrv": "hr",
    "hun": "hu", "hye": "hy", "ice": "is", "ind": "id", "isl": "is", "ita": "it", "jpn": "ja", "kat": "ka",
    "kir": "ky", "kor": "ko", "lav": "lv", "lit": "lt", "mac": "mk", "may": "ms", "mkd": "mk", "msa": "ms",
    "nld": "nl", "nno": "nn", "per": "fa", "pol": "pl", "por": "pt", "ron": "ro", "rum": "ro", "rus": "ru",
    "slk": "sk", "slo": "sk", "slv": "sl", "spa": "es", "sqi": "sq", "srp": "sr", "swe": "sv", "tgl": "tl",
    "tha": "th", "tur": "tr", "ukr": "uk", "urd": "ur", "vie": "vi", "zho": "zh",
}  # fmt: skip

_ISO_639_1_CODES = """
    aa ab ae af ak am an ar as av ay az ba be bg bh bi bm bn bo br bs ca ce ch co cr cs cu cv cy da de dv dz ee
    el en eo es et eu fa ff fi fj fo fr fy ga gd gl gn gu gv ha he hi ho hr ht hu hy hz ia id ie ig ii ik io
    is it iu ja jv ka kg ki kj kk kl km kn ko kr ks ku kv kw ky la lb lg li ln lo lt lu lv mg mh mi mk ml mn mr
    ms mt my na nb nd ne ng nl nn no nr nv ny oc oj om or os pa pi pl ps pt qu rm rn ro ru rw sa sc sd se sg si
    sk sl sm sn so sq sr ss st su sv sw ta te tg th ti tk tl tn to tr ts tt tw ty ug uk ur uz ve vi vo wa wo xh
    yi yo za zh zu"""
ISO_639_1 = frozenset(_ISO_639_1_CODES.split())
"""Every ISO 639-1 code: the codes Argos packages are named with, but for the two below."""
ARGOS_ONLY_CODES = frozenset({"zt", "pb"})
"""Argos's own codes: Chinese in traditional script, Brazilian Portuguese."""

# LibreTranslate's API names three Argos codes differently (`translator serve` speaks its API).
ARGOS_TO_LIBRETRANSLATE = {"zh": "zh-Hans", "zt": "zh-Hant", "pb": "pt-BR"}
LIBRETRANSLATE_TO_ARGOS = {name.lower(): code for code, name in ARGOS_TO_LIBRETRANSLATE.items()}

# Argos codes that are not BCP 47 language tags, for the formats CAT tools read (XLIFF).
ARGOS_TO_BCP47 = {"zt": "zh-Hant"}
# dateparser names its locales by language tag, Chinese by script, and has no Brazilian one apart.
ARGOS_TO_DATEPARSER = {"zt": "zh-Hant", "pb": "pt"}
BCP47_TO_ARGOS = {tag.lower(): code for code, tag in ARGOS_TO_BCP47.items()}

COMMON_LANGUAGES = (
    "cs", "da", "de", "el", "en", "es", "fi", "fr", "hu", "id", "it",
    "nb", "nl", "pl", "pt", "ro", "ru", "sv", "tr", "uk", "vi",
)  # fmt: skip
"""The default candidate languages besides those of installed models: the common European
languages and the other languages our newsrooms meet most (Indonesian, Turkish, Vietnamese)."""

LANGUAGE_NAMES = {
    "ar": "Arabic", "bg": "Bulgarian", "ca": "Catalan", "cs": "Czech", "da": "Danish", "de": "German",
    "el": "Greek", "en": "English", "es": "Spanish", "et": "Estonian", "fa": "Persian", "fi": "Finnish",
    "fr": "French", "he": "Hebrew", "hi": "Hindi", "hr": "Croatian", "hu": "Hungarian", "id": "Indonesian",
    "it": "Italian", "ja": "Japanese", "ko": "Korean", "lt": "Lithuanian", "lv": "Latvian", "nb": "Norwegian Bokmål",
    "nl": "Dutch", "pl": "Polish", "pt": "Portuguese", "ro": "Romanian", "ru": "Russian", "sk": "Slovak",
    "sl": "Slovenian", "sq": "Albanian", "sv": "Swedish", "th": "Thai", "tr": "Turkish", "uk": "Ukrainian",
    "vi": "Vietnamese", "zh": "Chinese", "zt": "Chinese (traditional)", "und": "undetermined",
}  # fmt: skip

CODE = re.compile(r"^[a-z]{2,3}$")
TAG = re.compile(r"^[A-Za-z]{2,3}(?:[-_][A-Za-z0-9]{1,8})*$")
"""A language tag's shape (BCP 47 and POSIX locales alike: `en`, `pt_BR`, `zh-Hant-TW`, `sr-Latn`)."""
UNDETERMINED_TAGS = frozenset({"und", "mul", "zxx", "mis"})
"""Tags that name no single language: undetermined, several, no linguistic content, not coded."""
FILE_CODE_HINT = (
    "use a code such as fr, en, nb or zt, optionally with a region or script as in pt_BR or zh-Hant, or und"
)


def to_argos(code: str) -> str:
    """A detector's language code as the Argos code (`no` -> `nb`, `zh-cn` -> `zh`)."""
    code = code.lower()
    return DETECTOR_TO_ARGOS.get(code, code)


def to_detector(code: str) -> str:
    """An Argos language code as langdetect names it."""
    return ARGOS_TO_DETECTOR.get(code, code)


def to_bcp47(code: str) -> str:
    """An Argos code as a BCP 47 language tag (`zt` -> `zh-Hant`; the others are tags already)."""
    return ARGOS_TO_BCP47.get(code, code)


def to_dateparser(code: str) -> str:
    """An Argos code as dateparser names the language's locale (`zt` -> `zh-Hant`)."""
    return ARGOS_TO_DATEPARSER.get(code, code)


def from_bcp47(tag: str) -> str:
    """A BCP 47 language tag as the Argos code (`zh-Hant` -> `zt`, `en-US` -> `en`, `no` -> `nb`)."""
    cleaned = tag.strip().lower().replace("_", "-")
    subtags = cleaned.split("-")
    for candidate in (cleaned, "-".join(subtags[:2])):
        found = BCP47_TO_ARGOS.get(candidate) or ALIASES.get(candidate)
        if found:
            return found
    return to_argos(subtags[0])


@functools.lru_cache(maxsize=512)
def known_code(tag: str) -> str | None:
    """A language code or tag as files and tools write it (`fr`, `FR`, `en_US`, `pt-BR`, `no`, `zh_TW`,
    `zh-Hant`, `eng`, `und`) as the Argos code (`und` for the tags of no single language); None when it
    names no language (`xx-garbage`, `klingon`, `f r`): the one check of a code read from a file."""
    cleaned = tag.strip()
    if not TAG.match(cleaned):
        return None
    if cleaned.lower() in UNDETERMINED_TAGS:
        return "und"
    code = from_bcp47(cleaned)
    return code if is_known_language(code) else None


def file_language(tag: str, where: str) -> str:
    """A language code read from a file (a PO header, an XLIFF attribute, a JSON field) as the Argos code;
    InputError saying where it was and what to write instead when it names no language."""
    code = known_code(tag)
    if code is None:
        raise InputError(f"{where}: {tag!r} is not a language code", FILE_CODE_HINT)
    return code


def normalize_code(code: str) -> str:
    """A user-typed language code as an Argos code; raise DetectionError when it is not a code."""
    cleaned = code.strip().lower().replace("_", "-")
    cleaned = ALIASES.get(cleaned, cleaned)
    if not CODE.match(cleaned):
        raise DetectionError(
            f"{code!r} is not a language code",
            "use two-letter codes as Argos packages do, e.g. fr, en, ru, nb, zh",
        )
    return cleaned


def is_known_language(code: str) -> bool:
    """Whether an Argos code names a language (ISO 639-1, or one of Argos's own), not a typo such as `xx`."""
    return code in ISO_639_1 or code in ARGOS_ONLY_CODES


def parse_language_list(text: str) -> tuple[str, ...]:
    """`fr,en, ru` as a tuple of Argos codes, without duplicates, in the given order."""
    codes = [normalize_code(part) for part in text.split(",") if part.strip()]
    if not codes:
        raise DetectionError("the language list is empty", "give codes separated by commas, e.g. fr,en,ru")
    return tuple(dict.fromkeys(codes))


def to_libretranslate(code: str) -> str:
    """An Argos code as LibreTranslate's API writes it (`zh` -> `zh-Hans`)."""
    return ARGOS_TO_LIBRETRANSLATE.get(code, code)


def from_libretranslate(code: str) -> str:
    """A code as LibreTranslate's clients send it (`zh-Hans`, `pt-BR`, `FR`) as an Argos code; raise
    DetectionError when it is not a code."""
    return normalize_code(LIBRETRANSLATE_TO_ARGOS.get(code.lower(), code))


def language_name(code: str) -> str:
    """English name of a language code, or the code itself when unknown."""
    return LANGUAGE_NAMES.get(code, code)


NOUNS_DECLINE = frozenset(
    {
        "ru", "uk", "be", "pl", "cs", "sk", "sl", "hr", "sr", "bs", "lt", "lv", "fi", "et", "hu", "tr", "az", "kk",
        "ky", "uz", "el", "hy", "ka", "is", "ro", "sq", "eu",
    }
)  # fmt: skip
"""Languages whose nouns and names change form by case (`Кремль`, `Кремля`; `Putin`, `Putina`)."""
ADJECTIVES_DECLINE = frozenset({"de"})
"""Languages whose articles and adjectives change form by case, names and most nouns keeping theirs
(`russischer Präsident`, `des russischen Präsidenten`)."""


def declension(code: str) -> Literal["nouns", "adjectives", "none"]:
    """What changes form by grammatical case in a language: its nouns and names, its adjectives (and articles)
    only, or nothing (French, Spanish, English...): where one fixed wording of a term fits any sentence."""
    if code in NOUNS_DECLINE:
        return "nouns"
    return "adjectives" if code in ADJECTIVES_DECLINE else "none"


NON_LATIN_SCRIPT = frozenset(
    {
        "ru", "uk", "be", "bg", "mk", "sr", "kk", "ky", "tg", "mn", "el", "hy", "ka", "he", "yi", "ar", "fa", "ur",
        "ps", "hi", "bn", "mr", "ne", "ta", "te", "kn", "ml", "gu", "pa", "si", "th", "lo", "km", "my", "bo", "am",
        "ti", "zh", "zt", "ja", "ko", "dv",
    }
)  # fmt: skip
"""Languages written in another script than Latin letters (Serbian, written in both, counted here: a name in
Latin letters is not safe there)."""


def writes_latin(code: str) -> bool:
    """Whether a language is written in Latin letters, where a name spelled in them can stand as it is."""
    return code not in NON_LATIN_SCRIPT
