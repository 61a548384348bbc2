"""A link of the error summary, tapped on a phone (or followed with Enter), leads into its field
with the field's name, hint and message in view above the box. The browser scrolled the box
itself to the top of the screen: on a phone held upright or on its side the visitor met an empty
box, its name and what was wrong with it scrolled away above (static/js/error-summary.js)."""

import pytest

from tests.pages import submit

pytestmark = [pytest.mark.live, pytest.mark.browser]

# Each of the field's parts (its name or legend, hint, message) and its control: whether all of
# it is on the screen, and whether the control has the focus.
IN_VIEW = """(id) => {
  const control = document.getElementById(id);
  const field = control.closest('fieldset, .field');
  const named = ':scope > legend, :scope > label, .hint, .error-message';
  const parts = [...field.querySelectorAll(named)];
  const seen = e => { const r = e.getBoundingClientRect();
                      return r.top > -1 && r.bottom < innerHeight + 1; };  // to a pixel
  const name = e => e.textContent.trim() || e.id;
  return {hidden: [...parts, control].filter(e => !seen(e)).map(name),
          message: seen(field.querySelector('.error-message')) && seen(control),
          focused: document.activeElement === control};
}"""

# Upright and on its side, a 360 px phone (390 px: its landscape height).
SCREENS = [(360, 640), (844, 390)]


@pytest.fixture
def phone(browser):
    """A phone's tab: touch, its viewport meta obeyed, three device pixels to a CSS pixel."""
    context = browser.new_context(has_touch=True, is_mobile=True, device_scale_factor=3)
    yield context.new_page()
    context.close()


def summary_link(page, control_id):
    return page.locator(f".error-summary a[href='#{control_id}']")


@pytest.mark.parametrize("screen", SCREENS, ids=["upright", "on-its-side"])
@pytest.mark.parametrize("lang", ["kk", "ru"])
@pytest.mark.parametrize("control", ["id_email", "id_phone", "id_birth_place"])
def test_a_tapped_link_shows_the_fields_name_and_message_with_its_box(
    site, phone, lang, screen, control
):
    base, _ = site
    width, height = screen
    phone.set_viewport_size({"width": width, "height": height})
    phone.goto(f"{base}/{lang}/apply/")
    submit(phone)  # empty: every required field in the summary
    summary_link(phone, control).tap()
    assert phone.evaluate(IN_VIEW, control) == {"hidden": [], "message": True, "focused": True}


@pytest.mark.parametrize("lang", ["kk", "ru"])
def test_with_the_largest_text_the_box_shows_under_its_message(site, phone, lang):
    """A 360 px phone set to its largest text (200 %): the address's name, hint and message
    are taller than the screen, and the box at its top left them all above it, out of sight.
    The box stands at the screen's foot, its message over it."""
    base, _ = site
    phone.set_viewport_size({"width": 360, "height": 640})
    phone.goto(f"{base}/{lang}/requests/new/")
    submit(phone)
    phone.evaluate("document.documentElement.style.fontSize = '200%'")
    summary_link(phone, "id_email").tap()
    seen = phone.evaluate(IN_VIEW, "id_email")
    assert seen["hidden"]  # the field is taller than the screen: not all of it can show
    assert (seen["message"], seen["focused"]) == (True, True)


@pytest.mark.parametrize("lang", ["kk", "ru"])
def test_enter_on_a_link_leads_to_the_radio_buttons_with_their_question(site, phone, lang):
    """Followed from the keyboard, to a set of radio buttons: the question (the legend) and its
    message stand above the first button, which has the focus."""
    base, _ = site
    phone.set_viewport_size({"width": 844, "height": 390})
    phone.goto(f"{base}/{lang}/requests/new/")
    submit(phone)
    summary_link(phone, "id_type_0").focus()
    phone.keyboard.press("Enter")
    assert phone.evaluate(IN_VIEW, "id_type_0") == {"hidden": [], "message": True, "focused": True}


@pytest.fixture
def phone_without_scripts(browser):
    context = browser.new_context(has_touch=True, is_mobile=True, java_script_enabled=False)
    yield context.new_page()
    context.close()


@pytest.mark.parametrize("lang", ["kk", "ru"])
@pytest.mark.parametrize("control", ["id_email", "id_phone", "id_consent_service"])
def test_without_javascript_a_link_still_shows_the_message_over_the_box(
    site, phone_without_scripts, lang, control
):
    """With JavaScript off the browser's own jump puts the box at the top: the room kept above
    a field's control with an error (`scroll-margin-top`) still shows its name, hint and
    message over it on a 360 px phone."""
    base, _ = site
    page = phone_without_scripts
    page.set_viewport_size({"width": 360, "height": 640})
    page.goto(f"{base}/{lang}/apply/")
    submit(page)
    summary_link(page, control).tap()
    assert page.evaluate(IN_VIEW, control)["hidden"] == []
