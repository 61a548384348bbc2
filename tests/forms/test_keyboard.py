"""With the keyboard alone, on a phone-sized window: every control of a form page and of the
cookie banner is reached with Tab, shows the focus ring (the yellow outline and its dark band,
visible on white and on the banner's cream alike), and works with Enter or Space; a form sent
with errors opens on its error summary, whose links lead into the fields (radio buttons too); and
no control is announced invalid before the form is sent. With forced colours (Windows high
contrast) every button keeps its edge, and a screen reader tells each consent's «read the full
text» by its consent."""

import pytest
from django.utils import translation
from django.utils.translation import gettext
from playwright.sync_api import expect

from tests.live import banner_site  # noqa: F401  (a fixture)

pytestmark = [pytest.mark.live, pytest.mark.browser]

# The focused element, and whether it wears the whole ring: the outline and the dark band
# (`box-shadow: 0 0 0 5px var(--ink)`), which a component's own shadow must not replace.
FOCUSED = """() => {
  const e = document.activeElement;
  const s = getComputedStyle(e);
  return {
    what: e.tagName.toLowerCase() + (e.id ? '#' + e.id : '') + ' ' +
          (e.innerText || e.value || e.getAttribute('aria-label') || '').trim().slice(0, 30),
    ring: s.outlineStyle === 'solid' && parseFloat(s.outlineWidth) >= 3 &&
          /rgb\\(27, 31, 36\\) 0px 0px 0px 5px/.test(s.boxShadow),
    summary: e.classList.contains('error-summary'),
    body: e === document.body,
  };
}"""


@pytest.fixture(scope="module")
def site(banner_site):  # noqa: F811
    """The site with analytics configured, so that the cookie banner is shown."""
    return banner_site


@pytest.fixture
def page(browser):
    context = browser.new_context(viewport={"width": 390, "height": 800})
    yield context.new_page()
    context.close()


def tab_through(page, limit=80):
    """Tab from the top of the page to its last control; what each stop was."""
    stops = []
    for _ in range(limit):
        page.keyboard.press("Tab")
        focused = page.evaluate(FOCUSED)
        if focused["body"] or (stops and focused["what"] == stops[0]["what"]):
            break
        stops.append(focused)
    return stops


@pytest.mark.parametrize("lang", ["kk", "ru"])
@pytest.mark.parametrize("path", ["contact/", "apply/", "requests/new/", "cookies/"])
def test_every_control_shows_the_focus_ring(site, page, lang, path):
    page.goto(f"{site}/{lang}/{path}")
    stops = tab_through(page)
    assert any(s["what"].startswith("button") for s in stops), stops
    faint = [s["what"] for s in stops if not s["ring"]]
    assert not faint, faint


@pytest.mark.parametrize("lang", ["kk", "ru"])
def test_the_cookie_banner_is_answered_from_the_keyboard(site, page, lang):
    page.goto(f"{site}/{lang}/")
    assert page.locator(".cookie-banner").count() == 1
    for _ in range(10):
        page.keyboard.press("Tab")
        if page.evaluate("document.activeElement.value") == "reject":
            break
    assert page.evaluate(FOCUSED)["ring"]
    page.keyboard.press("Enter")
    # answered in place (static/js/cookie-banner.js): the banner goes, focus moves to the content
    page.locator(".cookie-banner").wait_for(state="detached")
    assert page.evaluate("document.activeElement.id") == "main"
    page.reload()
    assert page.locator(".cookie-banner").count() == 0


@pytest.mark.parametrize("lang", ["kk", "ru"])
def test_a_form_sent_from_the_keyboard_opens_on_its_error_summary(site, page, lang):
    page.goto(f"{site}/{lang}/contact/")
    page.focus("#id_full_name")
    page.keyboard.type("Әсел Қасымова")
    page.focus("#id_consent_service")
    page.keyboard.press("Space")
    assert page.is_checked("#id_consent_service")
    page.focus("main button[type=submit]")
    with page.expect_navigation():
        page.keyboard.press("Enter")
    # autofocus runs once the page is parsed, a moment after the navigation is committed; the
    # wait polls from the driver: `wait_for_function` polls in the page, where a string predicate
    # is an eval that the site's CSP refuses once the first look finds the focus not there yet
    expect(page.locator(".error-summary")).to_be_focused()
    page.keyboard.press("Tab")  # the first field to fix, by its link
    assert page.evaluate("document.activeElement.getAttribute('href')") == "#id_email"
    page.keyboard.press("Enter")
    assert page.evaluate("document.activeElement.id") == "id_email"


@pytest.mark.parametrize("lang", ["kk", "ru"])
def test_the_summary_leads_into_a_set_of_radio_buttons(site, page, lang):
    """Its link named the fieldset, which takes no focus: Enter left the keyboard on the page."""
    page.goto(f"{site}/{lang}/requests/new/")
    page.focus("main button[type=submit]")
    with page.expect_navigation():
        page.keyboard.press("Enter")
    expect(page.locator(".error-summary")).to_be_focused()
    page.keyboard.press("Tab")
    page.keyboard.press("Enter")
    assert page.evaluate("document.activeElement.id") == "id_type_0"
    page.keyboard.press("ArrowDown")  # and the arrows choose, as in any set of radio buttons
    assert page.is_checked("#id_type_1")


# What Chromium tells a screen reader is invalid: the name of each such node.
def announced_invalid(page):
    cdp = page.context.new_cdp_session(page)
    nodes = cdp.send("Accessibility.getFullAXTree")["nodes"]
    cdp.detach()
    return [
        n.get("name", {}).get("value", "")
        for n in nodes
        if not n.get("ignored")
        and any(p["name"] == "invalid" and p["value"].get("value") == "true"
                for p in n.get("properties", []))
    ]  # fmt: skip


@pytest.mark.parametrize("path", ["contact/", "apply/", "newsletter/", "requests/new/"])
def test_no_control_is_announced_invalid_before_the_form_is_sent(site, page, path):
    """Chromium took the empty required consent box, radio buttons, service list and date of
    birth for invalid, and NVDA said "invalid entry" on each before anything was typed; sent
    empty, each field in error is announced so."""
    page.goto(f"{site}/ru/{path}")
    assert announced_invalid(page) == []
    with page.expect_navigation():
        page.click("main button[type=submit]")
    assert announced_invalid(page)


# Each button that does not look like a link, and whether its edge is drawn: with forced colours
# the browser drops backgrounds and shadows and draws borders in the system's colour.
BUTTON_EDGES = """() => [...document.querySelectorAll('button, a.button')]
  .filter(b => b.getClientRects().length)
  .filter(b => !getComputedStyle(b).textDecorationLine.includes('underline'))
  .map(b => {
    const s = getComputedStyle(b);
    const edge = ['Top', 'Right', 'Bottom', 'Left'].every(side =>
      s['border' + side + 'Style'] !== 'none' && parseFloat(s['border' + side + 'Width']) >= 1);
    return [(b.innerText || b.getAttribute('aria-label')).trim().slice(0, 30), edge];
  })"""


@pytest.mark.parametrize("lang", ["kk", "ru"])
@pytest.mark.parametrize("path", ["contact/", "apply/", "requests/new/", "my-data/", "cookies/"])
def test_with_forced_colours_every_button_shows_its_edge(site, page, lang, path):
    """With Windows high contrast on, the green «Send» and the banner's blue Accept and Reject
    lost their background and, drawn with no border, read as lines of text; the banner's ×
    was a glyph in the air. Each keeps a border, transparent until the colours are forced."""
    page.emulate_media(forced_colors="active")
    page.goto(f"{site}/{lang}/{path}")
    buttons = page.evaluate(BUTTON_EDGES)
    assert any(name for name, _ in buttons), buttons
    assert [name for name, edge in buttons if not edge] == []


def disclosures(page):
    """What Chromium tells a screen reader of each «read more» (summary): name and description."""
    cdp = page.context.new_cdp_session(page)
    nodes = cdp.send("Accessibility.getFullAXTree")["nodes"]
    cdp.detach()
    return [
        (n.get("name", {}).get("value", ""), n.get("description", {}).get("value", ""))
        for n in nodes
        if not n.get("ignored") and n.get("role", {}).get("value") == "DisclosureTriangle"
    ]


@pytest.mark.parametrize("lang", ["kk", "ru"])
@pytest.mark.parametrize("path", ["contact/", "apply/", "newsletter/"])
def test_each_consent_text_says_which_consent_it_opens(site, page, lang, path):
    """A screen reader's list of controls read «Келісімнің толық мәтінін оқу» once for each
    consent, the same words, and none said which consent's text it opened."""
    page.goto(f"{site}/{lang}/{path}")
    with translation.override(lang):  # the header's menu names what it opens: the menu
        said = [shown for shown in disclosures(page) if shown != (gettext("Menu"), "")]
    assert said, path
    assert all(description for _, description in said), said
    assert len({description for _, description in said}) == len(said), said
