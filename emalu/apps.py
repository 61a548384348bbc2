from django.apps import AppConfig
from django.db.models.signals import post_delete, post_save
from django.utils.translation import gettext_lazy as _


class EmaluConfig(AppConfig):
    name = "emalu"
    verbose_name = _("Site pages")

    def ready(self):
        from .pagecache import new_generation

        # What public pages show: their text, the policy and the consent texts on forms.
        for model in ("emalu.Page", "consent.PolicyVersion", "consent.ConsentText"):
            post_save.connect(new_generation, sender=model, dispatch_uid=f"pagecache-{model}")
            post_delete.connect(new_generation, sender=model, dispatch_uid=f"pagecache-d-{model}")
