"""A parent with no record of their own asks what is held about them (compliance L6, L10): the
letter listed what she gave with her consent for her child and went on «we hold nothing else
about you as a parent or guardian», while the outbox kept, under her address, every letter we
had sent her (the answer to her first request among them) and her requests themselves. It now
lists those letters, when and what became of each, and her requests from that address
(rights.held_as_guardian)."""

import re

import pytest
from django.test import Client
from post_office.models import Email

from consent.core.delivery import send_queued
from consent.rights.models import Ticket
from tests.staff import verified_login

from .conftest import act, confirm_link, web_request

PARENT = "gulnar.parent@example.kz"
SAID = {
    "kk": {"letters": "Осы мекенжайға сізге жіберген, бізде сақталған хаттар:",
           "answer": "«№\xa0{ref} өтінішіңіз» (TIME): жіберілді.",
           "requests": "Осы мекенжайдан бізге жіберген өтініштеріңіз:",
           "request": "№\xa0{ref} өтініш (деректерге қол жеткізу), алынған уақыты:",
           "nothing else": "Ата-ана немесе қорғаншы ретінде сіз туралы басқа ештеңе сақтамаймыз."},
    "ru": {"letters": "Письма, которые мы отправили вам на этот адрес и\xa0храним:",
           "answer": "«Ваш запрос №\xa0{ref}» (TIME): отправлено.",
           "requests": "Ваши запросы к\xa0нам с\xa0этого адреса:",
           "request": "запрос №\xa0{ref} (доступ к\xa0данным), получен",
           "nothing else": "Больше никаких данных о\xa0вас как о\xa0родителе или опекуне"},
}  # fmt: skip


def _row(said):
    """A letter's row as said, at whatever time it was sent (in brackets, as a time is)."""
    return re.escape(said).replace("TIME", r"[^()]+")


def asks_access(parent, desk, lang):
    """She asks by the request form, confirms by the link mailed to her; the officer answers."""
    web_request(parent, lang, "access", email=PARENT)
    parent.post(confirm_link(PARENT))
    ticket = Ticket.objects.filter(type="access", email=PARENT).latest("id")
    act(desk, ticket)
    Email.objects.update(scheduled_time=None)
    send_queued()  # the answer reaches her
    return ticket


@pytest.mark.parametrize("lang", ["kk", "ru"])
def test_a_parents_access_answer_lists_our_letters_to_her_and_her_requests(
    client, texts, application_data, privacy_officer, settings, mailoutbox, lang
):
    settings.FORM_RATE_LIMIT = "1000/60"
    child = application_data(birth_date="2012-06-02", email="aisulu@example.kz",
                             guardian_name="Гүлнар Қасымова", guardian_contact=PARENT,
                             consent_guardian="on")  # fmt: skip
    assert Client().post(f"/{lang}/apply/", child).status_code == 302
    desk = verified_login(Client(), privacy_officer)
    first = asks_access(client, desk, lang)
    second = asks_access(client, desk, lang)
    assert Ticket.objects.get(pk=second.pk).subject_id is None  # no record of her own

    answer = [m.body for m in mailoutbox if m.to == [PARENT]][-1]
    said = SAID[lang]
    assert said["letters"] in answer and re.search(
        _row(said["answer"].format(ref=first.reference)), answer
    )
    assert said["requests"] in answer
    for ticket in (first, second):
        assert said["request"].format(ref=ticket.reference) in answer
    assert answer.index(said["letters"]) < answer.index(said["nothing else"])
    assert "aisulu@example.kz" not in answer  # the child's own mail is not hers


def test_her_requests_are_hers_whatever_the_case_she_typed_her_address_in(
    client, texts, application_data, privacy_officer, settings, mailoutbox
):
    """She asked first as «Gulnar.Parent@…», then as «gulnar.parent@…»: one mailbox, which our
    letters to her are found by (the case of its letters aside, `__address`), but her requests
    were looked for by the address exactly as typed, and the second answer left the first out,
    telling her we held nothing else about her."""
    settings.FORM_RATE_LIMIT = "1000/60"
    child = application_data(birth_date="2012-06-02", email="aisulu@example.kz",
                             guardian_name="Гүлнар Қасымова", guardian_contact=PARENT,
                             consent_guardian="on")  # fmt: skip
    assert Client().post("/ru/apply/", child).status_code == 302
    desk = verified_login(Client(), privacy_officer)
    typed = "Gulnar.Parent@example.kz"
    web_request(client, "ru", "access", email=typed)
    client.post(confirm_link(typed))
    first = Ticket.objects.filter(type="access", email=typed).latest("id")
    act(desk, first)
    second = asks_access(client, desk, "ru")
    assert first.pk != second.pk

    answer = [m.body for m in mailoutbox if m.to == [PARENT]][-1]
    for ticket in (first, second):
        assert SAID["ru"]["request"].format(ref=ticket.reference) in answer
