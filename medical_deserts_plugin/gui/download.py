"""Downloads of the data dock: streamed through QGIS's network manager (its proxy and SSL settings), in a cache
folder, reused while fresh, checked (size, format, zip archives read whole), written atomically, unzipped safely.
HTTPS only.

* A file is written to a temporary name in the cache folder and moved onto its final name (``os.replace``) only once
  complete and checked: an interrupted or failed download never leaves a partial file under the final name, and the
  previous good copy stays in place. A zip is read whole before it is kept (CRC of every member, no encryption,
  readable compression, no zip bomb: :func:`~..core.sources.common.verify_archive`), and again before a cached copy
  is reused: a damaged copy is discarded and downloaded again.
* Beside each cached file, ``<name>.source.json`` records the address, the time and the size: a cached copy is
  trusted only when that record exists and matches the file, and reused without contacting the server while it is
  younger than the dataset's ``max_age_days``.
* Errors are :class:`DownloadError` with a message in plain words that names the address.

:class:`DownloadTask` runs :func:`fetch_request` for several files in a :class:`QgsTask` (progress, cancel).
"""

import io
import json
import os
import re
import shutil
import stat
import tempfile
import time
import traceback
import zipfile
from dataclasses import dataclass
from datetime import datetime, timezone
from urllib.parse import urlparse

from qgis.core import Qgis, QgsApplication, QgsMessageLog, QgsNetworkAccessManager, QgsSettings, QgsTask
from qgis.PyQt.QtCore import QEventLoop, QTimer, QUrl, pyqtSignal
from qgis.PyQt.QtNetwork import QNetworkReply, QNetworkRequest

from ..core.sources.common import (
    ArchiveError,
    check_expansion,
    check_member,
    open_member,
    open_zip,
    verify_archive,
)
from ..i18n import tr
from .catalogue import datagouv_api_url, extension_of, resolve_resource, safe_name

SETTINGS_KEY = "medical_deserts/cache_folder"
USER_AGENT = b"QGIS medical_deserts_plugin"
LOCAL_HOSTS = ("127.0.0.1", "localhost", "::1")
#: Largest API document read in memory (data.gouv.fr dataset JSON).
MAX_JSON_BYTES = 20 * 1024 * 1024
#: Largest total size an archive may expand to.
MAX_UNZIPPED_BYTES = 20 * 1024 ** 3
LOG_TAG = "Medical Deserts"


class DownloadError(Exception):
    """A download failed; the message says why in plain words and names the address."""


class DownloadCancelled(DownloadError):
    """The user cancelled."""


class UnsafeArchive(DownloadError):
    """A zip archive holds an entry that would land outside the target folder."""


@dataclass
class CachedFile:
    """A file in the cache: ``path`` (the file, or the extracted folder for archives), where it came from, when."""

    path: str
    url: str
    downloaded: datetime
    reused: bool = False
    stale: bool = False
    note: str = ""
    name: str = ""
    departement: str = ""


# ------------------------------------------------------------------------------------------------ settings, checks


def default_cache_folder():
    return os.path.join(QgsApplication.qgisSettingsDirPath(), "cache", "medical_deserts")


def cache_folder():
    """The cache folder chosen in the dock (QgsSettings), or the default one in the QGIS profile."""
    return str(QgsSettings().value(SETTINGS_KEY, "") or default_cache_folder())


def set_cache_folder(path):
    QgsSettings().setValue(SETTINGS_KEY, str(path or ""))


def check_url(url, allow_local_http=False):
    """Accept ``https://`` addresses only; ``http://127.0.0.1`` too when ``allow_local_http`` (tests)."""
    parsed = urlparse(url or "")
    if parsed.scheme == "https" and parsed.netloc:
        return
    if allow_local_http and parsed.scheme == "http" and parsed.hostname in LOCAL_HOSTS:
        return
    raise DownloadError(tr("Refused to download {url}: only secure https:// addresses are accepted.").format(url=url))


def format_bytes(count):
    value = float(count)
    for unit in ("bytes", "KB", "MB", "GB"):
        if value < 1024 or unit == "GB":
            return f"{int(value)} {unit}" if unit == "bytes" else f"{value:.1f} {unit}"
        value /= 1024
    return f"{count} bytes"


# ------------------------------------------------------------------------------------------------ format check

_MAGIC = {
    "zip": (b"PK\x03\x04", b"PK\x05\x06"),
    "xls": (b"\xd0\xcf\x11\xe0",),
    "gpkg": (b"SQLite format 3\x00",),
    "shp": (b"\x00\x00\x27\x0a",),
}
_ZIP_BASED = ("zip", "xlsx", "docx", "ods")
_TEXT = ("text", "txt", "csv", "tsv")
_JSON = ("json", "geojson")


def expected_kind(declared, extension):
    """What the file must look like: ``zip``, ``xls``, ``gpkg``, ``shp``, ``json``, ``text`` or ``""`` (unchecked)."""
    for candidate in (extension, declared):
        if candidate in _ZIP_BASED:
            return "zip"
        if candidate in ("xls", "gpkg", "shp"):
            return candidate
        if candidate in _JSON:
            return "json"
        if candidate in _TEXT:
            return "text"
    return ""


def _looks_like_html(head):
    start = head.lstrip(b"\xef\xbb\xbf \t\r\n")[:15].lower()
    return start.startswith((b"<!doctype html", b"<html", b"<head", b"<body"))


def check_format(path, kind, url=""):
    """Raise :class:`DownloadError` when the file at ``path`` does not look like ``kind`` (see :func:`expected_kind`)."""
    with open(path, "rb") as stream:
        head = stream.read(65536)
    problem = None
    if _looks_like_html(head) and kind != "html":
        problem = tr("the server sent a web page instead of the data file")
    elif kind in _MAGIC and not head.startswith(_MAGIC[kind]):
        problem = tr("it is not a {kind} file").format(kind=kind.upper())
    elif kind == "json" and not head.lstrip(b"\xef\xbb\xbf \t\r\n")[:1] in (b"{", b"["):
        problem = tr("it is not a JSON file")
    elif kind == "text" and not head.startswith(_MAGIC["zip"]) and b"\x00" in head:
        problem = tr("it is not a text file (binary content)")
    elif head.startswith(_MAGIC["zip"]):
        try:
            verify_archive(path, os.path.basename(url) or url)
        except ArchiveError as error:
            problem = str(error)
    if problem:
        raise DownloadError(tr("The file received from {url} is not usable: {problem}.").format(url=url, problem=problem))


# ------------------------------------------------------------------------------------------------ streaming

NetworkError = QNetworkReply.NetworkError
_NETWORK_ERRORS = {
    NetworkError.HostNotFoundError: lambda: tr("the server name was not found (no internet connection, or a proxy is "
                                               "needed: QGIS Options › Network)"),
    NetworkError.ConnectionRefusedError: lambda: tr("the server refused the connection"),
    NetworkError.RemoteHostClosedError: lambda: tr("the server closed the connection before the end"),
    NetworkError.TimeoutError: lambda: tr("the server did not answer in time"),
    NetworkError.SslHandshakeFailedError: lambda: tr("the secure connection failed (certificate problem)"),
    NetworkError.TemporaryNetworkFailureError: lambda: tr("the network connection was lost"),
    NetworkError.NetworkSessionFailedError: lambda: tr("the network connection was lost"),
    NetworkError.ProxyConnectionRefusedError: lambda: tr("the proxy refused the connection (QGIS Options › Network)"),
    NetworkError.ProxyNotFoundError: lambda: tr("the proxy was not found (QGIS Options › Network)"),
    NetworkError.ProxyAuthenticationRequiredError:
        lambda: tr("the proxy asks for a password (QGIS Options › Network)"),
    NetworkError.ProxyTimeoutError: lambda: tr("the proxy did not answer in time"),
    NetworkError.OperationCanceledError: lambda: tr("the request was stopped by the QGIS network timeout "
                                                    "(QGIS Options › Network › Timeout)"),
}
if hasattr(NetworkError, "InsecureRedirectError"):  # Qt 5.14+
    _NETWORK_ERRORS[NetworkError.InsecureRedirectError] = lambda: tr(
        "the server redirected to an insecure (http://) address")
_HTTP_REASONS = {
    401: lambda: tr("access refused"), 403: lambda: tr("access refused"),
    404: lambda: tr("file not found: it may have moved, see the source page"),
    410: lambda: tr("file removed, see the source page"), 429: lambda: tr("too many requests, try again later"),
    500: lambda: tr("server error, try again later"), 502: lambda: tr("server unavailable, try again later"),
    503: lambda: tr("server unavailable, try again later"),
    504: lambda: tr("the server did not answer in time, try again later"),
}


def _network_message(error, detail):
    words = _NETWORK_ERRORS.get(error)
    return words() if words else tr("network error: {detail}").format(detail=detail)


def stream(url, write, progress=None, is_canceled=None, timeout=60, allow_local_http=False, max_bytes=None):
    """GET ``url`` and hand the body to ``write(bytes)`` chunk by chunk; returns ``(received, expected)``.

    ``progress(received, total_or_None)``, ``is_canceled()`` polled 10 times a second, ``timeout``: seconds
    without any data before giving up. Raises :class:`DownloadError` / :class:`DownloadCancelled`.
    """
    check_url(url, allow_local_http)
    request = QNetworkRequest(QUrl(url))
    request.setAttribute(QNetworkRequest.Attribute.RedirectPolicyAttribute,
                         QNetworkRequest.RedirectPolicy.NoLessSafeRedirectPolicy)
    request.setAttribute(QNetworkRequest.Attribute.CacheLoadControlAttribute,
                         QNetworkRequest.CacheLoadControl.AlwaysNetwork)
    request.setAttribute(QNetworkRequest.Attribute.CacheSaveControlAttribute, False)
    request.setRawHeader(b"User-Agent", USER_AGENT)
    request.setRawHeader(b"Accept-Encoding", b"identity")  # Content-Length then is the size of what is written
    reply = QgsNetworkAccessManager.instance().get(request)
    loop = QEventLoop()
    state = {"received": 0, "last": time.monotonic(), "why": None, "error": None}

    def http_status():
        code = reply.attribute(QNetworkRequest.Attribute.HttpStatusCodeAttribute)
        return int(code) if code is not None else None

    def read():
        data = reply.readAll()
        if data.isEmpty() or state["why"]:
            return
        state["last"] = time.monotonic()
        status = http_status()
        if status is not None and status >= 300:
            return  # an error page: not data
        chunk = bytes(data)
        try:
            write(chunk)
        except OSError as error:
            state["why"], state["error"] = "write", error
            reply.abort()
            return
        state["received"] += len(chunk)
        if max_bytes and state["received"] > max_bytes:
            state["why"] = "too_big"
            reply.abort()

    def moved(received, total):
        state["last"] = time.monotonic()
        if progress is not None:
            progress(received, total if total and total > 0 else None)

    def watch():
        if state["why"]:
            return
        if is_canceled is not None and is_canceled():
            state["why"] = "cancel"
            reply.abort()
        elif time.monotonic() - state["last"] > timeout:
            state["why"] = "timeout"
            reply.abort()

    reply.readyRead.connect(read)
    reply.downloadProgress.connect(moved)
    reply.finished.connect(loop.quit)
    timer = QTimer()
    timer.setInterval(100)
    timer.timeout.connect(watch)
    timer.start()
    if not reply.isFinished():
        loop.exec()
    timer.stop()
    read()
    status = http_status()
    reason = reply.attribute(QNetworkRequest.Attribute.HttpReasonPhraseAttribute)
    length = reply.header(QNetworkRequest.KnownHeaders.ContentLengthHeader)
    error, detail = reply.error(), reply.errorString()
    final_url = reply.url().toString()
    reply.deleteLater()
    received = state["received"]
    why = state["why"]
    if why == "cancel":
        raise DownloadCancelled(tr("Download of {url} cancelled.").format(url=url))
    if why == "timeout":
        raise DownloadError(tr("Download of {url} failed: no data received for {seconds} s (the server or the "
                               "network is too slow, or the connection was lost).").format(url=url, seconds=timeout))
    if why == "write":
        raise DownloadError(tr("Download of {url} failed: the file could not be written in the cache folder "
                               "({error}).").format(url=url, error=state["error"]))
    if why == "too_big":
        raise DownloadError(tr("Download of {url} stopped: the answer is larger than expected ({size}).")
                            .format(url=url, size=format_bytes(received)))
    if status is not None and status >= 400:
        words = _HTTP_REASONS[status]() if status in _HTTP_REASONS else str(reason or "")
        raise DownloadError(tr("Download of {url} failed: the server answered {status} ({reason}).")
                            .format(url=url, status=status, reason=words))
    if length is not None and int(length) != received:
        raise DownloadError(tr("Download of {url} is incomplete: {received} received of {expected} announced "
                               "(the connection was cut). Nothing was kept; try again.")
                            .format(url=url, received=format_bytes(received), expected=format_bytes(int(length))))
    if error != QNetworkReply.NetworkError.NoError:
        raise DownloadError(tr("Download of {url} failed: {reason}.")
                            .format(url=url, reason=_network_message(error, detail)))
    if final_url and final_url != url:
        check_url(final_url, allow_local_http)
    return received, (int(length) if length is not None else None)


def fetch_json(url, is_canceled=None, timeout=60, allow_local_http=False):
    """A (small) JSON document, such as a data.gouv.fr dataset description."""
    buffer = io.BytesIO()
    stream(url, buffer.write, is_canceled=is_canceled, timeout=timeout, allow_local_http=allow_local_http,
           max_bytes=MAX_JSON_BYTES)
    try:
        return json.loads(buffer.getvalue().decode("utf-8"))
    except ValueError as error:
        raise DownloadError(tr("The answer of {url} is not the expected JSON document ({error}).")
                            .format(url=url, error=error)) from error


def download_file(url, target, kind="", min_bytes=1, progress=None, is_canceled=None, timeout=60,
                  allow_local_http=False):
    """Download ``url`` to ``target`` atomically: a temporary file next to it, checked, then ``os.replace``.

    ``kind``: the expected content (:func:`expected_kind`); ``progress(fraction_or_None)``. On any failure the
    temporary file is removed and ``target`` is left as it was. Returns the number of bytes.
    """
    check_url(url, allow_local_http)
    folder = os.path.dirname(os.path.abspath(target))
    os.makedirs(folder, exist_ok=True)
    handle, temporary = tempfile.mkstemp(prefix="." + os.path.basename(target) + ".", suffix=".part", dir=folder)
    try:
        with os.fdopen(handle, "wb") as out:
            received, _length = stream(
                url, out.write, timeout=timeout, allow_local_http=allow_local_http, is_canceled=is_canceled,
                progress=(lambda done, total: progress(done / total if total else None)) if progress else None)
            out.flush()
            os.fsync(out.fileno())
        if received < min_bytes:
            raise DownloadError(tr("The file received from {url} is too small ({size}) to be the expected data.")
                                .format(url=url, size=format_bytes(received)))
        check_format(temporary, kind, url)
        os.replace(temporary, target)
        return received
    except BaseException:
        try:
            os.remove(temporary)
        except OSError:
            pass
        raise


# ------------------------------------------------------------------------------------------------ archives


def _unsafe_member(name, root):
    parts = re.split(r"[\\/]+", name)
    if name.startswith(("/", "\\")) or re.match(r"^[A-Za-z]:", name) or ".." in parts:
        return True
    destination = os.path.realpath(os.path.join(root, name))
    return os.path.commonpath([root, destination]) != root


def safe_extract(archive_path, target_dir, max_bytes=MAX_UNZIPPED_BYTES):
    """Extract a zip into ``target_dir`` (replaced as a whole), refusing any entry that would land outside it.

    Every entry is checked before anything is written: absolute paths, drive letters, ``..`` parts, symbolic
    links, encrypted or unreadable compression and zip bombs raise :class:`UnsafeArchive` and nothing is extracted.
    Extraction goes to a temporary folder moved onto ``target_dir`` at the end; a damaged member (bad CRC) stops it
    with a :class:`DownloadError` and nothing is kept. Returns the paths of the extracted files.
    """
    target_dir = os.path.abspath(target_dir)
    parent = os.path.dirname(target_dir)
    os.makedirs(parent, exist_ok=True)
    root = os.path.realpath(target_dir)
    try:
        archive = open_zip(archive_path)
    except ArchiveError as error:
        raise DownloadError(tr("{error}: nothing was extracted.").format(error=error)) from error
    except OSError as error:
        raise DownloadError(tr("{path} is not a readable zip archive ({error}).").format(path=archive_path,
                                                                                          error=error)) from error
    with archive:
        infos = archive.infolist()
        for info in infos:
            is_link = stat.S_ISLNK(info.external_attr >> 16)
            if is_link or _unsafe_member(info.filename, root):
                raise UnsafeArchive(tr("The archive {path} holds an unsafe entry “{name}” (it would be written "
                                       "outside the folder): nothing was extracted.")
                                    .format(path=archive_path, name=info.filename))
        try:
            for info in infos:
                check_member(info, archive_path)
            check_expansion(sum(info.file_size for info in infos), os.path.getsize(archive_path),
                            f"{archive_path} (all members)")
        except ArchiveError as error:
            raise UnsafeArchive(tr("{error}: nothing was extracted.").format(error=error)) from error
        if sum(info.file_size for info in infos) > max_bytes:
            raise UnsafeArchive(tr("The archive {path} would expand to more than {size}: nothing was extracted.")
                                .format(path=archive_path, size=format_bytes(max_bytes)))
        temporary = tempfile.mkdtemp(prefix="." + os.path.basename(target_dir) + ".", suffix=".extract", dir=parent)
        try:
            written = []
            for info in infos:
                destination = os.path.join(temporary, *re.split(r"[\\/]+", info.filename))
                if info.is_dir():
                    os.makedirs(destination, exist_ok=True)
                    continue
                os.makedirs(os.path.dirname(destination), exist_ok=True)
                with open_member(archive, info, archive_path) as source, open(destination, "wb") as out:
                    shutil.copyfileobj(source, out, 1024 * 1024)
                written.append(os.path.relpath(destination, temporary))
            if os.path.isdir(target_dir):
                shutil.rmtree(target_dir)
            os.replace(temporary, target_dir)
        except ArchiveError as error:
            shutil.rmtree(temporary, ignore_errors=True)
            raise DownloadError(tr("{error}: nothing was extracted.").format(error=error)) from error
        except BaseException:
            shutil.rmtree(temporary, ignore_errors=True)
            raise
    return [os.path.join(target_dir, name) for name in written]


# ------------------------------------------------------------------------------------------------ cache


def _manifest_path(folder, name):
    return os.path.join(folder, safe_name(name) + ".source.json")


def _write_json_atomically(path, data):
    handle, temporary = tempfile.mkstemp(prefix="." + os.path.basename(path) + ".", suffix=".part",
                                         dir=os.path.dirname(path))
    try:
        with os.fdopen(handle, "w", encoding="utf-8") as out:
            json.dump(data, out, ensure_ascii=False, indent=1)
        os.replace(temporary, path)
    except BaseException:
        try:
            os.remove(temporary)
        except OSError:
            pass
        raise


def cached_copy(request, cache_root):
    """The :class:`CachedFile` recorded for ``request`` when its file is complete (size as recorded) and, for a zip,
    read whole without error; else None. A damaged zip is discarded (file and record), and said in the log."""
    folder = os.path.join(cache_root, safe_name(request.dataset_id))
    manifest = _manifest_path(folder, request.name)
    try:
        with open(manifest, encoding="utf-8") as stream_:
            record = json.load(stream_)
        path = os.path.join(folder, os.path.basename(record["file"]))
        downloaded = datetime.fromisoformat(record["downloaded"])
        if not os.path.isfile(path) or os.path.getsize(path) != int(record["bytes"]):
            return None
        with open(path, "rb") as stream_:
            is_zip = stream_.read(4) == _MAGIC["zip"][0]
        if is_zip:
            verify_archive(path)
    except ArchiveError as error:
        QgsMessageLog.logMessage(tr("The cached copy is damaged and was discarded: {error}").format(error=error),
                                 LOG_TAG, Qgis.MessageLevel.Warning)
        for damaged in (path, manifest):
            try:
                os.remove(damaged)
            except OSError:
                pass
        return None
    except (OSError, ValueError, KeyError, TypeError):
        return None
    return CachedFile(path=path, url=str(record.get("url", "")), downloaded=downloaded, reused=True,
                      name=request.name, departement=request.departement)


def is_fresh(cached, max_age_days, now=None):
    now = now or datetime.now(timezone.utc)
    return (now - cached.downloaded).total_seconds() < max_age_days * 86400


def _extracted(cached, request, fresh_download):
    """For archives to extract: the folder of the extracted files (extracted again after a new download)."""
    if not request.extract or not zipfile.is_zipfile(cached.path):
        return cached
    folder = os.path.splitext(cached.path)[0]
    if fresh_download or not os.path.isdir(folder):
        safe_extract(cached.path, folder)
    cached.path = folder
    return cached


def fetch_request(request, cache_root, force=False, progress=None, is_canceled=None, timeout=60,
                  allow_local_http=False, use_stale=True):
    """Bring the file of a :class:`~.catalogue.FileRequest` into the cache; returns a :class:`CachedFile`.

    A complete cached copy younger than ``request.max_age_days`` is returned without contacting any server (unless
    ``force``). A data.gouv.fr dataset is resolved through its API to its newest matching file (``fallback_url``
    when none matches or the API fails). When the download fails and an older complete copy exists, that copy is
    returned with ``stale=True`` and the reason in ``note`` (if ``use_stale``).
    """
    folder = os.path.join(cache_root, safe_name(request.dataset_id))
    previous = cached_copy(request, cache_root)
    if previous is not None and not force and is_fresh(previous, request.max_age_days):
        return _extracted(previous, request, False)
    try:
        url = request.url
        if request.datagouv:
            url = _resolve_datagouv(request, is_canceled, timeout, allow_local_http)
        extension = extension_of(url)
        if not extension or extension in ("php", "html", "htm", "aspx"):
            extension = request.format if request.format not in ("auto", "text") else "bin"
        if request.format == "text" and extension not in ("zip", "txt", "csv"):
            extension = "txt"
        file_name = f"{safe_name(request.name)}.{extension}"
        target = os.path.join(folder, file_name)
        size = download_file(url, target, kind=expected_kind(request.format, extension), min_bytes=request.min_bytes,
                             progress=progress, is_canceled=is_canceled, timeout=timeout,
                             allow_local_http=allow_local_http)
        now = datetime.now(timezone.utc)
        _write_json_atomically(_manifest_path(folder, request.name), {
            "file": file_name, "url": url, "downloaded": now.isoformat(), "bytes": size,
            "dataset": request.datagouv or "", "departement": request.departement,
        })
        if previous is not None and os.path.abspath(previous.path) != os.path.abspath(target):
            try:
                os.remove(previous.path)  # the same data under another extension
            except OSError:
                pass
        result = CachedFile(path=target, url=url, downloaded=now, name=request.name,
                            departement=request.departement)
        return _extracted(result, request, True)
    except DownloadCancelled:
        raise
    except DownloadError as error:
        if previous is not None and use_stale:
            previous.stale, previous.note = True, str(error)
            return _extracted(previous, request, False)
        raise


def _resolve_datagouv(request, is_canceled, timeout, allow_local_http, api_url=None):
    api = api_url or datagouv_api_url(request.datagouv)
    try:
        document = fetch_json(api, is_canceled=is_canceled, timeout=timeout, allow_local_http=allow_local_http)
        return resolve_resource(document, request.pattern, request.formats).url
    except DownloadCancelled:
        raise
    except (DownloadError, LookupError) as error:
        if request.fallback_url:
            QgsMessageLog.logMessage(f"{api}: {error}; using {request.fallback_url}", LOG_TAG,
                                     Qgis.MessageLevel.Warning)
            return request.fallback_url
        if isinstance(error, LookupError):
            raise DownloadError(tr("The data.gouv.fr dataset {dataset} ({api}) has no file to download: {reason}.")
                                .format(dataset=request.datagouv, api=api, reason=error)) from error
        raise


# ------------------------------------------------------------------------------------------------ task


class DownloadTask(QgsTask):
    """Downloads several :class:`~.catalogue.FileRequest` in the background; ``done(list of CachedFile)`` or
    ``failed(message)`` is emitted in the main thread. Optional files that fail are skipped (see ``notes``)."""

    done = pyqtSignal(object)
    failed = pyqtSignal(str)

    def __init__(self, description, requests, cache_root, force=False, timeout=60, allow_local_http=False):
        super().__init__(description, QgsTask.Flag.CanCancel)
        self.requests = list(requests)
        self.cache_root = cache_root
        self.force = force
        self.timeout = timeout
        self.allow_local_http = allow_local_http
        self.results = []
        self.notes = []
        self.error = ""

    def run(self):
        count = max(len(self.requests), 1)
        for index, request in enumerate(self.requests):
            def progress(fraction, index=index):
                if fraction is not None:
                    self.setProgress(100.0 * (index + min(max(fraction, 0.0), 1.0)) / count)

            try:
                result = fetch_request(request, self.cache_root, force=self.force, progress=progress,
                                       is_canceled=self.isCanceled, timeout=self.timeout,
                                       allow_local_http=self.allow_local_http)
            except DownloadCancelled as error:
                self.error = str(error)
                return False
            except DownloadError as error:
                if request.optional:
                    self.notes.append(str(error))
                    continue
                self.error = str(error)
                return False
            except Exception as error:  # noqa: BLE001 (reported, never raised into QGIS)
                QgsMessageLog.logMessage(traceback.format_exc(), LOG_TAG, Qgis.MessageLevel.Critical)
                self.error = tr("Unexpected error while downloading: {error}").format(error=error)
                return False
            if result.stale:
                self.notes.append(result.note)
            self.results.append(result)
            self.setProgress(100.0 * (index + 1) / count)
        return True

    def finished(self, result):  # noqa: D401 (QgsTask API)
        if result:
            self.done.emit(self.results)
        else:
            self.failed.emit(self.error or tr("Download cancelled."))
