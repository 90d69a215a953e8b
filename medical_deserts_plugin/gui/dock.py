"""The data panel ("Déserts médicaux — données"). For now a placeholder that points to the algorithms."""

from qgis.PyQt.QtCore import Qt
from qgis.PyQt.QtWidgets import QDockWidget, QLabel, QVBoxLayout, QWidget

from ..i18n import tr


class DataDock(QDockWidget):
    """Dock that will list the French datasets (RPPS, FINESS, INSEE, ANCT, IGN) and load them."""

    def __init__(self, parent=None):
        super().__init__(tr("Medical deserts — data"), parent)
        self.setObjectName("MedicalDesertsDataDock")
        body = QWidget(self)
        layout = QVBoxLayout(body)
        message = QLabel(
            tr(
                "The data catalogue (RPPS practitioners, FINESS facilities, INSEE population, ANCT territories, "
                "IGN communes) arrives in a later version.\n\nThe analyses are in the Processing toolbox under "
                "“Medical deserts”: travel-time matrix and nearest facility."
            ),
            body,
        )
        message.setWordWrap(True)
        message.setAlignment(Qt.AlignTop | Qt.AlignLeft)
        layout.addWidget(message)
        layout.addStretch(1)
        self.setWidget(body)
