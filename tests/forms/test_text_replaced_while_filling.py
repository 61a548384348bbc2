"""Law 94-V art. 8: the ledger proves which consent text was agreed to. A text published while
a visitor was filling a form in was logged as the one they agreed to, though their page showed
the one before: the box is now shown again, empty, beside the new text. So is a box whose words
would be logged otherwise than the page showed them for any other reason: another language,
another list of data (a service published or withdrawn since), a text published between the
form's checks and its storing (the ledger took the text in force once more)."""

import re

import pytest
from post_office.models import Email

from consent.cookies.banner import PAGE_FIELD
from consent.core.ledger import consent_grant
from consent.core.models import ConsentText, LedgerEntry, Source
from consent.core.purposes import MARKETING, SERVICE
from consent.core.texts import render_consent, sha256, text_publish
from consent.marketing.optin import read_token
from emalu.models import Service
from tests.forms.test_language_switch import stored

CHANGED = {
    "kk": "Бұл келісім мәтіні сіз жіберген беттегі мәтінмен сәйкес келмейді",
    "ru": "Текст этого согласия не совпадает с\u00a0текстом на отправленной вами странице",
}
# A post naming no texts, or naming them malformed (tests/forms/test_texts_not_named.py).
NOT_NAMED = "В\N{NO-BREAK SPACE}отправленной форме не указано, какой текст согласия вы прочитали"


def shown(html):
    return re.search(r'name="texts_shown" value="([^"]+)"', html)[1]


def replace(text, policy):
    """A new version of `text`, published: what the next visitor reads and agrees to."""
    return text_publish(ConsentText.objects.create(
        purpose=text.purpose, version=text.version + 1, policy=policy, facts=text.facts,
        body_kk=f"{text.body_kk}\nЖАҢА", body_ru=f"{text.body_ru}\nНОВОЕ",
    ))  # fmt: skip


def box_ticked(html, purpose):
    tag = re.search(rf'<input[^>]*name="consent_{purpose}"[^>]*>', html)[0]
    return "checked" in tag


@pytest.mark.parametrize("lang", ["kk", "ru"])
def test_a_box_ticked_beside_a_replaced_text_is_asked_again(
    client, texts, policy, contact_data, lang
):
    page = client.get(f"/{lang}/contact/").content.decode()
    newer = replace(texts[SERVICE], policy)
    before = stored()
    answer = client.post(f"/{lang}/contact/", contact_data(texts_shown=shown(page)))
    html = answer.content.decode()
    assert answer.status_code == 200 and CHANGED[lang] in html
    assert shown(html) != shown(page) and f"{SERVICE}:{newer.pk}:" in shown(html)  # the new one
    assert not box_ticked(html, SERVICE) and "Әсел Қасымова" in html  # what was typed stays
    assert stored() == before  # nothing taken, no consent logged

    sent = client.post(f"/{lang}/contact/", contact_data(texts_shown=shown(html)))
    assert sent.status_code == 302
    assert LedgerEntry.objects.get(purpose=SERVICE).text == newer


def test_only_the_box_of_the_replaced_text_is_asked_again(client, texts, policy, contact_data):
    page = client.get("/ru/contact/").content.decode()
    replace(texts[MARKETING], policy)
    data = contact_data(texts_shown=shown(page), consent_marketing="on")
    html = client.post("/ru/contact/", data).content.decode()
    assert CHANGED["ru"] in html and not box_ticked(html, MARKETING)
    assert box_ticked(html, SERVICE) and LedgerEntry.objects.count() == 0


def test_a_text_unchanged_since_the_page_is_agreed_to_at_once(client, texts, contact_data):
    page = client.get("/kk/contact/").content.decode()
    assert client.post("/kk/contact/", contact_data(texts_shown=shown(page))).status_code == 302
    assert LedgerEntry.objects.get(purpose=SERVICE).text == texts[SERVICE]


@pytest.mark.parametrize("value", ["", "service:x", "service", ",,,:", "service:1:2" * 500])
def test_a_made_up_list_of_texts_is_asked_again_never_a_500(client, texts, contact_data, value):
    answer = client.post("/ru/contact/", contact_data(texts_shown=value))
    assert answer.status_code == 200 and NOT_NAMED in answer.content.decode()
    assert LedgerEntry.objects.count() == 0


def test_the_banners_answer_leaves_the_box_of_a_replaced_text_empty(
    client, texts, policy, contact_data, settings
):
    """Without JavaScript the banner's buttons post the form to the page, which shows it again
    with the boxes as ticked: not a box beside a text that has since been replaced."""
    settings.GA_MEASUREMENT_ID = "G-TEST123"
    page = client.get("/kk/contact/").content.decode()
    newer = replace(texts[SERVICE], policy)
    data = contact_data(texts_shown=shown(page), consent_marketing="on", **{PAGE_FIELD: "reject"})
    html = client.post("/kk/contact/", data).content.decode()
    assert not box_ticked(html, SERVICE) and box_ticked(html, MARKETING)
    assert f"{SERVICE}:{newer.pk}:" in shown(html)


def words_logged(entry):
    """The words a grant's row proves (its text's body, its language, its name and data)."""
    return render_consent(entry.text, entry.language, entry.shown_name, entry.shown_fields or None)


@pytest.mark.parametrize("lang", ["kk", "ru"])
def test_a_page_read_in_one_language_sent_in_the_other_is_asked_again(
    client, texts, contact_data, lang
):
    """The ledger logged the words in the language of the address posted to, whatever the page
    the visitor read was in."""
    other = {"kk": "ru", "ru": "kk"}[lang]
    page = client.get(f"/{other}/contact/").content.decode()
    before = stored()
    answer = client.post(f"/{lang}/contact/", contact_data(texts_shown=shown(page)))
    html = answer.content.decode()
    assert answer.status_code == 200 and CHANGED[lang] in html and not box_ticked(html, SERVICE)
    assert stored() == before
    assert (
        client.post(f"/{lang}/contact/", contact_data(texts_shown=shown(html))).status_code == 302
    )
    assert LedgerEntry.objects.get(purpose=SERVICE).language == lang


@pytest.mark.parametrize("published", [True, False], ids=["service_published", "withdrawn"])
def test_an_application_whose_list_of_data_changed_since_the_page_is_asked_again(
    client, texts, application_data, published
):
    """The application form names the service in its consent text only while one is published
    to choose: a service published or withdrawn while the visitor filled the form in changed
    the words the ledger logged (naming the service, or not) from those the page showed."""
    service = Service.objects.create(slug="consult", title_kk="Кеңес", title_ru="Консультация",
                                     is_published=not published)  # fmt: skip
    page = client.get("/ru/apply/").content.decode()
    Service.objects.filter(pk=service.pk).update(is_published=published)
    data = application_data(texts_shown=shown(page), service="consult")
    html = client.post("/ru/apply/", data).content.decode()
    assert CHANGED["ru"] in html and not box_ticked(html, SERVICE)
    assert LedgerEntry.objects.count() == 0
    assert client.post("/ru/apply/", {**data, "texts_shown": shown(html)}).status_code == 302
    entry = LedgerEntry.objects.get(purpose=SERVICE)
    assert ("service" in entry.shown_fields) == published


def test_a_text_published_as_the_form_is_stored_is_not_the_one_logged(
    client, texts, policy, contact_data, monkeypatch
):
    """The boxes were checked against the texts of the page, then the ledger looked the text in
    force up once more: one published in between was logged, with its hash, as agreed to."""
    from forms_app import views

    page = client.get("/kk/contact/").content.decode()

    def published_now(request, digest):
        replace(texts[SERVICE], policy)
        return False

    monkeypatch.setattr(views, "sent_before", published_now)
    data = contact_data(texts_shown=shown(page), consent_marketing="on")
    assert client.post("/kk/contact/", data).status_code == 302
    entry = LedgerEntry.objects.get(purpose=SERVICE)
    assert entry.text == texts[SERVICE] and sha256(words_logged(entry)) == entry.text_sha256
    mailed = Email.objects.get(message__contains="/newsletter/confirm/").message
    link = re.search(r"/newsletter/confirm/([^/\s]+)/", mailed)
    assert read_token(link[1])["t"] == texts[MARKETING].pk  # the news' text the page showed


PAGE_CHANGED = {
    "kk": "Келісім мәтіні сіз батырманы басқан беттегі мәтінмен сәйкес келмейді",
    "ru": "Текст согласия не совпадает с\u00a0текстом на странице, где вы нажали кнопку",
}


@pytest.mark.parametrize("lang", ["kk", "ru"])
def test_the_self_service_give_agrees_to_the_text_beside_it(
    client, texts, policy, make_subject, lang
):
    """The self-service page's «give» logged the text in force when pressed, though the page
    showed the one before."""
    from tests.rights.test_selfservice import opened

    person = make_subject(full_name="Әсел Қасымова", email="asel@example.kz")
    consent_grant(person, texts[SERVICE], language="kk", source=Source.CONTACT_FORM)
    page = opened(client, person, lang).get(f"/{lang}/my-data/").content.decode()
    was = re.search(rf'name="shown_{MARKETING}" value="([^"]+)"', page)[1]
    newer = replace(texts[MARKETING], policy)
    data = {"give": MARKETING, f"shown_{MARKETING}": was}
    answer = client.post(f"/{lang}/my-data/consent/", data, follow=True)
    assert PAGE_CHANGED[lang] in answer.content.decode()
    assert not person.ledgerentry_set.filter(purpose=MARKETING).exists()
    now = re.search(rf'name="shown_{MARKETING}" value="([^"]+)"', answer.content.decode())[1]
    assert now.startswith(f"{newer.pk}:")
    client.post(f"/{lang}/my-data/consent/", {"give": MARKETING, f"shown_{MARKETING}": now})
    assert person.ledgerentry_set.get(purpose=MARKETING).text == newer


def test_the_self_service_give_from_a_page_in_the_other_language_is_asked_again(
    client, texts, make_subject
):
    """A «give» read in Kazakh and posted to the Russian address logged the Russian words."""
    from tests.rights.test_selfservice import opened

    person = make_subject(full_name="Әсел Қасымова", email="asel@example.kz")
    consent_grant(person, texts[SERVICE], language="kk", source=Source.CONTACT_FORM)
    page = opened(client, person, "kk").get("/kk/my-data/").content.decode()
    was = re.search(rf'name="shown_{MARKETING}" value="([^"]+)"', page)[1]
    data = {"give": MARKETING, f"shown_{MARKETING}": was}
    answer = client.post("/ru/my-data/consent/", data, follow=True)
    assert PAGE_CHANGED["ru"] in answer.content.decode()
    assert not person.ledgerentry_set.filter(purpose=MARKETING).exists()
    client.post("/kk/my-data/consent/", data)
    assert person.ledgerentry_set.get(purpose=MARKETING).language == "kk"
