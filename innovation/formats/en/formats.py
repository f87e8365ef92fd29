"""The one way Greenlight writes dates and times (English). Templates use ``|date`` (a day),
``|date:"DATETIME_FORMAT"`` (a moment), ``|date:"MONTH_DAY_FORMAT"`` and
``|date:"YEAR_MONTH_FORMAT"``; Python code uses ``django.utils.formats.date_format`` with the
same names, after ``timezone.localtime`` so that moments are in the city's ``TIME_ZONE``."""

DATE_FORMAT = "j M Y"  # 17 Oct 2026
DATETIME_FORMAT = "j M Y, g:i A"  # 17 Oct 2026, 5:00 PM
SHORT_DATE_FORMAT = "j M Y"
SHORT_DATETIME_FORMAT = "j M Y, g:i A"
TIME_FORMAT = "g:i A"
MONTH_DAY_FORMAT = "j M"  # 17 Oct
YEAR_MONTH_FORMAT = "M Y"  # Oct 2026
