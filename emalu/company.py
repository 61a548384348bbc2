"""What the site's pages say about the operator, read from its two homes: the legal identity in
settings.OPERATOR (name, BIN, legal address, email, responsible person), as every document reads
it (consent.core.declarations.operator), and the rest in the `Company` row staff edit (what it
does, office address, phones, opening hours)."""

import json

from django.utils.safestring import mark_safe
from django.utils.translation import get_language

from consent.core.declarations import operator

# What json.dumps leaves that could end the <script> element or open a comment in it.
_SCRIPT_ESCAPES = {ord("<"): "\\u003C", ord(">"): "\\u003E", ord("&"): "\\u0026"}


def organization_json_ld(company):
    """schema.org `Organization` for search engines, in the active language, as the text of a
    `<script type="application/ld+json">` element (data: the CSP does not run it)."""
    legal = operator(get_language())
    data = {
        "@context": "https://schema.org",
        "@type": "Organization",
        "name": legal["operator_name"],
        "legalName": legal["operator_name"],
        "url": legal["site"],
        "email": legal["email"],
    }
    if legal["bin"]:
        data["taxID"] = legal["bin"]
    if company.summary:
        data["description"] = company.summary
    if company.address or legal["address"]:
        data["address"] = {
            "@type": "PostalAddress",
            "streetAddress": company.address or legal["address"],
            "addressCountry": "KZ",
        }
    phones = [e164 for e164, _shown in company.phone_numbers]
    if phones:
        data["telephone"] = phones[0] if len(phones) == 1 else phones
    text = json.dumps(data, ensure_ascii=False, indent=1).translate(_SCRIPT_ESCAPES)
    # Every character that could close the element (<, > and &) is escaped just above, as
    # Django's json_script does; json_script itself cannot say type="application/ld+json".
    return mark_safe(text)  # noqa: S308  # nosec B308 B703  # nosemgrep: emalu-mark-safe-non-literal
