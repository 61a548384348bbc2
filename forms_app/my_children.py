"""A parent's or guardian's self-service page (consent/rights/wards.py; compliance L6, L14): the
consents of each child under 18 they act for, an optional one withdrawn at once, the child's
data downloaded, a correction or blocking asked for, behind the single-use emailed link; every
other right, for the child as for anyone, by a request."""

from functools import wraps

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.shortcuts import redirect, render
from django.utils.translation import get_language, gettext_lazy
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache

from consent.common import ratelimit
from consent.common.net import download
from consent.common.text import whole_number
from consent.cookies.banner import answer_on_page
from consent.core import gate
from consent.core.guardians import child_named, wards_at
from consent.rights import selfservice, wards

from .abuse import new_token, read_token
from .my_data import CLOSED, actions_over_limit, answers_a_post, page_answers
from .my_data_forms import WARD_REQUESTS, WardExportForm, WardRequestForm, WardWithdrawForm
from .resent import content_digest
from .shown_back import one_box, written, written_kept
from .views import store_once

PAGE = "my_data_children"
# What a press on the page for a child meets (lazy: said in the language of the request).
COME_OF_AGE = gettext_lazy(
    "Nothing has changed: by our records this child is 18 now and acts for themselves, so you "
    "can no longer act for them here."
)
NOT_HELD = gettext_lazy("We no longer hold this child's personal data. Nothing has changed.")


# The page's one form: every child's request box belongs to it, so that the language switch and
# the banner's answer, which post it, carry what was written for each child (a link lost it).
FORM_ID = "children-page"


def _request_form(child, data=None, rows=(), initial=None):
    """The request form of one child's part of the page, its fields named and its ids made by
    the child's row (`child`), so that each child's labels point at their own boxes and one
    post of the page's form holds what was written for each."""
    row = next((row for row in rows if row.pk == child), None)
    blocked = row is not None and gate.is_blocked(row.subject)  # its lifting offered instead
    form = WardRequestForm(data, rows=rows, prefix=str(child), initial=initial, blocked=blocked)
    for field in form.fields.values():
        field.widget.attrs["form"] = FORM_ID
    return form


@never_cache
def my_children(request, refused=None):
    """The page. Posted (the language switch, the banner's answer, Enter in a box, another
    child's request refused), it shows again what was written for each child; nothing is sent."""
    address = wards.acting_address(request.session)
    if address is None:  # the page's hour is over, or the parent's address erased since
        return answer_on_page(request, lambda: _page_closed(request))
    shown = wards.wards_overview(address)
    typed = request.method == "POST"
    kept = {} if typed else wards.ward_drafts_read(request.session, address)
    for ward in shown:
        row = ward["row"]
        initial = {"child": row.pk, **kept.get(row.pk, {})}
        if typed:
            initial["type"] = request.POST.get(f"{row.pk}-type", "")
            initial["message"] = written(request.POST.get(f"{row.pk}-message"))
        ward["form"] = refused if refused and refused.prefix == str(row.pk) \
            else _request_form(row.pk, rows=[row], initial=initial)  # fmt: skip
        ward["token"] = new_token()
    context = {"wards": shown, "language_switch_form": FORM_ID, "answered": answers_a_post(request)}
    return answer_on_page(request, lambda: render(request, "forms_app/my_children.html", context))


def _ward_action(view):
    """An action of the page, posted by its buttons: only within the link's hour, at most
    SELF_SERVICE_ACTION_RATE for the address (my_data.actions_over_limit); a GET gets the page."""

    @wraps(view)
    def wrapper(request):
        if request.method != "POST":
            return redirect(PAGE)
        address = wards.acting_address(request.session)
        if address is None:
            return answer_on_page(request, lambda: _page_closed(request))
        if actions_over_limit(request, ratelimit.mailbox_limit_key(address)):
            return _back_to_page(request, address)
        try:
            return view(request, address)
        except selfservice.Gone:  # the child's data destroyed meanwhile, or the row erased
            messages.info(request, NOT_HELD)
            return _back_to_page(request, address)

    return wrapper


def _typed(request):
    """What the parent was writing for each child, by guardian row, as the page's one form posts
    it with any of its buttons: a box left empty is not there; only a type the page offers."""
    typed = {}
    for name, value in request.POST.items():
        pk, _dash, field = name.partition("-")
        # The row's number as the page wrote it: «²-message» passed isdigit() to int(), a 500.
        row = whole_number(pk) if field == "message" else None
        if row is None or not (message := written(value)):
            continue
        kind = request.POST.get(f"{pk}-type", "")
        typed[row] = {"type": kind if kind in WARD_REQUESTS else "", "message": message}
    return typed


def _back_to_page(request, address, sent=None):
    """The page again after one of its buttons: what was being written for each child comes
    back in its box (wards.ward_drafts_keep, the person's own page's rule), but for the child
    whose request was just `sent`. A post without the boxes (an old page) keeps what was kept."""
    if any(name.endswith("-message") for name in request.POST):
        typed = {pk: fields for pk, fields in _typed(request).items() if pk != sent}
        wards.ward_drafts_keep(request.session, address, typed)
    page_answers(request)
    return redirect(PAGE)


def _page_closed(request):
    """A post of the page after its hour: nothing is done, and what the parent wrote for each
    child is shown back on the page that asks for a link, a box for each child under their name
    and the request's type, and kept for the children's page opened again in this browser
    within a day, as on the person's own page."""
    messages.info(request, CLOSED)
    typed = _typed(request)
    if not typed:
        return redirect("my_data")
    address = wards.acting_address(request.session, expired=True)
    kept = address is not None and wards.ward_drafts_keep(request.session, address, typed)
    # In the page's order, each named as the page named them: only a child the address acts
    # for (the rest, the boxes of a page no longer theirs, as «a child»).
    rows = {row.pk: row for row in wards_at(address)} if address is not None else {}
    order = [pk for pk in rows if pk in typed] + [pk for pk in typed if pk not in rows]
    boxes = [one_box(typed[pk]["message"],
                     child_named(rows[pk]) if pk in rows else _("A child"), typed[pk]["type"])
             for pk in order]  # fmt: skip
    return written_kept(request, boxes, kept)


def _refused(request, address, form):
    """Each error of the form as a message, the page again. A child who has come of age since
    the page showed them is said so (wards.come_of_age), not that the button was not offered."""
    if "child" in form.errors and wards.come_of_age(address, _posted_child(request)):
        messages.error(request, COME_OF_AGE)
    else:
        for errors in form.errors.values():
            messages.error(request, errors[0])
    return _back_to_page(request, address)


def _posted_child(request):
    return whole_number(_pressed(request)["child"])


def _pressed(request):
    """The post with the child whose button was pressed: the withdraw and download buttons
    belong to the page's one form (so the boxes come along), and name their child in their
    `formaction`; the request button, as its value."""
    data = request.POST.copy()
    data.setdefault("child", request.GET.get("child", ""))
    return data


@_ward_action
def my_children_withdraw(request, address):
    """A «withdraw» button of the page: the child's consent stops at once, the ledger naming
    the parent. Anything but what the page offers changes nothing and says so."""
    form = WardWithdrawForm(_pressed(request), rows=wards_at(address))
    if not form.is_valid():
        return _refused(request, address, form)
    data = form.cleaned_data
    if wards.ward_withdraw(address, data["child"], data["withdraw"], request):
        messages.success(
            request, _("The consent is withdrawn: we no longer process the child's data for it.")
        )
    else:
        messages.info(request, _("Nothing has changed: this consent was not in force."))
    return _back_to_page(request, address)


@_ward_action
def my_children_export(request, address):
    """The child's data, downloaded as the child's own page downloads it (Art. 24(1)(1))."""
    form = WardExportForm(_pressed(request), rows=wards_at(address))
    if not form.is_valid():
        return _refused(request, address, form)
    fmt = "pdf" if form.cleaned_data["format"] == "pdf" else "json"  # a literal, not posted text
    try:
        ticket, body = wards.ward_download(address, form.cleaned_data["child"], get_language(), fmt)
    except LookupError:  # come of age, or no longer the child's latest row, since the check
        return _refused(request, address, WardExportForm({"child": ""}, rows=[]))
    except ValidationError as refusal:  # compliance L12: selfservice.CHILD_BLOCKED
        messages.error(request, refusal.messages[0])
        return _back_to_page(request, address)
    return download(body, f"{ticket.reference}.{fmt}", f"application/{fmt}")


@_ward_action
def my_children_request(request, address):
    """A correction or blocking of the child's data: a request on the child's record, naming
    the parent, answered at the parent's address in the page's language."""
    child = _posted_child(request)  # the button pressed: whose box to read
    data = request.POST.copy()
    data[f"{child}-child"] = request.POST.get("child", "")
    form = _request_form(child, data, rows=wards_at(address))
    token = read_token(request.POST.get(f"{child}-token"))
    if form.is_valid() and token is None:
        form.add_error(None, _("The form has expired. Please send it again."))
    if "child" in form.errors:
        return _refused(request, address, form)
    if form.errors:  # the page again, with what the parent wrote and why it was refused
        return my_children(request, refused=form)
    data, opened = form.cleaned_data, []
    sent = content_digest("my_children_request", form, {})
    store_once(token[0], sent, lambda: opened.append(wards.ward_request(
        address, data["child"], data["type"], data["message"], get_language()
    )))  # fmt: skip
    if opened and opened[-1].regarding_id:
        messages.success(request, _("Request %(ref)s of this type is still open: what you wrote "
                                    "was added to it; we answer by email.") % {
            "ref": opened[-1].regarding.reference})  # fmt: skip
    elif opened:
        messages.success(request, _("Request %(ref)s is open; we answer by email.") % {
            "ref": opened[-1].reference})  # fmt: skip
    return _back_to_page(request, address, sent=child)
