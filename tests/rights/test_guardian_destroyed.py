"""When a child's data is destroyed, nothing of the child stays (compliance L6, L13): the
guardian item of the child's record goes with it, and a parent held only as that child's parent
(no record of their own, no other child) goes too: their requests about the child keep only
their number and dates, their mail is deleted, and the answer telling them so leaves no copy.
Before, the parent's withdrawal request kept their address and an answer naming the child, and
the outbox kept the letters naming her. A parent on record in their own right keeps their own
record; a parent of another child keeps that child's guardian item."""

import pytest
from django.apps import apps
from django.core import mail
from django.db import models
from django.test import Client

from consent.core.models import Guardian, Subject
from consent.core.purposes import MARKETING
from consent.rights.intake import ingest
from consent.rights.models import Ticket

from .conftest import act, confirm_link, message
from .test_guardian_rights import CHILD, ask, with_child
from .test_guardian_withdrawal import PARENT, WITHDRAW, open_children_page

Type = Ticket.Type


@pytest.fixture
def child(texts, make_subject):
    """Айсұлу, 14, signed up with her mother Гүлнар's consent (application form)."""
    return with_child(make_subject, texts, name="Айсұлу Қасымова", email=CHILD, born="2012-05-17",
                      parent_name="Гүлнар Қасымова")  # fmt: skip


def stored(word):
    """Each (model, field) whose stored text holds `word`, in every table of the site."""
    hits = []
    for model in apps.get_models():
        for field in model._meta.concrete_fields:
            texts = isinstance(field, (models.CharField, models.TextField, models.JSONField))
            lookup = {f"{field.name}__icontains": word}
            if texts and model._default_manager.filter(**lookup).exists():
                hits.append((model._meta.label, field.name))
    return hits


def people_found(desk, term):
    response = desk.get("/admin/consent/subject/", {"q": term})
    assert response.status_code == 200
    return list(response.context["cl"].result_list)


def withdraw_all(desk, address=PARENT, lang="kk"):
    """The parent's emailed withdrawal of every consent, confirmed and carried out."""
    ticket = ingest(message(WITHDRAW[lang], sender=address, message_id=f"<w-{address}@x>"))
    assert Client().post(confirm_link(address)).status_code == 200
    assert act(desk, ticket).status_code == 200
    return ticket


def test_nothing_of_the_child_or_of_a_parent_held_only_as_hers_stays(
    child, desk, django_capture_on_commit_callbacks
):
    parent = Client()
    open_children_page(parent, "kk")
    ask(parent, "kk", child[1], Type.CORRECT, "Айсұлу туған күні 18.05.2012")
    with django_capture_on_commit_callbacks(execute=True):
        ticket = withdraw_all(desk)
    assert not Subject.objects.filter(pk=child[0].pk).exists()
    for trace in ["Айсұлу", "Қасымова", "aisulu", "Гүлнар", "gulnar"]:
        assert stored(trace) == [], trace
        assert people_found(desk, trace) == []
    assert not Guardian.objects.exists()
    # The requests keep their number, type and dates; the parent was answered, with no copy.
    ticket.refresh_from_db()
    assert (ticket.type, ticket.status, ticket.email, ticket.outcome) == (
        Type.WITHDRAW,
        Ticket.Status.DONE,
        "",
        "",
    )
    assert Ticket.objects.filter(type=Type.CORRECT, email="").exists()
    (answer,) = [m for m in mail.outbox if PARENT in m.to and ticket.reference in m.subject]
    assert "Айсұлу Қасымова" in answer.body


def test_a_parent_on_record_keeps_their_own_record_and_nothing_of_the_child(
    child, desk, make_subject, texts
):
    from consent.core.ledger import consent_grant
    from consent.core.models import Source

    mother = make_subject(full_name="Гүлнар Қасымова", email=PARENT, phone="+77015550000")
    consent_grant(mother, texts[MARKETING], language="ru", source=Source.NEWSLETTER_FORM)
    ticket = ingest(message("Удалите данные", sender="aisulu@example.kz", message_id="<d@x>"))
    assert ticket.type == Type.DESTROY and ticket.subject == child[0]  # the child's own
    assert Client().post(confirm_link("aisulu@example.kz")).status_code == 200
    act(desk, ticket)
    assert not Subject.objects.filter(pk=child[0].pk).exists()
    assert people_found(desk, PARENT) == [mother] and people_found(desk, "Гүлнар") == [mother]
    assert stored("Айсұлу") == [] and stored("aisulu") == []
    assert not Guardian.objects.exists()


def test_a_parent_of_two_keeps_the_other_childs_guardian_item(child, desk, texts, make_subject):
    _son, row = with_child(make_subject, texts, name="Ерасыл Қасымов", email="erasyl@x.kz",
                          born="2015-03-03", parent_name="Гүлнар Қасымова")  # fmt: skip
    ticket = ingest(message("Удалите данные", sender="aisulu@example.kz", message_id="<d@x>"))
    assert Client().post(confirm_link("aisulu@example.kz")).status_code == 200
    act(desk, ticket)
    assert list(Guardian.objects.all()) == [row]
    assert stored("Айсұлу") == [] and stored("aisulu") == []
    parent = Client()
    open_children_page(parent, "ru")
    page = parent.get("/ru/my-data/children/").content.decode()
    assert "Ерасыл Қасымов" in page and "Айсұлу" not in page


@pytest.mark.parametrize("lang", ["kk", "ru"])
def test_a_parent_who_withdrew_for_both_children_is_forgotten_only_with_the_second(
    child, desk, texts, make_subject, lang, django_capture_on_commit_callbacks
):
    with_child(make_subject, texts, name="Ерасыл Қасымов", email="erasyl@x.kz", born="2015-03-03",
               parent_name="Гүлнар Қасымова")  # fmt: skip
    with django_capture_on_commit_callbacks(execute=True):
        ticket = withdraw_all(desk, lang=lang)
    assert not Subject.objects.exists() and not Guardian.objects.exists()
    assert stored("gulnar") == [] and stored("Ерасыл") == [] and stored("Айсұлу") == []
    (answer,) = [m for m in mail.outbox if PARENT in m.to and ticket.reference in m.subject]
    assert "Айсұлу Қасымова" in answer.body and "Ерасыл Қасымов" in answer.body
