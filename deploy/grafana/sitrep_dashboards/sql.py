"""Panels over the provisioned PostgreSQL data source (uid `sitrep-postgres`): the claims read model.

The SDK has no builder for SQL targets, so `SqlQuery` builds the target Grafana's PostgreSQL
plugin stores (`rawSql` in code mode). `$conflict` is multi-valued, so Grafana quotes and escapes
each value it puts in `IN ($conflict)`.
"""

from __future__ import annotations

from typing import Any

from grafana_foundation_sdk.builders import common, dashboard, table, timeseries
from grafana_foundation_sdk.cog.runtime import UnknownDataquery
from grafana_foundation_sdk.models.common import GraphDrawStyle, LegendDisplayMode, LegendPlacement, StackingMode
from grafana_foundation_sdk.models.dashboard import DataSourceRef, VariableRefresh, VariableSort

DATASOURCE = DataSourceRef(type_val="grafana-postgresql-datasource", uid="sitrep-postgres")


class SqlQuery:
    """A builder of one SQL target: `format` is `time_series` or `table`."""

    def __init__(self, sql: str, format_: str = "table", ref_id: str = "A") -> None:
        self.sql, self.format, self.ref = sql.strip(), format_, ref_id

    def ref_id(self, ref_id: str) -> SqlQuery:
        return SqlQuery(self.sql, self.format, ref_id)

    def build(self) -> UnknownDataquery:
        return UnknownDataquery({"refId": self.ref, "datasource": DATASOURCE, "editorMode": "code",
                                 "format": self.format, "rawQuery": True, "rawSql": self.sql})


class SqlAnnotationTarget:
    """An annotation query's target: rows of `time`, `text` and `tags` (comma-separated)."""

    def __init__(self, sql: str) -> None:
        self.sql = sql.strip()

    def build(self) -> UnknownDataquery:
        return UnknownDataquery({"refId": "Anno", "editorMode": "code", "format": "table", "rawQuery": True,
                                 "rawSql": self.sql})


def annotation(name: str, color: str, sql: str) -> dashboard.AnnotationQuery:
    return (dashboard.AnnotationQuery().name(name).datasource(DATASOURCE).enable(True).icon_color(color)
            .target(SqlAnnotationTarget(sql)))


def variable(name: str, label: str, sql: str) -> dashboard.QueryVariable:
    """A multi-value variable over a SQL query's first column, in the query's own order."""
    return (
        dashboard.QueryVariable(name)
        .label(label)
        .datasource(DATASOURCE)
        .query(sql.strip())
        .refresh(VariableRefresh.ON_TIME_RANGE_CHANGED)
        .sort(VariableSort.DISABLED)
        .multi(True)
        .include_all(False)
    )


def bars_panel(title: str, description: str, query: SqlQuery, width: int = 24, height: int = 9) -> Any:
    return (
        timeseries.Panel()
        .title(title)
        .description(description)
        .datasource(DATASOURCE)
        .unit("short")
        .min(0)
        .span(width)
        .height(height)
        .draw_style(GraphDrawStyle.BARS)
        .fill_opacity(60)
        .stacking(common.StackingConfig().mode(StackingMode.NORMAL))
        .legend(common.VizLegendOptions().display_mode(LegendDisplayMode.LIST).placement(LegendPlacement.BOTTOM)
                .show_legend(True))
        .with_target(query.ref_id("A"))
    )


def table_panel(title: str, description: str, query: SqlQuery, width: int = 24, height: int = 10) -> Any:
    return (table.Panel().title(title).description(description).datasource(DATASOURCE).span(width).height(height)
            .with_target(query.ref_id("A")))
