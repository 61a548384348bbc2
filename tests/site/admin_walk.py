"""One walk of every admin page as a superuser, in each staff language, for the judges of
tests/site/test_admin_kazakh.py: each page is fetched once per language and judged for English
(Django's and ours), for the columns of our lists, for markup shown as text, for the mark of an
empty value (a dash, docs/glossary.md), and for the header contract (compliance T2: fetched over
HTTPS, with HSTS on as in production); and every list sorted by each of its columns, both ways,
on the same rows by the same signed-in superuser. A judge of another module reading it would walk
the admin again: the walk is most of that module's time."""

import html as markup
import re

import pytest
from django.contrib import admin
from django.test import Client, RequestFactory

from tests.staff import registered_admins

# A draft policy version whose title and text hold what a content editor typed as markup.
TYPED = "<b>typed</b>"

HEADER = re.compile(r'<th scope="col" class="sortable column-(\w+)[^"]*">.*?'
                    r'<div class="text"><a [^>]*href="(\?[^"]*)"', re.S)  # fmt: skip


def sort_links(page):
    """{column: the query string its header links to} of a list's page."""
    return {column: markup.unescape(link) for column, link in HEADER.findall(page)}


class Walk:
    """The responses of one language's walk: `pages` (admin_pages), `urls` (every named URL of
    every model admin, tests/site/test_admin_permissions.py::admin_urls, and the draft's page), and
    `extra` (every admin URL that takes no argument, and the password form). A URL fetched by
    GET for one is not fetched again for another."""

    def __init__(self, browser):
        self.browser, self.fetched = browser, {}

    def get(self, url):
        if url not in self.fetched:
            self.fetched[url] = self.browser.get(url, secure=True)
        return self.fetched[url]


def admin_pages(browser, get):
    """Every page the admin offers a superuser for each registered model: its app, the list,
    the add form, one object's page, its history and delete confirmation, the confirmation of
    'delete selected', and the object's own pages its page links to (an authenticator's QR
    code, a staff member's password form…). Yields (url, response)."""
    from tests.site.admin_rows import example

    request = RequestFactory().get("/")
    request.user = browser.user
    apps = set()
    for model, model_admin in registered_admins().items():
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
        responses = {url: get(url) for url in pages}
        for url, response in responses.items():
            if response.status_code == 302 and url.endswith("/history/"):
                # a request's or a person's history is the audit log at its rows: walked there
                response = browser.get(response["Location"], secure=True)
            yield url, response
        html = responses[own + "change/"].content.decode()  # its links: fetched once, read twice
        for url in sorted(set(re.findall(rf'href="({re.escape(own)}[^"?#]+)"', html))):
            response = get(url)  # fetched once: `urls` holds it too
            if response.status_code in (301, 302):  # resending a mail returns to its page
                response = browser.get(response["Location"], secure=True)
            if response.get("content-type", "").startswith("text/html"):
                yield url, response
        if "delete_selected" in model_admin.get_actions(request):
            data = {"action": "delete_selected", "_selected_action": [obj.pk]}
            yield f"{base} (delete selected)", browser.post(base, data, secure=True)


def sorted_lists(browser, get):
    """Every list, sorted by each of its columns as a staff member clicks the header, then
    clicked again (the other way). Yields (list URL, its page, [(column, first click, second
    click or None where the sorted page linked the column no more)])."""
    for model in registered_admins():
        base = f"/admin/{model._meta.app_label}/{model._meta.model_name}/"
        page = get(base)  # the walk's page of the list: not fetched again
        clicks = []
        for column, link in sort_links(page.content.decode()).items():
            once = browser.get(base + link, secure=True)
            again = sort_links(once.content.decode()).get(column)
            clicks.append((column, once, again and browser.get(base + again, secure=True)))
        yield base, page, clicks


def bare_urls():
    """Every admin URL reached without arguments: the index, each list and add form, the
    site's own views (statistics, exports…), all but signing out."""
    from django.urls import reverse

    from tests.site.test_headers import url_names

    return [reverse(f"admin:{p.name}") for _ns, p in url_names(admin.site.urls[0])
            if not p.pattern.converters and "(?P" not in str(p.pattern)
            and p.name != "logout"]  # fmt: skip


def walk(browser, lang, draft):
    from tests.site.test_admin_permissions import admin_urls

    browser.cookies["django_language"] = lang
    browser.defaults["HTTP_ACCEPT_LANGUAGE"] = lang
    done = Walk(browser)
    # The lists clicked first, on the rows as the site made them: after the pages, each list of
    # the audit log and the outbox would hold the walk's own hundreds of rows, sorted anew on
    # each click.
    done.sorts = list(sorted_lists(browser, done.get))
    done.pages = list(admin_pages(browser, done.get))
    urls = [url for _model, url in admin_urls(browser.person)]
    urls.append(f"/admin/consent/policyversion/{draft.pk}/change/")
    done.urls = [(url, done.get(url)) for url in urls]
    done.extra = [(url, done.get(url)) for url in [*bare_urls(), "/admin/password_change/"]]
    return done


def walk_undone(browser, lang, draft):
    """A language's walk, its rows (audit rows, sessions, mail resent) taken back after it:
    each language's walk starts from the same rows."""
    from django.db import transaction

    with transaction.atomic():
        done = walk(browser, lang, draft)
        transaction.set_rollback(True)
    return done


@pytest.fixture(scope="module")
def walks(django_db_setup, django_db_blocker):
    """A row of every kind (tests/site/admin_rows.py), a draft policy version with markup typed
    into it, a superuser signed in; and their walk in kk and in ru, each from those rows."""
    from django.contrib.auth.models import User
    from django.test import override_settings

    from consent.core.models import PolicyVersion
    from consent.core.texts import current_policy
    from tests.conftest import rows_for_the_module
    from tests.site.admin_rows import site_rows, staff
    from tests.texts import texts_publish

    with rows_for_the_module(django_db_blocker), override_settings(SECURE_HSTS_SECONDS=31536000):
        person = site_rows(texts_publish(current_policy()), Client())
        draft = PolicyVersion.objects.create(
            number=99, effective_date="2099-01-01", title_kk=TYPED, title_ru=TYPED,
            text_kk=f"бір\n\n{TYPED}", text_ru=f"один\n\n{TYPED}",
        )  # fmt: skip
        browser = staff("root")
        browser.person, browser.user = person, User.objects.get(username="root")
        yield {lang: walk_undone(browser, lang, draft) for lang in ("kk", "ru")}
