from urllib.parse import urlsplit

from django.conf import settings
from django.contrib.sitemaps import Sitemap
from django.urls import reverse

from .models import Page, Service


class SiteSitemap(Sitemap):
    """A sitemap on the site's own address (SITE_URL), whatever Host header asked for it: with
    several names allowed (the bare domain, www, the server's address), a search engine would
    otherwise be given each page under each of them."""

    i18n = True
    alternates = True
    x_default = True

    def get_protocol(self, protocol=None):
        return urlsplit(settings.SITE_URL).scheme

    def get_domain(self, site=None):
        return urlsplit(settings.SITE_URL).netloc


class PagesSitemap(SiteSitemap):
    def items(self):
        """About only once staff have written it: until then it answers 404 (emalu/views.py),
        which a search engine was sent to on a site just deployed."""
        about = Page.objects.filter(slug=Page.Slug.ABOUT).exists()
        return ["home", *(["about"] if about else []), "services", "contacts", "privacy"]

    def location(self, item):
        return reverse(item)


class ServicesSitemap(SiteSitemap):
    """A page per published service."""

    def items(self):
        return Service.objects.published()

    def lastmod(self, service):
        return service.updated_at
