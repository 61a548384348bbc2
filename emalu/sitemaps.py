from django.contrib.sitemaps import Sitemap
from django.urls import reverse


class PagesSitemap(Sitemap):
    i18n = True
    alternates = True
    x_default = True

    def items(self):
        return ["home", "about", "services", "contacts", "privacy"]

    def location(self, item):
        return reverse(item)
