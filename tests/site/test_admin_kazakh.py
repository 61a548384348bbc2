"""With the admin in Kazakh, no English string from Django's catalogues shows."""

import re
from html import unescape
from pathlib import Path

import django
import polib
import pytest
from django.test import Client

from tests.staff import verified_login

DJANGO = Path(django.__file__).parent
CATALOGUES = [DJANGO / "contrib/admin/locale/en/LC_MESSAGES/django.po",
              DJANGO / "contrib/auth/locale/en/LC_MESSAGES/django.po",
              DJANGO / "conf/locale/en/LC_MESSAGES/django.po"]  # fmt: skip


def english_phrases():
    """Django's msgids of three words or more, without placeholders (they would match nothing)."""
    phrases = set()
    for path in CATALOGUES:
        for entry in polib.pofile(str(path)):
            for text in (entry.msgid, entry.msgid_plural):
                if text and len(text.split()) >= 3 and "%" not in text and "{" not in text:
                    phrases.add(text)
    return phrases


def visible_text(html):
    html = re.sub(r"<(script|style)\b.*?</\1>", " ", html, flags=re.S)
    return " ".join(unescape(re.sub(r"<[^>]+>", " ", html)).split())


@pytest.fixture
def kk_staff(officer, texts, make_subject):
    client = Client(headers={"accept-language": "kk"})
    client.subject = make_subject()
    return verified_login(client, officer)


PAGES = ["/admin/", "/admin/consent/subject/", "/admin/rights/breach/add/",
         "/admin/rights/ticket/", "/admin/auth/user/", "/admin/password_change/",
         "/admin/consent/consenttext/", "/admin/consent/subject/{subject}/change/"]  # fmt: skip


@pytest.mark.parametrize("path", PAGES)
def test_no_english_from_djangos_catalogues(kk_staff, path):
    response = kk_staff.get(path.format(subject=kk_staff.subject.pk))
    assert response.status_code == 200
    text = visible_text(response.content.decode())
    leaks = sorted(p for p in english_phrases() if p in text)
    assert leaks == [], leaks


def test_the_login_page_is_kazakh(db):
    text = visible_text(
        Client(headers={"accept-language": "kk"}).get("/admin/login/").content.decode()
    )
    assert "Пайдаланушы аты" in text and "Құпиясөз" in text
    assert not [p for p in english_phrases() if p in text]


OURS = ("consent", "forms_app", "emalu")  # the apps whose labels are ours to translate
CYRILLIC = re.compile(r"[а-яёәіңғүұқөһ]", re.I)


@pytest.mark.parametrize("lang", ["kk", "ru"])
def test_every_column_of_our_lists_is_named_in_the_staff_language(
    officer_client, texts, make_subject, lang
):
    """A column named by a bare field (`subject_id`) showed "Subject id" in both languages.
    A list shows its columns only with rows: a person who consented, wrote in and asked."""
    from django.contrib import admin

    from consent.core.ledger import consent_grant
    from consent.core.models import Source, Submission
    from consent.core.purposes import SERVICE
    from consent.rights.tickets import ticket_open

    person = make_subject(email="asel@example.kz")
    consent_grant(person, texts[SERVICE], language="kk", source=Source.CONTACT_FORM)
    Submission.objects.create(subject=person, source=Source.CONTACT_FORM, language="kk", data={})
    ticket_open(kind="access", email="asel@example.kz", language="kk", channel="web")
    english = []
    for model in admin.site._registry:
        if not model.__module__.startswith(OURS):
            continue
        url = f"/admin/{model._meta.app_label}/{model._meta.model_name}/"
        html = officer_client.get(url, headers={"accept-language": lang}).content.decode()
        for header in re.findall(r'<th scope="col"[^>]*>(.*?)</th>', html, re.S):
            text = " ".join(unescape(re.sub(r"<[^>]+>", " ", header)).split())
            if text and not CYRILLIC.search(text) and text not in ("ID", "PDF"):
                english.append((url, text))
    assert english == []
