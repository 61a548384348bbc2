"""A photo with a long name, chosen in a real browser (Debian's headless Chromium): the name is
in the part's headers as Chromium sends them, quotes escaped, and was over the 1 KB of them
Django reads, a bad request that lost the whole form (emalu/uploads.py::PART_HEADERS_MAX)."""

import io

import pytest
from PIL import Image

from tests.live import query
from tests.pages import open_tab

pytestmark = [pytest.mark.live, pytest.mark.browser]

# Names a phone or a desktop gives a file, whose part headers come to over 1 KB as Chromium
# sends them (a quote as «%22»).
NAMES = {
    "Kazakh": "Ұлым мен қызымның мектепке баратын алғашқы күні, Өскемен " * 10 + ".jpg",
    "Russian with emoji": "Фото с дня рождения бабушки 🎂🎉 " * 18 + ".jpeg",
    "quotes": 'Сурет "Алматы" ' * 70 + ".jpg",
}
TITLES = {
    "kk": ("Өтініміңіз қабылданды", "Қате:"),
    "ru": ("Заявка получена", "Ошибка:"),
}


@pytest.fixture
def page(browser):
    page = open_tab(browser)
    yield page
    page.context.close()


def photo_named(name):
    out = io.BytesIO()
    Image.new("RGB", (120, 160), "teal").save(out, "JPEG")
    return {"name": name, "mimeType": "image/jpeg", "buffer": out.getvalue()}


def fill(page, lang, email, name):
    page.goto(page.base + f"/{lang}/apply/")
    page.fill("#id_full_name", "Бақыт Ержанов")
    page.fill("#id_email", email)
    page.fill("#id_phone", "+7 (705) 765-43-21")
    page.fill("#id_birth_date", "1990-05-17")
    page.fill("#id_birth_place", "Өскемен")
    page.check("input[name=service][value=demo-1]")
    page.fill("#id_message", "Сәлеметсіз бе, суретті жіберіп отырмын.")
    page.set_input_files("#id_photo", photo_named(name))


@pytest.mark.parametrize("lang", ["kk", "ru"])
@pytest.mark.parametrize("name", NAMES.values(), ids=NAMES)
def test_a_long_named_photo_is_sent_and_a_mistake_keeps_what_was_typed(site, page, lang, name):
    base, url = site
    page.base = base
    sent, error = TITLES[lang]
    email = f"long-{lang}-{len(name)}@example.kz"
    assert len(name.replace('"', "%22").encode()) > 1024  # over Django's 1 KB of headers

    fill(page, lang, email, name)  # the consent box left empty: the form again, as typed
    with page.expect_navigation():
        page.click("main button[type=submit]")
    assert page.title().startswith(error)
    assert page.input_value("#id_full_name") == "Бақыт Ержанов"
    assert page.input_value("#id_message") == "Сәлеметсіз бе, суретті жіберіп отырмын."

    page.set_input_files("#id_photo", photo_named(name))  # attached again, as the page asks
    page.check("#id_consent_service")
    page.click("main button[type=submit]")
    page.wait_for_url(f"**/{lang}/apply/thanks/")
    assert page.inner_text("h1") == sent
    sql = f"SELECT photo FROM consent_submission WHERE data->>'email' = '{email}'"
    assert query(url, sql)[0][0].startswith("private/photos/")
