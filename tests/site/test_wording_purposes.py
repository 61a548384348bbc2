"""A purpose's name is a label with a capital letter («Ответы на обращения и заявки»): filled
into a sentence bare it read as part of it («…для целей: Ответы на обращения и заявки;
Новости…»), and Kazakh could glue no ending to it. In running text each name stands in «»
(consent.core.purposes.purposes_named, the one home; docs/glossary.md); a list with one name
a line («- name», «<li>name</li>») shows it bare, as a label. Checked on every mail the site
sends, in both languages, as a person or an officer receives it (tests/site/mail_scenarios.py),
and on the page behind a held consent's link."""

import re

import pytest
from django.utils import translation
from django.utils.translation import gettext
from post_office.models import Email

from consent.core.purposes import PURPOSES, SERVICE, purposes_named
from tests.forms.held import link_in, withdrew_service
from tests.site.mail_scenarios import SCENARIOS, SECOND_ROUTES
from tests.site.test_mail_language import outcome

MAILS = {**SCENARIOS, **{route: scenario for route, (_t, scenario) in SECOND_ROUTES.items()}}


def names(lang):
    with translation.override(lang):
        return sorted({str(p.name) for p in PURPOSES.values()}, key=len, reverse=True)


# The consent text's first sentence as published (consent/core/templates/consent/consent_text.txt):
# data, changed only with a new version, and left out here.
STATEMENT = (
    "I, %(name)s, give my consent to the processing of my personal data for the purpose: "
    "%(purpose)s."
)


def statement(lang):
    with translation.override(lang):
        said = re.escape(gettext(STATEMENT)).replace(re.escape("%(name)s"), ".+")
    return re.compile(said.replace(re.escape("%(purpose)s"), ".+"))


def bare(text, lang):
    """Each name of `lang`'s purposes that `text` writes outside «» and not alone on a list's
    line (nor in a consent text's first sentence), with the line it stands in."""
    found, published = [], statement(lang)
    text = re.sub(r"<(?:li|p|br|ul|tr|td|th|div|h\d)\b[^>]*>", "\n", text)  # a block, a line
    for line in re.sub(r"<[^>]+>", "", text).replace("\N{NO-BREAK SPACE}", " ").splitlines():
        listed = re.sub(r"^\s*[-•]\s+", "", line).strip()
        if published.fullmatch(listed):
            continue
        for name in names(lang):
            if listed == name:
                break
            if re.search(rf"(?<!«){re.escape(name)}|{re.escape(name)}(?!»)", line):
                found.append((name, line))
                break
    return found


@pytest.mark.parametrize("lang", ["kk", "ru"])
@pytest.mark.django_db
@pytest.mark.parametrize("mail", sorted(MAILS))
def test_every_mail_names_a_purpose_in_a_sentence_in_quotes(mail, lang, request):
    _rendered, sent, _wrong = outcome(MAILS[mail], lang, request)
    bad = [(to, found) for to, subject, text, html, _headers in sent
           for found in [bare(f"{subject}\n{text}\n{html or ''}", lang)] if found]  # fmt: skip
    assert not bad, bad


@pytest.mark.parametrize("lang", ["kk", "ru"])
def test_the_helper_quotes_each_name_whatever_is_filled_in(lang):
    """One purpose or all of them, in the language the string is read in; none is no text."""
    with translation.override(lang):
        for codes in ([code] for code in PURPOSES):
            assert str(purposes_named(codes)) == f"«{PURPOSES[codes[0]].name}»"
        every = str(purposes_named(list(PURPOSES)))
        assert every == "; ".join(f"«{p.name}»" for p in PURPOSES.values())
    assert str(purposes_named(["no-such-purpose"])) == ""


@pytest.mark.django_db
@pytest.mark.parametrize("lang", ["kk", "ru"])
def test_the_held_consent_s_page_names_it_in_quotes(
    client, contact_data, texts, make_subject, lang
):
    """The page behind the link a held consent's mail holds, before and after the press: it read
    «Ранее вы отозвали согласие для цели: Ответы на обращения и заявки. Нажмите…»."""
    withdrew_service(texts, make_subject, lang)
    assert client.post(f"/{lang}/contact/", contact_data()).status_code == 302
    path = link_in(Email.objects.get(to=["asel@example.kz"]))
    with translation.override(lang):
        quoted = f"«{PURPOSES[SERVICE].name}»"
    for response in (client.get(path), client.post(path)):
        page = response.content.decode()
        assert quoted in page and not bare(page, lang), bare(page, lang)
