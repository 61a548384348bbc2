"""Carol adds a page. The form offered all four pages, those written already too; she chose
About, typed it in both languages, and was told «Осындай мән бұрыннан бар (Бет, «Бет» өрісі)»,
which said nothing of where the page was. Now the form offers the pages not written yet; one
added by a colleague since the form was shown is refused saying where to find it, what she
typed shown again and nothing changed; with every page written, the list says so."""

import re

import pytest

from emalu.models import Page

TYPED = {"slug": "about", "title_kk": "Біз туралы", "body_kk": "Біз Өскеменде жұмыс істейміз.",
         "title_ru": "О компании", "body_ru": "Мы работаем в Усть-Каменогорске."}  # fmt: skip
TOLD = {"kk": "Бұл бет бұрыннан жазылған", "ru": "Эта страница уже написана"}
ALL_WRITTEN = {"kk": "Сайттың барлық беттері жазылған", "ru": "Все страницы сайта уже написаны"}


def written(slug):
    return Page.objects.create(slug=slug, title_kk="Т", title_ru="З", body_kk="М", body_ru="Т")


@pytest.mark.parametrize("language", ["kk", "ru"])
def test_a_page_is_added_once_and_a_second_is_told_where_the_first_is(
    content_editor_client, language
):
    client = content_editor_client
    client.cookies["django_language"] = language
    written("home")
    offered = re.findall(r'<option value="(\w+)"', client.get("/admin/emalu/page/add/").text)
    assert offered == ["about", "services", "contacts"]
    colleagues = written("about")  # added while Carol was typing hers
    page = client.post("/admin/emalu/page/add/", TYPED)
    assert page.status_code == 200 and TOLD[language] in page.text
    assert TYPED["body_ru"] in page.text  # what she typed, shown again
    colleagues.refresh_from_db()
    assert colleagues.title_kk == "Т" and Page.objects.count() == 2
    written("services"), written("contacts")
    listing = client.get("/admin/emalu/page/add/", follow=True)
    assert listing.redirect_chain == [("/admin/emalu/page/", 302)]
    assert ALL_WRITTEN[language] in listing.text
