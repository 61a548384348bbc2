"""The fields every public form is made of: text a visitor types (cleaned one way), an email
address (one rule), a phone or an email address, a consent box (ticked only by its own value)."""

import re
import unicodedata
from datetime import date

from django import forms
from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _

from consent.common.dates import local_today
from consent.common.text import (
    clean_form_text,
    clean_name,
    cleaning_bound,
    marks_stacked,
    validate_name,
)
from consent.core.phones import normalise_phone
from consent.core.subjects import EMAIL_MAX_LENGTH, clean_email

from .address_typos import AddressInput, suggested
from .lengths import LengthCheckedHere, TooLong
from .photo_formats import EMPTY, MAX_BYTES, TOO_BIG

UNREADABLE = _("Some characters here could not be read. Please type the text again.")
STACKED = _(
    "A letter here carries more accent marks than any language writes. Please type the text "
    "again without them."
)


class VisitorText(LengthCheckedHere, forms.CharField):
    """Every text field a visitor fills in: cleaned before any check (clean_form_text: NFC, no
    control or invisible characters, whitespace collapsed on a single line), so the length and
    the required check apply to what is stored (compliance T18, T20).

    A phone number (autocomplete "tel") is an input of type tel: a phone shows its number pad
    for it, not the letters. A name (`name=True` a person's, `name="place"` a place's) is cleaned
    as names are stored (clean_name: compatibility letters as plain ones) and refused as
    validate_name refuses one (a place's may hold a number)."""

    def __init__(self, *, multiline=False, autocomplete="", rows=4, name=False, **kwargs):
        self.multiline = multiline
        self.name = name
        if "widget" not in kwargs:
            attrs = {"autocomplete": autocomplete} if autocomplete else {}
            if multiline:
                kwargs["widget"] = forms.Textarea(attrs={"rows": rows, **attrs})
            else:
                kwargs["widget"] = forms.TextInput(attrs=attrs)
                if autocomplete == "tel":
                    kwargs["widget"].input_type = "tel"
        super().__init__(**kwargs)

    def to_python(self, value):
        value = super().to_python(value)
        # Far longer than the field keeps: refused unread, with the message of a text too long
        # (counted as sent), not cleaned first at a second a few megabytes (cleaning_bound).
        if self.max_length is not None and len(value) > cleaning_bound(self.max_length):
            TooLong(self.max_length)(value)
        # U+FFFD is what Django puts for bytes that are not UTF-8 (a percent-escape or a
        # multipart field no browser would send): storing it would keep a garbled value as if
        # the person had written it.
        if "\ufffd" in value:
            raise ValidationError(UNREADABLE, code="unreadable")
        if value:
            value = (
                clean_name(value) if self.name else clean_form_text(value, multiline=self.multiline)
            )
        if marks_stacked(value):  # «Zalgo»: refused, not stored and shown over the desk's lines
            raise ValidationError(STACKED, code="stacked")
        if self.name:
            validate_name(value, place=self.name == "place")
        return value


def text(label, max_length, *, required=True, autocomplete="", help_text="", name=False):
    return VisitorText(
        label=label,
        max_length=max_length,
        required=required,
        help_text=help_text,
        autocomplete=autocomplete,
        name=name,
    )


def long_text(label, *, required=False, rows=4, help_text=""):
    return VisitorText(
        label=label, max_length=5000, required=required, multiline=True, rows=rows,
        help_text=help_text,
    )  # fmt: skip


class EmailAddress(LengthCheckedHere, forms.CharField):
    """An email address a person typed: checked and normalised by consent.core.subjects
    (clean_email), the one rule for every address a visitor gives; a common host mistyped is
    suggested (address_typos)."""

    widget = AddressInput(attrs={"autocomplete": "email"})

    def __init__(self, **kwargs):
        kwargs.setdefault("max_length", EMAIL_MAX_LENGTH + 10)  # room for spaces round it
        super().__init__(**kwargs)

    def clean(self, value):
        # clean_email's checks (length and NUL included) stand for the field's own validators,
        # so that every refused address gets the one message that says what to type.
        value = self.to_python(value)
        self.validate(value)
        return suggested(self.widget, clean_email(value)) if value else value


class PhoneOrEmail(VisitorText):
    """Where someone can be reached (a parent, for the consent they gave): an email address by
    the one rule for addresses (its own message), otherwise a Kazakhstan phone number, kept as
    E.164 as the form's own phone is. «мама» or «parent» reaches no one and is refused."""

    def clean(self, value):
        value = super().clean(value)
        if not value or "@" in value:
            return suggested(self.widget, self._address(value)) if value else value
        try:
            return normalise_phone(value)
        except ValidationError as error:
            if error.code != "phone":
                raise  # what to fix («digits, not letters», «one number») says more
            raise ValidationError(
                _("Enter a Kazakhstan phone number, for example +7 701 123 45 67, or an email "
                  "address, for example name@example.kz."),
                code="phone_or_email",
            ) from None  # fmt: skip

    @staticmethod
    def _address(value):
        """The address, by the one rule for addresses; with a number beside it («8 777 123 45 67
        nursultan@mail.kz», a parent giving both) the address's own message, to leave out
        spaces and commas, said nothing of the number: the field takes one of the two."""
        try:
            return clean_email(value)
        except ValidationError:
            parts = re.split(r"[\s,;]+", value)
            address = [p for p in parts if "@" in p]
            rest = "".join(p for p in parts if "@" not in p)
            if len(address) == 1 and sum(ch.isdecimal() for ch in rest) >= 5:
                raise ValidationError(
                    _("Give one of the two: a phone number or an email address."), code="both"
                ) from None
            raise


# A date as people write it by hand: day first, with dots, slashes, dashes, spaces or commas
# (17.05.1990, 17/05/1990, 17-05-1990, 17 05 1990, 17,05,1990: the comma is the one separator a
# phone's decimal keypad offers in a Russian or Kazakh locale), perhaps with «г.», «ж.», «жылғы»
# (as the site writes a year) or a full stop after the year; or the ISO form (1990-05-17), what
# a date picker or a browser's autofill sends.
_DAY_FIRST = re.compile(r"(\d{1,2})[./ ,-](\d{1,2})[./ ,-](\d{4}|\d{2})")
_ISO = re.compile(r"(\d{4})-(\d{1,2})-(\d{1,2})")
# Or the digits alone, day first (17051990, 170590): a phone's keypad of digits makes a
# separator a second key or a second layout, and forms that ask for a date as DDMMYYYY taught
# people to leave it out. Never read as a year first (19900517: month 90).
_DIGITS_ONLY = re.compile(r"(\d{2})(\d{2})(\d{4}|\d{2})")
_YEAR_WORD = re.compile(r"\s*(?:г|ж|года|жылы|жылғы)\.?\Z", re.IGNORECASE)
# Or the month in words, as a date is written in a letter: «17 мая 1990 г.», «17 мамыр 1990»,
# and Kazakh's own order, the year first, «1990 жылғы 17 мамыр». A month is its name with any
# ending («мая», «мамырда»), with or without Kazakh letters («кантар» typed on a Russian
# keyboard), or its abbreviation as written («сент.», «Sep»); the year is the number of four
# digits (or the last one), the day the other. Any other word leaves the date unread.
_MONTH_NAMES = (
    ("январ", "қаңтар", "каңтар", "кантар", "january"),
    ("феврал", "ақпан", "акпан", "february"),
    ("март", "наурыз", "march"),
    ("апрел", "сәуір", "сауир", "сәуир", "сауір", "april"),
    ("мая", "май", "мамыр", "may"),
    ("июн", "маусым", "june"),
    ("июл", "шілде", "шилде", "july"),
    ("август", "тамыз", "august"),
    ("сентябр", "қыркүйек", "кыркуйек", "september"),
    ("октябр", "қазан", "казан", "october"),
    ("ноябр", "қараша", "караша", "november"),
    ("декабр", "желтоқсан", "желтоксан", "december"),
)
_MONTH_ABBREVIATIONS = (
    ("янв", "jan"), ("фев", "февр", "feb"), ("мар", "mar"), ("апр", "apr"), (), (),
    (), ("авг", "aug"), ("сен", "сент", "sep", "sept"), ("окт", "oct"), ("ноя", "нояб", "nov"),
    ("дек", "dec"),
)  # fmt: skip
_YEAR_WORDS = {"г", "ж", "год", "года", "году", "жыл", "жылы", "жылғы", "жылгы"}
_WORD_OR_NUMBER = re.compile(r"[^\W\d_]+|\d+")


def _month(word: str) -> int | None:
    """The month (1-12) a casefolded word names, or None."""
    pairs = zip(_MONTH_NAMES, _MONTH_ABBREVIATIONS, strict=True)
    for number, (names, short) in enumerate(pairs, start=1):
        if word in short or word.startswith(names):
            return number
    return None


def _month_named(typed: str) -> tuple[str, str, str] | None:
    """(day, month, year) of a date written with its month in words, or None."""
    months, numbers = [], []
    for piece in _WORD_OR_NUMBER.findall(typed.casefold()):
        if piece.isdigit():
            numbers.append(piece)
        elif piece not in _YEAR_WORDS:
            month = _month(piece)
            if month is None:
                return None
            months.append(month)
    if len(months) != 1 or len(numbers) != 2 or max(map(len, numbers)) > 4:
        return None
    first, second = numbers
    day, year = (second, first) if len(first) == 4 else (first, second)
    return (day, str(months[0]), year) if len(day) <= 2 else None


class BirthDate(forms.DateField):
    """A date of birth typed by hand (_DAY_FIRST, _DIGITS_ONLY) or filled in ISO form by a
    browser. Django's formats took only dots and the ISO form, and a two-digit year as Python
    reads it (00–68 as 20xx): «17.05.65» was «in the future». Here a two-digit year is the
    latest one not after today in Almaty; full-width digits are digits; and a date that does
    not exist (31.04.1990) is said to be so, not a date «written wrongly» that was written as
    asked."""

    # A text box, not the browser's date input: that one hands the server an empty value for a
    # date it cannot read or that does not exist (31.02.1990), so the person was told «this
    # field is required» under the date they had typed, and the page shown again cleared it
    # (a browser drops a value not in ISO form); on a computer it also asks in its own order
    # (mm/dd/yyyy in English) under a hint that says day.month.year. Here what is typed reaches
    # the server, is answered in words, and is shown again as typed. «decimal»: a phone's
    # keypad of digits with a separator (a comma or a dot), not the letters.
    # A date it is given back (not typed) reads as the hint writes one.
    widget = forms.DateInput(
        attrs={"autocomplete": "bday", "inputmode": "decimal"}, format="%d.%m.%Y"
    )
    default_error_messages = {
        "invalid": _("Enter the date as day.month.year, for example 21.03.2001."),
        "no_such_date": _("There is no such date: check the day and the month."),
    }

    # Room for a date as anyone writes it («17 . 05 . 1990 жылы» is twenty characters). Beyond
    # cleaning_bound of it the value is refused unread: NFKC writes some characters as many
    # («\ufdfa» as eighteen letters), and a post of 7 MB of them took seconds of a worker and
    # hundreds of megabytes, past its memory ceiling (a 500).
    TYPED_MAX_LENGTH = 40

    def to_python(self, value):
        if value in self.empty_values:
            return None
        if isinstance(value, date):
            return value
        if len(str(value)) > cleaning_bound(self.TYPED_MAX_LENGTH):
            raise ValidationError(self.error_messages["invalid"], code="invalid")
        typed = " ".join(unicodedata.normalize("NFKC", str(value)).split())
        typed = re.sub(r"\s*([./-])\s*", r"\1", _YEAR_WORD.sub("", typed)).rstrip(".")
        if match := _ISO.fullmatch(typed):
            year, month, day = match.groups()
        elif match := _DAY_FIRST.fullmatch(typed) or _DIGITS_ONLY.fullmatch(typed):
            day, month, year = match.groups()
        elif named := _month_named(typed):
            day, month, year = named
        else:
            raise ValidationError(self.error_messages["invalid"], code="invalid")
        years = [int(year)] if len(year) == 4 else [2000 + int(year), 1900 + int(year)]
        for candidate in years:
            try:
                born = date(candidate, int(month), int(day))
            except ValueError:
                continue
            if len(years) == 1 or born <= local_today():
                return born
        # Digits alone with no day and month where a day and a month go were not written day
        # first (19900517: month 90): told how to write a date, not to check a day and a month
        # never typed as such. 31041990 is a day and a month, of a date that does not exist.
        digits = bool(match) and match.re is _DIGITS_ONLY
        unread = digits and not (1 <= int(day) <= 31 and 1 <= int(month) <= 12)
        code = "invalid" if unread else "no_such_date"
        raise ValidationError(self.error_messages[code], code=code)


class ConsentCheckbox(forms.CheckboxInput):
    """A box that says it is ticked only with its own value, rendered in the markup."""

    VALUE = "on"  # what a browser sends for a ticked box

    def get_context(self, name, value, attrs):
        context = super().get_context(name, value, attrs)
        context["widget"]["value"] = self.VALUE
        return context

    def value_from_datadict(self, data, files, name):
        values = data.getlist(name) if hasattr(data, "getlist") else [data.get(name)]
        return values == [self.VALUE]


class ConsentBox(forms.BooleanField):
    """A consent box (compliance L1, L2, L6): given only when posted with exactly the value the
    page renders. Django's BooleanField takes "no", "off" or "yes" for a tick; here anything but
    the box's own value is consent not given."""

    widget = ConsentCheckbox
    # A box is ticked, not filled in.
    default_error_messages = {
        "required": _("Tick the box to give this consent: without it the form cannot be sent.")
    }

    def to_python(self, value):
        return value is True


def photo_field():
    """The application's optional photo."""
    return forms.FileField(
        label=_("Photo"),
        required=False,
        error_messages={"empty": EMPTY},
        help_text=_("JPEG, PNG or WebP, up to 5 MB. Do not upload identity documents."),
        # The page's words for the box's button and «no file» (static/js/file-field.js): the
        # browser's own are in its language, not the page's. The limit and its message let the
        # script refuse a photo over it as it is chosen, before a slow network spends minutes
        # sending what the site refuses (or the proxy cuts off with the form lost).
        widget=forms.ClearableFileInput(
            attrs={
                "accept": "image/jpeg,image/png,image/webp",
                "data-empty": EMPTY,
                "data-choose": _("Choose a photo"),
                "data-none": _("No photo chosen"),
                "data-max-bytes": MAX_BYTES,
                "data-too-big": TOO_BIG,
                "data-error": _("Error:"),
            }
        ),
    )
