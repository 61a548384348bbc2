"""The site's colours, light and dark: a visitor whose phone asks for dark pages
(`prefers-color-scheme: dark`) gets the stylesheet's second set of colours, and every text on its
background stays legible (WCAG AA, 4.5:1) in both; the desk's overdue red and due-today amber
stay legible on Django's admin page in its light and its dark theme."""

import re
from pathlib import Path

import django
import pytest
from django.conf import settings

CSS = Path(settings.BASE_DIR, "static", "css")
ADMIN_CSS = Path(django.__file__).parent / "contrib" / "admin" / "static" / "admin" / "css"
DARK = "@media (prefers-color-scheme: dark)"
COLOUR = re.compile(r"#[0-9a-fA-F]{3,8}\b|\brgba?\(|\bhsla?\(")

# Text (first) on the background it is drawn on (second), as site.css pairs them.
TEXT_ON = [
    ("ink", "paper"), ("muted", "paper"), ("accent", "paper"), ("error", "paper"),
    ("ink", "band"), ("accent", "band"),  # the header: the site's name, the menu, the languages
    ("ink", "notice"), ("accent", "notice"),
    ("ink", "banner"), ("accent", "banner"),  # the cookie banner and its policy link
    ("accent-ink", "accent"),  # its Accept and Reject
    ("button-ink", "button"), ("button-ink", "button-hover"),
    ("paper", "ink"),  # the skip link
    ("footer-ink", "footer"), ("footer-link", "footer"),
]  # fmt: skip


def contrast(one, other):
    def luminance(colour):
        colour = colour.lstrip("#")
        colour = "".join(c * 2 for c in colour) if len(colour) == 3 else colour
        rgb = [int(colour[i : i + 2], 16) / 255 for i in (0, 2, 4)]
        r, g, b = (c / 12.92 if c <= 0.04045 else ((c + 0.055) / 1.055) ** 2.4 for c in rgb)
        return 0.2126 * r + 0.7152 * g + 0.0722 * b

    high, low = sorted([luminance(one), luminance(other)], reverse=True)
    return (high + 0.05) / (low + 0.05)


def variables(block):
    return dict(re.findall(r"--([\w-]+):\s*(#[0-9a-fA-F]{3,6})\s*;", block))


def schemes():
    """site.css's colour variables: the light set (its first `:root`) and the dark one."""
    css = (CSS / "site.css").read_text()
    light = variables(re.search(r"^:root \{(.*?)^\}", css, re.S | re.M).group(1))
    dark = variables(css[css.index(DARK) :].split("\n}\n", 1)[0])
    return css, light, dark


def test_the_dark_set_gives_every_colour_a_twin():
    _, light, dark = schemes()
    assert len(light) >= 15
    assert set(dark) == set(light)


def test_every_colour_of_a_rule_is_a_variable():
    """A colour written into a rule has no dark twin: white on a dark page, or dark on dark."""
    css, _, _ = schemes()
    rules = [line for line in css.splitlines() if not line.strip().startswith("--")]
    assert [line for line in rules if COLOUR.search(line)] == []


@pytest.mark.parametrize("scheme", ["light", "dark"])
@pytest.mark.parametrize("text, background", TEXT_ON)
def test_text_is_legible_in_either_scheme(scheme, text, background):
    _, light, dark = schemes()
    colours = light if scheme == "light" else dark
    assert contrast(colours[text], colours[background]) >= 4.5, (text, background)


# What each of the desk's colours must reach on the admin's backgrounds (WCAG 1.4.3, 1.4.11).
DESK_COLOURS = {"desk-overdue": 4.5, "desk-due-today": 4.5, "desk-chart": 3}


def test_the_desk_marks_are_legible_on_either_admin_theme():
    """Django's admin follows the system's dark mode (and its own theme button): the desk's
    light red stood at 2.6:1 on it, the charts' solid bars at 2.2:1."""
    admin = (CSS / "admin.css").read_text()
    light = variables(re.search(r'html\[data-theme="light"\], :root \{(.*?)\}', admin).group(1))
    dark = variables(re.search(r'html\[data-theme="dark"\] \{(.*?)\}', admin).group(1))
    in_media = variables(admin[admin.index(DARK) :].split("}", 1)[0])
    assert in_media == dark and set(dark) == set(light) == set(DESK_COLOURS)
    django_light = variables((ADMIN_CSS / "base.css").read_text().split("}", 1)[0])
    django_dark = variables((ADMIN_CSS / "dark_mode.css").read_text().split("}", 1)[0])
    for ours, theirs in ((light, django_light), (dark, django_dark)):
        for background in ("body-bg", "darkened-bg", "selected-row"):
            for name, mark in ours.items():
                assert contrast(mark, theirs[background]) >= DESK_COLOURS[name], (name, background)


def test_the_charts_draw_with_the_desks_colours():
    """A colour written into the chart's markup has no dark twin: the solid bars were #205067
    whatever the theme. On the page, the chart fills only white (a bar with a pattern or a
    border), the text's colour, or the desk's variable; its patterns draw on white of their own."""
    chart = Path(settings.BASE_DIR, "consent/rights/templates/admin/rights/_chart.html")
    markup = re.sub(r"<defs>.*?</defs>", "", chart.read_text(), flags=re.S)
    fills = {f for f in re.findall(r'fill="([^"]*)"', markup) if not f.startswith("url(")}
    assert fills == {"#fff", "currentColor"}
    assert markup.count('class="chart-solid"') == 2  # the bars and their legend
    admin = (CSS / "admin.css").read_text()
    assert ".work-charts .chart-solid { fill: var(--desk-chart); }" in admin
