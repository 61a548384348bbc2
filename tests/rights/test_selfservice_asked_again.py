"""A consent given to version 1's text of a purpose that version 2 of the policy asks again for
(the gate's rule 3) stops counting on version 2's date, midnight in Almaty. The export and the
evidence said «consent asked again»; the person's own page said «not given» beside «version 1,
<date>», as if they had never given it, and a parent's page for their child the same. Both now
say it was given to an earlier text and asked again since that date, in kk and ru; giving it
again on the page cites version 2, and a purpose whose text did not change stays «given»."""

import re
from datetime import date

import pytest
from django.test import Client

from consent.core import gate
from consent.core.ledger import consent_grant
from consent.core.models import Guardian, LedgerEntry, PolicyVersion, Source
from consent.core.purposes import MARKETING, SERVICE
from consent.core.texts import policy_publish
from tests.core.test_policy_v2 import operator
from tests.site.language import as_written
from tests.texts import AS_SHOWN

from .test_guardian_withdrawal import PARENT, open_children_page
from .test_selfservice import ask_link, link_path

GIVEN = {"kk": "берілді", "ru": "дано"}
NOT_GIVEN = {"kk": "берілмеді", "ru": "не дано"}
# Version 2's date as the site writes a date (emalu/formats), not the UTC one (the 9th).
ASKED_AGAIN = {
    "kk": "бұрынғы мәтін бойынша берілген; мәтін өзгергендіктен, келісім қайта сұралды "
    "(күні: 2026\xa0жылғы\xa010\xa0желтоқсан)",
    "ru": "дано по прежнему тексту; текст изменился, и\xa0с\xa010\xa0декабря\xa02026\xa0г. "
    "согласие запрашивается заново",
}
VERSION = {"kk": "{}-нұсқа, ", "ru": "версия {}, "}
BOTH = (SERVICE, MARKETING)


def announce_v2(settings, time_machine, texts, *people):
    """Each of `people` (a person, their guardian or None, the purposes) gave their consents to
    version 1 on 3 December; version 2, dated 10 December, published that day, asks for the
    news consent again, not the service one."""
    settings.OPERATOR = operator(settings)
    time_machine.move_to("2026-12-03 12:00+05:00", tick=False)
    for person, guardian, purposes in people:
        for purpose in purposes:
            consent_grant(person, texts[purpose], language="kk", source=Source.APPLICATION_FORM,
                          guardian=guardian)  # fmt: skip
    v2 = PolicyVersion.objects.get(number=2)
    v2.effective_date = date(2026, 12, 10)
    v2.save()
    policy_publish(v2, reconsent=[MARKETING])


def state(page, row_id):
    """What the page says of one purpose: the text of its state cell, and its whole row."""
    row = re.search(rf'<th scope="row" id="{row_id}".*?</tr>', page, re.S)[0]
    cell = re.search(r"<td[^>]*>(.*?)</td>", row, re.S)[1]
    return cell.strip(), row


def own_page(lang, email="asel@example.kz"):
    client = Client()
    ask_link(client, lang, email)
    assert client.post(link_path(email)).status_code == 302
    return client, as_written(client.get(f"/{lang}/my-data/").content.decode())


@pytest.mark.parametrize("lang", ["kk", "ru"])
def test_the_page_says_a_consent_was_asked_again_from_the_new_versions_almaty_date(
    texts, make_subject, settings, time_machine, lang
):
    asel = make_subject(email="asel@example.kz", language=lang)
    announce_v2(settings, time_machine, texts, (asel, None, BOTH))

    time_machine.move_to("2026-12-09 23:30+05:00", tick=False)  # the day before: still counts
    _client, page = own_page(lang)
    assert state(page, f"purpose-{MARKETING}")[0] == GIVEN[lang]
    assert ASKED_AGAIN[lang] not in page

    time_machine.move_to("2026-12-10 00:30+05:00", tick=False)  # the 10th; the 9th in UTC
    client, page = own_page(lang)
    said, row = state(page, f"purpose-{MARKETING}")
    assert said == ASKED_AGAIN[lang]
    assert VERSION[lang].format(1) in row  # the version it was given to, as before
    assert f'name="give" value="{MARKETING}"' in row  # and the button to give it again
    # The service text did not change: the consent given to version 1 stands.
    assert state(page, f"purpose-{SERVICE}")[0] == GIVEN[lang]

    client.post(f"/{lang}/my-data/consent/", {"give": MARKETING, f"shown_{MARKETING}": AS_SHOWN})
    entry = LedgerEntry.objects.filter(subject=asel, purpose=MARKETING).latest("id")
    assert (entry.kind, entry.source) == ("grant", "self_service")
    assert (entry.text.version, entry.text.policy.number) == (2, 2)
    assert gate.may_process(asel, MARKETING)
    page = as_written(client.get(f"/{lang}/my-data/").content.decode())
    said, row = state(page, f"purpose-{MARKETING}")
    assert said == GIVEN[lang] and VERSION[lang].format(2) in row


@pytest.mark.parametrize("lang", ["kk", "ru"])
def test_a_withdrawn_or_never_given_consent_keeps_its_words(
    texts, make_subject, settings, time_machine, lang
):
    """Only a grant a later text ended reads «asked again»: a withdrawal says it was withdrawn,
    as before, and a consent never given «not given»."""
    asel = make_subject(email="asel@example.kz", language=lang)
    bota = make_subject(email="bota@example.kz", language=lang)
    announce_v2(settings, time_machine, texts, (asel, None, BOTH), (bota, None, [SERVICE]))
    time_machine.move_to("2026-12-11 12:00+05:00", tick=False)
    client, _page = own_page(lang)
    client.post(f"/{lang}/my-data/consent/", {"withdraw": MARKETING})
    page = client.get(f"/{lang}/my-data/").content.decode()
    said = state(page, f"purpose-{MARKETING}")[0]
    assert said not in (ASKED_AGAIN[lang], GIVEN[lang], NOT_GIVEN[lang])
    assert ASKED_AGAIN[lang] not in page

    _client, page = own_page(lang, "bota@example.kz")  # never gave the news consent
    assert state(page, f"purpose-{MARKETING}")[0] == NOT_GIVEN[lang]
    assert ASKED_AGAIN[lang] not in page


@pytest.mark.parametrize("lang", ["kk", "ru"])
def test_a_parents_page_says_their_childs_consent_was_asked_again(
    texts, make_subject, settings, time_machine, lang
):
    child = make_subject(full_name="Айсұлу Қасымова", email="aisulu@example.kz",
                         birth_date=date(2012, 5, 17))  # fmt: skip
    mother = Guardian.objects.create(subject=child, full_name="Гүлнар", contact=PARENT)
    announce_v2(settings, time_machine, texts, (child, mother, BOTH))

    time_machine.move_to("2026-12-09 23:30+05:00", tick=False)
    client = Client()
    open_children_page(client, lang)
    page = client.get(f"/{lang}/my-data/children/").content.decode()
    assert state(page, f"purpose-{mother.pk}-{MARKETING}")[0] == GIVEN[lang]

    time_machine.move_to("2026-12-10 00:30+05:00", tick=False)
    client = Client()
    open_children_page(client, lang)
    page = client.get(f"/{lang}/my-data/children/").content.decode()
    said, row = state(page, f"purpose-{mother.pk}-{MARKETING}")
    assert said == ASKED_AGAIN[lang]
    assert f'href="/{lang}/apply/"' in row  # a parent gives it again on the application form
    # said to the parent, who gives it: the Kazakh said «your parent or guardian gives it»
    link = re.search(r'href="/\w+/apply/"[^>]*>(.*?)</a>', row)[1]
    assert link == {"kk": "Өтінім формасында қайта беріңіз",
                    "ru": "Дайте его заново в\xa0форме заявки"}[lang]  # fmt: skip
    assert state(page, f"purpose-{mother.pk}-{SERVICE}")[0] == GIVEN[lang]


EXPIRED = {"kk": "келісімнің мерзімі өтті", "ru": "срок согласия истёк"}
WITHDRAWN = {"kk": "келісім кері қайтарып алынды", "ru": "согласие отозвано"}


@pytest.mark.parametrize("lang", ["kk", "ru"])
def test_a_consent_asked_again_and_since_past_its_term_reads_expired(
    texts, make_subject, settings, time_machine, lang
):
    """The grant to version 1 (3 December 2026) ends on its three-year term on 3 December
    2029. Its expiry is recorded overnight, and not while the person is left to staff (a
    request open, a block): the person's and the parent's pages went on saying it was «asked
    again since» 10 December 2026, as if it still stood but for the new text."""
    asel = make_subject(email="asel@example.kz", language=lang)
    child = make_subject(full_name="Айсұлу Қасымова", email="aisulu@example.kz",
                         birth_date=date(2012, 5, 17))  # fmt: skip
    mother = Guardian.objects.create(subject=child, full_name="Гүлнар", contact=PARENT)
    announce_v2(settings, time_machine, texts, (asel, None, BOTH), (child, mother, BOTH))
    assert not LedgerEntry.objects.filter(kind="expire").exists()

    time_machine.move_to("2029-12-03 12:30+05:00", tick=False)
    _client, page = own_page(lang)
    said, row = state(page, f"purpose-{MARKETING}")
    assert said == EXPIRED[lang] and ASKED_AGAIN[lang] not in page
    assert f'name="give" value="{MARKETING}"' in row  # given again on the page, as before
    client = Client()
    open_children_page(client, lang)
    page = client.get(f"/{lang}/my-data/children/").content.decode()
    assert state(page, f"purpose-{mother.pk}-{MARKETING}")[0] == EXPIRED[lang]
    assert ASKED_AGAIN[lang] not in page


@pytest.mark.parametrize("lang", ["kk", "ru"])
def test_a_consent_given_again_and_then_withdrawn_or_expired_is_not_asked_again(
    texts, make_subject, settings, time_machine, lang
):
    """Given again to version 2 after it asked, the consent then withdrawn reads withdrawn, and
    given again and left to its term reads expired: never «asked again», which only a grant
    still in its term to an earlier text is."""
    asel = make_subject(email="asel@example.kz", language=lang)
    bota = make_subject(email="bota@example.kz", language=lang)
    announce_v2(settings, time_machine, texts, (asel, None, BOTH), (bota, None, BOTH))
    time_machine.move_to("2026-12-11 12:00+05:00", tick=False)
    for email in ("asel@example.kz", "bota@example.kz"):
        client, _page = own_page(lang, email)
        client.post(
            f"/{lang}/my-data/consent/", {"give": MARKETING, f"shown_{MARKETING}": AS_SHOWN}
        )
    client.post(f"/{lang}/my-data/consent/", {"withdraw": MARKETING})  # Bota's page
    assert state(own_page(lang)[1], f"purpose-{MARKETING}")[0] == GIVEN[lang]
    page = own_page(lang, "bota@example.kz")[1]
    assert state(page, f"purpose-{MARKETING}")[0] == WITHDRAWN[lang]

    time_machine.move_to("2029-12-11 12:30+05:00", tick=False)
    page = own_page(lang)[1]
    assert state(page, f"purpose-{MARKETING}")[0] == EXPIRED[lang]
    assert ASKED_AGAIN[lang] not in page
