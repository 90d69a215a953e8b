"""Generate ``medical_deserts_plugin/core/data/departements_near.json``: for each metropolitan département (Corse
2A/2B included), the other départements whose boundary lies within 200 km, with the shortest boundary-to-boundary
distance in km (0: they touch). The overseas départements (971 to 976), and the collectivities the data panel
accepts (975, 977, 978), get no neighbours: islands or a land border with another country only, each in its own
CRS, and a border belt is for trips by road.

    /usr/bin/python3 scripts/departements_near.py [--contours departements.geojson] [--out PATH]

Source of the contours (not committed): ``departements.geojson`` of https://github.com/gregoiredavid/france-geojson
(commit 5d34ee6d0140c29f785fdb047d9329f1aab58833), IGN ADMIN EXPRESS COG 2018 converted by Grégoire David with
mapshaper (simplified to 25 %, coordinates to 1e-5 degree), under the Licence Ouverte / Open Licence (Etalab), which
the derived table keeps. Without ``--contours`` the file is read from that commit on raw.githubusercontent.com.

The distances are measured in Lambert-93 (EPSG:2154, GDAL's osr) with shapely 2 and rounded down to 0.1 km, so that
the simplification of the contours rather adds a neighbour than leaves one out; two départements that touch may
still lie a few hundred metres apart on them (04 and 13: 0.5 km), so the table's users add ``tolerance_km``.
"""

import argparse
import json
import math
import sys
import urllib.request
from pathlib import Path

import numpy as np
import shapely
from osgeo import osr

ROOT = Path(__file__).resolve().parent.parent
OUT = ROOT / "medical_deserts_plugin" / "core" / "data" / "departements_near.json"
COMMIT = "5d34ee6d0140c29f785fdb047d9329f1aab58833"
SOURCE_URL = f"https://raw.githubusercontent.com/gregoiredavid/france-geojson/{COMMIT}/departements.geojson"
MAX_KM = 200.0
#: Two départements that touch may lie this far apart on the simplified contours (04 and 13: 0.5 km).
TOLERANCE_KM = 1.0
OVERSEAS = ("971", "972", "973", "974", "975", "976", "977", "978")


def read_contours(path):
    """{code: shapely geometry in WGS84} of the metropolitan départements of the GeoJSON at ``path`` (or the URL)."""
    if path:
        text = Path(path).read_text(encoding="utf-8")
    else:
        with urllib.request.urlopen(SOURCE_URL, timeout=120) as answer:  # noqa: S310 (a fixed https address)
            text = answer.read().decode("utf-8")
    features = json.loads(text)["features"]
    return {f["properties"]["code"]: shapely.geometry.shape(f["geometry"]) for f in features
            if not f["properties"]["code"].startswith("97")}


def to_lambert93(geometries):
    """``geometries`` (WGS84 longitude, latitude) in Lambert-93 metres."""
    wgs84, lambert = osr.SpatialReference(), osr.SpatialReference()
    wgs84.ImportFromEPSG(4326)
    lambert.ImportFromEPSG(2154)
    for reference in (wgs84, lambert):
        reference.SetAxisMappingStrategy(osr.OAMS_TRADITIONAL_GIS_ORDER)
    transform = osr.CoordinateTransformation(wgs84, lambert)

    def project(xy):
        return np.asarray(transform.TransformPoints(xy.tolist()))[:, :2]

    return shapely.transform(np.asarray(geometries, dtype=object), project)


def proximity(contours, max_km=MAX_KM):
    """{code: {other code: km}} for the pairs of ``contours`` (Lambert-93) within ``max_km``, km rounded down to
    0.1, each dict sorted by distance then code."""
    codes = sorted(contours)
    shapes = np.asarray([contours[code] for code in codes], dtype=object)
    left, right = shapely.STRtree(shapes).query(shapes, predicate="dwithin", distance=max_km * 1000)
    keep = left != right
    left, right = left[keep], right[keep]
    km = shapely.distance(shapes[left], shapes[right]) / 1000
    table = {code: [] for code in codes}
    for i, j, distance in zip(left, right, km):
        table[codes[i]].append((math.floor(distance * 10 + 1e-9) / 10, codes[j]))
    return {code: {other: distance for distance, other in sorted(pairs)} for code, pairs in table.items()}


def dumps(document):
    """``document`` as JSON text, the header indented and each département's neighbours on one line."""
    rows = [f"  {json.dumps(code)}: {json.dumps(near, ensure_ascii=False)}"
            for code, near in document["departements"].items()]
    header = json.dumps(document["header"], ensure_ascii=False, indent=1).replace("\n", "\n ")
    return '{\n "header": ' + header + ',\n "departements": {\n' + ",\n".join(rows) + "\n }\n}\n"


def main(argv=None):
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--contours", help="departements.geojson of gregoiredavid/france-geojson (else downloaded)")
    parser.add_argument("--out", default=str(OUT))
    args = parser.parse_args(argv)
    contours = read_contours(args.contours)
    projected = dict(zip(contours, to_lambert93(list(contours.values()))))
    table = proximity(projected)
    table.update({code: {} for code in OVERSEAS})
    document = {
        "header": {
            "about": "For each département, the other départements whose boundary lies within max_km, with the "
                     "shortest boundary-to-boundary distance in km (0: they touch), rounded down to 0.1 km. "
                     "Overseas départements and collectivities (971 to 978) have none. The contours are simplified: two départements "
                     "that touch may lie up to tolerance_km apart here (04 and 13: 0.5 km). Used by the data panel "
                     "to download the neighbours' communes of a border belt (core.borders.departements_within).",
            "max_km": MAX_KM,
            "tolerance_km": TOLERANCE_KM,
            "crs": "EPSG:2154 (Lambert-93)",
            "source": f"departements.geojson of https://github.com/gregoiredavid/france-geojson (commit {COMMIT}): "
                      "IGN ADMIN EXPRESS COG 2018, simplified with mapshaper (25 %)",
            "licence": "Licence Ouverte / Open Licence (Etalab), as IGN ADMIN EXPRESS; derived table",
            "generated_by": "scripts/departements_near.py",
        },
        "departements": dict(sorted(table.items())),
    }
    Path(args.out).parent.mkdir(parents=True, exist_ok=True)
    Path(args.out).write_text(dumps(document), encoding="utf-8")
    pairs = sum(len(v) for v in table.values())
    print(f"{len(table)} départements, {pairs} pairs within {MAX_KM:g} km -> {args.out}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
