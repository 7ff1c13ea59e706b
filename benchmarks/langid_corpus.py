"""Builds a language-identification corpus from human-translated Debian documentation, fetched at run time."""

from __future__ import annotations

import argparse
import collections
import gettext
import gzip
import html.parser
import io
import json
import random
import re
import shutil
import subprocess
import sys
import tarfile
import unicodedata
import xml.etree.ElementTree as ET
import zlib
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path

DEFAULT_CACHE = Path.home() / ".cache" / "thread-translator" / "langid-corpus"
LANGS = [
    "cs", "da", "de", "el", "en", "es", "fi", "fr", "hu", "id", "it",
    "nb", "nl", "pl", "pt", "ro", "ru", "sv", "tr", "uk", "vi",
]  # fmt: skip
BUCKETS = ("<30", "30-100", "100-300", ">300")
CAP_PER_LANG = 3000
FORMAT_VERSION = 2

# Man pages: manpages-l10n translations, the Turkish project's own package, and the English originals.
MANPAGE_PACKAGES = [f"manpages-{lang}" for lang in LANGS if lang not in {"en", "pt", "tr"}] + [
    "manpages-pt-br",
    "manpages-tr",
    "manpages",
]
# gettext catalogs whose translations carry full sentences (error messages, --help paragraphs).
CATALOG_PACKAGES = ["coreutils", "gnupg-l10n", "util-linux-locales", "e2fsprogs-l10n"]
# GNOME desktop help in Mallard XML: task-oriented prose written for end users.
HELP_PACKAGES = ["gnome-user-docs"]
# DocBook HTML manuals: the Debian installation guide (18 languages) and the Debian Edu manuals, which (with
# the legacy ITIL guide, written in Norwegian) are the one sizeable body of Bokmål prose in the archive; the
# English manual is there to recognise the paragraphs the Bokmål one left untranslated. Package -> (language
# when the package has only one, pages to read).
HTML_PACKAGES: dict[str, tuple[str | None, str]] = {
    "installation-guide-amd64": (None, r"[^/]+"),
    "debian-edu-doc-nb-no": ("nb", r"debian-edu-\w+-manual"),
    "debian-edu-doc-legacy-nb-no": ("nb", r"debian-edu-itil-manual"),  # the others: English instrument tables
    "debian-edu-doc-en": ("en", r"debian-edu-\w+-manual"),
}
HTML_CHUNK = 20
CATALOG_CHUNKS = 32
MAX_TEXT_CHARS = 1500

# Function words that mark an untranslated English leftover and are not words of the other 20 languages.
ENGLISH_MARKERS = frozenset([
    "the", "and", "with", "this", "that", "which", "your", "you", "these", "those", "should", "there",
    "their", "been", "would", "could", "into", "some", "does", "have", "when", "where", "what", "only",
    "not", "other", "such", "each", "must", "used", "using", "following", "before",
])  # fmt: skip
CYRILLIC_OR_GREEK = {"el": "GREEK", "ru": "CYRILLIC", "uk": "CYRILLIC"}
FORMAT_DIRECTIVE = re.compile(r"%(?:\d+\$)?[-+ #0']*(?:\d+|\*)?(?:\.(?:\d+|\*))?[hlLqjzt]*[a-zA-Z<%]")
URLISH = re.compile(r"https?://|www\.|\S@\S|\w\.(?:com|org|net|html?)\b|/\w+/|~/|\.\./")
CODE_CHARS = set("{}[]<>|=_\\/$#;`^*")
# "  -a, --all   do not ignore..." or "  INTEGER1 -eq INTEGER2   INTEGER1 is equal...": keep the description.
OPTION_LINE = re.compile(r"^(?:\s+\S+(?: \S+)*|\s*-\S+(?: \S+)*)\s{2,}(?P<desc>\S.*)$")


@dataclass(frozen=True)
class Text:
    """One clean paragraph or string of a known language."""

    lang: str
    """Argos language code."""
    doc: str
    """Language-independent document id (`man/ls.1`, `gnome-help/files-copy`, `coreutils.mo/07`)."""
    text: str
    """The text itself, whitespace-normalised."""


def bucket_of(text: str) -> str:
    """The length bucket a text falls in."""
    n = len(text)
    if n < 30:
        return "<30"
    if n <= 100:
        return "30-100"
    if n <= 300:
        return "100-300"
    return ">300"


def split_of(doc: str) -> str:
    """The half (`dev` or `test`) a document is in; a doc id lands in the same half in every language."""
    return "dev" if zlib.crc32(doc.encode()) % 2 == 0 else "test"


def lang_of_locale(name: str) -> str | None:
    """Maps a Debian locale directory name (`pt_BR`, `nb`, `no`, `C`) to an Argos code, or None."""
    if "@" in name:
        return None
    code = {"C": "en", "no": "nb"}.get(name, name.split("_")[0])
    return code if code in LANGS else None


# ---------------------------------------------------------------- download


def download(packages: list[str], debs: Path) -> dict[str, Path]:
    """Fetches each package's .deb into `debs` with `apt-get download` (once) and returns their paths."""
    debs.mkdir(parents=True, exist_ok=True)
    missing = [p for p in packages if not list(debs.glob(f"{p}_*.deb"))]
    if missing:
        if shutil.which("apt-get") is None:
            raise SystemExit("apt-get not found: the corpus is built from Debian packages")
        command = ["apt-get", "download", *missing]
        done = subprocess.run(command, cwd=debs, capture_output=True, text=True, check=False)
        if done.returncode != 0:
            raise SystemExit(f"apt-get download failed (run `apt-get update` first?):\n{done.stderr.strip()}")
    found: dict[str, Path] = {}
    for package in packages:
        candidates = sorted(debs.glob(f"{package}_*.deb"))
        if not candidates:
            raise SystemExit(f"package {package} was not downloaded")
        found[package] = candidates[-1]
    return found


def deb_members(deb: Path, wanted: re.Pattern[str]) -> Iterator[tuple[str, bytes]]:
    """Streams the files of a .deb whose path matches `wanted`, without unpacking the rest to disk."""
    with subprocess.Popen(["dpkg-deb", "--fsys-tarfile", str(deb)], stdout=subprocess.PIPE) as proc:
        assert proc.stdout is not None
        with tarfile.open(fileobj=proc.stdout, mode="r|") as tar:
            for member in tar:
                name = member.name.removeprefix("./")
                if member.isfile() and wanted.search(name):
                    handle = tar.extractfile(member)
                    if handle is not None:
                        yield name, handle.read()
        proc.stdout.read()
    if proc.returncode != 0:
        raise SystemExit(f"dpkg-deb could not read {deb}")


# ---------------------------------------------------------------- cleaning


def normalise(text: str) -> str:
    """NFC, one space between words, no surrounding space."""
    return " ".join(unicodedata.normalize("NFC", text).split())


def is_prose(text: str, lang: str) -> bool:
    """True when a text reads as natural language of `lang` rather than code, options, URLs or English."""
    if not 4 <= len(text) <= MAX_TEXT_CHARS or URLISH.search(text) or FORMAT_DIRECTIVE.search(text):
        return False
    if text[0] in "-/$#.*|(<[{'\"`:;,%&" or text.endswith(("{", "\\", "=")):
        return False
    visible = [c for c in text if not c.isspace()]
    letters = [c for c in visible if c.isalpha()]
    if len(letters) < 5 or len(letters) < 0.75 * len(visible):
        return False
    if sum(c in CODE_CHARS for c in visible) > len(visible) // 60:
        return False
    words = re.findall(r"\S+", text)
    codey = sum(1 for w in words if re.search(r"\w[_./:]\w|^-{1,2}\w|\(\)|^\w+=|[A-Za-z]+\d+[A-Za-z]", w))
    if codey > max(0, len(words) // 8):
        return False
    if len(words) > 3 and sum(1 for w in words if re.search(r"\d", w)) > len(words) // 5:
        return False  # lists of sizes, versions, extensions
    if len(text) > 30 and sum(c.isupper() for c in letters) > 0.5 * len(letters):
        return False  # licence disclaimers in capitals
    script = CYRILLIC_OR_GREEK.get(lang)
    native = sum(1 for c in letters if (unicodedata.name(c, "").startswith(script or "LATIN")))
    if native < (0.6 if script else 0.95) * len(letters):
        return False
    if lang != "en":
        lowered = [w.strip(".,:;!?()«»\"'").lower() for w in words]
        markers = sum(1 for w in lowered if w in ENGLISH_MARKERS)
        if markers >= 2 or (markers == 1 and len(words) <= 12):
            return False
    return True


# roff escapes that stand for a character; anything else is dropped.
ROFF_CHARS = {
    "em": "—", "en": "–", "hy": "-", "aq": "'", "dq": '"', "lq": "“", "rq": "”", "oq": "‘", "cq": "’",
    "Fo": "«", "Fc": "»", "fo": "‹", "fc": "›", "co": "©", "rg": "®", "bu": "•", "ti": "~", "ha": "^",
    "mi": "-", "pl": "+", "mu": "×", ">=": "≥", "<=": "≤", "ss": "ß", "r!": "¡", "r?": "¿", "de": "°",
    "R": "®", "Tm": "™", "sq": "▪", "->": "→", "<-": "←", "ua": "↑", "da": "↓", "at": "@", "sl": "/",
    "rs": "\\", "ga": "`", "ba": "|", "br": "|", "lB": "[", "rB": "]", "lC": "{", "rC": "}", "es": "∅",
}  # fmt: skip
ROFF_SINGLE = {"-": "-", "e": "\\", "~": " ", " ": " ", "0": " ", "'": "'", "`": "`", ".": "."}
ROFF_ESCAPE = re.compile(
    r"\\(?:f(?:\[[^\]]*\]|\(..|.)|\*(?:\[[^\]]*\]|\(..|.)|\((..)|\[([^\]]*)\]|s[-+]?\d+|[Nhvwlmkn]'[^']*'"
    r"|[Nhvwlmk]\[[^\]]*\]|n\(..|g\(..|(.))"
)


def roff_unescape(line: str) -> str:
    """Replaces roff escapes in one line of text with the characters they stand for."""
    line = line.split('\\"', 1)[0]

    def one(match: re.Match[str]) -> str:
        name = match.group(1) or match.group(2)
        if name is not None:
            if name.startswith("u") and re.fullmatch(r"u[0-9A-F]{4,5}", name):
                return chr(int(name[1:], 16))
            return ROFF_CHARS.get(name, "")
        single = match.group(3)
        if single is None:
            return ""
        return ROFF_SINGLE.get(single, "")

    return ROFF_ESCAPE.sub(one, line)


def roff_args(rest: str) -> list[str]:
    """Splits a request's arguments, honouring double quotes."""
    found = re.finditer(r'"((?:[^"]|"")*)"|(\S+)', rest)
    return [m.group(1).replace('""', '"') if m.group(1) is not None else m.group(2) for m in found]


FONT_MACROS = {"B", "I", "SM", "SB", "BR", "RB", "IR", "RI", "BI", "IB"}
BREAK_REQUESTS = {
    "PP",
    "P",
    "LP",
    "sp",
    "br",
    "RS",
    "RE",
    "HP",
    "in",
    "ti",
    "bp",
    "ne",
    "nf",
    "fi",
    "EX",
    "EE",
}
SKIP_BLOCKS = {"ig", "de", "de1", "am", "TS", "EQ", "PS"}
BLOCK_ENDS = {"TS": "TE", "EQ": "EN", "PS": "PE"}


def roff_paragraphs(source: str) -> list[str]:
    """Paragraphs and headings of a man page (man macros), without synopsis, tags, tables or code."""
    paragraphs: list[str] = []
    current: list[str] = []
    nofill = False
    tag_next = False
    skipping_until: str | None = None
    section = -1

    def flush() -> None:
        if current:
            text = normalise(" ".join(current))
            if section == 0 and " - " in text:  # NAME: "ls - list directory contents"
                text = text.split(" - ", 1)[1]
            if section != 1:  # SYNOPSIS
                paragraphs.append(text)
            current.clear()

    for line in source.splitlines():
        if skipping_until is not None:
            if line.strip().startswith("." + skipping_until) or line.strip() == skipping_until:
                skipping_until = None
            continue
        if line.startswith((".", "'")):
            request, _, rest = line[1:].strip().partition(" ")
            if request.startswith(('\\"', "\\#")) or not request:
                continue
            if request in SKIP_BLOCKS:
                skipping_until = BLOCK_ENDS.get(request, ".")
                continue
            if request in {"nf", "EX"}:
                flush()
                nofill = True
                continue
            if request in {"fi", "EE"}:
                nofill = False
                continue
            if nofill:
                continue
            if request in {"SH", "SS"}:
                flush()
                if request == "SH":
                    section += 1
                heading = normalise(roff_unescape(" ".join(roff_args(rest))))
                if heading:
                    paragraphs.append(heading)
                continue
            if request == "TP":
                flush()
                tag_next = True
                continue
            if request in BREAK_REQUESTS or request == "IP":
                flush()
                continue
            if request in FONT_MACROS:
                if tag_next:
                    tag_next = False
                    continue
                joiner = "" if len(request) == 2 and request != "SM" and request != "SB" else " "
                current.append(roff_unescape(joiner.join(roff_args(rest))))
                continue
            continue  # any other request or macro carries no prose
        if nofill:
            continue
        if tag_next:
            tag_next = False
            continue
        current.append(roff_unescape(line))
    flush()
    return paragraphs


def catalog_segments(message: str) -> list[str]:
    """Splits a gettext message into paragraphs, keeping only the description of option lines."""
    segments: list[str] = []
    current: list[str] = []

    def flush() -> None:
        if current:
            segments.append(normalise(" ".join(current)))
            current.clear()

    for line in message.split("\n"):
        option = OPTION_LINE.match(line)
        if not line.strip():
            flush()
        elif option:
            flush()
            current.append(option.group("desc"))
        elif line.lstrip().startswith("-"):
            flush()
        else:
            current.append(line)
    flush()
    return segments


MALLARD_SKIP = {"credit", "license", "screen", "code", "synopsis", "revision", "media", "comment"}
MALLARD_TEXT = {"p", "title", "desc", "subtitle"}


def mallard_paragraphs(data: bytes) -> list[str]:
    """Paragraphs, titles and descriptions of a Mallard help page, skipping code and credits."""
    try:
        root = ET.fromstring(data)
    except ET.ParseError:
        return []
    paragraphs: list[str] = []

    def local(tag: object) -> str:
        return tag.rsplit("}", 1)[-1] if isinstance(tag, str) else ""

    def walk(element: ET.Element) -> None:
        for child in element:
            name = local(child.tag)
            if name in MALLARD_SKIP:
                continue
            if name in MALLARD_TEXT:
                # An empty <link xref=.../> gets a page title at display time: the text has a hole.
                links = [e for e in child.iter() if local(e.tag) == "link"]
                holes = any(not "".join(e.itertext()).strip() for e in links)
                if not holes:
                    paragraphs.append(normalise("".join(child.itertext())))
            else:
                walk(child)

    walk(root)
    return paragraphs


class HtmlParagraphs(html.parser.HTMLParser):
    """Collects the text of block elements of a DocBook HTML page, skipping navigation and code blocks."""

    BLOCKS = frozenset([
        "p", "li", "dt", "dd", "h1", "h2", "h3", "h4", "h5", "h6", "td", "th", "caption", "title", "div",
        "table", "tr", "ul", "ol", "dl", "blockquote",
    ])  # fmt: skip
    SKIPPED = frozenset(["pre", "script", "style"])

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.paragraphs: list[str] = []
        self.current: list[str] = []
        self.skip_depth = 0  # > 0 inside <pre> or a navigation <div>: counts open tags of that kind
        self.skip_tag = ""

    def flush(self) -> None:
        text = normalise("".join(self.current))
        text = re.sub(r"^(?:[A-Z]|\d+)(?:\.\d+)*\.\s+", "", text)  # "6.3.1. Heading" -> "Heading"
        if text:
            self.paragraphs.append(text)
        self.current.clear()

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if self.skip_depth:
            self.skip_depth += tag == self.skip_tag
            return
        classes = (dict(attrs).get("class") or "").split()
        if tag in self.SKIPPED or (tag == "div" and {"navheader", "navfooter", "toc"} & set(classes)):
            self.flush()
            self.skip_tag, self.skip_depth = tag, 1
        elif tag in self.BLOCKS or tag == "br":
            self.flush()

    def handle_endtag(self, tag: str) -> None:
        if self.skip_depth:
            self.skip_depth -= tag == self.skip_tag
            return
        if tag in self.BLOCKS:
            self.flush()

    def handle_data(self, data: str) -> None:
        if not self.skip_depth:
            self.current.append(data)


def html_paragraphs(data: bytes) -> list[str]:
    """Paragraph texts of an HTML page."""
    parser = HtmlParagraphs()
    parser.feed(data.decode("utf-8", errors="replace"))
    parser.close()
    parser.flush()
    return parser.paragraphs


# ---------------------------------------------------------------- sources


def manpage_texts(deb: Path) -> Iterator[Text]:
    """Texts of every man page in a manpages package."""
    pattern = re.compile(r"^usr/share/man/(?:([A-Za-z_@]+)/)?man\d/([^/]+)\.gz$")
    for name, data in deb_members(deb, pattern):
        match = pattern.match(name)
        assert match is not None
        lang = lang_of_locale(match.group(1)) if match.group(1) else "en"
        if lang is None:
            continue
        source = gzip.decompress(data).decode("utf-8", errors="replace")
        if re.search(r"^\.(?:Dd|so)\b", source, re.MULTILINE):  # mdoc pages and redirections
            continue
        doc = f"man/{match.group(2)}"
        for text in roff_paragraphs(source):
            yield Text(lang, doc, text)


def catalog_texts(deb: Path) -> Iterator[Text]:
    """Translated messages (and, once, their English msgids) of the .mo catalogs in a package."""
    pattern = re.compile(r"^usr/share/locale/([^/]+)/LC_MESSAGES/([^/]+)\.mo$")
    english: set[tuple[str, str]] = set()
    for name, data in deb_members(deb, pattern):
        match = pattern.match(name)
        assert match is not None
        lang = lang_of_locale(match.group(1))
        if lang is None or lang == "en":
            continue
        catalog = gettext.GNUTranslations(io.BytesIO(data))._catalog  # type: ignore[attr-defined]
        for key, translated in catalog.items():
            msgid = key[0] if isinstance(key, tuple) else key
            if not msgid or not translated or translated == msgid or (isinstance(key, tuple) and key[1]):
                continue
            doc = f"{match.group(2)}.mo/{zlib.crc32(msgid.encode()) % CATALOG_CHUNKS:02d}"
            english.add((doc, msgid))
            for text in catalog_segments(translated.removeprefix("@")):  # "@Options:": gnupg's help headers
                yield Text(lang, doc, text)
    for doc, msgid in sorted(english):
        for text in catalog_segments(msgid.removeprefix("@")):
            yield Text("en", doc, text)


def help_texts(deb: Path) -> Iterator[Text]:
    """Texts of GNOME help pages (`C` is the English original)."""
    pattern = re.compile(r"^usr/share/help/([^/]+)/([^/]+)/([^/]+)\.page$")
    for name, data in deb_members(deb, pattern):
        match = pattern.match(name)
        assert match is not None
        lang = lang_of_locale(match.group(1))
        if lang is not None:
            for text in mallard_paragraphs(data):
                yield Text(lang, f"{match.group(2)}/{match.group(3)}", text)


def html_texts(deb: Path, lang: str | None, pages: str) -> Iterator[Text]:
    """Texts of the HTML manuals in a package, per language directory unless the package has one language."""
    pattern = re.compile(rf"^usr/share/doc/([^/]+)/(?:([^/]+)/)?({pages})\.html$")
    for name, data in deb_members(deb, pattern):
        match = pattern.match(name)
        assert match is not None
        page_lang = lang or lang_of_locale(match.group(2) or "")
        if page_lang is None:
            continue
        for index, text in enumerate(html_paragraphs(data)):
            if lang is None:
                doc = f"{match.group(1)}/{match.group(3)}"
            else:  # one long page: chunks of consecutive paragraphs give the dev/test split some grain
                doc = f"{match.group(1)}/{match.group(3)}/{index // HTML_CHUNK:03d}"
            yield Text(page_lang, doc, text)


# ---------------------------------------------------------------- assembly


def select(texts: Iterable[Text], cap: int) -> list[Text]:
    """Deduplicated, balanced, deterministic selection of at most `cap` texts per language."""
    owners: dict[str, set[str]] = collections.defaultdict(set)
    first: dict[tuple[str, str], Text] = {}
    for item in texts:
        owners[item.text].add(item.lang)
        key = (item.lang, item.text)
        if key not in first or item.doc < first[key].doc:
            first[key] = item
    pools: dict[str, dict[str, list[Text]]] = collections.defaultdict(lambda: collections.defaultdict(list))
    for (lang, text), item in sorted(first.items()):
        if len(owners[text]) == 1:  # a text claimed by two languages is a leftover or a name
            pools[lang][bucket_of(text)].append(item)
    chosen: list[Text] = []
    for lang in LANGS:
        buckets = {b: sorted(pools[lang][b], key=lambda t: (t.doc, t.text)) for b in BUCKETS}
        for bucket, items in buckets.items():
            random.Random(f"{lang}:{bucket}").shuffle(items)
        quota = {b: min(len(buckets[b]), cap // len(BUCKETS)) for b in BUCKETS}
        spare = cap - sum(quota.values())
        while spare > 0:  # hand unused slots to buckets that still have texts, one at a time
            open_buckets = [b for b in BUCKETS if quota[b] < len(buckets[b])]
            if not open_buckets:
                break
            for bucket in open_buckets[:spare]:
                quota[bucket] += 1
                spare -= 1
        for bucket in BUCKETS:
            chosen.extend(buckets[bucket][: quota[bucket]])
    return sorted(chosen, key=lambda t: (t.lang, t.doc, t.text))


def collect(cache: Path) -> list[Text]:
    """Every candidate text from every source that passes the prose filter and is not an English leftover.

    A translated text equal (ignoring case) to any English text of any source was left untranslated.
    """
    debs = download(MANPAGE_PACKAGES + CATALOG_PACKAGES + HELP_PACKAGES + list(HTML_PACKAGES), cache / "debs")
    sources: list[tuple[str, Iterator[Text]]] = []
    sources += [(p, manpage_texts(debs[p])) for p in MANPAGE_PACKAGES]
    sources += [(p, catalog_texts(debs[p])) for p in CATALOG_PACKAGES]
    sources += [(p, help_texts(debs[p])) for p in HELP_PACKAGES]
    sources += [(p, html_texts(debs[p], lang, pages)) for p, (lang, pages) in HTML_PACKAGES.items()]
    kept: list[Text] = []
    for package, texts in sources:
        before = len(kept)
        kept.extend(item for item in texts if is_prose(item.text, item.lang))
        print(f"  {package} ({debs[package].name}): {len(kept) - before} texts", file=sys.stderr)
    english = {item.text.casefold() for item in kept if item.lang == "en"}
    return [item for item in kept if item.lang == "en" or item.text.casefold() not in english]


def count_table(texts: Iterable[Text]) -> str:
    """A per-language, per-bucket count table."""
    counts: dict[str, collections.Counter[str]] = collections.defaultdict(collections.Counter)
    for item in texts:
        counts[item.lang][bucket_of(item.text)] += 1
    rows = [f"{'lang':<5}" + "".join(f"{b:>9}" for b in BUCKETS) + f"{'total':>9}"]
    for lang in LANGS:
        row = counts[lang]
        rows.append(f"{lang:<5}" + "".join(f"{row[b]:>9}" for b in BUCKETS) + f"{sum(row.values()):>9}")
    return "\n".join(rows)


def build_corpus(cache: Path = DEFAULT_CACHE, *, cap: int = CAP_PER_LANG, force: bool = False) -> Path:
    """Downloads the sources into `cache` and writes `corpus.jsonl` there (reused unless `force`)."""
    cache.mkdir(parents=True, exist_ok=True)
    corpus = cache / "corpus.jsonl"
    stamp = cache / "corpus.stamp"
    settings = json.dumps({"version": FORMAT_VERSION, "cap": cap})
    if corpus.exists() and stamp.exists() and stamp.read_text() == settings and not force:
        return corpus
    chosen = select(collect(cache), cap)
    partial = corpus.with_suffix(".partial")
    with partial.open("w", encoding="utf-8") as out:
        for item in chosen:
            out.write(json.dumps({"lang": item.lang, "doc": item.doc, "text": item.text}, ensure_ascii=False))
            out.write("\n")
    partial.replace(corpus)
    stamp.write_text(settings)
    return corpus


def read_corpus(path: Path) -> list[Text]:
    """The texts of a corpus file."""
    with path.open(encoding="utf-8") as handle:
        return [Text(**json.loads(line)) for line in handle if line.strip()]


def main(argv: list[str] | None = None) -> int:
    """CLI: build (or rebuild) the corpus and print its counts."""
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--cache", type=Path, default=DEFAULT_CACHE, help="where the .debs and corpus go")
    parser.add_argument("--cap", type=int, default=CAP_PER_LANG, help="texts per language at most")
    parser.add_argument("--force", action="store_true", help="rebuild even if the corpus exists")
    args = parser.parse_args(argv)
    corpus = build_corpus(args.cache, cap=args.cap, force=args.force)
    print(f"{corpus}")
    print(count_table(read_corpus(corpus)))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
