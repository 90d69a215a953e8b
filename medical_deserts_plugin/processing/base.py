"""What every algorithm of the provider shares: naming, help, and turning core errors into clear messages."""

from contextlib import contextmanager

from qgis.core import QgsProcessingAlgorithm, QgsProcessingException, QgsProcessingParameterDefinition
from qgis.PyQt.QtGui import QIcon

from ..core.network import Cancelled
from ..i18n import icon_path, tr
from .styles import discard_styles, embed_styles


class AlgorithmCancelled(Exception):
    """The user pressed Cancel: the algorithm stops and writes nothing."""


class MedicalDesertsAlgorithm(QgsProcessingAlgorithm):
    """Base class: subclasses give ``name``, ``displayName``, ``shortHelpString`` and the work."""

    def createInstance(self):  # noqa: N802 (QGIS API)
        return type(self)()

    def group(self):
        return tr("Access to care")

    def groupId(self):  # noqa: N802 (QGIS API)
        return "access"

    def icon(self):
        return QIcon(icon_path("medical_deserts.svg"))



def advanced(parameter):
    """``parameter`` shown under "Advanced parameters" in the dialog."""
    parameter.setFlags(parameter.flags() | QgsProcessingParameterDefinition.FlagAdvanced)
    return parameter


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
    """Runs ``run_algorithm()``; a cancel stops it with no output, as nothing is written before the work is done."""

    def processAlgorithm(self, parameters, context, feedback):  # noqa: N802 (QGIS API)
        discard_styles(context)  # of an earlier run that failed before its post-processing
        try:
            return self.run_algorithm(parameters, context, feedback)
        except AlgorithmCancelled:
            feedback.reportError(tr("Cancelled: nothing was written."))
            return {}

    def run_algorithm(self, parameters, context, feedback):
        raise NotImplementedError

    def postProcessAlgorithm(self, context, feedback):  # noqa: N802 (QGIS API)
        embed_styles(context, feedback)
        return {}
