"""Staff roles as groups, least privilege (Art. 25; compliance L22). They are kept in step with
this table after every migrate; the permission tests hold every personal-data page to them."""

from django.utils.translation import gettext_lazy as _

ROLES = {
    "privacy_officer": {
        "name": _("privacy officer"),
        "perms": [
            "consent.view_subject",
            "consent.view_submission", "consent.view_guardian",
            # An inquiry dealt with ends the service purpose for it (compliance L5).
            "consent.answer_submission",
            "rights.view_ticket", "rights.change_ticket",
            # Emails the intake set aside: read (download audited) and open a request from one.
            "rights.view_quarantinedmessage", "rights.change_quarantinedmessage",
            # The phrases that type an emailed request: extended as people write (no delete).
            "rights.view_intakephrase", "rights.add_intakephrase", "rights.change_intakephrase",
            "consent.view_ledgerentry", "consent.view_auditevent", "consent.view_tombstone",
            "consent.view_consenttext", "consent.view_policyversion",
            # The list of data and the register of processing (issue 20): made and published.
            "consent.view_operatordocument", "consent.add_operatordocument",
            "consent.change_operatordocument",
            "workdays.view_calendaroverride", "workdays.add_calendaroverride",
            "workdays.change_calendaroverride", "workdays.delete_calendaroverride",
            "rights.view_correction",
            "rights.view_breach", "rights.add_breach", "rights.change_breach",
            # The banner's answers and the wordings they were given to (compliance L19).
            "cookies.view_cookiechoice", "cookies.view_bannerwording",
        ],
    },
    "content_editor": {
        "name": _("content editor"),
        "perms": [
            "emalu.view_page", "emalu.add_page", "emalu.change_page",
            "emalu.view_service", "emalu.add_service", "emalu.change_service",
            "emalu.view_company", "emalu.add_company", "emalu.change_company",
            "consent.view_policyversion", "consent.add_policyversion",
            "consent.change_policyversion",
            "consent.view_consenttext", "consent.add_consenttext", "consent.change_consenttext",
            # A mistaken draft, never a published version or text: the admin refuses that row
            # by row (admin/published.py), and the database refuses it whoever asks (core.sql).
            "consent.delete_policyversion", "consent.delete_consenttext",
        ],
    },
    # Campaigns and their counts; never the recipients' addresses.
    "marketer": {
        "name": _("marketer"),
        "perms": ["marketing.view_campaign", "marketing.add_campaign", "marketing.change_campaign"],
    },
}  # fmt: skip


def role_name(group) -> str:
    """A role's group as staff read it, «маркетолог»: the admin named it by its code,
    «privacy_officer», in the groups' list, on a staff account's page and wherever a group is
    shown. A group that is no role keeps the name typed for it."""
    role = ROLES.get(group.name)
    return str(role["name"]) if role else group.name


def sync_roles(using="default", **kwargs):
    """Give each role exactly its permissions; runs after every migrate (post_migrate)."""
    from django.apps import apps
    from django.contrib.auth.management import create_permissions
    from django.contrib.auth.models import Group, Permission

    for app_config in apps.get_app_configs():
        create_permissions(app_config, verbosity=0, using=using)
    for code, role in ROLES.items():
        group, _created = Group.objects.using(using).get_or_create(name=code)
        wanted = [label.split(".") for label in role["perms"]]
        perms = [
            Permission.objects.using(using).get(content_type__app_label=app, codename=codename)
            for app, codename in wanted
        ]
        group.permissions.set(perms)
