"""The campaign's preview shows the mail as most readers see it: its HTML, in a frame on the
campaign's page, as well as its plain text (it showed the plain text alone). The frame is the
site's own page, readable only by staff who may view the campaign; nothing in it runs, posts or
leaves the frame; and no other site may frame it."""

import re

import pytest

from consent.marketing.models import Campaign
from tests.marketing.test_marketer_desk import CHANGELIST, WRITTEN


@pytest.fixture
def campaign(db):
    return Campaign.objects.create(**{**WRITTEN, "body_kk": "Қараша <b>жаңалықтары</b>"})


def directives(response):
    policy = response["Content-Security-Policy"]
    return {d.split(" ", 1)[0]: d for d in (p.strip() for p in policy.split(";")) if d}


@pytest.mark.parametrize(("language", "body"), [("kk", "Қараша"), ("ru", "Ноябрь")])
def test_the_page_frames_the_mails_html_in_each_language(
    texts, marketer_client, campaign, language, body
):
    page = marketer_client.get(f"{CHANGELIST}{campaign.pk}/change/")
    html = page.content.decode()
    src = f"{CHANGELIST}{campaign.pk}/mail/{language}/"
    frame = re.search(rf'<iframe class="mail-preview" src="{re.escape(src)}"[^>]*>', html)
    assert frame and "sandbox" in frame.group(0)
    assert "frame-src 'self'" in page["Content-Security-Policy"]  # the page may frame it

    mail = marketer_client.get(src)
    assert mail.status_code == 200 and mail["Content-Type"].startswith("text/html")
    shown = mail.content.decode()
    assert body in shown and "<html" in shown
    # What the marketer typed is text in the mail, not markup.
    assert "<b>жаңалықтары</b>" not in shown
    policy = directives(mail)
    assert mail["Content-Security-Policy"].startswith("sandbox; ") and "script-src" not in policy
    assert policy["default-src"] == "default-src 'none'"
    assert policy["frame-ancestors"] == "frame-ancestors 'self'"
    assert mail["X-Frame-Options"] == "SAMEORIGIN"


def test_the_plain_text_is_still_shown(texts, marketer_client, campaign):
    page = marketer_client.get(f"{CHANGELIST}{campaign.pk}/change/").content.decode()
    russian = page.split("field-preview_ru", 1)[1]
    assert '<pre class="mail-text">' in russian and "Ноябрь" in russian


def test_a_role_that_may_not_view_campaigns_gets_no_mail(texts, privacy_officer_client, campaign):
    response = privacy_officer_client.get(f"{CHANGELIST}{campaign.pk}/mail/kk/")
    assert response.status_code == 403


@pytest.mark.parametrize("path", ["mail/en/", "mail/kk%00/"])
def test_another_language_or_garbage_is_not_found(texts, marketer_client, campaign, path):
    assert marketer_client.get(f"{CHANGELIST}{campaign.pk}/{path}").status_code == 404


def test_a_dotted_path_leads_to_the_campaign_not_to_a_mail(texts, marketer_client, campaign):
    """`mail/../` is the campaign's own page (NormalPathMiddleware sends it there), never a
    mail's frame."""
    response = marketer_client.get(f"{CHANGELIST}{campaign.pk}/mail/../")
    assert response.status_code == 301
    assert response["Location"] == f"{CHANGELIST}{campaign.pk}/"


def test_an_unknown_campaign_is_not_found(texts, marketer_client):
    assert marketer_client.get(f"{CHANGELIST}987654/mail/kk/").status_code == 404
