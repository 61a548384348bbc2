"""The staff accounts' admin: Django's, with what no one edits shown read-only.

The last sign-in and the date an account was made are facts the site records, not settings:
as form fields, an administrator's save wrote back the last sign-in the page had shown, and a
sign-in between opening the page and saving it had the save refused as changed meanwhile
(consent/common/seen.py)."""

from django.contrib import admin
from django.contrib.auth import get_user_model
from django.contrib.auth.admin import UserAdmin  # importing it registers Django's
from django.contrib.auth.forms import UserChangeForm

from consent.core.subjects import clean_email as address_checked


class StaffUserForm(UserChangeForm):
    def clean_email(self) -> str:
        """A staff member's address by the rule a visitor's is held to (subjects.clean_email):
        the officers' digest of requests falling due and each new request's notice go there, and
        one no mail reaches («aliya@localhost», «aliya@example.com», «aliya@mail») got them
        nowhere while each day's requests ran to their legal dates. Left empty, it stays so."""
        email = self.cleaned_data["email"]
        return address_checked(email) if email else email


class StaffUserAdmin(UserAdmin):
    form = StaffUserForm
    readonly_fields = ["last_login", "date_joined"]


def register() -> None:
    """In place of Django's own (emalu/admin.py calls it)."""
    admin.site.unregister(get_user_model())
    admin.site.register(get_user_model(), StaffUserAdmin)
