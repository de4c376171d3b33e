from django.conf import settings


def sso(request):
    """Whether the login page offers single sign-on."""
    return {"sso_enabled": settings.SSO_ENABLED}
