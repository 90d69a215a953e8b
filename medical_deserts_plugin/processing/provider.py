"""Processing provider ``medicaldeserts``."""

from qgis.core import QgsApplication, QgsProcessingProvider
from qgis.PyQt.QtGui import QIcon

from ..i18n import icon_path, tr
from .accessibility_index import AccessibilityIndexAlgorithm
from .catchment_areas import CatchmentAreasAlgorithm
from .chain_model import CouncilChainModel
from .council_report import CouncilReportAlgorithm
from .import_anct import ImportAnctAlgorithm
from .import_finess import ImportFinessAlgorithm
from .import_population import ImportPopulationAlgorithm
from .import_roads import ImportRoadsAlgorithm
from .import_rpps import ImportRppsAlgorithm
from .mobile_care_tour import MobileCareTourAlgorithm
from .nearest_facility import NearestFacilityAlgorithm
from .suggest_sites import SuggestSitesAlgorithm
from .underserved_zones import UnderservedZonesAlgorithm
from .travel_time_matrix import TravelTimeMatrixAlgorithm

PROVIDER_ID = "medicaldeserts"


class MedicalDesertsProvider(QgsProcessingProvider):
    def id(self):
        return PROVIDER_ID

    def name(self):
        return tr("Medical deserts")

    def longName(self):  # noqa: N802 (QGIS API)
        return tr("Medical deserts: access to care in France")

    def icon(self):
        return QIcon(icon_path("medical_deserts.svg"))

    def loadAlgorithms(self):  # noqa: N802 (QGIS API)
        for algorithm in (TravelTimeMatrixAlgorithm(), NearestFacilityAlgorithm(), AccessibilityIndexAlgorithm(),
                          SuggestSitesAlgorithm(), ImportRppsAlgorithm(), ImportFinessAlgorithm(),
                          ImportPopulationAlgorithm(), UnderservedZonesAlgorithm(), CatchmentAreasAlgorithm(),
                          ImportAnctAlgorithm(), ImportRoadsAlgorithm(), CouncilReportAlgorithm(),
                          MobileCareTourAlgorithm()):
            self.addAlgorithm(algorithm)
        self.add_chain_model()

    def add_chain_model(self):
        """The whole-chain model. Its steps are this provider's algorithms, which QGIS finds only once the
        provider is registered: on the first load (before it is) the model is added on the registration."""
        registry = QgsApplication.processingRegistry()
        if registry.providerById(PROVIDER_ID) is self:
            self.addAlgorithm(CouncilChainModel())
        else:
            registry.providerAdded.connect(self.registered)

    def registered(self, provider_id):
        if provider_id == PROVIDER_ID:
            QgsApplication.processingRegistry().providerAdded.disconnect(self.registered)
            self.refreshAlgorithms()
