"""The test glossary as a fixture."""

from __future__ import annotations

import pytest

from tests.glossary.entries import sample_glossary
from translator.glossary import Glossary


@pytest.fixture(scope="module")
def glossary() -> Glossary:
    return sample_glossary()
