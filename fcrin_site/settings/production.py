"""Production: every secret and address comes from the environment (see README, "Production")."""

import os

from django.core.exceptions import ImproperlyConfigured

from .base import *  # noqa: F403

SECRET_KEY = os.environ["DJANGO_SECRET_KEY"]
ALLOWED_HOSTS = env_list("DJANGO_ALLOWED_HOSTS")  # noqa: F405

# Django's ASGI handler runs each request's code in a thread of its own: a persistent connection would
# stay open with a thread that never serves again (Django's docs: no persistent connections under ASGI).
if DATABASES["default"]["CONN_MAX_AGE"] != 0:  # noqa: F405
    raise ImproperlyConfigured(
        "DATABASE_CONN_MAX_AGE must be 0 in production: the ASGI server makes a thread per request"
    )

# SQLite (`make serve`, `make bench`) under several workers: WAL lets readers go on while one
# connection writes, and IMMEDIATE transactions take the write lock up front, so a transaction that
# read first never fails at once with "database is locked" when it writes; a writer waits up to 20 s.
if DATABASES["default"]["ENGINE"] == "django.db.backends.sqlite3":  # noqa: F405
    DATABASES["default"]["OPTIONS"] = {  # noqa: F405
        "init_command": "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL;",
        "transaction_mode": "IMMEDIATE",
        "timeout": 20,
    }

# HTTPS hardening is on unless the environment turns it off (`make serve` does, on plain-HTTP loopback).
SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
SECURE_SSL_REDIRECT = env_bool("DJANGO_SECURE_SSL_REDIRECT", True)  # noqa: F405
SECURE_HSTS_SECONDS = int(os.environ.get("DJANGO_HSTS_SECONDS", "31536000"))
SECURE_HSTS_INCLUDE_SUBDOMAINS = True
SECURE_HSTS_PRELOAD = True
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "strict-origin-when-cross-origin"
SESSION_COOKIE_SECURE = CSRF_COOKIE_SECURE = env_bool("DJANGO_SECURE_COOKIES", True)  # noqa: F405
X_FRAME_OPTIONS = "DENY"

MIDDLEWARE.insert(1, "whitenoise.middleware.WhiteNoiseMiddleware")  # noqa: F405
STORAGES["staticfiles"]["BACKEND"] = "whitenoise.storage.CompressedManifestStaticFilesStorage"  # noqa: F405

# Caches: Redis when REDIS_URL is set, so that several app servers share one page cache and one
# rendition cache; otherwise base's files in DJANGO_CACHE_DIR, shared by the workers of one machine.
REDIS_URL = os.environ.get("REDIS_URL", "")
if REDIS_URL:
    CACHES = {
        alias: {
            "BACKEND": "django_redis.cache.RedisCache",
            "LOCATION": os.environ.get(f"REDIS_URL_{alias.upper()}", REDIS_URL),
            "KEY_PREFIX": os.environ.get("CACHE_KEY_PREFIX", "fcrin") + f":{alias}",
            "TIMEOUT": timeout,
            "OPTIONS": {
                "CLIENT_CLASS": "django_redis.client.DefaultClient",
                # A Redis outage degrades to cache misses instead of 500s.
                "IGNORE_EXCEPTIONS": True,
                "SOCKET_CONNECT_TIMEOUT": 2,
                "SOCKET_TIMEOUT": 2,
            },
        }
        for alias, timeout in (("default", 300), ("renditions", 24 * 60 * 60))
    }
    DJANGO_REDIS_LOG_IGNORED_EXCEPTIONS = True

# Media: local files by default; S3-compatible object storage when a bucket is named. The backend
# needs `pip install django-storages[s3]` (boto3); credentials are read by boto3 from AWS_ACCESS_KEY_ID
# and AWS_SECRET_ACCESS_KEY in the environment, never from settings.
MEDIA_S3_BUCKET = os.environ.get("MEDIA_S3_BUCKET", "")
if MEDIA_S3_BUCKET:
    STORAGES["default"] = {  # noqa: F405
        "BACKEND": "storages.backends.s3.S3Storage",
        "OPTIONS": {
            "bucket_name": MEDIA_S3_BUCKET,
            "endpoint_url": os.environ.get("MEDIA_S3_ENDPOINT_URL") or None,
            "region_name": os.environ.get("MEDIA_S3_REGION") or None,
            "custom_domain": os.environ.get("MEDIA_S3_CUSTOM_DOMAIN") or None,
            "location": os.environ.get("MEDIA_S3_PREFIX", "media"),
            # Public images get stable, cacheable URLs; documents go through Wagtail's serve view.
            "querystring_auth": False,
            "file_overwrite": False,
        },
    }
    STORAGES["renditions"] = {  # noqa: F405
        "BACKEND": "fcrin_site.storage_s3.S3RenditionStorage",
        "OPTIONS": STORAGES["default"]["OPTIONS"],  # noqa: F405
    }
# Images from another origin (the bucket or its CDN) are allowed by the Content-Security-Policy.
FCRIN_CSP_MEDIA_ORIGINS = env_list("DJANGO_CSP_MEDIA_ORIGINS")  # noqa: F405
if MEDIA_S3_BUCKET and os.environ.get("MEDIA_S3_CUSTOM_DOMAIN"):
    FCRIN_CSP_MEDIA_ORIGINS.append(f"https://{os.environ['MEDIA_S3_CUSTOM_DOMAIN']}")
for policy in (CONTENT_SECURITY_POLICY, CONTENT_SECURITY_POLICY_ADMIN):  # noqa: F405
    policy["DIRECTIVES"]["img-src"] = [*policy["DIRECTIVES"]["img-src"], *FCRIN_CSP_MEDIA_ORIGINS]
# `make bench` switches the page cache off for its uncached runs and adds its baseline view.
PAGE_CACHE_ENABLED = env_bool("PAGE_CACHE_ENABLED", True)  # noqa: F405
BENCH_VIEWS = env_bool("DJANGO_BENCH_VIEWS", False)  # noqa: F405
# `make serve` has no web server in front of it to serve uploads.
SERVE_MEDIA = env_bool("DJANGO_SERVE_MEDIA", False)  # noqa: F405

EMAIL_BACKEND = "django.core.mail.backends.smtp.EmailBackend"
EMAIL_HOST = os.environ.get("EMAIL_HOST", "localhost")
EMAIL_PORT = int(os.environ.get("EMAIL_PORT", "25"))
EMAIL_HOST_USER = os.environ.get("EMAIL_HOST_USER", "")
EMAIL_HOST_PASSWORD = os.environ.get("EMAIL_HOST_PASSWORD", "")
EMAIL_USE_TLS = env_bool("EMAIL_USE_TLS", False)  # noqa: F405
EMAIL_USE_SSL = env_bool("EMAIL_USE_SSL", False)  # noqa: F405
EMAIL_TIMEOUT = int(os.environ.get("EMAIL_TIMEOUT", "30"))
DEFAULT_FROM_EMAIL = os.environ.get("DEFAULT_FROM_EMAIL", "webmaster@localhost")

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "handlers": {"console": {"class": "logging.StreamHandler"}},
    "root": {"handlers": ["console"], "level": os.environ.get("DJANGO_LOG_LEVEL", "INFO")},
}

# CDN or reverse-proxy purge on publish (wagtail.contrib.frontend_cache), off unless a backend is named.
FRONTEND_CACHE_BACKEND = os.environ.get("FRONTEND_CACHE_BACKEND", "").lower()
if FRONTEND_CACHE_BACKEND == "http":
    WAGTAILFRONTENDCACHE = {
        "default": {
            "BACKEND": "wagtail.contrib.frontend_cache.backends.HTTPBackend",
            "LOCATION": os.environ["FRONTEND_CACHE_LOCATION"],
        }
    }
elif FRONTEND_CACHE_BACKEND == "cloudflare":
    WAGTAILFRONTENDCACHE = {
        "default": {
            "BACKEND": "wagtail.contrib.frontend_cache.backends.CloudflareBackend",
            "BEARER_TOKEN": os.environ["FRONTEND_CACHE_CLOUDFLARE_BEARER_TOKEN"],
            "ZONEID": os.environ["FRONTEND_CACHE_CLOUDFLARE_ZONEID"],
        }
    }
elif FRONTEND_CACHE_BACKEND == "cloudfront":
    WAGTAILFRONTENDCACHE = {
        "default": {
            "BACKEND": "wagtail.contrib.frontend_cache.backends.CloudfrontBackend",
            "DISTRIBUTION_ID": os.environ["FRONTEND_CACHE_CLOUDFRONT_DISTRIBUTION_ID"],
        }
    }
elif FRONTEND_CACHE_BACKEND:
    raise ImproperlyConfigured(
        f"FRONTEND_CACHE_BACKEND must be http, cloudflare or cloudfront, not {FRONTEND_CACHE_BACKEND!r}"
    )
