"""The page that asks for a link to one's data says what the link opens to everyone who lands
there: a parent or guardian comes to it too, from the footer or when their requests for the
children were not sent (forms_app/shown_back.py), and reaches the children's page by the same
link. Its intro read «See what we hold about you» alone, which a parent asking for a child's
page took for not theirs to use."""

import re

import pytest
from django.test import Client

from consent.rights.wards import GUARDIAN_KEY

from .test_guardian_rights import with_child
from .test_guardian_withdrawal import open_children_page

# The intro's words for each case, in the glossary's terms («бала атынан», «от имени детей»).
YOURS = {"kk": "Сіз туралы не сақтайтынымызды көріңіз", "ru": "Посмотрите, что мы храним о вас"}
PARENTS = {
    "kk": "Ата-ана немесе қорғаншы дәл осы сілтемемен балалар атынан берген келісімдерін "
    "аша алады.",
    "ru": "По той же ссылке родитель или опекун откроет согласия, которые он дал от имени детей.",
}


def text(response):
    page = re.sub(r"<[^>]+>", " ", response.content.decode()).replace("\N{NO-BREAK SPACE}", " ")
    return " ".join(page.split())


def not_sent_for_the_children(make_subject, texts, lang, message="Қате."):
    """A parent's request for a child, sent after the children's page closed."""
    _child, row = with_child(make_subject, texts, name="Айсұлу Қасымова",
                             email="aisulu@example.kz", born="2012-05-17")  # fmt: skip
    parent = Client()
    open_children_page(parent, lang)
    session = parent.session
    session[GUARDIAN_KEY] = {**session[GUARDIAN_KEY], "until": 0}
    session.save()
    return parent.post(f"/{lang}/my-data/children/request/", {f"{row.pk}-message": message})


@pytest.mark.django_db
@pytest.mark.parametrize("lang", ["kk", "ru"])
def test_the_ask_page_speaks_to_a_person_and_to_a_parent(client, make_subject, texts, lang):
    pages = {
        "ask": client.get(f"/{lang}/my-data/"),
        "children's requests not sent": not_sent_for_the_children(make_subject, texts, lang),
    }
    for case, response in pages.items():
        assert response.status_code == 200, case
        shown = text(response)
        assert YOURS[lang] in shown and PARENTS[lang] in shown, (case, shown[-1500:])
