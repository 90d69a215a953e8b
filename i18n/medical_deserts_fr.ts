<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="fr_FR">
  <context>
    <name>MedicalDeserts</name>
    <message>
      <source>Medical deserts</source>
      <translation>Déserts médicaux</translation>
    </message>
    <message>
      <source>No file to load.</source>
      <translation>Aucun fichier à charger.</translation>
    </message>
    <message>
      <source>the algorithm stopped without a message</source>
      <translation>l’algorithme s’est arrêté sans message</translation>
    </message>
    <message>
      <source>Medical deserts — data</source>
      <translation>Déserts médicaux — données</translation>
    </message>
    <message>
      <source>Filters</source>
      <translation>Filtres</translation>
    </message>
    <message>
      <source>e.g. 23, 87 (empty: all France)</source>
      <translation>ex. 23, 87 (vide : toute la France)</translation>
    </message>
    <message>
      <source>Départements</source>
      <translation>Départements</translation>
    </message>
    <message>
      <source>Also keep the communes of neighbouring départements within this distance of the départements above (flagged in_belt), so that the APL of border communes counts the GPs across the border. “Commune boundaries” downloads those neighbours too. 0: the départements alone.</source>
      <translation>Garder aussi les communes des départements voisins à moins de cette distance des départements ci-dessus (signalées par in_belt), pour que l’APL des communes frontalières compte les médecins de l’autre côté de la limite. « Contours des communes » télécharge aussi ces voisins. 0 : les départements seuls.</translation>
    </message>
    <message>
      <source>Border belt (km)</source>
      <translation>Bande limitrophe (km)</translation>
    </message>
    <message>
      <source>Profession</source>
      <translation>Profession</translation>
    </message>
    <message>
      <source>Savoir-faire codes, comma-separated (SM53, SM54...), or a preset.</source>
      <translation>Codes savoir-faire séparés par des virgules (SM53, SM54...), ou un préréglage.</translation>
    </message>
    <message>
      <source>Specialties</source>
      <translation>Spécialités</translation>
    </message>
    <message>
      <source>Activity modes</source>
      <translation>Modes d’exercice</translation>
    </message>
    <message>
      <source>Commune polygons used to place practitioners and population.</source>
      <translation>Polygones des communes pour placer les praticiens et la population.</translation>
    </message>
    <message>
      <source>Commune layer</source>
      <translation>Couche des communes</translation>
    </message>
    <message>
      <source>Field of the commune layer holding the INSEE commune code.</source>
      <translation>Champ de la couche des communes contenant le code commune Insee.</translation>
    </message>
    <message>
      <source>Code field</source>
      <translation>Champ du code</translation>
    </message>
    <message>
      <source>Download and load</source>
      <translation>Télécharger et charger</translation>
    </message>
    <message>
      <source>Load a local file…</source>
      <translation>Charger un fichier local…</translation>
    </message>
    <message>
      <source>Cancel</source>
      <translation>Annuler</translation>
    </message>
    <message>
      <source>From the data to the council's report</source>
      <translation>Des données au rapport pour l'assemblée</translation>
    </message>
    <message>
      <source>Whole chain to the report…</source>
      <translation>Chaîne complète jusqu'au rapport…</translation>
    </message>
    <message>
      <source>APL, underserved zones, new health centres and the report (PDF) in one run, from the commune layer above and the GP practices.</source>
      <translation>APL, zones sous-dotées, nouveaux centres de santé et rapport (PDF) en une exécution, à partir de la couche des communes ci-dessus et des cabinets de généralistes.</translation>
    </message>
    <message>
      <source>Report from the algorithms' outputs…</source>
      <translation>Rapport à partir des sorties des algorithmes…</translation>
    </message>
    <message>
      <source>The council's report (PDF) from the outputs of the accessibility index, underserved zones and suggested sites.</source>
      <translation>Le rapport pour l'assemblée (PDF) à partir des sorties de l'indice d'accessibilité, des zones sous-dotées et des sites proposés.</translation>
    </message>
    <message>
      <source>Download cache</source>
      <translation>Cache des téléchargements</translation>
    </message>
    <message>
      <source>Downloaded files are kept here and reused while recent.</source>
      <translation>Les fichiers téléchargés sont gardés ici et réutilisés tant qu’ils sont récents.</translation>
    </message>
    <message>
      <source>Ignore the cache</source>
      <translation>Ignorer le cache</translation>
    </message>
    <message>
      <source>Download again even if a recent copy is in the cache</source>
      <translation>Télécharger à nouveau même si une copie récente est dans le cache</translation>
    </message>
    <message>
      <source>Data files (*.gpkg *.geojson *.shp *.csv *.txt *.zip)</source>
      <translation>Fichiers de données (*.gpkg *.geojson *.shp *.csv *.txt *.zip)</translation>
    </message>
    <message>
      <source>Text, | separated (PS_LibreAcces_Personne_activite), or zip</source>
      <translation>Texte séparé par des | (PS_LibreAcces_Personne_activite), ou zip</translation>
    </message>
    <message>
      <source>CSV, ; separated, no header (structureet + geolocalisation sections)</source>
      <translation>CSV séparé par des ;, sans en-tête (sections structureet + geolocalisation)</translation>
    </message>
    <message>
      <source>zip (pop-sexe-age-quinquennal), or CSV prepared by commune</source>
      <translation>zip (pop-sexe-age-quinquennal), ou CSV préparé par commune</translation>
    </message>
    <message>
      <source>Shapefile (zip), GeoPackage, GeoJSON or table</source>
      <translation>Shapefile (zip), GeoPackage, GeoJSON ou table</translation>
    </message>
    <message>
      <source>GeoJSON, GeoPackage or Shapefile (zip)</source>
      <translation>GeoJSON, GeoPackage ou Shapefile (zip)</translation>
    </message>
    <message>
      <source>GeoPackage (or CSV / XLSX)</source>
      <translation>GeoPackage (ou CSV / XLSX)</translation>
    </message>
    <message>
      <source>OpenStreetMap PBF (.osm.pbf) or XML (.osm)</source>
      <translation>OpenStreetMap PBF (.osm.pbf) ou XML (.osm)</translation>
    </message>
    <message>
      <source>Shapefile (TRONCON_ROUTE.shp, unpacked from IGN's .7z), zip or GeoPackage</source>
      <translation>Shapefile (TRONCON_ROUTE.shp, extrait du .7z de l’IGN), zip ou GeoPackage</translation>
    </message>
    <message>
      <source>Shapefile (TRONCON_DE_ROUTE.shp, unpacked from IGN's .7z), zip or GeoPackage</source>
      <translation>Shapefile (TRONCON_DE_ROUTE.shp, extrait du .7z de l’IGN), zip ou GeoPackage</translation>
    </message>
    <message>
      <source>Choose the commune layer first (download “Commune boundaries” for the same départements, or load your own).</source>
      <translation>Choisissez d’abord la couche des communes (téléchargez « Contours des communes » pour les mêmes départements, ou chargez la vôtre).</translation>
    </message>
    <message>
      <source>{id} could not read {path}: {error}</source>
      <translation>{id} n’a pas pu lire {path} : {error}</translation>
    </message>
    <message>
      <source>Loaded: {names} ({counts} features).</source>
      <translation>Chargé : {names} ({counts} entités).</translation>
    </message>
    <message>
      <source>Import cancelled: no layer was added.</source>
      <translation>Import annulé : aucune couche n’a été ajoutée.</translation>
    </message>
    <message>
      <source>The panel cannot download this dataset: get it from its source page (see the description above) and use “Load a local file…”.</source>
      <translation>Le panneau ne peut pas télécharger ce jeu de données : le récupérer depuis sa page source (voir la description ci-dessus) et utiliser « Charger un fichier local… ».</translation>
    </message>
    <message>
      <source>Give one or more départements for this dataset (e.g. 23).</source>
      <translation>Indiquez un ou plusieurs départements pour ce jeu de données (ex. 23).</translation>
    </message>
    <message>
      <source>Download cancelled.</source>
      <translation>Téléchargement annulé.</translation>
    </message>
    <message>
      <source>You can download the file from the source page and use “Load a local file…”.</source>
      <translation>Vous pouvez télécharger le fichier depuis la page source et utiliser « Charger un fichier local… ».</translation>
    </message>
    <message>
      <source>Unknown département code(s): {codes}. Expected 01 to 95, 2A, 2B, 971 to 976.</source>
      <translation>Code(s) de département inconnu(s) : {codes}. Attendu : 01 à 95, 2A, 2B, 971 à 976.</translation>
    </message>
    <message>
      <source>Producer: {name}</source>
      <translation>Producteur : {name}</translation>
    </message>
    <message>
      <source>Format: {format}</source>
      <translation>Format : {format}</translation>
    </message>
    <message>
      <source>Licence: {licence}</source>
      <translation>Licence : {licence}</translation>
    </message>
    <message>
      <source>Cached copy reused for {days} days</source>
      <translation>Copie en cache réutilisée pendant {days} jours</translation>
    </message>
    <message>
      <source>Source page</source>
      <translation>Page source</translation>
    </message>
    <message>
      <source>All files (*)</source>
      <translation>Tous les fichiers (*)</translation>
    </message>
    <message>
      <source>Unexpected error while loading: {error}</source>
      <translation>Erreur inattendue pendant le chargement : {error}</translation>
    </message>
    <message>
      <source>Reading {file}…</source>
      <translation>Lecture de {file}…</translation>
    </message>
    <message>
      <source>Downloading {title}</source>
      <translation>Téléchargement : {title}</translation>
    </message>
    <message>
      <source>Downloading {title}…</source>
      <translation>Téléchargement : {title}…</translation>
    </message>
    <message>
      <source> + {km:g} km</source>
      <translation> + {km:g} km</translation>
    </message>
    <message>
      <source> + {codes} (belt {km:g} km)</source>
      <translation> + {codes} (bande de {km:g} km)</translation>
    </message>
    <message>
      <source>No data file found in {path}.</source>
      <translation>Aucun fichier de données trouvé dans {path}.</translation>
    </message>
    <message>
      <source>The layer made from {path} is not valid.</source>
      <translation>La couche faite à partir de {path} n’est pas valide.</translation>
    </message>
    <message>
      <source>The algorithm {id} needs: {names}.</source>
      <translation>L’algorithme {id} a besoin de : {names}.</translation>
    </message>
    <message>
      <source>The file {path} does not exist.</source>
      <translation>Le fichier {path} n’existe pas.</translation>
    </message>
    <message>
      <source>The Processing algorithm {id} is not available: is the Medical deserts provider enabled (Processing › Options › Providers)?</source>
      <translation>L’algorithme de traitement {id} n’est pas disponible : le fournisseur Déserts médicaux est-il activé (Traitement › Options › Fournisseurs) ?</translation>
    </message>
    <message>
      <source>{id} gave no layer for {path}.</source>
      <translation>{id} n’a produit aucune couche pour {path}.</translation>
    </message>
    <message>
      <source>Documentation</source>
      <translation>Documentation</translation>
    </message>
    <message>
      <source>Border belt of {km:g} km: the neighbouring départements {codes} are downloaded too.</source>
      <translation>Bande limitrophe de {km:g} km : les départements voisins {codes} sont téléchargés aussi.</translation>
    </message>
    <message>
      <source>Reused the copy downloaded on {date} (cache).</source>
      <translation>Copie téléchargée le {date} réutilisée (cache).</translation>
    </message>
    <message>
      <source>{path} could not be opened as a layer or table (unknown or damaged format).</source>
      <translation>{path} n’a pas pu être ouvert comme couche ou table (format inconnu ou fichier endommagé).</translation>
    </message>
    <message>
      <source>the server sent a web page instead of the data file</source>
      <translation>le serveur a envoyé une page web au lieu du fichier de données</translation>
    </message>
    <message>
      <source>the server name was not found (no internet connection, or a proxy is needed: QGIS Options › Network)</source>
      <translation>le nom du serveur est introuvable (pas de connexion internet, ou un proxy est nécessaire : Options de QGIS › Réseau)</translation>
    </message>
    <message>
      <source>the server refused the connection</source>
      <translation>le serveur a refusé la connexion</translation>
    </message>
    <message>
      <source>the server closed the connection before the end</source>
      <translation>le serveur a fermé la connexion avant la fin</translation>
    </message>
    <message>
      <source>the server did not answer in time</source>
      <translation>le serveur n’a pas répondu à temps</translation>
    </message>
    <message>
      <source>the secure connection failed (certificate problem)</source>
      <translation>la connexion sécurisée a échoué (problème de certificat)</translation>
    </message>
    <message>
      <source>the network connection was lost</source>
      <translation>la connexion réseau a été perdue</translation>
    </message>
    <message>
      <source>the proxy refused the connection (QGIS Options › Network)</source>
      <translation>le proxy a refusé la connexion (Options de QGIS › Réseau)</translation>
    </message>
    <message>
      <source>the proxy was not found (QGIS Options › Network)</source>
      <translation>le proxy est introuvable (Options de QGIS › Réseau)</translation>
    </message>
    <message>
      <source>the proxy asks for a password (QGIS Options › Network)</source>
      <translation>le proxy demande un mot de passe (Options de QGIS › Réseau)</translation>
    </message>
    <message>
      <source>the proxy did not answer in time</source>
      <translation>le proxy n’a pas répondu à temps</translation>
    </message>
    <message>
      <source>the request was stopped by the QGIS network timeout (QGIS Options › Network › Timeout)</source>
      <translation>la requête a été arrêtée par le délai réseau de QGIS (Options de QGIS › Réseau › Délai)</translation>
    </message>
    <message>
      <source>the server redirected to an insecure (http://) address</source>
      <translation>le serveur a redirigé vers une adresse non sécurisée (http://)</translation>
    </message>
    <message>
      <source>access refused</source>
      <translation>accès refusé</translation>
    </message>
    <message>
      <source>file not found: it may have moved, see the source page</source>
      <translation>fichier introuvable : il a peut-être été déplacé, voir la page source</translation>
    </message>
    <message>
      <source>file removed, see the source page</source>
      <translation>fichier supprimé, voir la page source</translation>
    </message>
    <message>
      <source>too many requests, try again later</source>
      <translation>trop de requêtes, réessayez plus tard</translation>
    </message>
    <message>
      <source>server error, try again later</source>
      <translation>erreur du serveur, réessayez plus tard</translation>
    </message>
    <message>
      <source>server unavailable, try again later</source>
      <translation>serveur indisponible, réessayez plus tard</translation>
    </message>
    <message>
      <source>the server did not answer in time, try again later</source>
      <translation>le serveur n’a pas répondu à temps, réessayez plus tard</translation>
    </message>
    <message>
      <source>Refused to download {url}: only secure https:// addresses are accepted.</source>
      <translation>Téléchargement de {url} refusé : seules les adresses sécurisées https:// sont acceptées.</translation>
    </message>
    <message>
      <source>it is not a JSON file</source>
      <translation>ce n’est pas un fichier JSON</translation>
    </message>
    <message>
      <source>network error: {detail}</source>
      <translation>erreur réseau : {detail}</translation>
    </message>
    <message>
      <source>it is not a {kind} file</source>
      <translation>ce n’est pas un fichier {kind}</translation>
    </message>
    <message>
      <source>it is not a text file (binary content)</source>
      <translation>ce n’est pas un fichier texte (contenu binaire)</translation>
    </message>
    <message>
      <source>The file received from {url} is not usable: {problem}.</source>
      <translation>Le fichier reçu de {url} est inutilisable : {problem}.</translation>
    </message>
    <message>
      <source>Download of {url} cancelled.</source>
      <translation>Téléchargement de {url} annulé.</translation>
    </message>
    <message>
      <source>Download of {url} failed: no data received for {seconds} s (the server or the network is too slow, or the connection was lost).</source>
      <translation>Échec du téléchargement de {url} : aucune donnée reçue pendant {seconds} s (serveur ou réseau trop lent, ou connexion perdue).</translation>
    </message>
    <message>
      <source>Download of {url} failed: the file could not be written in the cache folder ({error}).</source>
      <translation>Échec du téléchargement de {url} : le fichier n’a pas pu être écrit dans le dossier de cache ({error}).</translation>
    </message>
    <message>
      <source>Download of {url} stopped: the answer is larger than expected ({size}).</source>
      <translation>Téléchargement de {url} arrêté : la réponse est plus grande que prévu ({size}).</translation>
    </message>
    <message>
      <source>Download of {url} failed: the server answered {status} ({reason}).</source>
      <translation>Échec du téléchargement de {url} : le serveur a répondu {status} ({reason}).</translation>
    </message>
    <message>
      <source>Download of {url} is incomplete: {received} received of {expected} announced (the connection was cut). Nothing was kept; try again.</source>
      <translation>Téléchargement de {url} incomplet : {received} reçus sur {expected} annoncés (connexion coupée). Rien n’a été gardé ; réessayez.</translation>
    </message>
    <message>
      <source>Download of {url} failed: {reason}.</source>
      <translation>Échec du téléchargement de {url} : {reason}.</translation>
    </message>
    <message>
      <source>The answer of {url} is not the expected JSON document ({error}).</source>
      <translation>La réponse de {url} n’est pas le document JSON attendu ({error}).</translation>
    </message>
    <message>
      <source>The file received from {url} is too small ({size}) to be the expected data.</source>
      <translation>Le fichier reçu de {url} est trop petit ({size}) pour être les données attendues.</translation>
    </message>
    <message>
      <source>{error}: nothing was extracted.</source>
      <translation>{error} : rien n’a été extrait.</translation>
    </message>
    <message>
      <source>{path} is not a readable zip archive ({error}).</source>
      <translation>{path} n’est pas une archive zip lisible ({error}).</translation>
    </message>
    <message>
      <source>The archive {path} would expand to more than {size}: nothing was extracted.</source>
      <translation>L’archive {path} dépasserait {size} une fois décompressée : rien n’a été extrait.</translation>
    </message>
    <message>
      <source>The cached copy is damaged and was discarded: {error}</source>
      <translation>La copie en cache est endommagée et a été supprimée : {error}</translation>
    </message>
    <message>
      <source>The archive {path} holds an unsafe entry “{name}” (it would be written outside the folder): nothing was extracted.</source>
      <translation>L’archive {path} contient une entrée dangereuse « {name} » (elle serait écrite hors du dossier) : rien n’a été extrait.</translation>
    </message>
    <message>
      <source>The data.gouv.fr dataset {dataset} ({api}) has no file to download: {reason}.</source>
      <translation>Le jeu de données data.gouv.fr {dataset} ({api}) n’a aucun fichier à télécharger : {reason}.</translation>
    </message>
    <message>
      <source>Unexpected error while downloading: {error}</source>
      <translation>Erreur inattendue pendant le téléchargement : {error}</translation>
    </message>
    <message>
      <source>Installing the libraries Medical Deserts needs</source>
      <translation>Installation des bibliothèques nécessaires à Déserts médicaux</translation>
    </message>
    <message>
      <source>Installation cancelled.</source>
      <translation>Installation annulée.</translation>
    </message>
    <message>
      <source>Python: {python}</source>
      <translation>Python : {python}</translation>
    </message>
    <message>
      <source>Installation failed: {error}</source>
      <translation>Échec de l'installation : {error}</translation>
    </message>
    <message>
      <source>The Python {version} executable that QGIS runs was not found near {prefix}.</source>
      <translation>L'exécutable Python {version} qu'utilise QGIS est introuvable près de {prefix}.</translation>
    </message>
    <message>
      <source>pip is not installed for {python} (Debian, Ubuntu: apt install python3-pip).</source>
      <translation>pip n'est pas installé pour {python} (Debian, Ubuntu : apt install python3-pip).</translation>
    </message>
    <message>
      <source>The installed libraries do not import:</source>
      <translation>Les bibliothèques installées ne s'importent pas :</translation>
    </message>
    <message>
      <source>Still missing after installation: {modules}.</source>
      <translation>Toujours manquant après l'installation : {modules}.</translation>
    </message>
    <message>
      <source>Folder: {folder}</source>
      <translation>Dossier : {folder}</translation>
    </message>
    <message>
      <source>pip could not install {requirements}:</source>
      <translation>pip n'a pas pu installer {requirements} :</translation>
    </message>
    <message>
      <source>{libraries} installed for this QGIS profile: restart QGIS to start Medical Deserts.</source>
      <translation>{libraries} installé pour ce profil QGIS : redémarrez QGIS pour lancer Déserts médicaux.</translation>
    </message>
    <message>
      <source>&amp;Medical Deserts</source>
      <translation>&amp;Déserts médicaux</translation>
    </message>
    <message>
      <source>Medical deserts data panel</source>
      <translation>Panneau de données Déserts médicaux</translation>
    </message>
    <message>
      <source>Open the whole chain in the Model Designer…</source>
      <translation>Ouvrir la chaîne complète dans le modeleur graphique…</translation>
    </message>
    <message>
      <source>User guide</source>
      <translation>Guide d’utilisation</translation>
    </message>
    <message>
      <source>Install the missing libraries</source>
      <translation>Installer les bibliothèques manquantes</translation>
    </message>
    <message>
      <source>Medical Deserts cannot start until these libraries are installed:</source>
      <translation>Déserts médicaux ne peut pas démarrer tant que ces bibliothèques ne sont pas installées :</translation>
    </message>
    <message>
      <source>Installing the missing libraries…</source>
      <translation>Installation des bibliothèques manquantes…</translation>
    </message>
    <message>
      <source>Restart QGIS</source>
      <translation>Redémarrez QGIS</translation>
    </message>
    <message>
      <source>Installation failed</source>
      <translation>Échec de l'installation</translation>
    </message>
    <message>
      <source>{module} {found} found, {minimum} or later needed</source>
      <translation>{module} {found} trouvé, {minimum} ou plus récent nécessaire</translation>
    </message>
    <message>
      <source>Click "Install the missing libraries" (Plugins menu, Medical Deserts) to install them for this QGIS profile only, into {folder}; the README says how to do it by hand.</source>
      <translation>Cliquez sur « Installer les bibliothèques manquantes » (menu Extensions, Déserts médicaux) pour les installer pour ce seul profil QGIS, dans {folder} ; le README explique comment le faire à la main.</translation>
    </message>
    <message>
      <source>not</source>
      <translation>non</translation>
    </message>
    <message>
      <source> (or apt install {package})</source>
      <translation> (ou apt install {package})</translation>
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
      <source>General practitioners</source>
      <translation>Médecins généralistes</translation>
    </message>
    <message>
      <source>Nurses</source>
      <translation>Infirmiers</translation>
    </message>
    <message>
      <source>Physiotherapists</source>
      <translation>Masseurs-kinésithérapeutes</translation>
    </message>
    <message>
      <source>Midwives</source>
      <translation>Sages-femmes</translation>
    </message>
    <message>
      <source>Dentists</source>
      <translation>Chirurgiens-dentistes</translation>
    </message>
    <message>
      <source>General practitioners (consultations per standardised inhabitant)</source>
      <translation>Médecins généralistes (consultations par habitant standardisé)</translation>
    </message>
    <message>
      <source>Nurses (FTE per 100,000 standardised inhabitants)</source>
      <translation>Infirmiers (ETP pour 100 000 habitants standardisés)</translation>
    </message>
    <message>
      <source>Physiotherapists (FTE per 100,000 standardised inhabitants)</source>
      <translation>Masseurs-kinésithérapeutes (ETP pour 100 000 habitants standardisés)</translation>
    </message>
    <message>
      <source>Midwives (FTE per 100,000 women; demand: the female population)</source>
      <translation>Sages-femmes (ETP pour 100 000 femmes ; demande : la population féminine)</translation>
    </message>
    <message>
      <source>Dentists (FTE per 100,000 standardised inhabitants)</source>
      <translation>Chirurgiens-dentistes (ETP pour 100 000 habitants standardisés)</translation>
    </message>
    <message>
      <source>Accessibility index (APL, 2SFCA, E2SFCA…)</source>
      <translation>Indice d’accessibilité (APL, 2SFCA, E2SFCA…)</translation>
    </message>
    <message>
      <source>The DREES APL or a 2SFCA-family index of every commune or cell, with the minutes to the nearest GP.</source>
      <translation>L'APL de la DREES ou un indice de la famille 2SFCA pour chaque commune ou maille, avec les minutes jusqu'au généraliste le plus proche.</translation>
    </message>
    <message>
      <source>Spatial accessibility of every demand unit (commune, grid cell) to supply (GPs, practices), by the two-step floating catchment family: each supply point's ratio of supply to the demand that reaches it, then each unit sums the ratios it reaches, both steps with the same time weights (Luo &amp; Qi).

DREES APL: supply = each GP's yearly consultations and visits (under 250 → 0, up to 3,600 → 3,600, over 6,000 → 6,000, unknown → 5,400) times the number of GPs; weights 1 under 10 min, 2/3 up to 15, 1/3 up to 20, 0 beyond; demand standardised by the 19 age groups with the DREES weights; a commune to its own GPs at 0 min when commune code fields are given. Output in consultations per year per standardised inhabitant; under 2.5 is a priority zone.

Other DREES professions (nurses, physiotherapists, midwives, dentists): the supply is the count or FTE field (e.g. fte of “Import RPPS”), the same time bands, each inhabitant weighs 1 (DREES publishes no age weights for them; for midwives give the female population), the index in FTE per 100,000 standardised inhabitants.

Other methods: supply = the count or FTE field (1 per feature without it); the index is supply per “scale” inhabitants (10,000 by default). Coverage is time ≤ cutoff, as PySAL access.

Times come from the road network, or from a travel-time table (output of “Travel-time matrix” or an INSEE Metric export) matched by the id fields, so the network is built once and reused. With a table, the demand units and the supply may be tables without geometry (a CSV of communes with their code and population): the output is then a table too.

Output fields: access_index, pop_std (standardised inhabitants), nearest_min (minutes to the nearest supply). The log gives the mean weighted by standardised population and the population under 2.5.</source>
      <translation>Accessibilité spatiale de chaque unité de demande (commune, carreau) à l’offre (médecins généralistes, cabinets), par la famille des aires flottantes à deux étapes : chaque point d’offre rapporte son offre à la demande qui l’atteint, puis chaque unité additionne les rapports qu’elle atteint, les deux étapes avec les mêmes poids de temps (Luo et Qi).

APL de la DREES : offre = consultations et visites annuelles de chaque médecin (moins de 250 → 0, jusqu’à 3 600 → 3 600, plus de 6 000 → 6 000, inconnue → 5 400) multipliées par le nombre de médecins ; poids 1 sous 10 min, 2/3 jusqu’à 15, 1/3 jusqu’à 20, 0 au-delà ; demande standardisée par les 19 tranches d’âge avec les poids de la DREES ; une commune à ses propres médecins à 0 min quand les champs de code commune sont donnés. Résultat en consultations par an et par habitant standardisé ; sous 2,5, c’est une zone prioritaire.

Autres professions de la DREES (infirmiers, masseurs-kinésithérapeutes, sages-femmes, chirurgiens-dentistes) : l’offre est le champ d’effectif ou d’ETP (par exemple fte d’« Importer les praticiens du RPPS »), les mêmes tranches de temps, chaque habitant compte pour 1 (la DREES ne publie pas de poids par âge pour elles ; pour les sages-femmes, donnez la population féminine), l’indice en ETP pour 100 000 habitants standardisés.

Autres méthodes : offre = le champ d’effectif ou d’ETP (1 par entité sans lui) ; l’indice est l’offre pour « échelle » habitants (10 000 par défaut). Couverture : temps ≤ limite, comme PySAL access.

Les temps viennent du réseau routier, ou d’une table de temps de trajet (sortie de « Matrice des temps de trajet » ou export INSEE Metric) appariée par les champs identifiants : le réseau est construit une fois et réutilisé. Avec une table, les unités de demande et l’offre peuvent être des tables sans géométrie (un CSV des communes avec leur code et leur population) : la sortie est alors une table elle aussi.

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
      <source>demand units</source>
      <translation>unités de demande</translation>
    </message>
    <message>
      <source>supply</source>
      <translation>offre</translation>
    </message>
    <message>
      <source>published APL</source>
      <translation>APL publiée</translation>
    </message>
    <message>
      <source>each commune needs one published APL</source>
      <translation>chaque commune doit avoir une seule APL publiée</translation>
    </message>
    <message>
      <source>Demand</source>
      <translation>Demande</translation>
    </message>
    <message>
      <source>Empty: the sum of the age groups when they are given, else the field named like a population (population, pop, PMUN, P21_POP…), said in the log.</source>
      <translation>Vide : la somme des tranches d'âge quand elles sont données, sinon le champ nommé comme une population (population, pop, PMUN, P21_POP…), indiqué dans le journal.</translation>
    </message>
    <message>
      <source>They weigh the demand by the DREES consumption of care of each age. Or give their common prefix below.</source>
      <translation>Elles pondèrent la demande par la consommation de soins de chaque âge selon la DREES. Ou donnez leur préfixe commun ci-dessous.</translation>
    </message>
    <message>
      <source>Every field named the prefix then a number (pop_00_04, pop_05_09 … pop_90_plus for “pop_”, as “Import INSEE population” writes them), in the order of that number; pop_std is not one.</source>
      <translation>Chaque champ nommé par le préfixe suivi d'un nombre (pop_00_04, pop_05_09 … pop_90_plus pour « pop_ », tels que « Importer la population INSEE » les écrit), dans l'ordre de ce nombre ; pop_std n'en fait pas partie.</translation>
    </message>
    <message>
      <source>DREES age weights (with age groups)</source>
      <translation>Poids par âge de la DREES (avec les tranches d'âge)</translation>
    </message>
    <message>
      <source>Demand commune code field (same commune = 0 min)</source>
      <translation>Champ code commune de la demande (même commune = 0 min)</translation>
    </message>
    <message>
      <source>Supply</source>
      <translation>Offre</translation>
    </message>
    <message>
      <source>Supply count or FTE field (default: 1 per feature)</source>
      <translation>Champ d’effectif ou d’ETP de l’offre (par défaut : 1 par entité)</translation>
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
      <source>Demand identifier field (with a table: matches its origins)</source>
      <translation>Champ identifiant de la demande (avec une table : correspond à ses origines)</translation>
    </message>
    <message>
      <source>Supply identifier field (with a table: matches its destinations)</source>
      <translation>Champ identifiant de l'offre (avec une table : correspond à ses destinations)</translation>
    </message>
    <message>
      <source>Calibration on a published APL (optional)</source>
      <translation>Calage sur une APL publiée (facultatif)</translation>
    </message>
    <message>
      <source>Accessibility index</source>
      <translation>Indice d’accessibilité</translation>
    </message>
    <message>
      <source>Give the 19 age-group fields or their common prefix, not both.</source>
      <translation>Donnez les 19 champs de tranches d'âge ou leur préfixe commun, pas les deux.</translation>
    </message>
    <message>
      <source>The midwives' APL counts women: give the female population field (or the women's 19 age groups); the plain population would be taken otherwise.</source>
      <translation>L’APL aux sages-femmes compte les femmes : donnez le champ de la population féminine (ou les 19 tranches d’âge des femmes) ; sinon la population totale serait prise.</translation>
    </message>
    <message>
      <source>Population: the sum of the 19 age groups.</source>
      <translation>Population : la somme des 19 tranches d’âge.</translation>
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
      <source>DREES publishes no age weights for this profession: every inhabitant of the age groups weighs 1.</source>
      <translation>La DREES ne publie pas de poids par âge pour cette profession : chaque habitant des tranches d’âge compte pour 1.</translation>
    </message>
    <message>
      <source>activity</source>
      <translation>activité</translation>
    </message>
    <message>
      <source>demand</source>
      <translation>demande</translation>
    </message>
    <message>
      <source>The cutoff must be more than 0 minutes.</source>
      <translation>La limite doit dépasser 0 minute.</translation>
    </message>
    <message>
      <source>Calibration on a published APL needs the demand commune code field, and the code and APL fields of the published table.</source>
      <translation>Le calage sur une APL publiée demande le champ de code commune de la demande, et les champs de code et d'APL de la table publiée.</translation>
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
      <source>…or the prefix of the 19 age-group fields (e.g. pop_)</source>
      <translation>…ou le préfixe des 19 champs de tranches d'âge (p. ex. pop_)</translation>
    </message>
    <message>
      <source>Supply (e.g. GPs, GP practices)</source>
      <translation>Offre (médecins généralistes, cabinets…)</translation>
    </message>
    <message>
      <source>Consultations per year per GP field (APL of GPs only; empty = 5,400)</source>
      <translation>Champ des consultations par an et par médecin (APL des médecins généralistes seulement ; vide = 5 400)</translation>
    </message>
    <message>
      <source>The DREES preset: its time bands, demand, supply rule and unit. Midwives need the female population (or the women's 19 age groups); the consultations field applies to GPs only.</source>
      <translation>Le préréglage de la DREES : ses tranches de temps, sa demande, sa règle d’offre et son unité. Les sages-femmes demandent la population féminine (ou les 19 tranches d’âge des femmes) ; le champ des consultations ne vaut que pour les médecins généralistes.</translation>
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
      <source>Its commune code field</source>
      <translation>Son champ de code commune</translation>
    </message>
    <message>
      <source>Its APL field</source>
      <translation>Son champ d'APL</translation>
    </message>
    <message>
      <source>No index (no inhabitants)</source>
      <translation>Pas d’indice (aucun habitant)</translation>
    </message>
    <message>
      <source>The Gaussian σ must be more than 0 minutes.</source>
      <translation>Le σ gaussien doit dépasser 0 minute.</translation>
    </message>
    <message>
      <source>Calibration: the consultations per GP are multiplied by {factor:.4f}, so that the mean APL of the {units} communes of the published table is its {theirs:.3f} (it was {ours:.3f}).</source>
      <translation>Calage : les consultations par généraliste sont multipliées par {factor:.4f}, pour que l'APL moyenne des {units} communes de la table publiée soit la sienne, {theirs:.3f} (elle était de {ours:.3f}).</translation>
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
      <source>Profession (DREES APL)</source>
      <translation>Profession (APL de la DREES)</translation>
    </message>
    <message>
      <source>Gaussian σ (minutes; Gaussian)</source>
      <translation>σ gaussien (minutes ; gaussienne)</translation>
    </message>
    <message>
      <source>Index per how many inhabitants (all but APL)</source>
      <translation>Indice pour combien d'habitants (toutes sauf l'APL)</translation>
    </message>
    <message>
      <source>The consultations per GP are scaled so that the mean APL (weighted by the standardised population) of the communes found in this table equals its own: the ranking stays, the level meets DREES's. Needs the demand commune code field. The log gives the factor.</source>
      <translation>Les consultations par généraliste sont mises à l'échelle pour que l'APL moyenne (pondérée par la population standardisée) des communes trouvées dans cette table soit égale à la sienne : le classement reste, le niveau rejoint celui de la DREES. Demande le champ de code commune de la demande. Le journal donne le facteur.</translation>
    </message>
    <message>
      <source>Age groups: the fields {names}.</source>
      <translation>Tranches d'âge : les champs {names}.</translation>
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
      <source>The index is given per a number of inhabitants (scale) that must be more than 0; got {scale:g}.</source>
      <translation>L’indice est donné pour un nombre d’habitants (échelle) qui doit être supérieur à 0 ; reçu {scale:g}.</translation>
    </message>
    <message>
      <source>FTE per 100,000 standardised inhabitants</source>
      <translation>ETP pour 100 000 habitants standardisés</translation>
    </message>
    <message>
      <source>{people:,.0f} inhabitants ({share:.1%}) live where the APL is under {threshold:g} consultations per year.</source>
      <translation>{people:,.0f} habitants ({share:.1%}) vivent là où l’APL est inférieure à {threshold:g} consultations par an.</translation>
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
      <source>Gravity exponent β (weight = minutes^-β, from 1 min; gravity)</source>
      <translation>Exposant gravitaire β (poids = minutes^-β, à partir de 1 min ; gravitaire)</translation>
    </message>
    <message>
      <source>Published APL of the same year (e.g. the DREES APL file, by commune)</source>
      <translation>APL publiée de la même année (p. ex. le fichier APL de la DREES, par commune)</translation>
    </message>
    <message>
      <source>The demand layer already has a field “{name}”: rename it first.</source>
      <translation>La couche de demande a déjà un champ « {name} » : renommez-le d’abord.</translation>
    </message>
    <message>
      <source>per {scale:g} inhabitants</source>
      <translation>pour {scale:g} habitants</translation>
    </message>
    <message>
      <source>Access to care</source>
      <translation>Accès aux soins</translation>
    </message>
    <message>
      <source>Solver</source>
      <translation>Solveur</translation>
    </message>
    <message>
      <source>Relative optimality gap accepted</source>
      <translation>Écart relatif à l’optimum accepté</translation>
    </message>
    <message>
      <source>Solver time limit (seconds)</source>
      <translation>Limite de temps du solveur (secondes)</translation>
    </message>
    <message>
      <source>Cancelled: nothing was written.</source>
      <translation>Annulé : rien n’a été écrit.</translation>
    </message>
    <message>
      <source>The plugin's dialog could not be built ({error}); QGIS's is used.</source>
      <translation>La boîte de dialogue de l'extension n'a pas pu être construite ({error}) ; celle de QGIS est utilisée.</translation>
    </message>
    <message>
      <source>Catchment areas (isochrones)</source>
      <translation>Zones de chalandise (isochrones)</translation>
    </message>
    <message>
      <source>10/15/20/30-minute catchment areas of health facilities over the road network, with the population inside.</source>
      <translation>Aires de desserte à 10/15/20/30 minutes des établissements de santé par la route, avec la population qu'elles contiennent.</translation>
    </message>
    <message>
      <source>Polygons of the area reached from (or reaching) each health facility within each time band, e.g. 10, 15, 20 and 30 minutes, over the road network, and the population living inside.

How the polygons are drawn. Road corridors (default): every road reached within the band is kept up to the exact point where the time runs out (the last road piece is cut by interpolation along it), then buffered by the corridor half-width and dissolved. The polygon follows the roads and never covers a valley that no road reaches in time; blocks between roads wider than twice the width stay as holes. Concave hull: a smoother envelope of the same reached points (concave ratio: 0 tightest, 1 convex hull); lighter to draw, but it may cover land between roads that is not reached.

Overlap modes. Overlap: one polygon per facility and band (neighbours' polygons overlap). Dissolve: one polygon per band for all facilities together. Split: areas of responsibility, every place going to the facility that reaches it first; polygons never overlap and add up to the dissolved ones.

Bands are disks (0–15, 0–20 min) or, with rings, the differences (10–15, 15–20 min). A delay field adds minutes at the start for each facility (waiting, opening); a maximum time field caps a facility's own reach. Direction: to the facility (a patient's trip, default) or from it (home visits); they differ only on one-way streets.

Population: points (addresses, cells' centres) count where they fall; polygons count in proportion to their area inside (right for 200 m cells; road corridors cover a small share of a large commune, so count communes whole where their point on surface falls).

Output fields: facility_id (empty in dissolve mode), band_min, lower_min, area_km2, population, share_pct (percent of the population layer's total). A road network layer is needed.</source>
      <translation>Polygones de la zone atteinte depuis chaque établissement de santé (ou qui l’atteint) dans chaque tranche de temps, par exemple 10, 15, 20 et 30 minutes, sur le réseau routier, et population qui y vit.

Tracé des polygones. Couloirs routiers (par défaut) : chaque route atteinte dans la tranche est gardée jusqu’au point exact où le temps s’épuise (le dernier tronçon est coupé par interpolation le long de la route), puis entourée d’un tampon de la demi-largeur du couloir et fusionnée. Le polygone suit les routes et ne couvre jamais une vallée qu’aucune route n’atteint à temps ; les îlots entre routes plus larges que deux fois la largeur restent des trous. Enveloppe concave : une enveloppe plus lisse des mêmes points atteints (ratio concave : 0 la plus serrée, 1 enveloppe convexe) ; plus légère à afficher, mais elle peut couvrir des terrains entre les routes qui ne sont pas atteints.

Modes de recouvrement. Recouvrement : un polygone par établissement et par tranche (les polygones voisins se chevauchent). Fusion : un polygone par tranche pour tous les établissements ensemble. Partage : zones de responsabilité, chaque lieu allant à l’établissement qui l’atteint le premier ; les polygones ne se chevauchent jamais et leur somme donne les polygones fusionnés.

Les tranches sont des disques (0–15, 0–20 min) ou, avec les anneaux, leurs différences (10–15, 15–20 min). Un champ de délai ajoute des minutes au départ pour chaque établissement (attente, ouverture) ; un champ de temps maximal limite la portée propre d’un établissement. Sens : vers l’établissement (trajet d’un patient, par défaut) ou depuis celui-ci (visites à domicile) ; ils ne diffèrent que sur les sens uniques.

Population : les points (adresses, centres de carreaux) comptent là où ils tombent ; les polygones comptent au prorata de leur surface à l’intérieur (juste pour les carreaux de 200 m ; les couloirs routiers ne couvrent qu’une petite part d’une grande commune, donc comptez les communes entières là où tombe leur point sur la surface).

Champs en sortie : facility_id (vide en mode fusion), band_min, lower_min, area_km2, population, share_pct (pourcentage du total de la couche de population). Une couche de réseau routier est nécessaire.</translation>
    </message>
    <message>
      <source>Give at least one band in minutes, e.g. 10,15,20,30.</source>
      <translation>Donnez au moins une tranche en minutes, par exemple 10,15,20,30.</translation>
    </message>
    <message>
      <source>facilities</source>
      <translation>établissements</translation>
    </message>
    <message>
      <source>delay</source>
      <translation>délai</translation>
    </message>
    <message>
      <source>maximum time</source>
      <translation>temps maximal</translation>
    </message>
    <message>
      <source>Facilities and bands</source>
      <translation>Établissements et tranches</translation>
    </message>
    <message>
      <source>Facility identifier field (default: feature id)</source>
      <translation>Champ identifiant des établissements (par défaut : identifiant d’entité)</translation>
    </message>
    <message>
      <source>Bands (minutes, comma-separated)</source>
      <translation>Tranches (minutes, séparées par des virgules)</translation>
    </message>
    <message>
      <source>Overlap mode</source>
      <translation>Mode de recouvrement</translation>
    </message>
    <message>
      <source>Rings (10–15, 15–20 …) instead of disks</source>
      <translation>Anneaux (10–15, 15–20 …) au lieu de disques</translation>
    </message>
    <message>
      <source>Direction of travel</source>
      <translation>Sens du trajet</translation>
    </message>
    <message>
      <source>Population inside (optional)</source>
      <translation>Population contenue (facultatif)</translation>
    </message>
    <message>
      <source>Population polygons count</source>
      <translation>Les polygones de population comptent</translation>
    </message>
    <message>
      <source>Polygon shape</source>
      <translation>Forme des polygones</translation>
    </message>
    <message>
      <source>Catchment areas</source>
      <translation>Zones de chalandise</translation>
    </message>
    <message>
      <source>The corridor half-width must be more than 0 metres.</source>
      <translation>La demi-largeur du couloir doit dépasser 0 mètre.</translation>
    </message>
    <message>
      <source>Catchment areas are drawn from the roads: give a road network layer.</source>
      <translation>Les zones de chalandise sont tracées à partir des routes : donnez une couche de réseau routier.</translation>
    </message>
    <message>
      <source>Every band must be more than 0 minutes; got “{text}”.</source>
      <translation>Chaque tranche doit dépasser 0 minute ; reçu « {text} ».</translation>
    </message>
    <message>
      <source>The bands must be strictly increasing, e.g. 10,15,20,30; got “{text}”.</source>
      <translation>Les tranches doivent être strictement croissantes, par exemple 10,15,20,30 ; reçu « {text} ».</translation>
    </message>
    <message>
      <source>Facilities (e.g. MSP, centres de santé, GP practices)</source>
      <translation>Établissements (par ex. MSP, centres de santé, cabinets de médecine générale)</translation>
    </message>
    <message>
      <source>Population (points or polygons)</source>
      <translation>Population (points ou polygones)</translation>
    </message>
    <message>
      <source>Maximum time field (minutes)</source>
      <translation>Champ du temps maximal (minutes)</translation>
    </message>
    <message>
      <source>Corridor half-width (metres)</source>
      <translation>Demi-largeur du couloir (mètres)</translation>
    </message>
    <message>
      <source>Concave hull ratio (0 tightest … 1 convex)</source>
      <translation>Ratio de l’enveloppe concave (0 la plus serrée … 1 convexe)</translation>
    </message>
    <message>
      <source>The bands must be numbers of minutes separated by commas, e.g. 10,15,20,30; got “{text}”.</source>
      <translation>Les tranches doivent être des nombres de minutes séparés par des virgules, par exemple 10,15,20,30 ; reçu « {text} ».</translation>
    </message>
    <message>
      <source>Overlap: one polygon per facility and band</source>
      <translation>Recouvrement : un polygone par établissement et par tranche</translation>
    </message>
    <message>
      <source>Dissolve: one polygon per band for all facilities</source>
      <translation>Fusion : un polygone par tranche pour tous les établissements</translation>
    </message>
    <message>
      <source>Split: areas of responsibility (nearest facility)</source>
      <translation>Partage : zones de responsabilité (établissement le plus proche)</translation>
    </message>
    <message>
      <source>To the facility (patients)</source>
      <translation>Vers l’établissement (patients)</translation>
    </message>
    <message>
      <source>From the facility (home visits)</source>
      <translation>Depuis l’établissement (visites à domicile)</translation>
    </message>
    <message>
      <source>By the share of their area inside (200 m cells, IRIS)</source>
      <translation>Au prorata de leur surface à l’intérieur (carreaux de 200 m, IRIS)</translation>
    </message>
    <message>
      <source>Whole, where their point on surface falls (communes)</source>
      <translation>Entiers, là où tombe leur point sur la surface (communes)</translation>
    </message>
    <message>
      <source>Delay at the start field (minutes)</source>
      <translation>Champ du délai au départ (minutes)</translation>
    </message>
    <message>
      <source>Share of the population (%)</source>
      <translation>Part de la population (%)</translation>
    </message>
    <message>
      <source>{count} population feature(s) without geometry or count are left out.</source>
      <translation>{count} entité(s) de population sans géométrie ou sans effectif sont écartées.</translation>
    </message>
    <message>
      <source>{count} invalid population polygon(s) repaired.</source>
      <translation>{count} polygone(s) de population invalide(s) réparé(s).</translation>
    </message>
    <message>
      <source>{count} of {total} facilities are farther from any road than the snap tolerance and get no area: {ids}.</source>
      <translation>{count} établissement(s) sur {total} sont plus loin de toute route que la tolérance d’accrochage et n’ont pas de zone : {ids}.</translation>
    </message>
    <message>
      <source>{band:g} min: median {area:,.1f} km² per facility</source>
      <translation>{band:g} min : médiane {area:,.1f} km² par établissement</translation>
    </message>
    <message>
      <source>{band:g} min: {area:,.1f} km² in all</source>
      <translation>{band:g} min : {area:,.1f} km² au total</translation>
    </message>
    <message>
      <source>, median {population:,.0f} inhabitants</source>
      <translation>, médiane {population:,.0f} habitants</translation>
    </message>
    <message>
      <source>, {population:,.0f} inhabitants ({share:.1%})</source>
      <translation>, {population:,.0f} habitants ({share:.1%})</translation>
    </message>
    <message>
      <source>Road corridors (exact)</source>
      <translation>Couloirs routiers (exacts)</translation>
    </message>
    <message>
      <source>Concave hull (smoother)</source>
      <translation>Enveloppe concave (plus lisse)</translation>
    </message>
    <message>
      <source>The whole chain in one run, from the communes (with their population, by age group if possible) and the GP practices to the council's report: 1. the DREES APL of every commune (accessibility index); 2. the underserved communes (APL under 2.5 or more than 30 min from a GP) and the zones they form; 3. where the given number of new health centres would bring the most inhabitants to an APL of 2.5; 4. the report (A4 PDF) with the maps, charts and key figures of the three steps.

Every step is also an algorithm of its own, with more choices. To change the chain (another method, thresholds, more outputs), open it in the Model Designer from the plugin's menu and save it as your model.</source>
      <translation>Toute la chaîne en une exécution, des communes (avec leur population, par tranche d'âge si possible) et des cabinets de généralistes jusqu'au rapport pour l'assemblée : 1. l'APL de la DREES de chaque commune (indice d'accessibilité) ; 2. les communes sous-dotées (APL sous 2,5 ou à plus de 30 min d'un généraliste) et les zones qu'elles forment ; 3. où le nombre donné de nouveaux centres de santé porterait le plus d'habitants à une APL de 2,5 ; 4. le rapport (PDF A4) avec les cartes, graphiques et chiffres clés des trois étapes.

Chaque étape est aussi un algorithme à part entière, avec plus de choix. Pour modifier la chaîne (une autre méthode, des seuils, plus de sorties), ouvrez-la dans le modeleur graphique depuis le menu de l'extension et enregistrez-la comme votre modèle.</translation>
    </message>
    <message>
      <source>APL of the communes</source>
      <translation>APL des communes</translation>
    </message>
    <message>
      <source>Communes by class</source>
      <translation>Communes par classe</translation>
    </message>
    <message>
      <source>Underserved zones</source>
      <translation>Zones sous-dotées</translation>
    </message>
    <message>
      <source>Suggested new health centres</source>
      <translation>Nouveaux centres de santé proposés</translation>
    </message>
    <message>
      <source>Communes before and after the new centres</source>
      <translation>Communes avant et après les nouveaux centres</translation>
    </message>
    <message>
      <source>Report for the council (PDF)</source>
      <translation>Rapport pour l'assemblée (PDF)</translation>
    </message>
    <message>
      <source>Whole chain: from the communes and GP practices to the council's report</source>
      <translation>Chaîne complète : des communes et cabinets de généralistes au rapport pour l'assemblée</translation>
    </message>
    <message>
      <source>APL, underserved zones, new health centres and the report in one run (a model you can edit).</source>
      <translation>APL, zones sous-dotées, nouveaux centres de santé et rapport en une exécution (un modèle que vous pouvez modifier).</translation>
    </message>
    <message>
      <source>DREES APL of every commune</source>
      <translation>APL de la DREES de chaque commune</translation>
    </message>
    <message>
      <source>Underserved communes and zones</source>
      <translation>Communes et zones sous-dotées</translation>
    </message>
    <message>
      <source>New health centres bringing the most inhabitants to 2.5</source>
      <translation>Nouveaux centres de santé portant le plus d'habitants à 2,5</translation>
    </message>
    <message>
      <source>Report for the council</source>
      <translation>Rapport pour l'assemblée</translation>
    </message>
    <message>
      <source>Whole chain</source>
      <translation>Chaîne complète</translation>
    </message>
    <message>
      <source>Communes (polygons with their population)</source>
      <translation>Communes (polygones avec leur population)</translation>
    </message>
    <message>
      <source>Prefix of the 19 age-group fields (e.g. pop_)</source>
      <translation>Préfixe des 19 champs de tranches d'âge (p. ex. pop_)</translation>
    </message>
    <message>
      <source>Commune code field (INSEE code)</source>
      <translation>Champ du code commune (code INSEE)</translation>
    </message>
    <message>
      <source>GP practices (points)</source>
      <translation>Cabinets de généralistes (points)</translation>
    </message>
    <message>
      <source>Number of GPs field (default: 1 per practice)</source>
      <translation>Champ du nombre de généralistes (par défaut : 1 par cabinet)</translation>
    </message>
    <message>
      <source>Commune code field of the practices</source>
      <translation>Champ du code commune des cabinets</translation>
    </message>
    <message>
      <source>Road network (lines; empty: straight-line distance)</source>
      <translation>Réseau routier (lignes ; vide : distance à vol d'oiseau)</translation>
    </message>
    <message>
      <source>Road class field</source>
      <translation>Champ de la classe de route</translation>
    </message>
    <message>
      <source>One-way field</source>
      <translation>Champ de sens unique</translation>
    </message>
    <message>
      <source>Number of new health centres</source>
      <translation>Nombre de nouveaux centres de santé</translation>
    </message>
    <message>
      <source>Name of the territory</source>
      <translation>Nom du territoire</translation>
    </message>
    <message>
      <source>Report language</source>
      <translation>Langue du rapport</translation>
    </message>
    <message>
      <source>My territory</source>
      <translation>Mon territoire</translation>
    </message>
    <message>
      <source>Territorial report for the council (PDF)</source>
      <translation>Rapport territorial pour le conseil (PDF)</translation>
    </message>
    <message>
      <source>A printable A4 report for the council: key figures, maps, charts, least served communes, method.</source>
      <translation>Un rapport A4 imprimable pour l'assemblée : chiffres clés, cartes, graphiques, communes les moins desservies, méthode.</translation>
    </message>
    <message>
      <source>Writes an A4 PDF report, the diagnostic territorial d'accès aux soins, from the outputs of the other algorithms: a title page with the key figures and the data sources; maps of the APL classes (DREES thresholds 2.5 and 4), of the minutes to the nearest GP, of the underserved zones with their population and of the suggested sites labelled with their commune; charts of the population by APL class, of the cumulative population by minutes and of the situation before and after the suggested sites; a table of the least served communes; the method and the data licences.

Only the communes with the APL (output of “Accessibility index”) are needed; each other layer adds its page. Layers are joined to the communes by the commune code field. The figures are computed from the layers. French by default, English on request. Without matplotlib the charts become tables.</source>
      <translation>Écrit un rapport PDF A4, le diagnostic territorial d'accès aux soins, à partir des sorties des autres algorithmes : une page de titre avec les chiffres clés et les sources des données ; des cartes des classes d'APL (seuils DREES 2,5 et 4), des minutes jusqu'au médecin généraliste le plus proche, des zones sous-dotées avec leur population et des sites proposés nommés par leur commune ; des graphiques de la population par classe d'APL, de la population cumulée selon les minutes et de la situation avant et après les sites proposés ; un tableau des communes les moins bien dotées ; la méthode et les licences des données.

Seules les communes avec l'APL (sortie de « Indice d’accessibilité ») sont nécessaires ; chaque autre couche ajoute sa page. Les couches sont jointes aux communes par le champ du code commune. Les chiffres sont calculés à partir des couches. En français par défaut, en anglais sur demande. Sans matplotlib, les graphiques deviennent des tableaux.</translation>
    </message>
    <message>
      <source>APL</source>
      <translation>APL</translation>
    </message>
    <message>
      <source>name</source>
      <translation>nom</translation>
    </message>
    <message>
      <source>code</source>
      <translation>code</translation>
    </message>
    <message>
      <source>communes</source>
      <translation>communes</translation>
    </message>
    <message>
      <source>nearest GP</source>
      <translation>médecin le plus proche</translation>
    </message>
    <message>
      <source>communes by class</source>
      <translation>communes par classe</translation>
    </message>
    <message>
      <source>underserved zones</source>
      <translation>zones sous-dotées</translation>
    </message>
    <message>
      <source>demand before and after</source>
      <translation>demande avant et après</translation>
    </message>
    <message>
      <source>suggested sites</source>
      <translation>sites proposés</translation>
    </message>
    <message>
      <source>rank</source>
      <translation>rang</translation>
    </message>
    <message>
      <source>gain</source>
      <translation>gain</translation>
    </message>
    <message>
      <source>Communes</source>
      <translation>Communes</translation>
    </message>
    <message>
      <source>APL field (default: access_index)</source>
      <translation>Champ de l'APL (par défaut : access_index)</translation>
    </message>
    <message>
      <source>Standardised population field (weights the mean APL; default: pop_std)</source>
      <translation>Champ de population standardisée (pondère l'APL moyenne ; par défaut : pop_std)</translation>
    </message>
    <message>
      <source>Minutes to the nearest GP field (default: nearest_min)</source>
      <translation>Champ des minutes jusqu'au médecin le plus proche (par défaut : nearest_min)</translation>
    </message>
    <message>
      <source>Commune name field (default: nom, name…)</source>
      <translation>Champ du nom de la commune (par défaut : nom, name…)</translation>
    </message>
    <message>
      <source>Commune code field joining the other layers (default: code_insee…)</source>
      <translation>Champ du code commune qui joint les autres couches (par défaut : code_insee…)</translation>
    </message>
    <message>
      <source>Outputs of the other algorithms (each adds its page)</source>
      <translation>Sorties des autres algorithmes (chacune ajoute sa page)</translation>
    </message>
    <message>
      <source>Communes by class (output of “Underserved zones”)</source>
      <translation>Communes par classe (sortie de « Zones sous-dotées »)</translation>
    </message>
    <message>
      <source>Underserved zones (output of “Underserved zones”)</source>
      <translation>Zones sous-dotées (sortie de « Zones sous-dotées »)</translation>
    </message>
    <message>
      <source>Suggested sites (output of “Suggest sites for new health centres”)</source>
      <translation>Sites proposés (sortie de « Proposer des sites pour de nouveaux centres de santé »)</translation>
    </message>
    <message>
      <source>Demand units before and after (output of “Suggest sites for new health centres”)</source>
      <translation>Unités de demande avant et après (sortie de « Proposer des sites pour de nouveaux centres de santé »)</translation>
    </message>
    <message>
      <source>Report</source>
      <translation>Rapport</translation>
    </message>
    <message>
      <source>Report (PDF)</source>
      <translation>Rapport (PDF)</translation>
    </message>
    <message>
      <source>The communes layer could not be opened.</source>
      <translation>La couche des communes n'a pas pu être ouverte.</translation>
    </message>
    <message>
      <source>standardised population</source>
      <translation>population standardisée</translation>
    </message>
    <message>
      <source>minutes</source>
      <translation>minutes</translation>
    </message>
    <message>
      <source>Communes with the APL (output of “Accessibility index”)</source>
      <translation>Communes avec l'APL (sortie de « Indice d’accessibilité »)</translation>
    </message>
    <message>
      <source>Minutes to the nearest GP (output of “Nearest facility”)</source>
      <translation>Minutes jusqu'au médecin le plus proche (sortie de « Établissement le plus proche »)</translation>
    </message>
    <message>
      <source>Time counted as far in the before/after of the sites (minutes; empty: the coverage radius the suggested sites were computed with, else 20)</source>
      <translation>Temps compté comme éloigné dans l'avant/après des sites (minutes ; vide : le rayon de couverture avec lequel les sites proposés ont été calculés, sinon 20)</translation>
    </message>
    <message>
      <source>PDF files (*.pdf)</source>
      <translation>Fichiers PDF (*.pdf)</translation>
    </message>
    <message>
      <source>{people:,.0f} inhabitants ({share:.1%}) live where the APL is under 2.5.</source>
      <translation>{people:,.0f} habitants ({share:.1%}) vivent là où l'APL est inférieure à 2,5.</translation>
    </message>
    <message>
      <source>Report of {pages} pages written: {path}</source>
      <translation>Rapport de {pages} pages écrit : {path}</translation>
    </message>
    <message>
      <source>The communes layer has no field “{field}”; choose the {label} field (its fields: {names}).</source>
      <translation>La couche des communes n'a pas de champ « {field} » ; choisissez le champ {label} (ses champs : {names}).</translation>
    </message>
    <message>
      <source>No commune code of the {label} layer (field “{field}”) matches the communes layer.</source>
      <translation>Aucun code commune de la couche {label} (champ « {field} ») ne correspond à la couche des communes.</translation>
    </message>
    <message>
      <source>Choose the commune code field of the communes layer: it joins the layers {names}.</source>
      <translation>Choisissez le champ du code commune de la couche des communes : il joint les couches {names}.</translation>
    </message>
    <message>
      <source>The report could not be written to {path} (layout export error {error}).</source>
      <translation>Le rapport n'a pas pu être écrit dans {path} (erreur d'export de la mise en page {error}).</translation>
    </message>
    <message>
      <source>Territorial report – {territory}</source>
      <translation>Rapport territorial – {territory}</translation>
    </message>
    <message>
      <source>Print layout “{name}” added to the project for editing (Project › Layouts). Its layers, in the unchecked group of the same name, are temporary: make them permanent to keep its maps in the saved project.</source>
      <translation>Mise en page « {name} » ajoutée au projet pour la modifier (Projet › Mises en page). Ses couches, dans le groupe décoché du même nom, sont temporaires : rendez-les permanentes pour garder ses cartes dans le projet enregistré.</translation>
    </message>
    <message>
      <source>Empty: the field named like a population (population, pop, PMUN, P21_POP…), said in the log; a layer without one is refused.</source>
      <translation>Vide : le champ nommé comme une population (population, pop, PMUN, P21_POP…), indiqué dans le journal ; une couche qui n'en a pas est refusée.</translation>
    </message>
    <message>
      <source>The {label} identifier field “{field}” has {count} value(s) found on several features ({values}; {features} features in all)</source>
      <translation>Le champ identifiant « {field} » ({label}) a {count} valeur(s) présentes sur plusieurs entités ({values} ; {features} entités en tout)</translation>
    </message>
    <message>
      <source>The {label} field “{field}” holds {count} value(s) that are not numbers ({examples}): correct or empty them.</source>
      <translation>Le champ {label} « {field} » contient {count} valeur(s) qui ne sont pas des nombres ({examples}) : corrigez-les ou videz-les.</translation>
    </message>
    <message>
      <source>The {label} field “{field}” has {count} negative value(s) (feature ids {ids}).</source>
      <translation>Le champ {label} « {field} » a {count} valeur(s) négative(s) (identifiants d’entités {ids}).</translation>
    </message>
    <message>
      <source>Population: the field “{field}” of the {label} layer.</source>
      <translation>Population : le champ « {field} » de la couche {label}.</translation>
    </message>
    <message>
      <source>Population: the field “{field}” of the {label} layer, chosen by its name (choose another population field if it is not the right one).</source>
      <translation>Population : le champ « {field} » de la couche {label}, choisi d’après son nom (choisissez un autre champ population si ce n’est pas le bon).</translation>
    </message>
    <message>
      <source>Choose the population field of the {label} layer: none of its fields is named like a population (population, pop, PMUN, P21_POP…). Its fields: {names}.</source>
      <translation>Choisissez le champ population de la couche {label} : aucun de ses champs n’est nommé comme une population (population, pop, PMUN, P21_POP…). Ses champs : {names}.</translation>
    </message>
    <message>
      <source>{repeated}: {why}. Choose a field whose values are unique.</source>
      <translation>{repeated} : {why}. Choisissez un champ dont les valeurs sont uniques.</translation>
    </message>
    <message>
      <source>{found} field(s) of the {label} layer start with “{prefix}” and a number, {count} are needed: {names}.</source>
      <translation>{found} champ(s) de la couche {label} commencent par « {prefix} » et un nombre, il en faut {count} : {names}.</translation>
    </message>
    <message>
      <source>feature {id}: “{value}”</source>
      <translation>entité {id} : « {value} »</translation>
    </message>
    <message>
      <source>Automatic (from the file)</source>
      <translation>Automatique (d’après le fichier)</translation>
    </message>
    <message>
      <source>FRR zoning of the communes (table or polygons)</source>
      <translation>Zonage FRR des communes (table ou polygones)</translation>
    </message>
    <message>
      <source>ZRR zoning of the communes (table)</source>
      <translation>Zonage ZRR des communes (table)</translation>
    </message>
    <message>
      <source>QPV priority neighbourhoods (polygons)</source>
      <translation>Quartiers prioritaires QPV (polygones)</translation>
    </message>
    <message>
      <source>France Services sites (points)</source>
      <translation>Structures France services (points)</translation>
    </message>
    <message>
      <source>Not classified</source>
      <translation>Non classée</translation>
    </message>
    <message>
      <source>Import ANCT territories</source>
      <translation>Importer les territoires ANCT</translation>
    </message>
    <message>
      <source>The ANCT zonings (ZRR, FRR) of every commune, joined by commune code.</source>
      <translation>Les zonages de l'ANCT (ZRR, FRR) de chaque commune, joints par code commune.</translation>
    </message>
    <message>
      <source>Reads the territories of the Agence nationale de la cohésion des territoires: the FRR (France Ruralités Revitalisation) or ZRR zoning of the communes, the QPV priority neighbourhoods, or the France Services sites.

Zoning tables (.csv, .xls, .xlsx, or a .zip holding one) have a commune code column (CODGEO, code_insee…) and a class column (ZRR: C classée, P partiellement classée, N non classée; FRR: FRR+, FRR, non classée); title lines before the header are skipped. The classes are joined to the communes layer by commune code: fields zrr / frr (class), zrr_code / frr_code (0 not classified, 1 partly classified or FRR, 2 classified or FRR+) and zrr_label / frr_label (the class as written). Without a communes layer the output is a table, or the zoning's own polygons when the file has some. Automatic reads every zoning the table has. Excel files need the Python package openpyxl (or xlrd for .xls): without it, save the table as CSV.

QPV polygons and France Services points (GeoJSON, GeoPackage, Shapefile or a .zip holding one) are reprojected to the working CRS, invalid polygons are repaired, and every attribute is kept. With the kind France Services, a table (.csv, .xlsx) with latitude and longitude columns, or one “lat, lon” column such as geo_point_2d (WGS84 degrees, decimal point or comma), is read as points too. Départements (e.g. 23,53) filter every kind, by the département or commune code field of the file.</source>
      <translation>Lit les territoires de l’Agence nationale de la cohésion des territoires : le zonage FRR (France Ruralités Revitalisation) ou ZRR des communes, les quartiers prioritaires QPV ou les structures France services.

Les tables de zonage (.csv, .xls, .xlsx, ou un .zip qui en contient une) ont une colonne de code commune (CODGEO, code_insee…) et une colonne de classement (ZRR : C classée, P partiellement classée, N non classée ; FRR : FRR+, FRR, non classée) ; les lignes de titre avant l’en-tête sont ignorées. Les classements sont joints à la couche des communes par code commune : champs zrr / frr (classement), zrr_code / frr_code (0 non classée, 1 partiellement classée ou FRR, 2 classée ou FRR+) et zrr_label / frr_label (le classement tel qu’écrit). Sans couche des communes, la sortie est une table, ou les polygones du zonage lui-même quand le fichier en a. « Automatique » lit tous les zonages présents dans la table. Les fichiers Excel demandent le paquet Python openpyxl (ou xlrd pour .xls) : sans lui, enregistrez la table en CSV.

Les polygones QPV et les points France services (GeoJSON, GeoPackage, Shapefile ou un .zip qui en contient un) sont reprojetés dans le SCR de travail, les polygones invalides sont réparés et tous les attributs sont gardés. Avec le type France services, une table (.csv, .xlsx) avec des colonnes latitude et longitude, ou une colonne « lat, lon » comme geo_point_2d (degrés WGS84, point ou virgule décimale), est lue aussi comme des points. Les départements (par ex. 23,53) filtrent chaque type, d’après le champ de département ou de code commune du fichier.</translation>
    </message>
    <message>
      <source>Partly classified ZRR</source>
      <translation>Partiellement classée en ZRR</translation>
    </message>
    <message>
      <source>Classified ZRR</source>
      <translation>Classée en ZRR</translation>
    </message>
    <message>
      <source>Communes (polygons) to join a zoning table to</source>
      <translation>Communes (polygones) auxquelles joindre une table de zonage</translation>
    </message>
    <message>
      <source>ANCT</source>
      <translation>ANCT</translation>
    </message>
    <message>
      <source>ANCT territories</source>
      <translation>Territoires ANCT</translation>
    </message>
    <message>
      <source>QPV</source>
      <translation>QPV</translation>
    </message>
    <message>
      <source>France Services</source>
      <translation>France services</translation>
    </message>
    <message>
      <source>ANCT file (zoning table, QPV or France Services layer)</source>
      <translation>Fichier ANCT (table de zonage, couche QPV ou France services)</translation>
    </message>
    <message>
      <source>ANCT files (*.csv *.txt *.xls *.xlsx *.geojson *.json *.gpkg *.shp *.zip);;All files (*.*)</source>
      <translation>Fichiers ANCT (*.csv *.txt *.xls *.xlsx *.geojson *.json *.gpkg *.shp *.zip);;Tous les fichiers (*.*)</translation>
    </message>
    <message>
      <source>Kind of territory</source>
      <translation>Type de territoire</translation>
    </message>
    <message>
      <source>No commune of the zoning table matches the filters.</source>
      <translation>Aucune commune de la table de zonage ne correspond aux filtres.</translation>
    </message>
    <message>
      <source>Could not tell which ANCT territories “{path}” holds (no ZRR/FRR class field, neither polygons nor points): choose the kind.</source>
      <translation>Impossible de savoir quels territoires ANCT contient « {path} » (pas de champ de classement ZRR/FRR, ni polygones ni points) : choisissez le type.</translation>
    </message>
    <message>
      <source>{source}: {layout}, {rows} row(s) read, {kept} commune(s) kept.</source>
      <translation>{source} : {layout}, {rows} ligne(s) lue(s), {kept} commune(s) gardée(s).</translation>
    </message>
    <message>
      <source>{count} commune(s) of the layer joined to the zoning table.</source>
      <translation>{count} commune(s) de la couche jointe(s) à la table de zonage.</translation>
    </message>
    <message>
      <source>{source}: {layout}, {rows} row(s) read, coordinates from “{columns}” (WGS84).</source>
      <translation>{source} : {layout}, {rows} ligne(s) lue(s), coordonnées prises dans « {columns} » (WGS84).</translation>
    </message>
    <message>
      <source>{label}: {read} feature(s) read, {kept} kept.</source>
      <translation>{label} : {read} entité(s) lue(s), {kept} gardée(s).</translation>
    </message>
    <message>
      <source>vector layer</source>
      <translation>couche vecteur</translation>
    </message>
    <message>
      <source>No communes layer: {count} commune(s) written as a table without geometry.</source>
      <translation>Pas de couche des communes : {count} commune(s) écrite(s) dans une table sans géométrie.</translation>
    </message>
    <message>
      <source>The communes layer's fields {names} are replaced by the computed ones.</source>
      <translation>Les champs {names} de la couche des communes sont remplacés par les valeurs calculées.</translation>
    </message>
    <message>
      <source>{zoning} (column “{column}”): {counts}.</source>
      <translation>{zoning} (colonne « {column} ») : {counts}.</translation>
    </message>
    <message>
      <source>{count} title line(s) before the header skipped.</source>
      <translation>{count} ligne(s) de titre avant l’en-tête ignorée(s).</translation>
    </message>
    <message>
      <source>{count} commune code(s) had lost their leading zero: padded.</source>
      <translation>{count} code(s) commune avaient perdu leur zéro initial : complété(s).</translation>
    </message>
    <message>
      <source>{count} row(s) without a commune code skipped.</source>
      <translation>{count} ligne(s) sans code commune ignorée(s).</translation>
    </message>
    <message>
      <source>{count} commune(s) appear on several rows: the first row is kept.</source>
      <translation>{count} commune(s) figurent sur plusieurs lignes : la première ligne est gardée.</translation>
    </message>
    <message>
      <source>{count} commune(s) have a {zoning} class that is not known, left empty: {values}.</source>
      <translation>{count} commune(s) ont un classement {zoning} inconnu, laissé vide : {values}.</translation>
    </message>
    <message>
      <source>{count} commune(s) of the layer are not in the zoning table: their classes are empty (communes: {codes}).</source>
      <translation>{count} commune(s) de la couche ne sont pas dans la table de zonage : leur classement est vide (communes : {codes}).</translation>
    </message>
    <message>
      <source>{count} row(s) of the zoning table match no commune of the layer (communes: {codes}).</source>
      <translation>{count} ligne(s) de la table de zonage ne correspondent à aucune commune de la couche (communes : {codes}).</translation>
    </message>
    <message>
      <source>{count} row(s) have coordinates out of range (latitude beyond ±90° or longitude beyond ±180°).</source>
      <translation>{count} ligne(s) ont des coordonnées hors limites (latitude au-delà de ±90° ou longitude au-delà de ±180°).</translation>
    </message>
    <message>
      <source>The France Services points of {path} could not be made: {error}</source>
      <translation>Les points France Services de {path} n’ont pas pu être créés : {error}</translation>
    </message>
    <message>
      <source>The {label} layer must have {expected}; “{source}” has {geometry}.</source>
      <translation>La couche {label} doit contenir des {expected} ; « {source} » a des géométries de type {geometry}.</translation>
    </message>
    <message>
      <source>The {label} layer is reprojected from {source} to {target}.</source>
      <translation>La couche {label} est reprojetée de {source} en {target}.</translation>
    </message>
    <message>
      <source>{count} invalid geometry(ies) repaired.</source>
      <translation>{count} géométrie(s) invalide(s) réparée(s).</translation>
    </message>
    <message>
      <source>{count} feature(s) without geometry left out.</source>
      <translation>{count} entité(s) sans géométrie écartée(s).</translation>
    </message>
    <message>
      <source>No {label} feature matches the filters.</source>
      <translation>Aucune entité {label} ne correspond aux filtres.</translation>
    </message>
    <message>
      <source>The ANCT file “{path}” could not be opened as a table or a vector layer.</source>
      <translation>Le fichier ANCT « {path} » n’a pas pu être ouvert comme table ni comme couche vecteur.</translation>
    </message>
    <message>
      <source>QPV polygons are read from a vector file (GeoJSON, GeoPackage, Shapefile); “{path}” is a table.</source>
      <translation>Les polygones QPV se lisent dans un fichier vecteur (GeoJSON, GeoPackage, Shapefile) ; « {path} » est une table.</translation>
    </message>
    <message>
      <source>polygons</source>
      <translation>polygones</translation>
    </message>
    <message>
      <source>points</source>
      <translation>points</translation>
    </message>
    <message>
      <source>The {label} layer has no département or commune code field: the département filter is not applied.</source>
      <translation>La couche {label} n’a pas de champ de département ni de code commune : le filtre par département n’est pas appliqué.</translation>
    </message>
    <message>
      <source>Import FINESS establishments</source>
      <translation>Importer les établissements FINESS</translation>
    </message>
    <message>
      <source>Health facilities (MSP, centres de santé, hospitals, pharmacies) from the FINESS file, as points.</source>
      <translation>Les établissements de santé (MSP, centres de santé, hôpitaux, pharmacies) du fichier FINESS, en points.</translation>
    </message>
    <message>
      <source>Reads the FINESS “extraction géolocalisée” of health establishments (etalab cs1100507, .csv or .zip) and makes one point per establishment at its geolocation.

Categories: FINESS categetab codes or group names, comma separated (603 maison de santé, 124 centre de santé, 101/355/106/114 public hospitals, 620 pharmacie; maisons_de_sante, centres_de_sante, hopitaux_publics, cliniques, pharmacies); empty keeps every category. Départements: e.g. 23,53.

Each row's coordinates are in the system the file names for it (Lambert-93 in metropolitan France, UTM overseas): every system is transformed to the working CRS (EPSG:2154 by default). Establishments without coordinates, in a system that is not known, or outside France's territories (a coordinate typed wrong), are counted and listed in the log, not placed.</source>
      <translation>Lit l’« extraction géolocalisée » FINESS des établissements de santé (etalab cs1100507, .csv ou .zip) et crée un point par établissement à sa géolocalisation.

Catégories : codes categetab FINESS ou noms de groupes, séparés par des virgules (603 maison de santé, 124 centre de santé, 101/355/106/114 hôpitaux publics, 620 pharmacie ; maisons_de_sante, centres_de_sante, hopitaux_publics, cliniques, pharmacies) ; vide = toutes les catégories. Départements : p. ex. 23,53.

Les coordonnées de chaque ligne sont dans le système que le fichier indique pour elle (Lambert-93 en métropole, UTM outre-mer) : chaque système est transformé vers le SCR de travail (EPSG:2154 par défaut). Les établissements sans coordonnées, dans un système inconnu, ou hors des territoires de la France (une coordonnée mal saisie), sont comptés et listés dans le journal, sans être placés.</translation>
    </message>
    <message>
      <source>FINESS</source>
      <translation>FINESS</translation>
    </message>
    <message>
      <source>health establishments</source>
      <translation>établissements de santé</translation>
    </message>
    <message>
      <source>FINESS extraction (etalab cs1100507, .csv or .zip)</source>
      <translation>Extraction FINESS (etalab cs1100507, .csv ou .zip)</translation>
    </message>
    <message>
      <source>FINESS extraction (*.csv *.txt *.zip);;All files (*.*)</source>
      <translation>Extraction FINESS (*.csv *.txt *.zip);;Tous les fichiers (*.*)</translation>
    </message>
    <message>
      <source>Establishment categories (categetab codes or groups; empty = all)</source>
      <translation>Catégories d’établissements (codes categetab ou groupes ; vide = toutes)</translation>
    </message>
    <message>
      <source>Health establishments</source>
      <translation>Établissements de santé</translation>
    </message>
    <message>
      <source>No establishment matches the filters.</source>
      <translation>Aucun établissement ne correspond aux filtres.</translation>
    </message>
    <message>
      <source>{source}: {structures} establishments, {geolocations} geolocations ({encoding}, extraction {date}); {kept} kept.</source>
      <translation>{source} : {structures} établissements, {geolocations} géolocalisations ({encoding}, extraction {date}) ; {kept} retenus.</translation>
    </message>
    <message>
      <source>{count} establishment(s) placed.</source>
      <translation>{count} établissement(s) placé(s).</translation>
    </message>
    <message>
      <source>{count} line(s) of the FINESS file that are neither establishments nor geolocations skipped.</source>
      <translation>{count} ligne(s) du fichier FINESS qui ne sont ni des établissements ni des géolocalisations ignorée(s).</translation>
    </message>
    <message>
      <source>{count} establishment(s) have no coordinates and are not placed (FINESS: {ids}).</source>
      <translation>{count} établissement(s) sans coordonnées, non placé(s) (FINESS : {ids}).</translation>
    </message>
    <message>
      <source>{count} establishment(s) have coordinates in a system that is not known ({systems}) and are not placed (FINESS: {ids}).</source>
      <translation>{count} établissement(s) ont des coordonnées dans un système inconnu ({systems}), non placé(s) (FINESS : {ids}).</translation>
    </message>
    <message>
      <source>{count} establishment(s) could not be transformed to {target} and are not placed (FINESS: {ids}).</source>
      <translation>{count} établissement(s) n’ont pas pu être transformés vers {target}, non placé(s) (FINESS : {ids}).</translation>
    </message>
    <message>
      <source>{count} establishment(s) have coordinates outside France's territories and are not placed (FINESS: {ids}).</source>
      <translation>{count} établissement(s) ont des coordonnées hors des territoires de la France et ne sont pas placés (FINESS : {ids}).</translation>
    </message>
    <message>
      <source>{count} establishment(s) transformed from EPSG:{code} to {target}.</source>
      <translation>{count} établissement(s) transformé(s) de EPSG:{code} vers {target}.</translation>
    </message>
    <message>
      <source>Import INSEE population</source>
      <translation>Importer la population INSEE</translation>
    </message>
    <message>
      <source>INSEE population by commune and age group joined to the communes, with the DREES standardised population.</source>
      <translation>La population INSEE par commune et tranche d'âge jointe aux communes, avec la population standardisée de la DREES.</translation>
    </message>
    <message>
      <source>Joins INSEE population by commune to the commune polygons: population by 5-year age group (pop_00_04 … pop_85_89, pop_90_plus: INSEE “population par sexe et âge quinquennal”, single-year ages, or a table with the 19 groups) or the populations légales (totals only).

Adds the 19 age groups, population, and pop_std_2023: the population standardised by the DREES 2023 age weights (consumption of care of each age group / national mean), the demand of the APL. Without age groups every inhabitant weighs 1, and the log says so.

The DREES APL file (the national spreadsheet, its newest “APL &lt;year&gt;” sheet, or a CSV with its columns) gives DREES's own standardised population instead: pop_std_&lt;year of the APL&gt; (e.g. pop_std_2023, in standardised inhabitants) and population (its total population); the age groups are then empty.

Commune codes are matched as 5-character text (a code that lost its leading zero is padded); Paris, Lyon and Marseille arrondissements are summed into the city. With départements given, only the communes of those départements are kept. Communes without a population row are listed in the log and get empty values. With a border belt of N km, the communes of other départements within N km of theirs are kept too, flagged in_belt (true for them). Fields of the communes layer with the same names are replaced.</source>
      <translation>Joint la population INSEE par commune aux polygones des communes : population par tranche d’âge de 5 ans (pop_00_04 … pop_85_89, pop_90_plus : « population par sexe et âge quinquennal » de l’INSEE, âges détaillés, ou tableau des 19 tranches) ou populations légales (totaux seuls).

Ajoute les 19 tranches d’âge, population, et pop_std_2023 : la population standardisée par les poids par âge DREES 2023 (consommation de soins de chaque tranche / moyenne nationale), la demande de l’APL. Sans tranches d’âge, chaque habitant pèse 1, et le journal le signale.

Le fichier APL de la DREES (le tableur national, sa feuille « APL &lt;année&gt; » la plus récente, ou un CSV de mêmes colonnes) donne à la place la population standardisée de la DREES : pop_std_&lt;année de l’APL&gt; (par ex. pop_std_2023, en habitants standardisés) et population (sa population totale) ; les tranches d’âge sont alors vides.

Les codes commune sont appariés en texte de 5 caractères (un code qui a perdu son zéro initial est complété) ; les arrondissements de Paris, Lyon et Marseille sont sommés dans la ville. Avec des départements indiqués, seules les communes de ces départements sont gardées. Les communes sans ligne de population sont listées dans le journal et reçoivent des valeurs vides. Avec une bande limitrophe de N km, les communes d’autres départements à moins de N km des leurs sont gardées aussi, signalées par in_belt (vrai pour elles). Les champs de la couche des communes portant les mêmes noms sont remplacés.</translation>
    </message>
    <message>
      <source>&lt; 200 inhabitants</source>
      <translation>&lt; 200 habitants</translation>
    </message>
    <message>
      <source>200–500 inhabitants</source>
      <translation>200–500 habitants</translation>
    </message>
    <message>
      <source>500–1,000 inhabitants</source>
      <translation>500–1 000 habitants</translation>
    </message>
    <message>
      <source>1,000–5,000 inhabitants</source>
      <translation>1 000–5 000 habitants</translation>
    </message>
    <message>
      <source>≥ 5,000 inhabitants</source>
      <translation>≥ 5 000 habitants</translation>
    </message>
    <message>
      <source>Communes (polygons)</source>
      <translation>Communes (polygones)</translation>
    </message>
    <message>
      <source>DREES 2023 age weights</source>
      <translation>poids par âge DREES 2023</translation>
    </message>
    <message>
      <source>population per commune</source>
      <translation>population par commune</translation>
    </message>
    <message>
      <source>INSEE population file (by age group, or populations légales), or the DREES APL file</source>
      <translation>Fichier de population INSEE (par tranche d’âge, ou populations légales), ou le fichier APL de la DREES</translation>
    </message>
    <message>
      <source>Population table (*.csv *.txt *.zip *.xlsx);;All files (*.*)</source>
      <translation>Table de population (*.csv *.txt *.zip *.xlsx);;Tous les fichiers (*.*)</translation>
    </message>
    <message>
      <source>Population per commune</source>
      <translation>Population par commune</translation>
    </message>
    <message>
      <source>{count} commune(s) joined: {population:,.0f} inhabitants, {standardised:,.0f} standardised inhabitants ({weights}).</source>
      <translation>{count} commune(s) jointe(s) : {population:,.0f} habitants, {standardised:,.0f} habitants standardisés ({weights}).</translation>
    </message>
    <message>
      <source>No population row</source>
      <translation>Pas de ligne de population</translation>
    </message>
    <message>
      <source>{source}: {layout}, {communes} communes, {population:,.0f} inhabitants.</source>
      <translation>{source} : {layout}, {communes} communes, {population:,.0f} habitants.</translation>
    </message>
    <message>
      <source>{source}: the DREES APL file ({sheet}), {communes} communes, {population:,.0f} inhabitants, {standardised:,.0f} standardised inhabitants (APL {year}, census {census}): written to {field}.</source>
      <translation>{source} : le fichier APL de la DREES ({sheet}), {communes} communes, {population:,.0f} habitants, {standardised:,.0f} habitants standardisés (APL {year}, recensement {census}) : écrits dans {field}.</translation>
    </message>
    <message>
      <source>DREES APL {year}</source>
      <translation>APL DREES {year}</translation>
    </message>
    <message>
      <source>{count} arrondissement row(s) summed into Paris, Lyon and Marseille.</source>
      <translation>{count} ligne(s) d’arrondissement sommée(s) dans Paris, Lyon et Marseille.</translation>
    </message>
    <message>
      <source>{count} commune(s) appear on several rows of the population file (communes: {codes}): the first row of each is kept.</source>
      <translation>{count} commune(s) figurent sur plusieurs lignes du fichier de population (communes : {codes}) : la première ligne de chacune est gardée.</translation>
    </message>
    <message>
      <source>{count} commune(s) have a total that differs from the sum of their age groups: the total is kept.</source>
      <translation>{count} commune(s) ont un total différent de la somme de leurs tranches d’âge : le total est gardé.</translation>
    </message>
    <message>
      <source>{count} commune(s) of the layer have no population row: their values are empty (communes: {codes}).</source>
      <translation>{count} commune(s) de la couche n’ont pas de ligne de population : leurs valeurs sont vides (communes : {codes}).</translation>
    </message>
    <message>
      <source>{count} population row(s) match no commune of the layer (communes: {codes}).</source>
      <translation>{count} ligne(s) de population ne correspondent à aucune commune de la couche (communes : {codes}).</translation>
    </message>
    <message>
      <source>The population file has no age groups: every inhabitant weighs 1 in {field}.</source>
      <translation>Le fichier de population n’a pas de tranches d’âge : chaque habitant pèse 1 dans {field}.</translation>
    </message>
    <message>
      <source>table</source>
      <translation>table</translation>
    </message>
    <message>
      <source>{count} commune(s) have incomplete age groups: each of their inhabitants weighs 1 in {field}.</source>
      <translation>{count} commune(s) ont des tranches d’âge incomplètes : chacun de leurs habitants pèse 1 dans {field}.</translation>
    </message>
    <message>
      <source>OpenStreetMap (.osm.pbf or .osm)</source>
      <translation>OpenStreetMap (.osm.pbf ou .osm)</translation>
    </message>
    <message>
      <source>IGN ROUTE 500 (TRONCON_ROUTE)</source>
      <translation>IGN ROUTE 500 (TRONCON_ROUTE)</translation>
    </message>
    <message>
      <source>IGN BD TOPO (TRONCON_DE_ROUTE)</source>
      <translation>IGN BD TOPO (TRONCON_DE_ROUTE)</translation>
    </message>
    <message>
      <source>Import roads (OpenStreetMap, IGN ROUTE 500, BD TOPO)</source>
      <translation>Importer les routes (OpenStreetMap, IGN ROUTE 500, BD TOPO)</translation>
    </message>
    <message>
      <source>A road layer for the travel times, from an OpenStreetMap extract or an IGN road file, clipped to the départements and their belt.</source>
      <translation>Une couche de routes pour les temps de trajet, depuis un extrait OpenStreetMap ou un fichier de routes de l’IGN, découpée aux départements et à leur bande frontalière.</translation>
    </message>
    <message>
      <source>Reads a road file into a line layer that the road-network parameters of the other algorithms take as it is, in the working CRS.

OpenStreetMap: a Geofabrik extract (.osm.pbf) or an .osm XML file, read by GDAL's OSM driver (its “lines” layer). Only the ways cars may use are kept: the highway classes the OpenStreetMap speed presets drive on (motorway to residential, service, track…; not footway, path, cycleway, steps, pedestrian, bridleway, construction, proposed). Fields: osm_id, highway, maxspeed (km/h: “50”, “30 mph”, “FR:urban” = 50, “FR:rural” = 80; empty when untagged), oneway (yes = along the drawing, -1 = against it, no = both ways; motorways and roundabouts are one-way unless tagged otherwise), ref, name. Use road class field highway with an OpenStreetMap preset and one-way field oneway; maxspeed as speed field overrides the class speed where it is tagged.

IGN ROUTE 500 (TRONCON_ROUTE) and BD TOPO (TRONCON_DE_ROUTE): the shapefile, a zip holding it, or the GeoPackage. IGN's .7z archives cannot be read by QGIS: unpack them first (7-Zip). Kept: ROUTE 500 VOCATION, CLASS_ADM, SENS, NUM_ROUTE, NB_CHAUSSE; BD TOPO NATURE, SENS, VIT_MOY_VL (km/h), ACCES_VL, IMPORTANCE, NUMERO (the GeoPackage's long names are written under these). Use road class field VOCATION, CLASS_ADM or NATURE with the preset of that field, or speed field VIT_MOY_VL; one-way field SENS (Sens direct, Sens inverse).

Clip: with a communes layer, the roads are cut to the union of the communes (of the départements given, else all) widened by the border belt (km), so that trips across the border use the neighbours' roads. Without a communes layer the whole file is kept. Other files of the same kind (the neighbouring régions' extracts) can be given too: a way found in two extracts is kept once.</source>
      <translation>Lit un fichier de routes en une couche de lignes que les paramètres du réseau routier des autres algorithmes prennent telle quelle, dans le SCR de travail.

OpenStreetMap : un extrait Geofabrik (.osm.pbf) ou un fichier XML .osm, lu par le pilote OSM de GDAL (sa couche « lines »). Seules les voies que les voitures peuvent emprunter sont gardées : les classes highway sur lesquelles roulent les préréglages de vitesse OpenStreetMap (de motorway à residential, service, track… ; pas footway, path, cycleway, steps, pedestrian, bridleway, construction, proposed). Champs : osm_id, highway, maxspeed (km/h : « 50 », « 30 mph », « FR:urban » = 50, « FR:rural » = 80 ; vide sans étiquette), oneway (yes = dans le sens du tracé, -1 = à contresens, no = les deux sens ; autoroutes et ronds-points sont à sens unique sauf étiquette contraire), ref, name. Utiliser le champ de classe highway avec un préréglage OpenStreetMap et le champ de sens unique oneway ; maxspeed comme champ de vitesse remplace la vitesse de la classe là où elle est renseignée.

IGN ROUTE 500 (TRONCON_ROUTE) et BD TOPO (TRONCON_DE_ROUTE) : le shapefile, un zip qui le contient, ou le GeoPackage. Les archives .7z de l’IGN ne sont pas lisibles par QGIS : les décompresser d’abord (7-Zip). Gardés : ROUTE 500 VOCATION, CLASS_ADM, SENS, NUM_ROUTE, NB_CHAUSSE ; BD TOPO NATURE, SENS, VIT_MOY_VL (km/h), ACCES_VL, IMPORTANCE, NUMERO (les noms longs du GeoPackage sont écrits sous ces noms). Utiliser le champ de classe VOCATION, CLASS_ADM ou NATURE avec le préréglage de ce champ, ou le champ de vitesse VIT_MOY_VL ; champ de sens unique SENS (Sens direct, Sens inverse).

Découpage : avec une couche de communes, les routes sont coupées à l’union des communes (des départements donnés, sinon toutes) élargie de la bande frontalière (km), pour que les trajets qui passent la frontière prennent les routes des voisins. Sans couche de communes, tout le fichier est gardé. D’autres fichiers du même type (les extraits des régions voisines) peuvent être donnés aussi : une voie présente dans deux extraits n’est gardée qu’une fois.</translation>
    </message>
    <message>
      <source>Communes (polygons) to clip to; empty: no clip</source>
      <translation>Communes (polygones) auxquelles découper ; vide : pas de découpage</translation>
    </message>
    <message>
      <source>Border belt: roads within (km) of the départements' communes (0 = the départements alone)</source>
      <translation>Bande frontalière : routes à moins de (km) des communes des départements (0 = les départements seuls)</translation>
    </message>
    <message>
      <source>So that trips from border communes may cross into the neighbouring départements. Needs the départements and the communes layer.</source>
      <translation>Pour que les trajets depuis les communes frontalières puissent passer dans les départements voisins. Demande les départements et la couche des communes.</translation>
    </message>
    <message>
      <source>{read} line(s) read from {files} file(s), {kept} road(s) kept in the clip area.</source>
      <translation>{read} ligne(s) lue(s) dans {files} fichier(s), {kept} route(s) gardée(s) dans la zone de découpage.</translation>
    </message>
    <message>
      <source>{read} line(s) read from {files} file(s), {kept} road(s) kept.</source>
      <translation>{read} ligne(s) lue(s) dans {files} fichier(s), {kept} route(s) gardée(s).</translation>
    </message>
    <message>
      <source>roads</source>
      <translation>routes</translation>
    </message>
    <message>
      <source>Clip area: {count} commune(s) and a belt of {km:g} km, {km2:,.0f} km².</source>
      <translation>Zone de découpage : {count} commune(s) et une bande de {km:g} km, {km2:,.0f} km².</translation>
    </message>
    <message>
      <source>Clip area: {count} commune(s) without a belt, {km2:,.0f} km².</source>
      <translation>Zone de découpage : {count} commune(s) sans bande frontalière, {km2:,.0f} km².</translation>
    </message>
    <message>
      <source>Other roads</source>
      <translation>Autres routes</translation>
    </message>
    <message>
      <source>Road file (.osm.pbf, .osm; IGN .shp, .zip, .gpkg)</source>
      <translation>Fichier de routes (.osm.pbf, .osm ; IGN .shp, .zip, .gpkg)</translation>
    </message>
    <message>
      <source>Road files (*.pbf *.osm *.shp *.zip *.gpkg);;All files (*.*)</source>
      <translation>Fichiers de routes (*.pbf *.osm *.shp *.zip *.gpkg);;Tous les fichiers (*.*)</translation>
    </message>
    <message>
      <source>Kind of road file</source>
      <translation>Type de fichier de routes</translation>
    </message>
    <message>
      <source>Roads</source>
      <translation>Routes</translation>
    </message>
    <message>
      <source>road</source>
      <translation>de routes</translation>
    </message>
    <message>
      <source>No road is left: the road file holds no road of this kind inside the clip area (check the kind, the départements and the communes layer).</source>
      <translation>Il ne reste aucune route : le fichier ne contient aucune route de ce type dans la zone de découpage (vérifier le type, les départements et la couche des communes).</translation>
    </message>
    <message>
      <source>No communes layer: the whole road file is kept.</source>
      <translation>Pas de couche de communes : tout le fichier de routes est gardé.</translation>
    </message>
    <message>
      <source>Motorway</source>
      <translation>Autoroute</translation>
    </message>
    <message>
      <source>Trunk road</source>
      <translation>Voie rapide</translation>
    </message>
    <message>
      <source>Primary road</source>
      <translation>Route principale</translation>
    </message>
    <message>
      <source>Secondary road</source>
      <translation>Route secondaire</translation>
    </message>
    <message>
      <source>Main link</source>
      <translation>Liaison principale</translation>
    </message>
    <message>
      <source>Regional link</source>
      <translation>Liaison régionale</translation>
    </message>
    <message>
      <source>Dual carriageway</source>
      <translation>Route à 2 chaussées</translation>
    </message>
    <message>
      <source>More road files of the same kind (e.g. the neighbouring régions' extracts)</source>
      <translation>Autres fichiers de routes du même type (par ex. les extraits des régions voisines)</translation>
    </message>
    <message>
      <source>Clipping the roads to départements needs the communes layer: choose it, or leave the départements empty to keep the whole file.</source>
      <translation>Découper les routes aux départements demande la couche des communes : la choisir, ou laisser les départements vides pour garder tout le fichier.</translation>
    </message>
    <message>
      <source>{count} way(s) cars cannot use (footways, paths, cycleways, steps…) left out.</source>
      <translation>{count} voie(s) interdite(s) aux voitures (trottoirs, sentiers, pistes cyclables, escaliers…) écartée(s).</translation>
    </message>
    <message>
      <source>{path} is a 7-Zip archive, which QGIS cannot read: unpack it (7-Zip) and give the {layer} shapefile or GeoPackage inside</source>
      <translation>{path} est une archive 7-Zip, que QGIS ne sait pas lire : la décompresser (7-Zip) et donner le shapefile {layer} ou le GeoPackage qu’elle contient</translation>
    </message>
    <message>
      <source>{path} is not a vector file GDAL can read</source>
      <translation>{path} n’est pas un fichier vecteur lisible par GDAL</translation>
    </message>
    <message>
      <source>{path} has no {layer} layer (its layers: {names})</source>
      <translation>{path} n’a pas de couche {layer} (ses couches : {names})</translation>
    </message>
    <message>
      <source>{path}: the {name} layer is not made of lines</source>
      <translation>{path} : la couche {name} n’est pas faite de lignes</translation>
    </message>
    <message>
      <source>{count} way(s) found in two extracts kept once.</source>
      <translation>{count} voie(s) présente(s) dans deux extraits gardée(s) une fois.</translation>
    </message>
    <message>
      <source>{path} is not an OpenStreetMap file (.osm.pbf or .osm XML)</source>
      <translation>{path} n’est pas un fichier OpenStreetMap (.osm.pbf ou XML .osm)</translation>
    </message>
    <message>
      <source>the OpenStreetMap lines of {path} have no field {fields} (GDAL's osmconf.ini was changed?)</source>
      <translation>les lignes OpenStreetMap de {path} n’ont pas de champ {fields} (le osmconf.ini de GDAL a été modifié ?)</translation>
    </message>
    <message>
      <source>the zip {path} holds no shapefile or GeoPackage</source>
      <translation>le zip {path} ne contient ni shapefile ni GeoPackage</translation>
    </message>
    <message>
      <source>{path}: {error}</source>
      <translation>{path} : {error}</translation>
    </message>
    <message>
      <source>GDAL could not read the road file {path}: {error}</source>
      <translation>GDAL n’a pas pu lire le fichier de routes {path} : {error}</translation>
    </message>
    <message>
      <source>GDAL could not read back the roads of {path}.</source>
      <translation>GDAL n’a pas pu relire les routes de {path}.</translation>
    </message>
    <message>
      <source>no reason given</source>
      <translation>sans raison donnée</translation>
    </message>
    <message>
      <source>Data import</source>
      <translation>Import de données</translation>
    </message>
    <message>
      <source>Border belt: communes of other départements within (km; 0 = the départements alone)</source>
      <translation>Bande limitrophe : communes d’autres départements à moins de (km ; 0 = les départements seuls)</translation>
    </message>
    <message>
      <source>So that one run covers a département with its neighbours: the communes of other départements of the communes layer within this distance of the listed départements' communes are kept too, flagged in_belt. Needs the départements.</source>
      <translation>Pour qu’un seul calcul couvre un département et ses voisins : les communes d’autres départements de la couche des communes à moins de cette distance des communes des départements indiqués sont gardées aussi, signalées par in_belt. Demande les départements.</translation>
    </message>
    <message>
      <source>In the border belt</source>
      <translation>Dans la bande limitrophe</translation>
    </message>
    <message>
      <source>Import RPPS practitioners (Annuaire santé)</source>
      <translation>Importer les praticiens RPPS (Annuaire santé)</translation>
    </message>
    <message>
      <source>GP practices (or other professions) from the RPPS directory file, located by address or commune.</source>
      <translation>Les cabinets de généralistes (ou d'autres professions) du fichier de l'annuaire RPPS, localisés par adresse ou par commune.</translation>
    </message>
    <message>
      <source>Reads the RPPS open extraction (PS_LibreAcces_Personne_activite, the zip as downloaded or the .txt) and places each practitioner's site at a point on the surface of its commune.

Filters: a DREES profession (GPs, nurses, physiotherapists, midwives, dentists: its RPPS codes), or profession codes (10 = médecin), savoir-faire codes (SM53, SM54, SM26 = general practice; empty keeps every speciality), modes of practice (L libéral, S salarié, B bénévole; empty = all) and départements. Newer extractions keep the savoir-faire in a separate PS_LibreAcces_SavoirFaire file: give it, or leave it in the same zip or folder.

A practitioner with several sites is split across them (weight = 1 / number of sites), so that each counts once in total. Paris, Lyon and Marseille arrondissements are counted in the city.

Border belt: with départements and a belt of N km, the practitioners of the communes of other départements within N km of theirs are kept too (the communes layer must hold them), so that the APL of the border communes counts the GPs across the border.

Outputs: one point per practitioner and site (rpps, profession, savoir_faire, mode_exercice, code_commune, secteur, finess_site, weight, in_belt), and every commune of the layer (of the départements and their belt, when départements are given) with n_gp (practitioners with a site there), fte (sum of their weights), 0 where there is none, and in_belt (kept only because it lies in the belt). Rows without a commune code, or whose commune is not in the layer, are counted and listed in the log.</source>
      <translation>Lit l’extraction ouverte du RPPS (PS_LibreAcces_Personne_activite, le zip tel que téléchargé ou le .txt) et place le site de chaque praticien en un point à l’intérieur de sa commune.

Filtres : une profession de la DREES (médecins généralistes, infirmiers, masseurs-kinésithérapeutes, sages-femmes, chirurgiens-dentistes : ses codes RPPS), ou des codes profession (10 = médecin), codes savoir-faire (SM53, SM54, SM26 = médecine générale ; vide = toutes les spécialités), modes d’exercice (L libéral, S salarié, B bénévole ; vide = tous) et départements. Les extractions récentes mettent le savoir-faire dans un fichier PS_LibreAcces_SavoirFaire séparé : indiquez-le, ou laissez-le dans le même zip ou dossier.

Un praticien exerçant sur plusieurs sites est réparti entre eux (poids = 1 / nombre de sites), de sorte qu’il compte une fois au total. Les arrondissements de Paris, Lyon et Marseille sont comptés dans la ville.

Bande limitrophe : avec des départements et une bande de N km, les praticiens des communes d’autres départements à moins de N km des leurs sont gardés aussi (la couche des communes doit les contenir), pour que l’APL des communes frontalières compte les médecins de l’autre côté de la limite.

Sorties : un point par praticien et site (rpps, profession, savoir_faire, mode_exercice, code_commune, secteur, finess_site, weight, in_belt), et chaque commune de la couche (des départements et de leur bande, quand des départements sont indiqués) avec n_gp (praticiens y ayant un site), fte (somme de leurs poids), 0 s’il n’y en a aucun, et in_belt (gardée seulement parce qu’elle est dans la bande). Les lignes sans code commune, ou dont la commune n’est pas dans la couche, sont comptées et listées dans le journal.</translation>
    </message>
    <message>
      <source>No practitioner</source>
      <translation>Aucun praticien</translation>
    </message>
    <message>
      <source>1 practitioner</source>
      <translation>1 praticien</translation>
    </message>
    <message>
      <source>2–3 practitioners</source>
      <translation>2–3 praticiens</translation>
    </message>
    <message>
      <source>4–9 practitioners</source>
      <translation>4–9 praticiens</translation>
    </message>
    <message>
      <source>≥ 10 practitioners</source>
      <translation>≥ 10 praticiens</translation>
    </message>
    <message>
      <source>Départements to keep (e.g. 23,53; empty = all)</source>
      <translation>Départements à garder (p. ex. 23,53 ; vide = tous)</translation>
    </message>
    <message>
      <source>RPPS</source>
      <translation>RPPS</translation>
    </message>
    <message>
      <source>savoir-faire</source>
      <translation>savoir-faire</translation>
    </message>
    <message>
      <source>practitioner sites</source>
      <translation>sites des praticiens</translation>
    </message>
    <message>
      <source>practitioners per commune</source>
      <translation>praticiens par commune</translation>
    </message>
    <message>
      <source>(a file, or its https:// address)</source>
      <translation>(un fichier, ou son adresse https://)</translation>
    </message>
    <message>
      <source>Choose the commune code field of the communes layer.</source>
      <translation>Choisissez le champ du code commune de la couche des communes.</translation>
    </message>
    <message>
      <source>RPPS extraction (PS_LibreAcces_Personne_activite, .txt or .zip)</source>
      <translation>Extraction RPPS (PS_LibreAcces_Personne_activite, .txt ou .zip)</translation>
    </message>
    <message>
      <source>RPPS extraction (*.txt *.zip *.csv);;All files (*.*)</source>
      <translation>Extraction RPPS (*.txt *.zip *.csv);;Tous les fichiers (*.*)</translation>
    </message>
    <message>
      <source>Separate savoir-faire file (PS_LibreAcces_SavoirFaire)</source>
      <translation>Fichier savoir-faire séparé (PS_LibreAcces_SavoirFaire)</translation>
    </message>
    <message>
      <source>DREES profession (sets the profession and savoir-faire codes below)</source>
      <translation>Profession de la DREES (fixe les codes de profession et de savoir-faire ci-dessous)</translation>
    </message>
    <message>
      <source>Profession codes (10 = médecin; empty = all)</source>
      <translation>Codes profession (10 = médecin ; vide = tous)</translation>
    </message>
    <message>
      <source>Savoir-faire codes (general practice: SM53,SM54,SM26; empty = all)</source>
      <translation>Codes savoir-faire (médecine générale : SM53,SM54,SM26 ; vide = tous)</translation>
    </message>
    <message>
      <source>Modes of practice (L libéral, S salarié, B bénévole; empty = all)</source>
      <translation>Modes d’exercice (L libéral, S salarié, B bénévole ; vide = tous)</translation>
    </message>
    <message>
      <source>Practitioner sites</source>
      <translation>Sites des praticiens</translation>
    </message>
    <message>
      <source>Practitioners per commune</source>
      <translation>Praticiens par commune</translation>
    </message>
    <message>
      <source>No practitioner matches the filters.</source>
      <translation>Aucun praticien ne correspond aux filtres.</translation>
    </message>
    <message>
      <source>The border belt must be 0 km or more; got {km:g} km.</source>
      <translation>La bande limitrophe doit être de 0 km ou plus ; reçu {km:g} km.</translation>
    </message>
    <message>
      <source>A border belt of {km:g} km needs the départements it surrounds: without them every commune is kept.</source>
      <translation>Une bande limitrophe de {km:g} km demande les départements qu’elle entoure : sans eux, toutes les communes sont gardées.</translation>
    </message>
    <message>
      <source>The {label} file “{path}” does not exist.</source>
      <translation>Le fichier {label} « {path} » n’existe pas.</translation>
    </message>
    <message>
      <source>Downloading {url}…</source>
      <translation>Téléchargement de {url}…</translation>
    </message>
    <message>
      <source>Downloaded {size} to {path}.</source>
      <translation>{size} téléchargés dans {path}.</translation>
    </message>
    <message>
      <source>… ({count} more)</source>
      <translation>… ({count} de plus)</translation>
    </message>
    <message>
      <source>{placed} practitioner-site rows placed in {communes} commune(s): {n_gp} practitioners, {fte:.1f} full-time equivalents.</source>
      <translation>{placed} lignes praticien-site placées dans {communes} commune(s) : {n_gp} praticiens, {fte:.1f} équivalents temps plein.</translation>
    </message>
    <message>
      <source>{name}: profession code {code}, savoir-faire {codes}.</source>
      <translation>{name} : code de profession {code}, savoir-faire {codes}.</translation>
    </message>
    <message>
      <source>{source}: {lines} lines read ({encoding}); {rows} practitioner-site rows kept for {practitioners} practitioners ({fte:.1f} full-time equivalents).</source>
      <translation>{source} : {lines} lignes lues ({encoding}) ; {rows} lignes praticien-site retenues pour {practitioners} praticiens ({fte:.1f} équivalents temps plein).</translation>
    </message>
    <message>
      <source>Tip: give the départements of the communes layer to keep only their practitioners.</source>
      <translation>Conseil : indiquez les départements de la couche des communes pour ne garder que leurs praticiens.</translation>
    </message>
    <message>
      <source>The département list “{text}” is not valid: {error}</source>
      <translation>La liste de départements « {text} » n’est pas valide : {error}</translation>
    </message>
    <message>
      <source>The {label} file could not be read: {error}</source>
      <translation>Le fichier {label} n’a pas pu être lu : {error}</translation>
    </message>
    <message>
      <source>Border belt of {km:g} km: {count} commune(s) of {departements} kept besides those of {listed} (field in_belt).</source>
      <translation>Bande limitrophe de {km:g} km : {count} commune(s) de {departements} gardée(s) en plus de celles de {listed} (champ in_belt).</translation>
    </message>
    <message>
      <source>{count} commune(s) of the layer have no code in “{field}”: nothing can be joined to them.</source>
      <translation>{count} commune(s) de la couche n’ont pas de code dans « {field} » : rien ne peut leur être joint.</translation>
    </message>
    <message>
      <source>{count} commune code(s) of the field “{field}” appear on several features of the communes layer ({codes}): values go to the first feature of each code.</source>
      <translation>{count} code(s) commune du champ « {field} » figurent sur plusieurs entités de la couche des communes ({codes}) : les valeurs vont à la première entité de chaque code.</translation>
    </message>
    <message>
      <source>Could not write to the output {name}: {error}</source>
      <translation>Impossible d’écrire dans la sortie {name} : {error}</translation>
    </message>
    <message>
      <source>{count} practitioner-site row(s) of the belt's départements lie beyond the belt: left out.</source>
      <translation>{count} ligne(s) praticien-site des départements de la bande sont au-delà de la bande : écartées.</translation>
    </message>
    <message>
      <source>all</source>
      <translation>tous</translation>
    </message>
    <message>
      <source>{count} malformed line(s) of the RPPS file skipped (wrong number of fields).</source>
      <translation>{count} ligne(s) mal formée(s) du fichier RPPS ignorée(s) (nombre de champs incorrect).</translation>
    </message>
    <message>
      <source>{count} row(s) with neither commune nor postal code left out by the département filter.</source>
      <translation>{count} ligne(s) sans commune ni code postal écartée(s) par le filtre de départements.</translation>
    </message>
    <message>
      <source>{count} practitioner-site row(s) have no commune code and are not placed (RPPS ids: {ids}).</source>
      <translation>{count} ligne(s) praticien-site sans code commune, non placée(s) (identifiants RPPS : {ids}).</translation>
    </message>
    <message>
      <source>{count} practitioner-site row(s) have a commune code that is not in the communes layer and are not placed (RPPS ids and communes: {ids}).</source>
      <translation>{count} ligne(s) praticien-site ont un code commune absent de la couche des communes, non placée(s) (identifiants RPPS et communes : {ids}).</translation>
    </message>
    <message>
      <source>{count} practitioner-site row(s) are in a commune without geometry and are not placed (RPPS ids and communes: {ids}).</source>
      <translation>{count} ligne(s) praticien-site sont dans une commune sans géométrie, non placée(s) (identifiants RPPS et communes : {ids}).</translation>
    </message>
    <message>
      <source>No commune of the layer is in the département(s) {departements} (codes in “{field}”).</source>
      <translation>Aucune commune de la couche n’est dans le(s) département(s) {departements} (codes dans « {field} »).</translation>
    </message>
    <message>
      <source>Border belt of {km:g} km: no commune of another département of the layer lies within it.</source>
      <translation>Bande limitrophe de {km:g} km : aucune commune d’un autre département de la couche n’y est.</translation>
    </message>
    <message>
      <source>None: the codes below</source>
      <translation>Aucune : les codes ci-dessous</translation>
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
      <source>{count} feature(s) of the {label} layer have coordinates that are not finite numbers in {crs} (feature ids {ids}): correct their geometries or the layer's CRS.</source>
      <translation>{count} entité(s) de la couche {label} ont des coordonnées qui ne sont pas des nombres finis dans {crs} (identifiants {ids}) : corrigez leurs géométries ou le SCR de la couche.</translation>
    </message>
    <message>
      <source>The working CRS {crs} distorts distances by {error:+.1f} % over the {label} layer (more than 1 %): travel times and distances would be wrong by as much. Choose a working CRS suited to the data, such as {suggestion} ({name}).</source>
      <translation>Le SCR de travail {crs} déforme les distances de {error:+.1f} % sur la couche {label} (plus de 1 %) : les temps de trajet et les distances seraient faux d’autant. Choisissez un SCR de travail adapté aux données, comme {suggestion} ({name}).</translation>
    </message>
    <message>
      <source>The {label} layer could not be opened.</source>
      <translation>La couche {label} n’a pas pu être ouverte.</translation>
    </message>
    <message>
      <source>The {label} layer “{name}” has no defined CRS: set its CRS (Layer Properties &gt; Source, or Vector general &gt; Assign projection) and run again.</source>
      <translation>La couche {label} « {name} » n’a pas de SCR défini : définissez son SCR (Propriétés de la couche &gt; Source, ou Général vecteur &gt; Définir la projection) et relancez.</translation>
    </message>
    <message>
      <source>{count} feature(s) of the {label} layer have an invalid geometry (feature ids {ids}): repair them (Vector geometry &gt; Fix geometries), or let Processing skip or keep invalid features (Options &gt; Processing &gt; General).</source>
      <translation>{count} entité(s) de la couche {label} ont une géométrie invalide (identifiants {ids}) : réparez-les (Géométrie vectorielle &gt; Réparer les géométries), ou laissez Processing ignorer ou garder les entités invalides (Options &gt; Traitements &gt; Général).</translation>
    </message>
    <message>
      <source>{count} feature(s) of the {label} layer could not be reprojected from {source} to {crs} (feature ids {ids}): check their coordinates and the layer's CRS.</source>
      <translation>{count} entité(s) de la couche {label} n’ont pas pu être reprojetées de {source} en {crs} (identifiants {ids}) : vérifiez leurs coordonnées et le SCR de la couche.</translation>
    </message>
    <message>
      <source>{count} feature(s) of the {label} layer have no geometry (feature ids {ids}): fix or remove them.</source>
      <translation>{count} entité(s) de la couche {label} n’ont pas de géométrie (identifiants {ids}) : corrigez-les ou supprimez-les.</translation>
    </message>
    <message>
      <source>Feature {id} of the {label} layer lies where the working CRS {crs} is not defined ({x:.6g}, {y:.6g}): correct its geometry, or choose a working CRS that covers the data.</source>
      <translation>L’entité {id} de la couche {label} se trouve là où le SCR de travail {crs} n’est pas défini ({x:.6g}, {y:.6g}) : corrigez sa géométrie, ou choisissez un SCR de travail qui couvre les données.</translation>
    </message>
    <message>
      <source>The {label} layer has no field “{field}” (its fields: {names}).</source>
      <translation>La couche {label} n’a pas de champ « {field} » (ses champs : {names}).</translation>
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
      <source>{count} feature(s) of the {label} layer have an invalid geometry: skipped, as the Processing options ask.</source>
      <translation>{count} entité(s) de la couche {label} ont une géométrie invalide : ignorées, comme le demandent les options de Processing.</translation>
    </message>
    <message>
      <source>The {label} layer could not be reprojected to {crs}: {error}</source>
      <translation>La couche {label} n’a pas pu être reprojetée en {crs} : {error}</translation>
    </message>
    <message>
      <source>Mobile care tour</source>
      <translation>Tournée de soins mobile</translation>
    </message>
    <message>
      <source>Which stops a mobile surgery visits on each day of its cycle, and in what order, to serve the most underserved people.</source>
      <translation>Les arrêts qu’un cabinet médical mobile dessert chaque jour de son cycle, et dans quel ordre, pour servir le plus de personnes mal desservies.</translation>
    </message>
    <message>
      <source>Plans the cycle of a mobile surgery (médicobus, mobile health unit): every day the vehicle leaves the depot, drives along the roads to some of the candidate stops (town halls, France Services sites, village halls), stays there the given minutes, and is back within the working minutes of the day. A stop serves the demand units within the service time of it. The tour serves the most underserved people, each person counted once, over the days of the cycle.

Underserved: an APL under the threshold and/or more than the given minutes from a GP, from the fields of “Accessibility index” and “Nearest facility”, or with the minutes computed in the run from a layer of GPs.

Solved exactly by HiGHS (mixed-integer programming) within the time limit; the log says whether the tour is proven optimal and the gap. Large cases use a heuristic (greedy insertion, 2-opt, swaps), said so. Stops that cannot be reached, served and left for the depot within a day are left out, said so.

Times come from the road network, or from a travel-time table (output of “Travel-time matrix” or another router's: rows between the depot and the stops both ways, and from the demand units to the stops) matched by the identifier fields. With a table, the demand units, stops and depot may be tables without geometry: the outputs are then tables too (a route has its line only when its stops and the depot have geometry).

Outputs: the stops with their day, order, arrival and departure times and the people served; each day's route as a line along the roads' fastest paths (straight segments with straight-line travel or a travel-time table); the demand units with the day that serves them and underserved before and after.</source>
      <translation>Planifie le cycle d’un cabinet médical mobile (médicobus, unité mobile de santé) : chaque jour le véhicule quitte le dépôt, roule sur les routes jusqu’à certains des arrêts candidats (mairies, France Services, salles des fêtes), y reste le nombre de minutes donné, et rentre dans les minutes de travail de la journée. Un arrêt dessert les unités de demande situées à moins du temps de desserte. La tournée sert le plus de personnes mal desservies, chaque personne comptée une fois, sur les jours du cycle.

Mal desservi : une APL sous le seuil et/ou plus de N minutes d’un médecin généraliste, d’après les champs de « Indice d’accessibilité » et « Équipement le plus proche », ou avec les minutes calculées pendant l’exécution à partir d’une couche de médecins.

Résolu exactement par HiGHS (programmation linéaire en nombres entiers) dans la limite de temps ; le journal dit si la tournée est prouvée optimale et l’écart. Les grands cas utilisent une heuristique (insertion gloutonne, 2-opt, échanges), et le disent. Les arrêts qu’on ne peut atteindre, desservir et quitter pour le dépôt dans la journée sont écartés, et le journal le dit.

Les temps viennent du réseau routier, ou d’une table de temps de trajet (sortie de « Matrice des temps de trajet » ou d’un autre calculateur d’itinéraires : lignes entre le dépôt et les arrêts dans les deux sens, et des unités de demande vers les arrêts) appariée par les champs identifiants. Avec une table, les unités de demande, les arrêts et le dépôt peuvent être des tables sans géométrie : les sorties sont alors des tables elles aussi (un itinéraire n’a sa ligne que si ses arrêts et le dépôt ont une géométrie).

Sorties : les arrêts avec leur jour, leur ordre, leurs heures d’arrivée et de départ et les personnes servies ; l’itinéraire de chaque jour, une ligne le long des chemins les plus rapides par la route (segments droits avec le trajet à vol d’oiseau ou une table de temps de parcours) ; les unités de demande avec le jour qui les sert et le statut mal desservi avant et après.</translation>
    </message>
    <message>
      <source>candidate stops</source>
      <translation>arrêts candidats</translation>
    </message>
    <message>
      <source>stop</source>
      <translation>arrêt</translation>
    </message>
    <message>
      <source>the tour would not say which stop it visits</source>
      <translation>la tournée ne dirait pas quel arrêt elle dessert</translation>
    </message>
    <message>
      <source>depot</source>
      <translation>dépôt</translation>
    </message>
    <message>
      <source>stop or depot</source>
      <translation>arrêt ou dépôt</translation>
    </message>
    <message>
      <source>Underserved</source>
      <translation>Mal desservi</translation>
    </message>
    <message>
      <source>Stops and depot</source>
      <translation>Arrêts et dépôt</translation>
    </message>
    <message>
      <source>Stop identifier field (default: feature id)</source>
      <translation>Champ identifiant des arrêts (par défaut : identifiant de l’entité)</translation>
    </message>
    <message>
      <source>Its first feature is the depot.</source>
      <translation>Sa première entité est le dépôt.</translation>
    </message>
    <message>
      <source>A stop serves the units within (minutes)</source>
      <translation>Un arrêt dessert les unités à moins de (minutes)</translation>
    </message>
    <message>
      <source>Schedule</source>
      <translation>Calendrier</translation>
    </message>
    <message>
      <source>Working minutes per day (driving and stops, depot to depot)</source>
      <translation>Minutes de travail par jour (trajets et arrêts, du dépôt au dépôt)</translation>
    </message>
    <message>
      <source>Minutes at each stop</source>
      <translation>Minutes à chaque arrêt</translation>
    </message>
    <message>
      <source>The day starts at (HH:MM)</source>
      <translation>La journée commence à (HH:MM)</translation>
    </message>
    <message>
      <source>Demand identifier field (with a table: demand unit to stop rows)</source>
      <translation>Champ identifiant de la demande (avec une table : lignes unité de demande vers arrêt)</translation>
    </message>
    <message>
      <source>Depot identifier field (with a table: depot to stop rows and back)</source>
      <translation>Champ identifiant du dépôt (avec une table : lignes dépôt vers arrêt et retour)</translation>
    </message>
    <message>
      <source>Tour stops</source>
      <translation>Arrêts de la tournée</translation>
    </message>
    <message>
      <source>Daily routes (straight segments between stops; times along the roads)</source>
      <translation>Itinéraires quotidiens (segments droits entre arrêts ; temps par la route)</translation>
    </message>
    <message>
      <source>Demand units served</source>
      <translation>Unités de demande servies</translation>
    </message>
    <message>
      <source>The cycle must have 1 day or more.</source>
      <translation>Le cycle doit compter 1 jour ou plus.</translation>
    </message>
    <message>
      <source>The working minutes per day must be more than 0.</source>
      <translation>Les minutes de travail par jour doivent être plus de 0.</translation>
    </message>
    <message>
      <source>The minutes at each stop must be 0 or more.</source>
      <translation>Les minutes à chaque arrêt doivent être 0 ou plus.</translation>
    </message>
    <message>
      <source>The service time of a stop must be more than 0 minutes.</source>
      <translation>Le temps de desserte d’un arrêt doit être de plus de 0 minute.</translation>
    </message>
    <message>
      <source>index</source>
      <translation>indice</translation>
    </message>
    <message>
      <source>The start of the day “{text}” is not a time of day such as 08:30.</source>
      <translation>Le début de journée « {text} » n’est pas une heure telle que 08:30.</translation>
    </message>
    <message>
      <source>A unit is underserved when</source>
      <translation>Une unité est mal desservie quand</translation>
    </message>
    <message>
      <source>Accessibility index field (e.g. access_index, APL)</source>
      <translation>Champ de l’indice d’accessibilité (access_index, APL…)</translation>
    </message>
    <message>
      <source>Underserved under (index)</source>
      <translation>Sous-dotée en dessous de (indice)</translation>
    </message>
    <message>
      <source>Empty: the minutes are computed in the run from the GPs layer below; an empty value means no GP within reach (isolated).</source>
      <translation>Vide : les minutes sont calculées pendant l’exécution à partir de la couche de médecins ci-dessous ; une valeur vide signifie aucun médecin à portée (isolé).</translation>
    </message>
    <message>
      <source>GPs (to compute the minutes when no field is given)</source>
      <translation>Médecins généralistes (pour calculer les minutes quand aucun champ n’est donné)</translation>
    </message>
    <message>
      <source>Isolated beyond (minutes to the nearest GP)</source>
      <translation>Isolée au-delà de (minutes au médecin le plus proche)</translation>
    </message>
    <message>
      <source>Candidate stops (town halls, France Services sites, village halls…)</source>
      <translation>Arrêts candidats (mairies, France Services, salles des fêtes…)</translation>
    </message>
    <message>
      <source>Depot (where each day starts and ends)</source>
      <translation>Dépôt (où chaque journée commence et finit)</translation>
    </message>
    <message>
      <source>Days in the cycle (e.g. 5 a week, 10 a fortnight)</source>
      <translation>Jours du cycle (p. ex. 5 par semaine, 10 par quinzaine)</translation>
    </message>
    <message>
      <source>Underserved: {before:,.0f} inhabitants before, {after:,.0f} after the tour ({served:,.0f} served).</source>
      <translation>Mal desservis : {before:,.0f} habitants avant, {after:,.0f} après la tournée ({served:,.0f} servis).</translation>
    </message>
    <message>
      <source>Travel-time table: {pairs:,} stop and depot pairs, {reach:,} demand unit to stop pairs.</source>
      <translation>Table des temps de trajet : {pairs:,} paires d’arrêts et du dépôt, {reach:,} paires unité de demande vers arrêt.</translation>
    </message>
    <message>
      <source>Choose the accessibility index field: the rule uses the index.</source>
      <translation>Choisissez le champ de l’indice d’accessibilité : la règle utilise l’indice.</translation>
    </message>
    <message>
      <source>The stops and the depot have no geometry: the stops and the daily routes are written as tables (without points or lines).</source>
      <translation>Les arrêts et le dépôt n’ont pas de géométrie : les arrêts et les itinéraires du jour sont écrits en tables (sans points ni lignes).</translation>
    </message>
    <message>
      <source>Minutes to the nearest GP field (e.g. nearest_min)</source>
      <translation>Champ des minutes au médecin le plus proche (nearest_min…)</translation>
    </message>
    <message>
      <source>The depot layer has {count} features: the first is the depot.</source>
      <translation>La couche du dépôt a {count} entités : la première est le dépôt.</translation>
    </message>
    <message>
      <source>The depot's identifier “{id}” is also a stop's: with a travel-time table each place needs its own.</source>
      <translation>L’identifiant du dépôt « {id} » est aussi celui d’un arrêt : avec une table des temps de trajet, chaque lieu doit avoir le sien.</translation>
    </message>
    <message>
      <source>With a travel-time table, give the minutes to the nearest GP as a field of the demand units.</source>
      <translation>Avec une table des temps de trajet, donnez les minutes jusqu’au médecin le plus proche dans un champ des unités de demande.</translation>
    </message>
    <message>
      <source>Day {day}</source>
      <translation>Jour {day}</translation>
    </message>
    <message>
      <source>The route of day(s) {days} is written without a line: some of its stops or the depot have no geometry.</source>
      <translation>L’itinéraire du ou des jours {days} est écrit sans ligne : certains de ses arrêts ou le dépôt n’ont pas de géométrie.</translation>
    </message>
    <message>
      <source>Underserved, served by the tour</source>
      <translation>Mal desservi, servi par la tournée</translation>
    </message>
    <message>
      <source>Underserved, not served</source>
      <translation>Mal desservi, non servi</translation>
    </message>
    <message>
      <source>Not underserved</source>
      <translation>Pas mal desservi</translation>
    </message>
    <message>
      <source>stops</source>
      <translation>arrêts</translation>
    </message>
    <message>
      <source>GPs</source>
      <translation>médecins généralistes</translation>
    </message>
    <message>
      <source>Choose the minutes to the nearest GP field, or a GPs layer: the rule uses the time to a GP.</source>
      <translation>Choisissez le champ des minutes jusqu’au médecin le plus proche, ou une couche de médecins : la règle utilise le temps jusqu’à un médecin.</translation>
    </message>
    <message>
      <source>Minutes to the nearest GP computed from the GPs layer ({count} GPs).</source>
      <translation>Minutes jusqu’au médecin le plus proche calculées à partir de la couche de médecins ({count} médecins).</translation>
    </message>
    <message>
      <source>Nearest facility</source>
      <translation>Établissement le plus proche</translation>
    </message>
    <message>
      <source>Minutes from every commune or cell to its nearest facility, and how many are within a given time.</source>
      <translation>Les minutes de chaque commune ou maille jusqu'à l'établissement le plus proche, et combien sont à moins d'un temps donné.</translation>
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
      <source>Facilities (e.g. GP practices, MSP)</source>
      <translation>Établissements (cabinets de médecine générale, MSP…)</translation>
    </message>
    <message>
      <source>Search limit (minutes)</source>
      <translation>Limite de recherche (minutes)</translation>
    </message>
    <message>
      <source>Count facilities within (minutes; 0: no count)</source>
      <translation>Compter les établissements à moins de (minutes ; 0 : pas de compte)</translation>
    </message>
    <message>
      <source>The search limit must be more than 0 minutes.</source>
      <translation>La limite de recherche doit dépasser 0 minute.</translation>
    </message>
    <message>
      <source>The counting time must be 0 minutes (no count) or more.</source>
      <translation>Le temps de comptage doit être de 0 minute (pas de compte) ou plus.</translation>
    </message>
    <message>
      <source>{reached} of {total} demand units reach a facility; median {median:.1f} min, worst {worst:.1f} min.</source>
      <translation>{reached} des {total} unités de demande atteignent un établissement ; médiane {median:.1f} min, pire {worst:.1f} min.</translation>
    </message>
    <message>
      <source>{none} have no facility within {within:g} min.</source>
      <translation>{none} n’ont aucun établissement à moins de {within:g} min.</translation>
    </message>
    <message>
      <source>No facility within {minutes:g} min</source>
      <translation>Aucun équipement à moins de {minutes:g} min</translation>
    </message>
    <message>
      <source>OpenStreetMap “highway”, near legal limits</source>
      <translation>OpenStreetMap « highway », proches des limites légales</translation>
    </message>
    <message>
      <source>IGN BD TOPO “NATURE”, near legal limits</source>
      <translation>IGN BD TOPO « NATURE », proches des limites légales</translation>
    </message>
    <message>
      <source>IGN ROUTE 500 “CLASS_ADM” (autoroute, nationale, départementale), near legal limits</source>
      <translation>IGN ROUTE 500 « CLASS_ADM » (autoroute, nationale, départementale), proches des limites légales</translation>
    </message>
    <message>
      <source>IGN ROUTE 500 “VOCATION”, near legal limits</source>
      <translation>IGN ROUTE 500 « VOCATION », proches des limites légales</translation>
    </message>
    <message>
      <source>OpenStreetMap “highway”, average speeds (OSRM car profile)</source>
      <translation>OpenStreetMap « highway », vitesses moyennes (profil voiture d’OSRM)</translation>
    </message>
    <message>
      <source>IGN BD TOPO “NATURE”, average speeds (OSRM car profile)</source>
      <translation>IGN BD TOPO « NATURE », vitesses moyennes (profil voiture d’OSRM)</translation>
    </message>
    <message>
      <source>IGN ROUTE 500 “CLASS_ADM”, average speeds (OSRM car profile)</source>
      <translation>IGN ROUTE 500 « CLASS_ADM », vitesses moyennes (profil voiture d’OSRM)</translation>
    </message>
    <message>
      <source>IGN ROUTE 500 “VOCATION”, average speeds (OSRM car profile)</source>
      <translation>IGN ROUTE 500 « VOCATION », vitesses moyennes (profil voiture d’OSRM)</translation>
    </message>
    <message>
      <source>“Near legal limits”: each class at about its speed limit, the fastest a car may go. “Average speeds”: the speeds of OpenStreetMap's most used router, OSRM (car profile, roads without a speed tag: motorway 90, trunk 85, primary 65, secondary 55, tertiary 40, unclassified and residential 25 km/h); IGN classes take the speed of the OSM class of the same roads (ROUTE 500 départementale = between secondary and tertiary, 47.5 km/h; BD TOPO route à 1 chaussée = tertiary, 40 km/h). Average speeds model a trip, with its bends, villages and junctions, and come closer to the DREES APL; legal limits make times too short. Built-up areas are not slowed down.</source>
      <translation>« Proches des limites légales » : chaque classe à peu près à sa vitesse maximale autorisée, le plus vite qu’une voiture puisse y aller. « Vitesses moyennes » : les vitesses du calculateur d’itinéraires OpenStreetMap le plus utilisé, OSRM (profil voiture, routes sans limitation renseignée : motorway 90, trunk 85, primary 65, secondary 55, tertiary 40, unclassified et residential 25 km/h) ; les classes IGN prennent la vitesse de la classe OSM des mêmes routes (ROUTE 500 départementale = entre secondary et tertiary, 47,5 km/h ; BD TOPO route à 1 chaussée = tertiary, 40 km/h). Les vitesses moyennes modélisent un trajet, avec ses virages, ses villages et ses carrefours, et se rapprochent de l’APL de la DREES ; les limites légales donnent des temps trop courts. Les agglomérations ne sont pas ralenties.</translation>
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
      <source>Speeds of road classes</source>
      <translation>Vitesses des classes de route</translation>
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
      <source>Default speed (km/h)</source>
      <translation>Vitesse par défaut (km/h)</translation>
    </message>
    <message>
      <source>Road network</source>
      <translation>Réseau routier</translation>
    </message>
    <message>
      <source>Working CRS, projected in metres (inputs are reprojected to it)</source>
      <translation>SCR de travail, projeté en mètres (les entrées y sont reprojetées)</translation>
    </message>
    <message>
      <source>speed</source>
      <translation>vitesse</translation>
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
      <source> The same roads as the previous run: its network is reused.</source>
      <translation> Les mêmes routes qu’à l’exécution précédente : son réseau est réutilisé.</translation>
    </message>
    <message>
      <source>The detour factor must be 1 or more.</source>
      <translation>Le coefficient de détour doit valoir au moins 1.</translation>
    </message>
    <message>
      <source>One-way values, in drawing direction (comma separated)</source>
      <translation>Valeurs de sens unique, dans le sens de numérisation (séparées par des virgules)</translation>
    </message>
    <message>
      <source>{count} road line(s) without geometry are left out.</source>
      <translation>{count} ligne(s) de route sans géométrie sont écartées.</translation>
    </message>
    <message>
      <source>Road network: {lines} lines, {nodes} nodes, {edges} directed edges, {parts} connected part(s).</source>
      <translation>Réseau routier : {lines} lignes, {nodes} nœuds, {edges} arcs orientés, {parts} partie(s) connexe(s).</translation>
    </message>
    <message>
      <source>The topology tolerance ({tolerance:g} m) is not under the median length of the road segments ({median:.3g} m): joining vertices that close would merge most of the network into a few nodes. Use a tolerance of a few metres at most (0.5 m by default).</source>
      <translation>La tolérance topologique ({tolerance:g} m) n’est pas inférieure à la longueur médiane des segments de route ({median:.3g} m) : joindre des sommets aussi proches fondrait la plus grande partie du réseau en quelques nœuds. Utilisez une tolérance de quelques mètres au plus (0,5 m par défaut).</translation>
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
      <source>The output {output} cannot be written: the folder {folder} does not exist.</source>
      <translation>La sortie {output} ne peut pas être écrite : le dossier {folder} n’existe pas.</translation>
    </message>
    <message>
      <source>The output {output} cannot be written: “.{extension}” is not a vector format QGIS can write (choose .gpkg, .shp, .geojson, .fgb or .csv).</source>
      <translation>La sortie {output} ne peut pas être écrite : « .{extension} » n’est pas un format vecteur que QGIS sait écrire (choisissez .gpkg, .shp, .geojson, .fgb ou .csv).</translation>
    </message>
    <message>
      <source>The output {output} cannot be written: {path} is a folder.</source>
      <translation>La sortie {output} ne peut pas être écrite : {path} est un dossier.</translation>
    </message>
    <message>
      <source>The output {output} could not be written completely ({count} of {written} features in the file; is the disk full?): nothing was written.</source>
      <translation>La sortie {output} n’a pas pu être écrite en entier ({count} entités sur {written} dans le fichier ; le disque est-il plein ?) : rien n’a été écrit.</translation>
    </message>
    <message>
      <source>The output {output} could not be added to {path}: {error}</source>
      <translation>La sortie {output} n’a pas pu être ajoutée à {path} : {error}</translation>
    </message>
    <message>
      <source>The output {output} would write to {path}, which holds the input {input}: choose another file, so that the input is not overwritten.</source>
      <translation>La sortie {output} écrirait dans {path}, qui contient l’entrée {input} : choisissez un autre fichier, pour que l’entrée ne soit pas écrasée.</translation>
    </message>
    <message>
      <source>The outputs {first} and {second} would both write to {path}: give each its own file or layer.</source>
      <translation>Les sorties {first} et {second} écriraient toutes deux dans {path} : donnez à chacune son propre fichier ou sa propre couche.</translation>
    </message>
    <message>
      <source>The output {output} was not written: nothing was written.</source>
      <translation>La sortie {output} n’a pas été écrite : rien n’a été écrit.</translation>
    </message>
    <message>
      <source>The output {output} could not be written: {error}</source>
      <translation>La sortie {output} n’a pas pu être écrite : {error}</translation>
    </message>
    <message>
      <source>the file refused a feature (disk full?)</source>
      <translation>le fichier a refusé une entité (disque plein ?)</translation>
    </message>
    <message>
      <source>The output {output} cannot be written in {folder}: {error}</source>
      <translation>La sortie {output} ne peut pas être écrite dans {folder} : {error}</translation>
    </message>
    <message>
      <source>Travel times</source>
      <translation>Temps de trajet</translation>
    </message>
    <message>
      <source>west</source>
      <translation>ouest</translation>
    </message>
    <message>
      <source>east</source>
      <translation>est</translation>
    </message>
    <message>
      <source>south</source>
      <translation>sud</translation>
    </message>
    <message>
      <source>north</source>
      <translation>nord</translation>
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
      <source>Without a travel-time table, the {label} layer needs point or polygon geometry: “{name}” has none (a table). Give it geometry, or give a travel-time table (the output of “Travel-time matrix” or another router's) whose identifiers match the identifier fields.</source>
      <translation>Sans table de temps de trajet, la couche {label} doit avoir une géométrie de points ou de polygones : « {name} » n’en a pas (c’est une table). Donnez-lui une géométrie, ou donnez une table de temps de trajet (la sortie de « Matrice des temps de trajet » ou d’un autre calculateur d’itinéraires) dont les identifiants correspondent aux champs identifiants.</translation>
    </message>
    <message>
      <source>The {label} layer stops within {km:g} km of the demand units' edge on the {sides} side(s): what lies beyond (a neighbouring département's) is not counted, so {count} demand unit(s) near that edge may get too low an index or too long a time. Add the {label} of a {km:g} km belt around the territory (and, for the APL, its population).</source>
      <translation>La couche « {label} » s'arrête à moins de {km:g} km du bord des unités de demande (côté {sides}) : ce qui est au-delà (dans un département voisin) n'est pas compté, donc {count} unité(s) de demande près de ce bord peuvent avoir un indice trop bas ou un temps trop long. Ajoutez les entités « {label} » d'une bande de {km:g} km autour du territoire (et, pour l'APL, sa population).</translation>
    </message>
    <message>
      <source>Medical deserts: access to care in France</source>
      <translation>Déserts médicaux : l’accès aux soins en France</translation>
    </message>
    <message>
      <source>QGIS gave no reason</source>
      <translation>QGIS n’a pas donné de raison</translation>
    </message>
    <message>
      <source>Made by “{algorithm}” (Medical deserts plugin).</source>
      <translation>Produit par « {algorithm} » (extension Medical deserts).</translation>
    </message>
    <message>
      <source>The description of the run could not be saved in {path}: {error}</source>
      <translation>La description du calcul n’a pas pu être enregistrée dans {path} : {error}</translation>
    </message>
    <message>
      <source>&lt; 10 min</source>
      <translation>&lt; 10 min</translation>
    </message>
    <message>
      <source>10–20 min</source>
      <translation>10–20 min</translation>
    </message>
    <message>
      <source>20–30 min</source>
      <translation>20–30 min</translation>
    </message>
    <message>
      <source>30–45 min</source>
      <translation>30–45 min</translation>
    </message>
    <message>
      <source>≥ 45 min</source>
      <translation>≥ 45 min</translation>
    </message>
    <message>
      <source>&lt; 2.5 consultations/yr/inhabitant (priority zone)</source>
      <translation>&lt; 2,5 consultations/an/habitant (zone prioritaire)</translation>
    </message>
    <message>
      <source>2.5–4 consultations/yr/inhabitant (vigilance)</source>
      <translation>2,5–4 consultations/an/habitant (vigilance)</translation>
    </message>
    <message>
      <source>≥ 4 consultations/yr/inhabitant</source>
      <translation>≥ 4 consultations/an/habitant</translation>
    </message>
    <message>
      <source>≥ 15 min saved</source>
      <translation>≥ 15 min gagnées</translation>
    </message>
    <message>
      <source>5–15 min saved</source>
      <translation>5–15 min gagnées</translation>
    </message>
    <message>
      <source>0.5–5 min saved</source>
      <translation>0,5–5 min gagnées</translation>
    </message>
    <message>
      <source>unchanged (± 0.5 min)</source>
      <translation>inchangé (± 0,5 min)</translation>
    </message>
    <message>
      <source>longer</source>
      <translation>plus long</translation>
    </message>
    <message>
      <source>lower</source>
      <translation>en baisse</translation>
    </message>
    <message>
      <source>unchanged (± 0.05 consultations/yr/inhabitant)</source>
      <translation>inchangé (± 0,05 consultation/an/habitant)</translation>
    </message>
    <message>
      <source>+0.05 to +1 consultation/yr/inhabitant</source>
      <translation>+0,05 à +1 consultation/an/habitant</translation>
    </message>
    <message>
      <source>+1 to +2.5 consultations/yr/inhabitant</source>
      <translation>+1 à +2,5 consultations/an/habitant</translation>
    </message>
    <message>
      <source>+2.5 to +5 consultations/yr/inhabitant</source>
      <translation>+2,5 à +5 consultations/an/habitant</translation>
    </message>
    <message>
      <source>≥ +5 consultations/yr/inhabitant</source>
      <translation>≥ +5 consultations/an/habitant</translation>
    </message>
    <message>
      <source>Rank 1</source>
      <translation>Rang 1</translation>
    </message>
    <message>
      <source>Ranks 2–3</source>
      <translation>Rangs 2–3</translation>
    </message>
    <message>
      <source>Ranks 4–10</source>
      <translation>Rangs 4–10</translation>
    </message>
    <message>
      <source>Ranks 11 and more</source>
      <translation>Rangs 11 et plus</translation>
    </message>
    <message>
      <source>{lower:g}–{upper:g} min</source>
      <translation>{lower:g}–{upper:g} min</translation>
    </message>
    <message>
      <source>The style could not be saved in {path}: {error}</source>
      <translation>Le style n’a pas pu être enregistré dans {path} : {error}</translation>
    </message>
    <message>
      <source>Maximal covering (MCLP): most people within the radius with p new sites</source>
      <translation>Couverture maximale (MCLP) : le plus d’habitants dans le rayon avec p nouveaux sites</translation>
    </message>
    <message>
      <source>p-median: least total travel time with p new sites</source>
      <translation>p-médian : le moins de temps de trajet total avec p nouveaux sites</translation>
    </message>
    <message>
      <source>p-center: shortest worst travel time with p new sites</source>
      <translation>p-centre : le pire temps de trajet le plus court avec p nouveaux sites</translation>
    </message>
    <message>
      <source>Set covering (LSCP): fewest sites so everyone is within the radius</source>
      <translation>Couverture d’ensemble (LSCP) : le moins de sites pour que tous soient dans le rayon</translation>
    </message>
    <message>
      <source>APL lift: most people brought to the APL threshold with p new sites</source>
      <translation>Relèvement de l’APL : le plus d’habitants portés au seuil d’APL avec p nouveaux sites</translation>
    </message>
    <message>
      <source>APL gain: largest population-weighted APL gain with p new sites</source>
      <translation>Gain d’APL : le plus grand gain d’APL pondéré par la population avec p nouveaux sites</translation>
    </message>
    <message>
      <source>Suggest sites for new health centres</source>
      <translation>Proposer des sites pour de nouveaux centres de santé</translation>
    </message>
    <message>
      <source>Where p new health centres would bring the most people within reach or to an APL of 2.5, and what each changes.</source>
      <translation>Où p nouveaux centres de santé mettraient le plus d'habitants à portée ou à une APL de 2,5, et ce que chacun change.</translation>
    </message>
    <message>
      <source>Chooses among candidate sites (town halls, vacant buildings, commune centres; the demand units themselves when no candidate layer is given) where to open new health centres, keeping the existing facilities open, over the road network.

Models (Church &amp; ReVelle; coverage is time ≤ radius): maximal covering, p-median, p-center, set covering, and the APL lift: with the DREES APL method, a new site of a given supply (consultations per year, 3 GPs × 5,400 by default) adds to each commune's APL a known amount, so the sites that bring the most inhabitants to the threshold (2.5) are found exactly. The APL shares supply by standardised inhabitants (the pop_std field of “Accessibility index”, or the field chosen in the advanced parameters) and counts people with the population field.

Solved exactly by HiGHS (mixed-integer programming) within the time limit; the log says whether the result is proven optimal and the gap. Very large cases use a greedy + swap heuristic, said so.

Outputs: the chosen sites ranked by what each adds (what the objective loses if that site alone is dropped); the demand units with their site and time (or APL) before and after; allocation lines.

Times come from the road network, or from a travel-time table (output of “Travel-time matrix” or another router's) matched by the identifier fields. With a table, the demand units, candidates and existing facilities may be tables without geometry (a CSV of communes with their code and population): the outputs are then tables too; the allocation lines need the geometry of the demand units and sites.

Who counts (optional): only the people farther than N minutes from an existing facility (or from the time field given, e.g. nearest_min of “Nearest facility”; empty = beyond reach), and/or whose index (e.g. the APL) is under a threshold. Either condition makes a unit count (targeted = true in the output); the others weigh nothing in the objective. With pharmacies or France Services sites as candidates, this answers “which 5 of them should host a téléconsultation point”.</source>
      <translation>Choisit parmi des sites candidats (mairies, locaux vacants, centres de communes ; les unités de demande elles-mêmes sans couche de candidats) où ouvrir de nouveaux centres de santé, en gardant les établissements existants, sur le réseau routier.

Modèles (Church et ReVelle ; couverture : temps ≤ rayon) : couverture maximale, p-médian, p-centre, couverture d’ensemble, et le relèvement de l’APL : avec la méthode APL de la DREES, un nouveau site d’une offre donnée (consultations par an, 3 médecins × 5 400 par défaut) ajoute à l’APL de chaque commune une quantité connue, de sorte que les sites qui portent le plus d’habitants au seuil (2,5) sont trouvés exactement. L’APL partage l’offre selon les habitants standardisés (le champ pop_std de « Indice d’accessibilité », ou le champ choisi dans les paramètres avancés) et compte les personnes avec le champ de population.

Résolu exactement par HiGHS (programmation linéaire en nombres entiers) dans la limite de temps ; le journal dit si le résultat est prouvé optimal et l’écart. Les très grands cas utilisent une heuristique gloutonne avec échanges, et le disent.

Sorties : les sites choisis classés par ce que chacun apporte (ce que l’objectif perd si ce seul site est retiré) ; les unités de demande avec leur site et leur temps (ou APL) avant et après ; les lignes d’affectation.

Les temps viennent du réseau routier, ou d’une table de temps de trajet (sortie de « Matrice des temps de trajet » ou d’un autre calculateur d’itinéraires) appariée par les champs identifiants. Avec une table, les unités de demande, les candidats et les établissements existants peuvent être des tables sans géométrie (un CSV des communes avec leur code et leur population) : les sorties sont alors des tables elles aussi ; les lignes d’affectation demandent la géométrie des unités de demande et des sites.

Qui compte (facultatif) : seulement les personnes à plus de N minutes d’un établissement existant (ou du champ de temps indiqué, par exemple nearest_min de « Établissement le plus proche » ; vide = hors d’atteinte), et/ou dont l’indice (par exemple l’APL) est sous un seuil. L’une ou l’autre condition fait compter une unité (targeted = vrai dans la sortie) ; les autres ne pèsent rien dans l’objectif. Avec les pharmacies ou les structures France services comme candidats, cela répond à « lesquelles des 5 devraient accueillir un point de téléconsultation ».</translation>
    </message>
    <message>
      <source>Who counts</source>
      <translation>Qui compte</translation>
    </message>
    <message>
      <source>Time to the nearest GP field (minutes; default: computed to the existing facilities)</source>
      <translation>Champ du temps jusqu’au médecin le plus proche (minutes ; par défaut : calculé jusqu’aux établissements existants)</translation>
    </message>
    <message>
      <source>or with an index under the threshold below: index field (e.g. access_index)</source>
      <translation>ou dont l’indice est sous le seuil ci-dessous : champ de l’indice (par exemple access_index)</translation>
    </message>
    <message>
      <source>Index threshold (e.g. 2.5 for the APL)</source>
      <translation>Seuil de l’indice (par exemple 2,5 pour l’APL)</translation>
    </message>
    <message>
      <source>Candidate sites and existing facilities</source>
      <translation>Sites candidats et établissements existants</translation>
    </message>
    <message>
      <source>Candidate identifier field (default: feature id)</source>
      <translation>Champ identifiant des candidats (par défaut : identifiant d’entité)</translation>
    </message>
    <message>
      <source>Existing facilities, kept open</source>
      <translation>Établissements existants, maintenus ouverts</translation>
    </message>
    <message>
      <source>Existing facility identifier field (default: feature id)</source>
      <translation>Champ identifiant des établissements existants (par défaut : identifiant d’entité)</translation>
    </message>
    <message>
      <source>Model</source>
      <translation>Modèle</translation>
    </message>
    <message>
      <source>Longest trip considered (minutes)</source>
      <translation>Trajet le plus long pris en compte (minutes)</translation>
    </message>
    <message>
      <source>Demand identifier field (with a table: matches its origins; the candidates' and existing facilities' identifiers match its destinations)</source>
      <translation>Champ identifiant de la demande (avec une table : correspond à ses origines ; les identifiants des candidats et des établissements existants correspondent à ses destinations)</translation>
    </message>
    <message>
      <source>Suggested sites</source>
      <translation>Sites proposés</translation>
    </message>
    <message>
      <source>Demand units before and after</source>
      <translation>Unités de demande avant et après</translation>
    </message>
    <message>
      <source>Allocation lines</source>
      <translation>Lignes d’affectation</translation>
    </message>
    <message>
      <source>coverage radius</source>
      <translation>rayon de couverture</translation>
    </message>
    <message>
      <source>longest trip</source>
      <translation>trajet le plus long</translation>
    </message>
    <message>
      <source>The supply of a new site must be more than 0 consultations per year.</source>
      <translation>L’offre d’un nouveau site doit être supérieure à 0 consultation par an.</translation>
    </message>
    <message>
      <source>The APL threshold must be more than 0 consultations per year.</source>
      <translation>Le seuil d’APL doit être supérieur à 0 consultation par an.</translation>
    </message>
    <message>
      <source>No candidate layer: every demand unit is a candidate site.</source>
      <translation>Pas de couche de candidats : chaque unité de demande est un site candidat.</translation>
    </message>
    <message>
      <source>candidate sites</source>
      <translation>sites candidats</translation>
    </message>
    <message>
      <source>candidate</source>
      <translation>candidat</translation>
    </message>
    <message>
      <source>the suggested sites would not say which candidate they are</source>
      <translation>les sites proposés ne diraient pas de quel candidat il s’agit</translation>
    </message>
    <message>
      <source>existing facilities</source>
      <translation>établissements existants</translation>
    </message>
    <message>
      <source>The candidate sites have no geometry: the suggested sites are written as a table (without points).</source>
      <translation>Les sites candidats n’ont pas de géométrie : les sites proposés sont écrits en table (sans points).</translation>
    </message>
    <message>
      <source>APL demand: the population as it is (no standardised population field).</source>
      <translation>Demande de l’APL : la population telle quelle (pas de champ de population standardisée).</translation>
    </message>
    <message>
      <source>APL demand</source>
      <translation>demande de l’APL</translation>
    </message>
    <message>
      <source>the only site some inhabitants reach</source>
      <translation>seul site accessible à certains habitants</translation>
    </message>
    <message>
      <source>0 counts everyone. Otherwise a unit counts when its time to the nearest existing facility (the field below, or computed to the existing facilities) is more than this, or unknown (none within the longest trip).</source>
      <translation>0 compte tout le monde. Sinon une unité compte quand son temps jusqu’à l’établissement existant le plus proche (le champ ci-dessous, ou calculé jusqu’aux établissements existants) dépasse cette valeur, ou est inconnu (aucun dans le trajet le plus long).</translation>
    </message>
    <message>
      <source>Candidate sites (default: the demand units)</source>
      <translation>Sites candidats (par défaut : les unités de demande)</translation>
    </message>
    <message>
      <source>GPs per existing facility field (APL models; default 1, 5,400 consultations each)</source>
      <translation>Champ des généralistes par établissement existant (modèles APL ; 1 par défaut, 5 400 consultations chacun)</translation>
    </message>
    <message>
      <source>Number of new sites (p; all but LSCP)</source>
      <translation>Nombre de nouveaux sites (p ; tous sauf LSCP)</translation>
    </message>
    <message>
      <source>Coverage radius (minutes; MCLP, LSCP)</source>
      <translation>Rayon de couverture (minutes ; MCLP, LSCP)</translation>
    </message>
    <message>
      <source>Capacity of a site (inhabitants; 0 = no limit; MCLP, p-median)</source>
      <translation>Capacité d’un site (habitants ; 0 = sans limite ; MCLP, p-médian)</translation>
    </message>
    <message>
      <source>Supply of a new site (consultations per year; APL models)</source>
      <translation>Offre d'un nouveau site (consultations par an ; modèles APL)</translation>
    </message>
    <message>
      <source>APL threshold (APL models)</source>
      <translation>Seuil d'APL (modèles APL)</translation>
    </message>
    <message>
      <source>No existing facilities: every demand unit starts from an APL of 0.</source>
      <translation>Pas d’établissement existant : chaque unité de demande part d’une APL de 0.</translation>
    </message>
    <message>
      <source>Who counts: {units:,} of {total:,} demand units ({people:,.0f} of {all:,.0f} inhabitants), {conditions}.</source>
      <translation>Qui compte : {units:,} des {total:,} unités de demande ({people:,.0f} des {all:,.0f} habitants), {conditions}.</translation>
    </message>
    <message>
      <source>site</source>
      <translation>site</translation>
    </message>
    <message>
      <source>sites</source>
      <translation>sites</translation>
    </message>
    <message>
      <source>APL demand: standardised inhabitants of the field “{field}”; people are counted with the population field.</source>
      <translation>Demande de l’APL : habitants standardisés du champ « {field} » ; les personnes sont comptées avec le champ de population.</translation>
    </message>
    <message>
      <source>+{value} inhabitants within {minutes} min</source>
      <translation>+{value} hab. à ≤ {minutes} min</translation>
    </message>
    <message>
      <source>+{value} APL × inhabitants</source>
      <translation>+{value} APL × hab.</translation>
    </message>
    <message>
      <source>APL: demand field (standardised inhabitants; default: pop_std when the layer has it, else the population)</source>
      <translation>APL : champ de demande (habitants standardisés ; par défaut pop_std si la couche l’a, sinon la population)</translation>
    </message>
    <message>
      <source>Only people farther than (minutes from an existing facility; 0: everyone)</source>
      <translation>Seulement les personnes à plus de (minutes d’un établissement existant ; 0 : tout le monde)</translation>
    </message>
    <message>
      <source>Nobody counts: no inhabited demand unit is {conditions}.</source>
      <translation>Personne ne compte : aucune unité de demande habitée n’est {conditions}.</translation>
    </message>
    <message>
      <source>p-center: {count} demand unit(s) ({people:,.0f} inhabitants; feature ids {ids}) reach no candidate site or existing facility within the longest trip ({minutes:g} min): the worst time would be infinite. Raise the longest trip, add candidate sites, or leave those units out.</source>
      <translation>p-centre : {count} unité(s) de demande ({people:,.0f} habitants ; identifiants d’entités {ids}) n’atteignent aucun site candidat ni établissement existant dans le trajet le plus long ({minutes:g} min) : le pire temps serait infini. Allongez le trajet le plus long, ajoutez des sites candidats, ou retirez ces unités.</translation>
    </message>
    <message>
      <source>Within {radius:g} min: {before:,.0f} inhabitants ({before_share:.1%}) before, {after:,.0f} ({after_share:.1%}) after.</source>
      <translation>À moins de {radius:g} min : {before:,.0f} habitants ({before_share:.1%}) avant, {after:,.0f} ({after_share:.1%}) après.</translation>
    </message>
    <message>
      <source>No APL</source>
      <translation>Pas d’APL</translation>
    </message>
    <message>
      <source>+{value} inhabitants at APL ≥ {threshold}</source>
      <translation>+{value} hab. à APL ≥ {threshold}</translation>
    </message>
    <message>
      <source>−{value} inhabitant-minutes</source>
      <translation>−{value} hab. × min</translation>
    </message>
    <message>
      <source>−{value} min on the longest trip</source>
      <translation>−{value} min sur le plus long trajet</translation>
    </message>
    <message>
      <source>The {name} must be more than 0 minutes.</source>
      <translation>Le {name} doit dépasser 0 minute.</translation>
    </message>
    <message>
      <source>The allocation lines join each demand unit to its site, but {count} of the {total} {label} have no geometry: leave the allocation lines out, or give the {label} layer point or polygon geometry.</source>
      <translation>Les lignes d’affectation relient chaque unité de demande à son site, mais {count} des {total} {label} n’ont pas de géométrie : renoncez aux lignes d’affectation, ou donnez à la couche {label} une géométrie de points ou de polygones.</translation>
    </message>
    <message>
      <source>farther than {minutes:g} min from a GP</source>
      <translation>à plus de {minutes:g} min d’un médecin</translation>
    </message>
    <message>
      <source>{field} under {threshold:g}</source>
      <translation>{field} sous {threshold:g}</translation>
    </message>
    <message>
      <source> or </source>
      <translation> ou </translation>
    </message>
    <message>
      <source>Mean time {before:.1f} min before, {after:.1f} min after; worst {worst_before:.1f} min before, {worst_after:.1f} min after.</source>
      <translation>Temps moyen {before:.1f} min avant, {after:.1f} min après ; pire {worst_before:.1f} min avant, {worst_after:.1f} min après.</translation>
    </message>
    <message>
      <source>Under the APL threshold {threshold:g}: {before:,.0f} inhabitants before, {after:,.0f} after; mean APL {mean_before:.2f} before, {mean_after:.2f} after.</source>
      <translation>Sous le seuil d’APL {threshold:g} : {before:,.0f} habitants avant, {after:,.0f} après ; APL moyenne {mean_before:.2f} avant, {mean_after:.2f} après.</translation>
    </message>
    <message>
      <source>“Only people farther than {minutes:g} min” needs the existing facilities or a field of the time to the nearest GP.</source>
      <translation>« Seulement les personnes à plus de {minutes:g} min » demande les établissements existants ou un champ du temps jusqu’au médecin le plus proche.</translation>
    </message>
    <message>
      <source>No facility within {minutes:g} min, before or after</source>
      <translation>Aucun équipement à moins de {minutes:g} min, ni avant ni après</translation>
    </message>
    <message>
      <source>Newly within {minutes:g} min</source>
      <translation>Désormais à moins de {minutes:g} min</translation>
    </message>
    <message>
      <source>the rows of the travel-time table cannot tell them apart</source>
      <translation>les lignes de la table des temps de trajet ne peuvent pas les distinguer</translation>
    </message>
    <message>
      <source>travel-time table</source>
      <translation>table des temps de trajet</translation>
    </message>
    <message>
      <source>Travel-time table (output of “Travel-time matrix”, INSEE Metric export)</source>
      <translation>Table des temps de trajet (sortie de « Matrice des temps de trajet », export INSEE Metric)</translation>
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
      <source>Table: origin id field</source>
      <translation>Table : champ identifiant d’origine</translation>
    </message>
    <message>
      <source>{count} row(s) of the travel-time table match no {origins} or {destinations} identifier, or have no time: left out.</source>
      <translation>{count} ligne(s) de la table des temps de trajet ne correspondent à aucun identifiant ({origins} ou {destinations}), ou n’ont pas de temps : écartées.</translation>
    </message>
    <message>
      <source>No row of the travel-time table matches the {origins} and {destinations} identifiers: check the identifier fields.</source>
      <translation>Aucune ligne de la table des temps de trajet ne correspond aux identifiants ({origins} et {destinations}) : vérifiez les champs identifiants.</translation>
    </message>
    <message>
      <source>Travel-time matrix</source>
      <translation>Matrice des temps de trajet</translation>
    </message>
    <message>
      <source>Minutes over the road network from every origin to every destination within a cutoff, as a table (and lines).</source>
      <translation>Les minutes par la route de chaque origine à chaque destination sous un seuil, en table (et en lignes).</translation>
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
      <source>origin</source>
      <translation>origine</translation>
    </message>
    <message>
      <source>destination</source>
      <translation>destination</translation>
    </message>
    <message>
      <source>{pairs} origin-destination pairs within {cutoff} min; {unreached} of {origins} origins reach no destination.</source>
      <translation>{pairs} paires origine-destination à moins de {cutoff} min ; {unreached} origines sur {origins} n’atteignent aucune destination.</translation>
    </message>
    <message>
      <source>{repeated}: their rows cannot be told apart, and “Accessibility index” will not reuse this table.</source>
      <translation>{repeated} : leurs lignes ne peuvent pas être distinguées, et « Indice d’accessibilité » ne réutilisera pas cette table.</translation>
    </message>
    <message>
      <source>Index under the threshold</source>
      <translation>Indice sous le seuil</translation>
    </message>
    <message>
      <source>More than N minutes from a GP</source>
      <translation>À plus de N minutes d’un médecin généraliste</translation>
    </message>
    <message>
      <source>Either (index or time)</source>
      <translation>L’un ou l’autre (indice ou temps)</translation>
    </message>
    <message>
      <source>Both (index and time)</source>
      <translation>Les deux (indice et temps)</translation>
    </message>
    <message>
      <source>Underserved communes (APL under 2.5, far from a GP), the contiguous zones they form and their population.</source>
      <translation>Les communes sous-dotées (APL sous 2,5, loin d'un généraliste), les zones contiguës qu'elles forment et leur population.</translation>
    </message>
    <message>
      <source>Classes every unit (commune, cell) by its accessibility index (e.g. the APL from “Accessibility index”, or the DREES APL joined to communes) and its time to the nearest GP (from “Nearest facility”): underserved under the threshold (2.5, priority zone ZIP), vigilance band (2.5–4, ZAC), isolated beyond N minutes (30), or both.

Units of a problem class that touch (queen: a shared point; rook: a shared edge; a tolerance for slivers) form zones; each zone gets its units, population, mean index weighted by standardised population (DREES rule), worst index, mean time to the nearest GP and, when given, its share in ZRR/FRR and in QPV (zrr_pct, qpv_pct: percent of its population). Counts of people under the threshold use the plain population.

Hot spots: Getis-Ord Gi* of the index on the same contiguity (or a distance band), with an optional false-discovery-rate correction; a cold spot is a cluster of low access.

Outputs: the units with class, zone and Gi*; the zones as polygons; a summary table (one row per zone and a total row).</source>
      <translation>Classe chaque unité (commune, carreau) selon son indice d’accessibilité (par exemple l’APL de « Indice d’accessibilité », ou l’APL publiée par la DREES jointe aux communes) et son temps d’accès au médecin généraliste le plus proche (de « Établissement le plus proche ») : sous-dotée sous le seuil (2,5, zone d’intervention prioritaire ZIP), vigilance (2,5–4, ZAC), isolée au-delà de N minutes (30), ou les deux.

Les unités d’une classe à problème qui se touchent (reine : un point commun ; tour : un côté commun ; une tolérance pour les interstices) forment des zones ; chaque zone reçoit ses unités, sa population, son indice moyen pondéré par la population standardisée (règle DREES), son pire indice, son temps moyen au médecin le plus proche et, s’ils sont fournis, sa part en ZRR/FRR et en QPV (zrr_pct, qpv_pct : pourcentage de sa population). Les effectifs sous le seuil utilisent la population municipale.

Points chauds : Gi* de Getis-Ord de l’indice sur la même contiguïté (ou une bande de distance), avec correction facultative du taux de fausses découvertes ; un point froid est un regroupement de faible accès.

Sorties : les unités avec classe, zone et Gi* ; les zones en polygones ; une table de synthèse (une ligne par zone et une ligne de total).</translation>
    </message>
    <message>
      <source>Population in ZRR / FRR (%)</source>
      <translation>Population en ZRR / FRR (%)</translation>
    </message>
    <message>
      <source>Population in QPV (%)</source>
      <translation>Population en QPV (%)</translation>
    </message>
    <message>
      <source>units</source>
      <translation>unités</translation>
    </message>
    <message>
      <source>Units and their fields</source>
      <translation>Unités et leurs champs</translation>
    </message>
    <message>
      <source>Standardised population field (e.g. pop_std; weights the mean index)</source>
      <translation>Champ de population standardisée (pop_std… ; pondère l’indice moyen)</translation>
    </message>
    <message>
      <source>Classes</source>
      <translation>Classes</translation>
    </message>
    <message>
      <source>GPs: 2.5 and 4 consultations (the zoning's ZIP and vigilance). No official zoning sets an APL threshold for the other professions: give yours below.</source>
      <translation>Médecins généralistes : 2,5 et 4 consultations (ZIP et vigilance du zonage). Aucun zonage officiel ne fixe de seuil d’APL pour les autres professions : donnez les vôtres ci-dessous.</translation>
    </message>
    <message>
      <source>Vigilance up to (index)</source>
      <translation>Vigilance jusqu’à (indice)</translation>
    </message>
    <message>
      <source>Zones</source>
      <translation>Zones</translation>
    </message>
    <message>
      <source>Merge touching units of different problem classes into one zone</source>
      <translation>Fusionner en une zone les unités voisines de classes à problème différentes</translation>
    </message>
    <message>
      <source>Smallest zone population kept (inhabitants; 0 = all)</source>
      <translation>Population minimale d’une zone gardée (habitants ; 0 = toutes)</translation>
    </message>
    <message>
      <source>Rural zoning and priority neighbourhoods</source>
      <translation>Zonage rural et quartiers prioritaires</translation>
    </message>
    <message>
      <source>QPV polygons</source>
      <translation>Polygones des QPV</translation>
    </message>
    <message>
      <source>Hot and cold spots</source>
      <translation>Points chauds et froids</translation>
    </message>
    <message>
      <source>Output</source>
      <translation>Sortie</translation>
    </message>
    <message>
      <source>Units by class</source>
      <translation>Unités par classe</translation>
    </message>
    <message>
      <source>Zone summary</source>
      <translation>Synthèse des zones</translation>
    </message>
    <message>
      <source>Give an accessibility index field, a time field, or both.</source>
      <translation>Indiquez un champ d’indice d’accessibilité, un champ de temps, ou les deux.</translation>
    </message>
    <message>
      <source>time</source>
      <translation>temps</translation>
    </message>
    <message>
      <source>Units with an accessibility index (polygons)</source>
      <translation>Unités avec un indice d’accessibilité (polygones)</translation>
    </message>
    <message>
      <source>A unit is a problem when</source>
      <translation>Une unité pose problème quand</translation>
    </message>
    <message>
      <source>Profession of the APL (its official thresholds)</source>
      <translation>Profession de l’APL (ses seuils officiels)</translation>
    </message>
    <message>
      <source>Neighbours</source>
      <translation>Voisinage</translation>
    </message>
    <message>
      <source>Contiguity tolerance for slivers and gaps (m)</source>
      <translation>Tolérance de contiguïté pour les interstices (m)</translation>
    </message>
    <message>
      <source>ZRR / FRR classification field</source>
      <translation>Champ du classement ZRR / FRR</translation>
    </message>
    <message>
      <source>Values meaning classified (comma separated)</source>
      <translation>Valeurs signifiant « classée » (séparées par des virgules)</translation>
    </message>
    <message>
      <source>Hot spots (Getis-Ord Gi*)</source>
      <translation>Points chauds (Gi* de Getis-Ord)</translation>
    </message>
    <message>
      <source>False-discovery-rate correction of Gi* p-values</source>
      <translation>Correction du taux de fausses découvertes des p-valeurs du Gi*</translation>
    </message>
    <message>
      <source>Significance level</source>
      <translation>Seuil de signification</translation>
    </message>
    <message>
      <source>Labels in</source>
      <translation>Libellés en</translation>
    </message>
    <message>
      <source>{zones} zone(s): {units} unit(s), {people:,.0f} inhabitants ({share:.1%} of the territory).</source>
      <translation>{zones} zone(s) : {units} unité(s), {people:,.0f} habitants ({share:.1%} du territoire).</translation>
    </message>
    <message>
      <source>The contiguity tolerance ({tolerance:g} m) is not under the median width of the units ({width:.3g} m): units that do not touch would be neighbours. It is meant for slivers and gaps of a few metres.</source>
      <translation>La tolérance de contiguïté ({tolerance:g} m) n’est pas inférieure à la largeur médiane des unités ({width:.3g} m) : des unités qui ne se touchent pas seraient voisines. Elle sert aux interstices et chevauchements de quelques mètres.</translation>
    </message>
    <message>
      <source>The Gi* distance band ({band:g} m) covers the whole layer (its extent is {diagonal:.3g} m across): every unit would be the neighbour of every other. Choose a band of a few units' widths, or 0 for the contiguity.</source>
      <translation>La bande de distance du Gi* ({band:g} m) couvre toute la couche (son emprise mesure {diagonal:.3g} m en diagonale) : chaque unité serait voisine de toutes les autres. Choisissez une bande de quelques largeurs d’unité, ou 0 pour la contiguïté.</translation>
    </message>
    <message>
      <source>Gi* distance band (m; 0 = the contiguity above)</source>
      <translation>Bande de distance du Gi* (m ; 0 = la contiguïté ci-dessus)</translation>
    </message>
    <message>
      <source>The vigilance threshold ({vigilance:g}) must be at least the underserved threshold ({underserved:g}).</source>
      <translation>Le seuil de vigilance ({vigilance:g}) doit être au moins égal au seuil de sous-dotation ({underserved:g}).</translation>
    </message>
    <message>
      <source>Only one criterion given: the rule used is “{rule}”.</source>
      <translation>Un seul critère fourni : la règle utilisée est « {rule} ».</translation>
    </message>
    <message>
      <source>No official zoning sets an APL threshold for {name} (the ARS rank the territories by their APL): give the underserved and vigilance thresholds, in FTE per 100,000 inhabitants.</source>
      <translation>Aucun zonage officiel ne fixe de seuil d’APL pour les {name} (les ARS classent les territoires par leur APL) : donnez les seuils de sous-dotation et de vigilance, en ETP pour 100 000 habitants.</translation>
    </message>
    <message>
      <source>{count} zone(s) under the smallest population left out.</source>
      <translation>{count} zone(s) sous la population minimale écartée(s).</translation>
    </message>
    <message>
      <source>Queen (a shared point)</source>
      <translation>Reine (un point commun)</translation>
    </message>
    <message>
      <source>Rook (a shared edge)</source>
      <translation>Tour (un côté commun)</translation>
    </message>
    <message>
      <source>The units layer already has a field “{name}”: rename it first.</source>
      <translation>La couche des unités a déjà un champ « {name} » : renommez-le d’abord.</translation>
    </message>
    <message>
      <source>{label}: {units} unit(s), {people:,.0f} inhabitants.</source>
      <translation>{label} : {units} unité(s), {people:,.0f} habitants.</translation>
    </message>
  </context>
</TS>
