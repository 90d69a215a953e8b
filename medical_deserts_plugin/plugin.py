"""The plugin object QGIS loads: Processing provider, menu, toolbar button and the data dock."""

from qgis.core import Qgis, QgsApplication, QgsMessageLog
from qgis.PyQt.QtCore import Qt
from qgis.PyQt.QtGui import QIcon
from qgis.PyQt.QtWidgets import QAction

from .i18n import icon_path, install_translator, tr


def menu_title():
    """The plugin's menu in the user's language (a literal ``tr`` call, so that the .ts file gets it)."""
    return tr("&Medical Deserts")


class MedicalDesertsPlugin:
    """Registers the ``medicaldeserts`` Processing provider and the data dock."""

    def __init__(self, iface):
        self.iface = iface
        self.translator = install_translator()
        self.provider = None
        self.dock = None
        self.actions = []

    def initProcessing(self):  # noqa: N802 (QGIS API)

        from .processing.provider import MedicalDesertsProvider  # here: it needs the checked libraries

        if self.provider is None:  # QGIS calls this before initGui, which calls it again for older versions
            provider = MedicalDesertsProvider()
            if QgsApplication.processingRegistry().addProvider(provider):
                self.provider = provider

    def initGui(self):  # noqa: N802 (QGIS API)
        from .processing.provider import PROVIDER_ID

        self.initProcessing()
        icon = QIcon(icon_path("medical_deserts.svg"))
        dock_action = QAction(icon, tr("Medical deserts data panel"), self.iface.mainWindow())
        dock_action.setCheckable(True)
        dock_action.toggled.connect(self.show_dock)
        self.iface.addPluginToMenu(menu_title(), dock_action)
        self.iface.addToolBarIcon(dock_action)
        self.actions.append(dock_action)
        for algorithm in QgsApplication.processingRegistry().providerById(PROVIDER_ID).algorithms():
            action = QAction(algorithm.icon(), algorithm.displayName() + "…", self.iface.mainWindow())
            action.triggered.connect(lambda _=False, alg_id=algorithm.id(): self.open_algorithm(alg_id))
            self.iface.addPluginToMenu(menu_title(), action)
            self.actions.append(action)

    def show_dock(self, visible):
        if self.dock is None:
            from .gui.dock import DataDock

            self.dock = DataDock(self.iface.mainWindow())
            self.iface.addDockWidget(Qt.RightDockWidgetArea, self.dock)
            self.dock.visibilityChanged.connect(self.actions[0].setChecked)
        self.dock.setVisible(visible)

    @staticmethod
    def open_algorithm(algorithm_id):
        import processing

        processing.execAlgorithmDialog(algorithm_id)

    def unload(self):
        for action in self.actions:
            self.iface.removePluginMenu(menu_title(), action)
        if self.actions:
            self.iface.removeToolBarIcon(self.actions[0])
        self.actions = []
        if self.dock is not None:
            self.dock.shutdown()
            self.iface.removeDockWidget(self.dock)
            self.dock.deleteLater()
            self.dock = None
        if self.provider is not None:
            QgsApplication.processingRegistry().removeProvider(self.provider)
            self.provider = None
        if self.translator is not None:
            from qgis.PyQt.QtCore import QCoreApplication

            QCoreApplication.removeTranslator(self.translator)


class MissingDependenciesPlugin:
    """Stand-in loaded when a library is missing: it says what to install, and does nothing else."""

    def __init__(self, iface, missing):
        self.iface = iface
        self.missing = missing
        self.translator = install_translator()

    def message(self):
        lines = [
            tr("{module} {found} found, {minimum} or later needed: {how}").format(
                module=module, found=found or tr("not"), minimum=minimum, how=how
            )
            for module, found, minimum, how in self.missing
        ]
        return tr("Medical Deserts cannot start until these libraries are installed:") + "\n" + "\n".join(lines)

    def initProcessing(self):  # noqa: N802 (QGIS API)
        pass

    def initGui(self):  # noqa: N802 (QGIS API)
        text = self.message()
        QgsMessageLog.logMessage(text, "Medical Deserts", Qgis.Critical)
        if self.iface is not None and hasattr(self.iface, "messageBar"):
            summary = tr("Medical Deserts cannot start: libraries missing (see details).")
            self.iface.messageBar().pushMessage("Medical Deserts", summary, text, Qgis.Critical, 0)

    def unload(self):
        pass
