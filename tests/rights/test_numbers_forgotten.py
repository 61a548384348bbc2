"""Compliance L13, L14: what was typed into the staff sign-in with a phone number goes once
the number is no longer held, whichever way it came: a number a later form gave (a form changes
no record, so no record held it), a parent's number given for a child, and a number only a form
erased by a withdrawal gave. Each stayed, with the IP address and browser it was typed from."""

import pytest
from axes.models import AccessAttempt
from django.test import Client

from consent.core.delivery import send_queued
from consent.core.models import Guardian, Source, Subject, Submission
from consent.rights.erasure import subject_destroy, subject_minimise
from consent.rights.models import Ticket
from consent.rights.sign_ins import sign_ins_of

from .conftest import act, confirm_link, web_request
from .leftovers import Traces, found_in_database, found_in_files
from .test_destroyed_scan import (
    EMAIL,
    NAMES,
    PHONES,
    by_her_forms,
    by_the_news,
    echoing_relay,
    typed_into_the_staff_sign_in,
)  # fmt: skip


@pytest.fixture
def relay(settings):
    yield from echoing_relay(settings)


def test_a_parents_number_goes_with_the_last_child_named_under_it(texts, make_subject, officer):
    """What a parent typed into the staff sign-in with the phone number they gave for a child
    goes once no child's record names it (the child destroyed, or the item erased), as what
    they typed with an address does; while another child's record names it, it stays."""
    first, second = make_subject(), make_subject()
    for child in (first, second):
        Guardian.objects.create(subject=child, full_name="Гүлнар", contact="+77055558899")
    typed_into_the_staff_sign_in("8 705 555 88 99")
    subject_destroy(first, request_ref="R-1", actor=officer)
    assert AccessAttempt.objects.count() == 1  # the second child's parent's, still named
    subject_minimise(second, keep={"full_name", "email", "phone"}, request_ref="R-2")
    assert not AccessAttempt.objects.exists()


def test_a_number_a_later_form_gave_is_hers_to_see_and_to_have_destroyed(
    texts, make_subject, client
):
    """A form changes no record: the number her later form gave stood only in that form. What
    was typed with it into the staff sign-in is in her access answer (sign_ins_of), and goes
    with her, as what was typed with the number on her record does."""
    person = make_subject(email=EMAIL, phone="+77015551122")
    Submission.objects.create(subject=person, source=Source.APPLICATION_FORM, language="kk",
                              data={"phone": "+77025553344"})  # fmt: skip
    typed_into_the_staff_sign_in("8 702 555 33 44")
    assert [row["typed"] for row in sign_ins_of(person)] == ["8 702 555 33 44"]
    subject_destroy(person, request_ref="R-3")
    assert not AccessAttempt.objects.exists()


def test_a_withdrawal_of_the_service_leaves_none_of_what_only_it_needed(
    texts, officer, officer_client, relay, settings, tmp_path, django_capture_on_commit_callbacks
):
    """A minimisation is a destruction of the items it erases (Art. 18; compliance L14): once
    she withdraws the service's consent and keeps the news, her numbers (each form's, each as
    typed), her place of birth and her photo are found nowhere; what the news keeps stays."""
    settings.MEDIA_ROOT = tmp_path
    traces = Traces(words={"Qxsmark ауылы"})
    for phone in PHONES[:2]:
        traces.add_phone(phone)
    by_her_forms(officer, traces)
    by_the_news(officer, traces)
    for typed in PHONES[:2]:
        typed_into_the_staff_sign_in(typed)
    assert {where for where, _ in found_in_database(traces)} >= {"axes_accessattempt.username"}

    assert web_request(Client(), "kk", "withdraw", email=EMAIL, purpose="service").status_code
    assert Client().post(confirm_link(EMAIL)).status_code == 200
    with django_capture_on_commit_callbacks(execute=True):
        act(officer_client, Ticket.objects.get(type="withdraw"))
        send_queued()

    person = Subject.objects.get(email=EMAIL)
    assert (person.phone, person.photo.name, person.full_name) == (None, "", NAMES[0])
    assert sorted(found_in_database(traces) | found_in_files(traces, tmp_path)) == []
