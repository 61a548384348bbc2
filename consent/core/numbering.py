"""Version numbers the system gives, for the policy's versions and each purpose's consent texts:
a draft is shown under the next free number, and publication gives it the one after the last
published, so published versions run 1, 2, 3 with no gap and no number used twice. A typed
number, a deleted draft, or two drafts published in the other order left gaps (1, 2, 4) that
read as a version withdrawn. Published numbers never change (frozen; the ledger, the cookie
choices and the intake's phrases name them): a database upgraded with a gap already published
keeps it and goes on after the highest."""

from django.core.exceptions import ValidationError
from django.db.models import Model, QuerySet
from django.utils import formats, timezone
from django.utils.translation import gettext as _

from consent.common.locks import transaction_lock


def next_number(rows: QuerySet, field: str) -> int:
    """The number a new draft among `rows` (the versions sharing one numbering) is shown under:
    after every one, published or draft. Call inside the transaction that saves it: two editors
    adding a draft at once number one after the other."""
    transaction_lock(f"numbering:{rows.model._meta.label_lower}")
    highest = rows.order_by(f"-{field}").values_list(field, flat=True).first()
    return (highest or 0) + 1


def number_in_order(obj: Model, field: str, rows: QuerySet) -> None:
    """Give `obj`, about to be published, the number after the last published one of `rows`
    (its own included); a draft holding that number takes `obj`'s. Call inside the publishing
    transaction: the lock keeps two publications apart until it ends."""
    transaction_lock(f"numbering:{rows.model._meta.label_lower}")
    still_a_draft(obj)
    last = rows.filter(published_at__isnull=False).order_by(f"-{field}").first()
    number = (getattr(last, field) if last is not None else 0) + 1
    old = getattr(obj, field)
    if old == number:
        return
    holder = rows.filter(**{field: number}).exclude(pk=obj.pk).first()
    manager = type(obj)._default_manager
    if holder is not None:  # a draft: the unique number moves through a free one
        manager.filter(pk=holder.pk).update(**{field: next_number(rows, field)})
    manager.filter(pk=obj.pk).update(**{field: number})
    if holder is not None:
        manager.filter(pk=holder.pk).update(**{field: old})
    setattr(obj, field, number)


def still_a_draft(obj: Model) -> None:
    """Refuse, in words, to publish a row published since it was read: two editors pressing
    «publish» at once, or a second click, went on to rewrite the frozen row, which the database
    refuses (sql.PUBLISHED_TRIGGERS), and the second editor got a server error."""
    when = type(obj)._default_manager.filter(pk=obj.pk).values_list("published_at", flat=True)
    published_at = when.first()
    if published_at is not None:
        raise ValidationError(
            _("It was published already, on %(when)s (by another staff member, or by a second "
              "click); it is published once, as it was then.")
            % {"when": formats.date_format(timezone.localtime(published_at), "DATETIME_FORMAT")}
        )  # fmt: skip
