"""A visitor sends a form, presses Back, finds it filled in as they typed it (the browser puts
the values back, under the fresh one-time token of a page loaded again) and presses «Send»
again: it was stored twice, with two acknowledgements and two notices to staff. The same form
again from the same browser is taken once and the visitor is told so; a changed one is a new
form (forms_app/resent.py). The browser's own walk is in tests/forms/test_browser.py."""

from datetime import timedelta

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import Client
from django.utils import timezone
from post_office.models import Email

from consent.core.models import LedgerEntry, Submission
from forms_app.resent import SESSION_KEY
from tests.forms.photos import jpeg

SAID = {
    "kk": "Сіз бұл форманы дәл осы мазмұнмен бұрын жібергенсіз, біз оны алдық.",
    "ru": "Вы уже отправляли эту форму с\xa0тем\xa0же содержимым, и\xa0мы её получили.",
}


@pytest.mark.parametrize("lang", ["kk", "ru"])
def test_back_then_send_again_is_taken_once_and_said(client, texts, contact_data, lang):
    first = client.post(f"/{lang}/contact/", contact_data(), follow=True)
    assert SAID[lang] not in first.content.decode()
    mails = Email.objects.count()

    again = client.post(f"/{lang}/contact/", contact_data(), follow=True)  # a fresh token

    assert again.redirect_chain == [(f"/{lang}/contact/thanks/", 302)]
    assert SAID[lang] in again.content.decode()
    assert Submission.objects.count() == 1 and LedgerEntry.objects.count() == 1
    assert Email.objects.count() == mails  # no second acknowledgement, no second staff notice
    # Said once: the thank-you page loaded again is the ordinary one.
    assert SAID[lang] not in client.get(f"/{lang}/contact/thanks/").content.decode()


def test_a_changed_form_is_a_new_one(client, texts, contact_data):
    client.post("/kk/contact/", contact_data())
    client.post("/kk/contact/", contact_data(message="Тағы бір сұрақ."))
    client.post("/kk/contact/", contact_data(consent_marketing="on"))
    assert Submission.objects.count() == 3


def test_the_same_form_sent_again_the_next_day_is_a_new_one(
    client, texts, contact_data, time_machine
):
    """Back and «Send» come within minutes; the same question asked again the next day, its
    answer still awaited, is the visitor asking again, and the desk sees it."""
    time_machine.move_to(timezone.now(), tick=False)
    client.post("/kk/contact/", contact_data())
    time_machine.shift(timedelta(minutes=59))
    said = client.post("/kk/contact/", contact_data(), follow=True).content.decode()
    assert Submission.objects.count() == 1 and SAID["kk"] in said
    time_machine.shift(timedelta(days=1))
    said = client.post("/kk/contact/", contact_data(), follow=True).content.decode()
    assert Submission.objects.count() == 2 and SAID["kk"] not in said


def test_the_same_form_from_another_browser_is_stored(client, texts, contact_data):
    client.post("/kk/contact/", contact_data())
    Client().post("/kk/contact/", contact_data())
    assert Submission.objects.count() == 2


def test_an_application_with_the_same_photo_is_taken_once_another_photo_is_new(
    client, texts, application_data, media
):
    def send(photo):
        data = application_data(photo=SimpleUploadedFile("me.jpg", photo, "image/jpeg"))
        return client.post("/ru/apply/", data, follow=True)

    send(jpeg())
    assert SAID["ru"] in send(jpeg()).content.decode()
    assert Submission.objects.count() == 1
    send(jpeg(size=(48, 64)))
    assert Submission.objects.count() == 2


def test_the_session_keeps_no_personal_data(client, texts, contact_data):
    client.post("/kk/contact/", contact_data())
    kept = str(dict(client.session))
    assert client.session[SESSION_KEY]
    for typed in ("Әсел", "asel@example.kz", "701", "Сәлеметсіз"):
        assert typed not in kept


# A correction, then «Send» again, on the page as it was, its one-time token with it (a phone
# whose network lost the answer to the first «Send», so the page stayed; Back to a page the
# browser kept): the token, spent on the first post, stored nothing of the second and thanked
# the visitor, who had corrected a mistyped address. A changed form is a new one, whatever its
# token.
CORRECTED = {
    "contact": ("contact/", {"email": "asel@example.kz", "message": "Тағы бір сұрақ."}),
    "newsletter": ("newsletter/", {"email": "asel@example.kz"}),
}


@pytest.mark.parametrize("lang", ["kk", "ru"])
@pytest.mark.parametrize("kind", CORRECTED)
def test_a_form_corrected_after_back_under_its_first_token_is_taken(
    client, texts, contact_data, lang, kind
):
    path, corrected = CORRECTED[kind]
    first = contact_data(email="asel@exmaple.kz", consent_marketing="on")
    client.post(f"/{lang}/{path}", first)

    response = client.post(f"/{lang}/{path}", {**first, **corrected})  # the same token

    assert response.status_code == 302
    assert Email.objects.filter(to__icontains="asel@example.kz").exists()
    if kind == "contact":
        assert Submission.objects.count() == 2


def test_a_request_corrected_after_back_under_its_first_token_is_taken(client, texts):
    from consent.rights.models import Ticket
    from tests.conftest import aged_token

    first = {"token": aged_token(), "type": "access", "email": "asel@exmaple.kz"}
    client.post("/ru/requests/new/", first)
    client.post("/ru/requests/new/", {**first, "email": "asel@example.kz"})
    assert Ticket.objects.count() == 2
    assert Email.objects.filter(to__icontains="asel@example.kz").exists()


def test_the_same_request_sent_again_under_its_token_is_taken_once(client, texts):
    from consent.rights.models import Ticket
    from tests.conftest import aged_token

    data = {"token": aged_token(), "type": "access", "email": "asel@example.kz"}
    client.post("/ru/requests/new/", data)
    client.post("/ru/requests/new/", data)
    assert Ticket.objects.count() == 1
