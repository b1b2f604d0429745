from .base import *  # noqa: F403

DEBUG = True
SECRET_KEY = "django-insecure-dev-only-never-use-in-production"
ALLOWED_HOSTS = ["127.0.0.1", "localhost", "[::1]"]
EMAIL_BACKEND = "django.core.mail.backends.console.EmailBackend"
SECURITY_TXT_CONTACT = "mailto:security@fcrin.example"
STORAGES["staticfiles"]["BACKEND"] = "django.contrib.staticfiles.storage.StaticFilesStorage"  # noqa: F405

# Template edits should show on reload.
PAGE_CACHE_ENABLED = False
PAGE_CACHE_FRAGMENTS = False

try:
    from .local import *  # noqa: F403
except ImportError:
    pass
