"""Compliance T17 for the ways a person reaches the site besides the forms: a person who used the
self-service link, asked by email, sent a photo, or is the parent of a child on record, and who
once typed their address or phone number into the staff sign-in by mistake (django-axes keeps
what was typed as the username, with the IP address and browser, in AccessAttempt), is
destroyed; then every row of every table is searched for their name, addresses and phone number
(test_destroyed_everywhere.traces_left): none is left. Before, the sign-in attempts kept the
address and the IP address they were typed from after the person was destroyed."""

import pytest
from axes.models import AccessAttempt
from django.core.files.base import ContentFile
from django.test import Client

from consent.core.ledger import consent_grant
from consent.core.models import Guardian, LedgerEntry, Source, Submission
from consent.core.purposes import MARKETING, SERVICE
from consent.rights.answers import ticket_destroy
from consent.rights.erasure import guardian_erase, subject_minimise
from consent.rights.intake import ingest
from consent.rights.models import Ticket
from consent.rights.tickets import ticket_open, ticket_verify
from tests.conftest import aged_token

from .test_destroyed_everywhere import letter, traces_left
from .test_selfservice import link_path

NAME = "Qzvmarker Әселова"
EMAIL = "qzv@example.kz"
PHONE = "+77017775544"
TRACES = ["Qzvmarker", "qzvmarker", "qzv@", "QZV@", "Qzv@", PHONE, "7017775544", "203.0.113.77"]


def typed_into_the_staff_sign_in(username):
    """A wrong sign-in at the admin's door, from the person's own IP address."""
    Client().post("/admin/login/", {"username": username, "password": "what-was-it"},
                  REMOTE_ADDR="203.0.113.77", HTTP_USER_AGENT=f"Browser ({NAME})")  # fmt: skip


def used_the_self_service_link(person):
    client = Client()
    client.post("/kk/my-data/", {"token": aged_token(), "email": EMAIL.upper()},
                REMOTE_ADDR="203.0.113.77")  # fmt: skip
    assert client.post(link_path(EMAIL)).status_code == 302
    client.post("/kk/my-data/consent/", {"withdraw": MARKETING}, REMOTE_ADDR="203.0.113.77")


def asked_by_email(person):
    words = f"{NAME}, {PHONE}. Деректерімді көрсетіңіз."
    taken = ingest(letter(EMAIL, words, message_id="<q1@qzv>", subject_line="Деректер"))
    assert isinstance(taken, Ticket) and taken.subject == person


def sent_a_photo(person):
    person.photo.save("p.jpg", ContentFile(b"\xff\xd8 Qzvmarker"), save=True)
    form = Submission.objects.create(subject=person, source=Source.APPLICATION_FORM, language="kk",
                                     data={"message": f"{NAME}, {PHONE}"})  # fmt: skip
    form.photo.save("q.jpg", ContentFile(b"\xff\xd8 Qzvmarker"), save=True)


def is_a_childs_parent(person, *, make_subject, texts):
    child = make_subject(full_name="Айсұлу Бөтенова", email="child@example.kz", phone=None,
                         birth_date="2014-05-17")  # fmt: skip
    row = Guardian.objects.create(subject=child, full_name=NAME, contact=EMAIL)
    consent_grant(child, texts[SERVICE], language="kk", source=Source.APPLICATION_FORM,
                  guardian=row)  # fmt: skip


VARIANTS = {
    "self-service link": used_the_self_service_link,
    "asked by email": asked_by_email,
    "sent a photo": sent_a_photo,
}


@pytest.mark.parametrize("variant", [*VARIANTS, "a child's parent"])
@pytest.mark.parametrize("typed", [EMAIL.upper(), f" {EMAIL} ", PHONE])
def test_nothing_of_a_destroyed_person_stays_whichever_way_they_came(
    variant, typed, texts, make_subject, officer, settings, tmp_path,
    django_capture_on_commit_callbacks,
):  # fmt: skip
    settings.MEDIA_ROOT = tmp_path
    person = make_subject(full_name=NAME, email=EMAIL, phone=PHONE)
    consent_grant(person, texts[SERVICE], language="kk", source=Source.APPLICATION_FORM)
    consent_grant(person, texts[MARKETING], language="kk", source=Source.NEWSLETTER_FORM)
    if variant in VARIANTS:
        VARIANTS[variant](person)
    else:
        is_a_childs_parent(person, make_subject=make_subject, texts=texts)
    typed_into_the_staff_sign_in(typed)
    assert AccessAttempt.objects.exists()
    assert {word for _where, word in traces_left(TRACES)} >= {"Qzvmarker", "203.0.113.77"}
    request = ticket_open(kind="destroy", email=EMAIL, language="kk", channel="email")
    ticket_verify(request)

    with django_capture_on_commit_callbacks(execute=True):
        ticket_destroy(Ticket.objects.get(pk=request.pk), actor=officer)

    assert traces_left(TRACES) == []
    if variant not in VARIANTS:  # the child's consent stays proven, given by a parent unnamed
        (row,) = Guardian.objects.exclude(subject=None)
        assert (row.full_name, row.contact) == ("", "")
        assert LedgerEntry.objects.filter(guardian=row).exists()


def test_a_staff_members_own_attempts_are_kept_for_the_lockout(texts, make_subject, officer):
    """Attempts under a name that is a staff account's (the staff member's own address) are the
    account's security record, kept for the lockout (T6) while the cool-off lasts."""
    officer.username = EMAIL
    officer.save()
    make_subject(full_name=NAME, email=EMAIL, phone=PHONE)
    typed_into_the_staff_sign_in(EMAIL)
    request = ticket_open(kind="destroy", email=EMAIL, language="kk", channel="email")
    ticket_verify(request)
    ticket_destroy(Ticket.objects.get(pk=request.pk), actor=None)
    assert AccessAttempt.objects.filter(username=EMAIL).exists()


def test_erasing_the_address_or_the_number_erases_what_was_typed_with_it(texts, make_subject):
    """A minimisation that erases the address (the number) deletes the attempts typed with it,
    as it deletes the letters from it; one that keeps it keeps them."""
    person = make_subject(full_name=NAME, email=EMAIL, phone=PHONE)
    typed_into_the_staff_sign_in(EMAIL)
    typed_into_the_staff_sign_in("8 701 777 55 44")
    subject_minimise(person, keep={"email", "phone", "full_name"}, request_ref="R-1")
    assert AccessAttempt.objects.count() == 2
    subject_minimise(person, keep={"email", "full_name"}, request_ref="R-2")
    assert list(AccessAttempt.objects.values_list("username", flat=True)) == [EMAIL]
    subject_minimise(person, keep={"full_name"}, request_ref="R-3")
    assert not AccessAttempt.objects.exists()


def test_a_parents_erasure_erases_what_they_typed_into_the_staff_sign_in(texts, make_subject):
    child = make_subject()
    Guardian.objects.create(subject=child, full_name="Ата", contact="ata@example.kz")
    typed_into_the_staff_sign_in("Ata@Example.KZ")
    guardian_erase("ata@example.kz", request_ref="R-4")
    assert not AccessAttempt.objects.exists()
