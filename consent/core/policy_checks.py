"""What a policy version must be to be published (texts.policy_publish asks): in its place
among the versions, dated no earlier than its publication, a template that fills in, and no
placeholder left unfilled in what the site shows."""

from django.core.exceptions import ValidationError
from django.utils import formats
from django.utils.text import capfirst
from django.utils.translation import gettext as _

from consent.common.dates import local_today
from consent.common.directions import validate_lines_direction_closed
from consent.common.i18n import localised
from consent.common.text import written

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
    problems, unset = [], []
    for language in ("kk", "ru"):
        template = localised(policy, "template", language)
        unknown = policydoc.unknown_placeholders(template)
        if unknown:
            problems.append(_("unknown placeholders: %(names)s") % {"names": ", ".join(unknown)})
        empty = policydoc.empty_facts(template, language)
        unset += [policydoc.fact_named(name, language) for name in empty]
    if unset:  # in the editor's words, and who can set them: no admin page does
        problems.append(
            _("operator details not set: %(names)s; the site's administrator sets them in the "
              "server's settings, not in the admin")
            % {"names": ", ".join(dict.fromkeys(unset))}
        )  # fmt: skip
    if problems:
        raise ValidationError(
            _("This policy version cannot be published: %(problems)s.")
            % {"problems": "; ".join(dict.fromkeys(problems))}
        )


def check_languages(policy):
    """Compliance L24: the /kk/ and /ru/ pages each show their own title and text (only spaces
    or invisible characters is none: `written`), and what changed since the previous version in
    both or in neither: written in one, the other language's page said nothing had changed."""
    if not all(written(v) for v in [policy.title_kk, policy.title_ru, policy.text_kk,
                                    policy.text_ru]):  # fmt: skip
        raise ValidationError(_("A policy version needs its title and text in both languages."))
    if written(policy.changes_kk) != written(policy.changes_ru):
        raise ValidationError(
            _("What changed since the previous version is written in one language only: write "
              "it in both, or leave both empty.")
        )  # fmt: skip


# What the site shows of a version, in each language: a brace left in any of them is published.
SHOWN = ("title", "text", "changes")


def check_filled(policy):
    """No placeholder is left in the filled-in version (policydoc.stray_braces): one written
    wrongly in a template, or typed into a version without one, was published as it stood and
    frozen with its hash, «{{ bin }» on the public page for good. Nor a direction mark left
    open (check_directions)."""
    stray = policydoc.stray_braces(
        *(localised(policy, name, language) for language in ("kk", "ru") for name in SHOWN)
    )
    if stray:
        raise ValidationError(
            _("This policy version cannot be published: a placeholder is written wrongly or is "
              "not filled in here: %(fragments)s. A placeholder is written {{ name }}, in the "
              "template fields only.")
            % {"fragments": ", ".join(f"«{f}»" for f in stray)}
        )  # fmt: skip
    check_directions(policy)


def check_directions(row, names=SHOWN):
    """No line of what the site shows of `row` (a policy version; a consent text's `other`)
    leaves a direction mark open: its admin form refuses one (the fields' validators), and a
    draft saved before it did is refused here, at publication, naming the field."""
    for name in names:
        for language in ("kk", "ru"):
            try:
                validate_lines_direction_closed(localised(row, name, language))
            except ValidationError as error:
                field = capfirst(row._meta.get_field(f"{name}_{language}").verbose_name)
                raise ValidationError(f"{field}: {error.messages[0]}") from error


def check_cited(text):
    """A consent text cites the latest published version: one on an earlier version, numbered
    after the texts of the latest, replaced them on the forms and in the ledger once the latest
    took effect, citing the version it had replaced and undoing its «consent again»."""
    latest = last_published()
    if latest is not None and text.policy_id != latest.pk:
        raise ValidationError(
            _(
                "A consent text is published on the latest privacy policy version, %(latest)s; "
                "this one cites version %(cited)s. Choose version %(latest)s."
            )
            % {"latest": latest.number, "cited": text.policy.number}
        )
