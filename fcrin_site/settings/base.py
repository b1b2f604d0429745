"""Settings shared by every environment; safe by default (no debug, secrets from the environment)."""

import os
from datetime import timedelta
from pathlib import Path

from django.utils.translation import gettext_lazy as _

import dj_database_url
from csp.constants import NONCE, NONE, SELF, UNSAFE_INLINE

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
# A form refused for its CSRF token gets the site's page, in the URL's language, not Django's English one.
CSRF_FAILURE_VIEW = "fcrin_site.views.csrf_failure"

INSTALLED_APPS = [
    "fcrin_site",
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
    "axes",
    "django_tasks",
    "django_tasks_db",
    "django_otp",
    "django_otp.plugins.otp_totp",
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "fcrin_site.middleware.NormalisePathMiddleware",
    "fcrin_site.pagecache.PageCacheMiddleware",
    "fcrin_site.cache_headers.CacheHeadersMiddleware",
    "fcrin_site.csp.ContentSecurityPolicyMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "fcrin_site.middleware.LocaleMiddleware",
    "fcrin_site.middleware.RejectMalformedRequestMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django_otp.middleware.OTPMiddleware",
    "fcrin_site.accounts.middleware.TwoFactorMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "wagtail.contrib.redirects.middleware.RedirectMiddleware",
    "fcrin_site.middleware.ReportsByRoleMiddleware",
    # Last, so that it answers a locked-out sign-in in the language LocaleMiddleware chose.
    "axes.middleware.AxesMiddleware",
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

# Background work (e-mail alerts) goes through Django's tasks API (the django-tasks backport), on the
# "background" backend: a queue in the database, run by `manage.py db_worker --backend background`,
# which `make run` and `make serve` start; TASKS_BACKEND=rq queues in Redis instead (django-tasks-rq,
# REDIS_URL), run by `manage.py rqworker default --with-scheduler --job-class django_tasks_rq.Job`. Wagtail's own tasks (search and
# reference index updates) stay on "default", run at once in the process that saves: search shows a
# publication as soon as it is made, worker or not.
TASKS_BACKEND = os.environ.get("TASKS_BACKEND", "database").lower()
TASKS = {"default": {"BACKEND": "django_tasks.backends.immediate.ImmediateBackend"}}
if TASKS_BACKEND == "rq":
    INSTALLED_APPS += ["django_rq", "django_tasks_rq"]
    RQ_QUEUES = {"default": {"URL": os.environ.get("REDIS_URL", "redis://127.0.0.1:6379/0")}}
    TASKS["background"] = {"BACKEND": "django_tasks_rq.RQBackend", "QUEUES": ["default"]}
else:
    TASKS["background"] = {"BACKEND": "django_tasks_db.DatabaseBackend", "QUEUES": ["default"]}

# Caches shared by every process on the machine (runserver or gunicorn workers, publish_scheduled,
# management commands), so that a change any of them makes is seen by all: files by default,
# Redis in production when REDIS_URL is set. Never per-process memory outside tests.
CACHE_DIR = Path(os.environ.get("DJANGO_CACHE_DIR", BASE_DIR / "var" / "cache"))
CACHES = {
    alias: {
        "BACKEND": "django.core.cache.backends.filebased.FileBasedCache",
        "LOCATION": str(CACHE_DIR / alias),
        "TIMEOUT": timeout,
        "OPTIONS": {"MAX_ENTRIES": 10_000},
    }
    for alias, timeout in (("default", 300), ("renditions", 24 * 60 * 60))
}

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
# The site's catalogue, then its corrections to Wagtail's and wagtail-localize's French
# (locale/overrides): both win over the apps' own catalogues.
LOCALE_PATHS = [BASE_DIR / "locale", BASE_DIR / "locale" / "overrides"]
FORMAT_MODULE_PATH = ["fcrin_site.formats"]
TIME_ZONE = "Europe/Paris"
USE_I18N = True
USE_TZ = True

STATICFILES_FINDERS = [
    "django.contrib.staticfiles.finders.FileSystemFinder",
    "django.contrib.staticfiles.finders.AppDirectoriesFinder",
]
STATIC_ROOT = Path(os.environ.get("DJANGO_STATIC_ROOT", BASE_DIR / "static"))
STATIC_URL = "/static/"
MEDIA_ROOT = Path(os.environ.get("DJANGO_MEDIA_ROOT", BASE_DIR / "media"))
MEDIA_URL = "/media/"
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "renditions": {"BACKEND": "fcrin_site.storage.RenditionStorage"},
    "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.ManifestStaticFilesStorage"},
}
# Renditions are the only public media (README, "Production"), under random names (fcrin_site/storage.py).
WAGTAILIMAGES_RENDITION_STORAGE = "renditions"

# Uploads: raster images and office documents only. SVG is refused because it can carry script.
DATA_UPLOAD_MAX_MEMORY_SIZE = 5 * 1024 * 1024
FILE_UPLOAD_MAX_MEMORY_SIZE = 5 * 1024 * 1024
WAGTAILIMAGES_EXTENSIONS = ["gif", "jpg", "jpeg", "png", "webp"]
WAGTAILIMAGES_MAX_UPLOAD_SIZE = 15 * 1024 * 1024
WAGTAILIMAGES_MAX_IMAGE_PIXELS = 60_000_000
# Every image is decoded to the end before it is kept: a broken one is a form error (fcrin_site/uploads/).
WAGTAILIMAGES_IMAGE_FORM_BASE = "fcrin_site.uploads.ImageForm"
# Documents go to journalists: each is checked by its content, which must be of the type its extension
# says (fcrin_site/uploads/documents.py). No programs, web pages or SVG, no Office files with macros
# (nor the old .doc, .xls and .ppt, whose macros cannot be told apart), no CSV cell a spreadsheet would
# run as a formula; a zip's members are accepted documents, within the limits below once unpacked.
FCRIN_DOCUMENT_TYPES = {
    "pdf": "application/pdf",
    "docx": "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
    "xlsx": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
    "pptx": "application/vnd.openxmlformats-officedocument.presentationml.presentation",
    "odt": "application/vnd.oasis.opendocument.text",
    "ods": "application/vnd.oasis.opendocument.spreadsheet",
    "odp": "application/vnd.oasis.opendocument.presentation",
    "png": "image/png",
    "jpg": "image/jpeg",
    "jpeg": "image/jpeg",
    "csv": "text/csv",
    "txt": "text/plain",
    "zip": "application/zip",
}
FCRIN_DOCUMENT_ARCHIVE_MAX_SIZE = 100 * 1024 * 1024
FCRIN_DOCUMENT_ARCHIVE_MAX_MEMBERS = 1000
WAGTAILDOCS_DOCUMENT_FORM_BASE = "fcrin_site.uploads.DocumentForm"
WAGTAILDOCS_EXTENSIONS = list(FCRIN_DOCUMENT_TYPES)
WAGTAILDOCS_MAX_UPLOAD_SIZE = 50 * 1024 * 1024
# Wagtail's page editor posts a field per block and per inline row: Wagtail's project template's value.
DATA_UPLOAD_MAX_NUMBER_FIELDS = 10_000
# Request bodies larger than these are refused with 413 before Django reads them (fcrin_site/asgi.py).
# The public site takes small forms only (a page's password, a log-in); the admin takes uploads, with
# room for the rest of the form around the largest file.
REQUEST_BODY_MAX_SIZE = 256 * 1024
REQUEST_BODY_MAX_SIZES = {
    "/admin/": max(WAGTAILIMAGES_MAX_UPLOAD_SIZE, WAGTAILDOCS_MAX_UPLOAD_SIZE) + DATA_UPLOAD_MAX_MEMORY_SIZE,
}
WAGTAILDOCS_SERVE_METHOD = "serve_view"
WAGTAILDOCS_INLINE_CONTENT_TYPES = []

WAGTAIL_SITE_NAME = "F-CRIN"
# The site's public address: every absolute link (canonical, og:*, sitemap, feeds, calendars, admin
# e-mails) is built on it, through the Wagtail Site that `manage.py site_address` sets from it.
# The default is what `make run` serves.
FCRIN_SITE_URL = os.environ.get("FCRIN_SITE_URL", "http://127.0.0.1:8000").rstrip("/")
WAGTAILADMIN_BASE_URL = os.environ.get("WAGTAILADMIN_BASE_URL", FCRIN_SITE_URL)
WAGTAIL_ENABLE_UPDATE_CHECK = False
# Addresses in plain ASCII, as journalists type and paste them: the admin's slug field transliterates
# (é → e, and œ → oe through its formatters, fcrin_site/apps.py), as news.slugs does in code.
WAGTAIL_ALLOW_UNICODE_SLUGS = False
WAGTAILLOCALIZE_SYNC_LIVE_STATUS_ON_TRANSLATE = False

# Press room (news app): one press room under each language's home page. Embargo times are
# entered and shown in Paris time whatever an editor's own profile says.
NEWS_PRESS_ROOM_PARENT_PAGE_TYPES = ["home.HomePage"]
NEWS_COVERAGE_PARENT_PAGE_TYPES = ["home.HomePage"]
NEWS_MEDIA_LIBRARY_PARENT_PAGE_TYPES = ["home.HomePage"]
WAGTAIL_USER_TIME_ZONES = ["Europe/Paris"]

LOGIN_URL = "wagtailadmin_login"
# Avatars from the site itself: no reader's email hash sent to Gravatar, and no third-party image in the admin's policy.
WAGTAIL_GRAVATAR_PROVIDER_URL = None

# Content-Security-Policy (django-csp, fcrin_site/csp.py). Public pages run no inline script, so they
# are cached with a header that holds no nonce; a template that uses `request.csp_nonce` makes its
# response uncacheable (a nonce shared by every reader until the next publication protects nothing).
# The embed block's players (video and audio oEmbed providers) are the only third-party frames.
FCRIN_CSP_FRAME_ORIGINS = [
    "https://www.youtube.com",
    "https://www.youtube-nocookie.com",
    "https://player.vimeo.com",
    "https://www.dailymotion.com",
    "https://geo.dailymotion.com",
    "https://w.soundcloud.com",
]
CONTENT_SECURITY_POLICY = {
    "DIRECTIVES": {
        "default-src": [SELF],
        "script-src": [SELF, NONCE],
        "style-src": [SELF],
        "img-src": [SELF, "data:"],
        "frame-src": FCRIN_CSP_FRAME_ORIGINS,
        "object-src": [NONE],
        "base-uri": [SELF],
        "form-action": [SELF],
        "frame-ancestors": [NONE],
        "report-uri": "/csp-report/",
    }
}
# Wagtail's admin writes inline scripts (form widgets, inline panels, wagtail-localize's editor) and
# inline styles with no way to carry a nonce (wagtail/wagtail#1288): both are allowed as inline there,
# and no nonce is offered, since a nonce would make browsers ignore 'unsafe-inline'. Signed-in users
# only: the sign-in and password reset pages keep the strict policy.
FCRIN_CSP_ADMIN_PATH_PREFIXES = ["/admin/"]
CONTENT_SECURITY_POLICY_ADMIN = {
    "DIRECTIVES": {
        **CONTENT_SECURITY_POLICY["DIRECTIVES"],
        "script-src": [SELF, UNSAFE_INLINE],
        "style-src": [SELF, UNSAFE_INLINE],
        "img-src": [SELF, "data:", "blob:"],
        "frame-src": [SELF, *FCRIN_CSP_FRAME_ORIGINS],
    }
}

# Admin accounts (issue 19). Sign-in throttling by django-axes: after AXES_FAILURE_LIMIT wrong
# passwords for one username from one address, that pair is refused for AXES_COOLOFF_TIME. Attempts
# are rows of the database, so every process of the deployment counts them.
AUTHENTICATION_BACKENDS = [
    "axes.backends.AxesStandaloneBackend",
    "django.contrib.auth.backends.ModelBackend",
]
AXES_FAILURE_LIMIT = int(os.environ.get("FCRIN_LOGIN_FAILURE_LIMIT", "5"))
AXES_COOLOFF_TIME = timedelta(minutes=int(os.environ.get("FCRIN_LOGIN_COOLOFF_MINUTES", "15")))
AXES_LOCKOUT_PARAMETERS = [["username", "ip_address"]]
AXES_RESET_ON_SUCCESS = True
AXES_LOCKOUT_CALLABLE = "fcrin_site.accounts.views.locked_out"
# Two-step verification (TOTP, django-otp): any admin user may turn it on from their account; members
# of these groups must (comma-separated names in the environment, e.g. "Publication"). Off when empty.
FCRIN_REQUIRE_2FA_GROUPS = env_list("FCRIN_REQUIRE_2FA_GROUPS")
OTP_TOTP_ISSUER = "F-CRIN presse"

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
    ("expert", _("Experts"), ["news.ExpertPage"]),
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
# The same generation keys the fragments of pages ({% fragment %}: header, footer, a release's links),
# so that a page rendered without the page cache reads only what is its own.
PAGE_CACHE_FRAGMENTS = True
PAGE_CACHE_ALIAS = "default"
PAGE_CACHE_TIMEOUT = 600
PAGE_CACHE_EXCLUDED_PATHS = ["/admin/", "/documents/"]
# The press office's default contacts and boilerplates are rows of their own, saved after the setting.
PAGE_CACHE_PURGE_MODELS = ["news.pressofficedefaultcontact", "news.pressofficedefaultboilerplate"]

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
# E-mail alerts (issue 21): their pages hold a reader's signed link or address, never shared.
PAGE_CACHE_EXCLUDED_PATHS += [f"/{code}/alerts/" for code, _name in LANGUAGES]
NEWS_ALERTS_CONFIRM_DAYS = 7

# What browsers and CDNs may keep (fcrin_site/cache_headers.py): public answers for a minute, since a
# publication or an embargo lift must reach everyone soon; the admin and embargo preview links never.
CACHE_PUBLIC_MAX_AGE = 60
CACHE_PRIVATE_PATHS = [
    "/admin/",
    *(f"/{code}/{prefix}/" for prefix in ("embargo", "alerts") for code, _name in LANGUAGES),
]
# Static files under a name that is not hashed (WhiteNoise, production) may change with any deployment;
# WhiteNoise gives hashed names ten years, immutable, whatever this says.
WHITENOISE_MAX_AGE = CACHE_PUBLIC_MAX_AGE

# Awareness days (issue 5): where the calendar may be created, and which page types the days'
# "related press releases" may link to.
NEWS_AWARENESS_CALENDAR_PARENT_PAGE_TYPES = ["home.HomePage"]
NEWS_RELEASE_PAGE_TYPES = ["news.PressReleasePage"]
# Find an expert (issue 22): the directory goes under each home page; languages an expert may speak.
NEWS_EXPERT_INDEX_PARENT_PAGE_TYPES = ["home.HomePage"]
NEWS_EXPERT_LANGUAGES = ["fr", "en", "de", "es", "it", "pt", "nl", "ar"]
# Pre-publish checks (issue 6): the "About" boilerplates (their `key`) every press release must carry.
NEWS_REQUIRED_BOILERPLATES = ["about-fcrin"]

# Editorial roles and review (issue 6). Groups, their rights on the press room, the networks directory
# and the calendar, and the "Relecture communication" workflow are created by home's migrations and
# granted when those pages are created (home/roles.py). Workflow emails go to the task's group only.
WAGTAILADMIN_NOTIFICATION_INCLUDE_SUPERUSERS = False
FCRIN_EDITORIAL_SECTIONS = [
    "news.PressRoomPage",
    "networks.NetworkIndexPage",
    "news.AwarenessCalendarPage",
    "news.ExpertIndexPage",
    "news.CoveragePage",
    "news.MediaLibraryPage",
]
# Translators in this group may work on releases before their publication (news/releases/permissions.py).
NEWS_EMBARGO_CLEARED_GROUPS = ["Traduction sous embargo"]
# One group per network, kept by the networks app, whose members edit that network's page only.
NETWORKS_CORRESPONDENTS_GROUP_NAME = "Correspondants {network}"
# Who may delete, move or unpublish which page: the role matrix, over Wagtail's page permissions.
NEWS_PAGE_PERMISSION_RULES = "home.role_matrix.RoleMatrixRules"

# Machine translation in wagtail-localize's editor: off unless a DeepL key is set. The wrapper holds
# back the text of releases still under embargo (news/editorial/machine_translation.py).
if os.environ.get("DEEPL_AUTH_KEY"):
    WAGTAILLOCALIZE_MACHINE_TRANSLATOR = {
        "CLASS": "news.editorial.machine_translation.EmbargoSafeMachineTranslator",
        "OPTIONS": {
            "TRANSLATOR": {
                "CLASS": "wagtail_localize.machine_translators.deepl.DeepLTranslator",
                "OPTIONS": {"AUTH_KEY": os.environ["DEEPL_AUTH_KEY"]},
            }
        },
    }
