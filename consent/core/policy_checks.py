"""What a policy version must be to be published (texts.policy_publish asks): in its place
among the versions, dated no earlier than its publication, and a template that fills in; and
the number it is published under, given by the system."""

from django.core.exceptions import ValidationError
from django.utils import formats
from django.utils.translation import gettext as _

from consent.common.dates import local_today
from consent.common.i18n import localised
from consent.common.locks import transaction_lock

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


NUMBERING = "policy-version-number"


def last_published():
    return PolicyVersion.objects.filter(published_at__isnull=False).order_by("-number").first()


def next_draft_number() -> int:
    """The number a new draft is shown under: after every version, published or draft. Call
    inside the transaction that saves it: two editors adding a draft at once number one after
    the other."""
    transaction_lock(NUMBERING)
    highest = PolicyVersion.objects.order_by("-number").values_list("number", flat=True).first()
    return (highest or 0) + 1


def number_in_order(policy):
    """Give `policy`, about to be published, the number after the last published version's:
    versions are numbered by the system, in the order they are published, with no gap and no
    number used twice. A draft's number is provisional: a draft deleted, or two drafts published
    in the other order, left gaps (1, 2, 4) that read as a version withdrawn. A draft holding
    that number takes this one's. Published numbers never change (they are frozen, and the
    ledger, the cookie choices and the intake's phrases name them); in a database upgraded with
    a gap already published, numbering goes on after the highest. Call inside the publishing
    transaction: the lock keeps two publications apart until it ends."""
    transaction_lock(NUMBERING)
    last = last_published()
    number = (last.number if last is not None else 0) + 1
    if policy.number == number:
        return
    holder = PolicyVersion.objects.filter(number=number).exclude(pk=policy.pk).first()
    old = policy.number
    if holder is not None:  # a draft: the unique number moves through a free one
        PolicyVersion.objects.filter(pk=holder.pk).update(number=next_draft_number())
    PolicyVersion.objects.filter(pk=policy.pk).update(number=number)
    if holder is not None:
        PolicyVersion.objects.filter(pk=holder.pk).update(number=old)
    policy.number = number


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
