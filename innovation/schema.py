"""OpenAPI schema: only Greenlight's public API, not the admin's internal endpoints."""


def public_api_only(endpoints):
    return [endpoint for endpoint in endpoints if endpoint[0].startswith("/api/v1/")]
