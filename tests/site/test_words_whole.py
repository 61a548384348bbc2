"""A word the phone's column holds whole is not broken at a letter, on a 390 px phone at 200 %
zoom (195 px), in a real browser on the served site.

No browser here hyphenates Kazakh (nor, on Linux, Russian): a word wider than its line breaks at
any letter, with no hyphen, and reads as two words, «Электронды» then «қ», «персональ» then
«ных». The page's text column at 195 px holds the site's own words at the body's size; what
broke them was what stood beside them: a heading's size, a consent box and its gap, the error
summary's border, padding and bullets, the cookie panel's second padding, a button's padding
(static/css/site.css, the rules for 15rem and less). Measured on what the page shows: each word
of the site's own controls and headings, character by character, on the forms as they first
show and as they come back with errors, in kk and ru; a word wider than the column at the body's
size (none of these) could only break, and is not counted."""

import pytest

from tests.live import banner_site  # noqa: F401  (a fixture)
from tests.pages import open_tab, submit

pytestmark = [pytest.mark.live, pytest.mark.browser]

WIDTH = 195
FORMS = ["/contact/", "/apply/", "/newsletter/", "/requests/new/", "/my-data/"]
# The site's own words that stand in a narrowed line: headings, the boxes' and fields' labels,
# the error summary, buttons, the cookie panel, a notice.
OWN = "h1, h2, legend, .field > label, .field-check label, .button, .error-summary, .cookie-banner"

BROKEN = r"""(own) => {
  const main = document.querySelector('main'), style = getComputedStyle(main);
  const column = main.clientWidth - parseFloat(style.paddingLeft) - parseFloat(style.paddingRight);
  const body = getComputedStyle(document.body);
  const measure = document.createElement('canvas').getContext('2d');
  measure.font = `${body.fontWeight} ${body.fontSize} ${body.fontFamily}`;
  const found = [];
  const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
  for (let n; (n = walker.nextNode());) {
    const el = n.parentElement;
    if (!el.closest(own) || !el.checkVisibility() || el.closest('.visually-hidden')) continue;
    for (const m of n.data.matchAll(/\p{L}{2,}/gu)) {
      const range = document.createRange();
      let top = null;
      for (let i = m.index; i < m.index + m[0].length; i++) {
        range.setStart(n, i);
        range.setEnd(n, i + 1);
        const rect = range.getClientRects()[0];
        if (!rect) continue;
        if (top !== null && Math.abs(rect.top - top) > 4) {
          if (measure.measureText(m[0]).width <= column) found.push(m[0]);
          break;
        }
        top = rect.top;
      }
    }
  }
  return found;
}"""


@pytest.fixture(scope="module")
def site(banner_site):  # noqa: F811
    """The site with analytics configured, so that the cookie banner is shown."""
    return banner_site


# A 390 px phone at 200 % zoom, and a 360 px phone with its text at 200 % (the root's font size,
# as the system's text size sets it): the narrow rules are container queries in rem, which follow
# the text's size; as media queries they answered to the width alone, and at 360 px the words
# broke as they had at 195 px: «Тіркелгенге|ше», «персональ|ных» in the error summary.
SCREENS = [(WIDTH, "100%"), (360, "200%")]


@pytest.mark.parametrize("lang", ["kk", "ru"])
@pytest.mark.parametrize("width,text", SCREENS)
def test_no_word_the_column_holds_breaks_at_a_letter(site, browser, lang, width, text):
    """«Электронды|қ пошта» in the newsletter's heading, «қорғаншысымын», «персональных»,
    «ұсыныстарды» beside the consent boxes, «мекенжайыңыз» in the error summary, «Отклонить» on
    the cookie banner's button: 470 such breaks on the public pages at 195 px, now none."""
    page = open_tab(browser)
    page.set_viewport_size({"width": width, "height": 800})
    sized = f"document.documentElement.style.fontSize = '{text}'"
    found = {}
    for path in [*FORMS, "/cookies/", "/contact/thanks/"]:
        page.goto(f"{site}/{lang}{path}")
        page.evaluate(sized)
        found[path] = page.evaluate(BROKEN, OWN)
        if path in FORMS:  # sent empty: every field's error and the summary
            submit(page)
            page.evaluate(sized)
            found[f"{path} with errors"] = page.evaluate(BROKEN, OWN)
    assert {where: words for where, words in found.items() if words} == {}
    assert page.evaluate("document.documentElement.scrollWidth") == width
    page.context.close()
