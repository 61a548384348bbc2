"""A request a parent or guardian made for a child, on their page (wards.py), is answered to the
parent, who asked and whom the law lets act for a minor (Law 94-V Art. 7(1), 24), in the
language they asked in, and held by the sender once the child is 18 (Ticket.for_child): every
letter about it goes through the one home of a request's mail (closing.ticket_mail). The
access answer sent again went to the child's own address instead, and without the hold."""

import pytest
from django.conf import settings
from django.contrib.auth.models import User
from django.core import mail
from post_office.models import Email

from consent.core.ledger import consent_grant, subject_block
from consent.core.models import Guardian, GuardianMail, Source
from consent.core.purposes import SERVICE
from consent.rights.models import Ticket
from consent.rights.selfservice import ticket_open_verified

from .conftest import act, address_corrected

Type = Ticket.Type
PARENT, CHILD = "gulnar@example.kz", "aisulu@example.kz"
# The officer's words, in the language of the letter they go into (answer_language.py).
WORDS = {"kk": "Сұрағыңызға рахмет.", "ru": "Спасибо за ваш вопрос."}


@pytest.fixture
def ward(texts, make_subject):
    """Айсұлу, 14, on record with her mother Гүлнар's consent."""
    child = make_subject(full_name="Айсұлу Қасымова", email=CHILD, birth_date="2012-05-17")
    row = Guardian.objects.create(subject=child, full_name="Гүлнар Қасымова", contact=PARENT)
    consent_grant(child, texts[SERVICE], language="kk", source=Source.APPLICATION_FORM,
                  guardian=row)  # fmt: skip
    return row


def letters_since(first_id):
    """(address, text, held for a child) of each letter to a person since `first_id`: queued
    in the outbox, or sent without a trace (a destruction's); staff notices aside."""
    staff = {settings.STAFF_NOTIFY_EMAIL, *User.objects.values_list("email", flat=True)}
    queued = Email.objects.filter(id__gt=first_id).order_by("id")
    held = set(GuardianMail.objects.values_list("email_id", flat=True))
    return [(m.to[0], m.message, m.id in held) for m in queued if m.to[0] not in staff] + [
        (m.to[0], m.body, True) for m in mail.outbox if m.to[0] not in staff
    ]


def latest_id():
    return Email.objects.order_by("id").values_list("id", flat=True).last() or 0


@pytest.mark.parametrize("kind", list(Type))
def test_every_answer_to_a_parents_request_for_a_child_goes_to_the_parent_in_their_language(
    privacy_officer_client, ward, kind, django_capture_on_commit_callbacks
):
    if kind == Type.UNBLOCK:  # something to unblock
        subject_block(ward.subject, reason="Тексеру", source=Source.ADMIN, actor=None)
    # From the opening on: confirmed as it is opened on the parent's page, the request is
    # receipted, and an unsubscribe is carried out and answered then, as one confirmed by its link.
    first = latest_id()
    mail.outbox.clear()
    with django_capture_on_commit_callbacks(execute=True):
        ticket = ticket_open_verified(ward.subject, kind, "Өтінем.", "ru", guardian=ward)
    fields = {"document": "Куәлік № 0451", "phone": "+77057654321"} if kind == Type.CORRECT else {}
    with django_capture_on_commit_callbacks(execute=True):
        act(privacy_officer_client, Ticket.objects.get(pk=ticket.pk), reason=WORDS["ru"], **fields)
    letters = letters_since(first)
    assert letters, "the parent was answered"
    for address, text, held in letters:
        assert (address, held) == (PARENT, True)
        assert "Здравствуйте" in text and "Сәлеметсіз" not in text


HELLO = {"kk": "Сәлеметсіз", "ru": "Здравствуйте"}
ABOUT_THE_CHILD = {"kk": "бала туралы біз сақтайтын деректер", "ru": "храним о ребёнке"}


@pytest.mark.parametrize("lang", ["kk", "ru"])
def test_an_access_answer_sent_again_goes_to_the_parent_who_asked(
    privacy_officer_client, ward, lang, django_capture_on_commit_callbacks
):
    """The desk gives the parent's request the type it asks for, an access, on its panel, and
    answers it by email: the answer could not be sent again, read as a download on the page
    the request came from (its channel), and the page offered no «send the answer again»."""
    ticket = ticket_open_verified(ward.subject, Type.CORRECT, "Өтінем.", lang, guardian=ward)
    act(privacy_officer_client, ticket, "retype", new_type=Type.ACCESS)
    first = latest_id()
    act(privacy_officer_client, Ticket.objects.get(pk=ticket.pk), reason=WORDS[lang])
    ((address, text, held),) = letters_since(first)
    assert (address, held) == (PARENT, True) and HELLO[lang] in text
    assert ABOUT_THE_CHILD[lang] in " ".join(text.replace("\xa0", " ").split())  # not «about you»
    assert Email.objects.get(pk=latest_id()).attachments.count() == 2
    first = latest_id()
    page = privacy_officer_client.get(f"/admin/rights/ticket/{ticket.pk}/change/")
    assert page.context["can_resend"]
    privacy_officer_client.post(f"/admin/rights/ticket/{ticket.pk}/resend/",
                                {"after": page.context["last_answer"].pk})  # fmt: skip
    ((address, text, held),) = letters_since(first)
    assert (address, held) == (PARENT, True) and HELLO[lang] in text
    assert Email.objects.get(pk=latest_id()).attachments.count() == 2


@pytest.mark.parametrize("kind", [Type.BLOCK, Type.DESTROY])
def test_a_persons_answer_goes_to_the_address_on_record_not_one_corrected_away(
    privacy_officer_client, person, kind, django_capture_on_commit_callbacks
):
    """The answer went to the address the request came from, which a correction since may have
    given to someone else (their old mailbox is no longer theirs)."""
    from consent.rights.tickets import ticket_open, ticket_verify

    ticket = ticket_open(kind=kind, email=person.email, language="ru", channel="web")
    ticket_verify(ticket)
    address_corrected(person, "asel.new@example.kz")
    first = latest_id()
    with django_capture_on_commit_callbacks(execute=True):
        act(privacy_officer_client, Ticket.objects.get(pk=ticket.pk), reason=WORDS["ru"])
    assert [a for a, _text, _held in letters_since(first)] == ["asel.new@example.kz"]


def test_a_parents_request_retyped_and_refused_is_told_to_the_parent(privacy_officer_client, ward):
    """Every other letter about it too: the new type, and a refusal with reasons."""
    ticket = ticket_open_verified(ward.subject, Type.CORRECT, "Өтінем.", "ru", guardian=ward)
    first = latest_id()
    act(privacy_officer_client, ticket, "retype", new_type=Type.BLOCK)
    act(privacy_officer_client, Ticket.objects.get(pk=ticket.pk), "refuse", reason=WORDS["ru"])
    assert Ticket.objects.get(pk=ticket.pk).status == Ticket.Status.REFUSED
    letters = letters_since(first)
    assert len(letters) == 2
    assert all((address, held) == (PARENT, True) for address, _text, held in letters)
