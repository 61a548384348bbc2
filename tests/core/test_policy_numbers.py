"""Policy versions are numbered by the system, in the order they are published, with no gap and
no number used twice (compliance L25). An editor typed the number, and a draft deleted, or two
drafts published in the other order, left published versions 1, 2, 4: a reader, or the
regulator, asks what version 3 said and why it was withdrawn. Published numbers never change."""

from datetime import date

import pytest
from django.utils import timezone

from consent.core.models import PolicyVersion
from consent.core.texts import policy_publish

CHANGELIST = "/admin/consent/policyversion/"
GIVEN = {"kk": "Жүйе береді", "ru": "Присваивается системой"}


def added(editor, title):
    """A draft as the editor adds it in the admin: no number to type."""
    response = editor.post(f"{CHANGELIST}add/", {
        "effective_date": "2026-12-04", "title_kk": title, "title_ru": title,
        "text_kk": f"Саясат {title}", "text_ru": f"Политика {title}",
        "changes_kk": "", "changes_ru": "", "template_kk": "", "template_ru": "",
    })  # fmt: skip
    assert response.status_code == 302, response.content.decode()[:3000]
    return PolicyVersion.objects.get(title_kk=title)


def published_numbers():
    return list(
        PolicyVersion.objects.filter(published_at__isnull=False)
        .order_by("number")
        .values_list("number", flat=True)
    )


@pytest.fixture
def editor(content_editor_client, time_machine):
    time_machine.move_to("2026-12-04 12:00+05:00", tick=False)
    return content_editor_client


@pytest.mark.parametrize("lang", ["kk", "ru"])
def test_the_editor_types_no_number_and_is_told_why(editor, lang):
    editor.cookies["django_language"] = lang
    page = editor.get(f"{CHANGELIST}add/").content.decode()
    assert 'name="number"' not in page and GIVEN[lang] in page
    assert added(editor, "A").number == 3  # after version 1 and the seeded draft 2


def test_a_deleted_draft_leaves_no_gap(editor):
    draft = added(editor, "A")  # number 3, the seeded draft 2 before it
    PolicyVersion.objects.get(number=2).delete()  # the lawyer's draft, dropped
    editor.post(CHANGELIST, {"action": "publish", "_selected_action": [draft.pk]})
    draft.refresh_from_db()
    assert draft.is_published and draft.number == 2 and published_numbers() == [1, 2]
    assert "Саясат A" in editor.get("/kk/privacy/2/").content.decode()
    later = added(editor, "B")
    policy_publish(later)
    assert later.number == 3 and published_numbers() == [1, 2, 3]


def test_drafts_published_in_the_other_order_are_numbered_as_published(editor):
    first, second = PolicyVersion.objects.get(number=2), added(editor, "B")
    PolicyVersion.objects.filter(pk=first.pk).update(effective_date=date(2026, 12, 4))
    policy_publish(second)  # drafted later, published first
    assert second.number == 2 and PolicyVersion.objects.get(pk=first.pk).number == 3
    assert published_numbers() == [1, 2]


def test_a_refused_publication_changes_no_number(editor):
    draft = added(editor, "C")
    PolicyVersion.objects.filter(pk=draft.pk).update(title_ru=" ")
    draft.refresh_from_db()
    response = editor.post(CHANGELIST, {"action": "publish", "_selected_action": [draft.pk]},
                           follow=True)  # fmt: skip
    assert response.status_code == 200
    assert PolicyVersion.objects.get(pk=draft.pk).number == 3
    assert PolicyVersion.objects.filter(number=2, published_at=None).exists()


def test_an_upgraded_database_keeps_its_published_numbers_and_goes_on_after_them(editor):
    PolicyVersion.objects.filter(number=2).delete()
    PolicyVersion.objects.create(
        number=4, effective_date=date(2026, 12, 4), title_kk="4", title_ru="4", text_kk="4",
        text_ru="4", published_at=timezone.now(),
    )  # fmt: skip  # published before the system gave the numbers
    new = added(editor, "D")
    assert new.number == 5
    policy_publish(new)
    assert published_numbers() == [1, 4, 5]


def test_consent_texts_are_numbered_by_the_system_too(texts, editor):
    from consent.core.models import ConsentText
    from consent.core.purposes import MARKETING
    from consent.core.texts import text_publish

    def drafted():
        policy = texts[MARKETING].policy
        response = editor.post("/admin/consent/consenttext/add/", {
            "purpose": MARKETING, "policy": policy.pk, "other_kk": "", "other_ru": "",
        })  # fmt: skip
        assert response.status_code == 302, response.content.decode()[:3000]
        return ConsentText.objects.filter(purpose=MARKETING).latest("pk")

    page = editor.get("/admin/consent/consenttext/add/").content.decode()
    assert 'name="version"' not in page
    dropped, kept = drafted(), drafted()
    assert (dropped.version, kept.version) == (2, 3)  # after version 1 of the texts fixture
    dropped.delete()
    text_publish(kept)
    published = ConsentText.objects.filter(purpose=MARKETING, published_at__isnull=False)
    assert sorted(published.values_list("version", flat=True)) == [1, 2]
