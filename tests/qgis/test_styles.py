"""The styles every algorithm embeds in its GeoPackage outputs, read back as QGIS loads them (default style of the
GeoPackage): renderer, legend classes with units and the NULL class, labels; and the summary's percentages."""

import numpy as np
import processing
import pytest
from qgis.core import NULL, QgsExpression, QgsExpressionContext, QgsVectorLayer

from medical_deserts_plugin.core.zones import CLASS_LABELS
from medical_deserts_plugin.processing.styles import name_field, place_label
from medical_deserts_plugin.sample.generator import AGE_FIELDS

NETWORK = {"ROAD_CLASS_FIELD": "highway", "SPEED_PRESET": 0, "DIRECTION_FIELD": "oneway"}


def load(path):
    """``path`` as QGIS opens it, with the style saved in the GeoPackage."""
    layer = QgsVectorLayer(str(path), "output", "ogr")
    assert layer.isValid(), path
    return layer


def legend(layer):
    """Labels of the renderer's legend, in order."""
    return [item.label() for item in layer.renderer().legendSymbolItems()]


def label_expression(layer):
    assert layer.labelsEnabled()
    settings = layer.labeling().settings()
    assert settings.isExpression
    return settings.fieldName


def labels(layer):
    """The label of every feature, as the layer's labelling expression gives it."""
    expression = QgsExpression(label_expression(layer))
    context = QgsExpressionContext()
    found = []
    for feature in layer.getFeatures():
        context.setFeature(feature)
        found.append(expression.evaluate(context))
    assert not expression.hasEvalError(), expression.evalErrorString()
    return found


def column(layer, field):
    return [None if feature[field] == NULL else feature[field] for feature in layer.getFeatures()]


@pytest.fixture(scope="module")
def outputs(provider, sample, tmp_path_factory):
    """The demo chain on the sample département, every output a GeoPackage: name -> path."""
    out = tmp_path_factory.mktemp("styled")
    network = dict(NETWORK, ROADS=sample["roads"])
    paths = {name: str(out / f"{name}.gpkg") for name in (
        "nearest", "lines", "matrix", "catchments", "apl", "classes", "zones", "summary", "sites_apl",
        "demand_apl", "sites_mclp", "demand_mclp", "allocation", "population", "rpps", "rpps_communes", "finess",
        "zrr")}
    processing.run("medicaldeserts:nearestfacility", dict(
        network, INPUT=sample["communes"], FACILITIES=sample["gp_sites"], FACILITY_ID_FIELD="site_id", MAX_TIME=120,
        COUNT_WITHIN=15, OUTPUT=paths["nearest"]))
    processing.run("medicaldeserts:traveltimematrix", dict(
        network, ORIGINS=sample["communes"], ORIGIN_ID_FIELD="code_insee", DESTINATIONS=sample["gp_sites"],
        DESTINATION_ID_FIELD="site_id", CUTOFF=20, OUTPUT=paths["matrix"], OUTPUT_LINES=paths["lines"]))
    processing.run("medicaldeserts:catchmentareas", dict(
        network, INPUT=sample["facilities"], FACILITY_ID_FIELD="finess", BANDS="10,20", OUTPUT=paths["catchments"]))
    processing.run("medicaldeserts:accessibilityindex", dict(
        network, INPUT=sample["communes"], POPULATION_FIELD="population", AGE_FIELDS=";".join(AGE_FIELDS),
        DEMAND_CODE_FIELD="code_insee", SUPPLY=sample["gp_sites"], SUPPLY_FIELD="n_gp", SUPPLY_CODE_FIELD="code_insee",
        METHOD=0, OUTPUT=paths["apl"]))
    processing.run("medicaldeserts:underservedzones", dict(
        INPUT=paths["apl"], INDEX_FIELD="access_index", TIME_FIELD="nearest_min", POPULATION_FIELD="population",
        STD_POPULATION_FIELD="pop_std", ISOLATED=20, LANGUAGE=0, OUTPUT=paths["classes"], OUTPUT_ZONES=paths["zones"],
        OUTPUT_SUMMARY=paths["summary"]))
    processing.run("medicaldeserts:suggestsites", dict(
        network, INPUT=sample["communes"], POPULATION_FIELD="population", EXISTING=sample["gp_sites"],
        EXISTING_SUPPLY_FIELD="n_gp", MODEL=4, P=3, OUTPUT_SITES=paths["sites_apl"], OUTPUT_DEMAND=paths["demand_apl"]))
    processing.run("medicaldeserts:suggestsites", dict(
        network, INPUT=sample["communes"], POPULATION_FIELD="population", EXISTING=sample["gp_sites"], MODEL=0, P=3,
        RADIUS=10, OUTPUT_SITES=paths["sites_mclp"], OUTPUT_DEMAND=paths["demand_mclp"],
        OUTPUT_LINES=paths["allocation"]))
    processing.run("medicaldeserts:importpopulation", dict(
        INPUT=sample["population"], COMMUNES=sample["communes"], OUTPUT=paths["population"]))
    processing.run("medicaldeserts:importrpps", dict(
        INPUT=sample["rpps"], COMMUNES=sample["communes"], OUTPUT=paths["rpps"], OUTPUT_COMMUNES=paths["rpps_communes"]))
    processing.run("medicaldeserts:importfiness", dict(INPUT=sample["finess"], OUTPUT=paths["finess"]))
    processing.run("medicaldeserts:importanct", dict(
        INPUT=sample["anct"], COMMUNES=sample["communes"], COMMUNE_CODE_FIELD="code_insee", OUTPUT=paths["zrr"]))
    return paths


def test_name_field_is_chosen_by_its_usual_names():
    assert name_field(["code_insee", "NOM_COM", "population"]) == "NOM_COM"
    assert name_field(["insee", "LIBGEO"]) == "LIBGEO"
    assert name_field(["nom", "name"]) == "nom"  # the French name first
    assert name_field(["code", "population"]) is None
    assert place_label(["code", "population"], "code") == '"code"'
    assert place_label(["code", "population"]) is None


def test_minutes_to_the_nearest_gp_have_a_class_for_no_gp_in_reach(outputs):
    nearest = load(outputs["nearest"])
    assert nearest.renderer().type() == "RuleRenderer"  # a graduated renderer would not draw the NULLs
    assert legend(nearest) == ["< 10 min", "10–20 min", "20–30 min", "30–45 min", "≥ 45 min",
                               "No facility within 120 min"]
    rules = nearest.renderer().rootRule().children()
    assert rules[-1].isElse()
    assert None in column(nearest, "nearest_min")  # the sample's island: the NULL class is drawn
    assert label_expression(nearest) == '"nom"'
    assert nearest.labeling().settings().scaleVisibility


def test_apl_classes_are_the_drees_ones_with_their_unit(outputs):
    apl = load(outputs["apl"])
    assert legend(apl) == ["< 2.5 consultations/yr/inhabitant (priority zone)",
                           "2.5–4 consultations/yr/inhabitant (vigilance)", "≥ 4 consultations/yr/inhabitant",
                           "No index (no inhabitants)"]
    assert label_expression(apl) == '"nom"'


def test_matrix_lines_and_catchments(outputs):
    lines = load(outputs["lines"])
    assert lines.renderer().type() == "graduatedSymbol" and lines.renderer().classAttribute() == "minutes"
    assert legend(lines)[0] == "< 10 min"
    catchments = load(outputs["catchments"])
    assert catchments.renderer().type() == "graduatedSymbol"
    assert legend(catchments) == ["0–10 min", "10–20 min"]
    assert catchments.renderer().orderByEnabled()  # the near band drawn over the far one
    assert catchments.attributeAlias(catchments.fields().indexOf("share_pct")) == "Share of the population (%)"


def test_underserved_classes_and_zones_in_the_language_of_the_ui(outputs):
    classes = load(outputs["classes"])
    assert classes.renderer().type() == "categorizedSymbol"
    # French fields (LANGUAGE=0), legend in the language of the tests' QGIS (English)
    assert set(column(classes, "class_label")) <= {french for french, _ in CLASS_LABELS.values()}
    assert "No data" in legend(classes) and "Underserved" in " ".join(legend(classes))
    assert label_expression(classes) == '"nom"'
    zones = load(outputs["zones"])
    assert zones.renderer().type() == "categorizedSymbol"
    assert label_expression(zones) == "format_number(\"population\", 0) || ' inhabitants'"
    assert [zones.attributeAlias(zones.fields().indexOf(name)) for name in ("zrr_pct", "qpv_pct")] == [
        "Population in ZRR / FRR (%)", "Population in QPV (%)"]


def test_summary_shares_are_percent_of_the_territory(outputs, sample):
    summary = load(outputs["summary"])
    assert "part_population_pct" in summary.fields().names()  # French columns
    total = sum(column(QgsVectorLayer(sample["communes"], "c", "ogr"), "population"))
    rows = list(summary.getFeatures())
    assert len(rows) >= 2 and rows[-1]["zone"] == "Total"
    for row in rows:
        assert row["part_population_pct"] == pytest.approx(100.0 * row["population"] / total)
    assert 1 < rows[-1]["part_population_pct"] < 100  # percent, not a fraction


def test_suggested_sites_by_rank_with_the_commune_names(outputs, sample):
    names = dict(zip(column(QgsVectorLayer(sample["communes"], "c", "ogr"), "nom"),
                     column(QgsVectorLayer(sample["communes"], "c", "ogr"), "code_insee")))
    for key in ("sites_apl", "sites_mclp"):
        sites = load(outputs[key])
        assert sites.renderer().type() == "graduatedSymbol" and sites.renderer().classAttribute() == "rank"
        assert legend(sites) == ["Rank 1", "Ranks 2–3", "Ranks 4–10", "Ranks 11 and more"]
        assert "site_name" in sites.fields().names()
        assert column(sites, "rank") == [1, 2, 3]
        assert [sites.renderer().rangeForValue(rank).label() for rank in (1, 2, 3, 4, 11)] == [
            "Rank 1", "Ranks 2–3", "Ranks 2–3", "Ranks 4–10", "Ranks 11 and more"]
        assert all(name in names for name in column(sites, "site_name"))
        # rank, name and what the site changes, in the model's unit (English UI of the tests)
        expected = ["{}. {}\n+{:,.0f} {}".format(rank, name, adds, {"sites_apl": "inhabitants at APL ≥ 2.5",
                                                                   "sites_mclp": "inhabitants within 10 min"}[key])
                    for rank, name, adds in zip(column(sites, "rank"), column(sites, "site_name"), column(sites, "adds"))]
        assert labels(sites) == expected
        assert all(adds > 0 for adds in column(sites, "adds"))


def test_before_after_shows_the_change(outputs):
    apl = load(outputs["demand_apl"])
    assert apl.renderer().type() == "RuleRenderer"
    assert legend(apl)[1] == "unchanged (± 0.05 consultations/yr/inhabitant)" and legend(apl)[-1] == "No APL"
    before, after, delta = (np.array(column(apl, name), dtype=float)
                            for name in ("index_before", "index_after", "delta_apl"))
    assert delta == pytest.approx(after - before)
    assert delta.max() > 0.05  # some communes gain, and are drawn in a gain class
    time = load(outputs["demand_mclp"])
    assert legend(time) == ["≥ 15 min saved", "5–15 min saved", "0.5–5 min saved", "unchanged (± 0.5 min)", "longer",
                            "Newly within 120 min", "No facility within 120 min, before or after"]
    before, after, delta = (np.array([np.nan if v is None else v for v in column(time, name)])
                            for name in ("before_min", "after_min", "delta_min"))
    assert delta == pytest.approx(after - before, nan_ok=True)
    allocation = load(outputs["allocation"])
    assert allocation.renderer().type() == "singleSymbol"
    assert allocation.renderer().symbol().opacity() == pytest.approx(0.5)


def test_imports_are_styled(outputs):
    population = load(outputs["population"])
    assert legend(population)[0] == "< 200 inhabitants" and legend(population)[-1] == "No population row"
    communes = load(outputs["rpps_communes"])
    assert communes.renderer().type() == "graduatedSymbol"
    assert legend(communes) == ["No practitioner", "1 practitioner", "2–3 practitioners", "4–9 practitioners",
                                "≥ 10 practitioners"]
    assert label_expression(communes) == '"nom"'
    for key, colour in (("rpps", "#2171b5"), ("finess", "#e7298a")):  # the plugin's colours, not a random one
        points = load(outputs[key])
        assert points.renderer().type() == "singleSymbol"
        assert points.renderer().symbol().color().name() == colour
    zrr = load(outputs["zrr"])
    assert zrr.renderer().type() == "categorizedSymbol" and label_expression(zrr) == '"nom"'
