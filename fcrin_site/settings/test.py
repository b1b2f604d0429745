import tempfile

from .base import *  # noqa: F403

SECRET_KEY = "test-only-secret-key"
ALLOWED_HOSTS = ["testserver", "localhost", "127.0.0.1"]
PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
STORAGES["staticfiles"]["BACKEND"] = "django.contrib.staticfiles.storage.StaticFilesStorage"  # noqa: F405
# One process: memory will do (tests/test_processes.py runs the real, shared caches in real processes).
CACHES = {"default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"}}
PAGE_CACHE_ALLOW_LOCAL_MEMORY = True
MEDIA_ROOT = tempfile.mkdtemp(prefix="fcrin-test-media-")
EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
# Tasks run as they are enqueued, in the test's process; tests/test_alerts_smtp.py runs real workers.
TASKS = {alias: {"BACKEND": "django_tasks.backends.immediate.ImmediateBackend"} for alias in ("default", "background")}
SECURITY_TXT_CONTACT = "mailto:security@fcrin.example"
# Tests of other features render pages after changing them without publishing; tests/test_page_cache.py turns it on.
PAGE_CACHE_ENABLED = False
PAGE_CACHE_FRAGMENTS = False
