"""Run the test identity provider: ``python -m tests.sso_provider.serve REDIRECT_URI``.

Prepares its SQLite database (people and the registered Greenlight client), listens on a free
loopback port and prints ``READY <port>`` once it serves.
"""

import os
import sys
import tempfile
from wsgiref.simple_server import WSGIRequestHandler, make_server

from cryptography.hazmat.primitives import serialization
from cryptography.hazmat.primitives.asymmetric import rsa

CLIENT_ID = "greenlight"
CLIENT_SECRET = "greenlight-test-secret"
PEOPLE = [
    # username, password, email, first name, last name
    ("jmorales", "city-pass-1", "jmorales@riverside.gov", "Julia", "Morales"),
    ("inspector", "city-pass-2", "inspector@riverside.example.net", "Omar", "Said"),
    ("contractor", "city-pass-3", "dana@contractor.example.com", "Dana", "Kim"),
]


class QuietHandler(WSGIRequestHandler):
    def log_message(self, *args):
        pass


def main() -> None:
    redirect_uri = sys.argv[1]
    key = rsa.generate_private_key(public_exponent=65537, key_size=2048)
    os.environ["SSO_PROVIDER_KEY"] = key.private_bytes(
        serialization.Encoding.PEM, serialization.PrivateFormat.PKCS8, serialization.NoEncryption()
    ).decode()
    os.environ["SSO_PROVIDER_DB"] = os.path.join(tempfile.mkdtemp(prefix="sso-provider-"), "db.sqlite3")
    os.environ["DJANGO_SETTINGS_MODULE"] = "tests.sso_provider.settings"

    import django

    django.setup()
    from django.contrib.auth.models import User
    from django.core.management import call_command
    from django.core.wsgi import get_wsgi_application
    from oauth2_provider.models import get_application_model

    call_command("migrate", verbosity=0)
    for username, password, email, first, last in PEOPLE:
        User.objects.create_user(username, email, password, first_name=first, last_name=last)
    get_application_model().objects.create(
        name="Greenlight",
        client_id=CLIENT_ID,
        client_secret=CLIENT_SECRET,
        client_type="confidential",
        authorization_grant_type="authorization-code",
        redirect_uris=redirect_uri,
        algorithm="RS256",
        skip_authorization=True,
    )
    server = make_server("127.0.0.1", 0, get_wsgi_application(), handler_class=QuietHandler)
    print(f"READY {server.server_port}", flush=True)
    server.serve_forever()


if __name__ == "__main__":
    main()
