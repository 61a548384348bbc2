"""A held consent's link (a form sent under the address of someone who had withdrawn) pressed
after a new policy version asked for that consent again: the consent it would record, to the
text the form showed, no longer counts, so it records nothing and says to send the form again,
where it said «consent confirmed» and the form waited for an answer that never came
(compliance L25)."""

from datetime import date

import pytest
from django.utils import translation
from post_office.models import Email

from consent.core import gate
from consent.core.models import Held, LedgerEntry, PolicyVersion, Submission
from consent.core.purposes import SERVICE
from consent.core.texts import policy_publish
from tests.forms.held import link_in, withdrew_service

REPLACED = (
    "The consent text changed after the form was sent, and we ask for consent again: nothing "
    "has been recorded. Send the form again to read the new text, if you still want an answer."
)


@pytest.mark.parametrize("lang", ["kk", "ru"])
def test_a_held_consent_pressed_after_its_text_was_replaced_records_nothing(
    client, texts, make_subject, contact_data, settings, time_machine, lang
):
    asel = withdrew_service(texts, make_subject)
    asel.language = lang
    asel.save()
    time_machine.move_to("2026-12-07 10:00+05:00", tick=False)
    assert client.post(f"/{lang}/contact/", contact_data()).status_code == 302
    path = link_in(Email.objects.get(to=["asel@example.kz"]))
    settings.OPERATOR = {
        **settings.OPERATOR,
        "address_kk": "Өскемен",
        "address_ru": "Усть-Каменогорск",
    }
    v2 = PolicyVersion.objects.get(number=2)
    v2.effective_date = date(2026, 12, 10)
    v2.save()
    policy_publish(v2, reconsent=[SERVICE])
    time_machine.move_to("2026-12-11 09:00+05:00", tick=False)
    before = LedgerEntry.objects.filter(subject=asel).count()
    for response in (client.get(path), client.post(path)):
        assert response.status_code == 200
        with translation.override(lang):
            assert translation.gettext(REPLACED) in response.text
            assert translation.gettext("Consent confirmed") not in response.text
    assert LedgerEntry.objects.filter(subject=asel).count() == before
    assert not gate.may_process(asel, SERVICE)
    assert Submission.objects.get(subject=asel).consent_held == Held.WITHDRAWN
