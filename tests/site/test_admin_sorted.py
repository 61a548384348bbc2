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
