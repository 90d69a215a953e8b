"""Underserved units, contiguous underserved zones and Getis-Ord Gi* hot spots.

Pure numpy / scipy / pandas / shapely 2: no qgis, no Qt. Geometries must be in a projected CRS in metres
(EPSG:2154 for metropolitan France); every tolerance below is in metres and every time in minutes.

Class codes (:data:`CLASS_LABELS` gives the French and English labels)::

    -1  no data                    the rule needs a value that is missing (NaN index, or NaN minutes when
                                   unreachable units are not counted as isolated)
     0  served
     1  vigilance                  underserved <= index < vigilance (2.5 <= APL < 4: the band where ZAC, zones
                                   d'action complémentaire, are drawn); with rule "index_and_time" also a unit
                                   meeting only one of the two criteria
     2  underserved                index < underserved (APL < 2.5: a ZIP, zone d'intervention prioritaire, under
                                   the zoning rules)
     3  isolated                   minutes to the nearest GP > isolated_minutes (30); NaN minutes (no GP reachable)
                                   count as isolated unless ``unreachable_isolated=False``
     4  underserved and isolated

Aggregates follow DREES: the mean index of a zone is weighted by the *standardised* population, the counts of
people under a threshold use the *plain* population.
"""

from dataclasses import dataclass, field

import numpy as np
import pandas as pd
import shapely
from scipy import sparse
from scipy.sparse.csgraph import connected_components
from scipy.spatial import cKDTree
from scipy.stats import norm

NO_DATA, SERVED, VIGILANCE, UNDERSERVED, ISOLATED, UNDERSERVED_ISOLATED = -1, 0, 1, 2, 3, 4

CLASS_LABELS = {
    NO_DATA: ("Pas de donnée", "No data"),
    SERVED: ("Desservi", "Served"),
    VIGILANCE: (
        "Vigilance (zone d'action complémentaire, ZAC)",
        "Vigilance (complementary action zone, ZAC)",
    ),
    UNDERSERVED: (
        "Sous-doté (zone d'intervention prioritaire, ZIP)",
        "Underserved (priority intervention zone, ZIP)",
    ),
    ISOLATED: ("Isolé (médecin généraliste éloigné)", "Isolated (GP far away)"),
    UNDERSERVED_ISOLATED: ("Sous-doté et isolé", "Underserved and isolated"),
}
PROBLEM_CLASSES = (UNDERSERVED, ISOLATED, UNDERSERVED_ISOLATED)
RULES = ("index", "time", "index_or_time", "index_and_time")

# --------------------------------------------------------------------------------------------------------------
# Input checks
# --------------------------------------------------------------------------------------------------------------


def _numbers(name, values, n=None, allow_nan=True):
    """1-D float64 array; text that is not a number, or mismatched length -> ValueError. None/NaN -> NaN."""
    array = np.asarray(values)
    if array.dtype.kind in "OUS":
        series = pd.Series(array.ravel(), dtype=object)
        converted = pd.to_numeric(series, errors="coerce")
        bad = converted.isna() & series.notna()
        if bad.any():
            first = series[bad].iloc[0]
            raise ValueError(
                f"{name} must be numbers: {int(bad.sum())} value(s) are not, e.g. {first!r}"
                + (" (decimal comma?)" if isinstance(first, str) and "," in first else "")
            )
        array = converted.to_numpy(dtype=np.float64).reshape(array.shape)
    elif array.dtype.kind not in "biuf":
        raise ValueError(f"{name} must be numbers, got dtype {array.dtype}")
    array = array.astype(np.float64)
    if array.ndim != 1:
        raise ValueError(f"{name} must be one value per unit (1-D), got shape {array.shape}")
    if n is not None and len(array) != n:
        raise ValueError(f"{name} has {len(array)} values, expected {n} (one per unit)")
    if not allow_nan and np.isnan(array).any():
        raise ValueError(f"{name} contains {int(np.isnan(array).sum())} missing value(s)")
    if np.isinf(array).any():
        raise ValueError(f"{name} contains infinite values")
    return array


def _flags(name, values, n):
    array = np.asarray(values)
    if array.ndim != 1 or len(array) != n:
        raise ValueError(f"{name} must have one value per unit ({n}), got shape {array.shape}")
    if array.dtype.kind == "b":
        return array
    return _numbers(name, array, n, allow_nan=False) != 0


def _geometries(polygons):
    geoms = np.asarray(polygons, dtype=object)
    if geoms.ndim != 1:
        raise ValueError(f"polygons must be a 1-D sequence of shapely geometries, got shape {geoms.shape}")
    is_geom = shapely.is_geometry(geoms)
    bad = ~is_geom & pd.notna(geoms)
    if bad.any():
        raise ValueError(f"polygons must be shapely geometries: item {int(np.flatnonzero(bad)[0])} is not")
    return geoms


# --------------------------------------------------------------------------------------------------------------
# Classification
# --------------------------------------------------------------------------------------------------------------


def classify(
    index=None,
    minutes=None,
    *,
    rule=None,
    underserved=2.5,
    vigilance=4.0,
    isolated_minutes=30.0,
    unreachable_isolated=True,
):
    """Class code per unit (int8, see the module docstring).

    index: APL or any "more is better" index, NaN = no data. minutes: time to the nearest GP, NaN = none reachable.
    rule (None: "index_or_time" when both arrays are given, else the one given): "index" (index classes only),
    "time" (isolated or served), "index_or_time" (either criterion flags the unit: 2, 3 or 4; a unit that is
    neither and in the vigilance band is 1), "index_and_time" (only both together make a problem, class 4; one of
    the two, or the vigilance band, gives vigilance 1). Bounds: index < underserved, underserved <= index <
    vigilance, minutes > isolated_minutes (strict: exactly 30 min is not isolated).
    Missing values (three-valued logic): with "index_or_time" a unit known to be isolated is 3 even with no index
    and a unit known to be underserved is 2 even with unknown time; any other undecidable unit is -1.
    """
    if rule is None:
        rule = "index" if minutes is None else "time" if index is None else "index_or_time"
    if rule not in RULES:
        raise ValueError(f"unknown rule {rule!r}; expected one of {RULES}")
    if not (np.isfinite(underserved) and np.isfinite(vigilance) and underserved <= vigilance):
        raise ValueError(f"thresholds must satisfy underserved <= vigilance, got {underserved!r}, {vigilance!r}")
    if not (np.isfinite(isolated_minutes) and isolated_minutes >= 0):
        raise ValueError(f"isolated_minutes must be >= 0, got {isolated_minutes!r}")
    uses_index, uses_time = rule != "time", rule != "index"
    if uses_index and index is None:
        raise ValueError(f"rule {rule!r} needs the index")
    if uses_time and minutes is None:
        raise ValueError(f"rule {rule!r} needs the minutes to the nearest GP")
    n = None
    if index is not None:
        index = _numbers("index", index)
        n = len(index)
    if minutes is not None:
        minutes = _numbers("minutes", minutes, n)
        n = len(minutes)
        if (minutes < 0).any():
            raise ValueError("minutes must be >= 0")
    out = np.full(n, NO_DATA, dtype=np.int8)

    if uses_index:
        index_known = ~np.isnan(index)
        under = index_known & (index < underserved)
        band = index_known & (index >= underserved) & (index < vigilance)
    if uses_time:
        time_known = ~np.isnan(minutes) | unreachable_isolated
        isolated = np.where(np.isnan(minutes), unreachable_isolated, minutes > isolated_minutes)

    if rule == "index":
        out[index_known] = np.select([under, band], [UNDERSERVED, VIGILANCE], SERVED)[index_known]
    elif rule == "time":
        out[time_known] = np.where(isolated, ISOLATED, SERVED)[time_known]
    elif rule == "index_or_time":
        both = index_known & time_known
        conditions = [under & isolated, under, isolated, band]
        out[both] = np.select(conditions, [UNDERSERVED_ISOLATED, UNDERSERVED, ISOLATED, VIGILANCE], SERVED)[both]
        out[~index_known & time_known & isolated] = ISOLATED
        out[under & ~time_known] = UNDERSERVED
    else:  # index_and_time
        both = index_known & time_known
        out[both] = np.select(
            [under & isolated, under | isolated | band], [UNDERSERVED_ISOLATED, VIGILANCE], SERVED
        )[both]
    return out


def class_labels(codes, language="fr"):
    """Labels for an array of class codes, "fr" or "en"."""
    if language not in ("fr", "en"):
        raise ValueError(f"language must be 'fr' or 'en', got {language!r}")
    codes = np.asarray(codes, dtype=np.int64)
    keys = np.array(sorted(CLASS_LABELS))
    unknown = ~np.isin(codes, keys)
    if unknown.any():
        raise ValueError(f"unknown class code(s) {sorted(set(codes[unknown].tolist()))}")
    texts = np.array([CLASS_LABELS[k][language == "en"] for k in keys], dtype=object)
    return texts[np.searchsorted(keys, codes)]


# --------------------------------------------------------------------------------------------------------------
# Contiguity
# --------------------------------------------------------------------------------------------------------------


@dataclass
class Contiguity:
    """Symmetric 0/1 adjacency (CSR, no diagonal) and what was found on the way.

    repaired: indices of invalid polygons mended with ``shapely.make_valid``. empty: indices of missing or empty
    geometries (no neighbours). overlapping_pairs: (k, 2) array, i < j, of pairs whose interiors overlap by more
    than ``min_overlap_area`` m². islands: units with no neighbour.
    """

    matrix: sparse.csr_matrix
    rule: str
    tolerance: float
    repaired: np.ndarray = field(default_factory=lambda: np.empty(0, dtype=np.int64))
    empty: np.ndarray = field(default_factory=lambda: np.empty(0, dtype=np.int64))
    overlapping_pairs: np.ndarray = field(default_factory=lambda: np.empty((0, 2), dtype=np.int64))

    @property
    def n_overlapping_pairs(self):
        return len(self.overlapping_pairs)

    @property
    def islands(self):
        return np.flatnonzero(np.diff(self.matrix.indptr) == 0)

    def report(self):
        """Short English messages for the log (empty list when nothing to say)."""
        lines = []
        if len(self.repaired):
            first = self.repaired[:10].tolist()
            lines.append(f"{len(self.repaired)} invalid polygon(s) repaired with make_valid, e.g. units {first}")
        if len(self.empty):
            lines.append(f"{len(self.empty)} empty or missing geometry(ies), left without neighbours")
        if len(self.overlapping_pairs):
            lines.append(f"{len(self.overlapping_pairs)} pair(s) of polygons overlap (counted as neighbours)")
        return lines


def repair_polygons(polygons):
    """Valid polygonal geometries: invalid ones mended with ``make_valid`` (non-polygonal debris dropped).

    Returns ``(geometries, repaired_indices, empty_indices)``.
    """
    geoms = _geometries(polygons).copy()
    missing = pd.isna(geoms)
    geoms[missing] = shapely.Polygon()
    invalid = ~shapely.is_valid(geoms)
    repaired = np.flatnonzero(invalid)
    if len(repaired):
        fixed = shapely.make_valid(geoms[repaired])
        # make_valid may return a collection with lines/points: keep the polygonal parts only
        parts, owner = shapely.get_parts(fixed, return_index=True)
        parts, sub = shapely.get_parts(parts, return_index=True)  # multipolygons nested in a collection
        owner = owner[sub]
        polygonal = shapely.get_type_id(parts) == 3
        full = np.full(len(repaired), None, dtype=object)
        shapely.multipolygons(parts[polygonal], indices=owner[polygonal], out=full)
        full[pd.isna(full)] = shapely.Polygon()
        geoms[repaired] = full
    empty = np.flatnonzero(shapely.is_empty(geoms) | ~np.isin(shapely.get_type_id(geoms), (3, 6)))
    return geoms, repaired, empty


def _pairs(tree, geoms, predicate, **kwargs):
    left, right = tree.query(geoms, predicate=predicate, **kwargs)
    keep = left < right
    return left[keep], right[keep]


def _symmetric(i, j, n):
    data = np.ones(2 * len(i), dtype=np.int8)
    matrix = sparse.coo_matrix((data, (np.r_[i, j], np.r_[j, i])), shape=(n, n)).tocsr()
    matrix.data[:] = 1  # duplicates summed by tocsr
    return matrix


def contiguity(polygons, rule="queen", tolerance=0.0, min_shared_length=None, min_overlap_area=1.0):
    """Adjacency of polygons (metres).

    rule: "queen" (any shared point) or "rook" (a shared boundary of positive length). tolerance (m): polygons
    closer than this count as touching (slivers, gaps); queen uses ``dwithin``; rook measures the length of one
    boundary lying within ``tolerance`` of the other. min_shared_length (m): rook's "positive length"; default
    1e-6 m, plus 3 x tolerance (a corner touch measured with a tolerance t gives about 2 t). Overlapping pairs
    (interiors sharing more than ``min_overlap_area`` m²) are neighbours under both rules and are reported.
    """
    if rule not in ("queen", "rook"):
        raise ValueError(f"rule must be 'queen' or 'rook', got {rule!r}")
    if not (np.isfinite(tolerance) and tolerance >= 0):
        raise ValueError(f"tolerance must be >= 0 metres, got {tolerance!r}")
    if min_shared_length is None:
        min_shared_length = 1e-6 + 3.0 * tolerance
    geoms, repaired, empty = repair_polygons(polygons)
    n = len(geoms)
    tree = shapely.STRtree(geoms)

    # overlaps: intersecting pairs whose interiors meet (DE-9IM; the tree's "touches" is 4x slower)
    ii, ij = _pairs(tree, geoms, "intersects")
    cross = shapely.relate_pattern(geoms[ii], geoms[ij], "T********") if len(ii) else np.zeros(0, dtype=bool)
    oi, oj = ii[cross], ij[cross]
    area = shapely.area(shapely.intersection(geoms[oi], geoms[oj])) if len(oi) else np.empty(0)
    big = area > min_overlap_area
    overlapping = np.column_stack([oi[big], oj[big]]).astype(np.int64)

    if tolerance > 0:
        ci, cj = _pairs(tree, geoms, "dwithin", distance=tolerance)
    else:
        ci, cj = ii, ij
    if rule == "rook" and len(ci):
        boundaries = shapely.boundary(geoms)
        if tolerance > 0:
            near = shapely.buffer(boundaries, tolerance)
            shared = shapely.length(shapely.intersection(boundaries[ci], near[cj]))
        else:
            shared = shapely.length(shapely.intersection(boundaries[ci], boundaries[cj]))
        ckey = ci * n + cj
        keep = (shared > min_shared_length) | np.isin(ckey, overlapping[:, 0] * n + overlapping[:, 1])
        ci, cj = ci[keep], cj[keep]
    return Contiguity(_symmetric(ci, cj, n), rule, float(tolerance), repaired, empty, overlapping)


def _adjacency_matrix(adjacency, n=None):
    matrix = adjacency.matrix if isinstance(adjacency, Contiguity) else adjacency
    if not sparse.issparse(matrix):
        matrix = sparse.csr_matrix(np.asarray(matrix))
    matrix = sparse.csr_matrix(matrix)
    if matrix.shape[0] != matrix.shape[1]:
        raise ValueError(f"adjacency must be square, got {matrix.shape}")
    if n is not None and matrix.shape[0] != n:
        raise ValueError(f"adjacency is {matrix.shape[0]} x {matrix.shape[0]}, expected {n} units")
    return matrix


# --------------------------------------------------------------------------------------------------------------
# Zones
# --------------------------------------------------------------------------------------------------------------


@dataclass
class Zones:
    """Contiguous zones of problem units.

    unit_zone: zone id per unit, 0 = in no zone (not a problem class, or a dropped small zone). Zone ids are
    1..k by population, largest first (ties: the zone holding the lowest unit index first). table: one row per zone,
    index ``zone``. geometry: dissolved shapely geometry per zone (same order as ``table``), or None.
    """

    unit_zone: np.ndarray
    table: pd.DataFrame
    geometry: np.ndarray = None
    total_population: float = 0.0
    dropped_small: int = 0
    notes: list = field(default_factory=list)


def _group_sum(group, values, k):
    return np.bincount(group, weights=values, minlength=k)[:k]


def find_zones(
    classes,
    adjacency,
    population,
    *,
    index=None,
    standardised_population=None,
    minutes=None,
    zrr=None,
    qpv_population=None,
    qpv_fraction=None,
    polygons=None,
    problem_classes=PROBLEM_CLASSES,
    merge_problem_classes=False,
    min_population=0.0,
    drop_small=False,
    threshold=2.5,
):
    """Contiguous zones: connected components of the adjacency restricted to problem units.

    merge_problem_classes=False: only neighbours of the *same* class join (an underserved zone and an isolated zone
    side by side stay two zones); True: any two touching problem units join, whatever their class.
    Table columns: class_code (the class holding most of the zone's population; ties -> the higher code), classes
    ("2" or "2+4"), n_units, population (plain), standardised_population, population_below (plain inhabitants
    where index < threshold), mean_index (weighted by standardised population, DREES; plain population when none
    is given), worst_index (lowest), mean_minutes (plain-population-weighted over units with a finite time),
    unreachable_population, zrr_share and qpv_share (of the zone's plain population; NaN when not given),
    small (population < min_population). With ``drop_small`` small zones are removed before numbering.
    qpv_population: inhabitants living in a QPV per unit; or qpv_fraction: share (0-1) of each unit in a QPV
    (e.g. by area), applied to its population.
    """
    classes = _numbers("classes", classes, allow_nan=False).astype(np.int64)
    n = len(classes)
    matrix = _adjacency_matrix(adjacency, n)
    population = _numbers("population", population, n, allow_nan=False)
    if (population < 0).any():
        raise ValueError("population must be >= 0")
    notes = []
    if standardised_population is None:
        std_pop = population
        notes.append("no standardised population: the mean index is weighted by the plain population")
    else:
        std_pop = _numbers("standardised_population", standardised_population, n, allow_nan=False)
    index = np.full(n, np.nan) if index is None else _numbers("index", index, n)
    has_minutes = minutes is not None
    minutes = np.full(n, np.nan) if minutes is None else _numbers("minutes", minutes, n)
    zrr = None if zrr is None else _flags("zrr", zrr, n)
    if qpv_population is not None and qpv_fraction is not None:
        raise ValueError("give qpv_population or qpv_fraction, not both")
    qpv = None
    if qpv_population is not None:
        qpv = _numbers("qpv_population", qpv_population, n, allow_nan=False)
    elif qpv_fraction is not None:
        fraction = _numbers("qpv_fraction", qpv_fraction, n, allow_nan=False)
        if ((fraction < 0) | (fraction > 1)).any():
            raise ValueError("qpv_fraction must be between 0 and 1")
        qpv = fraction * population
    if qpv is not None and (qpv > population + 1e-9).any():
        raise ValueError("qpv population exceeds the unit population")
    problem_classes = np.asarray(list(problem_classes), dtype=np.int64)

    # components on the adjacency restricted to problem pairs (same class unless merged)
    problem = np.isin(classes, problem_classes)
    coo = matrix.tocoo()
    r, c = coo.row, coo.col
    keep = problem[r] & problem[c] & (r != c) & (coo.data != 0)
    if not merge_problem_classes:
        keep &= classes[r] == classes[c]
    restricted = sparse.csr_matrix((np.ones(keep.sum()), (r[keep], c[keep])), shape=(n, n))
    _, component = connected_components(restricted, directed=False)
    units = np.flatnonzero(problem)
    _, group = np.unique(component[units], return_inverse=True)  # 0..k-1 over problem units
    k = int(group.max()) + 1 if len(units) else 0

    pop = population[units]
    zone_pop = _group_sum(group, pop, k)
    small = zone_pop < min_population
    dropped = int(small.sum()) if drop_small else 0
    if drop_small and small.any():
        alive = ~small[group]
        units, group = units[alive], group[alive]
        _, group = np.unique(group, return_inverse=True)
        k = int(group.max()) + 1 if len(units) else 0
        pop = population[units]
        zone_pop = _group_sum(group, pop, k)
    first_unit = np.full(k, n, dtype=np.int64)
    np.minimum.at(first_unit, group, units)
    order = np.lexsort((first_unit, -zone_pop))  # population descending, stable by first unit
    rank = np.empty(k, dtype=np.int64)
    rank[order] = np.arange(k)
    group = rank[group]  # now 0 = most populated
    zone_pop = zone_pop[order]

    unit_zone = np.zeros(n, dtype=np.int64)
    unit_zone[units] = group + 1

    cls, idx, mins, spop = classes[units], index[units], minutes[units], std_pop[units]
    n_units = np.bincount(group, minlength=k)
    has_index = ~np.isnan(idx)
    w_sum = _group_sum(group, np.where(has_index, spop, 0.0), k)
    wi_sum = _group_sum(group, np.where(has_index, spop * np.nan_to_num(idx), 0.0), k)
    worst = np.full(k, np.inf)
    np.minimum.at(worst, group, np.where(has_index, idx, np.inf))
    has_time = np.isfinite(mins)
    t_w = _group_sum(group, np.where(has_time, pop, 0.0), k)
    t_wx = _group_sum(group, np.where(has_time, pop * np.nan_to_num(mins), 0.0), k)
    with np.errstate(invalid="ignore", divide="ignore"):
        mean_index = np.where(w_sum > 0, wi_sum / w_sum, np.nan)
        mean_minutes = np.where(t_w > 0, t_wx / t_w, np.nan)
        zrr_share = (
            np.full(k, np.nan) if zrr is None else _group_sum(group, np.where(zrr[units], pop, 0.0), k) / zone_pop
        )
        qpv_share = np.full(k, np.nan) if qpv is None else _group_sum(group, qpv[units], k) / zone_pop

    # class composition, vectorised on (zone, class) pairs
    codes = np.asarray(sorted(CLASS_LABELS))
    ci = np.searchsorted(codes, cls)
    by_class = np.zeros((k, len(codes)))
    np.add.at(by_class, (group, ci), pop)
    present = np.zeros((k, len(codes)), dtype=bool)
    present[group, ci] = True
    main = codes[len(codes) - 1 - np.argmax(by_class[:, ::-1], axis=1)] if k else np.empty(0, dtype=np.int64)
    text_codes = np.array([str(c) for c in codes], dtype=object)
    classes_text = ["+".join(text_codes[row]) for row in present]  # one join per zone (not per unit)

    table = pd.DataFrame(
        {
            "class_code": main.astype(np.int64),
            "classes": classes_text,
            "n_units": n_units,
            "population": zone_pop,
            "standardised_population": _group_sum(group, spop, k),
            "population_below": _group_sum(group, np.where(idx < threshold, pop, 0.0), k),
            "mean_index": mean_index,
            "worst_index": np.where(np.isinf(worst), np.nan, worst),
            "mean_minutes": mean_minutes,
            "unreachable_population": _group_sum(group, np.where(np.isnan(mins), pop, 0.0), k)
            if has_minutes
            else np.nan,
            "zrr_share": zrr_share,
            "qpv_share": qpv_share,
            "small": zone_pop < min_population,
        },
        index=pd.Index(np.arange(1, k + 1), name="zone"),
    )
    if np.isnan(index).all():
        table["population_below"] = np.nan

    geometry = None
    if polygons is not None:
        geoms, repaired, _ = repair_polygons(polygons)
        if len(geoms) != n:
            raise ValueError(f"polygons has {len(geoms)} items, expected {n}")
        if len(repaired):
            notes.append(f"{len(repaired)} invalid polygon(s) repaired with make_valid before dissolving")
        sort = np.argsort(group, kind="stable")
        collections = shapely.geometrycollections(geoms[units][sort], indices=group[sort])
        geometry = shapely.union_all(np.asarray(collections, dtype=object).reshape(-1, 1), axis=1)
    return Zones(unit_zone, table, geometry, float(population.sum()), dropped, notes)


def zone_summary(zones, language="en"):
    """One row per zone and a total row: units, population, population under the threshold (plain), share of
    the territory's population in percent. Columns are named in English or French."""
    t = zones.table
    total = zones.total_population
    rows = pd.DataFrame(
        {
            "zone": t.index.astype(str),
            "class": class_labels(t["class_code"].to_numpy(), language) if len(t) else [],
            "n_units": t["n_units"].to_numpy(),
            "population": t["population"].to_numpy(),
            "population_below": t["population_below"].to_numpy(),
        }
    )
    total_row = pd.DataFrame(
        {
            "zone": ["Total"],
            "class": [""],
            "n_units": [int(t["n_units"].sum())],
            "population": [float(t["population"].sum())],
            "population_below": [float(t["population_below"].sum(min_count=1))],
        }
    )
    out = pd.concat([rows, total_row], ignore_index=True)
    out["share_pct"] = 100.0 * out["population"] / total if total > 0 else np.nan
    if language == "fr":
        out = out.rename(
            columns={
                "class": "classe",
                "n_units": "communes",
                "population": "population",
                "population_below": "population_sous_seuil",
                "share_pct": "part_population_pct",
            }
        )
    return out


# --------------------------------------------------------------------------------------------------------------
# Getis-Ord Gi*
# --------------------------------------------------------------------------------------------------------------


def contiguity_weights(adjacency):
    """Binary Gi* weights from an adjacency: neighbours 1 and the unit itself 1 (Gi* includes i)."""
    coo = _adjacency_matrix(adjacency).tocoo()
    off = (coo.row != coo.col) & (coo.data != 0)
    return _with_self(coo.row[off], coo.col[off], coo.shape[0])


def _with_self(i, j, n):
    """Binary CSR with entries (i, j) (duplicates collapse to 1) plus the diagonal."""
    diag = np.arange(n)
    w = sparse.coo_matrix((np.ones(len(i) + n), (np.r_[i, diag], np.r_[j, diag])), shape=(n, n)).tocsr()
    w.data[:] = 1.0
    return w


def distance_band_weights(points, distance):
    """Binary Gi* weights: 1 for units whose centroids are within ``distance`` metres (inclusive), self included.

    points: (n, 2) coordinates, or shapely geometries (their centroids are used).
    """
    array = np.asarray(points)
    if array.dtype == object:
        xy = shapely.get_coordinates(shapely.centroid(_geometries(array)))
        if len(xy) != len(array):
            raise ValueError("every geometry needs a centroid (no empty geometry)")
    else:
        xy = np.asarray(array, dtype=np.float64)
    if xy.ndim != 2 or xy.shape[1] != 2 or not np.isfinite(xy).all():
        raise ValueError("points must be finite (n, 2) coordinates")
    if not (np.isfinite(distance) and distance >= 0):
        raise ValueError(f"distance must be >= 0 metres, got {distance!r}")
    n = len(xy)
    pairs = cKDTree(xy).query_pairs(distance, output_type="ndarray")
    return _with_self(np.r_[pairs[:, 0], pairs[:, 1]], np.r_[pairs[:, 1], pairs[:, 0]], n)


def benjamini_hochberg(p_values):
    """Benjamini-Hochberg adjusted p-values (step-up, monotone, capped at 1); NaN stays NaN and is not counted."""
    p = _numbers("p_values", p_values)
    out = np.full(len(p), np.nan)
    valid = np.flatnonzero(~np.isnan(p))
    m = len(valid)
    if m == 0:
        return out
    if ((p[valid] < 0) | (p[valid] > 1)).any():
        raise ValueError("p-values must be between 0 and 1")
    order = valid[np.argsort(p[valid], kind="stable")]
    scaled = p[order] * m / np.arange(1, m + 1)
    out[order] = np.minimum(np.minimum.accumulate(scaled[::-1])[::-1], 1.0)
    return out


def getis_ord_gi_star(values, weights, *, alpha=0.05, fdr=False):
    """Getis-Ord Gi* z-scores (Ord & Getis 1995) with two-sided normal p-values.

    Gi*_i = (Σ_j w_ij x_j − X̄ Σ_j w_ij) / (S √((n Σ_j w_ij² − (Σ_j w_ij)²) / (n − 1))), X̄ and S (ddof=0) over
    the n units with a value; weights must include i itself (see :func:`contiguity_weights`). Units with NaN
    values are left out of the computation (their rows and columns dropped) and get NaN / "no data".
    Columns: gi_star, p_value, p_adjusted (Benjamini-Hochberg when ``fdr``, else = p_value), category ("hot",
    "cold", "not significant", "no data") at ``alpha``; gi_bin -3..3 and confidence (-99, -95, -90, 0, 90, 95,
    99) as ArcGIS "Hot Spot Analysis" / PySAL report: ±3 = 99 % (p < 0.01), ±2 = 95 % (p < 0.05), ±1 = 90 %
    (p < 0.10), sign of the z-score, using the adjusted p-values when ``fdr``. For an access index (APL), a
    *cold* spot is a cluster of low access.
    """
    x = _numbers("values", values)
    n_all = len(x)
    w = _adjacency_matrix(weights, n_all).astype(np.float64)
    if not 0 < alpha < 1:
        raise ValueError(f"alpha must be between 0 and 1, got {alpha!r}")
    valid = ~np.isnan(x)
    keep = np.flatnonzero(valid)
    n = len(keep)
    z = np.full(n_all, np.nan)
    if n >= 2:
        wv = w[keep][:, keep]
        xv = x[keep]
        mean = xv.mean()
        s = np.sqrt((xv**2).mean() - mean**2)
        wi = np.asarray(wv.sum(axis=1)).ravel()
        s1 = np.asarray(wv.multiply(wv).sum(axis=1)).ravel()
        num = wv @ xv - mean * wi
        den = s * np.sqrt(np.maximum(n * s1 - wi**2, 0.0) / (n - 1))
        with np.errstate(invalid="ignore", divide="ignore"):
            # den = 0 only when a unit's neighbourhood is every unit: then num = 0 too, and z is taken as 0.
            z[keep] = np.where(den > 0, num / np.where(den > 0, den, 1.0), 0.0)
    p = 2.0 * norm.sf(np.abs(z))
    p_adj = benjamini_hochberg(p) if fdr else p
    sign = np.sign(z)
    significant = p_adj < alpha
    category = np.where(
        np.isnan(z), "no data", np.where(significant, np.where(sign > 0, "hot", "cold"), "not significant")
    )
    level = np.select([p_adj < 0.01, p_adj < 0.05, p_adj < 0.10], [3, 2, 1], 0)
    gi_bin = (level * np.nan_to_num(sign)).astype(np.int64)
    confidence = np.array([0, 90, 95, 99])[level] * np.nan_to_num(sign).astype(np.int64)
    return pd.DataFrame(
        {
            "gi_star": z,
            "p_value": p,
            "p_adjusted": p_adj,
            "category": category,
            "gi_bin": gi_bin,
            "confidence": confidence,
        }
    )
