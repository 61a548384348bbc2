"""Without JavaScript, the cookie banner's buttons on a form page post that form, as typed, to the
page itself: the answer is taken and the form comes back filled in, consent boxes ticked as they
were, with no error, and nothing else stored, checked or counted. Its own form's post came back
to the page empty: someone halfway through the application lost everything they typed. A file
cannot be handed back to a browser: the page says to attach it again."""

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile

from consent.cookies.banner import COOKIE, PAGE_FIELD
from consent.cookies.models import CookieChoice
from tests.forms.photos import jpeg
from tests.forms.test_language_switch import FORMS, Form, stored, typed_in
from tests.texts import BANNER_SHOWN, SHOWN

FILE_AGAIN = {
    "kk": "Cookie туралы сұраққа жауап бергенде тіркеген файлыңыз сақталмады.",
    "ru": "Прикреплённый файл не сохранился, когда вы ответили на вопрос о\xa0cookie.",
}


@pytest.fixture
def analytics(settings, texts):
    settings.GA_MEASUREMENT_ID = "G-TEST123"
    settings.YANDEX_METRICA_ID = "98765"


def banner_buttons(html):
    """The banner's buttons: (form, formaction, name, value) of each."""
    part = html.split('class="cookie-banner"')[1].split("</section>")[0]
    buttons = []
    for tag in part.split("<button")[1:]:
        attrs = dict(a.split("=", 1) for a in tag.split(">")[0].split() if "=" in a)
        buttons.append(tuple(attrs.get(k, "").strip('"') for k in ("form", "formaction", "name",
                                                                     "value")))  # fmt: skip
    return buttons


@pytest.mark.parametrize("lang", ["kk", "ru"])
@pytest.mark.parametrize("path", FORMS)
def test_the_banner_buttons_of_a_form_page_belong_to_its_form(client, analytics, lang, path):
    html = client.get(f"/{lang}/{path}").content.decode()
    buttons = banner_buttons(html)
    assert [value for *_, value in buttons] == ["accept", "reject", "reject"]
    for form, action, name, _value in buttons:
        assert form in Form(html).form_ids and action == f"/{lang}/{path}" and name == PAGE_FIELD


@pytest.mark.parametrize("path", ["", "about/", "privacy/"])
def test_a_page_without_a_form_keeps_the_banner_form(client, analytics, path):
    buttons = banner_buttons(client.get(f"/kk/{path}").content.decode())
    assert buttons == [("", "", "choice", "accept"), ("", "", "choice", "reject"),
                       ("", "", "choice", "reject")]  # fmt: skip


@pytest.mark.parametrize("choice", ["accept", "reject"])
@pytest.mark.parametrize("lang", ["kk", "ru"])
@pytest.mark.parametrize("path", FORMS)
def test_answering_the_banner_keeps_what_was_typed(client, analytics, lang, path, choice):
    html = client.get(f"/{lang}/{path}").content.decode()
    form = Form(html)
    values = typed_in(form)
    boxes = {name: "on" for name in form.controls if name.startswith("consent_")}
    token = html.split('name="token" value="')[1].split('"')[0]
    before = stored()

    answer = client.post(f"/{lang}/{path}", {"token": token, **values, **boxes, **SHOWN,
                                             PAGE_FIELD: choice, **BANNER_SHOWN})  # fmt: skip

    assert answer.status_code == 200
    again = Form(answer.content.decode())
    assert again.lang == lang and not again.summary  # no error: nothing was sent
    assert {name: again.controls[name][1] for name in values} == values
    assert all(again.controls[name][1] == "on" for name in boxes)  # as ticked: same texts
    assert "cookie-banner" not in answer.content.decode()  # answered
    assert answer.cookies[COOKIE].value.split(".")[1] == choice
    assert list(CookieChoice.objects.values_list("choice", flat=True)) == [choice]
    widened = "googletagmanager.com" in answer["Content-Security-Policy"]
    assert widened == (choice == "accept")
    assert stored() == before  # no submission, request, ledger row, token, mail or audit row


def test_a_value_that_is_no_answer_keeps_the_form_and_asks_again(client, analytics):
    answer = client.post("/kk/contact/", {"full_name": "Әсел", PAGE_FIELD: "maybe"})
    html = answer.content.decode()
    assert answer.status_code == 200 and "Әсел" in html and "cookie-banner" in html
    assert COOKIE not in answer.cookies and CookieChoice.objects.count() == 0


@pytest.mark.parametrize("lang", ["kk", "ru"])
def test_a_photo_attached_before_the_answer_is_asked_for_again(
    client, analytics, lang, application_data
):
    photo = SimpleUploadedFile("me.jpg", jpeg(), "image/jpeg")
    data = {**application_data(), "photo": photo, PAGE_FIELD: "reject"}
    before = stored()
    answer = client.post(f"/{lang}/apply/", data)
    html = answer.content.decode()
    assert answer.status_code == 200 and FILE_AGAIN[lang] in html
    notes = html.split('class="notice switch-notes"')[1].split(">")[0]
    assert "autofocus" in notes  # said where the page opens, not merely present
    assert stored() == before
