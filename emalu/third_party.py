"""The third-party apps the admin shows, and rows Django names in English, in the staff's
language.

Each third-party app is listed in INSTALLED_APPS by one of these configs instead of its own, to
give it a translated name (Django's hook for an app's name is its AppConfig's verbose_name).
Their labels stay the packages' own, so tables, migrations and admin URLs do not change.

What the packages mark for translation, the project's catalogues translate (the msgids are
listed in emalu/django_admin_strings.py). What they leave plain English (all of django-otp's
model and field names and help, a few of the others'), and offer no hook for, `mark_labels`
makes a lazy translation once the models are loaded, its msgid the package's own text (listed
in the same module); axes' descriptions of its rows (`__str__`, shown as titles and in
confirmations) are replaced the same way. Only the values shown change: the migration state
reads a model's Meta options and a field's constructor arguments as the package wrote them, and
`makemigrations` runs without a language, so it sees no change (`makemigrations --check`).
"""

from axes import apps as axes_apps
from django.apps import apps
from django.utils import timezone
from django.utils.formats import localize
from django.utils.text import format_lazy
from django.utils.translation import gettext, gettext_lazy, gettext_noop, pgettext_lazy
from django.utils.translation import gettext_lazy as _
from django_otp.plugins.otp_static import apps as otp_static_apps
from django_otp.plugins.otp_totp import apps as otp_totp_apps
from post_office import apps as post_office_apps


def mark_labels(model):
    """The model's names, and each field's name and help, looked up in the catalogues where
    the package left them plain English (a lazy translation is a Promise, not a str)."""

    def marked(text):
        return gettext_lazy(text) if isinstance(text, str) and text else text

    opts = model._meta
    if isinstance(opts.verbose_name, str) and "verbose_name_plural" not in opts.original_attrs:
        opts.verbose_name_plural = f"{opts.verbose_name}s"  # Django's, made lazily from the name
    opts.verbose_name = marked(opts.verbose_name)
    opts.verbose_name_plural = marked(opts.verbose_name_plural)
    for field in opts.get_fields(include_parents=True):
        if field.concrete:
            field.verbose_name = marked(field.verbose_name)
            field.help_text = marked(field.help_text)


def describe(template):
    """A sign-in record's __str__: `template` with its username and local time. It names the
    record, not its kind: the admin puts the model's name before it («Сәтсіз кіру: asel, …» in
    a deletion's list), and a kind in both read «Сәтсіз кіру: Сәтсіз кіру: asel»."""

    def __str__(record):
        when = localize(timezone.localtime(record.attempt_time))
        return gettext(template) % {"username": record.username, "time": when}

    return __str__


class LabelledModels:
    """An AppConfig whose models' plain-English labels are looked up in the catalogues once the
    package has set itself up (mark_labels)."""

    def ready(self):
        super().ready()
        for model in self.get_models():
            mark_labels(model)


class AxesConfig(LabelledModels, axes_apps.AppConfig):
    verbose_name = _("Sign-in records")

    def ready(self):
        super().ready()
        from axes.models import AccessAttempt, AccessFailureLog, AccessLog

        AccessAttempt.__str__ = describe(gettext_noop("%(username)s, the last at %(time)s"))
        AccessLog.__str__ = AccessFailureLog.__str__ = describe("%(username)s, %(time)s")


class PostOfficeConfig(LabelledModels, post_office_apps.PostOfficeConfig):
    verbose_name = _("Outgoing mail")

    def ready(self):
        super().ready()
        from post_office.models import Attachment, EmailTemplate, Log

        # "Name" is a person's name in the project's catalogues; an attachment's is a file's, a
        # template's the template's (the mail list's filter by template said «Имя и фамилия»).
        Attachment._meta.get_field("name").verbose_name = pgettext_lazy("attachment", "File name")
        EmailTemplate._meta.get_field("name").verbose_name = pgettext_lazy(
            "email template", "Template name"
        )
        # A delivery by its time as the admin writes times, Almaty's in the reader's language:
        # post_office names it by the stored UTC value, «2026-12-04 00:07:47.153622+00:00».
        Log.__str__ = lambda log: localize(timezone.localtime(log.date))


class OTPStaticConfig(LabelledModels, otp_static_apps.DefaultConfig):
    verbose_name = _("Recovery codes")


class OTPTOTPConfig(LabelledModels, otp_totp_apps.DefaultConfig):
    verbose_name = _("Authenticator apps")


def name_django_rows():
    """Django names some rows in English, and the admin shows them. A permission is "app |
    model | Can add model", from the name Django stored in English: permission_label below. The
    tables Django makes for many-to-many fields (a group's permissions, a mail's attachments)
    are named from the two models' class names ("Group-permission relationship"), each row
    "Group_permissions object (1)": shown in what a deletion takes along and in an inline of
    such rows. Named here from the two models' translated names, a row by what it links."""
    from django.contrib.auth.models import Group, Permission

    from .roles import role_name

    for model in apps.get_models(include_auto_created=True):
        opts = model._meta
        if not opts.auto_created:
            continue
        ends = [f for f in opts.fields if f.is_relation]
        names = {"from": ends[0].related_model._meta.verbose_name,
                 "to": ends[1].related_model._meta.verbose_name}  # fmt: skip
        opts.verbose_name = format_lazy(_("link: {from} – {to}"), **names)
        opts.verbose_name_plural = format_lazy(_("links: {from} – {to}"), **names)
        model.__str__ = linked(ends[0].name, ends[1].name)
        for end in ends:  # its columns too («Attachment:» on a mail's page), by what they link
            end.verbose_name = end.related_model._meta.verbose_name
    Permission.__str__ = permission_label  # the group's and the user's forms list them so
    Group.__str__ = role_name


def name_yes_no_icons():
    """A yes/no column and a yes/no field read-only show Django's icon, its text alternative
    `str(value)`: a screen reader said «True», «False» or «None» on a Kazakh or Russian page.
    Django's list and read-only field look the icon up in `admin_list` at each call, where it is
    replaced by one whose text alternative is Django's own «Yes», «No», «Unknown», translated."""
    from django.contrib.admin.templatetags import admin_list
    from django.templatetags.static import static
    from django.utils.html import format_html

    said = {True: ("yes", _("Yes")), False: ("no", _("No")), None: ("unknown", _("Unknown"))}

    def _boolean_icon(field_val):
        icon, text = said[field_val]
        return format_html('<img src="{}" alt="{}">', static(f"admin/img/icon-{icon}.svg"), text)

    admin_list._boolean_icon = _boolean_icon


def translate_password_warning():
    """Django's form for another staff member's password joins its translated help to an
    English warning with «+» (AdminPasswordChangeForm.usable_password_help_text), which
    translates the help once, at import, in the language active then: every reader got it in
    Kazakh, and the warning in English. The same markup, each part translated when shown."""
    from django.contrib.auth.forms import AdminPasswordChangeForm, SetUnusablePasswordMixin

    AdminPasswordChangeForm.usable_password_help_text = format_lazy(
        '{}<ul id="id_unusable_warning" class="messagelist"><li class="warning">{}</li></ul>',
        SetUnusablePasswordMixin.usable_password_help_text,
        _("If disabled, the current password for this user will be lost."),
    )


def linked(first, second):
    # The dash of the link's name in both catalogues («связь: группа — право»), the no-break
    # space before it (docs/glossary.md, Dash and hyphen): an en dash, plain-spaced, read
    # «privacy_officer – Запросы | запрос | Просмотр» on a group's deletion page.
    def __str__(row):
        return f"{getattr(row, first)}\N{NO-BREAK SPACE}— {getattr(row, second)}"

    return __str__


ACTIONS = {"add": _("Can add %(model)s"), "change": _("Can change %(model)s"),
           "delete": _("Can delete %(model)s"), "view": _("Can view %(model)s")}  # fmt: skip


def permission_label(permission):
    """A permission as Django shows it ("app | model | name"), in the staff's language: Django
    stores the names of a model's default permissions in English ("Can add data subject"); a
    project's own permission has its name marked for translation in its model's Meta."""
    model = permission.content_type.model_class()
    if model is None:  # a model since removed: its stored name is all there is
        return f"{permission.content_type} | {permission.name}"
    action, _sep, name = permission.codename.partition("_")
    if action in ACTIONS and name == model._meta.model_name:
        what = ACTIONS[action] % {"model": model._meta.verbose_name}
    else:
        what = gettext(permission.name)
    return f"{model._meta.app_config.verbose_name} | {model._meta.verbose_name} | {what}"


def name_languages():
    """A language field's value in the reader's language: its choices name each language for
    itself, for choosing one (consent.common.i18n), and a Kazakh page read «Тіл: Русский», a
    Russian one «Язык: Қазақша», in the lists and on each row's page. Django's list and
    read-only field look the display up in their modules at each call, where it is wrapped; a
    list's filter by language is registered (Django's hook for a field's filter) to match."""
    from django.contrib.admin import ChoicesFieldListFilter, FieldListFilter, helpers
    from django.contrib.admin.templatetags import admin_list

    from consent.common.i18n import LANGUAGE_NAMES, language_name
    from consent.core.models import Language

    def is_language(field):
        return bool(getattr(field, "choices", None)) and list(field.flatchoices) == list(
            Language.choices
        )

    djangos = admin_list.display_for_field

    def display_for_field(value, field, empty_value_display, avoid_link=False):
        if is_language(field) and value in LANGUAGE_NAMES:
            return language_name(value)
        return djangos(value, field, empty_value_display, avoid_link)

    class LanguageFilter(ChoicesFieldListFilter):
        def choices(self, changelist):
            own = {str(name): code for code, name in Language.choices}
            for choice in super().choices(changelist):
                if str(choice["display"]) in own:
                    choice = {**choice, "display": language_name(own[str(choice["display"])])}
                yield choice

    admin_list.display_for_field = helpers.display_for_field = display_for_field
    FieldListFilter.register(is_language, LanguageFilter, take_priority=True)


def name_no_choice_value():
    """A choice a form did not offer is refused without echoing what was posted. Django's
    «Select a valid choice. access is not one of the available choices.» showed an officer the
    raw code of a request type (a purpose, a language), which every page names by its kk or ru
    label, or whatever a hand-crafted post put there; a model field's «Value 'access' is not a
    valid choice.» the same. Every choice field, the admin's own and the project's, says
    instead the value-free sentence Django's ModelChoiceField says (translated in the
    project's catalogues). A field that says more (the public forms' NOT_OFFERED) keeps its own."""
    from django import forms
    from django.apps import apps
    from django.db import models

    message = forms.ModelChoiceField.default_error_messages["invalid_choice"]
    for field in (forms.ChoiceField, forms.MultipleChoiceField, forms.ModelMultipleChoiceField,
                  models.Field):  # fmt: skip
        field.default_error_messages = {**field.default_error_messages, "invalid_choice": message}
    forms.ModelMultipleChoiceField.default_error_messages["invalid_pk_value"] = message
    for model in apps.get_models():  # their fields were made as the models were imported
        for field in model._meta.get_fields():
            if getattr(field, "choices", None):
                field.error_messages["invalid_choice"] = message


def short_dates_in_lists():
    """A date or a time in an admin list is written short, «06.12.2026 21:22», as the desk's own
    columns write theirs (common.dates.reader_time: a request's due date, a breach's dates): a
    list read «6 декабря 2026 г., 21:22» in Django's columns beside «03.12.2026» in the desk's,
    two forms on one screen, and a Kazakh «2026 жылғы 6 желтоқсан,», whose words are held
    together, was wider than a phone's first column and broke mid-word. A row's own page
    writes them long, as documents do."""
    from django.contrib.admin.templatetags import admin_list
    from django.db import models

    from consent.common.dates import reader_time

    shown = admin_list.display_for_field

    def display_for_field(value, field, empty_value_display, avoid_link=False):
        if isinstance(field, models.DateField) and value is not None and not field.choices:
            return reader_time(value)  # a DateTimeField is a DateField too
        return shown(value, field, empty_value_display, avoid_link)

    admin_list.display_for_field = display_for_field
