"""Compliance L4 for the cookie banner: each wording kept still gives the SHA-256 it is kept under
(wording.wording_answered). The table is append-only, but someone with the database owner's
rights can bypass its triggers; the answers that name a changed wording would then name words no
visitor read. A database check, as core.checks.check_published_digests."""

from django.core.checks import Warning as CheckWarning

from consent.common.checks import database_check
from consent.core.texts import sha256

from .models import BannerWording


def wordings_altered() -> list[BannerWording]:
    """The kept banner wordings whose text does not give their digest."""
    return [w for w in BannerWording.objects.order_by("pk") if sha256(w.text) != w.digest]


@database_check(named=True)
def check_banner_wordings(app_configs, **kwargs):
    return [
        CheckWarning(
            f"The words kept of cookie banner wording {wording.pk} ({wording.language}) do not "
            "give the SHA-256 kept with them: they were changed in the database.",
            hint="Restore the wording from a backup; the answers naming it name words no "
            "visitor read.",
            id="consent.W005",
        )
        for wording in wordings_altered()
    ]
