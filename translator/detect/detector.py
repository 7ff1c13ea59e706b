"""The language of every block, post and thread, reliable on short and mixed text.

How it works. langdetect's own n-gram profiles and feature extraction score a text, but instead of
langdetect's random sampling of n-grams (slow, and the reason its top probability is >= 0.9999 on
many wrong answers) every n-gram is counted once, in log space, over the candidate languages only:
deterministic by construction (no seed to forget), with a full likelihood vector per text. A second,
independent model (langid.py's, through py3langid) adds its log-likelihoods; the tempered sum is right
more often than either. Context enters as a prior: a block's likelihood is combined with the language
distribution of the rest of its post and of the rest of its thread, so a short or ambiguous block leans
to its surroundings while a long block that is clearly another language keeps its own. The confidence
is calibrated on held-out real text (see `benchmarks/langid.py`): among blocks given >= 0.9, at least
97% are right (99.6% measured).

Short text (the rule). Under `SHORT_FEATURES` n-grams (about ten letters: "Merci", "Hello", "Danke!")
the statistics alone are close to a guess (24-77% right on such snippets of the corpus), so:
1. a whole text that is a usual short reply of some languages ("merci", "ja", "thank you": `short.py`)
   adds those languages as evidence;
2. the context decides as for any text (the rest of the post, then of the thread: for the server, the
   request's other paragraphs; a source the user declares is not detected at all);
3. what the context leaves open (no context, or too little text around) leans to the preferred
   languages: those of the installed models (what the toolkit translates from, and into), or none when
   the user gave the candidates (`--languages`), whose choice is already the plausible set. The lean
   is a prior of `PREFERENCE` to 1, so a short text clearly of another language ("Gracias") keeps it;
4. the confidence stays honest: a reply from the table counts as `REPLY_FEATURES` n-grams of evidence
   ("Merci" alone: fr, about 0.9), the lean counts as none (`calibrate` without context), and a guess
   still under `LOW_CONFIDENCE` is one of the preferred languages, its confidence left low ("lol": about
   0.15), so it is shown for a human look.
Text without letters ("+1", "👍") stays `und` whatever the context: it is copied as is.
"""

from __future__ import annotations

import functools
import math
import re
import threading
import unicodedata
from collections.abc import Hashable, Iterable, Sequence
from dataclasses import dataclass, replace
from typing import TYPE_CHECKING, Any

from translator.detect.short import reply_languages
from translator.errors import DetectionError
from translator.languages import COMMON_LANGUAGES, to_argos, to_detector
from translator.models import UNDETERMINED, Block, LangSource, Thread

if TYPE_CHECKING:
    import numpy as np
    from numpy.typing import NDArray

URL = re.compile(
    # an address from the start of its word, its name up to the first @: tried anywhere, with any @ of the
    # word as its own, the search took a power of the word's length (a word of 20,000 letters: seconds)
    r"(?:https?://|www\.)\S+|(?<!\S)[^\s@]+@\S+\.\w+|(?<!\w)[@#]\w+"
    # a site's own path (`/uploads/p.jpeg`, `/r/france`): two segments, or one with a file's extension
    r"|(?<!\S)/[\w.~%+-]+(?:/[\w.~%+-]*)+|(?<!\S)/[\w~%+-]+\.[a-z0-9]{2,5}(?!\S)",
    re.IGNORECASE,
)
NON_LETTERS = re.compile(r"[\W\d_]+")
SENTENCE_MARK = re.compile(r"[.!?;:…,]")
CODE_SYMBOLS = re.compile(r"[{}\[\]()<>=;$|&*/\\_`]")
MARKUP_TAG = re.compile(r"\[/?[A-Za-z][\w-]*(?:=[^\]\s]*)?\]|</?[A-Za-z][\w-]*(?:\s[^<>]*)?>")
"""A forum's BBCode tag (`[b]`, `[/quote]`, `[url=...]`) or an HTML tag left in a post's text: markup around
prose, not code."""
CODE_SHARE = 0.12

# langdetect's smoothing: each n-gram multiplies a language's score by (alpha / BASE_FREQ + p).
SMOOTHING = 0.5 / 10000
# Overlapping 1-, 2- and 3-grams count the same evidence about three times; tempering undoes that.
TEMPERATURE = 3.0
# Weight of the uniform distribution in a context prior, so context never rules out a language.
PRIOR_FLOOR = 0.01
# How much text (letters) makes a block's own evidence count fully in its post and thread priors.
WEIGHT_CAP = 60
# Letters one of two close Cyrillic languages has and the other lacks.
EXCLUSIVE_LETTERS = {"uk": frozenset("іїєґІЇЄҐ"), "ru": frozenset("ыэъёЫЭЪЁ")}
LETTER_PENALTY = 12.0

# A second, independent n-gram model (langid.py's, via py3langid) is added to langdetect's evidence:
# their errors differ, so the sum is right more often than either (see benchmarks/langid.py).
LANGID_WEIGHT = 1.0
ENSEMBLE_TEMPERATURE = 2.5
LANGID_NO_OPINION = -1e30

MAX_TEXT_CHARS = 600
# How langdetect prepares a text (see `_Profiles.clean`).
LANGDETECT_MAX_TEXT = 10_000
SPACES = re.compile(" +")
LATIN_RANGE = re.compile("[A-z]")
FROM_COMBINING_MARKS = re.compile("[\u0300-\U0010ffff]")
# Words whose n-gram rows are remembered (a vocabulary; cleared when it grows past this).
WORD_CACHE_SIZE = 200_000

# Calibration constants (see `calibrate`).
TRUST_FLOOR = 0.8
FEATURE_SCALE = 10
CONTEXT_FEATURES = 20

# A name-shaped text whose best language gets less than this (alone) is taken as names: `und`.
NAMES_MAX = 0.8

# Short text (see the module's docstring): fewer n-grams than this is too little for the statistics alone
# (measured on the corpus of `benchmarks/langid.py`, one to three words: under 10 n-grams 24-43% right,
# 10-19 about 60%, 20-29 about 75%, 30-44 about 85%).
SHORT_FEATURES = 30
# A text that is a usual short reply of some languages: the others lose this much log-likelihood, and the
# match counts as this many n-grams of evidence in the confidence.
REPLY_LOG_ODDS = 4.0
REPLY_FEATURES = 10
# Prior weight of a preferred language (installed models' languages) against 1 for the other candidates,
# for short text only. Measured by `benchmarks/short_text.py` (11,048 one- to three-word snippets of the
# corpus under 30 n-grams, alone; de, en and fr preferred), the whole rule (the lean and the guess among
# preferred languages): right 61.5% -> 83.4% for the preferred languages, 67.8% -> 47.4% for the 18
# others (which no installed model translates: a guess among installed languages is the deliberate price);
# answers >= 0.6 stay right 96.2% and 91.7% of the time (half of the snippets get one).
PREFERENCE = 4.0

LOW_CONFIDENCE = 0.6
"""Below this confidence a block is shown as needing a human look."""


def is_low_confidence(block: Block, below: float = LOW_CONFIDENCE) -> bool:
    """Whether a block's detected language deserves a human look (a language set by hand never does)."""
    return block.lang_confidence is not None and block.lang_confidence < below and block.lang_source != "manual"


@dataclass(frozen=True, slots=True)
class Detection:
    """The language of one text."""

    lang: str
    """Argos language code, or `und` when the text has no language."""
    confidence: float
    """Calibrated probability that `lang` is right, in [0, 1]."""
    source: LangSource
    """`detected` from the text itself, `context` when its surroundings decided."""


@dataclass(frozen=True, slots=True)
class Evidence:
    """What a text says about its language before context is taken into account."""

    log_likelihood: NDArray[np.float64] | None
    """Tempered log-likelihood per candidate; None when the text has no usable n-gram."""
    letters: int
    """How many letters the text has once URLs, numbers and mentions are removed."""
    features: int
    """How many n-grams were scored."""
    undetermined: bool
    """True for text with no language at all (numbers, URLs, emoji, names)."""


class _Profiles:
    """langdetect's n-gram profiles as one log-probability matrix, loaded once per process."""

    _lock = threading.Lock()
    _instance: _Profiles | None = None

    def __init__(self) -> None:
        from langdetect.detector import Detector
        from langdetect.utils.ngram import NGram

        from translator.detect.model_cache import langdetect_profiles

        profiles = langdetect_profiles(SMOOTHING)
        self.languages: tuple[str, ...] = tuple(to_argos(code) for code in profiles["languages"].tolist())
        self.row_of: dict[str, int] = {gram: row for row, gram in enumerate(profiles["grams"].tolist())}
        self._links = (Detector.URL_RE, Detector.MAIL_RE)
        self._normalize_vi = NGram.normalize_vi
        self._normalize = NGram.normalize
        self._normalized: dict[str, str] = {}
        self._word_rows: dict[str, list[int]] = {}
        self.log_probability: NDArray[np.float64] = profiles["log_probability"]

    @functools.cached_property
    def factory(self) -> Any:
        """langdetect's own factory (its profiles loaded from their JSON files): tests compare with it."""
        from translator.detect.model_cache import langdetect_factory

        return langdetect_factory()

    def clean(self, text: str) -> str:
        """A text as langdetect prepares it (`Detector.append` then `cleaning_text`), without building a
        Detector for each text: links and e-mail addresses out, Vietnamese marks composed, runs of spaces
        collapsed; Latin letters dropped from text mostly in other scripts."""
        for pattern in self._links:
            text = pattern.sub(" ", text)
        text = SPACES.sub(" ", self._normalize_vi(text)[:LANGDETECT_MAX_TEXT])
        # langdetect means to spare Latin Extended Additional here, but its check never matches: every
        # character from U+0300 on counts as non-Latin.
        if len(LATIN_RANGE.findall(text)) * 2 < len(FROM_COMBINING_MARKS.findall(text)):
            text = LATIN_RANGE.sub("", text)
        return text

    def rows(self, text: str) -> list[int]:
        """The profile rows of the 1- to 3-grams of a cleaned text, exactly as langdetect extracts them
        (`Detector._extract_ngrams`; `tests/test_detect.py` compares the two). Its n-grams never cross a
        (normalised) space, so they are found word by word, and each word's once per process."""
        normalized = self._normalized
        chars = []
        for raw in text:
            char = normalized.get(raw)
            if char is None:
                char = normalized[raw] = self._normalize(raw)
            chars.append(char)
        words = "".join(chars).split(" ")
        if len(self._word_rows) > WORD_CACHE_SIZE:
            self._word_rows.clear()
        rows: list[int] = []
        for index, word in enumerate(words):
            if word:
                # A word followed by a space also gives the n-grams that end with that space.
                key = word + " " if index < len(words) - 1 else word
                found = self._word_rows.get(key)
                if found is None:
                    found = self._word_rows[key] = self._scan(key)
                rows.extend(found)
        return rows

    def _scan(self, word: str) -> list[int]:
        """langdetect's n-gram buffer run over one normalised word (and its trailing space)."""
        rows: list[int] = []
        grams, capital_word = " ", False
        for char in word:
            last = grams[-1]
            if last == " ":
                grams = " "
            elif len(grams) >= 3:
                grams = grams[1:]
            grams += char
            # langdetect skips the n-grams of words in capitals (acronyms) from their second capital on.
            capital_word = char.isupper() and (last.isupper() or capital_word)
            if capital_word:
                continue
            for size in range(1, len(grams) + 1):
                gram = grams[-size:]
                if gram != " " and (row := self.row_of.get(gram)) is not None:
                    rows.append(row)
        return rows

    @classmethod
    def get(cls) -> _Profiles:
        with cls._lock:
            if cls._instance is None:
                cls._instance = _Profiles()
            return cls._instance


_langid_lock = threading.Lock()
_langid_instance: Any = None


def _langid_identifier() -> Any:
    """py3langid's identifier (the langid.py model), loaded once per process."""
    global _langid_instance
    with _langid_lock:
        if _langid_instance is None:
            from translator.detect.model_cache import langid_identifier

            _langid_instance = langid_identifier()
        return _langid_instance


@functools.lru_cache(maxsize=16)
def _langid_among(codes: tuple[str, ...]) -> Any:
    """The identifier scoring the candidates only: their raw scores are the same as among all of its
    languages (norm_probs is off), for a fraction of the work (it scored about 100 languages per text)."""
    import copy

    restricted = copy.copy(_langid_identifier())
    restricted.set_languages(codes)
    return restricted


def default_candidates(extra: Iterable[str] | None = None) -> tuple[str, ...]:
    """The common languages plus those of installed models (or the given ones instead)."""
    if extra is None:
        from translator.engine.store import ModelStore

        extra = sorted(ModelStore().languages())
    return tuple(dict.fromkeys([*COMMON_LANGUAGES, *extra]))


@functools.cache
def _other_script(char: str) -> bool:
    """Whether a letter is outside Latin, Greek and Cyrillic (Arabic, Han, Thai...)."""
    return not unicodedata.name(char, "").startswith(("LATIN", "GREEK", "CYRILLIC"))


def _mostly_other_script(letters: str) -> bool:
    """Whether most letters are outside Latin, Greek and Cyrillic."""
    return sum(map(_other_script, letters)) * 2 > len(letters)


def _is_acronym(words: list[str], text: str) -> bool:
    """One short all-capitals word and nothing else (`NASA`, `WSJ`)."""
    return len(words) == 1 and 1 < len(words[0]) <= 5 and words[0].isupper() and not SENTENCE_MARK.search(text)


def _has_name_shape(words: list[str], text: str) -> bool:
    """Two to four capitalised words and no sentence punctuation (`Elon Musk`, `Vladimir Poutine`)."""
    return not SENTENCE_MARK.search(text) and 2 <= len(words) <= 4 and all(word[0].isupper() for word in words)


def _looks_like_code(text: str) -> bool:
    """Source code: symbols like `{}();=<>` make up a good share of the visible characters, once the tags
    wrapping words (`Je suis [b]d'accord[/b]`) are set aside: a comment with BBCode is prose to translate."""
    text = MARKUP_TAG.sub(" ", text)
    visible_chars = len(text) - text.count(" ")
    symbols = len(CODE_SYMBOLS.findall(text))
    return symbols >= 4 and symbols > CODE_SHARE * visible_chars


class LanguageDetector:
    """Detects languages among a candidate set; thread-safe once built, cheap to call."""

    def __init__(self, candidates: Iterable[str] | None = None, installed: Iterable[str] | None = None) -> None:
        """candidates: the languages to choose among (None: the defaults, with `installed`, the languages of
        installed models, found when not given). Without candidates, the installed models' languages are
        also the ones a short text without context leans to; given candidates lean to none of them."""
        import numpy as np

        self._np = np
        self.profiles = _Profiles.get()
        known = set(self.profiles.languages)
        preferred: set[str] = set()
        if candidates is None:
            if installed is None:
                from translator.engine.store import ModelStore

                installed = ModelStore().languages()
            installed = sorted(installed)
            preferred = set(installed)
            wanted = [code for code in default_candidates(installed) if code in known]
        else:
            wanted = list(dict.fromkeys(candidates))
            unknown = [code for code in wanted if code not in known]
            if unknown:
                raise DetectionError(
                    f"cannot detect {', '.join(unknown)}: langdetect has no profile for it",
                    f"choose among {', '.join(sorted(known))}",
                )
        if not wanted:
            raise DetectionError("no candidate language left to detect", "give at least one language code")
        self.candidates: tuple[str, ...] = tuple(wanted)
        self.preferred: tuple[str, ...] = tuple(code for code in self.candidates if code in preferred)
        """The languages a short text leans to when its context leaves it open (see the module's docstring)."""
        self._preference: NDArray[np.float64] | None = None
        if self.preferred and len(self.preferred) < len(self.candidates):
            weights = np.array([PREFERENCE if code in preferred else 1.0 for code in self.candidates])
            self._preference = weights / weights.sum()
        self._columns = np.array([self.profiles.languages.index(code) for code in self.candidates])
        langid_codes = [to_detector(code) for code in self.candidates]
        # The second opinion only counts when it knows every candidate (else it would skew the vote).
        known_to_langid = set(_langid_identifier().nb_classes)
        self._langid_columns = langid_codes if set(langid_codes) <= known_to_langid else None
        if self._langid_columns is not None:
            self._langid = _langid_among(tuple(sorted(set(langid_codes))))
        self._all_columns = np.arange(len(self.profiles.languages))

    def evidence(self, text: str) -> Evidence:
        """Score a text alone: tempered log-likelihood per candidate language."""
        # Beyond a few hundred characters more text changes no decision, only the time taken.
        stripped = URL.sub(" ", text[:MAX_TEXT_CHARS])
        words = [word for word in NON_LETTERS.split(stripped) if word]
        letters = "".join(words)
        if not letters or _is_acronym(words, stripped) or _looks_like_code(stripped):
            return Evidence(None, len(letters), 0, undetermined=True)
        rows = self.profiles.rows(self.profiles.clean(stripped))
        if not rows:
            return Evidence(None, len(letters), 0, undetermined=False)
        features = len(rows)
        if _mostly_other_script(letters):
            log_likelihood = self.profiles.log_probability[rows].sum(axis=0) / TEMPERATURE
        else:
            log_likelihood = self.profiles.log_probability[rows][:, self._columns].sum(axis=0) / TEMPERATURE
            log_likelihood += self._letter_cues(letters)
            ranked = dict(self._langid.rank(stripped)) if self._langid_columns is not None else {}
            # On some two-letter texts ("Ja", "No") langid.py scores every language -FLT_MAX: no opinion,
            # which would otherwise drown langdetect's (the sum came out flat, any language a tie).
            if self._langid_columns is not None and min(ranked.values()) > LANGID_NO_OPINION:
                log_likelihood += LANGID_WEIGHT * self._np.array([ranked[code] for code in self._langid_columns])
                # Two models count the same evidence twice: temper the sum, so context can still speak.
                log_likelihood /= ENSEMBLE_TEMPERATURE
            replied = [code for code in reply_languages(stripped) if code in self.candidates]
            if replied:
                log_likelihood -= REPLY_LOG_ODDS * self._np.array([code not in replied for code in self.candidates])
                features += REPLY_FEATURES
        # Names read as any language: only when the text is name-shaped AND no language stands out.
        if (
            _has_name_shape(words, stripped)
            and self._np.exp(log_likelihood - log_likelihood.max()).sum() > 1 / NAMES_MAX
        ):
            return Evidence(None, len(letters), 0, undetermined=True)
        return Evidence(log_likelihood, len(letters), features, undetermined=False)

    def _letter_cues(self, letters: str) -> NDArray[np.float64]:
        """A penalty for a close language whose exclusive letters are absent while the other's are present."""
        cues = self._np.zeros(len(self.candidates))
        present = {language for language, alphabet in EXCLUSIVE_LETTERS.items() if not alphabet.isdisjoint(letters)}
        for language in EXCLUSIVE_LETTERS:
            if language in self.candidates and present and language not in present:
                cues[self.candidates.index(language)] -= LETTER_PENALTY
        return cues

    def detect_text(self, text: str) -> Detection:
        """The language of one text with no context."""
        evidence = self.evidence(text)
        return self.decide_one(evidence, self.posterior(evidence), None, None)

    def detect_group(self, texts: Sequence[str]) -> list[Detection]:
        """The languages of texts from one thread: each text's surroundings are the others."""
        evidences = [self.evidence(text) for text in texts]
        return self.decide(evidences, [0] * len(texts))

    def posterior(self, evidence: Evidence) -> NDArray[np.float64] | None:
        """The language distribution a text gives on its own; None when it gives none."""
        if evidence.log_likelihood is None:
            return None
        scores = evidence.log_likelihood - evidence.log_likelihood.max()
        exponent = self._np.exp(scores)
        result: NDArray[np.float64] = exponent / exponent.sum()
        return result

    def decide(
        self,
        evidences: Sequence[Evidence],
        threads: Sequence[Hashable],
        posts: Sequence[Hashable] | None = None,
    ) -> list[Detection]:
        """Detections for many evidences: threads[i] names the thread of text i, posts[i] its post; a
        text's context is the rest of its thread and of its post (each group summed once: linear)."""
        posteriors = [self.posterior(evidence) for evidence in evidences]
        weights = [context_weight(evidence) for evidence in evidences]
        thread_sums = ContextSums(len(self.candidates), threads, posteriors, weights)
        post_sums = ContextSums(len(self.candidates), posts, posteriors, weights) if posts is not None else None
        results = []
        for index, evidence in enumerate(evidences):
            own, weight = posteriors[index], weights[index]
            thread = thread_sums.around(threads[index], own, weight)
            post = post_sums.around(posts[index], own, weight) if post_sums is not None and posts else None
            results.append(self.decide_one(evidence, own, post, thread))
        return results

    def decide_one(
        self,
        evidence: Evidence,
        own: NDArray[np.float64] | None,
        post: Context | None,
        thread: Context | None,
    ) -> Detection:
        """One text's language from its own evidence and the (summed) contexts of its post and thread."""
        np = self._np
        if evidence.undetermined:
            return Detection(UNDETERMINED, 1.0 if evidence.letters == 0 else 0.8, "detected")
        other_script = own is not None and len(own) != len(self.candidates)
        context = None if other_script else self._prior(post, thread)
        languages = self.profiles.languages if other_script else self.candidates
        if own is None:
            if context is None:
                return Detection(UNDETERMINED, 0.5, "detected")
            best = int(np.argmax(context))
            return Detection(languages[best], calibrate(float(context[best]), 0, True), "context")
        prior = context
        preference = self._preference if not other_script and evidence.features < SHORT_FEATURES else None
        leaning = preference is not None
        if preference is not None:
            # Too short for the statistics: what the context leaves open leans to the preferred languages.
            prior = preference if prior is None else prior * preference
        combined = own if prior is None else own * prior
        combined = combined / combined.sum()
        best = int(np.argmax(combined))
        unsure = calibrate(float(combined[best]), evidence.features, context is not None) < LOW_CONFIDENCE
        if leaning and unsure and languages[best] not in self.preferred:
            # A guess all the same: let it be one of the preferred languages rather than any.
            best = max(range(len(languages)), key=lambda index: (languages[index] in self.preferred, combined[index]))
        # The lean to preferred languages is no context: without context the answer is the detector's own.
        source: LangSource = "detected" if context is None or best == int(np.argmax(own)) else "context"
        confidence = calibrate(float(combined[best]), evidence.features, context is not None)
        return Detection(languages[best], confidence, source)

    def _prior(self, post: Context | None, thread: Context | None) -> NDArray[np.float64] | None:
        """Post distribution first, then thread distribution, blended by how much text backs each."""
        if post is None and thread is None:
            return None
        size = len(self.candidates)
        blend = self._np.zeros(size)
        backing = 0.0
        if post is not None:
            # The post's own language weighs twice the thread's once it has enough text behind it.
            blend += 2 * min(1.0, post.mass) * post.total / post.mass
            backing += post.mass
        if thread is not None:
            blend += thread.total / thread.mass
            backing += thread.mass
        blend /= blend.sum()
        # Little text around gives a weak prior; plenty gives one down to the floor.
        strength = (1 - PRIOR_FLOOR) * min(1.0, backing)
        prior: NDArray[np.float64] = strength * blend + (1 - strength) / size
        return prior


@dataclass(frozen=True, slots=True)
class Context:
    """The language distribution around a text, as a weighted sum (so members can be added or removed)."""

    total: NDArray[np.float64]
    """Sum over members of weight x language distribution."""
    mass: float
    """Sum of the members' weights."""


class ContextSums:
    """Each group's length-weighted language distribution, summed once, so that any member's context is
    its group's sum less its own part: linear in the number of texts (summing the others for each text
    was quadratic: a 20,000-post thread took minutes to detect)."""

    def __init__(
        self,
        size: int,
        groups: Sequence[Hashable] = (),
        posteriors: Sequence[NDArray[np.float64] | None] = (),
        weights: Sequence[float] = (),
    ) -> None:
        """size: the number of candidate languages (the distribution of a text mostly in another script
        has another size and takes no part in contexts); then members to add at once."""
        self.size = size
        self._sums: dict[Hashable, tuple[NDArray[np.float64], float, int]] = {}
        for group, posterior, weight in zip(groups, posteriors, weights, strict=True):
            self.add(group, posterior, weight)

    def _part(self, posterior: NDArray[np.float64] | None, weight: float) -> NDArray[np.float64] | None:
        """What a member adds to its group's sum, or None when it adds nothing."""
        if posterior is None or len(posterior) != self.size or weight <= 0:
            return None
        part: NDArray[np.float64] = weight * posterior
        return part

    def add(self, group: Hashable, posterior: NDArray[np.float64] | None, weight: float) -> None:
        """Add one member's distribution to its group."""
        part = self._part(posterior, weight)
        if part is None:
            return
        found = self._sums.get(group)
        if found is None:
            self._sums[group] = (part, weight, 1)
        else:
            self._sums[group] = (found[0] + part, found[1] + weight, found[2] + 1)

    def around(self, group: Hashable, posterior: NDArray[np.float64] | None, weight: float) -> Context | None:
        """The context of a member of `group` with this distribution and weight: the rest of the group,
        None when no other member gives any."""
        found = self._sums.get(group)
        if found is None:
            return None
        total, mass, members = found
        part = self._part(posterior, weight)
        if part is not None:
            # Clipped: taking one's own part out may leave rounding noise just below zero.
            total, mass, members = (total - part).clip(min=0.0), mass - weight, members - 1
        return Context(total, mass) if members > 0 and mass > 0 else None


def context_weight(evidence: Evidence) -> float:
    """How much a text counts in the context of others: its letters, up to a cap."""
    return min(evidence.letters, WEIGHT_CAP) / WEIGHT_CAP


def calibrate(probability: float, features: int, with_context: bool) -> float:
    """A probability that the decision is right, from the posterior and the amount of evidence.

    The tempered ensemble posterior is close to calibrated already; only texts with very few n-grams
    (and no context) are trusted less. Fitted on the dev half of `benchmarks/langid.py`'s corpus: there,
    answers >= 0.9 were right 99.8% of the time (93% of texts), 0.6-0.9 about 80%, below 0.6 about 47%.
    """
    evidence_trust = 1 - math.exp(-(features + (CONTEXT_FEATURES if with_context else 0)) / FEATURE_SCALE)
    return round(max(0.0, min(1.0, probability * (TRUST_FLOOR + (1 - TRUST_FLOOR) * evidence_trust))), 4)


SURE = 0.9
"""The confidence at which `guess_language` names a language (answers were right 99.8% of the time there)."""


@functools.cache
def _any_language_detector() -> LanguageDetector:
    return LanguageDetector(_Profiles.get().languages)


def guess_language(text: str) -> str | None:
    """The language a longer text (a page's sentences) is written in, among every language the profiles
    know, when the detectors are sure of it; None when they are not or it has none."""
    found = _any_language_detector().detect_text(text)
    return found.lang if found.lang != UNDETERMINED and found.confidence >= SURE else None


def detect_languages(thread: Thread, detector: LanguageDetector | None = None) -> Thread:
    """The thread with `lang`, `lang_confidence` and `lang_source` on every block, `lang` on posts and
    on the thread. Blocks whose language a person set (`lang_source == "manual"`) keep it."""
    detector = detector or LanguageDetector()
    located = [(post_index, block) for post_index, post in enumerate(thread.posts) for block in post.blocks]
    evidences = []
    for _, block in located:
        if block.lang_source == "manual" and block.lang:
            evidences.append(_manual_evidence(detector, block))
        elif block.kind == "code":  # a program's words are no language, and no context for the prose around
            evidences.append(Evidence(None, 0, 0, undetermined=True))
        else:
            evidences.append(detector.evidence(block.text))
    detections = detector.decide(evidences, [0] * len(located), [post_index for post_index, _ in located])

    new_blocks: dict[int, list[Block]] = {}
    for (post_index, block), detection in zip(located, detections, strict=True):
        if block.lang_source == "manual" and block.lang:
            updated = block
        else:
            updated = replace(
                block, lang=detection.lang, lang_confidence=detection.confidence, lang_source=detection.source
            )
        new_blocks.setdefault(post_index, []).append(updated)

    posts = []
    for post_index, post in enumerate(thread.posts):
        blocks = tuple(new_blocks.get(post_index, ()))
        posts.append(replace(post, blocks=blocks, lang=_majority(blocks)))
    return replace(thread, posts=tuple(posts), lang=_majority([b for p in posts for b in p.blocks]))


def _manual_evidence(detector: LanguageDetector, block: Block) -> Evidence:
    """A person's choice as certain evidence, so it also guides the blocks around it."""
    np = detector._np
    assert block.lang is not None
    if block.lang not in detector.candidates:
        return Evidence(None, 0, 0, undetermined=block.lang == UNDETERMINED)
    vector = np.full(len(detector.candidates), -50.0)
    vector[detector.candidates.index(block.lang)] = 0.0
    return Evidence(vector, max(len(block.text), WEIGHT_CAP), WEIGHT_CAP, undetermined=False)


def _majority(blocks: Sequence[Block]) -> str:
    """The language covering most text (weighted by length and confidence); `und` when none has one."""
    weight: dict[str, float] = {}
    for block in blocks:
        if block.lang and block.lang != UNDETERMINED:
            weight[block.lang] = weight.get(block.lang, 0.0) + len(block.text) * (block.lang_confidence or 0.5)
    return max(weight, key=lambda code: weight[code]) if weight else UNDETERMINED


def check_overrides(overrides: dict[str, str], threads: Iterable[Thread]) -> None:
    """DetectionError naming the blocks set by hand that none of the threads holds."""
    known = {block.id for thread in threads for _, block in thread.blocks()}
    missing = sorted(set(overrides) - known)
    if missing:
        raise DetectionError(
            f"no block {', '.join(missing)} in this thread", "see the block ids with `translator inspect`"
        )


def set_languages(thread: Thread, overrides: dict[str, str]) -> Thread:
    """The thread with the given blocks' languages set by hand (`lang_source: "manual"`, confidence 1)."""
    if not overrides:
        return thread
    check_overrides(overrides, [thread])
    posts = []
    for post in thread.posts:
        blocks = tuple(
            replace(block, lang=overrides[block.id], lang_confidence=1.0, lang_source="manual")
            if block.id in overrides
            else block
            for block in post.blocks
        )
        posts.append(replace(post, blocks=blocks))
    return replace(thread, posts=tuple(posts))
