<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="fr_FR">
  <context>
    <name>MedicalDeserts</name>
    <message>
      <source>Medical deserts — data</source>
      <translation>Déserts médicaux — données</translation>
    </message>
    <message>
      <source>The data catalogue (RPPS practitioners, FINESS facilities, INSEE population, ANCT territories, IGN communes) arrives in a later version.

The analyses are in the Processing toolbox under “Medical deserts”: travel-time matrix and nearest facility.</source>
      <translation>Le catalogue de données (praticiens RPPS, établissements FINESS, population INSEE, territoires ANCT, communes IGN) arrive dans une prochaine version.

Les analyses sont dans la boîte à outils Traitements, sous « Déserts médicaux » : matrice des temps de trajet et établissement le plus proche.</translation>
    </message>
    <message>
      <source>Medical deserts data panel</source>
      <translation>Panneau de données Déserts médicaux</translation>
    </message>
    <message>
      <source>Medical Deserts cannot start: libraries missing (see details).</source>
      <translation>Déserts médicaux ne peut pas démarrer : des bibliothèques manquent (voir le détail).</translation>
    </message>
    <message>
      <source>Medical Deserts cannot start until these libraries are installed:</source>
      <translation>Déserts médicaux ne peut pas démarrer tant que ces bibliothèques ne sont pas installées :</translation>
    </message>
    <message>
      <source>{module} {found} found, {minimum} or later needed: {how}</source>
      <translation>{module} {found} trouvé, {minimum} ou plus récent nécessaire : {how}</translation>
    </message>
    <message>
      <source>not</source>
      <translation>non</translation>
    </message>
    <message>
      <source>DREES APL (consultations per standardised inhabitant; 10/15/20 min decay)</source>
      <translation>APL de la DREES (consultations par habitant standardisé ; décroissance à 10/15/20 min)</translation>
    </message>
    <message>
      <source>2SFCA (everything within the cutoff counts fully)</source>
      <translation>2SFCA (tout ce qui est dans la limite compte pleinement)</translation>
    </message>
    <message>
      <source>E2SFCA (weights by time bands)</source>
      <translation>E2SFCA (poids par tranches de temps)</translation>
    </message>
    <message>
      <source>3SFCA (E2SFCA bands, demand shared among competing supply)</source>
      <translation>3SFCA (tranches E2SFCA, demande partagée entre offres concurrentes)</translation>
    </message>
    <message>
      <source>Gravity (power decay of time, within the cutoff)</source>
      <translation>Gravitaire (décroissance en puissance du temps, dans la limite)</translation>
    </message>
    <message>
      <source>Gaussian decay (within the cutoff)</source>
      <translation>Décroissance gaussienne (dans la limite)</translation>
    </message>
    <message>
      <source>Accessibility index (APL, 2SFCA, E2SFCA…)</source>
      <translation>Indice d’accessibilité (APL, 2SFCA, E2SFCA…)</translation>
    </message>
    <message>
      <source>Spatial accessibility of every demand unit (commune, grid cell) to supply (GPs, practices), by the two-step floating catchment family: each supply point's ratio of supply to the demand that reaches it, then each unit sums the ratios it reaches, both steps with the same time weights (Luo &amp; Qi).

DREES APL: supply = each GP's yearly consultations and visits (under 250 → 0, up to 3,600 → 3,600, over 6,000 → 6,000, unknown → 5,400) times the number of GPs; weights 1 under 10 min, 2/3 up to 15, 1/3 up to 20, 0 beyond; demand standardised by the 19 age groups with the DREES weights; a commune to its own GPs at 0 min when commune code fields are given. Output in consultations per year per standardised inhabitant; under 2.5 is a priority zone.

Other methods: supply = the count or FTE field (1 per feature without it); the index is supply per “scale” inhabitants (10,000 by default). Coverage is time ≤ cutoff, as PySAL access.

Times come from the road network, or from a travel-time table (output of “Travel-time matrix” or an INSEE Metric export) matched by the id fields, so the network is built once and reused.

Output fields: access_index, pop_std (standardised inhabitants), nearest_min (minutes to the nearest supply). The log gives the mean weighted by standardised population and the population under 2.5.</source>
      <translation>Accessibilité spatiale de chaque unité de demande (commune, carreau) à l’offre (médecins généralistes, cabinets), par la famille des aires flottantes à deux étapes : chaque point d’offre rapporte son offre à la demande qui l’atteint, puis chaque unité additionne les rapports qu’elle atteint, les deux étapes avec les mêmes poids de temps (Luo et Qi).

APL de la DREES : offre = consultations et visites annuelles de chaque médecin (moins de 250 → 0, jusqu’à 3 600 → 3 600, plus de 6 000 → 6 000, inconnue → 5 400) multipliées par le nombre de médecins ; poids 1 sous 10 min, 2/3 jusqu’à 15, 1/3 jusqu’à 20, 0 au-delà ; demande standardisée par les 19 tranches d’âge avec les poids de la DREES ; une commune à ses propres médecins à 0 min quand les champs de code commune sont donnés. Résultat en consultations par an et par habitant standardisé ; sous 2,5, c’est une zone prioritaire.

Autres méthodes : offre = le champ d’effectif ou d’ETP (1 par entité sans lui) ; l’indice est l’offre pour « échelle » habitants (10 000 par défaut). Couverture : temps ≤ limite, comme PySAL access.

Les temps viennent du réseau routier, ou d’une table de temps de trajet (sortie de « Matrice des temps de trajet » ou export INSEE Metric) appariée par les champs identifiants : le réseau est construit une fois et réutilisé.

Champs de sortie : access_index, pop_std (habitants standardisés), nearest_min (minutes jusqu’à l’offre la plus proche). Le journal donne la moyenne pondérée par la population standardisée et la population sous 2,5.</translation>
    </message>
    <message>
      <source>Time bands must have increasing upper bounds above 0 minutes.</source>
      <translation>Les tranches de temps doivent avoir des bornes supérieures croissantes, au-dessus de 0 minute.</translation>
    </message>
    <message>
      <source>Band weights must lie between 0 and 1.</source>
      <translation>Les poids des tranches doivent être compris entre 0 et 1.</translation>
    </message>
    <message>
      <source>travel-time table</source>
      <translation>table des temps de trajet</translation>
    </message>
    <message>
      <source>demand units</source>
      <translation>unités de demande</translation>
    </message>
    <message>
      <source>supply</source>
      <translation>offre</translation>
    </message>
    <message>
      <source>Demand units (e.g. communes, grid cells)</source>
      <translation>Unités de demande (communes, carreaux…)</translation>
    </message>
    <message>
      <source>Population field (inhabitants)</source>
      <translation>Champ de population (habitants)</translation>
    </message>
    <message>
      <source>19 age-group fields, &lt;5 to 90+ in order (standardised demand)</source>
      <translation>19 champs de tranches d’âge, de &lt;5 à 90+ dans l’ordre (demande standardisée)</translation>
    </message>
    <message>
      <source>DREES age weights</source>
      <translation>Poids par âge de la DREES</translation>
    </message>
    <message>
      <source>Demand commune code field (same commune = 0 min)</source>
      <translation>Champ code commune de la demande (même commune = 0 min)</translation>
    </message>
    <message>
      <source>Supply (e.g. GPs, GP practices)</source>
      <translation>Offre (médecins généralistes, cabinets…)</translation>
    </message>
    <message>
      <source>Supply count or FTE field (default: 1 per feature)</source>
      <translation>Champ d’effectif ou d’ETP de l’offre (par défaut : 1 par entité)</translation>
    </message>
    <message>
      <source>APL: consultations per year per GP (empty = 5,400)</source>
      <translation>APL : consultations par an et par médecin (vide = 5 400)</translation>
    </message>
    <message>
      <source>Supply commune code field (same commune = 0 min)</source>
      <translation>Champ code commune de l’offre (même commune = 0 min)</translation>
    </message>
    <message>
      <source>Method</source>
      <translation>Méthode</translation>
    </message>
    <message>
      <source>Cutoff (minutes; 2SFCA, gravity, Gaussian)</source>
      <translation>Limite (minutes ; 2SFCA, gravitaire, gaussienne)</translation>
    </message>
    <message>
      <source>Time bands, minutes:weight (E2SFCA, 3SFCA)</source>
      <translation>Tranches de temps, minutes:poids (E2SFCA, 3SFCA)</translation>
    </message>
    <message>
      <source>Travel-time table instead of the road network (optional)</source>
      <translation>Table des temps de trajet à la place du réseau routier (facultatif)</translation>
    </message>
    <message>
      <source>Demand identifier field (matches the table's origins)</source>
      <translation>Champ identifiant de la demande (apparié aux origines de la table)</translation>
    </message>
    <message>
      <source>Supply identifier field (matches the table's destinations)</source>
      <translation>Champ identifiant de l’offre (apparié aux destinations de la table)</translation>
    </message>
    <message>
      <source>Accessibility index</source>
      <translation>Indice d’accessibilité</translation>
    </message>
    <message>
      <source>Give a population field or the 19 age-group fields.</source>
      <translation>Indiquez un champ de population ou les 19 champs de tranches d’âge.</translation>
    </message>
    <message>
      <source>population</source>
      <translation>population</translation>
    </message>
    <message>
      <source>No age groups: every inhabitant weighs 1 (standardised population = population).</source>
      <translation>Pas de tranches d’âge : chaque habitant pèse 1 (population standardisée = population).</translation>
    </message>
    <message>
      <source>activity</source>
      <translation>activité</translation>
    </message>
    <message>
      <source>No row of the travel-time table matches the demand and supply identifiers: check the identifier fields.</source>
      <translation>Aucune ligne de la table des temps de trajet ne correspond aux identifiants de la demande et de l’offre : vérifiez les champs identifiants.</translation>
    </message>
    <message>
      <source>The cutoff must be more than 0 minutes.</source>
      <translation>La limite doit dépasser 0 minute.</translation>
    </message>
    <message>
      <source>The {label} field “{field}” has {count} negative value(s).</source>
      <translation>Le champ {label} « {field} » a {count} valeur(s) négative(s).</translation>
    </message>
    <message>
      <source>Gravity exponent β (weight = minutes^-β, from 1 min)</source>
      <translation>Exposant gravitaire β (poids = minutes^-β, à partir de 1 min)</translation>
    </message>
    <message>
      <source>Gaussian σ (minutes)</source>
      <translation>σ gaussien (minutes)</translation>
    </message>
    <message>
      <source>Index per how many inhabitants (not APL)</source>
      <translation>Indice pour combien d’habitants (hors APL)</translation>
    </message>
    <message>
      <source>Table: origin id field</source>
      <translation>Table : champ identifiant d’origine</translation>
    </message>
    <message>
      <source>Table: destination id field</source>
      <translation>Table : champ identifiant de destination</translation>
    </message>
    <message>
      <source>Table: minutes field</source>
      <translation>Table : champ des minutes</translation>
    </message>
    <message>
      <source>The Gaussian σ must be more than 0 minutes.</source>
      <translation>Le σ gaussien doit dépasser 0 minute.</translation>
    </message>
    <message>
      <source>Mean index weighted by standardised population: {mean:.3f} ({units} units, {inhabitants:,.0f} inhabitants).</source>
      <translation>Indice moyen pondéré par la population standardisée : {mean:.3f} ({units} unités, {inhabitants:,.0f} habitants).</translation>
    </message>
    <message>
      <source>Time bands must look like “10:1, 20:0.68, 30:0.22” (minutes:weight); “{item}” does not.</source>
      <translation>Les tranches de temps s’écrivent « 10:1, 20:0.68, 30:0.22 » (minutes:poids) ; « {item} » ne convient pas.</translation>
    </message>
    <message>
      <source>Give the 19 age-group fields (&lt;5, 5–9, … 85–89, 90+), not {count}.</source>
      <translation>Indiquez les 19 champs de tranches d’âge (&lt;5, 5–9, … 85–89, 90+), pas {count}.</translation>
    </message>
    <message>
      <source>age group</source>
      <translation>tranche d’âge</translation>
    </message>
    <message>
      <source>{count} row(s) of the travel-time table match no demand or supply identifier, or have no time: left out.</source>
      <translation>{count} ligne(s) de la table des temps de trajet ne correspondent à aucun identifiant de demande ou d’offre, ou n’ont pas de temps : écartées.</translation>
    </message>
    <message>
      <source>{people:,.0f} inhabitants ({share:.1%}) live where the APL is under 2.5 consultations per year.</source>
      <translation>{people:,.0f} habitants ({share:.1%}) vivent là où l’APL est inférieure à 2,5 consultations par an.</translation>
    </message>
    <message>
      <source>{count} supply point(s) reach no demand unit within the time limit: their supply counts for nobody.</source>
      <translation>{count} point(s) d’offre n’atteignent aucune unité de demande dans la limite de temps : leur offre ne compte pour personne.</translation>
    </message>
    <message>
      <source>{count} demand unit(s) reach no supply (index 0).</source>
      <translation>{count} unité(s) de demande n’atteignent aucune offre (indice 0).</translation>
    </message>
    <message>
      <source>The demand layer already has a field “{name}”: rename it first.</source>
      <translation>La couche de demande a déjà un champ « {name} » : renommez-le d’abord.</translation>
    </message>
    <message>
      <source>Access to care</source>
      <translation>Accès aux soins</translation>
    </message>
    <message>
      <source>Cancelled: nothing was written.</source>
      <translation>Annulé : rien n’a été écrit.</translation>
    </message>
    <message>
      <source>The working CRS is not valid: choose a projected CRS such as EPSG:2154.</source>
      <translation>Le SCR de travail n’est pas valide : choisissez un SCR projeté comme EPSG:2154.</translation>
    </message>
    <message>
      <source>The working CRS {crs} is geographic (degrees): choose a projected CRS in metres, such as EPSG:2154 (Lambert-93) for metropolitan France.</source>
      <translation>Le SCR de travail {crs} est géographique (degrés) : choisissez un SCR projeté en mètres, comme EPSG:2154 (Lambert-93) pour la France métropolitaine.</translation>
    </message>
    <message>
      <source>The {label} layer could not be opened.</source>
      <translation>La couche {label} n’a pas pu être ouverte.</translation>
    </message>
    <message>
      <source>{count} feature(s) of the {label} layer have no geometry (feature ids {ids}): fix or remove them.</source>
      <translation>{count} entité(s) de la couche {label} n’ont pas de géométrie (identifiants {ids}) : corrigez-les ou supprimez-les.</translation>
    </message>
    <message>
      <source>The {label} layer has no field “{field}” (its fields: {names}).</source>
      <translation>La couche {label} n’a pas de champ « {field} » (ses champs : {names}).</translation>
    </message>
    <message>
      <source>The {label} layer could not be reprojected to {crs}: {error}</source>
      <translation>La couche {label} n’a pas pu être reprojetée en {crs} : {error}</translation>
    </message>
    <message>
      <source>The {label} layer has no features.</source>
      <translation>La couche {label} n’a aucune entité.</translation>
    </message>
    <message>
      <source>The {label} layer could not be read.</source>
      <translation>La couche {label} n’a pas pu être lue.</translation>
    </message>
    <message>
      <source>Nearest facility</source>
      <translation>Établissement le plus proche</translation>
    </message>
    <message>
      <source>For each demand unit (commune, grid cell, address point): the travel time in minutes to the nearest facility (e.g. GP practice), that facility's identifier, and the number of facilities within N minutes.

Times go from the demand unit to the facility (one-way streets taken that way). The nearest facility is found for all units in a single multi-source search, so thousands of facilities cost no more than one. A unit with no facility within the search limit gets an empty time (never a made-up value).

Polygons start from a point on their surface or their centroid; the output keeps their shapes. Inputs in any CRS are reprojected to the working CRS (EPSG:2154 by default).

Output fields: nearest_min (minutes), nearest_id, n_within_N (count), access_m (metres from the unit to the road it starts on).</source>
      <translation>Pour chaque unité de demande (commune, carreau, point adresse) : le temps de trajet en minutes jusqu’à l’établissement le plus proche (par exemple un cabinet de médecine générale), l’identifiant de cet établissement et le nombre d’établissements à moins de N minutes.

Les temps vont de l’unité de demande vers l’établissement (sens uniques pris dans ce sens). L’établissement le plus proche est trouvé pour toutes les unités en une seule recherche multi-source : des milliers d’établissements ne coûtent pas plus qu’un seul. Une unité sans établissement dans la limite de recherche reçoit un temps vide (jamais une valeur inventée).

Les polygones partent d’un point sur leur surface ou de leur centroïde ; la sortie garde leur forme. Les entrées dans n’importe quel SCR sont reprojetées dans le SCR de travail (EPSG:2154 par défaut).

Champs de sortie : nearest_min (minutes), nearest_id, n_within_N (nombre), access_m (mètres de l’unité à la route où elle démarre).</translation>
    </message>
    <message>
      <source>facilities</source>
      <translation>établissements</translation>
    </message>
    <message>
      <source>Facilities (e.g. GP practices, MSP)</source>
      <translation>Établissements (cabinets de médecine générale, MSP…)</translation>
    </message>
    <message>
      <source>Facility identifier field (default: feature id)</source>
      <translation>Champ identifiant des établissements (par défaut : identifiant d’entité)</translation>
    </message>
    <message>
      <source>Search limit (minutes)</source>
      <translation>Limite de recherche (minutes)</translation>
    </message>
    <message>
      <source>Count facilities within (minutes)</source>
      <translation>Compter les établissements à moins de (minutes)</translation>
    </message>
    <message>
      <source>The search limit must be more than 0 minutes.</source>
      <translation>La limite de recherche doit dépasser 0 minute.</translation>
    </message>
    <message>
      <source>The counting time must be more than 0 minutes.</source>
      <translation>Le temps de comptage doit dépasser 0 minute.</translation>
    </message>
    <message>
      <source>{reached} of {total} demand units reach a facility; median {median:.1f} min, worst {worst:.1f} min; {none} have none within {within:g} min.</source>
      <translation>{reached} unités de demande sur {total} atteignent un établissement ; médiane {median:.1f} min, pire {worst:.1f} min ; {none} n’en ont aucun à moins de {within:g} min.</translation>
    </message>
    <message>
      <source>OpenStreetMap “highway”</source>
      <translation>OpenStreetMap « highway »</translation>
    </message>
    <message>
      <source>IGN BD TOPO “NATURE”</source>
      <translation>IGN BD TOPO « NATURE »</translation>
    </message>
    <message>
      <source>IGN ROUTE 500 “CLASS_ADM” (autoroute, nationale, départementale)</source>
      <translation>IGN ROUTE 500 « CLASS_ADM » (autoroute, nationale, départementale)</translation>
    </message>
    <message>
      <source>IGN ROUTE 500 “VOCATION”</source>
      <translation>IGN ROUTE 500 « VOCATION »</translation>
    </message>
    <message>
      <source>The default speed must be more than 0 km/h.</source>
      <translation>La vitesse par défaut doit dépasser 0 km/h.</translation>
    </message>
    <message>
      <source>road network</source>
      <translation>réseau routier</translation>
    </message>
    <message>
      <source>The access speed must be more than 0 km/h.</source>
      <translation>La vitesse d’accès doit dépasser 0 km/h.</translation>
    </message>
    <message>
      <source>Road network (lines; leave empty for straight-line distance)</source>
      <translation>Réseau routier (lignes ; vide pour la distance à vol d’oiseau)</translation>
    </message>
    <message>
      <source>Speed field (km/h)</source>
      <translation>Champ de vitesse (km/h)</translation>
    </message>
    <message>
      <source>Road class field (speed from the preset below)</source>
      <translation>Champ de classe de route (vitesse tirée du barème ci-dessous)</translation>
    </message>
    <message>
      <source>Speeds of road classes</source>
      <translation>Vitesses des classes de route</translation>
    </message>
    <message>
      <source>Default speed (km/h)</source>
      <translation>Vitesse par défaut (km/h)</translation>
    </message>
    <message>
      <source>One-way field</source>
      <translation>Champ de sens unique</translation>
    </message>
    <message>
      <source>The road network must be a line layer.</source>
      <translation>Le réseau routier doit être une couche de lignes.</translation>
    </message>
    <message>
      <source>The road network has no usable line.</source>
      <translation>Le réseau routier n’a aucune ligne utilisable.</translation>
    </message>
    <message>
      <source>The straight-line speed must be more than 0 km/h.</source>
      <translation>La vitesse à vol d’oiseau doit dépasser 0 km/h.</translation>
    </message>
    <message>
      <source>One-way values, in drawing direction (comma separated)</source>
      <translation>Valeurs de sens unique, dans le sens de numérisation (séparées par des virgules)</translation>
    </message>
    <message>
      <source>One-way values, against drawing direction (comma separated)</source>
      <translation>Valeurs de sens unique, contre le sens de numérisation (séparées par des virgules)</translation>
    </message>
    <message>
      <source>Topology tolerance: road vertices closer than this are joined (m)</source>
      <translation>Tolérance topologique : les sommets de routes plus proches que cela sont joints (m)</translation>
    </message>
    <message>
      <source>Farthest a place may be from a road (m; 0 = no limit)</source>
      <translation>Distance maximale entre un lieu et une route (m ; 0 = sans limite)</translation>
    </message>
    <message>
      <source>Speed from a place to its nearest road, straight line (km/h)</source>
      <translation>Vitesse d’un lieu à la route la plus proche, à vol d’oiseau (km/h)</translation>
    </message>
    <message>
      <source>Speed without a road network, straight line (km/h)</source>
      <translation>Vitesse sans réseau routier, à vol d’oiseau (km/h)</translation>
    </message>
    <message>
      <source>Detour factor without a road network (road distance / straight distance)</source>
      <translation>Coefficient de détour sans réseau routier (distance routière / distance à vol d’oiseau)</translation>
    </message>
    <message>
      <source>Working CRS, projected in metres (inputs are reprojected to it)</source>
      <translation>SCR de travail, projeté en mètres (les entrées y sont reprojetées)</translation>
    </message>
    <message>
      <source>Road network: {lines} lines, {nodes} nodes, {edges} directed edges, {parts} connected part(s).</source>
      <translation>Réseau routier : {lines} lignes, {nodes} nœuds, {edges} arcs orientés, {parts} partie(s) connexe(s).</translation>
    </message>
    <message>
      <source>The detour factor must be 1 or more.</source>
      <translation>Le coefficient de détour doit valoir au moins 1.</translation>
    </message>
    <message>
      <source>{count} road line(s) without geometry are left out.</source>
      <translation>{count} ligne(s) de route sans géométrie sont écartées.</translation>
    </message>
    <message>
      <source>No road network: straight-line distance × {detour} at {speed} km/h.</source>
      <translation>Pas de réseau routier : distance à vol d’oiseau × {detour} à {speed} km/h.</translation>
    </message>
    <message>
      <source>{count} road line(s) have a class the preset does not know: {speed} km/h used.</source>
      <translation>{count} ligne(s) de route ont une classe inconnue du barème : {speed} km/h utilisés.</translation>
    </message>
    <message>
      <source>{count} road line(s) cars cannot use (paths, cycle ways…) are left out.</source>
      <translation>{count} ligne(s) de route interdites aux voitures (chemins, pistes cyclables…) sont écartées.</translation>
    </message>
    <message>
      <source>{count} road line(s) have a speed of 0 km/h or less in “{field}” (feature ids {ids}): correct them, or empty the value to use the class or default speed.</source>
      <translation>{count} ligne(s) de route ont une vitesse nulle ou négative dans « {field} » (identifiants {ids}) : corrigez-les, ou videz la valeur pour utiliser la vitesse de la classe ou par défaut.</translation>
    </message>
    <message>
      <source>{count} {label} are farther from any road than the snap tolerance: they get no travel time.</source>
      <translation>{count} {label} sont plus loin de toute route que la tolérance d’accrochage : ils n’ont pas de temps de trajet.</translation>
    </message>
    <message>
      <source>{label}: distance to the road network median {median:.0f} m, max {max:.0f} m.</source>
      <translation>{label} : distance au réseau routier médiane {median:.0f} m, maximale {max:.0f} m.</translation>
    </message>
    <message>
      <source>Where a polygon (commune, cell) starts from</source>
      <translation>Point de départ d’un polygone (commune, carreau)</translation>
    </message>
    <message>
      <source>Point on surface (always inside)</source>
      <translation>Point sur la surface (toujours à l’intérieur)</translation>
    </message>
    <message>
      <source>Centroid</source>
      <translation>Centroïde</translation>
    </message>
    <message>
      <source>The {label} layer is reprojected from {source} to {target}.</source>
      <translation>La couche {label} est reprojetée de {source} en {target}.</translation>
    </message>
    <message>
      <source>Medical deserts</source>
      <translation>Déserts médicaux</translation>
    </message>
    <message>
      <source>Medical deserts: access to care in France</source>
      <translation>Déserts médicaux : l’accès aux soins en France</translation>
    </message>
    <message>
      <source>Travel-time matrix</source>
      <translation>Matrice des temps de trajet</translation>
    </message>
    <message>
      <source>Travel time in minutes from every origin to every destination reachable within the cutoff, over the road network (or in a straight line with a detour factor when no road layer is given).

Pairs beyond the cutoff, or that cannot be reached (roads not connected, place too far from any road), are simply absent: there is never a made-up value. With “k nearest”, each origin keeps only its k nearest destinations; “rank” is 1 for the nearest.

Polygons (communes, grid cells) start from a point on their surface or their centroid. A place joins the nearest road at its nearest point, through a straight access leg at the access speed. Inputs in any CRS are reprojected to the working CRS (EPSG:2154 by default).

Output: a table origin_id, destination_id, minutes, rank; optionally the same as straight lines, to draw. The table can be reused by the accessibility algorithms instead of the road network.</source>
      <translation>Temps de trajet en minutes de chaque origine vers chaque destination atteinte dans la limite, sur le réseau routier (ou à vol d’oiseau avec un coefficient de détour sans couche de routes).

Les paires au-delà de la limite, ou impossibles à relier (routes non connectées, lieu trop loin de toute route), sont simplement absentes : jamais de valeur inventée. Avec « k plus proches », chaque origine ne garde que ses k destinations les plus proches ; « rank » vaut 1 pour la plus proche.

Les polygones (communes, carreaux) partent d’un point sur leur surface ou de leur centroïde. Un lieu rejoint la route la plus proche en son point le plus proche, par un trajet d’accès en ligne droite à la vitesse d’accès. Les entrées dans n’importe quel SCR sont reprojetées dans le SCR de travail (EPSG:2154 par défaut).

Sortie : une table origin_id, destination_id, minutes, rank ; en option les mêmes paires en lignes droites, à dessiner. La table peut servir aux algorithmes d’accessibilité à la place du réseau routier.</translation>
    </message>
    <message>
      <source>origins</source>
      <translation>origines</translation>
    </message>
    <message>
      <source>destinations</source>
      <translation>destinations</translation>
    </message>
    <message>
      <source>Origins (e.g. communes, grid cells)</source>
      <translation>Origines (communes, carreaux…)</translation>
    </message>
    <message>
      <source>Origin identifier field (default: feature id)</source>
      <translation>Champ identifiant des origines (par défaut : identifiant d’entité)</translation>
    </message>
    <message>
      <source>Destinations (e.g. GP practices)</source>
      <translation>Destinations (cabinets de médecine générale…)</translation>
    </message>
    <message>
      <source>Destination identifier field (default: feature id)</source>
      <translation>Champ identifiant des destinations (par défaut : identifiant d’entité)</translation>
    </message>
    <message>
      <source>Cutoff (minutes)</source>
      <translation>Limite (minutes)</translation>
    </message>
    <message>
      <source>Keep only the k nearest destinations of each origin (0 = all)</source>
      <translation>Ne garder que les k destinations les plus proches de chaque origine (0 = toutes)</translation>
    </message>
    <message>
      <source>Travel-time table</source>
      <translation>Table des temps de trajet</translation>
    </message>
    <message>
      <source>Travel-time lines</source>
      <translation>Lignes des temps de trajet</translation>
    </message>
    <message>
      <source>{pairs} origin-destination pairs within {cutoff} min; {unreached} of {origins} origins reach no destination.</source>
      <translation>{pairs} paires origine-destination à moins de {cutoff} min ; {unreached} origines sur {origins} n’atteignent aucune destination.</translation>
    </message>
  </context>
</TS>
