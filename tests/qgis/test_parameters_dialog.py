"""The dialogs a cartographer reads: sections, parameters greyed out where they do not apply, labels without a
doubled "optional", numbers with sensible decimals, a tooltip per algorithm, and the age groups by their prefix."""

import sys

import processing
import pytest
from qgis.core import QgsApplication, QgsProcessingContext, QgsProcessingException, QgsProcessingParameterDefinition, \
    QgsProcessingParameterNumber, QgsVectorLayer
from qgis.PyQt.QtWidgets import QLabel

from bad_input import run_refused
from medical_deserts_plugin.processing.base import APPLIES_KEY, SECTION_KEY, MedicalDesertsAlgorithm
from medical_deserts_plugin.processing.fields import fields_by_prefix
from test_accessibility_algorithm import AGE_FIELDS


def algorithms(provider):
    return sorted(provider.algorithms(), key=lambda algorithm: algorithm.id())


def test_every_algorithm_has_a_tooltip_and_labels_without_a_doubled_optional(provider):
    for algorithm in algorithms(provider):
        assert algorithm.shortDescription().endswith("."), algorithm.id()
        assert len(algorithm.shortDescription()) < 130, algorithm.id()
        for parameter in algorithm.parameterDefinitions():
            if parameter.flags() & QgsProcessingParameterDefinition.Flag.FlagOptional:
                assert "optional" not in parameter.description().lower(), (algorithm.id(), parameter.name())


def test_decimal_numbers_show_the_decimals_their_default_needs(provider):
    algorithm = QgsApplication.processingRegistry().algorithmById("medicaldeserts:suggestsites")
    decimals = {parameter.name(): parameter.metadata()["widget_wrapper"]["decimals"]
                for parameter in algorithm.parameterDefinitions()
                if isinstance(parameter, QgsProcessingParameterNumber)
                and parameter.dataType() == QgsProcessingParameterNumber.Type.Double}
    assert decimals["RADIUS"] == 1 and decimals["DETOUR_FACTOR"] == 1 and decimals["MIP_GAP"] == 4  # 30.0, 1.3, 1e-4
    for algorithm in algorithms(provider):
        for parameter in algorithm.parameterDefinitions():
            if isinstance(parameter, QgsProcessingParameterNumber) and \
                    parameter.dataType() == QgsProcessingParameterNumber.Type.Double:
                assert 1 <= parameter.metadata()["widget_wrapper"]["decimals"] <= 4, (algorithm.id(), parameter.name())


def test_sections_and_conditions_name_existing_parameters(provider):
    for algorithm in algorithms(provider):
        names = {parameter.name() for parameter in algorithm.parameterDefinitions()}
        for parameter in algorithm.parameterDefinitions():
            condition = parameter.metadata().get(APPLIES_KEY)
            if condition:
                controller = algorithm.parameterDefinition(condition["parameter"])
                assert condition["parameter"] in names and controller.type() == "enum", parameter.name()
                assert set(condition["values"]) <= set(range(len(controller.options()))), parameter.name()
    sections = [parameter.metadata().get(SECTION_KEY) for parameter in QgsApplication.processingRegistry()
                .algorithmById("medicaldeserts:accessibilityindex").parameterDefinitions()]
    assert [title for title in sections if title][:5] == ["Demand", "Supply", "Method", "Method",
                                                         "Travel-time table (instead of the road network)"]


@pytest.fixture
def plugin_dialogs(provider, monkeypatch):
    sys.path.append(str(QgsApplication.pkgDataPath()) + "/python/plugins")
    from processing.gui import ParametersPanel

    from medical_deserts_plugin.gui.parameters_dialog import SectionedAlgorithmDialog

    monkeypatch.setattr(ParametersPanel, "iface", None)  # pytest-qgis's stand-in has no real browser model

    MedicalDesertsAlgorithm.parameters_dialog = SectionedAlgorithmDialog
    yield
    MedicalDesertsAlgorithm.parameters_dialog = None


def test_without_the_gui_qgis_builds_its_own_dialog(provider):
    algorithm = QgsApplication.processingRegistry().createAlgorithmById("medicaldeserts:accessibilityindex")
    assert algorithm.createCustomParametersWidget(None) is None


def test_the_dialog_has_headed_sections_and_greys_out_what_does_not_apply(plugin_dialogs):
    algorithm = QgsApplication.processingRegistry().createAlgorithmById("medicaldeserts:accessibilityindex")
    dialog = MedicalDesertsAlgorithm.parameters_dialog(algorithm, None)  # errors shown, not logged
    assert type(algorithm.createCustomParametersWidget(None)) is type(dialog)
    panel = dialog.mainWidget()
    headings = [label.text() for label in panel.findChildren(QLabel) if label.objectName() == "medical_deserts_section"]
    assert {"<b>Demand</b>", "<b>Supply</b>", "<b>Method</b>", "<b>Travel times</b>", "<b>Road network</b>"} <= \
        set(headings)
    wrappers = panel.wrappers
    assert wrappers["METHOD"].parameterValue() == 0  # the DREES APL
    assert not wrappers["CUTOFF"].wrappedWidget().isEnabled() and not wrappers["BANDS"].wrappedLabel().isEnabled()
    assert wrappers["ACTIVITY_FIELD"].wrappedWidget().isEnabled()
    wrappers["METHOD"].setParameterValue(2, QgsProcessingContext())  # E2SFCA: its bands apply, not the cutoff
    assert wrappers["BANDS"].wrappedWidget().isEnabled() and not wrappers["CUTOFF"].wrappedWidget().isEnabled()
    assert not wrappers["ACTIVITY_FIELD"].wrappedWidget().isEnabled()
    wrappers["METHOD"].setParameterValue(4, QgsProcessingContext())  # gravity: the cutoff and β
    assert wrappers["CUTOFF"].wrappedWidget().isEnabled() and wrappers["BETA"].wrappedWidget().isEnabled()
    assert not wrappers["SIGMA"].wrappedWidget().isEnabled()
    dialog.deleteLater()


def test_age_fields_by_prefix_in_the_order_of_their_age():
    shuffled = ["code", "pop_std", "population"] + AGE_FIELDS[::-1]
    assert fields_by_prefix(shuffled, "pop_", 19, "communes") == AGE_FIELDS
    assert fields_by_prefix([name.upper() for name in AGE_FIELDS], "pop_", 19, "x")[0] == "POP_00_04"
    with pytest.raises(QgsProcessingException, match="18 field.*start with “pop_”.*pop_00_04, pop_05_09"):
        fields_by_prefix(AGE_FIELDS[:-1], "pop_", 19, "communes")


def sample_apl(sample, **age_parameters):
    parameters = dict(INPUT=sample["communes"], POPULATION_FIELD="population", DEMAND_CODE_FIELD="code_insee",
                      SUPPLY=sample["gp_sites"], SUPPLY_FIELD="n_gp", SUPPLY_CODE_FIELD="code_insee", METHOD=0,
                      OUTPUT="memory:", **age_parameters)
    layer = processing.run("medicaldeserts:accessibilityindex", parameters)["OUTPUT"]
    return {feature["code_insee"]: (feature["access_index"], feature["pop_std"]) for feature in layer.getFeatures()}


def test_the_age_prefix_gives_the_apl_of_the_19_fields(provider, sample):
    by_prefix = sample_apl(sample, AGE_FIELD_PREFIX="pop_")
    by_fields = sample_apl(sample, AGE_FIELDS=AGE_FIELDS)
    assert by_prefix == by_fields
    assert any(pop_std != pytest.approx(feature_population) for (_, pop_std), feature_population in zip(
        by_prefix.values(), (f["population"] for f in QgsVectorLayer(sample["communes"]).getFeatures())))


def test_a_prefix_with_the_fields_too_or_the_wrong_count_is_refused(provider, sample, tmp_path):
    common = dict(INPUT=sample["communes"], POPULATION_FIELD="population", SUPPLY=sample["gp_sites"],
                  SUPPLY_FIELD="n_gp", OUTPUT=str(tmp_path / "apl.gpkg"))
    run_refused("medicaldeserts:accessibilityindex", dict(common, AGE_FIELD_PREFIX="pop_", AGE_FIELDS=AGE_FIELDS),
                "19 age-group fields or their common prefix, not both", inputs=[sample["communes"]])
    run_refused("medicaldeserts:accessibilityindex", dict(common, AGE_FIELD_PREFIX="pop_0"),
                "2 field.*“pop_0”.*19 are needed: pop_00_04, pop_05_09", inputs=[sample["communes"]])
