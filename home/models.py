from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel, MultiFieldPanel
from wagtail.contrib.settings.models import BaseSiteSetting, register_setting
from wagtail.fields import StreamField
from wagtail.models import Page
from wagtail.search import index

from .blocks import BodyBlock


class HomePage(Page):
    """The programme's front door: what it is, how it works, featured challenges and pilots."""

    intro = models.CharField(_("introduction"), max_length=300, blank=True)
    body = StreamField(BodyBlock(), blank=True, verbose_name=_("body"))

    content_panels = Page.content_panels + [FieldPanel("intro"), FieldPanel("body")]
    search_fields = Page.search_fields + [index.SearchField("intro"), index.SearchField("body")]
    parent_page_types = ["wagtailcore.Page"]
    max_count = 1

    class Meta:
        verbose_name = _("home page")

    def route(self, request, path_components):
        """A translation of the home page routes through the home page in the default
        language, so every address serves the same page (shown translated) in each language."""
        from .translation import canonical_page

        canonical = canonical_page(self)
        if canonical.pk != self.pk:
            return canonical.specific.route(request, path_components)
        return super().route(request, path_components)

    def get_context(self, request, *args, **kwargs):
        from .selectors import home_featured

        context = super().get_context(request, *args, **kwargs)
        context.update(home_featured(home=self))
        return context


class StandardPage(Page):
    """A plain content page: about, privacy, how scoring works."""

    intro = models.CharField(_("introduction"), max_length=300, blank=True)
    body = StreamField(BodyBlock(), blank=True, verbose_name=_("body"))

    content_panels = Page.content_panels + [FieldPanel("intro"), FieldPanel("body")]
    search_fields = Page.search_fields + [index.SearchField("intro"), index.SearchField("body")]
    parent_page_types = ["home.HomePage", "home.StandardPage"]
    subpage_types = ["home.StandardPage"]

    class Meta:
        verbose_name = _("standard page")


@register_setting(icon="site")
class SiteSettings(BaseSiteSetting):
    """Who runs the programme, shown in the footer, and the pages people agree to or rely on
    (linked from the footer and from sign-up)."""

    city_name = models.CharField(_("city name"), max_length=100, default="Riverside")
    contact_email = models.EmailField(_("contact email"), blank=True)
    footer_text = models.CharField(_("footer text"), max_length=250, blank=True)
    privacy_page = models.ForeignKey(
        "wagtailcore.Page",
        verbose_name=_("privacy policy"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    terms_page = models.ForeignKey(
        "wagtailcore.Page",
        verbose_name=_("terms of use"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text=_("When you change the terms, also change GREENLIGHT_TERMS_VERSION so that people accept again."),
    )
    accessibility_page = models.ForeignKey(
        "wagtailcore.Page",
        verbose_name=_("accessibility statement"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )

    select_related = ["privacy_page", "terms_page", "accessibility_page"]

    panels = [
        FieldPanel("city_name"),
        FieldPanel("contact_email"),
        FieldPanel("footer_text"),
        MultiFieldPanel(
            [FieldPanel("privacy_page"), FieldPanel("terms_page"), FieldPanel("accessibility_page")],
            heading=_("Privacy, terms and accessibility"),
        ),
    ]

    class Meta:
        verbose_name = _("site settings")
