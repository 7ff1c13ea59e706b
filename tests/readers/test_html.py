"""The saved web page reader on our own pages, one per comment engine (tests/data/html/, text written by us)."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

import lxml.html
import pytest

from translator.errors import InputError
from translator.models import Thread, Votes
from translator.readers import parse_threads, read_thread, sniff_format
from translator.readers.common import BlockSpec
from translator.readers.html import page_language, page_sentences, read_html
from translator.readers.html_comments import is_pingback
from translator.readers.html_fields import RawComment

PAGES = Path(__file__).resolve().parents[1] / "data" / "html"


@dataclass(frozen=True)
class Expected:
    """What a fixture page must read as."""

    title: str
    site: str | None
    byline: str | None
    authors: list[str | None]
    parents: list[str | None]


CASES = {
    # WordPress default theme: nested ol.children, a pingback, the reply form, a login prompt, a sidebar widget.
    "wordpress.html": Expected(
        "Le tramway de Valbourg ouvre sa deuxième ligne",
        "Le Courrier du Plateau",
        "Lucie Bernard",
        ["Marc Aubert", "Lucie Bernard", "Inès", "Paul-Henri de Vries"],
        [None, "c1", None, None],
    ),
    # wpDiscuz: replies nested in their parent's div, dates only in the title attribute, vote results.
    "wpdiscuz.html": Expected(
        "Five beginner mistakes with watercolour",
        "Paper & Pigment",
        None,
        ["Hana Sato", "Eli (author)", "R. Okafor"],
        [None, "c1", None],
    ),
    # Drupal 7: the form comes first; replies sit in div.indented after their parent.
    "drupal.html": Expected(
        "Stadtrat beschließt neue Radwege",
        "Nordkurier Heide",
        "Jonas Keller",
        ["Greta Sommer", "Hannes", "Dr. Wiebke Lorenzen"],
        [None, "c1", None],
    ),
    # phpBB prosilver: the opening post is the article; a quote with its author; a signature.
    "phpbb.html": Expected(
        "Best way to store winter tyres?",
        "Riverside Motoring Forum",
        "wheelnut",
        ["Greasemonkey_77", "Ola N."],
        [None, None],
    ),
    # MyBB 1.8 (its classic layout adds a class to each post, no other markup): the user's title is the role, the
    # signature left out.
    "mybb.html": Expected(
        "Sourdough starter keeps going flat", None, "alice_w", ["breadnerd42", "mkovacs", "joe_ovenmitt"], [None] * 3
    ),
    # Vanilla: the discussion is a div, its comments list items; the date in time[datetime], "January 2020" shown.
    "vanilla.html": Expected(
        "Best budget tent for summer hiking?",
        "Trailhead Community",
        "hikerjen",
        ["tomas.r", "pinecone_pat", "lena_m"],
        [None] * 3,
    ),
    # FluxBB: the board's name is the page's one h1 (a link home), the topic in <title> "SUBJECT / FORUM / BOARD"
    # and in the first post's subject; replies' "Re: SUBJECT" lines are no headings; member fields left out.
    "fluxbb.html": Expected(
        "Which chess opening should a beginner learn first?",
        "Rook & Pawn Club",
        "knightrider",
        ["e4_enjoyer", "bishop_b", "Grandpa_Gus"],
        [None] * 3,
    ),
    # Flarum saved without its app: the posts the server writes into noscript#flarum-content (their times from its
    # JSON payload).
    "flarum.html": Expected(
        "Favourite keyboard switches for long typing sessions?",
        "forum.example.com",
        "clicky_cat",
        ["thocc_lord", "linear_lin", "ms_keycap"],
        [None] * 3,
    ),
    # Livefyre drawn into the page (saved once its comments showed): a reply inside its parent's article.
    "livefyre.html": Expected(
        "Harbour ferry timetable changes next month",
        "The Coast Gazette",
        "Ann Tide",
        ["harbourview", "gullwing", "saltmarsh"],
        [None, "c1", None],
    ),
    # IntenseDebate: `div.idc-c`, the writer in a span of `p.idc-i` (linked or not), the relative time after it; a
    # reply in the `IDCommentSubThreadN` box after its parent. The article's byline "By NAME · DATE".
    "intensedebate.html": Expected(
        "Harbour ferry timetable changes from next month",
        "Northbay Courier",
        "Jonas Albrecht",
        ["Marta Lindqvist", "Tomasz Brink", "dockside_reader"],
        [None, "c1", None],
    ),
    # No engine: Cackle's older widget (`li#mc-N`, `mc-comment-username`, `a.mc-comment-created[timestamp]`), inside
    # its `mc-widget-container`: a comment system's widget box, not a sidebar's.
    "cackle.html": Expected(
        "В парке у реки откроют новую велодорожку",
        "Городские вести",
        None,
        ["Ирина Соколова", "Павел К.", "Гость"],
        [None, "c1", None],
    ),
    # No engine: Viafoura's legacy widget (`vf-comment-container`, replies in `vf-child-comments`) in its
    # `vf-widget vf-commenting` box; relative dates only.
    "viafoura.html": Expected(
        "Snowplow contract goes to new bidder after 20 years",
        "Prairie Post",
        None,
        ["RoadieRon", "Maple Street Mom", "J. Okafor"],
        [None, "c1", None],
    ),
    # No engine: a header row "On DATE, at TIME, NAME wrote:" (the name linked to `Profile.asp?uid=N`, a report link
    # before it), the text in the next box; "wrote:" and the link's label are the header's, not the comment's text.
    "wrote-header.html": Expected(
        "Three shipping stocks to watch in 2015",
        "Harbour Investor",
        "Ola Nordby",
        ["keelhauler", "bilge_pump", "tidewatcher"],
        [None] * 3,
    ),
    # No engine: comments in a box named both the article's footer and comments (`article_footer_comments`), each
    # a header (its subject line, "Soumis par NAME, le DATE") above its text; answers marked up apart
    # (`article_comment_answer`, "NAME a répondu le DATE") in a box after their comment, one of them a sentence
    # naming a year ("le projet date de 1998."), which is text, not a date; a comment quoting another with its
    # writer and date.
    "footer-comments.html": Expected(
        "Le port de Valbourg change de propriétaire",
        "Le Courrier du Littoral",
        "Claire Morvan",
        ["goeland56", "Marie-Jo L.", "goeland56", "Marie-Jo L.", "plaisancier_29"],
        [None, "c1", "c1", None, None],
    ),
    # Gigya's comments (news sites of the 2010s), drawn into the page: no rule of its own, the generic reader's
    # (a reply inside its parent's `gig-comment-replies`).
    "gigya.html": Expected(
        "Ferry fares frozen for another year",
        "Coast Evening News",
        "Tom Quay",
        ["islandcommuter", "harbourmaster_j", "Ann Mertens"],
        [None, "c1", None],
    ),
    # Slash (Slashdot): the story above its byline ("Posted by NAME on DATE @TIME from the X dept."), each comment's
    # subject, score, writer without their number ("NAME (12345)"), an anonymous one, replies in the group inside it.
    "slash.html": Expected(
        "Island Ferry Gets Electric Engines",
        "Slashdot",
        "msmash",
        ["tidewatcher", "harbourview", "Anonymous Coward"],
        [None, "c1", None],
    ),
    # vBulletin 4: post text inside blockquote.postcontent; a Dutch "Originally posted by" quote.
    "vbulletin.html": Expected("Welke accuboor voor beginners?", None, "Sanne", ["Timmerman Joop"], [None]),
    # XenForo 2: data-author, bbCodeBlock quote with "Click to expand...".
    "xenforo.html": Expected("Sourdough starter keeps dying", "The Bread Bench", "CrumbQueen", ["Dough Boy"], [None]),
    # Discourse crawler view: schema.org microdata; a navigation block drawn like a post.
    "discourse.html": Expected(
        "Anyone tried the new trail above the reservoir?",
        "Hill Runners Club",
        "fellrunner_di",
        ["mudlark", "peakbagger"],
        [None, None],
    ),
    # Hacker News item page: the story is the article; replies by indentation.
    "hackernews.html": Expected(
        "Show HN: A tiny tide-table calculator", None, "saltmarsh", ["paddler", "saltmarsh", "gull"], [None, "c1", None]
    ),
    # Old Reddit: a deleted comment kept for its reply, a deleted leaf and a "load more" stub dropped.
    "reddit-old.html": Expected(
        "My balcony tomatoes finally ripened",
        "reddit",
        "sunny_ledge",
        ["rootbound", "sunny_ledge", None, "compost_king"],
        [None, "c1", None, "c3"],
    ),
    # Disqus's comment frame: posts from its embedded JSON (spam dropped, a deleted parent kept).
    "disqus-frame.html": Expected(
        "Обзор смартфона «Полярник-3»", None, None, ["Ирина К.", "Редакция", None, "Пётр"], [None, "c1", None, "c3"]
    ),
    # JSON-LD comments nested under the article; the same comments drawn on the page stay out of the article.
    "jsonld.html": Expected(
        "La sequía obliga a racionar el agua en tres comarcas",
        "Diario del Valle",
        "Carmen Ruiz",
        ["Andrés", "Lucía M.", "Tomás"],
        [None, "c1", None],
    ),
    # Microdata UserComments/Comment with creator and author, nested.
    "microdata.html": Expected("Focaccia all'uva", "Cucina di Casa", None, ["Giulia", "Nonna Pina"], [None, "c1"]),
    # No engine: repeated author+date+text blocks, a reply sub-block, sidebar teasers with authors and dates.
    "generic.html": Expected(
        "Nowy most na Wiśle otwarty dla pieszych",
        "Gazeta Nadwiślańska",
        None,
        ["Kasia z Pragi", "Marek", "Ola", "gość_1987"],
        [None, None, "c2", None],
    ),
    # Blogger: li.comment#cN nested in div.comment-replies, inside the "widget Blog" box; a byline with its label;
    # a reply printed with its time only, dated by the Unix time in its permalink.
    "blogger.html": Expected(
        "Como salvar as couves das lagartas",
        "Diário da Horta",
        "Rosa Pimentel",
        ["Joaquim Serra", "Rosa Pimentel", "Anónimo"],
        [None, "c1", None],
    ),
    # An old WordPress theme (Thesis): each comment a `dt` (name, date) and the `dd` after it (text).
    "thesis-dl.html": Expected(
        "Il pane di segale del nonno", "Forno di Quartiere", None, ["Lucia Ferri", "Beppe"], [None, None]
    ),
    # No engine, a flat list: readers' picks marked `comment--recommended` (a modifier, not a box of
    # recommended stories), replies marked `comment--indented`, dates only relative.
    "flat-indented.html": Expected(
        "El tren nocturno vuelve a cruzar los Pirineos",
        "Crónica del Norte",
        None,
        ["Marisa_V", "Jon Ander", "Pilarica", "Tomás R."],
        [None, "c1", None, "c3"],
    ),
    # A forum thread's latest replies under a news article (li.xenforo-comment): comments, not forum posts.
    "xenforo-widget.html": Expected(
        "Test : le clavier mécanique Ardoise K2", "Labo Matériel", "Claire Dumas", ["tapoteur", "Nadia.R"], [None, None]
    ),
    # WordPress's classic theme: the logo heading is the site's name (from its domain), each comment signed
    # "Comment by NAME — DATE" under its text.
    "wp-classic.html": Expected(
        "Czy regulamin może zakazać pseudonimów?", "Notatnik-Prawny", None, ["Marta Zielińska", "Bogdan"], [None, None]
    ),
    # No engine: cards whose header row holds a label beside the name ("| Сообщество"): the comment is the card.
    "comment-cards.html": Expected(
        "Город закрывает старый рынок на ремонт",
        "Вечерний листок",
        None,
        ["Ирина", "Старожил", "Павел"],
        [None, None, None],
    ),
    # Joomla's JComments, in Italian: a reply in the nested comments-list; "Commenti (3)" counts all three.
    "jcomments.html": Expected("Il ponte sul fiume", None, None, ["Giulia", "Marco", "Paolo R."], [None, "c1", None]),
    # DataLife Engine, in Russian: a guest's name in bold, without a profile link.
    "dle.html": Expected(
        "Мост через реку откроют осенью", "Новости города", None, ["Ivan", "Olga", "Гость Пётр"], [None] * 3
    ),
    # DataLife Engine in tree mode: replies in the `ol.comments-tree-list` inside their parent's item; the date's
    # label before it (`от 11 марта 2024 10:12`) is no part of the writer's name.
    "dle-tree.html": Expected(
        "На перекрёстке Садовой и Лесной начнут ремонт дорожного покрытия",
        "Городские новости",
        "redaktor",
        ["Ольга_К", "Механик", "Ирина", "Пётр"],
        [None, "c1", "c2", None],
    ),
    # TypePad: each comment's writer only in its footer (`Posted by: <a>NAME</a> | <a>DATE</a>`); the document title
    # glues the blog's name to the entry's (`Blog: Entry`) under the blog's logo, an h1 linking to the blog's home
    # below the host's (`/wool_trail/`).
    "typepad.html": Expected(
        "The Sweater That Grew", "The Wool Trail", "Hannah Voss", ["Lotte Meyer", "Ravi", "Hannah Voss"], [None] * 3
    ),
    # Movable Type 3: the writer in the footer (`Posted by NAME | DATE`); the header's `NAME:` hidden by the style
    # sheet; the title `Entry (Blog)`.
    "movabletype.html": Expected(
        "Repotting the Stubborn Fern",
        "Quiet Bench Notes",
        None,
        ["Greta Lindqvist", "Tomasz", "Ivo Brandt"],
        [None] * 3,
    ),
    # 4chan: the opening post is the article, its subject the title (`/diy/ - SUBJECT - Board - 4chan`); a reply
    # answers the post its text links to first (`>>N`), not the posts the header's backlinks name; a post with a
    # file keeps its text (`blockquote.postMessage`), not the file's line.
    "4chan.html": Expected(
        "Restoring a cast iron skillet from rust",
        "4chan",
        "Anonymous",
        ["Tinkerer", "Anonymous", "Anonymous"],
        [None, "c1", None],
    ),
    # vichan (Tinyboard): `div.post.reply`, the text in `div.body`, `>>N` links without a class.
    "vichan.html": Expected(
        "Which soldering iron tip shape for through-hole work?",
        "tech",
        "Anonymous",
        ["Anonymous", "Reworker", "Anonymous"],
        [None, "c1", None],
    ),
    # Dreamwidth: the entry's writer in `span.entry-poster`; each comment's thread left open around its replies';
    # the writer after "From:" (`span.ljuser`, or `span.anonymous`), the time after "Date:"; a reply's subject
    # `Re: ...` is no heading of its text.
    "dreamwidth.html": Expected(
        "Firing the first kiln load",
        "Dreamwidth Studios",
        "quillfeather",
        ["birchbark", "quillfeather", "lanternmoth", "(Anonymous)"],
        [None, "c1", "c2", None],
    ),
    # Movable Type 4 to 6: a flat list; a reply says whom it answers in its byline (`NAME replied to <a
    # href="#comment-301">comment from NAME</a>`).
    "movabletype-threaded.html": Expected(
        "Counting Limpets at Low Tide",
        "Tidepool Walks",
        "Noor Achterberg",
        ["Pieter Okafor", "Wren Maddox", "Noor Achterberg"],
        [None, None, "c1"],
    ),
    # Squarespace 5: each comment signed below its text with the date first (`div.signature`: `DATE | NAME`).
    "squarespace.html": Expected(
        "The Valve That Would Not Glow",
        "Attic Radio",
        "Ottilie Park",
        ["Bertil Ahn", "Carmen Ruiz", "Ottilie Park"],
        [None] * 3,
    ),
    # HyperComments, drawn into the page: newest first, flat; a reply answers the comment its `div.hc__parent`
    # quotes, listed after it.
    "hypercomments.html": Expected(
        "На окраине города построят новую школу",
        "Районная газета",
        None,
        ["Ольга Миронова", "Дмитрий", "Анна К.", "Виктор Л."],
        [None, "c3", None, None],
    ),
    # ZEIT ONLINE's comments, a flat list: a reply's `comment__origin` link (`Antwort auf #1 von NAME`) names the
    # comment it answers, also deeper than the `comment--indented` class shows; a promoted comment's badge
    # ("Redaktionsempfehlung") beside the name does not make its header the comment.
    "zeit.html": Expected(
        "Haselbrück: Stadtwerke wollen Fernwärmenetz bis 2030 verdoppeln",
        None,
        "Jana Wiesinger",
        ["Ostwind_77", "Hannelore Vogt", "Ostwind_77", "Fenna Lorenzen", "kaltstart", "Bernd Ohlsen", "Jana Wiesinger"],
        [None, "c1", "c2", None, "c4", None, None],
    ),
    # The Guardian's server-drawn discussion (`li.d-comment`): a reply nested under the thread's first comment
    # answers the one its `#comment-N` link names.
    "guardian-legacy.html": Expected(
        "Upper Ashcombe post office reopens as community-run shop",
        "The Guardian",
        "Alan Whitcombe",
        [
            "hedgerowhistorian",
            "Jo Pennington",
            "LowerAshcombeLad",
            "marketdaymolly",
            "hedgerowhistorian",
            "Ravi Chaudhry",
        ],
        [None, "c1", "c2", None, "c4", None],
    ),
    # AnyComment (WordPress, drawn by script): the server's copy of the comments in `noscript` is no second set; the
    # writer's name without the "Автор" badge beside it.
    "anycomment.html": Expected(
        "Зимнее хранение георгинов: мой опыт за пять сезонов",
        "Записки садовода из Кимрского района",
        "Сергей Вологдин",
        ["Ольга Смирнова", "Сергей Вологдин", "Ольга Смирнова", "Виктор Лаптев", "Наталья К.", "Наталья К."],
        [None, "c1", "c2", None, "c4", None],
    ),
    # WoltLab Burning Board 5: each post an `article.wbbPost`, the first the article; a quote's header ("Zitat von
    # NAME") past the writer's picture.
    "woltlab.html": Expected(
        "Heizungspumpe brummt nach dem Tausch – normal?",
        "Heimwerker-Treff",
        "Kellerkind72",
        ["Rohrfrei-Jens", "Mira Sonnenfeld", "Kellerkind72", "Hausmeister Bernd"],
        [None] * 4,
    ),
    # WoltLab Burning Board 3: `div.message#postRowN`; the thread's subject, which holds a dash, is the title, and the
    # board's name in an h1 linking to `index.php?page=Index` is the site's.
    "woltlab3.html": Expected(
        "Golf IV quietscht beim Anfahren – Spurstange?",
        "Schrauberforum Ostwestfalen",
        "Gerd_Schrauber",
        ["Tanja", "oli_aus_lippe", "Gerd_Schrauber"],
        [None] * 3,
    ),
    # Kunena (Joomla's forum), in Spanish: its date in the relative date's tooltip, a hidden report form's title no
    # subject, a quote's header "NAME escribió:" inside it.
    "kunena.html": Expected(
        "Puerto de Navacerrada en octubre: ¿qué ropa lleváis?",
        "Foro del Club",
        "Lucía_Ferrer",
        ["Paco Montañés", "Andrés Vidal", "Lucía_Ferrer", "Marta Ibarra"],
        [None] * 4,
    ),
    # Simple Machines 1.1, in Polish: posts in tables, `« Odpowiedz #1 : DATE »`, a quote's header before its box.
    "smf1.html": Expected(
        "Obiektyw do portretów: 50 mm czy 85 mm?",
        None,
        "Ania_z_Gdyni",
        ["Wojtek Migawka", "kuba.b", "Ania_z_Gdyni"],
        [None] * 3,
    ),
    # phpBB 2 (subSilver), in French: the writer's join date is no post's date, the signature after underscores and
    # the edit note are no text, a quote's header in the row above it.
    "phpbb2.html": Expected(
        "Bivouac sur les Hauts-Plateaux : quelles règles en été ?",
        "Randos du Vercors",  # `BOARD :: Voir le sujet - SUBJECT`
        "Marmotte38",
        ["Chamois_Lucie", "Pierrot des Écouges", "Marmotte38", "Baptiste"],
        [None] * 4,
    ),
    # IP.Board 3, in Russian: `div.post_block`, the date stated in `abbr.published`, a quote's `p.citation` header.
    "ipb3.html": Expected(
        "Зелёная вода в новом аквариуме — что делать?",
        "Аквариумный клуб",
        "Рыбокот",
        ["Ирина_Водоросль", "Дмитрий К.", "Рыбокот", "Старый_Аквариумист"],
        [None] * 4,
    ),
    # wpForo (a forum inside WordPress): the opening post is the article; "4 Replies" below it is no subject.
    "wpforo.html": Expected(
        "Tomatoes splitting after heavy rain",
        "Greenfingers",
        "Hazel Brightwater",
        ["Gordon McRae", "Priya N.", "Hazel Brightwater", "Tom Ashdown"],
        [None] * 4,
    ),
    # Kunena 3 ("Blue Eagle"), in Russian: each post a header box and the table after it; the first post's subject,
    # in the title between the board's name and the page's number, is the title.
    "kunena3.html": Expected(
        "Замена цепи: как понять, что пора?",
        "velopedal.example",
        "Сергей_Шатун",
        ["Марина Крутилова", "veloded", "Сергей_Шатун", "Артём К."],
        [None] * 4,
    ),
    # Menéame: the story's summary above (its submitter the writer); threads of `div.comment` in
    # `div.threader-childs`; Unix time in `data-ts`, votes in the footer.
    "meneame.html": Expected(
        "Un pueblo de Teruel digitaliza 300 años de periódicos locales y permite consultarlos sin conexión",
        "meneame_net",
        "bibliotecaria_k",
        [
            "zaragozano_74",
            "bibliotecaria_k",
            "zaragozano_74",
            "raton_hemeroteca",
            "anonimo_del_sur",
            "raton_hemeroteca",
            "lector_nocturno",
        ],
        [None, "c1", "c2", "c1", None, "c5", None],
    ),
    # Disqus's plugin for WordPress, drawn on the server: `li#dsq-comment-N` without WordPress's classes, an anchor
    # `div#comment-N` before each; a writer's address printed before their name; replies in `ul.children` after
    # their parent's `li`.
    "disqus-wordpress.html": Expected(
        "Why our town library keeps its card catalogue",
        "Millbrook Notes",
        "Ruth Ellery",
        ["owen_reads", "Ruth Ellery", "Paper & Pins", "Guest", "M. Okafor"],
        [None, "c1", None, "c3", None],
    ),
    # Blogger's first layouts, in Spanish: `dl#comments-block`, each comment a `dt` ("NAME dijo..."), its text and its
    # footer in the two `dd` after it; an anonymous writer without a link; the blog's writer answering.
    "blogger-classic.html": Expected(
        "Tomates en noviembre",
        "La huerta de Marisa",
        "Marisa",
        ["Julián Pardo", "Anónimo", "Marisa", "Luz del Campo"],
        [None, None, None, None],
    ),
    # Livefyre's first widget, drawn into the page: flat `div.lf_comment_container`s, a reply naming its parent in
    # `reply_parent`; no date (its label was filled by script).
    "livefyre-classic.html": Expected(
        "A quiet week for the river ferry",
        "Riverside Dispatch",
        "Dora Quist",
        ["deckhand_ray", "M. Brandt", "Odile"],
        [None, "c1", None],
    ),
    # A WordPress theme giving `comment-N` to the text's box, its header drawn before it in the comment's
    # `li#li-comment-N`; a threading plugin's replies (`div.comment-childs`) inside the text's box, headed
    # "NAME Reply:", with "[Reply]" links.
    "wp-comment-head.html": Expected(
        "Back on my feet, mostly",
        "The Long Way Round",
        "Kit Aldous",
        ["Wendell", "Kit Aldous", "Margit"],
        [None, "c1", None],
    ),
    # An old theme's comments as a definition list without classes: `dt` "1. NAME - DATE", the text in the `dd`
    # after it; a list of the section's rules, without dates, is none.
    "comments-dl.html": Expected(
        "Restoring the old bridge set, one panel at a time",
        "Orbit Notes",
        "Ines Calder",
        ["Ruth Ellery - Leeds Fan Club", "The Keeper", "CmdrR"],
        [None, None, None],
    ),
    # Lemmy's web app, in German: `article.comment-node`, the date in the relative date's tooltip.
    "lemmy.html": Expected(
        "Offline-Wörterbücher für den Zug: Welche Apps funktionieren ohne Netz?",
        "Beispiel-Lemmy",
        None,
        [
            "moorbirke",
            "kaffeesatz",
            "pixelfuchs@lemmy.remote.example",  # a remote writer's address
            "Grünkohl-Fan",
            "ostwind",
            "moorbirke",
            "lesewurm",
        ],
        [None, "c1", "c2", "c1", None, "c5", None],
    ),
    # Lobsters: the story above (its submitter the article's writer), comments with Unix and server times.
    "lobsters.html": Expected(
        "Writing a tiny offline dictionary lookup in Zig",
        "Lobsters",
        "marisol_k",
        ["bea.lindqvist", "old_unix_hand", "tomasz_w", "marisol_k", "tomasz_w", "ghost_in_shell", "bea.lindqvist"],
        [None, "c1", None, "c3", "c4", None, "c6"],
    ),
    # Tildes: `article.comment` nested in `ol.comment-tree-replies`; the header's excerpt is no text; a deleted
    # comment kept as the parent of its reply.
    "tildes.html": Expected(
        "What's your setup for reading foreign-language news offline?",
        "Tildes",
        "lindenleaf",
        ["quietbrook", "lindenleaf", "quietbrook", "maud_t", None, "ferngully_42", "maud_t"],
        [None, "c1", "c2", "c1", None, "c5", None],
    ),
    # HashOver, in German: replies inside their parent; the date only in the permalink's title.
    "hashover.html": Expected(
        "Fahrradstraße Mühlgasse: Was sich ab April für Anwohner ändert",
        "Hollerbacher Stadtteilblatt",
        "Henrike Lassner",
        ["Marlene K.", "Jonas Weber", "Marlene K.", "Ute Brandl", "Peter Sommerfeld", "Jonas Weber"],
        [None, "c1", "c2", None, "c4", None],
    ),
    # Commentics, in Spanish: a thread's replies side by side in one box, each with its depth (`reply_indent_2`).
    "commentics.html": Expected(
        "La biblioteca municipal amplía su horario durante el verano",
        "El Eco de Valdeoliva",
        None,
        ["Rocío Márquez", "Andrés Villalba", "Rocío Márquez", "Teresa Campillo", "Redacción El Eco", "Andrés Villalba"],
        [None, "c1", "c2", None, "c4", None],
    ),
    # The Guardian's discussion as its app draws it, class names hashed: the writer's name shown twice (two
    # layouts) is no text; a reply answers the comment its `#comment-N` link names, deeper than its nesting shows.
    "guardian.html": Expected(
        "Kettlewick council to trial four-day week for bin collection crews",
        "the Guardian",  # as its `og:site_name` writes it
        "Ruth Danforth",
        ["Brackenfold", "quietlanewalker", "Marisol_Q", "Tamsin Okoro", "Brackenfold", "dunmore_reads"],
        [None, "c1", "c2", None, "c4", None],
    ),
    # MetaFilter: the post above the comments; each comment's signature after its text (`posted by NAME at TIME
    # on DAY [N favorites]`), its day without its year.
    "metafilter.html": Expected(
        "Pocket dictionaries for a world without signal",
        "MetaFilter",
        "lanternfish",
        ["slow_ferry", "ottoline", "grey_heron", "slow_ferry", "mkpereira", "ottoline"],
        [None] * 6,
    ),
    # Mbin, in French: the entry above (its title without the magazine's and the site's names), comments flat with
    # their depth in `comment-level--N`, a deleted one kept as the parent of its reply.
    "mbin.html": Expected(
        "Les liseuses hors ligne méritent-elles encore leur place en 2026 ?",
        "Lecteurs",
        "camille_r",
        ["pierre_dlc", "camille_r", "pierre_dlc", "lena", "anonyme42", "marc_b", "zoe_k"],
        [None, "c1", "c2", "c1", None, "c5", None],
    ),
    # Wykop, in Polish, read by the generic detector: one level of replies; a comment deleted by its writer, its
    # notice drawn as an alert, kept as the parent of its reply.
    "wykop.html": Expected(
        "Biblioteka Narodowa udostępnia archiwum prasy do czytania offline",
        "Wykop.pl",
        "biblio_nerd",
        ["stary_bibliotekarz", "kasia_z_lodzi", "stary_bibliotekarz", "anon_z_pociagu", "mateusz_k", "biblio_nerd"],
        [None, "c1", "c1", None, "c4", None],
    ),
    # A Talkyard forum's page, in Polish with the software's English dates: the opening post's header above its
    # thread's box; replies nested in `ol.dw-res`; the writer's full name, not their @handle.
    "talkyard.html": Expected(
        "Nowe godziny otwarcia punktu zbiórki odpadów od 1 grudnia",
        "Forum Mieszkańców Zielonego Jaru",
        "Zarząd Osiedla",
        [
            "Agnieszka Wróbel",
            "Tomasz Zieliński",
            "Agnieszka Wróbel",
            "Krzysztof Baran",
            "Ewa Nowicka",
            "Tomasz Zieliński",
        ],
        [None, "c1", "c2", None, "c4", None],
    ),
    # Simple Machines 2.0's "core" theme: each post the box holding `div.poster` beside `div.postarea`; "« on: DATE »",
    # a quote's header before its box.
    "smf2-core.html": Expected(
        "Which grease for an old bottom bracket?", None, "cupandcone", ["Wrenchwren", "cupandcone"], [None, None]
    ),
    # Movable Type's first templates: each comment a `div#cNNN` and the line after it, `Posted by: NAME at DATE`; the
    # blog's name in an h1 (linking nowhere) glued to the entry's title, which an h3 shows below it.
    "movabletype-classic.html": Expected(
        "The loom in the attic, finally threaded", "Spindle Notes", "marta", ["Ilse", "Tobias", "marta"], [None] * 3
    ),
    # A skin drawn from phpBB 2's: the text in a `td.postbody`, the date in a `td.postdetails`, the signature in the
    # row below; the document title `BOARD :: View topic - SUBJECT` gives the title and the site's name.
    "phpbb2-skin.html": Expected(
        "Stern gland dripping again", "Narrowboat Owners Club", "tillerpin", ["Lockwheeler"], [None]
    ),
    # Joomla's Komento: a flat list, each reply naming its parent in a `parentid` attribute (`kmt-14`).
    "komento.html": Expected(
        "A Beginner's Week of Sourdough",
        None,
        "Elin Strand",
        ["Duncan Ferreira", "Elin Strand", "Mirela"],
        [None, "c1", None],
    ),
    # Isso, rendered, in Dutch: a reply inside its parent's element; "3 reacties" counts all three.
    "isso.html": Expected("De brug over de rivier", None, None, ["Sanne", "Joost", "Anoniem"], [None, "c1", None]),
    # Commento, rendered, in Turkish: a reply in commento-children, the date in the timeago's title.
    "commento.html": Expected("Nehir üzerindeki köprü", None, None, ["Elif", "Mehmet", "Anonim"], [None, "c1", None]),
    # Discuz! X, in Chinese: the first post is the article; the posts' labels (楼主, 沙发) are no text.
    "discuz.html": Expected("河上的新桥什么时候通车？", "城市论坛", "小王", ["李明", "老张"], [None, None]),
    # A theme naming everything in camelCase (`userComment`, `commentAuthor`, `commentBody`), a box of
    # `recommendedArticles` with authors and dates, a `commentsCount` badge in the heading.
    "camel-case.html": Expected(
        "Die Fähre nach Helgoland fährt wieder täglich",
        "Küstenbote",
        "Frauke Jansen",
        ["Hauke", "Insa M.", "Tjark"],
        [None, None, None],
    ),
    # camelCase again, no comment yet (`noComments`): neither the `recommendedArticles` nor the `latestNews`
    # cards (an author, a date and a blurb each; `commentsCount` badges) are comments.
    "camel-case-teasers.html": Expected("Harbour dredging starts next week", "Bay Courier", "Tom Reed", [], []),
    # Disqus placeholder only: the article, no comments (and a warning, below).
    "disqus-placeholder.html": Expected("Why lighthouses still matter", "The Coastal Review", "Maya Ortiz", [], []),
}

# Text of the page furniture in the fixtures: none of it may reach a block.
FURNITURE = [
    "Accueil", "Répondre", "Laisser un commentaire", "vous connecter", "Publier", "Commentaires récents", "Partager",
    "Twitter", "cookies", "Mentions légales", "{{author}}", "Ping", "blog des transports", "Kommentar hinzufügen",
    "Antworten", "Permalink", "Speichern", "Post Reply", "Login", "Two cars, zero garage space", "logged in",
    "Click to expand", "Log in", "Reply", "You must log in", "next page", "Powered by", "hide", "add comment",
    "login", "load more", "[deleted]", "[removed]", "Log in or sign up", "Ответить", "Поделиться", "Загрузить",
    "Рекомендация", "Купите", "Commenta", "Zaloguj", "Odpowiedz", "Wyślij", "Pokaż więcej", "Najczęściej czytane",
    "Ceny biletów", "Subscribe", "Load More", "Join the discussion", "Registreren", "Reageer met citaat",
    "Eerst meten", "Je moet ingelogd", "enable JavaScript", "comments powered by Disqus", "window.dataLayer",
    "Gereedschap", "Onderwerp", "Responder", "Eliminar", "Respostas", "Enviar um comentário", "Tomates em vaso",
    "Lascia un commento", "Invia", "Permalink a questo", "aggiungine uno", "Más recientes", "Lo más leído",
    "Suben los peajes", "hace 3 horas", "Comment by", "Say It!", "Commenter sur le forum",
    "Voir tous les commentaires", "Les plus lus", "Сообщество", "Beantwoorden", "puan",
    "楼主", "沙发", "板凳", "发表于", "查看", "Powered by Discuz",
    "Re: Which chess", "Registered:", "Posts: 36", "Joined: Mar 2019", "Currently baking", "Play the board",
    "Find all posts", "Rook & Pawn Club", "This site is best viewed", "Leave no trace",
]  # fmt: skip


@pytest.fixture(scope="module", params=sorted(CASES))
def page(request: pytest.FixtureRequest) -> tuple[str, Thread, tuple[str, ...]]:
    read = read_thread(PAGES / request.param)
    return request.param, read.thread, read.warnings


def test_title_site_and_byline(page: tuple[str, Thread, tuple[str, ...]]) -> None:
    name, thread, _ = page
    expected = CASES[name]
    assert (thread.title, thread.site, thread.posts[0].author) == (expected.title, expected.site, expected.byline)
    assert thread.source_format == "html"
    assert thread.posts[0].blocks[0].id == "article.title"


def test_comments_authors_and_reply_tree(page: tuple[str, Thread, tuple[str, ...]]) -> None:
    name, thread, _ = page
    comments = thread.posts[1:]
    assert [post.author for post in comments] == CASES[name].authors
    assert [post.parent for post in comments] == CASES[name].parents
    assert [post.id for post in comments] == [f"c{n}" for n in range(1, len(comments) + 1)]


def test_no_furniture_reaches_a_block(page: tuple[str, Thread, tuple[str, ...]]) -> None:
    _, thread, _ = page
    for post, block in thread.blocks():
        assert not any(bit in block.text for bit in FURNITURE), (post.id, block.text)


def test_every_post_has_text_unless_deleted(page: tuple[str, Thread, tuple[str, ...]]) -> None:
    _, thread, _ = page
    for post in thread.posts[1:]:
        assert bool(post.blocks) != post.deleted, post.id


@pytest.mark.parametrize(
    ("name", "post_id", "date", "votes"),
    [
        ("wordpress.html", "c1", datetime(2024, 3, 14, 10, 5), None),  # time[datetime], offset dropped
        ("wpdiscuz.html", "c1", datetime(2024, 3, 2, 18, 40), Votes(6, 0)),  # date in a title, vote result
        ("drupal.html", "c2", datetime(2023, 5, 4, 20, 2), None),  # time[datetime]
        ("phpbb.html", "c1", datetime(2021, 4, 2, 10, 1), None),  # time inside p.author
        ("vbulletin.html", "c1", datetime(2019, 1, 12, 21, 2), None),  # printed "12-01-2019, 21:02"
        ("hackernews.html", "c2", datetime(2023, 6, 1, 12, 45), None),  # span.age title "ISO unix"
        ("reddit-old.html", "c1", datetime(2023, 7, 22, 5, 0), Votes(121, 0)),  # score.unvoted title
        ("reddit-old.html", "c4", datetime(2023, 7, 22, 7, 0), Votes(0, 3)),  # a negative score
        ("disqus-frame.html", "c4", datetime(2019, 6, 3, 13, 30), Votes(1, 1)),  # likes and dislikes from JSON
        ("jsonld.html", "c1", datetime(2022, 8, 9, 9, 0), Votes(12, 0)),  # dateCreated, upvoteCount
        ("microdata.html", "c1", datetime(2021, 9, 20, 18, 22), Votes(4, 0)),  # commentTime, upvoteCount meta
        ("generic.html", "c1", datetime(2023, 5, 6, 10, 12), Votes(15, 0)),  # Polish printed date, "+15"
        ("generic.html", "c2", datetime(2023, 5, 6, 11, 40), Votes(0, 2)),  # "-2"
        ("blogger-classic.html", "c1", datetime(2012, 11, 9, 16, 49), None),  # the permalink's Spanish text
        # "17:46" only: its Unix time (16:46:59Z) at the time of day printed, an hour's zone away
        ("blogger-classic.html", "c2", datetime(2012, 11, 9, 17, 46), None),
        ("wp-comment-head.html", "c1", datetime(2012, 7, 9), None),  # the header before the text's box
        ("wp-comment-head.html", "c2", datetime(2012, 7, 9, 7, 3), None),  # a reply's own header
        ("comments-dl.html", "c3", datetime(2012, 10, 27), None),  # after the name in the `dt`
        ("blogger.html", "c1", datetime(2021, 5, 13, 11, 20), None),  # Portuguese printed date
        ("blogger.html", "c2", datetime(2021, 5, 13, 14, 0), None),  # "15:20" only: the permalink's Unix time
        ("thesis-dl.html", "c2", datetime(2019, 3, 14, 18, 40), None),  # Italian printed date in the dt
        ("wp-classic.html", "c1", datetime(2011, 7, 17, 13, 4), None),  # the signature line's date and time
        ("jcomments.html", "c2", datetime(2021, 3, 12, 10, 40), None),  # "12.03.2021 10:40" in span.comment-date
        ("dle.html", "c3", datetime(2020, 11, 17, 8, 45), None),  # "17 ноября 2020 08:45" in a list item
        ("typepad.html", "c2", datetime(2010, 11, 22, 8, 3), None),  # "November 22, 2010 at 08:03 AM" in the footer
        ("movabletype.html", "c1", datetime(2006, 3, 12, 11, 40), None),  # "March 12, 2006 11:40 AM"
        ("4chan.html", "c3", datetime(2024, 3, 12, 15, 15), None),  # `data-utc` (seconds), not the Eastern time shown
        ("vichan.html", "c2", datetime(2024, 5, 4, 19, 5), None),  # time[datetime]
        ("dreamwidth.html", "c1", datetime(2024, 3, 9, 21, 50), None),  # "2024-03-09 09:50 pm (UTC)" after "Date:"
        ("dreamwidth.html", "article", datetime(2024, 3, 9, 19, 45), None),  # the entry's "2024-03-09 07:45 pm"
        ("squarespace.html", "c2", datetime(2014, 2, 9, 10, 40), None),  # "February 9, 2014 at 10:40 | NAME"
        ("hypercomments.html", "c4", datetime(2024, 5, 20, 7, 45), Votes(4, 0)),  # `hc__voting__total` "+4"
        ("dle-tree.html", "c4", datetime(2024, 3, 11, 10, 40), Votes(0, 1)),  # `span.ratingtypeplusminus` "-1"
        ("isso.html", "c1", datetime(2021, 3, 12, 9, 15), Votes(2, 0)),  # time[datetime], span.votes
        ("discuz.html", "c2", datetime(2021, 3, 13, 18, 2), None),  # "发表于 2021-3-13 18:02"
        ("commento.html", "c2", datetime(2021, 3, 12, 10, 40), Votes(1, 0)),  # "Fri Mar 12 2021 10:40:00 GMT+0300"
        ("mybb.html", "c2", datetime(2020, 1, 3, 14, 5), None),  # "01-03-2020, 02:05 PM": MyBB's month first
        ("vanilla.html", "c1", datetime(2020, 1, 2, 13, 40), Votes(0, 0)),  # time[datetime] under "January 2020"
        ("fluxbb.html", "c3", datetime(2020, 1, 4, 20, 30), None),  # "2020-01-04 20:30:00" in the post's h2
        ("livefyre.html", "c1", datetime(2014, 6, 3), Votes(3, 0)),  # "Jun 3, 2014", "3 Likes"
        ("wrote-header.html", "c2", datetime(2014, 12, 23, 22, 41), None),  # "On December 23, 2014, at 10:41 PM,"
        ("footer-comments.html", "c5", datetime(2012, 10, 30, 9, 12), None),  # "le mardi 30 octobre 2012 à 9h12"
        ("footer-comments.html", "c2", datetime(2012, 10, 29, 18, 20), None),  # "NAME a répondu le lundi 29 ..."
        ("gigya.html", "c1", datetime(2016, 3, 2), Votes(4, 0)),  # "March 2, 2016", `gig-comment-vote-pos`
        ("flarum.html", "c2", datetime(2020, 1, 3, 14, 5), None),  # noscript's copy: `createdAt` in the JSON payload
        ("slash.html", "c1", datetime(2020, 3, 2, 11, 17), Votes(5, 0)),  # "on DATE @11:17AM (#N)", "(Score:5, ...)"
        ("livefyre.html", "c2", datetime(2014, 6, 3), None),  # the writer's hidden rating, "5pts", is no vote
        ("livefyre.html", "c3", datetime(2014, 6, 4, 9, 12), None),  # time[datetime] in the date's link
        ("intensedebate.html", "c3", None, Votes(0, 1)),  # "5 hours ago", `span.idc-v-total` "-1"
        ("cackle.html", "c1", datetime(2024, 3, 5, 14, 0), Votes(4, 0)),  # `timestamp` in milliseconds, "+4"
        ("viafoura.html", "c1", None, Votes(6, 0)),  # "2 hours ago", "6 Likes"
        ("zeit.html", "c2", datetime(2023, 3, 8, 9, 47), Votes(6, 0)),  # "#1.1 — 8. März 2023, 9:47 Uhr", liked
        ("guardian-legacy.html", "c4", datetime(2016, 3, 14, 13, 5), Votes(57, 0)),  # time[datetime], recommend count
        ("anycomment.html", "c1", datetime(2024, 9, 14, 16, 20), Votes(4, 0)),  # the drawn copy's, not the noscript's
        ("woltlab.html", "c2", datetime(2023, 3, 15, 19, 3), None),  # time[datetime] with its offset, wall clock
        ("woltlab3.html", "c1", datetime(2009, 5, 9, 22, 15), None),  # "Samstag, 9. Mai 2009, 22:15"
        ("kunena.html", "c2", datetime(2024, 10, 8, 9, 47), None),  # the tooltip's "08 Oct 2024 09:47"
        ("smf1.html", "c1", datetime(2009, 10, 12, 20, 14), None),  # "« Odpowiedz #1 : 12 Październik 2009, 20:14:55 »"
        ("phpbb2.html", "c2", datetime(2008, 4, 15, 7, 48), None),  # "Posté le: Mar Avr 15, 2008 7:48 am", not joined
        ("ipb3.html", "c1", datetime(2013, 3, 14, 17, 48), None),  # `abbr.published` title, stated in UTC
        ("wpforo.html", "c3", datetime(2024, 7, 22, 19, 55), None),  # "Jul 22, 2024 7:55 pm"
        ("kunena3.html", "c1", datetime(2014, 3, 14, 20, 15), None),  # the header's `kmsgdate` title, "14 Мар 2014"
        ("meneame.html", "c2", datetime(2026, 2, 10, 11, 5), Votes(9, 0)),  # `data-ts` seconds; the comment's box
        # marked as the story submitter's (`comment author`) is no writer's profile: its votes count
        ("lemmy.html", "c2", datetime(2026, 4, 18, 11, 55), Votes(11, 0)),  # the tooltip's date, its score
        ("lobsters.html", "c1", datetime(2026, 3, 4, 10, 20), Votes(14, 0)),  # time[datetime], `upvoter`
        ("tildes.html", "c2", datetime(2026, 5, 11, 11, 45), Votes(4, 0)),  # time[datetime], "Vote (4)"
        ("hashover.html", "c2", datetime(2024, 3, 13, 7, 15), Votes(1, 0)),  # "Permalink - 13. März 2024 - 07:15"
        ("commentics.html", "c3", datetime(2024, 6, 4, 10, 5), Votes(1, 0)),  # time[datetime], like count
        ("guardian.html", "c4", datetime(2024, 4, 9, 11, 22), Votes(103, 0)),  # `10:22Z` printed "11.22" (BST)
        # "7:10 PM on March 19": the year the post above it states, "March 19, 2026 6:42 PM", for none is saved
        ("metafilter.html", "c1", datetime(2026, 3, 19, 19, 10), Votes(4, 0)),
        ("mbin.html", "c4", datetime(2026, 6, 3, 11, 5), Votes(9, 0)),  # time[datetime], the favourites' counter
        ("wykop.html", "c1", datetime(2026, 5, 14, 9, 12), Votes(48, 2)),  # time[datetime], pluses and minuses
        ("talkyard.html", "c2", datetime(2024, 11, 13), Votes(2, 0)),  # "Nov 13, 2024" on a Polish page, "2 Likes"
        ("smf2-core.html", "c1", datetime(2013, 3, 2, 19, 15), None),  # "« Reply #1 on: March 02, 2013, 07:15:44 PM »"
        ("smf2-core.html", "article", datetime(2013, 3, 2, 18, 40), None),  # "« on: DATE »"
        ("movabletype-classic.html", "c2", datetime(2011, 3, 15, 13, 40), None),  # "Posted by: Tobias at DATE"
        ("movabletype-classic.html", "article", datetime(2011, 3, 14, 21, 12), None),  # the entry's own line
        ("phpbb2-skin.html", "c1", datetime(2010, 5, 8, 20, 40), None),  # "Posted: Sat May 08, 2010 8:40 pm"
        ("komento.html", "c1", datetime(2015, 4, 6, 11, 20), Votes(4, 0)),  # likes in the buttons' `kmt-control-user`
    ],
)
def test_dates_and_votes(name: str, post_id: str, date: datetime | None, votes: Votes | None) -> None:
    post = next(p for p in read_thread(PAGES / name).thread.posts if p.id == post_id)
    assert (post.date, post.votes) == (date, votes)


def test_ucoz_comments_with_their_writers_times_and_quotes() -> None:
    # `div.comEnt`: the number, the writer in bold (linked or not) and "(DATE)" in the top line, the text in
    # `div.cMessage`, a quote in `div.bbQuoteBlock` naming its writer after "Цитата".
    posts = read_thread(PAGES / "ucoz.html").thread.posts[1:]
    assert [(post.author, post.date) for post in posts] == [
        ("Валентина", datetime(2024, 3, 12, 18, 41)),
        ("Гость", datetime(2024, 3, 12, 20, 5)),
        ("agronom_sergey", datetime(2024, 3, 13, 9, 17)),
        ("Нина Павловна", datetime(2024, 3, 13, 14, 52)),
    ]
    quote, answer = posts[2].blocks
    assert (quote.kind, quote.quoted_author, answer.kind) == ("quote", "Валентина", "paragraph")
    assert quote.text.startswith("Досвечивать") and answer.text.startswith("С самого начала")


def test_an_imageboard_post_with_a_file_keeps_its_text_not_the_files_line() -> None:
    thread = read_thread(PAGES / "4chan.html").thread
    texts = {post.id: [block.text for block in post.blocks] for post in thread.posts}
    assert texts["c3"][:2] == [">>2871400 (OP)", texts["c3"][1]] and texts["c3"][1].startswith("A small charger")
    assert texts["article"][1].startswith("Found a skillet") and not any("File:" in t for t in texts["article"])


WIDGET_ENTRY = (
    '<div class="entry"><span class="comment-author">{name}</span> <span class="comment-date">{n} March 2020</span>'
    "<p>{text}</p></div>"
)


@pytest.mark.parametrize(
    ("box", "read"),
    [
        ('<div class="cmt-widget comment-list">', True),  # a comment system's widget, named for comments
        ('<div class="widget"><div class="comment-list">', True),  # a widget box around comments
        ('<div class="widget widget_recent_comments"><div class="comment-list">', False),  # a sidebar's latest
    ],
)
def test_a_widget_box_around_comments_is_theirs_unless_it_lists_the_latest(box: str, read: bool) -> None:
    entries = "".join(
        WIDGET_ENTRY.format(n=n, name=name, text=text)
        for n, name, text in [
            (3, "Marta", "Finally, the train is back, and at a time I can use."),
            (4, "Jonas", "Is there a sleeper car on the Friday train this year?"),
            (5, "Ilse", "The old timetable had a stop at Hafenwald, which this one drops."),
        ]
    )
    page = f"""<html><head><title>Night trains return</title></head><body><article><h1>Night trains return</h1>
    <div class="entry-content"><p>The night train to the coast runs again from May, three times a week.</p></div>
    </article>{box}{entries}{"</div>" * box.count("<div")}</body></html>"""
    posts = read_html(page, "widget.html").threads[0].posts
    assert [post.author for post in posts[1:]] == (["Marta", "Jonas", "Ilse"] if read else [])


ZONED_COMMENT = """<li id="comment-{n}" class="comment depth-1"><article class="comment-body">
<footer class="comment-meta"><div class="comment-author vcard"><b class="fn">{name}</b></div>
<div class="comment-metadata"><a href="#comment-{n}">{stamp}</a></div></footer>
<div class="comment-content"><p>{text}</p></div></article></li>"""


@pytest.mark.parametrize(
    ("stamp", "read"),
    [
        # The date box states the time in UTC in an attribute and prints it in the page's zone: read as printed.
        ('<abbr class="published" title="2020-05-04T16:30:00Z">4 May 2020 at 18:30</abbr>', "18:30"),  # hAtom
        ('<span data-utime="1588609800">4 May 2020 at 18:30</span>', "18:30"),  # a Unix time
        ('<span><time datetime="2020-05-04T16:30:00+00:00">4 May 2020 at 18:30</time></span>', "18:30"),  # deeper
        ('<time datetime="2020-05-04T16:30:00Z">4 May 2020 at 11:30 am</time>', "11:30"),  # a zone west of UTC
        ('<time datetime="2020-05-04T16:30:00Z">5 May 2020 at 02:00</time>', "02:00"),  # a day later (+09:30)
        # Kept as stated: a printed time no zone's offset away, a day alone, a time with its own offset.
        ('<time datetime="2020-05-04T16:30:00Z">4 May 2020 at 18:37</time>', "16:30"),
        ('<time datetime="2020-05-04T16:30:00Z">5 May 2020</time>', "16:30"),
        ('<time datetime="2020-05-04T16:30:00+02:00">4 May 2020 at 18:30</time>', "16:30"),
    ],
)
def test_a_time_stated_in_utc_is_read_as_the_comment_prints_it(stamp: str, read: str) -> None:
    # As the article's is: the page's readers see the printed time (a thread's times stay in one zone).
    comments = "".join(
        ZONED_COMMENT.format(n=n, name=name, stamp=stamp, text=text)
        for n, name, text in [(1, "Marta", "Finally, the train is back."), (2, "Jonas", "Is there a sleeper car?")]
    )
    page = f"""<html><head><title>Night trains return</title></head><body><article><h1>Night trains return</h1>
    <div class="entry-content"><p>The night train to the coast runs again from May, three times a week.</p></div>
    </article><div id="comments" class="comments-area"><ol class="comment-list">{comments}</ol></div></body></html>"""
    posts = read_html(page, "zoned.html").threads[0].posts
    dates = [post.date.strftime("%H:%M") if post.date else None for post in posts[1:]]
    assert [post.author for post in posts[1:]] == ["Marta", "Jonas"]
    assert dates == [read, read]


@pytest.mark.parametrize(
    ("name", "post_id", "quoted_author", "quoted", "reply"),
    [
        ("phpbb.html", "c1", "wheelnut", "Do you stack them flat", "Without rims"),  # cite "X wrote: ↑ date"
        ("vbulletin.html", "c1", "Sanne", "Is 12 volt genoeg", "Voor planken"),  # bbcode_postedby <strong>
        ("xenforo.html", "c1", "CrumbQueen", "smells like nail polish", "That smell"),  # data-quote
        ("discourse.html", "c1", "fellrunner_di", "Is it runnable", "Runnable."),  # aside.quote data-username
        ("reddit-old.html", "c4", None, "use bigger buckets", "Not on a balcony"),  # a plain blockquote
        ("mybb.html", "c2", "alice_w", "I feed it once a day", "Which flour"),  # cite "(DATE) NAME Wrote:"
        ("vanilla.html", "c2", "hikerjen", "What is a good lightweight tent", "Check the seasonal"),  # QuoteAuthor
        ("fluxbb.html", "c2", "knightrider", "keep losing in the first", "That usually means"),  # quotebox cite
        ("flarum.html", "c2", "clicky_cat", "Which switches do you find", "I would try"),  # a.PostMention first
        ("dle-tree.html", "c3", "Механик", "Переделка разметки", "Фазу как раз"),  # title_quote[data-commentuser]
        ("woltlab.html", "c2", "Kellerkind72", "Seitdem hört man", "Genau das"),  # quoteBoxTitle past the picture
        ("kunena.html", "c2", "Lucía_Ferrer", "¿Chaleco y manguitos", "Yo el año pasado"),  # "NAME escribió:"
        ("smf1.html", "c2", "Wojtek Migawka", "a w mieszkaniu 85 mm", "Potwierdzam"),  # div.quoteheader "… on DATE"
        ("phpbb2.html", "c2", "Marmotte38", "On voudrait dormir", "Attention pour"),  # the row above its td.quote
        ("ipb3.html", "c2", "Рыбокот", "Свет горит", "Плюс к словам"),  # p.citation before it, data-author
        ("wpforo.html", "c2", "hazel-brightwater", "The green ones", "Same here"),  # "Posted by: @HANDLE"
        ("smf2-core.html", "c1", "cupandcone", "The old grease", "That is normal"),  # quoteheader "… on DATE"
    ],
)
def test_quotes_become_quote_blocks(
    name: str, post_id: str, quoted_author: str | None, quoted: str, reply: str
) -> None:
    post = next(p for p in read_thread(PAGES / name).thread.posts if p.id == post_id)
    quotes = [block for block in post.blocks if block.kind == "quote"]
    assert len(quotes) == 1 and quotes[0].text.startswith(quoted)
    assert (quotes[0].quoted_author, quotes[0].quote_extent) == (quoted_author, "matched")
    assert next(block.text for block in post.blocks if block.kind == "paragraph").startswith(reply)


def test_article_body_blocks() -> None:
    thread = read_thread(PAGES / "wordpress.html").thread
    article = thread.posts[0]
    assert [(block.id, block.kind) for block in article.blocks] == [
        ("article.title", "title"),
        ("article.p1", "paragraph"),
        ("article.p2", "paragraph"),
        ("article.h1", "heading"),
        ("article.p3", "paragraph"),
        ("article.q1", "quote"),
        ("article.p4", "paragraph"),
        ("article.p5", "paragraph"),
    ]
    assert (thread.url, thread.published) == (
        "https://courrier-plateau.example/2024/03/tramway-ligne-2/",
        datetime(2024, 3, 14, 8, 30),
    )


def test_text_is_data_not_markup() -> None:
    post = read_thread(PAGES / "wordpress.html").thread.posts[-1]
    assert post.blocks[0].text == "Les [crochets] et les <balises> de ce commentaire sont du texte, pas du code."


@pytest.mark.parametrize(
    ("name", "warning"),
    [
        ("disqus-placeholder.html", "they load by script (Disqus)"),  # nothing saved: say why
        ("wordpress.html", None),  # every comment is there
        ("disqus-frame.html", None),  # five posts in its data, five counted (spam and a deleted one among them)
    ],
)
def test_warnings(name: str, warning: str | None) -> None:
    warnings = read_thread(PAGES / name).warnings
    assert any(warning in text for text in warnings) if warning else warnings == ()


def test_stated_count_above_what_the_page_holds_is_reported() -> None:
    page = (PAGES / "jsonld.html").read_text(encoding="utf-8").replace('"commentCount": 3', '"commentCount": 30')
    warnings = read_html(page, "page.html").warnings
    assert warnings == (
        "page.html: the page counts 30 comments but holds 3; the others load by script or sit on other pages",
    )
    # The text-level API gives the reader's warnings too, sniffed or forced.
    assert (
        parse_threads(page).warnings
        == parse_threads(page, "html").warnings
        == ("page: the page counts 30 comments but holds 3; the others load by script or sit on other pages",)
    )


@pytest.mark.parametrize(
    "page",
    [
        "<html><head><title>Empty</title></head><body></body></html>",  # nothing at all
        # Furniture only.
        "<!DOCTYPE html><html><body><nav><a href='/'>Home</a></nav><script>var a = 1;</script></body></html>",
        # A few hidden words and a template.
        "<html><body><div style='display:none'>hidden words</div><template><p>template</p></template></body></html>",
        "<!doctype html>",  # a doctype and nothing else
    ],
)
def test_a_page_without_text_is_one_input_error(page: str) -> None:
    with pytest.raises(InputError, match=r"no (article text or comments|text) found in this web page") as error:
        read_html(page, "page.html")
    assert "\n" not in str(error.value)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("<!DOCTYPE html>\n<html><body><p>Hi</p></body></html>", "html"),  # doctype
        ("\ufeff  <html lang='fr'><p>Salut</p></html>", "html"),  # BOM and spaces before <html>
        ("<!-- saved from url=(0040)https://example.org/ -->\n<html><p>x</p></html>", "html"),  # browser's mark
        ('<?xml version="1.0" encoding="utf-8"?>\n<!DOCTYPE html PUBLIC "-//W3C//DTD XHTML 1.0//EN" "">', "html"),
        ('<?xml version="1.0"?><rss version="2.0"><channel></channel></rss>', "feed"),  # a feed, not a page
        ("# Titre\n\n<html> dans du Markdown", "text"),  # Markdown mentioning a tag
        ('{"title": "<html>"}', "json"),  # JSON holding markup
        (
            "<b>Warning</b>: mysql_connect() failed\n<!DOCTYPE html>\n<html><p>x</p></html>",
            "html",
        ),  # server noise first
    ],
)
def test_sniffing_by_content(text: str, expected: str) -> None:
    assert sniff_format(text) == expected


def test_a_page_below_a_servers_warning_keeps_its_head() -> None:
    # The warning goes: parsed with it, the page's head (its title) would have ended in the body.
    page = """<br />\n<b>Warning</b>: mysql_connect() failed in <b>/www/tag.php</b>\n<!DOCTYPE html>
<html lang="de"><head><title>Das Freibad öffnet früher | Stadtblog</title>
<meta property="og:site_name" content="Stadtblog">
</head><body><article>
<h2>Das Freibad öffnet früher</h2><p>Das Freibad öffnet in diesem Jahr schon Anfang Mai, zwei Wochen früher als sonst,
weil die neue Heizung das Wasser schneller erwärmt.</p></article><div id="respond"><h3 id="reply-title">Write a Reply
or Comment</h3><form id="commentform"><textarea name="comment"></textarea></form></div></body></html>"""
    thread = read_html(page, "page.html").threads[0]
    assert thread.title == "Das Freibad öffnet früher"
    assert not any("Warning" in block.text for _, block in thread.blocks())


def test_format_html_forces_the_reader_and_other_formats_read_the_page_as_they_would(tmp_path: Path) -> None:
    page = tmp_path / "page.txt"
    page.write_text("<p>Un paragraphe sans doctype.</p><p>Et un autre.</p>", encoding="utf-8")
    assert read_thread(page).thread.source_format == "text"  # not recognised as a page by itself
    forced = read_thread(page, "html").thread
    assert (forced.source_format, [block.text for _, block in forced.blocks()]) == (
        "html",
        ["Un paragraphe sans doctype.", "Et un autre."],
    )
    [thread] = parse_threads((PAGES / "phpbb.html").read_text(encoding="utf-8"), "html").threads
    assert thread.posts[0].author == "wheelnut"


@pytest.mark.parametrize(
    ("encoding", "declaration"),
    [
        ("cp1251", '<meta charset="windows-1251">'),  # declared legacy Cyrillic
        ("cp1251", ""),  # undeclared: detected
        ("cp1252", '<meta http-equiv="Content-Type" content="text/html; charset=ISO-8859-1">'),  # read as browsers do
        ("utf-8", "<meta charset=utf-8>"),  # unquoted
    ],
)
def test_page_encodings(tmp_path: Path, encoding: str, declaration: str) -> None:
    words = "Берегите лес от пожаров, весной трава горит быстро." if encoding == "cp1251" else "Déjà vu à l'été, naïve."
    filler = "".join(f'<meta name="keywords-{n}" content="{"x" * 60}">' for n in range(40))  # pushes it past 2 KB
    page = f"<!DOCTYPE html><html><head>{filler}{declaration}<title>T</title></head><body><p>{words}</p></body></html>"
    path = tmp_path / "page.html"
    path.write_bytes(page.encode(encoding))
    read = read_thread(path)
    assert read.encoding == encoding
    assert [block.text for _, block in read.thread.blocks()][-1] == words


@pytest.mark.parametrize(("name", "said"), [("thesis-dl.html", "cumino"), ("blogger.html", "bicarbonato")])
def test_comment_text_stays_out_of_the_article(name: str, said: str) -> None:
    # Thesis's `dd` holds a comment's text outside the `dt` the engine finds: it leaves the page with it.
    thread = read_thread(PAGES / name).thread
    assert not any(said in block.text for block in thread.posts[0].blocks)
    assert any(said in block.text for post in thread.posts[1:] for block in post.blocks)


def test_comments_inside_an_oddly_named_element_when_the_article_is_read_again() -> None:
    # The article text is hidden, so the page is read a second time without the comments; the comments
    # sit in an element named `a=b` (the HTML parser takes such names), whose XPath would be a comparison.
    comments = "".join(
        f'<li class="comment" id="comment-{n}"><div class="comment-author"><cite class="fn">{name}</cite></div>'
        f'<div class="comment-content"><p>{text}</p></div></li>'
        for n, name, text in (
            (1, "Alice", "Premier commentaire sur cet article, assez long pour compter."),
            (2, "Bruno", "Second commentaire, qui répond au premier avec des arguments."),
        )
    )
    page = (
        "<html><body><div hidden><p>Le texte de l'article reste caché jusqu'à ce qu'un script le montre.</p></div>"
        f'<a=b><ol class="commentlist">{comments}</ol></a=b></body></html>'
    )
    [thread] = read_html(page, "page.html").threads
    assert [(post.author, post.blocks[0].text) for post in thread.posts[1:]] == [
        ("Alice", "Premier commentaire sur cet article, assez long pour compter."),
        ("Bruno", "Second commentaire, qui répond au premier avec des arguments."),
    ]


def test_forum_posts_nested_by_the_parser_are_not_replies() -> None:
    # libxml2 nests an HTML5 `article` left open inside the next one; a forum's posts follow one another.
    posts = "".join(
        f'<article class="message message--post" data-author="{name}" id="js-post-{n}">'
        f'<div class="message-content"><time class="u-dt" datetime="2020-09-2{n}T10:00:00+00:00">x</time>'
        f'<div class="bbWrapper">{text}</div></div>'
        for n, (name, text) in enumerate(
            [("Tiberius", "Die Fehlerbehebung ist da."), ("Nixe", "Danke, läuft."), ("Bluerider", "Bei mir auch.")]
        )
    )
    page = f"<html><head><title>Patch 4.1</title></head><body><div class='block-body'>{posts}</div></body></html>"
    thread = read_html(page).threads[0]
    assert [(post.author, post.parent) for post in thread.posts] == [
        ("Tiberius", None),
        ("Nixe", None),
        ("Bluerider", None),
    ]


def test_a_short_comment_is_not_widened_to_its_section() -> None:
    # A label beside the name makes the reader look a level or two higher for the comment's text; a comment
    # that is short stays itself, not the section around it.
    page = (
        "<html><head><title>Neuer Radweg</title></head><body><article><h1>Neuer Radweg</h1>"
        "<p>" + "Der Radweg am Fluss ist fertig und wird am Samstag eröffnet. " * 6 + "</p></article>"
        "<section class='comments'><div><p>Diskutieren Sie mit unseren Leserinnen und Lesern über dieses Thema.</p>"
        "<div class='comment'><div class='comment-head'><span class='author'>Ute</span>"
        "<time datetime='2024-05-02T10:00'>2. Mai</time></div><p>Super!</p></div></div></section></body></html>"
    )
    thread = read_html(page).threads[0]
    assert [[block.text for block in post.blocks] for post in thread.posts[1:]] == [["Super!"]]


SPIP_TOP = """<html lang="fr"><head><title>Le tramway</title></head><body><article><h1>Le tramway</h1>
<p>La deuxième ligne du tramway de Valbourg ouvre lundi, avec douze stations entre la gare et le campus.</p>
<p>Les travaux ont duré trois ans et coûté bien plus que prévu, selon la chambre régionale des comptes.</p>
</article><ul class="forum">
<li class="forum-fil"><div class="forum-top"><a href="#forum11" id="forum11">#</a>
<div class="forum-nav">(22 juin 2018 @11h13)&nbsp;</div>:</div>
<div class="forum-message"><div class="forum-chapo"><p><strong class="forum-titre">Enfin</strong></p></div>
<div class="forum-texte"><p>Il était temps, on attendait depuis dix ans.</p></div></div>
<ul><li class="forum-fil"><div class="forum-top"><a href="#forum12" id="forum12">#</a>
<b class="forum-qui">Marc Duval</b><div class="forum-nav">(22 juin 2018 @11h29)&nbsp;</div>:</div>
<div class="forum-message"><div class="forum-chapo"><p><strong class="forum-titre">Le prix</strong></p></div>
<div class="forum-texte"><p>Trois ans et le double du budget, quand même.</p></div></div></li></ul></li>
</ul></body></html>"""


def test_spip_comments_with_their_date_beside_the_message_and_their_subject() -> None:
    # One SPIP layout puts the author and date in a `forum-top` beside `forum-message`, the subject line
    # (`forum-titre`) outside the text.
    posts = read_html(SPIP_TOP, "page.html").threads[0].posts[1:]
    assert [(post.author, post.date, post.parent) for post in posts] == [
        (None, datetime(2018, 6, 22, 11, 13), None),
        ("Marc Duval", datetime(2018, 6, 22, 11, 29), "c1"),
    ]
    assert [[block.text for block in post.blocks] for post in posts] == [
        ["Enfin", "Il était temps, on attendait depuis dix ans."],
        ["Le prix", "Trois ans et le double du budget, quand même."],
    ]


UNDATED_IN_ASIDE = """<html lang="en"><head><title>Ten mistakes</title></head><body><article><h1>Ten mistakes</h1>
<p>Python is easy to learn, and its simplicity can hide a few subtleties that catch even experienced people.</p>
<p>Here are ten of the most common ones, with what to write instead and why the difference matters.</p></article>
<aside class="post-aside"><div class="author-card">Written by Ana Ruiz</div>
<div class="comments_section"><div id="thread"><div class="noscript-comments">
<div class="comment"><div class="comment-author">Leo</div><div class="comment-body">May I translate this?</div></div>
<div class="comment"><div class="comment-author">Yaw</div><div class="comment-body">Lambda is rare now.</div></div>
<div class="comment"><div class="comment-author">Kim</div><div class="comment-body">Mistake one bit me.</div></div>
</div></div></div></aside></body></html>"""


@pytest.mark.parametrize(
    "names",
    [
        {},
        # camelCase: `commentItem` boxes, `commentAuthor` and `commentBody` in them.
        {'class="comment"': 'class="commentItem"', "comment-author": "commentAuthor", "comment-body": "commentBody"},
    ],
)
def test_undated_comments_in_a_comment_section_inside_an_aside(names: dict[str, str]) -> None:
    # A comment system's fallback list (toptal.com): author and text, no date, the section in an `aside`.
    page = UNDATED_IN_ASIDE
    for old, new in names.items():
        page = page.replace(old, new)
    posts = read_html(page, "page.html").threads[0].posts
    assert [(post.author, post.blocks[0].text) for post in posts[1:]] == [
        ("Leo", "May I translate this?"),
        ("Yaw", "Lambda is rare now."),
        ("Kim", "Mistake one bit me."),
    ]
    assert "May I translate" not in " ".join(block.text for block in posts[0].blocks)
    # The same boxes in a sidebar, outside any comment section, are another page's.
    sidebar = page.replace('class="comments_section"', "").replace('class="noscript-comments"', "")
    assert len(read_html(sidebar, "page.html").threads[0].posts) == 1


@pytest.mark.parametrize(
    ("author", "texts", "pingback"),
    [
        ("Blog", ["[…] Unlängst spazierte ich durch Eimsbüttel, da baumelte ein Körbchen […]"], True),
        ("Pingback von Papierkorb", ["Pingback von Papierkorb | 11.09.2011 23:31", "[…] Körbchen […]"], True),
        (None, ["Trackback: Papierkorb", "Ein Körbchen am Balkon."], True),
        # The excerpt, then the line that signs it ("Kommentar von SITE am DATE").
        ("Krimitagebuch", ["[…] Hamburg feiert CSD. […]", "Kommentar von Krimitagebuch am 07.08.09 um 10:25"], True),
        (
            "Ana",
            ["[…] wie du schreibst […]", "Da bin ich anderer Meinung, und zwar aus drei Gründen.", "Erstens."],
            False,
        ),
        ("Ana", ["Ein Pingback wäre nett gewesen."], False),
    ],
)
def test_pingbacks(author: str | None, texts: list[str], pingback: bool) -> None:
    blocks: tuple[BlockSpec, ...] = tuple(("paragraph", text, None, None) for text in texts)
    assert is_pingback(RawComment("k", None, author, None, blocks)) is pingback


def test_a_comment_whose_element_holds_its_replies_is_found_by_the_generic_detector() -> None:
    # Isso's markup with its names taken off: the first comment's element holds its reply's header too, so its
    # own header climbs no higher than itself; it is found at the level of its peers, the reply inside it.
    page = (PAGES / "isso.html").read_text(encoding="utf-8").replace("isso-comment", "note")
    page = page.replace('id="isso-thread"', 'id="comments"').replace("isso-", "")
    posts = read_html(page, "page.html").threads[0].posts[1:]
    assert [(post.author, post.parent) for post in posts] == [("Sanne", None), ("Joost", "c1"), ("Anoniem", None)]
    assert posts[0].blocks[0].text == "Eindelijk! Daar wachten we al jaren op."


TEASER_CARDS = """<html lang="en"><head><title>Court expedites the case</title></head><body><main>
<article><h1>Court expedites the case</h1><p>The court has given the case priority status, two months after it was
filed, and asked the government to answer within twelve weeks.</p><p>A hearing could follow early next year, which
would be unusually fast for a case of this kind.</p></article>
<div class="news-list-container">{cards}</div></main></body></html>"""
CARD = """<div class="card"><div class="card-content"><a class="author" href="/author/team">Policy Team</a>
<time datetime="2019-07-{day}T16:00:00">July {day}, 2019</time><h3>Update number {day} on the case</h3>
<p>What the latest filing means for readers in the country, and what comes next for the appeal.</p>
<a href="/news/{day}">Read more</a></div></div>"""


def test_cards_of_other_stories_ending_with_read_more_are_no_comments() -> None:
    cards = "".join(CARD.format(day=day) for day in (20, 21, 22))
    thread = read_html(TEASER_CARDS.format(cards=cards), "page.html").threads[0]
    assert len(thread.posts) == 1


@pytest.mark.parametrize(
    "names",
    [
        {},  # camelCase, as in the fixture
        # The same cards hyphenated: they were taken for comments, the page having named no comment section
        # but the empty one.
        {"authorName": "author-name", "publishDate": "publish-date", "newsItem": "news-item", "teaserCard": "card"},
    ],
)
def test_cards_outside_an_empty_comment_section_are_no_comments(names: dict[str, str]) -> None:
    page = (PAGES / "camel-case-teasers.html").read_text(encoding="utf-8")
    for old, new in names.items():
        page = page.replace(old, new)
    thread = read_html(page, "page.html").threads[0]
    assert [post.kind for post in thread.posts] == ["article"]


SINGLEFILE = (
    "<!--\n Page saved with SingleFile \n url: https://kuestenbote.example/faehre \n"
    " saved date: Fri May 05 2023 07:30:00 GMT+0200 (Mitteleuropäische Sommerzeit)\n-->"
)


@pytest.mark.parametrize(
    ("head", "dates"),
    [
        # The page says no time of its own: relative dates stay empty (never the machine's clock).
        ("", [None, None, None]),
        # The article's stated modification time.
        (
            '<meta property="article:modified_time" content="2023-05-04T18:00:00+02:00">',
            [datetime(2023, 5, 4, 10, 0), datetime(2023, 5, 3), datetime(2023, 5, 1)],
        ),
        # Only its publication time: counted back from it, every comment would come before the article. The
        # page was saved after the oldest of them ("vor 3 Tagen") was written: at the earliest, 3 days after
        # the day before publication (`vor 3 Tagen` is a day, 1 May 00:00 from 4 May 18:00).
        (
            '<meta property="article:published_time" content="2023-05-04T18:00:00+02:00">',
            [datetime(2023, 5, 8, 4, 0), datetime(2023, 5, 7), datetime(2023, 5, 5)],
        ),
        # When SingleFile saved the page, rather than the article's time.
        (
            SINGLEFILE + '<meta property="article:modified_time" content="2023-05-04T18:00:00+02:00">',
            [datetime(2023, 5, 4, 23, 30), datetime(2023, 5, 4), datetime(2023, 5, 2)],
        ),
        # When Save Page WE saved it.
        (
            '<meta name="savepage-date" content="Fri May 05 2023 07:30:00 GMT+0200 (CEST)">',
            [datetime(2023, 5, 4, 23, 30), datetime(2023, 5, 4), datetime(2023, 5, 2)],
        ),
    ],
)
def test_relative_dates_count_back_from_the_time_the_page_gives(head: str, dates: list[datetime | None]) -> None:
    page = (PAGES / "camel-case.html").read_text(encoding="utf-8").replace("<head>", "<head>" + head)
    for printed, relative in [("03.05.2023, 09:12", "vor 8 Stunden"), ("03.05.2023, 10:40", "gestern")]:
        page = page.replace(printed, relative)
    page = page.replace("03.05.2023, 11:05", "vor 3 Tagen")
    posts = read_html(page, "page.html").threads[0].posts[1:]
    assert [(post.author, post.date) for post in posts] == list(zip(["Hauke", "Insa M.", "Tjark"], dates, strict=True))


@pytest.mark.parametrize(
    ("head", "dates"),
    [
        ("", [None, None, None]),  # no time of the page's own: no year guessed
        # Saved 5 May 2023, 07:30: the last such day up to then, or a day after (the site's clock may run a
        # time zone ahead of the saver's: "5. Mai, 11:05" is that day's).
        (
            '<meta name="savepage-date" content="Fri May 05 2023 07:30:00 GMT+0200 (CEST)">',
            [datetime(2023, 5, 3, 9, 12), datetime(2022, 12, 28, 10, 40), datetime(2023, 5, 5, 11, 5)],
        ),
        # Only the publication time: saved at the earliest when no comment precedes the article.
        (
            '<meta property="article:published_time" content="2023-05-02T18:00:00+02:00">',
            [datetime(2023, 5, 3, 9, 12), datetime(2023, 12, 28, 10, 40), datetime(2023, 5, 5, 11, 5)],
        ),
    ],
)
def test_days_shown_without_their_year_are_read_in_the_year_the_page_gives(
    head: str, dates: list[datetime | None]
) -> None:
    page = (PAGES / "camel-case.html").read_text(encoding="utf-8").replace("<head>", "<head>" + head)
    shown = ["3. Mai, 09:12", "28. Dezember, 10:40", "5. Mai, 11:05"]
    for printed, day in zip(["03.05.2023, 09:12", "03.05.2023, 10:40", "03.05.2023, 11:05"], shown, strict=True):
        page = page.replace(printed, day)
    posts = read_html(page, "page.html").threads[0].posts[1:]
    assert [(post.author, post.date) for post in posts] == list(zip(["Hauke", "Insa M.", "Tjark"], dates, strict=True))
    assert not any(day in block.text for post in posts for block in post.blocks for day in shown)


def test_a_day_without_its_year_above_a_comments_text_is_its_date_not_its_text() -> None:
    comment = (
        '<li class="comment" id="comment-{n}"><cite class="comment-author"><a href="/u/{name}">{name}</a></cite>'
        '<small class="commentmetadata"><a href="#comment-{n}">{day}</a></small>'
        '<div class="contenttext"><p>{text}</p></div></li>'
    )
    comments = [
        ("Lotte", "Jun 20th at 2:41 am", "Is there a workshop for people who have never written a blog post?"),
        ("Bram", "Jun 21st at 1:38 pm", "Ours starts next month, and everyone is welcome to come along."),
    ]
    page = (
        '<html lang="en"><head><meta property="article:published_time" content="2019-06-19T19:38:00+00:00">'
        "</head><body><article><h1>Workshops for new bloggers</h1><p>"
        + "We are starting a series of workshops for people who want to write their first blog post. " * 3
        + '</p></article><h3 class="commentsheader">2 Comments</h3><ol class="commentlist">'
        + "".join(comment.format(n=n, name=name, day=day, text=text) for n, (name, day, text) in enumerate(comments))
        + "</ol></body></html>"
    )
    posts = read_html(page, "page.html").threads[0].posts[1:]
    assert [(post.author, post.date, [block.text for block in post.blocks]) for post in posts] == [
        ("Lotte", datetime(2019, 6, 20, 2, 41), [comments[0][2]]),
        ("Bram", datetime(2019, 6, 21, 13, 38), [comments[1][2]]),  # the hour's "1" is no day (1 June 2020)
    ]


@pytest.mark.parametrize(
    ("head", "expected"),
    [
        ('<html lang="de-AT">', "de"),
        ('<html lang="no">', "nb"),  # Norwegian as Argos names it (dateparser has no `no` locale)
        ('<html lang="zh-TW">', "zt"),
        ('<html lang="iw">', "he"),  # a withdrawn code
        ('<html lang="xx"><meta property="og:locale" content="pl_PL">', "pl"),  # no language: the next says
        ('<html lang="und">', None),
        ("<html>", None),
    ],
)
def test_page_language_is_the_argos_code_of_the_first_declared_language(head: str, expected: str | None) -> None:
    assert page_language(lxml.html.fromstring(f"{head}<body><p>x</p></body></html>")) == expected


def test_page_sentences_are_its_longer_texts_outside_scripts_and_taken_only_as_far_as_needed() -> None:
    sentence = "Die neue Trägerrakete soll im Dezember zum ersten Mal starten."
    menu = "".join(f"<li>Menü {n}</li>" for n in range(5))
    page = f"<html><body><ul>{menu}</ul><script>var message = 'a script is no sentence of the page';</script>"
    page += "".join(f"<p>{sentence}</p>" for _ in range(1000)) + "</body></html>"
    found = page_sentences(lxml.html.fromstring(page))
    assert "Menü" not in found and "script" not in found
    assert found.startswith(sentence) and 600 <= len(found) < 600 + 2 * len(sentence)


def test_a_page_without_a_declared_language_has_its_dates_read_in_the_language_it_is_written_in() -> None:
    page = (
        "<html><body><article><h1>Neue Rakete</h1><p>Die neue Trägerrakete soll im Dezember zum ersten Mal "
        "starten. Die Ingenieure haben die letzten Tests abgeschlossen und warten auf das Wetter.</p></article>"
        '<div class="comment"><span class="author">Peter</span> <span class="date">4. Dezember 2026 um 10:15'
        "</span><p>Endlich! Ich warte schon lange darauf.</p></div>"
        '<div class="comment"><span class="author">Maria</span> <span class="date">4. Dezember 2026 um 11:20'
        "</span><p>Hoffentlich klappt es diesmal mit dem Wetter.</p></div></body></html>"
    )
    posts = read_html(page).threads[0].posts
    assert [(post.author, post.date) for post in posts[1:]] == [
        ("Peter", datetime(2026, 12, 4, 10, 15)),
        ("Maria", datetime(2026, 12, 4, 11, 20)),
    ]


def test_a_story_hidden_until_a_script_shows_it_is_read_without_the_comments_below_it() -> None:
    # Nothing is left once hidden boxes are out: the page is read again with them in, its comments (found by their
    # places in the first reading) still taken out.
    story = "The ferry to the island runs every hour from May, and the first boat leaves at six in the morning. " * 3
    # Marked up as schema.org comments in boxes the extractor has no reason to leave out.
    comment = (
        '<div class="note" itemscope itemtype="https://schema.org/Comment"><span itemprop="author">{name}</span>'
        ' <time itemprop="dateCreated" datetime="2024-04-0{n}T09:00">{n} April 2024</time>'
        '<p itemprop="text">{text}</p></div>'
    )
    comments = [
        ("Ana", "Six is early, but I will be on that boat with my bicycle and a flask of coffee for the crossing."),
        ("Bert", "Hourly boats at last, thank you. The island has waited years for a timetable like this one."),
    ]
    page = (
        '<html lang="en"><body><h1>Hourly ferries from May</h1><div class="story" style="display:none">'
        f'<p>{story}</p></div><div class="notes">'
        + "".join(comment.format(n=n, name=name, text=text) for n, (name, text) in enumerate(comments, start=1))
        + "</div></body></html>"
    )
    posts = read_html(page, "page.html").threads[0].posts
    assert [block.text for block in posts[0].blocks if block.kind == "paragraph"] == [story.strip()]
    assert posts[0].author is None  # left in, the first comment's writer was taken for the story's
    assert [(post.author, [block.text for block in post.blocks]) for post in posts[1:]] == [
        (name, [text]) for name, text in comments
    ]


def test_mybb_classic_layout_reads_as_the_default_one() -> None:
    # MyBB 1.8's classic postbit is the same markup with one more class on each post (CSS draws it as a table).
    page = (PAGES / "mybb.html").read_text(encoding="utf-8")
    classic = read_html(page.replace('class="post "', 'class="post classic"')).threads[0]
    default = read_html(page).threads[0]
    assert page.count('class="post "') == 4
    assert [(p.author, p.date, p.role, p.blocks) for p in classic.posts] == [
        (p.author, p.date, p.role, p.blocks) for p in default.posts
    ]


def test_a_header_rows_label_is_not_the_comments_text() -> None:
    # "NAME wrote:" and the report link's label would make the header row a comment of its own: the comment is
    # the box holding the row and the text under it.
    thread = read_thread(PAGES / "wrote-header.html").thread
    assert [[block.text for block in post.blocks] for post in thread.posts[1:]] == [
        [
            "Coastal shipping is the one part of the trade I would still buy into.",
            "The big container lines are another story.",
        ],
        ["Their debt worries me more than the fuel bill."],
        ["Ola Nordby writes:", '"None of them is cheap after this year\'s run."', "Agreed, wait for spring."],
    ]


def test_a_comments_subject_line_in_its_header_is_its_heading() -> None:
    # The header's line named a title (`comment_title`) is the comment's subject, its first block; the writer's
    # title beside it (`userTitle`) is about the writer, not the comment. The answers have no subject.
    thread = read_thread(PAGES / "footer-comments.html").thread
    assert [[(block.kind, block.text) for block in post.blocks] for post in thread.posts[1:]] == [
        [
            ("heading", "Enfin une bonne nouvelle pour le bassin"),
            ("paragraph", "Cela fait dix ans que l'on attend l'agrandissement du bassin."),
        ],
        [("paragraph", "Dix ans, et encore : le projet date de 1998.")],
        [("paragraph", "Raison de plus pour s'en réjouir.")],
        [("heading", "Et les pêcheurs ?"), ("paragraph", "Personne ne parle des quais des pêcheurs dans cet accord.")],
        [
            ("heading", "Tarifs"),
            ("quote", "Cela fait dix ans que l'on attend."),
            ("paragraph", "Garder les tarifs une année, et ensuite ?"),
        ],
    ]
    # The quote of another comment, with that comment's writer and date, is a quote crediting its writer, no comment.
    assert thread.posts[-1].blocks[1].quoted_author == "goeland56"


def test_slash_comments_subject_lines_and_story() -> None:
    # A reply's default subject ("Re:SUBJECT") is no heading; the story's byline is no text of it.
    thread = read_thread(PAGES / "slash.html").thread
    assert (thread.posts[0].date, [block.text for block in thread.posts[0].blocks][1:]) == (
        datetime(2020, 3, 2, 10, 2),
        [
            "The harbour authority has fitted its oldest ferry with electric engines, cutting its fuel bill by half"
            " and its noise by more than that, according to the operator's first report after a winter of crossings."
        ],
    )
    assert [[(block.kind, block.text) for block in post.blocks] for post in thread.posts[1:]] == [
        [
            ("heading", "Batteries in winter"),
            ("paragraph", "How do the batteries hold up when the water is near freezing?"),
            ("paragraph", "That is when the crossing matters most."),
        ],
        [("paragraph", "They keep them warm with the heat from the charger, the report says.")],
        [("heading", "Noise"), ("paragraph", "The quiet is the best part, you can hear the gulls again.")],
    ]


@pytest.mark.parametrize(
    ("name", "post_id", "left_out"),
    [
        ("phpbb2.html", "article", "Marcher lentement"),  # the signature, after a line of underscores
        ("phpbb2.html", "c2", "Dernière édition"),  # the note of an edit
        ("phpbb2-skin.html", "article", "Slow boat"),  # the signature, in the row below the text
        ("woltlab.html", "article", "Altbau von 1958"),  # `messageSignature`, outside the text
        ("woltlab3.html", "article", "Wer bremst"),  # `div.signature`
        ("kunena.html", "article", "Reportar"),  # the hidden report form's title
        ("wpforo.html", "article", "Replies"),  # the count under the opening post
    ],
)
def test_forum_furniture_around_a_posts_text_is_left_out(name: str, post_id: str, left_out: str) -> None:
    post = next(p for p in read_thread(PAGES / name).thread.posts if p.id == post_id)
    assert post.blocks and not any(left_out in block.text for block in post.blocks)


def test_blogger_classic_marks_the_blogs_writer_answering() -> None:
    thread = read_html((PAGES / "blogger-classic.html").read_text(encoding="utf-8"), "blogger-classic.html").threads[0]
    assert [post.role for post in thread.posts[1:]] == [None, None, "OP", None]


def test_typepad_classic_comments_loose_after_their_anchors() -> None:
    """TypePad's first template prints a comment's paragraphs loose after its anchor (`a#cNNN`), then its line
    `Posted by: NAME | DATE`; a trackback's line (`Tracked on DATE`) after its own anchor (`a#pNNN`) is none."""
    page = (PAGES / "typepad-classic.html").read_text(encoding="utf-8")
    thread = read_html(page, "typepad-classic.html").threads[0]
    comments = [(post.author, post.date, [block.text for block in post.blocks]) for post in thread.posts[1:]]
    assert comments == [
        (
            "Maren Holt",
            datetime(2007, 4, 6, 13, 11),
            [
                "1. The board by the pier is fine in summer, but in January nobody stands there long.",
                "2. Could the times go up in the café too?",
            ],
        ),
        (
            "Ole",
            datetime(2007, 4, 6, 13, 21),
            ["We kept the last card on the fridge for years. It was wrong by the second week, every time."],
        ),
        (
            "Tove Lind",
            datetime(2007, 4, 7, 8, 2),
            [
                "A text message the evening before a change would help the regulars.",
                "- Tove, who takes the 7:40 every day",
            ],
        ),
    ]
    article = " ".join(block.text for block in thread.posts[0].blocks)
    assert "Ferries and the tide" not in article and "Tracked on" not in article
    # The entry's own footer, `Posted by NAME on DATE | Permalink`, names its writer and is no text of it.
    assert thread.posts[0].author == "Ines" and "Posted by" not in article


# A WordPress theme's own header row: the writer's link as WordPress prints it (`a.url`, rel external), or their
# name alone, then a dash and the date's link.
CM_META = "".join(
    f"""<li class="comment" id="comment-{n}"><div id="div-comment-{n}"><div class="comment_meta"><img alt=""
    src="/avatar.png" class="avatar photo"/></div><div class="comment_entry"><p class="cm-meta">{name} &#8212;
    <a href="#comment-{n}" class="comment-meta-time">July {n}th, 2012, 6:18 pm</a></p><p>{text}</p></div></div></li>"""
    for n, name, text in [
        (17, "<a href='http://chef.example.com' rel='external nofollow' class='url'>Chef Mark</a>", "Happy to help."),
        (18, "Raechel Lambert", "Loaned a little, wish it was more."),
        (19, "J.J.", "Count me in."),
    ]
)


def test_a_wordpress_themes_header_row_names_the_writer_with_or_without_a_link() -> None:
    page = f"""<html lang="en"><head><title>A birthday campaign</title></head><body><article><h1>A birthday
    campaign</h1><p>This year the birthday money goes to classrooms, and readers can add to it.</p></article>
    <div id="comments"><ul id="comment_list">{CM_META}</ul></div></body></html>"""
    thread = read_html(page, "page.html").threads[0]
    assert [(post.author, post.date) for post in thread.posts[1:]] == [
        ("Chef Mark", datetime(2012, 7, 17, 18, 18)),
        ("Raechel Lambert", datetime(2012, 7, 18, 18, 18)),
        ("J.J.", datetime(2012, 7, 19, 18, 18)),
    ]


def test_a_threaded_reply_keeps_neither_its_header_nor_its_emptied_reply_brackets() -> None:
    page = (PAGES / "wp-comment-head.html").read_text(encoding="utf-8")
    posts = read_html(page, "wp-comment-head.html").threads[0].posts
    assert [[block.text for block in post.blocks] for post in posts[1:]] == [
        ["The end of the street today, the end of the park by August.", "Proud of you."],
        ["Deal. You bring the sandwiches."],
        ["The casserole with the pun was mine. I regret nothing."],
    ]


def test_a_heading_of_the_writer_and_date_atop_a_comments_text_is_its_header() -> None:
    comments = "".join(
        f"""<div class="comment even depth-1" id="comment-{n}"><p class="comment-number">{n}</p><img alt=""
        src="/avatar.png" class="avatar photo"/><div class="comment-text"><h4>{name} <span>On {day}</span></h4>
        <p>{text}</p><a class="comment-reply-link" href="?replytocom={n}#respond">Reply</a></div></div>"""
        for n, name, day, text in [
            (1, "GreatAunt", "Friday, November 2, 2012 at 12:14 pm", "I caught this episode the other day!"),
            (2, "Darlene", "Saturday, November 3, 2012 at 9:52 am", "The show is on right now."),
        ]
    )
    page = f"""<html lang="en"><head><title>Tomorrow's recipes</title></head><body><div class="post"><h1>Tomorrow's
    recipes</h1><p>Tomorrow on the show: a chili, a cake and a salad you can make the night before.</p></div>
    <div class="commentlist">{comments}</div></body></html>"""
    posts = read_html(page, "page.html").threads[0].posts
    assert [(post.author, post.date, [block.text for block in post.blocks]) for post in posts[1:]] == [
        ("GreatAunt", datetime(2012, 11, 2, 12, 14), ["I caught this episode the other day!"]),
        ("Darlene", datetime(2012, 11, 3, 9, 52), ["The show is on right now."]),
    ]


def test_listed_comments_with_the_date_in_its_own_box_before_the_numbered_name() -> None:
    listed = "".join(
        f"""<dt><div class="date">September {day}, 2008 at 6:55 pm</div>({n})&nbsp;{name}&nbsp;says:</dt><dd><div>
        <p>{text}</p></div></dd>"""
        for n, day, name, text in [
            (1, 15, "Mike", "That inspired me to work on the solo again."),
            (2, 16, "Dana K.", "The chords are easier than they sound."),
        ]
    )
    page = f"""<html lang="en"><head><title>Learning a solo</title></head><body><div class="entry"><h1>Learning a
    solo</h1><p>This week we take a famous solo apart, one phrase at a time, and put it back together.</p></div>
    <div id="comments"><h3 class="hd">Comments</h3><dl>{listed}</dl></div></body></html>"""
    posts = read_html(page, "page.html").threads[0].posts
    assert [(post.author, post.date, post.blocks[0].text) for post in posts[1:]] == [
        ("Mike", datetime(2008, 9, 15, 18, 55), "That inspired me to work on the solo again."),
        ("Dana K.", datetime(2008, 9, 16, 18, 55), "The chords are easier than they sound."),
    ]
