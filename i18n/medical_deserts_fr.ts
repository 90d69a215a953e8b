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
      <source>demand units</source>
      <translation>unités de demande</translation>
    </message>
    <message>
      <source>facilities</source>
      <translation>établissements</translation>
    </message>
    <message>
      <source>Demand units (e.g. communes, grid cells)</source>
      <translation>Unités de demande (communes, carreaux…)</translation>
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
      <source>The demand layer already has a field “{name}”: rename it first.</source>
      <translation>La couche de demande a déjà un champ « {name} » : renommez-le d’abord.</translation>
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
      <source>The cutoff must be more than 0 minutes.</source>
      <translation>La limite doit dépasser 0 minute.</translation>
    </message>
    <message>
      <source>{pairs} origin-destination pairs within {cutoff} min; {unreached} of {origins} origins reach no destination.</source>
      <translation>{pairs} paires origine-destination à moins de {cutoff} min ; {unreached} origines sur {origins} n’atteignent aucune destination.</translation>
    </message>
  </context>
</TS>
