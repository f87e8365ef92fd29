"""OpenAPI schema: only Greenlight's public API, with the errors every endpoint can answer.

Every operation can be refused in the same few ways (bad input, not signed in, not allowed,
not found, too many requests), each answered by DRF's one exception handler with a JSON
object. ``document_errors`` adds those responses to every operation in one place, so the
schema tells clients (and the fuzz test in ``tests/api/test_fuzz.py`` checks) what really
comes back."""

ERROR = {
    "type": "object",
    "description": "Why the request was refused, for people.",
    "properties": {"detail": {"type": "string"}, "code": {"type": "string"}},
    "required": ["detail"],
}
VALIDATION_ERROR = {
    "type": "object",
    "description": "Messages by field name (`detail` or `non_field_errors` for the whole request).",
    "additionalProperties": True,
}
ERROR_RESPONSES = {
    "400": ("The request is malformed or a field is invalid.", "ValidationError"),
    "401": ("Sign in (or send a valid token) first.", "Error"),
    "403": ("You may not do this (the message says why).", "Error"),
    "404": ("Nothing here, or nothing you may see.", "Error"),
    "429": ("Too many requests; try again later.", "Error"),
}


def public_api_only(endpoints):
    return [endpoint for endpoint in endpoints if endpoint[0].startswith("/api/v1/")]


def document_errors(result, generator, request, public):
    """Postprocessing hook: the shared error responses on every operation."""
    schemas = result.setdefault("components", {}).setdefault("schemas", {})
    schemas.setdefault("Error", ERROR)
    schemas.setdefault("ValidationError", VALIDATION_ERROR)
    for operations in result.get("paths", {}).values():
        for operation in operations.values():
            responses = operation.setdefault("responses", {})
            for status, (description, component) in ERROR_RESPONSES.items():
                responses.setdefault(
                    status,
                    {
                        "description": description,
                        "content": {"application/json": {"schema": {"$ref": f"#/components/schemas/{component}"}}},
                    },
                )
    return result
