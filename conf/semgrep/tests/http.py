# ruff: noqa
import urllib.request

import requests


def fetch(token):
    # ruleid: emalu-plain-http-request
    requests.get("http://api.example.kz/v1/items")
    # ruleid: emalu-plain-http-request
    requests.post(url=f"http://api.example.kz/v1/{token}")
    # ruleid: emalu-plain-http-request
    urllib.request.urlopen("http://example.kz/feed.xml")
    # ok: emalu-plain-http-request
    requests.get("https://api.example.kz/v1/items", timeout=5)
    # ok: emalu-plain-http-request
    urllib.request.urlopen("http://127.0.0.1:8000/healthz")
