"""The mails a held form sends (consent/core/held.py, compliance L9): the acknowledgement to the
owner of the address says, in their language, that no answer comes until they confirm; the staff
notice says not to answer the form yet, or not at all while its person is blocked."""

import re
from urllib.parse import urlsplit

import pytest
from django.utils import translation
from post_office.models import Email

from consent.core.ledger import consent_grant, consent_withdraw, subject_block
from consent.core.models import Source
from consent.core.purposes import CROSS_BORDER, SERVICE
from tests.forms.held import link_in, withdrew_service
from tests.site.language import assert_in_language


@pytest.fixture
def asel(texts, make_subject):
    return withdrew_service(texts, make_subject)


NO_ANSWER = {
    # «оған» («to it», or «to him»: the owner, just named) left unsaid who goes unanswered. The
    # link's end is named below it, as a moment (tests/rights/test_link_end_in_mail.py).
    ("contact", "kk"): "Осы мекенжайдың иесі келісімді төмендегі сілтеме арқылы растамаса, біз "
    "хабарламаңызға жауап бермейміз.",
    ("apply", "kk"): "Осы мекенжайдың иесі келісімді төмендегі сілтеме арқылы растамаса, біз "
    "өтініміңізге жауап бермейміз.",
    ("contact", "ru"): "Мы не ответим на него, пока владелец этого адреса не подтвердит согласие "
    "по ссылке ниже.",
    ("apply", "ru"): "Мы не ответим на неё, пока владелец этого адреса не подтвердит согласие "
    "по ссылке ниже.",
}
WILL_ANSWER = {
    "kk": "Біз сізге электрондық пошта арқылы жауап береміз.",
    "ru": "ответим вам по электронной почте.",
}


@pytest.mark.parametrize("kind", ["contact", "apply"])
@pytest.mark.parametrize("owner", ["kk", "ru"])
@pytest.mark.parametrize("form", ["kk", "ru"])
def test_the_acknowledgement_says_plainly_no_answer_comes_until_the_owner_confirms(
    client, texts, make_subject, contact_data, application_data, owner, form, kind
):
    """The form waits for the owner of the address: the mail to them says no answer comes
    without their confirmation (it said «we will answer you by email»), in the language they
    chose for our letters, whatever the form's sender used, naming what was sent."""
    person = make_subject(email="asel@example.kz", language=owner)
    consent_grant(person, texts[SERVICE], language=owner, source=Source.CONTACT_FORM)
    consent_withdraw(person, SERVICE, source=Source.SELF_SERVICE)
    data = (contact_data if kind == "contact" else application_data)(email="asel@example.kz")
    assert client.post(f"/{form}/{kind}/", data).status_code == 302
    (mail,) = Email.objects.filter(to=["asel@example.kz"])
    for body in (mail.message, mail.html_message):
        body = " ".join(body.split())
        assert NO_ANSWER[kind, owner] in body
        assert WILL_ANSWER[owner] not in body
    assert link_in(mail).startswith(f"/{owner}/")


def test_the_newsletter_confirmation_goes_in_the_acknowledgements_language(
    client, asel, contact_data
):
    """The acknowledgement to her address (Kazakh, her language) says a separate mail asks her to
    confirm the newsletter: that mail came in the Russian of the form's sender."""
    assert client.post("/ru/contact/", contact_data(consent_marketing="on")).status_code == 302
    ack, newsletter = Email.objects.filter(to=["asel@example.kz"]).order_by("id")
    assert_in_language(ack.subject, ack.message, ack.html_message, "kk", "acknowledgement")
    assert_in_language(newsletter.subject, newsletter.message, newsletter.html_message, "kk",
                       "newsletter confirmation")  # fmt: skip
    (url,) = re.findall(r"https?://\S+/newsletter/confirm/\S+/", newsletter.message)
    assert urlsplit(url).path.startswith("/kk/")


def test_a_form_whose_service_consent_stands_still_promises_an_answer(
    client, asel, texts, contact_data
):
    consent_grant(asel, texts[SERVICE], language="kk", source=Source.CONTACT_FORM)
    assert client.post("/ru/contact/", contact_data()).status_code == 302
    (mail,) = Email.objects.filter(to=["asel@example.kz"])
    assert WILL_ANSWER["ru"] in " ".join(mail.message.split())


WAIT = "Do not answer it yet: the owner of the address had withdrawn the consent it needs"
BLOCKED = "Do not answer it: processing of the data of the address's owner is blocked."


def staff_notice(settings):
    from consent.core.staff import address_language

    (mail,) = Email.objects.filter(to=[settings.STAFF_NOTIFY_EMAIL])
    with translation.override(address_language(settings.STAFF_NOTIFY_EMAIL)):
        said = {key: translation.gettext(text) for key, text in
                (("wait", WAIT + ", and has not confirmed it again. The form's page says when "
                  "they do."), ("blocked", BLOCKED))}  # fmt: skip
    body = " ".join(mail.message.split())
    return [key for key, text in said.items() if text in body]


def test_the_staff_notice_of_a_held_form_says_not_to_answer_it_yet(
    client, asel, texts, contact_data, settings
):
    """Staff answer what the notice announces; the form waits for the owner of the address."""
    assert client.post("/kk/contact/", contact_data()).status_code == 302
    assert staff_notice(settings) == ["wait"]


def test_the_staff_notice_of_a_blocked_persons_form_says_not_to_answer_it(
    client, asel, texts, contact_data, settings
):
    consent_grant(asel, texts[SERVICE], language="kk", source=Source.CONTACT_FORM)
    subject_block(asel, reason="спор о точности", source=Source.ADMIN)
    assert client.post("/kk/contact/", contact_data()).status_code == 302
    assert staff_notice(settings) == ["blocked"]


def test_the_staff_notice_of_a_form_under_standing_consent_says_nothing_more(
    client, asel, texts, contact_data, settings
):
    consent_withdraw(asel, CROSS_BORDER, source=Source.SELF_SERVICE)
    consent_grant(asel, texts[SERVICE], language="kk", source=Source.CONTACT_FORM)
    assert client.post("/kk/contact/", contact_data()).status_code == 302
    assert staff_notice(settings) == []
