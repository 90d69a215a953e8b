"""The plugin object QGIS loads: Processing provider, menu, toolbar button and the data dock."""

import html
import sys

from qgis.core import Qgis, QgsApplication, QgsMessageLog
from qgis.PyQt import sip
from qgis.PyQt.QtCore import Qt, QUrl
from qgis.PyQt.QtGui import QDesktopServices, QIcon
from qgis.PyQt.QtWidgets import QPushButton

try:
    from qgis.PyQt.QtGui import QAction  # Qt6 (QGIS 4): QAction moved to QtGui
except ImportError:
    from qgis.PyQt.QtWidgets import QAction  # Qt5 (QGIS 3)

from .i18n import help_file, icon_path, install_translator, tr


def menu_title():
    """The plugin's menu in the user's language (a literal ``tr`` call, so that the .ts file gets it)."""
    return tr("&Medical Deserts")


def open_user_guide():
    """Open the user guide's first page, in the user's language, in the system's browser; False when not built."""
    path = help_file("index")
    return path is not None and QDesktopServices.openUrl(QUrl.fromLocalFile(str(path)))


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
        from .gui.parameters_dialog import SectionedAlgorithmDialog
        from .processing.base import MedicalDesertsAlgorithm
        from .processing.provider import PROVIDER_ID

        self.initProcessing()
        MedicalDesertsAlgorithm.parameters_dialog = SectionedAlgorithmDialog
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
        action = QAction(icon, tr("Open the whole chain in the Model Designer…"), self.iface.mainWindow())
        action.triggered.connect(self.edit_chain_model)
        self.iface.addPluginToMenu(menu_title(), action)
        self.actions.append(action)
        guide_action = QAction(tr("User guide"), self.iface.mainWindow())
        guide_action.setEnabled(help_file("index") is not None)
        guide_action.triggered.connect(open_user_guide)
        self.iface.addPluginToMenu(menu_title(), guide_action)
        self.actions.append(guide_action)

    def show_dock(self, visible):
        if self.dock is None:
            from .gui.dock import DataDock

            self.dock = DataDock(self.iface.mainWindow())
            self.iface.addDockWidget(Qt.DockWidgetArea.RightDockWidgetArea, self.dock)
            self.dock.visibilityChanged.connect(self.actions[0].setChecked)
        self.dock.setVisible(visible)

    @staticmethod
    def edit_chain_model():
        """The chain model in QGIS's Model Designer, as a copy the user can change and save as their own."""
        from processing.modeler.ModelerDialog import ModelerDialog

        from .processing.chain_model import editable_copy

        dialog = ModelerDialog.create(editable_copy())
        dialog.show()
        dialog.activate()
        return dialog

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
        from .processing.base import MedicalDesertsAlgorithm

        MedicalDesertsAlgorithm.parameters_dialog = None
        if self.provider is not None:
            QgsApplication.processingRegistry().removeProvider(self.provider)
            self.provider = None
        if self.translator is not None:
            from qgis.PyQt.QtCore import QCoreApplication

            QCoreApplication.removeTranslator(self.translator)


class MissingDependenciesPlugin:
    """Stand-in loaded when a library is missing: one message, and an action that installs the missing libraries
    into this profile's library folder (see dependencies.library_folder); nothing else."""

    def __init__(self, iface, missing):
        self.iface = iface
        self.missing = missing
        self.translator = install_translator()
        self.action = None
        self.message_item = None
        self.task = None
        self.result = None

    def missing_lines(self):
        """One line per missing library: found version, minimum, and on Linux the Debian package."""
        return [
            tr("{module} {found} found, {minimum} or later needed").format(
                module=module, found=found or tr("not"), minimum=minimum)
            + (tr(" (or apt install {package})").format(package=debian) if debian and sys.platform == "linux" else "")
            for module, found, minimum, _pip, debian in self.missing
        ]

    def message(self):
        """Plain text without ``<`` or ``>``: what is missing and how to install it."""
        return "\n".join([
            tr("Medical Deserts cannot start until these libraries are installed:"), *self.missing_lines(),
            tr("Click \"Install the missing libraries\" (Plugins menu, Medical Deserts) to install them for this "
               "QGIS profile only, into {folder}; the README says how to do it by hand.").format(
                folder=self.library_folder())])

    @staticmethod
    def library_folder():
        from .dependencies import library_folder

        return library_folder(QgsApplication.qgisSettingsDirPath())

    def initProcessing(self):  # noqa: N802 (QGIS API)
        pass

    def initGui(self):  # noqa: N802 (QGIS API)
        text = self.message()
        log(text, Qgis.MessageLevel.Critical)
        if self.iface is None:
            return
        self.action = QAction(tr("Install the missing libraries"), self.iface.mainWindow())
        self.action.triggered.connect(self.install_libraries)
        self.iface.addPluginToMenu(tr("&Medical Deserts"), self.action)
        bar = self.iface.messageBar()
        self.message_item = bar.createMessage("Medical Deserts", html.escape("; ".join(self.missing_lines())))
        button = QPushButton(tr("Install the missing libraries"))
        button.clicked.connect(self.install_libraries)
        self.message_item.layout().addWidget(button)
        bar.pushWidget(self.message_item, Qgis.MessageLevel.Critical, 0)

    def install_libraries(self):
        """Start the background installation (progress in QGIS's task manager); returns the task."""
        from .library_install import LibraryInstallTask

        if self.task is not None:
            return self.task
        self.task = LibraryInstallTask(self.missing, self.library_folder(), self.installation_done)
        QgsApplication.taskManager().addTask(self.task)
        if self.iface is not None:
            self.iface.messageBar().pushMessage("Medical Deserts", tr("Installing the missing libraries…"),
                                                Qgis.MessageLevel.Info, 5)
        return self.task

    def installation_done(self, task, succeeded):
        """The result, in the log and the message bar (kept in ``self.result``); on success it asks for a restart."""
        self.task = None  # the task manager deletes it; a failed installation may be tried again
        self.result = {"succeeded": succeeded, "report": task.report, "pip_output": task.pip_output}
        level = Qgis.MessageLevel.Success if succeeded else Qgis.MessageLevel.Critical
        log(task.report + ("\n" + task.pip_output if task.pip_output else ""), level)
        if self.action is not None:
            self.action.setEnabled(not succeeded)
        if self.iface is not None:
            if succeeded and self.message_item is not None and not sip.isdeleted(self.message_item):
                self.iface.messageBar().popWidget(self.message_item)  # (deleted when the user closed it)
            self.message_item = None if succeeded else self.message_item
            title = tr("Restart QGIS") if succeeded else tr("Installation failed")
            first_line, *details = task.report.splitlines()
            self.iface.messageBar().pushMessage(title, html.escape(first_line), "\n".join(details) or task.pip_output,
                                                level, 0)

    def unload(self):
        if self.action is not None:
            self.iface.removePluginMenu(tr("&Medical Deserts"), self.action)
            self.action = None


def log(text, level):
    """Into QGIS's log panel, which reads HTML: ``<``, ``>`` and ``&`` escaped."""
    QgsMessageLog.logMessage(html.escape(text, quote=False), "Medical Deserts", level)
