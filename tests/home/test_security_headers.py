"""Each page sends one valid Content-Security-Policy: strict on the public site, relaxed only
where the admin and the API docs need it, and ``frame-ancestors`` with a single value."""

import pytest

pytestmark = pytest.mark.django_db


def _directives(response) -> dict[str, list[str]]:
    policy = response["Content-Security-Policy"]
    directives = {}
    for part in policy.split(";"):
        name, *sources = part.split()
        directives[name] = sources
    return directives


@pytest.mark.parametrize(
    ("path", "framing"),
    [("/", ["'none'"]), ("/api/docs/", ["'self'"]), ("/admin/", ["'self'"]), ("/accounts/login/", ["'none'"])],
)
def test_frame_ancestors_has_one_valid_value(client, home_page, path, framing):
    response = client.get(path)
    assert response.status_code in (200, 302)
    assert _directives(response)["frame-ancestors"] == framing


def test_relaxed_pages_keep_every_other_directive_single_valued(client, home_page):
    directives = _directives(client.get("/api/docs/"))
    assert directives["script-src"] == ["'self'", "'unsafe-inline'", "'unsafe-eval'"]
    assert directives["object-src"] == ["'none'"]
    for name, sources in directives.items():
        assert not ("'none'" in sources and len(sources) > 1), name
