"""The admin index's warning of a public form whose consent text does not name the data that
form collects (form_texts.texts_unnamed), for the staff who read or publish consent texts."""

from django import template
from django.urls import reverse

from consent.core.form_texts import texts_unnamed
from consent.core.purposes import DATA_FIELDS, PURPOSES

register = template.Library()


def _listed(codes):
    return ", ".join(str(DATA_FIELDS[code]) for code in codes)


@register.inclusion_tag("admin/consent/texts_unnamed.html", takes_context=True)
def texts_unnamed_summary(context):
    """Each form and consent text at fault, with what the text names and what the form
    collects, linked to the purpose's consent texts, where a new version is published."""
    if not context["request"].user.has_perm("consent.view_consenttext"):
        return {"show": False}
    listing = reverse("admin:consent_consenttext_changelist")
    rows = [
        {"form": found.form.name, "purpose": PURPOSES[found.purpose].name,
         "version": found.text.version, "named": _listed(found.named),
         "wanted": _listed(found.wanted), "url": f"{listing}?purpose__exact={found.purpose}"}
        for found in texts_unnamed()
    ]  # fmt: skip
    return {"show": bool(rows), "rows": rows}
