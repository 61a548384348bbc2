"""A draft (a policy version, a consent text) edited by two staff members at once.

Every change form refuses to save over a colleague's changes (seen.py). A draft's also refuses
a save once another editor has published it: the editor who saved after that got a bare
«access denied», their changes gone unexplained; so did one who deleted it."""

from django.contrib import messages
from django.contrib.admin.utils import unquote
from django.core.exceptions import PermissionDenied
from django.db import transaction
from django.http import HttpResponseNotAllowed
from django.shortcuts import get_object_or_404, redirect
from django.urls import path
from django.utils import formats, timezone
from django.utils.translation import gettext as _

from consent.common.locks import transaction_lock
from consent.common.seen import SeenForm, fingerprints

from ..models import OperatorDocument


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
    if isinstance(row, OperatorDocument):  # no one consents to it: it is what was stated then
        return _(
            "Published on %(when)s: a published document is kept as it was, the record of what "
            "the operator stated then, and is not changed here. To correct it, make a new draft; "
            "once published, it takes this one's place under the next number."
        ) % {"when": _when(row)}
    return _(
        "Published on %(when)s: consents are given to these words, so a published text is kept "
        "as it was and is not changed here. To correct it, write a new draft; once published, "
        "it takes this one's place under the next number."
    ) % {"when": _when(row)}


class Redrafted:
    """«Write a corrected draft» on a published row's page (a ModelAdmin mixin): a new draft
    written as the row was, `redraft_values`, numbered as any new draft (the admin's
    save_model), opened for the correction. Made by a POST on the server, not by the add form
    filled in from its address: a consent text's other information (10,000 characters) or a
    policy's text is longer than an address nginx and gunicorn read. Pressed again (a double
    click), it opens the draft the first press wrote rather than a second one."""

    def redraft_values(self, row) -> dict | None:
        """The fields of the draft that corrects `row`; None: the add page's empty form."""
        return None

    def get_urls(self):
        opts = self.model._meta
        view = self.admin_site.admin_view(self.redraft_view)
        name = f"{opts.app_label}_{opts.model_name}_redraft"
        return [path("<path:object_id>/redraft/", view, name=name), *super().get_urls()]

    def redraft_view(self, request, object_id):
        if request.method != "POST":
            return HttpResponseNotAllowed(["POST"])
        if not self.has_add_permission(request):
            raise PermissionDenied
        row = get_object_or_404(self.model, pk=unquote(object_id), published_at__isnull=False)
        opts = self.model._meta
        values = self.redraft_values(row)
        if values is None:
            return redirect(f"admin:{opts.app_label}_{opts.model_name}_add")
        with transaction.atomic():  # one press at a time: a second opens the first's draft
            transaction_lock(f"redraft:{opts.label_lower}")
            draft = self.model._default_manager.filter(published_at=None, **values).first()
            if draft is None:  # a double click wrote two, one left with the mistake in it
                draft = self.model(**values)
                self.save_model(request, draft, None, False)
                self.log_addition(request, draft, [{"added": {}}])
        self.message_user(
            request,
            _(
                "This new draft is written as the published one was: "
                "correct it here and publish it."
            ),
            messages.SUCCESS,
        )
        return redirect(f"admin:{opts.app_label}_{opts.model_name}_change", draft.pk)


class DraftForm(SeenForm):
    """The admin form of a published model's draft, refusing to save over another's changes
    and over its publication."""

    def _fingerprints(self, row):
        return fingerprints(row, [*self._edited(), "published_at"])

    def _refusal(self, now, changed):
        if now.published_at is not None:
            return published_meanwhile(now)
        return super()._refusal(now, changed)
