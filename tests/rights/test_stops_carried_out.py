"""What a withdrawal or an unsubscribe stops, when the desk carries it out (compliance L14,
L15). An unsubscribe reopened on the desk (its answer never came, or it was closed by mistake)
is what the person's confirmation does, the news stopped and the person told so in their
language, with the officer's words; never refused, as a withdrawal of the news is not
(Ticket.refusable). «Carry out» closed it with the bare «has been carried out» of any request
and left the news as it stood, and «refuse with reasons» was offered. A withdrawal carried out
said «withdrawn, no longer processed for it» of a consent given again since its confirmation,
which went on: what the letter says is stopped is stopped when it is sent."""

import pytest

from consent.core import gate
from consent.core.ledger import consent_grant
from consent.core.models import Source
from consent.core.purposes import MARKETING, SERVICE
from consent.rights.models import Ticket

from .conftest import act, confirm, mails_to, web_request

Status = Ticket.Status
# The officer's words, and what the letter says of the news, in the person's language.
WORDS = {"kk": "Алдыңғы хатымыз сізге жетпеді.", "ru": "Наше прошлое письмо до вас не дошло."}
STOPPED = {"kk": "енді біз сізге жаңалықтар мен ұсыныстар жібермейміз",
           "ru": "вы больше не будете получать от нас новости"}  # fmt: skip
WITHDRAWN = {
    "kk": "келісіміңіз кері қайтарып алынды, біз деректеріңізді бұл мақсатта енді",
    "ru": "отозвано, и мы больше не обрабатываем ваши данные для неё",
}
HEADING = {"kk": "Өтінішіңізді қараған қызметкердің түсініктемесі:",
           "ru": "Комментарий сотрудника, рассмотревшего ваш запрос:"}  # fmt: skip


@pytest.fixture
def reopened(client, desk, person, texts):
    """Әсел unsubscribes by the form and confirms (done by itself); she subscribes again later;
    an officer reopens the unsubscribe: its answer, she says, never came."""

    def make(lang):
        web_request(client, lang, "unsubscribe")
        ticket = confirm(client, lang)
        assert ticket.status == Status.DONE and not gate.may_process(person, MARKETING)
        consent_grant(person, texts[MARKETING], language=lang, source=Source.NEWSLETTER_FORM)
        desk.post(f"/admin/rights/ticket/{ticket.pk}/reopen/", {"reason": "Хат жетпеді"})
        ticket.refresh_from_db()
        assert ticket.status == Status.OPEN
        return ticket

    return make


@pytest.mark.parametrize("lang", ["kk", "ru"])
def test_a_reopened_unsubscribe_carried_out_stops_the_news_and_says_so(
    desk, person, reopened, lang
):
    ticket = reopened(lang)
    page = desk.get(f"/admin/rights/ticket/{ticket.pk}/change/").content.decode()
    assert 'value="do"' in page and 'value="refuse"' not in page
    sent = len(mails_to(person.email))

    act(desk, ticket, reason=WORDS[lang])

    ticket.refresh_from_db()
    assert ticket.status == Status.DONE
    assert not gate.may_process(person, MARKETING) and gate.may_process(person, SERVICE)
    [answer] = mails_to(person.email)[sent:]
    for text in (answer.message, answer.html_message):
        text = text.replace("\N{NO-BREAK SPACE}", " ")  # the text's and the HTML's alike
        assert STOPPED[lang] in text and HEADING[lang] in text and WORDS[lang] in text


@pytest.mark.parametrize("lang", ["kk", "ru"])
def test_a_reopened_unsubscribe_is_not_refused(desk, person, reopened, lang):
    ticket = reopened(lang)
    sent = len(mails_to(person.email))

    refused = act(desk, ticket, "refuse", reason=WORDS[lang])

    ticket.refresh_from_db()
    assert ticket.status == Status.OPEN and len(mails_to(person.email)) == sent
    assert refused.status_code == 200 and refused.context["desk_form"].errors


@pytest.mark.parametrize("lang", ["kk", "ru"])
def test_a_withdrawal_carried_out_stops_what_was_given_again_since(
    client, desk, person, texts, lang
):
    web_request(client, lang, "withdraw", purpose=MARKETING)
    ticket = confirm(client, lang)
    assert not gate.may_process(person, MARKETING)
    consent_grant(person, texts[MARKETING], language=lang, source=Source.NEWSLETTER_FORM)
    sent = len(mails_to(person.email))

    act(desk, ticket)

    ticket.refresh_from_db()
    assert ticket.status == Status.DONE
    assert not gate.may_process(person, MARKETING) and gate.may_process(person, SERVICE)
    [answer] = mails_to(person.email)[sent:]
    assert WITHDRAWN[lang] in answer.message.replace("\N{NO-BREAK SPACE}", " ")
