"""The words forum and comment engines print around posts, per engine and language: one place for each label.

A dump (the text a browser copies from a thread page) keeps these labels as lines of their own, or as the
start or end of a line: `Post by NAME » DATE` (phpBB), `Quote Originally Posted by NAME View Post`
(vBulletin), `NAME said:` (XenForo), `« Reply #3 on: DATE »` (SMF), `NAME says:` (WordPress). The strings
are the engines' own (their language packs: phpBB's `language/*/common.php` and `viewtopic.php`,
vBulletin's phrases, XenForo's phrases, SMF's `Index.*.php`, WordPress's `comment-template.php`), in the
languages their communities translate them into. `classify` says what each line of a dump is.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache
from typing import Literal

from translator.readers.html_fields import SAYS_WORDS


def _any(*alternatives: str) -> str:
    return "(?:" + "|".join(alternatives) + ")"


NAME = r"(?P<name>\S.{0,60}?)"
DATE = r"(?P<date>\S.{3,60}?)"

# -- The writer and date of a post on one line ------------------------------------------------------
# phpBB 3: `{L_POST} {L_POST_BY_AUTHOR} NAME » DATE`; the icon's "Post" is screen-reader text a copy keeps,
# glued to "by" in phpBB 3.0 ("Postby").
PHPBB_POST = _any(
    "Post", "Beitrag", "Message", "Mensaje", "Messaggio", "Bericht", "Сообщение", "Inlägg", "Indlæg", "Mensagem"
)  # fmt: skip
PHPBB_BY = _any("by", "von", "par", "por", "da", "door", "от", "av", "af", "przez", "autor")
PHPBB_BYLINE = re.compile(rf"^(?:{PHPBB_POST}\s*)?{PHPBB_BY}\s+{NAME}\s*»\s*{DATE}$", re.IGNORECASE)

# Blog themes: `Comment by NAME — DATE` (`Comment by %s &mdash; %s`), in their languages.
COMMENT_WORDS = ("Comment", "Kommentar", "Commentaire", "Comentario", "Commento", "Reactie", "Комментарий")
COMMENT_BY = rf"{_any(*COMMENT_WORDS)}\s+(?:by|von|de|par|di|da|door|от)"
COMMENT_BYLINE = re.compile(rf"^{COMMENT_BY}\s+{NAME}\s*[—–|]\s*{DATE}$", re.IGNORECASE)
COMMENT_LABEL = re.compile(rf"^{COMMENT_BY}\s+(?=\S)", re.IGNORECASE)
"""The label before a writer's name on a header line of its own (`Kommentar von NAME`, the date below it)."""

# Comment modules: `geschrieben von NAME am DATE` (oekonomenstimme.org), `posted by NAME on DATE`.
WRITTEN_WORDS = (
    "geschrieben", "verfasst", "gepostet", "eingestellt", "written", "posted", "submitted", "écrit", "publié",
    "escrito", "publicado", "scritto",
)  # fmt: skip
WRITTEN_BY = re.compile(
    rf"^{_any(*WRITTEN_WORDS)}\s+(?:von|by|par|por|da)\s+{NAME}\s+(?:am|on|le|el|il)\s+{DATE}$",
    re.IGNORECASE,
)

# WordPress: `NAME says:` (`%s <span class="says">says:</span>`), the date on the next line or after it.
# Themes print "said, on DATE" (`%1$s said, on %2$s`) or "schreibt:" for "says:".
WP_SAYS = _any(*SAYS_WORDS)
WP_BYLINE = re.compile(
    rf"^{NAME}\s+{WP_SAYS}(?:\s?:|,\s*(?:on|am|le|el|il|op)\s+(?=.{{4,40}}$)(?=.*\d)(?!.*[.!?]$))"
    r"\s*(?P<date>\S.{3,60})?$",
    re.IGNORECASE,
)
"""`NAME says:` (the date below or after it), `NAME said, on DATE` (a date with a digit, no sentence)."""

# -- Quotes -------------------------------------------------------------------------------------------
QUOTE_HEADERS = (
    # vBulletin 3/4/5: "Quote: Originally Posted by NAME", with the button's "View Post" after it.
    rf"(?:Quote:?\s*)?Originally Posted by\s+{NAME}(?:\s+View Post)?",
    rf"(?:Zitat:?\s*)?(?:Zitat\s+)?(?:Zitat von|Original von)\s+{NAME}(?:\s+Beitrag anzeigen)?",
    rf"(?:Citation:?\s*)?Envoyé par\s+{NAME}(?:\s+Voir le message)?",
    rf"(?:Cita:?\s*)?(?:Cita de|Originalmente Escrito por|Iniciado por|Mensaje de)\s+{NAME}"
    r"(?:\s+Ver (?:mensaje|Mensaje))?",
    rf"(?:Citazione:?\s*)?(?:Originariamente inviato da|Citazione di)\s+{NAME}(?:\s+Visualizza il messaggio)?",
    rf"(?:Citaat:?\s*)?Oorspronkelijk geplaatst door\s+{NAME}(?:\s+Bekijk bericht)?",
    rf"(?:Цитата:?\s*)?Сообщение от\s+{NAME}(?:\s+Посмотреть сообщение)?",
    rf"(?:Cytat:?\s*)?(?:Napisał|Napisane przez)\s+{NAME}(?:\s+Pokaż post)?",
    rf"(?:Citação:?\s*)?(?:Postado originalmente por|Originalmente postado por)\s+{NAME}(?:\s+Ver Post)?",
    # SMF: "Quote from: NAME on DATE".
    rf"Quote from:\s*{NAME}\s+on\s+.+",
    rf"Zitat von:\s*{NAME}\s+am\s+.+",
    rf"Citation de\s*:\s*{NAME}\s+le\s+.+",
    rf"Cita de:\s*{NAME}\s+en\s+.+",
    rf"Citazione da:\s*{NAME}\s+(?:-|il)\s+.+",
    # Invision: "On 3/3/2011 at 2:17 PM, NAME said:".
    rf"On\s+.{{4,40}}?,\s*{NAME}\s+said:",
    rf"Am\s+.{{4,40}}?\s+schrieb\s+{NAME}:",
    rf"Le\s+.{{4,40}}?,\s*{NAME}\s+a dit\s?:",
    rf"El\s+.{{4,40}}?,\s*{NAME}\s+dijo:",
    # XenForo: "NAME said:"; phpBB: "NAME wrote:" (3.2+ adds "↑ DATE"); MyBB: "NAME Wrote:".
    rf"(?:Quote:\s*)?{NAME}\s+"
    + _any(
        "said", "wrote", "Wrote", "hat gesagt", "hat geschrieben", "schrieb", "sagte", "a dit", "a écrit",
        "dijo", "escribió", "ha detto", "ha scritto", "scrive", "zei", "schreef", "sa", "skrev", "sagde",
        "disse", "escreveu", "сказал\\(а\\)", "сказал", "написал\\(а\\)", "написал", "писал\\(а\\)",
        "napisał\\(a\\)", "napisał", "pisze", "dedi", "yazdı", "kirjoitti", "írta",
    )
    + r"\.?\s?:(?:\s*↑.*)?",
)  # fmt: skip
QUOTE_HEADER = tuple(re.compile(rf"^(?:{header})\s*$") for header in QUOTE_HEADERS)
ANY_QUOTE_HEADER = re.compile(
    "^(?:" + "|".join(f"(?:{header.replace('(?P<name>', '(?:')})" for header in QUOTE_HEADERS) + r")\s*$"
)
"""All quote headers in one pattern: most lines are none, and one match tells it (the one that matches then
names the writer)."""
BARE_QUOTE = re.compile(r"^(?:Quote|Zitat|Citation|Cita|Citazione|Citaat|Цитата|Cytat|Citação|Citat|Lainaus)\s*:$")
"""A quote whose writer the engine does not name (`[quote]` without a name): the label and its colon (the
label alone is the button that quotes a post)."""
QUOTE_END = re.compile(
    r"^(?:(?:Click to expand|Klicken zum Erweitern|Zum Vergrößern anklicken|Cliquez pour agrandir"
    r"|Cliquez pour développer|Haz clic para expandir|Haga clic para expandir|Clicca per espandere"
    r"|Klik om uit te vouwen|Нажмите для раскрытия|Kliknij, aby rozwinąć|Clique para expandir)(?:\.{3,4}|…))$",
    re.IGNORECASE,
)
"""XenForo's link under a long quote, which ends it."""

# -- Furniture: lines that are the engine's, not the writer's -----------------------------------------
PROFILE_LABELS = (
    # phpBB, vBulletin, MyBB, SMF, Invision, XenForo (label and value on one line, or the value below).
    "Posts", "Join Date", "Joined", "Location", "Messages", "Reaction score", "Points", "Likes", "Reputation",
    "Threads", "Trophy points", "Solutions", "Karma", "Gender", "Age", "Website", "Contact", "Rep Power", "Thanks",
    "Beiträge", "Registriert", "Registriert seit", "Mitglied seit", "Wohnort", "Ort", "Punkte", "Reaktionspunkte",
    "Themen", "Alter", "Geschlecht", "Kontaktdaten", "Danke",
    "Inscrit", "Inscription", "Inscrit le", "Localisation", "Date d'inscription", "Réactions", "Points", "Âge",
    "Sexe", "Messages", "Mensajes", "Registrado", "Fecha de ingreso", "Ubicación", "Ubicacion", "Puntos",
    "Messaggi", "Iscritto", "Iscritto dal", "Registrato", "Località", "Berichten", "Lid sinds", "Geregistreerd",
    "Locatie", "Сообщений", "Сообщения", "Регистрация", "Зарегистрирован", "Откуда", "Адрес", "Postów",
    "Posty", "Dołączył", "Rejestracja", "Skąd", "Lokalizacja", "Mensagens", "Desde", "Localização", "Inlägg",
    "Medlem sedan", "Ort", "Indlæg", "Tilmeldt",
)  # fmt: skip
PROFILE_LABEL = "|".join(sorted({re.escape(label) for label in PROFILE_LABELS}, key=len, reverse=True))
PROFILE_FIELD = re.compile(rf"^(?:{PROFILE_LABEL})\s*:\s*\S.*$", re.IGNORECASE)
"""A label and its value on one line (`Posts: 1,234`, `Registriert: 18.09.2008, 05:56`, `Messages : 56`)."""
PROFILE_ALONE = re.compile(rf"^(?:{PROFILE_LABEL})\s*:?$", re.IGNORECASE)
"""A label whose value is the next line (XenForo's and Invision's lists: `Joined` / `Mar 3, 2011`)."""
MEMBER_SINCE = re.compile(
    r"^(?:dabei seit|Mitglied seit|Registriert seit|Member since|Joined|Membre depuis|Inscrit depuis|Miembro desde"
    r"|Membro desde|Iscritto dal|Lid sinds|Medlem sedan|Участник с|На форуме с)\s+\d[\d./\s-]{3,9}$",
    re.IGNORECASE,
)
"""Since when the writer is a member, without a colon (`dabei seit 12/2006`, `Member since 2011`): no post's date."""
POST_COUNT = re.compile(
    r"^[\d.,\u00a0\u202f ]+[kK]?\s+"
    r"(?:posts?|Beiträge|Beitrag|messages?|mensajes|messaggi|berichten|сообщени[йея]|postów|posty)$",
    re.IGNORECASE,
)
"""A post count on its own (`1,234 posts`, Invision)."""
POST_NUMBER = re.compile(
    r"^(?:(?:Post|Beitrag|Message|Mensaje|Messaggio|Bericht|Сообщение)\s*:?\s*)?#\s?\d{1,7}$", re.IGNORECASE
)
"""A post's number (`#12`, `Post: #12`)."""
THREAD_STARTER = re.compile(
    r"^(?:Thread starter|Start date|Themenstarter|Beginndatum|Startdatum|Auteur de la discussion|Date de début"
    r"|Iniciador del tema|Fecha de inicio|Autore discussione|Data di inizio|Автор темы|Дата начала"
    r"|Autor wątku|Data rozpoczęcia|Criador do tópico|Data de início)\b.*$",
    re.IGNORECASE,
)
"""XenForo's thread heading (`Thread starter NAME`, `Start date DATE`): not a post."""
EDITED = re.compile(
    r"^(?:«\s*)?(?:\(?This post was last modified:|Last edited by|Last edited:|Last Edit:|Edited\b|Zuletzt bearbeitet"
    r"|Zuletzt geändert von|Letzte Bearbeitung:|Dernière modification par|Dernière édition|Modifié par|Última edición"
    r"|Última modificación|Editado por|Editado\b|Ultima modifica|Modificato da|Laatst bewerkt"
    r"|Последний раз редактировалось"
    r"|Последнее редактирование|Ostatnio edytowany|Última edição|Senast redigerad).*$",
    re.IGNORECASE,
)
"""The note that a post was edited, and when (`Last edited by NAME; 03-03-2011 at 02:17 PM.`)."""
SIGNATURE_RULE = re.compile(r"^_{5,}$")
"""vBulletin's and many forums' line between a post and its writer's signature."""
ACTIONS = frozenset(
    label.casefold()
    for label in (
        # English: vBulletin, phpBB, XenForo, SMF, Invision, MyBB, Discourse, Disqus, WordPress.
        "Reply With Quote", "Reply", "Quote", "Multi-Quote", "MultiQuote", "Report", "Report Post", "Like", "Likes",
        "Unlike", "Share", "Share ›", "Share this post", "Link to post", "Report post", "Logged", "Top", "Back to top",
        "Thanks", "Thank You", "Edit", "Delete", "Bookmark", "Reply •", "Upvote", "Downvote", "Flag", "Permalink",
        "Find", "Website", "PM", "Email", "Quick reply", "+ Quote", "Quote Reply", "Reply to this", "Log in to Reply",
        "Log in to reply", "Login to Reply", "•", "·", "|", "#", "Helpful", "Agree", "Disagree", "Thumbs up",
        # German.
        "Zitieren", "Antworten", "Melden", "Gefällt mir", "Teilen", "Nach oben", "Gespeichert", "Danke", "Zitat",
        "Beitrag melden", "Mit Zitat antworten", "Bearbeiten", "Löschen", "Lesezeichen", "Verlinken", "Empfehlen",
        "Weitere Antworten anzeigen", "Mehr Antworten anzeigen", "Nur Leserempfehlungen", "Show more replies",
        "Recommend", "Translate", "Übersetzen", "Traduire", "Traducir",
        # French.
        "Citer", "Répondre", "Signaler", "J'aime", "Partager", "Haut", "Répondre avec citation", "Enregistré",
        "Haut de page", "Retour en haut", "Retour en haut de page", "Zurück nach oben", "Volver arriba", "Torna su",
        "Signaler un message abusif", "Modifier", "Supprimer", "Citation",
        # Spanish, Italian, Dutch, Portuguese, Russian, Polish, Swedish.
        "Responder", "Citar", "Responder citando", "Reportar", "Me gusta", "Compartir", "Arriba", "Rispondi",
        "Cita", "Citazione", "Segnala", "Mi piace", "Condividi", "Rispondi citando", "Reageren", "Citeren",
        "Melden", "Delen", "Vind ik leuk", "Citação", "Denunciar", "Curtir", "Ответить", "Цитата", "Цитировать",
        "Пожаловаться", "Нравится", "Поделиться", "Наверх", "Odpowiedz", "Cytuj", "Zgłoś", "Lubię to", "Udostępnij",
        "Svara", "Citera", "Rapportera", "Gilla", "Dela",
        # Forum page navigation around posts.
        "Print view", "Druckansicht", "Advanced search", "Erweiterte Suche", "Post Reply", "Antwort erstellen",
        "Advertisement", "Werbung", "Werbung:", "Anzeige", "Publicité", "Publicidad",
        "Leave a Reply", "Leave a comment", "Schreibe einen Kommentar", "Kommentar verfassen", "Laisser un commentaire",
        "Laisser une réponse", "Deja una respuesta", "Deja un comentario", "Lascia un commento", "Lascia una risposta",
        "Submit a Comment", "Einen Kommentar abschicken", "Soumettre un commentaire", "Enviar un comentario",
        "Post Comment", "Kommentar abschicken", "Kommentar absenden", "Trackbacks/Pingbacks", "Pingbacks", "Trackbacks",
        "Comments are closed.", "Kommentare sind bei diesem Artikel deaktiviert.", "Les commentaires sont fermés.",
        "Die Kommentarfunktion ist geschlossen.", "Los comentarios están cerrados.", "I commenti sono chiusi.",
        "comments powered by Disqus", "Powered by Disqus", "blog comments powered by Disqus",
        "Search", "Suche", "Rechercher", "Buscar", "Author", "Autor", "Auteur",
        "Thread Tools", "Themen-Optionen", "Search Thread", "Display Modes", "Ansicht", "Go to page", "Gehe zu Seite",
        "Load more", "Load more comments", "Show more", "Show more comments", "Weitere anzeigen", "Mehr anzeigen",
        "Weitere Kommentare anzeigen", "Mehr Kommentare anzeigen", "Weitere Kommentare laden", "Afficher plus",
        "Alle Kommentare anzeigen", "Show all comments", "View all comments",
        "Voir plus", "Voir plus de commentaires", "Ver más", "Ver más comentarios", "Mostra altro", "Meer laden",
        "Login", "Log in", "Sign in", "Register", "Anmelden", "Einloggen", "Registrieren", "Se connecter",
        "Connexion", "S'inscrire", "Iniciar sesión", "Registrarse", "Accedi", "Registrati", "Inloggen", "Entrar",
        "Войти", "Zaloguj się",
    )
)  # fmt: skip
"""Buttons and links of a post that a copy keeps as lines of their own."""
POST_ACTION_LABELS = (
        "Reply With Quote", "Reply", "Quote", "Multi-Quote", "MultiQuote", "Report", "Report Post", "Report post",
        "Like", "Unlike", "Link to post", "Share this post", "Logged", "Quick reply", "+ Quote", "Quote Reply",
        "Reply to this", "Log in to Reply", "Log in to reply", "Login to Reply", "Permalink", "Upvote", "Downvote",
        "Zitieren", "Antworten", "Mit Zitat antworten", "Beitrag melden", "Gefällt mir", "Gespeichert", "Empfehlen",
        "Recommend",
        "Citer", "Répondre", "Répondre avec citation", "Signaler", "J'aime", "Enregistré", "Signaler un message abusif",
        "Responder", "Citar", "Responder citando", "Reportar", "Me gusta", "Rispondi", "Rispondi citando", "Segnala",
        "Mi piace", "Reageren", "Citeren", "Vind ik leuk", "Curtir", "Ответить", "Цитировать", "Пожаловаться",
        "Odpowiedz", "Cytuj", "Zgłoś", "Lubię to", "Svara", "Citera", "Rapportera", "Gilla", "Zum Antworten anmelden",
        # Reporting a comment (Handelsblatt's "Als Spam melden!" under each).
        "Als Spam melden", "Als Spam melden!", "Spam melden", "Missbrauch melden", "Report spam", "Report abuse",
        "Signaler un abus",
        # wpDiscuz's share tooltip, which a copy gives as a line of its own (twice, glued)
        "Diesen Kommentar auf Twitter teilen?", "Share this comment on Twitter?",
        "Partager ce commentaire sur Twitter ?",
)  # fmt: skip
POST_ACTIONS = frozenset(label.casefold() for label in POST_ACTION_LABELS)
"""The buttons of one post (answering, quoting, reporting, liking it), which a page's own chrome does not show
beside each dated teaser: what tells a post from a headline and its date."""
BUTTON_LABELS = frozenset(
    label.casefold()
    for label in (
        *POST_ACTION_LABELS,
        "Permanenter Link",
        "Lien permanent",
        "Melden",
        "#",
        "Kommentar löschen",
        "Kommentar melden",
        "Delete comment",
        "Report comment",
        "Supprimer le commentaire",
        "Signaler le commentaire",
    )
)
"""A post's buttons as a copy runs them into one line, after its date or with each other."""
BUTTON_SEPARATORS = ("-", "|", "•", "·")
BUTTON_COUNT = re.compile(r"\s*\(\d[\d.,]*\)$")
"""A button's count after it (`Gefällt mir (21)`)."""
MAX_BUTTONED_LINE = 160
"""A date line with its post's buttons is no longer than this: longer lines are not searched for buttons."""


def button_start(text: str, labels: frozenset[str] = BUTTON_LABELS) -> int | None:
    """Where a post's buttons after its date start on the date's line (`19. Juni 2018 um 15:28 Uhr - Antworten`,
    `17.10.2019, 14:14 Zum Antworten anmelden Zitieren #`, `21. Jan. 2015, 19:04 [ antworten ]`), a separator
    before them included; 0 for a line of buttons alone (`Antworten · Gefällt mir (21) · Melden`); None where the
    line ends in none. A button glued to a word is that word's end ("unlike"), glued to a digit it is a button.
    `labels`: the buttons looked for (folded), a post's own unless said."""
    folded = text.casefold()
    if len(folded) != len(text) or len(text) > MAX_BUTTONED_LINE:
        return None  # a letter whose folded form is longer: positions would not match; a long line: no date's
    endings = _endings(labels)
    end = len(folded)
    while (start := _last_button(folded[:end].rstrip(), labels, endings)) is not None:
        end = start
        if (rest := folded[:end].rstrip()).endswith(BUTTON_SEPARATORS):
            end = len(rest) - 1
    return end if end < len(folded) else None


@cache
def _endings(labels: frozenset[str]) -> tuple[str, ...]:
    return tuple(sorted(labels, key=len))


def _last_button(text: str, labels: frozenset[str], endings: tuple[str, ...]) -> int | None:
    """Where the button a folded text ends in starts: a label, in brackets (`[ antworten ]`) or with its count."""
    if text.endswith("]") and (opening := text.rfind("[")) >= 0:
        return opening if text[opening + 1 : -1].strip() in labels else None
    if count := BUTTON_COUNT.search(text):
        text = text[: count.start()]
    if not text.endswith(endings):
        return None
    start = len(text) - max(len(label) for label in endings if text.endswith(label))
    return None if start and text[start - 1].isalpha() else start


def without_buttons(text: str) -> str:
    """A line without the post's buttons at its end (see `button_start`)."""
    start = button_start(text)
    return text[:start].rstrip() if start is not None else text


LIKE_WORDS = _any("Like", "Liken", "J'aime", "Me gusta", "Mi piace", "Curtir", "Vind ik leuk", "Gefällt mir")
POST_BUTTON = re.compile(
    rf"^(?:{LIKE_WORDS}\s*(?:{LIKE_WORDS}|Liked by \d[\d,.]*\s+(?:people|person)|Gefällt \d[\d.]*\s+Personen)"
    r"|(?:Reply|Antworten|Antwort|Répondre|Responder|Rispondi|Reageren)\s*[↓↵]|Permanenter Link|Lien permanent"
    r"|(?:Daumen hoch|Thumbs up)\s*\d*\s*(?:Daumen runter|Thumbs down)\s*\d*(?:\s*(?:Antworten|Reply))?)$",
    re.IGNORECASE,
)
"""Buttons of one post in the shapes a copy gives them: WordPress.com's like button, its two states run together
(`LikeLike`, `LikenLiken`, `LikeLiked by 21 people`), a theme's `Reply ↓` (Twenty Eleven), Drupal's permalink,
a rating plugin's thumbs with their counts and the reply link run together (`Daumen hoch0Daumen runter
Antworten`)."""
MEMBER_MENU = frozenset(
    label.casefold()
    for label in (
        "View Profile", "View Forum Posts", "View Blog Entries", "Private Message", "Visit Homepage", "Add as Contact",
        "Profil", "Beiträge anzeigen", "Private Nachricht", "Homepage besuchen", "Blog-Einträge anzeigen",
        "Voir le profil", "Voir les messages", "Message privé", "Visiter la page d'accueil", "Ver perfil",
        "Ver mensajes del foro", "Mensaje privado", "Visitar página web",
    )
)  # fmt: skip
"""vBulletin's menu under a member's name, which some styles print: part of the post's header; two of its entries
mark a post as two profile fields do (`profile_key`)."""
MEMBER_BADGES = frozenset(
    label.casefold()
    for label in (
        "Online", "Offline",
        # A commenter's badge (wpDiscuz): not logged in.
        "Guest", "Gast", "Invité", "Invitado", "Ospite", "Gość", "Гость",
    )
)  # fmt: skip
"""A member's state beside the name: part of the post's header, but a page's own chrome shows such words too."""
MEMBER_LINES = MEMBER_MENU | MEMBER_BADGES
REACTIONS_LABEL = r"(?:Likes?|Reactions|Reaktionen|Réactions|Reacciones|Reazioni|Thanks|Danke)"
COUNTED_ACTION = re.compile(
    r"^(?:\d[\d.,]*\s*(?:likes?|replies|reply|antworten|j'aime|me gusta|mi piace|votes?|points?|upvotes?)"
    rf"|(?:(?:{REACTIONS_LABEL}|Gefällt)\s*:|Liked by)\s+.+"
    r"|(?:Reply|Share)\s*[•·›].*|[+−-]?\d{1,6}|[x×]\d{1,6})$",
    re.IGNORECASE,
)
"""A counted button (`3 Likes`), a reactions line (`Reactions: Ann, Bob and 3 others`, `Liked by Ann`; its label's
colon told: "Danke für deine Ausführungen." is a line of text), a bare count or score (`-1`, `+2`), a count of
reactions (XenForo's `x1` after their names)."""
REACTIONS_LINE = re.compile(rf"^{REACTIONS_LABEL}\s*:\s+\S.*$", re.IGNORECASE)
"""A post's reactions with their label, however many names they list (`Reactions: Ann, Bob, Carl and 12 others`)."""
MAX_REACTIONS_CHARS = 300
AVATAR_INITIAL = re.compile(r"^[^\W\d_]$")
"""The letter an avatar placeholder shows when a member has no picture (XenForo, Discourse)."""
SUBJECT = re.compile(r"^(?:Re|AW|RE|Aw|Réf|Rép)\s?:\s.+$")
"""A reply's subject line (`Re: The thread's title`)."""

# -- Dates as engines print them ----------------------------------------------------------------------
DATE_LABEL = re.compile(
    r"^(?:«\s*)?(?:(?:Reply|Antwort|Réponse|Respuesta|Risposta|Ответ|Odpowiedź)\s*#\d+\s*(?:on|am|le|en|il|:|–|-)?\s*:?"
    r"|Posted(?: on)?|Gepostet|Geschrieben(?: am)?|Verfasst(?: am)?|Publié(?: le)?|Posté(?: le)?|Publicado(?: el)?"
    r"|Enviado(?: el)?|Inviato(?: il)?|Pubblicato(?: il)?|Geplaatst(?: op)?|Опубликовано|Отправлено|Dodano|Wysłany)"
    r"\s*:?\s*",
    re.IGNORECASE,
)
"""The words before a post's date (`Posted`, `« Reply #3 on:`), which dateparser does not read past."""
DATE_TAIL = re.compile(r"\s*(?:»|#\s?\d{1,7}|\(edited\)|\(bearbeitet\)|\(modifié\)|\(editado\))\s*$", re.IGNORECASE)
"""What follows a post's date on its line (SMF's closing `»`, a post number, Invision's `(edited)`)."""
TIME_UNITS = (
    r"(?:seconds?|minutes?|mins?|hours?|days?|weeks?|months?|years?|Sekunden?|Minuten?|Stunden?|Tag(?:en?)?|Wochen?"
    r"|Monat(?:en?)?|Jahr(?:en?)?|secondes?|minutes?|heures?|jours?|semaines?|mois|ans?|segundos?|minutos?|horas?"
    r"|días?|semanas?|meses|mes|años?|minuti|ore|giorni|settimane|mesi|anni)"
)
RELATIVE_DATE = re.compile(
    r"^(?:(?:Today|Yesterday|Heute|Gestern|Aujourd'hui|Hier|Hoy|Ayer|Oggi|Ieri|Vandaag|Gisteren|Сегодня|Вчера|Dzisiaj|Wczoraj)"
    r"(?:\s*(?:,|at|um|à|a las|alle|om|в|o)?\s*\d{1,2}[:.h]\d{2}(?:\s*[AaPp]\.?[Mm]\.?)?(?:\s*Uhr)?)?"
    rf"|(?:about |an? |vor |il y a |hace |fa )?\d{{1,3}}\s+{TIME_UNITS}"
    rf"(?:,?\s+(?:and\s+|und\s+)?\d{{1,3}}\s+{TIME_UNITS})?"
    r"(?:\s+ago|\s+her)?"
    r"|(?:an?|one) (?:minute|hour|day|week|month|year) ago|just now|gerade eben)$",
    re.IGNORECASE,
)
"""A date relative to when the page was shown (`Today, 10:15 AM`, `3 years ago`, `vor 2 Stunden`, `vor 1 Tag`,
`1 Monat her`, two units: `1 Stunde 51 Minuten her`, `2 hours, 5 minutes ago`): a post's date line, though the dump
gives no time to count back from."""

MAX_BYLINE_WORDS = 6
MAX_FIELD_CHARS = 80
LineKind = Literal["byline", "quote", "quote_end", "profile", "profile_label", "action", "edited", "signature", "text"]


@dataclass(frozen=True, slots=True)
class Line:
    """One line of a dump and what the engine's labels make of it."""

    text: str
    """The line, its surrounding spaces removed."""
    kind: LineKind
    """What the line is: a post's writer and date (`byline`), a quote's header or end, profile furniture, a
    button (`action`), an edit note, a signature rule, or the writers' own text."""
    name: str | None = None
    """The writer a byline or a quote header names."""
    date_text: str | None = None
    """The date a byline gives, as printed."""


MAX_LABEL_CHARS = 160
"""Longer lines are text, or an edit note with its reason: no other label runs so long (bylines and quote
headers hold a name and a date), so the labels are not tried on the paragraphs of a dump."""


def classify(text: str) -> Line:
    """What a cleaned line of a dump is, by the engines' labels (dates are found by the reader)."""
    if not text:
        return Line(text, "text")
    if len(text) > MAX_LABEL_CHARS:
        return Line(text, "edited" if EDITED.match(text) else "text")
    if (match := _byline(text)) is not None:
        return Line(text, "byline", match["name"], match["date"])
    if ANY_QUOTE_HEADER.match(text) and (match := next(filter(None, (h.match(text) for h in QUOTE_HEADER)), None)):
        return Line(text, "quote", _name(match))
    if BARE_QUOTE.match(text):
        return Line(text, "quote")
    if QUOTE_END.match(text):
        return Line(text, "quote_end")
    if (match := WP_BYLINE.match(text)) and len(match["name"].split()) <= MAX_BYLINE_WORDS:
        return Line(text, "byline", match["name"], match["date"])
    if EDITED.match(text):
        return Line(text, "edited")
    if SIGNATURE_RULE.match(text):
        return Line(text, "signature")
    if PROFILE_ALONE.match(text):
        return Line(text, "profile_label")
    field = PROFILE_FIELD.match(text) and len(text) <= MAX_FIELD_CHARS
    if field or POST_COUNT.match(text) or THREAD_STARTER.match(text) or MEMBER_SINCE.match(text):
        return Line(text, "profile")
    if POST_NUMBER.match(text) or SUBJECT.match(text) or AVATAR_INITIAL.match(text) or text.casefold() in MEMBER_LINES:
        return Line(text, "profile")
    if _button(text) in ACTIONS or (len(text) <= 60 and (COUNTED_ACTION.match(text) or POST_BUTTON.match(text))):
        return Line(text, "action")
    if len(text) <= MAX_REACTIONS_CHARS and REACTIONS_LINE.match(text):
        return Line(text, "action")
    if _button_row(text):
        return Line(text, "action")
    return Line(text, "text")


BYLINE_OPENERS = frozenset(word.casefold() for word in (*COMMENT_WORDS, *WRITTEN_WORDS))
"""The first words of COMMENT_BYLINE's and WRITTEN_BY's lines: other lines are not tried against them."""


def _byline(text: str) -> re.Match[str] | None:
    """The engines' writer-and-date line a line is, tried only where its first word or its `»` can start one
    (the patterns run on every short line of a text file that is sniffed)."""
    if "»" in text and (match := PHPBB_BYLINE.match(text)):
        return match
    first = text.split(maxsplit=1)[0].casefold() if text.strip() else ""
    if first not in BYLINE_OPENERS:
        return None
    return COMMENT_BYLINE.match(text) or WRITTEN_BY.match(text)


def _button(text: str) -> str:
    """A button's label as the lists hold it: folded, without the brackets or separators a theme draws round it
    (`[ antworten ]`, `/ Responder`)."""
    label = text.strip("[]() /|")
    return (label or text.strip()).casefold()  # a separator alone (`|`) is its own label


def is_button(text: str) -> bool:
    """Whether a line is a button's label (a post's, or the page's around the posts), not a counted action
    (`Danke: NAME`, `3 Likes`) nor a count."""
    return _button_among(text, ACTIONS)


def is_post_action(text: str) -> bool:
    """Whether a button line is one of a post's own (see POST_ACTIONS, POST_BUTTON), or a row of them."""
    return _button_among(text, POST_ACTIONS)


def _button_among(text: str, labels: frozenset[str]) -> bool:
    return _button(text) in labels or POST_BUTTON.match(text) is not None or _button_row(text)


ROW_LABELS = BUTTON_LABELS | ACTIONS
"""What a line of buttons alone may hold: a post's and the page's (`Alle Kommentare anzeigen`, three times)."""


def _button_row(text: str) -> bool:
    """Whether a line is a post's buttons run together, or one with its count (`Antworten · Gefällt mir (21) ·
    Melden`, `Zitieren #`): a browser's copy puts a post's inline buttons on one line."""
    return button_start(text, ROW_LABELS) == 0 and _button(text) not in ACTIONS


def profile_key(text: str) -> str | None:
    """Which profile field a line is (its label, folded; `count`, `number` or `starter` for a post count, a
    post's number, a thread starter line; an entry of vBulletin's member menu, folded), None for any other line (a
    field's value on its own line too)."""
    if len(text) > MAX_FIELD_CHARS:
        return None  # no field is this long (and POST_COUNT's number and spaces would be tried at each split)
    if PROFILE_FIELD.match(text) or PROFILE_ALONE.match(text):
        return text.partition(":")[0].strip().casefold()
    if POST_COUNT.match(text):
        return "count"
    if MEMBER_SINCE.match(text):
        return "since"
    if POST_NUMBER.match(text):
        return "number"
    if THREAD_STARTER.match(text):
        return "starter"
    if (label := text.casefold()) in MEMBER_MENU:
        return label
    return None


def _name(match: re.Match[str]) -> str | None:
    name = match.group("name")
    return name.strip() if name else None


def date_part(text: str) -> str | None:
    """The date a short line gives, its engine's label, a comment's number before it and its tail taken off
    (`« Reply #3 on: DATE »` -> `DATE`, `#1.1 — DATE` -> `DATE`); None when the line is too long to be only a
    date."""
    if len(text) > 70:
        return None
    return DATE_TAIL.sub("", DATE_LABEL.sub("", POST_NUMBER_FIRST.sub("", text), count=1)).strip() or None


POST_NUMBER_FIRST = re.compile(r"^#\s?\d{1,7}(?:\.\d{1,7})*\s*[—–-]\s*")
"""A comment's number before its date (`#1.1 — vor 8 Stunden`, zeit.de: a reply's number under its parent's)."""
