"""What a parent writes for a child on the children's page is not lost by a button of the page.
The «Withdraw consent» and download buttons were forms of their own: pressing one after typing
a correction for a child sent the page without the text, which was gone when the page came back;
and a post after the page's hour led to «My data» without it. The page keeps what is written as
the person's own page does (a row on the child's record for a day: selfservice.kept_new)."""

import re

import pytest
from django.test import Client
from post_office.models import Email

from consent.core.purposes import MARKETING
from consent.rights.models import KeptRequest, Ticket
from consent.rights.wards import GUARDIAN_KEY

from .test_guardian_rights import CHILD, with_child
from .test_guardian_withdrawal import open_children_page
from .test_selfservice_typed import posted_as_shown

TEXT = "Туған күні қате жазылған: 17 мамыр емес, 19 мамыр"
OTHER = "Мекенжайы ескірген"
CLOSED = {"kk": "бір сағат", "ru": "один час"}


@pytest.fixture
def two(make_subject, texts):
    """Айсұлу, 14, and her brother Арман, 12, both with their mother's consent."""
    children = (("Айсұлу Қасымова", CHILD, "2012-05-17"),
                ("Арман Қасымов", "arman@example.kz", "2014-02-01"))  # fmt: skip
    return tuple(with_child(make_subject, texts, name=name, email=email, born=born)[1]
                 for name, email, born in children)  # fmt: skip


def page(client, lang):
    return client.get(f"/{lang}/my-data/children/").content.decode()


def typed(first, second=None):
    """The page's one form as a press of any of its buttons posts it: each child's box."""
    data = {f"{first.pk}-type": Ticket.Type.CORRECT, f"{first.pk}-message": TEXT}
    if second is not None:
        data.update({f"{second.pk}-type": Ticket.Type.BLOCK, f"{second.pk}-message": OTHER})
    return data


@pytest.mark.parametrize("lang", ["kk", "ru"])
def test_every_button_of_a_child_belongs_to_the_form_that_holds_the_boxes(two, lang):
    client = Client()
    open_children_page(client, lang)
    shown = page(client, lang)
    assert 'action="/' + lang + '/my-data/children/withdraw/"' not in shown
    assert 'action="/' + lang + '/my-data/children/export/"' not in shown
    for row in two:
        for action in ("withdraw", "export"):
            action_url = f"/{lang}/my-data/children/{action}/?child={row.pk}"
            assert f'form="children-page" formaction="{action_url}"' in shown


@pytest.mark.parametrize("lang", ["kk", "ru"])
@pytest.mark.parametrize("press", ["withdraw", "refused", "blocked download", "sent"])
def test_what_was_written_for_each_child_comes_back_after_a_button(two, lang, press):
    client = Client()
    open_children_page(client, lang)
    first, second = two
    if press == "withdraw":
        url, data = f"withdraw/?child={first.pk}", {"withdraw": MARKETING}
    elif press == "refused":  # a button for a purpose not offered: nothing done, said so
        url, data = f"withdraw/?child={first.pk}", {"withdraw": "nonsense"}
    elif press == "blocked download":  # a format not offered
        url, data = f"export/?child={second.pk}", {"format": "exe"}
    else:  # the first child's request sent: the second child's text stays
        shown = page(client, lang)
        token = shown.split(f'name="{first.pk}-token" value="')[1].split('"')[0]
        url, data = "request/", {"child": first.pk, f"{first.pk}-token": token}
    response = client.post(f"/{lang}/my-data/children/{url}", {**data, **typed(first, second)})
    assert response.status_code == 302 and response.url == f"/{lang}/my-data/children/"
    shown = page(client, lang)
    assert OTHER in shown
    if press == "sent":  # sent, so not offered again
        assert TEXT not in shown and Ticket.objects.filter(message=TEXT).count() == 1
    else:
        assert TEXT in shown
        assert re.search(rf'name="{first.pk}-type" value="correct"[^>]*checked', shown)
    assert page(client, lang).count(OTHER) == 1  # a reload shows it again, once


@pytest.mark.parametrize("lang", ["kk", "ru"])
def test_a_box_emptied_since_brings_nothing_back(two, lang):
    client = Client()
    open_children_page(client, lang)
    first, second = two
    client.post(f"/{lang}/my-data/children/withdraw/?child={first.pk}",
                {"withdraw": "nonsense", **typed(first, second)})  # fmt: skip
    client.post(f"/{lang}/my-data/children/withdraw/?child={first.pk}",
                {"withdraw": "nonsense", **typed(first), f"{second.pk}-message": ""})  # fmt: skip
    shown = page(client, lang)
    assert TEXT in shown and OTHER not in shown
    assert KeptRequest.objects.count() == 1


@pytest.mark.parametrize("lang", ["kk", "ru"])
@pytest.mark.parametrize("where", ["", "withdraw/", "export/", "request/"])
def test_a_post_after_the_hour_shows_the_text_back_and_keeps_it_for_the_next_page(two, lang, where):
    client = Client()
    open_children_page(client, lang)
    first, second = two
    session = client.session
    session[GUARDIAN_KEY] = {**session[GUARDIAN_KEY], "until": 0}
    session.save()
    response = client.post(f"/{lang}/my-data/children/{where}?child={first.pk}",
                           {"child": first.pk, "withdraw": MARKETING, "format": "pdf",
                            **typed(first, second)})  # fmt: skip
    shown = response.content.decode()
    assert response.status_code == 200 and CLOSED[lang] in shown
    assert TEXT in shown and OTHER in shown  # shown back, to copy
    assert not Ticket.objects.filter(message=TEXT).exists()  # nothing was done
    open_children_page(client, lang)  # a new link, in the same browser
    shown = page(client, lang)
    assert TEXT in shown and OTHER in shown


SUPERSCRIPT = str.maketrans("0123456789", "⁰¹²³⁴⁵⁶⁷⁸⁹")


@pytest.mark.parametrize("within_the_hour", [True, False])
@pytest.mark.parametrize("where", ["withdraw/", "export/", "request/"])
def test_a_box_the_page_never_numbered_is_no_error(two, within_the_hour, where):
    """A box named «²-message» (a row's number in superscript digits, which str.isdigit()
    passes and int() refuses) was a 500 from every button of the page, before its hour or after
    it, for anyone who posted it; and 30 digits were a row number too. Such a box is no child's:
    the page's answer as for any post, the first child's text kept, nothing else."""
    client, lang = Client(), "ru"
    open_children_page(client, lang)
    first, _second = two
    if not within_the_hour:
        session = client.session
        session[GUARDIAN_KEY] = {**session[GUARDIAN_KEY], "until": 0}
        session.save()
    numbers = (str(first.pk).translate(SUPERSCRIPT), "9" * 30)
    odd = {f"{number}-message": OTHER for number in numbers}
    data = {"withdraw": "nonsense", "format": "exe", **typed(first), **odd}
    response = client.post(f"/{lang}/my-data/children/{where}?child={first.pk}", data)
    if within_the_hour:
        assert response.status_code == 302 and response.url == f"/{lang}/my-data/children/"
        shown = page(client, lang)
    else:
        shown = response.content.decode()
        assert response.status_code == 200 and CLOSED[lang] in shown
    assert TEXT in shown and OTHER not in shown
    assert [k.message for k in KeptRequest.objects.all()] == [TEXT]


@pytest.mark.parametrize("lang", ["kk", "ru"])
def test_closing_the_page_lets_the_texts_go(two, lang):
    client = Client()
    open_children_page(client, lang)
    first, second = two
    client.post(f"/{lang}/my-data/children/withdraw/?child={first.pk}",
                {"withdraw": "nonsense", **typed(first, second)})  # fmt: skip
    assert KeptRequest.objects.count() == 2
    client.post(f"/{lang}/my-data/leave/")
    assert KeptRequest.objects.count() == 0


def test_another_parents_browser_gets_nothing_of_them(two, make_subject):
    client = Client()
    open_children_page(client, "kk")
    first, second = two
    client.post(f"/kk/my-data/children/withdraw/?child={first.pk}",
                {"withdraw": "nonsense", **typed(first, second)})  # fmt: skip
    stranger = Client()
    open_children_page(stranger, "kk")  # the same parent elsewhere: that browser's own page
    assert TEXT not in page(stranger, "kk")


TYPE_SHOWN = {"kk": ("түзету", "бұғаттау"), "ru": ("исправление", "блокирование")}
NOT_SENT = {"kk": "Өтініштер жіберілмеді", "ru": "Запросы не отправлены"}


def boxes_shown(html):
    """Each box shown back on the page that asks for a link: (its label, its text)."""
    return re.findall(r'<label for="written-\d+">([^<]*)</label>\s*<textarea id="written-\d+"'
                      r'[^>]*>([^<]*)</textarea>', html)  # fmt: skip


@pytest.mark.parametrize("lang", ["kk", "ru"])
def test_after_the_hour_each_childs_text_is_shown_in_its_own_box_under_the_childs_name(two, lang):
    """What a parent wrote for two children, sent after the page's hour, came back as one box,
    the texts run together with no word of which child each was for, under «Your request was
    not sent ... from your page». Each is now a box of its own, labelled with the child's name
    and the request's type, under a heading and words about the children's page; the language
    switch there, which posts the boxes along, shows them again as they were."""
    client = Client()
    open_children_page(client, lang)
    first, second = two
    session = client.session
    session[GUARDIAN_KEY] = {**session[GUARDIAN_KEY], "until": 0}
    session.save()
    response = client.post(f"/{lang}/my-data/children/withdraw/?child={first.pk}",
                           {"withdraw": MARKETING, **typed(first, second)})  # fmt: skip
    html = response.content.decode()
    assert NOT_SENT[lang] in html and CLOSED[lang] in html
    boxes = boxes_shown(html)
    assert len(boxes) == 2
    (first_label, first_text), (second_label, second_text) = boxes
    assert first_label.startswith("Айсұлу Қасымова: ") and first_text == TEXT
    assert second_label.startswith("Арман Қасымов: ") and second_text == OTHER
    correct, block = TYPE_SHOWN[lang]
    assert correct in first_label and block in second_label
    other = "ru" if lang == "kk" else "kk"
    switched = {"written": [TEXT, OTHER], "written_child": ["Айсұлу Қасымова", "Арман Қасымов"],
                "written_type": ["correct", "block"], "switch_language": other}  # fmt: skip
    again = client.post(f"/{other}/my-data/", switched).content.decode()
    assert NOT_SENT[other] in again
    assert [(label.split(":")[0], text) for label, text in boxes_shown(again)] == [
        ("Айсұлу Қасымова", TEXT), ("Арман Қасымов", OTHER)]  # fmt: skip
    assert TYPE_SHOWN[other][0] in boxes_shown(again)[0][0]


@pytest.mark.parametrize("lang", ["kk", "ru"])
@pytest.mark.parametrize("where", ["withdraw/", "export/", "request/"])
def test_the_children_texts_shown_back_lead_to_a_new_link(two, lang, where):
    """Shown at the address of the button pressed, the page's «Send» met the closed page again
    and sent no link; its switch lost the boxes. Both now post to the page that asks for one."""
    client = Client()
    open_children_page(client, lang)
    first, second = two
    session = client.session
    session[GUARDIAN_KEY] = {**session[GUARDIAN_KEY], "until": 0}
    session.save()
    shown = client.post(f"/{lang}/my-data/children/{where}?child={first.pk}",
                        {"child": first.pk, **typed(first, second)}).content.decode()  # fmt: skip
    other = "ru" if lang == "kk" else "kk"
    url, fields = posted_as_shown(shown, r"<button [^>]*name=\"switch_language\"[^>]*>")
    assert url == f"/{other}/my-data/"
    Email.objects.all().delete()
    url, fields = posted_as_shown(shown, r"(?!)")
    sent = client.post(url, {**fields, "email": "gulnar@example.kz"})
    assert sent.status_code == 302 and sent.url == f"/{lang}/my-data/thanks/"
    assert Email.objects.exists()
