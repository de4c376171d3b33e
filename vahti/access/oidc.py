"""Single sign-on with the city's identity provider (OpenID Connect), optional.

Turned on by setting ``OIDC_RP_CLIENT_ID`` and the provider's endpoints (see README).
A work account logs in as the Vahti user with the same, verified, email address; an
address Vahti does not know is refused: who may edit is decided in Vahti (a plan admin
adds the person), not by the identity provider.
"""

from __future__ import annotations

import logging

from django.contrib.auth import get_user_model
from mozilla_django_oidc.auth import OIDCAuthenticationBackend

logger = logging.getLogger("vahti.access")


class WorkAccountBackend(OIDCAuthenticationBackend):
    def filter_users_by_claims(self, claims):
        email = (claims.get("email") or "").strip()
        users = get_user_model().objects.none()
        if not email:
            logger.warning("Single sign-on refused: the identity provider sent no email.")
            return users
        if claims.get("email_verified") is False:
            logger.warning("Single sign-on refused: %s is not verified.", email)
            return users
        found = get_user_model().objects.filter(email__iexact=email, is_active=True)
        if found.count() != 1:
            logger.warning("Single sign-on refused: %s matches %s accounts.", email, found.count())
            return users
        return found

    def create_user(self, claims):  # pragma: no cover - OIDC_CREATE_USER is off
        return None
