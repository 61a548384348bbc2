"""The site's header on a phone with large text (WCAG 1.4.10, 1.4.4, 2.4.1, 2.4.3, 2.5.8): on a
360 by 640 phone with its text at 200 % the header was about 1,000 px high (the brand, the
language switch and the six menu items, one a line), so every page's heading was more than a
screen down and the visitor scrolled past the whole menu on every page.

Now, where the screen holds less than a few words of the text's size across, the menu is one
«Мәзір»/«Меню» button (a `<details>`, which opens and closes without JavaScript) beside the brand
and the language switch: each page's heading starts on the first screen, nothing is wider than
the window, the button is named, says whether it is open, comes after the skip link, the brand
and the switch in the Tab order, and its items (the current page marked) are a thumb's height.
On a wide screen the menu is shown as it always was, with no button."""

import pytest

from tests.live import gunicorn, live_database
from tests.pages import PATHS, open_tab

pytestmark = [pytest.mark.live, pytest.mark.browser]

LANGS = ("kk", "ru")
MENU = {"kk": "Мәзір", "ru": "Меню"}
# The public pages a visitor opens by a link (the emailed links' and the posted pages' headers
# are the same template's).
PAGES = {name: path for name, path in PATHS.items() if "thanks" not in name}


@pytest.fixture(scope="module")
def site(django_db_blocker, tmp_path_factory):
    with (
        django_db_blocker.unblock(),
        live_database() as url,
        gunicorn(url, tmp_path_factory.mktemp("header")) as (port, _),
    ):
        yield f"http://127.0.0.1:{port}"


def phone(browser, script=True):
    """A 360 by 640 phone with its text at 200 %: the root's font size set by the test after
    each page opens (as in the suite's other checks), or, where the page runs no script, the
    tab's own default text size (the browser's text size setting), 32 px."""
    if not script:
        page = browser.new_context(java_script_enabled=False).new_page()
        session = page.context.new_cdp_session(page)
        session.send("Page.setFontSizes", {"fontSizes": {"standard": 32}})
    else:
        page = open_tab(browser)
        goto = page.goto

        def go(url):
            goto(url)
            page.evaluate("document.documentElement.style.fontSize = '200%'")

        page.goto = go
    page.set_viewport_size({"width": 360, "height": 640})
    return page


# Where the header's parts and the page's heading are, in px. The heading's top leaves out the
# notice of demo content before it, which production's pages have not.
PLACES = """() => {
  const h1 = document.querySelector('main h1'), notes = [...document.querySelectorAll(
    'main > .notice[role=note]')].filter(n => n.compareDocumentPosition(h1) & 4);
  const box = (e) => { if (!e || !e.getClientRects().length) return null;
    const r = e.getBoundingClientRect(); return {top: r.top, bottom: r.bottom, left: r.left,
      right: r.right, width: r.width, height: r.height}; };
  const above = notes.reduce((sum, n) => sum + n.getBoundingClientRect().height
    + parseFloat(getComputedStyle(n).marginBottom), 0);
  return {h1: {...box(h1), top: box(h1).top - above},
          header: box(document.querySelector('.site-header')),
          summary: box(document.querySelector('.site-header summary')),
          links: [...document.querySelectorAll('.main-nav a')].map(box),
          width: document.documentElement.scrollWidth};
}"""


@pytest.mark.parametrize("lang", LANGS)
def test_each_pages_heading_starts_on_the_first_screen(site, browser, lang):
    page = phone(browser)
    late = {}
    for name, path in PAGES.items():
        page.goto(f"{site}/{lang}{path}")
        at = page.evaluate(PLACES)
        if at["h1"]["top"] + 44 > 640 or at["width"] > 360:
            late[name] = f"heading at {at['h1']['top']:.0f} px, page {at['width']} px wide"
    assert late == {}
    page.context.close()


# The header's controls in Tab order from the page's top, each named as a screen reader names it.
TABBED = """() => { const e = document.activeElement;
  return [e.tagName.toLowerCase(), e.textContent.trim(), e.getAttribute('aria-current')]; }"""


def menu_button(page, name):
    """The menu's control as the browser tells a screen reader of it: (role, expanded)."""
    tree = page.context.new_cdp_session(page).send("Accessibility.getFullAXTree")["nodes"]
    found = [
        n
        for n in tree
        if n.get("name", {}).get("value") == name
        and not n["ignored"]
        and n["role"]["value"] not in ("StaticText", "InlineTextBox")
    ]
    assert len(found) == 1, found
    props = {p["name"]: p["value"]["value"] for p in found[0].get("properties", [])}
    return found[0]["role"]["value"], props.get("expanded")


@pytest.mark.parametrize("lang", LANGS)
def test_the_menu_opens_and_closes_from_the_keyboard(site, browser, lang):
    page = phone(browser)
    page.goto(f"{site}/{lang}/contacts/")
    # A button to a screen reader (Chromium's disclosure triangle), named, saying it is closed.
    assert menu_button(page, MENU[lang]) == ("DisclosureTriangle", False)
    order = []
    for _ in range(4):
        page.keyboard.press("Tab")
        order.append(page.evaluate(TABBED)[:2])
    skip = {"kk": "Негізгі мазмұнға өту", "ru": "Перейти к\u00a0основному содержимому"}[lang]
    assert order[0] == ["a", skip]  # the skip link first, then the brand and the switch
    assert order[1][0] == "a" and order[2][1] in ("Русский", "Қазақша"), order
    assert order[3] == ["summary", MENU[lang]], order
    links = page.locator(".main-nav a")
    assert not links.first.is_visible()
    page.keyboard.press("Enter")
    assert links.first.is_visible()
    assert menu_button(page, MENU[lang]) == ("DisclosureTriangle", True)
    at = page.evaluate(PLACES)
    assert at["summary"]["height"] >= 44 and at["summary"]["width"] >= 44
    assert all(link["height"] >= 44 for link in at["links"]), at["links"]
    assert at["width"] <= 360
    page.keyboard.press("Tab")  # into the open menu, its first item next
    assert page.evaluate(TABBED)[:2] == ["a", links.first.inner_text()]
    current = page.locator('.main-nav a[aria-current="page"]')
    assert current.get_attribute("href") == f"/{lang}/contacts/" and current.is_visible()
    page.keyboard.press("Shift+Tab")
    page.keyboard.press("Space")
    assert not links.first.is_visible()
    assert menu_button(page, MENU[lang]) == ("DisclosureTriangle", False)
    page.keyboard.press("Tab")  # closed, its items are out of the Tab order: the page's next
    assert page.evaluate("document.activeElement.closest('.site-header')") is None
    # The skip link still takes the visitor past the header to the page's own content.
    page.goto(f"{site}/{lang}/contacts/")
    page.keyboard.press("Tab")
    page.keyboard.press("Enter")
    assert page.evaluate("document.activeElement.id") == "main"
    page.context.close()


@pytest.mark.parametrize("lang", LANGS)
def test_the_menu_opens_without_javascript(site, browser, lang):
    page = phone(browser, script=False)
    page.goto(f"{site}/{lang}/about/")
    assert page.evaluate(PLACES)["h1"]["top"] + 44 <= 640
    links = page.locator(".main-nav a")
    assert not links.first.is_visible()
    page.click(".main-nav summary")
    assert links.nth(5).is_visible()
    page.click(".main-nav summary")
    assert not links.first.is_visible()
    page.context.close()


@pytest.mark.parametrize("lang", LANGS)
@pytest.mark.parametrize("width,text", [(1280, "100%"), (1280, "200%"), (768, "100%")])
def test_on_a_wide_screen_the_menu_is_shown_as_it_was(site, browser, lang, width, text):
    page = open_tab(browser)
    page.set_viewport_size({"width": width, "height": 800})
    page.goto(f"{site}/{lang}/services/")
    page.evaluate(f"document.documentElement.style.fontSize = '{text}'")
    at = page.evaluate(PLACES)
    assert at["summary"] is None and at["width"] <= width
    assert len(at["links"]) == 6 and all(link and link["height"] >= 44 for link in at["links"])
    names = page.get_by_role("navigation").nth(1).get_by_role("link").all_inner_texts()
    assert len(names) == 6
    if text == "100%":  # the six on one line under the brand, as before
        assert len({round(link["top"]) for link in at["links"]}) == 1
    page.keyboard.press("Tab")
    for _ in range(3):
        page.keyboard.press("Tab")
    assert page.evaluate(TABBED)[0] == "a"  # a menu item, no button on the way
    page.context.close()
