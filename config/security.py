"""Security headers that Django's SecurityMiddleware does not send.

Content-Security-Policy comes from django-csp; the admins get their own policy because
Wagtail's admin writes inline code without nonces. Permissions-Policy is small enough to
write here.
"""

from csp.middleware import CSPMiddleware, PolicyParts
from csp.utils import default_config
from django.conf import settings


class ContentSecurityPolicyMiddleware(CSPMiddleware):
    """settings.CONTENT_SECURITY_POLICY, or settings.CONTENT_SECURITY_POLICY_ADMIN under the admins' prefixes."""

    def get_policy_parts(self, request, response, report_only=False) -> PolicyParts:
        parts = super().get_policy_parts(request, response, report_only)
        if (
            not report_only
            and parts.config is None
            and request.path_info.startswith(tuple(settings.CONTENT_SECURITY_POLICY_ADMIN_PREFIXES))
        ):
            parts.config = default_config(settings.CONTENT_SECURITY_POLICY_ADMIN["DIRECTIVES"])
        return parts


class PermissionsPolicyMiddleware:
    """Sends settings.PERMISSIONS_POLICY: feature name -> allowed origins ("self" or URLs; empty denies)."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        response = self.get_response(request)
        if "Permissions-Policy" not in response:
            response["Permissions-Policy"] = permissions_policy_header(settings.PERMISSIONS_POLICY)
        return response


def permissions_policy_header(policy: dict[str, list[str]]) -> str:
    def allowlist(origins: list[str]) -> str:
        return " ".join(origin if origin == "self" else f'"{origin}"' for origin in origins)

    return ", ".join(f"{feature}=({allowlist(origins)})" for feature, origins in policy.items())
