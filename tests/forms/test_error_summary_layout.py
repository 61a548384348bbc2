"""The error summary of a form sent with mistakes, as a visitor reads it on a phone, at 200 %
zoom and on a desktop (Debian's headless Chromium on the served site): each item, a field's name
over its message, stands apart from the one before by the same room, whatever the length of the
name. A 44 px minimum height alone gave a one-line name its room and a name wrapped on a phone
(a consent's, a parent's contact) none: its message ran into the next field's name, as close as
to its own."""

from datetime import date

import pytest
from dateutil.relativedelta import relativedelta

from tests.pages import open_tab, submit

# No django_db mark: Playwright runs an event loop in this thread, and the ORM refuses to run
# beside one. The site (conftest.py) has its own database.
pytestmark = [pytest.mark.live, pytest.mark.browser]


@pytest.fixture
def page(browser):
    page = open_tab(browser)
    yield page
    page.context.close()


# For each item of the summary, the top of its first line of text and the bottom of its last
# (a link's box, padding and all, is not its text); for a field's, the room between its name's
# last line and its message's first.
ITEMS = """() => {
  const lines = e => { const r = document.createRange(); r.selectNodeContents(e);
                       return [...r.getClientRects()].filter(b => b.width > 0); };
  return [...document.querySelectorAll('.error-summary li')].map(li => {
    const link = li.querySelector(':scope > a');
    const message = li.querySelector('.error-summary-message');
    const first = lines(link || li), last = lines(message || li);
    const own = link && message ? last[0].top - first.at(-1).bottom : null;
    return [li.innerText.trim().slice(0, 40), first[0].top, last.at(-1).bottom, own];
  });
}"""


def a_child_born():
    """A date of birth of someone ten, as typed: the form asks for a parent's part too."""
    return (date.today() - relativedelta(years=10)).strftime("%d.%m.%Y")


@pytest.mark.parametrize("width", [195, 360, 1280])
@pytest.mark.parametrize("lang", ["kk", "ru"])
@pytest.mark.parametrize("form", ["contact", "apply"])
def test_each_item_of_the_summary_stands_apart_by_the_same_room(site, page, form, lang, width):
    """195 px is a 390 px phone at 200 % zoom. The application of a child sent with its parent's
    part empty shows the most items, with the longest names, and a sentence of the form's own
    (no link: the parent must take part) before them."""
    base, _ = site
    page.set_viewport_size({"width": width, "height": 800})
    page.goto(f"{base}/{lang}/{form}/")
    if form == "apply":
        page.fill("#id_birth_date", a_child_born())
    submit(page)
    items = page.evaluate(ITEMS)
    assert len(items) >= 4
    own = [room for *_, room in items if room is not None]
    between = {text: round(top - items[i][2]) for i, (text, top, _, _) in enumerate(items[1:])}
    # apart from the one before by at least twice the room between a name and its message
    assert [text for text, room in between.items() if room < 2 * max(own)] == []
    # and by the same room for every item, as the eye groups them
    assert max(between.values()) - min(between.values()) <= 2, between


@pytest.mark.parametrize("width", [195, 1280])
@pytest.mark.parametrize("lang", ["kk", "ru"])
def test_two_sentences_of_the_form_stand_apart_as_the_fields_do(site, page, lang, width):
    """A sentence of the form's own with no link, after another item, is parted from it by a
    margin of the same room (static/css/site.css, `.error-summary li + li:not(:has(> a))`): the
    application of a child without the parent's part, sent from a page left open too long, says
    both that the parent must take part and that the form has expired, which read as one."""
    base, _ = site
    page.set_viewport_size({"width": width, "height": 800})
    page.goto(f"{base}/{lang}/apply/")
    page.fill("#id_birth_date", a_child_born())
    page.locator("input[name=token]").evaluate("e => e.value = 'expired'")
    submit(page)
    items = page.evaluate(ITEMS)
    assert [room for *_, room in items[:2]] == [None, None]  # the two sentences, no link
    own = [room for *_, room in items if room is not None]
    between = [round(top - items[i][2]) for i, (_, top, _, _) in enumerate(items[1:])]
    assert min(between) >= 2 * max(own)
    assert max(between) - min(between) <= 2, between
