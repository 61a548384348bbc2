"""Who works requests, and so whose requests count as theirs rather than as no one's."""

from django.contrib.auth import get_user_model
from django.db import models
from django.db.models import Exists, OuterRef, Q

# The privacy officers' group: with the superusers, the staff who work requests.
OFFICERS_GROUP = "privacy_officer"


def works_requests(prefix: str = "") -> Q:
    """Users who can work requests now (`prefix`: the path to them, "assignee__"): active, and
    privacy officers or superusers. The one rule of who may take one (alerts.desk_staff) and of
    whose requests count as theirs rather than unassigned (AssignedQuerySet)."""
    return Q(**{f"{prefix}is_active": True}) & (
        Q(**{f"{prefix}groups__name": OFFICERS_GROUP}) | Q(**{f"{prefix}is_superuser": True})
    )


def _workers():
    return get_user_model().objects.filter(works_requests()).values("pk")


class AssignedQuerySet(models.QuerySet):
    def held_by(self, user):
        """Requests `user` is in charge of, while they can work them (works_requests)."""
        return self.filter(assignee=user, assignee__in=_workers())

    def unassigned(self):
        """Requests no one who can work them is in charge of: none taken, or held by an officer
        since deactivated or taken out of the officers' group. The desk's filter «unassigned»,
        its index and the digest read them alike, so that none stays with someone who left."""
        return self.exclude(assignee__in=_workers())

    def with_holder_working(self):
        """Each with `holder_works`: whether the officer in charge can still work requests,
        so that a list names a departed holder as the request page does, as no one's."""
        workers = get_user_model().objects.filter(works_requests(), pk=OuterRef("assignee"))
        return self.annotate(holder_works=Exists(workers))
