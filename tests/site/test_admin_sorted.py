"""Every list of the admin sorted by each of its columns, as a staff member clicks the header,
both ways, in kk and ru: each choice column is sorted by what it reads (consent/common/
label_order.py), which must hold on every list, its own query's annotations and joins too."""

import html as markup
import re

import pytest
from django.contrib import admin
from django.test import Client

from consent.common.label_order import LabelOrderedAdmin
from consent.core.texts import current_policy
from tests.site.admin_rows import site_rows, staff
from tests.texts import texts_publish

HEADER = re.compile(r'<th scope="col" class="sortable column-(\w+)[^"]*">.*?'
                    r'<div class="text"><a [^>]*href="(\?[^"]*)"', re.S)  # fmt: skip


def sort_links(page):
    return {column: markup.unescape(link) for column, link in HEADER.findall(page)}


def test_every_admin_sorts_its_choices_as_they_read():
    for model, model_admin in admin.site._registry.items():
        assert isinstance(model_admin, LabelOrderedAdmin), model


@pytest.mark.parametrize("lang", ["kk", "ru"])
def test_every_list_sorts_by_every_column(db, policy, lang):
    site_rows(texts_publish(current_policy()), Client())
    browser = staff("root")
    browser.cookies["django_language"] = lang
    sorted_columns = 0
    for model in admin.site._registry:
        base = f"/admin/{model._meta.app_label}/{model._meta.model_name}/"
        page = browser.get(base, secure=True)
        assert page.status_code == 200, base
        for column, link in sort_links(page.content.decode()).items():
            once = browser.get(base + link, secure=True)
            assert once.status_code == 200, (base, column)
            again = sort_links(once.content.decode())[column]  # clicked again: the other way
            assert browser.get(base + again, secure=True).status_code == 200, (base, column)
            sorted_columns += 1
    assert sorted_columns > 40  # the walk reached the lists' headers


# The kinds of record the audit log names, in each alphabet's order: by the stored model label
# it was the ledger entry, the person, the request, in both.
KINDS = {
    "kk": ["Дербес деректер субъектісі", "Келісімдер журналының жазбасы", "Өтініш"],
    "ru": ["Запись журнала согласий", "Запрос", "Субъект персональных данных"],
}


@pytest.mark.parametrize("lang", ["kk", "ru"])
def test_the_audit_log_sorted_by_record_follows_the_names_read(
    privacy_officer_client, texts, make_subject, lang
):
    """A column that shows a code by a name of the staff member's language (the audit log's
    record, stored as the model's label) is sorted by that name too (its admin's
    labelled_by)."""
    from consent.core.ledger import consent_grant
    from consent.core.models import AuditEvent, Source
    from consent.core.purposes import SERVICE
    from consent.rights.tickets import ticket_open

    person = make_subject(full_name="Әсел Қасымова", email="asel@example.kz")
    consent_grant(person, texts[SERVICE], language="kk", source=Source.CONTACT_FORM)
    ticket_open(kind="access", email=person.email, language="kk", channel="web")
    AuditEvent.objects.create(action="subject_view", object_type="consent.subject",
                              object_id=str(person.pk), subject_ref=person.pk)  # fmt: skip
    browser = privacy_officer_client
    browser.cookies["django_language"] = lang
    base = "/admin/consent/auditevent/"
    link = sort_links(browser.get(base).content.decode())["object_kind"]
    page = browser.get(base + link).content.decode()
    cells = re.findall(r'<td class="field-object_kind">([^<]*)</td>', page)
    kinds = [cell.split(" №")[0].strip() for cell in cells if cell.strip()]
    seen = [k for i, k in enumerate(kinds) if k in KINDS[lang] and k not in kinds[:i]]
    assert seen == KINDS[lang], kinds
