"""Translate whole threads: plan, reuse memory, protect glossary terms, one engine call per pair, check.

The flow per language pair: blocks in the target language are copied, blocks with no language are
copied and flagged; the rest are split into sentences; sentences the memory knows are reused; every
other distinct sentence of every thread goes to ONE batched engine call (quotes repeated across
comments are therefore translated once and rendered identically); sentences are joined back per block
and each unit is checked. Pure orchestration: no I/O besides the memory.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field, replace
from typing import TYPE_CHECKING

from translator.engine.base import Engine
from translator.errors import EngineError
from translator.models import (
    UNDETERMINED,
    Block,
    Post,
    QaIssue,
    Thread,
    TranslatedThread,
    TranslationUnit,
    UnitStatus,
)
from translator.qa import check_unit
from translator.segment import split_sentences

if TYPE_CHECKING:
    from translator.detect.detector import LanguageDetector
    from translator.glossary.matching import Glossary
    from translator.memory.store import TranslationMemory

GlossaryLookup = Callable[[str, str], "Glossary | None"]


@dataclass(frozen=True, slots=True)
class PipelineOptions:
    """How threads are translated."""

    target: str
    """Language to translate into (Argos code)."""
    source: str | None = None
    """Force this source language on every block that has a language (None: use detection)."""
    use_memory: bool = True
    """Reuse and feed the translation memory."""


@dataclass(frozen=True, slots=True)
class PipelineStats:
    """What one run did, for summaries and benchmarks."""

    blocks: int = 0
    """Blocks seen."""
    copied: int = 0
    """Blocks copied through (already in the target language, or no language)."""
    sentences: int = 0
    """Sentences to translate, repeats included."""
    from_memory: int = 0
    """Sentences (or whole blocks) reused from the memory."""
    translated: int = 0
    """Distinct sentences sent to the engine."""
    missing_pairs: tuple[str, ...] = ()
    """Pairs with no model: their blocks are left untranslated and flagged."""
    threads: tuple[PipelineStats, ...] = ()
    """The same figures per thread, in input order (a sentence several threads share counts for the
    first that needed it)."""

    @classmethod
    def of(cls, counts: Counter[str], missing: Iterable[str] = ()) -> PipelineStats:
        """Stats from counters named like the fields."""
        return cls(
            blocks=counts["blocks"],
            copied=counts["copied"],
            sentences=counts["sentences"],
            from_memory=counts["from_memory"],
            translated=counts["translated"],
            missing_pairs=tuple(sorted(set(missing))),
        )


@dataclass
class _Pending:
    """Blocks of one language pair waiting for translation."""

    units: list[tuple[int, int, Block]] = field(default_factory=list)
    """(thread index, unit index, block)."""


def translate_threads(
    threads: Sequence[Thread],
    options: PipelineOptions,
    engine: Engine,
    glossary_for: GlossaryLookup | None = None,
    memory: TranslationMemory | None = None,
    detector: LanguageDetector | None = None,
) -> tuple[list[TranslatedThread], PipelineStats]:
    """Translate many threads with one engine call per language pair for all of them."""
    from translator.detect.detector import detect_languages

    detected = [
        thread if all(block.lang for _, block in thread.blocks()) else detect_languages(thread, detector)
        for thread in threads
    ]
    units: list[list[TranslationUnit | None]] = []
    pending: dict[tuple[str, str], _Pending] = {}
    counts: list[Counter[str]] = [Counter() for _ in detected]
    missing: list[set[str]] = [set() for _ in detected]
    for thread_index, thread in enumerate(detected):
        row: list[TranslationUnit | None] = []
        for post, block in thread.blocks():
            counts[thread_index]["blocks"] += 1
            source = _source_language(block, options)
            if source in (options.target, UNDETERMINED) or not block.text.strip():
                counts[thread_index]["copied"] += 1
                row.append(_copied(post, block, source, options.target))
                continue
            pending.setdefault((source, options.target), _Pending()).units.append((thread_index, len(row), block))
            row.append(None)
        units.append(row)

    posts = {
        (thread_index, block.id): post
        for thread_index, thread in enumerate(detected)
        for post, block in thread.blocks()
    }
    models: list[list[str]] = [[] for _ in detected]
    glossary_names: list[list[str]] = [[] for _ in detected]
    for (source, target), work in sorted(pending.items()):
        glossary = glossary_for(source, target) if glossary_for else None
        try:
            model_id = engine.model_id(source, target)
        except EngineError as error:
            for thread_index, unit_index, block in work.units:
                missing[thread_index].add(f"{source}-{target}")
                post = posts[(thread_index, block.id)]
                issue = QaIssue("no-model", f"{error.message} ({error.hint})")
                units[thread_index][unit_index] = TranslationUnit(
                    block, post.id, source, target, "", "machine", issues=(issue,)
                )
            continue
        memory_used = memory if options.use_memory else None
        _translate_pair(work, source, target, engine, model_id, glossary, memory_used, posts, units, counts)
        for thread_index in {thread_index for thread_index, *_ in work.units}:
            models[thread_index].append(f"{source}-{target}: {model_id}")
            if glossary is not None:
                glossary_names[thread_index].append(f"{source}-{target}: {glossary.version}")

    per_thread = tuple(PipelineStats.of(count, gone) for count, gone in zip(counts, missing, strict=True))
    stats = replace(
        PipelineStats.of(sum(counts, Counter()), (pair for gone in missing for pair in gone)), threads=per_thread
    )
    results = []
    for thread_index, thread in enumerate(detected):
        finished = tuple(unit for unit in units[thread_index] if unit is not None)
        assert len(finished) == len(units[thread_index])
        results.append(
            TranslatedThread(
                thread=thread,
                target_lang=options.target,
                units=finished,
                models=tuple(models[thread_index]),
                glossaries=tuple(glossary_names[thread_index]),
            )
        )
    return results, stats


def translate_thread(
    thread: Thread,
    options: PipelineOptions,
    engine: Engine,
    glossary_for: GlossaryLookup | None = None,
    memory: TranslationMemory | None = None,
    detector: LanguageDetector | None = None,
) -> TranslatedThread:
    """Translate one thread (see `translate_threads`)."""
    results, _ = translate_threads([thread], options, engine, glossary_for, memory, detector)
    return results[0]


def _source_language(block: Block, options: PipelineOptions) -> str:
    if block.lang_source == "manual" and block.lang:
        return block.lang
    if options.source and block.lang != UNDETERMINED:
        return options.source
    return block.lang or UNDETERMINED


def _copied(post: Post, block: Block, source: str, target: str) -> TranslationUnit:
    issues: tuple[QaIssue, ...] = ()
    if source == UNDETERMINED and block.text.strip():
        issues = (QaIssue("no-language", "no language detected: copied as is; set one if it needs translating"),)
    return TranslationUnit(block, post.id, source, target, block.text, "copied", issues=issues)


def _translate_pair(
    work: _Pending,
    source: str,
    target: str,
    engine: Engine,
    model_id: str,
    glossary: Glossary | None,
    memory: TranslationMemory | None,
    posts: dict[tuple[int, str], Post],
    units: list[list[TranslationUnit | None]],
    counts: list[Counter[str]],
) -> None:
    from translator.memory.store import MemoryEntry

    glossary_version = glossary.version if glossary is not None else ""
    # Whole blocks first: a reviewed block, or one this model and glossary translated before, is reused
    # as is, without splitting it again.
    known_blocks: dict[str, MemoryEntry] = {}
    if memory is not None:
        known_blocks = memory.lookup([b.text for *_, b in work.units], source, target, model_id, glossary_version)
    sentences_of = {
        block.text: split_sentences(block.text, source) for *_, block in work.units if block.text not in known_blocks
    }
    all_sentences = [sentence for sentences in sentences_of.values() for sentence in sentences]
    remembered = memory.lookup(all_sentences, source, target, model_id, glossary_version) if memory else {}
    to_translate = list(dict.fromkeys(sentence for sentence in all_sentences if sentence not in remembered))
    translations: dict[str, tuple[str, tuple[str, ...], bool]] = {}
    if to_translate:
        if glossary is not None:
            from translator.glossary.protect import translate_with_glossary

            for sentence, result in zip(
                to_translate,
                translate_with_glossary(to_translate, source, target, engine, glossary),
                strict=True,
            ):
                applied = tuple(f"{use.match.text} -> {use.rendering}" for use in result.terms if use.placed)
                translations[sentence] = (result.text, applied, result.needs_review)
        else:
            for sentence, text in zip(to_translate, engine.translate_batch(to_translate, source, target), strict=True):
                translations[sentence] = (text, (), False)

    first_needed: set[str] = set()
    new_entries: dict[str, str] = {}
    for thread_index, unit_index, block in work.units:
        count = counts[thread_index]
        post = posts[(thread_index, block.id)]
        if block.text in known_blocks:
            entry = known_blocks[block.text]
            count["sentences"] += 1
            count["from_memory"] += 1
            status: UnitStatus = "reviewed" if entry.origin == "human" else "draft"
            issues = tuple(check_unit(block.text, entry.target, glossary))
            units[thread_index][unit_index] = TranslationUnit(
                block, post.id, source, target, entry.target, "memory", status=status, issues=issues
            )
            continue
        sentences = sentences_of[block.text]
        count["sentences"] += len(sentences)
        pieces: list[str] = []
        terms: list[str] = []
        needs_review = False
        from_engine = False
        for sentence in sentences:
            if sentence in remembered:
                count["from_memory"] += 1
                pieces.append(remembered[sentence].target)
                continue
            text, sentence_terms, review = translations[sentence]
            if sentence not in first_needed:
                first_needed.add(sentence)
                count["translated"] += 1
                if text.strip() and not review:
                    new_entries[sentence] = text
            pieces.append(text)
            terms.extend(sentence_terms)
            needs_review = needs_review or review
            from_engine = True
        target_text = " ".join(piece for piece in pieces if piece)
        if len(sentences) > 1 and target_text.strip() and not needs_review:
            new_entries[block.text] = target_text
        unit_issues = check_unit(block.text, target_text, glossary)
        if needs_review:
            unit_issues.append(QaIssue("glossary-fallback", "a glossary term needed a fallback: check the terms"))
        units[thread_index][unit_index] = TranslationUnit(
            block,
            post.id,
            source,
            target,
            target_text,
            "machine" if from_engine else "memory",
            terms=tuple(dict.fromkeys(terms)),
            issues=tuple(unit_issues),
        )
    if memory is not None and new_entries:
        memory.store(
            MemoryEntry(source, target, text, translation, "machine", model_id, glossary_version)
            for text, translation in new_entries.items()
        )
