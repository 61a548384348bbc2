"""What an unsubscribe stops, when the desk carries it out (compliance L15). An unsubscribe
reopened on the desk (its answer never came, or it was closed by mistake) is what the person's
confirmation does, the news stopped and the person told so in their language, with the
officer's words; never refused, as a withdrawal of the news is not (Ticket.refusable). «Carry
out» closed it with the bare «has been carried out» of any request, and «refuse with reasons»
was offered. News subscribed to again since the confirmation are the person's newer choice:
they stand, and the letter says so and how to stop them (the desk stopped them too, an
unsubscribe nobody asked for). A withdrawal alike: tests/rights/test_given_again.py."""

import pytest

from consent.core import gate
from consent.core.ledger import consent_grant
from consent.core.models import LedgerEntry, Source
from consent.core.purposes import MARKETING, SERVICE
from consent.rights.models import Ticket

from .conftest import act, confirm, mails_to, web_request

Status = Ticket.Status
# The officer's words, and what the letter says of the news, in the person's language.
WORDS = {"kk": "Алдыңғы хатымыз сізге жетпеді.", "ru": "Наше прошлое письмо до вас не дошло."}
STOPPED = {"kk": "енді біз сізге жаңалықтар мен ұсыныстар жібермейміз",
           "ru": "вы больше не будете получать от нас новости"}  # fmt: skip
STANDS = {"kk": "өтінішіңізден кейін қайта жазылдыңыз",
          "ru": "снова подписались на наши новости и предложения"}  # fmt: skip
HEADING = {"kk": "Өтінішіңізді қараған қызметкердің түсініктемесі:",
           "ru": "Комментарий сотрудника, рассмотревшего ваш запрос:"}  # fmt: skip


@pytest.fixture
def reopened(client, desk, person, texts):
    """Әсел unsubscribes by the form and confirms (done by itself); she subscribes again later
    (`again`), or not; an officer reopens the unsubscribe: its answer, she says, never came."""

    def make(lang, again=False):
        web_request(client, lang, "unsubscribe")
        ticket = confirm(client, lang)
        assert ticket.status == Status.DONE and not gate.may_process(person, MARKETING)
        if again:
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
def test_a_reopened_unsubscribe_carried_out_leaves_the_news_subscribed_to_again_and_says_so(
    desk, person, reopened, lang
):
    ticket = reopened(lang, again=True)
    grant = LedgerEntry.objects.filter(subject=person, purpose=MARKETING).latest("id")
    sent = len(mails_to(person.email))

    act(desk, ticket, reason=WORDS[lang])

    ticket.refresh_from_db()
    assert ticket.status == Status.DONE
    assert gate.may_process(person, MARKETING) and gate.may_process(person, SERVICE)
    assert not LedgerEntry.objects.filter(subject=person, kind="withdraw", id__gt=grant.id)
    [answer] = mails_to(person.email)[sent:]
    for text in (answer.message, answer.html_message):
        text = text.replace("\N{NO-BREAK SPACE}", " ")
        assert STANDS[lang] in text and STOPPED[lang] not in text and WORDS[lang] in text
