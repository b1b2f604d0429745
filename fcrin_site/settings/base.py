"""Settings shared by every environment; safe by default (no debug, secrets from the environment)."""

import os
from pathlib import Path

from django.utils.translation import gettext_lazy as _

import dj_database_url

PROJECT_DIR = Path(__file__).resolve().parent.parent
BASE_DIR = PROJECT_DIR.parent


def env_list(name, default=""):
    return [item.strip() for item in os.environ.get(name, default).split(",") if item.strip()]


def env_bool(name, default):
    value = os.environ.get(name)
    if value is None or value.strip() == "":
        return default
    return value.strip().lower() in {"1", "true", "yes", "on"}


DEBUG = False
SECRET_KEY = os.environ.get("DJANGO_SECRET_KEY", "")
ALLOWED_HOSTS = env_list("DJANGO_ALLOWED_HOSTS")
CSRF_TRUSTED_ORIGINS = env_list("DJANGO_CSRF_TRUSTED_ORIGINS")

INSTALLED_APPS = [
    "home",
    "news",
    "networks",
    "wagtail_localize",
    "wagtail_localize.locales",
    "wagtail.contrib.settings",
    "wagtail.contrib.routable_page",
    "wagtail.contrib.search_promotions",
    "wagtail.contrib.sitemaps",
    "wagtail.api.v2",
    "rest_framework",
    "wagtail.contrib.redirects",
    "wagtail.embeds",
    "wagtail.sites",
    "wagtail.users",
    "wagtail.snippets",
    "wagtail.documents",
    "wagtail.images",
    "wagtail.search",
    "wagtail.admin",
    "wagtail",
    "modelcluster",
    "taggit",
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "fcrin_site.pagecache.PageCacheMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "fcrin_site.middleware.LocaleMiddleware",
    "fcrin_site.middleware.RejectMalformedRequestMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "wagtail.contrib.redirects.middleware.RedirectMiddleware",
]

ROOT_URLCONF = "fcrin_site.urls"
WSGI_APPLICATION = "fcrin_site.wsgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [PROJECT_DIR / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.debug",
                "django.template.context_processors.request",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "wagtail.contrib.settings.context_processors.settings",
            ],
        },
    },
]

DATABASES = {
    "default": dj_database_url.config(
        default=f"sqlite:///{BASE_DIR / 'db.sqlite3'}",
        conn_max_age=int(os.environ.get("DATABASE_CONN_MAX_AGE", "0")),
    )
}
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator"},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]

LANGUAGE_CODE = "fr"
LANGUAGES = WAGTAIL_CONTENT_LANGUAGES = [
    ("fr", _("French")),
    ("en", _("English")),
]
WAGTAIL_I18N_ENABLED = True
LOCALE_PATHS = [BASE_DIR / "locale"]
FORMAT_MODULE_PATH = ["fcrin_site.formats"]
TIME_ZONE = "Europe/Paris"
USE_I18N = True
USE_TZ = True

STATICFILES_FINDERS = [
    "django.contrib.staticfiles.finders.FileSystemFinder",
    "django.contrib.staticfiles.finders.AppDirectoriesFinder",
]
STATICFILES_DIRS = [PROJECT_DIR / "static"]
STATIC_ROOT = BASE_DIR / "static"
STATIC_URL = "/static/"
MEDIA_ROOT = Path(os.environ.get("DJANGO_MEDIA_ROOT", BASE_DIR / "media"))
MEDIA_URL = "/media/"
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.ManifestStaticFilesStorage"},
}

# Uploads: raster images and office documents only. SVG is refused because it can carry script.
DATA_UPLOAD_MAX_MEMORY_SIZE = 5 * 1024 * 1024
FILE_UPLOAD_MAX_MEMORY_SIZE = 5 * 1024 * 1024
WAGTAILIMAGES_EXTENSIONS = ["gif", "jpg", "jpeg", "png", "webp"]
WAGTAILIMAGES_MAX_UPLOAD_SIZE = 15 * 1024 * 1024
WAGTAILIMAGES_MAX_IMAGE_PIXELS = 60_000_000
WAGTAILDOCS_EXTENSIONS = ["pdf", "doc", "docx", "odt", "xls", "xlsx", "ods", "ppt", "pptx", "odp", "csv", "txt", "zip"]
WAGTAILDOCS_MAX_UPLOAD_SIZE = 50 * 1024 * 1024
WAGTAILDOCS_SERVE_METHOD = "serve_view"
WAGTAILDOCS_INLINE_CONTENT_TYPES = []

WAGTAIL_SITE_NAME = "F-CRIN"
WAGTAILADMIN_BASE_URL = os.environ.get("WAGTAILADMIN_BASE_URL", "http://127.0.0.1:8000")
WAGTAIL_ENABLE_UPDATE_CHECK = False
WAGTAILLOCALIZE_SYNC_LIVE_STATUS_ON_TRANSLATE = False

# Press room (news app): one press room under each language's home page. Embargo times are
# entered and shown in Paris time whatever an editor's own profile says.
NEWS_PRESS_ROOM_PARENT_PAGE_TYPES = ["home.HomePage"]
WAGTAIL_USER_TIME_ZONES = ["Europe/Paris"]

LOGIN_URL = "wagtailadmin_login"

# Discovery: search, sitemap, API and metadata.
# One backend stems each page in its own language on PostgreSQL (see fcrin_site/search/backend.py);
# on SQLite it is Wagtail's database backend.
WAGTAILSEARCH_BACKENDS = {
    "default": {
        "BACKEND": "fcrin_site.search.backend",
        "SEARCH_CONFIG": "simple",
        "SEARCH_CONFIGS": {"fr": "french", "en": "english"},
    }
}
# The search page's type filter: (key, label, models). Models not installed yet are left out, so a
# type appears on the search page once its app provides it.
FCRIN_SEARCH_TYPES = [
    ("release", _("Press releases"), ["news.PressReleasePage"]),
    ("network", _("Networks"), ["networks.NetworkPage"]),
    ("awareness", _("Awareness days"), ["news.AwarenessDayPage"]),
    ("protocol", _("Care protocols"), ["networks.CareProtocol"]),
    ("topic", _("Topics"), ["news.Topic"]),
]
FCRIN_SEARCH_RESULTS_PER_PAGE = 10
# The page types the read-only API serves to partners.
FCRIN_API_PAGE_TYPES = ["home.HomePage", "news.PressReleasePage", "networks.NetworkPage", "news.AwarenessDayPage"]
# /.well-known/security.txt (RFC 9116) answers 404 until a contact (mailto: or https: URI) is set.
SECURITY_TXT_CONTACT = os.environ.get("SECURITY_TXT_CONTACT", "")
SECURITY_TXT_VALIDITY_DAYS = 180
# Page cache (fcrin_site/pagecache.py): anonymous GETs of public pages, feeds, calendars and vCards,
# made stale by any publication. Views that must never be shared (embargo preview links…) live under
# an excluded prefix or set `response.no_page_cache = True` or `Cache-Control: private`.
PAGE_CACHE_ENABLED = True
PAGE_CACHE_ALIAS = "default"
PAGE_CACHE_TIMEOUT = 600
PAGE_CACHE_EXCLUDED_PATHS = ["/admin/", "/documents/"]
# The press office's default contacts and boilerplates are rows of their own, saved after the setting.
PAGE_CACHE_PURGE_MODELS = ["news.pressofficedefaultcontact", "news.pressofficedefaultboilerplate"]
# The press room's filter choices and archive order, and what releases keep in memory (vocabularies,
# embargoes, privacy rules), are cached under the page cache's generation, which every publication
# moves on (the page cache itself may be off).
NEWS_LISTING_CACHE_VERSION = "fcrin_site.pagecache.content_generation"

# Networks directory (issue 4): where the index may live, and which pages releases may cite as networks.
NETWORKS_INDEX_PARENT_PAGE_TYPES = ["home.HomePage"]
NETWORKS_PARENT_ORGANIZATION = {"name": "F-CRIN", "url": "https://www.fcrin.org/"}
NEWS_NETWORK_PAGE_TYPES = ["networks.NetworkPage"]

# Press distribution (issue 3): vCards, feeds, press kits, embargo preview links. Preview links are
# never cached (private, no-store); their prefix is excluded from the page cache as well, so that not
# even a cache lookup is made for a secret address.
NEWS_TIME_ZONE = "Europe/Paris"
NEWS_FEED_LENGTH = 30
NEWS_EMBARGO_PREVIEW_DAYS = 7
PAGE_CACHE_EXCLUDED_PATHS += [f"/{code}/embargo/" for code, _name in LANGUAGES]

# Awareness days (issue 5): where the calendar may be created, and which page types the days'
# "related press releases" may link to.
NEWS_AWARENESS_CALENDAR_PARENT_PAGE_TYPES = ["home.HomePage"]
NEWS_RELEASE_PAGE_TYPES = ["news.PressReleasePage"]
# Pre-publish checks (issue 6): the "About" boilerplates (their `key`) every press release must carry.
NEWS_REQUIRED_BOILERPLATES = ["about-fcrin"]

# Editorial roles and review (issue 6). Groups, their rights on the press room, the networks directory
# and the calendar, and the "Relecture communication" workflow are created by home's migrations and
# granted when those pages are created (home/roles.py). Workflow emails go to the task's group only.
WAGTAILADMIN_NOTIFICATION_INCLUDE_SUPERUSERS = False
FCRIN_EDITORIAL_SECTIONS = ["news.PressRoomPage", "networks.NetworkIndexPage", "news.AwarenessCalendarPage"]
# Translators in this group may work on releases before their publication (news/permissions.py).
NEWS_EMBARGO_CLEARED_GROUPS = ["Traduction sous embargo"]
# One group per network, kept by the networks app, whose members edit that network's page only.
NETWORKS_CORRESPONDENTS_GROUP_NAME = "Correspondants {network}"

# Machine translation in wagtail-localize's editor: off unless a DeepL key is set. The wrapper holds
# back the text of releases still under embargo (news/machine_translation.py).
if os.environ.get("DEEPL_AUTH_KEY"):
    WAGTAILLOCALIZE_MACHINE_TRANSLATOR = {
        "CLASS": "news.machine_translation.EmbargoSafeMachineTranslator",
        "OPTIONS": {
            "TRANSLATOR": {
                "CLASS": "wagtail_localize.machine_translators.deepl.DeepLTranslator",
                "OPTIONS": {"AUTH_KEY": os.environ["DEEPL_AUTH_KEY"]},
            }
        },
    }
