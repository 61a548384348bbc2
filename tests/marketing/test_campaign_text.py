"""Dan writes a campaign in both languages: what he wrote for Russian readers reaches them
whole, and a link he (or an officer answering a request) writes in the text is one the reader
can click."""

from types import SimpleNamespace

import pytest
from post_office.models import Email

from consent.common.text import EMPTY
from consent.core.delivery import send_queued
from consent.core.mail import render_mail
from consent.marketing.campaigns import queue_sending
from consent.marketing.models import Campaign
from tests.marketing.test_campaigns import confirmed
from tests.marketing.test_marketer_desk import CHANGELIST, WRITTEN, send
from tests.site.language import ONE_LINE, as_written

HALF = {
    "subject_line_ru": ({"body_ru": ""}, "body_ru"),
    "body_ru": ({"subject_line_ru": ""}, "subject_line_ru"),
}
TOLD = {"kk": "орыс", "ru": "русск"}


@pytest.mark.parametrize("language", ["kk", "ru"])
@pytest.mark.parametrize("written", sorted(HALF))
def test_a_half_written_russian_version_is_refused(texts, marketer_client, written, language):
    """A Russian subject without a Russian text (or the other way round) was saved and sent:
    Russian readers silently got the Kazakh mail, the Russian words written for them lost. The
    admin now says which half is missing, in the marketer's language, and saves nothing."""
    marketer_client.cookies["django_language"] = language
    blank, missing = HALF[written]
    response = marketer_client.post(f"{CHANGELIST}add/", {**WRITTEN, **blank})
    page = response.content.decode()
    assert response.status_code == 200 and "errornote" in page
    assert f'id="id_{missing}_error"' in page or f"field-{missing} errors" in page
    error = page.split("errorlist", 2)[1].split("</ul>")[0]
    assert TOLD[language] in error.lower()
    assert not Campaign.objects.exists()


def test_a_half_written_draft_stored_before_the_rule_is_not_sent(texts, marketer_client):
    confirmed("ru@example.kz", "ru")
    draft = Campaign.objects.create(**{**WRITTEN, "body_ru": " "})
    [(level, text)] = send(marketer_client, draft)
    assert level == "error" and "Мәтін (орыс тілінде)" in text
    draft.refresh_from_db()
    assert draft.status == "draft" and not Email.objects.exists()


def test_a_link_in_the_text_is_clickable_in_the_sent_mail(texts, marketer_client):
    confirmed("kk@example.kz")
    confirmed("ru@example.kz", "ru")
    url = "https://emalu.kz/kk/offers/?a=1&b=2"
    body = f"Жаңа ұсыныс: {url}\n<b>бағасы</b> төмен"
    campaign = Campaign.objects.create(**{**WRITTEN, "body_kk": body, "body_ru": body})
    send(marketer_client, campaign)
    queue_sending()
    assert send_queued() == (2, 0)
    for email in Email.objects.all():
        assert f'href="{url.replace("&", "&amp;")}"' in email.html_message
        # what the marketer typed stays text: no markup of theirs reaches the reader
        assert "&lt;b&gt;бағасы&lt;/b&gt;" in email.html_message
        assert url in email.message


@pytest.mark.parametrize("template", ["campaign", "request_done", "request_refused"])
def test_an_address_written_without_its_scheme_links_over_https(template):
    """«www.emalu.kz/offers», written as people write an address, was linked as
    «http://www.emalu.kz/offers» (Django's urlize took HTTP for it): the reader's click went
    out unencrypted, open to anyone on their network to read or change on the way."""
    context = {"body": "Қараңыз: www.emalu.kz/kk/offers/", "unsubscribe_url": "x", "phrase": "x",
               "ticket": SimpleNamespace(reference="R-1", get_type_display=lambda: "access"),
               "outcome": "См. www.emalu.kz/ru/privacy/"}  # fmt: skip
    _line, _text, html = render_mail(template, context, language="kk", subject_line="x")
    assert 'href="https://www.emalu.kz/' in html and "http://" not in html


@pytest.mark.parametrize(
    ("written", "url"),
    [
        ("Сайт: «https://emaluplus-vko.kz/kk/».", "https://emaluplus-vko.kz/kk/"),
        ("Сайт: „https://emaluplus-vko.kz/ru/“,", "https://emaluplus-vko.kz/ru/"),
        ("See “https://emaluplus-vko.kz/ru/”", "https://emaluplus-vko.kz/ru/"),
        ("Қызметтер: emaluplus-vko.kz/kk/services/.", "https://emaluplus-vko.kz/kk/services/"),
    ],
)
@pytest.mark.parametrize("template", ["campaign", "request_done"])
def test_an_address_in_quotation_marks_or_under_kz_is_a_link(template, written, url):
    """An address in «» (as Kazakh and Russian quote it) or a .kz one written without its
    scheme stayed plain text in the mail's HTML: Django's urlize knows brackets only, and bare
    domains under the seven old gTLDs. The marks stay outside the link."""
    ticket = SimpleNamespace(reference="R-1", get_type_display=lambda: "access")
    context = {"body": written, "unsubscribe_url": "x", "phrase": "x", "ticket": ticket,
               "outcome": written}  # fmt: skip
    _line, _text, html = render_mail(template, context, language="kk", subject_line="x")
    link = html.split(f'<a href="{url}" rel="nofollow">', 1)
    assert len(link) == 2, html
    opening = written.split("http")[0][-1:] if "http" in written else ""
    # its words as written, each hyphen held with the next letter (emalu/templatetags/spacing.py)
    shown = link[1].split("</a>")[0]
    assert link[0].endswith(opening) and as_written(shown) in written
    assert "-" not in ONE_LINE.sub("", shown)


@pytest.mark.parametrize(
    "template", ["request_done", "request_refused", "request_closed", "request_destroyed_instead"]
)
def test_a_link_an_officer_writes_in_an_answer_is_clickable(template):
    """The same for the outcome an officer writes into the answer to a request."""
    ticket = SimpleNamespace(reference="R-1", get_type_display=lambda: "access")
    url = "https://emalu.kz/ru/privacy/?v=2&x=1"
    context = {"ticket": ticket, "outcome": f"См. {url}\n<i>до конца</i>"}
    _line, text, html = render_mail(template, context, language="ru", subject_line="x")
    assert f'href="{url.replace("&", "&amp;")}"' in html
    assert "&lt;i&gt;до конца&lt;/i&gt;" in html and url in text


@pytest.mark.parametrize(
    ("language", "said"),
    [("kk", "орыс тілінде оқитындар төмендегі қазақ"), ("ru", "русскоязычные читатели получат")],
)
def test_the_russian_preview_shows_the_mail_russian_readers_get(
    texts, marketer_client, language, said
):
    """The preview is the mail as it goes: its subject line, and, when nothing was written in
    Russian, a word that Russian readers get the Kazakh mail (it showed Kazakh under "Russian"
    and said nothing, the subject line nowhere)."""
    marketer_client.cookies["django_language"] = language
    only_kk = Campaign.objects.create(title="kk", subject_line_kk="Тақырып", body_kk="Мәтін")
    both = Campaign.objects.create(**WRITTEN)
    page = marketer_client.get(f"{CHANGELIST}{only_kk.pk}/change/").content.decode()
    russian = page.split("field-preview_ru", 1)[1]
    assert said in russian and "<strong>Тақырып</strong>" in russian
    page = marketer_client.get(f"{CHANGELIST}{both.pk}/change/").content.decode()
    assert said not in page and "<strong>Новости</strong>" in page.split("field-preview_ru")[1]
    assert "<strong>Жаңалықтар</strong>" in page.split("field-preview_kk")[1]


def test_a_sent_campaign_does_not_count_todays_subscribers_as_its_audience(texts, marketer_client):
    """Sent to one person; two more subscribe later. The sent campaign's page showed «people it
    would reach now: 3» beside «all queued: 1»: it now shows only what happened."""
    confirmed("first@example.kz")
    campaign = Campaign.objects.create(**WRITTEN)
    send(marketer_client, campaign)
    queue_sending()
    confirmed("second@example.kz")
    confirmed("third@example.kz", "ru")
    page = marketer_client.get(f"{CHANGELIST}{campaign.pk}/change/").content.decode()
    audience = page.split("field-audience", 1)[1].split("field-", 1)[0].replace(" ", "")
    assert ">3<" not in audience and f">{EMPTY}<" in audience
    draft = Campaign.objects.create(**WRITTEN)
    page = marketer_client.get(f"{CHANGELIST}{draft.pk}/change/").content.decode()
    assert ">3<" in page.split("field-audience", 1)[1].split("field-", 1)[0].replace(" ", "")


RLO, PDF, RLI, PDI = "\u202e", "\u202c", "\u2067", "\u2069"


@pytest.mark.parametrize(
    ("language", "said"), [("kk", "бағыт белгісі"), ("ru", "знак направления")]
)
@pytest.mark.parametrize("field", ["title", "subject_line_kk", "subject_line_ru"])
def test_a_direction_mark_left_open_is_refused(texts, marketer_client, field, language, said):
    """A subject line pasted with an Arabic phrase carried an invisible right-to-left override
    it never closed: saved and sent, it turned the inbox's preview of the text after the
    subject backwards (and a title, the desk's message after it). The admin now says so in the
    marketer's language and saves nothing; marks that are closed are kept as written."""
    marketer_client.cookies["django_language"] = language
    value = f"Жеңілдік {RLO}عرض خاص 50%"
    response = marketer_client.post(f"{CHANGELIST}add/", {**WRITTEN, field: value})
    page = response.content.decode()
    assert response.status_code == 200 and "errornote" in page and said in page
    assert not Campaign.objects.exists()
    closed = f"Жеңілдік {RLI}عرض خاص{PDI} 50% {RLO}abc{PDF}"
    marketer_client.post(f"{CHANGELIST}add/", {**WRITTEN, field: closed})
    assert Campaign.objects.filter(**{field: closed}).exists()


def test_a_draft_with_a_direction_mark_left_open_is_not_sent(texts, marketer_client):
    confirmed("kk@example.kz")
    draft = Campaign.objects.create(**{**WRITTEN, "subject_line_kk": f"{RLO}Жаңалықтар"})
    [(level, text)] = send(marketer_client, draft)
    assert level == "error" and "Хат тақырыбы (қазақ тілінде)" in text
    draft.refresh_from_db()
    assert draft.status == "draft" and not Email.objects.exists()
