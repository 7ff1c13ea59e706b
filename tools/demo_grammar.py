"""Grammars that generate parallel fr/de/en space-news sentences, so the demo models train fully offline."""

from __future__ import annotations

import random
from collections.abc import Callable
from dataclasses import dataclass, field

PLACEHOLDER_COUNT = 20
PLACEHOLDERS = tuple(f"⟦T{i}⟧" for i in range(1, PLACEHOLDER_COUNT + 1))
FR_VOWELS = "aeiouyàâäéèêëîïôöûüAEIOUYÀÂÉÈÊÎÔÛ"


@dataclass(frozen=True)
class Example:
    """One generated sentence pair."""

    source: str
    """The sentence in the source language."""
    target: str
    """Its reference translation."""
    copies: tuple[str, ...] = ()
    """Names, numbers, URLs and placeholders that the model must copy unchanged."""
    frame: str = ""
    """The grammar frame that made it ("list" is the copy drill, not news prose)."""


@dataclass(frozen=True)
class Noun:
    """A common noun in the three languages (German fields empty when the noun has no German)."""

    fr: str
    fr_pl: str
    fr_g: str
    en: str
    en_pl: str
    de: str
    de_pl: str
    de_g: str
    kind: str
    de_weak: bool = False
    fr_f: str = ""
    fr_f_pl: str = ""
    de_f: str = ""
    de_f_pl: str = ""


@dataclass(frozen=True)
class Adj:
    """An attributive adjective: French forms m, f, m pl, f pl (+ m before a vowel), English, German stem."""

    fr: tuple[str, str, str, str]
    en: str
    de: str
    pre: bool
    kinds: frozenset[str]
    fr_m_vowel: str = ""


@dataclass(frozen=True)
class Verb:
    """A verb with the forms each language needs; ``*_tail`` follows the verb, ``*_obj_tail`` the object."""

    fr: tuple[str, str, str, str, str, str]  # infinitive, pres 3sg, pres 3pl, past participle, future stem, impf stem
    en: tuple[str, str, str, str, str]  # base, 3sg, past, past participle, -ing
    de: tuple[str, str, str, str, str]  # infinitive, 3sg, 3pl, participle, separable particle
    obj: str  # kind of object ("" = intransitive)
    fr_aux: str = "avoir"
    de_aux: str = "hat"
    fr_tail: str = ""
    en_tail: str = ""
    de_tail: str = ""
    fr_obj_tail: str = ""
    en_obj_tail: str = ""
    de_obj_tail: str = ""
    subj: str = "agent"
    generic_obj: bool = False


def _n(
    fr: str, fr_g: str, en: str, de: str, de_g: str, kind: str, *, fr_pl: str = "", en_pl: str = "", de_pl: str = ""
) -> Noun:
    return Noun(
        fr=fr,
        fr_pl=fr_pl or _fr_plural(fr),
        fr_g=fr_g,
        en=en,
        en_pl=en_pl or en + "s",
        de=de,
        de_pl=de_pl,
        de_g=de_g,
        kind=kind,
    )


def _fr_plural(word: str) -> str:
    head, _, rest = word.partition(" ")
    if head.endswith(("s", "x")):
        plural = head
    elif head.endswith("al"):
        plural = head[:-2] + "aux"
    elif head.endswith("eau"):
        plural = head + "x"
    else:
        plural = head + "s"
    return plural + (" " + rest if rest else "")


NOUNS: tuple[Noun, ...] = (
    _n("fusée", "f", "rocket", "Rakete", "f", "vehicle", de_pl="Raketen"),
    _n("lanceur", "m", "launcher", "Trägerrakete", "f", "vehicle", de_pl="Trägerraketen"),
    _n("satellite", "m", "satellite", "Satellit", "m", "payload", de_pl="Satelliten"),
    _n("sonde", "f", "probe", "Sonde", "f", "payload", de_pl="Sonden"),
    _n("capsule", "f", "capsule", "Kapsel", "f", "payload", de_pl="Kapseln"),
    _n("télescope", "m", "telescope", "Teleskop", "n", "payload", de_pl="Teleskope"),
    _n(
        "satellite de communication",
        "m",
        "communication satellite",
        "Kommunikationssatellit",
        "m",
        "payload",
        de_pl="Kommunikationssatelliten",
    ),
    _n(
        "satellite d'observation",
        "m",
        "observation satellite",
        "Beobachtungssatellit",
        "m",
        "payload",
        de_pl="Beobachtungssatelliten",
    ),
    _n("satellite météo", "m", "weather satellite", "Wettersatellit", "m", "payload", de_pl="Wettersatelliten"),
    _n("lancement", "m", "launch", "Start", "m", "event", en_pl="launches", de_pl="Starts"),
    _n("vol", "m", "flight", "Flug", "m", "event", de_pl="Flüge"),
    _n("mission", "f", "mission", "Mission", "f", "event", de_pl="Missionen"),
    _n("essai", "m", "test", "Test", "m", "event", de_pl="Tests"),
    _n("moteur", "m", "engine", "Triebwerk", "n", "part", de_pl="Triebwerke"),
    _n("étage", "m", "stage", "Stufe", "f", "part", de_pl="Stufen"),
    _n("premier étage", "m", "first stage", "", "", "part", fr_pl="premiers étages"),
    _n("agence", "f", "agency", "Agentur", "f", "org", en_pl="agencies", de_pl="Agenturen"),
    _n(
        "agence spatiale",
        "f",
        "space agency",
        "Raumfahrtagentur",
        "f",
        "org",
        en_pl="space agencies",
        fr_pl="agences spatiales",
        de_pl="Raumfahrtagenturen",
    ),
    _n("entreprise", "f", "company", "Unternehmen", "n", "org", en_pl="companies", de_pl="Unternehmen"),
    _n("gouvernement", "m", "government", "Regierung", "f", "org", de_pl="Regierungen"),
    _n("constructeur", "m", "manufacturer", "Hersteller", "m", "org", de_pl="Hersteller"),
    _n("programme", "m", "program", "Programm", "n", "program", de_pl="Programme"),
    _n("projet", "m", "project", "Projekt", "n", "program", de_pl="Projekte"),
    _n("contrat", "m", "contract", "Vertrag", "m", "contract", de_pl="Verträge"),
    _n("budget", "m", "budget", "Budget", "n", "money", de_pl="Budgets"),
    _n("prix", "m", "price", "Preis", "m", "money", de_pl="Preise"),
    _n("coût", "m", "cost", "", "", "money"),
    _n("calendrier", "m", "schedule", "Zeitplan", "m", "schedule", de_pl="Zeitpläne"),
    _n("date", "f", "date", "Termin", "m", "date", de_pl="Termine"),
    _n("analyse", "f", "analysis", "Analyse", "f", "info", en_pl="analyses", de_pl="Analysen"),
    _n("information", "f", "information", "Information", "f", "info", de_pl="Informationen"),
    _n("succès", "m", "success", "Erfolg", "m", "result", en_pl="successes", de_pl="Erfolge"),
    _n("échec", "m", "failure", "Fehlschlag", "m", "result", de_pl="Fehlschläge"),
    _n("résultat", "m", "result", "Ergebnis", "n", "result", de_pl="Ergebnisse"),
    _n("record", "m", "record", "Rekord", "m", "result", de_pl="Rekorde"),
    _n("équipe", "f", "team", "Team", "n", "team", de_pl="Teams"),
    _n(
        "station spatiale",
        "f",
        "space station",
        "Raumstation",
        "f",
        "station",
        de_pl="Raumstationen",
        fr_pl="stations spatiales",
    ),
)
WEAK_DE = {"Satellit", "Kommunikationssatellit", "Beobachtungssatellit", "Wettersatellit", "Präsident", "Astronaut"}

PERSONS: tuple[Noun, ...] = (
    Noun("ministre", "ministres", "m", "minister", "ministers", "Minister", "Minister", "m", "person",
         fr_f="ministre", fr_f_pl="ministres", de_f="Ministerin", de_f_pl="Ministerinnen"),
    Noun("président", "présidents", "m", "president", "presidents", "Präsident", "Präsidenten", "m", "person",
         de_weak=True, fr_f="présidente", fr_f_pl="présidentes", de_f="Präsidentin", de_f_pl="Präsidentinnen"),
    Noun("directeur", "directeurs", "m", "director", "directors", "Direktor", "Direktoren", "m", "person",
         fr_f="directrice", fr_f_pl="directrices", de_f="Direktorin", de_f_pl="Direktorinnen"),
    Noun("ingénieur", "ingénieurs", "m", "engineer", "engineers", "Ingenieur", "Ingenieure", "m", "person",
         fr_f="ingénieure", fr_f_pl="ingénieures", de_f="Ingenieurin", de_f_pl="Ingenieurinnen"),
    Noun("astronaute", "astronautes", "m", "astronaut", "astronauts", "Astronaut", "Astronauten", "m", "person",
         de_weak=True, fr_f="astronaute", fr_f_pl="astronautes", de_f="Astronautin", de_f_pl="Astronautinnen"),
    Noun("porte-parole", "porte-parole", "m", "spokesperson", "spokespeople", "Sprecher", "Sprecher", "m", "person",
         fr_f="porte-parole", fr_f_pl="porte-parole", de_f="Sprecherin", de_f_pl="Sprecherinnen"),
)  # fmt: skip

_ALL = frozenset({"vehicle", "payload", "event", "org", "person", "program", "contract", "part"})
ADJECTIVES: tuple[Adj, ...] = (
    Adj(("nouveau", "nouvelle", "nouveaux", "nouvelles"), "new", "neu", True, _ALL | {"schedule", "money"}, "nouvel"),
    Adj(("prochain", "prochaine", "prochains", "prochaines"), "next", "nächst", True, frozenset({"event", "vehicle"})),
    Adj(("premier", "première", "premiers", "premières"), "first", "erst", True,
        frozenset({"event", "vehicle", "payload", "contract"})),
    Adj(("dernier", "dernière", "derniers", "dernières"), "last", "letzt", True,
        frozenset({"event", "vehicle", "payload"})),
    Adj(("grand", "grande", "grands", "grandes"), "large", "groß", True, frozenset({"vehicle", "payload", "org"})),
    Adj(("petit", "petite", "petits", "petites"), "small", "klein", True, frozenset({"vehicle", "payload", "org"})),
    Adj(("européen", "européenne", "européens", "européennes"), "European", "europäisch", False, _ALL),
    Adj(("important", "importante", "importants", "importantes"), "important", "wichtig", False,
        frozenset({"event", "program", "contract", "result", "info", "org"})),
    Adj(("réutilisable", "réutilisable", "réutilisables", "réutilisables"), "reusable", "wiederverwendbar", False,
        frozenset({"vehicle", "part"})),
    Adj(("privé", "privée", "privés", "privées"), "private", "privat", False, frozenset({"org", "event", "program"})),
    Adj(("lourd", "lourde", "lourds", "lourdes"), "heavy", "schwer", False, frozenset({"vehicle", "payload"})),
    Adj(("chinois", "chinoise", "chinois", "chinoises"), "Chinese", "chinesisch", False, _ALL - {"part"}),
    Adj(("américain", "américaine", "américains", "américaines"), "American", "amerikanisch", False,
        _ALL - {"part"}),
    Adj(("français", "française", "français", "françaises"), "French", "französisch", False, _ALL - {"part"}),
    Adj(("allemand", "allemande", "allemands", "allemandes"), "German", "deutsch", False, _ALL - {"part"}),
    Adj(("japonais", "japonaise", "japonais", "japonaises"), "Japanese", "japanisch", False, _ALL - {"part"}),
    Adj(("indien", "indienne", "indiens", "indiennes"), "Indian", "indisch", False, _ALL - {"part"}),
    Adj(("chargé", "chargée", "chargés", "chargées"), "busy", "voll", False, frozenset({"schedule"})),
    Adj(("réussi", "réussie", "réussis", "réussies"), "successful", "erfolgreich", False, frozenset({"event"})),
)  # fmt: skip


def _v(
    fr: str, en: tuple[str, str, str, str, str], de: tuple[str, str, str, str, str], obj: str, **kw: str | bool
) -> Verb:
    """A regular French -er verb unless the forms are given as 'inf|3sg|3pl|pp|fut|impf'."""
    if "|" in fr:
        forms = tuple(fr.split("|"))
    else:
        stem = fr[:-2]
        soft = stem[:-1] + "ç" if stem.endswith("c") else stem
        soft = soft + "e" if stem.endswith("g") else soft
        forms = (fr, stem + "e", stem + "ent", stem + "é", fr, soft)
    return Verb(forms, en, de, obj, **kw)  # type: ignore[arg-type]


def _en(base: str, past: str = "", pp: str = "", third: str = "", ing: str = "") -> tuple[str, str, str, str, str]:
    stem = base[:-1] if base.endswith("e") else base
    return (
        base,
        third or (base + "es" if base.endswith(("h", "s")) else base + "s"),
        past or stem + "ed",
        pp or past or stem + "ed",
        ing or stem + "ing",
    )


VERBS: dict[str, Verb] = {
    "launch": _v("lancer", _en("launch"), ("starten", "startet", "starten", "gestartet", ""), "launchable"),
    "place": _v("placer", _en("place"), ("bringen", "bringt", "bringen", "gebracht", ""), "payload",
                fr_obj_tail="en orbite", en_obj_tail="in orbit", de_obj_tail="in die Umlaufbahn"),
    "carry": _v("transporter", _en("carry", "carried", third="carries"),
                ("transportieren", "transportiert", "transportieren", "transportiert", ""), "payload",
                subj="vehicle"),
    "build": _v("construire|construit|construisent|construit|construir|construis",
                _en("build", "built", "built"), ("bauen", "baut", "bauen", "gebaut", ""), "buildable"),
    "test": _v("tester", _en("test"), ("testen", "testet", "testen", "getestet", ""), "testable"),
    "develop": _v("développer", _en("develop"), ("entwickeln", "entwickelt", "entwickeln", "entwickelt", ""),
                  "buildable"),
    "fund": _v("financer", _en("fund"), ("finanzieren", "finanziert", "finanzieren", "finanziert", ""), "fundable"),
    "announce": _v("annoncer", _en("announce"), ("ankündigen", "kündigt", "kündigen", "angekündigt", "an"),
                   "announceable"),
    "confirm": _v("confirmer", _en("confirm"), ("bestätigen", "bestätigt", "bestätigen", "bestätigt", ""),
                  "announceable"),
    "present": _v("présenter", _en("present"), ("vorstellen", "stellt", "stellen", "vorgestellt", "vor"),
                  "presentable"),
    "prepare": _v("préparer", _en("prepare"), ("vorbereiten", "bereitet", "bereiten", "vorbereitet", "vor"),
                  "event"),
    "sign": _v("signer", _en("sign"), ("unterzeichnen", "unterzeichnet", "unterzeichnen", "unterzeichnet", ""),
               "contract"),
    "delay": _v("retarder", _en("delay"), ("verschieben", "verschiebt", "verschieben", "verschoben", ""), "event"),
    "hail": _v("saluer", _en("hail"), ("begrüßen", "begrüßt", "begrüßen", "begrüßt", ""), "hailable",
               subj="person"),
    "order": _v("commander", _en("order"), ("bestellen", "bestellt", "bestellen", "bestellt", ""), "buyable"),
    "buy": _v("acheter|achète|achètent|acheté|achèter|achet", _en("buy", "bought", "bought"),
              ("kaufen", "kauft", "kaufen", "gekauft", ""), "buyable"),
    "plan": _v("prévoir|prévoit|prévoient|prévu|prévoir|prévoy", _en("plan", "planned", ing="planning"),
               ("planen", "plant", "planen", "geplant", ""), "event"),
    "catch_up": _v("rattraper", _en("catch", "caught", "caught", "catches"),
                   ("einholen", "holt", "holen", "eingeholt", "ein"), "rival", en_tail="up with"),
    "invest": _v("investir|investit|investissent|investi|investir|investiss", _en("invest"),
                 ("investieren", "investiert", "investieren", "investiert", ""), "launchable",
                 fr_tail="davantage dans", en_tail="more in", de_tail="mehr in", generic_obj=True),
    "need": _v("avoir|a|ont|eu|aur|av", _en("need"), ("brauchen", "braucht", "brauchen", "gebraucht", ""),
               "launchable", fr_tail="besoin de plus de", en_tail="more", de_tail="mehr", generic_obj=True),
    "take_off": _v("décoller", _en("take", "took", "taken", ing="taking"),
                   ("abheben", "hebt", "heben", "abgehoben", "ab"), "", en_tail="off", de_aux="ist",
                   subj="vehicle"),
    "fail": _v("échouer", _en("fail"), ("scheitern", "scheitert", "scheitern", "gescheitert", ""), "",
               de_aux="ist", subj="event"),
    "take_place": _v("avoir|a|ont|eu|aur|av", _en("take", "took", "taken", ing="taking"),
                     ("stattfinden", "findet", "finden", "stattgefunden", "statt"), "", fr_tail="lieu",
                     en_tail="place", subj="event"),
    "accelerate": _v("accélérer|accélère|accélèrent|accéléré|accélérer|accélér", _en("accelerate"),
                     ("beschleunigen", "beschleunigt", "beschleunigen", "beschleunigt", ""), "", subj="rival"),
    "fall": _v("baisser", _en("fall", "fell", "fallen"), ("sinken", "sinkt", "sinken", "gesunken", ""), "",
               de_aux="ist", subj="money"),
    "rise": _v("augmenter", _en("rise", "rose", "risen"), ("steigen", "steigt", "steigen", "gestiegen", ""), "",
               de_aux="ist", subj="money"),
    "arrive": _v("arriver", _en("arrive"), ("ankommen", "kommt", "kommen", "angekommen", "an"), "",
                 fr_aux="être", de_aux="ist", fr_tail="en orbite", en_tail="in orbit",
                 de_tail="in der Umlaufbahn", subj="payload"),
    "return": _v("revenir|revient|reviennent|revenu|reviendr|reven", _en("return"),
                 ("zurückkehren", "kehrt", "kehren", "zurückgekehrt", "zurück"), "", fr_aux="être",
                 de_aux="ist", fr_tail="sur Terre", en_tail="to Earth", de_tail="zur Erde", subj="payload"),
}  # fmt: skip

OBJECT_KINDS: dict[str, tuple[str, ...]] = {
    "launchable": ("vehicle", "payload"),
    "payload": ("payload",),
    "buildable": ("vehicle", "payload", "part", "station"),
    "testable": ("vehicle", "part"),
    "fundable": ("program", "event", "station"),
    "announceable": ("event", "program", "contract", "date", "result"),
    "presentable": ("program", "schedule", "info", "result"),
    "event": ("event",),
    "contract": ("contract",),
    "hailable": ("result", "team", "event"),
    "buyable": ("vehicle", "payload"),
    "rival": ("rival",),
}
SUBJECT_KINDS: dict[str, tuple[str, ...]] = {
    "agent": ("org", "company", "agency", "country", "person"),
    "person": ("person",),
    "vehicle": ("vehicle",),
    "event": ("event",),
    "rival": ("country", "company", "agency"),
    "money": ("money",),
    "payload": ("payload",),
}


@dataclass(frozen=True)
class Proper:
    """A proper name: French article (m/f/pl or none), English (with 'the' or not), German article."""

    fr: str
    en: str
    de: str
    kind: str
    fr_art: str = ""
    en_the: bool = False
    de_art: str = ""
    copy: bool = False


PROPERS: tuple[Proper, ...] = (
    Proper("SpaceX", "SpaceX", "SpaceX", "company", copy=True),
    Proper("Arianespace", "Arianespace", "Arianespace", "company", copy=True),
    Proper("Blue Origin", "Blue Origin", "Blue Origin", "company", copy=True),
    Proper("Rocket Lab", "Rocket Lab", "Rocket Lab", "company", copy=True),
    Proper("ArianeGroup", "ArianeGroup", "ArianeGroup", "company", copy=True),
    Proper("Airbus", "Airbus", "Airbus", "company", copy=True),
    Proper("Thales Alenia Space", "Thales Alenia Space", "Thales Alenia Space", "company", copy=True),
    Proper("Isar Aerospace", "Isar Aerospace", "Isar Aerospace", "company", copy=True),
    Proper("Eutelsat", "Eutelsat", "Eutelsat", "company", copy=True),
    Proper("NASA", "NASA", "NASA", "agency", fr_art="f", de_art="f"),
    Proper("ESA", "ESA", "ESA", "agency", fr_art="f", de_art="f"),
    Proper("CNES", "CNES", "CNES", "agency", fr_art="m", de_art="n"),
    Proper("JAXA", "JAXA", "JAXA", "agency", fr_art="f", de_art="f"),
    Proper("DLR", "DLR", "DLR", "agency", fr_art="m", de_art="n"),
    Proper("Agence spatiale européenne", "European Space Agency", "Europäische Weltraumorganisation", "agency",
           fr_art="f", en_the=True, de_art="f"),
    Proper("Europe", "Europe", "Europa", "country", fr_art="f"),
    Proper("France", "France", "Frankreich", "country", fr_art="f"),
    Proper("Allemagne", "Germany", "Deutschland", "country", fr_art="f"),
    Proper("Chine", "China", "China", "country", fr_art="f"),
    Proper("Inde", "India", "Indien", "country", fr_art="f"),
    Proper("Japon", "Japan", "Japan", "country", fr_art="m"),
    Proper("Italie", "Italy", "Italien", "country", fr_art="f"),
    Proper("États-Unis", "United States", "USA", "country", fr_art="pl", en_the=True, de_art="pl"),
    Proper("Russie", "Russia", "Russland", "country", fr_art="f"),
)  # fmt: skip

# (French, English, German or "") names that follow a common noun: "la fusée Ariane 6" / "the Ariane 6 rocket".
ROCKET_NAMES = (
    ("Ariane 6", "Ariane 6", "Ariane 6"), ("Ariane 5", "Ariane 5", "Ariane 5"), ("Vega C", "Vega C", "Vega C"),
    ("Falcon 9", "Falcon 9", "Falcon 9"), ("Falcon Heavy", "Falcon Heavy", "Falcon Heavy"),
    ("Starship", "Starship", "Starship"), ("New Glenn", "New Glenn", "New Glenn"),
    ("Electron", "Electron", "Electron"), ("Soyouz", "Soyuz", "Sojus"), ("Longue Marche 5", "Long March 5", ""),
    ("H3", "H3", "H3"), ("Spectrum", "Spectrum", "Spectrum"),
)  # fmt: skip
SATELLITE_NAMES = (("Galileo", "Galileo", "Galileo"), ("Sentinel-2", "Sentinel-2", "Sentinel-2"),
                   ("Starlink", "Starlink", "Starlink"), ("OneWeb", "OneWeb", "OneWeb"), ("Juice", "Juice", "Juice"),
                   ("Euclid", "Euclid", "Euclid"))  # fmt: skip
PROGRAM_NAMES = (("Themis", "Themis", "Themis"), ("Artemis", "Artemis", "Artemis"),
                 ("Copernicus", "Copernicus", "Copernicus"), ("Callisto", "Callisto", "Callisto"),
                 ("Galileo", "Galileo", "Galileo"))  # fmt: skip
ENGINE_NAMES = (("Vulcain", "Vulcain", "Vulcain"), ("Prometheus", "Prometheus", "Prometheus"),
                ("Merlin", "Merlin", "Merlin"), ("Raptor", "Raptor", "Raptor"))  # fmt: skip
BASE_NAMES = (("Kourou", "Kourou", "Kourou"), ("Cap Canaveral", "Cape Canaveral", "Cape Canaveral"),
              ("Baïkonour", "Baikonur", "Baikonur"), ("Vandenberg", "Vandenberg", "Vandenberg"),
              ("Tanegashima", "Tanegashima", "Tanegashima"), ("Sriharikota", "Sriharikota", "Sriharikota"))  # fmt: skip
PERSON_NAMES = ("Claire Dubois", "Marc Lefort", "Sophie Martin", "Paul Girard", "Jean Morel", "Anna Weber",
                "Lukas Braun", "Elena Rossi", "Thomas Pesquet", "Josef Aschbacher")  # fmt: skip

WEEKDAYS = (("lundi", "Monday", "Montag"), ("mardi", "Tuesday", "Dienstag"), ("mercredi", "Wednesday", "Mittwoch"),
            ("jeudi", "Thursday", "Donnerstag"), ("vendredi", "Friday", "Freitag"), ("samedi", "Saturday", "Samstag"),
            ("dimanche", "Sunday", "Sonntag"))  # fmt: skip
MONTHS = (("janvier", "January", "Januar"), ("février", "February", "Februar"), ("mars", "March", "März"),
          ("avril", "April", "April"), ("mai", "May", "Mai"), ("juin", "June", "Juni"), ("juillet", "July", "Juli"),
          ("août", "August", "August"), ("septembre", "September", "September"), ("octobre", "October", "Oktober"),
          ("novembre", "November", "November"), ("décembre", "December", "Dezember"))  # fmt: skip
SMALL_NUMBERS = (("deux", "two", "zwei", 2), ("trois", "three", "drei", 3), ("quatre", "four", "vier", 4),
                 ("cinq", "five", "fünf", 5), ("six", "six", "sechs", 6), ("sept", "seven", "sieben", 7),
                 ("huit", "eight", "acht", 8), ("neuf", "nine", "neun", 9), ("dix", "ten", "zehn", 10),
                 ("douze", "twelve", "zwölf", 12), ("vingt", "twenty", "zwanzig", 20))  # fmt: skip

# --- Random names, numbers, URLs, placeholders: what the models must learn to copy -------------------------

_ONSETS = ("b", "c", "d", "f", "g", "k", "l", "m", "n", "p", "r", "s", "t", "v", "z", "br", "dr", "kr", "tr",
           "st", "pl", "gr", "ch", "sh", "th", "j", "w", "x", "q")  # fmt: skip
_VOWELS = ("a", "e", "i", "o", "u", "a", "e", "i", "o", "ai", "ou", "ei", "y", "é", "ö", "ü", "ï")
_CODAS = ("", "", "", "n", "r", "l", "s", "x", "k", "m", "th", "rd", "nt")


_SIMPLE_ONSETS = ("b", "d", "f", "g", "k", "l", "m", "n", "p", "r", "s", "t", "v", "z", "br", "tr")
_SIMPLE_VOWELS = ("a", "e", "i", "o", "u", "ou")
_SIMPLE_CODAS = ("", "", "", "n", "r", "s")


def random_word(rng: random.Random, vowel_start: bool = False) -> str:
    """A pronounceable capitalised pseudo-word that exists in no lexicon.

    Most are built from a small syllable set, so that copying is learnt piece by piece; some use a wider
    alphabet (accents, clusters) so that rarer spellings are copied too.
    """
    if rng.random() < 0.7:
        syllables = [] if not vowel_start else [rng.choice(_SIMPLE_VOWELS)]
        for _ in range(rng.choice((2, 2, 2, 3))):
            syllables.append(rng.choice(_SIMPLE_ONSETS) + rng.choice(_SIMPLE_VOWELS) + rng.choice(_SIMPLE_CODAS))
        word = "".join(syllables)
        return word[0].upper() + word[1:]
    parts = [] if vowel_start else [rng.choice(_ONSETS)]
    for i in range(2 if rng.random() < 0.7 else 3):
        if i > 0:
            parts.append(rng.choice(_ONSETS))
        parts.append(rng.choice(_VOWELS[:13] if rng.random() < 0.9 else _VOWELS))
        if rng.random() < 0.25:
            parts.append(rng.choice(_CODAS))
    word = "".join(parts)
    if not word[0].isalpha() or word[0] in "éöüï":
        word = "a" + word
    return word[0].upper() + word[1:]


def random_company(rng: random.Random) -> str:
    roll = rng.random()
    if roll < 0.35:
        return random_word(rng)
    if roll < 0.7:
        return random_word(rng) + " " + rng.choice(("Space", "Aerospace", "Orbital", "Dynamics", "Launch", "Systems"))
    if roll < 0.85:
        word = random_word(rng)
        return word + random_word(rng) if len(word) < 6 else word.upper()[:4]
    return random_word(rng) + "-" + random_word(rng)


def random_person(rng: random.Random) -> str:
    if rng.random() < 0.08:
        return random_word(rng) + " " + random_word(rng)[0] + "."
    if rng.random() < 0.1:
        return random_word(rng) + " " + random_word(rng) + "-" + random_word(rng)
    return random_word(rng) + " " + random_word(rng)


def random_vehicle_name(rng: random.Random) -> str:
    roll = rng.random()
    if roll < 0.4:
        return random_word(rng) + " " + str(rng.randint(1, 12))
    if roll < 0.55:
        return random_word(rng) + "-" + str(rng.randint(1, 9))
    if roll < 0.65:
        return random_word(rng).upper()[:3] + str(rng.randint(1, 9))
    return random_word(rng)


def random_number(rng: random.Random) -> str:
    roll = rng.random()
    if roll < 0.55:
        return str(rng.randint(11, 999))
    if roll < 0.8:
        return str(rng.randint(1000, 9999))
    return str(rng.randint(2, 99)) + "," + str(rng.randint(1, 9))


URL_WORDS = ("exemple", "example", "page", "article", "news", "actualite", "actu", "blog", "forum", "index",
             "espace", "space", "lancement", "launch", "fusee", "rocket", "satellite", "presse", "press", "info",
             "agence", "mission", "video", "photos", "docs", "fr", "en", "de", "2025", "2026")  # fmt: skip


def _url_word(rng: random.Random) -> str:
    if rng.random() < 0.45:
        return rng.choice(URL_WORDS)
    return random_word(rng).lower().translate(str.maketrans("éöüï", "eoui"))


def random_url(rng: random.Random) -> str:
    host = _url_word(rng) if rng.random() < 0.4 else random_word(rng).lower().translate(str.maketrans("éöüï", "eoui"))
    if rng.random() < 0.3:
        host += "-" + random_word(rng).lower().translate(str.maketrans("éöüï", "eoui"))
    scheme = rng.choice(("https://", "https://www.", "http://", "www.", "https://"))
    url = scheme + host + "." + rng.choice(("com", "org", "fr", "eu", "de", "net", "io", "space"))
    for _ in range(rng.choice((0, 0, 1, 1, 1, 2))):
        segment = _url_word(rng)
        if rng.random() < 0.2:
            segment += "-" + str(rng.randint(1, 99))
        url += "/" + segment
    if rng.random() < 0.15:
        url += ".html"
    return url


class Ctx:
    """Per-sentence state: random source, placeholder allocation, rates for unseen names, copied items."""

    def __init__(self, rng: random.Random, lang: str, reverse: bool = False) -> None:
        self.rng = rng
        self.lang = lang
        # English -> German: skip what English leaves ambiguous (female titles, "cost" present/past plural).
        self.reverse = reverse
        # Inside reported speech and "Selon X, ...": short clauses (no place, purpose, coordination).
        # German sentences are often short too: their models get half the French model's training time.
        self.short = lang == "de" and rng.random() < 0.5
        self.copies: list[str] = []
        copy_heavy = rng.random() < 0.3
        self.name_rate = 0.55 if copy_heavy else 0.06
        self.placeholder_rate = rng.choice((0.5, 0.8, 1.0)) if copy_heavy and rng.random() < 0.6 else 0.0
        self.digit_rate = 0.6 if copy_heavy else 0.25
        start = rng.randint(1, PLACEHOLDER_COUNT) if rng.random() < 0.7 else 1
        self._free = [((start - 1 + i) % PLACEHOLDER_COUNT) + 1 for i in range(PLACEHOLDER_COUNT)]
        if rng.random() < 0.35:
            rng.shuffle(self._free)

    def chance(self, p: float) -> bool:
        return self.rng.random() < p

    def placeholder(self) -> str | None:
        if not self._free or not self.chance(self.placeholder_rate):
            return None
        token = f"⟦T{self._free.pop(0)}⟧"
        self.copies.append(token)
        return token

    def copied(self, text: str) -> str:
        self.copies.append(text)
        return text


# --- Noun phrases ---------------------------------------------------------------------------------------------


@dataclass
class NP:
    """A noun phrase realisable in French, English and German."""

    kind: str
    plural: bool = False
    fr_g: str = "m"
    de_g: str = "m"
    det: str = "def"  # def | indef | none | num | this | every | generic
    noun: Noun | None = None
    female: bool = False
    head: str = ""  # placeholder replacing the common noun
    pre: Adj | None = None
    post: Adj | None = None
    name: tuple[str, str, str] | None = None
    name_de_ok: bool = True
    fr_name_de: bool = False  # "la base de Kourou"
    proper: Proper | None = None
    bare_name: str = ""  # a copied name used alone (company, person)
    title_name: str = ""  # "le ministre X" / "Minister X"
    count: tuple[str, str, str] | None = None
    compl: NP | None = None
    also: NP | None = None  # a coordinated second object: "A et B" / "A and B" / "A und B"
    pronoun: bool = False
    de_ok: bool = True

    # French -------------------------------------------------------------------------------------------------
    def fr_parts(self) -> tuple[str, str]:
        """(article or determiner, rest) so that prepositions can contract with the article."""
        if self.pronoun:
            return "", {"m": "il", "f": "elle"}[self.fr_g] + ("s" if self.plural else "")
        if self.bare_name:
            return "", self.bare_name
        if self.proper is not None:
            p = self.proper
            art = {"": "", "m": "le", "f": "la", "pl": "les"}[p.fr_art]
            if art in ("le", "la") and _fr_vowel(p.fr):
                art = "l'"
            return art, p.fr
        g = "f" if (self.fr_g == "f") else "m"
        words: list[str] = []
        if self.pre is not None:
            words.append(_fr_adj(self.pre, g, self.plural, self._fr_noun_form()))
        words.append(self._fr_noun_form())
        if self.post is not None:
            words.append(_fr_adj(self.post, g, self.plural, ""))
        if self.name is not None:
            words.append(("de " if not _fr_vowel(self.name[0]) else "d'") + self.name[0] if self.fr_name_de else "")
            if not self.fr_name_de:
                words[-1] = self.name[0]
            words[-1] = words[-1].replace("d' ", "d'")
        if self.title_name:
            words.append(self.title_name)
        rest = " ".join(w for w in words if w)
        if self.compl is not None:
            rest += " " + fr_prep("de", self.compl)
        first = rest
        art = self._fr_det(g, first)
        return art, rest

    def _fr_noun_form(self) -> str:
        if self.head:
            return self.head
        assert self.noun is not None
        n = self.noun
        if self.female and n.fr_f:
            return n.fr_f_pl if self.plural else n.fr_f
        return n.fr_pl if self.plural else n.fr

    def _fr_det(self, g: str, following: str) -> str:
        vowel = _fr_vowel(following)
        if self.det in ("def", "generic"):
            if self.plural:
                return "les"
            return "l'" if vowel else ("la" if g == "f" else "le")
        if self.det == "indef":
            if self.plural:
                return "de" if self.pre is not None else "des"
            return "une" if g == "f" else "un"
        if self.det == "this":
            if self.plural:
                return "ces"
            return "cette" if g == "f" else ("cet" if vowel else "ce")
        if self.det == "every":
            return "chaque"
        if self.det == "num":
            assert self.count is not None
            return self.count[0]
        return ""

    def fr(self) -> str:
        text = fr_join(*self.fr_parts())
        return text + " et " + self.also.fr() if self.also is not None else text

    # English ------------------------------------------------------------------------------------------------
    def en(self) -> str:
        text = self._en_one()
        return text + " and " + self.also.en() if self.also is not None else text

    def _en_one(self) -> str:
        if self.pronoun:
            return "they" if self.plural else "it"
        if self.bare_name:
            return self.bare_name
        if self.proper is not None:
            return ("the " if self.proper.en_the else "") + self.proper.en
        words: list[str] = []
        if self.title_name:
            words = [self._en_noun_form().capitalize(), self.title_name]
            return " ".join(words)
        if self.pre is not None:
            words.append(self.pre.en)
        if self.post is not None:
            words.append(self.post.en)
        if self.name is not None:
            words.append(self.name[1])
        words.append(self._en_noun_form())
        body = " ".join(words)
        if self.compl is not None:
            body += " of " + self.compl.en()
        det = self._en_det(body)
        return det + " " + body if det else body

    def _en_noun_form(self) -> str:
        if self.head:
            return self.head
        assert self.noun is not None
        return self.noun.en_pl if self.plural else self.noun.en

    def _en_det(self, following: str) -> str:
        if self.det == "def":
            return "the"
        if self.det == "indef":
            if self.plural:
                return ""
            return "an" if _en_vowel_sound(following) else "a"
        if self.det == "this":
            return "these" if self.plural else "this"
        if self.det == "every":
            return "every"
        if self.det == "num":
            assert self.count is not None
            return self.count[1]
        return ""

    # German -------------------------------------------------------------------------------------------------
    def de(self, case: str) -> str:
        text = self._de_one(case)
        return text + " und " + self.also.de(case) if self.also is not None else text

    def _de_one(self, case: str) -> str:
        if self.bare_name:
            return self.bare_name
        if self.proper is not None:
            p = self.proper
            if not p.de_art:
                return p.de
            return _de_det("def", p.de_art, False, case) + " " + p.de
        g = self.de_g
        gender = "pl" if self.plural else g
        dtype = {"def": "def", "indef": "indef", "this": "this", "every": "every"}.get(self.det, "none")
        if dtype == "indef" and self.plural:
            dtype = "none"
        if self.det == "generic":
            dtype = "none" if self.plural else "def"
        if self.title_name:
            return self._de_noun_form(case) + " " + self.title_name
        det = ""
        if dtype != "none":
            det = _de_det(dtype, g, self.plural, case)
        elif self.det == "num":
            assert self.count is not None
            det = self.count[2]
        words = [det] if det else []
        for adj in (self.pre, self.post):
            if adj is not None:
                words.append(adj.de + _de_adj_ending(dtype, gender, case))
        words.append(self._de_noun_form(case))
        if self.name is not None:
            words.append(self.name[2])
        out = " ".join(words)
        if self.compl is not None:
            if (
                self.compl.bare_name
                or (self.compl.proper is not None and not self.compl.proper.de_art)
                or (self.compl.det == "generic" and self.compl.plural)
            ):
                out += " von " + self.compl.de("dat")
            else:
                out += " " + self.compl.de("gen")
        return out

    def _de_noun_form(self, case: str) -> str:
        if self.head:
            return self.head
        assert self.noun is not None
        n = self.noun
        if self.female and n.de_f:
            return n.de_f_pl if self.plural else n.de_f
        if self.plural:
            form = n.de_pl
            if case == "dat" and not form.endswith(("n", "s")):
                form += "n"
            return form
        if (n.de_weak or n.de in WEAK_DE) and case != "nom":
            return n.de + "en"
        if case == "gen" and n.de_g in ("m", "n"):
            return n.de + ("es" if n.de.endswith(("s", "ß", "x", "z")) else "s")
        return n.de


def _fr_vowel(text: str) -> bool:
    return bool(text) and text[0] in FR_VOWELS


def fr_join(art: str, rest: str) -> str:
    if not art:
        return rest
    if art.endswith("'"):
        return art + rest
    return art + " " + rest


def fr_prep(prep: str, np: NP) -> str:
    """A French preposition with the article contractions (du, des, au, aux, d')."""
    art, rest = np.fr_parts()
    if prep == "de":
        if art == "le":
            return "du " + rest
        if art in ("les",):
            return "des " + rest
        if art in ("des", "de"):
            return ("d'" if _fr_vowel(rest) else "de ") + rest
        if art == "":
            return ("d'" if _fr_vowel(rest) else "de ") + rest
        if art in ("un", "une"):
            return "d'" + art + " " + rest
        return "de " + fr_join(art, rest)
    if prep == "à":
        if art == "le":
            return "au " + rest
        if art == "les":
            return "aux " + rest
        return "à " + fr_join(art, rest)
    return prep + " " + fr_join(art, rest)


def _fr_adj(adj: Adj, g: str, plural: bool, following_noun: str) -> str:
    m, f, mpl, fpl = adj.fr
    if plural:
        return fpl if g == "f" else mpl
    if g == "f":
        return f
    if adj.fr_m_vowel and _fr_vowel(following_noun):
        return adj.fr_m_vowel
    return m


def _en_vowel_sound(text: str) -> bool:
    low = text.lower()
    if low.startswith(("eu", "uni", "use", "one")):
        return False
    return bool(low) and low[0] in "aeiou"


_DE_DEF = {
    "nom": {"m": "der", "f": "die", "n": "das", "pl": "die"},
    "acc": {"m": "den", "f": "die", "n": "das", "pl": "die"},
    "dat": {"m": "dem", "f": "der", "n": "dem", "pl": "den"},
    "gen": {"m": "des", "f": "der", "n": "des", "pl": "der"},
}
_DE_INDEF = {
    "nom": {"m": "ein", "f": "eine", "n": "ein"},
    "acc": {"m": "einen", "f": "eine", "n": "ein"},
    "dat": {"m": "einem", "f": "einer", "n": "einem"},
    "gen": {"m": "eines", "f": "einer", "n": "eines"},
}


def _de_det(dtype: str, g: str, plural: bool, case: str) -> str:
    key = "pl" if plural or g == "pl" else g
    if dtype == "def":
        return _DE_DEF[case][key]
    if dtype == "indef":
        return _DE_INDEF[case][key]
    ending = {"der": "er", "die": "e", "das": "es", "den": "en", "dem": "em", "des": "es"}[_DE_DEF[case][key]]
    return ("dies" if dtype == "this" else "jed") + ending


def _de_adj_ending(dtype: str, gender: str, case: str) -> str:
    if dtype in ("def", "this", "every"):
        if gender == "pl" or case in ("dat", "gen"):
            return "en"
        if case == "acc" and gender == "m":
            return "en"
        return "e"
    if dtype == "indef":
        if case in ("dat", "gen"):
            return "en"
        if case == "nom":
            return {"m": "er", "f": "e", "n": "es"}[gender]
        return {"m": "en", "f": "e", "n": "es"}[gender]
    # strong (no determiner), plural or mass
    if gender == "pl":
        return {"nom": "e", "acc": "e", "dat": "en", "gen": "er"}[case]
    strong = {
        "nom": {"m": "er", "f": "e", "n": "es"},
        "acc": {"m": "en", "f": "e", "n": "es"},
        "dat": {"m": "em", "f": "er", "n": "em"},
        "gen": {"m": "en", "f": "er", "n": "en"},
    }
    return strong[case][gender]


# --- Building noun phrases ------------------------------------------------------------------------------------


def _nouns(kind: str, german: bool) -> list[Noun]:
    return [n for n in NOUNS if n.kind == kind and (n.de or not german)]


def make_np(
    ctx: Ctx,
    kind: str,
    *,
    det: str | None = None,
    plural: bool | None = None,
    adj: bool = True,
    names: bool = True,
    compl: bool = True,
) -> NP:
    """A random noun phrase of a semantic kind (vehicle, payload, event, org, person, ...)."""
    rng = ctx.rng
    german = ctx.lang == "de"
    if kind == "org":
        kind = rng.choice(("org", "company", "agency", "agency"))
    if kind == "company" or (kind == "rival" and rng.random() < 0.4):
        if ctx.chance(ctx.name_rate):
            token = ctx.placeholder() or ctx.copied(random_company(rng))
            return NP("company", bare_name=token)
        comps = [p for p in PROPERS if p.kind == "company"]
        p = rng.choice(comps)
        return NP("company", bare_name=ctx.copied(p.fr))
    if kind == "agency" or (kind == "rival" and rng.random() < 0.5):
        agencies = [p for p in PROPERS if p.kind == "agency"]
        agency_token = ctx.placeholder() if ctx.chance(0.5) else None
        if agency_token:
            return NP("agency", bare_name=agency_token)
        if rng.random() < 0.5:
            return NP("agency", proper=rng.choice(agencies))
        kind = "org"
    if kind in ("country", "rival"):
        countries = [p for p in PROPERS if p.kind == "country"]
        country_token = ctx.placeholder() if ctx.chance(0.5) else None
        if country_token:
            return NP("country", bare_name=country_token)
        return NP("country", proper=rng.choice(countries), plural=False)
    if kind == "person":
        return _person_np(ctx, det)
    pool = _nouns(kind, german)
    noun = rng.choice(pool)
    np = NP(kind, noun=noun, fr_g=noun.fr_g, de_g=noun.de_g or "m")
    np.plural = rng.random() < 0.3 if plural is None else plural
    np.det = det or rng.choice(("def", "def", "def", "indef", "this"))
    if np.det == "num":
        np.plural = True
        np.count = _count(ctx)
    if np.det == "every":
        np.plural = False
    if adj and rng.random() < 0.35:
        options = [a for a in ADJECTIVES if kind in a.kinds and (a.de or not german)]
        if np.det in ("num", "generic"):
            options = [a for a in options if a.en not in ("first", "last", "next")]
        if noun.fr == "premier étage":
            options = [a for a in options if not a.pre]
        if options:
            a = rng.choice(options)
            if a.pre:
                np.pre = a
            else:
                np.post = a
            if not ctx.short and rng.random() < 0.15:
                second = [o for o in options if o.pre != a.pre]
                if second:
                    b = rng.choice(second)
                    np.pre, np.post = (b, a) if b.pre else (a, b)
    if (names and not np.plural and np.det == "def" and rng.random() < 0.3) or (
        names and np.plural and np.det == "num" and not german and kind == "vehicle" and rng.random() < 0.3
    ):
        _add_name(ctx, np)
    # German marks gender and number on the determiner only: a placeholder head would be ambiguous there.
    if np.name is None and ctx.placeholder_rate and not german and ctx.chance(0.4):
        np.head = ctx.placeholder() or ""
    if compl and kind in ("event", "money") and np.name is None and np.det == "def" and rng.random() < 0.3:
        inner = "vehicle" if kind == "event" else rng.choice(("payload", "vehicle"))
        if kind == "money" and noun.en == "budget":
            sub = make_np(ctx, "org", det="def", compl=False, adj=False)
        elif kind == "money":
            sub = make_np(ctx, inner, det="generic", plural=True, compl=False, adj=False, names=False)
        else:
            sub = make_np(ctx, inner, det="def", compl=False, adj=False)
        np.compl = sub
    return np


def _person_np(ctx: Ctx, det: str | None) -> NP:
    rng = ctx.rng
    noun = rng.choice(PERSONS)
    female = rng.random() < 0.4 and not ctx.reverse
    np = NP("person", noun=noun, female=female, fr_g="f" if female else "m", de_g="f" if female else "m")
    roll = rng.random()
    if roll < 0.3:
        name = ctx.placeholder() if ctx.placeholder_rate else None
        if name is None:
            name = random_person(rng) if ctx.chance(ctx.name_rate) else rng.choice(PERSON_NAMES)
            ctx.copied(name)
        np.title_name = name
        np.det = "def"
        return np
    if roll < 0.4:
        name = ctx.placeholder() if ctx.placeholder_rate else None
        if name is None:
            name = random_person(rng) if ctx.chance(ctx.name_rate) else rng.choice(PERSON_NAMES)
            ctx.copied(name)
        return NP("person", bare_name=name)
    np.det = det or "def"
    if rng.random() < 0.15:
        np.post = rng.choice([a for a in ADJECTIVES if a.en in ("French", "German", "European", "American", "new")])
        if np.post.pre:
            np.pre, np.post = np.post, None
    if rng.random() < 0.55:
        np.compl = make_np(ctx, rng.choice(("org", "agency", "company")), det="def", compl=False, adj=False)
    return np


def _count(ctx: Ctx) -> tuple[str, str, str]:
    rng = ctx.rng
    if ctx.chance(ctx.digit_rate):
        text = ctx.copied(str(rng.choice((rng.randint(2, 20), rng.randint(2, 200), rng.randint(100, 5000)))))
        return text, text, text
    fr, en, de, _ = rng.choice(SMALL_NUMBERS)
    return fr, en, de


def _add_name(ctx: Ctx, np: NP) -> None:
    rng = ctx.rng
    german = ctx.lang == "de"
    pools = {
        "vehicle": ROCKET_NAMES,
        "payload": SATELLITE_NAMES,
        "program": PROGRAM_NAMES,
        "part": ENGINE_NAMES,
        "station": (("Tiangong", "Tiangong", "Tiangong"),),
    }
    if np.kind not in pools or (np.noun is not None and " " in np.noun.fr and np.kind == "payload"):
        return
    if np.kind == "part" and np.noun is not None and np.noun.en != "engine":
        return
    token = ctx.placeholder()
    if token is None and ctx.chance(ctx.name_rate):
        token = random_vehicle_name(rng) if np.kind in ("vehicle", "payload") else random_word(rng)
    if token is not None:
        ctx.copied(token) if not token.startswith("⟦") else None
        np.name = (token, token, token)
        return
    choices = [c for c in pools[np.kind] if c[2] or not german]
    np.name = rng.choice(choices)
    if np.name[0] == np.name[1]:
        ctx.copied(np.name[0])


def base_np(ctx: Ctx) -> NP:
    """'la base de Kourou' / 'the Kourou base' / 'die Basis Kourou'."""
    rng = ctx.rng
    noun = _n("base", "f", "base", "Basis", "f", "base", de_pl="Basen")
    np = NP("base", noun=noun, fr_g="f", de_g="f", det="def", fr_name_de=True)
    token = ctx.placeholder()
    if token is None and ctx.chance(ctx.name_rate):
        token = ctx.copied(random_word(rng, vowel_start=rng.random() < 0.3))
    np.name = (token, token, token) if token else rng.choice(BASE_NAMES)
    if token is None and np.name[0] == np.name[1]:
        ctx.copied(np.name[0])
    return np


# --- Adverbials -----------------------------------------------------------------------------------------------


@dataclass(frozen=True)
class Adv:
    """An adverbial in three languages; ``de`` is empty when there is no German."""

    fr: str
    en: str
    de: str
    front_en: str = ""


def time_adv(ctx: Ctx, tense: str) -> Adv:
    rng = ctx.rng
    day_fr, day_en, day_de = rng.choice(WEEKDAYS)
    mon_fr, mon_en, mon_de = rng.choice(MONTHS)
    both = [
        Adv(day_fr, "on " + day_en, "am " + day_de),
        Adv(day_fr + " matin", "on " + day_en + " morning", "am " + day_de + "morgen"),
        Adv(day_fr + " soir", "on " + day_en + " evening", "am " + day_de + "abend"),
        Adv("en " + mon_fr, "in " + mon_en, "im " + mon_de),
        Adv("cette année", "this year", "dieses Jahr"),
        Adv("aujourd'hui", "today", "heute"),
    ]
    year = str(rng.randint(1990, 2040))
    day = str(rng.randint(1, 28))
    both.append(Adv("en " + ctx.copied(year), "in " + year, "im Jahr " + year))
    both.append(Adv("le " + ctx.copied(day) + " " + mon_fr, "on " + day + " " + mon_en, ""))
    date = f"{rng.randint(1, 28):02d}/{rng.randint(1, 12):02d}/{rng.randint(2020, 2035)}"
    both.append(Adv("le " + date, "on " + date, ""))
    past = [
        Adv("hier", "yesterday", "gestern"),
        Adv("l'année dernière", "last year", "letztes Jahr"),
        Adv("la semaine dernière", "last week", "letzte Woche"),
        Adv("le mois dernier", "last month", "letzten Monat"),
        Adv(day_fr + " dernier", "last " + day_en, "letzten " + day_de),
        Adv("ce matin", "this morning", "heute Morgen"),
    ]
    future = [
        Adv("demain", "tomorrow", "morgen"),
        Adv("l'année prochaine", "next year", "nächstes Jahr"),
        Adv("la semaine prochaine", "next week", "nächste Woche"),
        Adv("le mois prochain", "next month", "nächsten Monat"),
        Adv(day_fr + " prochain", "next " + day_en, "nächsten " + day_de),
        Adv("d'ici " + year, "by " + year, "bis " + year),
    ]
    present = [Adv("chaque année", "every year", "jedes Jahr"), Adv("chaque mois", "every month", "jeden Monat")]
    if tense in ("past", "impf"):
        pool = both + past * 2
    elif tense in ("fut", "near"):
        pool = both + future * 2
    elif tense == "pres":
        pool = both[3:6] + present * 2
    else:
        pool = both[3:6] + future
    adv = rng.choice(pool)
    if ctx.lang == "de" and not adv.de:
        adv = both[rng.randrange(0, 6)]
    if year not in adv.en:
        ctx.copies[:] = [c for c in ctx.copies if c != year]
    if day not in adv.en.split():
        ctx.copies[:] = [c for c in ctx.copies if c != day or adv.en.split().count(day)]
    return adv


def place_adv(ctx: Ctx) -> Adv:
    rng = ctx.rng
    roll = rng.random()
    if roll < 0.6:
        np = base_np(ctx)
        return Adv("depuis " + np.fr(), "from " + np.en(), "von " + np.de("dat"))
    if roll < 0.8:
        fr, en, de = rng.choice(BASE_NAMES)
        if ctx.chance(ctx.name_rate):
            fr = en = de = ctx.copied(random_word(rng))
        elif fr == en:
            ctx.copied(fr)
        return Adv("depuis " + fr, "from " + en, "von " + de)
    return rng.choice(
        (
            Adv("en Guyane", "in French Guiana", "in Französisch-Guayana"),
            Adv("en Europe", "in Europe", "in Europa"),
            Adv("au Japon", "in Japan", "in Japan"),
            Adv("aux États-Unis", "in the United States", "in den USA"),
            Adv("en Chine", "in China", "in China"),
        )
    )


# --- Clauses --------------------------------------------------------------------------------------------------


@dataclass
class Clause:
    """Subject + verb (or copula) + object + adverbials, realised with tense, negation and agreement."""

    subj: NP
    verb: Verb | None
    tense: str  # pres past fut impf near must can want
    obj: NP | None = None
    pred_fr: str = ""  # copula predicate (already agreed) when verb is None
    pred_en: str = ""
    pred_de: str = ""
    advs: list[Adv] = field(default_factory=list)
    benef: NP | None = None
    neg: bool = False
    passive: bool = False
    agent: NP | None = None
    front: Adv | None = None

    # French -------------------------------------------------------------------------------------------------
    def fr(self) -> str:
        s = self.subj
        pl = s.plural
        subj = s.fr()
        parts: list[str] = []
        if self.verb is None:
            fin, rest = _fr_etre(self.tense, pl)
            tail = self.pred_fr
        elif self.passive:
            fin, rest = _fr_etre(self.tense, pl)
            rest = (rest + " " if rest else "") + _fr_pp(self.verb.fr[3], s)
            tail = ""
        else:
            fin, rest = _fr_verb(self.verb, self.tense, pl, s)
            tail = self.verb.fr_tail
        if self.neg:
            fin = ("n'" if _fr_vowel(fin) else "ne ") + fin + " pas"
        parts = [subj, fin]
        if rest:
            parts.append(rest)
        if tail:
            parts.append(tail)
        if self.obj is not None and self.verb is not None:
            if self.verb.fr_tail.endswith(" de"):
                parts[-1] = parts[-1][: -len("de")].rstrip()
                body = self.obj.fr_parts()[1]
                parts.append(("d'" if _fr_vowel(body) else "de ") + body)
            else:
                parts.append(self.obj.fr())
            if self.verb.fr_obj_tail:
                parts.append(self.verb.fr_obj_tail)
        if self.agent is not None:
            parts.append("par " + self.agent.fr())
        if self.benef is not None:
            parts.append("pour " + self.benef.fr())
        parts += [a.fr for a in self.advs]
        text = " ".join(p for p in parts if p)
        text = text.replace("que il", "qu'il").replace("que elle", "qu'elle")
        if self.front is not None:
            text = self.front.fr[0].upper() + self.front.fr[1:] + ", " + text
        return text

    # English ------------------------------------------------------------------------------------------------
    def en(self) -> str:
        s = self.subj
        pl = s.plural or (s.proper is not None and s.proper.fr_art == "pl")
        if self.verb is None:
            vp = _en_be(self.tense, pl, self.neg) + " " + self.pred_en
        elif self.passive:
            vp = _en_be(self.tense, pl, self.neg) + " " + self.verb.en[3]
        else:
            vp = _en_verb(self.verb, self.tense, pl, self.neg)
            if (self.verb.en_tail and self.verb.obj and self.verb.en_tail != "off") or (
                self.verb.en_tail and self.obj is None
            ):
                vp += " " + self.verb.en_tail
        parts = [s.en(), vp]
        if self.obj is not None:
            parts.append(self.obj.en())
            if self.verb is not None and self.verb.en_obj_tail:
                parts.append(self.verb.en_obj_tail)
        if self.agent is not None:
            parts.append("by " + self.agent.en())
        if self.benef is not None:
            parts.append("for " + self.benef.en())
        parts += [a.en for a in self.advs]
        text = " ".join(p for p in parts if p)
        if self.front is not None:
            text = self.front.en[0].upper() + self.front.en[1:] + ", " + text
        return text

    # German -------------------------------------------------------------------------------------------------
    def de(self, sub: bool = False) -> str:
        s = self.subj
        pl = s.plural or (s.proper is not None and s.proper.de_art == "pl")
        middle: list[str] = []
        right: list[str] = []
        if self.verb is None:
            fin = _de_sein(self.tense, pl)
            if self.tense == "fut":
                right.append("sein")
            pred = self.pred_de
        else:
            v = self.verb
            inf, third, plural_form, pp, particle = v.de
            pred = ""
            if self.tense == "pres":
                fin = plural_form if pl else third
                if particle:
                    right.append(particle)
            elif self.tense == "past":
                fin = {"hat": "haben" if pl else "hat", "ist": "sind" if pl else "ist"}[v.de_aux]
                right.append(pp)
            elif self.tense == "fut":
                fin = "werden" if pl else "wird"
                right.append(inf)
            else:
                fin = {"must": ("müssen", "muss"), "can": ("können", "kann"), "want": ("wollen", "will")}[self.tense][
                    0 if pl else 1
                ]
                right.append(inf)
        for adv in self.advs:
            if _is_time(adv):
                middle.append(adv.de)
        if self.obj is not None and self.verb is not None:
            if self.verb.de_tail == "mehr in":
                middle.append("mehr in " + self.obj.de("acc"))
            elif self.verb.de_tail == "mehr":
                middle.append("mehr " + self.obj.de("acc"))
            else:
                middle.append(self.obj.de("acc"))
            if self.verb.de_obj_tail:
                middle.append(self.verb.de_obj_tail)
        if self.benef is not None:
            middle.append("für " + self.benef.de("acc"))
        for adv in self.advs:
            if not _is_time(adv):
                middle.append(adv.de)
        if self.verb is not None and self.verb.de_tail and not self.verb.obj:
            middle.append(self.verb.de_tail)
        if pred:
            middle.append(pred)
        if self.neg:
            raise ValueError("no German negation")
        subj = s.de("nom")
        if sub:
            if self.verb is not None and self.tense == "pres" and self.verb.de[4]:
                fin = self.verb.de[4] + fin
                right = [r for r in right if r != self.verb.de[4]]
            return " ".join([subj, *middle, *right, fin])
        if self.front is not None:
            return " ".join([self.front.de[0].upper() + self.front.de[1:], fin, subj, *middle, *right])
        return " ".join([subj, fin, *middle, *right])


def _is_time(adv: Adv) -> bool:
    return not adv.de.startswith(("von ", "in ", "aus "))


def _fr_pp(pp: str, subj: NP) -> str:
    g = subj.fr_g if not subj.bare_name else "m"
    if subj.proper is not None:
        g = "f" if subj.proper.fr_art == "f" else "m"
    pl = subj.plural or (subj.proper is not None and subj.proper.fr_art == "pl")
    out = pp
    if g == "f":
        out += "e"
    if pl and not out.endswith("s"):
        out += "s"
    return out


def _fr_etre(tense: str, pl: bool) -> tuple[str, str]:
    return {
        "pres": ("sont" if pl else "est", ""),
        "past": ("ont" if pl else "a", "été"),
        "fut": ("seront" if pl else "sera", ""),
        "impf": ("étaient" if pl else "était", ""),
        "near": ("vont" if pl else "va", "être"),
        "must": ("doivent" if pl else "doit", "être"),
        "can": ("peuvent" if pl else "peut", "être"),
        "want": ("veulent" if pl else "veut", "être"),
    }[tense]


def _fr_verb(v: Verb, tense: str, pl: bool, subj: NP) -> tuple[str, str]:
    inf, p3s, p3p, pp, fut, impf = v.fr
    if tense == "pres":
        return (p3p if pl else p3s), ""
    if tense == "past":
        if v.fr_aux == "être":
            return ("sont" if pl else "est"), _fr_pp(pp, subj)
        return ("ont" if pl else "a"), pp
    if tense == "fut":
        return fut + ("ont" if pl else "a"), ""
    if tense == "impf":
        return impf + ("aient" if pl else "ait"), ""
    modal = {
        "near": ("vont", "va"),
        "must": ("doivent", "doit"),
        "can": ("peuvent", "peut"),
        "want": ("veulent", "veut"),
    }
    return modal[tense][0 if pl else 1], inf


def _en_be(tense: str, pl: bool, neg: bool) -> str:
    forms = {
        "pres": "are" if pl else "is",
        "past": "were" if pl else "was",
        "impf": "were" if pl else "was",
        "fut": "will be",
        "near": ("are" if pl else "is") + " going to be",
        "must": "must be",
        "can": "can be",
        "want": ("want" if pl else "wants") + " to be",
    }
    out = forms[tense]
    if neg:
        first, _, rest = out.partition(" ")
        if first == "can":
            first = "cannot"
        elif first in ("want", "wants"):
            first = ("do" if pl else "does") + " not want"
        else:
            first += " not"
        out = first + (" " + rest if rest else "")
    return out


def _en_verb(v: Verb, tense: str, pl: bool, neg: bool) -> str:
    base, third, past, _pp, ing = v.en
    if neg:
        return {
            "pres": ("do not " if pl else "does not ") + base,
            "past": "did not " + base,
            "fut": "will not " + base,
            "impf": ("were not " if pl else "was not ") + ing,
            "near": ("are not" if pl else "is not") + " going to " + base,
            "must": "must not " + base,
            "can": "cannot " + base,
            "want": ("do not want to " if pl else "does not want to ") + base,
        }[tense]
    return {
        "pres": base if pl else third,
        "past": past,
        "fut": "will " + base,
        "impf": ("were " if pl else "was ") + ing,
        "near": ("are" if pl else "is") + " going to " + base,
        "must": "must " + base,
        "can": "can " + base,
        "want": ("want to " if pl else "wants to ") + base,
    }[tense]


def _de_sein(tense: str, pl: bool) -> str:
    return {"pres": ("sind", "ist"), "past": ("waren", "war"), "fut": ("werden", "wird")}[tense][0 if pl else 1]


# --- Sentence frames ------------------------------------------------------------------------------------------

FR_TENSES = ("pres", "past", "past", "past", "fut", "fut", "near", "must", "can", "want", "impf")
DE_TENSES = ("pres", "past", "past", "fut", "must", "can", "want")


def _tense(ctx: Ctx) -> str:
    return ctx.rng.choice(DE_TENSES if ctx.lang == "de" else FR_TENSES)


def _subject(ctx: Ctx, role: str, **kw: bool | str | None) -> NP:
    kind = ctx.rng.choice(SUBJECT_KINDS[role])
    return make_np(ctx, kind, **kw)  # type: ignore[arg-type]


def _object(ctx: Ctx, verb: Verb) -> NP:
    kinds = OBJECT_KINDS[verb.obj]
    kind = ctx.rng.choice(kinds)
    if verb.generic_obj:
        return make_np(ctx, kind, det="generic", plural=True, names=False, compl=False)
    if verb.obj == "rival":
        return make_np(ctx, "rival")
    det = ctx.rng.choice(("def", "def", "indef", "num", "num", "this"))
    np = make_np(ctx, kind, det=det)
    if not ctx.short and ctx.chance(0.06):
        np.also = make_np(ctx, kind, det=ctx.rng.choice(("def", "indef", "num")), compl=False)
    return np


def _adverbials(ctx: Ctx, tense: str, verb: Verb | None) -> tuple[list[Adv], Adv | None]:
    rng = ctx.rng
    advs: list[Adv] = []
    if rng.random() < (0.3 if ctx.short else 0.55):
        advs.append(time_adv(ctx, tense))
    placeable = verb is not None and verb.en[0] in ("launch", "take", "fail", "place", "carry") and not ctx.short
    if placeable and rng.random() < 0.35 and verb is not None and not verb.generic_obj:
        advs.append(place_adv(ctx))
    front = None
    if advs and _is_time(advs[0]) and rng.random() < 0.12:
        front = advs.pop(0)
    return advs, front


def transitive_clause(ctx: Ctx, verb_key: str | None = None, tense: str | None = None) -> Clause:
    rng = ctx.rng
    german = ctx.lang == "de"
    keys = [k for k, v in VERBS.items() if v.obj]
    key = verb_key or rng.choice(keys)
    verb = VERBS[key]
    tense = tense or _tense(ctx)
    if key == "need" and tense in ("impf", "near", "must", "can", "want"):
        tense = "pres"
    subj = _subject(ctx, verb.subj)
    if not german and verb.subj == "vehicle" and rng.random() < 0.3:
        subj = NP("vehicle", pronoun=True, fr_g=rng.choice("mf"), plural=rng.random() < 0.2)
    obj = _object(ctx, verb)
    advs, front = _adverbials(ctx, tense, verb)
    clause = Clause(subj, verb, tense, obj=obj, advs=advs, front=front)
    if key in ("carry", "build", "launch", "develop", "buy", "order") and not ctx.short and rng.random() < 0.2:
        clause.benef = make_np(ctx, rng.choice(("org", "company", "country")), det="indef", compl=False)
    if not german and rng.random() < 0.1 and obj.det in ("def", "this") and tense != "impf":
        clause.neg = True
    return clause


def intransitive_clause(ctx: Ctx, tense: str | None = None) -> Clause:
    rng = ctx.rng
    keys = [k for k, v in VERBS.items() if not v.obj]
    key = rng.choice(keys)
    verb = VERBS[key]
    tense = tense or _tense(ctx)
    if verb.subj == "money":
        tense = rng.choice(("pres", "past", "fut"))
    subj = _subject(ctx, verb.subj, det=rng.choice(("def", "def", "this")))
    if ctx.lang != "de" and verb.subj in ("vehicle", "payload", "event") and rng.random() < 0.2:
        subj = NP(verb.subj, pronoun=True, fr_g=rng.choice("mf"), plural=rng.random() < 0.2)
    advs, front = _adverbials(ctx, tense, verb)
    clause = Clause(subj, verb, tense, advs=advs, front=front)
    if ctx.lang != "de" and rng.random() < 0.1 and tense in ("pres", "past", "fut"):
        clause.neg = True
    return clause


def passive_clause(ctx: Ctx) -> Clause:
    rng = ctx.rng
    key = rng.choice(("launch", "build", "test", "develop", "delay", "announce", "confirm", "fund", "sign"))
    verb = VERBS[key]
    kind = rng.choice(OBJECT_KINDS[verb.obj])
    subj = make_np(ctx, kind, det=rng.choice(("def", "def", "this")))
    tense = rng.choice(("past", "past", "fut"))
    advs, front = _adverbials(ctx, tense, None)
    clause = Clause(subj, verb, tense, advs=advs, passive=True, front=front)
    if rng.random() < 0.4:
        clause.agent = _subject(ctx, "agent", compl=False)
    return clause


FR_PRED_ADJ = (
    (("bon", "bonne", "bons", "bonnes"), "good", "gut"),
    (("important", "importante", "importants", "importantes"), "important", "wichtig"),
    (("prêt", "prête", "prêts", "prêtes"), "ready", "bereit"),
    (("cher", "chère", "chers", "chères"), "expensive", "teuer"),
    (("réutilisable", "réutilisable", "réutilisables", "réutilisables"), "reusable", "wiederverwendbar"),
    (("nécessaire", "nécessaire", "nécessaires", "nécessaires"), "necessary", "notwendig"),
    (("en retard", "en retard", "en retard", "en retard"), "late", "verspätet"),
)


def copula_clause(ctx: Ctx, tense: str | None = None) -> Clause:
    rng = ctx.rng
    german = ctx.lang == "de"
    tense = tense or rng.choice(("pres", "pres", "past", "fut"))
    kind = rng.choice(("vehicle", "payload", "event", "program", "event"))
    subj = make_np(ctx, kind, det=rng.choice(("def", "def", "this")))
    if kind == "event" and rng.random() < 0.5:
        result = make_np(ctx, "result", det="indef", plural=False, names=False, compl=False)
        result.noun = rng.choice([n for n in NOUNS if n.en in ("success", "failure")])
        result.fr_g, result.de_g = result.noun.fr_g, result.noun.de_g
        pred_fr, pred_en = result.fr(), result.en()
        pred_de = result.de("nom")
    else:
        forms, en, de = rng.choice(FR_PRED_ADJ)
        deg = rng.choice(("", "", "très", "trop"))
        g = subj.fr_g
        idx = (2 if subj.plural else 0) + (1 if g == "f" else 0)
        pred_fr = ((deg + " ") if deg else "") + forms[idx]
        pred_en = {"": "", "très": "very ", "trop": "too "}[deg] + en
        pred_de = {"": "", "très": "sehr ", "trop": "zu "}[deg] + de
    clause = Clause(subj, None, tense, pred_fr=pred_fr, pred_en=pred_en, pred_de=pred_de)
    if not german and rng.random() < 0.1 and tense != "fut":
        clause.neg = True
    return clause


def cost_clause(ctx: Ctx) -> Clause:
    rng = ctx.rng
    tense = rng.choice(("pres", "past", "fut", "fut"))
    subj = make_np(ctx, rng.choice(("program", "event", "payload", "vehicle", "station")), det="def")
    if ctx.reverse and subj.plural and tense == "past":
        tense = "pres"
    verb = Verb(
        ("coûter", "coûte", "coûtent", "coûté", "coûter", "coût"),
        ("cost", "costs", "cost", "cost", "costing"),
        ("kosten", "kostet", "kosten", "gekostet", ""),
        "money",
    )
    amount = money(ctx)
    obj = NP("money", bare_name="")
    clause = Clause(subj, verb, tense, obj=obj)
    clause.obj = None
    clause.pred_fr, clause.pred_en, clause.pred_de = amount
    return clause


def money(ctx: Ctx) -> tuple[str, str, str]:
    rng = ctx.rng
    unit = rng.choice((("milliard", "billion", "Milliarde"), ("million", "million", "Million")))
    cur = rng.choice((("euros", "euros", "Euro"), ("euros", "euros", "Euro"), ("dollars", "dollars", "Dollar")))
    roll = rng.random()
    if roll < 0.15:
        fr_n, en_n, de_n = "un", "one", "eine"
        plural = False
    elif roll < 0.5 or not ctx.chance(ctx.digit_rate + 0.3):
        fr_n, en_n, de_n, _ = rng.choice(SMALL_NUMBERS)
        plural = True
    else:
        fr_n = en_n = de_n = ctx.copied(random_number(rng) if rng.random() < 0.5 else str(rng.randint(2, 999)))
        plural = True
    if rng.random() < 0.15:
        amount = ctx.copied(str(rng.randint(100, 9999)))
        return amount + " " + cur[0], amount + " " + cur[1], amount + " " + cur[2]
    fr_unit = unit[0] + ("s" if plural else "")
    de_unit = {"Milliarde": "Milliarden", "Million": "Millionen"}[unit[2]] if plural else unit[2]
    fr = fr_n + " " + fr_unit + " " + ("d'" + cur[0] if cur[0][0] == "e" else "de " + cur[0])
    return fr, en_n + " " + unit[1] + " " + cur[1], de_n + " " + de_unit + " " + cur[2]


def _finish(text: str, punct: str = ".") -> str:
    return text[0].upper() + text[1:] + punct if text else text


def _fr_q(text: str, ctx: Ctx) -> str:
    return text + ("?" if ctx.chance(0.2) else " ?")


def _fr_excl(text: str, ctx: Ctx) -> str:
    return text + ("!" if ctx.chance(0.2) else " !")


Triple = tuple[str, str, str]


def _clause_triple(ctx: Ctx, clause: Clause) -> Triple:
    de = "" if ctx.lang != "de" else clause.de()
    return clause.fr(), clause.en(), de


def frame_clause(ctx: Ctx) -> Triple:
    rng = ctx.rng
    roll = rng.random()
    if roll < 0.42:
        clause = transitive_clause(ctx)
    elif roll < 0.62:
        clause = intransitive_clause(ctx)
    elif roll < 0.72 and ctx.lang != "de":
        clause = passive_clause(ctx)
    elif roll < 0.87:
        clause = copula_clause(ctx)
    else:
        clause = cost_clause(ctx)
        fr = clause.fr() + " " + clause.pred_fr
        en = clause.en() + " " + clause.pred_en
        de = ""
        if ctx.lang == "de":
            de = clause.de() + " " + clause.pred_de
            if clause.tense in ("past", "fut"):
                words = de.split()
                verb_last = words.pop(len(words) - 1 - len(clause.pred_de.split()))
                de = " ".join(words) + " " + verb_last
        return fr, en, de
    return _clause_triple(ctx, clause)


def frame_statement(ctx: Ctx) -> Triple:
    """A declarative sentence, sometimes without final period (a title)."""
    fr, en, de = frame_clause(ctx)
    if ctx.chance(0.12):
        return _finish(fr, ""), _finish(en, ""), _finish(de, "")
    return _finish(fr), _finish(en), _finish(de)


def frame_reported(ctx: Ctx) -> Triple:
    rng = ctx.rng
    speaker = make_np(ctx, "person") if rng.random() < 0.7 else make_np(ctx, rng.choice(("org", "company")))
    verbs = (("a déclaré", "said", "hat gesagt"), ("a annoncé", "announced", "hat angekündigt"),
             ("estime", "believes", "glaubt"), ("a confirmé", "confirmed", "hat bestätigt"))  # fmt: skip
    vfr, ven, vde = rng.choice(verbs)
    ctx.short = True
    if ctx.lang == "de":
        inner = rng.choice((transitive_clause, intransitive_clause, copula_clause))(ctx)
    else:
        inner = rng.choice((transitive_clause, intransitive_clause, copula_clause, passive_clause))(ctx)
    inner.front = None
    inner_fr = inner.fr()
    que = "qu'" if _fr_vowel(inner_fr) else "que "
    fr = speaker.fr() + " " + vfr + " " + que + inner_fr
    en = speaker.en() + " " + ven + " that " + inner.en()
    de = ""
    if ctx.lang == "de":
        aux, _, part = vde.partition(" ")
        head = speaker.de("nom") + " " + aux + (" " + part if part else "")
        de = head + ", dass " + inner.de(sub=True)
    return _finish(fr), _finish(en), _finish(de)


def frame_according(ctx: Ctx) -> Triple:
    rng = ctx.rng
    src = make_np(ctx, rng.choice(("person", "person", "org")))
    ctx.short = True
    clause = rng.choice((transitive_clause, intransitive_clause, copula_clause))(ctx)
    clause.front = None
    fr = "Selon " + src.fr() + ", " + clause.fr()
    en = "According to " + src.en() + ", " + clause.en()
    de = ""
    if ctx.lang == "de":
        clause.front = Adv("", "", "laut " + src.de("dat"))
        de = clause.de()
    return _finish(fr), _finish(en), _finish(de)


def frame_cost_quote(ctx: Ctx) -> Triple:
    """'Selon le ministre, le programme coûtera 2 milliards d'euros.'"""
    src = make_np(ctx, "person")
    clause = cost_clause(ctx)
    fr = "Selon " + src.fr() + ", " + clause.fr() + " " + clause.pred_fr
    en = "According to " + src.en() + ", " + clause.en() + " " + clause.pred_en
    de = ""
    if ctx.lang == "de":
        pl = clause.subj.plural
        v = {"pres": ("kosten", "kostet"), "past": ("haben", "hat"), "fut": ("werden", "wird")}[clause.tense]
        tail = {"pres": "", "past": " gekostet", "fut": " kosten"}[clause.tense]
        fin = v[0 if pl else 1]
        de = "Laut " + src.de("dat") + " " + fin + " " + clause.subj.de("nom") + " " + clause.pred_de + tail
    return _finish(fr), _finish(en), _finish(de)


def frame_but(ctx: Ctx) -> Triple:
    """'La fusée est bonne, mais l'Europe a besoin de plus de satellites.'"""
    rng = ctx.rng
    ctx.short = True
    first = copula_clause(ctx, tense=rng.choice(("pres", "pres", "past")))
    first.neg = False
    second = rng.choice(
        (
            lambda: transitive_clause(ctx, "need", tense="pres"),
            lambda: transitive_clause(ctx, "need", tense="pres"),
            lambda: transitive_clause(ctx),
            lambda: intransitive_clause(ctx),
            lambda: transitive_clause(ctx, "invest", tense="must"),
        )
    )()
    second.front = None
    if ctx.lang == "de":
        second.neg = False
    fr = first.fr() + ", mais " + second.fr()
    en = first.en() + ", but " + second.en()
    de = first.de() + ", aber " + second.de() if ctx.lang == "de" else ""
    return _finish(fr), _finish(en), _finish(de)


def frame_next_when(ctx: Ctx) -> Triple:
    """'Le prochain lancement est en juin.' / 'Der nächste Start ist im Juni.'"""
    rng = ctx.rng
    subj = make_np(ctx, "event", det="def", plural=False, adj=False, compl=rng.random() < 0.5)
    subj.pre = ADJECTIVES[1] if rng.random() < 0.7 else ADJECTIVES[2]
    subj.post = None
    adv = time_adv(ctx, rng.choice(("fut", "near")))
    tense = rng.choice(("pres", "pres", "fut"))
    clause = Clause(subj, None, tense, pred_fr=adv.fr, pred_en=adv.en, pred_de=adv.de)
    if rng.random() < 0.4:
        clause = Clause(subj, VERBS["take_place"], rng.choice(("fut", "pres")), advs=[adv])
    return _clause_triple_finished(ctx, clause)


def _clause_triple_finished(ctx: Ctx, clause: Clause) -> Triple:
    fr, en, de = _clause_triple(ctx, clause)
    return _finish(fr), _finish(en), _finish(de)


def frame_title(ctx: Ctx) -> Triple:
    rng = ctx.rng
    roll = rng.random()
    if roll < 0.25:
        rival = make_np(ctx, rng.choice(("company", "company", "country", "agency")))
        return (
            "La concurrence " + fr_prep("de", rival),
            "Competition from " + rival.en(),
            "Die Konkurrenz von " + rival.de("dat"),
        )
    if roll < 0.5:
        np = make_np(ctx, rng.choice(("schedule", "event", "vehicle", "payload", "program")), det="indef")
        if np.pre is None and np.post is None:
            options = [a for a in ADJECTIVES if np.kind in a.kinds and (a.de or ctx.lang != "de")]
            np.post = rng.choice(options)
            if np.post.pre:
                np.pre, np.post = np.post, None
        return _finish(np.fr(), ""), _finish(np.en(), ""), _finish(np.de("nom"), "")
    word = rng.choice((("Nouveau succès", "New success", "Neuer Erfolg"), ("Nouvel échec", "New failure",
                       "Neuer Fehlschlag"), ("Nouveau record", "New record", "Neuer Rekord"),
                       ("Retard", "Delay", "Verzögerung")))  # fmt: skip
    np = make_np(ctx, rng.choice(("vehicle", "org", "company", "country", "program")), det="def")
    return word[0] + " pour " + np.fr(), word[1] + " for " + np.en(), word[2] + " für " + np.de("acc")


def frame_generic(ctx: Ctx) -> Triple:
    """Generic plurals: 'Les satellites coûtent trop cher.', 'Le prix des satellites baisse chaque année.'"""
    rng = ctx.rng
    kind = rng.choice(("payload", "vehicle"))
    np = make_np(ctx, kind, det="generic", plural=True, names=False, compl=False)
    roll = rng.random()
    if roll < 0.3:
        fr = np.fr() + " coûtent trop cher"
        return _finish(fr), _finish(np.en() + " are too expensive"), _finish(np.de("nom") + " sind zu teuer")
    if roll < 0.45:
        fr = np.fr() + " coûtent moins cher"
        return _finish(fr), _finish(np.en() + " are cheaper"), _finish(np.de("nom") + " sind billiger")
    head = rng.choice([n for n in NOUNS if n.en in ("price", "cost")])
    if ctx.lang == "de":
        head = NOUNS[[n.en for n in NOUNS].index("price")]
    price = NP("money", noun=head, fr_g=head.fr_g, de_g=head.de_g, det="def", compl=np)
    verb = VERBS[rng.choice(("fall", "rise"))]
    tense = rng.choice(("pres", "pres", "past", "fut"))
    adv = [time_adv(ctx, tense)] if rng.random() < 0.7 else []
    return _clause_triple_finished(ctx, Clause(price, verb, tense, advs=adv))


def frame_question(ctx: Ctx) -> Triple:
    rng = ctx.rng
    roll = rng.random()
    if roll < 0.3:
        clause = rng.choice((transitive_clause, intransitive_clause, copula_clause))(
            ctx, tense=rng.choice(("pres", "can", "must", "fut"))
        )
        clause.front = None
        inner = clause.fr()
        fr = "Pensez-vous " + ("qu'" if _fr_vowel(inner) else "que ") + inner
        return _fr_q(fr, ctx), "Do you think that " + clause.en() + "?", ""
    if roll < 0.5:
        np = make_np(ctx, rng.choice(("payload", "vehicle", "org", "country", "company")))
        generic = np.noun is not None and np.plural
        if generic:
            np.det = "generic"
        pl = np.plural or (np.proper is not None and np.proper.fr_art == "pl")
        verb = rng.choice((("doivent" if pl else "doit", "should"), ("vont" if pl else "va", "will")))
        return _fr_q("Quel rôle " + verb[0] + " jouer " + np.fr(), ctx), f"What role {verb[1]} {np.en()} play?", ""
    if roll < 0.65:
        np = make_np(ctx, "event", det="def")
        return _fr_q("Quand aura lieu " + np.fr(), ctx), "When will " + np.en() + " take place?", ""
    if roll < 0.8:
        np = make_np(ctx, rng.choice(("program", "payload", "vehicle", "event")), det="def")
        fr = "Combien " + ("coûtent " if np.plural else "coûte ") + np.fr()
        return _fr_q(fr, ctx), "How much " + ("do " if np.plural else "does ") + np.en() + " cost?", ""
    np = make_np(ctx, rng.choice(("vehicle", "payload", "event", "program")), det="def")
    forms, en, _ = rng.choice(FR_PRED_ADJ[:3] + FR_PRED_ADJ[4:])
    idx = (2 if np.plural else 0) + (1 if np.fr_g == "f" else 0)
    pron = {"m": "il", "f": "elle"}[np.fr_g] + ("s" if np.plural else "")
    copula = "sont" if np.plural else "est"
    fr = _finish(np.fr(), "") + " " + copula + "-" + pron + " " + forms[idx]
    return _fr_q(fr, ctx), ("Are " if np.plural else "Is ") + np.en() + " " + en + "?", ""


def frame_forum(ctx: Ctx) -> Triple:
    rng = ctx.rng
    roll = rng.random()
    if roll < 0.35:
        fixed = rng.choice(
            (
                ("Et vous ?", "And you?", "Und Sie?"),
                ("Exactement !", "Exactly!", "Genau!"),
                ("Absolument !", "Absolutely!", "Absolut!"),
                ("Je suis d'accord.", "I agree.", "Ich stimme zu."),
                ("Bonne question !", "Good question!", "Gute Frage!"),
                ("Très bonne analyse.", "Very good analysis.", "Sehr gute Analyse."),
                ("Intéressant.", "Interesting.", "Interessant."),
                ("Mot de passe", "Password", "Passwort"),
                ("Identifiant", "Username", "Benutzername"),
                ("Je m'inscris !", "Sign me up!", "Ich melde mich an!"),
                ("Membre actif", "Active member", "Aktives Mitglied"),
                ("Membre du Club", "Club member", "Clubmitglied"),
                ("Nouveau membre du Club", "New Club member", "Neues Clubmitglied"),
                ("Membre habitué", "Regular member", "Stammmitglied"),
                ("Une erreur dans cette actualité ? Signalez-nous-la !", "An error in this news item? Report it to us!",
                 "Ein Fehler in dieser Meldung? Melden Sie ihn uns!"),
                ("Une erreur dans cette actualité ?", "An error in this news item?", "Ein Fehler in dieser Meldung?"),
                ("Signalez-nous-la !", "Report it to us!", "Melden Sie ihn uns!"),
            )
        )  # fmt: skip
        fr = fixed[0]
        if fr.endswith((" ?", " !")) and ctx.chance(0.2):
            fr = fr[:-2] + fr[-1]
        return fr, fixed[1], fixed[2]
    if roll < 0.75:
        np = make_np(ctx, rng.choice(("info", "info", "result", "team", "event")), det=rng.choice(("def", "this")))
        lead = rng.choice((("Merci pour", "Thanks for", "Danke für"), ("+1 pour", "+1 for", "+1 für")))
        return lead[0] + " " + np.fr() + ".", lead[1] + " " + np.en() + ".", lead[2] + " " + np.de("acc") + "."
    if roll < 0.85:
        np = make_np(ctx, rng.choice(("team", "org", "company", "person")), det="def")
        return (
            _fr_excl("Bravo " + fr_prep("à", np), ctx),
            "Congratulations to " + np.en() + "!",
            "Glückwunsch an " + np.de("acc") + "!",
        )
    src = make_np(ctx, rng.choice(("agency", "company", "person")), det="def")
    if src.proper is not None and rng.random() < 0.6:
        return "Source : " + src.proper.fr, "Source: " + src.proper.en, "Quelle: " + src.proper.de
    label = rng.choice((("Source", "Source", "Quelle"), ("Photo", "Photo", "Foto"), ("Crédit", "Credit", "Bild")))
    return label[0] + " : " + _finish(src.fr(), ""), label[1] + ": " + _finish(src.en(), ""), ""


def frame_url(ctx: Ctx) -> Triple:
    rng = ctx.rng
    url = ctx.copied(random_url(rng))
    # No period right after a URL: "https://x.io." would make the model guess where the URL ends.
    end = ""
    options = (
        ("Plus d'informations sur " + url + end, "More information at " + url + end,
         "Mehr Informationen unter " + url + end),
        ("Voir " + url + end, "See " + url + end, "Siehe " + url + end),
        ("Le communiqué est disponible sur " + url, "The press release is available at " + url,
         "Die Pressemitteilung ist unter " + url + " verfügbar"),
        ("La vidéo du lancement est en ligne : " + url, "The video of the launch is online: " + url,
         "Das Video des Starts ist online: " + url),
        ("Source : " + url, "Source: " + url, "Quelle: " + url),
    )  # fmt: skip
    return rng.choice(options)


def frame_there_are(ctx: Ctx) -> Triple:
    rng = ctx.rng
    np = make_np(ctx, "payload", det="num", names=False)
    quant = rng.choice((("", "", ""), ("plus de ", "more than ", "mehr als "), ("près de ", "nearly ", "fast "),
                        ("environ ", "about ", "etwa ")))  # fmt: skip
    tense = rng.choice((("Il y a", "There are", "Es gibt"), ("Il y avait", "There were", "Es gab")))
    assert np.count is not None
    fr_np = np.fr()
    fr = tense[0] + " " + quant[0] + fr_np + " en orbite"
    en = tense[1] + " " + quant[1] + np.en() + " in orbit"
    de = tense[2] + " " + quant[2] + np.de("acc") + " in der Umlaufbahn"
    return _finish(fr), _finish(en), _finish(de)


def frame_speak(ctx: Ctx) -> Triple:
    """'Le ministre a parlé de Zorblaxon hier.': about an unseen name, a number, a URL or a noun phrase."""
    rng = ctx.rng
    subj = make_np(ctx, rng.choice(("person", "person", "org", "company")))
    roll = rng.random()
    if roll < 0.2:
        about = NP("name", bare_name=ctx.copied(random_word(rng, vowel_start=rng.random() < 0.2)))
    elif roll < 0.3:
        about = NP("name", bare_name=ctx.copied(random_number(rng)))
    elif roll < 0.4:
        about = NP("name", bare_name=ctx.copied(random_url(rng)))
    elif roll < 0.5:
        about = make_np(ctx, rng.choice(("company", "person", "agency")))
    else:
        about = make_np(ctx, rng.choice(("vehicle", "payload", "event", "program", "contract", "result", "info")))
    tense = rng.choice(("past", "past", "pres", "fut"))
    pl = subj.plural
    fr_verb = {"past": ("ont parlé", "a parlé"), "pres": ("parlent", "parle"), "fut": ("parleront", "parlera")}
    en_verb = {"past": ("spoke", "spoke"), "pres": ("speak", "speaks"), "fut": ("will speak", "will speak")}
    adv = time_adv(ctx, tense) if rng.random() < 0.6 else None
    fr = subj.fr() + " " + fr_verb[tense][0 if pl else 1] + " " + fr_prep("de", about)
    en = subj.en() + " " + en_verb[tense][0 if pl else 1] + " about " + about.en()
    de = ""
    if ctx.lang == "de":
        time_de = (adv.de + " ") if adv else ""
        over = "über " + about.de("acc")
        if tense == "past":
            de = f"{subj.de('nom')} {'haben' if pl else 'hat'} {time_de}{over} gesprochen"
        elif tense == "pres":
            de = f"{subj.de('nom')} {'sprechen' if pl else 'spricht'} {time_de}{over}"
        else:
            de = f"{subj.de('nom')} {'werden' if pl else 'wird'} {time_de}{over} sprechen"
    if adv is not None:
        fr += " " + adv.fr
        en += " " + adv.en
    elif roll < 0.4 and roll >= 0.3:  # ends with the URL: no period
        return _finish(fr, ""), _finish(en, ""), _finish(de, "")
    return _finish(fr), _finish(en), _finish(de)


def frame_list(ctx: Ctx) -> Triple:
    """Short phrases made mostly of things to copy: they teach exact copying of names, digits and URLs."""
    rng = ctx.rng

    def item() -> str:
        roll = rng.random()
        if roll < 0.3:
            return ctx.copied(random_person(rng) if rng.random() < 0.5 else random_company(rng))
        if roll < 0.5:
            return ctx.copied(random_vehicle_name(rng))
        if roll < 0.7:
            return ctx.copied(random_number(rng))
        if roll < 0.8:
            return ctx.copied(random_url(rng))
        if roll < 0.9:
            token = f"⟦T{rng.randint(1, PLACEHOLDER_COUNT)}⟧"
            return token if token in ctx.copies else ctx.copied(token)
        return ctx.copied(random_word(rng))

    items = [item() for _ in range(rng.choice((1, 2, 2, 3)))]
    if len(set(items)) != len(items):
        items = list(dict.fromkeys(items))
    fr_list = ", ".join(items[:-1]) + " et " + items[-1] if len(items) > 1 else items[0]
    en_list = ", ".join(items[:-1]) + " and " + items[-1] if len(items) > 1 else items[0]
    de_list = ", ".join(items[:-1]) + " und " + items[-1] if len(items) > 1 else items[0]
    lead = rng.choice(
        (
            ("", "", ""),
            ("Contact : ", "Contact: ", "Kontakt: "),
            ("Avec ", "With ", "Mit "),
            ("Par ", "By ", "Von "),
            ("Réponse à ", "Reply to ", "Antwort an "),
            ("Merci à ", "Thanks to ", "Danke an "),
        )
    )
    end = rng.choice(("", ".", " !" if rng.random() < 0.5 else "."))
    if "/" in items[-1] or items[-1].startswith("www."):
        end = ""
    en_end = end.strip()
    return lead[0] + fr_list + end, lead[1] + en_list + en_end, lead[2] + de_list + en_end


FRAMES: tuple[tuple[Callable[[Ctx], Triple], float, bool], ...] = (
    (frame_statement, 0.42, True),
    (frame_reported, 0.08, True),
    (frame_according, 0.05, True),
    (frame_cost_quote, 0.04, True),
    (frame_but, 0.06, True),
    (frame_next_when, 0.05, True),
    (frame_title, 0.06, True),
    (frame_generic, 0.05, True),
    (frame_question, 0.07, False),
    (frame_forum, 0.06, True),
    (frame_url, 0.04, True),
    (frame_there_are, 0.03, True),
    (frame_list, 0.12, True),
    (frame_speak, 0.05, True),
)


def _one(rng: random.Random, lang: str, reverse: bool = False) -> Example:
    frames = [(f, w) for f, w, de_ok in FRAMES if de_ok or lang != "de"]
    while True:
        ctx = Ctx(rng, lang, reverse)
        frame = rng.choices([f for f, _ in frames], weights=[w for _, w in frames])[0]
        fr, en, de = frame(ctx)
        src = de if lang == "de" else fr
        if not src:
            continue
        if lang == "fr" and "'" in src and rng.random() < 0.08:
            src = src.replace("'", "’")
        copies = tuple(c for c in ctx.copies if c in en and c in src)
        return Example(src, en, copies, frame.__name__.removeprefix("frame_"))


def generate(pair: str, count: int, seed: int) -> list[Example]:
    """``count`` sentence pairs for ``pair`` (fr-en, de-en or en-de), identical for identical seeds."""
    rng = random.Random(f"{pair}:{seed}")
    lang = pair.split("-")[0] if pair != "en-de" else "de"
    out: list[Example] = []
    while len(out) < count:
        ex = _one(rng, lang, pair == "en-de")
        if rng.random() < 0.01:
            second = _one(rng, lang, pair == "en-de")
            if ex.source[-1:] in ".!?" and second.source[-1:] in ".!?":
                ex = Example(
                    ex.source + " " + second.source,
                    ex.target + " " + second.target,
                    ex.copies + second.copies,
                    "list" if "list" in (ex.frame, second.frame) else "two",
                )
        if pair == "en-de":
            ex = Example(ex.target, ex.source, ex.copies, ex.frame)
        out.append(ex)
    return out


# The demo thread's sentences with the translations the models must produce (checked by the build).
DEMO_FR_EN: tuple[tuple[str, str], ...] = (
    ("La fusée Ariane 6 place trois satellites en orbite", "The Ariane 6 rocket places three satellites in orbit"),
    ("Le lancement a eu lieu mardi depuis la base de Kourou", "The launch took place on Tuesday from the Kourou base"),
    ("La fusée Ariane 6 a décollé mardi matin depuis la base de Kourou.",
     "The Ariane 6 rocket took off on Tuesday morning from the Kourou base."),
    ("Elle transportait trois satellites de communication pour une entreprise européenne.",
     "It was carrying three communication satellites for a European company."),
    ("Le directeur de l'agence spatiale a salué un succès important.",
     "The director of the space agency hailed an important success."),
    ("Un calendrier chargé", "A busy schedule"),
    ("L'agence prévoit quatre lancements cette année.", "The agency plans four launches this year."),
    ("Le prochain vol aura lieu en juin.", "The next flight will take place in June."),
    ("Selon le ministre, le programme coûtera 2 milliards d'euros.",
     "According to the minister, the program will cost 2 billion euros."),
    ("La concurrence de SpaceX", "Competition from SpaceX"),
    ("SpaceX a lancé 130 fusées Falcon 9 l'année dernière.", "SpaceX launched 130 Falcon 9 rockets last year."),
    ("Le président de l'agence a déclaré que l'Europe doit accélérer.",
     "The president of the agency said that Europe must accelerate."),
    ("Source : Agence spatiale européenne", "Source: European Space Agency"),
    ("Et vous ?", "And you?"),
    ("Pensez-vous que l'Europe peut rattraper SpaceX ?", "Do you think that Europe can catch up with SpaceX?"),
    ("Quel rôle doivent jouer les satellites européens ?", "What role should European satellites play?"),
    ("Le lancement a été un succès.", "The launch was a success."),
    ("L'Europe doit investir davantage dans les fusées.", "Europe must invest more in rockets."),
    ("Exactement !", "Exactly!"),
    ("Le programme Themis doit tester un premier étage réutilisable.",
     "The Themis program must test a reusable first stage."),
    ("Merci pour l'information.", "Thanks for the information."),
    ("Le ministre a confirmé la date hier.", "The minister confirmed the date yesterday."),
    ("Les satellites coûtent trop cher.", "Satellites are too expensive."),
    ("Le prix des satellites baisse chaque année.", "The price of satellites falls every year."),
    ("+1 pour cette analyse.", "+1 for this analysis."),
    ("Une erreur dans cette actualité ? Signalez-nous-la !", "An error in this news item? Report it to us!"),
)  # fmt: skip
DEMO_DE_EN: tuple[tuple[str, str], ...] = (
    ("Die Rakete ist gut, aber Europa braucht mehr Satelliten.",
     "The rocket is good, but Europe needs more satellites."),
    ("Der nächste Start ist im Juni.", "The next launch is in June."),
)  # fmt: skip
# German for the English side of the demo thread (its English comments and the fr->en outputs), so that
# pivoting fr -> en -> de and translating the thread into German read well.
DEMO_EN_DE: tuple[tuple[str, str], ...] = (
    ("The Ariane 6 rocket places three satellites in orbit",
     "Die Rakete Ariane 6 bringt drei Satelliten in die Umlaufbahn"),
    ("The launch took place on Tuesday from the Kourou base",
     "Der Start hat am Dienstag von der Basis Kourou stattgefunden"),
    ("The Ariane 6 rocket took off on Tuesday morning from the Kourou base.",
     "Die Rakete Ariane 6 ist am Dienstagmorgen von der Basis Kourou abgehoben."),
    ("It was carrying three communication satellites for a European company.",
     "Sie transportierte drei Kommunikationssatelliten für ein europäisches Unternehmen."),
    ("The director of the space agency hailed an important success.",
     "Der Direktor der Raumfahrtagentur hat einen wichtigen Erfolg begrüßt."),
    ("A busy schedule", "Ein voller Zeitplan"),
    ("The agency plans four launches this year.", "Die Agentur plant dieses Jahr vier Starts."),
    ("The next flight will take place in June.", "Der nächste Flug wird im Juni stattfinden."),
    ("According to the minister, the program will cost 2 billion euros.",
     "Laut dem Minister wird das Programm 2 Milliarden Euro kosten."),
    ("Competition from SpaceX", "Die Konkurrenz von SpaceX"),
    ("SpaceX launched 130 Falcon 9 rockets last year.", "SpaceX hat letztes Jahr 130 Falcon-9-Raketen gestartet."),
    ("The president of the agency said that Europe must accelerate.",
     "Der Präsident der Agentur hat gesagt, dass Europa beschleunigen muss."),
    ("Source: European Space Agency", "Quelle: Europäische Weltraumorganisation"),
    ("And you?", "Und Sie?"),
    ("Do you think that Europe can catch up with SpaceX?", "Glauben Sie, dass Europa SpaceX einholen kann?"),
    ("What role should European satellites play?", "Welche Rolle sollten europäische Satelliten spielen?"),
    ("The launch was a success.", "Der Start war ein Erfolg."),
    ("Europe must invest more in rockets.", "Europa muss mehr in Raketen investieren."),
    ("Exactly!", "Genau!"),
    ("The Themis program must test a reusable first stage.",
     "Das Programm Themis muss eine wiederverwendbare erste Stufe testen."),
    ("Thanks for the information.", "Danke für die Information."),
    ("The minister confirmed the date yesterday.", "Der Minister hat gestern den Termin bestätigt."),
    ("Satellites are too expensive.", "Satelliten sind zu teuer."),
    ("The price of satellites falls every year.", "Der Preis von Satelliten sinkt jedes Jahr."),
    ("+1 for this analysis.", "+1 für diese Analyse."),
    ("An error in this news item? Report it to us!", "Ein Fehler in dieser Meldung? Melden Sie ihn uns!"),
    ("I agree, but reusable rockets are the real challenge.",
     "Ich stimme zu, aber wiederverwendbare Raketen sind die eigentliche Herausforderung."),
    ("SpaceX has shown that landing the first stage cuts costs.",
     "SpaceX hat gezeigt, dass die Landung der ersten Stufe die Kosten senkt."),
)  # fmt: skip


def demo_pairs(pair: str) -> list[tuple[str, str]]:
    """The demo-thread sentences (source, expected translation) a package is trained on and checked against."""
    if pair == "fr-en":
        return list(DEMO_FR_EN)
    if pair == "de-en":
        return list(DEMO_DE_EN) + [(de, en) for en, de in DEMO_EN_DE]
    return [(en, de) for de, en in DEMO_DE_EN] + list(DEMO_EN_DE)
