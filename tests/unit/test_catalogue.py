"""The dock's catalogue file is valid, and the newest matching file of a data.gouv.fr dataset is chosen from the JSON
of its API (offline: a sample answer written here)."""

import copy
import json
import re

import pytest

from medical_deserts_plugin.gui.catalogue import (
    CATALOGUE_PATH,
    CatalogueError,
    catalogue_problems,
    dataset_by_id,
    datagouv_api_url,
    extension_of,
    file_requests,
    load_catalogue,
    localized,
    metric_crs_for,
    resolve_resource,
)


@pytest.fixture(scope="module")
def catalogue():
    return load_catalogue()


def test_catalogue_file_is_valid_and_lists_the_issue_datasets(catalogue):
    assert catalogue_problems(catalogue) == []
    ids = [entry["id"] for entry in catalogue["datasets"]]
    assert {"communes", "rpps", "finess", "population", "apl", "frr", "zrr", "qpv", "france_services"} <= set(ids)
    for entry in catalogue["datasets"]:
        assert entry["page"].startswith("https://")
        assert localized(entry["title"], "fr") and localized(entry["title"], "en")
        for spec in entry["files"]:
            for key in ("url", "url_template", "fallback_url"):
                assert not spec.get(key) or spec[key].startswith("https://")


def test_readers_match_the_processing_algorithms(catalogue):
    algorithms = {entry["id"]: entry.get("algorithm") for entry in catalogue["datasets"]}
    assert algorithms["rpps"] == "medicaldeserts:importrpps"
    assert algorithms["finess"] == "medicaldeserts:importfiness"
    assert algorithms["population"] == "medicaldeserts:importpopulation"
    assert dataset_by_id(catalogue, "rpps")["needs_communes"] is True
    rpps_files = dataset_by_id(catalogue, "rpps")["files"]
    # the RPPS reader finds the savoir-faire file next to the activity file by these names
    assert [spec["name"] for spec in rpps_files] == ["PS_LibreAcces_Personne_activite", "PS_LibreAcces_SavoirFaire"]
    # ANCT layers go through importanct, each with its kind (the index of importanct's KIND options)
    kinds = {name: dataset_by_id(catalogue, name)["parameters"]["KIND"]
             for name in ("frr", "zrr", "qpv", "france_services")}
    assert {algorithms[name] for name in kinds} == {"medicaldeserts:importanct"}
    assert kinds == {"frr": 1, "zrr": 2, "qpv": 3, "france_services": 4}


def test_default_rpps_filters_are_general_practitioners(catalogue):
    filters = catalogue["rpps_filters"]
    assert filters["professions"][0]["code"] == "10"
    assert filters["specialties"][0]["codes"] == "SM53, SM54, SM26"
    assert [mode["code"] for mode in filters["modes"]] == ["L", "S", "B"]


def test_file_requests_one_per_departement_for_templates(catalogue):
    communes = dataset_by_id(catalogue, "communes")
    requests = file_requests(communes, ["23", "2A"])
    assert [r.name for r in requests] == ["communes_23", "communes_2A"]
    assert "/departements/2A/communes" in requests[1].url and requests[1].departement == "2A"
    with pytest.raises(ValueError):
        file_requests(communes, [])
    rpps = file_requests(dataset_by_id(catalogue, "rpps"))
    assert rpps[0].datagouv and rpps[0].max_age_days == 30 and rpps[1].optional


def test_invalid_catalogue_lists_every_problem(catalogue):
    broken = copy.deepcopy(catalogue)
    broken["datasets"][0]["page"] = "http://insecure.example/"
    broken["datasets"][1]["id"] = broken["datasets"][0]["id"]
    broken["datasets"][2]["files"][0]["pattern"] = "("
    broken["datasets"][2]["max_age_days"] = 0
    broken["datasets"][3]["files"][0]["url"] = "http://www.insee.fr/x.zip"
    broken["datasets"][0]["parameters"] = {"KIND": 1}  # fixed parameters on a "vector" reader
    problems = catalogue_problems(broken)
    text = "\n".join(problems)
    assert "https://" in text and "used twice" in text and "regular expression" in text
    assert "max_age_days" in text and "'parameters'" in text and len(problems) >= 6


def test_unreadable_catalogue_is_reported(tmp_path):
    path = tmp_path / "catalogue.json"
    path.write_text("{not json", encoding="utf-8")
    with pytest.raises(CatalogueError, match="cannot read"):
        load_catalogue(path)
    path.write_text(json.dumps({"datasets": []}), encoding="utf-8")
    with pytest.raises(CatalogueError, match="non-empty"):
        load_catalogue(path)


# A data.gouv.fr answer shaped like /api/1/datasets/<slug>/ (fields as published: title, format, url, type,
# last_modified, filesize...).
SAMPLE_API = {
    "id": "53699fe4a3a729239d206227",
    "slug": "finess-extraction-du-fichier-des-etablissements",
    "resources": [
        {"id": "r1", "title": "Extraction Finess des établissements géolocalisés (janvier)", "format": "csv",
         "type": "main", "url": "https://static.data.gouv.fr/resources/finess/20240110-1/etalab-cs1100507-stock-20240110.csv",
         "last_modified": "2024-01-10T10:00:00.000000+00:00", "filesize": 90000000},
        {"id": "r2", "title": "Extraction Finess des établissements géolocalisés (mars)", "format": "csv",
         "type": "main", "url": "https://static.data.gouv.fr/resources/finess/20240312-1/etalab-cs1100507-stock-20240312.csv",
         "last_modified": "2024-03-12T09:30:00.000000+00:00", "filesize": 91000000},
        {"id": "r3", "title": "Extraction Finess des établissements (sans géolocalisation)", "format": "csv",
         "type": "main", "url": "https://static.data.gouv.fr/resources/finess/20240401-1/etalab-cs1100502-stock-20240401.csv",
         "last_modified": "2024-04-01T09:30:00.000000+00:00"},
        {"id": "r4", "title": "Documentation géolocalisés", "format": "pdf", "type": "documentation",
         "url": "https://static.data.gouv.fr/resources/finess/20240501-1/doc-cs1100507.pdf",
         "last_modified": "2024-05-01T09:30:00Z"},
        {"id": "r5", "title": "Etablissements géolocalisés (tableur)", "format": "xlsx", "type": "main",
         "url": "https://static.data.gouv.fr/resources/finess/20240601-1/cs1100507.xlsx",
         "last_modified": "2024-06-01T09:30:00Z"},
        {"id": "r6", "title": "géolocalisés sans date", "type": "main",
         "url": "https://static.data.gouv.fr/resources/finess/old/cs1100507-old.csv"},
    ],
}


def test_resolver_picks_the_newest_matching_resource(catalogue):
    spec = dataset_by_id(catalogue, "finess")["files"][0]
    chosen = resolve_resource(SAMPLE_API, pattern=spec["pattern"], formats=spec["formats"])
    assert chosen.url.endswith("etalab-cs1100507-stock-20240312.csv")
    assert chosen.format == "csv" and chosen.filesize == 91000000 and chosen.modified.year == 2024
    # without a format filter the newer spreadsheet wins; documentation is never a candidate
    assert resolve_resource(SAMPLE_API, pattern="cs1100507").url.endswith("cs1100507.xlsx")
    # the pattern is matched on the file name too, case-insensitively
    assert resolve_resource(SAMPLE_API, pattern="CS1100502", formats=["csv"]).url.endswith("cs1100502-stock-20240401.csv")


def test_resolver_prefers_the_first_format_on_the_same_day():
    answer = {"resources": [
        {"title": "qpv", "format": "zip", "url": "https://x.example/qpv.zip", "last_modified": "2024-05-02T11:00:00Z"},
        {"title": "qpv", "format": "geojson", "url": "https://x.example/qpv.geojson",
         "last_modified": "2024-05-02T10:00:00Z"},
        {"title": "qpv", "format": "geojson", "url": "https://x.example/qpv-2023.geojson",
         "last_modified": "2023-05-02T10:00:00Z"},
    ]}
    assert resolve_resource(answer, formats=["geojson", "zip"]).url == "https://x.example/qpv.geojson"
    answer["resources"][0]["last_modified"] = "2024-06-01T00:00:00Z"
    assert resolve_resource(answer, formats=["geojson", "zip"]).url == "https://x.example/qpv.zip"


def test_resolver_guesses_the_format_from_the_file_name_and_explains_failures():
    answer = {"resources": [{"title": "PS_LibreAcces", "format": "", "url": "https://x.example/a/PS_LibreAcces.zip",
                             "last_modified": "2024-01-01"}]}
    assert resolve_resource(answer, "libreacces", ["zip"]).format == "zip"
    with pytest.raises(LookupError, match=re.escape("PS_LibreAcces (zip)")):
        resolve_resource(answer, "savoir.?faire", ["txt"])
    with pytest.raises(LookupError, match="resources"):
        resolve_resource({"message": "Not found"})


def test_small_helpers():
    assert datagouv_api_url("finess-extraction") == "https://www.data.gouv.fr/api/1/datasets/finess-extraction/"
    assert extension_of("https://x.example/a/b.ZIP?x=1") == "zip"
    assert extension_of("https://geo.api.gouv.fr/departements/23/communes?format=geojson") == ""
    assert metric_crs_for(["23", "87"]) == "EPSG:2154" and metric_crs_for(["974"]) == "EPSG:2975"
    assert metric_crs_for(["974", "23"]) == "EPSG:2154" and metric_crs_for(None) == "EPSG:2154"
    assert localized({"en": "Hello", "fr": "Bonjour"}, "fr") == "Bonjour"
    assert localized({"en": "Hello"}, "de") == "Hello"


def test_catalogue_path_is_inside_the_plugin_package():
    assert CATALOGUE_PATH.parent.name == "gui" and CATALOGUE_PATH.parent.parent.name == "medical_deserts_plugin"


def test_every_metropolitan_departement_has_one_geofabrik_region(catalogue):
    from medical_deserts_plugin.gui.catalogue import region_table, regions_of

    spec = dataset_by_id(catalogue, "roads_osm")["files"][0]
    table = region_table(spec["regions"])
    metropolitan = [f"{n:02d}" for n in range(1, 96) if n != 20] + ["2A", "2B"]
    assert set(metropolitan) <= set(table)  # a département in two régions is refused when the table is read
    assert len(set(table[code] for code in metropolitan)) == 22  # the régions before 2016
    assert table["23"] == "limousin" and table["53"] == "pays-de-la-loire" and table["2A"] == "corse"
    assert regions_of(["23", "87", "53"], table) == ["limousin", "pays-de-la-loire"]
    with pytest.raises(ValueError, match="975"):
        regions_of(["23", "975"], table)


def test_osm_roads_come_one_file_per_region(catalogue):
    entry = dataset_by_id(catalogue, "roads_osm")
    requests = file_requests(entry, ["19", "23", "63"])
    assert [(r.name, r.url) for r in requests] == [
        ("osm_limousin", "https://download.geofabrik.de/europe/france/limousin-latest.osm.pbf"),
        ("osm_auvergne", "https://download.geofabrik.de/europe/france/auvergne-latest.osm.pbf")]
    assert entry["algorithm"] == "medicaldeserts:importroads" and entry["parameters"] == {"KIND": 0}
    with pytest.raises(ValueError):
        file_requests(entry, [])


def test_ign_roads_are_local_files_only(catalogue):
    for identifier, kind in (("roads_route500", 1), ("roads_bdtopo", 2)):
        entry = dataset_by_id(catalogue, identifier)
        assert entry["download"] is False and file_requests(entry, ["23"]) == []
        assert entry["parameters"] == {"KIND": kind} and ".7z" in entry["description"]["en"]
    broken = copy.deepcopy(catalogue)
    dataset_by_id(broken, "roads_bdtopo")["files"] = dataset_by_id(broken, "roads_osm")["files"]
    dataset_by_id(broken, "roads_osm")["files"][0]["regions"] = "missing.json"
    problems = "\n".join(catalogue_problems(broken))
    assert "an entry without download ('download': false) has no 'files'" in problems
    assert "cannot read the régions file missing.json" in problems
