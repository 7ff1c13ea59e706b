"""`translator glossary lint`: each kind of problem a maintainer can make, found and explained."""

from __future__ import annotations

from pathlib import Path

import pytest

from translator.glossary.lint import lint_file

HEADER = """msgid ""
msgstr ""
"Content-Type: text/plain; charset=UTF-8\\n"
"Language: en\\n"
"Plural-Forms: nplurals=2; plural=(n != 1);\\n"
"X-Source-Language: fr\\n"

# Source: test.
msgctxt "place"
msgid "Kiev"
msgstr "Kyiv"
"""


def entry(body: str, note: str = "# Source: test.\n") -> str:
    return HEADER + "\n" + note + body


LINT_CASES = [
    # unknown flag
    (entry('#, keep, shouty\nmsgctxt "place"\nmsgid "Paris"\nmsgstr "Paris"\n'), "error", "unknown flag 'shouty'"),
    # two kinds at once
    (entry('#, keep, forbidden\nmsgctxt "place"\nmsgid "Paris"\nmsgstr "Paris"\n'), "error", "both keep and forbidden"),
    # check-only is for a translation the sentence may decline, not a kept or forbidden wording
    (entry('#, keep, check-only\nmsgctxt "place"\nmsgid "Paris"\nmsgstr "Paris"\n'), "error", "check-only is for"),
    (
        entry('#. target-variants: Parise\n#, keep\nmsgctxt "place"\nmsgid "Paris"\nmsgstr "Paris"\n'),
        "warning",
        "target variants are not used",
    ),
    # a fuzzy entry is not applied
    (entry('#, fuzzy\nmsgctxt "place"\nmsgid "Lyon"\nmsgstr "Lyons"\n'), "warning", "is fuzzy"),
    # no category
    (entry('msgid "Lyon"\nmsgstr "Lyons"\n'), "warning", "no category"),
    # unknown category
    (entry('msgctxt "planet"\nmsgid "Mars"\nmsgstr "Mars"\n'), "error", "unknown category 'planet'"),
    # an extracted comment that is not a field
    (entry('#. see also: Lyon\nmsgctxt "place"\nmsgid "Lyon"\nmsgstr "Lyons"\n'), "error", "is not a field"),
    # no source note
    (entry('msgctxt "place"\nmsgid "Lyon"\nmsgstr "Lyons"\n', note=""), "warning", "no note"),
    # empty target
    (entry('msgctxt "place"\nmsgid "Lyon"\nmsgstr ""\n'), "error", "empty target"),
    # empty plural target
    (
        entry('msgctxt "product"\nmsgid "fusée"\nmsgid_plural "fusées"\nmsgstr[0] "rocket"\nmsgstr[1] ""\n'),
        "error",
        "empty target",
    ),
    # a kept term with another msgstr
    (entry('#, keep\nmsgctxt "product"\nmsgid "Starlink"\nmsgstr "Starling"\n'), "error", "is keep"),
    # an entry that forbids its own target
    (entry('#. forbidden: Lyons\nmsgctxt "place"\nmsgid "Lyon"\nmsgstr "Lyons"\n'), "error", "forbids its own target"),
    # forms that can never match
    (entry('msgctxt "place"\nmsgid "Saint  Denis"\nmsgstr "Saint-Denis"\n'), "error", "can never match"),
    (entry('#. variants: Lyon | ...\nmsgctxt "place"\nmsgid "Lyon"\nmsgstr "Lyons"\n'), "error", "no letter or digit"),
    (entry('msgctxt "place"\nmsgid "⟦Lyon⟧"\nmsgstr "Lyons"\n'), "error", "placeholder characters"),
    # the same msgctxt + msgid twice (msgfmt rejects it)
    (entry('msgctxt "place"\nmsgid "Kiev"\nmsgstr "Kyiv"\n'), "error", "duplicate entry"),
    # the same form in two categories with the same rendering
    (entry('msgctxt "title"\nmsgid "kiev"\nmsgstr "Kyiv"\n'), "error", "duplicate: 'kiev'"),
    # the same form rendered two ways
    (entry('msgctxt "person"\nmsgid "Kiev"\nmsgstr "Kiew"\n'), "error", "conflicting entries: 'Kiev'"),
    # a variant that repeats the msgid
    (entry('#. variants: Lyon\nmsgctxt "place"\nmsgid "Lyon"\nmsgstr "Lyons"\n'), "warning", "listed 2 times"),
    # a forbidden wording that another entry uses as its target
    (entry('#. forbidden: Kyiv\nmsgctxt "place"\nmsgid "Lviv"\nmsgstr "Lviv"\n'), "error", "is the target of"),
    # plurals need Plural-Forms
    (
        entry(
            'msgctxt "product"\nmsgid "fusée"\nmsgid_plural "fusées"\nmsgstr[0] "rocket"\nmsgstr[1] "rockets"\n'
        ).replace('"Plural-Forms: nplurals=2; plural=(n != 1);\\n"\n', ""),
        "error",
        "no Plural-Forms",
    ),
    # the header names another pair
    (HEADER.replace("X-Source-Language: fr", "X-Source-Language: de"), "error", "X-Source-Language is 'de'"),
    # not UTF-8
    (HEADER.replace("charset=UTF-8", "charset=ISO-8859-1"), "error", "charset=UTF-8"),
    # invalid PO
    (HEADER + 'msgid "a"\nmsgstr "b"\nmsgid\n', "error", 'msgid must be followed by a "string"'),
]


@pytest.mark.parametrize(("text", "severity", "message"), LINT_CASES)
def test_lint(tmp_path: Path, text: str, severity: str, message: str) -> None:
    path = tmp_path / "fr-en.po"
    path.write_text(text, encoding="utf-8")
    issues = lint_file(path, use_msgfmt=False)
    assert any(issue.severity == severity and message in issue.message for issue in issues), issues


def test_a_clean_file_has_no_issue(tmp_path: Path) -> None:
    path = tmp_path / "fr-en.po"
    path.write_text(HEADER, encoding="utf-8")
    assert lint_file(path, use_msgfmt=False) == []


def test_a_file_named_off_pattern_is_warned_about(tmp_path: Path) -> None:
    path = tmp_path / "french.po"
    path.write_text(HEADER, encoding="utf-8")
    assert [issue.message for issue in lint_file(path, use_msgfmt=False)] == [
        "name the file fr-en.po so the translator finds it"
    ]


def test_msgfmt_catches_what_polib_lets_through(tmp_path: Path) -> None:
    path = tmp_path / "fr-en.po"
    path.write_text(HEADER + '\nmsgctxt "place"\nmsgid "a"\nmsgstr "b"\n"unterminated\n', encoding="utf-8")
    issues = lint_file(path)
    assert any(issue.severity == "error" and issue.message.startswith("msgfmt:") for issue in issues), issues
