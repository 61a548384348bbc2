"""Compliance T13 for the shared cache: with Redis gone (restarting, its data not kept) a form
answers 503 with Retry-After in the visitor's language, as with the database gone, and nobody is
mailed a bug for each request; once it is back, the forms work on an empty cache."""

import pytest
from django.core import mail
from django.test import Client

from tests.live import free_port, silent_server

pytestmark = pytest.mark.django_db


def test_a_form_while_redis_is_down_and_after(settings, texts):
    settings.ADMINS = ["ops@example.kz"]
    up = {**settings.CACHES["default"]}
    settings.CACHES = {"default": {"BACKEND": "django.core.cache.backends.redis.RedisCache",
                                   "LOCATION": f"redis://127.0.0.1:{free_port()}/0"}}  # fmt: skip
    response = Client(raise_request_exception=False).get("/kk/contact/")
    assert response.status_code == 503 and response["Retry-After"] == "30"
    assert '<html lang="kk">' in response.content.decode()
    assert mail.outbox == []
    settings.CACHES = {"default": up}
    assert Client().get("/kk/contact/").status_code == 200


def test_a_form_while_redis_does_not_answer(settings, texts):
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
