"""Settings of a second, different event: two days, two rooms in parallel, English only, green."""

import datetime as dt

AUTHOR = "Open Data Days team"
SITENAME = "Open Data Days Nantes"
SITEURL = ""
RELATIVE_URLS = True
PATH = "content"
THEME = "../../../theme"
PLUGIN_PATHS = ["../../../plugins"]
PLUGINS = ["event", "typography", "languages", "legal"]
TIMEZONE = "Europe/Paris"
DEFAULT_LANG = "en"
ARTICLE_PATHS = ["news"]
PAGE_PATHS = ["pages"]
ARTICLE_URL = "news/{slug}/"
ARTICLE_SAVE_AS = "news/{slug}/index.html"
PAGE_URL = "{slug}/"
PAGE_SAVE_AS = "{slug}/index.html"
INDEX_SAVE_AS = "news/index.html"
DIRECT_TEMPLATES = ["index"]
CATEGORY_SAVE_AS = CATEGORIES_SAVE_AS = TAG_SAVE_AS = TAGS_SAVE_AS = ""
AUTHOR_SAVE_AS = AUTHORS_SAVE_AS = ARCHIVES_SAVE_AS = ""
FEED_ALL_ATOM = CATEGORY_FEED_ATOM = TRANSLATION_FEED_ATOM = AUTHOR_FEED_ATOM = AUTHOR_FEED_RSS = None
JINJA_ENVIRONMENT = {"trim_blocks": True, "lstrip_blocks": True, "autoescape": True}
SLUGIFY_SOURCE = "basename"
CACHE_CONTENT = False
LOAD_CONTENT_CACHE = False

EVENT_NAME = "Open Data Days 2019"
EVENT_TAGLINE = "Two days on open data for local authorities"
EVENT_START = dt.date(2019, 6, 13)
EVENT_END = dt.date(2019, 6, 14)
EVENT_VENUE = {"name": "Cité des congrès", "address": "5 rue de Valmy", "postcode": "44000", "city": "Nantes"}
EVENT_HASHTAG = "#opendatadays"
EVENT_LOCALE = "en_GB"
EVENT_COLORS = {"accent": "#0b6e4f", "focus": "#8a3b00"}
EVENT_NAV = (("Home", ""), ("Programme", "programme/"), ("Speakers", "speakers/"), ("Partners", "partners/"))
EVENT_FOOTER_LINKS = (("Legal notice", "legal/"), ("Accessibility: {conformity}", "accessibility/"))
EVENT_URLS = {
    "programme": "programme/",
    "speakers": "speakers/",
    "speaker": "speakers/{slug}/",
    "partners": "partners/",
    "partner": "partners/#{slug}",
    "outcomes": "outcomes/",
    "theme": "outcomes/{slug}/",
}
EVENT_SESSION_KINDS = {"keynote": "Keynote", "talk": "Talk", "workshop": "Workshop", "break": "Break"}
EVENT_PARTNER_TIERS = {"organiser": "Organisers", "sponsor": "Sponsors"}

LEGAL_PUBLISHER = "Nantes Open Data Association"
LEGAL_DIRECTOR = "Sam Taylor, chair"
LEGAL_HOST = "Example Hosting, 1 Server Street, Nantes"
LEGAL_A11Y_STATUS = "none"
LEGAL_A11Y_PAGE = "accessibility/"
