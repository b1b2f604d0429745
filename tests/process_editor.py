"""The editor of tests/test_processes.py: a process of its own that makes changes as editors do.

Run by ``manage.py shell`` with the servers' settings and environment, it reads one JSON request a
line on stdin (``{"action": name, "kwargs": {...}}``) and answers one line on stdout, prefixed with
``REPLY``: the action's result, or the traceback of its error. One long-lived process, like the
admin's own, spares a Django start (a second or two) per change; ``publish_scheduled`` still runs
as a process of its own, as cron runs it.
"""

import datetime
import io
import json
import sys
import traceback

from django.contrib.contenttypes.models import ContentType
from django.core.files.base import ContentFile
from django.core.files.images import ImageFile
from django.db.models import F
from django.utils import timezone

from wagtail.documents import get_document_model
from wagtail.images import get_image_model
from wagtail.models import Locale, Page, Revision

from PIL import Image as PILImage

from networks.models import NetworkPage
from news.editorial.translation import translate
from news.models import (
    AwarenessCalendarPage,
    AwarenessDayPage,
    AwarenessDayRelease,
    PressReleaseAttachment,
    PressReleaseNetwork,
    PressReleasePage,
    PressReleaseTopic,
    PressRoomPage,
    Topic,
)

REPLY = "REPLY "
RENDITIONS = ["width-1200", "fill-1200x630"]
BODY_BLOCK_ID = "0b7f3c1e-5a43-4c55-9d43-2f1c9a6d8e01"


def _locale(code):
    return Locale.objects.get(language_code=code)


def _release(page_id):
    return PressReleasePage.objects.get(pk=page_id)


def _png(colour):
    buffer = io.BytesIO()
    PILImage.new("RGB", (400, 210), colour).save(buffer, format="PNG")
    return buffer.getvalue()


def create_release(token, release_date, live=False, translated=False):
    """A release of the French press room with its own topic, a demo network, a document, an image and
    an awareness day that lists it; published when ``live``, with its English translation when ``translated``.

    The image's renditions are made now, as an editor's preview makes them, so that their addresses
    exist before the release is public.
    """
    fr, en = _locale("fr"), _locale("en")
    topic = Topic.objects.create(locale=fr, name=f"Thème {token[-4:]}", slug=f"theme-{token}")
    translate(topic, en, Topic(locale=en, name=f"Topic {token[-4:]}", slug=f"topic-{token}"))
    network = NetworkPage.objects.filter(locale=fr).live().order_by("pk").first()
    image = get_image_model().objects.create(
        title=f"Visuel {token}", file=ImageFile(io.BytesIO(_png((30, 90, 160))), name=f"visuel-{token}.png")
    )
    renditions = image.get_renditions(*RENDITIONS)
    content = f"%PDF-1.4 dossier {token}\n"
    document = get_document_model().objects.create(
        title=f"Dossier {token}", file=ContentFile(content.encode(), name=f"dossier-{token}.pdf")
    )
    release = PressReleasePage(
        locale=fr,
        title=f"Communiqué {token} : une étude de recherche clinique",
        slug=f"communique-{token}",
        standfirst=f"F-CRIN annonce l'étude {token}.",
        release_date=datetime.date.fromisoformat(release_date),
        dateline="Paris",
        # A page is made live unless told otherwise; a draft is not.
        live=False,
        hero_image=image,
        hero_alt_text="Un aplat bleu.",
        body=[{"type": "paragraph", "value": f"<p>Le texte de l'étude {token}.</p>", "id": BODY_BLOCK_ID}],
        topic_links=[PressReleaseTopic(topic=topic, sort_order=0)],
        network_links=[PressReleaseNetwork(network=network, sort_order=0)],
        attachments=[PressReleaseAttachment(document=document, sort_order=0)],
    )
    PressRoomPage.objects.get(locale=fr).add_child(instance=release)
    revision = release.save_revision()
    if live:
        revision.publish()
    calendar = AwarenessCalendarPage.objects.get(locale=fr)
    day = AwarenessDayPage(
        locale=fr,
        title=f"Journée d'essai {token[-4:]}",
        slug=f"journee-essai-{release.pk}",
        summary="Une journée pour les essais.",
        kind="fixed",
        month=6,
        day=15,
        release_links=[AwarenessDayRelease(release=release, sort_order=0)],
    )
    calendar.add_child(instance=day)
    day.save_revision().publish()
    english_day = translate(
        day,
        en,
        AwarenessDayPage(
            locale=en, title=f"Trial day {token[-4:]}", slug=f"trial-day-{release.pk}", summary="A day for trials."
        ),
    )
    if translated:
        translate_release(release.pk, publish=True)
    return {
        "token": token,
        "fr": {"id": release.pk, "url": release.url, "title": release.title},
        "en": {"url": f"{PressRoomPage.objects.get(locale=en).url}release-{token}/", "title": _english_title(token)},
        "topic": {"fr": topic.slug, "en": f"topic-{token}"},
        "network": network.pk,
        "day": {"fr": day.url, "en": english_day.url},
        "document": {"url": document.url, "content": content},
        "files": {
            "private": [image.file.url, document.file.url],
            "renditions": [rendition.url for rendition in renditions.values()],
        },
    }


def _english_title(token):
    return f"Release {token}: a clinical research study"


def translate_release(page_id, publish=False, go_live_in_hours=None):
    """The English translation, made through wagtail-localize as the admin's "Translate" makes it.

    ``publish`` publishes it at once; ``go_live_in_hours`` schedules it instead.
    """
    release = _release(page_id)
    token = release.slug.removeprefix("communique-")
    english = PressReleasePage(
        locale=_locale("en"),
        title=_english_title(token),
        slug=f"release-{token}",
        standfirst=f"F-CRIN announces the {token} study.",
        dateline="Paris",
        hero_alt_text="A plain blue picture.",
        body=[{"type": "paragraph", "value": f"<p>The text of the {token} study.</p>", "id": BODY_BLOCK_ID}],
    )
    target = translate(release, _locale("en"), english, publish=publish)
    if go_live_in_hours is not None:
        schedule(target.pk, go_live_in_hours)
    return target.pk


def english_id(page_id):
    return _release(page_id).get_translation(_locale("en")).pk


def publish(page_id):
    _release(page_id).save_revision().publish()


def schedule(page_id, go_live_in_hours):
    """Publishing with a go-live date in the future, as the admin's "Publish" does once it is set."""
    release = _release(page_id)
    release.go_live_at = timezone.now() + datetime.timedelta(hours=go_live_in_hours)
    release.save_revision().publish()


def unpublish(page_id):
    _release(page_id).unpublish()


def delete(page_id):
    _release(page_id).delete()


def time_passes(page_ids, hours):
    """Bring the scheduled go-lives of these pages ``hours`` nearer, as the clock would: in the pages and
    in their scheduled revisions, whose own copy of the date is what publishing them reads. Updates,
    not saves: nothing is sent that a change by an editor would send."""
    shift = datetime.timedelta(hours=hours)
    page_type = ContentType.objects.get_for_model(Page)
    scheduled = Revision.objects.filter(
        base_content_type=page_type, object_id__in=[str(pk) for pk in page_ids], approved_go_live_at__isnull=False
    )
    for revision in scheduled:
        go_live_at = revision.approved_go_live_at - shift
        content = {**revision.content, "go_live_at": go_live_at.isoformat()}
        Revision.objects.filter(pk=revision.pk).update(approved_go_live_at=go_live_at, content=content)
    Page.objects.filter(pk__in=page_ids, go_live_at__isnull=False).update(go_live_at=F("go_live_at") - shift)


def remove(token):
    """Delete a scenario's release in both languages, so that the next scenario's is the newest."""
    for release in PressReleasePage.objects.filter(slug__in=[f"communique-{token}", f"release-{token}"]):
        release.delete()


ACTIONS = {
    function.__name__: function
    for function in (
        create_release,
        translate_release,
        english_id,
        publish,
        schedule,
        unpublish,
        delete,
        time_passes,
        remove,
    )
}


def main():
    for line in sys.stdin:
        request = json.loads(line)
        try:
            reply = {"result": ACTIONS[request["action"]](**request["kwargs"])}
        except Exception:
            reply = {"error": traceback.format_exc()}
        sys.stdout.write(REPLY + json.dumps(reply) + "\n")
        sys.stdout.flush()
