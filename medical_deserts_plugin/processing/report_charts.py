"""Charts of the territorial report as PNG pictures, drawn with matplotlib (Agg, no display) in greys and hatches
so that they print legibly in black and white. Without matplotlib every function returns None and the report
gives the values as tables instead."""

import os

import numpy as np

from ..core.report import format_number, format_share, texts
from .report_layout import APL_COLOURS

try:
    import matplotlib

    matplotlib.use("Agg", force=False)
    from matplotlib.figure import Figure
    from matplotlib.ticker import FuncFormatter, MaxNLocator
except ImportError:  # the report degrades to tables
    Figure = None

#: Size of the chart pictures (inches at 200 dpi): they fill half a page width of A4.
CHART_SIZE = (4.6, 3.4)
DPI = 200
GREYS = ("#252525", "#737373", "#bdbdbd", "#f0f0f0")
HATCHES = ("", "//", "..", "xx")


def charts_available():
    return Figure is not None


def _figure():
    figure = Figure(figsize=CHART_SIZE, dpi=DPI)
    axes = figure.add_subplot(1, 1, 1)
    axes.spines["top"].set_visible(False)
    axes.spines["right"].set_visible(False)
    return figure, axes


def _save(figure, path):
    figure.tight_layout()
    figure.savefig(path, dpi=DPI)
    return path


def _thousands(language):
    return FuncFormatter(lambda value, _: format_number(value, language))


def population_by_apl_class(path, counts, labels, colours, language):
    """Horizontal bars of inhabitants per APL class (``counts`` and ``labels`` in class order, worst first)."""
    if Figure is None:
        return None
    if counts[-1] == 0:  # the class "no APL" is shown only when some commune has none
        counts, labels, colours = counts[:-1], labels[:-1], colours[:-1]
    figure, axes = _figure()
    rows = np.arange(len(counts))[::-1]
    bars = axes.barh(rows, counts, color=colours, edgecolor="black", linewidth=0.6)
    for bar, hatch in zip(bars, HATCHES):
        bar.set_hatch(hatch)
    axes.set_yticks(rows)
    axes.set_yticklabels(labels, fontsize=8)
    axes.xaxis.set_major_formatter(_thousands(language))
    axes.xaxis.set_major_locator(MaxNLocator(4))
    axes.set_xlabel(texts(language)["chart_apl_axis"], fontsize=8)
    axes.tick_params(axis="x", labelsize=7)
    for row, count in zip(rows, counts):
        axes.text(count, row, " " + format_number(count, language), va="center", fontsize=7)
    axes.set_xlim(0, max(counts) * 1.3 if max(counts) > 0 else 1)
    axes.set_title(texts(language)["chart_apl"], fontsize=9)
    return _save(figure, path)


def cumulative_minutes(path, minutes, shares, language, marks=(10, 20, 30)):
    """Step curve of the share of inhabitants within x minutes of the nearest GP, with dotted marks."""
    if Figure is None:
        return None
    t = texts(language)
    figure, axes = _figure()
    axes.step(np.concatenate([[0.0], minutes]), np.concatenate([[0.0], shares]) * 100, where="post",
              color="black", linewidth=1.4)
    for mark in marks:
        share = shares[np.searchsorted(minutes, mark, side="right") - 1] * 100 if (minutes <= mark).any() else 0.0
        axes.axvline(mark, color="#737373", linestyle=":", linewidth=0.8)
        axes.text(mark, 3, " " + format_share(share / 100, language), fontsize=7, rotation=90, va="bottom")
    axes.set_xlim(0, max(float(minutes.max()) if len(minutes) else 0.0, marks[-1]) * 1.05)
    axes.set_ylim(0, 100)
    axes.set_xlabel(t["chart_time_x"], fontsize=8)
    axes.set_ylabel(t["chart_time_y"], fontsize=8)
    axes.tick_params(labelsize=7)
    axes.grid(axis="y", color="#d9d9d9", linewidth=0.5)
    axes.set_title(t["chart_time"], fontsize=9)
    return _save(figure, path)


def before_after(path, change, caption, language):
    """Two bars: inhabitants on the wrong side of the limit before and after the suggested sites."""
    if Figure is None:
        return None
    t = texts(language)
    figure, axes = _figure()
    values = (change.before, change.after)
    bars = axes.bar([0, 1], values, color=(GREYS[0], GREYS[2]), edgecolor="black", linewidth=0.6, width=0.55)
    bars[1].set_hatch("//")
    axes.set_xticks([0, 1])
    axes.set_xticklabels([t["chart_before"], t["chart_after"]], fontsize=8)
    axes.yaxis.set_major_formatter(_thousands(language))
    axes.yaxis.set_major_locator(MaxNLocator(5))
    axes.set_ylabel(caption, fontsize=8)
    axes.tick_params(axis="y", labelsize=7)
    for x, value in enumerate(values):
        axes.text(x, value, format_number(value, language), ha="center", va="bottom", fontsize=8)
    axes.set_ylim(0, max(values) * 1.2 if max(values) > 0 else 1)
    axes.set_title(t["chart_sites"], fontsize=9)
    return _save(figure, path)


def draw_charts(content, folder):
    """Draw the charts of a ``report_layout.ReportContent`` into ``folder``; their paths (None without matplotlib)
    go into ``content.charts``."""
    language = content.language
    t = texts(language)
    content.charts["apl"] = population_by_apl_class(
        os.path.join(folder, "apl.png"), content.apl_counts, t["apl_classes"], APL_COLOURS, language)
    if content.cumulative is not None:
        content.charts["minutes"] = cumulative_minutes(
            os.path.join(folder, "minutes.png"), *content.cumulative, language)
    if content.change is not None:
        content.charts["sites"] = before_after(
            os.path.join(folder, "sites.png"), content.change, content.change_caption, language)
