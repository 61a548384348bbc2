"""What the admin names in English, for the judges of the admin walk
(tests/site/test_admin_kazakh.py): every label of every registered admin, read without a
language, and whether a page shows one as words of their own."""

import functools
import re

from django.contrib.auth import get_user_model
from django.test import RequestFactory

from tests.staff import registered_admins

CYRILLIC = re.compile(r"[а-яёәіңғүұқөһ]", re.I)
ENGLISH = re.compile(r"[a-z]{3}")  # a word, not only a code such as "ID", "PDF" or "SHA-256 (kk)"


def english_labels():
    """What the admin names in English, for every registered model, its inlines and its app:
    names of apps, models, fields and their choices, fieldsets, columns, filters and actions,
    help texts (all
    evaluated without a language, so a marked string gives its msgid), and the names Django
    stores for permissions ("Can add …"). A page in kk or ru shows none of them."""
    from django.contrib.admin.utils import label_for_field
    from django.contrib.auth.models import Permission
    from django.utils import translation

    request = RequestFactory().get("/")
    request.user = get_user_model()(is_superuser=True, is_staff=True, is_active=True)
    labels = set(Permission.objects.values_list("name", flat=True))
    with translation.override(None):
        for model, model_admin in registered_admins().items():
            admins = [model_admin, *model_admin.get_inline_instances(request)]
            for each in admins:
                opts = each.model._meta
                labels |= {str(opts.app_config.verbose_name), str(opts.verbose_name),
                           str(opts.verbose_name_plural)}  # fmt: skip
                for field in opts.get_fields():
                    if field.concrete:
                        labels |= {str(field.verbose_name), str(field.help_text)}
                        labels |= {str(label) for _value, label in field.flatchoices}
            fieldsets = model_admin.get_fieldsets(request, model._default_manager.first())
            labels |= {str(name) for name, _o in fieldsets if name}
            for column in model_admin.get_list_display(request):
                labels.add(str(label_for_field(column, model, model_admin)))
            for spec in model_admin.get_list_filter(request):
                if isinstance(spec, type):
                    labels.add(str(spec.title))
            for action in model_admin.get_actions(request).values():
                labels |= {str(action.description), str(action.plural_description)}
    return {label for label in labels if ENGLISH.search(label) and not CYRILLIC.search(label)}


def english_in(text, labels):
    """The labels that `text` shows as words of their own, as written or with a capital; not
    inside data (an address, a path, a query string, JSON)."""
    return sorted({label for label in labels
                   for shown in {label, label[:1].upper() + label[1:]}
                   if shown in text and standalone(shown).search(text)})  # fmt: skip


@functools.cache
def standalone(shown):
    """`shown` as a word of its own. Compiled once: ~2,000 labels times ~200 pages compiled anew
    made this module most of the suite's time."""
    # A colon ends a label («Subject:», a field read on its page) when a space follows; one
    # inside data («12:30», «mailto:», a JSON key) does not. A placeholder's name, «{{ email }}»
    # (the policy template's help lists them), is what the editor types, not a label.
    before, after = r'(?<![\w.@/&?="-])(?<!\{\{ )', r'(?![\w@/="-]|:\S)'
    return re.compile(before + re.escape(shown) + after)
