"""A correction that changes the person's email address: the answer goes to the new address,
and the old one is told the address on record changed (closing.tell_old_address), so that a
person whose mailbox was taken over, or in whose name the change was asked, learns of it."""

import re

import pytest
from post_office.models import Email

from consent.rights.answers import ticket_correct

from .test_destroy import verified_request

TOLD = {  # (subject line, a sentence of the body), in the person's language
    "kk": ("Деректеріңіздегі электрондық пошта мекенжайы өзгертілді", "атыңыздан"),
    "ru": ("Адрес электронной почты в\xa0ваших данных изменён", "от вашего имени"),
}


@pytest.mark.parametrize("lang", TOLD)
def test_the_old_address_is_told_in_the_persons_language(texts, make_subject, officer, lang):
    ann = make_subject(email="ann-old@example.kz", language=lang)
    ticket = verified_request(ann, "correct")  # asked in Kazakh, whatever her language
    ticket_correct(ticket, changes={"email": "ann@example.kz"}, document="letter", actor=officer)
    told = Email.objects.filter(to="ann-old@example.kz").latest("id")
    subject_line, sentence = TOLD[lang]
    assert told.subject == subject_line
    for body in (told.message, told.html_message):
        assert sentence in body and ticket.reference in body
        assert "ann@example.kz" not in body  # the new address is not given away
    assert Email.objects.filter(to="ann@example.kz").count() == 1  # the answer


def test_a_correction_that_keeps_the_address_tells_no_one_else(texts, make_subject, officer):
    ann = make_subject(email="ann@example.kz", language="ru")
    ticket_correct(verified_request(ann, "correct"), changes={"full_name": "Анна Смирнова"},
                   document="letter", actor=officer)  # fmt: skip
    assert Email.objects.filter(to="ann@example.kz").count() == 3  # link, receipt, answer


@pytest.mark.parametrize("lang", ["kk", "ru"])
def test_news_queued_before_her_address_was_corrected_goes_to_the_new_one(
    client, privacy_officer_client, person, lang
):
    """The November news was queued to Asel (who consents to it) at asel@example.kz; before
    the sender reached her mail, she had the desk correct her address: the old mailbox is no
    longer hers. Her November mail was deleted unsent and the campaign's record, her page and
    her access export said «not sent: no longer permitted», though she still consents, and
    December went to the new address. It goes to the new address, with its own way out."""
    from django.core import mail
    from django.test import Client

    from consent.core import gate
    from consent.core.delivery import send_queued
    from consent.core.models import Subject
    from consent.core.purposes import MARKETING
    from consent.marketing.campaigns import campaign_send
    from consent.marketing.models import Campaign, CampaignRecipient
    from consent.rights.export import export_data

    from .conftest import act, confirm, web_request
    from .test_corrections import panel_as_shown

    Subject.objects.filter(pk=person.pk).update(language=lang)
    november = Campaign.objects.create(
        title="November", subject_line_kk="Жаңалықтар", body_kk="Қараша жаңалықтары",
        subject_line_ru="Новости", body_ru="Новости ноября",
    )  # fmt: skip
    assert campaign_send(november) == 1
    web_request(client, lang, "correct", message="Менің жаңа поштам: asel.new@example.kz")
    ticket = confirm(client, lang)
    shown = panel_as_shown(privacy_officer_client, ticket)
    act(privacy_officer_client, ticket, **{**shown, "email": "asel.new@example.kz"},
        document="Өтініш, 01.12.2026")  # fmt: skip
    person.refresh_from_db()
    assert person.email == "asel.new@example.kz"
    mail.outbox.clear()

    send_queued()

    news = {"kk": "Жаңалықтар", "ru": "Новости"}[lang]
    assert [m.to for m in mail.outbox if m.subject == news] == [["asel.new@example.kz"]]
    row = CampaignRecipient.objects.get(subject=person)
    assert row.withheld_at is None
    entry = export_data(person, lang)
    assert [c["withheld_at"] for c in entry["campaigns"]] == [None]
    assert news in {m["email_subject"] for m in entry["emails"]}
    # Its link still takes her out of the news.
    body = next(m.body for m in mail.outbox if m.subject == news)
    path = re.search(rf"https?://[^/\s]+(/{lang}/unsubscribe/\S+/)", body).group(1)
    assert Client().post(path).status_code == 303
    assert not gate.may_process(Subject.objects.get(pk=person.pk), MARKETING)


@pytest.mark.parametrize("lang", TOLD)
@pytest.mark.parametrize("spelt", ["Ann@example.kz", "ANN@example.kz"])
def test_a_new_spelling_of_the_same_mailbox_tells_no_old_address(
    texts, make_subject, officer, lang, spelt
):
    """Ann asks that her address be written as she writes it: the same mailbox by the one rule
    every place compares addresses by (core.subjects.address_lookup_key), so no «your address has
    changed» goes to it as if someone had taken her mailbox over."""
    ann = make_subject(email="ann@example.kz", language=lang)
    ticket_correct(verified_request(ann, "correct"), changes={"email": spelt}, document="letter",
                   actor=officer)  # fmt: skip
    ann.refresh_from_db()
    assert ann.email == spelt
    assert not Email.objects.filter(subject=TOLD[lang][0]).exists()
