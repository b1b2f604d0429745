"""Pre-publish checks for press releases, run when an editor presses "Publish" in the admin or a
publisher approves a release in review.

Wagtail's ``before_publish_page`` hook runs after the edit (or create) view has saved the submitted
content as a revision: a blocked publish therefore keeps everything the editor typed as the latest
draft, and the editor comes back to the edit view with messages saying what to fix and where.
Approvals go through ``ReleaseReviewTask`` (``news.editorial.review``), which refuses to approve an
incomplete release and tells the approver why. Releases published in code (``save_revision().publish()``: demo
content, imports) are not checked.
"""

from dataclasses import dataclass

from django.conf import settings
from django.contrib import messages
from django.shortcuts import redirect
from django.utils.translation import gettext

from wagtail.coreutils import get_content_languages
from wagtail.models import Page

from ..blocks import FigureBlock
from ..releases.boilerplates import Boilerplate
from ..releases.pages import PressReleasePage
from ..releases.readability import long_sentence_words, long_sentences
from ..releases.settings import PressOfficeSettings
from .translation_status import is_source


@dataclass
class Problem:
    message: str
    blocking: bool = True


def required_boilerplate_keys():
    """The ``Boilerplate.key``s every release must carry (``NEWS_REQUIRED_BOILERPLATES``, none by default)."""
    return list(getattr(settings, "NEWS_REQUIRED_BOILERPLATES", []))


def _press_office(page, request):
    site = page.get_site() if page.pk else None
    if site is None and request is not None:
        return PressOfficeSettings.for_request(request)
    return PressOfficeSettings.for_site(site) if site else None


def _missing_alt_texts(page):
    if page.hero_image and not page.hero_alt_text.strip() and not page.hero_image.description.strip():
        yield gettext("Content tab, Main image: write the alternative text of the image “%(image)s”.") % {
            "image": page.hero_image.title
        }
    for position, block in enumerate(page.body, start=1):
        if not isinstance(block.block, FigureBlock):
            continue
        image = block.value.get("image")
        if image and not (block.value.get("alt_text") or "").strip() and not image.description.strip():
            yield gettext("Content tab, Body, block %(position)s (image “%(image)s”): write its alternative text.") % {
                "position": position,
                "image": image.title,
            }


def _boilerplate_problems(page, press_office):
    required = required_boilerplate_keys()
    if not required:
        return
    chosen = [link.boilerplate_id for link in page.boilerplate_links.all()]
    if not chosen and press_office is not None:
        chosen = list(press_office.default_boilerplates.values_list("boilerplate_id", flat=True))
    present = set(Boilerplate.objects.filter(pk__in=chosen).values_list("key", flat=True))
    titles = dict(Boilerplate.objects.filter(key__in=required, locale_id=page.locale_id).values_list("key", "title"))
    for key in required:
        if key in present:
            continue
        if key in titles:
            yield gettext("Content tab, “About” boilerplates: add the boilerplate “%(title)s”.") % {
                "title": titles[key]
            }
        else:
            yield gettext(
                "Menu Press office › “About” boilerplates: create the boilerplate with the key “%(key)s” in "
                "this language, then add it to the release (Content tab, “About” boilerplates)."
            ) % {"key": key}


def _translation_warnings(page):
    """Languages without a translation ready to go live with the release, unless it goes out French first."""
    if page.french_first or not page.pk:
        return
    if not is_source(page):
        return  # A translation: its source release carries the warning.
    ready = set(
        Page.objects.filter(translation_key=page.translation_key, live=True)
        .exclude(pk=page.pk)
        .values_list("locale__language_code", flat=True)
    )
    for code, name in get_content_languages().items():
        if code != page.locale.language_code and code not in ready:
            yield gettext(
                "No %(language)s translation is ready for when the embargo lifts: translate and publish it "
                "(it stays hidden until the release goes live), or tick “French first” in the Settings tab."
            ) % {"language": name}


def _lay_summary_warnings(page):
    for position, count in long_sentences(page.lay_summary):
        yield gettext(
            "Content tab, In brief for patients: sentence %(position)s has %(count)s words. Patients read "
            "sentences of %(limit)s words or fewer more easily: split it."
        ) % {"position": position, "count": count, "limit": long_sentence_words()}


def check_release(page, request=None):
    """Every problem with ``page`` (a release holding the submitted content), blocking ones first."""
    problems = []
    if not page.standfirst.strip():
        problems.append(Problem(gettext("Content tab, Standfirst: write the opening paragraph.")))
    if not list(page.topic_links.all()):
        problems.append(Problem(gettext("Content tab, Topics: choose at least one topic.")))
    press_office = _press_office(page, request)
    has_defaults = press_office is not None and press_office.default_contacts.exists()
    if not list(page.contact_links.all()) and not has_defaults:
        problems.append(
            Problem(
                gettext(
                    "Content tab, Press contacts: add a press contact "
                    "(or set the default contacts in Settings › Press office)."
                )
            )
        )
    problems += [Problem(message) for message in _missing_alt_texts(page)]
    problems += [Problem(message) for message in _boilerplate_problems(page, press_office)]
    problems += [Problem(message, blocking=False) for message in _lay_summary_warnings(page)]
    problems += [Problem(message, blocking=False) for message in _translation_warnings(page)]
    return problems


def blocking_problems(page, request=None):
    """The problems that keep ``page`` from going live; none for a page that is not a release."""
    if not isinstance(page, PressReleasePage):
        return []
    return [problem for problem in check_release(page, request) if problem.blocking]


def report_problems(request, headline, problems):
    messages.error(request, headline)
    for problem in problems:
        messages.error(request, problem.message)


def gate_publication(request, page):
    """``before_publish_page``: stop the publication of an incomplete release, keeping its draft."""
    if not isinstance(page, PressReleasePage):
        return None
    problems = check_release(page, request)
    blocking = [problem for problem in problems if problem.blocking]
    for problem in problems:
        if not problem.blocking:
            messages.warning(request, problem.message)
    if not blocking:
        return None
    if page.live and page.live_revision_id is None:
        # The create view inserts a new page as live before publishing it: a blocked one stays a draft.
        Page.objects.filter(pk=page.pk).update(live=False, has_unpublished_changes=True)
    report_problems(
        request,
        gettext("“%(title)s” was not published. Your changes are saved as a draft; to publish, fix:")
        % {"title": page.get_admin_display_title()},
        blocking,
    )
    return redirect("wagtailadmin_pages:edit", page.pk)
