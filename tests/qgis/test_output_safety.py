"""Outputs are whole or absent and never an input (issue 15, parts 2 and 3): an output pointing at an input or at
another output is refused before any work; a wrong destination costs no computation; a new layer in an existing
GeoPackage keeps the others; a cancel or a failed write leaves nothing, and an existing file as it was."""

import os
import resource
import shutil
import signal
import sqlite3
import subprocess

import processing
import pytest
from osgeo import gdal
from qgis.core import QgsFeature, QgsProcessingException, QgsProcessingFeedback, QgsVectorLayer

from bad_input import Log, assert_refused, file_hashes, folder_listing
from scripts.qgis_runner import QGIS_PROCESS
from test_import_algorithms import alg  # noqa: F401 (fixture)

NETWORK = dict(ROAD_CLASS_FIELD="highway", SPEED_PRESET=0, DIRECTION_FIELD="oneway")


@pytest.fixture
def files(sample, tmp_path):
    """Copies of the sample's communes, GP sites and roads in ``tmp_path`` (the tests may damage them)."""
    copies = {}
    for key in ("communes", "gp_sites", "roads"):
        copies[key] = str(tmp_path / os.path.basename(sample[key]))
        shutil.copy(sample[key], copies[key])
        connection = sqlite3.connect(copies[key])  # QGIS may hold the sample open in WAL mode
        connection.execute("PRAGMA journal_mode=DELETE")
        connection.close()
    return copies


def nearest(files, **overrides):
    return {"INPUT": files["communes"], "FACILITIES": files["gp_sites"], "FACILITY_ID_FIELD": "site_id",
            "ROADS": files["roads"], "MAX_TIME": 120, **NETWORK, **overrides}


def layer_names(path):
    dataset = gdal.OpenEx(path, gdal.OF_VECTOR)
    return sorted(dataset.GetLayer(i).GetName() for i in range(dataset.GetLayerCount()))


def geopackage_with(path, name, count):
    """A GeoPackage at ``path`` with one point layer ``name`` of ``count`` features."""
    layer = QgsVectorLayer("Point?crs=EPSG:2154&field=n:integer", name, "memory")
    features = []
    for n in range(count):
        feature = QgsFeature(layer.fields())
        feature.setAttributes([n])
        features.append(feature)
    layer.dataProvider().addFeatures(features)
    processing.run("native:savefeatures", {"INPUT": layer, "OUTPUT": str(path), "LAYER_NAME": name})
    return str(path)


# --------------------------------------------------------------------------------- outputs that point at inputs


@pytest.mark.parametrize("output", ["roads", "communes", "gp_sites"])
def test_output_that_is_an_input_file_is_refused(provider, files, output):
    message = assert_refused("medicaldeserts:nearestfacility", nearest(files, OUTPUT=files[output]),
                             "would write to .*which holds the input", inputs=list(files.values()))
    assert files[output] in message


def test_output_into_the_geopackage_of_an_input_is_refused(provider, files, tmp_path):
    """An ogr: URI naming another table of the roads' GeoPackage would rewrite a file being read: refused."""
    uri = f"ogr:dbname='{files['roads']}' table=\"nearest\" (geom)"
    assert_refused("medicaldeserts:nearestfacility", nearest(files, OUTPUT=uri), "holds the input “Road network",
                   inputs=list(files.values()))
    assert layer_names(files["roads"]) == [os.path.splitext(os.path.basename(files["roads"]))[0]]


def test_input_given_as_a_layer_of_a_geopackage(provider, files):
    """An input named "file.gpkg|layername=..." is recognised as that file."""
    name = layer_names(files["roads"])[0]
    assert_refused("medicaldeserts:nearestfacility",
                   nearest(files, ROADS=f"{files['roads']}|layername={name}", OUTPUT=files["roads"]),
                   "holds the input", inputs=list(files.values()))


def test_shapefile_part_is_the_shapefile(provider, files, tmp_path):
    """Writing roads.dbf would destroy the roads.shp read as input."""
    shapefile = str(tmp_path / "roads_shp.shp")
    processing.run("native:savefeatures", {"INPUT": files["roads"], "OUTPUT": shapefile})
    folder = str(tmp_path)
    assert_refused("medicaldeserts:nearestfacility",
                   nearest(files, ROADS=shapefile, OUTPUT=shapefile[:-4] + ".dbf"), "holds the input",
                   inputs=[folder])


def test_two_outputs_at_one_destination_are_refused(provider, files, tmp_path):
    same = str(tmp_path / "out.gpkg")
    assert_refused("medicaldeserts:traveltimematrix", {
        "ORIGINS": files["communes"], "DESTINATIONS": files["gp_sites"], "ROADS": files["roads"], **NETWORK,
        "CUTOFF": 30, "OUTPUT": same, "OUTPUT_LINES": same}, "both write to", inputs=list(files.values()),
        outputs=[same])


def test_output_equal_to_input_through_qgis_process(qgis_process_config, files):
    """The issue's case: ``nearestfacility ROADS=roads.gpkg OUTPUT=roads.gpkg`` replaced the roads by communes."""
    before = file_hashes(files.values())
    done = subprocess.run([QGIS_PROCESS, "run", "medicaldeserts:nearestfacility", "--",
                           *(f"{k}={v}" for k, v in nearest(files, OUTPUT=files["roads"]).items())],
                          env=qgis_process_config, capture_output=True, text=True, timeout=300)
    assert done.returncode != 0
    assert "which holds the input" in done.stdout + done.stderr
    assert file_hashes(files.values()) == before


# ------------------------------------------------------------------------------ destinations checked before work



@pytest.mark.parametrize("destination, message", [
    ("no_such_folder/out.gpkg", "folder .*no_such_folder does not exist"),
    ("out.xyz", "“.xyz” is not a vector format"),
    ("a_folder.gpkg", "is a folder"),
])
def test_wrong_destination_costs_no_computation(provider, files, tmp_path, destination, message):
    log = Log()
    path = str(tmp_path / destination)
    (tmp_path / "a_folder.gpkg").mkdir()
    before = folder_listing([tmp_path])
    with pytest.raises(Exception, match=message):
        processing.run("medicaldeserts:nearestfacility", nearest(files, OUTPUT=path), feedback=log)
    assert not any("Road network" in line for line in log.info), "the network was built before the refusal"
    assert folder_listing([tmp_path]) == before


# ---------------------------------------------------------------------------------------- existing GeoPackages


def test_new_layer_in_an_existing_geopackage_keeps_the_others(provider, files, tmp_path):
    target = geopackage_with(tmp_path / "project.gpkg", "keep_me", 7)
    uri = f"ogr:dbname='{target}' table=\"nearest\" (geom)"
    result = processing.run("medicaldeserts:nearestfacility", nearest(files, OUTPUT=uri))
    assert layer_names(target) == ["keep_me", "layer_styles", "nearest"]
    assert QgsVectorLayer(f"{target}|layername=keep_me").featureCount() == 7
    written = QgsVectorLayer(result["OUTPUT"])
    assert written.isValid() and written.featureCount() == 300
    assert written.renderer().type() == "RuleRenderer"  # the style (classes and a NULL class) went in too
    assert not [name for name in os.listdir(tmp_path) if name.startswith(".medical-deserts-")]


def test_plain_path_to_an_existing_geopackage_keeps_its_other_layers(provider, files, tmp_path):
    """A plain path writes the layer named after the file (as QGIS names it); the file's other layers stay."""
    target = geopackage_with(tmp_path / "results.gpkg", "keep_me", 3)
    processing.run("medicaldeserts:nearestfacility", nearest(files, OUTPUT=target))
    assert layer_names(target) == ["keep_me", "layer_styles", "results"]
    assert QgsVectorLayer(f"{target}|layername=results").featureCount() == 300
    processing.run("medicaldeserts:nearestfacility", nearest(files, OUTPUT=target, MAX_TIME=5))  # run again
    assert layer_names(target) == ["keep_me", "layer_styles", "results"]
    assert QgsVectorLayer(f"{target}|layername=keep_me").featureCount() == 3


def test_existing_output_file_is_replaced_whole(provider, files, tmp_path):
    target = geopackage_with(tmp_path / "nearest.gpkg", "nearest", 2)
    processing.run("medicaldeserts:nearestfacility", nearest(files, OUTPUT=target))
    assert layer_names(target) == ["layer_styles", "nearest"]
    assert QgsVectorLayer(target).featureCount() == 300


def test_shapefile_output_replaces_every_part(provider, files, tmp_path):
    target = str(tmp_path / "nearest.shp")
    processing.run("medicaldeserts:nearestfacility", nearest(files, OUTPUT=target))
    open(tmp_path / "nearest.qix", "w").write("stale spatial index of an older file")
    processing.run("medicaldeserts:nearestfacility", nearest(files, OUTPUT=target, MAX_TIME=5))
    assert not (tmp_path / "nearest.qix").exists()
    assert QgsVectorLayer(target).featureCount() == 300


# --------------------------------------------------------------------------------------- cancel, failed writes


class CancelWhenWriting(QgsProcessingFeedback):
    """Presses Cancel once the progress passes ``at`` percent (the import algorithms write from 85 %)."""

    def __init__(self, at):
        super().__init__()
        self.at = at

    def setProgress(self, progress):  # noqa: N802 (QGIS API)
        super().setProgress(progress)
        if progress > self.at:
            self.cancel()


def test_cancel_while_writing_leaves_nothing(provider, alg, sample, tmp_path):  # noqa: F811 (fixture)
    """Today's bug: a cancel during importrpps left 6,000 of 39,082 points and said that nothing was written."""
    points, communes = str(tmp_path / "gps.gpkg"), str(tmp_path / "per_commune.gpkg")
    old = geopackage_with(communes, "per_commune", 4)
    before = file_hashes([old])
    result = processing.run(alg("importrpps"), {"INPUT": sample["rpps"], "COMMUNES": sample["communes"],
                                                "OUTPUT": points, "OUTPUT_COMMUNES": communes},
                            feedback=CancelWhenWriting(86))
    assert result == {} or not os.path.exists(points)
    assert not os.path.exists(points)
    assert file_hashes([old]) == before
    assert sorted(os.listdir(tmp_path)) == ["per_commune.gpkg"]


def test_later_failure_leaves_no_earlier_output(provider, files, tmp_path, monkeypatch):
    """suggestsites writes its sites, then its demand layer fails: the sites file must not stay either."""
    from medical_deserts_plugin.processing import outputs

    real_add, written = outputs.CheckedSink.addFeatures, []

    def demand_fails(self, features, *args):
        written.append(self.label)
        if "OUTPUT_DEMAND" in self.label:
            raise QgsProcessingException(f"The output {self.label} could not be written: simulated disk error")
        return real_add(self, features, *args)

    monkeypatch.setattr(outputs.CheckedSink, "addFeatures", demand_fails)
    sites, demand = str(tmp_path / "sites.gpkg"), str(tmp_path / "demand.gpkg")
    with pytest.raises(QgsProcessingException, match="OUTPUT_DEMAND.*could not be written"):
        processing.run("medicaldeserts:suggestsites", {
            "INPUT": files["communes"], "POPULATION_FIELD": "population", "EXISTING": files["gp_sites"],
            "ROADS": files["roads"], **NETWORK, "P": 2, "RADIUS": 10, "OUTPUT_SITES": sites, "OUTPUT_DEMAND": demand})
    assert any("OUTPUT_SITES" in label for label in written)
    assert sorted(os.listdir(tmp_path)) == sorted(os.path.basename(p) for p in files.values())


def _limit_file_size():
    """In the child: files may not grow past 120 kB; the write fails with EFBIG instead of a signal."""
    signal.signal(signal.SIGXFSZ, signal.SIG_IGN)
    resource.setrlimit(resource.RLIMIT_FSIZE, (120_000, 120_000))


def test_disk_full_is_an_error_not_a_success(qgis_process_config, files, tmp_path):
    """A write that the disk refuses (here a file-size limit, as a full disk does) ends the run with an error,
    and leaves neither a truncated output nor an aside folder."""
    target = str(tmp_path / "out" / "nearest.gpkg")
    os.mkdir(tmp_path / "out")
    done = subprocess.run([QGIS_PROCESS, "run", "medicaldeserts:nearestfacility", "--",
                           *(f"{k}={v}" for k, v in nearest(files, OUTPUT=target).items())],
                          env=qgis_process_config, capture_output=True, text=True, timeout=300,
                          preexec_fn=_limit_file_size)
    assert done.returncode != 0, done.stdout
    assert "could not be written" in done.stdout + done.stderr
    assert os.listdir(tmp_path / "out") == []


def test_layer_to_load_names_the_final_file(provider, files, tmp_path):
    """In the QGIS window the output is loaded from where it was moved to, styled (not from its place aside)."""
    from qgis.core import (QgsApplication, QgsProcessingContext, QgsProcessingOutputLayerDefinition, QgsProject)

    target = str(tmp_path / "nearest.gpkg")
    context, log = QgsProcessingContext(), Log()
    context.setProject(QgsProject.instance())
    algorithm = QgsApplication.processingRegistry().createAlgorithmById("medicaldeserts:nearestfacility")
    results, ok = algorithm.run(nearest(files, OUTPUT=QgsProcessingOutputLayerDefinition(
        target, QgsProject.instance())), context, log)
    assert ok and results["OUTPUT"] == target
    to_load = context.layersToLoadOnCompletion()
    assert list(to_load) == [target]
    assert to_load[target].postProcessor() is not None  # the time classes style
    assert QgsVectorLayer(target).featureCount() == 300


def test_stale_journal_of_an_older_file_does_not_corrupt_the_new_one(provider, files, tmp_path):
    """An older GeoPackage left with a -wal journal (QGIS had it open): the new file must not replay it."""
    target = geopackage_with(tmp_path / "nearest.gpkg", "nearest", 2)
    connection = sqlite3.connect(target)
    connection.execute("PRAGMA journal_mode=WAL")
    connection.execute("CREATE TABLE scratch (n INTEGER)")
    connection.execute("INSERT INTO scratch VALUES (1)")
    connection.commit()
    shutil.copy(target + "-wal", str(tmp_path / "old-wal"))
    connection.close()
    shutil.copy(str(tmp_path / "old-wal"), target + "-wal")  # as a crash or an open QGIS leaves it
    processing.run("medicaldeserts:nearestfacility", nearest(files, OUTPUT=target))
    assert not os.path.exists(target + "-wal")
    assert QgsVectorLayer(target).featureCount() == 300
    assert sqlite3.connect(target).execute("PRAGMA integrity_check").fetchone() == ("ok",)
