"""One error family for everything a user can get wrong; only the CLI and TUI render it.

TranslatorError                 message + hint, shown as one line at the edge
 ├── InputError                 a thread file that cannot be read (missing, binary, empty, unparsable)
 ├── DetectionError             language detection input or settings (bad language code, bad JSONL line)
 ├── EngineError                translation engine problems (missing model for a pair, failed load)
 ├── ModelStoreError            installing, finding or removing Argos packages
 ├── GlossaryError              glossary files and edits
 ├── TranslationMemoryError     the translation memory database
 ├── OutputError                writing results
 └── ClusterError               running a batch on a Ray cluster (Ray missing, cluster unreachable, workers lost)
"""

from __future__ import annotations


class TranslatorError(Exception):
    """A problem the user can fix: what is wrong, and what to do about it."""

    def __init__(self, message: str, hint: str | None = None) -> None:
        super().__init__(message)
        self.message = message
        self.hint = hint

    def __str__(self) -> str:
        return f"{self.message} ({self.hint})" if self.hint else self.message


class InputError(TranslatorError):
    """A thread file could not be read."""


class DetectionError(TranslatorError):
    """Language detection could not run on the given input or settings."""


class EngineError(TranslatorError):
    """The translation engine could not translate."""


class ModelStoreError(TranslatorError):
    """An Argos package could not be found, installed or removed."""


class GlossaryError(TranslatorError):
    """A glossary file or edit is invalid."""


class TranslationMemoryError(TranslatorError):
    """The translation memory could not be read or written."""


class OutputError(TranslatorError):
    """A result could not be written."""


class ClusterError(TranslatorError):
    """A batch could not run on the Ray cluster."""
