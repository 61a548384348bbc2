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

from consent.core.models import Guardian, Submission
from consent.core.subjects import address_tag
from consent.rights import selfservice
from emalu.models import Service
from forms_app.abuse import new_token
from forms_app.forms import ApplicationForm
from tests.conftest import aged_token
from tests.forms.test_visitor_text import person  # noqa: F401  (fixture)


@pytest.fixture
def texts(texts_of_the_module, db):  # published once for the module (tests/forms/conftest.py)
    return texts_of_the_module


TOO_QUICK = {"kk": "тым жылдам", "ru": "слишком быстро"}
REQUIRED = {"kk": "Бұл өрісті толтырыңыз.", "ru": "Заполните это поле."}
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
    """Each item: the field's name as a link, its message a sentence of its own on the line
    below; no dash or colon joins them (a message starts with its capital, which after a dash
    or a colon is wrong in both languages)."""
    page = client.post(f"/{lang}/requests/new/", {"token": aged_token()}).content.decode()
    items = re.findall(r"<li>(.*?)</li>", summary(page), re.S)
    assert items, page
    for item in items:
        link, message = re.fullmatch(
            r'<a href="#id_\w+">(.+?)</a> <span class="error-summary-message">(.+?)</span>', item
        ).groups()
        assert message[0].isupper() and not re.search(r"[—:]\s*$", text_of(link)), item


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


ITEM = r'<a href="#id_\w+">(.+?)</a> <span class="error-summary-message">(.+?)</span>'


def says_again(label, message):
    """`message` names its field again: the label's words, its last word with any ending."""
    words = label.casefold().split()
    if len(words) < 2:
        return False
    stem = " ".join([*words[:-1], words[-1][: max(4, len(words[-1]) - 2)]])
    return stem in message.casefold()


@pytest.mark.parametrize("lang", ["kk", "ru"])
def test_no_message_says_its_fields_name_again(client, texts, application_data, lang,
                                                time_machine):  # fmt: skip
    """The summary links each field by its name, the message follows it, and the field shows
    the message under its name too: a minor's parent read «Ата-ананың немесе қорғаншының
    аты-жөні» and then «Ата-ананың немесе қорғаншының аты-жөнін енгізіңіз»."""
    time_machine.move_to("2027-06-01 12:00+05:00", tick=False)
    pages = [client.post(f"/{lang}/apply/", application_data(birth_date="2009-06-02")),
             *(client.post(f"/{lang}/{path}/", {"token": aged_token()})
               for path in ("apply", "contact", "requests/new", "newsletter"))]  # fmt: skip
    said, items = [], 0
    for page in pages:
        for link, message in re.findall(ITEM, page.content.decode()):
            items += 1
            if says_again(text_of(link), text_of(message)):
                said.append((text_of(link), text_of(message)))
    assert items > 10 and said == []


PHONE_OR_EMAIL = {"kk": "телефон нөмірін", "ru": "номер телефона"}


@pytest.mark.parametrize("lang", ["kk", "ru"])
@pytest.mark.parametrize("contact", ["мама", "parent", "8 701", "+7 912 345 67 89"])
def test_a_parents_contact_that_reaches_no_one_is_asked_again(
    client, texts, application_data, lang, contact, time_machine
):
    """A 15-year-old applies with a parent, who types «мама» where the form asks for their
    phone or email: the application went through with a guardian the operator could never
    reach to check the consent given for the child. It comes back, with what was typed kept
    and the message beside the field saying what to type."""
    time_machine.move_to("2027-06-01 12:00+05:00", tick=False)
    data = application_data(birth_date="2012-03-21", guardian_name="Серік Әлиев",
                            guardian_contact=contact, consent_guardian="on")  # fmt: skip
    response = client.post(f"/{lang}/apply/", data)
    assert response.status_code == 200 and Submission.objects.count() == 0
    page = response.content.decode()
    error = text_of(page.split('id="id_guardian_contact_error"')[1].split("</p>")[0])
    assert PHONE_OR_EMAIL[lang] in error and "name@example.kz" in error
    with translation.override(lang):  # one message, not «enter the contact» beside it too
        assert REQUIRED[lang] not in error
        assert escape(str(ApplicationForm.GUARDIAN_NEEDED)) not in page
    assert f'value="{escape(contact)}"' in page and 'value="Серік Әлиев"' in page


@pytest.mark.parametrize("contact,kept", [
    ("8 (777) 123-45-67", "+77771234567"), (" Parent@Example.KZ ", "Parent@example.kz"),
])  # fmt: skip
def test_a_parents_phone_or_email_is_kept_as_the_site_keeps_them(
    client, texts, application_data, contact, kept, time_machine
):
    time_machine.move_to("2027-06-01 12:00+05:00", tick=False)
    data = application_data(birth_date="2012-03-21", guardian_name="Серік Әлиев",
                            guardian_contact=contact, consent_guardian="on")  # fmt: skip
    assert client.post("/kk/apply/", data).status_code == 302
    assert Guardian.objects.get().contact == kept


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
    [("kk", r"\d+\sсекундтан кейін"), ("ru", r"через \d+\sсекунд")],
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


@pytest.mark.parametrize("lang", ["kk", "ru"])
def test_a_service_left_unchosen_is_asked_to_be_chosen(client, texts, application_data, lang):
    """The list of services said «this field is required» («толтыру міндетті»: fill in), as
    if it were typed into."""
    Service.objects.create(slug="consult", is_published=True, title_kk="Кеңес",
                           title_ru="Консультация")  # fmt: skip
    page = client.post(f"/{lang}/apply/", application_data(service="")).content.decode()
    error = page.split('id="id_service_error"')[1].split("</p>")[0]
    assert {"kk": "таңдаңыз", "ru": "Выберите"}[lang] in error and REQUIRED[lang] not in error


# Every form a visitor can send with errors, and what it takes to get its page with errors.
EMPTY_POSTS = ["contact/", "apply/", "newsletter/", "requests/new/", "my-data/"]


def opening_of_main(page):
    return page.split('<main id="main"')[1].split("<form")[0]


@pytest.mark.parametrize("lang", ["kk", "ru"])
@pytest.mark.parametrize("path", EMPTY_POSTS)
def test_the_error_summary_is_focused_when_the_page_loads(client, texts, lang, path):
    """Without JavaScript, `autofocus` puts a keyboard or screen-reader user on the list of what
    to fix, not back at the top of the header; it sits before the form, once."""
    page = client.post(f"/{lang}/{path}", {"token": aged_token()}).content.decode()
    assert page.count('class="error-summary"') == 1
    summary_tag = re.search(r'<div class="error-summary"[^>]*>', opening_of_main(page)).group(0)
    assert 'tabindex="-1"' in summary_tag and "autofocus" in summary_tag


@pytest.mark.parametrize("lang", ["kk", "ru"])
def test_the_self_service_request_form_has_its_error_summary_too(client, person, lang):  # noqa: F811
    """The request form on a person's own page is far below its top: sent without a type, the
    page opens on the summary that links to the choice."""
    session = client.session
    session[selfservice.SESSION_KEY] = {"s": person.pk, "until": time.time() + 3600,
                                         "a": address_tag(person.email)}  # fmt: skip
    session.save()
    page = client.post(f"/{lang}/my-data/request/", {"message": "x"}).content.decode()
    head = page.split('<main id="main"')[1].split("<h2>")[0]
    assert 'class="error-summary"' in head and "autofocus" in head
    assert 'href="#id_type_0"' in head and 'id="id_type_0"' in page  # the first choice


TITLE_ERROR = {"kk": "Қате: ", "ru": "Ошибка: "}


def title_of(page):
    return htmllib.unescape(re.search(r"<title>(.*?)</title>", page, re.S).group(1))


@pytest.mark.parametrize("lang", ["kk", "ru"])
@pytest.mark.parametrize("path", EMPTY_POSTS)
def test_a_box_left_empty_is_asked_to_be_filled_in(client, texts, lang, path):
    """Each message says what to do: Django's own, «Обязательное поле.», «Бұл өрісті толтыру
    міндетті.», named the fault only, under every box of a form sent empty."""
    page = client.post(f"/{lang}/{path}", {"token": aged_token()}).content.decode()
    with translation.override(lang):
        assert gettext("This field is required.") not in page
    assert REQUIRED[lang] in page


@pytest.mark.parametrize("lang", ["kk", "ru"])
@pytest.mark.parametrize("path", EMPTY_POSTS)
def test_the_page_title_says_the_form_came_back_with_errors(client, texts, lang, path):
    """The title is the first thing a screen reader reads of a page, and what a tab, the
    history and a window switcher show: the form sent back with errors had the title of the
    form page sent fresh, and a visitor who left the tab saw no sign of it."""
    fresh = title_of(client.get(f"/{lang}/{path}").content.decode())
    sent = title_of(client.post(f"/{lang}/{path}", {"token": aged_token()}).content.decode())
    assert not fresh.startswith(TITLE_ERROR[lang]) and sent == TITLE_ERROR[lang] + fresh


@pytest.mark.parametrize("lang", ["kk", "ru"])
def test_the_self_service_page_title_says_its_request_form_has_errors(client, person, lang):  # noqa: F811
    session = client.session
    session[selfservice.SESSION_KEY] = {"s": person.pk, "until": time.time() + 3600,
                                         "a": address_tag(person.email)}  # fmt: skip
    session.save()
    fresh = title_of(client.get(f"/{lang}/my-data/").content.decode())
    sent = title_of(client.post(f"/{lang}/my-data/request/", {"message": "x"}).content.decode())
    assert not fresh.startswith(TITLE_ERROR[lang]) and sent == TITLE_ERROR[lang] + fresh
