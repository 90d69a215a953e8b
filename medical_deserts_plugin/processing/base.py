"""What every algorithm of the provider shares: naming, help, and turning core errors into clear messages."""

from contextlib import contextmanager

from qgis.core import (
    Qgis,
    QgsCoordinateReferenceSystem,
    QgsMessageLog,
    QgsProcessingAlgorithm,
    QgsProcessingException,
    QgsProcessingParameterDefinition,
    QgsProcessingParameterNumber,
)
from qgis.PyQt.QtCore import QUrl
from qgis.PyQt.QtGui import QIcon

from ..core.location import DEFAULT_MIP_REL_GAP
from ..core.network import Cancelled
from ..i18n import help_file, icon_path, tr
from .outputs import RunOutputs
from .run_record import discard_records, save_records
from .styles import discard_styles, embed_styles


class AlgorithmCancelled(Exception):
    """The user pressed Cancel: the algorithm stops and writes nothing."""


#: Metadata keys read by the plugin's parameters dialog (gui/parameters_dialog.py): the heading of the section a
#: parameter opens, and the values of another parameter for which it applies (greyed out otherwise).
SECTION_KEY, APPLIES_KEY = "medical_deserts_section", "medical_deserts_applies"
#: Decimals shown for a decimal number whose default does not need more (30.0, not 30.000000).
DEFAULT_DECIMALS = 1


class MedicalDesertsAlgorithm(QgsProcessingAlgorithm):
    """Base class: subclasses give ``name``, ``displayName``, ``shortDescription``, ``shortHelpString`` and the
    work."""

    #: Dialog class the desktop uses for the plugin's algorithms (set by the plugin's GUI; None in qgis_process).
    parameters_dialog = None

    def addParameter(self, parameter, createOutput=True):  # noqa: N802,N803 (QGIS API)
        """QGIS's ``addParameter``, decimal numbers shown with the decimals their default needs (at least one)."""
        if isinstance(parameter, QgsProcessingParameterNumber) and \
                parameter.dataType() == QgsProcessingParameterNumber.Type.Double:
            wrapper = dict(parameter.metadata().get("widget_wrapper") or {})
            wrapper.setdefault("decimals", decimals_of(parameter.defaultValue()))
            set_metadata(parameter, widget_wrapper=wrapper)
        return super().addParameter(parameter, createOutput)

    def createCustomParametersWidget(self, parent=None):  # noqa: N802 (QGIS API)
        """The plugin's dialog (sections, parameters greyed out where they do not apply) when the GUI set one;
        QGIS's own dialog otherwise, or if the plugin's cannot be built on this QGIS."""
        if self.parameters_dialog is None:
            return None
        try:
            return self.parameters_dialog(self, parent)
        except Exception as error:  # noqa: BLE001 (a dialog of QGIS's is better than none)
            QgsMessageLog.logMessage(tr("The plugin's dialog could not be built ({error}); QGIS's is used.").format(
                error=error), "Medical Deserts", Qgis.MessageLevel.Warning)
            return None

    def createInstance(self):  # noqa: N802 (QGIS API)
        return type(self)()

    def group(self):
        return tr("Access to care")

    def groupId(self):  # noqa: N802 (QGIS API)
        return "access"

    def icon(self):
        return QIcon(icon_path("medical_deserts.svg"))

    def helpUrl(self):  # noqa: N802 (QGIS API)
        return help_url(self.name())


def help_url(page):
    """``file://`` URL of the user guide's ``page`` (an algorithm's name) in the user's language ("" if not
    built)."""
    path = help_file(page)
    return "" if path is None else QUrl.fromLocalFile(str(path)).toString()


def set_metadata(parameter, **entries):
    """Add ``entries`` to ``parameter``'s metadata (kept, unlike ``setMetadata`` alone)."""
    metadata = dict(parameter.metadata())
    metadata.update(entries)
    parameter.setMetadata(metadata)
    return parameter


def decimals_of(value):
    """Decimals the number ``value`` needs, between ``DEFAULT_DECIMALS`` and 4 (30.0 → 1, 0.0001 → 4)."""
    try:
        text = f"{float(value):.4f}".rstrip("0")
    except (TypeError, ValueError):
        return DEFAULT_DECIMALS
    return max(DEFAULT_DECIMALS, len(text.partition(".")[2]))


def section(title, parameter):
    """``parameter`` opens the dialog section headed ``title`` (translated)."""
    return set_metadata(parameter, **{SECTION_KEY: title})


def applies_when(parameter, controller, values):
    """``parameter`` applies only when the enum parameter ``controller`` has one of ``values``: greyed out in
    the dialog otherwise."""
    return set_metadata(parameter, **{APPLIES_KEY: {"parameter": controller, "values": list(values)}})


def explained(parameter, text):
    """``parameter`` with ``text`` (translated) as its help: the tooltip of its label and widget in the dialog."""
    parameter.setHelp(text)
    return parameter


def advanced(parameter):
    """``parameter`` shown under "Advanced parameters" in the dialog."""
    parameter.setFlags(parameter.flags() | QgsProcessingParameterDefinition.Flag.FlagAdvanced)
    return parameter


#: the solver parameters of the location and tour models
TIME_LIMIT, MIP_GAP = "TIME_LIMIT", "MIP_GAP"


def add_solver_parameters(algorithm):
    """HiGHS's time limit (seconds) and accepted relative gap, in an advanced "Solver" section."""
    algorithm.addParameter(section(tr("Solver"), advanced(QgsProcessingParameterNumber(
        TIME_LIMIT, tr("Solver time limit (seconds)"), QgsProcessingParameterNumber.Type.Double, defaultValue=60.0,
        minValue=0.0))))
    algorithm.addParameter(advanced(QgsProcessingParameterNumber(
        MIP_GAP, tr("Relative optimality gap accepted"), QgsProcessingParameterNumber.Type.Double,
        defaultValue=DEFAULT_MIP_REL_GAP, minValue=0.0, maxValue=1.0)))


def progress_callback(feedback, start, end):
    """Core progress callback mapping a 0..1 fraction onto ``start``..``end`` percent; False means cancel."""

    def report(fraction):
        feedback.setProgress(start + (end - start) * fraction)
        return not feedback.isCanceled()

    return report


def check_cancel(feedback):
    if feedback.isCanceled():
        raise AlgorithmCancelled()


@contextmanager
def core_errors():
    """Core's ValueError becomes a QgsProcessingException; its Cancelled stops the algorithm quietly."""
    try:
        yield
    except Cancelled as error:
        raise AlgorithmCancelled() from error
    except ValueError as error:
        raise QgsProcessingException(str(error)) from error


class RunnableAlgorithm(MedicalDesertsAlgorithm):
    """Runs ``run_algorithm()`` with outputs that are whole or absent (see ``outputs``): every destination is
    checked before the work, written aside, and moved into place only when the whole run succeeded; a cancel or an
    error leaves no output and the destinations as they were."""

    def processAlgorithm(self, parameters, context, feedback):  # noqa: N802 (QGIS API)
        discard_styles(context)  # of an earlier run that failed before its post-processing
        discard_records(context)
        self._outputs = RunOutputs(self, parameters, context)
        self._outputs.check()
        try:
            results = self.run_algorithm(parameters, context, feedback)
            self._outputs.commit()
            return results
        except AlgorithmCancelled:
            self._outputs.discard()
            discard_styles(context)
            discard_records(context)
            feedback.reportError(tr("Cancelled: nothing was written."))
            return {}
        except BaseException:
            self._outputs.discard()
            discard_styles(context)
            discard_records(context)
            raise
        finally:
            self._outputs = None  # it holds the context: a cycle through it would outlive QGIS (crash at exit)

    def parameterAsSink(self, parameters, name, context, fields, geometry_type=0, crs=None, *args):  # noqa: N802
        """QGIS's ``parameterAsSink`` through the run's outputs: a sink whose failed writes raise, written aside
        and moved into place at the end; the id returned is the final destination's."""
        def create(actual_parameters):
            return super(RunnableAlgorithm, self).parameterAsSink(
                actual_parameters, name, context, fields, geometry_type,
                QgsCoordinateReferenceSystem() if crs is None else crs, *args)

        return self._outputs.sink(name, create)

    def output_file(self, name):
        """(path to write, final path) of the file destination ``name``: written aside, moved into place when the
        whole run has succeeded, removed on a cancel or an error."""
        return self._outputs.file(name)

    def run_algorithm(self, parameters, context, feedback):
        raise NotImplementedError

    def postProcessAlgorithm(self, context, feedback):  # noqa: N802 (QGIS API)
        embed_styles(context, feedback)
        save_records(context, feedback)
        return {}
