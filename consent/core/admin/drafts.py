"""A draft (a policy version, a consent text) edited by two staff members at once.

Every change form refuses to save over a colleague's changes (seen.py). A draft's also refuses
a save once another editor has published it: the editor who saved after that got a bare
«access denied», their changes gone unexplained; so did one who deleted it."""

from django.utils import formats, timezone
from django.utils.translation import gettext as _

from consent.common.seen import SeenForm, fingerprints


def _when(row) -> str:
    return formats.date_format(timezone.localtime(row.published_at), "DATETIME_FORMAT")


def published_meanwhile(row) -> str:
    """What an editor is told who saves a draft published since they opened it."""
    return _(
        "It was published on %(when)s, while you were editing it: what is published is not "
        "changed, and your changes were not saved. Make them in a new draft."
    ) % {"when": _when(row)}


def deleted_published(row) -> str:
    """What an editor is told who deletes a draft published since they opened it."""
    return _(
        "It was published on %(when)s, after you opened it: a published text is kept as it "
        "was, so it was not deleted."
    ) % {"when": _when(row)}


def published_kept(row) -> str:
    """What a staff member reads on a published text's page: why nothing on it can be changed,
    and how a mistake in it is corrected. It showed the words without a field to type in and
    said nothing, so an editor come to fix a typo took it for a missing permission."""
    return _(
        "Published on %(when)s: consents are given to these words, so a published text is kept "
        "as it was and is not changed here. To correct it, write a new draft; once published, "
        "it takes this one's place under the next number."
    ) % {"when": _when(row)}


class DraftForm(SeenForm):
    """The admin form of a published model's draft, refusing to save over another's changes
    and over its publication."""

    def _fingerprints(self, row):
        return fingerprints(row, [*self._edited(), "published_at"])

    def _refusal(self, now, changed):
        if now.published_at is not None:
            return published_meanwhile(now)
        return super()._refusal(now, changed)
