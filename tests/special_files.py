"""Odd things on disk for tests of hostile input: a file where a folder belongs, a FIFO, a socket."""

from __future__ import annotations

import os
import socket
from pathlib import Path


def existing_file(path: Path) -> Path:
    """A small regular file at path (where the code under test may expect a folder)."""
    path.write_text("not a folder")
    return path


def fifo(path: Path) -> Path:
    """A named pipe with no writer: opening it for reading blocks."""
    os.mkfifo(path)
    return path


def unix_socket(path: Path) -> Path:
    """A socket file left by a server that is gone: it cannot even be opened."""
    server = socket.socket(socket.AF_UNIX)
    server.bind(str(path))
    server.close()
    return path
