"""The dialog of the plugin's algorithms: QGIS's Processing dialog, with the parameters in headed sections (demand,
supply, method, network…) and the parameters that do not apply to the chosen method greyed out.

The sections and the conditions are metadata of the parameters (``processing.base.section`` and ``applies_when``),
so the toolbox, the batch dialog and the Model Designer, which do not read them, keep working as before. The same
pattern as QGIS's own GDAL provider: the algorithm's ``createCustomParametersWidget`` returns this dialog.
"""

from processing.gui.AlgorithmDialog import AlgorithmDialog
from processing.gui.ParametersPanel import ParametersPanel
from qgis.PyQt.QtWidgets import QLabel

from ..processing.base import APPLIES_KEY, SECTION_KEY


def section_heading(title):
    """Bold heading with a rule under it, opening a section of parameters."""
    heading = QLabel(f"<b>{title}</b>")
    heading.setObjectName("medical_deserts_section")
    heading.setStyleSheet("QLabel { margin-top: 10px; border-bottom: 1px solid palette(mid); padding-bottom: 2px; }")
    return heading


class SectionedParametersPanel(ParametersPanel):
    """QGIS's parameters panel with a heading above the first parameter of each section, and parameters that
    apply only to some values of an enum parameter enabled for those values only."""

    def __init__(self, parent, algorithm):
        self._headed, self._conditions = set(), {}
        super().__init__(parent, algorithm)
        self.connect_conditions()

    def add_heading(self, parameter):
        title = parameter.metadata().get(SECTION_KEY)
        if title and parameter.name() not in self._headed:
            self._headed.add(parameter.name())
            super().addParameterLabel(parameter, section_heading(title))

    def addParameterLabel(self, parameter, label):  # noqa: N802 (QGIS API)
        self.add_heading(parameter)
        super().addParameterLabel(parameter, label)

    def addParameterWidget(self, parameter, widget, stretch=0):  # noqa: N802 (QGIS API)
        self.add_heading(parameter)  # a parameter without a label (a check box) opens its section here
        super().addParameterWidget(parameter, widget, stretch)

    def conditions(self):
        """{controlling parameter name: [(wrapper of a dependent parameter, values it applies to)]}."""
        found = {}
        for parameter in self.algorithm().parameterDefinitions():
            condition = parameter.metadata().get(APPLIES_KEY)
            wrapper = self.wrappers.get(parameter.name())
            if condition and wrapper is not None and condition["parameter"] in self.wrappers:
                found.setdefault(condition["parameter"], []).append((wrapper, set(condition["values"])))
        return found

    def connect_conditions(self):
        """Each controlling parameter's changes re-apply the conditions, through a method of this panel (a slot
        Qt disconnects when the panel goes: no Python closure outlives the widgets)."""
        self._conditions = self.conditions()
        for controller in self._conditions:
            self.wrappers[controller].widgetValueHasChanged.connect(self.apply_conditions)
        self.apply_conditions()

    def apply_conditions(self, *_):
        for controller, dependents in self._conditions.items():
            value = self.wrappers[controller].parameterValue()
            for dependent, values in dependents:
                for widget in (dependent.wrappedWidget(), dependent.wrappedLabel()):
                    if widget is not None:
                        widget.setEnabled(value in values)


class SectionedAlgorithmDialog(AlgorithmDialog):
    """QGIS's algorithm dialog (Run, Batch, Log, Help) around ``SectionedParametersPanel``."""

    def __init__(self, algorithm, parent=None):
        super().__init__(algorithm.create(), parent=parent)

    def getParametersPanel(self, algorithm, parent):  # noqa: N802 (QGIS API)
        return SectionedParametersPanel(parent, algorithm)
