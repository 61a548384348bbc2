"""With the admin in Kazakh or Russian, no English shows: none of Django's catalogues, and no
name, column, filter, action or help of any registered admin, third-party apps included."""

import functools
import re
from html import unescape
from pathlib import Path

import django
import polib
import pytest
from django.contrib import admin
from django.contrib.auth import get_user_model
from django.test import Client, RequestFactory

from tests.staff import verified_login

DJANGO = Path(django.__file__).parent
CATALOGUES = [DJANGO / "contrib/admin/locale/en/LC_MESSAGES/django.po",
              DJANGO / "contrib/auth/locale/en/LC_MESSAGES/django.po",
              DJANGO / "conf/locale/en/LC_MESSAGES/django.po"]  # fmt: skip


@functools.cache
def english_phrases():
    """Django's msgids of three words or more, without placeholders (they would match nothing)."""
    phrases = set()
    for path in CATALOGUES:
        for entry in polib.pofile(str(path)):
            for text in (entry.msgid, entry.msgid_plural):
                if text and len(text.split()) >= 3 and "%" not in text and "{" not in text:
                    phrases.add(text)
    return frozenset(phrases)


CYRILLIC = re.compile(r"[а-яёәіңғүұқөһ]", re.I)


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


@pytest.mark.parametrize("lang", ["kk", "ru"])
def test_every_column_of_our_lists_is_named_in_the_staff_language(
    officer_client, texts, make_subject, lang
):
    """A column named by a bare field (`subject_id`) showed "Subject id" in both languages.
    A list shows its columns only with rows: a person who consented, wrote in and asked."""
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
    assert english == [], "\n".join(f"{url}: {label}" for url, label in english)


# --- every admin page a superuser can open, in both languages --------------------------------


def english_labels():
    """What the admin names in English, for every registered model, its inlines and its app:
    names of apps, models, fields and their choices, fieldsets, columns, filters and actions,
    help texts (all
    evaluated without a language, so a marked string gives its msgid), and the names Django
    stores for permissions ("Can add …"). A page in kk or ru shows none of them."""
    from django.contrib.admin.utils import label_for_field
    from django.contrib.auth.models import Permission
    from django.utils import translation

    request = RequestFactory().get("/")
    request.user = get_user_model()(is_superuser=True, is_staff=True, is_active=True)
    labels = set(Permission.objects.values_list("name", flat=True))
    with translation.override(None):
        for model, model_admin in admin.site._registry.items():
            admins = [model_admin, *model_admin.get_inline_instances(request)]
            for each in admins:
                opts = each.model._meta
                labels |= {str(opts.app_config.verbose_name), str(opts.verbose_name),
                           str(opts.verbose_name_plural)}  # fmt: skip
                for field in opts.get_fields():
                    if field.concrete:
                        labels |= {str(field.verbose_name), str(field.help_text)}
                        labels |= {str(label) for _value, label in field.flatchoices}
            fieldsets = model_admin.get_fieldsets(request, model._default_manager.first())
            labels |= {str(name) for name, _o in fieldsets if name}
            for column in model_admin.get_list_display(request):
                labels.add(str(label_for_field(column, model, model_admin)))
            for spec in model_admin.get_list_filter(request):
                if isinstance(spec, type):
                    labels.add(str(spec.title))
            for action in model_admin.get_actions(request).values():
                labels |= {str(action.description), str(action.plural_description)}
    return {label for label in labels if ENGLISH.search(label) and not CYRILLIC.search(label)}


ENGLISH = re.compile(r"[a-z]{3}")  # a word, not only a code such as "ID", "PDF" or "SHA-256 (kk)"


def english_in(text, labels):
    """The labels that `text` shows as words of their own, as written or with a capital; not
    inside data (an address, a path, a query string, JSON)."""
    return sorted({label for label in labels
                   for shown in {label, label[:1].upper() + label[1:]}
                   if shown in text and standalone(shown).search(text)})  # fmt: skip


@functools.cache
def standalone(shown):
    """`shown` as a word of its own. Compiled once: ~2,000 labels times ~200 pages compiled anew
    made this module most of the suite's time."""
    # A colon ends a label («Subject:», a field read on its page) when a space follows; one
    # inside data («12:30», «mailto:», a JSON key) does not.
    before, after = r'(?<![\w.@/&?="-])', r'(?![\w@/="-]|:\S)'
    return re.compile(before + re.escape(shown) + after)


# The phrases the email intake recognises came with notes in English (a data migration,
# consent/rights/migrations/0003): data the staff edit, not labels; left to a migration of theirs.
NOT_LABELS = re.compile(r'<td class="field-note">.*?</td>', re.S)


@pytest.fixture(scope="module")
def superuser(django_db_setup, django_db_blocker):
    """A row of every kind (tests/site/admin_rows.py), and a superuser signed in."""
    from consent.core.texts import current_policy
    from tests.conftest import rows_for_the_module
    from tests.site.admin_rows import site_rows, staff
    from tests.texts import texts_publish

    with rows_for_the_module(django_db_blocker):
        person = site_rows(texts_publish(current_policy()), Client())
        browser = staff("root")
        browser.person = person
        yield browser


def admin_pages(browser):
    """Every page the admin offers a superuser for each registered model: its app, the list,
    the add form, one object's page, its history and delete confirmation, the confirmation of
    'delete selected', and the object's own pages its page links to (an authenticator's QR
    code, a staff member's password form…). Yields (url, response)."""
    from tests.site.admin_rows import example

    request = RequestFactory().get("/")
    request.user = browser.user
    apps = set()
    for model, model_admin in admin.site._registry.items():
        obj = example(model, browser.person)
        base = f"/admin/{model._meta.app_label}/{model._meta.model_name}/"
        own = f"{base}{obj.pk}/"
        pages = [f"/admin/{model._meta.app_label}/"] * (model._meta.app_label not in apps)
        apps.add(model._meta.app_label)
        pages += [base, own + "change/", own + "history/"]
        if model_admin.has_add_permission(request):
            pages.append(base + "add/")
        if model_admin.has_delete_permission(request, obj):
            pages.append(own + "delete/")
        responses = {url: browser.get(url) for url in pages}
        yield from responses.items()
        html = responses[own + "change/"].content.decode()  # its links: fetched once, read twice
        for url in sorted(set(re.findall(rf'href="({re.escape(own)}[^"?#]+)"', html))):
            response = browser.get(url, follow=True)  # resending a mail returns to its page
            if response.get("content-type", "").startswith("text/html"):
                yield url, response
        if "delete_selected" in model_admin.get_actions(request):
            data = {"action": "delete_selected", "_selected_action": [obj.pk]}
            yield f"{base} (delete selected)", browser.post(base, data)


@pytest.mark.django_db
@pytest.mark.parametrize("lang", ["kk", "ru"])
def test_no_admin_page_shows_english(superuser, lang):
    """Third-party apps too: django-axes, django-otp and django-post-office showed their app,
    model and field names, columns, filters, actions and help in English ("AXES", "Access
    attempts", "Static devices", "TOTP devices", "Emails"), and the permissions Django names
    in English ("Can add data subject")."""
    from django.contrib.auth.models import User

    superuser.user = User.objects.get(username="root")
    superuser.cookies["django_language"] = lang
    superuser.defaults["HTTP_ACCEPT_LANGUAGE"] = lang
    labels = english_labels()
    english, opened = [], 0
    for url, response in admin_pages(superuser):
        assert response.status_code == 200, url
        opened += 1
        found = english_in(visible_text(NOT_LABELS.sub("", response.content.decode())), labels)
        english += [(url, label) for label in found]
    assert opened > 3 * len(admin.site._registry)
    assert english == [], "\n".join(f"{url}: {label}" for url, label in english)
