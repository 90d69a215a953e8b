"""``medicaldeserts:councilchain``: the whole chain as a Processing model, from the communes and the GP practices to
the council's report: DREES APL of every commune → underserved classes and zones → new health centres that bring
the most inhabitants to an APL of 2.5 → the report (PDF).

A model of QGIS's own (``QgsProcessingModelAlgorithm``), built here so that its labels follow the user's language;
it is listed in the toolbox and the plugin's menu opens a copy in the Model Designer, where the user can change and
save it as their own model.
"""

from qgis.core import (
    QgsProcessing,
    QgsProcessingModelAlgorithm,
    QgsProcessingModelChildAlgorithm,
    QgsProcessingModelChildParameterSource,
    QgsProcessingModelOutput,
    QgsProcessingModelParameter,
    QgsProcessingParameterDefinition,
    QgsProcessingParameterEnum,
    QgsProcessingParameterFeatureSource,
    QgsProcessingParameterField,
    QgsProcessingParameterNumber,
    QgsProcessingParameterString,
)
from qgis.PyQt.QtCore import QPointF
from qgis.PyQt.QtGui import QIcon

from ..core.location import APL_THRESHOLD
from ..i18n import icon_path, tr
from .base import help_url
from .network_parameters import speed_preset_parameter

MODEL_NAME = "councilchain"
COMMUNES, POPULATION_FIELD, AGE_FIELD_PREFIX, CODE_FIELD = "COMMUNES", "POPULATION_FIELD", "AGE_FIELD_PREFIX", \
    "CODE_FIELD"
GP_SITES, GP_COUNT_FIELD, GP_CODE_FIELD = "GP_SITES", "GP_COUNT_FIELD", "GP_CODE_FIELD"
ROADS, ROAD_CLASS_FIELD, SPEED_PRESET, DIRECTION_FIELD = "ROADS", "ROAD_CLASS_FIELD", "SPEED_PRESET", \
    "DIRECTION_FIELD"
NEW_SITES, TERRITORY, LANGUAGE = "NEW_SITES", "TERRITORY", "LANGUAGE"
#: Model outputs: (child id, child output, model output name); as parameters and results of the model they are
#: named "child id:model output name" on every QGIS version, e.g. ``report:report``.
OUTPUTS = (("apl", "OUTPUT", "apl_communes"), ("zones", "OUTPUT", "communes_classes"),
           ("zones", "OUTPUT_ZONES", "underserved_zones"), ("sites", "OUTPUT_SITES", "suggested_sites"),
           ("sites", "OUTPUT_DEMAND", "communes_before_after"), ("report", "OUTPUT", "report"))
APL_LIFT_MODEL = 4  # suggestsites: most inhabitants brought to the APL threshold


def output_labels():
    return {"apl_communes": tr("APL of the communes"), "communes_classes": tr("Communes by class"),
            "underserved_zones": tr("Underserved zones"), "suggested_sites": tr("Suggested new health centres"),
            "communes_before_after": tr("Communes before and after the new centres"),
            "report": tr("Report for the council (PDF)")}


def model_parameters():
    """(definition, (x, y) in the Model Designer) of every input of the model."""
    return [
        (QgsProcessingParameterFeatureSource(COMMUNES, tr("Communes (polygons with their population)"),
                                             [QgsProcessing.SourceType.TypeVectorPolygon]), (120, 60)),
        (QgsProcessingParameterField(POPULATION_FIELD, tr("Population field (inhabitants)"),
                                     parentLayerParameterName=COMMUNES, optional=True), (120, 130)),
        (QgsProcessingParameterString(AGE_FIELD_PREFIX, tr("Prefix of the 19 age-group fields (e.g. pop_)"),
                                      optional=True), (120, 200)),
        (QgsProcessingParameterField(CODE_FIELD, tr("Commune code field (INSEE code)"),
                                     parentLayerParameterName=COMMUNES), (120, 270)),
        (QgsProcessingParameterFeatureSource(GP_SITES, tr("GP practices (points)"),
                                             [QgsProcessing.SourceType.TypeVectorPoint]), (120, 360)),
        (QgsProcessingParameterField(GP_COUNT_FIELD, tr("Number of GPs field (default: 1 per practice)"),
                                     parentLayerParameterName=GP_SITES, optional=True), (120, 430)),
        (QgsProcessingParameterField(GP_CODE_FIELD, tr("Commune code field of the practices"),
                                     parentLayerParameterName=GP_SITES, optional=True), (120, 500)),
        (QgsProcessingParameterFeatureSource(
            ROADS, tr("Road network (lines; empty: straight-line distance)"),
            [QgsProcessing.SourceType.TypeVectorLine], optional=True), (120, 590)),
        (QgsProcessingParameterField(ROAD_CLASS_FIELD, tr("Road class field"), parentLayerParameterName=ROADS,
                                     optional=True), (120, 660)),
        (speed_preset_parameter(), (120, 730)),
        (QgsProcessingParameterField(DIRECTION_FIELD, tr("One-way field"), parentLayerParameterName=ROADS,
                                     optional=True), (120, 800)),
        (QgsProcessingParameterNumber(NEW_SITES, tr("Number of new health centres"),
                                      QgsProcessingParameterNumber.Type.Integer, defaultValue=3, minValue=1),
         (120, 890)),
        (QgsProcessingParameterString(TERRITORY, tr("Name of the territory"), defaultValue=tr("My territory")),
         (120, 960)),
        (QgsProcessingParameterEnum(LANGUAGE, tr("Report language"), options=["Français", "English"],
                                    defaultValue=0), (120, 1030)),
    ]


def children():
    """(child id, algorithm id, description, {parameter: source}, (x, y)) of every step, in order."""
    def model(name):
        return QgsProcessingModelChildParameterSource.fromModelParameter(name)

    def static(value):
        return QgsProcessingModelChildParameterSource.fromStaticValue(value)

    def output(child, name):
        return QgsProcessingModelChildParameterSource.fromChildOutput(child, name)

    network = {"ROADS": model(ROADS), "ROAD_CLASS_FIELD": model(ROAD_CLASS_FIELD),
               "SPEED_PRESET": model(SPEED_PRESET), "DIRECTION_FIELD": model(DIRECTION_FIELD)}
    return [
        ("apl", "medicaldeserts:accessibilityindex", tr("DREES APL of every commune"),
         dict(network, INPUT=model(COMMUNES), POPULATION_FIELD=model(POPULATION_FIELD),
              AGE_FIELD_PREFIX=model(AGE_FIELD_PREFIX), DEMAND_CODE_FIELD=model(CODE_FIELD), SUPPLY=model(GP_SITES),
              SUPPLY_FIELD=model(GP_COUNT_FIELD), SUPPLY_CODE_FIELD=model(GP_CODE_FIELD), METHOD=static(0)),
         (480, 300)),
        ("zones", "medicaldeserts:underservedzones", tr("Underserved communes and zones"),
         dict(INPUT=output("apl", "OUTPUT"), INDEX_FIELD=static("access_index"), TIME_FIELD=static("nearest_min"),
              POPULATION_FIELD=model(POPULATION_FIELD), STD_POPULATION_FIELD=static("pop_std"),
              LANGUAGE=model(LANGUAGE)), (780, 160)),
        ("sites", "medicaldeserts:suggestsites", tr("New health centres bringing the most inhabitants to 2.5"),
         dict(network, INPUT=output("apl", "OUTPUT"), POPULATION_FIELD=model(POPULATION_FIELD),
              EXISTING=model(GP_SITES), EXISTING_SUPPLY_FIELD=model(GP_COUNT_FIELD), MODEL=static(APL_LIFT_MODEL),
              P=model(NEW_SITES), THRESHOLD=static(APL_THRESHOLD)), (780, 480)),
        ("report", "medicaldeserts:councilreport", tr("Report for the council"),
         dict(INPUT=output("apl", "OUTPUT"), POPULATION_FIELD=model(POPULATION_FIELD), CODE_FIELD=model(CODE_FIELD),
              CLASSES=output("zones", "OUTPUT"), ZONES=output("zones", "OUTPUT_ZONES"),
              SITES=output("sites", "OUTPUT_SITES"), SITES_DEMAND=output("sites", "OUTPUT_DEMAND"),
              TERRITORY=model(TERRITORY), LANGUAGE=model(LANGUAGE)), (1080, 320)),
    ]


def help_text():
    return tr(
        "The whole chain in one run, from the communes (with their population, by age group if possible) and the "
        "GP practices to the council's report: 1. the DREES APL of every commune (accessibility index); "
        "2. the underserved communes (APL under 2.5 or more than 30 min from a GP) and the zones they form; "
        "3. where the given number of new health centres would bring the most inhabitants to an APL of 2.5; "
        "4. the report (A4 PDF) with the maps, charts and key figures of the three steps.\n\n"
        "Every step is also an algorithm of its own, with more choices. To change the chain (another method, "
        "thresholds, more outputs), open it in the Model Designer from the plugin's menu and save it as your "
        "model.")


class CouncilChainModel(QgsProcessingModelAlgorithm):
    """The chain model, with a fixed id (``medicaldeserts:councilchain``) and a translated name."""

    def __init__(self):
        super().__init__(MODEL_NAME, tr("Whole chain"), "chain")
        build(self)

    def createInstance(self):  # noqa: N802 (QGIS API)
        return CouncilChainModel()

    def displayName(self):  # noqa: N802 (QGIS API)
        return tr("Whole chain: from the communes and GP practices to the council's report")

    def shortDescription(self):  # noqa: N802 (QGIS API)
        return tr("APL, underserved zones, new health centres and the report in one run (a model you can edit).")

    def shortHelpString(self):  # noqa: N802 (QGIS API)
        return help_text()

    def icon(self):
        return QIcon(icon_path("medical_deserts.svg"))

    def helpUrl(self):  # noqa: N802 (QGIS API)
        return help_url(MODEL_NAME)

    def processAlgorithm(self, parameters, context, feedback):  # noqa: N802 (QGIS API)
        """QGIS's model run, every output left empty written to a temporary file: the report needs them all,
        a user may want only the report (the outputs are optional, see ``build``)."""
        filled = dict(parameters)
        for definition in self.destinationParameterDefinitions():
            if filled.get(definition.name()) in (None, ""):
                filled[definition.name()] = QgsProcessing.TEMPORARY_OUTPUT
        results = super().processAlgorithm(filled, context, feedback)
        steps = results.get("CHILD_RESULTS") or {}
        for child, child_output, name in OUTPUTS:  # QGIS 3.26+ keys them by their label: the "step:output" too
            if child_output in (steps.get(child) or {}):
                results[f"{child}:{name}"] = steps[child][child_output]
        return results


def editable_copy():
    """A plain model of the chain for the Model Designer, named by its translated name: what the user saves is a
    model of their own (in the Models provider), the plugin's stays as it is."""
    model = QgsProcessingModelAlgorithm()
    model.loadVariant(CouncilChainModel().toVariant())
    model.setName(tr("Whole chain: from the communes and GP practices to the council's report"))
    model.setGroup(tr("Medical deserts"))
    return model


def build(model):
    """Fill ``model`` (an empty ``QgsProcessingModelAlgorithm``) with the chain's inputs, steps and outputs; the
    steps' algorithms must be registered."""
    for definition, (x, y) in model_parameters():
        component = QgsProcessingModelParameter(definition.name())
        component.setPosition(QPointF(x, y))
        model.addModelParameter(definition, component)
    labels = output_labels()
    for child_id, algorithm_id, description, sources, (x, y) in children():
        child = QgsProcessingModelChildAlgorithm(algorithm_id)
        child.setChildId(child_id)
        child.setDescription(description)
        child.setPosition(QPointF(x, y))
        for name, source in sources.items():
            child.addParameterSources(name, [source])
        for definition in child.algorithm().parameterDefinitions():  # the rest at their defaults, as the designer
            if definition.name() not in sources and not definition.isDestination() and \
                    not definition.flags() & QgsProcessingParameterDefinition.Flag.FlagOptional:
                child.addParameterSources(definition.name(), [
                    QgsProcessingModelChildParameterSource.fromStaticValue(definition.defaultValue())])
        outputs = {}
        for index, (output_child, child_output, name) in enumerate(o for o in OUTPUTS if o[0] == child_id):
            output = QgsProcessingModelOutput(name, labels[name])
            output.setChildId(child_id)
            output.setChildOutputName(child_output)
            output.setDefaultValue(QgsProcessing.TEMPORARY_OUTPUT)  # an output left empty is a temporary file
            output.setMandatory(False)
            output.setPosition(QPointF(x + 260, y - 40 + 60 * index))
            outputs[name] = output
        child.setModelOutputs(outputs)
        model.addChildAlgorithm(child)
    model.setHelpContent({"ALG_DESC": help_text(), "ALG_CREATOR": "Medical Deserts"})
    for definition in model.destinationParameterDefinitions():  # optional: the report alone may be wanted
        definition.setFlags(definition.flags() | QgsProcessingParameterDefinition.Flag.FlagOptional)
        step, output = (definition.metadata().get(key) for key in ("_modelChildId", "_modelChildOutputName"))
        if step and output:  # QGIS 3.26+ names them after their label, which is translated: "step:output" always
            definition.setName(f"{step}:{output}")
    return model
