from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class FormsAppConfig(AppConfig):
    name = "forms_app"
    verbose_name = _("Public forms")

    def ready(self):
        from consent.rights.retention import retention_ran

        from . import abuse  # noqa: F401  (registers the form token's page-cache slot)
        from .models import prune_used_tokens

        retention_ran.connect(prune_used_tokens, dispatch_uid="forms_app.prune_used_tokens")
        _register_forms()


def _register_forms():
    """Each public form, for the core's check that its consent texts name what it collects
    (consent.core.form_texts): by its name, as the admin and the evidence call its source."""
    from consent.core.form_texts import RegisteredForm, form_register
    from consent.core.models import Source

    from .views import FORMS

    for kind, (form_class, source) in FORMS.items():
        form_register(kind, RegisteredForm(
            name=Source(source).label,
            collects=lambda texts, form_class=form_class: form_class(texts=texts).collected(),
            purposes=lambda texts, form_class=form_class: list(
                form_class(texts=texts).consent_purposes
            ),
            required=form_class.required_purpose,
            source=source,
        ))  # fmt: skip
