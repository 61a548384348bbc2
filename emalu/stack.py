"""The parts of Django the site runs, and in what order: its apps, the middleware, the template
engine, the upload handlers, the sign-in backends and the password rules.

Code, not configuration: no environment variable changes any of it, and a change here is a
change of the program, reviewed as one. emalu/settings.py imports these names; what an operator
configures stays there."""

from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent

INSTALLED_APPS = [
    "emalu",  # first: its `migrate` runs as the database owner (emalu/db)
    # The privacy domain, one app per part of the business, lowest layer last
    # (docs/architecture.md; the import contract in pyproject.toml keeps them so).
    "forms_app",
    "consent.rights",
    "consent.marketing",
    "consent.cookies",
    "consent.core",
    "consent.workdays",
    "emalu.apps.StaffAdminConfig",  # django.contrib.admin with the two-factor staff site
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.sitemaps",
    "whitenoise.runserver_nostatic",
    "django.contrib.staticfiles",
    # Third-party apps with names in the staff's language (emalu/third_party.py).
    "emalu.third_party.PostOfficeConfig",
    "django_otp",
    "emalu.third_party.OTPTOTPConfig",
    "emalu.third_party.OTPStaticConfig",
    "emalu.third_party.AxesConfig",
]

MIDDLEWARE = [
    "emalu.logs.RequestLogMiddleware",
    "django.middleware.security.SecurityMiddleware",
    # Outside every middleware that reads the Host header, so that the 400 for a host not
    # allowed carries them too.
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "django.middleware.csp.ContentSecurityPolicyMiddleware",
    "emalu.middleware.HeadersMiddleware",
    "emalu.middleware.KnownMethodsMiddleware",
    "emalu.middleware.NormalPathMiddleware",
    "emalu.pasted.PastedAddressMiddleware",  # a page's address pasted with what stood after it
    "emalu.middleware.UntrustedProxyMiddleware",
    "emalu.middleware.KeysNotedMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "emalu.middleware.DatabaseUnavailableMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    # Outside LocaleMiddleware: the language the switch chose, remembered, and the root's redirect
    # to it kept by no one (emalu/language.py).
    "emalu.language.LanguageChosenMiddleware",
    "emalu.middleware.LanguagePrefixMiddleware",  # Django's, a post sent on kept a post
    "emalu.middleware.ClockMiddleware",  # after the language, for its 503 page
    "emalu.middleware.FormBodyMiddleware",  # before anything reads request.POST
    "emalu.middleware.SlashAppendedMiddleware",  # Django's CommonMiddleware, likewise
    "emalu.one_address.OneAddressMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django_otp.middleware.OTPMiddleware",
    "emalu.middleware.StaffIdleTimeoutMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "consent.cookies.middleware.AnalyticsConsentMiddleware",
    "axes.middleware.AxesMiddleware",
]

ROOT_URLCONF = "emalu.urls"
WSGI_APPLICATION = "emalu.wsgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [ROOT / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.request",
                "django.template.context_processors.i18n",
                "django.template.context_processors.csp",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "emalu.context_processors.site",
            ],
            # Loaded after Django's own filters: `truncatewords` that keeps no-break spaces,
            # `urlize` that links an address in «» and a .kz one written without its scheme.
            "builtins": [
                "emalu.templatetags.spacing",
                "emalu.templatetags.dates",
                "emalu.templatetags.links",
            ],
        },
    },
]
# An address written without its scheme (www.…) in a campaign or an answer links over HTTPS.
URLIZE_ASSUME_HTTPS = True

AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {
        "NAME": "django.contrib.auth.password_validation.MinimumLengthValidator",
        "OPTIONS": {"min_length": 12},
    },
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]

# A larger upload goes to a temporary file, named so the file system takes it (emalu/uploads.py).
FILE_UPLOAD_HANDLERS = [
    "django.core.files.uploadhandler.MemoryFileUploadHandler",
    "emalu.uploads.ShortNameUploadHandler",
]

# Sign-in: django-axes first, so a locked-out user and IP is refused before the password is read
# (the lockout itself is configured in emalu/settings.py); then an account guessed at from many
# addresses, from an address it never signed in from (emalu/lockout.py).
AUTHENTICATION_BACKENDS = [
    "axes.backends.AxesStandaloneBackend",
    "emalu.lockout.SpreadGuessingBackend",
    "django.contrib.auth.backends.ModelBackend",
]
