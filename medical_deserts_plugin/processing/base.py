"""What every algorithm of the provider shares: naming, help, and turning core errors into clear messages."""

from contextlib import contextmanager

from qgis.core import (
    QgsCoordinateReferenceSystem,
    QgsProcessingAlgorithm,
    QgsProcessingException,
    QgsProcessingParameterDefinition,
)
from qgis.PyQt.QtCore import QUrl
from qgis.PyQt.QtGui import QIcon

from ..core.network import Cancelled
from ..i18n import help_file, icon_path, tr
from .outputs import RunOutputs
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

    def helpUrl(self):  # noqa: N802 (QGIS API)
        """``file://`` URL of this algorithm's page of the user guide in the user's language ("" if not built)."""
        path = help_file(self.name())
        return "" if path is None else QUrl.fromLocalFile(str(path)).toString()


def advanced(parameter):
    """``parameter`` shown under "Advanced parameters" in the dialog."""
    parameter.setFlags(parameter.flags() | QgsProcessingParameterDefinition.Flag.FlagAdvanced)
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
    """Runs ``run_algorithm()`` with outputs that are whole or absent (see ``outputs``): every destination is
    checked before the work, written aside, and moved into place only when the whole run succeeded; a cancel or an
    error leaves no output and the destinations as they were."""

    def processAlgorithm(self, parameters, context, feedback):  # noqa: N802 (QGIS API)
        discard_styles(context)  # of an earlier run that failed before its post-processing
        self._outputs = RunOutputs(self, parameters, context)
        self._outputs.check()
        try:
            results = self.run_algorithm(parameters, context, feedback)
            self._outputs.commit()
            return results
        except AlgorithmCancelled:
            self._outputs.discard()
            discard_styles(context)
            feedback.reportError(tr("Cancelled: nothing was written."))
            return {}
        except BaseException:
            self._outputs.discard()
            discard_styles(context)
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
        return {}
