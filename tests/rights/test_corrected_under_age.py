"""A date of birth corrected to show the person under 18 (Law 94-V Art. 7(1), 8(1): a minor's
consent is given by a parent or guardian). Carried out, it was answered «your data has been
corrected» and nothing more, while every consent the person had given alone stopped counting,
and the nightly retention destroyed all their data the night after."""

import re
from datetime import date

import pytest
from django.db.models import Max
from django.utils import translation
from post_office.models import Email

from consent.common.dates import document_time, local_date
from consent.core import gate
from consent.core.ledger import consent_grant
from consent.core.models import LedgerEntry, Source, StaffProfile, Subject
from consent.core.purposes import MARKETING, SERVICE
from consent.rights.digest import digest
from consent.rights.models import Ticket
from consent.rights.retention import UNDER_AGE, enforce_retention, retention_plan
from consent.rights.tickets import ticket_open, ticket_verify
from tests.staff import verified_login

from .conftest import act

TOLD = {
    "kk": ("сіз 18\xa0жасқа толмағансыз", "өтінім формасында"),
    "ru": ("вам нет 18\xa0лет", "в\xa0форме заявки"),
}
OFFICER = {
    "kk": ("18\xa0жасқа толмаған", "«Хабарламалар мен өтінімдерге жауап беру»"),
    "ru": ("нет 18\xa0лет", "«Ответы на обращения и\xa0заявки»"),
}
REVIEWED = {"kk": "туған күні бойынша 18\xa0жасқа толмаған", "ru": "по дате рождения нет 18\xa0лет"}


def corrected(desk, officer, person, lang, born, time_machine):
    time_machine.move_to("2026-12-08 10:00+05:00", tick=False)  # a Tuesday: a digest goes
    desk = verified_login(desk, officer)
    ticket = ticket_open(kind=Ticket.Type.CORRECT, email=person.email, language=lang,
                         channel="email", message="Туған күнім қате")  # fmt: skip
    ticket_verify(ticket)
    Email.objects.all().delete()
    desk.cookies["django_language"] = lang
    done = act(desk, ticket, birth_date=born, document="Туу туралы куәлік № 1")
    return [str(m) for m in done.context["messages"]], Email.objects.get(to=[person.email])


@pytest.mark.parametrize("lang", ["kk", "ru"])
def test_a_birth_date_corrected_under_18_is_told_and_the_data_waits_for_an_officer(
    desk, person, privacy_officer, lang, time_machine
):
    told, letter = corrected(desk, privacy_officer, person, lang, "05.05.2010", time_machine)
    person.refresh_from_db()
    assert person.birth_date == date(2010, 5, 5)  # the correction is made (Art. 13)
    assert not gate.may_process(person, SERVICE) and not gate.may_process(person, MARKETING)
    # The person is told why nothing is processed now, and how a parent can consent, in the
    # language of their request.
    assert all(words in letter.message for words in TOLD[lang])
    assert all(words in told[0] for words in OFFICER[lang])  # the officer, in hers
    # The nightly retention leaves them for the officers, and the digest says why.
    assert (person.pk, UNDER_AGE) in retention_plan()["review"]
    enforce_retention()
    assert Subject.objects.filter(pk=person.pk).exists()
    StaffProfile.objects.update_or_create(user=privacy_officer, defaults={"language": lang})
    Email.objects.all().delete()
    digest(date(2026, 12, 8))
    (sent,) = Email.objects.filter(to=[privacy_officer.email])
    assert REVIEWED[lang] in sent.message


UNTIL = {
    "kk": ("шешім қабылдау мерзімі\xa0— {}: сол күні адамға 18\xa0жас толады",
           "шешім қабылдау мерзімі\xa0— {}: сол күні адамның күшінде қалған соңғы "
           "келісімінің мерзімі бітеді"),
    "ru": ("решить нужно до {}: в\xa0этот день человеку исполнится 18\xa0лет",
           "решить нужно до {}: в\xa0этот день истечёт срок последнего из\xa0этих согласий"),
}  # fmt: skip


@pytest.mark.parametrize("lang", ["kk", "ru"])
@pytest.mark.parametrize("born", ["05.05.2010", "05.05.2013"])
def test_the_digest_says_until_when_a_person_under_18_waits_for_a_decision(
    desk, person, privacy_officer, lang, born, time_machine
):
    """The digest listed the person every day with «decide», and no date: nothing said that on
    their 18th birthday the consents they gave alone count again (the gate reads their age on
    each day), nor that, ending before it, the last of those consents has their data destroyed
    the night it ends. The day comes first in the list, whichever comes first of the two."""
    corrected(desk, privacy_officer, person, lang, born, time_machine)
    last_ends = LedgerEntry.objects.filter(subject=person).aggregate(last=Max("expires_at"))
    if born == "05.05.2010":  # 18 on 5 May 2028, before the consents' three years end
        day, words = date(2028, 5, 5), UNTIL[lang][0]
    else:  # 18 in 2031: the consents end first
        day, words = local_date(last_ends["last"]), UNTIL[lang][1]
    StaffProfile.objects.update_or_create(user=privacy_officer, defaults={"language": lang})
    Email.objects.all().delete()
    digest(date(2026, 12, 8))
    (sent,) = Email.objects.filter(to=[privacy_officer.email])
    with translation.override(lang):
        assert words.format(document_time(day)) in sent.message


def test_the_digest_lists_first_whose_review_ends_first(
    desk, person, privacy_officer, make_subject, texts, time_machine
):
    """Listed by number, the person whose data is processed again, or goes, soonest came
    wherever their number put them (after 50 others, not at all): now the soonest day first."""
    corrected(desk, privacy_officer, person, "ru", "05.05.2010", time_machine)  # 05.05.2028
    sooner = make_subject()  # a later number
    consent_grant(sooner, texts[SERVICE], language="ru", source=Source.CONTACT_FORM)
    # Her date of birth corrected too: 18 on 10.01.2027.
    Subject.objects.filter(pk=sooner.pk).update(birth_date=date(2009, 1, 10))
    StaffProfile.objects.update_or_create(user=privacy_officer, defaults={"language": "ru"})
    Email.objects.all().delete()
    digest(date(2026, 12, 8))
    (sent,) = Email.objects.filter(to=[privacy_officer.email])
    assert sent.message.index(f"№\xa0{sooner.pk}:") < sent.message.index(f"№\xa0{person.pk}:")


def test_a_birth_date_corrected_for_an_adult_says_nothing_more(
    desk, person, privacy_officer, time_machine
):
    told, letter = corrected(desk, privacy_officer, person, "kk", "05.05.1990", time_machine)
    assert gate.may_process(person, SERVICE)
    # No age named (a bare "18" was also found in a request's number, «№ R-181»).
    under_age = re.compile(r"18\s(жас|лет)")
    assert not under_age.search(letter.message) and not under_age.search(told[0])
    assert all(subject_id != person.pk for subject_id, _ in retention_plan()["review"])
