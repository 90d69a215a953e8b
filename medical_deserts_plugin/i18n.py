"""Translation helpers: every user-facing string goes through ``tr``; French comes from ``i18n/*.qm``."""

from pathlib import Path

from qgis.core import QgsSettings
from qgis.PyQt.QtCore import QCoreApplication, QLocale, QTranslator

CONTEXT = "MedicalDeserts"
PLUGIN_DIR = Path(__file__).resolve().parent


def tr(text):
    """Translate ``text`` (English source) into the user's language."""
    return QCoreApplication.translate(CONTEXT, text)


def user_language():
    """Two-letter language of the QGIS interface (``fr``, ``en``...)."""
    locale = QgsSettings().value("locale/userLocale", "") or QLocale().name()
    return str(locale)[:2]


def translation_file(language):
    """Compiled translation for ``language``: inside the installed plugin, or built beside the source tree."""
    for folder in (PLUGIN_DIR / "i18n", PLUGIN_DIR.parent / "build" / "medical_deserts_plugin" / "i18n"):
        candidate = folder / f"medical_deserts_{language}.qm"
        if candidate.exists():
            return candidate
    return None


def install_translator(language=None):
    """Load and install the translator for ``language`` (default: the QGIS one); returns it, or None."""
    path = translation_file(language or user_language())
    if path is None:
        return None
    translator = QTranslator()
    if not translator.load(str(path)):
        return None
    QCoreApplication.installTranslator(translator)
    return translator


def icon_path(name):
    """Path of an icon: inside the installed plugin, or in the source tree's ``resources/icons``."""
    for folder in (PLUGIN_DIR / "icons", PLUGIN_DIR.parent / "resources" / "icons"):
        if (folder / name).exists():
            return str(folder / name)
    return ""
