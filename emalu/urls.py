from django.conf import settings
from django.conf.urls.i18n import i18n_patterns
from django.contrib import admin
from django.contrib.sitemaps.views import sitemap
from django.urls import path

from consent.cookies import views as cookie_views
from consent.marketing import views as marketing_views
from consent.rights import views as rights_views
from forms_app import my_children, my_data, my_parents, thanks
from forms_app import views as form_views

from . import enrolment, views
from .sitemaps import PagesSitemap, ServicesSitemap

urlpatterns = [
    path("healthz", views.healthz, name="healthz"),
    path("metrics", views.metrics, name="metrics"),
    path("robots.txt", views.robots_txt, name="robots"),
    path("favicon.ico", views.favicon, name="favicon"),
    path(
        "sitemap.xml",
        sitemap,
        {"sitemaps": {"pages": PagesSitemap, "services": ServicesSitemap}},
        name="sitemap",
    ),
    path("cookies/choice", cookie_views.cookie_choice, name="cookie_choice"),
    path("analytics-config.js", cookie_views.analytics_config, name="analytics_config"),
    path(f"{settings.ADMIN_URL}enrol/", enrolment.enrol, name="staff_enrol"),
    path(settings.ADMIN_URL, admin.site.urls),
]

urlpatterns += i18n_patterns(
    path("", views.page, {"slug": "home"}, name="home"),
    path("about/", views.page, {"slug": "about"}, name="about"),
    path("services/", views.page, {"slug": "services"}, name="services"),
    path("services/<slug:slug>/", views.service, name="service"),
    path("contacts/", views.page, {"slug": "contacts"}, name="contacts"),
    path("privacy/", views.privacy, name="privacy"),
    path("privacy/<int:number>/", views.privacy, name="privacy_version"),
    path("contact/", form_views.public_form, {"kind": "contact"}, name="contact_form"),
    path("apply/", form_views.public_form, {"kind": "apply"}, name="application_form"),
    path("newsletter/", form_views.public_form, {"kind": "newsletter"}, name="newsletter_form"),
    path("<slug:kind>/thanks/", thanks.thanks, name="form_thanks"),
    path(
        "newsletter/confirm/<str:token>/",
        marketing_views.confirm_marketing,
        name="marketing_confirm",
    ),
    path("requests/new/", form_views.request_new, name="request_new"),
    path("unsubscribe/done/", marketing_views.unsubscribed, name="unsubscribed"),
    path("unsubscribe/<str:token>/", marketing_views.unsubscribe_view, name="unsubscribe"),
    path("cookies/", cookie_views.cookie_settings, name="cookie_settings"),
    path("my-data/", my_data.my_data, name="my_data"),
    path("my-data/open/<str:token>/", my_data.my_data_open, name="self_service_open"),
    path("my-data/consent/", my_data.my_data_consent, name="my_data_consent"),
    path("my-data/export/", my_data.my_data_export, name="my_data_export"),
    path("my-data/request/", my_data.my_data_request, name="my_data_request"),
    path("my-data/leave/", my_data.my_data_leave, name="my_data_leave"),
    path("my-data/language/", my_data.my_data_language, name="my_data_language"),
    path("my-data/parent/", my_parents.my_data_parent, name="my_data_parent"),
    path("my-data/children/", my_children.my_children, name="my_data_children"),
    path(
        "my-data/children/withdraw/",
        my_children.my_children_withdraw,
        name="my_data_children_withdraw",
    ),
    path(
        "my-data/children/export/", my_children.my_children_export, name="my_data_children_export"
    ),
    path(
        "my-data/children/request/",
        my_children.my_children_request,
        name="my_data_children_request",
    ),
    path("requests/confirm/<str:token>/", rights_views.verify_request, name="request_verify"),
    path("consent/confirm/<str:token>/", rights_views.confirm_consent, name="form_consent_confirm"),
)

handler400 = "emalu.errors.bad_request"
handler403 = "emalu.errors.permission_denied"
handler404 = "emalu.errors.page_not_found"
handler500 = "emalu.errors.server_error"
