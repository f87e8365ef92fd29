"""Demo accounts, one per role, all with a verified email."""

from allauth.account.models import EmailAddress
from django.contrib.auth.models import Group
from django.utils.text import slugify

from . import roles
from .models import District, User

DEMO_PASSWORD = "greenlight-demo"

DEMO_DISTRICTS = ["Old Town", "Riverside", "North Hills", "Harbour", "Eastgate", "Southfield"]

# (email, role, display name)
DEMO_ACCOUNTS = [
    ("admin@greenlight.test", "Administrator", "Site administrator"),
    ("leadership@greenlight.test", roles.LEADERSHIP, "Mayor's Office"),
    ("moderator@greenlight.test", roles.MODERATORS, "Mo Derator"),
    ("evaluator@greenlight.test", roles.EVALUATORS, "Eva Luator"),
    ("staff@greenlight.test", roles.CITY_STAFF, "Sam (Public Works)"),
    ("resident@greenlight.test", roles.RESIDENTS, "Rosa from Riverside"),
]

# More residents so that ideas, comments and votes come from many people.
DEMO_RESIDENT_NAMES = [
    "Amir K.",
    "Bea L.",
    "Carlos M.",
    "Dana P.",
    "Elif S.",
    "Femi O.",
    "Greta H.",
    "Hiro T.",
    "Ines V.",
    "Jonas W.",
    "Kemal A.",
    "Lena B.",
    "Marta C.",
    "Nils D.",
    "Olu E.",
    "Priya F.",
    "Quinn G.",
    "Rafael I.",
    "Sofia J.",
    "Tomás N.",
]


def demo_user(email: str, display_name: str, *, district: District | None = None, **extra) -> User:
    user = User.objects.filter(email=email).first()
    if user is None:
        user = User.objects.create_user(
            email=email, password=DEMO_PASSWORD, display_name=display_name, district=district, **extra
        )
    EmailAddress.objects.update_or_create(user=user, email=email, defaults={"verified": True, "primary": True})
    return user


def load(*, stdout) -> None:
    districts = [
        District.objects.get_or_create(slug=slugify(name), defaults={"name": name})[0] for name in DEMO_DISTRICTS
    ]
    for index, (email, role, name) in enumerate(DEMO_ACCOUNTS):
        district = districts[index % len(districts)]
        if role == "Administrator":
            user = demo_user(email, name, district=district, is_staff=True, is_superuser=True)
            continue
        user = demo_user(email, name, district=district, is_staff=role in roles.ADMIN_ROLES)
        user.groups.add(Group.objects.get_or_create(name=role)[0])
        if role != roles.RESIDENTS:
            user.groups.add(Group.objects.get_or_create(name=roles.RESIDENTS)[0])
    residents = Group.objects.get_or_create(name=roles.RESIDENTS)[0]
    for index, name in enumerate(DEMO_RESIDENT_NAMES):
        email = f"resident{index + 1}@greenlight.test"
        user = demo_user(email, name, district=districts[index % len(districts)])
        user.groups.add(residents)
    stdout.write(f"  accounts: {User.objects.count()} people in {len(districts)} districts")


def demo_residents() -> list[User]:
    """The demo residents, for other apps' demo content."""
    return list(User.objects.filter(email__startswith="resident", email__endswith="@greenlight.test").order_by("id"))
