"""Issue 18 item 4: what the forms say when something is wrong, in kk and ru."""

import html as htmllib
import io
import re
import time

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.utils import translation
from django.utils.html import escape
from django.utils.translation import gettext
from PIL import Image

from consent.core.models import Submission
from forms_app.abuse import new_token
from forms_app.forms import ApplicationForm
from tests.conftest import aged_token

TOO_QUICK = {"kk": "тым жылдам", "ru": "слишком быстро"}
REQUIRED = {"kk": "толтыру міндетті", "ru": "Обязательное поле"}
TICK = {"kk": "белгі қойыңыз", "ru": "Отметьте"}
OPTIONAL = {"kk": "(міндетті емес)", "ru": "(необязательно)"}


def summary(page):
    return page.split('class="error-summary"')[1].split("</div>")[0]


def text_of(fragment):
    return htmllib.unescape(re.sub(r"<[^>]+>", "", fragment))


@pytest.mark.parametrize("lang", ["kk", "ru"])
def test_an_empty_form_sent_at_once_gets_its_errors_not_too_quickly(client, texts, lang):
    page = client.post(f"/{lang}/contact/", {"token": new_token()}).content.decode()
    assert REQUIRED[lang] in page and TOO_QUICK[lang] not in page


@pytest.mark.parametrize("lang", ["kk", "ru"])
def test_a_valid_form_sent_at_once_is_still_refused_as_too_quick(client, texts, contact_data, lang):
    page = client.post(f"/{lang}/contact/", contact_data(token=new_token())).content.decode()
    assert TOO_QUICK[lang] in page and Submission.objects.count() == 0


@pytest.mark.parametrize("lang", ["kk", "ru"])
def test_the_summary_never_glues_label_and_message(client, texts, lang):
    page = client.post(f"/{lang}/requests/new/", {"token": aged_token()}).content.decode()
    items = [text_of(li) for li in re.findall(r"<li>(.*?)</li>", summary(page), re.S)]
    assert items and all(" — " in item for item in items), items
    assert not any(re.search(r"[.?!:]\s*:", item) for item in items), items


@pytest.mark.parametrize("lang", ["kk", "ru"])
def test_a_consent_box_is_asked_to_be_ticked(client, texts, contact_data, lang):
    page = client.post(f"/{lang}/contact/", contact_data(consent_service=None)).content.decode()
    error = page.split('id="id_consent_service_error"')[1].split("</p>")[0]
    assert TICK[lang] in error and REQUIRED[lang] not in error


@pytest.mark.parametrize("lang", ["kk", "ru"])
def test_a_minor_reads_the_guardian_message_once_and_sees_the_fields_required(
    client, texts, application_data, lang, time_machine
):
    time_machine.move_to("2027-06-01 12:00+05:00", tick=False)
    page = client.post(f"/{lang}/apply/", application_data(birth_date="2009-06-02"))
    page = page.content.decode()
    with translation.override(lang):
        rule = escape(str(ApplicationForm.GUARDIAN_NEEDED))
    assert page.count(rule) == 1
    for name in ("guardian_name", "guardian_contact", "consent_guardian"):
        field = page.split(f'for="id_{name}"')[1].split("</label>")[0]
        assert OPTIONAL[lang] not in field
        assert f'id="id_{name}_error"' in page


def a_photo():
    out = io.BytesIO()
    Image.new("RGB", (40, 40), "teal").save(out, "JPEG")
    return SimpleUploadedFile("me.jpg", out.getvalue(), content_type="image/jpeg")


@pytest.mark.parametrize("refusal", ["an error", "too quick"])
@pytest.mark.parametrize("lang", ["kk", "ru"])
def test_a_photo_is_asked_again_when_the_form_comes_back(
    client, texts, application_data, lang, refusal
):
    wrong = {"email": "bad"} if refusal == "an error" else {"token": new_token()}
    data = application_data(photo=a_photo(), **wrong)
    page = client.post(f"/{lang}/apply/", data).content.decode()
    error = page.split('id="id_photo_error"')[1].split("</p>")[0]
    assert {"kk": "қайта", "ru": "ещё раз"}[lang] in error


@pytest.mark.parametrize("lang", ["kk", "ru"])
def test_the_optional_hint_only_where_a_field_is_optional(client, texts, lang):
    with translation.override(lang):
        hint = escape(gettext("Fields marked optional may be left empty."))
    assert hint not in client.get(f"/{lang}/contact/").content.decode()  # all are required
    assert hint in client.get(f"/{lang}/apply/").content.decode()


@pytest.mark.parametrize(
    "lang,when",
    [("kk", r"\d+ секундтан кейін"), ("ru", r"через \d+ секунд")],
)
def test_the_sixth_post_says_when_and_keeps_what_was_typed(
    client, texts, contact_data, settings, time_machine, lang, when
):
    settings.FORM_RATE_LIMIT = "5/60"
    time_machine.move_to((time.time() // 60 + 1) * 60 + 5, tick=False)
    for i in range(5):
        client.post(f"/{lang}/contact/", contact_data(email="bad", message=f"m{i}"))
    response = client.post(f"/{lang}/contact/", contact_data(message="Менің хатым"))
    page = response.content.decode()
    assert response.status_code == 429 and response["Retry-After"] == "55"
    assert re.search(when, page) and "55" in page
    assert "Менің хатым" in page and 'value="asel@example.kz"' in page
    assert Submission.objects.count() == 0


@pytest.mark.parametrize("lang", ["kk", "ru"])
def test_a_choice_is_asked_to_be_chosen(client, texts, lang):
    page = client.post(f"/{lang}/requests/new/", {"token": aged_token()}).content.decode()
    error = page.split('id="id_type_error"')[1].split("</p>")[0]
    assert {"kk": "таңдаңыз", "ru": "Выберите"}[lang] in error and REQUIRED[lang] not in error
