"""Key figures, tables and texts of the territorial report (``medicaldeserts:councilreport``).

Pure numpy / pandas / shapely: no qgis, no Qt. Populations in inhabitants, APL in consultations per year per
standardised inhabitant, times in minutes. Counts of people under a threshold use the plain population; the mean
APL is weighted by the standardised population when given (DREES rule).

The report's texts are here, one dict per language (:data:`TEXTS`), and not in the Qt translation files: the
report's language is a parameter of the run (French by default), while ``tr()`` follows the language of the QGIS
interface. A council in France gets a French report from an English QGIS, and the other way round on request.
"""

from dataclasses import dataclass

import numpy as np
import pandas as pd
import shapely

LANGUAGES = ("fr", "en")
#: DREES thresholds of the APL to GPs: under 2.5 a priority zone (ZIP), 2.5 to 4 the vigilance band (ZAC).
APL_THRESHOLDS = (2.5, 4.0)
#: Bounds (minutes) of the classes of time to the nearest GP, as the plugin's styles draw them.
MINUTE_BOUNDS = (10.0, 20.0, 30.0, 45.0)
#: Beyond this time (minutes) to the nearest GP a commune counts as far in the key figures.
FAR_MINUTES = 20.0


def format_number(value, language, decimals=0):
    """``12345.6`` -> ``"12 346"`` (French: non-breaking space, decimal comma) or ``"12,346"`` (English);
    NaN -> an en dash."""
    if value is None or not np.isfinite(value):
        return "–"
    text = f"{value:,.{decimals}f}"
    if language == "fr":
        text = text.replace(",", "\u00a0").replace(".", ",")
    return text


MONTHS = {"fr": ("janvier", "février", "mars", "avril", "mai", "juin", "juillet", "août", "septembre", "octobre",
                  "novembre", "décembre"),
          "en": ("January", "February", "March", "April", "May", "June", "July", "August", "September", "October",
                 "November", "December")}


def format_date(date, language):
    """``date(2026, 12, 3)`` -> ``"3 décembre 2026"`` or ``"3 December 2026"``."""
    return f"{date.day} {MONTHS[language][date.month - 1]} {date.year}"


def format_share(fraction, language):
    """``0.0518`` -> ``"5,2 %"`` (French) or ``"5.2%"`` (English)."""
    if fraction is None or not np.isfinite(fraction):
        return "–"
    return format_number(100 * fraction, language, 1) + ("\u00a0%" if language == "fr" else "%")


def _numbers(name, values, n=None):
    array = np.asarray(values, dtype=np.float64).ravel()
    if n is not None and len(array) != n:
        raise ValueError(f"{name}: {len(array)} values for {n} communes.")
    return array


@dataclass
class KeyFigures:
    """The territory's figures: ``communes``, ``population``, people by APL class (``under_low`` < 2.5,
    ``vigilance`` 2.5–4, ``above_high`` ≥ 4, ``no_index`` without an APL), ``mean_apl`` (weighted by standardised
    population), and from the minutes (None without them): ``median_minutes`` (population-weighted),
    ``far`` (people more than :data:`FAR_MINUTES` away), ``unreachable`` (people reaching no GP)."""

    communes: int
    population: float
    under_low: float
    vigilance: float
    above_high: float
    no_index: float
    mean_apl: float
    median_minutes: float = None
    far: float = None
    unreachable: float = None

    def share(self, people):
        return people / self.population if self.population else float("nan")


def weighted_median(values, weights):
    """Median of ``values`` weighted by ``weights`` (NaN values left out); NaN when nothing is left."""
    keep = np.isfinite(values) & (weights > 0)
    if not keep.any():
        return float("nan")
    order = np.argsort(values[keep])
    cumulative = np.cumsum(weights[keep][order])
    return float(values[keep][order][np.searchsorted(cumulative, cumulative[-1] / 2)])


def key_figures(population, apl, standardised=None, minutes=None, thresholds=APL_THRESHOLDS):
    """:class:`KeyFigures` of communes with ``population`` (inhabitants), ``apl`` (NaN = no index),
    ``standardised`` population (weights of the mean APL; default the population) and ``minutes`` to the
    nearest GP (NaN = none reachable)."""
    population = _numbers("population", population)
    population = np.where(np.isfinite(population), population, 0.0)
    apl = _numbers("APL", apl, len(population))
    weights = population if standardised is None else np.nan_to_num(
        _numbers("standardised population", standardised, len(population)))
    low, high = thresholds
    known = np.isfinite(apl)
    weight_sum = weights[known].sum()
    figures = KeyFigures(
        communes=len(population), population=float(population.sum()),
        under_low=float(population[known & (apl < low)].sum()),
        vigilance=float(population[known & (apl >= low) & (apl < high)].sum()),
        above_high=float(population[known & (apl >= high)].sum()),
        no_index=float(population[~known].sum()),
        mean_apl=float((apl[known] * weights[known]).sum() / weight_sum) if weight_sum else float("nan"))
    if minutes is not None:
        minutes = _numbers("minutes", minutes, len(population))
        figures.median_minutes = weighted_median(minutes, population)
        figures.far = float(population[np.isfinite(minutes) & (minutes > FAR_MINUTES)].sum())
        figures.unreachable = float(population[~np.isfinite(minutes)].sum())
    return figures


def population_by_class(population, values, bounds):
    """Inhabitants in each class of ``values`` cut at ``bounds`` (``len(bounds) + 1`` classes, the lower bound
    of a class included), then those with no value (NaN), as an array of ``len(bounds) + 2``."""
    population = np.nan_to_num(_numbers("population", population))
    values = _numbers("values", values, len(population))
    known = np.isfinite(values)
    classes = np.searchsorted(np.asarray(bounds, dtype=float), values[known], side="right")
    counts = np.bincount(classes, population[known], minlength=len(bounds) + 1)
    return np.append(counts, population[~known].sum())


def cumulative_population(population, minutes):
    """(minutes sorted, share 0..1 of the territory's inhabitants within each) for the curve of population by
    time to the nearest GP; people reaching no GP never enter the curve, so it may end under 1."""
    population = np.nan_to_num(_numbers("population", population))
    minutes = _numbers("minutes", minutes, len(population))
    known = np.isfinite(minutes)
    order = np.argsort(minutes[known])
    total = population.sum()
    return minutes[known][order], np.cumsum(population[known][order]) / (total if total else 1.0)


def commune_table(names, population, apl, language, minutes=None, class_labels=None, class_code=None):
    """A table of the communes for :func:`most_underserved`: ``name``, ``population``, ``apl``, ``minutes`` (NaN
    without them) and ``label`` (the underserved class, from ``class_labels`` by ``class_code``, else the APL
    class, in ``language``)."""
    apl = _numbers("APL", apl)
    if class_code is not None and class_labels:
        labels = [class_labels.get(int(code), "") for code in class_code]
    else:
        bounds = np.searchsorted(np.asarray(APL_THRESHOLDS), apl, side="right")
        names_of_class = texts(language)["apl_classes"]
        labels = [names_of_class[b] if np.isfinite(value) else names_of_class[-1] for b, value in zip(bounds, apl)]
    return pd.DataFrame({"name": list(names), "population": _numbers("population", population, len(apl)),
                         "apl": apl, "minutes": np.full(len(apl), np.nan) if minutes is None
                         else _numbers("minutes", minutes, len(apl)), "label": labels})


def most_underserved(table, count=15):
    """The ``count`` communes of ``table`` (columns ``name``, ``population``, ``apl``, ``minutes``, ``class``)
    with the lowest APL (then the longest time), inhabited ones only."""
    inhabited = table[table["population"] > 0]
    return inhabited.sort_values(["apl", "minutes"], ascending=[True, False], na_position="last").head(count)


def names_at(points, polygons, names):
    """For every point (shapely), the name of the polygon that holds it (the nearest one when none does)."""
    points = np.asarray(points, dtype=object)
    if len(points) == 0:
        return []
    tree = shapely.STRtree(np.asarray(polygons, dtype=object))
    _, nearest = tree.query_nearest(points, all_matches=False)
    return [str(names[i]) for i in nearest]


@dataclass
class BeforeAfter:
    """What the suggested sites change: ``measure`` ("apl" or "minutes"), inhabitants ``before`` and ``after``
    on the wrong side of ``limit`` (under the APL threshold, or beyond the time)."""

    measure: str
    limit: float
    before: float
    after: float


def before_after(population, index_before=None, index_after=None, minutes_before=None, minutes_after=None,
                 apl_threshold=APL_THRESHOLDS[0], radius=FAR_MINUTES):
    """:class:`BeforeAfter` from the suggested sites' demand layer: people under ``apl_threshold`` when the APL
    before and after are known, else people beyond ``radius`` minutes (or reaching none); None without either."""
    population = np.nan_to_num(_numbers("population", population))
    if index_before is not None and index_after is not None and np.isfinite(_numbers("APL", index_after)).any():
        before, after = (_numbers("APL", values, len(population)) for values in (index_before, index_after))
        return BeforeAfter("apl", apl_threshold, float(population[before < apl_threshold].sum()),
                           float(population[after < apl_threshold].sum()))
    if minutes_before is not None and minutes_after is not None:
        before, after = (_numbers("minutes", values, len(population)) for values in (minutes_before, minutes_after))
        return BeforeAfter("minutes", radius, float(population[~(before <= radius)].sum()),
                           float(population[~(after <= radius)].sum()))
    return None


TEXTS = {
    "fr": {
        "title": "Diagnostic territorial d'accès aux soins",
        "subtitle": "Accès aux médecins généralistes",
        "made_on": "Établi le {date} avec l'extension QGIS Medical deserts",
        "key_figures": "Chiffres clés",
        "communes": "{count} communes, {people} habitants",
        "under_low": "{people} habitants ({share}) vivent dans une commune où l'APL est inférieure à 2,5 "
                     "consultations par an et par habitant (zone d'intervention prioritaire)",
        "vigilance": "{people} habitants ({share}) entre 2,5 et 4 (zone de vigilance)",
        "mean_apl": "APL moyenne du territoire : {value} consultations par an et par habitant standardisé",
        "median_minutes": "La moitié des habitants vit à moins de {value} min d'un médecin généraliste",
        "far": "{people} habitants ({share}) vivent à plus de {minutes} min d'un médecin généraliste",
        "unreachable": "{people} habitants n'atteignent aucun médecin généraliste par la route",
        "sites_change": "{count} sites proposés : {before} → {after} habitants {what}",
        "site_change": "1 site proposé : {before} → {after} habitants {what}",
        "what_apl": "sous une APL de {limit}",
        "what_minutes": "à plus de {limit} min",
        "sources": "Données utilisées",
        "source_line": "{layer} : {file}, fichier du {date}",
        "source_line_computed": "{layer} : résultat de cette exécution",
        "layers": {"INPUT": "Communes et APL", "NEAREST": "Temps au médecin le plus proche",
                   "CLASSES": "Classes des communes", "ZONES": "Zones sous-dotées", "SITES": "Sites proposés",
                   "SITES_DEMAND": "Communes avant / après les sites"},
        "apl_map": "Accessibilité potentielle localisée (APL) aux médecins généralistes",
        "apl_legend": "APL|(consultations par an et par habitant standardisé)",
        "apl_after_legend": "APL une fois les sites ouverts|(consultations par an et par habitant standardisé)",
        "apl_classes": ("moins de 2,5 (zone prioritaire)", "2,5 à 4 (vigilance)", "4 et plus", "pas d'APL"),
        "time_map": "Temps d'accès au médecin généraliste le plus proche",
        "time_legend": "Temps par la route (minutes)",
        "time_classes": ("moins de 10 min", "10 à 20 min", "20 à 30 min", "30 à 45 min", "45 min et plus",
                         "aucun médecin accessible"),
        "zones_map": "Zones sous-dotées et leur population",
        "zones_legend": "Classe de la commune",
        "zone_outline": "Zone (population en habitants)",
        "communes_layer": "Communes",
        "sites_map": "Sites proposés pour de nouveaux cabinets",
        "sites_legend": "Sites proposés (rang)",
        "site_label": "{rank}. {name}\n{gain}",
        "site_row": "{rank}. {name} : {gain} ({served} habitants rattachés)",
        "site_gain_apl": "Gain de chaque site : habitants qui passent au-dessus du seuil d'APL (ou gain d'APL)",
        "site_gain_minutes": "Gain de chaque site : habitants qu'il est seul à couvrir",
        "chart_apl": "Population par classe d'APL",
        "chart_apl_axis": "habitants",
        "chart_time": "Part cumulée de la population selon le temps d'accès",
        "chart_time_x": "minutes jusqu'au médecin généraliste le plus proche",
        "chart_time_y": "part des habitants (%)",
        "chart_sites": "Avant / après les sites proposés",
        "chart_before": "avant",
        "chart_after": "après",
        "no_charts": "Graphiques indisponibles (bibliothèque matplotlib absente) : les valeurs sont données "
                     "en tableau.",
        "class_header": ("Classe", "Habitants", "Part"),
        "table_title": "Les communes les moins bien dotées",
        "table_header": ("Commune", "Habitants", "APL", "Minutes", "Classe"),
        "method": "Méthode",
        "method_text": (
            "APL (accessibilité potentielle localisée, méthode DREES) : l'offre de chaque médecin généraliste "
            "(consultations et visites par an) est partagée entre les communes qu'il dessert, pondérées par leur "
            "population standardisée par âge, puis chaque commune additionne les parts des médecins qu'elle "
            "atteint. Pondération par le temps de trajet routier entre communes : 1 à moins de 10 min, 2/3 de 10 "
            "à 15 min, 1/3 de 15 à 20 min, 0 au-delà ; la commune elle-même à 0 min.\n"
            "Seuils : une APL inférieure à 2,5 consultations par an et par habitant signale une zone "
            "d'intervention prioritaire (ZIP), de 2,5 à 4 une zone de vigilance (ZAC). Les effectifs de "
            "population sous un seuil comptent les habitants ; les moyennes sont pondérées par la population "
            "standardisée.\n"
            "Temps d'accès : plus court trajet par la route depuis le centre de la commune jusqu'au cabinet le "
            "plus proche, à la vitesse de chaque classe de route.\n"
            "Zones : communes contiguës d'une même classe problématique. Sites proposés : choix exact (HiGHS) "
            "ou heuristique parmi les candidats ; le rang classe les sites par ce que chacun apporte."),
        "run": "Ce qui a été calculé",
        "apl_run": "APL : {method} ; poids selon le temps de trajet : {weights} ; offre : {supply} ; demande : "
                   "{demand} ; {same} ; {times}.",
        "apl_not_recorded": "APL : paramètres non enregistrés (couche des communes produite hors de l'extension).",
        "methods": {"apl": "méthode DREES", "2sfca": "2SFCA", "e2sfca": "E2SFCA", "3sfca": "3SFCA",
                    "gravity": "modèle gravitaire", "gaussian": "décroissance gaussienne"},
        "band": "{weight} jusqu'à {minutes} min",
        "beyond": "0 au-delà",
        "gravity": "temps puissance −{beta} jusqu'à {cutoff} min",
        "gaussian": "gaussienne de σ = {sigma} min jusqu'à {cutoff} min",
        "supply_field": "nombre de médecins du champ « {field} »",
        "supply_one": "un médecin par point d'offre",
        "activity_field": "activité du champ « {field} »",
        "activity_default": "5 400 consultations par médecin (valeur DREES par défaut)",
        "per_scale": "indice pour {scale} habitants",
        "standardised": "population standardisée par âge (poids DREES {year})",
        "not_standardised": "population non standardisée",
        "same_commune": "la commune elle-même à 0 min",
        "no_same_commune": "sans règle de la commune elle-même",
        "times_network": "temps par le réseau routier",
        "times_table": "temps d'une table de temps de trajet",
        "sites_run": "Sites proposés : {model}, {count} sites ; {settings} ; {solver}.",
        "sites_not_recorded": "Sites proposés : modèle et statut du solveur non enregistrés (couche produite "
                              "hors de l'extension).",
        "models": {"mclp": "couverture maximale (MCLP)", "p_median": "p-médiane", "p_center": "p-centre",
                   "lscp": "couverture totale (LSCP)", "apl_lift": "élévation de l'APL au seuil",
                   "apl_gain": "gain d'APL pondéré par la population"},
        "radius": "rayon de couverture {value} min",
        "max_time": "trajet le plus long considéré {value} min",
        "site_supply": "offre d'un nouveau site {value} consultations par an",
        "threshold": "seuil d'APL {value}",
        "solver_optimal": "résolu par HiGHS : optimum prouvé (écart {gap})",
        "solver_not_optimal": "HiGHS : optimum non prouvé dans la limite de {limit} s, écart {gap}",
        "solver_heuristic": "heuristique gloutonne avec échanges (optimum non prouvé)",
        "site_gain": {"mclp": "+{adds} hab. à ≤ {radius} min", "lscp": "+{adds} hab. à ≤ {radius} min",
                      "apl_lift": "+{adds} hab. à APL ≥ {threshold}", "apl_gain": "+{adds} APL × hab.",
                      "p_median": "−{adds} hab. × min", "p_center": "−{adds} min sur le plus long trajet",
                      None: "+{adds}"},
        "site_alone": "seul site accessible à certains habitants",
        "site_gain_known": "Gain de chaque site : ce que l'objectif perd sans lui, les autres sites restant ouverts",
        "licences": "Licences des données",
        "licences_text": (
            "Données publiques DREES (APL), INSEE (population), ANCT (zonages), Annuaire santé / RPPS et FINESS : "
            "Licence Ouverte Etalab 2.0 — réutilisation libre avec mention de la source et de la date.\n"
            "Réseau routier OpenStreetMap : © les contributeurs d'OpenStreetMap, Open Database License (ODbL) "
            "1.0.\n"
            "Limites communales : IGN Admin Express, Licence Ouverte Etalab 2.0."),
        "page": "Page {page} / {pages}",
        "scale": "km",
        "north": "N",
        "no_name": "commune {code}",
    },
    "en": {
        "title": "Territorial diagnosis of access to care",
        "subtitle": "Access to general practitioners",
        "made_on": "Made on {date} with the QGIS plugin Medical deserts",
        "key_figures": "Key figures",
        "communes": "{count} communes, {people} inhabitants",
        "under_low": "{people} inhabitants ({share}) live in a commune where the APL is under 2.5 consultations "
                     "per year per inhabitant (priority intervention zone)",
        "vigilance": "{people} inhabitants ({share}) between 2.5 and 4 (vigilance zone)",
        "mean_apl": "Mean APL of the territory: {value} consultations per year per standardised inhabitant",
        "median_minutes": "Half of the inhabitants live less than {value} min from a GP",
        "far": "{people} inhabitants ({share}) live more than {minutes} min from a GP",
        "unreachable": "{people} inhabitants reach no GP by road",
        "sites_change": "{count} suggested sites: {before} → {after} inhabitants {what}",
        "site_change": "1 suggested site: {before} → {after} inhabitants {what}",
        "what_apl": "under an APL of {limit}",
        "what_minutes": "more than {limit} min away",
        "sources": "Data used",
        "source_line": "{layer}: {file}, file of {date}",
        "source_line_computed": "{layer}: result of this run",
        "layers": {"INPUT": "Communes and APL", "NEAREST": "Time to the nearest GP",
                   "CLASSES": "Classes of the communes",
                   "ZONES": "Underserved zones", "SITES": "Suggested sites",
                   "SITES_DEMAND": "Communes before / after the sites"},
        "apl_map": "Local potential accessibility (APL) to general practitioners",
        "apl_legend": "APL|(consultations per year per standardised inhabitant)",
        "apl_after_legend": "APL once the sites are open|(consultations per year per standardised inhabitant)",
        "apl_classes": ("under 2.5 (priority zone)", "2.5 to 4 (vigilance)", "4 or more", "no APL"),
        "time_map": "Time to the nearest general practitioner",
        "time_legend": "Time by road (minutes)",
        "time_classes": ("under 10 min", "10 to 20 min", "20 to 30 min", "30 to 45 min", "45 min or more",
                         "no GP reachable"),
        "zones_map": "Underserved zones and their population",
        "zones_legend": "Class of the commune",
        "zone_outline": "Zone (population in inhabitants)",
        "communes_layer": "Communes",
        "sites_map": "Suggested sites for new practices",
        "sites_legend": "Suggested sites (rank)",
        "site_label": "{rank}. {name}\n{gain}",
        "site_row": "{rank}. {name}: {gain} ({served} inhabitants assigned)",
        "site_gain_apl": "Gain of each site: inhabitants lifted above the APL threshold (or APL gain)",
        "site_gain_minutes": "Gain of each site: inhabitants only it covers",
        "chart_apl": "Population by APL class",
        "chart_apl_axis": "inhabitants",
        "chart_time": "Cumulative share of the population by time to a GP",
        "chart_time_x": "minutes to the nearest GP",
        "chart_time_y": "share of the inhabitants (%)",
        "chart_sites": "Before / after the suggested sites",
        "chart_before": "before",
        "chart_after": "after",
        "no_charts": "Charts unavailable (the matplotlib library is missing): the values are given as tables.",
        "class_header": ("Class", "Inhabitants", "Share"),
        "table_title": "The least served communes",
        "table_header": ("Commune", "Inhabitants", "APL", "Minutes", "Class"),
        "method": "Method",
        "method_text": (
            "APL (local potential accessibility, DREES method): each GP's supply (consultations and visits per "
            "year) is shared among the communes it serves, weighted by their age-standardised population; each "
            "commune then adds up the shares of the GPs it reaches. Weight by road time between communes: 1 "
            "under 10 min, 2/3 from 10 to 15 min, 1/3 from 15 to 20 min, 0 beyond; the commune itself at 0 min.\n"
            "Thresholds: an APL under 2.5 consultations per year per inhabitant marks a priority intervention "
            "zone (ZIP), 2.5 to 4 a vigilance zone (ZAC). Counts of people under a threshold use the plain "
            "population; means are weighted by the standardised population.\n"
            "Time: shortest route by road from the commune's centre to the nearest practice, at each road "
            "class's speed.\n"
            "Zones: contiguous communes of one problem class. Suggested sites: exact choice (HiGHS) or heuristic "
            "among the candidates; the rank orders the sites by what each brings."),
        "run": "What was run",
        "apl_run": "APL: {method}; weights by travel time: {weights}; supply: {supply}; demand: {demand}; {same}; "
                   "{times}.",
        "apl_not_recorded": "APL: parameters not recorded (communes layer made outside the plugin).",
        "methods": {"apl": "DREES method", "2sfca": "2SFCA", "e2sfca": "E2SFCA", "3sfca": "3SFCA",
                    "gravity": "gravity model", "gaussian": "Gaussian decay"},
        "band": "{weight} up to {minutes} min",
        "beyond": "0 beyond",
        "gravity": "time to the power −{beta} up to {cutoff} min",
        "gaussian": "Gaussian of σ = {sigma} min up to {cutoff} min",
        "supply_field": "number of GPs of the field “{field}”",
        "supply_one": "one GP per supply point",
        "activity_field": "activity of the field “{field}”",
        "activity_default": "5,400 consultations per GP (DREES default)",
        "per_scale": "index per {scale} inhabitants",
        "standardised": "age-standardised population (DREES {year} weights)",
        "not_standardised": "population not standardised",
        "same_commune": "the commune itself at 0 min",
        "no_same_commune": "no same-commune rule",
        "times_network": "times over the road network",
        "times_table": "times from a travel-time table",
        "sites_run": "Suggested sites: {model}, {count} sites; {settings}; {solver}.",
        "sites_not_recorded": "Suggested sites: model and solver status not recorded (layer made outside the "
                              "plugin).",
        "models": {"mclp": "maximal covering (MCLP)", "p_median": "p-median", "p_center": "p-center",
                   "lscp": "set covering (LSCP)", "apl_lift": "APL lift to the threshold",
                   "apl_gain": "population-weighted APL gain"},
        "radius": "coverage radius {value} min",
        "max_time": "longest trip considered {value} min",
        "site_supply": "supply of a new site {value} consultations per year",
        "threshold": "APL threshold {value}",
        "solver_optimal": "solved by HiGHS: proven optimal (gap {gap})",
        "solver_not_optimal": "HiGHS: not proven optimal within {limit} s, gap {gap}",
        "solver_heuristic": "greedy heuristic with swaps (not proven optimal)",
        "site_gain": {"mclp": "+{adds} inh. within {radius} min", "lscp": "+{adds} inh. within {radius} min",
                      "apl_lift": "+{adds} inh. at APL ≥ {threshold}", "apl_gain": "+{adds} APL × inh.",
                      "p_median": "−{adds} inhabitant-minutes", "p_center": "−{adds} min on the longest trip",
                      None: "+{adds}"},
        "site_alone": "the only site some inhabitants reach",
        "site_gain_known": "Gain of each site: what the objective loses without it, the other sites kept open",
        "licences": "Data licences",
        "licences_text": (
            "Open data of DREES (APL), INSEE (population), ANCT (zonings), Annuaire santé / RPPS and FINESS: "
            "Licence Ouverte Etalab 2.0 — free reuse, citing the source and its date.\n"
            "OpenStreetMap roads: © OpenStreetMap contributors, Open Database License (ODbL) 1.0.\n"
            "Commune boundaries: IGN Admin Express, Licence Ouverte Etalab 2.0."),
        "page": "Page {page} / {pages}",
        "scale": "km",
        "north": "N",
        "no_name": "commune {code}",
    },
}


def texts(language):
    """The report's texts in ``language`` ("fr" or "en")."""
    if language not in TEXTS:
        raise ValueError(f"Report language {language!r}: choose one of {', '.join(LANGUAGES)}.")
    return TEXTS[language]


def key_figure_lines(figures, language, sites=None, site_count=0):
    """The key figures as sentences in ``language``, for the title page."""
    t = texts(language)
    number = lambda value: format_number(value, language)  # noqa: E731
    lines = [t["communes"].format(count=number(figures.communes), people=number(figures.population)),
             t["under_low"].format(people=number(figures.under_low), share=format_share(
                 figures.share(figures.under_low), language)),
             t["vigilance"].format(people=number(figures.vigilance), share=format_share(
                 figures.share(figures.vigilance), language)),
             t["mean_apl"].format(value=format_number(figures.mean_apl, language, 2))]
    if figures.median_minutes is not None:
        lines.append(t["median_minutes"].format(value=format_number(figures.median_minutes, language, 1)))
        lines.append(t["far"].format(people=number(figures.far), share=format_share(figures.share(figures.far),
                                                                                   language),
                                     minutes=format_number(FAR_MINUTES, language)))
        if figures.unreachable:
            lines.append(t["unreachable"].format(people=number(figures.unreachable)))
    if sites is not None:
        what = t["what_apl" if sites.measure == "apl" else "what_minutes"].format(
            limit=format_number(sites.limit, language, 1 if sites.measure == "apl" else 0))
        lines.append(t["site_change" if site_count == 1 else "sites_change"].format(
            count=site_count, before=number(sites.before), after=number(sites.after), what=what))
    return lines


def _decimal(text, language):
    """A number as the record of a run holds it (``"2.5"``) written in ``language`` (``"2,5"`` in French)."""
    return text.replace(".", ",") if language == "fr" else text


def site_gain(record, adds, language):
    """What a suggested site changes, ``adds`` (the loss of the objective without it; NaN: some inhabitants reach
    no other site) in the unit of the model of the sites' ``record`` (see :func:`apl_method_line`); a bare number
    when the model is not recorded."""
    t = texts(language)
    if not np.isfinite(adds):
        return t["site_alone"]
    model = record.get("model") if record.get("model") in t["site_gain"] else None
    return t["site_gain"][model].format(adds=format_number(adds, language, 1 if model == "p_center" else 0),
                                        radius=_decimal(record.get("radius_min", ""), language),
                                        threshold=_decimal(record.get("threshold", ""), language))


def apl_method_line(record, language):
    """The APL parameters actually used, from the record of the communes' layer (keys written by "Accessibility
    index": method, bands "minutes:weight,...", cutoff_min, beta, sigma_min, scale, supply_field, activity_field,
    age_weights, same_commune, times); says so when there is no record."""
    t = texts(language)
    if record.get("algorithm") != "accessibilityindex":
        return t["apl_not_recorded"]
    method = record.get("method", "")
    if record.get("bands"):
        bands = [band.split(":") for band in record["bands"].split(",")]
        weights = ", ".join(t["band"].format(weight=_decimal(f"{float(weight):.2g}", language),
                                             minutes=_decimal(minutes, language)) for minutes, weight in bands)
        weights += ", " + t["beyond"]
    elif method == "gravity":
        weights = t["gravity"].format(beta=_decimal(record.get("beta", ""), language),
                                      cutoff=_decimal(record.get("cutoff_min", ""), language))
    elif method == "gaussian":
        weights = t["gaussian"].format(sigma=_decimal(record.get("sigma_min", ""), language),
                                       cutoff=_decimal(record.get("cutoff_min", ""), language))
    else:
        weights = t["band"].format(weight="1", minutes=_decimal(record.get("cutoff_min", ""), language)) + ", " + \
            t["beyond"]
    supply = t["supply_field"].format(field=record["supply_field"]) if record.get("supply_field") \
        else t["supply_one"]
    if method == "apl":
        supply += ", " + (t["activity_field"].format(field=record["activity_field"]) if record.get("activity_field")
                          else t["activity_default"])
    elif record.get("scale"):
        supply += ", " + t["per_scale"].format(scale=format_number(float(record["scale"]), language))
    demand = t["standardised"].format(year=record["age_weights"]) if record.get("age_weights") \
        else t["not_standardised"]
    return t["apl_run"].format(
        method=t["methods"].get(method, method), weights=weights, supply=supply, demand=demand,
        same=t["same_commune" if record.get("same_commune") == "yes" else "no_same_commune"],
        times=t["times_table" if record.get("times") == "table" else "times_network"])


def sites_method_line(record, language, count):
    """The model, its settings and the solver's status (proven optimal or not, gap) of the ``count`` suggested
    sites, from their layer's record (keys written by "Suggest sites": model, radius_min, max_time_min,
    site_supply, threshold, solver, optimal, mip_gap, time_limit_s); says so when there is no record."""
    t = texts(language)
    if record.get("algorithm") != "suggestsites":
        return t["sites_not_recorded"]
    settings = [t[name].format(value=format_number(float(record[key]), language) if key == "site_supply"
                               else _decimal(record[key], language)) for name, key in (
        ("radius", "radius_min"), ("max_time", "max_time_min"), ("site_supply", "site_supply"),
        ("threshold", "threshold")) if record.get(key)]
    gap = float(record.get("mip_gap", "nan"))
    gap_text = _decimal(f"{100 * gap:.2g}", language) + ("\u00a0%" if language == "fr" else "%")
    if record.get("solver") != "milp":
        solver = t["solver_heuristic"]
    elif record.get("optimal") == "yes":
        solver = t["solver_optimal"].format(gap=gap_text)
    else:
        solver = t["solver_not_optimal"].format(gap=gap_text, limit=_decimal(record.get("time_limit_s", ""),
                                                                             language))
    model = record.get("model", "")
    return t["sites_run"].format(model=t["models"].get(model, model), count=count,
                                 settings="; ".join(settings) if language == "en" else " ; ".join(settings),
                                 solver=solver)
