"""The “Relecture communication” workflow: a writer submits, a publisher approves or asks for changes."""

import datetime

from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.core import mail
from django.urls import reverse
from django.utils import timezone

from wagtail.models import Page, WorkflowState
from wagtail.test.utils.form_data import inline_formset, nested_form_data, rich_text, streamfield

import pytest

from home.roles import PUBLISHERS, REVIEW_TASK, TRANSLATORS, WORKFLOW, WRITERS
from news.models import Boilerplate, PressReleasePage, ReleaseReviewTask
from tests.factories import BoilerplateFactory, NetworkPageFactory, PressContactFactory, TopicFactory


def member(name, *groups):
    user = get_user_model().objects.create_user(name, f"{name}@fcrin.example", "password")
    user.groups.set(Group.objects.filter(name__in=groups))
    return user


@pytest.fixture
def team(db, admin_user):
    return {
        "writer": member("redactrice", WRITERS),
        "other_writer": member("redacteur", WRITERS),
        "publisher": member("publieur", PUBLISHERS),
        "translator": member("traductrice", TRANSLATORS),
        "admin": admin_user,
    }


def release_form(locale, go_live_at="", **fields):
    """The release editor's form as the browser posts it, with a topic, a contact and a boilerplate."""
    topic = TopicFactory(locale=locale)
    contact = PressContactFactory(locale=locale)
    # The "About F-CRIN" boilerplate that the pre-publish checks require, made by the first form.
    about = Boilerplate.objects.filter(locale=locale, key="about-fcrin").first()
    boilerplate = about or BoilerplateFactory(locale=locale, key="about-fcrin")
    return nested_form_data(
        {
            "title": "CRISALIS recrute son millième patient",
            "slug": "crisalis-millieme-patient",
            "standfirst": "Le réseau CRISALIS a inclus son millième patient.",
            "release_date": "2026-05-10",
            "dateline": "Paris",
            "hero_alt_text": "",
            "hero_caption": "",
            "hero_credit": "",
            "body": streamfield([]),
            "topic_links": inline_formset([{"topic": topic.pk}]),
            "network_links": inline_formset([]),
            "contact_links": inline_formset([{"contact": contact.pk}]),
            "boilerplate_links": inline_formset([{"boilerplate": boilerplate.pk}]),
            "attachments": inline_formset([]),
            "gallery_links": inline_formset([]),
            "correction_notice": rich_text(""),
            "correction_date": "",
            "comments": inline_formset([]),
            "go_live_at": go_live_at,
            "expire_at": "",
            "seo_title": "",
            "search_description": "",
            **fields,
        }
    )


def recipients():
    return sorted(address for message in mail.outbox for address in message.to)


def submit(client, press_room, writer, **fields):
    """A French release created and submitted for review by ``writer``."""
    client.force_login(writer)
    url = reverse("wagtailadmin_pages:add", args=["news", "pressreleasepage", press_room["fr"].pk])
    data = {**release_form(press_room["fr"].locale, **fields), "action-submit": "Soumettre"}
    response = client.post(url, data)
    assert response.status_code == 302, response.context["form"].errors if response.context else response
    return PressReleasePage.objects.get(slug="crisalis-millieme-patient")


@pytest.fixture
def submitted(client, press_room, team):
    return submit(client, press_room, team["writer"])


@pytest.fixture
def incomplete(client, press_room, team):
    """A release submitted without its standfirst, which the pre-publish checks require."""
    return submit(client, press_room, team["writer"], standfirst="")


def messages_shown(response):
    return [str(message) for message in response.context["messages"]]


def test_the_press_room_uses_the_review_workflow(press_room, network_index, awareness_calendar):
    for section in [press_room, network_index, awareness_calendar]:
        for page in section.values():
            assert page.get_workflow().name == WORKFLOW


def test_the_publishers_review_with_the_pre_publish_checks(press_room):
    workflow = press_room["fr"].get_workflow()
    [task] = workflow.tasks.specific()
    assert isinstance(task, ReleaseReviewTask)
    assert task.name == REVIEW_TASK
    assert [group.name for group in task.groups.all()] == [PUBLISHERS]


def test_a_submission_notifies_the_publishers_only(submitted, team):
    assert submitted.workflow_in_progress
    assert not submitted.live
    assert recipients() == ["publieur@fcrin.example"]


def test_a_writer_cannot_approve(client, submitted, team):
    task_state = submitted.current_workflow_task_state
    client.force_login(team["other_writer"])
    url = reverse("wagtailadmin_pages:workflow_action", args=[submitted.pk, "approve", task_state.pk])
    client.post(url, {"comment": ""})
    submitted.refresh_from_db()
    assert submitted.workflow_in_progress
    assert not submitted.live


def test_a_publisher_approves_with_an_embargo(client, submitted, team):
    mail.outbox.clear()
    lift = timezone.now() + datetime.timedelta(days=3)
    client.force_login(team["publisher"])
    data = release_form(
        submitted.locale,
        go_live_at=timezone.localtime(lift).strftime("%Y-%m-%d %H:%M"),
        **{"action-workflow-action": "true", "workflow-action-name": "approve"},
    )
    response = client.post(reverse("wagtailadmin_pages:edit", args=[submitted.pk]), data)

    assert response.status_code == 302
    submitted.refresh_from_db()
    assert not submitted.live, "under embargo until the lift"
    assert submitted.workflow_states.get().status == WorkflowState.STATUS_APPROVED
    scheduled = submitted.get_latest_revision()
    assert scheduled.approved_go_live_at == lift.replace(second=0, microsecond=0)
    assert recipients() == ["redactrice@fcrin.example"]


NOT_APPROVED = "« CRISALIS recrute son millième patient » n’a pas été approuvé : il reste en relecture tant que ceci n’est pas corrigé :"
NO_STANDFIRST = "Onglet Contenu, Chapeau : rédigez le paragraphe d’ouverture."


def test_an_incomplete_release_is_not_approved_from_the_review_list(client, incomplete, team):
    mail.outbox.clear()
    task_state = incomplete.current_workflow_task_state
    client.force_login(team["publisher"])
    url = reverse("wagtailadmin_pages:workflow_action", args=[incomplete.pk, "approve", task_state.pk])
    response = client.post(url, {"comment": "Parfait."}, follow=True)

    edit_url = reverse("wagtailadmin_pages:edit", args=[incomplete.pk])
    assert response.redirect_chain == [(f"{edit_url}?checks=approval-refused", 302)]
    assert response.status_code == 200
    assert messages_shown(response)[-2:] == [NOT_APPROVED, NO_STANDFIRST]
    incomplete.refresh_from_db()
    assert not incomplete.live
    assert incomplete.current_workflow_task_state == task_state, "still waiting for the publishers"
    assert mail.outbox == []


def test_an_incomplete_release_is_not_approved_from_the_editor_but_the_edits_are_kept(client, incomplete, team):
    client.force_login(team["publisher"])
    data = release_form(
        incomplete.locale,
        standfirst="",
        dateline="Lyon",
        **{"action-workflow-action": "true", "workflow-action-name": "approve"},
    )
    response = client.post(reverse("wagtailadmin_pages:edit", args=[incomplete.pk]), data, follow=True)

    assert response.redirect_chain == [(reverse("wagtailadmin_pages:edit", args=[incomplete.pk]), 302)]
    assert messages_shown(response)[-2:] == [NOT_APPROVED, NO_STANDFIRST]
    incomplete.refresh_from_db()
    assert incomplete.workflow_states.get().status == WorkflowState.STATUS_IN_PROGRESS
    assert not incomplete.live
    assert incomplete.get_latest_revision_as_object().dateline == "Lyon"


def test_a_release_completed_by_the_publisher_is_approved_and_published(client, incomplete, team):
    client.force_login(team["publisher"])
    data = release_form(
        incomplete.locale,
        standfirst="Le réseau CRISALIS a inclus son millième patient.",
        **{"action-workflow-action": "true", "workflow-action-name": "approve"},
    )
    response = client.post(reverse("wagtailadmin_pages:edit", args=[incomplete.pk]), data)

    assert response.status_code == 302
    incomplete.refresh_from_db()
    assert incomplete.workflow_states.get().status == WorkflowState.STATUS_APPROVED
    assert incomplete.live
    assert incomplete.standfirst == "Le réseau CRISALIS a inclus son millième patient."


def test_a_publisher_requests_changes_with_a_comment(client, submitted, team):
    mail.outbox.clear()
    task_state = submitted.current_workflow_task_state
    client.force_login(team["publisher"])
    url = reverse("wagtailadmin_pages:workflow_action", args=[submitted.pk, "reject", task_state.pk])
    response = client.post(url, {"comment": "Citer la source du chiffre de mille patients."})

    assert response.status_code == 302
    submitted.refresh_from_db()
    assert submitted.workflow_states.get().status == WorkflowState.STATUS_NEEDS_CHANGES
    assert recipients() == ["redactrice@fcrin.example"]
    assert "Citer la source du chiffre de mille patients." in mail.outbox[0].body
    assert not Page.objects.get(pk=submitted.pk).live


def test_a_network_correspondent_submits_their_network_page(client, network_index, team):
    network = NetworkPageFactory(parent=network_index["fr"], locale=network_index["fr"].locale, title="FORCE")
    network.save_revision().publish()
    correspondent = member("correspondante", "Correspondants FORCE")
    mail.outbox.clear()
    client.force_login(correspondent)
    data = nested_form_data(
        {
            "title": "FORCE",
            "slug": network.slug,
            "acronym": "FORCE",
            "kind": "investigation",
            "full_name": network.full_name,
            "summary": "Le réseau FORCE recrute dans 40 centres.",
            "topic_links": inline_formset([]),
            "coordinators": inline_formset([]),
            "centres": "40",
            "year_labelled": "",
            "centres_note": "",
            "website": "",
            "care_protocol_links": inline_formset([]),
            "body": streamfield([]),
            "gallery_links": inline_formset([]),
            "comments": inline_formset([]),
            "go_live_at": "",
            "expire_at": "",
            "seo_title": "",
            "search_description": "",
            "action-submit": "Soumettre",
        }
    )
    response = client.post(reverse("wagtailadmin_pages:edit", args=[network.pk]), data)

    assert response.status_code == 302, response.context["form"].errors if response.context else response
    network.refresh_from_db()
    assert network.workflow_in_progress
    assert network.summary == "Un réseau de recherche clinique labellisé.", "the live page waits for review"
    assert recipients() == ["publieur@fcrin.example"]
