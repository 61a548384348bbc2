"""A mother on record herself asks on her page of her children to correct or block her
daughter's data: the requests are filed on the daughter's record, naming the mother, and are
answered at the mother's address. Her access answer lists them as hers (mailed.requests_held),
but her page on the desk listed only the requests filed on her own record: an officer on the
phone with her, asked «what became of what I asked for my daughter», found nothing there."""

import pytest

from consent.core.models import Guardian
from consent.rights.wards import ward_request

PARENT = "zqgulnar@example.kz"
ASKED_FOR = {"kk": "Бала атынан берген өтініштері", "ru": "Запросы, поданные от имени ребёнка"}


@pytest.mark.parametrize("lang", ["kk", "ru"])
def test_the_parents_page_lists_the_requests_she_made_for_her_child(make_subject, desk, lang):
    mother = make_subject(full_name="Гүлнар Қасымова", email=PARENT)
    daughter = make_subject(full_name="Айсұлу", email="zqaisulu@example.kz",
                            birth_date="2012-05-17")  # fmt: skip
    stranger = make_subject(full_name="Дана", email="zqdana@example.kz")
    row = Guardian.objects.create(subject=daughter, full_name="Гүлнар", contact=PARENT)
    corrected = ward_request(PARENT, row.pk, "correct", "Тегі қате жазылған", "kk")
    blocked = ward_request(PARENT, row.pk, "block", "Блоктаңыз", "kk")
    desk.cookies["django_language"] = lang

    page = desk.get(f"/admin/consent/subject/{mother.pk}/change/").content.decode()
    assert ASKED_FOR[lang] in page
    for ticket in (corrected, blocked):
        assert f"/admin/rights/ticket/{ticket.pk}/change/" in page
    assert "Айсұлу" in page  # for whom

    # Not on anyone else's page.
    other = desk.get(f"/admin/consent/subject/{stranger.pk}/change/").content.decode()
    assert f"/admin/rights/ticket/{corrected.pk}/change/" not in other
