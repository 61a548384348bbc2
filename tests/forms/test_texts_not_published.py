"""A fresh install before the officers publish the consent texts: the forms take nothing (no
text, no consent), and each visit logged Django's «Service Unavailable: /kk/contact/» at ERROR,
which alerting reads as the site failing and which said nothing of what to do. The visitor still
reads «not available yet» in their language; the operator reads, at WARNING and once a while per
process, which text to publish and where, and `check --deploy` says the same at every start as
information, which does not keep the site (where it is published) from starting; /healthz
names it as a warning."""

import pytest
from django.core.checks import INFO, run_checks

from tests.site.test_logs import console

pytestmark = pytest.mark.django_db
NOT_YET = {"kk": "Форма әзірге қолжетімсіз", "ru": "Форма пока недоступна"}


@pytest.fixture(autouse=True)
def _fresh_process(monkeypatch):
    monkeypatch.setattr("forms_app.views._waiting_said", {})


def waiting_checks():
    return [m for m in run_checks(include_deployment_checks=True) if m.id == "consent.I001"]


def test_the_forms_before_the_texts_are_published(client, contact_data):
    with console() as lines:
        for lang in ("kk", "ru", "kk"):
            for kind in ("contact", "apply"):
                response = client.get(f"/{lang}/{kind}/")
                assert response.status_code == 503
                assert NOT_YET[lang] in response.content.decode()
            response = client.post(f"/{lang}/contact/", contact_data())
            assert response.status_code == 503 and NOT_YET[lang] in response.content.decode()
        assert client.get("/ru/newsletter/").status_code == 503
    said = [(line["level"], line["message"]) for line in lines if line["level"] != "INFO"]
    assert [level for level, _message in said] == ["WARNING", "WARNING"], said
    service, marketing = (message for _level, message in said)
    assert "of 'service'" in service and "the contact form and the application form" in service
    assert "of 'marketing'" in marketing and "the newsletter form" in marketing
    # The instruction is check --deploy's, word for word.
    [check] = [m for m in waiting_checks() if "'service'" in m.msg]
    assert check.level == INFO and check.msg == service
    assert "Publish the selected drafts" in service and "/consent/consenttext/" in service
    # The monitoring sees it too: a warning, not a failure (nothing is down).
    response = client.get("/healthz")
    body = response.json()
    assert response.status_code == 200 and body["warnings"] == ["forms"]
    assert body["forms"] == {"status": "warning", "waiting_for": ["marketing", "service"]}


def test_nothing_is_said_once_the_texts_are_in_force(client, texts):
    with console() as lines:
        assert client.get("/kk/contact/").status_code == 200
        assert client.get("/healthz").json()["forms"]["status"] == "ok"
    assert [line for line in lines if line["level"] != "INFO"] == []
    assert waiting_checks() == []
