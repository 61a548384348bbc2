"""A request written on a self-service page that had closed, shown back on the page that asks
for a link: it went nowhere, and a redirect would lose a text that may have taken the hour to
write. A person's own page sends one request; a parent's page one for each child, each shown in
a box of its own under the child's name and the request's type (they were one box, the texts run
together, with no word of which child each was for)."""

from django.urls import reverse
from django.utils.translation import gettext as _

from consent.common.text import clean_form_text, clean_name, cleaning_bound
from consent.rights.models import Ticket

from .abuse import new_token
from .my_data_forms import SelfServiceForm, SelfServiceRequestForm
from .views import render_form


def written(value: str | None) -> str:
    """A request as the person wrote it, cleaned, to show back or keep for their next page: at
    most what the request box could be sent with (cleaning_bound), which the box then says is
    too long. Nothing longer is read, kept or shown: a 7 MB post took seconds to clean and was
    kept whole for a day."""
    limit = cleaning_bound(SelfServiceRequestForm.base_fields["message"].max_length)
    return clean_form_text((value or "")[:limit], multiline=True)


def one_box(message: str, child: str = "", kind: str = "") -> dict[str, str]:
    """A box shown back: the text, and for a child's request whose child it is (as the parent's
    page names them, core.guardians.child_named) and its type, when one was chosen."""
    kind = kind if kind in Ticket.Type.values else ""
    return {"message": message, "child": child, "type": kind,
            "type_label": Ticket.Type(kind).label if kind else ""}  # fmt: skip


def posted_back(post) -> list[dict[str, str]]:
    """The boxes the page shown back posts along (the language switch, the banner's answer), to
    be shown again: each non-empty text with the child's name and the type beside it."""
    children, kinds = post.getlist("written_child"), post.getlist("written_type")
    boxes = []
    for i, text in enumerate(post.getlist("written")):
        if message := written(text):
            child = clean_name(children[i][:300]) if i < len(children) else ""
            boxes.append(one_box(message, child, kinds[i] if i < len(kinds) else ""))
    return boxes


def written_kept(request, boxes: list[dict[str, str]], kept: bool):
    """The page that asks for a link, with the `boxes` written after the page closed, shown back
    to whoever sent them; `kept`: the session holds them for the next page opened in this
    browser too (selfservice.draft_keep, wards.ward_drafts_keep)."""
    form = SelfServiceForm(initial={"token": new_token(), "email": request.POST.get("email", "")})
    # Shown at the address of the button pressed (a request, a download, a withdrawal): the
    # form, the language switch and the banner's answer go to the page that asks for a link, which
    # sends one and shows the boxes again. Posted back to the button's address they met the
    # closed page again: «Send» sent no link, and the switch lost the boxes.
    request.shown_at = reverse("my_data")
    for_children = any(box["child"] for box in boxes)
    if for_children:
        lead = _(
            "Your requests for the children were not sent. Here is what you wrote for each "
            "child: copy it, then send it again from the children's page with a new link."
        )
        hint = _(
            "Open the children's page with a new link in this browser within a day, and "
            "what you wrote for each child will be in their box again."
        )
    else:
        lead = _(
            "Your request was not sent. Here is what you wrote: copy it, then send it again "
            "from your page with a new link."
        )
        hint = _(
            "Open your page with a new link in this browser within a day, and your request "
            "will be in its form again."
        )
    slots = {"form_action": request.shown_at, "written": boxes,
             "written_for_children": for_children, "written_lead": lead,
             "written_hint": hint if kept else ""}  # fmt: skip
    return render_form(request, "my_data_ask", form, {}, slots)
