"""A policy version that asks for consent again (compliance L25; the gate's rule 3). From its
publication the earlier grants of the purpose no longer count: nothing is processed under them.
The nightly retention then destroyed, the very next night, every person whose only consent was
such a grant, a customer base gone overnight, unannounced, for a new text nobody had yet had a
chance to agree to. Their data now stays, processed for nothing, listed for the officers, until
the person agrees to the new text (their consent stands again) or until the term of the consent
they gave runs out (then it is destroyed, as any consent past its term)."""

from datetime import date, timedelta

from consent.core import gate
from consent.core.ledger import consent_grant
from consent.core.models import PolicyVersion, Source, Subject
from consent.core.purposes import SERVICE
from consent.core.texts import current_text, policy_publish
from consent.rights.retention import enforce_retention
from tests.core.test_policy_v2 import operator


def test_a_consent_asked_again_is_not_a_reason_to_destroy_overnight(
    texts, make_subject, settings, time_machine
):
    settings.OPERATOR = operator(settings)
    time_machine.move_to("2026-11-30 12:00+05:00", tick=False)
    asel, bota = make_subject(), make_subject()
    for person in (asel, bota):
        consent_grant(person, texts[SERVICE], language="kk", source=Source.CONTACT_FORM)
    v2 = PolicyVersion.objects.get(number=2)
    v2.effective_date = date(2026, 12, 10)
    v2.save()
    time_machine.move_to("2026-12-01 12:00+05:00", tick=False)
    policy_publish(v2, reconsent=[SERVICE])
    assert not gate.may_process(asel, SERVICE)  # nothing is processed under version 1 now
    consent_grant(bota, current_text(SERVICE), language="kk", source=Source.SELF_SERVICE)

    time_machine.move_to("2026-12-02 03:00+05:00", tick=False)
    plan = enforce_retention()
    assert Subject.objects.filter(pk=asel.pk).exists()
    assert (asel.pk, "consent asked again: kept until the person consents or its term ends") in (
        plan["review"]
    )
    assert bota.pk not in {subject_id for subject_id, _reason in plan["review"]}

    # The term of the consent she gave (three years) runs out: it expires, and with no consent
    # standing she is destroyed, as anyone past their term.
    time_machine.move_to(asel.ledgerentry_set.get().expires_at + timedelta(hours=1), tick=False)
    enforce_retention()
    assert not Subject.objects.filter(pk=asel.pk).exists()
    assert Subject.objects.filter(pk=bota.pk).exists()
