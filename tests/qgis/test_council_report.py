"""councilreport on the sample département after the demo chain (nearest GP, APL, underserved zones, suggested
sites), read back with poppler's pdfinfo / pdftotext / pdftoppm; and bad input."""

import re
import shutil
import subprocess
import unicodedata

import processing
import pytest
from osgeo import gdal
from qgis.core import (
    Qgis,
    QgsLayoutItemLabel,
    QgsLayoutItemLegend,
    QgsLayoutItemMap,
    QgsLayoutItemPicture,
    QgsProcessingContext,
    QgsProcessingException,
    QgsProject,
    QgsVectorLayer,
)
from qgis.PyQt.QtCore import NULL

from bad_input import Log, run_refused
from medical_deserts_plugin.core.report import format_number
from medical_deserts_plugin.i18n import tr
from medical_deserts_plugin.processing import council_report, report_charts
from medical_deserts_plugin.processing.report_layout import export_pdf
from medical_deserts_plugin.processing.run_record import recorded
from medical_deserts_plugin.sample.generator import AGE_FIELDS

pytestmark = [pytest.mark.skipif(shutil.which("pdftotext") is None, reason="poppler-utils is not installed"),
              pytest.mark.usefixtures("outside_desktop")]
NETWORK = {"ROAD_CLASS_FIELD": "highway", "SPEED_PRESET": 0, "DIRECTION_FIELD": "oneway"}


def logged_number(log, pattern):
    """The first number (``12,345``) that ``pattern`` (a regex with one group) finds in the run's log."""
    match = re.search(pattern, log.text())
    assert match, log.text()
    return float(match.group(1).replace(",", ""))


@pytest.fixture(scope="module")
def chain(provider, sample, tmp_path_factory):
    """The demo's chain on the sample département, into GeoPackages; with the figures its logs give."""
    out = tmp_path_factory.mktemp("chain")
    network = dict(NETWORK, ROADS=sample["roads"])
    files = {name: str(out / f"{name}.gpkg") for name in ("nearest", "apl", "classes", "zones", "summary", "sites",
                                                          "demand")}
    processing.run("medicaldeserts:nearestfacility", dict(
        network, INPUT=sample["communes"], FACILITIES=sample["gp_sites"], FACILITY_ID_FIELD="site_id",
        MAX_TIME=120, COUNT_WITHIN=15, OUTPUT=files["nearest"]))
    apl_log, zones_log, sites_log = Log(), Log(), Log()
    processing.run("medicaldeserts:accessibilityindex", dict(
        network, INPUT=sample["communes"], POPULATION_FIELD="population", AGE_FIELDS=";".join(AGE_FIELDS),
        DEMAND_CODE_FIELD="code_insee", SUPPLY=sample["gp_sites"], SUPPLY_FIELD="n_gp",
        SUPPLY_CODE_FIELD="code_insee", METHOD=0, OUTPUT=files["apl"]), feedback=apl_log)
    processing.run("medicaldeserts:underservedzones", dict(
        INPUT=files["apl"], INDEX_FIELD="access_index", TIME_FIELD="nearest_min", POPULATION_FIELD="population",
        STD_POPULATION_FIELD="pop_std", ISOLATED=20, OUTPUT=files["classes"], OUTPUT_ZONES=files["zones"],
        OUTPUT_SUMMARY=files["summary"]), feedback=zones_log)
    processing.run("medicaldeserts:suggestsites", dict(
        network, INPUT=files["apl"], POPULATION_FIELD="population", EXISTING=sample["gp_sites"],
        EXISTING_SUPPLY_FIELD="n_gp", MODEL=4, P=3, OUTPUT_SITES=files["sites"], OUTPUT_DEMAND=files["demand"]),
        feedback=sites_log)
    for path in files.values():  # QGIS's first read of a fresh GeoPackage takes it out of WAL mode (2 header bytes):
        QgsVectorLayer(path, "settle", "ogr").featureCount()  # done here, the bad-input checks compare bytes
    figures = {
        "under_2_5": logged_number(apl_log, r"([\d,]+) inhabitants \([\d.]+%\) live where the APL is under 2.5"),
        "mean_apl": logged_number(apl_log, r"Mean index weighted by standardised population: ([\d.]+)"),
        "underserved_isolated": logged_number(zones_log, r"Sous-doté et isolé: \d+ unit\(s\), ([\d,]+) inhabitants"),
        "sites_before": logged_number(sites_log, r"Under the APL threshold 2.5: ([\d,]+) inhabitants before"),
        "sites_after": logged_number(sites_log, r"inhabitants before, ([\d,]+) after"),
        "sites_log": sites_log.text(),
    }
    return files, figures


def report(chain, path, context=None, feedback=None, **overrides):
    files, _ = chain
    parameters = dict(INPUT=files["apl"], NEAREST=files["nearest"], CLASSES=files["classes"], ZONES=files["zones"],
                      SITES=files["sites"], SITES_DEMAND=files["demand"], TERRITORY="Département exemple",
                      OUTPUT=str(path))
    parameters.update(overrides)
    return processing.run("medicaldeserts:councilreport", parameters, context=context, feedback=feedback)


def pdf_pages(path):
    info = subprocess.run(["pdfinfo", str(path)], capture_output=True, text=True, check=True).stdout
    return int(re.search(r"Pages:\s+(\d+)", info).group(1))


def pdf_text(path):
    text = subprocess.run(["pdftotext", "-layout", str(path), "-"], capture_output=True, text=True, check=True).stdout
    return re.sub(r"[\u00a0\u202f]", " ", text)


def french(value):
    return format_number(value, "fr").replace("\u00a0", " ")


def test_full_report_in_french_holds_the_algorithms_figures(chain, tmp_path):
    _, figures = chain
    path = tmp_path / "rapport.pdf"
    assert report(chain, path)["OUTPUT"] == str(path)
    # title, APL, minutes, zones, sites, table, method
    assert pdf_pages(path) == 7
    text = pdf_text(path)
    assert "Diagnostic territorial d'accès aux soins" in text and "Département exemple" in text
    assert f"{french(figures['under_2_5'])} habitants" in text  # as accessibilityindex says
    assert f"APL moyenne du territoire : {format_number(figures['mean_apl'], 'fr', 2)} consultations" in text
    assert re.search(rf"Sous-doté et isolé\s+{french(figures['underserved_isolated'])}", text)  # underservedzones
    assert figures["sites_before"] == figures["under_2_5"]  # suggestsites on the APL output: the same APL before
    assert f"{french(figures['sites_before'])} → {french(figures['sites_after'])} habitants" in text  # suggestsites
    assert "Licence Ouverte Etalab 2.0" in text and "ODbL" in text
    assert "Page 7 / 7" in text
    subprocess.run(["pdftoppm", "-png", "-r", "30", str(path), str(tmp_path / "page")], check=True)
    pictures = sorted(tmp_path.glob("page-*.png"))
    assert len(pictures) == 7 and all(picture.stat().st_size > 2000 for picture in pictures)
    assert sorted(entry.name for entry in tmp_path.iterdir() if not entry.name.startswith("page-")) == [
        "rapport.pdf"]  # nothing left aside


def test_the_method_page_says_what_was_run(chain, tmp_path):
    files, figures = chain
    sites = recorded(QgsVectorLayer(files["sites"], "sites", "ogr"))
    assert "HiGHS: optimal" in figures["sites_log"] and sites["optimal"] == "yes" and sites["solver"] == "milp"
    copy = tmp_path / "copied_sites.gpkg"
    shutil.copy(files["sites"], copy)  # the record is in the GeoPackage: it goes with the file
    path = tmp_path / "rapport.pdf"
    report(chain, path, SITES=str(copy))
    text = " ".join(unicodedata.normalize("NFKC", pdf_text(path)).split())  # "ﬀ" ligatures as "ff"
    # The chain's APL: DREES method, bands 10/15/20 min, supply n_gp, 19 age groups with the 2023 weights.
    assert ("APL : méthode DREES ; poids selon le temps de trajet : 1 jusqu'à 10 min, 0,67 jusqu'à 15 min, "
            "0,33 jusqu'à 20 min, 0 au-delà ; offre : nombre de médecins du champ « n_gp », 5 400 consultations "
            "par médecin (valeur DREES par défaut) ; demande : population standardisée par âge (poids DREES 2023) ; la "
            "commune elle-même à 0 min ; temps par le réseau routier.") in text
    gap = f"{100 * float(sites['mip_gap']):.2g}".replace(".", ",")
    assert ("Sites proposés : élévation de l'APL au seuil, 3 sites ; offre d'un nouveau site 16 200 consultations "
            f"par an ; seuil d'APL 2,5 ; résolu par HiGHS : optimum prouvé (écart {gap} %).") in text
    # Each site labelled with the inhabitants it alone lifts to 2.5, as its layer says.
    layer = QgsVectorLayer(files["sites"], "sites", "ogr")
    for feature in layer.getFeatures():
        assert f"{feature['rank']}. " in text and f"+{french(feature['adds'])} hab. à APL ≥ 2,5" in text
    # Layers made elsewhere (no record): said so.
    bare = tmp_path / "bare.gpkg"
    gdal.VectorTranslate(str(bare), files["apl"])
    assert recorded(QgsVectorLayer(str(bare), "bare", "ogr")) == {}
    report(chain, path, INPUT=str(bare), SITES=None, SITES_DEMAND=None)
    assert "APL : paramètres non enregistrés" in " ".join(pdf_text(path).split())


def test_communes_alone_in_english(chain, tmp_path):
    files, figures = chain
    path = tmp_path / "report.pdf"
    report(chain, path, NEAREST=None, CLASSES=None, ZONES=None, SITES=None, SITES_DEMAND=None, LANGUAGE=1)
    # title, APL, minutes (the APL layer's nearest_min), table, method
    assert pdf_pages(path) == 5
    text = pdf_text(path)
    assert "Territorial diagnosis of access to care" in text
    assert f"{format_number(figures['under_2_5'], 'en')} inhabitants" in text


def test_without_matplotlib_the_charts_become_tables(chain, tmp_path, monkeypatch):
    monkeypatch.setattr(report_charts, "Figure", None)
    path = tmp_path / "rapport.pdf"
    report(chain, path, SITES=None, SITES_DEMAND=None)
    assert pdf_pages(path) == 6
    text = pdf_text(path)
    assert "matplotlib" in text
    assert re.search(r"4 et plus\s+[\d ]+\s+[\d,]+ %", text)  # the APL classes as a table


def test_bad_input(chain, tmp_path):
    files, _ = chain
    run_refused("medicaldeserts:councilreport", dict(INPUT=files["apl"], OUTPUT=str(tmp_path / "no" / "r.pdf")),
                r"folder .* does not exist", inputs=[files["apl"]])
    no_apl = str(tmp_path / "communes.gpkg")
    gdal.VectorTranslate(no_apl, files["nearest"])  # communes with minutes, but no APL
    earlier = tmp_path / "earlier.pdf"
    earlier.write_bytes(b"%PDF-1.4 an earlier report")
    run_refused("medicaldeserts:councilreport", dict(INPUT=no_apl, OUTPUT=str(earlier)),
                r"no field “access_index”", inputs=[no_apl])  # the earlier report stays as it was
    run_refused("medicaldeserts:councilreport", dict(INPUT=files["apl"], CLASSES=files["zones"],
                                                     OUTPUT=str(tmp_path / "r.pdf")),
                r"no field “code_insee”", inputs=[files["apl"], files["zones"]])


# ---------------------------------------------------------------------- the print layout in the desktop's project

def layout_name(territory="Département exemple"):
    return tr("Territorial report – {territory}").format(territory=territory)


def map_layers(layout):
    """Ids of the layers the layout's maps draw."""
    return {layer.id() for item in layout.items() if isinstance(item, QgsLayoutItemMap) for layer in item.layers()}


def test_in_the_desktop_the_layout_is_added_to_the_project(chain, tmp_path, desktop):
    path = tmp_path / "rapport.pdf"
    log = Log()
    report(chain, path, feedback=log)
    layouts = desktop.layoutManager().layouts()
    assert [layout.name() for layout in layouts] == [layout_name()]
    layout = layouts[0]
    assert layout.pageCollection().pageCount() == pdf_pages(path) == 7
    assert f"“{layout_name()}” added to the project" in log.text()
    # Its layers in one group, alone at the top of the layer tree, collapsed and unchecked.
    root = desktop.layerTreeRoot()
    group = root.findGroup(layout_name())
    assert root.children() == [group] and not group.isExpanded() and not group.itemVisibilityChecked()
    assert not any(node.itemVisibilityChecked() for node in group.findLayers())
    assert set(group.findLayerIds()) == set(desktop.mapLayers()) == map_layers(layout)
    assert sorted(item.id() for item in layout.items() if isinstance(item, QgsLayoutItemMap)) == [
        "Accessibilité potentielle localisée (APL) aux médecins généralistes",
        "Sites proposés pour de nouveaux cabinets", "Temps d'accès au médecin généraliste le plus proche",
        "Zones sous-dotées et leur population"]  # as the designer lists them
    # APL; minutes and the hatched communes; zones and classes; sites and the APL after: 7 layers, named plainly.
    assert sorted(layer.name() for layer in desktop.mapLayers().values()) == sorted([
        "APL (consultations par an et par habitant standardisé)", "Temps par la route (minutes)",
        "aucun médecin accessible", "Zone (population en habitants)", "Classe de la commune",
        "Sites proposés (rang)", "APL une fois les sites ouverts (consultations par an et par habitant standardisé)"])
    # The three charts are kept in the layout: the run's temporary folder is gone.
    pictures = [item for item in layout.items() if isinstance(item, QgsLayoutItemPicture)]
    charts = [picture for picture in pictures if picture.picturePath().startswith("base64:")]
    assert len(charts) == 3 and not any(picture.isMissingImage() for picture in pictures)
    # Exported again from the project (the layers unchecked), it is the algorithm's PDF.
    again = tmp_path / "again.pdf"
    assert export_pdf(layout, str(again)) is None
    assert pdf_pages(again) == 7 and pdf_text(again) == pdf_text(path)
    _, figures = chain
    assert f"{french(figures['sites_before'])} → {french(figures['sites_after'])} habitants" in pdf_text(again)
    # Saved and read back, the legends keep their own layers and the charts their pictures.
    saved = tmp_path / "projet.qgz"
    assert desktop.write(str(saved))
    reread = QgsProject()
    assert reread.read(str(saved))
    layout = reread.layoutManager().layoutByName(layout_name())
    legends = [item for item in layout.items() if isinstance(item, QgsLayoutItemLegend)]
    assert len(legends) == 4 and all(legend.model().rootGroup().findLayerIds() for legend in legends)
    assert {i for legend in legends for i in legend.model().rootGroup().findLayerIds()} <= set(reread.mapLayers())
    assert not any(item.isMissingImage() for item in layout.items() if isinstance(item, QgsLayoutItemPicture))
    # The designer's PDF export offers the algorithm's settings: 200 dpi, text as text.
    assert layout.renderContext().dpi() == 200
    assert int(layout.customProperty("pdfTextFormat")) == int(Qgis.TextRenderFormat.AlwaysText)


def test_a_second_report_is_a_second_layout(chain, tmp_path, desktop):
    report(chain, tmp_path / "rapport.pdf")
    first = desktop.layoutManager().layoutByName(layout_name())
    note = QgsLayoutItemLabel(first)
    note.setText("Relu par le service")
    first.addLayoutItem(note)  # the user's edit
    report(chain, tmp_path / "rapport.pdf", SITES=None, SITES_DEMAND=None)
    assert [layout.name() for layout in desktop.layoutManager().layouts()] == [layout_name(),
                                                                                 layout_name() + " (2)"]
    assert note in desktop.layoutManager().layoutByName(layout_name()).items()
    second = desktop.layoutManager().layoutByName(layout_name() + " (2)")
    assert second.pageCollection().pageCount() == 6  # no sites page
    root = desktop.layerTreeRoot()
    assert [group.name() for group in root.children()] == [layout_name() + " (2)", layout_name()]
    assert len(root.findGroup(layout_name() + " (2)").findLayerIds()) == 5  # without the sites and the APL after
    assert len(desktop.mapLayers()) == 12


def test_a_run_on_a_project_of_its_own_adds_nothing(chain, tmp_path, desktop):
    context = QgsProcessingContext()
    own = QgsProject()
    context.setProject(own)
    report(chain, tmp_path / "rapport.pdf", context=context)
    assert pdf_pages(tmp_path / "rapport.pdf") == 7
    for project in (desktop, own):
        assert not project.layoutManager().layouts() and not project.mapLayers()
        assert not project.layerTreeRoot().children()


def test_a_failed_run_adds_nothing_to_the_project(chain, tmp_path, desktop, monkeypatch):
    files, _ = chain
    run_refused("medicaldeserts:councilreport", dict(INPUT=files["apl"], CLASSES=files["zones"],
                                                     OUTPUT=str(tmp_path / "r.pdf")),
                r"no field “code_insee”", inputs=[files["apl"], files["zones"]])
    monkeypatch.setattr(council_report, "export_pdf", lambda layout, path: "disk full")  # once the layout is built
    path = tmp_path / "rapport.pdf"
    with pytest.raises(QgsProcessingException, match="could not be written"):
        report(chain, path)
    assert not path.exists()
    assert not desktop.layoutManager().layouts() and not desktop.mapLayers()
    assert not desktop.layerTreeRoot().children()
    log = Log()  # cancelled once the PDF is exported

    def export_then_cancel(layout, pdf):
        log.cancel()
        return export_pdf(layout, pdf)

    monkeypatch.setattr(council_report, "export_pdf", export_then_cancel)
    assert report(chain, path, feedback=log) == {} and "Cancelled: nothing was written." in log.text()
    assert not path.exists() and not desktop.layoutManager().layouts() and not desktop.mapLayers()
    assert not desktop.layerTreeRoot().children()


def test_the_time_before_after_counts_far_beyond_the_radius_of_the_sites(chain, sample, tmp_path):
    sites, demand = str(tmp_path / "sites_mclp.gpkg"), str(tmp_path / "demand_mclp.gpkg")
    log = Log()
    processing.run("medicaldeserts:suggestsites", dict(
        NETWORK, ROADS=sample["roads"], INPUT=sample["communes"], POPULATION_FIELD="population",
        EXISTING=sample["gp_sites"], MODEL=0, P=3, RADIUS=10, OUTPUT_SITES=sites, OUTPUT_DEMAND=demand), feedback=log)
    within_before = logged_number(log, r"Within 10 min: ([\d,]+) inhabitants")
    within_after = logged_number(log, r"Within 10 min: [\d,]+ inhabitants \([\d.]+%\) before, ([\d,]+)")
    units = list(QgsVectorLayer(demand).getFeatures())
    total = sum(unit["population"] for unit in units)
    # RADIUS left empty: the 10 min that the sites' record holds, as suggestsites counted.
    path = tmp_path / "rapport.pdf"
    report(chain, path, SITES=sites, SITES_DEMAND=demand)
    assert (f"3 sites proposés : {french(total - within_before)} → {french(total - within_after)} habitants à plus "
            "de 10 min") in pdf_text(path)
    # RADIUS given, or no sites layer to read the radius from: counted beyond it, or beyond 20 min.
    far = [sum(unit["population"] for unit in units if unit[field] in (None, NULL) or unit[field] > 20)
           for field in ("before_min", "after_min")]
    assert 0 < far[1] < far[0] < total - within_before
    for overrides in ({"RADIUS": 20}, {"SITES": None}):
        report(chain, path, **{"SITES": sites, "SITES_DEMAND": demand, **overrides})
        assert f"{french(far[0])} → {french(far[1])} habitants à plus de 20 min" in pdf_text(path)
