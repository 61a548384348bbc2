"""Every admin page follows the model permissions of the staff member's role, delete pages and
actions included (compliance L22): an admin that loosens a permission check is caught for every
model, not only the campaign a content editor once deleted."""

import itertools

import pytest
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.test import Client, RequestFactory
from django.urls import reverse

from consent.core.models import Guardian
from consent.core.texts import current_policy
from consent.marketing.models import Campaign
from emalu.roles import ROLES
from tests.conftest import rows_for_the_module
from tests.site.admin_rows import PERSON, example, site_rows
from tests.site.admin_rows import staff as staff_for_devices
from tests.staff import registered_admins, verified_login
from tests.texts import texts_publish


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
    for model, model_admin in registered_admins().items():
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


# Every URL of the admin, for the roles that hold no personal data: what one finds in the list of
# URLs (custom views, exports, downloads, history, autocomplete), not only the pages one thinks of.
PERSONAL_TEXT = [PERSON, "gone@example.kz", "Қасымова", "7011234567"]


@pytest.fixture(scope="module")
def site(django_db_setup, django_db_blocker):
    with rows_for_the_module(django_db_blocker):
        person = site_rows(texts_publish(current_policy()), Client())
        staff_for_devices("root")  # the authenticators' and sign-in records' admins need a row
        yield person


def admin_urls(person, missing=False):
    """(model, URL) for every named URL of every model admin, filled with a real row's id (the
    person's own where the model holds people's data), or with one no row has (`missing`), and
    each format a view takes."""
    fillers = {"pk": None, "object_id": None, "id": None, "fmt": ["csv", "json", "pdf"],
               "language": ["kk"], "content_id": ["0" * 32]}  # fmt: skip
    for model, model_admin in registered_admins().items():
        obj = model(pk=987654321) if missing else example(model, person)
        for pattern in model_admin.get_urls():
            if not pattern.name:
                continue  # Django's redirect of an old-style object URL
            names = list(pattern.pattern.regex.groupindex)
            if "row" in names:  # a row of another model under its person: the parent waiting
                waiting = Guardian.objects.filter(pending=True).first()
                kwargs = {"pk": waiting.subject_id, "row": waiting.pk}
                kwargs = {"pk": obj.pk, "row": 987654321} if missing else kwargs
                yield model, reverse(f"admin:{pattern.name}", kwargs=kwargs)
                continue
            assert set(names) <= set(fillers), f"give {pattern.name} a value for {names}"
            choices = [fillers[n] or [obj.pk] for n in names]
            for values in itertools.product(*choices):
                kwargs = dict(zip(names, values, strict=True))
                yield model, reverse(f"admin:{pattern.name}", kwargs=kwargs)


@pytest.mark.parametrize("role", ["content_editor", "marketer"])
def test_every_admin_url_holds_a_role_to_its_permissions(db, site, role):
    """GET and POST of every admin URL: refused (403) where the role may not view the model,
    before any row is looked up (a 404 would tell which exist), and nowhere a person's data or
    a server error."""
    browser = verified_login(Client(), staff(role))
    user = get_user_model().objects.get(username=role)
    wrong = []
    for model, url in admin_urls(site):
        may_view = user.has_perm(f"{model._meta.app_label}.view_{model._meta.model_name}")
        for method in (browser.get, browser.post):
            response = method(url)
            body = b"".join(response) if response.streaming else response.content
            text = body.decode(errors="replace")
            refused = response.status_code == 403
            if (not may_view and not refused) or response.status_code >= 500:
                wrong.append(f"{method.__name__.upper()} {url}: {response.status_code}")
            elif any(value in text for value in PERSONAL_TEXT):
                wrong.append(f"{method.__name__.upper()} {url}: personal data")
    assert wrong == []


@pytest.mark.parametrize("role", ["content_editor", "marketer"])
def test_no_admin_url_tells_a_role_which_rows_exist(db, site, role):
    """An id no row has gets the same 403 as a real one where the role may not view the model:
    a 404 or a redirect (Django's history page said "doesn't exist") told a content editor
    which people, photos and set-aside emails there are."""
    browser = verified_login(Client(), staff(role))
    user = get_user_model().objects.get(username=role)
    wrong = []
    for model, url in admin_urls(site, missing=True):
        if user.has_perm(f"{model._meta.app_label}.view_{model._meta.model_name}"):
            continue
        for method in (browser.get, browser.post):
            if (status := method(url).status_code) != 403:
                wrong.append(f"{method.__name__.upper()} {url}: {status}")
    assert wrong == []


@pytest.mark.parametrize("role", ["content_editor", "marketer"])
def test_no_autocomplete_answers_a_role_about_what_it_may_not_view(db, site, role):
    """`/admin/autocomplete/` searches the model a relation points to, for any model and field
    named in the query string: refused unless the role may view that model."""
    browser = verified_login(Client(), staff(role))
    user = get_user_model().objects.get(username=role)
    wrong = []
    for model in registered_admins():
        for field in model._meta.get_fields():
            if not (field.is_relation and field.concrete):
                continue
            remote = field.related_model._meta
            query = {"app_label": model._meta.app_label, "model_name": model._meta.model_name,
                     "field_name": field.name, "term": ""}  # fmt: skip
            response = browser.get("/admin/autocomplete/", query)
            text = response.content.decode(errors="replace")
            if response.status_code == 200 and not user.has_perm(
                f"{remote.app_label}.view_{remote.model_name}"
            ):
                wrong.append(f"{model._meta.label}.{field.name}: 200")
            if response.status_code >= 500 or any(value in text for value in PERSONAL_TEXT):
                wrong.append(f"{model._meta.label}.{field.name}: {response.status_code}")
    assert wrong == []


@pytest.mark.parametrize("role", ["content_editor", "marketer", "privacy_officer"])
def test_view_on_site_tells_a_role_nothing_of_a_model_it_may_not_view(db, site, role):
    """Django's `/admin/r/<type>/<id>/` redirected any staff member to a row's public page, and
    answered 404 for a row that does not exist: a marketer learnt which rows exist of models
    they may not view. Every registered model, a real row and a missing one: 403 both unless
    the role may view the model; where it may, the shortcut works as Django's."""
    from django.contrib.contenttypes.models import ContentType

    from emalu.models import Service

    browser = verified_login(Client(), staff(role))
    user = get_user_model().objects.get(username=role)
    wrong = []
    for model in registered_admins():
        kind = ContentType.objects.get_for_model(model).pk
        may_view = user.has_perm(f"{model._meta.app_label}.view_{model._meta.model_name}")
        for obj in (example(model, site), model(pk=987654321)):
            status = browser.get(f"/admin/r/{kind}/{obj.pk}/").status_code
            if (status == 403) == may_view:
                wrong.append(f"{model._meta.label} {obj.pk}: {status}")
    assert wrong == []
    service = ContentType.objects.get_for_model(Service).pk
    answers = [browser.get(f"/admin/r/{service}/{pk}/").status_code
               for pk in (Service.objects.get(slug="x").pk, 987654321)]  # fmt: skip
    assert answers == ([302, 404] if role == "content_editor" else [403, 403])
    for odd in ("x", "99999999999999999999", "0"):
        assert browser.get(f"/admin/r/{odd}/1/").status_code == 404


# Actions that change nothing but the staff member's own mailbox: open to whoever may view.
VIEWING_ACTIONS = {("marketing.Campaign", "send_test")}


def test_every_admin_action_names_the_permission_it_needs(db):
    """Django offers an action that names no permission to anyone who may see the list: the
    outbox's «requeue» sent mail again, and the lockout list's «clean up» deleted rows, for a
    staff member who might only look. Every action names what it needs, and only an action that
    changes nothing may ask no more than «view»."""
    from django.contrib.admin.options import ActionLocation

    loose = []
    for model, model_admin in registered_admins().items():
        for location in ActionLocation:
            for action in model_admin._get_base_actions(location):
                needs = set(getattr(action.func, "allowed_permissions", ()))
                viewing = (model._meta.label, action.name) in VIEWING_ACTIONS
                if not needs or (needs <= {"view"} and not viewing):
                    loose.append(f"{model._meta.label}.{action.name}: {sorted(needs)}")
    assert loose == []


def test_a_staff_member_who_may_only_view_the_outbox_cannot_requeue_its_mail(db):
    """As a staff member meets it: the list's action posted, with view but not change."""
    from django.contrib.auth.models import Permission
    from post_office.models import STATUS, Email

    sent = Email.objects.create(
        from_email="site@example.kz", to=["asel@example.kz"], subject="x", status=STATUS.sent
    )
    user = get_user_model().objects.create_user("viewer", "viewer@example.kz", "pw-1234567890",
                                                is_staff=True)  # fmt: skip
    user.user_permissions.add(Permission.objects.get(codename="view_email"))
    browser = verified_login(Client(), user)
    page = browser.get("/admin/post_office/email/")
    assert page.status_code == 200 and 'value="requeue"' not in page.content.decode()
    action = {"action": "requeue", "_selected_action": [sent.pk]}
    browser.post("/admin/post_office/email/", action)
    sent.refresh_from_db()
    assert sent.status == STATUS.sent
