"""Issue 18 item 3: a person under 18 switches a consent on their page; the page says what
really happened (a parent or guardian must consent) and shows the way, never "in force"."""

from datetime import date

import pytest
from dateutil.relativedelta import relativedelta
from django.utils import translation

from consent.common.dates import local_today
from consent.core import gate
from consent.core.ledger import consent_grant
from consent.core.models import LedgerEntry, Source
from consent.core.purposes import MARKETING, PURPOSES, SERVICE
from tests.rights.test_selfservice import ask_link, link_path
from tests.texts import AS_SHOWN

# The page speaks to the person: «your» parent or guardian, as everything else on it says «you».
GUARDIAN = {"kk": "ата-анаңыз немесе қорғаншыңыз", "ru": "родитель или опекун"}
IN_FORCE = {"kk": "күшінде", "ru": "действует"}
GIVEN = {"kk": "консент берілді", "ru": "согласие дано"}


def marketing_row(html, lang):
    with translation.override(lang):
        name = str(PURPOSES[MARKETING].name)
    return html.split(name)[1].split("</tr>")[0]


@pytest.fixture
def minor(texts, make_subject):
    # Her own grant, recorded before her date of birth was (ledger.consent_grant records none
    # for a minor without a guardian now).
    s = make_subject(full_name="Айгерім", email="teen@example.kz")
    consent_grant(s, texts[SERVICE], language="kk", source=Source.APPLICATION_FORM)
    s.birth_date = local_today() - relativedelta(years=17)
    s.save()
    return s


def open_page(client, lang, email):
    ask_link(client, lang, email=email)
    client.post(link_path(email))


@pytest.mark.parametrize("lang", ["kk", "ru"])
def test_a_minor_giving_a_consent_is_told_a_guardian_must_consent(client, minor, lang):
    open_page(client, lang, "teen@example.kz")
    before = LedgerEntry.objects.count()
    given = {"give": MARKETING, f"shown_{MARKETING}": AS_SHOWN}
    response = client.post(f"/{lang}/my-data/consent/", given, follow=True)
    html = response.content.decode()
    assert not gate.may_process(minor, MARKETING)
    # nothing is recorded that could not be in force, and nothing claims it is
    assert LedgerEntry.objects.count() == before
    assert IN_FORCE[lang] not in html and GIVEN[lang] not in html
    assert GUARDIAN[lang] in html.split('role="status"')[1].split("</div>")[0]
    # the way: the application form, where a parent or guardian consents with the child;
    # no "Give" button that cannot work
    row = marketing_row(html, lang)
    assert f'href="/{lang}/apply/"' in row and 'name="give"' not in row


@pytest.mark.parametrize("lang", ["kk", "ru"])
def test_a_grant_without_guardian_is_not_shown_as_given(client, minor, texts, lang):
    born, minor.birth_date = minor.birth_date, None  # a grant recorded before her birth date
    consent_grant(minor, texts[MARKETING], language=lang, source=Source.NEWSLETTER_FORM)
    minor.birth_date = born
    assert not gate.may_process(minor, MARKETING)
    open_page(client, lang, "teen@example.kz")
    row = marketing_row(client.get(f"/{lang}/my-data/").content.decode(), lang)
    assert GIVEN[lang] not in row and GUARDIAN[lang] in row


def test_an_adult_still_gives_a_consent_at_once(client, texts, make_subject):
    adult = make_subject(email="adult@example.kz", birth_date=date(1990, 1, 1))
    open_page(client, "kk", "adult@example.kz")
    client.post("/kk/my-data/consent/", {"give": MARKETING, f"shown_{MARKETING}": AS_SHOWN})
    assert gate.may_process(adult, MARKETING)


@pytest.mark.parametrize(
    "moment,adult",
    [
        ("2026-12-09 23:30+05:00", False),  # the eve of her 18th birthday: still a minor
        ("2026-12-10 00:30+05:00", True),  # 19:30 UTC on the 9th, but her birthday in Almaty
        ("2026-12-10 23:30+05:00", True),
    ],
)
def test_on_her_18th_birthday_she_gives_a_consent_herself(
    client, texts, make_subject, time_machine, moment, adult
):
    """She is of age from local midnight of her 18th birthday (Art. 8(1); compliance L6), on her
    own page as at the gate and on the application form: a consent she gives there that day is
    recorded and stands, and the evening before she is told a guardian must give it."""
    time_machine.move_to(moment)
    person = make_subject(email="aruzhan@example.kz", birth_date=date(2008, 12, 10))
    open_page(client, "kk", "aruzhan@example.kz")
    html = client.post(
        "/kk/my-data/consent/", {"give": MARKETING, f"shown_{MARKETING}": AS_SHOWN}, follow=True
    ).content.decode()
    assert gate.may_process(person, MARKETING) is adult
    assert (GUARDIAN["kk"] in html) is not adult
