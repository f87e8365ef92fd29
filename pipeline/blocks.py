"""The KPI block of a pilot: what is measured, from where to where, and the measurements."""

from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _
from wagtail import blocks
from wagtail.blocks.struct_block import StructBlockValidationError


class MeasurementBlock(blocks.StructBlock):
    date = blocks.DateBlock(label=_("Date measured"))
    value = blocks.FloatBlock(label=_("Value"))

    class Meta:
        icon = "date"
        label = _("Measurement")


class KPIBlock(blocks.StructBlock):
    name = blocks.CharBlock(label=_("Name"), max_length=120)
    unit = blocks.CharBlock(label=_("Unit"), max_length=30, required=False, help_text=_("e.g. %, trips a day, µg/m³"))
    baseline = blocks.FloatBlock(label=_("Baseline"), help_text=_("The value before the pilot started."))
    target = blocks.FloatBlock(label=_("Target"))
    measurements = blocks.ListBlock(MeasurementBlock(), label=_("Measurements"), collapsed=False, default=[])

    class Meta:
        icon = "list-ul"
        label = _("KPI")

    def clean(self, value):
        value = super().clean(value)
        dates = [m["date"] for m in value["measurements"]]
        if len(dates) != len(set(dates)):
            raise StructBlockValidationError(
                block_errors={"measurements": ValidationError(_("Each date may have only one measurement."))}
            )
        return value
