"""Settings of the third example event: a three-day bilingual forum of a public body in Marseille,
four rooms (one online, the auditorium streamed), an off-site evening past midnight."""

import datetime as dt

AUTHOR = "Agence méditerranéenne du numérique public"
SITENAME = "Forum Méditerranée numérique"
SITEURL = ""
RELATIVE_URLS = True
PATH = "content"
THEME = "../../../theme"
PLUGIN_PATHS = ["../../../plugins"]
PLUGINS = ["containment", "event", "languages", "legal", "typography", "agenda", "seo", "schedule", "changes", "clean_images"]
TIMEZONE = "Europe/Paris"
DEFAULT_LANG = "fr"
ARTICLE_PATHS = ["news"]
PAGE_PATHS = ["pages"]
PAGE_URL = "{slug}/"
PAGE_SAVE_AS = "{slug}/index.html"
PAGE_LANG_URL = "{lang}/{slug}/"
PAGE_LANG_SAVE_AS = "{lang}/{slug}/index.html"
ARTICLE_URL = "actualites/{slug}/"
ARTICLE_SAVE_AS = "actualites/{slug}/index.html"
ARTICLE_LANG_URL = "{lang}/actualites/{slug}/"
ARTICLE_LANG_SAVE_AS = "{lang}/actualites/{slug}/index.html"
INDEX_SAVE_AS = "actualites/index.html"
DIRECT_TEMPLATES = ["index"]
CATEGORY_SAVE_AS = CATEGORIES_SAVE_AS = TAG_SAVE_AS = TAGS_SAVE_AS = ""
AUTHOR_SAVE_AS = AUTHORS_SAVE_AS = ARCHIVES_SAVE_AS = ""
FEED_ALL_ATOM = CATEGORY_FEED_ATOM = TRANSLATION_FEED_ATOM = AUTHOR_FEED_ATOM = AUTHOR_FEED_RSS = None
JINJA_ENVIRONMENT = {"trim_blocks": True, "lstrip_blocks": True, "autoescape": True}
SLUGIFY_SOURCE = "basename"
CACHE_CONTENT = False
LOAD_CONTENT_CACHE = False

EVENT_NAME = "Forum Méditerranée numérique 2027"
EVENT_TAGLINE = "Trois jours sur le numérique public, à Marseille et en ligne"
EVENT_START = dt.date(2027, 10, 13)
EVENT_END = dt.date(2027, 10, 15)
EVENT_VENUE = {"name": "Villa Méditerranée", "address": "Esplanade du J4", "postcode": "13002", "city": "Marseille"}
EVENT_HASHTAG = "#forummednum"
EVENT_LOCALE = "fr_FR"
EVENT_COLORS = {"accent": "#7a2e6b"}
EVENT_NAV = (
    ("Accueil", ""), ("Programme", "programme/"), ("Intervenants", "intervenants/"), ("Ateliers", "propositions/"),
    ("Partenaires", "partenaires/"), ("Actualités", "actualites/"), ("Infos pratiques", "infos-pratiques/"),
)
EVENT_FOOTER_LINKS = (("Mentions légales", "mentions-legales/"), ("Accessibilité : {conformity}", "accessibilite/"))
EVENT_SESSION_KINDS = {
    "welcome": "Accueil", "opening": "Ouverture", "keynote": "Conférence", "round-table": "Table ronde", "talk": "Intervention",
    "workshop": "Atelier", "visit": "Visite", "break": "Pause", "lunch": "Déjeuner", "social": "Soirée", "conclusion": "Clôture",
}
EVENT_PARTNER_TIERS = {"organiser": "Organisateur", "partner": "Partenaires", "supporter": "Soutiens"}
EVENT_LANGUAGES = {
    "en": {
        "EVENT_NAME": "Mediterranean Digital Forum 2027",
        "EVENT_TAGLINE": "Three days on public digital services, in Marseille and online",
        "EVENT_LOCALE": "en_GB",
        "EVENT_NAV": (
            ("Home", ""), ("Programme", "programme/"), ("Speakers", "intervenants/"), ("Workshops", "propositions/"),
            ("Partners", "partenaires/"), ("News", "actualites/"), ("Practical information", "infos-pratiques/"),
        ),
        "EVENT_FOOTER_LINKS": (("Legal notice", "mentions-legales/"), ("Accessibility: {conformity}", "accessibilite/")),
        "EVENT_SESSION_KINDS": {
            "welcome": "Welcome", "opening": "Opening", "keynote": "Keynote", "round-table": "Round table", "talk": "Talk",
            "workshop": "Workshop", "visit": "Visit", "break": "Break", "lunch": "Lunch", "social": "Evening", "conclusion": "Closing",
        },
        "EVENT_PARTNER_TIERS": {"organiser": "Organiser", "partner": "Partners", "supporter": "Supporters"},
    }
}

LEGAL_PUBLISHER = "Agence méditerranéenne du numérique public, 2 quai de la Joliette, 13002 Marseille"
LEGAL_DIRECTOR = "Anne-Sophie d'Arcy, directrice générale"
LEGAL_HOST = "Hébergeur Exemple, 1 rue du Serveur, 13001 Marseille"
LEGAL_A11Y_STATUS = "none"
SCHEDULE_ACRONYM = "fmn2027"
