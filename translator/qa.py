"""Checks on a translated unit: what a reviewer should look at before approving it."""

from __future__ import annotations

import re
from collections import Counter
from typing import TYPE_CHECKING

from translator.models import QaIssue

if TYPE_CHECKING:
    from translator.glossary.matching import Glossary

NUMBER = re.compile(r"\d+(?:[.,\u00a0\u202f ]\d+)*")
URL = re.compile(r"(?:https?://|www\.)[^\s<>\"«»]+", re.IGNORECASE)
MENTION = re.compile(r"(?<![\w@])@\w+")
EMOJI = re.compile("[\U0001f300-\U0001faff\u2600-\u27bf\U0001f000-\U0001f2ff]")
WORD = re.compile(r"\w+")
# Length of target over source outside this band, for sources long enough to judge.
LENGTH_RATIO = (0.4, 2.6)
MIN_CHARS_FOR_RATIO = 25
# The same token or pair of tokens this many times in a row is a decoding loop.
LOOP_REPEATS = 4


def number_values(text: str) -> Counter[str]:
    """The numbers of a text, separators removed (`2,5`, `2.5` and `1 000` compare by digits)."""
    return Counter(re.sub(r"\D", "", match.group()) for match in NUMBER.finditer(text))


def _strip_trailing_punctuation(url: str) -> str:
    return url.rstrip(".,;:!?)]}'")


def _has_loop(text: str) -> bool:
    tokens = WORD.findall(text.lower())
    for size in (1, 2, 3):
        run = 1
        for index in range(size, len(tokens) - size + 1, size):
            if tokens[index : index + size] == tokens[index - size : index]:
                run += 1
                if run >= LOOP_REPEATS:
                    return True
            else:
                run = 1
    return False


def check_unit(source: str, target: str, glossary: Glossary | None = None) -> list[QaIssue]:
    """Every QA issue of one machine-translated unit (source and target of different languages)."""
    issues: list[QaIssue] = []
    if source.strip() and not target.strip():
        return [QaIssue("empty", "the translation is empty")]
    if glossary is not None:
        from translator.glossary.checks import check_terms

        issues.extend(QaIssue(issue.code, issue.message) for issue in check_terms(source, target, glossary))
    source_numbers, target_numbers = number_values(source), number_values(target)
    if source_numbers != target_numbers:
        missing = sorted((source_numbers - target_numbers).elements())
        extra = sorted((target_numbers - source_numbers).elements())
        detail = "; ".join(
            part for part in (f"missing {missing}" if missing else "", f"added {extra}" if extra else "") if part
        )
        issues.append(QaIssue("numbers", f"numbers differ from the source: {detail}"))
    lost = [
        item
        for pattern in (URL, MENTION, EMOJI)
        for item in (
            _strip_trailing_punctuation(match.group()) if pattern is URL else match.group()
            for match in pattern.finditer(source)
        )
        if item not in target
    ]
    if lost:
        issues.append(QaIssue("lost-token", f"URL, mention or emoji lost: {', '.join(dict.fromkeys(lost))}"))
    if len(WORD.findall(source)) >= 3 and " ".join(source.split()) == " ".join(target.split()):
        issues.append(QaIssue("untranslated", "the translation is the source text unchanged"))
    if len(source) >= MIN_CHARS_FOR_RATIO:
        ratio = len(target) / len(source)
        if not LENGTH_RATIO[0] <= ratio <= LENGTH_RATIO[1]:
            issues.append(QaIssue("length", f"the translation is {ratio:.1f}x the length of the source"))
    if _has_loop(target) and not _has_loop(source):
        issues.append(QaIssue("repetition", "the translation repeats itself (a decoding loop)"))
    return issues
