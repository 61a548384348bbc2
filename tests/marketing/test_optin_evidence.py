"""How a newsletter consent was given, as its evidence says (Art. 8(1), 25(2)(5); compliance L4):
the box ticked on a form asks for it, the press on the page the link mailed to the address
opened gives it, with that press's own connection and browser (a double opt-in). The ledger
said «newsletter form» of every such grant, a box ticked on the contact or the application form
too, beside the address and browser of the press: a reader took the form for where it was
given, and the press's address for the form's."""

from urllib.parse import urlsplit

import pytest
from django.test import Client
from post_office.models import Email

from consent.core.models import LedgerEntry, Subject, Submission
from consent.core.purposes import MARKETING
from tests.rights.test_evidence_contents import evidence, labels
from tests.staff import verified_login
from tests.texts import SHOWN

PRESSED_FROM = {"REMOTE_ADDR": "198.51.100.9", "headers": {"user-agent": "Phone mail app/2.0"}}


def press_the_mailed_link():
    mail = Email.objects.get(headers__contains={"X-Emalu-Confirms": MARKETING})
    link = next(w for w in mail.message.split() if "/newsletter/confirm/" in w)
    path = urlsplit(link).path
    assert Client().post(path, SHOWN, **PRESSED_FROM).status_code == 200


@pytest.mark.parametrize(
    "lang,form,source",
    [("kk", "contact", "contact_form"), ("ru", "contact", "contact_form"),
     ("ru", "apply", "application_form"), ("kk", "newsletter", "newsletter_form")],
)  # fmt: skip
def test_a_news_consent_is_proven_by_the_press_that_gave_it_and_its_form_named(
    client, officer, texts, contact_data, application_data, lang, form, source
):
    data = {
        "contact": contact_data(consent_marketing="on"),
        "apply": application_data(consent_marketing="on"),
        "newsletter": {**contact_data(consent_marketing="on"), "consent_service": None},
    }[form]
    data = {k: v for k, v in data.items() if v is not None}
    sent = client.post(f"/{lang}/{form}/", data, REMOTE_ADDR="203.0.113.5",
                       headers={"user-agent": "Desktop browser/1.0"})  # fmt: skip
    assert sent.status_code == 302
    press_the_mailed_link()

    person = Subject.objects.get()
    grant = LedgerEntry.objects.get(subject=person, purpose=MARKETING)
    assert (grant.ip, grant.user_agent) == ("198.51.100.9", "Phone mail app/2.0")
    rows = evidence(verified_login(client, officer), person)
    how, purpose, news = labels("source", "purpose", "News and special offers")
    [said] = [row[how] for row in rows if row[purpose] == news]
    assert said == "мекенжайға жіберілген сілтеме арқылы расталған форма"
    # The form itself stays as sent, under its own name, with its own connection.
    assert Submission.objects.filter(subject=person, source=source).exists()
