"""A form posted to an address not quite its own: without its last «/» («/kk/contact»), without
its language («/contact/»), with «..» in it. Django sent such a post on with a 301 or a 302,
which a browser follows with a GET: the form came back empty, what the visitor wrote lost (with
DEBUG, a 500). It is sent on as a post, 308 or 307, and reaches the form in its language
(emalu/middleware.py::SENT_ON_AS_POST)."""

import pytest
from django.conf import settings
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test.client import BOUNDARY, encode_multipart

from consent.core.models import Submission
from tests.forms.photos import jpeg
from tests.texts import as_shown

LANG = {"kk": '<html lang="kk">', "ru": '<html lang="ru">'}


def sent_to_thanks(response, lang, status):
    """The post reached the form, kept whole, and the visitor is thanked in `lang`."""
    first_status = response.redirect_chain[0][1]
    assert first_status == status
    assert response.status_code == 200 and LANG[lang] in response.content.decode()
    assert response.redirect_chain[-1][0] == f"/{lang}/contact/thanks/"
    submission = Submission.objects.get()
    assert submission.subject.language == lang
    return submission


@pytest.mark.parametrize("lang", ["kk", "ru"])
def test_a_form_posted_without_its_slash_is_sent(client, texts, contact_data, lang):
    response = client.post(f"/{lang}/contact", contact_data(), follow=True)
    submission = sent_to_thanks(response, lang, 308)
    assert submission.subject.full_name == "Әсел Қасымова"


@pytest.mark.parametrize("lang", ["kk", "ru"])
def test_a_form_posted_without_its_slash_is_sent_with_debug(
    client, texts, contact_data, lang, settings
):
    """Django raised a RuntimeError for it with DEBUG: a 500 on a developer's machine."""
    settings.DEBUG = True
    sent_to_thanks(client.post(f"/{lang}/contact", contact_data(), follow=True), lang, 308)


def test_a_photo_posted_without_the_slash_is_kept(client, texts, application_data, media):
    """The body sent again as it was, as a browser does (the test client would read the file
    anew, at its end)."""
    photo = SimpleUploadedFile("photo.jpg", jpeg(), content_type="image/jpeg")
    body = encode_multipart(BOUNDARY, as_shown(client, "/ru/apply/", application_data(photo=photo)))
    content_type = f"multipart/form-data; boundary={BOUNDARY}"
    response = client.post("/ru/apply", body, content_type=content_type, follow=True)
    assert response.redirect_chain[0][1] == 308
    assert response.redirect_chain[-1][0] == "/ru/apply/thanks/"
    assert Submission.objects.get().photo.name.endswith(".jpg")


@pytest.mark.parametrize("lang", ["kk", "ru"])
def test_a_form_posted_without_its_language_is_sent_in_the_visitors(
    client, texts, contact_data, lang
):
    """«/contact/»: sent on to the form in the language the visitor chose (the switch's cookie)."""
    client.cookies[settings.LANGUAGE_COOKIE_NAME] = lang
    sent_to_thanks(client.post("/contact/", contact_data(), follow=True), lang, 307)


def test_a_form_posted_to_a_path_with_dots_is_sent_to_the_form_it_names(
    client, texts, contact_data
):
    sent_to_thanks(client.post("/kk/../ru/contact/", contact_data(), follow=True), "ru", 308)


def test_a_page_asked_for_without_its_slash_is_still_a_301(client, texts):
    """Only a post keeps its method: a GET is sent on as before, cached as before."""
    response = client.get("/kk/contact")
    assert (response.status_code, response["Location"]) == (301, "/kk/contact/")
