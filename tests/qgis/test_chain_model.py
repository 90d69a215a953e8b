"""The whole chain as a Processing model (medicaldeserts:councilchain): valid, its steps in order, the same numbers
as the algorithms run one by one, the report alone when only the report is asked for, through processing.run and
qgis_process, bad input refused with nothing written, and a copy for the Model Designer."""

import subprocess
import sys

import processing
import pytest
from qgis.core import QgsApplication, QgsProcessingParameterDefinition, QgsVectorLayer

from bad_input import Log, run_refused
from medical_deserts_plugin.i18n import tr
from scripts.qgis_runner import run_algorithm

CHAIN = "medicaldeserts:councilchain"
pytestmark = pytest.mark.usefixtures("outside_desktop")  # the report adds no layout to the project


def chain_parameters(sample, **overrides):
    parameters = dict(COMMUNES=sample["communes"], POPULATION_FIELD="population", AGE_FIELD_PREFIX="pop_",
                      CODE_FIELD="code_insee", GP_SITES=sample["gp_sites"], GP_COUNT_FIELD="n_gp",
                      GP_CODE_FIELD="code_insee", ROADS=sample["roads"], ROAD_CLASS_FIELD="highway",
                      DIRECTION_FIELD="oneway", NEW_SITES=2, TERRITORY="Département exemple (99)")
    parameters.update(overrides)
    return parameters


def test_the_model_is_valid_with_its_four_steps_in_order(provider):
    model = QgsApplication.processingRegistry().algorithmById(CHAIN)
    assert model is not None and model.validate()[0], model.validate()[1]
    steps = {child: model.childAlgorithm(child).algorithmId() for child in model.childAlgorithms()}
    assert steps == {"apl": "medicaldeserts:accessibilityindex", "zones": "medicaldeserts:underservedzones",
                     "sites": "medicaldeserts:suggestsites", "report": "medicaldeserts:councilreport"}
    assert model.dependentChildAlgorithms("apl") == {"zones", "sites", "report"}
    outputs = {definition.name() for definition in model.destinationParameterDefinitions()}
    assert outputs == {"apl:apl_communes", "zones:communes_classes", "zones:underserved_zones",
                       "sites:suggested_sites", "sites:communes_before_after", "report:report"}
    assert all(definition.flags() & QgsProcessingParameterDefinition.Flag.FlagOptional
               for definition in model.destinationParameterDefinitions())
    assert model.shortDescription() and "Model Designer" in model.shortHelpString()


def by_code(layer, field):
    return {feature["code_insee"]: feature[field] for feature in QgsVectorLayer(str(layer)).getFeatures()}


def test_the_chain_gives_the_numbers_of_the_steps_run_one_by_one(provider, sample, tmp_path):
    results = processing.run(CHAIN, chain_parameters(
        sample, **{"apl:apl_communes": str(tmp_path / "apl.gpkg"), "sites:suggested_sites": str(tmp_path / "s.gpkg"),
                   "report:report": str(tmp_path / "rapport.pdf")}))
    network = dict(ROADS=sample["roads"], ROAD_CLASS_FIELD="highway", DIRECTION_FIELD="oneway")
    apl = processing.run("medicaldeserts:accessibilityindex", dict(
        network, INPUT=sample["communes"], POPULATION_FIELD="population", AGE_FIELD_PREFIX="pop_",
        DEMAND_CODE_FIELD="code_insee", SUPPLY=sample["gp_sites"], SUPPLY_FIELD="n_gp",
        SUPPLY_CODE_FIELD="code_insee", METHOD=0, OUTPUT=str(tmp_path / "apl_alone.gpkg")))["OUTPUT"]
    assert by_code(results["apl:apl_communes"], "access_index") == by_code(apl, "access_index")
    sites = processing.run("medicaldeserts:suggestsites", dict(
        network, INPUT=apl, POPULATION_FIELD="population", EXISTING=sample["gp_sites"], EXISTING_SUPPLY_FIELD="n_gp",
        MODEL=4, P=2, OUTPUT_SITES="memory:", OUTPUT_DEMAND="memory:"))["OUTPUT_SITES"]
    chain_sites = QgsVectorLayer(results["sites:suggested_sites"])
    assert sorted(f.geometry().asWkt(0) for f in chain_sites.getFeatures()) == \
        sorted(f.geometry().asWkt(0) for f in sites.getFeatures())
    population = by_code(apl, "population")
    under = sum(population[code] for code, index in by_code(apl, "access_index").items() if index < 2.5)
    text = subprocess.run(["pdftotext", "-layout", str(tmp_path / "rapport.pdf"), "-"], capture_output=True,
                          text=True, check=True).stdout
    assert f"{under:,.0f}".replace(",", "\u202f") in text or f"{under:,.0f}".replace(",", " ") in text
    assert "Département exemple (99)" in text and "résultat de cette exécution" in text


def test_only_the_report_asked_for_is_enough(provider, sample, tmp_path):
    processing.run(CHAIN, chain_parameters(sample, NEW_SITES=1, LANGUAGE=1,
                                           **{"report:report": str(tmp_path / "report.pdf")}))
    text = subprocess.run(["pdftotext", str(tmp_path / "report.pdf"), "-"], capture_output=True, text=True,
                          check=True).stdout
    assert "Key" in text and "1 suggested site:" in text


def test_in_the_desktop_the_chain_adds_the_report_layout(provider, sample, tmp_path, desktop):
    processing.run(CHAIN, chain_parameters(sample, NEW_SITES=1, **{"report:report": str(tmp_path / "r.pdf")}))
    name = tr("Territorial report – {territory}").format(territory="Département exemple (99)")
    assert [layout.name() for layout in desktop.layoutManager().layouts()] == [name]
    assert desktop.layoutManager().layoutByName(name).pageCollection().pageCount() == 7
    assert [node.name() for node in desktop.layerTreeRoot().children()] == [name]  # not the steps' layers


def test_the_chain_through_qgis_process(qgis_process_config, sample, tmp_path):
    result = run_algorithm(CHAIN, dict(chain_parameters(sample), **{"report:report": tmp_path / "r.pdf",
                                                                     "zones:underserved_zones": tmp_path / "z.gpkg"}),
                           qgis_process_config)
    assert result["results"]["report:report"] == str(tmp_path / "r.pdf") and (tmp_path / "r.pdf").stat().st_size
    assert QgsVectorLayer(str(tmp_path / "z.gpkg")).featureCount() > 0


def test_bad_input_stops_the_chain_with_nothing_written(provider, sample, tmp_path):
    outputs = {"apl:apl_communes": str(tmp_path / "apl.gpkg"), "report:report": str(tmp_path / "rapport.pdf")}
    log = Log()
    message = run_refused(CHAIN, chain_parameters(sample, AGE_FIELD_PREFIX="age_", **outputs),
                          "Error encountered while running DREES APL of every commune",  # QGIS's words
                          inputs=[sample["communes"], sample["gp_sites"]], outputs=list(outputs.values()),
                          feedback=log)
    # the step's own words: in the log on QGIS 3.22, in the message itself on 3.40 and later
    assert "0 field(s) of the demand units layer start with “age_” and a number, 19 are needed" in \
        message + log.text()


def test_a_copy_opens_in_the_model_designer(qgis_iface, provider, monkeypatch):
    sys.path.append(str(QgsApplication.pkgDataPath()) + "/python/plugins")
    from processing.modeler import ModelerDialog

    from medical_deserts_plugin.plugin import MedicalDesertsPlugin

    monkeypatch.setattr(ModelerDialog, "iface", None)  # pytest-qgis's stand-in has no icon size
    dialog = MedicalDesertsPlugin.edit_chain_model()
    model = dialog.model()
    assert set(model.childAlgorithms()) == {"apl", "zones", "sites", "report"}
    assert model.name().startswith("Whole chain") and model.validate()[0]
    dialog.setDirty(False) if hasattr(dialog, "setDirty") else None
    dialog.close()
