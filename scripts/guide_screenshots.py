"""Screenshots of the user guide (``docs/guide/images/*.png``), made from the demo. One command, from the source tree:

    xvfb-run -a -s "-screen 0 1600x1000x24" .venv/bin/python scripts/guide_screenshots.py [--demo /tmp/guide-demo]

When ``DEMO/apl_communes.gpkg`` is missing it first runs the demo (``scripts/demo.py``) into ``DEMO``, with the
plugin installed in a throw-away QGIS profile under ``DEMO/qgis-config`` (never the user's). Then, in one QGIS of its
own (settings in a temporary folder), it draws:

- ``dock_{en,fr}.png``: the data panel, in English and in French;
- ``dialog_accessibilityindex_{en,fr}.png``, ``dialog_councilreport_{en,fr}.png``,
  ``dialog_mobilecaretour_{en,fr}.png``: the Processing dialogs;
- ``map_apl.png``, ``map_nearest.png``: the demo's APL classes and minutes to the nearest GP, with the styles their
  GeoPackages embed;
- ``report_pages.png``: the first three pages of ``rapport_territorial.pdf`` side by side (``pdftoppm -r 50``).

Every picture is scaled to stay under about 150 KB. Re-run it after a change of the dialogs, the dock or the styles,
then commit the pictures.
"""

import argparse
import os
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

IMAGES = ROOT / "docs" / "guide" / "images"
MAX_BYTES = 150_000


def ensure_demo(demo):
    """Run the demo into ``demo`` unless its outputs are there."""
    if (demo / "apl_communes.gpkg").exists() and (demo / "rapport_territorial.pdf").exists():
        return
    from scripts.plugin_tool import install

    config = demo / "qgis-config"
    install(config / "profiles" / "default")
    env = dict(os.environ, QGIS_CUSTOM_CONFIG_PATH=str(config))
    subprocess.run([sys.executable, str(ROOT / "scripts" / "demo.py"), "--out", str(demo)], env=env, check=True)


def save(image, name):
    """Save ``image`` (QImage) as ``IMAGES/name``, scaled down until it is under MAX_BYTES."""
    from qgis.PyQt.QtCore import Qt

    path = IMAGES / name
    while True:
        image.save(str(path), "PNG", 9)
        if path.stat().st_size <= MAX_BYTES or image.width() < 300:
            break
        image = image.scaledToWidth(int(image.width() * 0.85), Qt.TransformationMode.SmoothTransformation)
    print(f"{path.relative_to(ROOT)}: {image.width()}x{image.height()}, {path.stat().st_size // 1000} KB")


def settle(application, rounds=20):
    for _ in range(rounds):
        application.processEvents()


def grab_dock(application, window, language):
    from medical_deserts_plugin.gui.dock import DataDock

    dock = DataDock(window)
    dock.resize(360, 720)
    dock.setFloating(True)
    dock.show()
    settle(application)
    save(dock.grab().toImage(), f"dock_{language}.png")
    dock.shutdown()
    dock.close()
    dock.deleteLater()


def grab_dialog(application, algorithm_id, parameters, language):
    """The Processing dialog of ``algorithm_id`` with ``parameters`` filled in, as the desktop opens it (the
    plugin's dialog: sections, what does not apply greyed out)."""
    from qgis.core import QgsApplication

    from medical_deserts_plugin.gui.parameters_dialog import SectionedAlgorithmDialog

    algorithm = QgsApplication.processingRegistry().createAlgorithmById(algorithm_id)
    dialog = SectionedAlgorithmDialog(algorithm)
    dialog.resize(980, 720)
    dialog.setParameters(parameters)
    dialog.show()
    settle(application, 40)
    save(dialog.grab().toImage(), f"dialog_{algorithm_id.split(':')[1]}_{language}.png")
    dialog.close()
    dialog.deleteLater()
    from qgis.PyQt.QtCore import QCoreApplication, QEvent

    QCoreApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)  # gone while its provider is registered


def render_map(layer_path, name, size=(700, 560)):
    """The GeoPackage's layer drawn with its embedded default style, over its extent."""
    from qgis.core import QgsMapRendererParallelJob, QgsMapSettings, QgsVectorLayer
    from qgis.PyQt.QtCore import QSize
    from qgis.PyQt.QtGui import QColor

    layer = QgsVectorLayer(str(layer_path), Path(layer_path).stem, "ogr")
    layer.loadDefaultStyle()
    settings = QgsMapSettings()
    settings.setLayers([layer])
    settings.setDestinationCrs(layer.crs())
    settings.setOutputSize(QSize(*size))
    settings.setBackgroundColor(QColor("white"))
    extent = layer.extent()
    extent.scale(1.04)
    settings.setExtent(extent)
    job = QgsMapRendererParallelJob(settings)
    job.start()
    job.waitForFinished()
    save(job.renderedImage(), name)


def report_pages(pdf, pages=3):
    """The first ``pages`` pages of the report, 50 dpi, side by side."""
    from qgis.PyQt.QtGui import QColor, QImage, QPainter

    with tempfile.TemporaryDirectory() as folder:
        subprocess.run(["pdftoppm", "-r", "50", "-png", "-f", "1", "-l", str(pages), str(pdf),
                        str(Path(folder) / "page")], check=True)
        images = [QImage(str(path)) for path in sorted(Path(folder).glob("page*.png"))]
    gap = 12
    sheet = QImage(sum(image.width() for image in images) + gap * (len(images) + 1),
                   max(image.height() for image in images) + 2 * gap, QImage.Format.Format_RGB32)
    sheet.fill(QColor("#e6e6e6"))
    painter = QPainter(sheet)
    x = gap
    for image in images:
        painter.drawImage(x, gap, image)
        x += image.width() + gap
    painter.end()
    save(sheet, "report_pages.png")


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--demo", default="/tmp/guide-demo", help="the demo's output folder (made when missing)")
    args = parser.parse_args()
    demo = Path(args.demo).resolve()
    ensure_demo(demo)
    IMAGES.mkdir(parents=True, exist_ok=True)

    settings_folder = tempfile.mkdtemp(prefix="medical-deserts-shots-")
    os.environ["QGIS_CUSTOM_CONFIG_PATH"] = settings_folder  # the QGIS below never reads the user's profile
    from qgis.core import QgsApplication, QgsSettings
    from qgis.PyQt.QtCore import QCoreApplication
    from qgis.PyQt.QtWidgets import QMainWindow

    application = QgsApplication([], True)
    application.initQgis()
    sys.path.append("/usr/share/qgis/python/plugins")
    from processing.core.Processing import Processing

    window = QMainWindow()
    Processing.initialize()
    from medical_deserts_plugin.i18n import translation_file
    from medical_deserts_plugin.processing.provider import MedicalDesertsProvider

    from qgis.PyQt.QtCore import QTranslator

    sample = demo / "sample"
    apl_parameters = {"INPUT": str(sample / "communes.gpkg"), "SUPPLY": str(sample / "gp_sites.gpkg"),
                      "ROADS": str(sample / "roads.gpkg")}
    report_parameters = {"INPUT": str(demo / "apl_communes.gpkg"), "NEAREST": str(demo / "nearest_gp.gpkg"),
                         "CLASSES": str(demo / "communes_classes.gpkg"), "ZONES": str(demo / "underserved_zones.gpkg"),
                         "TERRITORY": "Département exemple (99)"}
    tour_parameters = {"INPUT": str(demo / "apl_communes.gpkg"), "STOPS": str(sample / "communes.gpkg"),
                       "DEPOT": str(sample / "facilities.gpkg"), "ROADS": str(sample / "roads.gpkg")}
    for language in ("en", "fr"):
        QgsSettings().setValue("locale/userLocale", language)
        translator = QTranslator()
        if language == "fr":
            path = translation_file("fr")
            if path is None or not translator.load(str(path)):
                sys.exit("No compiled French translation: run `.venv/bin/python scripts/plugin_tool.py build` first.")
            QCoreApplication.installTranslator(translator)
        provider = MedicalDesertsProvider()  # made after the translator: its labels are in the language
        QgsApplication.processingRegistry().addProvider(provider)
        grab_dock(application, window, language)
        grab_dialog(application, "medicaldeserts:accessibilityindex", apl_parameters, language)
        grab_dialog(application, "medicaldeserts:councilreport", report_parameters, language)
        grab_dialog(application, "medicaldeserts:mobilecaretour", tour_parameters, language)
        QgsApplication.processingRegistry().removeProvider(provider)
        QCoreApplication.removeTranslator(translator)
    render_map(demo / "apl_communes.gpkg", "map_apl.png")
    render_map(demo / "nearest_gp.gpkg", "map_nearest.png")
    report_pages(demo / "rapport_territorial.pdf")
    del window  # before QGIS exits, not in the interpreter's teardown
    application.exitQgis()


if __name__ == "__main__":
    main()
