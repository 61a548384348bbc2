"""A form page takes focus in one place when it loads. A visitor who had ticked the consent boxes,
been refused for a wrong address and then switched the language got a page whose error summary
and whose «tick the boxes again» note both carried `autofocus`: a browser focuses only the first,
and a screen reader was left with two elements that each claimed to be where to start. The
summary takes it (what to put right comes first) and names the note as its description."""

import re

import pytest

from tests.forms.test_language_switch import FORMS, OTHER, TICK_AGAIN, Form, page, typed_in

__all__ = ["page"]  # the fixture, used by name

AUTOFOCUS = re.compile(r"<[^>]*\bautofocus\b[^>]*>")


def token_of(html):
    return html.split('name="token" value="')[1].split('"')[0]


@pytest.mark.parametrize("lang", ["kk", "ru"])
@pytest.mark.parametrize("path", FORMS)
def test_after_a_switch_with_errors_only_the_summary_takes_focus(client, page, lang, path):
    form, html = page(lang, path)
    values = typed_in(form)
    email = next(name for name in values if "email" in name)
    values[email] = "asel@"
    ticked = {name: "on" for name, (kind, _v) in form.controls.items()
              if name.startswith("consent_") and kind == "checkbox"}  # fmt: skip
    refused = client.post(f"/{lang}/{path}", {"token": token_of(html), **values, **ticked})
    other = OTHER[lang]
    answer = client.post(f"/{other}/{path}", {
        "token": token_of(refused.content.decode()), **values, **ticked, "errors_shown": "1",
        "switch_language": other,
    }).content.decode()  # fmt: skip

    focused = AUTOFOCUS.findall(answer)
    assert len(focused) == 1 and 'class="error-summary"' in focused[0]
    if ticked:  # the note is still there, and the summary names it for a screen reader
        assert TICK_AGAIN[other] in answer.replace("&nbsp;", "\xa0")
        note = re.search(r'id="([^"]+)"[^>]*>\s*<p>' + re.escape(TICK_AGAIN[other][:20]),
                         answer.replace("&nbsp;", "\xa0"))  # fmt: skip
        assert note and f'aria-describedby="{note.group(1)}"' in focused[0]
    assert Form(answer).summary
