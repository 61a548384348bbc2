"""The cookie banner on a phone (compliance L19; WCAG 1.4.10, 2.4.3, 2.4.11, 2.5.8): with
analytics configured it asked at the top of every page, in the page's flow, all its words at
once: 684 px of a 360 by 640 phone (800 of a 320 by 568, 439 of one on its side, 3,224 px with
the text at 200 %), its buttons and the page's heading below the first screen, so that nothing of
the page could be read before answering it.

Now, at a phone's sizes in both languages: it takes at most half the window, its Accept and
Reject are in view and of one size, the page's heading (its first line) is in view above it,
its details and the policy are one tap away, a screen reader and the Tab key meet it first,
labelled by its heading, and a field the visitor tabs to is never under it. A page's own content
is never hidden at its end: scrolled down, the footer stands above the banner."""

import pytest

from tests.live import gunicorn, live_database
from tests.pages import open_tab

pytestmark = [pytest.mark.live, pytest.mark.browser]

# Portrait phones, the smallest still sold, and a 360 by 640 phone on its side.
SIZES = [(360, 640), (320, 568), (640, 360)]
# Pages whose heading comes right under the site's header (the home page's follows the demo
# notice, which production has not).
PAGES = ("/contact/", "/apply/", "/requests/new/", "/my-data/", "/privacy/")
TITLE = {"kk": "Сайтқа кіру статистикасы", "ru": "Статистика посещений"}


@pytest.fixture(scope="module")
def site(django_db_blocker, tmp_path_factory):
    """The served site with both analytics services configured (their scripts on an address no
    test serves: nothing may ask for them before an answer)."""
    nowhere = "http://127.0.0.2:9"
    env = {
        "GA_MEASUREMENT_ID": "G-TEST123",
        "YANDEX_METRICA_ID": "98765",
        "GA_SCRIPT_URL": f"{nowhere}/gtag/js",
        "YANDEX_SCRIPT_URL": f"{nowhere}/tag.js",
        "ANALYTICS_CONNECT_HOSTS": nowhere,
    }
    with (
        django_db_blocker.unblock(),
        live_database() as url,
        gunicorn(url, tmp_path_factory.mktemp("phone"), **env) as (port, _),
    ):
        yield f"http://127.0.0.1:{port}"


# Where the banner, its buttons and the page's heading are in the window, in px.
PLACES = """() => {
  const box = (e) => { const r = e.getBoundingClientRect();
    return {top: r.top, bottom: r.bottom, width: r.width, height: r.height}; };
  const banner = document.querySelector('.cookie-banner');
  const h1 = document.querySelector('h1');
  return {banner: box(banner), h1: {...box(h1), line: parseFloat(getComputedStyle(h1).lineHeight)},
          buttons: [...banner.querySelectorAll('.cookie-buttons button')].map(box),
          summary: box(banner.querySelector('summary')), window: innerHeight};
}"""


@pytest.mark.parametrize("lang", ["kk", "ru"])
@pytest.mark.parametrize("width,height", SIZES)
def test_the_banner_leaves_the_page_in_view(site, browser, lang, width, height):
    page = open_tab(browser)
    page.set_viewport_size({"width": width, "height": height})
    for path in PAGES:
        page.goto(f"{site}/{lang}{path}")
        at = page.evaluate(PLACES)
        banner, h1, window = at["banner"], at["h1"], at["window"]
        where = f"{path} at {width}x{height}"
        assert banner["height"] <= window / 2, f"{where}: {banner['height']:.0f} px high"
        # The heading's first line at least (a long one takes up to five on a phone).
        assert h1["top"] >= 0 and h1["top"] + h1["line"] <= banner["top"], f"{where}: {h1}"
        accept, reject = at["buttons"]
        for button in (accept, reject):
            assert banner["top"] <= button["top"] and button["bottom"] <= window, where
            assert button["height"] >= 44, where
        assert (accept["width"], accept["height"]) == (reject["width"], reject["height"]), where
        assert at["summary"]["bottom"] <= window and at["summary"]["height"] >= 44, where
    # The details, and the policy at their end, one tap away.
    page.click(".cookie-banner summary")
    policy = page.locator(f".cookie-banner a[href='/{lang}/privacy/']")
    policy.scroll_into_view_if_needed()
    assert policy.is_visible()
    assert page.evaluate(PLACES)["banner"]["height"] <= height / 2
    # Scrolled to its end, the page's footer stands above the banner, not under it.
    page.evaluate("window.scrollTo(0, document.documentElement.scrollHeight)")
    at = page.evaluate(PLACES)
    footer = page.locator(".site-footer").bounding_box()
    assert footer["y"] + footer["height"] <= at["banner"]["top"] + 1
    assert page.problems == []
    page.context.close()


# Each character of the banner's words that lies under its × (whose 44 px box takes a tap there
# as Reject), as "character in word".
UNDER_CLOSE = r"""() => {
  const banner = document.querySelector('.cookie-banner');
  const x = banner.querySelector('.cookie-close').getBoundingClientRect(), found = [];
  const walker = document.createTreeWalker(banner, NodeFilter.SHOW_TEXT);
  for (let n; (n = walker.nextNode());) {
    if (n.parentElement.closest('.cookie-close') || !n.parentElement.checkVisibility()) continue;
    for (let i = 0; i < n.data.length; i++) {
      if (!n.data[i].trim()) continue;
      const range = document.createRange();
      range.setStart(n, i);
      range.setEnd(n, i + 1);
      for (const r of range.getClientRects())
        if (r.right > x.left && r.left < x.right && r.bottom > x.top && r.top < x.bottom)
          found.push(`${n.data[i]} in ${n.data.slice(Math.max(0, i - 8), i + 8).trim()}`);
    }
  }
  return found;
}"""


@pytest.mark.parametrize("lang", ["kk", "ru"])
@pytest.mark.parametrize("width,height", [*SIZES, (195, 400)])
def test_no_word_of_the_banner_lies_under_its_close_button(site, browser, lang, width, height):
    """The ×'s box reached down over the first line of the words below the heading: the end of
    «…сервистер есептейді:» on a phone on its side sat under it, and a tap there answered
    Reject."""
    page = open_tab(browser)
    page.set_viewport_size({"width": width, "height": height})
    page.goto(f"{site}/{lang}/contact/")
    assert page.evaluate(UNDER_CLOSE) == []
    page.context.close()


@pytest.mark.parametrize("lang", ["kk", "ru"])
@pytest.mark.parametrize("width,height", SIZES)
def test_the_close_button_is_a_44_px_square(site, browser, lang, width, height):
    """A thumb hits the × as surely as Accept and Reject: it was 31 px wide and 44 high, the
    banner's rule that lets each of its parts narrow to the line (min-width 0) taking the
    ×'s own 44 px minimum width away."""
    page = open_tab(browser)
    page.set_viewport_size({"width": width, "height": height})
    page.goto(f"{site}/{lang}/contact/")
    box = page.locator(".cookie-banner .cookie-close").bounding_box()
    assert box["width"] >= 44 and box["height"] >= 44, box
    page.context.close()


@pytest.mark.parametrize("lang", ["kk", "ru"])
def test_with_the_largest_text_the_banner_takes_half_the_window(site, browser, lang):
    """A 360 by 640 phone with its text at 200 %: the banner scrolls inside half the window; its
    buttons come into view as they are tabbed to."""
    page = open_tab(browser)
    page.set_viewport_size({"width": 360, "height": 640})
    page.goto(f"{site}/{lang}/contact/")
    page.evaluate("document.documentElement.style.fontSize = '200%'")
    assert page.evaluate(PLACES)["banner"]["height"] <= 320
    assert page.evaluate("document.documentElement.scrollWidth") <= 360
    for value in ("accept", "reject"):
        button = page.locator(f".cookie-buttons button[value={value}]")
        button.focus()
        box = button.bounding_box()
        assert box["y"] >= 0 and box["y"] + box["height"] <= 640, value
    page.context.close()


# The element that has focus, named as a screen reader names it well enough to tell them apart.
FOCUSED = """() => { const e = document.activeElement;
  return e.getAttribute('aria-label') || e.getAttribute('value') || e.textContent.trim(); }"""


@pytest.mark.parametrize("lang", ["kk", "ru"])
def test_a_screen_reader_and_the_tab_key_meet_the_banner_first(site, browser, lang):
    page = open_tab(browser)
    page.set_viewport_size({"width": 360, "height": 640})
    page.goto(f"{site}/{lang}/contact/")
    region = page.get_by_role("region", name=TITLE[lang])
    assert region.count() == 1  # a landmark named by its heading
    # Its heading is the first one the page reads out after the skip link: before the page's.
    first = page.evaluate("document.querySelector('h1, h2').textContent.trim()")
    assert first == TITLE[lang]
    order = []
    for _ in range(5):
        page.keyboard.press("Tab")
        order.append(page.evaluate(FOCUSED))
        assert page.evaluate("scrollY") == 0, order  # the page stays where it is
    more = {"kk": "Статистика туралы толығырақ", "ru": "Подробнее о\u00a0статистике"}[lang]
    assert order[1:4] == ["accept", "reject", more], order
    assert order[4].startswith({"kk": "Жабу", "ru": "Закрыть"}[lang]), order


@pytest.mark.parametrize("lang", ["kk", "ru"])
def test_a_field_tabbed_to_is_never_under_the_banner(site, browser, lang):
    """WCAG 2.4.11: the page scrolls a focused field above the banner, not beneath it."""
    page = open_tab(browser)
    page.set_viewport_size({"width": 360, "height": 640})
    page.goto(f"{site}/{lang}/contact/")
    fields = page.locator("main form input:not([type=hidden]), main form textarea, main button")
    for i in range(fields.count()):
        field = fields.nth(i)
        if not field.is_visible():
            continue
        field.focus()
        box, banner = field.bounding_box(), page.evaluate(PLACES)["banner"]
        assert box["y"] >= 0 and box["y"] + min(box["height"], 44) <= banner["top"] + 1, i
    page.context.close()
