"""A person's own page in a real browser (Debian's headless Chromium), JavaScript off and on: a
request being written stays in its box whatever button of the page is pressed. «Give/Withdraw
consent» and «Write to me in …» posted small forms of their own, and the text was lost."""

import pytest

from tests.live import gunicorn, live_database, shell

# No django_db mark: Playwright runs an event loop in this thread and the ORM refuses to run
# beside one. Set-up goes through `manage.py shell` against the served site's database.
pytestmark = [pytest.mark.live, pytest.mark.browser]
SETUP = """
from consent.core.ledger import consent_grant
from consent.core.models import Source, Subject
from consent.core.purposes import MARKETING
from consent.core.texts import current_text
from consent.rights.selfservice import link_token
s = Subject.objects.create(full_name="Әсел Қасымова", email="asel@example.kz", language="kk")
consent_grant(s, current_text(MARKETING), language="kk", source=Source.NEWSLETTER_FORM)
for _ in range(4):
    print(link_token(s))
"""
WRITTEN = "Тегім қате жазылған: «Касымова» емес, «Қасымова».\nТуған жерім — Өскемен."
SAVED = {"kk": "Сақталды", "ru": "Сохранено"}
CHOICE_SAVED = {"kk": "Таңдауыңыз сақталды", "ru": "Ваш выбор сохранён"}


@pytest.fixture(scope="module")
def site(django_db_blocker, tmp_path_factory):
    with (
        django_db_blocker.unblock(),
        live_database() as url,
        gunicorn(url, tmp_path_factory.mktemp("my-data")) as (port, server),
    ):
        links = shell(SETUP, server.env).split()
        yield f"http://127.0.0.1:{port}", links


def press(page, name):
    with page.expect_navigation():
        page.get_by_role("button", name=name, exact=True).click()


def typed(page):
    """The request form's type and message as the page holds them."""
    checked = page.locator("input[name=type]:checked")
    kind = checked.get_attribute("value") if checked.count() else None
    return kind, page.input_value("textarea[name=message]")


@pytest.mark.parametrize("javascript", [False, True], ids=["js-off", "js-on"])
@pytest.mark.parametrize("lang", ["kk", "ru"])
def test_the_page_buttons_keep_the_request_being_written(site, browser, lang, javascript):
    base, links = site
    context = browser.new_context(java_script_enabled=javascript)
    page = context.new_page()
    page.goto(f"{base}/{lang}/my-data/open/{links.pop()}/")
    with page.expect_navigation():
        page.click("main button[type=submit]")
    page.check("input[name=type][value=block]")
    page.fill("textarea[name=message]", WRITTEN)
    buttons = {
        "kk": ["Келісімді кері қайтарып алу", "Маған орысша жазыңыз", "Келісім беру",
               "Маған қазақша жазыңыз"],
        "ru": ["Отозвать согласие", "Пишите мне на русском", "Дать согласие",
               "Пишите мне на казахском"],
    }[lang]  # fmt: skip
    for n, name in enumerate(buttons):
        press(page, name)
        said = page.locator('[role="status"]').inner_text()
        assert (CHOICE_SAVED if n % 2 == 0 else SAVED)[lang] in said, name
        assert typed(page) == ("block", WRITTEN), name
    context.close()
