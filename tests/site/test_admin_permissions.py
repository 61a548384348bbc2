"""Every admin page follows the model permissions of the staff member's role, delete pages and
actions included (compliance L22): an admin that loosens a permission check is caught for every
model, not only the campaign a content editor once deleted."""

import pytest
from django.contrib import admin
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.test import RequestFactory

from consent.marketing.models import Campaign
from emalu.roles import ROLES
from tests.conftest import verified_login


def staff(role):
    user = get_user_model().objects.create_user(role, f"{role}@example.kz", "pw-1234567890",
                                                is_staff=True)  # fmt: skip
    user.groups.add(Group.objects.get(name=role))
    return user


@pytest.fixture
def draft(db):
    return Campaign.objects.create(title="Draft", subject_line_kk="Жаңалық", body_kk="Мәтін")


@pytest.mark.parametrize("role", list(ROLES))
def test_no_admin_grants_more_than_the_role_holds(db, draft, role):
    """For every registered model admin: add, change, delete and view are each allowed only
    when the role holds that model permission (an admin may narrow them, never widen)."""
    user = staff(role)
    request = RequestFactory().get("/")
    request.user = user
    widened = []
    for model, model_admin in admin.site._registry.items():
        obj = model.objects.first()
        opts = model._meta
        for action in ["add", "change", "delete", "view"]:
            check = getattr(model_admin, f"has_{action}_permission")
            allowed = check(request) if action == "add" else check(request, obj)
            if allowed and not user.has_perm(f"{opts.app_label}.{action}_{opts.model_name}"):
                widened.append(f"{opts.label}.{action}")
    assert widened == []


@pytest.mark.parametrize("role", ["content_editor", "marketer"])
def test_a_role_without_the_delete_permission_cannot_delete_a_draft_campaign(client, draft, role):
    verified_login(client, staff(role))
    url = f"/admin/marketing/campaign/{draft.pk}/delete/"
    assert client.get(url).status_code == 403
    assert client.post(url, {"post": "yes"}).status_code == 403
    action = {"action": "delete_selected", "_selected_action": [draft.pk], "post": "yes"}
    client.post("/admin/marketing/campaign/", action)
    assert Campaign.objects.filter(pk=draft.pk).exists()
