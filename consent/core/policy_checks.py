"""What a policy version must be to be published (texts.policy_publish asks): in its place
among the versions, dated no earlier than its publication, and a template that fills in."""

from django.core.exceptions import ValidationError
from django.utils import formats
from django.utils.translation import gettext as _

from consent.common.dates import local_today
from consent.common.i18n import localised

from . import policydoc
from .models import PolicyVersion


def check_place(policy):
    """A version takes effect no earlier than its publication, the Almaty date (a date already
    past would say it applied to consents given under the one before), and no earlier than the
    version published before it (current_policy takes the highest number in effect: one out of
    order would hide another)."""
    day, today = policy.effective_date, local_today()
    if day < today:
        raise ValidationError(
            _("The effective date %(date)s has already passed (today in Almaty is %(today)s): a "
              "version takes effect from its publication at the earliest.")
            % {"date": formats.date_format(day), "today": formats.date_format(today)}
        )  # fmt: skip
    last = last_published()
    if last is not None and day < last.effective_date:
        raise ValidationError(
            _("Version %(last)s takes effect on %(date)s: this version cannot take effect "
              "before it.")
            % {"last": last.number, "date": formats.date_format(last.effective_date)}
        )  # fmt: skip


def last_published():
    return PolicyVersion.objects.filter(published_at__isnull=False).order_by("-number").first()


def check_template(policy):
    problems = []
    for language in ("kk", "ru"):
        template = localised(policy, "template", language)
        unknown = policydoc.unknown_placeholders(template)
        if unknown:
            problems.append(_("unknown placeholders: %(names)s") % {"names": ", ".join(unknown)})
        empty = policydoc.empty_facts(template, language)
        if empty:
            problems.append(_("operator details not set: %(names)s") % {"names": ", ".join(empty)})
    if problems:
        raise ValidationError(
            _("This policy version cannot be published: %(problems)s.")
            % {"problems": "; ".join(dict.fromkeys(problems))}
        )
