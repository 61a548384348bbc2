"""Every link or form that records a consent asks first whether the person is a minor on record
(compliance L6; the gate's rule 4). The held consent's link (a form sent under an address whose
owner had withdrawn that consent) recorded the consent of someone whose date of birth, recorded
after the form, showed them under 18: it never stood, and as the child's latest word it ended
the consent their parent gave, while the page thanked them. Now the link records nothing and says,
in their language, who gives that consent and where; and no way of recording one can do
otherwise (`ledger.consent_grant` refuses a minor's consent without a guardian)."""

import pytest
from dateutil.relativedelta import relativedelta
from django.core.exceptions import ValidationError
from django.test import Client
from post_office.models import Email

from consent.common.dates import local_today
from consent.core import gate
from consent.core.ledger import consent_grant
from consent.core.models import Guardian, Held, LedgerEntry, Source, Submission
from consent.core.purposes import MARKETING, SERVICE
from consent.marketing.optin import optin_start
from tests.forms.held import link_in, withdrew_service

SAYS = {
    "kk": "ата-анаңыз немесе қорғаншыңыз сізбен бірге өтінім формасында береді",
    "ru": "вместе с\xa0вами даёт ваш родитель или опекун в\xa0форме заявки",
}
THANKED = {"kk": "Рахмет", "ru": "Спасибо"}


@pytest.mark.parametrize("lang", ["kk", "ru"])
def test_the_held_consents_link_records_nothing_for_someone_now_a_minor_on_record(
    client, texts, make_subject, contact_data, lang
):
    asel = withdrew_service(texts, make_subject, language=lang)
    assert client.post("/kk/contact/", contact_data()).status_code == 302
    path = link_in(Email.objects.get(to=["asel@example.kz"]))
    # Her date of birth is recorded after the form (a correction, an application): she is 15.
    asel.birth_date = local_today() - relativedelta(years=15)
    asel.save()
    before = LedgerEntry.objects.filter(subject=asel).count()

    for response in (client.get(path), client.post(path)):  # said before the press, and after
        page = response.content.decode()
        main = page.split("<main", 1)[1].split("</main>", 1)[0]
        assert response.status_code == 200 and SAYS[lang] in main
        assert f'href="/{lang}/apply/"' in main and 'method="post"' not in main
        assert THANKED[lang] not in main
    assert LedgerEntry.objects.filter(subject=asel).count() == before
    assert not gate.may_process(asel, SERVICE)
    assert Submission.objects.get(subject=asel).consent_held == Held.WITHDRAWN


def test_a_newsletter_link_carrying_another_childs_guardian_records_nothing(
    client, texts, make_subject
):
    """A link from the application form carries the guardian recorded with that child: for
    another child's record at the address now, it is no guardian's consent: it recorded the
    child's own, which never stood and ended what their guardian had agreed to."""
    other = make_subject(email="other@example.kz")
    theirs = Guardian.objects.create(subject=other, full_name="Бөтен", contact="+77015550000")
    child = make_subject(
        email="child@example.kz", birth_date=local_today() - relativedelta(years=12)
    )
    optin_start("child@example.kz", "", "ru", guardian=theirs)
    (mail,) = Email.objects.filter(to=["child@example.kz"])
    path = "/" + mail.message.split("/ru/", 1)[1].split()[0]
    response = Client().post("/ru" + path)
    assert response.status_code == 200 and "родитель или опекун" in response.content.decode()
    assert not LedgerEntry.objects.filter(subject=child).exists()


def test_no_operation_records_a_minors_consent_without_a_guardian(texts, make_subject):
    child = make_subject(birth_date=local_today() - relativedelta(years=12))
    with pytest.raises(ValidationError):
        consent_grant(child, texts[MARKETING], language="kk", source=Source.NEWSLETTER_FORM)
    assert not LedgerEntry.objects.filter(subject=child).exists()
