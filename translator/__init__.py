"""Offline translation of news articles and their comment threads: the core library (no UI)."""

__version__ = "0.1.0"

from translator.errors import TranslatorError
from translator.models import Block, Post, Thread, ThreadFile, Votes
from translator.readers import read_thread

__all__ = ["Block", "Post", "Thread", "ThreadFile", "TranslatorError", "Votes", "read_thread"]
