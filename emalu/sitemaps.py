from django.contrib.sitemaps import Sitemap
from django.urls import reverse

from .models import Page, Service


class PagesSitemap(Sitemap):
    i18n = True
    alternates = True
    x_default = True

    def items(self):
        """About only once staff have written it: until then it answers 404 (emalu/views.py),
        which a search engine was sent to on a site just deployed."""
        about = Page.objects.filter(slug=Page.Slug.ABOUT).exists()
        return ["home", *(["about"] if about else []), "services", "contacts", "privacy"]

    def location(self, item):
        return reverse(item)


class ServicesSitemap(Sitemap):
    """A page per published service."""

    i18n = True
    alternates = True
    x_default = True

    def items(self):
        return Service.objects.published()

    def lastmod(self, service):
        return service.updated_at
