"""An address the editor writes in a policy version or a consent text is a link on the page
that shows it: the site's address and its email in version 1 and 2 («https://emaluplus-vko.kz/»,
«em.alu.plus@mail.kz»), or a page named in a consent text's other information, were plain text
a visitor had to copy, while the same address in a campaign mail is a link (links.urlize)."""

import re

import pytest
from django.template import Context, Template
from django.utils.safestring import SafeString

from consent.common.dates import local_today
from consent.core.models import ConsentText, LedgerEntry, PolicyVersion
from consent.core.purposes import SERVICE
from consent.core.texts import policy_publish, text_publish
from emalu.models import Page
from tests.core.test_policy_v2 import operator

OTHER = {
    "kk": "Қызметтер: «https://emaluplus-vko.kz/kk/services/». Сұрақтар: em.alu.plus@mail.kz",
    "ru": "Список услуг: «https://emaluplus-vko.kz/ru/services/». Вопросы: em.alu.plus@mail.kz",
}
SHOWN = re.compile(r'<input type="hidden" name="texts_shown" value="([^"]*)"')


@pytest.mark.parametrize("lang", ["kk", "ru"])
@pytest.mark.parametrize("number", [1, 2])
def test_the_policys_addresses_are_links(texts, settings, client, lang, number):
    settings.OPERATOR = operator(settings)
    if number == 2:
        v2 = PolicyVersion.objects.get(number=2)
        v2.effective_date = local_today()
        policy_publish(v2)
    page = client.get(f"/{lang}/privacy/{number}/").content.decode()
    article = page[page.index('<article class="policy">') : page.index("</article>")]
    assert '<a href="https://emaluplus-vko.kz/" rel="nofollow">https://emaluplus<' in article
    assert '<a href="mailto:em.alu.plus@mail.kz">em.alu.plus@mail.kz</a>' in article


@pytest.mark.parametrize("lang", ["kk", "ru"])
def test_an_address_in_a_consent_text_is_a_link_and_the_consent_is_to_its_words(
    texts, settings, client, contact_data, lang
):
    settings.OPERATOR = operator(settings)
    text = ConsentText.objects.create(purpose=SERVICE, version=2, policy=texts[SERVICE].policy,
                                      other_kk=OTHER["kk"], other_ru=OTHER["ru"])  # fmt: skip
    text_publish(text)
    page = client.get(f"/{lang}/contact/").content.decode()
    url = f"https://emaluplus-vko.kz/{lang}/services/"
    link = re.search(rf'«<a href="{re.escape(url)}" rel="nofollow">(.*?)</a>»', page)
    assert link and re.sub(r"<[^>]+>", "", link[1]) == url  # its hyphen kept on one line
    assert '<a href="mailto:em.alu.plus@mail.kz">' in page
    # The box is agreed to the words, not the markup: sent as the page holds it, it is taken.
    shown = SHOWN.search(page)[1].replace("&amp;", "&")
    sent = client.post(f"/{lang}/contact/", contact_data(texts_shown=shown))
    assert sent.status_code == 302
    entry = LedgerEntry.objects.filter(purpose=SERVICE).latest("pk")
    assert entry.text_id == text.pk and OTHER[lang] in text.body(lang)


@pytest.mark.parametrize("lang", ["kk", "ru"])
def test_an_address_the_editor_writes_in_a_page_is_a_link(client, db, lang):
    """Markdown links only «<…>» and «[…](…)»: a bare address in a page was plain text."""
    Page.objects.create(
        slug="about", title_kk="Біз туралы", title_ru="О нас",
        body_kk="Сайт: https://emaluplus-vko.kz/kk/ және em.alu.plus@mail.kz. "
                "[Қызметтер](https://emaluplus-vko.kz/kk/services/), `www.emalu.kz`",
        body_ru="Сайт: https://emaluplus-vko.kz/ru/ и em.alu.plus@mail.kz. "
                "[Услуги](https://emaluplus-vko.kz/ru/services/), `www.emalu.kz`",
    )  # fmt: skip
    html = client.get(f"/{lang}/about/").content.decode()
    prose = html[html.index('<div class="prose"') :]
    prose = prose[: prose.index("</div>")]
    assert f'<a href="https://emaluplus-vko.kz/{lang}/" rel="noopener noreferrer">' in prose
    assert '<a href="mailto:em.alu.plus@mail.kz" rel="noopener noreferrer">' in prose
    # a link written as one stays one link; code stays as written
    assert (
        f'<a href="https://emaluplus-vko.kz/{lang}/services/" rel="noopener noreferrer">' in prose
    )
    assert "<code>www.emalu.kz</code>" in prose and prose.count("<a ") == 3


def test_an_address_in_a_tags_quoted_words_is_left_in_the_tag(client, db):
    """A picture written in HTML whose description holds «>» and an address: the address was
    taken for text after the tag's end and made a link inside the tag, which broke it; the
    page showed «https://2gis.kz" src="/media/map.png">» as words, and no picture."""
    body = '<img alt="Карта > https://2gis.kz" src="/media/map.png"> https://emaluplus-vko.kz/'
    Page.objects.create(slug="about", title_kk="Карта", title_ru="Карта", body_kk=body,
                        body_ru=body)  # fmt: skip
    html = client.get("/ru/about/").content.decode()
    prose = html[html.index('<div class="prose"') :]
    prose = prose[: prose.index("</div>")]
    assert '<img alt="Карта &gt; https://2gis.kz" src="/media/map.png">' in prose
    assert prose.count("<a ") == 1 and 'src="/media/map.png"&gt;' not in prose


def test_the_same_words_marked_safe_or_not_are_each_linked_as_their_own():
    """A text is linked once a process (links.urlize keeps what it made): words an editor wrote
    escaped as text, the same words marked safe (already HTML) left as HTML, whichever came
    first, and a letter longer than what is kept linked all the same."""
    shown = Template("{{ text|urlize }}")
    words = "<b>Жаңа</b> https://emaluplus-vko.kz/kk/"
    for _ in range(2):
        assert shown.render(Context({"text": SafeString(words)})).startswith("<b>Жаңа</b> <a ")
        assert shown.render(Context({"text": words})).startswith("&lt;b&gt;Жаңа&lt;/b&gt; <a ")
    letter = "Сәлем! " * 1000 + "https://emaluplus-vko.kz/kk/"
    assert shown.render(Context({"text": letter})).endswith(
        'rel="nofollow">https://emaluplus-vko.kz/kk/</a>'
    )
