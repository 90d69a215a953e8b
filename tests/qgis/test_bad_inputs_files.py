"""Files from outside through the import algorithms: damaged, cut, encrypted, Deflate64 and bomb zips, and a line
with no end, are refused with a message naming the file (and the member), no output is left, and the damaged file
is byte-identical afterwards."""

import re

import pytest

from bad_input import run_refused
from tests.zips import DAMAGES, damaged, write_bombs, zip_bytes

#: algorithm -> (sample file, member name in the zip, needs a communes layer)
ALGORITHMS = {
    "importrpps": ("rpps", "PS_LibreAcces_Personne_activite_202611240000.txt", True),
    "importfiness": ("finess", "etalab-cs1100507-stock-20261124.csv", False),
    "importpopulation": ("population", "population_communes.csv", True),
    "importanct": ("anct", "zonage_frr.csv", True),
}
LABELS = {"importrpps": "RPPS", "importfiness": "FINESS", "importpopulation": "population", "importanct": "ANCT"}
#: What the message says after "The <label> file could not be read: <file>", per damage.
MESSAGES = {
    "bad_crc": r": member “{member}” is damaged \(Bad CRC-32",
    "truncated": r" is a damaged zip archive: its table of contents is missing",
    "zero_padded": r" is a damaged zip archive: its table of contents is missing",
    "zeroed_member": r": member “{member}” is damaged",
    "encrypted": r": member “{member}” is encrypted \(password-protected\)",
    "deflate64": r": member “{member}” is compressed with method 9 \(Deflate64\)",
    "bomb": r": member “{member}” would expand from [\d,]+ to 100,663,296 bytes .* zip bomb",
    "long_line": r": line 2 is longer than 1,048,576 bytes \(no line break\)",
    "long_line_in_zip": r"!{member}: line 2 is longer than 1,048,576 bytes",
}


@pytest.fixture(scope="module")
def bombs(tmp_path_factory):
    """One bomb per algorithm."""
    return write_bombs(tmp_path_factory.mktemp("bombs"), {name: member for name, (_, member, _) in ALGORITHMS.items()})


def bad_file(kind, algorithm, sample, bombs, folder):
    key, member, _ = ALGORITHMS[algorithm]
    if kind == "bomb":
        return bombs[algorithm]
    data = open(sample[key], "rb").read()
    long_line = data.split(b"\n", 1)[0] + b"\n" + b"x" * (2 << 20)
    if kind == "long_line":
        path = folder / f"{key}_long_line.csv"
        path.write_bytes(long_line)
        return path
    path = folder / f"{key}_{kind}.zip"
    path.write_bytes(zip_bytes([(member, long_line)]) if kind == "long_line_in_zip" else damaged(kind, member, data))
    return path


def parameters(algorithm, path, sample, folder):
    values = {"INPUT": str(path), "OUTPUT": str(folder / "out" / "result.gpkg")}
    if ALGORITHMS[algorithm][2]:
        values["COMMUNES"] = sample["communes"]
    if algorithm == "importrpps":
        values["OUTPUT_COMMUNES"] = str(folder / "out" / "communes.gpkg")
    return values


@pytest.mark.parametrize("kind", DAMAGES + ("long_line", "long_line_in_zip"))
@pytest.mark.parametrize("algorithm", ALGORITHMS)
def test_bad_file_refused(provider, sample, bombs, tmp_path, algorithm, kind):
    path = bad_file(kind, algorithm, sample, bombs, tmp_path)
    (tmp_path / "out").mkdir()
    member = re.escape(ALGORITHMS[algorithm][1])
    message = (rf"The {LABELS[algorithm]} file could not be read: {re.escape(str(path))}"
               + MESSAGES[kind].format(member=member))
    run_refused(f"medicaldeserts:{algorithm}", parameters(algorithm, path, sample, tmp_path), message,
                inputs=[path, sample["communes"]])


QPV_MEMBER = "qpv/qpv_2024.geojson"
QPV = (b'{"type": "FeatureCollection", "crs": {"type": "name", "properties": {"name": "EPSG:2154"}}, "features": ['
       + b",".join(b'{"type": "Feature", "properties": {"code_qp": "QN0%04d", "insee_dep": "23"}, "geometry": '
                   b'{"type": "Polygon", "coordinates": [[[600000, 6500000], [600100, 6500000], [600100, 6500100], '
                   b'[600000, 6500000]]]}}' % i for i in range(200)) + b"]}")


@pytest.mark.parametrize("kind", ["bad_crc", "zeroed_member", "encrypted", "deflate64"])
def test_damaged_vector_zip_refused_before_gdal_reads_it(provider, tmp_path, kind):
    """A zip of QPV polygons is verified whole before GDAL opens its member (which could give a short layer)."""
    path = tmp_path / f"qpv_{kind}.zip"
    path.write_bytes(damaged(kind, QPV_MEMBER, QPV))
    (tmp_path / "out").mkdir()
    message = rf"The ANCT file could not be read: {re.escape(str(path))}: member “{QPV_MEMBER}” is "
    run_refused("medicaldeserts:importanct", {"INPUT": str(path), "KIND": 3,
                                              "OUTPUT": str(tmp_path / "out" / "qpv.gpkg")},
                message, inputs=[path])
