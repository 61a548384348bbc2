"""Public pages come from the cache (make bench), yet each visitor gets their own tokens and
every edit shows at once."""

import re
from datetime import timedelta

import pytest
import time_machine
from django.conf import settings
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from consent.common.pagecache import placeholders
from consent.core.models import ConsentText, PolicyVersion, Submission
from consent.core.purposes import CROSS_BORDER, PURPOSES
from consent.core.texts import policy_publish, text_publish
from emalu.models import Page
from forms_app.abuse import read_token
from tests.texts import BANNER_SHOWN

SLOTS = tuple(placeholders().values())  # the CSRF token, the nonce and the form token


def hidden(html, name):
    return re.search(rf'name="{name}" value="([^"]+)"', html).group(1)


def test_a_cached_form_page_costs_no_query_and_gives_each_visitor_fresh_tokens(client, texts):
    first = client.get("/kk/apply/").content.decode()
    with CaptureQueriesContext(connection) as queries:
        second = client.get("/kk/apply/").content.decode()
    assert len(queries) == 0
    assert not any(slot in first + second for slot in SLOTS)
    assert hidden(first, "token") != hidden(second, "token")
    assert read_token(hidden(second, "token")) is not None
    assert hidden(first, "csrfmiddlewaretoken") != hidden(second, "csrfmiddlewaretoken")


def test_a_form_from_the_cache_can_be_sent(client, texts, contact_data):
    from django.test import Client

    client.get("/kk/contact/")  # fills the cache
    visitor = Client(enforce_csrf_checks=True)
    html = visitor.get("/kk/contact/").content.decode()
    data = contact_data(csrfmiddlewaretoken=hidden(html, "csrfmiddlewaretoken"))
    response = visitor.post("/kk/contact/", data)
    assert response.status_code == 302 and Submission.objects.count() == 1


def test_a_form_page_is_still_never_stored_by_browsers(client, texts):
    client.get("/kk/apply/")
    response = client.get("/kk/apply/")
    assert "no-store" in response["Cache-Control"]


def test_an_edited_page_shows_at_once(client, db):
    page = Page.objects.create(
        slug="about", title_kk="Біз туралы", title_ru="О нас", body_kk="Ескі"
    )
    assert "Ескі" in client.get("/kk/about/").content.decode()
    page.body_kk = "Жаңа мәтін"
    page.save()
    html = client.get("/kk/about/").content.decode()
    assert "Жаңа мәтін" in html and "Ескі" not in html


def test_each_language_has_its_own_copy_and_no_host_another(client, db):
    Page.objects.create(slug="about", title_kk="Біз туралы", title_ru="О нас", body_ru="Текст")
    client.get("/kk/about/")
    html = client.get("/ru/about/").content.decode()
    assert 'lang="ru"' in html and "Текст" in html
    # A page names the site by SITE_URL alone: the copy a request to one allowed host left is
    # the right one for another, and no copy carries the name a request happened to use.
    kept = client.get("/kk/about/", headers={"host": "localhost"}).content.decode()
    assert f"{settings.SITE_URL}/ru/about/" in kept and "localhost" not in kept


def test_a_policy_taking_effect_tomorrow_is_served_tomorrow_without_an_edit(client, texts):
    tomorrow = timezone.localdate() + timedelta(days=1)
    policy_publish(
        PolicyVersion.objects.create(
            number=3, effective_date=tomorrow, title_kk="Саясат 2", title_ru="Политика 2",
            text_kk="Екінші нұсқа", text_ru="Вторая версия",
        )
    )  # fmt: skip
    assert "Екінші нұсқа" not in client.get("/kk/privacy/").content.decode()
    with time_machine.travel(timezone.now() + timedelta(days=1)):
        assert "Екінші нұсқа" in client.get("/kk/privacy/").content.decode()


def test_the_cookie_banner_follows_each_visitors_choice(client, texts, settings):
    from django.test import Client

    settings.GA_MEASUREMENT_ID = "G-TEST123"
    assert "cookie-banner" in client.get("/kk/").content.decode()
    client.post("/cookies/choice", {"choice": "accept", "next": "/kk/", **BANNER_SHOWN},
                headers={"origin": "http://testserver"})  # fmt: skip
    page = client.get("/kk/")
    html = page.content.decode()
    assert "cookie-banner" not in html and "googletagmanager" in html
    assert "googletagmanager" in page["Content-Security-Policy"]
    assert "cookie-banner" in Client().get("/kk/").content.decode()


def test_a_refusal_is_not_kept(client, policy):
    """A form without a published consent text answers 503, and works once one is published."""
    assert client.get("/kk/apply/").status_code == 503
    for code in PURPOSES:
        if code != CROSS_BORDER:  # nobody abroad: no cross-border text to publish
            text_publish(ConsentText.objects.create(purpose=code, version=1, policy=policy))
    assert client.get("/kk/apply/").status_code == 200


def test_a_query_string_is_never_shared_with_another_visitor(client, texts, settings):
    """The cookie banner sends a visitor back to their full path, query string included."""
    from django.test import Client

    settings.GA_MEASUREMENT_ID = "G-TEST123"
    first = client.get("/kk/apply/?email=alice@example.kz&gclid=SECRET123").content.decode()
    assert "SECRET123" in first  # their own page keeps it
    for path in ("/kk/apply/", "/kk/apply/?utm_source=x"):
        html = Client().get(path).content.decode()
        assert "SECRET123" not in html and "alice@example.kz" not in html


def test_an_edit_committed_after_a_page_was_cached_still_shows(
    client, db, django_capture_on_commit_callbacks
):
    """A request between the save and its commit may cache the old text: the commit starts
    another generation."""
    from django.db import transaction

    page = Page.objects.create(slug="about", title_kk="Біз", title_ru="О нас", body_kk="Ескі")
    with django_capture_on_commit_callbacks(execute=True), transaction.atomic():
        page.body_kk = "Жаңа мәтін"
        page.save()
        Page.objects.filter(pk=page.pk).update(body_kk="Ескі")  # what others still read
        assert "Ескі" in client.get("/kk/about/").content.decode()  # cached in the window
        Page.objects.filter(pk=page.pk).update(body_kk="Жаңа мәтін")
    html = client.get("/kk/about/").content.decode()
    assert "Жаңа мәтін" in html


@pytest.mark.parametrize("method", ["options", "put"])
def test_other_methods_never_show_placeholders(client, texts, method):
    html = getattr(client, method)("/kk/apply/").content.decode()
    assert not any(slot in html for slot in SLOTS)


# Issue 21: a page with nothing of the visitor's in it may be kept by the proxy for a while;
# anything with a token, a nonce or a personal value is never stored anywhere.
def shared_by_proxy(response):
    control = response.get("Cache-Control", "")
    return "public" in control and "s-maxage=" in control and "no-store" not in control


@pytest.mark.parametrize("path", ["/kk/", "/ru/about/", "/kk/privacy/"])
@pytest.mark.parametrize("choice", [None, "accept", "reject"])
def test_a_page_without_a_form_may_be_kept_by_the_proxy(client, texts, settings, path, choice):
    settings.GA_MEASUREMENT_ID = "G-TEST123"
    Page.objects.create(slug="about", title_kk="Біз", title_ru="О нас", body_kk="а", body_ru="б")
    if choice:
        client.post(
            "/cookies/choice",
            {"choice": choice, **BANNER_SHOWN},
            headers={"origin": "http://testserver"},
        )
    for _ in range(2):  # rendered, then from the cache
        response = client.get(path)
        html = response.content.decode()
        assert shared_by_proxy(response), response.get("Cache-Control")
        assert "nonce" not in html and "csrfmiddlewaretoken" not in html
        assert "nonce" not in response["Content-Security-Policy"]
        assert not response.cookies
        assert ("cookie-banner" in html) == (choice is None)
        assert ("googletagmanager" in html) == (choice == "accept")


@pytest.mark.parametrize("path", ["/kk/apply/", "/kk/contact/", "/ru/requests/new/", "/kk/?a=1"])
def test_a_page_with_a_token_or_a_query_is_never_stored(client, texts, path):
    for _ in range(2):
        response = client.get(path)
        assert "no-store" in response["Cache-Control"] and "public" not in response["Cache-Control"]


def test_each_release_serves_only_the_pages_it_rendered(client, db, settings):
    """An upgrade, and two hosts of two releases on one Redis mid-rollout: a page from the cache
    costs no query, so a page rendered again shows as queries."""
    Page.objects.create(slug="about", title_kk="Біз туралы", title_ru="О нас", body_kk="Мәтін")
    settings.RELEASE = "old"
    client.get("/kk/about/")
    settings.RELEASE = "new"
    with CaptureQueriesContext(connection) as new_release:
        assert "Мәтін" in client.get("/kk/about/").content.decode()
    assert len(new_release) > 0  # rendered by the new code, not the old release's copy
    settings.RELEASE = "old"  # a host not yet upgraded keeps its own copy
    with CaptureQueriesContext(connection) as old_release:
        client.get("/kk/about/")
    assert len(old_release) == 0


def test_the_release_is_what_pages_are_made_of(tmp_path):
    from emalu.release import SOURCES, code_digest

    for host in ("a", "b"):  # the same code under two paths: one release
        for source in SOURCES[1:]:
            (tmp_path / host / source).mkdir(parents=True)
        (tmp_path / host / SOURCES[0]).write_text("Django==6.1.3\n")  # requirements.txt
        (tmp_path / host / "templates" / "base.html").write_text("<footer>")
    assert code_digest(tmp_path / "a") == code_digest(tmp_path / "b")
    (tmp_path / "b" / "consent" / "__pycache__").mkdir()
    (tmp_path / "b" / "consent" / "__pycache__" / "x.pyc").write_bytes(b"built here")
    (tmp_path / "b" / "locale" / "django.mo").write_bytes(b"built here")
    assert code_digest(tmp_path / "a") == code_digest(tmp_path / "b")
    (tmp_path / "b" / "templates" / "base.html").write_text('<footer class="new">')
    assert code_digest(tmp_path / "a") != code_digest(tmp_path / "b")


@pytest.mark.parametrize("slug", ["a" * 300, "service-" * 40])
def test_any_path_a_stranger_types_writes_nothing_outside_the_log(client, db, slug, recwarn):
    """The page cache's key is made for any service's address asked, a 404 too: the path itself
    in it, over the 250 characters a cache key holds, had Django warn, a line outside the JSON
    log for each new path, as many as a stranger cared to send."""
    assert client.get(f"/kk/services/{slug}/").status_code == 404
    assert client.get("/kk/").status_code == 200
    assert [str(w.message) for w in recwarn] == []
