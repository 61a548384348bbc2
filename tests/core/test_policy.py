"""Compliance L25: versioned privacy policy, verbatim seed, old versions kept."""

import re
from datetime import date
from pathlib import Path

import pytest
from django.db import DatabaseError, transaction

from consent.core.models import AppendOnlyError, PolicyVersion
from consent.core.texts import policy_publish
from tests.site.language import as_written  # the words, less the spans of one line

SEED = Path(__file__).resolve().parents[3] / "shared" / "seed" / "privacy-policy-kk.txt"
REPO_SEED = (
    Path(__file__).resolve().parents[2] / "consent" / "core" / "seed" / "privacy-policy-kk.txt"
)


def test_version_one_is_the_seed_verbatim(db):
    v1 = PolicyVersion.objects.get(number=1)
    seed = SEED if SEED.exists() else REPO_SEED
    assert v1.text_kk == seed.read_text(encoding="utf-8")
    assert v1.is_published


def test_kk_page_shows_title_version_and_effective_date(client, db):
    html = as_written(client.get("/kk/privacy/").content.decode())
    assert "Жеке деректерді өңдеуге қатысты саясат" in html
    assert "1-нұсқа" in html
    assert "2026\N{NO-BREAK SPACE}жылғы\N{NO-BREAK SPACE}25\N{NO-BREAK SPACE}қараша" in html
    assert "em.alu.plus@mail.kz" in html


def test_ru_page_shows_the_russian_translation(client, db):
    html = as_written(client.get("/ru/privacy/").content.decode())
    assert "Политика в отношении обработки персональных данных" in html
    assert "Версия 1" in html
    assert "25\N{NO-BREAK SPACE}ноября\N{NO-BREAK SPACE}2026\N{NO-BREAK SPACE}г." in html
    assert "Жеке деректерді" not in html


def test_translation_keeps_the_structure_of_the_seed(db):
    v1 = PolicyVersion.objects.get(number=1)
    kk, ru = v1.text_kk.splitlines(), v1.text_ru.splitlines()
    assert len(kk) == len(ru)
    for a, b in zip(kk, ru, strict=True):
        assert a.startswith("- ") == b.startswith("- ")
        assert a.split(" ")[0] == b.split(" ")[0] or not a[0].isdigit()
        assert a.count("em.alu.plus@mail.kz") == b.count("em.alu.plus@mail.kz")
        assert a.count("https://emaluplus-vko.kz") == b.count("https://emaluplus-vko.kz")


def publish_v2():
    """Version 2 as typed text (the draft written from the declarations is test_policy_v2's)."""
    PolicyVersion.objects.filter(number=2).update(
        effective_date=date(2026, 12, 1),
        title_kk="Саясат 2",
        title_ru="Политика 2",
        template_kk="",
        template_ru="",
        changes_kk="",
        changes_ru="",
        text_kk="Саясат 2\n1. Жаңа\n- бір",
        text_ru="Политика 2\n1. Новое\n- одно",
    )
    return policy_publish(PolicyVersion.objects.get(number=2))


def test_after_version_two_version_one_is_still_served(client, db, time_machine):
    time_machine.move_to("2026-12-01 10:00+05:00")
    publish_v2()
    current = as_written(client.get("/kk/privacy/").content.decode())
    assert "Саясат 2" in current and "2-нұсқа" in current
    old = client.get("/kk/privacy/1/")
    assert old.status_code == 200
    assert "Жеке деректерді өңдеуге қатысты саясат" in as_written(old.content.decode())
    assert 'href="/kk/privacy/1/"' in current  # the previous version is linked


def test_a_version_takes_effect_on_its_date(client, db, time_machine):
    time_machine.move_to("2026-11-30 10:00+05:00")
    publish_v2()
    assert "Жеке деректерді өңдеуге" in as_written(client.get("/kk/privacy/").content.decode())


def test_drafts_and_unknown_versions_are_not_served(client, db):
    PolicyVersion.objects.create(
        number=3,
        effective_date=date(2026, 1, 1),
        title_kk="x",
        title_ru="x",
        text_kk="x",
        text_ru="x",
    )
    assert client.get("/kk/privacy/3/").status_code == 404
    assert client.get("/kk/privacy/99/").status_code == 404


def test_a_published_version_cannot_be_edited_or_deleted(db):
    v1 = PolicyVersion.objects.get(number=1)
    v1.text_kk = "changed"
    with pytest.raises(AppendOnlyError):
        v1.save()
    with pytest.raises(AppendOnlyError):
        v1.delete()
    # nor past the model, in the database itself
    with pytest.raises(DatabaseError), transaction.atomic():
        PolicyVersion.objects.filter(number=1).update(text_kk="changed")
    assert PolicyVersion.objects.get(number=1).text_kk != "changed"


def test_a_published_version_is_read_only_in_the_admin(officer_client):
    v1 = PolicyVersion.objects.get(number=1)
    response = officer_client.get(f"/admin/consent/policyversion/{v1.pk}/change/")
    assert response.status_code == 200
    assert b'name="text_kk"' not in response.content
    response = officer_client.post(
        f"/admin/consent/policyversion/{v1.pk}/change/",
        {"text_kk": "changed", "number": 1},
        follow=True,
    )  # refused in words (a draft published while being edited), back on the read-only page
    assert response.status_code == 200 and b'name="text_kk"' not in response.content
    assert [m.level_tag for m in response.context["messages"]] == ["error"]
    v1.refresh_from_db()
    assert v1.text_kk != "changed"


@pytest.mark.parametrize(
    "lang,words",
    [
        ("kk", ["Оператор туралы", "БСН 123456789012", "Деректерді сақтау орны: Қазақстан"]),
        ("ru", ["Об операторе", "БИН 123456789012", "Место хранения данных: Республика Казахстан"]),
    ],
)
def test_the_policy_page_names_the_operator_and_the_responsible_person(client, db, lang, words):
    """Legal items 3 and 20: BIN, the responsible person and where the data is kept."""
    html = as_written(client.get(f"/{lang}/privacy/").content.decode())
    for text in [*words, "Test Responsible", "dpo@example.kz", "em.alu.plus@mail.kz"]:
        assert text in html, text


@pytest.mark.parametrize(
    "lang,coming,gone",
    [
        ("kk", "Бұл нұсқа әлі күшіне енген жоқ", "Бұл нұсқа енді күшінде емес"),
        ("ru", "Эта версия ещё не вступила в\xa0силу", "Эта версия больше не действует"),
    ],
)
def test_a_version_read_at_its_own_address_says_which_one_applies(
    client, db, time_machine, lang, coming, gone
):
    """Version 1 at /privacy/1/ read «in effect from 25 November» and nothing more once
    version 2 had replaced it, as if it still applied; version 2, announced ahead, the same."""
    time_machine.move_to("2026-11-30 10:00+05:00")
    publish_v2()  # effective 1 December
    ahead = as_written(client.get(f"/{lang}/privacy/2/").content.decode())
    assert coming in ahead and f'href="/{lang}/privacy/"' in ahead
    assert coming not in as_written(client.get(f"/{lang}/privacy/").content.decode())
    time_machine.move_to("2026-12-01 00:30+05:00")
    old = as_written(client.get(f"/{lang}/privacy/1/").content.decode())
    assert gone in old and f'href="/{lang}/privacy/"' in old
    # Its date is named as a date, not as «in effect from» above «no longer in effect»: the
    # Russian said «Версия 1, действует с 25 ноября 2026 г.» over «Эта версия больше не
    # действует».
    meta = re.search(r'<p class="meta">(.*?)</p>', old, re.S)[1]
    assert not re.search(r"действует|күшінде", meta), meta
    current = as_written(client.get(f"/{lang}/privacy/").content.decode())
    assert gone not in current and coming not in current
