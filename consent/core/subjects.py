"""Finding people: by the email address they gave, the one the site would write to.

A phone number is held as data, never as identity: anyone can type anyone's number, and a
family shares one, so a number alone never links two submissions, fills another person's
record or reaches their ledger."""

import phonenumbers
from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _

from .models import Subject


def normalise_email(email: str | None) -> str | None:
    email = (email or "").strip()
    if not email:
        return None
    local, _, domain = email.rpartition("@")
    return f"{local}@{domain.lower()}" if local else email.lower()


def normalise_phone(phone: str | None) -> str | None:
    """A Kazakhstan number in any usual form, as E.164; anything else is refused.

    phonenumbers accepts Russian +7 9xx numbers as valid for KZ (the two share +7), so the check
    asks for Kazakhstan's own region code as well.
    """
    phone = (phone or "").strip()
    if not phone:
        return None
    try:
        number = phonenumbers.parse(phone, "KZ")
    except phonenumbers.NumberParseException:
        number = None
    if (
        number is None
        or not phonenumbers.is_valid_number(number)
        or phonenumbers.region_code_for_number(number) != "KZ"
    ):
        raise ValidationError(
            _("Enter a Kazakhstan phone number, for example +7 701 123 45 67."), code="phone"
        )
    return phonenumbers.format_number(number, phonenumbers.PhoneNumberFormat.E164)


def subject_find(*, email: str | None = None) -> Subject | None:
    """The subject holding this email address (normalised; the domain's case ignored), or None."""
    email = normalise_email(email)
    if not email:
        return None
    return Subject.objects.filter(email__iexact=email).order_by("id").first()
