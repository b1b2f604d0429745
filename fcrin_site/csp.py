"""Content-Security-Policy: a strict policy for the site, a looser one for Wagtail's admin, and the
endpoint browsers send violation reports to.

The public site runs no inline script at all (JSON-LD blocks are data, which browsers neither run
nor check against the policy), so ``script-src 'self'`` suffices there, and the page cache can replay
a stored page, header included, to every reader. A nonce would be worthless in such a page: it would
be the same for every reader until the next publication. So a response whose template used
``request.csp_nonce`` is never stored by the page cache; nonces are for pages rendered per request.

Wagtail's admin writes inline scripts in its own templates and form widgets, which have no way to
carry a nonce (wagtail/wagtail#1288, #7053), and inline styles: its policy allows both as inline, and
keeps every other directive as strict as the public one. It is given to signed-in users only: the
admin's pages an anonymous visitor can reach (sign-in, password reset) run no inline code and keep
the site's strict policy.
"""

import json
import logging
import time

from django.conf import settings
from django.core.cache import caches
from django.http import HttpResponse
from django.views.decorators.csrf import csrf_exempt
from django.views.decorators.http import require_POST

from csp.constants import SELF
from csp.middleware import CSPMiddleware

logger = logging.getLogger(__name__)

MAX_REPORT_BYTES = 16 * 1024
# Per minute, for the whole deployment: a page with a broken policy seen by many readers, or someone
# posting junk, must not flood the logs.
MAX_REPORTS_PER_MINUTE = 60
# Fields of a violation, as the two report formats name them: report-uri's, then the Reporting API's.
REPORT_FIELDS = {
    "document": ("document-uri", "documentURL"),
    "directive": ("effective-directive", "violated-directive", "effectiveDirective"),
    "blocked": ("blocked-uri", "blockedURL"),
    "source": ("source-file", "sourceFile"),
    "line": ("line-number", "lineNumber"),
    "sample": ("script-sample", "sample"),
}


class ContentSecurityPolicyMiddleware(CSPMiddleware):
    """django-csp's middleware, choosing the admin's policy under its paths for signed-in users.

    Place it after the page cache, so that the page cache can see which responses used a nonce.
    What the admin frames gets ``frame-ancestors 'self'``, everything else ``'none'``: the views
    Django lets be framed by the site's own pages (``X-Frame-Options: SAMEORIGIN``), and Wagtail's
    previews, which render the page through the whole middleware chain once more, for a request
    marked ``is_preview``, before the preview view sets its ``X-Frame-Options``. A preview thus
    has the site's own policy, the one its readers will get.
    """

    def get_policy_parts(self, request, response, report_only=False):
        parts = super().get_policy_parts(request, response, report_only=report_only)
        if report_only:
            return parts
        if parts.config is None and is_signed_in_admin(request):
            parts.config = settings.CONTENT_SECURITY_POLICY_ADMIN["DIRECTIVES"]
        if getattr(request, "is_preview", False) or response.get("X-Frame-Options", "").upper() == "SAMEORIGIN":
            parts.replace = {**(parts.replace or {}), "frame-ancestors": [SELF]}
        if parts.nonce:
            response.no_page_cache = True
        return parts


def is_signed_in_admin(request):
    user = getattr(request, "user", None)
    return (
        user is not None
        and user.is_authenticated
        and request.path_info.startswith(tuple(settings.FCRIN_CSP_ADMIN_PATH_PREFIXES))
    )


def _field(report, name):
    for key in REPORT_FIELDS[name]:
        if report.get(key) not in (None, ""):
            return str(report[key])[:300]
    return "-"


def _violations(data):
    """The violations of a report-uri body (``{"csp-report": {...}}``) or a Reporting API batch."""
    if isinstance(data, dict) and isinstance(data.get("csp-report"), dict):
        return [data["csp-report"]]
    if isinstance(data, list):
        return [
            item["body"]
            for item in data
            if isinstance(item, dict) and item.get("type") == "csp-violation" and isinstance(item.get("body"), dict)
        ]
    return []


def _within_rate():
    cache = caches["default"]
    key = f"csp-report:{int(time.time() // 60)}"
    cache.add(key, 0, timeout=120)
    try:
        return cache.incr(key) <= MAX_REPORTS_PER_MINUTE
    except ValueError:  # the key was evicted between add and incr
        return True


@csrf_exempt
@require_POST
def csp_report(request):
    """Log the violations browsers report; answer 204 whatever was sent."""
    no_content = HttpResponse(status=204)
    try:
        length = int(request.META.get("CONTENT_LENGTH") or 0)
    except ValueError:
        return no_content
    if not 0 < length <= MAX_REPORT_BYTES or not _within_rate():
        return no_content
    try:
        data = json.loads(request.body)
    except ValueError:
        return no_content
    for violation in _violations(data)[:10]:
        logger.warning(
            "CSP violation on %r: %r blocked %r (%r line %r, %r)",
            *(_field(violation, name) for name in ("document", "directive", "blocked", "source", "line", "sample")),
        )
    return no_content
