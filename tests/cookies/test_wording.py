"""Each answer to the banner names the wording it was given to, word for word and in the
language the visitor read it (Law 94-V art. 8: the operator proves what was consented to, not
only under which policy version; compliance L19). The privacy officer reads both in the admin."""

import re

import pytest
from django.test import Client

from consent.cookies.models import BannerWording, CookieChoice
from tests.cookies.test_cookies import choose
from tests.cookies.test_in_place import answer
from tests.texts import BANNER_SHOWN


@pytest.fixture
def analytics(settings, texts):  # published texts: the form pages show their forms
    settings.GA_MEASUREMENT_ID = "G-TEST123"
    settings.YANDEX_METRICA_ID = "98765"


def banner_read(client, path):
    """The banner's words as the page shows them, whitespace as a reader sees it."""
    html = client.get(path).content.decode()
    banner = html.split('class="cookie-banner"', 1)[1].split("</section>", 1)[0]
    return " ".join(re.sub(r"<[^>]+>", " ", banner).split())


@pytest.mark.parametrize("path", ["/kk/about/", "/ru/about/", "/ru/", "/kk/privacy/"])
def test_an_answer_names_the_wording_the_page_showed(client, analytics, path):
    shown = banner_read(client, path)
    choose(client, "accept", next_path=path)
    wording = CookieChoice.objects.get().wording
    assert wording.language == path[1:3]
    lines = wording.text.splitlines()
    assert len(lines) >= 4  # the title, what is done, each recipient, the term
    for line in lines:
        assert line in shown, line


@pytest.mark.parametrize("lang", ["kk", "ru"])
def test_an_answer_given_in_place_names_the_wording_of_its_page(client, analytics, lang):
    """The banner's script sends the page it was answered on (static/js/cookie-banner.js)."""
    response = client.post(
        "/cookies/choice", {"choice": "reject", "next": f"/{lang}/contact/"},
        headers={"origin": "http://testserver", "x-requested-with": "fetch"},
    )  # fmt: skip
    assert response.status_code == 204
    assert CookieChoice.objects.get().wording.language == lang


@pytest.mark.parametrize("lang", ["kk", "ru"])
def test_an_answer_sent_with_a_pages_own_form_names_that_pages_wording(client, analytics, lang):
    client.get(f"/{lang}/contact/")
    client.post(f"/{lang}/contact/", {"cookie_choice": "accept", **BANNER_SHOWN})
    assert CookieChoice.objects.get().wording.language == lang


def test_a_wording_is_kept_once_and_a_changed_banner_makes_another(analytics, settings):
    for _ in range(3):
        choose(Client(), "accept", next_path="/ru/about/")
    assert BannerWording.objects.count() == 1
    before = BannerWording.objects.get()
    settings.YANDEX_METRICA_ID = ""  # a release without Metrica: the banner names one service less
    choose(Client(), "accept", next_path="/ru/about/")
    assert BannerWording.objects.count() == 2
    after = CookieChoice.objects.order_by("-id").first().wording
    assert "Яндекс Метрика" in before.text and "Яндекс" not in after.text
    assert set(CookieChoice.objects.values_list("wording", flat=True)) == {before.pk, after.pk}
    assert BannerWording.objects.get(pk=before.pk).text == before.text


@pytest.mark.parametrize("lang,heading", [("kk", "cookie баннерінің мәтіндері"),
                                          ("ru", "тексты баннера cookie")])  # fmt: skip
def test_the_officer_reads_each_answer_with_its_wording(
    analytics, privacy_officer_client, lang, heading
):
    choose(Client(), "accept", next_path="/ru/about/")
    answer(Client(), "reject")
    client = privacy_officer_client
    client.cookies["django_language"] = lang
    listed = client.get("/admin/cookies/cookiechoice/")
    assert listed.status_code == 200
    wording = BannerWording.objects.get(language="ru")
    link = f"/admin/cookies/bannerwording/{wording.pk}/change/"
    assert link in listed.content.decode()
    page = client.get(link).content.decode()
    assert "Статистика посещений" in page and "Яндекс Метрика" in page
    assert heading in client.get("/admin/cookies/bannerwording/").content.decode().lower()
    own = client.get(f"/admin/cookies/cookiechoice/?wording__id__exact={wording.pk}")
    assert own.status_code == 200 and len(own.context["cl"].result_list) == 1


def test_other_roles_do_not_see_the_banners_log(analytics, content_editor_client):
    choose(Client(), "accept")
    for url in ["/admin/cookies/cookiechoice/", "/admin/cookies/bannerwording/"]:
        assert content_editor_client.get(url).status_code == 403
