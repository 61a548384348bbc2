"""Compliance T8, T14: abuse is refused politely, and failures store nothing."""

import logging
import re
import time

import pytest
from post_office.models import Email

from consent.core import ledger, submissions
from consent.core.models import AuditEvent, LedgerEntry, StoredFile, Subject, Submission
from forms_app.abuse import new_token
from tests.conftest import aged_token
from tests.texts import SHOWN


def nothing_stored():
    return not any(m.objects.exists() for m in (Subject, Submission, LedgerEntry, Email))


HONEYPOTTED = {  # every page with the honeypot, and a post of it as a person fills it in
    "contact": lambda data: data(),
    "apply": lambda data: data(birth_date="1990-05-17", birth_place="Өскемен", service=None),
    "newsletter": lambda data: {"token": aged_token(), **SHOWN, "email": "asel@example.kz",
                                "consent_marketing": "on"},
    "requests/new": lambda data: {"token": aged_token(), **SHOWN, "email": "asel@example.kz",
                                  "type": "access"},
    "my-data": lambda data: {"token": aged_token(), **SHOWN, "email": "asel@example.kz"},
}  # fmt: skip


@pytest.mark.parametrize("lang", ["kk", "ru"])
@pytest.mark.parametrize("page", HONEYPOTTED)
def test_a_filled_honeypot_gets_the_page_a_form_sent_gets(client, texts, contact_data, lang, page):
    """On every form: the self-service page's led to «/kk/my_data_ask/thanks/», a 404, where a
    request for the link leads to «/kk/my-data/thanks/»: a bot could tell its post was caught,
    and a person whose browser filled the field in met «page not found»."""
    caught = client.post(f"/{lang}/{page}/", {**HONEYPOTTED[page](contact_data), "website": "x"})
    assert nothing_stored()
    sent = client.post(f"/{lang}/{page}/", HONEYPOTTED[page](contact_data))
    assert Email.objects.exists()  # sent indeed: an acknowledgement, a link or a note
    assert caught.status_code == sent.status_code == 302
    assert caught["Location"] == sent["Location"]
    assert client.get(caught["Location"]).status_code == 200


@pytest.mark.parametrize("lang,text", [("kk", "тым көп форма"), ("ru", "слишком много форм")])
def test_sixth_post_in_a_minute_gets_429_and_stores_nothing(
    client, texts, contact_data, lang, text, settings, time_machine
):
    settings.FORM_RATE_LIMIT = "5/60"
    # The limit counts per clock minute: the six posts stay in one, however slow the machine.
    time_machine.move_to((time.time() // 60 + 1) * 60 + 5, tick=False)
    for i in range(5):
        response = client.post(f"/{lang}/contact/", contact_data(email="bad", message=f"m{i}"))
        assert response.status_code == 200
    response = client.post(f"/{lang}/contact/", contact_data())
    assert response.status_code == 429
    assert text in response.content.decode()
    assert nothing_stored()


def test_the_limit_is_per_ip(client, texts, contact_data, settings):
    settings.FORM_RATE_LIMIT = "1/60"
    client.post("/kk/contact/", contact_data(email="bad"))
    assert (
        client.post("/kk/contact/", contact_data(), REMOTE_ADDR="198.51.100.9").status_code == 302
    )


def test_an_ipv6_network_counts_as_one_address(client, texts, contact_data, settings):
    """One subscriber holds a whole /64: a new address per post must not reset the count."""
    settings.FORM_RATE_LIMIT = "1/60"
    client.post("/kk/contact/", contact_data(email="bad"), REMOTE_ADDR="2001:db8:1:2::1")
    again = client.post("/kk/contact/", contact_data(), REMOTE_ADDR="2001:db8:1:2:ffff::9")
    assert again.status_code == 429 and nothing_stored()
    other = client.post("/kk/contact/", contact_data(), REMOTE_ADDR="2001:db8:1:3::1")
    assert other.status_code == 302


def test_filled_honeypot_looks_normal_but_stores_nothing(client, texts, contact_data, caplog):
    with caplog.at_level(logging.WARNING, logger="emalu.security"):
        response = client.post(
            "/kk/contact/", contact_data(website="http://spam.example"), follow=True
        )
    assert response.status_code == 200
    assert response.redirect_chain[-1][0] == "/kk/contact/thanks/"
    assert nothing_stored()
    assert len([r for r in caplog.records if r.name == "emalu.security"]) == 1


@pytest.mark.parametrize("lang", ["kk", "ru"])
def test_posting_within_three_seconds_is_refused(client, texts, contact_data, lang):
    response = client.post(f"/{lang}/contact/", contact_data(token=new_token()))
    assert response.status_code == 200
    assert 'class="error-summary"' in response.content.decode()
    assert nothing_stored()


@pytest.mark.parametrize("token", ["", "forged", aged_token(2 * 24 * 3600)])
def test_forged_or_stale_tokens_are_refused(client, texts, contact_data, token):
    response = client.post("/ru/contact/", contact_data(token=token))
    assert response.status_code == 200 and nothing_stored()


def test_csrf_is_enforced(texts, contact_data):
    from django.test import Client

    response = Client(enforce_csrf_checks=True).post("/kk/contact/", contact_data())
    assert response.status_code == 403 and nothing_stored()


class Boom(Exception):
    pass


def explode(*args, **kwargs):
    raise Boom


@pytest.mark.parametrize(
    "target",
    [(ledger.LedgerEntry.objects, "create"), (submissions, "audit"), (submissions, "_queue_mail")],
    ids=["ledger write", "audit write", "outbox write"],
)
def test_a_failure_anywhere_leaves_no_rows_and_no_files(
    client, texts, application_data, target, monkeypatch, settings, tmp_path
):
    from django.core.files.uploadedfile import SimpleUploadedFile

    from tests.forms.photos import jpeg

    settings.MEDIA_ROOT = tmp_path
    monkeypatch.setattr(*target, explode)
    upload = SimpleUploadedFile("p.jpg", jpeg(), content_type="image/jpeg")
    with pytest.raises(Boom):
        client.post("/kk/apply/", {**application_data(), "photo": upload})
    assert nothing_stored()
    assert not AuditEvent.objects.exclude(action="text_publish").exists()
    assert [p for p in tmp_path.rglob("*") if p.is_file()] == []
    assert not StoredFile.objects.exists()


FILLED = {  # a form as the visitor's browser filled it in, without its token
    "contact": lambda data: data(token=None),
    "my-data": lambda data: {"email": "asel@example.kz"},
}
NOW = 1_796_500_000  # a fixed moment: the token's whole seconds are the test's


def _token_shown(response):
    return re.search(r'name="token" value="([^"]+)"', response.content.decode()).group(1)


@pytest.mark.parametrize("lang", ["kk", "ru"])
@pytest.mark.parametrize("page", FILLED)
@pytest.mark.parametrize("refused", ["expired", "too quick"])
def test_a_refused_form_sent_again_as_the_page_asks_is_taken(
    client, texts, contact_data, lang, page, refused, time_machine
):
    """«Send it again», the page says, and the form is all there: the visitor sends it. The
    refusal's fresh token was dated at the refusal, so a form sent again within three seconds
    was «too quick», and an expired one sent again at once too, each time; the time counts from
    when the form was first before them. Sent again too soon after a quick first post, it is
    still refused: the check stays."""
    time_machine.move_to(NOW, tick=False)
    first = aged_token(2 * 24 * 3600) if refused == "expired" else new_token()
    time_machine.shift(1)  # the browser's autofill: sent a second after the page showed
    response = client.post(f"/{lang}/{page}/", {**FILLED[page](contact_data), "token": first})
    assert response.status_code == 200 and 'class="error-summary"' in response.content.decode()
    assert nothing_stored()
    if refused == "too quick":
        time_machine.shift(1)  # at once: three seconds since the page showed have not passed
        response = client.post(
            f"/{lang}/{page}/", {**FILLED[page](contact_data), "token": _token_shown(response)}
        )
        assert 'class="error-summary"' in response.content.decode() and nothing_stored()
    time_machine.shift(1.5)  # read the message, pressed «Send»
    again = client.post(
        f"/{lang}/{page}/", {**FILLED[page](contact_data), "token": _token_shown(response)}
    )
    assert again.status_code == 302 and Email.objects.exists()
