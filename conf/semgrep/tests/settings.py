# ruff: noqa
import environ

env = environ.Env()

# ruleid: emalu-debug-hardcoded
DEBUG = True
# ok: emalu-debug-hardcoded
DEBUG = env.bool("DEBUG", default=False)
# ruleid: emalu-secret-key-hardcoded
SECRET_KEY = "django-insecure-abc"
# ok: emalu-secret-key-hardcoded
SECRET_KEY = env("SECRET_KEY")
