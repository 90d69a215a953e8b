"""Translation helpers: every user-facing string goes through ``tr``; French comes from ``i18n/*.qm``."""

from pathlib import Path

from qgis.core import QgsSettings
from qgis.PyQt.QtCore import QCoreApplication, QLocale, QTranslator

CONTEXT = "MedicalDeserts"
PLUGIN_DIR = Path(__file__).resolve().parent
#: The plugin as ``scripts/plugin_tool.py build`` assembles it beside the source tree (compiled .qm, HTML help).
BUILT_DIR = PLUGIN_DIR.parent / "build" / PLUGIN_DIR.name


def tr(text):
    """Translate ``text`` (English source) into the user's language."""
    return QCoreApplication.translate(CONTEXT, text)


def user_language():
    """Two-letter language of the QGIS interface (``fr``, ``en``...)."""
    locale = QgsSettings().value("locale/userLocale", "") or QLocale().name()
    return str(locale)[:2]


def plugin_file(relative, source=None):
    """Path of ``relative`` (e.g. ``"i18n/medical_deserts_fr.qm"``) inside the installed plugin, else in the plugin
    built beside the source tree, else ``source`` (its place in the source tree); None when none exists."""
    for candidate in (PLUGIN_DIR / relative, BUILT_DIR / relative, source):
        if candidate is not None and candidate.exists():
            return candidate
    return None


def translation_file(language):
    """Compiled translation for ``language``: inside the installed plugin, or built beside the source tree."""
    return plugin_file(f"i18n/medical_deserts_{language}.qm")


def help_language(language=None):
    """Language of the user guide: ``fr`` for a French interface, else ``en``."""
    return "fr" if (language or user_language()) == "fr" else "en"


def help_file(page, language=None):
    """The user guide's HTML ``page`` (e.g. ``"accessibilityindex"``, ``"index"``) in the user's language (English
    when that page has no translation); None when the guide is not built."""
    language = help_language(language)
    return plugin_file(f"help/{language}/{page}.html") or plugin_file(f"help/en/{page}.html")


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
    path = plugin_file(f"icons/{name}", PLUGIN_DIR.parent / "resources" / "icons" / name)
    return "" if path is None else str(path)
