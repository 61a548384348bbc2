"""The staff accounts' admin: Django's, with what no one edits shown read-only.

The last sign-in and the date an account was made are facts the site records, not settings:
as form fields, an administrator's save wrote back the last sign-in the page had shown, and a
sign-in between opening the page and saving it had the save refused as changed meanwhile
(consent/common/seen.py)."""

from django.contrib import admin
from django.contrib.auth import get_user_model
from django.contrib.auth.admin import UserAdmin  # importing it registers Django's


class StaffUserAdmin(UserAdmin):
    readonly_fields = ["last_login", "date_joined"]


def register() -> None:
    """In place of Django's own (emalu/admin.py calls it)."""
    admin.site.unregister(get_user_model())
    admin.site.register(get_user_model(), StaffUserAdmin)
