# ruff: noqa
from django.urls import path
from django.views.decorators.csrf import csrf_exempt


# ruleid: emalu-csrf-exempt
@csrf_exempt
def update_profile(request):
    pass


# ok: emalu-csrf-exempt
@csrf_exempt
def unsubscribe_view(request, token):
    pass


def webhook(request):
    pass


urlpatterns = [
    # ruleid: emalu-csrf-exempt
    path("hook/", csrf_exempt(webhook)),
]


# ok: emalu-csrf-exempt
@csrf_exempt
def cookie_choice(request):
    pass
