"""Domain glossaries: PO term bases kept with minimal diffs, matched fast, protected through MT, checked after.

terms      the entry (GlossaryTerm), its flags, categories and fields
document   GlossaryFile: the PO file, edited without losing its formatting
matching   folding, the matcher, TermMatch, Glossary (the terms of one pair, ready to match)
align      placing terms in a translation (fallback) and finding target wordings, each once
protect    protect / restore / translate_with_glossary around an engine (placeholders: translator.placeholders)
checks     check_terms: QA of a translation against the glossary
editing    add_term: the one way a term is added (validated, linted, saved atomically)
store      which glossary serves a pair (GlossaryStore), the shipped folder
lint       what maintainers check before committing (`translator glossary lint`)
exchange   CSV and TBX import/export

Nothing here imports polib or pyahocorasick until a file is read or a text matched.
"""

from translator.glossary.align import TermUse
from translator.glossary.checks import TermIssue, check_terms
from translator.glossary.document import GlossaryFile
from translator.glossary.editing import add_term, checked_term, open_glossary
from translator.glossary.matching import Glossary, TermMatch, fold, fold_exact, render_term
from translator.glossary.protect import (
    GlossaryResult,
    ProtectedSentence,
    Slot,
    protect,
    restore,
    translate_with_glossary,
)
from translator.glossary.store import (
    INSTALLED_GLOSSARIES,
    GlossaryStore,
    default_glossary_dir,
    glossary_path,
    load_glossary,
)
from translator.glossary.terms import (
    CATEGORIES,
    FLAG_CASE_SENSITIVE,
    FLAG_FORBIDDEN,
    FLAG_FUZZY,
    FLAG_KEEP,
    KNOWN_FLAGS,
    GlossaryTerm,
    parse_pair,
)

__all__ = [
    "CATEGORIES",
    "FLAG_CASE_SENSITIVE",
    "FLAG_FORBIDDEN",
    "FLAG_FUZZY",
    "FLAG_KEEP",
    "INSTALLED_GLOSSARIES",
    "KNOWN_FLAGS",
    "Glossary",
    "GlossaryFile",
    "GlossaryResult",
    "GlossaryStore",
    "GlossaryTerm",
    "ProtectedSentence",
    "Slot",
    "TermIssue",
    "TermMatch",
    "TermUse",
    "add_term",
    "check_terms",
    "checked_term",
    "default_glossary_dir",
    "fold",
    "fold_exact",
    "glossary_path",
    "load_glossary",
    "open_glossary",
    "parse_pair",
    "protect",
    "render_term",
    "restore",
    "translate_with_glossary",
]
