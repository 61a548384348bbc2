"""The Content Security Policy every response carries (compliance T1), read by Django's
ContentSecurityPolicyMiddleware through the SECURE_CSP setting. Visitors who accepted analytics on
the cookie banner get it widened by consent.cookies.middleware (ANALYTICS_CONNECT_HOSTS)."""

from django.utils.csp import CSP

# default-src 'none': whatever is not listed below (frames, media, workers, manifests) is refused.
SECURE_CSP = {
    "default-src": [CSP.NONE],
    "script-src": [CSP.SELF, CSP.NONCE],
    "style-src": [CSP.SELF],
    "img-src": [CSP.SELF, "data:"],
    "font-src": [CSP.SELF],
    "connect-src": [CSP.SELF],
    "form-action": [CSP.SELF],
    "frame-ancestors": [CSP.NONE],
    "base-uri": [CSP.NONE],
    "object-src": [CSP.NONE],
}
