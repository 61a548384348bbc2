from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class MarketingConfig(AppConfig):
    """News by email: double opt-in, campaigns to consenting people, one-click unsubscribe."""

    name = "consent.marketing"
    label = "marketing"
    verbose_name = _("News and offers")

    def ready(self):
        from consent.core.outbox_signals import campaign_mail_refused, campaign_mail_withheld
        from consent.core.withheld import campaign_mail_permitted

        from .campaigns import mails_permitted, recipients_withheld
        from .headers import register
        from .returns import recipients_refused

        register()

        campaign_mail_withheld.connect(recipients_withheld, dispatch_uid="campaign-withheld")
        campaign_mail_permitted.connect(mails_permitted, dispatch_uid="campaign-permitted")
        campaign_mail_refused.connect(recipients_refused, dispatch_uid="campaign-refused")
