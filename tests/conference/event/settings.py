"""Settings of a small conference: two days, two rooms (one online), an evening past midnight, bilingual."""

import datetime as dt

AUTHOR = "Association Rencontres numériques"
SITENAME = "Rencontres numériques de Marseille"
SITEURL = ""
RELATIVE_URLS = True
PATH = "content"
THEME = "../../../theme"
PLUGIN_PATHS = ["../../../plugins"]
PLUGINS = ["event", "languages", "legal", "typography", "agenda", "seo", "schedule", "changes"]
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
INDEX_SAVE_AS = "actualites/index.html"
DIRECT_TEMPLATES = ["index"]
CATEGORY_SAVE_AS = CATEGORIES_SAVE_AS = TAG_SAVE_AS = TAGS_SAVE_AS = ""
AUTHOR_SAVE_AS = AUTHORS_SAVE_AS = ARCHIVES_SAVE_AS = ""
FEED_ALL_ATOM = CATEGORY_FEED_ATOM = TRANSLATION_FEED_ATOM = AUTHOR_FEED_ATOM = AUTHOR_FEED_RSS = None
JINJA_ENVIRONMENT = {"trim_blocks": True, "lstrip_blocks": True, "autoescape": True}
SLUGIFY_SOURCE = "basename"
CACHE_CONTENT = False
LOAD_CONTENT_CACHE = False

EVENT_NAME = "Rencontres numériques 2027"
EVENT_TAGLINE = "Deux jours sur le numérique public, sur place et en ligne"
EVENT_START = dt.date(2027, 6, 10)
EVENT_END = dt.date(2027, 6, 11)
EVENT_VENUE = {"name": "Palais du Pharo", "address": "58 boulevard Charles Livon", "postcode": "13007", "city": "Marseille"}
EVENT_LOCALE = "fr_FR"
# The accent draws the favicon too (a white initial on it: 6.3:1).
EVENT_COLORS = {"accent": "#0b6e4f"}
EVENT_NAV = (("Accueil", ""), ("Programme", "programme/"), ("Intervenants", "intervenants/"))
EVENT_FOOTER_LINKS = (("Mentions légales", "mentions-legales/"), ("Accessibilité : {conformity}", "accessibilite/"))
EVENT_SESSION_KINDS = {"keynote": "Conférence", "talk": "Intervention", "workshop": "Atelier", "social": "Soirée", "break": "Pause"}
EVENT_PARTNER_TIERS = {"organiser": "Organisateurs"}
EVENT_LANGUAGES = {
    "en": {
        "EVENT_NAME": "Digital Encounters 2027",
        "EVENT_TAGLINE": "Two days on public digital services, on site and online",
        "EVENT_LOCALE": "en_GB",
        # Menu paths are the same as in French: the edition puts them under « en/ ».
        "EVENT_NAV": (("Home", ""), ("Programme", "programme/"), ("Speakers", "intervenants/")),
        "EVENT_FOOTER_LINKS": (("Legal notice", "mentions-legales/"), ("Accessibility: {conformity}", "accessibilite/")),
        "EVENT_SESSION_KINDS": {"keynote": "Keynote", "talk": "Talk", "workshop": "Workshop", "social": "Evening", "break": "Break"},
        "EVENT_PARTNER_TIERS": {"organiser": "Organisers"},
    }
}

LEGAL_PUBLISHER = "Association Rencontres numériques"
LEGAL_DIRECTOR = "Camille Morel, présidente"
LEGAL_HOST = "Hébergeur Exemple, 1 rue du Serveur, 13001 Marseille"
LEGAL_A11Y_STATUS = "none"
SCHEDULE_ACRONYM = "rnum2027"
