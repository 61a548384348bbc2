"""A withdrawal of a consent no service needs (the news, the processing abroad) is not the
desk's to refuse (Art. 8(2) keeps only a consent an unfulfilled obligation or a law needs;
compliance L14). The gate closed for it when the person confirmed, and their own page withdraws
it at once: the panel offered «refuse with reasons», and its letter told the person «we cannot
carry out your withdrawal» while the news had stopped."""

import pytest

from consent.core import gate
from consent.core.purposes import MARKETING, SERVICE
from consent.rights.models import Ticket
from tests.rights.conftest import act, confirm, mails_to, web_request

REASONS = {"kk": "Келісім шарт әлі орындалмаған", "ru": "Договор ещё не исполнен"}
# What the panel says in place of the refusal, in the officer's language.
CANNOT = {
    "kk": "Келісімді кері қайтарып алу туралы бұл өтінішті қанағаттандырудан бас тартуға болмайды",
    "ru": "В\u00a0отзыве этого согласия отказать нельзя",
}


@pytest.mark.parametrize("lang", ["kk", "ru"])
def test_a_withdrawal_of_the_news_is_carried_out_never_refused(client, desk, person, lang):
    web_request(client, lang, "withdraw", purpose=MARKETING)
    ticket = confirm(client, lang)
    desk.cookies["django_language"] = lang
    page = desk.get(f"/admin/rights/ticket/{ticket.pk}/change/").content.decode()
    assert 'value="do"' in page and 'value="refuse"' not in page and CANNOT[lang] in page
    mails = len(mails_to(person.email))

    refused = act(desk, ticket, "refuse", reason=REASONS[lang])

    ticket.refresh_from_db()
    assert ticket.status == Ticket.Status.OPEN and len(mails_to(person.email)) == mails
    assert not gate.may_process(person, MARKETING) and gate.may_process(person, SERVICE)
    # Said on the request's page, what was typed shown again.
    shown = refused.content.decode()
    assert refused.status_code == 200 and REASONS[lang] in shown
    assert refused.context["desk_form"].errors
