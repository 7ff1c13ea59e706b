"""A test glossary (fr-en) whose entries each exercise one matching rule; shared by the glossary tests."""

from __future__ import annotations

from pathlib import Path

from translator.glossary import Glossary, GlossaryFile

HEADER = """# test glossary
msgid ""
msgstr ""
"Content-Type: text/plain; charset=UTF-8\\n"
"Language: en\\n"
"Plural-Forms: nplurals=2; plural=(n != 1);\\n"
"X-Source-Language: fr\\n"
"""

ENTRIES = """
# Source: test.
#, keep
msgctxt "organisation"
msgid "SpaceX"
msgstr "SpaceX"

# Source: test.
#. variants: ULA
#, keep
msgctxt "organisation"
msgid "United Launch Alliance"
msgstr "United Launch Alliance"

# Source: test.
#, keep
msgctxt "organisation"
msgid "US Space Force"
msgstr "US Space Force"

# Source: test.
#, keep, case-sensitive
msgctxt "place"
msgid "US"
msgstr "US"

# Source: test.
#, keep
msgctxt "programme"
msgid "NSSL"
msgstr "NSSL"

# Source: test.
#, keep
msgctxt "programme"
msgid "NSSL Phase 3"
msgstr "NSSL Phase 3"

# Source: test.
msgctxt "person"
msgid "Vladimir Poutine"
msgstr "Vladimir Putin"

# Source: test.
#. forbidden: Poutine
#, case-sensitive
msgctxt "person"
msgid "Poutine"
msgstr "Putin"

# Source: test.
#. variants: Sergey Kirienko
msgctxt "person"
msgid "Sergueï Kirienko"
msgstr "Sergei Kiriyenko"

# Source: test.
msgctxt "title"
msgid "président russe"
msgid_plural "présidents russes"
msgstr[0] "Russian president"
msgstr[1] "Russian presidents"

# Source: test.
#. variants: ex-premier ministre
#. plural-variants: ex-premiers ministres
msgctxt "title"
msgid "ancien premier ministre"
msgid_plural "anciens premiers ministres"
msgstr[0] "former prime minister"
msgstr[1] "former prime ministers"

# Source: test.
msgctxt "title"
msgid "chef adjoint de l'administration présidentielle"
msgstr "deputy head of the presidential administration"

# Source: test.
msgctxt "title"
msgid "habilitation de sécurité"
msgstr "security clearance"

# Source: test.
#. variants: Sebastopol
msgctxt "place"
msgid "Sébastopol"
msgstr "Sevastopol"

# Source: test.
#. variants: Kyiv
#. forbidden: Kiev
msgctxt "place"
msgid "Kiev"
msgstr "Kyiv"

# Source: test.
#, keep
msgctxt "organisation"
msgid "Kremlin"
msgstr "Kremlin"

# Source: test: a word that must not match inside another.
msgctxt "product"
msgid "form"
msgstr "FORM"

# Source: test: the tail of aujourd'hui.
msgctxt "product"
msgid "hui"
msgstr "HUI"

# Source: test: two terms that overlap on "beta".
msgctxt "product"
msgid "alpha beta"
msgstr "AB"

# Source: test.
msgctxt "product"
msgid "beta gamma"
msgstr "BG"

# Source: test: an English wording never to write, whatever the source says.
#, forbidden
msgctxt "place"
msgid "Kharkov"
msgstr "Kharkiv"

# Source: test: not reviewed yet, so not applied.
#, fuzzy
msgctxt "product"
msgid "brouillon"
msgstr "draft"
"""
TEXT = HEADER + ENTRIES


def sample_glossary() -> Glossary:
    """The entries above as a ready glossary."""
    return Glossary.from_file(GlossaryFile(TEXT, Path("fr-en.po")))
