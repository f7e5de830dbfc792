"""Small builders shared by the dashboards: PromQL shapes and the panel kinds we use.

Every panel reads the provisioned Prometheus datasource (uid `prometheus`). Rates are per
minute: news moves in items per minute, not per second.
"""

from __future__ import annotations

from collections.abc import Sequence

from grafana_foundation_sdk.builders import common, dashboard, stat, table, timeseries
from grafana_foundation_sdk.builders.prometheus import Dataquery
from grafana_foundation_sdk.models.prometheus import PromQueryFormat
from grafana_foundation_sdk.models.common import (
    BigValueGraphMode,
    LegendDisplayMode,
    LegendPlacement,
    StackingMode,
)
from grafana_foundation_sdk.models.dashboard import (
    DashboardCursorSync,
    DashboardLinkType,
    DataSourceRef,
    Threshold,
    ThresholdsMode,
    ValueMap,
    ValueMappingResult,
    VariableRefresh,
    VariableSort,
)

DATASOURCE = DataSourceRef(type_val="prometheus", uid="prometheus")
WINDOW = "$__rate_interval"
RANGE = "$__range"
PER_MINUTE = "cpm"  # Grafana's unit "counts per minute"


def _selector(selector: str) -> str:
    return f"{{{selector}}}" if selector else ""


def _sum(labels: Sequence[str]) -> str:
    return f"sum by ({', '.join(labels)}) " if labels else "sum"


def per_minute(metric: str, selector: str = "", by: Sequence[str] = ()) -> str:
    return f"{_sum(by)}(rate({metric}{_selector(selector)}[{WINDOW}])) * 60"


def increase(metric: str, selector: str = "", by: Sequence[str] = (), window: str = WINDOW) -> str:
    return f"{_sum(by)}(increase({metric}{_selector(selector)}[{window}]))"


def quantile(q: float, histogram: str, selector: str = "", by: Sequence[str] = ()) -> str:
    buckets = f"rate({histogram}_bucket{_selector(selector)}[{WINDOW}])"
    return f"histogram_quantile({q}, {_sum([*by, 'le'])}({buckets}))"


def query(expr: str, legend: str = "") -> Dataquery:
    target = Dataquery().expr(expr).datasource(DATASOURCE)
    return target.legend_format(legend) if legend else target


def _with_targets(panel, targets: Sequence[Dataquery]):
    for ref, target in zip("ABCDEFGHIJ", targets, strict=False):
        panel = panel.with_target(target.ref_id(ref))
    return panel


def timeseries_panel(title: str, description: str, unit: str, *targets: Dataquery, stacked: bool = False,
                     width: int = 12, height: int = 8) -> timeseries.Panel:
    panel = (
        timeseries.Panel()
        .title(title)
        .description(description)
        .datasource(DATASOURCE)
        .unit(unit)
        .min(0)
        .span(width)
        .height(height)
        .fill_opacity(10)
        .legend(common.VizLegendOptions().display_mode(LegendDisplayMode.LIST).placement(LegendPlacement.BOTTOM)
                .show_legend(True))
    )
    if stacked:
        panel = panel.stacking(common.StackingConfig().mode(StackingMode.NORMAL)).fill_opacity(40)
    return _with_targets(panel, targets)


def stat_panel(title: str, description: str, unit: str, *targets: Dataquery, width: int = 4,
               red_at: float | None = None) -> stat.Panel:
    panel = (
        stat.Panel()
        .title(title)
        .description(description)
        .datasource(DATASOURCE)
        .unit(unit)
        .span(width)
        .height(4)
        .graph_mode(BigValueGraphMode.NONE)
    )
    if unit == "short":
        panel = panel.no_value("0")  # a count with no series yet: nothing has happened
    if red_at is not None:
        panel = panel.thresholds(
            dashboard.ThresholdsConfig().mode(ThresholdsMode.ABSOLUTE).steps(
                [Threshold(value=None, color="green"), Threshold(value=red_at, color="red")]
            )
        )
    return _with_targets(panel, [t.instant() for t in targets])


def up_panel(title: str, description: str, expr: str, width: int = 8) -> stat.Panel:
    """One tile per service: UP in green, DOWN in red."""
    mapping = ValueMap(options={"0": ValueMappingResult(text="DOWN", color="red"),
                                "1": ValueMappingResult(text="UP", color="green")})
    return stat_panel(title, description, "none", query(expr, "{{job}}"), width=width).mappings([mapping])


def table_panel(title: str, description: str, unit: str, *targets: Dataquery, width: int = 12,
                height: int = 8) -> table.Panel:
    panel = table.Panel().title(title).description(description).datasource(DATASOURCE).unit(unit).span(width)
    return _with_targets(panel.height(height), [t.instant().format(PromQueryFormat.TABLE) for t in targets])


def row(title: str) -> dashboard.Row:
    return dashboard.Row(title)


def label_variable(name: str, label: str, metric: str) -> dashboard.QueryVariable:
    """A multi-value variable over a label's values, `All` matching every value (`.*`)."""
    return (
        dashboard.QueryVariable(name)
        .label(label)
        .datasource(DATASOURCE)
        .query(f"label_values({metric}, {name})")
        .refresh(VariableRefresh.ON_TIME_RANGE_CHANGED)
        .sort(VariableSort.ALPHABETICAL_ASC)
        .multi(True)
        .include_all(True)
        .all_value(".*")
    )


def new_dashboard(uid: str, title: str, description: str) -> dashboard.Dashboard:
    return (
        dashboard.Dashboard(title)
        .uid(uid)
        .description(description)
        .tags(["sitrep"])
        .time("now-6h", "now")
        .refresh("30s")
        .tooltip(DashboardCursorSync.CROSSHAIR)
        .readonly()
        .link(dashboard.DashboardLink("sitrep").type(DashboardLinkType.DASHBOARDS).tags(["sitrep"])
              .as_dropdown(True).keep_time(True).include_vars(False))
    )
