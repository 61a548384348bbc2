"""What a page and a mail hold on one line, and what they leave as written
(emalu/templatetags/spacing.py): a short number with the noun whose phrase it ends («услуги 1.»),
each hyphen of an address shown as text with the character after it. Where the lines then end
in a browser: tests/site/test_line_breaks.py."""

import re

import pytest
from django.core.management import call_command
from post_office.models import Email

from tests.conftest import aged_token
from tests.forms.held import withdrew_service
from tests.growth import grows_linearly
from tests.site.language import as_written

HELD = re.compile(r'<span class="one-line">([^<]*)</span>')


KEPT = {
    "ru": ['услуги<span class="one-line"> 1</span>.', 'услуга<span class="one-line"> 1</span></a>'],
    "kk": ['<span class="one-line">1-қызметтің</span>', '<span class="one-line">1-қызмет</span>'],
}
WRITTEN = {"ru": ["Демо: краткое описание услуги 1.", "Демо: услуга 1</a>"],
           "kk": ["Демо: 1-қызметтің қысқаша", "Демо: 1-қызмет</a>"]}  # fmt: skip


@pytest.fixture
def demo(db):
    call_command("load_demo", verbosity=0)  # the demo's services, «Демо: услуга 1»


@pytest.mark.parametrize("lang", ["kk", "ru"])
def test_a_short_number_is_held_with_the_noun_whose_phrase_it_ends(client, demo, lang):
    """«услуги» ended a line and «1.» began the next on a phone, read as a list's numbering."""
    page = client.get(f"/{lang}/services/").content.decode()
    for markup in KEPT[lang]:
        assert markup in page
    for text in WRITTEN[lang]:  # the words are the ones the editor wrote
        assert text in as_written(page)


@pytest.mark.parametrize(
    "text",
    ["услуги 1.", "версия 1,", "Демо: услуга 1", "(статья 8)", "услуга 1-го.", "в 10:00."],
)
def test_what_ends_its_phrase_is_held(text):
    from emalu.templatetags.spacing import endings_kept

    held = endings_kept(f"<p>{text}</p>")
    assert HELD.search(held) and HELD.search(held)[1].startswith(" ")
    assert as_written(held) == f"<p>{text}</p>"


@pytest.mark.parametrize(
    "text",
    ["8 Закона", "3 года", "БИН 000000000000.", "страницы 1-2", "от 25\xa0ноября", "№\xa012."],
)
def test_a_number_followed_by_its_own_words_or_long_or_joined_already_is_left(text):
    """Not alone on its line («8 Закона»), no list's numbering (a BIN of 12 digits: held whole it
    could be wider than a phone's line at 200 % text), or joined by a no-break space already."""
    from emalu.templatetags.spacing import endings_kept

    assert endings_kept(f"<p>{text}</p>") == f"<p>{text}</p>"


@pytest.mark.parametrize("lang", ["kk", "ru"])
def test_the_policy_holds_each_hyphen_of_an_address_it_shows(client, texts, lang):
    """«https://emaluplus-» ended a line of the policy on a phone: read as a word hyphenated, the
    address typed from it, «emaluplusvko.kz», is nobody's."""
    page = client.get(f"/{lang}/privacy/1/").content.decode()
    assert 'https://emaluplus<span class="one-line">-v</span>ko.kz' in page
    assert "emaluplus-vko" not in re.sub(r"<[^>]*>", " ", page)  # every one of them
    assert "https://emaluplus-vko.kz/" in as_written(page)


def test_an_address_in_a_link_keeps_its_href_and_what_the_visitor_typed_comes_back_as_typed(
    client, texts
):
    typed = "Сайт https://emaluplus-vko.kz/ru/, услуги 1. Почта ivan-petrov@mail.kz"
    data = {"token": aged_token(), "full_name": "Әсел", "email": "asel@example.kz",
            "phone": "8 701 123 45 67", "message": typed}  # fmt: skip  # no consent: refused
    response = client.post("/ru/contact/", data)
    assert response.status_code == 200 and response.context["form"].errors
    assert f"{typed}</textarea>" in response.content.decode()


def test_a_mail_holds_each_hyphen_of_the_link_it_shows_in_a_style_of_its_own():
    """https://emaluplus-vko.kz/… shown as text ended a line at its hyphen on a phone. A mail
    has no style sheet, so the hold is a style of its own."""
    from django.template import Context, Template

    shown = Template('{% load spacing %}{% filter addresses_kept:"mail" %}'
                     '<p><a href="{{ url }}">{{ url }}</a></p>{% endfilter %}')  # fmt: skip
    url = "https://emaluplus-vko.kz/kk/newsletter/"
    held = 'https://emaluplus<span style="white-space:nowrap">-v</span>ko.kz/kk/newsletter/'
    assert shown.render(Context({"url": url})) == f'<p><a href="{url}">{held}</a></p>'


@pytest.mark.parametrize("lang", ["kk", "ru"])
def test_a_mail_shows_a_link_that_carries_a_secret_whole(
    client, texts, make_subject, contact_data, settings, lang
):
    """The acknowledgement of a form whose consent waits for the owner of the address shows its
    link as text. A link that carries a secret is left as written, hyphens and all: held in
    pieces, the outbox's copy, kept without the secret (consent/common/link_secrets.py), kept
    all of it after its first hyphen (tests/rights/test_link_secrets_unkept.py). The text part is
    as written."""
    settings.SITE_URL = "https://emaluplus-vko.kz"
    withdrew_service(texts, make_subject, language=lang)
    assert client.post(f"/{lang}/contact/", contact_data()).status_code == 302
    (mail,) = Email.objects.filter(to=["asel@example.kz"])
    link = re.search(rf'href="(https://emaluplus-vko.kz/{lang}/consent/confirm/[^"]+)"',
                     mail.html_message)[1]  # fmt: skip
    assert f">{link}</a>" in mail.html_message
    assert "https://emaluplus-vko.kz/" in mail.message and "<span" not in mail.message


def test_a_mail_link_whose_secret_has_hyphens_is_kept_without_any_of_it():
    """What the outbox keeps of a mail once sent (consent/core/delivery.py): the link's secret,
    hyphens and all, written as «[token]» in the href and in the text alike."""
    from django.template import Context, Template

    from consent.common.link_secrets import redact

    shown = Template('{% load spacing %}{% filter addresses_kept:"mail" %}'
                     '<p><a href="{{ url }}">{{ url }}</a></p>{% endfilter %}')  # fmt: skip
    url = "https://emaluplus-vko.kz/kk/consent/confirm/eyJz-Ijox_LCJh:1xZw-YP:RM-hr/"
    kept = "https://emaluplus-vko.kz/kk/consent/confirm/[token]/"
    assert redact(shown.render(Context({"url": url}))) == f'<p><a href="{kept}">{kept}</a></p>'


# Each filter reads only the text between tags (spacing._in_text): what a tag, a text area, a
# script, a style or a comment holds is left, and the text either side of one is read as before
# (a «<» that begins no tag is text, and a phrase ending at a tag ends there).
AROUND_TAGS = [
    ('<a href="https://a-b.kz/1-нұсқа" class="x-1">a-b.kz</a>',
     '<a href="https://a-b.kz/1-нұсқа" class="x-1">a<span class="one-line">-b</span>.kz</a>'),
    ("<textarea>a-b.kz 8-бабы</textarea> 8-бабы",
     '<textarea>a-b.kz 8-бабы</textarea> <span class="one-line">8-бабы</span>'),
    ("<!-- 1-нұсқа --><script>x-1</script>услуга 1<br>",
     '<!-- 1-нұсқа --><script>x-1</script>услуга<span class="one-line"> 1</span><br>'),
    ("a < b-c.kz, 3 < 1-нұсқа",
     'a < b<span class="one-line">-c</span>.kz, 3 < <span class="one-line">1-нұсқа</span>'),
]  # fmt: skip


@pytest.mark.parametrize(("html", "kept"), AROUND_TAGS)
def test_only_the_text_between_tags_is_held(html, kept):
    from emalu.templatetags.spacing import addresses_kept, endings_kept

    assert endings_kept(addresses_kept(html)) == kept


@pytest.mark.parametrize("run", ["1-", "a.", "a-b", "x"])
def test_a_long_word_without_an_address_is_read_at_once(run):
    """A text run of word characters, hyphens and dots with no «@» (a pasted base64 or hex key, a
    long reference, «1-1-1-…») was tried as a mailbox's first half from each of its characters:
    the page's or mail's filter took time growing with the square of the word (40,000
    characters: some 4 s of a worker for each page or mail showing it)."""
    from emalu.templatetags.spacing import addresses_kept

    def held(size):
        return addresses_kept(run * (size // len(run)) + "-" + " Asel-Q@mail-x.kz")

    assert held(40_000).endswith('Asel<span class="one-line">-Q</span>@mail<span '
                                 'class="one-line">-x</span>.kz')  # fmt: skip
    grows_linearly(held, 40_000)
