from django.contrib.sitemaps import Sitemap
from django.urls import reverse

from .models import Service


class PagesSitemap(Sitemap):
    i18n = True
    alternates = True
    x_default = True

    def items(self):
        return ["home", "about", "services", "contacts", "privacy"]

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
