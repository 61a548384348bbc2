"""The admin index's warning of a published text whose words no longer give the SHA-256 published
with them (digests.altered: changed in the database by someone who bypassed the triggers), for
the staff who read or publish texts; the database check consent.W004 tells the operator."""

from django import template
from django.urls import reverse
from django.utils.translation import gettext as _

from consent.common.i18n import language_name
from consent.core.digests import altered
from consent.core.models import PolicyVersion

register = template.Library()


def _named(obj) -> str:
    """A text as the admin names it; a policy version by its number (its own name is that
    number alone)."""
    if isinstance(obj, PolicyVersion):
        return _("Privacy policy, version %(number)s") % {"number": obj.number}
    return str(obj)


@register.inclusion_tag("admin/consent/texts_altered.html", takes_context=True)
def texts_altered_summary(context):
    """Each text at fault, named as the admin lists it, with the language of its words, linked
    to its page."""
    if not context["request"].user.has_perm("consent.view_consenttext"):
        return {"show": False}
    rows = [
        {"what": _named(obj), "language": language_name(lang) if lang else "",
         "url": reverse(f"admin:{obj._meta.app_label}_{obj._meta.model_name}_change",
                        args=[obj.pk])}
        for obj, lang in altered()
    ]  # fmt: skip
    return {"show": bool(rows), "rows": rows}
