"""Compliance T13 for the shared cache: with Redis gone (restarting, its data not kept) a form
answers 503 with Retry-After in the visitor's language, as with the database gone, and nobody is
mailed a bug for each request; once it is back, the forms work on an empty cache. The journal
says which store is down and why, in one ERROR line a request: it said only «Service
Unavailable: /kk/contact/», as for the database down, and the operator had to ask /healthz."""

import logging

import pytest
from django.core import mail
from django.test import Client

from tests.live import free_port, silent_server

pytestmark = pytest.mark.django_db


def said(caplog):
    return [(r.levelname, r.getMessage()) for r in caplog.records if r.levelno >= logging.WARNING]


def test_a_form_while_redis_is_down_and_after(settings, texts, caplog):
    settings.ADMINS = ["ops@example.kz"]
    up, port = {**settings.CACHES["default"]}, free_port()
    settings.CACHES = {"default": {"BACKEND": "django.core.cache.backends.redis.RedisCache",
                                   "LOCATION": f"redis://127.0.0.1:{port}/0"}}  # fmt: skip
    response = Client(raise_request_exception=False).get("/kk/contact/")
    assert response.status_code == 503 and response["Retry-After"] == "30"
    assert '<html lang="kk">' in response.content.decode()
    assert mail.outbox == []
    [(level, line)] = said(caplog)
    assert level == "ERROR" and line.startswith("the shared cache (CACHE_URL) could not be reached")
    assert f"127.0.0.1:{port}" in line and line.endswith("): /kk/contact/"), line
    settings.CACHES = {"default": up}
    assert Client().get("/kk/contact/").status_code == 200


def test_a_form_while_redis_does_not_answer(settings, texts, caplog):
    """Redis frozen, or its host dropping what is sent to it: the client gives up after its
    timeout with an error of another kind than a refusal, and each request was a 500 and a mail
    to ADMINS, «the error has been recorded», instead of «come back»."""
    settings.ADMINS = ["ops@example.kz"]
    with silent_server() as port:
        settings.CACHES = {"default": {"BACKEND": "django.core.cache.backends.redis.RedisCache",
                                       "LOCATION": f"redis://127.0.0.1:{port}/0"}}  # fmt: skip
        response = Client(raise_request_exception=False).get("/ru/contact/")
    assert response.status_code == 503 and response["Retry-After"] == "30"
    assert '<html lang="ru">' in response.content.decode()
    assert mail.outbox == []
    [(level, line)] = said(caplog)
    assert level == "ERROR" and "the shared cache (CACHE_URL) could not be reached" in line
    assert "Timeout" in line and line.endswith(": /ru/contact/"), line
