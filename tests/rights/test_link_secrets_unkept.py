"""An emailed link is kept without its secret wherever it is kept. Pasted in what a person
writes to us: a request written after their page closed, kept a day for their next page in the
same browser (selfservice.kept_new), and a message sent with the contact form (kept with the
person's record). And our own mail in the outbox, once it is sent (core.delivery). Only a
request sent was kept so (tickets.ticket_create): the day's draft kept the link that, in the
same browser, still opened the person's page (on a shared computer, for anyone who sat down at
it); a confirmation link pasted into the contact form still confirmed the request for a week;
the outbox kept every link it sent whole, for as long as the row (link_secrets.redact)."""

import re

import pytest
from django.contrib.sessions.models import Session
from django.core import mail
from django.test import Client
from post_office.models import STATUS, Email

from consent.core.delivery import send_queued
from consent.core.models import Submission
from consent.marketing.campaigns import campaign_send
from consent.marketing.models import Campaign
from consent.rights.models import KeptRequest, Ticket
from tests.marketing.test_campaigns import confirmed
from tests.site.language import counted
from tests.staff import verified_login

from .test_resend import told
from .test_selfservice import ask_link, link_path, open_page
from .test_selfservice_once import request_form_data
from .test_selfservice_typed import request_form


def link_mailed(client, lang):
    """The whole link of the person's page, as the last mail gave it, and its secret."""
    open_page(client, lang)
    path = link_path()
    return f"https://emaluplus-vko.kz{path}", re.search(r"/my-data/open/([^/]+)/", path)[1]


def kept_anywhere(secret):
    sessions = "".join(s.get_decoded().__repr__() for s in Session.objects.all())
    drafts = "".join(KeptRequest.objects.values_list("message", flat=True))
    return secret in sessions or secret in drafts


@pytest.mark.parametrize("lang", ["kk", "ru"])
def test_a_request_kept_for_the_next_page_keeps_no_link_secret(client, person, lang, time_machine):
    time_machine.move_to("2027-03-01 10:00+05:00", tick=False)
    link, secret = link_mailed(client, lang)
    written = f"Сілтеме {link} бір рет қана ашылды.\nТегім қате жазылған."
    data = {**request_form_data(client, lang), "message": written}
    time_machine.move_to("2027-03-01 11:01+05:00", tick=False)

    client.post(f"/{lang}/my-data/request/", data)

    assert "/my-data/open/[token]/ бір рет" in KeptRequest.objects.get().message
    assert not kept_anywhere(secret) and not Ticket.objects.exists()
    open_page(client, lang)  # the next page, a new link, the same browser
    _kind, message = request_form(client.get(f"/{lang}/my-data/").content.decode())
    assert "/my-data/open/[token]/" in message and "Тегім қате жазылған." in message
    assert secret not in message


@pytest.mark.parametrize("lang", ["kk", "ru"])
def test_a_link_pasted_in_the_contact_form_is_kept_without_its_secret(
    client, person, contact_data, lang
):
    link, secret = link_mailed(client, lang)
    client.post("/kk/my-data/leave/")
    message = f"Менің сілтемем: {link} — ол жұмыс істемейді."
    assert client.post(f"/{lang}/contact/", contact_data(message=message)).status_code == 302
    kept = Submission.objects.get().data["message"]
    assert kept.startswith("Менің сілтемем: https://emaluplus-vko.kz/")
    assert kept.endswith("/my-data/open/[token]/ — ол жұмыс істемейді.")
    assert secret not in str(Submission.objects.values_list("data", flat=True)[0])


def stored(email):
    """Every column of the outbox's row that holds what was sent."""
    email.refresh_from_db()
    return f"{email.message}{email.html_message}{email.headers}"


@pytest.mark.parametrize("lang", ["kk", "ru"])
def test_a_mail_sent_leaves_the_outbox_without_the_secret_of_its_link(client, person, lang):
    """The person's mailbox has the link whole, and it opens their page; the outbox's copy,
    which staff read and backups keep, has «[token]» in its place. Before it is sent (or while
    it is retried) the link is whole: it is what will be sent."""
    ask_link(client, lang)
    queued = Email.objects.latest("id")
    path = link_path()
    secret = re.search(r"/my-data/open/([^/]+)/", path)[1]
    assert secret in stored(queued)

    send_queued()

    (delivered,) = mail.outbox
    assert path in delivered.body and path in delivered.alternatives[0].content
    assert secret not in stored(queued) and queued.status == STATUS.sent
    assert f"/{lang}/my-data/open/[token]/" in queued.message
    assert f"/{lang}/my-data/open/[token]/" in queued.html_message
    assert Client().post(path).status_code == 302  # the link delivered still opens the page


def test_a_campaign_sent_keeps_no_unsubscribe_secret_in_the_outbox(texts):
    """The one-click unsubscribe of a campaign (its text and List-Unsubscribe) acts for a year."""
    subscriber = confirmed("news@example.kz", "ru")
    campaign = Campaign.objects.create(
        title="November", subject_line_kk="Жаңалықтар", body_kk="Қараша жаңалықтары",
        subject_line_ru="Новости", body_ru="Новости ноября",
    )  # fmt: skip
    assert campaign_send(campaign) == 1
    mail.outbox.clear()

    send_queued()

    (delivered,) = mail.outbox
    url = re.search(
        r"<(https?://\S+/unsubscribe/([^/]+)/)>", delivered.extra_headers["List-Unsubscribe"]
    )
    secret = url[2]
    assert url[1] in delivered.body
    sent = Email.objects.get(to=[subscriber.email], status=STATUS.sent)
    assert secret not in stored(sent)
    assert "/unsubscribe/[token]/" in sent.headers["List-Unsubscribe"]


def test_a_mail_sent_without_its_secrets_is_not_sent_again_from_the_outbox(officer, person):
    """Sent again, its links would not work (a campaign's unsubscribe among them): the outbox's
    Resend and Requeue say so, in the staff member's language, and leave it sent."""
    ask_link(Client(), "ru")
    send_queued()
    sent = Email.objects.get(status=STATUS.sent)
    outbox = verified_login(Client(), officer)
    outbox.cookies["django_language"] = "ru"

    page = outbox.post(f"/admin/post_office/email/{sent.pk}/resend/", follow=True)
    assert told(page) == [
        "Это письмо не отправляется повторно: после отправки из его ссылок удалена секретная "
        "часть, и\xa0они больше не работают."
    ]
    action = {"action": "requeue", "_selected_action": [sent.pk]}
    page = outbox.post("/admin/post_office/email/", action, follow=True)
    assert counted("1 письмо не поставлено в\xa0очередь: после отправки") in told(page)[0]
    sent.refresh_from_db()
    assert sent.status == STATUS.sent


@pytest.mark.parametrize("lang", ["kk", "ru"])
def test_a_link_shown_as_text_leaves_the_outbox_without_any_piece_of_its_secret(
    client, texts, make_subject, contact_data, lang
):
    """A mail that shows its link as text (a form's held consent, confirmed by the link) keeps
    it whole for the reader, its hyphens held on one line or not; the outbox's copy has
    «[token]» in its place with nothing of the secret after it and its markup whole. A hyphen of
    the secret held in a span of its own had cut the secret in two: «[token]» written over the
    first piece and the span's tag, the rest of the secret kept."""
    from tests.forms.held import link_in, withdrew_service

    withdrew_service(texts, make_subject, language=lang)
    client.post(f"/{lang}/contact/", contact_data())
    queued = Email.objects.filter(message__contains="/consent/confirm/").latest("id")
    path = link_in(queued)
    secret = re.search(r"/consent/confirm/([^/]+)/", path)[1]
    assert path in queued.html_message.replace("&#x27;", "'")  # shown whole, as text too

    send_queued()

    queued.refresh_from_db()
    pieces = [piece for piece in re.split(r"[-_:]", secret) if len(piece) >= 4]
    assert pieces and not [piece for piece in pieces if piece in stored(queued)]
    assert queued.html_message.count("/consent/confirm/[token]/") == 2  # the href and the text
    assert queued.html_message.count("<span") == queued.html_message.count("</span>")
