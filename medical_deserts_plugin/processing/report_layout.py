"""The territorial report as a QGIS print layout (A4 portrait, millimetres), exported to PDF.

The layout and its layers live in one project: a private one, or the user's (the desktop), where the layers go into
one group, unchecked, and the layout into the layout manager, to edit (:meth:`ReportLayout.add_to_project`). The
charts are embedded in the layout (no file to keep).

Pages: title and key figures; APL map and chart; time map and chart (with minutes); underserved zones (with the
zones or classes); suggested sites (with the sites); the least served communes; method and licences. Colours are
sequential (light = good access, dark = poor access) so that every map reads in grey.
"""

import base64
import os
from dataclasses import dataclass, field

import numpy as np
import shapely
from qgis.core import (
    QgsFeature,
    QgsFeatureRequest,
    QgsFields,
    QgsGeometry,
    QgsVectorLayer,
    QgsFillSymbol,
    QgsLegendStyle,
    QgsLinePatternFillSymbolLayer,
    QgsLayoutExporter,
    QgsLayoutItemLabel,
    QgsLayoutItemLegend,
    QgsLayoutItemMap,
    QgsLayoutItemPage,
    QgsLayoutItemPicture,
    QgsLayoutItemScaleBar,
    QgsLayoutItemTextTable,
    QgsLayoutFrame,
    QgsLayoutMultiFrame,
    QgsLayoutPoint,
    QgsLayoutSize,
    QgsLayoutTable,
    QgsLayoutTableColumn,
    QgsMarkerSymbol,
    QgsPalLayerSettings,
    QgsPathResolver,
    QgsPrintLayout,
    QgsRectangle,
    Qgis,
    QgsRendererCategory,
    QgsCategorizedSymbolRenderer,
    QgsRendererRange,
    QgsGraduatedSymbolRenderer,
    QgsSingleSymbolRenderer,
    QgsSymbolLayerUtils,
    QgsTextBufferSettings,
    QgsTextFormat,
    QgsUnitTypes,
    QgsVectorLayerSimpleLabeling,
)
from qgis.PyQt.QtCore import Qt
from qgis.PyQt.QtGui import QColor, QFont

from ..core import report
from ..core.zones import NO_DATA, SERVED, UNDERSERVED, UNDERSERVED_ISOLATED, VIGILANCE, ISOLATED
from .layers import as_multipolygon, finite_or_none
from .qgis_compat import new_field, set_label_font, set_legend_font

PAGE_WIDTH, PAGE_HEIGHT, MARGIN = 210.0, 297.0, 12.0
CONTENT_WIDTH = PAGE_WIDTH - 2 * MARGIN
MAP_TOP, MAP_HEIGHT = 24.0, 150.0
FONT = "DejaVu Sans"
#: Resolution of the PDF's pictures and rasterised parts (dots per inch).
EXPORT_DPI = 200

#: APL classes (DREES thresholds 2.5 and 4): dark = poor access; the last colour is for no APL.
APL_COLOURS = ("#99000d", "#fb6a4a", "#fff5f0", "#bdbdbd")
#: Minutes classes (bounds of core.report.MINUTE_BOUNDS), light = near; communes with no GP reachable are hatched.
TIME_COLOURS = ("#ffffcc", "#fed976", "#fd8d3c", "#e31a1c", "#800026")
#: Underserved classes, light to dark in grey: served, vigilance, isolated, underserved, both; no data hatched.
CLASS_COLOURS = {SERVED: "#ffffff", VIGILANCE: "#fee391", ISOLATED: "#fe9929", UNDERSERVED: "#cc4c02",
                 UNDERSERVED_ISOLATED: "#662506", NO_DATA: "#d9d9d9"}


@dataclass
class ReportContent:
    """Everything the layout shows; the layers are memory layers in the working CRS, out of any project (the
    layout puts those it shows, or their copies, into its project)."""

    language: str
    territory: str
    date: str
    communes: object  # QgsVectorLayer: name, population, apl, minutes, class_code, class_label
    key_lines: list
    source_lines: list
    apl_counts: list
    has_minutes: bool
    cumulative: tuple = None
    minute_counts: list = None
    class_labels: dict = None  # class code -> label, when the communes have underserved classes
    zones: object = None  # QgsVectorLayer with a "label" field
    class_counts: dict = None
    sites: object = None  # QgsVectorLayer with a "label" field
    site_lines: list = field(default_factory=list)
    site_gain_note: str = ""
    change: object = None  # core.report.BeforeAfter
    has_apl_after: bool = False  # the communes' apl_after holds the APL once the suggested sites are open
    change_caption: str = ""
    table: object = None  # pandas table of the least served communes
    charts: dict = field(default_factory=dict)  # chart name -> PNG path, or None without matplotlib
    run_lines: list = field(default_factory=list)  # what was actually run (APL parameters, solver status)


class ReportLayout:
    """Builds the pages of a ``ReportContent`` in a print layout of ``project``; the layers it shows are added to
    ``project`` (out of its layer tree) and listed in ``layers``."""

    def __init__(self, project, content):
        self.project = project
        self.content = content
        self.t = report.texts(content.language)
        self.layout = QgsPrintLayout(project)
        self.layout.initializeDefaults()  # one A4 page, landscape
        self.layout.pageCollection().page(0).setPageSize("A4", QgsLayoutItemPage.Orientation.Portrait)
        self.layout.setName(self.t["title"])
        # The export settings of the PDF, also those the layout designer offers for this layout: text as text.
        self.layout.renderContext().setDpi(EXPORT_DPI)
        self.layout.setCustomProperty("pdfTextFormat", int(Qgis.TextRenderFormat.AlwaysText))
        self.layers = []  # the layers added to the project, in the order added
        self.legend_titles = {}  # layer id -> its title in the legends ("|" breaks the line); absent: no legend

    # ------------------------------------------------------------------ pages
    def build(self):
        content = self.content
        self.title_page()
        self.map_page(self.t["apl_map"], [self.styled_apl()], self.chart_or_table(
            "apl", self.t["class_header"], self.t["apl_classes"], content.apl_counts))
        if content.has_minutes:
            self.map_page(self.t["time_map"], [self.styled_minutes(), self.styled_unreached()], self.chart_or_table(
                "minutes", (self.t["time_legend"], self.t["class_header"][1], self.t["class_header"][2]),
                self.t["time_classes"], content.minute_counts))
        if content.class_labels or content.zones is not None:
            layers = ([self.styled_zones()] if content.zones is not None else []) + \
                     ([self.styled_classes()] if content.class_labels else [self.styled_outline()])
            labels, counts = zip(*content.class_counts.items()) if content.class_counts else ((), ())
            self.map_page(self.t["zones_map"], layers, self.chart_or_table(
                None, (self.t["zones_legend"],) + self.t["class_header"][1:], labels, counts))
        if content.sites is not None:
            background = self.styled_apl("apl_after", self.t["apl_after_legend"]) if content.has_apl_after \
                else self.styled_apl(light=True)
            page = self.map_page(self.t["sites_map"], [self.styled_sites(), background],
                                 self.chart_or_table("sites", (), (), ()))
            self.text(page, MARGIN, MAP_TOP + MAP_HEIGHT + 58, 90, 45,
                      "\n".join(content.site_lines + ["", content.site_gain_note]), size=8)
        if content.table is not None and len(content.table):
            self.table_page()
        self.method_page()
        self.footers()
        return self.layout

    def new_page(self):
        collection = self.layout.pageCollection()
        if getattr(self, "_pages", 0):
            page = QgsLayoutItemPage(self.layout)
            page.setPageSize("A4", QgsLayoutItemPage.Orientation.Portrait)
            collection.addPage(page)
        self._pages = getattr(self, "_pages", 0) + 1
        return self._pages - 1

    def title_page(self):
        page = self.new_page()
        content = self.content
        self.text(page, MARGIN, 40, CONTENT_WIDTH, 22, self.t["title"], size=22, bold=True)
        self.text(page, MARGIN, 62, CONTENT_WIDTH, 10, self.t["subtitle"], size=13)
        self.text(page, MARGIN, 78, CONTENT_WIDTH, 14, content.territory, size=18, bold=True)
        self.text(page, MARGIN, 93, CONTENT_WIDTH, 8, self.t["made_on"].format(date=content.date), size=9)
        self.text(page, MARGIN, 112, CONTENT_WIDTH, 9, self.t["key_figures"], size=13, bold=True)
        self.text(page, MARGIN, 122, CONTENT_WIDTH, 95, "\n".join("• " + line for line in content.key_lines),
                  size=10)
        self.text(page, MARGIN, 222, CONTENT_WIDTH, 8, self.t["sources"], size=11, bold=True)
        self.text(page, MARGIN, 231, CONTENT_WIDTH, 50, "\n".join(content.source_lines), size=8)

    def map_page(self, title, layers, below):
        """A page with ``title``, a map of ``layers`` (first drawn on top) with its legend, scale bar and north
        arrow, and ``below`` (a function of the page drawing a chart or a table on the right half)."""
        page = self.new_page()
        self.text(page, MARGIN, 10, CONTENT_WIDTH - 10, 10, title, size=13, bold=True)
        map_item = QgsLayoutItemMap(self.layout)
        map_item.setId(title)  # its name in the designer's list of items
        map_item.setLayers(layers)
        map_item.attemptResize(QgsLayoutSize(CONTENT_WIDTH, MAP_HEIGHT))
        map_item.attemptMove(QgsLayoutPoint(MARGIN, MAP_TOP), page=page)
        map_item.setCrs(self.content.communes.crs())
        map_item.setFrameEnabled(True)
        self.layout.addLayoutItem(map_item)
        extent = QgsRectangle(self.content.communes.extent())
        extent.scale(1.04)
        map_item.zoomToExtent(extent)
        self.scale_bar(page, map_item)
        self.north_arrow(page)
        self.legend(page, map_item, layers)
        below(page)
        return page

    def table_page(self):
        page = self.new_page()
        self.text(page, MARGIN, 10, CONTENT_WIDTH, 10, self.t["table_title"], size=14, bold=True)
        language = self.content.language
        rows = [[row.name, report.format_number(row.population, language), report.format_number(row.apl, language, 2),
                 report.format_number(row.minutes, language, 1), row.label] for row in self.content.table.itertuples()]
        self.text_table(page, MARGIN, 24, CONTENT_WIDTH, self.t["table_header"], rows, widths=(62, 26, 16, 20, 0))

    def method_page(self):
        page = self.new_page()
        self.text(page, MARGIN, 10, CONTENT_WIDTH, 10, self.t["method"], size=14, bold=True)
        self.text(page, MARGIN, 22, CONTENT_WIDTH, 76, self.t["method_text"].replace("\n", "\n\n"), size=9)
        self.text(page, MARGIN, 100, CONTENT_WIDTH, 8, self.t["run"], size=11, bold=True)
        self.text(page, MARGIN, 109, CONTENT_WIDTH, 56, "\n\n".join(self.content.run_lines), size=9)
        self.text(page, MARGIN, 168, CONTENT_WIDTH, 10, self.t["licences"], size=14, bold=True)
        self.text(page, MARGIN, 180, CONTENT_WIDTH, 75, self.t["licences_text"].replace("\n", "\n\n"), size=9)

    def footers(self):
        pages = self._pages
        for page in range(pages):
            self.text(page, MARGIN, PAGE_HEIGHT - 9, CONTENT_WIDTH, 5, "{} — {}".format(
                self.content.territory, self.t["page"].format(page=page + 1, pages=pages)), size=7,
                align=Qt.AlignmentFlag.AlignRight)

    # ------------------------------------------------------------------ project
    def add_to_project(self, name):
        """Keep the report in its project: its layers in a group ``name``, collapsed and unchecked (not drawn on
        the map canvas; the layout's maps, which list their layers, still draw them), and the layout in the
        layout manager, named ``name``."""
        group = self.project.layerTreeRoot().insertGroup(0, name)
        for layer in self.layers:
            group.addLayer(layer)
        group.setExpanded(False)
        group.setItemVisibilityCheckedRecursive(False)
        self.layout.setName(name)
        self.project.layoutManager().addLayout(self.layout)

    def discard(self):
        """Remove from the project the layers added to it (a run that failed or that keeps nothing)."""
        self.project.removeMapLayers([layer.id() for layer in self.layers])
        self.layers = []

    # ------------------------------------------------------------------ items
    def text(self, page, x, y, width, height, text, size=10, bold=False, align=Qt.AlignmentFlag.AlignLeft):
        label = QgsLayoutItemLabel(self.layout)
        label.setText(text)
        font = QFont(FONT)
        font.setPointSizeF(size)
        font.setBold(bold)
        set_label_font(label, font, QColor("black"))
        label.setHAlign(align)
        label.setVAlign(Qt.AlignmentFlag.AlignTop)
        return self.place(label, page, x, y, width, height)

    def text_table(self, page, x, y, width, header, rows, widths=()):
        table = QgsLayoutItemTextTable(self.layout)
        columns = []
        for index, heading in enumerate(header):
            column = QgsLayoutTableColumn(heading)
            if index < len(widths) and widths[index]:
                column.setWidth(widths[index])
            if index in (1, 2, 3):
                column.setHAlignment(Qt.AlignmentFlag.AlignRight)
            columns.append(column)
        table.setColumns(columns)
        for row in rows:
            table.addRow([str(value) for value in row])
        body, heading = QgsTextFormat(), QgsTextFormat()
        body.setFont(QFont(FONT))
        body.setSize(8)
        heading.setFont(QFont(FONT, -1, QFont.Weight.Bold))
        heading.setSize(8)
        table.setContentTextFormat(body)
        table.setHeaderTextFormat(heading)
        table.setGridStrokeWidth(0.2)
        table.setCellMargin(1.2)
        table.setWrapBehavior(QgsLayoutTable.WrapBehavior.WrapText)  # long class names wrap in their column
        self.layout.addMultiFrame(table)
        frame = QgsLayoutFrame(self.layout, table)
        frame.attemptResize(QgsLayoutSize(width, PAGE_HEIGHT - y - 20))
        frame.attemptMove(QgsLayoutPoint(x, y), page=page)
        table.addFrame(frame)
        table.setResizeMode(QgsLayoutMultiFrame.ResizeMode.UseExistingFrames)
        return table

    def picture(self, page, x, y, width, height, path, embed=False):
        """A picture of the file ``path``; ``embed``: its bytes kept in the layout (the file may go)."""
        picture = QgsLayoutItemPicture(self.layout)
        if embed:
            with open(path, "rb") as image:
                path = "base64:" + base64.b64encode(image.read()).decode("ascii")
        picture.setPicturePath(path)
        picture.setResizeMode(QgsLayoutItemPicture.ResizeMode.Zoom)
        return self.place(picture, page, x, y, width, height)

    def place(self, item, page, x, y, width, height):
        """Add ``item`` to the layout, ``width`` x ``height`` mm at (``x``, ``y``) mm of ``page``; returns it."""
        self.layout.addLayoutItem(item)
        item.attemptResize(QgsLayoutSize(width, height))
        item.attemptMove(QgsLayoutPoint(x, y), page=page)
        return item

    def chart_or_table(self, chart, header, labels, counts):
        """Draw on the lower right half: the chart picture ``chart`` when matplotlib made it, else (and for
        ``chart`` None) a table of ``labels`` with their inhabitants and share, with a note when a chart is
        missing."""
        def draw(page):
            x, y, width = MARGIN + 92, MAP_TOP + MAP_HEIGHT + 6, CONTENT_WIDTH - 92
            path = self.content.charts.get(chart) if chart else None
            if path:
                self.picture(page, x, y, width, width * 3.4 / 4.6, path, embed=True)
                return
            if chart:
                self.text(page, x, y, width, 12, self.t["no_charts"], size=8)
                y += 13
            if chart == "sites":
                change = self.content.change
                if change is not None:
                    self.text_table(page, x, y, width, ("", self.content.change_caption), [
                        (self.t["chart_before"], report.format_number(change.before, self.content.language)),
                        (self.t["chart_after"], report.format_number(change.after, self.content.language))])
                return
            total = sum(counts) or 1.0
            language = self.content.language
            self.text_table(page, x, y, width, header, [
                (label, report.format_number(count, language), report.format_share(count / total, language))
                for label, count in zip(labels, counts)], widths=(width - 44, 22, 16))
        return draw

    def scale_bar(self, page, map_item):
        bar = QgsLayoutItemScaleBar(self.layout)
        bar.setLinkedMap(map_item)
        bar.setStyle("Single Box")
        bar.setUnits(QgsUnitTypes.DistanceUnit.DistanceKilometers)
        bar.setUnitLabel(self.t["scale"])
        bar.setMapUnitsPerScaleBarUnit(1.0)
        bar.setNumberOfSegmentsLeft(0)
        bar.setNumberOfSegments(2)
        bar.setUnitsPerSegment(10.0)
        bar.setHeight(2.0)
        text_format = QgsTextFormat()
        text_format.setFont(QFont(FONT))
        text_format.setSize(7)
        bar.setTextFormat(text_format)
        self.layout.addLayoutItem(bar)
        bar.attemptMove(QgsLayoutPoint(MARGIN + 3, MAP_TOP + MAP_HEIGHT - 13), page=page)
        bar.update()

    def north_arrow(self, page):
        path = QgsSymbolLayerUtils.svgSymbolNameToPath("arrows/NorthArrow_02.svg", QgsPathResolver())
        x, y = MARGIN + CONTENT_WIDTH - 8, MAP_TOP - 15  # beside the title, where no label of the map can go
        if path and os.path.exists(path):
            self.picture(page, x, y, 8, 13, path)
        else:
            self.text(page, x, y, 8, 13, self.t["north"] + "\n↑", size=12, bold=True,
                      align=Qt.AlignmentFlag.AlignHCenter)

    def legend(self, page, map_item, layers):
        legend = QgsLayoutItemLegend(self.layout)
        legend.setTitle("")
        legend.setAutoUpdateModel(False)  # the legend's own tree, a copy of the project's, saved with the layout
        tree = legend.model().rootGroup()
        tree.removeAllChildren()
        for layer in layers:
            if layer.id() in self.legend_titles:
                tree.addLayer(layer).setCustomProperty("legend/title-label", self.legend_titles[layer.id()])
        legend.setLinkedMap(map_item)
        for style in (QgsLegendStyle.Style.Title, QgsLegendStyle.Style.Group, QgsLegendStyle.Style.Subgroup, QgsLegendStyle.Style.SymbolLabel):
            font = QFont(FONT)
            font.setPointSizeF(8)
            font.setBold(style == QgsLegendStyle.Style.Subgroup)
            set_legend_font(legend, style, font)
        legend.setSymbolWidth(6)
        legend.setSymbolHeight(4)
        legend.setWrapString("|")
        legend.setColumnSpace(2)
        self.layout.addLayoutItem(legend)
        legend.setResizeToContents(True)
        legend.attemptMove(QgsLayoutPoint(MARGIN, MAP_TOP + MAP_HEIGHT + 6), page=page)
        legend.adjustBoxSize()

    # ------------------------------------------------------------------ styled layers
    def add_layer(self, layer, title, legend=True):
        """Add ``layer`` to the project, out of its layer tree, named ``title`` (its legend title when ``legend``,
        where "|" breaks the line)."""
        layer.setName(" ".join(title.split("|")))
        self.project.addMapLayer(layer, False)
        self.layers.append(layer)
        if legend:
            self.legend_titles[layer.id()] = title
        return layer

    def layer_copy(self, title, legend=True):
        return self.add_layer(self.content.communes.clone(), title, legend)

    def styled_apl(self, field="apl", name=None, light=False):
        """The communes by APL class of ``field``, named ``name``; ``light``: a background, out of the legend."""
        layer = self.layer_copy(name or self.t["apl_legend"], legend=not light)
        bounds = (-1e9,) + report.APL_THRESHOLDS + (1e9,)
        ranges = [QgsRendererRange(lower, upper, self.fill(colour, light), label)
                  for lower, upper, colour, label in zip(bounds[:-1], bounds[1:], APL_COLOURS, self.t["apl_classes"])]
        renderer = QgsGraduatedSymbolRenderer(field, ranges)
        layer.setRenderer(renderer)
        return layer

    def styled_minutes(self):
        layer = self.layer_copy(self.t["time_legend"])
        bounds = (-1e-9,) + report.MINUTE_BOUNDS + (1e9,)
        categories = [QgsRendererRange(lower, upper, self.fill(colour), label) for lower, upper, colour, label in
                      zip(bounds[:-1], bounds[1:], TIME_COLOURS, self.t["time_classes"])]
        renderer = QgsGraduatedSymbolRenderer("minutes", categories)
        layer.setRenderer(renderer)
        return layer

    def styled_classes(self):
        layer = self.layer_copy(self.t["zones_legend"])
        labels = self.content.class_labels
        categories = [QgsRendererCategory(code, self.fill(colour), labels.get(code, str(code)))
                      for code, colour in CLASS_COLOURS.items() if code in labels]
        layer.setRenderer(QgsCategorizedSymbolRenderer("class_code", categories))
        return layer

    def styled_unreached(self):
        """Every commune, hatched, under the minutes classes: those without minutes (no GP reachable) show."""
        layer = self.layer_copy(self.t["time_classes"][-1])
        symbol = QgsFillSymbol.createSimple({"color": "#ffffff", "outline_color": "#969696", "outline_width": "0.1"})
        hatch = QgsLinePatternFillSymbolLayer()
        hatch.setLineAngle(45)
        hatch.setDistance(1.2)
        hatch.setColor(QColor("black"))
        symbol.appendSymbolLayer(hatch)
        layer.setRenderer(QgsSingleSymbolRenderer(symbol))
        return layer

    def styled_outline(self):
        layer = self.layer_copy(self.t["communes_layer"], legend=False)
        layer.setRenderer(QgsSingleSymbolRenderer(self.fill("#ffffff")))
        return layer

    def styled_zones(self):
        layer = self.add_layer(self.content.zones, self.t["zone_outline"])
        symbol = QgsFillSymbol.createSimple({"style": "no", "outline_color": "black", "outline_width": "0.7"})
        layer.setRenderer(QgsSingleSymbolRenderer(symbol))
        self.label(layer, QgsPalLayerSettings.Placement.OverPoint)
        return layer

    def styled_sites(self):
        layer = self.add_layer(self.content.sites, self.t["sites_legend"])
        symbol = QgsMarkerSymbol.createSimple({"name": "star", "color": "black", "outline_color": "white",
                                               "size": "5"})
        layer.setRenderer(QgsSingleSymbolRenderer(symbol))
        self.label(layer, QgsPalLayerSettings.Placement.AroundPoint, size=9)
        return layer

    @staticmethod
    def fill(colour, light=False):
        symbol = QgsFillSymbol.createSimple({"color": colour, "outline_color": "#969696", "outline_width": "0.1"})
        if light:
            symbol.setOpacity(0.45)
        return symbol

    @staticmethod
    def label(layer, placement, size=8):
        settings = QgsPalLayerSettings()
        settings.fieldName = "label"
        settings.placement = placement
        text_format = QgsTextFormat()
        text_format.setFont(QFont(FONT, -1, QFont.Weight.Bold))
        text_format.setSize(size)
        buffer = QgsTextBufferSettings()
        buffer.setEnabled(True)
        buffer.setSize(1.0)
        buffer.setColor(QColor("white"))
        text_format.setBuffer(buffer)
        settings.setFormat(text_format)
        layer.setLabeling(QgsVectorLayerSimpleLabeling(settings))
        layer.setLabelsEnabled(True)


def unused_layout_name(project, name):
    """``name``, else ``name (2)``, ``name (3)``…: the first that no layout of ``project`` has."""
    taken = {layout.name() for layout in project.layoutManager().layouts()}
    candidate, number = name, 1
    while candidate in taken:
        number += 1
        candidate = f"{name} ({number})"
    return candidate


def multipolygon_wkb(geometries):
    """WKB of every polygon geometry as a multipolygon (the memory layers of the report are multipolygons)."""
    return [shapely.to_wkb(as_multipolygon(geometry)) for geometry in geometries]


def commune_layer(crs, communes, names, population, apl, minutes, class_code):
    """A memory layer of the communes with the report's columns, for every map."""
    layer = QgsVectorLayer(f"MultiPolygon?crs={crs.authid() or 'EPSG:2154'}", "communes", "memory")
    if not crs.authid():
        layer.setCrs(crs)
    fields = QgsFields()
    for name, kind in (("name", "string"), ("population", "double"), ("apl", "double"), ("minutes", "double"),
                       ("class_code", "int"), ("apl_after", "double")):
        fields.append(new_field(name, kind))
    layer.dataProvider().addAttributes(fields)
    layer.updateFields()
    features = []
    wkb = multipolygon_wkb(communes.geometries)
    minutes = np.full(len(apl), np.nan) if minutes is None else minutes
    for row in range(len(apl)):
        feature = QgsFeature(layer.fields())
        feature.setAttributes([names[row], float(population[row]), finite_or_none(apl[row]),
                               finite_or_none(minutes[row]),
                               None if class_code is None else int(class_code[row]), None])
        geometry = QgsGeometry()
        geometry.fromWkb(wkb[row])
        feature.setGeometry(geometry)
        features.append(feature)
    layer.dataProvider().addFeatures(features)
    layer.updateExtents()
    return layer


def labelled_layer(crs, geometry_type, wkbs, labels):
    layer = QgsVectorLayer(f"{geometry_type}?crs={crs.authid() or 'EPSG:2154'}&field=label:string(200)",
                           "labels", "memory")
    features = []
    for wkb, label in zip(wkbs, labels):
        feature = QgsFeature(layer.fields())
        feature.setAttributes([label])
        geometry = QgsGeometry()
        geometry.fromWkb(wkb)
        feature.setGeometry(geometry)
        features.append(feature)
    layer.dataProvider().addFeatures(features)
    return layer


def set_apl_after(layer, apl_after):
    """Fill the communes' ``apl_after`` (the APL once the suggested sites are open)."""
    column = layer.fields().indexOf("apl_after")
    ids = [feature.id() for feature in layer.getFeatures(QgsFeatureRequest().setNoAttributes().setFlags(
        QgsFeatureRequest.Flag.NoGeometry))]
    layer.dataProvider().changeAttributeValues({
        fid: {column: finite_or_none(value)} for fid, value in zip(ids, apl_after)})


def export_pdf(layout, path):
    """Export ``layout`` to the PDF ``path`` with real text (searchable, copyable); returns an error or None."""
    settings = QgsLayoutExporter.PdfExportSettings()
    settings.textRenderFormat = Qgis.TextRenderFormat.AlwaysText
    settings.dpi = EXPORT_DPI
    result = QgsLayoutExporter(layout).exportToPdf(path, settings)
    if result != QgsLayoutExporter.ExportResult.Success:
        return result
    return None
