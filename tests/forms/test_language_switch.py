"""The language switch on a form page keeps what the visitor typed: it is a button that posts the
form to the same page in the other language, which shows it again filled in, with no error (but
those the page showed, checked again in that language), and stores and counts nothing. Consent
boxes start empty there (consent is given to the texts as read in that language) and the page
says so; a file attached must be attached again."""

from html.parser import HTMLParser

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from post_office.models import Email

from consent.core.models import AuditEvent, LedgerEntry, Subject, Submission
from consent.rights.models import Ticket
from forms_app.models import UsedFormToken
from tests.forms.photos import jpeg

FORMS = ["contact/", "apply/", "newsletter/", "requests/new/", "my-data/"]
OTHER = {"kk": "ru", "ru": "kk"}
TICK_AGAIN = {
    "kk": "Келісім мәтіндерін осы тілде оқып, белгілерді қайта қойыңыз.",
    "ru": "Прочитайте тексты согласий на этом языке и\xa0снова поставьте отметки.",
}
FILE_AGAIN = {"kk": "Тіл ауысқанда тіркеген файлыңыз сақталмады.", "ru": "При смене языка"}


class Form(HTMLParser):
    """A page's public form as a browser holds it: each control's name, type and current value
    (a select's selected option, a checked radio or box), the options it offers, and the
    language switch's buttons."""

    def __init__(self, html):
        super().__init__()
        self.controls, self.options, self.switches, self.form_ids = {}, {}, [], []
        self._select = self._textarea = None
        self.lang = None
        self.summary = "error-summary" in html
        self.feed(html)

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        name = attrs.get("name")
        if tag == "html":
            self.lang = attrs.get("lang")
        elif tag == "form" and "public-form" in (attrs.get("class") or ""):
            self.form_ids.append(attrs.get("id"))
        elif tag == "button" and name == "switch_language":
            self.switches.append(attrs)
        elif tag == "input" and name and attrs.get("type") not in ("hidden", "submit"):
            kind = attrs.get("type", "text")
            if kind in ("radio", "checkbox"):
                self.options.setdefault(name, []).append(attrs.get("value", "on"))
                if "checked" in attrs:
                    self.controls[name] = (kind, attrs.get("value", "on"))
                else:
                    self.controls.setdefault(name, (kind, ""))
            else:
                self.controls[name] = (kind, attrs.get("value", ""))
        elif tag == "select":
            self._select = name
            self.controls[name] = ("select", "")
            self.options[name] = []
        elif tag == "option" and self._select:
            self.options[self._select].append(attrs.get("value", ""))
            if "selected" in attrs:
                self.controls[self._select] = ("select", attrs.get("value", ""))
        elif tag == "textarea":
            self._textarea = name
            self.controls[name] = ("textarea", "")

    def handle_endtag(self, tag):
        if tag == "select":
            self._select = None
        elif tag == "textarea":
            self._textarea = None

    def handle_data(self, data):
        if self._textarea:
            kind, value = self.controls[self._textarea]
            self.controls[self._textarea] = (kind, value + data.removeprefix("\n"))


def typed_in(form):
    """What a visitor types and picks in every control of `form` other than the consent boxes
    and the honeypot: a value each, chosen so it can be found again."""
    values = {}
    for name, (kind, _value) in form.controls.items():
        if name == "website" or name.startswith("consent_") or kind == "file":
            continue
        if kind in ("select", "radio"):
            values[name] = [v for v in form.options[name] if v][-1]
        elif kind == "date":
            values[name] = "1990-05-17"
        elif kind == "email" or "email" in name:
            values[name] = "asel@example.kz"
        else:
            values[name] = f"Әсел «{name}» Қасымова"
    return values


def stored():
    return [
        m.objects.count()
        for m in (Submission, Subject, Ticket, LedgerEntry, UsedFormToken, Email, AuditEvent)
    ]


@pytest.fixture
def page(client, texts):
    def open_form(lang, path):
        html = client.get(f"/{lang}/{path}").content.decode()
        return Form(html), html

    return open_form


@pytest.mark.parametrize("lang", ["kk", "ru"])
@pytest.mark.parametrize("path", FORMS)
def test_the_switch_of_a_form_page_sends_its_form_to_the_other_language(page, lang, path):
    form, _html = page(lang, path)
    (switch,) = form.switches
    assert switch["form"] in form.form_ids  # the button belongs to the page's form
    assert switch["formaction"] == f"/{OTHER[lang]}/{path}"
    assert switch["value"] == OTHER[lang] and switch["lang"] == OTHER[lang]


@pytest.mark.parametrize("lang", ["kk", "ru"])
@pytest.mark.parametrize("path", FORMS)
def test_what_was_typed_comes_along_and_nothing_is_stored(client, page, lang, path):
    form, html = page(lang, path)
    values = typed_in(form)
    assert values  # every form asks for something
    boxes = {name: "on" for name in form.controls if name.startswith("consent_")}
    token = html.split('name="token" value="')[1].split('"')[0]
    before = stored()

    other = OTHER[lang]
    answer = client.post(f"/{other}/{path}", {"token": token, **values, **boxes,
                                              "switch_language": other})  # fmt: skip

    assert answer.status_code == 200
    switched = Form(answer.content.decode())
    assert switched.lang == other and not switched.summary  # no error before anything is sent
    assert {name: switched.controls[name][1] for name in values} == values
    assert all(not switched.controls[name][1] for name in boxes)  # to be ticked again
    assert (TICK_AGAIN[other] in answer.content.decode()) == bool(boxes)
    assert stored() == before  # nothing stored, nothing counted, no mail


def test_the_switched_form_is_sent_as_any_form_is(client, page, contact_data, settings):
    """The form shown after the switch keeps its token (the time since it was first shown
    counts), and sending it stores one submission, in the new language."""
    settings.FORM_MIN_FILL_SECONDS = 0
    data = contact_data()
    client.post("/ru/contact/", {**data, "switch_language": "ru"})
    answer = client.post("/ru/contact/", data)
    assert answer.status_code == 302
    assert Submission.objects.get().language == "ru"


@pytest.mark.parametrize("lang", ["kk", "ru"])
def test_a_photo_attached_before_the_switch_is_asked_for_again(
    client, texts, lang, application_data
):
    other = OTHER[lang]
    photo = SimpleUploadedFile("me.jpg", jpeg(), "image/jpeg")
    data = {**application_data(), "photo": photo, "switch_language": other}
    answer = client.post(f"/{other}/apply/", data)
    html = answer.content.decode()
    assert answer.status_code == 200 and FILE_AGAIN[other] in html
    assert Submission.objects.count() == 0


@pytest.mark.parametrize("path", ["", "privacy/", "contact/thanks/"])
def test_a_page_without_a_form_keeps_its_link(client, texts, path):
    html = client.get(f"/kk/{path}").content.decode()
    link = f'<a href="/ru/{path}?switch_language=ru" hreflang="ru" lang="ru" rel="nofollow">'
    assert link in html
    assert 'name="switch_language"' not in html


PROBLEM = {"kk": "Форманы тексеріңіз", "ru": "Проверьте форму"}


@pytest.mark.parametrize("lang", ["kk", "ru"])
@pytest.mark.parametrize("path", FORMS)
def test_a_form_showing_its_errors_shows_them_again_in_the_language_switched_to(
    client, page, lang, path
):
    """A visitor told the address is wrong switches language to read the message in theirs: the
    form came back filled in but with no error, and they were left to guess what to put right.
    Checked again, nothing is stored or counted."""
    form, _html = page(lang, path)
    values = typed_in(form)
    email = next(name for name in values if "email" in name)
    values[email] = "asel@"
    token = _html.split('name="token" value="')[1].split('"')[0]
    refused = client.post(f"/{lang}/{path}", {"token": token, **values}).content.decode()
    assert Form(refused).summary and 'name="errors_shown"' in refused
    token = refused.split('name="token" value="')[1].split('"')[0]
    before = stored()

    other = OTHER[lang]
    answer = client.post(f"/{other}/{path}", {"token": token, **values, "errors_shown": "1",
                                              "switch_language": other})  # fmt: skip

    html = answer.content.decode()
    switched = Form(html)
    assert answer.status_code == 200 and switched.lang == other and switched.summary
    assert PROBLEM[other] in html and PROBLEM[lang] not in html
    assert f'name="{email}" value="asel@"' in html and 'aria-invalid="true"' in html
    assert stored() == before
