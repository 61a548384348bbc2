"""Law 94-V art. 8: the ledger proves which consent text was agreed to. A text published while
a visitor was filling a form in was logged as the one they agreed to, though their page showed
the one before: the box is now shown again, empty, beside the new text."""

import re

import pytest

from consent.cookies.banner import PAGE_FIELD
from consent.core.ledger import consent_grant
from consent.core.models import ConsentText, LedgerEntry, Source
from consent.core.purposes import MARKETING, SERVICE
from consent.core.texts import text_publish
from tests.forms.test_language_switch import stored

CHANGED = {
    "kk": "Сіз форманы толтырып жатқанда бұл келісім мәтіні жаңартылды",
    "ru": "Текст этого согласия обновился, пока вы заполняли форму",
}


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
    assert shown(html) != shown(page) and f"{SERVICE}:{newer.pk}" in shown(html)  # the new one
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
    assert answer.status_code == 200 and CHANGED["ru"] in answer.content.decode()
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
    assert f"{SERVICE}:{newer.pk}" in shown(html)


PAGE_CHANGED = {
    "kk": "Бұл бет ашылғаннан кейін келісім мәтіні жаңартылды",
    "ru": "Текст согласия обновился после того, как эта страница была открыта",
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
    was = re.search(rf'name="shown_{MARKETING}" value="(\d+)"', page)[1]
    newer = replace(texts[MARKETING], policy)
    data = {"give": MARKETING, f"shown_{MARKETING}": was}
    answer = client.post(f"/{lang}/my-data/consent/", data, follow=True)
    assert PAGE_CHANGED[lang] in answer.content.decode()
    assert not person.ledgerentry_set.filter(purpose=MARKETING).exists()
    now = re.search(rf'name="shown_{MARKETING}" value="(\d+)"', answer.content.decode())[1]
    assert now == str(newer.pk)
    client.post(f"/{lang}/my-data/consent/", {"give": MARKETING, f"shown_{MARKETING}": now})
    assert person.ledgerentry_set.get(purpose=MARKETING).text == newer
