"""Carol adds a service and types its address on the site in Kazakh, «Жаңа қызмет». The refusal
read «…тұратын дұрыс «slug» енгізіңіз»: Django's word for the field, in English, in the middle
of the Kazakh sentence, naming nothing on her page. It now says what to type in words alone, in
her language, and nothing is stored."""

import re

import pytest

from emalu.models import Service

SAID = {"kk": "Тек латын әріптерінен, цифрлардан", "ru": "только из латинских букв, цифр"}


@pytest.mark.parametrize("language", ["kk", "ru"])
def test_a_service_address_in_cyrillic_is_refused_in_words(content_editor_client, language):
    content_editor_client.cookies["django_language"] = language
    page = content_editor_client.post("/admin/emalu/service/add/", {
        "slug": "Жаңа қызмет", "order": "5", "title_kk": "Жаңа", "summary_kk": "Қысқа",
        "body_kk": "Мәтін", "title_ru": "Новая", "summary_ru": "Кратко", "body_ru": "Текст",
    })  # fmt: skip
    assert page.status_code == 200
    (told,) = re.findall(r'(?s)<ul class="errorlist[^"]*"[^>]*>(.*?)</ul>', page.text)
    assert SAID[language] in told and "slug" not in told
    assert not Service.objects.exists()
