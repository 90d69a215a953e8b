"""Deterministic generator of a fictional rural département: code ``"00"``, "Val-Fictif", Lambert-93 (EPSG:2154).

Pure numpy / scipy / shapely 2 / pandas (no qgis, no osgeo). Everything comes from one
``numpy.random.default_rng(seed)``, so a seed and a size always give the same département.

What is built (units: metres, inhabitants, minutes nowhere here):

* an outline, a smooth irregular blob about 90 km x 70 km centred near (620 000, 6 560 000). Beyond the reference
  size of 300 communes its width grows with ``sqrt(n_communes / 300)`` so communes keep a realistic size (about
  16 km²) for benchmarks of 3 000 or 30 000 communes;
* communes: Voronoi cells of jittered seed points clipped to the outline (the seed point is the commune centre, the
  "chef-lieu"); codes are 5-character text ``"00001"``... numbered in the alphabetical order of the names, as INSEE
  does. Beyond 999 communes the 3-character commune part becomes alphanumeric, letter first (``"00A00"``), in the
  manner of Corsica's ``2A``/``2B``: codes stay 5-character text and never parse as integers;
* population by 5-year age group (19 groups, ``pop_00_04`` ... ``pop_90_plus``) summing exactly to ``population``;
  one préfecture (15-20 k), 2-3 sous-préfectures (3-6 k), bourgs (800-2 500), villages (50-600), older villages;
* an OSM-like road network (``highway``/``oneway``/``maxspeed``/``ref``/``name``), see :func:`_road_network`;
* GPs and a few other professions as RPPS extraction lines, a GP activity table, FINESS facilities, GP practice
  sites, INSEE-like population and ANCT-like ZRR/FRR classification (see ``writer.py`` for the file layouts).
"""

import unicodedata
from dataclasses import dataclass

import numpy as np
import pandas as pd
import shapely
from scipy import sparse
from scipy.sparse.csgraph import dijkstra, minimum_spanning_tree
from scipy.spatial import Delaunay, cKDTree

from ..core.sources.rpps import RPPS_ACTIVITY_HEADER

DEPARTEMENT_CODE = "00"
DEPARTEMENT_NAME = "Val-Fictif"
EPSG = 2154
#: Date of the fictional extractions (RPPS file name, FINESS header line).
EXTRACTION_DATE = "2026-11-24"
RPPS_FILE_NAME = "PS_LibreAcces_Personne_activite_202611240000.txt"

CENTRE_XY = (620000.0, 6560000.0)
HALF_AXES_M = (45000.0, 35000.0)
REFERENCE_COMMUNES = 300

#: The 19 INSEE-style 5-year age groups, youngest first.
AGE_FIELDS = tuple(f"pop_{a:02d}_{a + 4:02d}" for a in range(0, 90, 5)) + ("pop_90_plus",)

VILLAGE, BOURG, SOUS_PREFECTURE, PREFECTURE = 0, 1, 2, 3
ROLE_NAMES = {VILLAGE: "village", BOURG: "bourg", SOUS_PREFECTURE: "sous-prefecture", PREFECTURE: "prefecture"}

# Age structure (share of inhabitants per age group, in percent): a small French town and an old rural village.
_TOWN_AGE_SHARES = np.array([5.2, 5.6, 5.9, 6.3, 6.4, 5.8, 5.8, 5.9, 5.9, 6.3, 6.5, 6.6, 6.4, 6.0, 5.5, 3.9, 3.2,
                             2.2, 1.1])
_VILLAGE_AGE_SHARES = np.array([3.6, 4.2, 4.8, 4.5, 3.0, 3.3, 4.1, 4.6, 5.0, 6.0, 6.7, 7.5, 8.3, 8.7, 8.4, 5.8, 4.8,
                                3.4, 1.8])

# Share of women in each age group (fictional, close to a French rural profile): the midwives' demand.
_FEMALE_SHARES = np.array([0.49, 0.49, 0.49, 0.48, 0.48, 0.49, 0.50, 0.50, 0.50, 0.50, 0.51, 0.51, 0.52, 0.52,
                           0.53, 0.55, 0.58, 0.64, 0.74])

_ROAD_RANK_NAMES = np.array(["unclassified", "tertiary", "secondary", "primary", "trunk"], dtype=object)


@dataclass(frozen=True)
class SampleDepartement:
    """The generated département, in memory. Geometry columns hold shapely 2 geometries in EPSG:2154 (metres).

    * ``communes``: one row per commune: ``code_insee``, ``nom``, ``population``, the 19 ``AGE_FIELDS``, ``femmes``
      (women, the midwives' demand), ``role``
      (0 village, 1 bourg, 2 sous-préfecture, 3 préfecture), ``code_postal``, ``centre_x``/``centre_y`` (chef-lieu,
      metres), ``geometry`` (Polygon, or MultiPolygon where the clip split a cell);
    * ``roads``: ``highway``, ``oneway`` (None = tag absent), ``maxspeed`` (km/h, <NA> for most), ``ref``, ``name``,
      ``part`` (not written to files: link, near_miss, motorway, ramp, interchange_link, loop, contraflow, street,
      stub, island), ``geometry``;
    * ``rpps``: the RPPS extraction lines, columns ``RPPS_ACTIVITY_HEADER``, all text;
    * ``activity``: ``Identification nationale PP``, ``age`` (years), ``actes`` (consultations + visits per year);
    * ``finess_structures`` / ``finess_geolocation``: the two sections of the FINESS extraction, all text;
    * ``facilities``: ``finess``, ``categetab``, ``rs``, ``geometry`` (Point);
    * ``gp_sites``: ``site_id``, ``code_insee``, ``n_gp`` (GPs practising there; a GP with two sites counts at
      both), ``kind`` (cabinet / msp / centre_sante), ``finess`` (MSP and centres only), ``geometry`` (Point);
    * ``population``: ``CODGEO``, ``LIBGEO``, ``AGE_FIELDS``, ``P_POP``;
    * ``anct``: ``CODGEO``, ``ZRR`` (C classée, P partiellement, N non classée), ``FRR`` (0/1).
    """

    seed: int
    code: str
    name: str
    outline: shapely.Polygon
    communes: pd.DataFrame
    roads: pd.DataFrame
    rpps: pd.DataFrame
    activity: pd.DataFrame
    finess_structures: pd.DataFrame
    finess_geolocation: pd.DataFrame
    facilities: pd.DataFrame
    gp_sites: pd.DataFrame
    population: pd.DataFrame
    anct: pd.DataFrame


def generate_departement(seed=42, n_communes=300):
    """Build the fictional département in memory: same ``seed`` and ``n_communes`` give the same content."""
    if n_communes < 20:
        raise ValueError("n_communes must be at least 20")
    rng = np.random.default_rng(seed)
    scale = max(1.0, np.sqrt(n_communes / REFERENCE_COMMUNES))
    outline = _outline(rng, scale)
    shapely.prepare(outline)
    spacing = np.sqrt(outline.area / n_communes)

    centres = _seed_points(rng, outline, n_communes)
    names = _commune_names(rng, n_communes)
    cells = _voronoi_cells(centres, outline)
    role, towns = _settlement_roles(rng, centres, outline, spacing)
    population = _populations(rng, centres, role)
    ages = _age_groups(rng, population, role)
    postal = _postal_codes(centres, towns)

    codes = commune_codes(n_communes)
    communes = pd.DataFrame({"code_insee": codes, "nom": names, "population": population})
    for i, field in enumerate(AGE_FIELDS):
        communes[field] = ages[:, i]
    communes["role"] = role
    communes["code_postal"] = postal
    communes["centre_x"] = centres[:, 0]
    communes["centre_y"] = centres[:, 1]
    communes["geometry"] = cells

    roads = _road_network(rng, centres, role, names, outline, spacing)
    communes.insert(communes.columns.get_loc("role"), "femmes",
                    np.round(ages @ _FEMALE_SHARES).astype(np.int64))
    health = _health_supply(rng, communes, roads, np.random.default_rng([seed, 19]))
    anct = _anct_zoning(rng, communes, towns, spacing)
    population_table = pd.DataFrame({"CODGEO": codes, "LIBGEO": names})
    for field in AGE_FIELDS:
        population_table[field] = communes[field].to_numpy()
    population_table["P_POP"] = population

    return SampleDepartement(
        seed=seed, code=DEPARTEMENT_CODE, name=DEPARTEMENT_NAME, outline=outline, communes=communes, roads=roads,
        population=population_table, anct=anct, **health,
    )


# ----------------------------------------------------------------------------------------------------- geography


def _outline(rng, scale):
    """Star-shaped smooth blob: a radius modulated by a few low harmonics, stretched to about 90 km x 70 km."""
    theta = np.linspace(0.0, 2.0 * np.pi, 360, endpoint=False)
    harmonics = np.arange(2, 8)
    amplitude = rng.uniform(0.02, 0.07, harmonics.size) / np.sqrt(harmonics - 1)
    phase = rng.uniform(0.0, 2.0 * np.pi, harmonics.size)
    radius = 1.0 + (amplitude[:, None] * np.cos(harmonics[:, None] * theta + phase[:, None])).sum(axis=0)
    x = CENTRE_XY[0] + HALF_AXES_M[0] * scale * radius * np.cos(theta)
    y = CENTRE_XY[1] + HALF_AXES_M[1] * scale * radius * np.sin(theta)
    return shapely.Polygon(np.round(np.column_stack([x, y]), 2))


def _seed_points(rng, outline, n):
    """``n`` commune centres (metres, rounded to the centimetre): a jittered grid inside the outline, shuffled."""
    xmin, ymin, xmax, ymax = outline.bounds
    step = np.sqrt(outline.area / (n * 1.12))
    while True:
        gx, gy = np.meshgrid(np.arange(xmin + step / 2, xmax, step), np.arange(ymin + step / 2, ymax, step))
        jitter = rng.uniform(-0.38, 0.38, size=(gx.size, 2)) * step
        xy = np.column_stack([gx.ravel(), gy.ravel()]) + jitter
        xy = xy[shapely.contains_xy(outline, xy[:, 0], xy[:, 1])]
        if len(xy) >= n:
            break
        step *= 0.96
    keep = np.sort(rng.choice(len(xy), size=n, replace=False))
    return np.round(xy[keep][rng.permutation(n)], 2)


def _voronoi_cells(centres, outline):
    """Voronoi cell of every centre clipped to the outline, in the order of ``centres``."""
    diagram = shapely.voronoi_polygons(shapely.multipoints(centres), extend_to=outline.envelope.buffer(10000.0))
    cells = shapely.get_parts(diagram)
    point_index, cell_index = shapely.STRtree(cells).query(shapely.points(centres), predicate="within")
    ordered = np.empty(len(centres), dtype=object)
    ordered[point_index] = cells[cell_index]
    on_border = ~shapely.covers(outline, ordered)  # only the cells crossing the outline need clipping
    ordered[on_border] = shapely.intersection(ordered[on_border], outline)
    return ordered


def commune_codes(n):
    """INSEE-like 5-character codes of département ``"00"``: ``00001``...``00999``, then ``00A00``, ``00A01``..."""
    number = np.arange(1, n + 1)
    codes = np.char.add(DEPARTEMENT_CODE, np.char.zfill(number.astype(str), 3)).astype(object)
    if n > 999:
        extra = np.arange(n - 999)
        alphabet = np.array(list("0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ"))
        letters = np.array(list("ABCDEFGHIJKLMNOPQRSTUVWXYZ"))
        if len(extra) > 26 * 36 * 36:
            raise ValueError("too many communes for 5-character codes")
        suffix = np.char.add(np.char.add(letters[extra // 1296], alphabet[(extra // 36) % 36]), alphabet[extra % 36])
        codes[999:] = np.char.add(DEPARTEMENT_CODE, suffix).astype(object)
    return codes


def _sort_key(text):
    return unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode("ascii").upper()


def upper_ascii(values):
    """``"Saint-Léger"`` -> ``"SAINT-LEGER"`` (the way FINESS and RPPS spell place names), element-wise."""
    return [_sort_key(v) for v in values]


_NAME_STARTS = np.array([
    "Bel", "Mar", "Vil", "Mont", "Roch", "Char", "Lav", "Cor", "Font", "Ber", "Bour", "Mal", "Ger", "Pral", "Val",
    "Chan", "Grav", "Brul", "Ser", "Lan", "Mér", "Aub", "Saul", "Trél", "Bess", "Flav", "Guér", "Nan", "Rom",
    "Vern", "Jarn", "Quinc", "Lorm", "Marc", "Pen", "Sal", "Tourn", "Cham", "Ard", "Auz", "Bart", "Dom", "Esp",
    "Gorn", "Lez", "Mass", "Nerv", "Ors", "Puyl", "Rin", "Sorn", "Tarl", "Cass", "Fold", "Lourd", "Mézer",
], dtype=object)
_LINK_VOWELS = np.array(["a", "e", "i", "o", "ou", "é", "an", "in"], dtype=object)
_CONSONANT_ENDS = np.array(["ville", "court", "mont", "val", "lieu", "mas", "bourg", "fort", "champ", "ry",
                            "nac", "zac", "sac", "vy"], dtype=object)
_VOWEL_ENDS = np.array(["ac", "ières", "ange", "ieu", "ot", "on", "ard", "oux", "euil", "ignac", "ens", "ay",
                        "ès", "eix", "at", "ols", "argues", "ine", "ette", "y"], dtype=object)
_NAME_SUFFIXES = np.array(["-sur-Fictive", "-sur-Sarve", "-le-Château", "-les-Bois", "-en-Val", "-la-Forêt",
                           "-le-Haut", "-sur-Brenne", "-les-Étangs", "-le-Vieux"], dtype=object)
_NAME_PREFIXES = np.array(["Saint-", "Sainte-", "La ", "Le ", "Les "], dtype=object)


def _commune_names(rng, n):
    """``n`` unique pronounceable fictional French place names, sorted alphabetically (accents ignored)."""
    found = np.empty(0, dtype=object)
    while len(found) < n:
        m = 2 * n + 50
        start = _NAME_STARTS[rng.integers(0, _NAME_STARTS.size, m)]
        consonant_end = rng.random(m) < 0.5
        end = np.where(consonant_end,
                       _LINK_VOWELS[rng.integers(0, _LINK_VOWELS.size, m)]
                       + _CONSONANT_ENDS[rng.integers(0, _CONSONANT_ENDS.size, m)],
                       _VOWEL_ENDS[rng.integers(0, _VOWEL_ENDS.size, m)])
        name = start + end
        prefix_roll = rng.random(m)
        prefix = _NAME_PREFIXES[rng.integers(0, _NAME_PREFIXES.size, m)]
        name = np.where(prefix_roll < 0.12, prefix + name, name)
        suffix = _NAME_SUFFIXES[rng.integers(0, _NAME_SUFFIXES.size, m)]
        name = np.where(rng.random(m) < 0.15, name + suffix, name)
        found = pd.unique(np.concatenate([np.asarray(found, dtype=object), name]))
    names = list(found[:n])
    return np.array(sorted(names, key=_sort_key), dtype=object)


def _settlement_roles(rng, centres, outline, spacing):
    """Role of every commune and the towns in choice order (préfecture, sous-préfectures, then bourgs).

    Towns are spread out by farthest-point sampling, damped near the outline (towns seldom sit on a border).
    """
    n = len(centres)
    n_sous_prefectures = max(2, int(round(n / REFERENCE_COMMUNES * rng.choice([2, 3]))))
    n_bourgs = max(3, int(round(0.065 * n)))
    boundary_distance = shapely.distance(shapely.points(centres), outline.exterior)
    edge_damping = np.clip(boundary_distance / (2.5 * spacing), 0.25, 1.0)
    target = np.mean(centres, axis=0) + rng.uniform(-0.1, 0.1, 2) * np.array(HALF_AXES_M)
    prefecture = int(np.argmin(np.hypot(*(centres - target).T) / edge_damping))
    towns = [prefecture]
    nearest = np.hypot(*(centres - centres[prefecture]).T)
    weight = edge_damping * rng.uniform(0.8, 1.0, n)
    tree = cKDTree(centres)
    for _ in range(n_sous_prefectures + n_bourgs):
        score = nearest * weight
        pick = int(np.argmax(score))
        towns.append(pick)
        # Only points closer to the new town than to every previous one change: all within max(nearest) of it.
        near = np.asarray(tree.query_ball_point(centres[pick], r=float(nearest.max())), dtype=np.int64)
        nearest[near] = np.minimum(nearest[near], np.hypot(*(centres[near] - centres[pick]).T))
    role = np.full(n, VILLAGE, dtype=np.int64)
    towns = np.array(towns)
    role[towns[1 + n_sous_prefectures:]] = BOURG
    role[towns[1:1 + n_sous_prefectures]] = SOUS_PREFECTURE
    role[prefecture] = PREFECTURE
    return role, towns


def _populations(rng, centres, role):
    """Inhabitants per commune; villages near the préfecture or a sous-préfecture are a bit larger (suburbs)."""
    n = len(role)
    population = np.exp(rng.normal(np.log(170.0), 0.6, n))
    towns_xy = centres[role >= SOUS_PREFECTURE]
    distance_to_town = cKDTree(towns_xy).query(centres)[0]
    population *= np.where(distance_to_town < 9000.0, 1.7, 1.0)
    population = np.clip(population, 50, 600)
    population = np.where(role == BOURG, rng.uniform(800, 2500, n), population)
    population = np.where(role == SOUS_PREFECTURE, rng.uniform(3000, 6000, n), population)
    population = np.where(role == PREFECTURE, rng.uniform(15000, 20000, n), population)
    return np.round(population).astype(np.int64)


def _age_groups(rng, population, role):
    """Inhabitants per age group (n x 19), each row summing exactly to ``population``. Villages are older."""
    n = len(role)
    rurality = np.select([role == PREFECTURE, role == SOUS_PREFECTURE, role == BOURG],
                         [0.1, 0.35, 0.55], default=0.0)
    rurality = np.where(role == VILLAGE, rng.uniform(0.6, 1.0, n), rurality)
    town = _TOWN_AGE_SHARES / _TOWN_AGE_SHARES.sum()
    village = _VILLAGE_AGE_SHARES / _VILLAGE_AGE_SHARES.sum()
    shares = (1.0 - rurality)[:, None] * town + rurality[:, None] * village
    shares *= np.exp(rng.normal(0.0, 0.08, shares.shape))
    shares /= shares.sum(axis=1, keepdims=True)
    return rng.multinomial(population, shares).astype(np.int64)


def _postal_codes(centres, towns):
    """Postal code of the nearest préfecture, sous-préfecture or bourg (its "bureau distributeur")."""
    rank = cKDTree(centres[towns]).query(centres)[1]
    return np.char.add(DEPARTEMENT_CODE, np.char.zfill(((10 * rank) % 1000).astype(str), 3)).astype(object)


# ------------------------------------------------------------------------------------------------------------ roads


def _wiggly_lines(rng, start, end, rel_amplitude, spacing_m=350.0, max_segments=40):
    """Gently bending lines from ``start`` to ``end`` (n x 2 arrays, metres); the end vertices are exact copies.

    Returns the vertex array and the line index of every vertex (for ``shapely.linestrings(..., indices=)``).
    """
    start = np.asarray(start, dtype=float).reshape(-1, 2)
    end = np.asarray(end, dtype=float).reshape(-1, 2)
    delta = end - start
    length = np.hypot(delta[:, 0], delta[:, 1])
    segments = np.clip(np.ceil(length / spacing_m), 2, max_segments).astype(np.int64)
    line = np.repeat(np.arange(len(start)), segments + 1)
    first = np.concatenate([[0], np.cumsum(segments + 1)[:-1]])
    t = (np.arange(line.size) - first[line]) / segments[line]
    amplitude_1 = np.asarray(rel_amplitude) * length * rng.uniform(-1.0, 1.0, len(start))
    amplitude_2 = 0.4 * np.asarray(rel_amplitude) * length * rng.uniform(-1.0, 1.0, len(start))
    offset = amplitude_1[line] * np.sin(np.pi * t) + amplitude_2[line] * np.sin(2.0 * np.pi * t)
    normal = np.column_stack([-delta[:, 1], delta[:, 0]]) / np.maximum(length, 1e-9)[:, None]
    xy = start[line] + t[:, None] * delta[line] + offset[:, None] * normal[line]
    xy = np.round(xy, 2)
    last = first + segments
    xy[first] = start
    xy[last] = end
    return xy, line


def _lines(xy, index):
    return shapely.linestrings(xy, indices=index)


def _free_directions(taken_angles, count, rng, min_gap_deg=25.0):
    """Up to ``count`` directions (radians) as far as possible from ``taken_angles`` and from each other."""
    candidates = np.deg2rad(np.arange(0.0, 360.0, 5.0)) + rng.uniform(0.0, np.deg2rad(5.0))
    taken = list(taken_angles)
    chosen = []
    for _ in range(count):
        if taken:
            gap = np.abs(np.angle(np.exp(1j * (candidates[:, None] - np.array(taken)[None, :]))))
            clearance = gap.min(axis=1)
        else:
            clearance = np.full(candidates.size, np.pi)
        best = int(np.argmax(clearance))
        if np.rad2deg(clearance[best]) < min_gap_deg:
            break
        chosen.append(candidates[best])
        taken.append(candidates[best])
    return chosen


def _backtrack(predecessors, node):
    """Nodes from ``node`` back to the source of a scipy predecessor array (``node`` first)."""
    path = [int(node)]
    while predecessors[path[-1]] >= 0:
        path.append(int(predecessors[path[-1]]))
    return path


def _region_link_paths(graph, edges, edge_length, sources):
    """Paths (node lists) linking neighbouring ``sources`` along a spanning tree of their graph-Voronoi regions.

    One multi-source Dijkstra splits the graph into regions of the nearest source; two regions touching through an
    edge are linked by the shortest path that crosses there; a minimum spanning tree of those links is kept.
    """
    n = graph.shape[0]
    distance, predecessor, source = dijkstra(graph, indices=sources, min_only=True, return_predecessors=True)
    a, b = edges[:, 0], edges[:, 1]
    crossing = (source[a] != source[b]) & (source[a] >= 0) & (source[b] >= 0)
    if not crossing.any():
        return []
    edge_ids = np.flatnonzero(crossing)
    low = np.minimum(source[a], source[b])[crossing]
    high = np.maximum(source[a], source[b])[crossing]
    cost = (distance[a] + edge_length + distance[b])[crossing]
    order = np.lexsort((cost, high, low))
    low, high, cost, edge_ids = low[order], high[order], cost[order], edge_ids[order]
    first = np.r_[True, (low[1:] != low[:-1]) | (high[1:] != high[:-1])]
    low, high, cost, edge_ids = low[first], high[first], cost[first], edge_ids[first]
    tree = minimum_spanning_tree(sparse.coo_matrix((cost, (low, high)), shape=(n, n))).tocoo()
    pair_key = np.minimum(tree.row, tree.col).astype(np.int64) * n + np.maximum(tree.row, tree.col)
    selected = np.isin(low.astype(np.int64) * n + high, pair_key)
    paths = []
    for edge in edge_ids[selected]:
        paths.append(_backtrack(predecessor, a[edge])[::-1] + _backtrack(predecessor, b[edge]))
    return paths


class _RoadBuilder:
    """Accumulates road lines (vertex arrays) and their OSM attributes."""

    def __init__(self):
        self.geometries = []
        self.attributes = []

    def add(self, lines, highway, part, oneway=None, maxspeed=None, ref=None, name=None):
        count = len(lines)

        def column(value):
            if isinstance(value, (list, np.ndarray, pd.Series)):
                return list(value)
            return [value] * count

        self.geometries.append(np.asarray(lines, dtype=object))
        self.attributes.append(pd.DataFrame({
            "highway": column(highway), "oneway": column(oneway), "maxspeed": column(maxspeed),
            "ref": column(ref), "name": column(name), "part": column(part),
        }, dtype=object))  # typed once in frame(): pandas 2.1+ warns when all-None columns decide a concat dtype

    def frame(self):
        roads = pd.concat(self.attributes, ignore_index=True)
        roads["maxspeed"] = pd.array(roads["maxspeed"].to_numpy(dtype=object), dtype="Int64")
        roads = roads.astype({"highway": object, "oneway": object, "ref": object, "name": object})
        roads["geometry"] = np.concatenate(self.geometries)
        return roads


_STREET_NAMES = np.array([
    "Rue de la Mairie", "Rue de l'Église", "Avenue de la Gare", "Rue des Écoles", "Rue du Château",
    "Rue du Stade", "Allée des Tilleuls", "Grande Rue", "Rue du Moulin", "Rue de la Poste", "Rue Victor Hugo",
    "Avenue Jean Jaurès", "Rue Pasteur", "Rue des Jardins", "Rue du Lavoir", "Rue de la Fontaine",
], dtype=object)
_HAMLET_NAMES = np.array(["Chemin du Moulin", "Chemin de la Croix", "Chemin des Granges", "Chemin du Bois",
                          "Chemin de la Borde", "Chemin du Puy", "Chemin des Vergnes"], dtype=object)


def _road_network(rng, centres, role, names, outline, spacing):
    """OSM-like road lines joining the commune centres (exact shared vertices at junctions).

    * commune links: a spanning tree of the Delaunay graph of the centres plus about 30 % of the other plausible
      Delaunay edges (loops), each drawn as a gently bending line from centre to centre. Classes: trunk/primary
      along shortest paths from the préfecture to the sous-préfectures, secondary from each bourg to its nearest
      town, tertiary between neighbouring bourgs and towns, unclassified for the rest;
    * a motorway crossing the département as two one-way carriageways 24 m apart (``oneway=yes``, drawn in
      opposite directions) with interchanges: ``motorway_link`` ramps (one-way) to a junction node and a trunk or
      primary road from there to the nearest commune centre. Other roads cross it without a shared vertex
      (bridges);
    * streets: residential dead ends around towns, a one-way loop (``oneway=yes``) and one ``oneway=-1`` street in
      the préfecture; dead-end lanes to hamlets in a few villages;
    * a few links whose end stops 0.3 m short of the centre (``part="near_miss"``): joined only with a topology
      tolerance of at least 0.3 m;
    * one small disconnected piece (``part="island"``) far from every other road.
    """
    n = len(centres)
    builder = _RoadBuilder()
    prefecture = int(np.flatnonzero(role == PREFECTURE)[0])
    sous_prefectures = np.flatnonzero(role == SOUS_PREFECTURE)
    towns = np.flatnonzero(role >= SOUS_PREFECTURE)
    bourgs = np.flatnonzero(role == BOURG)

    # Delaunay edges, plausible ones (inside the outline, not too long), spanning tree + some loops.
    simplices = Delaunay(centres).simplices
    edges = np.unique(np.sort(np.concatenate([simplices[:, [0, 1]], simplices[:, [1, 2]], simplices[:, [0, 2]]]),
                              axis=1), axis=0)
    length = np.hypot(*(centres[edges[:, 1]] - centres[edges[:, 0]]).T)
    plausible = shapely.covers(outline, shapely.linestrings(centres[edges])) & (length < 2.5 * spacing)
    weight = length * np.where(plausible, 1.0, 100.0)
    tree = minimum_spanning_tree(sparse.coo_matrix((weight, (edges[:, 0], edges[:, 1])), shape=(n, n))).tocoo()
    edge_key = edges[:, 0].astype(np.int64) * n + edges[:, 1]
    tree_key = np.minimum(tree.row, tree.col).astype(np.int64) * n + np.maximum(tree.row, tree.col)
    in_tree = np.zeros(len(edges), dtype=bool)
    in_tree[np.searchsorted(edge_key, tree_key)] = True
    kept = in_tree | (plausible & (rng.random(len(edges)) < 0.3))
    links, link_length, link_in_tree = edges[kept], length[kept], in_tree[kept]
    link_key = edge_key[kept]
    graph = sparse.coo_matrix((np.r_[link_length, link_length], (np.r_[links[:, 0], links[:, 1]],
                                                                   np.r_[links[:, 1], links[:, 0]])),
                              shape=(n, n)).tocsr()

    rank = np.zeros(len(links), dtype=np.int64)
    ref = np.full(len(links), None, dtype=object)

    def mark(path, level, label):
        path = np.asarray(path)
        if len(path) < 2:
            return
        keys = np.minimum(path[:-1], path[1:]).astype(np.int64) * n + np.maximum(path[:-1], path[1:])
        idx = np.searchsorted(link_key, keys)
        upgrade = idx[rank[idx] < level]
        rank[upgrade] = level
        ref[upgrade] = label

    # Trunk / primary: préfecture to its nearest sous-préfectures (the largest by trunk), then between towns.
    _, from_prefecture = dijkstra(graph, indices=prefecture, return_predecessors=True)
    nearest_sp = sous_prefectures[np.argsort(np.hypot(*(centres[sous_prefectures] - centres[prefecture]).T))][:3]
    for k, sp in enumerate(nearest_sp):
        mark(_backtrack(from_prefecture, sp), 4 if k == 0 else 3, "N 190" if k == 0 else f"D 9{k:02d}")
    if len(towns) > 4:
        for k, path in enumerate(_region_link_paths(graph, links, link_length, towns)):
            mark(path, 3, f"D 9{(k + len(nearest_sp)) % 100:02d}")
    # Secondary: every bourg to its nearest town; tertiary: between neighbouring bourgs and towns.
    _, from_towns, _ = dijkstra(graph, indices=towns, min_only=True, return_predecessors=True)
    for k, bourg in enumerate(bourgs):
        mark(_backtrack(from_towns, bourg), 2, f"D {k + 1}")
    for k, path in enumerate(_region_link_paths(graph, links, link_length, np.r_[towns, bourgs])):
        mark(path, 1, f"D {100 + k}")

    # Draw the links, in a random direction each; a few unclassified loop links stop 0.3 m short.
    flip = rng.random(len(links)) < 0.5
    start = np.where(flip, links[:, 1], links[:, 0])
    end = np.where(flip, links[:, 0], links[:, 1])
    start_xy, end_xy = centres[start].copy(), centres[end].copy()
    near_miss = np.zeros(len(links), dtype=bool)
    candidates = np.flatnonzero((rank == 0) & ~link_in_tree)
    near_miss[rng.choice(candidates, size=min(5, candidates.size), replace=False)] = True
    angle = rng.uniform(0.0, 2.0 * np.pi, len(links))
    end_xy[near_miss] += 0.3 * np.column_stack([np.cos(angle), np.sin(angle)])[near_miss]
    end_xy = np.round(end_xy, 2)
    amplitude = np.array([0.04, 0.03, 0.025, 0.02, 0.015])[rank]
    xy, index = _wiggly_lines(rng, start_xy, end_xy, amplitude)
    highway = _ROAD_RANK_NAMES[rank]
    maxspeed = np.where(rank == 4, 110, np.where((rank == 3) & (rng.random(len(links)) < 0.3), 80, -1))
    oneway = np.where(rng.random(len(links)) < 0.1, "no", None)
    route_name = np.where((rank == 0) & (rng.random(len(links)) < 0.4),
                          np.char.add("Route de ", names[end].astype(str)).astype(object), None)
    builder.add(_lines(xy, index), highway, np.where(near_miss, "near_miss", "link"), oneway=oneway,
                maxspeed=[None if s < 0 else int(s) for s in maxspeed], ref=ref, name=route_name)

    # Directions already used at each centre (for placing streets and lanes in the free gaps).
    taken = {}
    for a, b in links:
        taken.setdefault(a, []).append(np.arctan2(*(centres[b] - centres[a])[::-1]))
        taken.setdefault(b, []).append(np.arctan2(*(centres[a] - centres[b])[::-1]))

    _motorway(rng, builder, centres, role, outline, taken)
    _town_streets(rng, builder, centres, role, prefecture, taken)

    # Dead-end lanes to hamlets in a few villages.
    villages = np.flatnonzero(role == VILLAGE)
    hamlet_villages = rng.choice(villages, size=min(villages.size, max(3, int(round(0.04 * n)))), replace=False)
    lane_start, lane_end = [], []
    for village in hamlet_villages:
        directions = _free_directions(taken.get(village, []), 1, rng)
        if directions:
            lane_length = rng.uniform(700.0, 1400.0)
            lane_start.append(centres[village])
            lane_end.append(centres[village] + lane_length * np.array([np.cos(directions[0]), np.sin(directions[0])]))
            taken.setdefault(village, []).append(directions[0])
    xy, index = _wiggly_lines(rng, np.array(lane_start), np.round(np.array(lane_end), 2), 0.05, spacing_m=250.0)
    builder.add(_lines(xy, index), "unclassified", "stub",
                name=_HAMLET_NAMES[rng.integers(0, _HAMLET_NAMES.size, len(lane_start))])

    _island(rng, builder, outline)
    return builder.frame()


def _vertex_normals(xy):
    """Unit left normals at the vertices of a polyline (average of the adjacent segment normals)."""
    segment = np.diff(xy, axis=0)
    segment /= np.hypot(segment[:, 0], segment[:, 1])[:, None]
    tangent = np.vstack([segment[:1], segment[:-1] + segment[1:], segment[-1:]])
    tangent /= np.hypot(tangent[:, 0], tangent[:, 1])[:, None]
    return np.column_stack([-tangent[:, 1], tangent[:, 0]])


def _motorway(rng, builder, centres, role, outline, taken):
    """Two one-way carriageways crossing the outline near the préfecture, with interchanges to the towns."""
    prefecture = int(np.flatnonzero(role == PREFECTURE)[0])
    heading = rng.uniform(0.0, np.pi)
    direction = np.array([np.cos(heading), np.sin(heading)])
    normal = np.array([-direction[1], direction[0]])
    through = centres[prefecture] + rng.choice([-1.0, 1.0]) * rng.uniform(4000.0, 7000.0) * normal
    xmin, ymin, xmax, ymax = outline.bounds
    reach = 2.0 * max(xmax - xmin, ymax - ymin)
    chord = shapely.intersection(shapely.LineString([through - reach * direction, through + reach * direction]),
                                 outline)
    parts = shapely.get_parts(chord)
    chord = parts[int(np.argmin(shapely.distance(parts, shapely.Point(through))))]
    (x0, y0), (x1, y1) = shapely.get_coordinates(chord)[[0, -1]]
    total = np.hypot(x1 - x0, y1 - y0)
    t = np.linspace(0.0, 1.0, max(8, int(total // 900.0)) + 1)
    wave = rng.uniform(15000.0, 30000.0, 2)
    phase = rng.uniform(0.0, 2.0 * np.pi, 2)
    sway = (600.0 * np.sin(2 * np.pi * t * total / wave[0] + phase[0])
            + 250.0 * np.sin(2 * np.pi * t * total / wave[1] + phase[1])) * np.sin(np.pi * t) ** 0.5
    centre_line = np.array([x0, y0]) + t[:, None] * np.array([x1 - x0, y1 - y0]) + sway[:, None] * normal
    inside = shapely.contains_xy(outline, centre_line[:, 0], centre_line[:, 1])
    centre_line = centre_line[inside] if inside.sum() >= 4 else centre_line
    offsets = 12.0 * _vertex_normals(centre_line)
    forward = np.round(centre_line - offsets, 2)    # right-hand traffic: forward carriageway on the right
    backward = np.round(centre_line + offsets, 2)[::-1]
    builder.add([shapely.LineString(forward), shapely.LineString(backward)], "motorway", "motorway", oneway="yes",
                maxspeed=130, ref="A 99", name="Autoroute du Val")

    # Interchanges: nearest motorway vertex to the préfecture, then to towns close to the motorway.
    m = len(centre_line)
    towns = np.flatnonzero(role >= SOUS_PREFECTURE)
    towns = towns[np.argsort(-role[towns], kind="stable")]
    vertex_tree = cKDTree(centre_line[2:m - 2])
    distance, vertex = vertex_tree.query(centres[towns])
    vertex = vertex + 2
    chosen = []
    for town, d, k in zip(towns, distance, vertex):
        if (town == towns[0] or d < 12000.0) and all(abs(k - c) * 900.0 > 8000.0 for c in chosen):
            chosen.append(int(k))
    centre_tree = cKDTree(centres)
    for number, k in enumerate(chosen):
        side = np.sign(np.dot(centres[centre_tree.query(centre_line[k])[1]] - centre_line[k], offsets[k])) or 1.0
        junction = np.round(centre_line[k] + side * 180.0 / 12.0 * offsets[k], 2)
        b = m - 1 - k  # index of the same place on the backward carriageway
        ramps = [
            (forward[k - 1], junction), (junction, forward[k + 1]),        # exit, entry (forward traffic)
            (backward[b - 1], junction), (junction, backward[b + 1]),      # exit, entry (backward traffic)
        ]
        ramp_lines = []
        for a, c in ramps:
            middle = (a + c) / 2.0 + 0.1 * np.hypot(*(c - a)) * side * offsets[k] / 12.0
            ramp_lines.append(shapely.LineString(np.round([a, middle, c], 2)))
        builder.add(ramp_lines, "motorway_link", "ramp", oneway="yes", ref=f"Échangeur {number + 1}")
        commune = int(centre_tree.query(junction)[1])
        xy, index = _wiggly_lines(rng, junction[None, :], centres[commune][None, :], 0.02)
        builder.add(_lines(xy, index), "trunk" if number == 0 else "primary", "interchange_link",
                    maxspeed=110 if number == 0 else None, ref="N 190" if number == 0 else f"D 95{number}")
        taken.setdefault(commune, []).append(np.arctan2(*(junction - centres[commune])[::-1]))


def _town_streets(rng, builder, centres, role, prefecture, taken):
    """Residential dead ends around towns; a one-way loop and a ``oneway=-1`` street in the préfecture."""
    centre = centres[prefecture]
    loop_direction = _free_directions(taken.get(prefecture, []), 1, rng)[0]
    taken.setdefault(prefecture, []).append(loop_direction)
    u = np.array([np.cos(loop_direction), np.sin(loop_direction)])
    loop_centre = centre + 380.0 * u
    radius = 120.0
    base = np.arctan2(-u[1], -u[0])  # loop point facing the préfecture centre
    arcs = [(0.0, 60.0), (60.0, 200.0), (200.0, 360.0)]
    loop_lines = []
    for a0, a1 in arcs:
        angles = base + np.deg2rad(np.linspace(a0, a1, max(3, int((a1 - a0) // 20) + 1)))
        ring = loop_centre + radius * np.column_stack([np.cos(angles), np.sin(angles)])
        loop_lines.append(np.round(ring, 2))
    # Make the shared loop points exactly equal between consecutive arcs.
    loop_lines[1][0] = loop_lines[0][-1]
    loop_lines[2][0] = loop_lines[1][-1]
    loop_lines[2][-1] = loop_lines[0][0]
    builder.add([shapely.LineString(c) for c in loop_lines], "residential", "loop", oneway="yes", maxspeed=30,
                name=["Boulevard du Tour", "Boulevard du Tour", "Boulevard du Tour"])
    access = shapely.LineString([centre, (centre + loop_lines[0][0]) / 2.0, loop_lines[0][0]])
    contra = shapely.LineString([centre, np.round(centre + 0.5 * (loop_lines[1][0] - centre) + 5.0, 2),
                                 loop_lines[1][0]])
    builder.add([access], "residential", "street", oneway="no", maxspeed=30, name="Rue du Marché")
    builder.add([contra], "residential", "contraflow", oneway="-1", maxspeed=30, name="Rue de la Poste")
    taken[prefecture].append(np.arctan2(*(loop_lines[1][0] - centre)[::-1]))

    spokes_per_role = {PREFECTURE: 6, SOUS_PREFECTURE: 4, BOURG: 2}
    street_start, street_end = [], []
    for commune in np.flatnonzero(role >= BOURG):
        count = spokes_per_role[int(role[commune])]
        for direction in _free_directions(taken.get(commune, []), count, rng):
            street_length = rng.uniform(350.0, 800.0)
            street_start.append(centres[commune])
            street_end.append(centres[commune] + street_length * np.array([np.cos(direction), np.sin(direction)]))
            taken.setdefault(commune, []).append(direction)
    xy, index = _wiggly_lines(rng, np.array(street_start), np.round(np.array(street_end), 2), 0.04, spacing_m=150.0)
    count = len(street_start)
    builder.add(_lines(xy, index), "residential", "street",
                maxspeed=[50 if r < 0.2 else None for r in rng.random(count)],
                name=_STREET_NAMES[rng.integers(0, _STREET_NAMES.size, count)])


def _island(rng, builder, outline):
    """A two-line road piece with no connection to the rest, where the roads are farthest away."""
    roads = np.concatenate(builder.geometries)
    xmin, ymin, xmax, ymax = outline.bounds
    candidates = rng.uniform([xmin, ymin], [xmax, ymax], size=(3000, 2))
    candidates = candidates[shapely.contains_xy(outline, candidates[:, 0], candidates[:, 1])]
    points = shapely.points(candidates)
    _, distance = shapely.STRtree(roads).query_nearest(points, return_distance=True, all_matches=False)
    # query_nearest returns (indices, distances) aligned with the input points when all_matches=False
    best = int(np.argmax(distance))
    clearance = float(distance[best])
    middle = np.round(candidates[best], 2)
    heading = rng.uniform(0.0, 2.0 * np.pi)
    arm = min(300.0, 0.4 * clearance)
    a = np.round(middle - arm * np.array([np.cos(heading), np.sin(heading)]), 2)
    c = np.round(middle + 0.8 * arm * np.array([np.cos(heading + 1.2), np.sin(heading + 1.2)]), 2)
    xy, index = _wiggly_lines(rng, np.array([a, middle]), np.array([middle, c]), 0.05, spacing_m=100.0)
    builder.add(_lines(xy, index), "unclassified", "island", name="Chemin de l'Étang")


# -------------------------------------------------------------------------------------------------- health supply

_FEMALE_FIRST_NAMES = np.array([
    "Marie", "Anne", "Claire", "Julie", "Sophie", "Camille", "Élise", "Léa", "Chloé", "Manon", "Inès", "Isabelle",
    "Sylvie", "Agnès", "Nathalie", "Hélène", "Laure", "Margaux",
], dtype=object)
_MALE_FIRST_NAMES = np.array([
    "Jean", "Pierre", "Louis", "Nicolas", "Thomas", "Paul", "Hugo", "Antoine", "Lucas", "Mathieu", "Bruno",
    "Olivier", "Yves", "Rémi", "Didier", "Franck", "Vincent", "Gilles",
], dtype=object)
_SURNAME_STARTS = np.array(["BER", "MOR", "LAC", "DUR", "FAV", "GOD", "JOU", "MAR", "PEL", "RIV", "SAV", "TOU",
                            "VAL", "BOU", "CHA", "DEL", "FOU", "GRA", "LEM", "MAL", "NOR", "PRA", "ROU", "TEI",
                            "VIN", "BRO", "CAS", "GAL", "QUI", "SER"], dtype=object)
_SURNAME_MIDDLES = np.array(["AN", "EL", "IN", "OR", "ER", "IG", "AL", "OU", "ET", "", "", ""], dtype=object)
_SURNAME_ENDS = np.array(["ET", "AUD", "IER", "OT", "ARD", "EAU", "IN", "AC", "ON", "AS", "EZ", "Y", "OUX",
                          "AIS", "ELLE"], dtype=object)
_STREET_TYPES = np.array([("R", "Rue"), ("AV", "Avenue"), ("PL", "Place"), ("CHE", "Chemin"), ("RTE", "Route"),
                          ("IMP", "Impasse")], dtype=object)
_STREET_TYPE_LABELS = dict(_STREET_TYPES.tolist())
_STREET_LABELS = np.array(["DE LA MAIRIE", "DE L EGLISE", "DES ECOLES", "DU CHATEAU", "DE LA GARE", "DU STADE",
                           "DES TILLEULS", "PRINCIPALE", "DU MOULIN", "DU COMMERCE", "DES JARDINS", "DU PONT"],
                          dtype=object)

_PROFESSION_LABELS = {"10": "Médecin", "21": "Pharmacien", "40": "Chirurgien-Dentiste", "50": "Sage-Femme",
                      "60": "Infirmier", "70": "Masseur-Kinésithérapeute"}
_SAVOIR_FAIRE_LABELS = {
    "SM54": "Médecine Générale", "SM53": "Spécialiste en Médecine Générale", "SM42": "Psychiatrie",
    "SM04": "Cardiologie et Maladies vasculaires", "SM40": "Pédiatrie", "SM59": "Médecine d'urgence",
    "SM38": "Ophtalmologie", "SM15": "Dermatologie et Vénéréologie",
}
_MODE_LABELS = {"L": "Libéral, indépendant, artisan, commerçant", "S": "Salarié", "B": "Bénévole"}
_SECTOR_LABELS = {"SA07": "Cabinet individuel", "SA08": "Cabinet de groupe", "SA05": "Centre de santé",
                  "SA01": "Etablissement public de santé"}
_AUTHORITY = {"10": "CNOM/CNOM/CNOM", "21": "CNOP/CNOP/CNOP", "40": "CNOCD/CNOCD/CNOCD", "50": "CNOSF/CNOSF/CNOSF",
              "60": "CNOI/CNOI/CNOI", "70": "CNOMK/CNOMK/CNOMK"}

#: FINESS category codes used here and their labels (``categagretab`` filled only where known: 355 -> 1102).
FINESS_CATEGORIES = {
    "355": ("Centre Hospitalier (C.H.)", "1102", "Centres Hospitaliers", "8610Z"),
    "603": ("Maison de santé (L.6223-3)", "", "", "8621Z"),
    "124": ("Centre de Santé", "", "", "8621Z"),
    "620": ("Pharmacie d'Officine", "", "", "4773Z"),
}
FINESS_STRUCTURE_COLUMNS = (
    "structureet", "nofinesset", "nofinessej", "rs", "rslongue", "complrs", "compldistrib", "numvoie", "typvoie",
    "voie", "compvoie", "lieuditbp", "commune", "departement", "libdepartement", "ligneacheminement", "telephone",
    "telecopie", "categetab", "libcategetab", "categagretab", "libcategagretab", "siret", "codeape", "codemft",
    "libmft", "codesph", "libsph", "dateouv", "dateautor", "datemaj", "numuai",
)
FINESS_GEOLOCATION_COLUMNS = ("geolocalisation", "nofinesset", "coordxet", "coordyet", "sourcecoordet", "datemaj")
FINESS_COORDINATE_SOURCE = "1,ATLASANTE,100,BAN,EPSG:2154 RGF93 / Lambert-93 (Métropole)"


def _surnames(rng, count):
    return (_SURNAME_STARTS[rng.integers(0, _SURNAME_STARTS.size, count)]
            + _SURNAME_MIDDLES[rng.integers(0, _SURNAME_MIDDLES.size, count)]
            + _SURNAME_ENDS[rng.integers(0, _SURNAME_ENDS.size, count)])


def _address_points(rng, commune_index, communes, street_tree, streets, reach_m):
    """Plausible address points (x, y metres): on a road 15-100 % of ``reach_m`` metres from the commune centre,
    set back 8-20 m from it, inside the commune (else 10-25 m from the centre, which is on a road)."""
    commune_index = np.asarray(commune_index, dtype=np.int64)
    reach_m = np.broadcast_to(np.asarray(reach_m, dtype=float), commune_index.shape)
    count = len(commune_index)
    if count == 0:
        return np.empty((0, 2))
    centre = communes[["centre_x", "centre_y"]].to_numpy()[commune_index]
    angle = rng.uniform(0.0, 2.0 * np.pi, count)
    reach = rng.uniform(0.15, 1.0, count) * reach_m
    wish = centre + reach[:, None] * np.column_stack([np.cos(angle), np.sin(angle)])
    wish_points = shapely.points(wish)
    nearest = street_tree.query_nearest(wish_points, all_matches=False)[1]
    line = streets[nearest]
    on_road = shapely.get_coordinates(shapely.line_interpolate_point(line, shapely.line_locate_point(line,
                                                                                                      wish_points)))
    away = wish - on_road
    away_length = np.hypot(away[:, 0], away[:, 1])
    unit = np.where(away_length[:, None] > 1e-6, away / np.maximum(away_length, 1e-6)[:, None], [[1.0, 0.0]])
    address = on_road + rng.uniform(8.0, 20.0, count)[:, None] * unit
    polygons = communes["geometry"].to_numpy()[commune_index]
    inside = shapely.contains_xy(polygons, address[:, 0], address[:, 1])
    fallback = centre + rng.uniform(10.0, 25.0, count)[:, None] * np.column_stack([np.cos(angle), np.sin(angle)])
    return np.round(np.where(inside[:, None], address, fallback), 1)


def _finess_numbers(rng, count):
    """Distinct 9-character FINESS-like numbers of département 00 (``"00"`` + 7 digits)."""
    numbers = np.sort(rng.choice(10_000_000, size=count, replace=False))
    return [f"{DEPARTEMENT_CODE}{v:07d}" for v in rng.permutation(numbers)]


def _split_practice(rng, gp_count, role, sous_prefecture_rank):
    """Sites (kind, size) of a commune's GPs: centres de santé and MSP in towns, group and single cabinets."""
    sites = []
    remaining = gp_count
    if role == PREFECTURE and remaining >= 3:
        size = min(remaining - 2, int(rng.integers(3, 5)))
        sites.append(("centre_sante", size))
        remaining -= size
    if role == SOUS_PREFECTURE and sous_prefecture_rank == 0 and remaining >= 4:
        sites.append(("centre_sante", 2))
        remaining -= 2
    msp_chance = {PREFECTURE: 1.0, SOUS_PREFECTURE: 0.8, BOURG: 0.35, VILLAGE: 0.0}[role]
    if remaining >= 2 and rng.random() < msp_chance:
        size = remaining if role == BOURG else min(remaining, int(rng.integers(3, 7)))
        sites.append(("msp", size))
        remaining -= size
    while remaining > 0:
        size = min(remaining, int(rng.choice([1, 1, 2, 2, 3])))
        sites.append(("cabinet", size))
        remaining -= size
    return sites


def _health_supply(rng, communes, roads, more_rng):
    """GPs (and others) as RPPS lines, their activity, FINESS facilities and GP practice sites. ``more_rng`` draws
    the midwives and physiotherapists, so that adding them left every other line as it was."""
    n = len(communes)
    role = communes["role"].to_numpy()
    population = communes["population"].to_numpy()
    codes = communes["code_insee"].to_numpy()
    names = communes["nom"].to_numpy()
    postal = communes["code_postal"].to_numpy()
    prefecture = int(np.flatnonzero(role == PREFECTURE)[0])
    local = ~roads["highway"].isin(["motorway", "motorway_link"]).to_numpy() & (roads["part"] != "island").to_numpy()
    streets = roads["geometry"].to_numpy()[local]
    street_tree = shapely.STRtree(streets)

    # GPs per commune: about one per 1,150-1,350 inhabitants, drawn towards towns; most villages have none.
    attraction = np.select([role == PREFECTURE, role == SOUS_PREFECTURE, role == BOURG], [1.35, 1.25, 1.0], 0.0)
    village_practice = (role == VILLAGE) & (population >= 150) & (rng.random(n) < 0.12)
    attraction = np.where(village_practice, 0.6, attraction)
    gp_total = int(round(population.sum() / rng.uniform(1150.0, 1350.0)))
    weight = population * attraction
    gp_per_commune = rng.multinomial(gp_total, weight / weight.sum())

    # Practice sites.
    site_commune, site_kind, site_size = [], [], []
    sous_prefecture_order = {c: k for k, c in enumerate(np.flatnonzero(role == SOUS_PREFECTURE))}
    for commune in np.flatnonzero(gp_per_commune):
        for kind, size in _split_practice(rng, int(gp_per_commune[commune]), int(role[commune]),
                                          sous_prefecture_order.get(commune, -1)):
            site_commune.append(commune)
            site_kind.append(kind)
            site_size.append(size)
    site_commune = np.array(site_commune)
    site_kind = np.array(site_kind, dtype=object)
    site_size = np.array(site_size)
    reach = np.select([role[site_commune] == PREFECTURE, role[site_commune] == SOUS_PREFECTURE,
                       role[site_commune] == BOURG], [900.0, 600.0, 350.0], 250.0)
    site_xy = _address_points(rng, site_commune, communes, street_tree, streets, reach)

    # One row per GP and site (practice lines); secondary sites in villages for a few GPs.
    gp_site = np.repeat(np.arange(len(site_commune)), site_size)
    gp_number = np.arange(gp_site.size)
    villages_without_gp = np.flatnonzero((role == VILLAGE) & (gp_per_commune == 0))
    village_tree = cKDTree(communes[["centre_x", "centre_y"]].to_numpy()[villages_without_gp])
    liberal_in_bourgs = np.flatnonzero(np.isin(site_kind[gp_site], ["cabinet", "msp"])
                                       & (role[site_commune[gp_site]] >= BOURG))
    n_second = max(1, int(round(0.05 * gp_site.size)))
    second_gp = np.sort(rng.choice(liberal_in_bourgs, size=min(n_second, liberal_in_bourgs.size), replace=False))
    second_village = villages_without_gp[village_tree.query(site_xy[gp_site[second_gp]], k=1)[1]]
    second_sites = np.arange(len(site_commune), len(site_commune) + len(second_gp))
    second_xy = _address_points(rng, second_village, communes, street_tree, streets, 200.0)
    site_commune = np.r_[site_commune, second_village]
    site_kind = np.r_[site_kind, np.full(len(second_gp), "cabinet", dtype=object)]
    site_size = np.r_[site_size, np.ones(len(second_gp), dtype=np.int64)]
    site_xy = np.vstack([site_xy, second_xy])
    line_gp = np.r_[gp_number, second_gp]
    line_site = np.r_[gp_site, second_sites]

    site_ids = np.array([f"S{DEPARTEMENT_CODE}{k + 1:05d}" for k in range(len(site_commune))], dtype=object)
    facility_site = np.flatnonzero(np.isin(site_kind, ["msp", "centre_sante"]))
    n_pharmacies_per_commune = np.select([role == PREFECTURE, role == SOUS_PREFECTURE, role == BOURG],
                                         [np.ceil(population / 3000.0), np.ceil(population / 2500.0),
                                          (rng.random(n) < 0.75).astype(float)], 0.0).astype(np.int64)
    pharmacy_commune = np.repeat(np.arange(n), n_pharmacies_per_commune)
    pharmacy_xy = _address_points(rng, pharmacy_commune, communes, street_tree, streets,
                                  np.where(role[pharmacy_commune] == PREFECTURE, 900.0, 300.0))
    hospital_xy = _address_points(rng, [prefecture], communes, street_tree, streets, 900.0)
    finess_numbers = _finess_numbers(rng, 2 * (1 + facility_site.size + pharmacy_commune.size))
    n_et = 1 + facility_site.size + pharmacy_commune.size
    et_numbers, ej_numbers = finess_numbers[:n_et], finess_numbers[n_et:]

    # Facilities table: hospital, MSP and centres (same point as the GP site), pharmacies.
    facility = pd.DataFrame({
        "nofinesset": et_numbers,
        "nofinessej": ej_numbers,
        "categetab": ["355"] + [{"msp": "603", "centre_sante": "124"}[k] for k in site_kind[facility_site]]
        + ["620"] * pharmacy_commune.size,
        "commune": np.r_[[prefecture], site_commune[facility_site], pharmacy_commune].astype(np.int64),
        "x": np.r_[hospital_xy[:, 0], site_xy[facility_site, 0], pharmacy_xy[:, 0]],
        "y": np.r_[hospital_xy[:, 1], site_xy[facility_site, 1], pharmacy_xy[:, 1]],
    })
    upper_names = np.array(upper_ascii(names), dtype=object)
    place = upper_names[facility["commune"].to_numpy()]
    pharmacy_owner = _surnames(rng, pharmacy_commune.size)
    short_name = np.r_[
        ["CH " + upper_names[prefecture]],
        [("MSP " if k == "msp" else "CENTRE DE SANTE ") + p for k, p in zip(site_kind[facility_site],
                                                                          place[1:1 + facility_site.size])],
        ["PHARMACIE " + o for o in pharmacy_owner],
    ]
    long_name = np.r_[
        ["CENTRE HOSPITALIER " + of_place(upper_names[prefecture])],
        [("MAISON DE SANTE PLURIPROFESSIONNELLE " if k == "msp" else "CENTRE DE SANTE MUNICIPAL ") + of_place(p)
         for k, p in zip(site_kind[facility_site], place[1:1 + facility_site.size])],
        ["PHARMACIE " + o + " " + p for o, p in zip(pharmacy_owner, place[1 + facility_site.size:])],
    ]
    facility["rs"] = [s[:38] for s in short_name]
    facility["rslongue"] = long_name
    site_finess = np.full(len(site_commune), "", dtype=object)
    site_finess[facility_site] = facility["nofinesset"].to_numpy()[1:1 + facility_site.size]
    site_finess_ej = np.full(len(site_commune), "", dtype=object)
    site_finess_ej[facility_site] = facility["nofinessej"].to_numpy()[1:1 + facility_site.size]

    # Site addresses (shared by everybody practising there).
    n_sites = len(site_commune)
    street_type = _STREET_TYPES[rng.integers(0, len(_STREET_TYPES), n_sites + len(facility))]
    street_label = _STREET_LABELS[rng.integers(0, _STREET_LABELS.size, n_sites + len(facility))]
    street_number = rng.integers(1, 46, n_sites + len(facility)).astype(str)
    facility["numvoie"] = street_number[n_sites:]
    facility["typvoie"] = street_type[n_sites:, 0]
    facility["voie"] = street_label[n_sites:]
    facility.loc[1:facility_site.size, ["numvoie", "typvoie", "voie"]] = np.column_stack([
        street_number[facility_site], street_type[facility_site, 0], street_label[facility_site]])

    # GP people.
    n_gp = gp_number.size
    people = _people(rng, n_gp + 12)  # the GPs, then 8 hospital doctors, 3 specialists, 1 GP with no commune
    gp_people = people.iloc[:n_gp].reset_index(drop=True)
    gp_sf = np.where(rng.random(n_gp) < 0.3, "SM53", "SM54")
    kind_of_line = site_kind[line_site]
    size_of_line = site_size[line_site]
    mode = np.where(kind_of_line == "centre_sante", "S", "L")
    mode = np.where((mode == "L") & (rng.random(mode.size) < 0.01), "B", mode)
    mode[rng.choice(np.flatnonzero(mode == "L"))] = "B"  # at least one bénévole line
    sector = np.select([kind_of_line == "centre_sante", size_of_line > 1], ["SA05", "SA08"], "SA07")
    practice = pd.DataFrame({
        "person": line_gp, "profession": "10", "sf": gp_sf[line_gp], "mode": mode, "sector": sector,
        "commune": site_commune[line_site], "finess": site_finess[line_site], "finess_ej": site_finess_ej[line_site],
        "structure": site_ids[line_site],
        "rs": _site_labels(site_kind[line_site], gp_people["nom"].to_numpy()[line_gp], upper_names[site_commune[
            line_site]]),
        "numvoie": street_number[line_site], "typvoie": street_type[line_site, 0],
        "libtypvoie": street_type[line_site, 1], "voie": street_label[line_site], "section": "",
    })

    # Hospital: 2 salaried GPs and 6 specialists; 3 liberal specialists in town; 1 GP with no known commune.
    hospital_people = np.arange(n_gp, n_gp + 8)
    hospital = pd.DataFrame({
        "person": hospital_people, "profession": "10",
        "sf": ["SM54", "SM53", "SM42", "SM42", "SM04", "SM40", "SM59", "SM59"], "mode": "S", "sector": "SA01",
        "commune": prefecture, "finess": et_numbers[0], "finess_ej": ej_numbers[0], "structure": f"F{et_numbers[0]}",
        "rs": facility["rslongue"].iloc[0], "numvoie": facility["numvoie"].iloc[0],
        "typvoie": facility["typvoie"].iloc[0],
        "libtypvoie": _STREET_TYPE_LABELS[facility["typvoie"].iloc[0]], "voie": facility["voie"].iloc[0],
        "section": "",
    })
    specialist_people = np.arange(n_gp + 8, n_gp + 11)
    specialist_street_number = rng.integers(1, 46, 3).astype(str)
    specialists = pd.DataFrame({
        "person": specialist_people, "profession": "10", "sf": ["SM04", "SM38", "SM15"], "mode": "L",
        "sector": "SA07", "commune": prefecture, "finess": "", "finess_ej": "",
        "structure": [f"R{DEPARTEMENT_CODE}9{k:011d}" for k in range(3)],
        "rs": ["CABINET DU DR " + s for s in people["nom"].to_numpy()[specialist_people]],
        "numvoie": specialist_street_number, "typvoie": "R", "libtypvoie": "Rue", "voie": "DE LA REPUBLIQUE",
        "section": "",
    })
    unknown_place = pd.DataFrame({
        "person": [n_gp + 11], "profession": "10", "sf": ["SM54"], "mode": "L", "sector": "SA07", "commune": [-1],
        "finess": "", "finess_ej": "", "structure": "", "rs": "", "numvoie": "", "typvoie": "", "libtypvoie": "",
        "voie": "", "section": "",
    })

    others = _other_professions(rng, communes, facility, pharmacy_commune, first_person=n_gp + 12)
    people = pd.concat([people, others["people"]], ignore_index=True)
    more = _midwives_and_physiotherapists(more_rng, communes, first_person=len(people), taken=people["id"])
    lines = pd.concat([practice, hospital, specialists, unknown_place, others["lines"], more["lines"]],
                      ignore_index=True)
    people = pd.concat([people, more["people"]], ignore_index=True)
    rpps = _rpps_frame(lines, people, communes, upper_names)

    # Activity of the GPs (not the hospital ones): a few with none, some under 250, some above 6,000.
    gp_ids = people["id"].to_numpy()[np.r_[np.arange(n_gp), [n_gp + 11]]]
    activity = _gp_activity(rng, gp_ids)

    structures, geolocation = _finess_frames(facility, codes, postal, upper_names)
    facilities = pd.DataFrame({
        "finess": facility["nofinesset"].to_numpy(), "categetab": facility["categetab"].to_numpy(),
        "rs": facility["rs"].to_numpy(),
        "geometry": shapely.points(facility[["x", "y"]].to_numpy()),
    })
    gp_at_site = np.bincount(line_site, minlength=n_sites)
    gp_sites = pd.DataFrame({
        "site_id": site_ids, "code_insee": codes[site_commune], "n_gp": gp_at_site.astype(np.int64),
        "kind": site_kind, "finess": np.where(site_finess == "", None, site_finess),
        "geometry": shapely.points(site_xy),
    })
    return {"rpps": rpps, "activity": activity, "finess_structures": structures, "finess_geolocation": geolocation,
            "facilities": facilities, "gp_sites": gp_sites}


def of_place(place):
    """French "of" before an upper-case place name: ``DE VALMONT``, ``D'AUBIGNAC``, ``DU MAS``, ``DES BOIS``."""
    if place.startswith("LE "):
        return "DU " + place[3:]
    if place.startswith("LES "):
        return "DES " + place[4:]
    if place[:1] in "AEIOUYH":
        return "D'" + place
    return "DE " + place


def _site_labels(kind, surname, place):
    """RPPS ``Raison sociale site``."""
    of = np.array([of_place(p) for p in place], dtype=object)
    return np.where(kind == "msp", "MAISON DE SANTE PLURIPROFESSIONNELLE " + of,
                    np.where(kind == "centre_sante", "CENTRE DE SANTE MUNICIPAL " + of,
                             "CABINET MEDICAL DU DR " + surname))


def _people(rng, count):
    """Fictional persons: RPPS number (11 digits, starting 10), civility, surname, first name."""
    numbers = np.sort(rng.choice(1_000_000_000, size=count, replace=False))
    identifier = [f"10{v:09d}" for v in rng.permutation(numbers)]
    female = rng.random(count) < 0.5
    return pd.DataFrame({
        "identifier": identifier,
        "id": ["8" + i for i in identifier],
        "civilite": np.where(female, "MME", "M"),
        "nom": _surnames(rng, count),
        "prenom": np.where(female, _FEMALE_FIRST_NAMES[rng.integers(0, _FEMALE_FIRST_NAMES.size, count)],
                           _MALE_FIRST_NAMES[rng.integers(0, _MALE_FIRST_NAMES.size, count)]),
    })


def _other_professions(rng, communes, facility, pharmacy_commune, first_person):
    """Pharmacists (at the pharmacies), dentists and nurses, to exercise the profession filters."""
    role = communes["role"].to_numpy()
    population = communes["population"].to_numpy()
    n_pharmacies = pharmacy_commune.size
    pharmacy_rows = np.arange(len(facility) - n_pharmacies, len(facility))
    pharmacists_per = rng.integers(1, 3, n_pharmacies)
    pharmacy_of_line = np.repeat(np.arange(n_pharmacies), pharmacists_per)
    row = pharmacy_rows[pharmacy_of_line]
    pharmacists = pd.DataFrame({
        "profession": "21", "sf": "", "mode": "L", "sector": "",
        "commune": facility["commune"].to_numpy()[row], "finess": facility["nofinesset"].to_numpy()[row],
        "finess_ej": facility["nofinessej"].to_numpy()[row], "structure": ["F" + f for f in
                                                                          facility["nofinesset"].to_numpy()[row]],
        "rs": facility["rslongue"].to_numpy()[row], "numvoie": facility["numvoie"].to_numpy()[row],
        "typvoie": facility["typvoie"].to_numpy()[row],
        "libtypvoie": [_STREET_TYPE_LABELS[t] for t in facility["typvoie"].to_numpy()[row]],
        "voie": facility["voie"].to_numpy()[row], "section": "A",
    })
    dentist_count = np.where(role >= BOURG, np.round(population / 2500.0), 0).astype(np.int64)
    nurse_count = np.where(role >= BOURG, np.round(population / 900.0),
                           (rng.random(len(role)) < 0.05).astype(np.int64)).astype(np.int64)
    dentist_commune = np.repeat(np.arange(len(role)), dentist_count)
    nurse_commune = np.repeat(np.arange(len(role)), nurse_count)
    commune = np.r_[dentist_commune, nurse_commune]
    count = commune.size
    street_type = _STREET_TYPES[rng.integers(0, len(_STREET_TYPES), count)]
    liberal = pd.DataFrame({
        "profession": np.r_[np.full(dentist_commune.size, "40"), np.full(nurse_commune.size, "60")], "sf": "",
        "mode": "L", "sector": np.where(rng.random(count) < 0.5, "SA07", "SA08"), "commune": commune,
        "finess": "", "finess_ej": "", "structure": [f"R{DEPARTEMENT_CODE}8{k:011d}" for k in range(count)],
        "rs": "", "numvoie": rng.integers(1, 46, count).astype(str), "typvoie": street_type[:, 0],
        "libtypvoie": street_type[:, 1], "voie": _STREET_LABELS[rng.integers(0, _STREET_LABELS.size, count)],
        "section": "",
    })
    lines = pd.concat([pharmacists, liberal], ignore_index=True)
    lines["rs"] = np.where(lines["rs"] == "", "CABINET", lines["rs"])
    people = _people(rng, len(lines))
    lines.insert(0, "person", np.arange(first_person, first_person + len(lines)))
    return {"lines": lines, "people": people}


def _midwives_and_physiotherapists(rng, communes, first_person, taken):
    """Liberal midwives (50; one per 4,000 inhabitants of bourgs and towns) and physiotherapists (70; one per
    1,100, and a few villages), for the DREES professions' presets; their RPPS ids avoid ``taken``."""
    role = communes["role"].to_numpy()
    population = communes["population"].to_numpy()
    midwives = np.where(role >= BOURG, np.round(population / 4000.0), 0).astype(np.int64)
    physios = np.where(role >= BOURG, np.round(population / 1100.0), rng.random(len(role)) < 0.04).astype(np.int64)
    commune = np.r_[np.repeat(np.arange(len(role)), midwives), np.repeat(np.arange(len(role)), physios)]
    count = commune.size
    street_type = _STREET_TYPES[rng.integers(0, len(_STREET_TYPES), count)]
    lines = pd.DataFrame({
        "person": np.arange(first_person, first_person + count),
        "profession": np.r_[np.full(midwives.sum(), "50"), np.full(physios.sum(), "70")], "sf": "", "mode": "L",
        "sector": np.where(rng.random(count) < 0.5, "SA07", "SA08"), "commune": commune, "finess": "",
        "finess_ej": "", "structure": [f"R{DEPARTEMENT_CODE}7{k:011d}" for k in range(count)], "rs": "CABINET",
        "numvoie": rng.integers(1, 46, count).astype(str), "typvoie": street_type[:, 0],
        "libtypvoie": street_type[:, 1], "voie": _STREET_LABELS[rng.integers(0, _STREET_LABELS.size, count)],
        "section": "",
    })
    people = _people(rng, count)
    while people["id"].isin(taken).any() or people["id"].duplicated().any():
        people = _people(rng, count)
    return {"lines": lines, "people": people}


def _rpps_frame(lines, people, communes, upper_names):
    """Practice lines -> the RPPS extraction columns (all text, empty string for missing)."""
    lines = lines.sort_values(["person", "commune"], kind="stable").reset_index(drop=True)
    person = people.iloc[lines["person"].to_numpy()].reset_index(drop=True)
    profession = lines["profession"].to_numpy()
    doctor = profession == "10"
    commune = lines["commune"].to_numpy()
    known = commune >= 0
    safe = np.where(known, commune, 0)
    codes = communes["code_insee"].to_numpy()
    postal = communes["code_postal"].to_numpy()
    sf = lines["sf"].to_numpy()
    empty = np.full(len(lines), "", dtype=object)

    def where_known(values):
        return np.where(known, values, "")

    columns = {
        "Type d'identifiant PP": np.full(len(lines), "8", dtype=object),
        "Identifiant PP": person["identifier"].to_numpy(),
        "Identification nationale PP": person["id"].to_numpy(),
        "Code civilité d'exercice": np.where(doctor, "DR", ""),
        "Libellé civilité d'exercice": np.where(doctor, "Docteur", ""),
        "Code civilité": person["civilite"].to_numpy(),
        "Libellé civilité": np.where(person["civilite"] == "MME", "Madame", "Monsieur"),
        "Nom d'exercice": person["nom"].to_numpy(),
        "Prénom d'exercice": person["prenom"].to_numpy(),
        "Code profession": profession,
        "Libellé profession": [_PROFESSION_LABELS[p] for p in profession],
        "Code catégorie professionnelle": np.full(len(lines), "C", dtype=object),
        "Libellé catégorie professionnelle": np.full(len(lines), "Civil", dtype=object),
        "Code type savoir-faire": np.where(sf != "", "S", ""),
        "Libellé type savoir-faire": np.where(sf != "", "Spécialité ordinale", ""),
        "Code savoir-faire": sf,
        "Libellé savoir-faire": [_SAVOIR_FAIRE_LABELS.get(s, "") for s in sf],
        "Code mode exercice": lines["mode"].to_numpy(),
        "Libellé mode exercice": [_MODE_LABELS[m] for m in lines["mode"]],
        "Numéro SIRET site": empty, "Numéro SIREN site": empty,
        "Numéro FINESS site": lines["finess"].to_numpy(),
        "Numéro FINESS établissement juridique": lines["finess_ej"].to_numpy(),
        "Identifiant technique de la structure": lines["structure"].to_numpy(),
        "Raison sociale site": lines["rs"].to_numpy(),
        "Enseigne commerciale site": empty,
        "Complément destinataire (coord. structure)": empty,
        "Complément point géographique (coord. structure)": empty,
        "Numéro Voie (coord. structure)": lines["numvoie"].to_numpy(),
        "Indice répétition voie (coord. structure)": empty,
        "Code type de voie (coord. structure)": lines["typvoie"].to_numpy(),
        "Libellé type de voie (coord. structure)": lines["libtypvoie"].to_numpy(),
        "Libellé Voie (coord. structure)": lines["voie"].to_numpy(),
        "Mention distribution (coord. structure)": empty,
        "Bureau cedex (coord. structure)": where_known(np.char.add(np.char.add(postal[safe].astype(str), " "),
                                                                   upper_names[safe].astype(str))),
        "Code postal (coord. structure)": where_known(postal[safe]),
        "Code commune (coord. structure)": where_known(codes[safe]),
        "Libellé commune (coord. structure)": where_known(upper_names[safe]),
        "Code pays (coord. structure)": where_known(np.full(len(lines), "99000", dtype=object)),
        "Libellé pays (coord. structure)": where_known(np.full(len(lines), "France", dtype=object)),
        "Téléphone (coord. structure)": empty, "Téléphone 2 (coord. structure)": empty,
        "Télécopie (coord. structure)": empty, "Adresse e-mail (coord. structure)": empty,
        "Code Département (structure)": where_known(np.full(len(lines), DEPARTEMENT_CODE, dtype=object)),
        "Libellé Département (structure)": where_known(np.full(len(lines), DEPARTEMENT_NAME, dtype=object)),
        "Ancien identifiant de la structure": empty,
        "Autorité d'enregistrement": [_AUTHORITY[p] for p in profession],
        "Code secteur d'activité": lines["sector"].to_numpy(),
        "Libellé secteur d'activité": [_SECTOR_LABELS.get(s, "") for s in lines["sector"]],
        "Code section tableau pharmaciens": lines["section"].to_numpy(),
        "Libellé section tableau pharmaciens": np.where(lines["section"] == "A", "Pharmacien titulaire d'officine",
                                                        ""),
        "Code rôle": empty, "Libellé rôle": empty, "Code genre activité": empty, "Libellé genre activité": empty,
    }
    frame = pd.DataFrame({name: columns[name] for name in RPPS_ACTIVITY_HEADER})
    return frame.astype(object).sort_values("Identification nationale PP", kind="stable").reset_index(drop=True)


def _gp_activity(rng, gp_ids):
    """Yearly consultations + visits per GP; ~6 % of GPs have no row (no activity data)."""
    count = len(gp_ids)
    band = rng.choice(4, size=count, p=[0.05, 0.2, 0.55, 0.2])
    band[:4] = [0, 1, 3, 2]  # every band present whatever the size
    actes = np.select([band == 0, band == 1, band == 2],
                      [rng.integers(20, 250, count), rng.integers(800, 3601, count), rng.integers(3601, 6001, count)],
                      rng.integers(6001, 9001, count))
    actes[4:7] = [3600, 6000, 251]  # band boundaries that the DREES rules treat as written
    age = np.clip(np.round(rng.normal(53.0, 10.0, count)), 30, 72).astype(np.int64)
    order = rng.permutation(count)
    actes, age = actes[order], age[order]
    missing = rng.random(count) < 0.06
    missing[rng.integers(0, count)] = True
    table = pd.DataFrame({"Identification nationale PP": gp_ids, "age": age, "actes": actes.astype(np.int64)})
    return table[~missing].sort_values("Identification nationale PP", kind="stable").reset_index(drop=True)


def _finess_frames(facility, codes, postal, upper_names):
    """The two sections of the FINESS extraction (``structureet`` and ``geolocalisation`` rows), all text."""
    count = len(facility)
    commune = facility["commune"].to_numpy()
    category = facility["categetab"].to_numpy()
    info = np.array([FINESS_CATEGORIES[c] for c in category], dtype=object)
    hospital = category == "355"
    empty = np.full(count, "", dtype=object)
    opened = np.where(hospital, "1972-01-01", np.where(category == "620", "1998-06-15", "2019-09-02"))
    structures = pd.DataFrame({
        "structureet": np.full(count, "structureet", dtype=object),
        "nofinesset": facility["nofinesset"].to_numpy(), "nofinessej": facility["nofinessej"].to_numpy(),
        "rs": facility["rs"].to_numpy(), "rslongue": facility["rslongue"].to_numpy(), "complrs": empty,
        "compldistrib": empty, "numvoie": facility["numvoie"].to_numpy(), "typvoie": facility["typvoie"].to_numpy(),
        "voie": facility["voie"].to_numpy(), "compvoie": empty, "lieuditbp": empty,
        "commune": [c[2:] for c in codes[commune]], "departement": np.full(count, DEPARTEMENT_CODE, dtype=object),
        "libdepartement": np.full(count, upper_ascii([DEPARTEMENT_NAME])[0].replace("-", " "), dtype=object),
        "ligneacheminement": [f"{p} {u}" for p, u in zip(postal[commune], upper_names[commune])],
        "telephone": empty, "telecopie": empty, "categetab": category, "libcategetab": info[:, 0],
        "categagretab": info[:, 1], "libcategagretab": info[:, 2], "siret": empty, "codeape": info[:, 3],
        "codemft": np.where(hospital, "03", ""),
        "libmft": np.where(hospital, "ARS établissements Publics de santé dotation globale", ""),
        "codesph": np.where(hospital, "1", ""), "libsph": np.where(hospital, "Etablissement public de santé", ""),
        "dateouv": opened, "dateautor": opened, "datemaj": np.full(count, "2026-10-01", dtype=object),
        "numuai": empty,
    }, columns=list(FINESS_STRUCTURE_COLUMNS)).astype(object)
    geolocation = pd.DataFrame({
        "geolocalisation": np.full(count, "geolocalisation", dtype=object),
        "nofinesset": facility["nofinesset"].to_numpy(),
        "coordxet": [f"{x:.1f}" for x in facility["x"]], "coordyet": [f"{y:.1f}" for y in facility["y"]],
        "sourcecoordet": np.full(count, FINESS_COORDINATE_SOURCE, dtype=object),
        "datemaj": np.full(count, "2026-10-01", dtype=object),
    }, columns=list(FINESS_GEOLOCATION_COLUMNS)).astype(object)
    return structures, geolocation


# ------------------------------------------------------------------------------------------------------------ ANCT


def _anct_zoning(rng, communes, towns, spacing):
    """ZRR-like class (C / P / N) and FRR flag (0/1): rural communes far from the towns, in contiguous patches."""
    centres = communes[["centre_x", "centre_y"]].to_numpy()
    role = communes["role"].to_numpy()
    distance_to_town = cKDTree(centres[role >= SOUS_PREFECTURE]).query(centres)[0]
    wave = rng.uniform(6.0, 12.0, 3) * spacing
    phase = rng.uniform(0.0, 2.0 * np.pi, 3)
    heading = rng.uniform(0.0, np.pi, 3)
    along = (centres - centres.mean(axis=0)) @ np.vstack([np.cos(heading), np.sin(heading)])
    patches = np.sin(2.0 * np.pi * along / wave + phase).sum(axis=1)
    score = distance_to_town / spacing + 1.2 * patches - 2.0 * (role >= BOURG)
    rank = np.argsort(np.argsort(score)) / len(score)
    zrr = np.where(rank >= 0.45, "C", np.where(rank >= 0.37, "P", "N")).astype(object)
    zrr[role >= SOUS_PREFECTURE] = "N"
    frr = ((rank >= 0.5) & (role < SOUS_PREFECTURE)).astype(np.int64)
    return pd.DataFrame({"CODGEO": communes["code_insee"].to_numpy(), "ZRR": zrr, "FRR": frr})
