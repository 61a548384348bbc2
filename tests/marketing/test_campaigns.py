"""Marketing mail reaches only people who said yes, and leaving takes one click."""

import re
from datetime import timedelta
from urllib.parse import unquote

import pytest
from django.test import Client
from django.utils import timezone, translation
from django.utils.translation import gettext
from post_office.models import Email

from consent.core import gate
from consent.core.ledger import consent_grant, consent_withdraw, subject_block
from consent.core.models import AuditEvent, LedgerEntry, Source, Subject
from consent.core.purposes import MARKETING, SERVICE
from consent.marketing.campaigns import (
    campaign_send,
    queue_sending,
    recipients,
    unsubscribe_token,
)
from consent.marketing.models import Campaign, CampaignRecipient
from consent.marketing.optin import marketing_confirm
from consent.rights.intake import classify, ingest
from tests.rights.conftest import message


class FakeRequest:
    META = {"REMOTE_ADDR": "127.0.0.1", "HTTP_USER_AGENT": "test"}


def confirmed(email, language="kk"):
    """A subscriber who confirmed the double opt-in."""
    subject, _ = marketing_confirm(
        {"e": email, "n": "", "l": language, "t": gate_text().pk, "ts": timezone.now().timestamp()},
        FakeRequest(),
    )  # fmt: skip
    return subject


def gate_text():
    from consent.core.texts import current_text

    return current_text(MARKETING)


@pytest.fixture
def campaign(db):
    return Campaign.objects.create(
        title="November", subject_line_kk="Жаңалықтар", body_kk="Қараша жаңалықтары",
        subject_line_ru="Новости", body_ru="Новости ноября",
    )  # fmt: skip


def test_only_people_who_said_yes_are_recipients(texts, campaign, make_subject):
    yes = confirmed("yes@example.kz")
    ru = confirmed("ru@example.kz", "ru")
    unsubscribed = confirmed("unsub@example.kz")
    consent_withdraw(unsubscribed, MARKETING, source=Source.UNSUBSCRIBE)
    blocked = confirmed("blocked@example.kz")
    subject_block(blocked, reason="complaint", source=Source.ADMIN)
    withdrew = confirmed("withdrew@example.kz")
    consent_withdraw(withdrew, MARKETING, source=Source.EMAIL_REQUEST)
    never = make_subject(email="never@example.kz")  # a service customer who never opted in
    consent_grant(never, texts[SERVICE], language="kk", source=Source.CONTACT_FORM)
    make_subject(email="nothing@example.kz")
    expired = make_subject(email="expired@example.kz")
    long_ago = timezone.now() - timedelta(days=3 * 365 + 2)
    LedgerEntry.objects.bulk_create([LedgerEntry(
        subject=expired, purpose=MARKETING, kind="grant", text=texts[MARKETING],
        source=Source.NEWSLETTER_FORM, at=long_ago, expires_at=long_ago + timedelta(days=3 * 365),
    )])  # fmt: skip

    assert set(recipients().values_list("email", flat=True)) == {"yes@example.kz", "ru@example.kz"}
    assert campaign_send(campaign) == 2
    sent_to = {tuple(e.to) for e in Email.objects.all()}
    assert sent_to == {("yes@example.kz",), ("ru@example.kz",)}
    assert CampaignRecipient.objects.filter(campaign=campaign).count() == 2
    event = AuditEvent.objects.get(action="campaign_send")
    assert event.detail == {"recipients": 2} and event.object_id == str(campaign.pk)
    for s in (unsubscribed, blocked, withdrew, never, expired):
        assert not CampaignRecipient.objects.filter(subject=s).exists()
    assert {yes.pk, ru.pk} == set(CampaignRecipient.objects.values_list("subject_id", flat=True))


def test_each_recipient_gets_their_language_with_both_headers(texts, campaign):
    confirmed("kk@example.kz")
    confirmed("ru@example.kz", "ru")
    campaign_send(campaign)
    kk = Email.objects.get(to=["kk@example.kz"])
    ru = Email.objects.get(to=["ru@example.kz"])
    assert kk.subject == "Жаңалықтар" and "Қараша жаңалықтары" in kk.message
    assert ru.subject == "Новости" and "Новости ноября" in ru.message
    for email in (kk, ru):
        assert email.headers["List-Unsubscribe-Post"] == "List-Unsubscribe=One-Click"
        assert "/unsubscribe/" in email.headers["List-Unsubscribe"]
        assert "mailto:em.alu.plus@mail.kz" in email.headers["List-Unsubscribe"]
        # a mail client's "unsubscribe" writes the policy's phrase: a typed request, same language
        mailto = re.search(r"<mailto:[^?]+\?subject=([^>]+)>", email.headers["List-Unsubscribe"])
        assert classify(unquote(mailto.group(1))) == ("unsubscribe", email.to[0][:2])
        # the policy's own route, in the mail's language only (the intake knows both)
        kazakh = "хабарламалардан бас тарту" in email.message
        russian = "специальных предложениях" in email.message
        assert (kazakh, russian) == ((True, False) if email is kk else (False, True))
        assert "/unsubscribe/" in email.html_message


def test_kazakh_goes_to_russian_readers_when_no_russian_is_written(texts):
    confirmed("ru@example.kz", "ru")
    only_kk = Campaign.objects.create(title="kk", subject_line_kk="Тақырып", body_kk="Мәтін")
    campaign_send(only_kk)
    assert Email.objects.get().subject == "Тақырып"


def test_a_campaign_is_sent_once(texts, campaign):
    confirmed("yes@example.kz")
    assert campaign_send(campaign) == 1
    assert campaign_send(campaign) is None  # already sent: nothing queued again
    assert Email.objects.count() == 1


def unsubscribe_path(subject, campaign, lang="kk"):
    return f"/{lang}/unsubscribe/{unsubscribe_token(subject.pk, campaign.pk)}/"


def test_one_click_post_works_without_session_or_csrf(texts, campaign):
    subject = confirmed("yes@example.kz")
    client = Client(enforce_csrf_checks=True)
    path = unsubscribe_path(subject, campaign)
    assert client.get(path).status_code == 200  # a link scanner's GET
    assert gate.may_process(subject, MARKETING)
    response = client.post(path, "List-Unsubscribe=One-Click",
                           content_type="application/x-www-form-urlencoded")  # fmt: skip
    # RFC 8058 section 3.2: the mail client's POST is answered, never redirected.
    assert (response.status_code, response.get("Location")) == (200, None)
    assert not gate.may_process(subject, MARKETING)
    entry = LedgerEntry.objects.filter(subject=subject).latest("id")
    assert (entry.kind, entry.source) == ("withdraw", "unsubscribe")
    client.post(path)  # a second click records nothing more
    assert LedgerEntry.objects.filter(subject=subject, kind="withdraw").count() == 1


def test_every_reader_is_told_in_their_language(texts, campaign):
    """The button on the link's page ends on the "you are unsubscribed" page (post, redirect,
    get), rendered once and kept for everyone: a Russian reader after Kazakh ones still reads
    Russian. The link opened again offered the button once more, as if the news still came."""
    headings = {}
    for lang in ("kk", "ru"):
        with translation.override(lang):
            headings[lang] = f"<h1>{gettext('You are unsubscribed')}</h1>"
    for i, lang in enumerate(["kk", "kk", "ru", "ru", "kk"]):
        path = unsubscribe_path(confirmed(f"reader{i}@example.kz", lang), campaign, lang)
        response = Client().post(path, follow=True)
        assert response.redirect_chain == [(f"/{lang}/unsubscribe/done/", 303)]
        page = response.content.decode()
        other = "ru" if lang == "kk" else "kk"
        assert headings[lang] in page and headings[other] not in page
        assert f'<html lang="{lang}"' in page
        # Opened again from the mail, it says they are unsubscribed, not «press to unsubscribe».
        again = Client().get(path, follow=True)
        assert again.redirect_chain == [(f"/{lang}/unsubscribe/done/", 302)]
        assert headings[lang] in again.content.decode()
    assert LedgerEntry.objects.filter(kind="withdraw").count() == 5


@pytest.mark.parametrize("token", ["forged", "WzEsIDFd:1abc:xyz"])
def test_a_forged_token_changes_nothing(texts, campaign, token):
    subject = confirmed("yes@example.kz")
    response = Client(enforce_csrf_checks=True).post(f"/kk/unsubscribe/{token}/")
    assert response.status_code == 400
    assert gate.may_process(subject, MARKETING)


def test_an_unsubscriber_is_left_out_of_the_next_campaign(texts, campaign):
    subject = confirmed("yes@example.kz")
    campaign_send(campaign)
    Client().post(unsubscribe_path(subject, campaign))
    second = Campaign.objects.create(title="December", subject_line_kk="Желтоқсан", body_kk="Мәтін")
    assert campaign_send(second) == 0


def mailto_subject_line(sent):
    """The subject line a mail client writes when the person presses "unsubscribe"."""
    mailto = re.search(r"<mailto:[^?]+\?subject=([^>]+)>", sent.headers["List-Unsubscribe"])
    return unquote(mailto.group(1))


@pytest.mark.parametrize(
    "lang,answer",
    [("kk", "енді біз сізге жаңалықтар мен ұсыныстар жібермейміз"),
     ("ru", "вы больше не будете получать от нас новости")],
)  # fmt: skip
def test_an_unsubscribe_by_email_takes_effect_before_the_next_send(texts, campaign, lang, answer):
    """Legal item 15: the List-Unsubscribe mailto from an address on record withdraws marketing
    at once; no confirmation link waits to be clicked."""
    subject = confirmed(f"{lang}@example.kz", lang)
    stays = confirmed("stays@example.kz")
    campaign_send(campaign)
    sent = Email.objects.get(to=[subject.email])
    ticket = ingest(
        message(mailto_subject_line(sent), sender=subject.email, message_id=f"<u-{lang}@x>")
    )

    assert set(recipients()) == {stays}
    second = Campaign.objects.create(title="December", subject_line_kk="Желтоқсан", body_kk="Мәтін")
    assert campaign_send(second) == 1
    assert not CampaignRecipient.objects.filter(campaign=second, subject=subject).exists()
    assert Email.objects.filter(to=[subject.email]).count() == 2  # the campaign, the answer
    ticket.refresh_from_db()
    assert (ticket.type, ticket.language, ticket.status) == ("unsubscribe", lang, "done")
    entry = LedgerEntry.objects.filter(subject=subject).latest("id")
    assert (entry.kind, entry.source, entry.reason) == (
        "withdraw",
        "email_request",
        ticket.reference,
    )
    reply = Email.objects.filter(to=[subject.email]).latest("id")
    assert answer in reply.message and ticket.reference in reply.message
    assert "/requests/confirm/" not in reply.message
    audit = AuditEvent.objects.filter(subject_ref=subject.pk).values_list("action", flat=True)
    assert {"request_open", "consent_withdraw", "request_close"} <= set(audit)


def test_an_unsubscribe_by_email_from_an_unknown_sender_stores_nothing_personal(texts, campaign):
    stays = confirmed("stays@example.kz")
    campaign_send(campaign)
    phrase = mailto_subject_line(Email.objects.get())
    ledger, people = LedgerEntry.objects.count(), Subject.objects.count()
    ticket = ingest(message(phrase, sender="stranger@example.kz"))
    assert ticket.subject is None and ticket.status == "unverified"
    assert (LedgerEntry.objects.count(), Subject.objects.count()) == (ledger, people)
    assert set(recipients()) == {stays}
    reply = Email.objects.get(to=["stranger@example.kz"])  # the same neutral answer as before
    assert "/requests/confirm/" not in reply.message


def test_subscribing_again_needs_a_new_double_opt_in(texts, campaign):
    from consent.marketing.optin import read_token

    old_payload = {"e": "yes@example.kz", "n": "", "l": "kk", "t": gate_text().pk,
                   "ts": timezone.now().timestamp()}  # fmt: skip
    subject, created = marketing_confirm(old_payload, FakeRequest())
    assert created
    Client().post(unsubscribe_path(subject, campaign))
    _, created = marketing_confirm(old_payload, FakeRequest())  # the old link again
    assert not created and not gate.may_process(subject, MARKETING)
    fresh = {**old_payload, "ts": timezone.now().timestamp() + 1}
    _, created = marketing_confirm(fresh, FakeRequest())
    assert created and gate.may_process(subject, MARKETING)
    assert read_token("garbage") is None


def test_marketer_sees_counts_not_addresses(marketer_client, texts, campaign):
    from tests.marketing.test_marketer_desk import send  # it imports this module

    client = marketer_client
    confirmed("yes@example.kz")
    html = client.get(f"/admin/marketing/campaign/{campaign.pk}/change/").content.decode()
    assert "yes@example.kz" not in html
    assert ">1<" in html.replace(" ", "")  # the audience count
    assert client.get("/admin/consent/subject/").status_code == 403
    send(client, campaign)
    campaign.refresh_from_db()
    assert campaign.status == "sending" and campaign.recipient_count == 0
    queue_sending()
    campaign.refresh_from_db()
    assert campaign.status == "sent" and campaign.recipient_count == 1
    html = client.get(f"/admin/marketing/campaign/{campaign.pk}/change/").content.decode()
    assert "yes@example.kz" not in html
    assert Subject.objects.count() == 1


def test_preview_and_test_send_record_no_recipient(officer_client, texts, campaign):
    confirmed("yes@example.kz")
    page = officer_client.get(f"/admin/marketing/campaign/{campaign.pk}/change/").content.decode()
    assert "Қараша жаңалықтары" in page and "Новости ноября" in page  # both previews
    officer_client.post("/admin/marketing/campaign/",
                        {"action": "send_test", "_selected_action": [campaign.pk]})  # fmt: skip
    tests = Email.objects.filter(to=["alice@example.kz"])
    # the whole copy in its language, the mark of a test too
    assert sorted(e.subject for e in tests) == ["[Сынақ] Жаңалықтар", "[Тест] Новости"]
    assert not CampaignRecipient.objects.exists()
    campaign.refresh_from_db()
    assert campaign.status == "draft"
