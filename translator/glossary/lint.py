"""Checks maintainers run on glossary files before committing (`translator glossary lint`)."""

from __future__ import annotations

import os
import re
import shutil
import subprocess
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Literal

from translator.errors import GlossaryError
from translator.glossary.document import GlossaryFile
from translator.glossary.matching import fold, fold_exact
from translator.glossary.terms import (
    CATEGORIES,
    FLAG_FORBIDDEN,
    FLAG_FUZZY,
    FLAG_KEEP,
    KNOWN_FLAGS,
    PAIR,
    GlossaryTerm,
    parse_fields,
    term_from_entry,
)
from translator.placeholders import DEFAULT_STYLE

Severity = Literal["error", "warning"]
NPLURALS = re.compile(r"nplurals\s*=\s*(\d+)")
SYNTAX_LINE = re.compile(r"line (\d+)")
MSGFMT_LINE = re.compile(r"^.*?:(?P<line>\d+): (?P<message>.*)$")


@dataclass(frozen=True, slots=True)
class LintIssue:
    """One problem in a glossary file."""

    path: str
    """The file, as given."""
    line: int | None
    """Where the entry starts (1-based), when the problem belongs to one."""
    severity: Severity
    """`error` (the glossary is wrong) or `warning` (it works, but probably not as meant)."""
    message: str
    """What is wrong, for the maintainer."""

    def __str__(self) -> str:
        where = f"{self.path}:{self.line}" if self.line else self.path
        return f"{where}: {self.severity}: {self.message}"


def lint_file(path: Path, use_msgfmt: bool = True) -> list[LintIssue]:
    """Every problem in a glossary file, in file order (errors and warnings). polib is lenient with some
    broken files: when gettext's msgfmt is installed, its `--check` findings are added."""
    issues = msgfmt_issues(path) if use_msgfmt else []
    try:
        document = GlossaryFile.load(path)
    except GlossaryError as error:
        found = SYNTAX_LINE.search(error.message)
        issues.append(LintIssue(str(path), int(found.group(1)) if found else None, "error", error.message))
        return issues
    issues += lint_document(document, str(path))
    issues.sort(key=lambda issue: issue.line or 0)
    return issues


def msgfmt_issues(path: Path) -> list[LintIssue]:
    """What `msgfmt --check` says about the file, or nothing when msgfmt is not installed."""
    msgfmt = shutil.which("msgfmt")
    if msgfmt is None:
        return []
    done = subprocess.run(
        [msgfmt, "--check", "-o", os.devnull, str(path)], capture_output=True, text=True, encoding="utf-8", check=False
    )
    issues = []
    for line in done.stderr.splitlines():
        found = MSGFMT_LINE.match(line)
        if not found:
            continue
        message = found.group("message")
        if message.startswith("..."):
            continue  # the second line of a duplicate: where the first definition is
        severity: Severity = "warning" if message.startswith("warning:") else "error"
        message = message.removeprefix("warning: ").removeprefix("error: ")
        issues.append(LintIssue(str(path), int(found.group("line")), severity, f"msgfmt: {message}"))
    if done.returncode != 0 and not any(issue.severity == "error" for issue in issues):
        issues.append(LintIssue(str(path), None, "error", f"msgfmt --check failed: {done.stderr.strip()[:200]}"))
    return issues


def lint_document(document: GlossaryFile, name: str) -> list[LintIssue]:
    """Every problem in a loaded glossary."""
    issues: list[LintIssue] = []

    def report(line: int | None, severity: Severity, message: str) -> None:
        issues.append(LintIssue(name, line, severity, message))

    _check_header(document, report)
    lines = document.line_numbers()
    entries = document.entries()
    seen_ids: dict[tuple[str | None, str], int | None] = {}
    forms: dict[tuple[bool, str], tuple[GlossaryTerm, str]] = {}
    targets: dict[str, GlossaryTerm] = {}
    forbidden: dict[str, GlossaryTerm] = {}
    for entry in entries:
        line = lines.get(id(entry))
        term = term_from_entry(entry, line)
        key = (entry.msgctxt, entry.msgid)
        if key in seen_ids:
            report(line, "error", f"duplicate entry {_label(term)}: also at line {seen_ids[key]} (msgfmt rejects it)")
        seen_ids[key] = line
        _check_entry(entry, term, line, report)
        if term.kind == "forbidden":
            forbidden.setdefault(fold(term.source), term)
            continue
        for wording in term.forbidden:
            forbidden.setdefault(fold(wording), term)
        for target in term.target_forms():
            targets.setdefault(fold(target), term)
        for form, plural in term.source_forms():
            slot = (term.case_sensitive, fold_exact(form) if term.case_sensitive else fold(form))
            if slot not in forms:
                forms[slot] = (term, term.target_for(plural))
                continue
            other, other_target = forms[slot]
            if other_target == term.target_for(plural) or (term.kind == other.kind == "keep"):
                report(line, "error", f"duplicate: {form!r} is already a form of {_label(other)} (line {other.line})")
            else:
                report(
                    line,
                    "error",
                    f"conflicting entries: {form!r} is rendered {term.target_for(plural)!r} here and "
                    f"{other_target!r} by {_label(other)} (line {other.line})",
                )
    for folded, term in forbidden.items():
        owner = targets.get(folded)
        if owner is not None:
            report(
                term.line,
                "error",
                f"conflicting entries: {folded!r} is forbidden here but is the target of {_label(owner)} "
                f"(line {owner.line})",
            )
    issues.sort(key=lambda issue: issue.line or 0)
    return issues


def _label(term: GlossaryTerm) -> str:
    return f"{term.source!r} ({term.category})" if term.category else repr(term.source)


def _check_header(document: GlossaryFile, report: Any) -> None:
    metadata = document.metadata
    content_type = metadata.get("Content-Type", "")
    if "charset=utf-8" not in content_type.lower().replace(" ", ""):
        report(None, "error", "the header must say Content-Type: text/plain; charset=UTF-8")
    try:
        source, target = document.pair()
    except GlossaryError as error:
        report(None, "error", error.message)
        return
    stated_source = metadata.get("X-Source-Language", "").strip().lower()
    stated_target = metadata.get("Language", "").strip().lower()
    if stated_source and stated_source != source:
        report(None, "error", f"X-Source-Language is {stated_source!r} but the file is for {source}-{target}")
    if stated_target and stated_target.split("_")[0] != target:
        report(None, "error", f"Language is {stated_target!r} but the file is for {source}-{target}")
    if document.path is not None and not PAIR.match(document.path.stem):
        report(None, "warning", f"name the file {source}-{target}.po so the translator finds it")
    plural_entries = [entry for entry in document.entries() if entry.msgid_plural]
    if plural_entries:
        found = NPLURALS.search(metadata.get("Plural-Forms", ""))
        if not found:
            report(None, "error", "entries have plurals but the header has no Plural-Forms (msgfmt rejects it)")
        else:
            count = int(found.group(1))
            for entry in plural_entries:
                if len(entry.msgstr_plural) != count:
                    report(
                        document.line_of(entry),
                        "error",
                        f"{entry.msgid!r} has {len(entry.msgstr_plural)} msgstr[n] but Plural-Forms says {count}",
                    )


def _check_entry(entry: Any, term: GlossaryTerm, line: int | None, report: Any) -> None:
    label = _label(term)
    for flag in term.flags:
        if flag not in KNOWN_FLAGS:
            report(line, "error", f"unknown flag {flag!r} on {label} (known: {', '.join(KNOWN_FLAGS)})")
    if FLAG_KEEP in term.flags and FLAG_FORBIDDEN in term.flags:
        report(line, "error", f"{label} cannot be both keep and forbidden")
    if term.check_only and term.kind != "preferred":
        report(line, "error", f"{label} is {term.kind}: check-only is for a translation the sentence may decline")
    if term.target_variants and term.kind != "preferred":
        report(line, "warning", f"{label} is {term.kind}: its target variants are not used")
    if FLAG_FUZZY in term.flags:
        report(line, "warning", f"{label} is fuzzy: it is not applied until the flag is removed")
    if term.category is None:
        report(line, "warning", f"{label} has no category (msgctxt): use one of {', '.join(CATEGORIES)}")
    elif term.category not in CATEGORIES:
        report(line, "error", f"unknown category {term.category!r} on {label} (use one of {', '.join(CATEGORIES)})")
    _, unknown = parse_fields(entry.comment or "")
    for text in unknown:
        known = "variants, plural-variants, forbidden, target-variants"
        report(line, "error", f"#. line {text!r} on {label} is not a field ({known})")
    if not term.notes.strip():
        report(line, "warning", f"{label} has no note: add a translator comment with its source")
    targets = list(entry.msgstr_plural.values()) if entry.msgid_plural else [entry.msgstr]
    if term.kind == "preferred" and any(not target.strip() for target in targets):
        report(line, "error", f"empty target for {label}")
    if term.kind == "keep":
        sources = [entry.msgid, entry.msgid_plural] if entry.msgid_plural else [entry.msgid]
        if any(target and target != source for target, source in zip(targets, sources, strict=False)):
            report(line, "error", f"conflicting: {label} is keep (do-not-translate) but has msgstr {targets[0]!r}")
    if term.kind == "forbidden" and (term.variants or term.plural_variants or term.source_plural):
        report(line, "warning", f"{label} is a forbidden wording: its variants and plural are not used")
    for wording in term.forbidden:
        if term.kind != "forbidden" and any(fold(wording) == fold(target) for target in term.target_forms()):
            report(line, "error", f"conflicting: {label} forbids its own target {wording!r}")
    counted: dict[str, int] = {}
    for form in [term.source, *term.variants, *(term.source_plural or "",), *term.plural_variants]:
        if not form:
            continue
        problem = _never_matches(form)
        if problem:
            report(line, "error", f"{form!r} in {label} can never match: {problem}")
        counted[form] = counted.get(form, 0) + 1
    for form, count in counted.items():
        if count > 1:
            report(line, "warning", f"{form!r} is listed {count} times in {label}")


def _never_matches(form: str) -> str | None:
    if not form.strip():
        return "it is blank"
    if form != form.strip():
        return "it starts or ends with a space"
    if "  " in form or any(char in form for char in "\t\n\r"):
        return "it holds a double space, tab or line break (text is matched with single spaces)"
    if any(char in DEFAULT_STYLE.delimiters for char in form):
        return "it holds placeholder characters (⟦ ⟧)"
    if not any(char.isalnum() for char in form):
        return "it has no letter or digit"
    return None
