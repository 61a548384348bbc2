"""A policy version that asks for consent again (compliance L25; the gate's rule 3). From its
publication the earlier grants of the purpose no longer count: nothing is processed under them.
The nightly retention then destroyed, the very next night, every person whose only consent was
such a grant, a customer base gone overnight, unannounced, for a new text nobody had yet had a
chance to agree to. Their data now stays, processed for nothing, listed for the officers, until
the person agrees to the new text (their consent stands again) or until the term of the consent
they gave runs out (then it is destroyed, as any consent past its term)."""

from datetime import date, timedelta

import pytest
from post_office.models import Email

from consent.core import gate
from consent.core.ledger import consent_grant
from consent.core.models import PolicyVersion, Source, StaffProfile, Subject
from consent.core.purposes import SERVICE
from consent.core.texts import current_text, policy_publish
from consent.rights.digest import digest
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
    v2.effective_date = date(2026, 12, 1)  # in effect from its publication
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


def consented_then_asked_again(texts, make_subject, settings, time_machine):
    """Someone who gave the service consent on 30 November, asked for it again by version 2 of
    the policy on 1 December (12:00 Almaty)."""
    settings.OPERATOR = operator(settings)
    time_machine.move_to("2026-11-30 12:00+05:00", tick=False)
    person = make_subject(language="ru")
    consent_grant(person, texts[SERVICE], language="ru", source=Source.CONTACT_FORM)
    time_machine.move_to("2026-12-01 12:00+05:00", tick=False)
    v2 = PolicyVersion.objects.get(number=2)
    v2.effective_date = date(2026, 12, 1)  # in effect from its publication
    v2.save()
    policy_publish(v2, reconsent=[SERVICE])
    return person


ENDS = {
    "kk": "шешім қабылдау мерзімі\xa0— 2029\xa0жылғы\xa030\xa0қараша: сол күні адамның күшінде",
    "ru": "решить нужно до 30\xa0ноября\xa02029\xa0г.: в\xa0этот день истечёт срок последнего",
}


@pytest.mark.parametrize("lang", ["kk", "ru"])
def test_the_digest_says_on_which_day_a_consent_asked_again_ends(
    texts, make_subject, settings, time_machine, privacy_officer, lang
):
    """The officers' digest listed her every day as «consent asked again: kept until the person
    consents or its term ends», and not when that term ends: the day her data goes, three
    years after she consented on 30 November 2026, unless she consents to the new text."""
    consented_then_asked_again(texts, make_subject, settings, time_machine)
    StaffProfile.objects.update_or_create(user=privacy_officer, defaults={"language": lang})
    time_machine.move_to("2026-12-02 09:00+05:00", tick=False)
    Email.objects.all().delete()
    digest(date(2026, 12, 2))
    (sent,) = Email.objects.filter(to=[privacy_officer.email])
    assert ENDS[lang] in sent.message


def test_the_access_answer_says_that_consent_was_asked_again(
    texts, make_subject, settings, time_machine, tmp_path
):
    """The person asking what is held about them read «consent given», its term three years
    away, and «processed now: no» with no reason: nothing said that a new text had asked for
    their consent again and that nothing is processed under the one they gave. The answer now
    says so, when, in their language, in the JSON and the PDF, as the evidence does."""
    import json
    import subprocess

    from consent.rights.export import export_json
    from consent.rights.readable import export_pdf

    asel = consented_then_asked_again(texts, make_subject, settings, time_machine)
    time_machine.move_to("2026-12-02 09:00+05:00", tick=False)

    data = json.loads(export_json(asel, "ru"))
    (service,) = [p for p in data["purposes"] if p["code"] == SERVICE]
    assert service["consent"] == "требуется повторное согласие"
    assert service["consent_asked_again"] == "2026-12-01T12:00:00+05:00"
    assert service["processed_now"] is False
    (grant,) = data["consent_history"]
    assert grant["consent_asked_again"] == "2026-12-01T12:00:00+05:00"
    assert data["labels"]["purposes"]["consent_asked_again"] == "согласие запрошено заново"

    (tmp_path / "export.pdf").write_bytes(export_pdf(asel, "kk"))
    out = subprocess.run(["pdftotext", tmp_path / "export.pdf", "-"],
                         capture_output=True, text=True, check=True).stdout  # fmt: skip
    out = out.replace("\xa0", " ")  # the long date, as pages write it (test_documents_read)
    assert "келісім қайта сұралған сәт" in out and "2026 жылғы 1 желтоқсан, 12:00" in out
    assert "келісімді қайта беру қажет" in out


def test_a_consent_given_to_the_new_text_reads_as_given(texts, make_subject, settings,
                                                        time_machine):  # fmt: skip
    import json

    from consent.rights.export import export_json

    bota = consented_then_asked_again(texts, make_subject, settings, time_machine)
    consent_grant(bota, current_text(SERVICE), language="ru", source=Source.SELF_SERVICE)
    (service,) = [p for p in json.loads(export_json(bota, "ru"))["purposes"]
                  if p["code"] == SERVICE]  # fmt: skip
    assert (service["consent"], service["consent_asked_again"]) == ("согласие дано", "")
    assert service["processed_now"] is True
