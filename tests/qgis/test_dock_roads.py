"""The road entries of the data panel: an OpenStreetMap extract loaded through importroads with the panel's
départements, belt and commune layer (several régions' files read once; a belt adds the neighbours' régions), and
the IGN entries that the panel does not download."""

import shutil

from qgis.core import QgsCategorizedSymbolRenderer, QgsProject

from medical_deserts_plugin.gui import catalogue
from medical_deserts_plugin.gui import dock as dock_module
from medical_deserts_plugin.gui.catalogue import dataset_by_id
from medical_deserts_plugin.gui.dock import AlgorithmImport, Filters
from test_dock import dock, status_text  # noqa: F401 (the panel fixture)
from test_import_roads import COMMUNES, square, write_osm
from conftest import memory_layer


def test_osm_roads_through_the_panel(dock, provider, tmp_path):  # noqa: F811
    dock.select_dataset("roads_osm")
    assert dock.belt.isEnabled() and dock.communes.isEnabled() and "Geofabrik" in dock.details.text()
    communes = memory_layer("Polygon", ["code_insee:string"], [(square(x), [code]) for code, x in COMMUNES],
                            crs="EPSG:2154", name="communes")
    QgsProject.instance().addMapLayer(communes)
    dock.communes.setLayer(communes)
    dock.departements.setText("23")
    dock.belt.setValue(1)
    osm = write_osm(tmp_path / "limousin-latest.osm")
    layer = dock.load_local_file("roads_osm", osm, dock.filters())[0]
    assert sorted(int(f["osm_id"]) for f in layer.getFeatures()) == [1, 2, 3, 6, 7]
    assert layer.fields().names() == ["fid", "osm_id", "highway", "maxspeed", "oneway", "ref", "name"]
    assert "(23 + 1 km)" in layer.name() and layer.crs().authid() == "EPSG:2154"
    assert isinstance(layer.renderer(), QgsCategorizedSymbolRenderer) and layer.renderer().classAttribute() == "highway"
    # two régions' files (the second repeats the first's ways): the other files go to MORE_INPUTS, each way once
    other = shutil.copy(osm, tmp_path / "auvergne-latest.osm")
    job = AlgorithmImport(dock.loader, dataset_by_id(dock.catalogue, "roads_osm"), osm, dock.filters(),
                          {"MORE_INPUTS": [str(other)]})
    assert job.parameters["MORE_INPUTS"] == [str(other)] and job.parameters["KIND"] == 0
    assert job.parameters["BELT_KM"] == 1 and job.parameters["DEPARTEMENTS"] == "23"
    assert job.run()[0].featureCount() == 5
    assert "5 way(s) found in two extracts kept once." in job.feedback.textLog()


def test_ign_roads_are_loaded_from_a_local_file_only(dock):  # noqa: F811
    for identifier in ("roads_route500", "roads_bdtopo"):
        dock.select_dataset(identifier)
        assert ".7z" in dock.details.text()
        dock.download_and_load()
        assert "cannot download this dataset" in status_text(dock) and dock.task is None


def test_osm_roads_with_a_belt_fetch_the_neighbours_regions(dock, monkeypatch):  # noqa: F811
    """Creuse (23, Limousin) alone: Limousin's extract; with a belt of 20 km, also those of Auvergne (03, 63), Centre
    (18, 36) and Poitou-Charentes (86, 17.5 km away). The addresses are taken from the panel before any download."""
    asked = []

    def recorded(entry, departements=None):
        asked.append([request.url for request in catalogue.file_requests(entry, departements)])
        raise ValueError("recorded")

    monkeypatch.setattr(dock_module, "file_requests", recorded)
    communes = memory_layer("Polygon", ["code_insee:string"], [(square(0), ["23001"])], crs="EPSG:2154")
    QgsProject.instance().addMapLayer(communes)
    dock.communes.setLayer(communes)
    dock.select_dataset("roads_osm")
    dock.departements.setText("23")
    for km in (0, 20):
        dock.belt.setValue(km)
        dock.download_and_load()
        assert status_text(dock) == "recorded" and dock.task is None
    geofabrik = "https://download.geofabrik.de/europe/france/{}-latest.osm.pbf"
    assert asked == [[geofabrik.format("limousin")],
                     [geofabrik.format(region) for region in ("limousin", "auvergne", "centre", "poitou-charentes")]]
