"""Bad input never gives a 500; error pages speak the visitor's language and leak nothing."""

import pytest
from django.db import OperationalError
from django.test import Client

from tests.staff import registered_admins


@pytest.mark.parametrize(
    "path",
    [
        "/en/",
        "/xx/about/",
        "/kk/no-such-page/",
        "/kk/%00/",
        "/kk/a%00b",
        "/" + "a" * 10_000,
        "/kk/" + "я" * 10_000,
        "/kk/privacy/0/",
        "/kk/privacy/99999999999999999999999/",
    ],
)
def test_bad_paths_give_the_kazakh_404(client, db, path):
    response = client.get(path)
    assert response.status_code == 404
    html = response.content.decode()
    assert '<html lang="kk">' in html
    assert "Бет табылмады" in html


def test_russian_404(client, db):
    response = client.get("/ru/no-such-page/")
    assert response.status_code == 404
    assert "Страница не найдена" in response.content.decode()


@pytest.mark.parametrize(
    "lang,text", [("kk", "Бірдеңе дұрыс болмады"), ("ru", "Что-то пошло не так")]
)
def test_500_page_in_the_visitors_language_without_traceback(db, lang, text, monkeypatch):
    from emalu import views

    def boom(*args, **kwargs):
        raise RuntimeError("secret-setting-value")

    monkeypatch.setattr(views, "policy_blocks", boom)
    client = Client(raise_request_exception=False)
    response = client.get(f"/{lang}/privacy/")
    assert response.status_code == 500
    html = response.content.decode()
    assert text in html
    assert "secret-setting-value" not in html and "Traceback" not in html


@pytest.mark.parametrize("lang", ["kk", "ru"])
def test_database_down_gives_503_with_retry_after(db, lang, monkeypatch):
    from emalu import views

    def down(*args, **kwargs):
        raise OperationalError("connection refused")

    monkeypatch.setattr(views, "current_policy", down)
    response = Client(raise_request_exception=False).get(f"/{lang}/privacy/")
    assert response.status_code == 503
    assert response["Retry-After"] == "30"
    assert f'<html lang="{lang}">' in response.content.decode()


NOT_SENT = {
    "kk": ("Форма жіберілмеді", "Формаға оралыңыз", "cookie файлдарына рұқсат беріңіз"),
    "ru": ("Форма не отправлена", "Вернитесь к\xa0форме", "разрешите cookie для этого сайта"),
}


@pytest.mark.parametrize("lang", ["kk", "ru"])
def test_a_form_refused_for_its_missing_cookie_says_what_to_do(texts, contact_data, lang):
    """A visitor whose browser lost or blocks the CSRF cookie is told the form was not sent and
    how to send it, in their language, not that they have no access to the page."""
    client = Client(enforce_csrf_checks=True)
    response = client.post(f"/{lang}/contact/", contact_data())
    assert response.status_code == 403
    html = response.content.decode()
    assert f'<html lang="{lang}">' in html
    for words in NOT_SENT[lang]:
        assert words in html


def test_healthz_answers_json(client, db):
    response = client.get("/healthz")
    assert response.status_code == 200
    assert response.json()["status"] == "ok"
    assert response.json()["database"] == {"status": "ok"}
    assert "no-store" in response["Cache-Control"]


def test_healthz_reports_a_dead_database(client, db, monkeypatch):
    from emalu import health

    class DeadConnection:
        def cursor(self):
            raise OperationalError("down")

    monkeypatch.setattr(health, "connection", DeadConnection())
    response = client.get("/healthz")
    assert response.status_code == 503
    assert response.json()["failing"] == ["database"]
    assert response.json()["database"] == {"status": "unavailable", "error": "OperationalError"}
    assert response.json()["mail_queue"] == {"status": "unknown"}


def test_bad_host_gives_the_400_page(db, settings):
    from tests.site.test_headers import assert_header_contract

    settings.SECURE_HSTS_SECONDS = 31536000
    response = Client(raise_request_exception=False).get(
        "/kk/", headers={"host": "evil.example"}, secure=True
    )
    assert response.status_code == 400
    assert "Қате сұрау" in response.content.decode()
    assert_header_contract(response, False, "400 for a host not allowed")  # CSP and the rest
    assert response["X-Frame-Options"] == "DENY"


BAD_REQUEST = {"kk": "Қате сұрау", "ru": "Неверный запрос"}


@pytest.mark.parametrize("secure", [False, True], ids=["http", "https"])
@pytest.mark.parametrize("lang", ["kk", "ru"])
def test_a_host_not_allowed_is_refused_in_the_language_of_the_path(db, settings, lang, secure):
    """The host is checked before LocaleMiddleware has chosen the language: over plain HTTP by
    the redirect to HTTPS, which needs the host. A /ru/ page got the Kazakh 400."""
    settings.SECURE_SSL_REDIRECT = True
    other = next(code for code in BAD_REQUEST if code != lang)
    for path in (f"/{lang}/contact/", f"/{lang}/unsubscribe/x/", f"/{lang}/no-such-page/"):
        response = Client(raise_request_exception=False).get(
            path, headers={"host": "evil.example", "accept-language": other}, secure=secure
        )
        html = response.content.decode()
        assert response.status_code == 400, path
        assert f'<html lang="{lang}">' in html and BAD_REQUEST[lang] in html, path
        assert BAD_REQUEST[other] not in html, path


def test_no_admin_page_fails_on_an_id_that_is_no_number(officer_client):
    """Each registered model's change page with "abc": Django's "does not exist" (a redirect)
    or 404, never 500. The desk's own change views included."""

    for model in registered_admins():
        url = f"/admin/{model._meta.app_label}/{model._meta.model_name}/abc/change/"
        assert officer_client.get(url).status_code in (302, 404), url


@pytest.mark.parametrize("selected", ["²", "abc", "1.5", "9" * 30, "9" * 5000])
def test_no_admin_action_fails_on_a_selected_id_that_is_no_number(officer_client, selected):
    """Each registered model's list with an action posted for «²» beside a real id: Django
    handed the ids to the query, and the calendar's delete answered 500 on the ValueError."""

    from consent.workdays.models import CalendarOverride

    kept = CalendarOverride.objects.create(date="2026-12-31", is_working_day=False, note="x")
    for model in registered_admins():
        url = f"/admin/{model._meta.app_label}/{model._meta.model_name}/"
        data = {"action": "delete_selected", "_selected_action": [selected, str(kept.pk)]}
        assert officer_client.post(url, data).status_code == 400, url
    assert CalendarOverride.objects.filter(pk=kept.pk).exists()


@pytest.mark.parametrize("value", ["9" * 20, "-" + "9" * 20, "²", "abc"])
def test_no_admin_list_fails_on_a_date_drill_down_that_is_no_number(officer_client, value):
    """The sign-in log's list (django-axes) drills down by year, month and day: a year of 20
    digits was Django's uncaught OverflowError, a 500. Every list with a drill-down is tried."""

    registered = registered_admins().items()
    lists = [(model, each.date_hierarchy) for model, each in registered if each.date_hierarchy]
    assert lists  # the sign-in log's at least
    for model, field in lists:
        url = f"/admin/{model._meta.app_label}/{model._meta.model_name}/"
        for part in ("year", "month", "day"):
            query = {f"{field}__year": "2026", f"{field}__{part}": value}
            response = officer_client.get(url, query)
            assert response.status_code == 400, (url, part)
            assert "Қате сұрау" in response.content.decode()
        assert officer_client.get(url, {f"{field}__year": "2026"}).status_code == 200
    # 9999: Django makes the drill-down's end, the year 10000, outside its own check (a 500).
    for model, field in lists:
        url = f"/admin/{model._meta.app_label}/{model._meta.model_name}/"
        assert officer_client.get(url, {f"{field}__year": "9999"}).status_code == 400, url


def _lookups_no_query_takes(model):
    """A lookup per kind of field of `model` that filter() takes and its query cannot: a year
    past datetime's (ValueError), a range of one value, a pattern PostgreSQL cannot read."""
    from django.db import models

    yield "pk__range", "1"
    for field in model._meta.concrete_fields:
        if isinstance(field, models.DateField):  # DateTimeField too
            yield f"{field.name}__year", "99999"
            yield f"{field.name}__iso_year__gte", "0"
        elif isinstance(field, (models.CharField, models.TextField)):
            yield f"{field.name}__regex", "("


@pytest.mark.parametrize("language", ["kk", "ru"])
def test_no_admin_list_fails_on_a_lookup_its_query_cannot_take(officer_client, language):
    """A list's address may filter by any lookup on the model's own fields; Django checks the
    value only as far as filter() does, and the rest failed while the query was made or run:
    «?created_at__year=99999» on the campaigns, breaches or documents, «?pk__range=1», a
    «?…__regex=(» answered 500, to a marketer on their own list as well. Every list refuses
    each with the «Bad request» page in the staff member's language; the list itself opens."""

    officer_client.cookies["django_language"] = language
    said = {"kk": "Қате сұрау", "ru": "Неверный запрос"}[language]
    lists = [*registered_admins().items()]
    assert len(lists) > 10
    for model, _model_admin in lists:
        url = f"/admin/{model._meta.app_label}/{model._meta.model_name}/"
        assert officer_client.get(url).status_code == 200, url
        for key, value in _lookups_no_query_takes(model):
            response = officer_client.get(url, {key: value})
            assert response.status_code == 400, (url, key)
            assert said in response.content.decode(), (url, key)
    register = officer_client.get("/admin/rights/ticket/register.csv", {"due_date__year": "0"})
    assert register.status_code == 400
