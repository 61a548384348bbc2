"""The rights desk in the admin: requests by due date with one panel to carry each out
(`tickets`), the people they are about (`people`), what their forms sent (`submissions`), a
request opened at the desk from a person's page (`opening`), the emails the intake set aside
(`quarantine`), the phrases the intake recognises (`phrases`), and the breach register
(`breaches`).

Everything that releases personal data (exports, evidence, photos, emails set aside) calls one
operation in consent.rights.disclosure; the views here only turn its bytes or its refusal into a
response.
"""

from . import breaches, people, phrases, quarantine, submissions, tickets  # noqa: F401  (each registers its model admins)
