"""Issue 18, item 1: the site reads as a company. Home, services (each with its page) and
contacts show what staff wrote in kk and ru in the admin, with the legal details from the
operator settings; the application form offers the published services; search engines and link
previews get schema.org and OpenGraph data built from the same details."""

import json
import re

import pytest
from django.conf import settings
from django.core.management import call_command

from consent.core.models import Submission
from emalu.models import Company, Service
from tests.site.language import as_written

COMPANY = {
    "summary_kk": "Біз Өскеменде тұрғын үйлерге қызмет көрсетеміз.",
    "summary_ru": "Мы обслуживаем жилые дома в Усть-Каменогорске.",
    "address_kk": "Өскемен қ., Тәуелсіздік даңғылы, 1",
    "address_ru": "г. Усть-Каменогорск, проспект Независимости, 1",
    "phones": "+77232000000\n+77011234567",
    "hours_kk": "Дс–Жм 9:00–18:00",
    "hours_ru": "Пн–Пт 9:00–18:00",
}
LANGS = ["kk", "ru"]


@pytest.fixture
def company(db):
    return Company.objects.create(**COMPANY)


def service(slug, published=True, order=0):
    return Service.objects.create(
        slug=slug, order=order, is_published=published,
        title_kk=f"Қызмет {slug}", title_ru=f"Услуга {slug}",
        summary_kk=f"Қысқаша {slug}", summary_ru=f"Кратко {slug}",
        body_kk=f"Толық **мәтін** {slug}", body_ru=f"Полный **текст** {slug}",
    )  # fmt: skip


@pytest.fixture
def services(db):
    return [service("repair", order=1), service("cleaning", order=2), service("draft", False)]


SHOWN = "+7 7232 00 00 00".replace(" ", "\N{NO-BREAK SPACE}")  # never broken over two lines


def html(response):
    """The page's HTML, less the spans that hold a number on one line (the words as written)."""
    assert response.status_code == 200, response.status_code
    return as_written(response.content.decode())


@pytest.mark.parametrize("lang", LANGS)
def test_contacts_show_the_company_and_the_legal_details(client, company, lang):
    page = html(client.get(f"/{lang}/contacts/"))
    for fact in (COMPANY[f"address_{lang}"], COMPANY[f"hours_{lang}"]):
        assert fact in page
    assert 'href="tel:+77232000000"' in page and SHOWN in page
    assert 'href="tel:+77011234567"' in page
    assert "123456789012" in page and "Test Responsible" in page  # BIN, responsible person
    assert {"kk": "Заңды деректемелер", "ru": "Юридические реквизиты"}[lang] in page


@pytest.mark.parametrize("lang", LANGS)
def test_home_says_what_the_company_does_and_offers_the_way_in(client, company, services, lang):
    page = html(client.get(f"/{lang}/"))
    assert COMPANY[f"summary_{lang}"] in page
    assert f'href="/{lang}/apply/"' in page and f'href="/{lang}/contact/"' in page
    assert f'href="/{lang}/services/repair/"' in page
    assert "draft" not in page


@pytest.mark.parametrize("lang", LANGS)
def test_the_services_page_lists_the_published_ones_in_order(client, company, services, lang):
    page = html(client.get(f"/{lang}/services/"))
    word = {"kk": "Қызмет", "ru": "Услуга"}[lang]
    assert page.index(f"{word} repair") < page.index(f"{word} cleaning")
    assert f"{word} draft" not in page


@pytest.mark.parametrize("lang", LANGS)
def test_a_service_has_its_own_page(client, company, services, lang):
    page = html(client.get(f"/{lang}/services/repair/"))
    word = {"kk": "Толық <strong>мәтін</strong>", "ru": "Полный <strong>текст</strong>"}[lang]
    assert word in page
    assert f'href="/{lang}/apply/?service=repair"' in page


def test_an_unpublished_or_unknown_service_is_not_found(client, services):
    assert client.get("/kk/services/draft/").status_code == 404
    assert client.get("/ru/services/nothing/").status_code == 404


def test_unpublishing_a_service_takes_its_page_down_at_once(client, company, services):
    assert client.get("/kk/services/repair/").status_code == 200
    services[0].is_published = False
    services[0].save()
    assert client.get("/kk/services/repair/").status_code == 404


def test_the_sitemap_lists_the_published_services_in_both_languages(client, services):
    xml = client.get("/sitemap.xml").content.decode()
    for lang in LANGS:
        assert f"{settings.SITE_URL}/{lang}/services/repair/<" in xml
    assert "/services/draft/" not in xml


def json_ld(page):
    [data] = re.findall(r'<script type="application/ld\+json">(.*?)</script>', page, re.S)
    return json.loads(data)


@pytest.mark.parametrize("lang", LANGS)
@pytest.mark.parametrize("path", ["", "contacts/", "services/", "services/repair/"])
def test_search_engines_get_the_organisation(client, company, services, lang, path):
    data = json_ld(html(client.get(f"/{lang}/{path}")))
    assert data["@type"] == "Organization"
    assert data["name"] == {"kk": "«ЕМ АЛУ плюс» ЖШС", "ru": "ТОО «ЕМ АЛУ плюс»"}[lang]
    assert data["address"]["streetAddress"] == COMPANY[f"address_{lang}"]
    assert data["telephone"] == ["+77232000000", "+77011234567"]
    assert data["taxID"] == "123456789012"


def test_staff_text_cannot_close_the_json_ld_script(client, company):
    Company.objects.filter(pk=1).update(summary_kk="</script><script>alert(1)</script>")
    company.refresh_from_db()
    company.save()  # new cache generation
    page = html(client.get("/kk/"))
    assert json_ld(page)["description"] == "</script><script>alert(1)</script>"
    assert "<script>alert(1)" not in page


@pytest.mark.parametrize("lang", LANGS)
def test_link_previews_get_opengraph_tags(client, company, services, lang):
    page = html(client.get(f"/{lang}/services/repair/"))
    title = {"kk": "Қызмет repair", "ru": "Услуга repair"}[lang]
    assert f'<meta property="og:title" content="{title}">' in page
    assert f'<meta property="og:description" content="{COMPANY[f"summary_{lang}"]}">' in page
    assert f'content="{settings.SITE_URL}/{lang}/services/repair/"' in page
    locale = {"kk": "kk_KZ", "ru": "ru_RU"}[lang]
    assert f'<meta property="og:locale" content="{locale}">' in page
    assert '<meta property="og:site_name"' in page


def test_pages_stand_before_staff_write_anything(client, db):
    for path in ["/kk/", "/ru/services/", "/kk/contacts/"]:
        assert client.get(path).status_code == 200
    assert client.get("/kk/about/").status_code == 404


# --- the application form


@pytest.mark.parametrize("lang", LANGS)
def test_the_application_form_offers_only_the_published_services(client, texts, services, lang):
    page = html(client.get(f"/{lang}/apply/"))
    options = re.findall(r'<input type="radio" name="service" value="([^"]*)"', page)
    assert options == ["repair", "cleaning"]  # buttons: nothing to choose is no choice
    assert {"kk": "Қызмет repair", "ru": "Услуга repair"}[lang] in page


def test_a_service_page_links_to_the_form_with_the_service_chosen(client, texts, services):
    page = html(client.get("/kk/apply/?service=cleaning"))
    chosen = re.findall(r'<input type="radio" name="service" value="(\w+)"[^>]* checked>', page)
    assert chosen == ["cleaning"]


REFUSED = {"kk": "Тізімнен қызметті таңдаңыз.", "ru": "Выберите услугу из списка."}


@pytest.mark.parametrize("lang", LANGS)
@pytest.mark.parametrize("value", ["draft", "Кеңес", "nothing"])
def test_another_service_is_refused_in_the_visitors_language(
    client, texts, services, application_data, lang, value
):
    response = client.post(f"/{lang}/apply/", application_data(service=value))
    assert REFUSED[lang] in html(response)
    assert not Submission.objects.exists()


@pytest.mark.parametrize("lang", LANGS)
def test_the_chosen_service_is_stored_by_its_title_as_the_visitor_saw_it(
    client, texts, services, application_data, lang
):
    response = client.post(f"/{lang}/apply/", application_data(service="repair"))
    assert response.status_code == 302
    title = {"kk": "Қызмет repair", "ru": "Услуга repair"}[lang]
    assert Submission.objects.get().data["service"] == title


def test_with_no_service_published_the_form_asks_for_none(client, texts, application_data):
    assert 'name="service"' not in html(client.get("/kk/apply/"))
    assert client.post("/kk/apply/", application_data(service=None)).status_code == 302
    assert "service" not in Submission.objects.get().data


# --- the admin


def test_a_content_editor_writes_the_company_details_and_a_service(content_editor_client, client):
    staff = content_editor_client
    response = staff.post("/admin/emalu/company/add/", {**COMPANY, "phones": "8 7232 00 00 00"})
    assert response.status_code == 302, response.content.decode()[-3000:]
    assert Company.objects.get().phones == "+77232000000"
    assert staff.get("/admin/emalu/company/add/").status_code == 403  # one row only
    form = {"slug": "repair", "order": 1, "is_published": "on", "title_kk": "Жөндеу",
            "title_ru": "Ремонт", "summary_kk": "Қысқаша", "summary_ru": "Кратко",
            "body_kk": "Мәтін", "body_ru": "Текст"}  # fmt: skip
    assert staff.post("/admin/emalu/service/add/", form).status_code == 302
    assert "Ремонт" in html(client.get("/ru/services/"))
    assert SHOWN in html(client.get("/kk/contacts/"))
    edited = {**COMPANY, "phones": "+77232000000", "hours_ru": "Пн–Сб 10:00–16:00"}
    assert staff.post("/admin/emalu/company/1/change/", edited).status_code == 302
    assert "Пн–Сб 10:00–16:00" in html(client.get("/ru/contacts/"))


@pytest.mark.parametrize("lang", LANGS)
def test_the_admin_asks_for_both_languages_and_real_numbers(db, lang):
    from django.test import Client

    from tests.staff import staff_member, verified_login

    staff = verified_login(
        Client(headers={"accept-language": lang}), staff_member("eve", "content_editor")
    )
    response = staff.post("/admin/emalu/company/add/",
                          {**COMPANY, "hours_ru": "", "phones": "123"})  # fmt: skip
    page = html(response)
    assert {
        "kk": "Мұны орысша да жазыңыз: сайт екі тілде де көрсетіледі.",
        "ru": "Напишите это и\xa0по-русски: сайт показывается на обоих языках.",
    }[lang] in page
    assert {
        "kk": "Қазақстандық телефон нөмірін енгізіңіз",
        "ru": "Введите казахстанский номер телефона",
    }[lang] in page
    assert not Company.objects.exists()


# --- the demo


def test_the_demo_is_a_whole_site_marked_as_demo_with_no_invented_facts(client, db):
    call_command("load_demo", stdout=open("/dev/null", "w"))  # noqa: SIM115
    company = Company.objects.get()
    assert company.is_demo
    for lang in LANGS:
        for field in ("summary", "address", "hours"):
            assert getattr(company, f"{field}_{lang}").startswith(("Демо", "Demo")), field
    published = Service.objects.published()
    assert published.count() >= 2 and all(s.is_demo for s in published)
    assert all(s.title_kk.startswith("Демо") for s in published)
    for lang in LANGS:
        for path in ["", "services/", f"services/{published[0].slug}/", "contacts/", "about/"]:
            assert 'class="notice"' in html(client.get(f"/{lang}/{path}")), path
