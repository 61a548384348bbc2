"""A page loads nothing from another host (no host is contacted before the visitor consents:
compliance L19): a picture staff put in a page or a service from elsewhere is refused when
saved, with the reason in the editor's language, and one saved before is not loaded."""

import pytest
from django.test import Client

from emalu.models import Page
from tests.staff import verified_login

REFUSED = {
    "kk": "Сайт басқа сайттардағы суреттерді көрсетпейді",
    "ru": "Сайт не показывает изображения с\xa0других сайтов",
}
# Another host, however it is written: a full address, one without its scheme, a backslash a
# browser reads as a slash, a tab or a line break between the slashes (a browser removes them
# from an address: «/\t/host» is «//host»), plain http, a data: address.
FOREIGN = [
    "![логотип](https://cdn.example.com/logo.png)",
    '<img src="//cdn.example.com/logo.png" alt="логотип">',
    "![логотип](/\\cdn.example.com/logo.png)",
    '<img src="/&#9;/cdn.example.com/logo.png">',
    '<img src="/&#10;/cdn.example.com/logo.png">',
    '<img src="http://cdn.example.com/logo.png">',
    "![логотип](data:image/png;base64,iVBORw0KGgo=)",
]
OWN = "![логотип](/static/img/logo.png)"


def editor(content_editor, lang):
    """Carol, the content editor (tests/conftest.py), her admin in `lang`."""
    return verified_login(Client(headers={"accept-language": lang}), content_editor)


@pytest.mark.parametrize("lang", ["kk", "ru"])
@pytest.mark.parametrize("image", FOREIGN)
def test_a_picture_from_another_host_is_refused_when_saved(content_editor, lang, image):
    form = {"slug": "about", "title_kk": "Біз туралы", "title_ru": "О нас",
            "body_kk": f"Біз туралы.\n\n{image}", "body_ru": "Мы работаем."}  # fmt: skip
    response = editor(content_editor, lang).post("/admin/emalu/page/add/", form)
    assert response.status_code == 200 and REFUSED[lang] in response.content.decode()
    assert not Page.objects.exists()


@pytest.mark.parametrize("image", FOREIGN)
def test_a_picture_from_another_host_saved_before_is_not_loaded(client, db, image):
    Page.objects.create(slug="about", title_kk="Біз туралы", title_ru="О нас",
                        body_kk=f"Мәтін\n\n{image}\n\n{OWN}", body_ru="Текст")  # fmt: skip
    html = client.get("/kk/about/").content.decode()
    assert "cdn.example.com" not in html and "data:image" not in html
    assert 'src="/static/img/logo.png"' in html  # the site's own picture stays


def test_the_sites_own_picture_is_saved(content_editor):
    form = {"slug": "about", "title_kk": "Біз туралы", "title_ru": "О нас",
            "body_kk": f"Мәтін\n\n{OWN}", "body_ru": "Текст"}  # fmt: skip
    assert editor(content_editor, "kk").post("/admin/emalu/page/add/", form).status_code == 302
