"""Issue 18 item 4, in a real browser: the form pages breathe, boxes sit beside their labels and
the footer ends the window on a short page."""

import pytest

from tests.forms.test_browser import browser, page, site  # noqa: F401  (fixtures)

pytestmark = [pytest.mark.live, pytest.mark.browser]
BOX = "e => { const r = e.getBoundingClientRect(); return [r.left, r.top, r.right, r.bottom]; }"


def box(page, selector):  # noqa: F811
    return page.locator(selector).first.evaluate(BOX)


@pytest.mark.parametrize("width", [390, 1280])
@pytest.mark.parametrize("lang", ["kk", "ru"])
def test_a_form_keeps_its_distance_from_header_and_footer(site, page, lang, width):  # noqa: F811
    base, _ = site
    page.set_viewport_size({"width": width, "height": 800})
    page.goto(f"{base}/{lang}/apply/")
    assert box(page, "main h1")[1] - box(page, ".site-header")[3] >= 16
    assert box(page, ".site-footer")[1] - box(page, "main button[type=submit]")[3] >= 16
    # Each consent box on the line of its label, the label beside it (wrapping there).
    for check in page.locator(".field-check").all():
        _, top, right, _ = check.locator("input").evaluate(BOX)
        label_left, label_top, _, _ = check.locator("label").evaluate(BOX)
        assert label_left >= right and abs(label_top - top) <= 6


@pytest.mark.parametrize("lang", ["kk", "ru"])
def test_radio_labels_are_not_bold(site, page, lang):  # noqa: F811
    base, _ = site
    page.goto(f"{base}/{lang}/requests/new/")
    weights = page.locator(".radio label").evaluate_all(
        "labels => labels.map(l => getComputedStyle(l).fontWeight)"
    )
    assert weights and set(weights) == {"400"}
    assert (
        page.locator("fieldset.field legend").first.evaluate("l => getComputedStyle(l).fontWeight")
        == "700"
    )


@pytest.mark.parametrize("width,height", [(390, 1400), (1280, 1000)])
def test_the_footer_ends_a_short_page_at_the_bottom_of_the_window(site, page, width, height):  # noqa: F811
    base, _ = site
    page.set_viewport_size({"width": width, "height": height})
    page.goto(f"{base}/kk/contact/thanks/")
    bottom = box(page, ".site-footer")[3]
    assert abs(bottom - height) <= 1, bottom


# Every control a thumb must hit, with the height it offers: a radio or a box is hit through its
# label too, so the label's box counts; a link inside running text (a sentence, the footer's
# line of links) is exempt, as WCAG 2.5.5 exempts it; the honeypot is never shown.
TAP_TARGETS = """() => [...document.querySelectorAll(
    'a[href], button, input:not([type=hidden]), select, textarea, summary')]
  .filter(e => e.getClientRects().length && !e.closest('.hp, p:not(.cta)'))
  .map(e => {
    const target = ['radio', 'checkbox'].includes(e.type) ? e.labels[0] : e;
    const height = Math.round(target.getBoundingClientRect().height * 10) / 10;
    return [(e.innerText || e.id || e.outerHTML).trim().slice(0, 40), height];
  })
  .filter(([, height]) => height < 44)"""


@pytest.mark.parametrize("lang", ["kk", "ru"])
def test_every_tap_target_on_a_phone_is_at_least_44_px_high(site, page, lang):  # noqa: F811
    """A thumb on a 390 px phone hits what it aims at: the phone number on the contacts page (a
    23 px line), «Ask a question» beside the application button, the name of the site that
    leads home, the file button of the photo, a radio of the request form (its 27 px label in a
    44 px row left the rest of the row dead) were each a line of text high."""
    base, _ = site
    page.set_viewport_size({"width": 390, "height": 844})
    small = {}
    for path in ("/", "/contacts/", "/contact/", "/apply/", "/newsletter/", "/requests/new/"):
        page.goto(f"{base}/{lang}{path}")
        if found := page.evaluate(TAP_TARGETS):
            small[path] = found
    assert small == {}


# The bottom of one label's text and the top of the next one's, for each pair of radios in a row.
RADIO_GAPS = """() => {
  const lines = l => { const r = document.createRange(); r.selectNodeContents(l);
                       return [...r.getClientRects()]; };
  const labels = [...document.querySelectorAll('.radio label')];
  return labels.slice(1).map((label, i) => {
    const above = lines(labels[i]), below = lines(label);
    return [label.innerText, below[0].top - above[above.length - 1].bottom];
  });
}"""


@pytest.mark.parametrize("lang", ["kk", "ru"])
def test_the_choices_of_a_request_do_not_run_together_on_a_phone(site, page, lang):  # noqa: F811
    """At 390 px «уведомление о передаче моих данных третьим лицам» and «возражение против
    автоматизированных решений в отношении меня» wrap to two lines each, and their rows met
    with no more space between them than between the lines of one choice: four lines read as
    one, and a thumb aimed at one choice between them."""
    base, _ = site
    page.set_viewport_size({"width": 390, "height": 844})
    page.goto(f"{base}/{lang}/requests/new/")
    gaps = page.evaluate(RADIO_GAPS)
    assert len(gaps) >= 9 and [(text, gap) for text, gap in gaps if gap < 8] == []
