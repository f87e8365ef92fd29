"""The KPI charts of pilot pages, drawn by the shared chart module (:mod:`home.charts`)."""

from home.charts import KPIChart

__all__ = ["KPIChart", "kpi_charts"]


def kpi_charts(kpis) -> list[KPIChart]:
    """The charts of a pilot's KPI StreamField, measurements sorted by date."""
    charts = []
    for number, block in enumerate(kpis, start=1):
        value = block.value
        measurements = sorted(((m["date"], float(m["value"])) for m in value["measurements"]), key=lambda m: m[0])
        charts.append(
            KPIChart(
                name=value["name"],
                unit=value.get("unit") or "",
                baseline=float(value["baseline"]),
                target=float(value["target"]),
                measurements=measurements,
                chart_id=f"kpi-{number}",
            )
        )
    return charts
