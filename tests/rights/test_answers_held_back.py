"""An answer at once that the address's hourly limit of notes held back (core.mail.NOTES), as the
desk reads it: anyone can spend a stranger's budget with ten contact forms in their name, and
then the desk said of a forwarded letter «its sender was told it was received», of a letter
about the visit statistics «the sender was answered at once», and of an unsubscribe carried out
as it arrived «request answered», while no letter had gone. Now each request records it, and the
desk says what went out."""

import pytest
from post_office.models import Email

from consent.core.models import AuditEvent
from consent.rights.intake import ingest
from consent.rights.models import Ticket

from .conftest import mails_to, message
from .test_held_back_links import contact_forms

BODY = "Пересылаю письмо клиента.\n\nОтзываю согласие, удалите мои данные. Әсел Қасымова"
RECEIPT_UNSENT = {"kk": "хаттың алынғаны туралы хабар да жіберілмеді",
                  "ru": "не отправлено даже уведомление о получении"}  # fmt: skip
RECEIPT_SENT = {"kk": "жіберушіге тек хаттың келіп түскені хабарланды",
                "ru": "отправителю сообщили только, что письмо получено"}  # fmt: skip
ANSWER_UNSENT = {"kk": "жіберушіге жауап берілмеді", "ru": "отправителю не ответили"}
ANSWER_SENT = {"kk": "жіберушіге бірден өз тілінде жауап берілді",
               "ru": "отправителю сразу ответили на его языке"}  # fmt: skip
HELD_BACK = {"kk": "жауап хатын мекенжайдың сағаттық хат шегі тоқтатты",
             "ru": "ответ задержан часовым лимитом писем на адрес"}  # fmt: skip


@pytest.fixture
def many_forms(settings):
    settings.FORM_RATE_LIMIT = "1000/60"  # the per-connection limit is not what is tested


def _page(desk, ticket, lang):
    desk.cookies["django_language"] = lang
    html = desk.get(f"/admin/rights/ticket/{ticket.pk}/change/").content.decode()
    return html.replace("\xa0", " ").lower()


@pytest.mark.parametrize("lang", ["kk", "ru"])
def test_a_forwarded_letters_receipt_held_back_is_not_said_to_have_gone(
    client, texts, many_forms, desk, lang
):
    contact_forms(client, 10, "manager@partner.kz")  # the address's notes for the hour
    ticket = ingest(message("Письмо клиента", sender="manager@partner.kz", body=BODY))
    assert ticket.limits == {"forwarded": True, "untold": True}
    assert len(mails_to("manager@partner.kz")) == 10  # no receipt beyond the limit
    page = _page(desk, ticket, lang)
    assert RECEIPT_UNSENT[lang] in page and RECEIPT_SENT[lang] not in page


@pytest.mark.parametrize("lang", ["kk", "ru"])
def test_an_analytics_letters_answer_held_back_is_not_said_to_have_gone(
    client, person, many_forms, desk, lang
):
    contact_forms(client, 10)
    ticket = ingest(message("Отзыв согласия на аналитику", body="Отключите Яндекс Метрику."))
    assert ticket.limits == {"analytics": True, "untold": True}
    assert not Email.objects.filter(subject__icontains="статистик").exists()
    page = _page(desk, ticket, lang)
    assert ANSWER_UNSENT[lang] in page and ANSWER_SENT[lang] not in page


def test_a_receipt_within_the_limit_goes_and_the_record_says_nothing_more(texts):
    ticket = ingest(message("Письмо клиента", sender="manager@partner.kz", body=BODY))
    assert ticket.limits == {"forwarded": True}
    assert len(mails_to("manager@partner.kz")) == 1


@pytest.mark.parametrize("lang", ["kk", "ru"])
def test_an_unsubscribe_whose_answer_was_held_back_is_not_recorded_as_answered(
    client, person, many_forms, desk, lang
):
    contact_forms(client, 10)
    ticket = ingest(message("Отказ от рассылки"))
    assert ticket.status == Ticket.Status.DONE  # stopped as it arrived (compliance L15)
    assert len(mails_to("asel@example.kz")) == 10  # its answer beyond the limit
    row = AuditEvent.objects.get(action=AuditEvent.Action.REQUEST_CLOSE, object_id=str(ticket.pk))
    assert row.detail == {"status": "done", "held_back": True}
    desk.cookies["django_language"] = lang
    history = desk.get(f"/admin/rights/ticket/{ticket.pk}/history/", follow=True)
    assert row in history.context["cl"].result_list
    shown = desk.get(f"/admin/consent/auditevent/{row.pk}/change/").content.decode()
    assert HELD_BACK[lang] in shown.replace("\xa0", " ").lower()
