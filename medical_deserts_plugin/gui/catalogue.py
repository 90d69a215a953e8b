"""The data catalogue of the dock: ``catalogue.json`` (data, editable without code), its checks, and the choice of
the newest file of a data.gouv.fr dataset from the JSON of its public API.

No qgis import here: everything is testable offline on plain dicts.
"""

import json
import re
from dataclasses import dataclass, field
from datetime import datetime, timezone
from pathlib import Path
from urllib.parse import quote, unquote, urlparse

CATALOGUE_PATH = Path(__file__).resolve().parent / "catalogue.json"
DATAGOUV_API = "https://www.data.gouv.fr/api/1/datasets/{dataset}/"
READERS = ("vector", "table", "algorithm")
FILTERS = ("departements", "belt", "profession", "specialties", "modes", "communes")
#: File formats the download check knows (``auto``: decided from the file name once resolved).
FORMATS = ("auto", "text", "csv", "txt", "zip", "geojson", "json", "gpkg", "xlsx", "xls", "shp", "pbf")
#: Placeholders of a ``url_template``: a département code, or the région (of a ``regions`` table) holding it.
PLACEHOLDERS = ("{departement}", "{region}")
#: Resource types of a data.gouv.fr dataset that are never data files.
NOT_DATA = ("documentation", "api", "code")


class CatalogueError(ValueError):
    """The catalogue file is not valid: the message lists every problem."""


@dataclass
class FileRequest:
    """One file to fetch for a dataset: a direct ``url``, or a data.gouv.fr ``datagouv`` dataset to resolve."""

    dataset_id: str
    name: str
    url: str = ""
    datagouv: str = ""
    pattern: str = ""
    formats: tuple = ()
    fallback_url: str = ""
    format: str = "auto"
    min_bytes: int = 1
    max_age_days: float = 30
    extract: bool = False
    member: str = ""
    optional: bool = False
    departement: str = ""


@dataclass
class Resource:
    """The file chosen in a data.gouv.fr dataset."""

    url: str
    title: str
    format: str
    modified: datetime
    filesize: int = 0
    extra: dict = field(default_factory=dict)


# ------------------------------------------------------------------------------------------------ loading, checks


def load_catalogue(path=None):
    """The catalogue as a dict (``datasets`` list...), checked; raises :class:`CatalogueError` listing problems."""
    path = Path(path or CATALOGUE_PATH)
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError) as error:
        raise CatalogueError(f"cannot read the catalogue {path}: {error}") from error
    problems = catalogue_problems(data)
    if problems:
        raise CatalogueError(f"the catalogue {path} is not valid:\n- " + "\n- ".join(problems))
    return data


def _is_https(url):
    parsed = urlparse(url or "")
    return parsed.scheme == "https" and bool(parsed.netloc)


def _check_text(value, where, problems):
    if isinstance(value, str):
        if not value.strip():
            problems.append(f"{where} is empty")
    elif isinstance(value, dict):
        for language in ("en", "fr"):
            if not str(value.get(language, "")).strip():
                problems.append(f"{where} has no '{language}' text")
    else:
        problems.append(f"{where} must be a text or a {{'en': ..., 'fr': ...}} object")


def _check_regex(pattern, where, problems):
    try:
        re.compile(pattern or "")
    except re.error as error:
        problems.append(f"{where} is not a valid regular expression: {error}")


def catalogue_problems(data):
    """Every problem of a catalogue dict, as sentences (empty list: valid)."""
    problems = []
    datasets = data.get("datasets") if isinstance(data, dict) else None
    if not isinstance(datasets, list) or not datasets:
        return ["'datasets' must be a non-empty list"]
    seen = set()
    for index, entry in enumerate(datasets):
        where = f"dataset #{index + 1}"
        if not isinstance(entry, dict):
            problems.append(f"{where} must be an object")
            continue
        identifier = entry.get("id")
        if not isinstance(identifier, str) or not re.fullmatch(r"[a-z][a-z0-9_]*", identifier):
            problems.append(f"{where}: 'id' must be lower-case letters, digits, underscores")
        elif identifier in seen:
            problems.append(f"{where}: 'id' {identifier!r} is used twice")
        else:
            seen.add(identifier)
            where = f"dataset {identifier!r}"
        for key in ("title", "description"):
            _check_text(entry.get(key), f"{where}: '{key}'", problems)
        for key in ("producer", "licence", "format"):
            if not str(entry.get(key, "")).strip():
                problems.append(f"{where}: '{key}' is missing")
        for key in ("page", "documentation"):
            if key in entry and not _is_https(entry[key]):
                problems.append(f"{where}: '{key}' must be an https:// address")
        if "page" not in entry:
            problems.append(f"{where}: 'page' (the official source page) is missing")
        reader = entry.get("reader")
        if reader not in READERS:
            problems.append(f"{where}: 'reader' must be one of {', '.join(READERS)}")
        if reader == "algorithm" and not re.fullmatch(r"[a-z0-9_]+:[a-z0-9_]+", str(entry.get("algorithm", ""))):
            problems.append(f"{where}: 'algorithm' must be a Processing id such as medicaldeserts:importrpps")
        fixed = entry.get("parameters", {})
        if not isinstance(fixed, dict) or reader != "algorithm" and fixed or not all(
                re.fullmatch(r"[A-Z][A-Z0-9_]*", str(name)) and isinstance(value, (str, int, float))
                and not isinstance(value, bool) for name, value in fixed.items()):
            problems.append(f"{where}: 'parameters' must map algorithm parameter names (upper case) to a text or a "
                            f"number, for the 'algorithm' reader only")
        age = entry.get("max_age_days")
        if not isinstance(age, (int, float)) or isinstance(age, bool) or age <= 0:
            problems.append(f"{where}: 'max_age_days' must be a positive number")
        unknown = [f for f in entry.get("filters", []) if f not in FILTERS]
        if unknown:
            problems.append(f"{where}: unknown filter(s) {', '.join(map(str, unknown))}")
        files = entry.get("files")
        if entry.get("download") is False:
            if files or not entry.get("local_file_filter"):
                problems.append(f"{where}: an entry without download ('download': false) has no 'files' and needs "
                                f"a 'local_file_filter'")
            files = []
        elif not isinstance(files, list) or not files:
            problems.append(f"{where}: 'files' must be a non-empty list")
            files = []
        for number, spec in enumerate(files):
            _file_problems(spec, f"{where}, file #{number + 1}", entry, problems)
        style = entry.get("style")
        if style is not None:
            if not isinstance(style, dict) or style.get("geometry") not in ("point", "line", "polygon"):
                problems.append(f"{where}: 'style' needs 'geometry' point, line or polygon")
            else:
                for key in ("fill", "outline"):
                    if key in style and not re.fullmatch(r"#[0-9a-fA-F]{6}", str(style[key])):
                        problems.append(f"{where}: style '{key}' must be a #rrggbb colour")
    return problems


def _file_problems(spec, where, entry, problems):
    if not isinstance(spec, dict):
        problems.append(f"{where} must be an object")
        return
    if not re.fullmatch(r"[A-Za-z0-9_.{}-]+", str(spec.get("name", ""))):
        problems.append(f"{where}: 'name' must be a plain file name (letters, digits, _ . -)")
    sources = [key for key in ("url", "url_template", "datagouv") if spec.get(key)]
    if len(sources) != 1:
        problems.append(f"{where}: give exactly one of 'url', 'url_template', 'datagouv'")
    for key in ("url", "url_template", "fallback_url"):
        if spec.get(key) and not _is_https(spec[key]):
            problems.append(f"{where}: '{key}' must be an https:// address")
    if spec.get("url_template"):
        held = [key for key in PLACEHOLDERS if key in spec["url_template"]]
        if len(held) != 1:
            problems.append(f"{where}: 'url_template' must hold {{departement}} or {{region}}")
        elif held[0] not in str(spec.get("name", "")):
            problems.append(f"{where}: 'name' must hold {held[0]} with this 'url_template'")
        elif held[0] == "{region}":
            try:
                region_table(spec.get("regions"))
            except CatalogueError as error:
                problems.append(f"{where}: {error}")
        if not entry.get("requires_departements"):
            problems.append(f"{where}: a 'url_template' needs 'requires_departements': true")
    if spec.get("datagouv") and not re.fullmatch(r"[A-Za-z0-9_-]+", spec["datagouv"]):
        problems.append(f"{where}: 'datagouv' must be a dataset slug or id")
    _check_regex(spec.get("pattern"), f"{where}: 'pattern'", problems)
    _check_regex(spec.get("member"), f"{where}: 'member'", problems)
    if spec.get("format", "auto") not in FORMATS:
        problems.append(f"{where}: 'format' must be one of {', '.join(FORMATS)}")
    formats = spec.get("formats", [])
    if not isinstance(formats, list) or not all(isinstance(f, str) for f in formats):
        problems.append(f"{where}: 'formats' must be a list of file formats")
    if "parameter" in spec and not re.fullmatch(r"[A-Z][A-Z0-9_]*", str(spec["parameter"])):
        problems.append(f"{where}: 'parameter' must be the name of an algorithm parameter (SAVOIR_FAIRE...)")
    size = spec.get("min_bytes", 1)
    if not isinstance(size, int) or size < 1:
        problems.append(f"{where}: 'min_bytes' must be a positive whole number")


# ------------------------------------------------------------------------------------------------ helpers


def localized(value, language="en"):
    """Text of a catalogue value in ``language`` (``{'en':..., 'fr':...}`` or a plain text)."""
    if isinstance(value, dict):
        return str(value.get(language) or value.get("en") or next(iter(value.values()), ""))
    return "" if value is None else str(value)


def dataset_by_id(catalogue, identifier):
    for entry in catalogue["datasets"]:
        if entry["id"] == identifier:
            return entry
    raise KeyError(identifier)


def datagouv_api_url(dataset):
    """Address of the public API document of a data.gouv.fr dataset (slug or id)."""
    return DATAGOUV_API.format(dataset=quote(dataset, safe=""))


def region_table(name):
    """``{département: région}`` from the ``regions`` file ``name`` next to the catalogue (``{"regions": {région:
    [départements]}}``); CatalogueError when it is missing, unreadable or gives a département two régions."""
    if not isinstance(name, str) or not re.fullmatch(r"[A-Za-z0-9_.-]+\.json", name):
        raise CatalogueError("'regions' must name a .json file next to the catalogue")
    try:
        regions = json.loads((CATALOGUE_PATH.parent / name).read_text(encoding="utf-8"))["regions"]
        table = {}
        for region, codes in regions.items():
            for code in codes:
                if code in table:
                    raise CatalogueError(f"the département {code} is in two régions of {name}: {table[code]}, {region}")
                table[code] = region
    except (OSError, ValueError, KeyError, TypeError, AttributeError) as error:
        raise CatalogueError(f"cannot read the régions file {name}: {error}") from error
    return table


def regions_of(departements, table):
    """The régions of ``departements`` in ``table`` (:func:`region_table`), each once, in the order met; ValueError
    naming the départements that no région holds."""
    missing = [code for code in departements if code not in table]
    if missing:
        raise ValueError(f"no regional extract holds the département(s) {', '.join(missing)}")
    return list(dict.fromkeys(table[code] for code in departements))


def file_requests(entry, departements=None):
    """The :class:`FileRequest` list of a catalogue entry; ``url_template`` files give one per département, or one
    per région holding them (``{region}`` and a ``regions`` table).

    Raises ``ValueError`` when the entry needs départements and none are given, or a région holds none of them.
    """
    requests = []
    for spec in entry.get("files", []):
        common = dict(
            dataset_id=entry["id"], datagouv=spec.get("datagouv", ""), pattern=spec.get("pattern", ""),
            formats=tuple(f.lower() for f in spec.get("formats", [])), fallback_url=spec.get("fallback_url", ""),
            format=spec.get("format", "auto"), min_bytes=int(spec.get("min_bytes", 1)),
            max_age_days=float(entry["max_age_days"]), extract=bool(spec.get("extract", False)),
            member=spec.get("member", ""), optional=bool(spec.get("optional", False)),
        )
        if spec.get("url_template"):
            if not departements:
                raise ValueError("départements needed")
            if "{region}" in spec["url_template"]:
                for region in regions_of(departements, region_table(spec["regions"])):
                    requests.append(FileRequest(name=spec["name"].replace("{region}", region),
                                                url=spec["url_template"].replace("{region}", quote(region)), **common))
                continue
            for code in departements:
                requests.append(FileRequest(name=spec["name"].replace("{departement}", code),
                                            url=spec["url_template"].replace("{departement}", quote(code)),
                                            departement=code, **common))
        else:
            requests.append(FileRequest(name=spec["name"], url=spec.get("url", ""), **common))
    return requests


def extension_of(url):
    """Lower-case extension of the file an address points to (``"zip"``, ``"txt"``), or ``""``."""
    name = unquote(urlparse(url or "").path).rstrip("/").rsplit("/", 1)[-1]
    if "." not in name:
        return ""
    extension = name.rsplit(".", 1)[-1].lower()
    return extension if re.fullmatch(r"[a-z0-9]{1,8}", extension) else ""


# ------------------------------------------------------------------------------------------------ data.gouv.fr


def _parse_date(value):
    if not value:
        return None
    text = str(value).strip().replace("Z", "+00:00")
    try:
        moment = datetime.fromisoformat(text)
    except ValueError:
        try:
            moment = datetime.strptime(text[:10], "%Y-%m-%d")
        except ValueError:
            return None
    return moment if moment.tzinfo else moment.replace(tzinfo=timezone.utc)


def _resource_date(resource):
    internal = resource.get("internal") or {}
    for value in (internal.get("last_modified_internal"), resource.get("last_modified"),
                  resource.get("published"), resource.get("created_at"), internal.get("created_at_internal")):
        moment = _parse_date(value)
        if moment is not None:
            return moment
    return datetime(1970, 1, 1, tzinfo=timezone.utc)


def _resource_format(resource):
    declared = str(resource.get("format") or "").strip().lower().lstrip(".")
    return declared or extension_of(resource.get("url", ""))


def resolve_resource(dataset_json, pattern="", formats=()):
    """The newest resource of a data.gouv.fr dataset (the JSON of ``/api/1/datasets/<id>/``) that matches.

    A resource matches when ``pattern`` (regex, case-insensitive; empty = any) is found in its title or file name,
    and its format (declared, else the file extension) is in ``formats`` (empty = any). Documentation, API and
    code resources are skipped. The newest by modification date wins; on the same day, the format listed first in
    ``formats`` wins. Raises ``LookupError`` (in plain words, listing the files seen) when nothing matches.
    """
    regex = re.compile(pattern, re.IGNORECASE) if pattern else None
    formats = tuple(f.lower() for f in formats or ())
    resources = dataset_json.get("resources") if isinstance(dataset_json, dict) else None
    if not isinstance(resources, list):
        raise LookupError("the answer of data.gouv.fr holds no list of files ('resources')")
    candidates = []
    for resource in resources:
        if not isinstance(resource, dict) or not resource.get("url"):
            continue
        if str(resource.get("type", "main")).lower() in NOT_DATA:
            continue
        title = str(resource.get("title") or "")
        file_name = unquote(urlparse(resource["url"]).path).rsplit("/", 1)[-1]
        if regex is not None and not (regex.search(title) or regex.search(file_name)):
            continue
        kind = _resource_format(resource)
        if formats and kind not in formats:
            continue
        modified = _resource_date(resource)
        rank = formats.index(kind) if kind in formats else 0
        candidates.append(((modified.date(), -rank, modified), resource, kind, modified))
    if not candidates:
        seen = [f"{r.get('title') or r.get('url')} ({_resource_format(r) or '?'})"
                for r in resources if isinstance(r, dict)][:12]
        wanted = (f"matching “{pattern}” " if pattern else "") + (f"in format {'/'.join(formats)}" if formats else "")
        raise LookupError(f"no file {wanted.strip()} among: {'; '.join(seen) or 'no files'}")
    _key, resource, kind, modified = max(candidates, key=lambda item: item[0])
    size = resource.get("filesize")
    return Resource(url=resource["url"], title=str(resource.get("title") or ""), format=kind, modified=modified,
                    filesize=int(size) if isinstance(size, (int, float)) and size > 0 else 0,
                    extra={"id": resource.get("id", ""), "checksum": resource.get("checksum")})


# ------------------------------------------------------------------------------------------------ CRS choice

#: Metric CRS by overseas département (Lambert-93 elsewhere).
OVERSEAS_CRS = {"971": "EPSG:5490", "972": "EPSG:5490", "973": "EPSG:2972", "974": "EPSG:2975", "976": "EPSG:4471",
                "975": "EPSG:4467"}
DEFAULT_CRS = "EPSG:2154"


def metric_crs_for(departements):
    """Authority id of a metric CRS fitting the départements: their UTM zone overseas (all the same), else Lambert-93."""
    codes = {OVERSEAS_CRS.get(code, DEFAULT_CRS) for code in departements or ()}
    return codes.pop() if len(codes) == 1 else DEFAULT_CRS


def safe_name(text):
    """A file-name-safe version of ``text``."""
    cleaned = re.sub(r"[^A-Za-z0-9_.-]+", "_", text).strip("._")
    return cleaned or "data"


__all__ = [
    "CATALOGUE_PATH", "CatalogueError", "FileRequest", "Resource", "catalogue_problems", "dataset_by_id",
    "datagouv_api_url", "extension_of", "file_requests", "load_catalogue", "localized", "metric_crs_for",
    "region_table", "regions_of", "resolve_resource", "safe_name",
]
