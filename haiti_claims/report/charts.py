"""Small SVG charts of one subject group's values, one mark per source, for the HTML report.

Why matplotlib: it is the maintained plotting library for Python, writes SVG with no
browser or JavaScript, and already solves what a hand-written SVG would have to redo
(date axes and their ticks, scales, text layout). It is used without pyplot (a bare
`Figure`, so no global state and no GUI backend), keeps text as SVG `<text>` so labels
stay selectable, searchable and readable by screen readers, makes each mark a link to its
claim, and is made deterministic: a fixed hash salt per chart (which also keeps element ids
unique when several charts share one page) and no date stamp.

Number groups are drawn against the as-of date of each claim, with an "undated" lane for
claims that have none; date groups are a timeline with one row per mark. Intervals are
bars, exact values points, open ends arrows to the edge of the plot. Marks in a finding
are drawn in the finding's colour as diamonds with thick bars and carry the finding ids
in their label; marks that agree are grey circles: shape and text, not colour alone.
"""
from __future__ import annotations

import io
from dataclasses import dataclass
from datetime import date, timedelta
from typing import Sequence

import matplotlib
import matplotlib.dates as mdates
from matplotlib.axes import Axes
from matplotlib.figure import Figure
from matplotlib.transforms import Transform, offset_copy

from ..model import DateValue, NumberValue, Severity

COLOURS: dict[str, str] = {"error": "#b3261e", "warning": "#9a5b00", "info": "#1f5f99"}
AGREEING = "#6b6b6b"
WIDTH = 6.4  # inches; the page scales the SVG to its column
SPREAD = 16.0  # points between marks that share a date
LABEL_SIZE = 7.5
RC = {"svg.fonttype": "none", "font.family": "DejaVu Sans", "font.size": 8, "axes.spines.top": False,
      "axes.spines.right": False, "axes.edgecolor": "#999999"}


@dataclass(frozen=True)
class Mark:
    """One source's value in a group: what a chart draws and what its data table lists."""

    key: str  # the document's short key, "A"
    text: str  # the claim as written
    value: NumberValue | DateValue
    when: date | None  # number charts: the as-of date; None puts the mark in the undated lane
    href: str  # link to the claim's row in the claim table
    findings: tuple[str, ...] = ()  # ids of the findings of this group the mark is in
    severity: Severity | None = None  # the worst of those findings

    @property
    def label(self) -> str:
        ids = f" ({', '.join(self.findings)})" if self.findings else ""
        return f"{self.key} {self.text}{ids}"

    @property
    def colour(self) -> str:
        return COLOURS[self.severity] if self.severity else AGREEING


def number_chart(marks: Sequence[Mark], salt: str) -> str:
    """Values (y) against as-of date (x), an undated lane on the right where needed."""
    lanes = [lane for lane in ([m for m in marks if m.when], [m for m in marks if not m.when]) if lane]
    with matplotlib.rc_context({**RC, "svg.hashsalt": salt}):
        fig = Figure(figsize=(WIDTH, 2.8), layout="constrained")
        ratios = [4 if lane[0].when else 1 for lane in lanes]
        axes = fig.subplots(1, len(lanes), sharey=True, squeeze=False, width_ratios=ratios)[0]
        low, high = _padded(_finite([m.value.low for m in marks] + [m.value.high for m in marks]))
        for ax, lane in zip(axes, lanes):
            ax.set_ylim(low, high)
            if lane[0].when:
                _date_axis(ax, [m.when for m in lane])
                xs = [mdates.date2num(m.when) for m in lane]
            else:
                ax.set_xlim(-1, 1)
                ax.set_xticks([0], ["undated"])
                xs = [0.0] * len(lane)
            for mark, x, dx in _spread(lane, xs):
                _draw_number(ax, mark, x, offset_copy(ax.transData, fig=fig, x=dx, units="points"), (low, high))
        axes[0].yaxis.set_major_formatter(lambda v, _: f"{v:,.15g}")
        if lanes[0][0].when:
            axes[0].set_xlabel("as of")
        return _svg(fig)


def date_chart(marks: Sequence[Mark], salt: str) -> str:
    """A timeline: one row per mark, the date or period it names along the time axis."""
    with matplotlib.rc_context({**RC, "svg.hashsalt": salt}):
        fig = Figure(figsize=(WIDTH, 0.9 + 0.32 * len(marks)), layout="constrained")
        ax = fig.subplots()
        days = [d for m in marks for d in (m.value.start, m.value.end) if d]
        low, high = _date_axis(ax, days)
        for row, mark in enumerate(marks):
            _draw_period(ax, mark, row, (low, high))
        ax.set_yticks(range(len(marks)), [m.label for m in marks], parse_math=False, fontsize=LABEL_SIZE)
        ax.set_ylim(len(marks) - 0.5, -0.5)
        ax.spines["left"].set_visible(False)
        ax.tick_params(axis="y", length=0)
        for tick, mark in zip(ax.get_yticklabels(), marks):
            tick.set_color(mark.colour)
            tick.set_url(mark.href)
        return _svg(fig)


def _draw_number(ax: Axes, mark: Mark, x: float, where: Transform, limits: tuple[float, float]) -> None:
    value = mark.value
    low = value.low if value.low is not None else limits[0]
    high = value.high if value.high is not None else limits[1]
    style = _style(mark)
    if low != high:
        ax.plot([x, x], [low, high], transform=where, lw=style["lw"], color=mark.colour, url=mark.href,
                solid_capstyle="butt")
        _ends(ax, mark, ([x], [x]), ([low], [high]), where, ("v", "^"), ("_", "_"))
    at = value.nominal if value.nominal is not None else low
    ax.plot([x], [at], transform=where, url=mark.href, **_marker(mark))
    ax.annotate(mark.label, (x, at), xycoords=where, xytext=(6, 0), textcoords="offset points", va="center",
                fontsize=LABEL_SIZE, color=mark.colour, parse_math=False, url=mark.href, annotation_clip=False)


def _draw_period(ax: Axes, mark: Mark, row: int, limits: tuple[float, float]) -> None:
    value = mark.value
    start = mdates.date2num(value.start) if value.start else limits[0]
    end = mdates.date2num(value.end + timedelta(days=1)) if value.end else limits[1]
    if value.start is not None and value.start == value.end:
        ax.plot([start], [row], url=mark.href, **_marker(mark))
        return
    ax.plot([start, end], [row, row], lw=_style(mark)["lw"] * 2.5, color=mark.colour, url=mark.href,
            solid_capstyle="butt")
    _ends(ax, mark, ([start], [end]), ([row], [row]), ax.transData, ("<", ">"), ("|", "|"))


def _ends(ax: Axes, mark: Mark, xs: tuple[list[float], list[float]], ys: tuple[list[float], list[float]],
          where: Transform, open_markers: tuple[str, str], closed_markers: tuple[str, str]) -> None:
    """Caps at the closed ends of an interval, arrows at the open ones."""
    value = mark.value
    is_open = ((value.start if isinstance(value, DateValue) else value.low) is None,
               (value.end if isinstance(value, DateValue) else value.high) is None)
    for side in (0, 1):
        marker = open_markers[side] if is_open[side] else closed_markers[side]
        ax.plot(xs[side], ys[side], transform=where, marker=marker, color=mark.colour, markersize=7,
                markeredgewidth=1.5, linestyle="none", url=mark.href)


def _style(mark: Mark) -> dict[str, float]:
    return {"lw": 3.0 if mark.severity else 1.5}


def _marker(mark: Mark) -> dict[str, object]:
    if mark.severity:
        return {"marker": "D", "markersize": 7, "color": mark.colour, "markeredgecolor": "black", "linestyle": "none"}
    return {"marker": "o", "markersize": 6, "color": "white", "markeredgecolor": mark.colour, "markeredgewidth": 1.5,
            "linestyle": "none"}


def _spread(marks: Sequence[Mark], xs: Sequence[float]) -> list[tuple[Mark, float, float]]:
    """Each mark with its x and a sideways offset in points, so marks on the same date do not overlap."""
    seen: dict[float, int] = {}
    placed = []
    for mark, x in zip(marks, xs):
        placed.append((mark, x, seen.get(x, 0)))
        seen[x] = seen.get(x, 0) + 1
    return [(mark, x, (i - (seen[x] - 1) / 2) * SPREAD) for mark, x, i in placed]


def _finite(values: Sequence[float | None]) -> list[float]:
    return [v for v in values if v is not None]


def _padded(values: Sequence[float]) -> tuple[float, float]:
    low, high = min(values), max(values)
    pad = (high - low) * 0.15 or abs(high) * 0.15 or 1.0
    return low - pad, high + pad


def _date_axis(ax: Axes, days: Sequence[date]) -> tuple[float, float]:
    """An x axis of dates a little wider than the days given (three months at least), with concise ticks."""
    nums = [mdates.date2num(d) for d in days]
    low, high = min(nums) - 45.0, max(nums) + 46.0
    locator = mdates.AutoDateLocator(minticks=2, maxticks=5)
    ax.xaxis.set_major_locator(locator)
    ax.xaxis.set_major_formatter(mdates.ConciseDateFormatter(locator))
    ax.set_xlim(low, high)
    ax.grid(axis="x", color="#dddddd", linewidth=0.6)
    return low, high


def _svg(fig: Figure) -> str:
    """The figure as an `<svg>` element to inline: no XML prolog, links that stay in the page."""
    out = io.StringIO()
    fig.savefig(out, format="svg", metadata={"Date": None})
    text = out.getvalue()
    return text[text.index("<svg"):].replace(' target="_blank"', "")
