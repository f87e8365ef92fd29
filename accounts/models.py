from django.conf import settings
from django.contrib.auth.models import AbstractBaseUser, BaseUserManager, PermissionsMixin
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _


class District(models.Model):
    """A neighbourhood of the city. Ideas and people belong to one, so leadership can see
    whether the whole city took part."""

    name = models.CharField(_("name"), max_length=100, unique=True)
    slug = models.SlugField(_("slug"), max_length=100, unique=True)
    population = models.PositiveIntegerField(
        _("population"),
        null=True,
        blank=True,
        help_text=_(
            "How many people live here (e.g. from the latest census). Insights compare each district's "
            "share of participants with its share of the city's population."
        ),
    )

    class Meta:
        ordering = ["name"]
        verbose_name = _("district")
        verbose_name_plural = _("districts")

    def __str__(self) -> str:
        return self.name


class UserManager(BaseUserManager):
    use_in_migrations = True

    def _create_user(self, email, password, **extra_fields):
        if not email:
            raise ValueError("An email address is required.")
        email = self.normalize_email(email).lower()
        user = self.model(email=email, **extra_fields)
        user.set_password(password)
        user.save(using=self._db)
        return user

    def create_user(self, email, password=None, **extra_fields):
        extra_fields.setdefault("is_staff", False)
        extra_fields.setdefault("is_superuser", False)
        return self._create_user(email, password, **extra_fields)

    def create_superuser(self, email, password=None, **extra_fields):
        extra_fields.setdefault("is_staff", True)
        extra_fields.setdefault("is_superuser", True)
        return self._create_user(email, password, **extra_fields)


class User(AbstractBaseUser, PermissionsMixin):
    """A person who takes part. Signs in with their email; shown publicly only by display name.

    ``is_staff`` means only "may open the admin"; city staff are a role (group)."""

    email = models.EmailField(_("email address"), unique=True)
    display_name = models.CharField(
        _("display name"),
        max_length=60,
        blank=True,
        help_text=_("Shown next to your ideas and comments. Your email address is never shown."),
    )
    first_name = models.CharField(_("first name"), max_length=150, blank=True)
    last_name = models.CharField(_("last name"), max_length=150, blank=True)
    district = models.ForeignKey(
        District,
        verbose_name=_("district"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="residents",
    )
    language = models.CharField(
        _("language"),
        max_length=10,
        choices=settings.LANGUAGES,
        blank=True,
        help_text=_("The language of the site and of the emails you receive."),
    )
    is_staff = models.BooleanField(_("may open the admin"), default=False)
    is_active = models.BooleanField(_("active"), default=True)
    date_joined = models.DateTimeField(_("date joined"), default=timezone.now)
    erased_at = models.DateTimeField(
        _("account deleted"),
        null=True,
        blank=True,
        editable=False,
        help_text=_("The person deleted their account; what they contributed stays without their name."),
    )

    objects = UserManager()

    USERNAME_FIELD = "email"
    EMAIL_FIELD = "email"
    REQUIRED_FIELDS: list[str] = []

    class Meta:
        verbose_name = _("user")
        verbose_name_plural = _("users")

    def __str__(self) -> str:
        return self.public_name

    @property
    def public_name(self) -> str:
        """The name others see: the display name, or an anonymous label — never the email."""
        if self.erased_at:
            return str(_("Former participant"))
        if self.display_name:
            return self.display_name
        if self.first_name:
            return f"{self.first_name} {self.last_name[:1]}".strip()
        return _("Resident #%(id)s") % {"id": self.pk}

    def get_full_name(self) -> str:
        return f"{self.first_name} {self.last_name}".strip() or self.public_name

    def get_short_name(self) -> str:
        return self.first_name or self.public_name


class TermsAcceptance(models.Model):
    """A person accepted a version of the terms of use at a moment. The newest row per person
    says whether they must accept again before their next contribution."""

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name=_("person"), on_delete=models.CASCADE, related_name="terms_acceptances"
    )
    version = models.CharField(_("terms version"), max_length=40)
    accepted_at = models.DateTimeField(_("accepted at"), default=timezone.now)

    class Meta:
        ordering = ["-accepted_at", "-pk"]
        verbose_name = _("terms acceptance")
        verbose_name_plural = _("terms acceptances")
        constraints = [models.UniqueConstraint(fields=["user", "version"], name="terms_once_per_version")]

    def __str__(self) -> str:
        return f"{self.version} @ {self.accepted_at:%Y-%m-%d %H:%M}"


class DataExport(models.Model):
    """A "Download my data" request: prepared by a Celery task, downloadable by its owner
    through a link that expires."""

    class Status(models.TextChoices):
        PENDING = "pending", _("Being prepared")
        READY = "ready", _("Ready")
        FAILED = "failed", _("Failed")

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name=_("person"), on_delete=models.CASCADE, related_name="data_exports"
    )
    token = models.CharField(_("token"), max_length=64, unique=True, editable=False)
    status = models.CharField(_("status"), max_length=10, choices=Status.choices, default=Status.PENDING)
    requested_at = models.DateTimeField(_("requested at"), default=timezone.now)
    ready_at = models.DateTimeField(_("ready at"), null=True, blank=True)
    expires_at = models.DateTimeField(_("expires at"), null=True, blank=True)

    class Meta:
        ordering = ["-requested_at", "-pk"]
        verbose_name = _("data export")
        verbose_name_plural = _("data exports")

    def __str__(self) -> str:
        return f"{self.get_status_display()} ({self.requested_at:%Y-%m-%d %H:%M})"

    @property
    def filename(self) -> str:
        return f"greenlight-data-{self.requested_at:%Y%m%d}.zip"

    def is_downloadable(self, now=None) -> bool:
        now = now or timezone.now()
        return self.status == self.Status.READY and self.expires_at is not None and self.expires_at > now
