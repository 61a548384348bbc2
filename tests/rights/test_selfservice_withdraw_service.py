"""A consent the person's own page has no switch for says how to withdraw it. The service's
consent row read «given», its version and date, and nothing else; the page's own requests
offered a correction, a block or a destruction, no withdrawal. A person who came to their page
to withdraw it found no way, though Art. 24(1)(5) gives them one: the row now names the request
page and the choice that withdraws it, with the days the answer takes."""

import html
import re

import pytest

from consent.rights.deadlines import deadline_days
from consent.rights.models import Ticket
from tests.site.language import as_written

from .test_selfservice import opened

SAYS = {
    "kk": ("келісімді кері қайтарып алу", "{days} жұмыс күні ішінде жауап береміз"),
    "ru": ("отзыв согласия", "в течение {days} рабочих дней"),
}


def _row(page, code):
    return re.search(rf'<tr>\s*<th scope="row" id="purpose-{code}".*?</tr>', page, re.S)[0]


def _text(fragment):
    return " ".join(html.unescape(re.sub(r"<[^>]+>", " ", fragment)).split())


@pytest.mark.parametrize("lang", ["kk", "ru"])
def test_the_service_consent_given_says_which_request_withdraws_it(client, person, lang):
    page = as_written(opened(client, person, lang).get(f"/{lang}/my-data/").content.decode())
    row = _row(page, "service")
    choice, answer = SAYS[lang]
    days = deadline_days(Ticket.Type.WITHDRAW)
    assert f"«{choice}»" in _text(row) and answer.format(days=days) in _text(row)
    href, name = re.search(r'<a href="([^"]+)"[^>]*>(.*?)</a>', row).groups()
    assert 'aria-describedby="purpose-service"' in row  # a list of links says which consent
    form = client.get(href).content.decode()
    assert _text(re.search(r"<h1>(.*?)</h1>", form)[1]) == _text(name)
    radio = re.search(r'<input type="radio" name="type" value="withdraw" id="([^"]+)"', form)
    assert _text(re.search(rf'<label for="{radio[1]}">(.*?)</label>', form)[1]) == choice
    # The newsletter's consent keeps its own button, and says nothing of a request.
    assert 'name="withdraw" value="marketing"' in _row(page, "marketing")
    assert f"«{choice}»" not in _text(_row(page, "marketing"))
