"""A request the site refuses for what the visitor sent is a warning, not a fault: Django logged
every Host not in ALLOWED_HOSTS (bots try IP addresses and other names all day), and every post
over a size limit, at ERROR with a whole traceback, which an operator's alerting reads as the
site failing. Each is now one WARNING line saying what happened, and a real 500 keeps its
ERROR and traceback (tests/site/test_logs.py)."""

import json
from urllib.parse import urlencode

import pytest
from django.core import mail
from django.test import Client

from tests.conftest import aged_token
from tests.site.test_logs import console
from tests.texts import SHOWN

pytestmark = pytest.mark.django_db

SECRET = "c2VjcmV0LXRva2VuLWluLXRoZS1wYXRo"  # where an emailed link carries its secret
VISITOR = "203.0.113.7"


def refused(settings, send):
    """(the response, the one line logged of it) for `send(client)`: the request's own line,
    a WARNING with the reason. It was two, an INFO with the status and Django's WARNING with
    the reason, one request counted twice in the journal."""
    settings.ADMINS = ["ops@example.kz"]
    client = Client(raise_request_exception=False, REMOTE_ADDR=VISITOR)
    with console() as lines:
        response = send(client)
    others = lines
    assert len(others) == 1, others
    assert others[0]["logger"] == "emalu.request"
    assert others[0]["status"] == response.status_code
    text = json.dumps(lines, ensure_ascii=False)
    assert SECRET not in text  # a link's secret stays [token] (compliance T18)
    assert VISITOR not in text  # no address on any line
    assert "Traceback" not in text
    assert mail.outbox == []  # no mail to ADMINS
    [line] = others
    assert line["level"] == "WARNING" and "exception" not in line, line
    assert line["request_id"] == response["X-Request-ID"]
    return response, line


@pytest.mark.parametrize("path", ["/kk/", f"/ru/unsubscribe/{SECRET}/"])
def test_a_host_not_allowed_is_one_warning_naming_it(settings, path):
    response, line = refused(settings, lambda c: c.get(path, headers={"host": "203.0.113.99:8080"}))
    assert response.status_code == 400
    assert line["reason"] == "DisallowedHost" and line["host"] == "203.0.113.99:8080"
    assert line["path"] == path.replace(SECRET, "[token]")


@pytest.mark.parametrize("kind", ["RequestDataTooBig", "TooManyFieldsSent"])
def test_a_post_over_a_size_limit_is_one_warning(settings, texts, contact_data, kind):
    settings.FORM_RATE_LIMIT = "1000/60"
    data = {**contact_data(), "token": aged_token(), **SHOWN}
    if kind == "RequestDataTooBig":
        data["message"] = "x" * (settings.DATA_UPLOAD_MAX_MEMORY_SIZE + 1)
    else:
        data.update({f"f{i}": "x" for i in range(settings.DATA_UPLOAD_MAX_NUMBER_FIELDS + 1)})
    body, form = urlencode(data), "application/x-www-form-urlencoded"
    response, line = refused(settings, lambda c: c.post("/kk/contact/", body, content_type=form))
    assert response.status_code == 413
    assert (line["reason"], line["path"], line["host"]) == (kind, "/kk/contact/", "testserver")


def test_a_form_without_its_csrf_cookie_is_one_warning(settings, texts, contact_data):
    def send(client):
        client.handler.enforce_csrf_checks = True
        data = contact_data(texts_shown=None)  # the link's page shows no consent text
        return client.post(f"/kk/requests/confirm/{SECRET}/", data, secure=True)

    response, line = refused(settings, send)
    assert response.status_code == 403
    assert line["reason"] == "csrf" and line["detail"].startswith("Forbidden (")
    assert line["path"] == "/kk/requests/confirm/[token]/"


def test_a_query_over_the_field_limit_is_one_warning(settings, texts):
    query = "&".join(f"f{i}=x" for i in range(settings.DATA_UPLOAD_MAX_NUMBER_FIELDS + 1))
    response, line = refused(settings, lambda c: c.get(f"/ru/contact/?{query}"))
    assert response.status_code == 400
    assert (line["reason"], line["path"]) == ("TooManyFieldsSent", "/ru/contact/")


EMAIL, PHONE = "asel.kasymova@example.kz", "87011234567"


@pytest.mark.parametrize(
    "headers",
    [{"host": EMAIL}, {"host": f"{PHONE}.example.kz:{PHONE}"}, {"host": f"x@{PHONE}"}],
    ids=["an address for the host", "a phone in the host", "both"],
)
def test_a_refusal_logs_no_person_s_data_the_visitor_sent(settings, headers):
    """The Host Django refuses is quoted in its words and named as the host: whatever a visitor
    writes there (a mistyped address bar, a bot's form) is scrubbed as a traceback is."""
    response, line = refused(settings, lambda c: c.get("/kk/", headers=headers))
    assert response.status_code == 400 and line["reason"] == "DisallowedHost"
    text = json.dumps(line, ensure_ascii=False)
    assert EMAIL not in text and PHONE not in text


def test_a_csrf_refusal_logs_no_address_from_the_origin(settings, texts, contact_data):
    def send(client):
        client.handler.enforce_csrf_checks = True
        origin = f"https://{EMAIL}"
        return client.post("/kk/contact/", contact_data(), headers={"origin": origin}, secure=True)

    response, line = refused(settings, send)
    assert response.status_code == 403 and line["reason"] == "csrf"
    assert EMAIL not in json.dumps(line, ensure_ascii=False)
