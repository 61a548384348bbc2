"""«Requires consent again» on a consent text said earlier consents stop counting once the text
is published. A text published with a policy version dated later waits for that date, and so
do the consents it ends (gate.texts_asking_again): the editor who read the help expected them
gone the moment she pressed «publish»."""

import pytest

from consent.core import gate
from consent.core.ledger import consent_grant
from consent.core.models import Source
from consent.core.purposes import MARKETING
from consent.core.texts import policy_publish

from .test_policy_v2 import v2  # noqa: F401 (a fixture)

TAKES_EFFECT = {
    "kk": "ол жарияланып, саясат нұсқасының күшіне ену күні келгенде",
    "ru": "когда она опубликована и\xa0наступила дата вступления в\xa0силу её версии политики",
}


@pytest.mark.parametrize("lang", ["kk", "ru"])
def test_the_help_says_earlier_consents_stop_when_the_text_takes_effect(
    v2,  # noqa: F811
    texts,
    make_subject,
    officer_client,
    time_machine,
    lang,
):
    time_machine.move_to("2026-12-01 12:00+05:00")
    person = make_subject()
    consent_grant(person, texts[MARKETING], language="kk", source=Source.NEWSLETTER_FORM)
    officer_client.cookies["django_language"] = lang
    page = officer_client.get("/admin/consent/consenttext/add/").content.decode()
    assert TAKES_EFFECT[lang] in page
    # What it says: published on the 9th, version 2 takes effect on the 10th in Almaty.
    time_machine.move_to("2026-12-09 12:00+05:00")
    policy_publish(v2, reconsent=[MARKETING])
    assert gate.may_process(person, MARKETING)
    time_machine.move_to("2026-12-10 00:30+05:00")
    assert not gate.may_process(person, MARKETING)
