"""Settings of the seminar's site for a local preview (see publishconf.py to publish)."""

from __future__ import annotations

import datetime as dt

AUTHOR = "La Fabrique Humaine, Altitud RH et l'IRA de Lyon"
SITENAME = "Transformation numérique : levier d'innovation managériale"
SITEURL = ""
RELATIVE_URLS = True

PATH = "content"
THEME = "theme"
TIMEZONE = "Europe/Paris"
DEFAULT_LANG = "fr"
DEFAULT_DATE_FORMAT = "%d/%m/%Y"

# The plugins of this site, in the order their signals must run.
PLUGIN_PATHS = ["plugins"]
PLUGINS = ["containment", "event", "gallery", "languages", "legal", "typography"]

# The event itself: everything specific to this seminar lives here or in content/.
EVENT_NAME = "Transformation numérique : levier d'innovation managériale dans la Fonction Publique"
EVENT_TAGLINE = "Séminaire inter-fonctions publiques des managers d'Auvergne-Rhône-Alpes"
EVENT_START = dt.date(2018, 3, 1)
EVENT_END = dt.date(2018, 3, 1)
EVENT_VENUE = {
    "name": "Institut régional d'administration (IRA) de Lyon",
    "address": "1 rue Chevreul",
    "postcode": "69007",
    "city": "Lyon",
}
EVENT_HASHTAG = "#transfomanagementpublic"
EVENT_LOCALE = "fr_FR"
EVENT_STRICT = False

# Where Pelican's own content lives; the event plugin reads speakers/, sessions/, etc.
ARTICLE_PATHS = ["news"]
PAGE_PATHS = ["pages"]
# Files under content/images/ are copied as they are, except the portraits and logos named in
# Photo:/Logo: (the gallery plugin processes them, metadata stripped), dot-files and anything
# leading outside content/ (containment plugin).
STATIC_PATHS = ["images"]
ARTICLE_URL = "actualites/{slug}/"
ARTICLE_SAVE_AS = "actualites/{slug}/index.html"
PAGE_URL = "{slug}/"
PAGE_SAVE_AS = "{slug}/index.html"
INDEX_SAVE_AS = "actualites/index.html"
DIRECT_TEMPLATES = ["index"]
USE_FOLDER_AS_CATEGORY = False
DEFAULT_CATEGORY = "actualites"
CATEGORY_SAVE_AS = ""
CATEGORIES_SAVE_AS = ""
TAG_SAVE_AS = ""
TAGS_SAVE_AS = ""
AUTHOR_SAVE_AS = ""
AUTHORS_SAVE_AS = ""
ARCHIVES_SAVE_AS = ""
DEFAULT_PAGINATION = False
DISPLAY_PAGES_ON_MENU = False
DISPLAY_CATEGORIES_ON_MENU = False

# One Atom feed of the news (full content, and the summary when there is one). A feed needs an
# absolute address, so publishconf.py turns it on with SITEURL (FEED_ALL_ATOM = "feeds/atom.xml");
# here it stays off, or Pelican would warn and the strict build of the preview would fail.
FEED_ALL_ATOM = None
FEED_MAX_ITEMS = 50
CATEGORY_FEED_ATOM = None
TRANSLATION_FEED_ATOM = None
AUTHOR_FEED_ATOM = None
AUTHOR_FEED_RSS = None

JINJA_ENVIRONMENT = {"trim_blocks": True, "lstrip_blocks": True, "autoescape": True}
MARKDOWN = {
    "extension_configs": {
        "markdown.extensions.extra": {},
        "markdown.extensions.toc": {"permalink": False},
    },
    "output_format": "html5",
}

CACHE_CONTENT = True
LOAD_CONTENT_CACHE = True
CACHE_PATH = "cache"

SLUGIFY_SOURCE = "basename"
EVENT_NAV = (
    ("Accueil", ""),
    ("Programme", "programme/"),
    ("Intervenants", "intervenants/"),
    ("Propositions", "propositions/"),
    ("Partenaires", "partenaires/"),
    ("Photos", "galeries/"),
    ("Actualités", "actualites/"),
    ("Infos pratiques", "infos-pratiques/"),
)
EVENT_FOOTER_LINKS = (
    ("Rechercher", "recherche/"),
    ("Les organisateurs", "organisateurs/"),
    ("Mentions légales", "mentions-legales/"),
    ("Accessibilité : {conformity}", "accessibilite/"),
)
# Content problems shown in a banner on every page of the preview (publishconf.py sets False).
EVENT_SHOW_PROBLEMS = True

# The English edition (EVENT_LANGUAGES; one edition per language, docs/architecture.md). Anything is
# translated by a file of the same name in a « en/ » folder beside it, holding only the texts it
# translates: content/pages/en/infos-pratiques.md, content/sessions/en/table-ronde.md. Everything
# English is under en/; what is not translated is shown there in French, marked lang="fr".
PAGE_LANG_URL = "{lang}/{slug}/"
PAGE_LANG_SAVE_AS = "{lang}/{slug}/index.html"
ARTICLE_LANG_URL = "{lang}/actualites/{slug}/"
ARTICLE_LANG_SAVE_AS = "{lang}/actualites/{slug}/index.html"
EVENT_LANGUAGES = {
    "en": {
        "EVENT_NAME": "Digital transformation: a lever for management innovation in the French civil service",
        "EVENT_TAGLINE": "A seminar for public managers of the three French civil services in Auvergne-Rhône-Alpes",
        "EVENT_LOCALE": "en_GB",
        # Menu paths are the same as in French: the edition puts them under « en/ ».
        "EVENT_NAV": (
            ("Home", ""),
            ("Programme", "programme/"),
            ("Speakers", "intervenants/"),
            ("Proposals", "propositions/"),
            ("Partners", "partenaires/"),
            ("Photos", "galeries/"),
            ("Practical information", "infos-pratiques/"),
        ),
        "EVENT_FOOTER_LINKS": (
            ("The organisers", "organisateurs/"),
            ("Legal notice", "mentions-legales/"),
            ("Accessibility: {conformity}", "accessibilite/"),
        ),
        "EVENT_SESSION_KINDS": {
            "welcome": "Welcome",
            "opening": "Opening",
            "keynote": "Keynote",
            "round-table": "Round table",
            "talk": "Talk",
            "workshop": "Workshops",
            "break": "Break",
            "lunch": "Lunch",
            "conclusion": "Conclusion",
        },
        "EVENT_PARTNER_TIERS": {"organiser": "Organisers", "partner": "Partners", "supporter": "Supporters"},
    }
}

# Legal notice and RGAA accessibility statement (legal plugin; templates legal.html, accessibility.html).
LEGAL_PUBLISHER = "La Fabrique Humaine, Altitud RH et l'Institut régional d'administration (IRA) de Lyon"
LEGAL_PUBLISHER_ADDRESS = "IRA de Lyon, 1 rue Chevreul, 69007 Lyon"
# By law the publication director of a public body is its legal representative: named here by
# function; the organisers may replace it with the person's name.
LEGAL_DIRECTOR = "la directrice ou le directeur de l'IRA de Lyon"
LEGAL_HOST = "GitHub Pages, service de GitHub, Inc., 88 Colin P Kelly Jr Street, San Francisco, CA 94107, États-Unis"
LEGAL_CONTACT = ""
LEGAL_A11Y_STATUS = "partial"
LEGAL_A11Y_STANDARD = "RGAA 4.1"
LEGAL_A11Y_CHECKS = (
    "Aucun audit complet n'a encore été réalisé : ce site est donc déclaré partiellement conforme.",
    "Chaque page est vérifiée automatiquement à chaque publication avec l'outil axe-core (critères WCAG 2.1 niveaux A et AA) et sa navigation au clavier est testée.",
)
LEGAL_A11Y_NON_ACCESSIBLE = ()
LEGAL_A11Y_DATE = dt.date(2026, 11, 26)
# Only the first gallery photo is above the fold on a phone: loading three eagerly delayed the
# largest paint (Lighthouse mobile performance 89 → 97 on the gallery page).
GALLERY_EAGER_COUNT = 1

# The event for the outside world (docs/outside-world.md), after the event plugin whose content
# they use: calendars and programme.json (agenda), the outcomes as one printable document
# (memento), social images (cards), JSON-LD, social tags and sitemap (seo), Pagefind search
# (search). Their defaults live in each plugin's settings.py.
PLUGINS += ["agenda", "memento", "cards", "seo", "search"]
# The seminar's calendar keeps the address it was published at (the default is programme/programme.ics).
AGENDA_EVENT_FILE = "programme/seminaire.ics"
# The content editor under /admin/, written only when EDITOR_ON_SITE is True (docs/guide-redaction.md).
PLUGINS += ["admin"]
# Open schedule formats for conference apps (Giggity, EventFahrplan, ConfClerk, info-beamer): a
# frab-compatible schedule.xml and schedule.json per language (docs/outside-world.md).
PLUGINS += ["schedule"]
# The « Changements » page and its Atom feed (programme/changements/): every cancelled, moved,
# postponed, full or modified session, dated from its Modified field (docs/guide-redaction.md).
PLUGINS += ["changes"]
# Last: once every file is written, any image still carrying metadata (EXIF, GPS, XMP, ICC,
# comment), whatever route it took ({static}, {attach}, theme), is replaced by a clean copy.
PLUGINS += ["clean_images"]
