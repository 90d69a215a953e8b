"""Downloads of the data dock against a local HTTP server: good file, 404, cut transfer, stalled transfer, web page
instead of data, zip with ``../`` entries, damaged or encrypted zips (refused, never cached, a damaged cached copy
discarded), data.gouv.fr resolution, reuse of fresh copies, the QgsTask."""

import io
import json
import os
import threading
import time
import zipfile
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import pytest
from qgis.core import QgsApplication
from qgis.PyQt.QtCore import QCoreApplication

from medical_deserts_plugin.gui import download
from medical_deserts_plugin.gui.catalogue import FileRequest
from medical_deserts_plugin.gui.download import (
    DownloadError,
    DownloadTask,
    UnsafeArchive,
    check_url,
    download_file,
    fetch_request,
    safe_extract,
)
from tests.zips import damaged, flipped_byte

GOOD = b"Identification nationale PP|Code profession|\n" + b"10000000001|10|\n" * 2000


def zip_bytes(entries):
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        for name, data in entries:
            archive.writestr(name, data)
    return buffer.getvalue()


EVIL_ZIP = zip_bytes([("ok.txt", b"fine"), ("../escaped.txt", b"evil")])
GOOD_ZIP = zip_bytes([("qpv/qpv.geojson", b'{"type": "FeatureCollection", "features": []}')])
QPV = b'{"type": "FeatureCollection", "features": []}' * 50
DAMAGED_ZIPS = {kind: damaged(kind, "qpv/qpv.geojson", QPV) for kind in ("bad_crc", "zeroed_member", "encrypted",
                                                                       "deflate64")}


class Handler(BaseHTTPRequestHandler):
    hits = {}

    def log_message(self, *args):
        pass

    def send_body(self, body, content_type="application/octet-stream", length=None):
        self.send_response(200)
        self.send_header("Content-Type", content_type)
        self.send_header("Content-Length", str(len(body) if length is None else length))
        self.end_headers()
        self.wfile.write(body)

    def do_GET(self):  # noqa: N802 (http.server API)
        Handler.hits[self.path] = Handler.hits.get(self.path, 0) + 1
        port = self.server.server_address[1]
        if self.path == "/good.txt":
            self.send_body(GOOD, "text/plain")
        elif self.path == "/good.zip":
            self.send_body(GOOD_ZIP, "application/zip")
        elif self.path == "/evil.zip":
            self.send_body(EVIL_ZIP, "application/zip")
        elif self.path.startswith("/damaged_") and self.path[9:-4] in DAMAGED_ZIPS:
            self.send_body(DAMAGED_ZIPS[self.path[9:-4]], "application/zip")
        elif self.path == "/page.txt":
            self.send_body(b"<!DOCTYPE html><html><body>Maintenance</body></html>" + b" " * 500, "text/html")
        elif self.path == "/cut.txt":
            self.send_body(GOOD[:5000], "text/plain", length=len(GOOD))  # announces more, then closes
            self.close_connection = True
        elif self.path == "/stalled.txt":
            self.send_response(200)
            self.send_header("Content-Length", str(len(GOOD)))
            self.end_headers()
            self.wfile.write(GOOD[:100])
            self.wfile.flush()
            time.sleep(4)
            self.close_connection = True
        elif self.path == "/api/datasets/rpps/":
            resources = [
                {"title": "ps-libreacces-personne-activite.txt", "format": "txt", "type": "main",
                 "url": f"http://127.0.0.1:{port}/old.txt", "last_modified": "2024-01-01T08:00:00+00:00"},
                {"title": "ps-libreacces-personne-activite.txt", "format": "txt", "type": "main",
                 "url": f"http://127.0.0.1:{port}/good.txt", "last_modified": "2024-02-01T08:00:00+00:00"},
                {"title": "notice.pdf", "format": "pdf", "type": "documentation",
                 "url": f"http://127.0.0.1:{port}/notice.pdf", "last_modified": "2024-03-01T08:00:00+00:00"},
            ]
            self.send_body(json.dumps({"resources": resources}).encode(), "application/json")
        else:
            self.send_response(404)
            self.send_header("Content-Type", "text/html")
            body = b"<html>not here</html>"
            self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            self.wfile.write(body)


@pytest.fixture(scope="module")
def server():
    httpd = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    httpd.daemon_threads = True
    thread = threading.Thread(target=httpd.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{httpd.server_address[1]}"
    httpd.shutdown()
    httpd.server_close()


def files_in(folder):
    return sorted(os.path.relpath(os.path.join(root, name), folder)
                  for root, _dirs, names in os.walk(folder) for name in names)


def request(url, name="data", **options):
    values = dict(dataset_id="test", name=name, url=url, format="text", min_bytes=10, max_age_days=1)
    values.update(options)
    return FileRequest(**values)


def test_only_https_unless_local_http_is_allowed_explicitly():
    check_url("https://www.data.gouv.fr/api/1/datasets/x/")
    with pytest.raises(DownloadError, match="http://example.org/a.zip"):
        check_url("http://example.org/a.zip", allow_local_http=True)
    with pytest.raises(DownloadError, match="only secure https"):
        check_url("http://127.0.0.1:8000/a.zip")
    check_url("http://127.0.0.1:8000/a.zip", allow_local_http=True)
    with pytest.raises(DownloadError):
        check_url("ftp://example.org/a.zip", allow_local_http=True)


def test_good_file_is_downloaded_then_reused_without_contacting_the_server(qgis_app, server, tmp_path):
    first = fetch_request(request(f"{server}/good.txt", name="good"), str(tmp_path), allow_local_http=True)
    assert open(first.path, "rb").read() == GOOD and not first.reused
    assert files_in(tmp_path) == ["test/good.source.json", "test/good.txt"]
    hits = Handler.hits["/good.txt"]
    again = fetch_request(request(f"{server}/good.txt", name="good"), str(tmp_path), allow_local_http=True)
    assert again.reused and again.path == first.path
    assert Handler.hits["/good.txt"] == hits  # fresh: the server was not asked again
    forced = fetch_request(request(f"{server}/good.txt", name="good"), str(tmp_path), force=True,
                           allow_local_http=True)
    assert not forced.reused and Handler.hits["/good.txt"] == hits + 1
    stale = fetch_request(request(f"{server}/good.txt", name="good", max_age_days=1e-9), str(tmp_path),
                          allow_local_http=True)
    assert not stale.reused and Handler.hits["/good.txt"] == hits + 2  # too old: downloaded again


@pytest.mark.parametrize("path, words", [
    ("/missing.txt", "404"),
    ("/cut.txt", "incomplete"),
    ("/page.txt", "web page"),
])
def test_failures_leave_no_file_and_say_why_with_the_address(qgis_app, server, tmp_path, path, words):
    url = f"{server}{path}"
    with pytest.raises(DownloadError) as failure:
        fetch_request(request(url), str(tmp_path), allow_local_http=True)
    assert url in str(failure.value) and words in str(failure.value)
    assert files_in(tmp_path) == []  # no final file, no temporary file


def test_stalled_transfer_times_out_and_leaves_nothing(qgis_app, server, tmp_path):
    url = f"{server}/stalled.txt"
    started = time.monotonic()
    with pytest.raises(DownloadError, match="no data received for 1 s") as failure:
        download_file(url, str(tmp_path / "x.txt"), kind="text", timeout=1, allow_local_http=True)
    assert url in str(failure.value) and time.monotonic() - started < 4
    assert files_in(tmp_path) == []


def test_failed_download_keeps_the_previous_good_copy(qgis_app, server, tmp_path):
    target = tmp_path / "data.txt"
    download_file(f"{server}/good.txt", str(target), kind="text", allow_local_http=True)
    with pytest.raises(DownloadError):
        download_file(f"{server}/cut.txt", str(target), kind="text", allow_local_http=True)
    assert target.read_bytes() == GOOD and files_in(tmp_path) == ["data.txt"]


def test_stale_copy_is_offered_when_the_server_fails(qgis_app, server, tmp_path):
    good = fetch_request(request(f"{server}/good.txt"), str(tmp_path), allow_local_http=True)
    old = fetch_request(request(f"{server}/missing.txt", max_age_days=1e-9), str(tmp_path), allow_local_http=True)
    assert old.stale and old.path == good.path and "404" in old.note and "/missing.txt" in old.note
    assert open(old.path, "rb").read() == GOOD


def test_cancel_leaves_nothing(qgis_app, server, tmp_path):
    with pytest.raises(download.DownloadCancelled, match="cancelled"):
        download_file(f"{server}/stalled.txt", str(tmp_path / "x.txt"), timeout=10, allow_local_http=True,
                      is_canceled=lambda: True)
    assert files_in(tmp_path) == []


def test_unzip_refuses_entries_escaping_the_folder(tmp_path):
    archive = tmp_path / "evil.zip"
    archive.write_bytes(EVIL_ZIP)
    with pytest.raises(UnsafeArchive, match=r"\.\./escaped\.txt"):
        safe_extract(str(archive), str(tmp_path / "out"))
    assert not (tmp_path / "escaped.txt").exists() and not (tmp_path / "out").exists()
    assert files_in(tmp_path) == ["evil.zip"]
    for name in ("/etc/evil", "C:/evil", "a/../../evil"):
        archive.write_bytes(zip_bytes([(name, b"x")]))
        with pytest.raises(UnsafeArchive):
            safe_extract(str(archive), str(tmp_path / "out"))
    archive.write_bytes(GOOD_ZIP)
    assert safe_extract(str(archive), str(tmp_path / "out")) == [str(tmp_path / "out" / "qpv" / "qpv.geojson")]


def test_downloaded_zip_is_checked_then_extracted(qgis_app, server, tmp_path):
    evil = request(f"{server}/evil.zip", name="evil", format="zip", extract=True)
    with pytest.raises(UnsafeArchive, match="unsafe entry"):
        fetch_request(evil, str(tmp_path), allow_local_http=True)
    assert not any("escaped" in name for name in files_in(tmp_path))
    good = fetch_request(request(f"{server}/good.zip", name="qpv", format="auto", extract=True), str(tmp_path),
                         allow_local_http=True)
    assert os.path.isdir(good.path) and files_in(good.path) == ["qpv/qpv.geojson"]


def test_datagouv_dataset_resolved_to_its_newest_file(qgis_app, server, tmp_path, monkeypatch):
    monkeypatch.setattr(download, "datagouv_api_url", lambda dataset: f"{server}/api/datasets/{dataset}/")
    spec = request("", name="PS_LibreAcces_Personne_activite", datagouv="rpps", pattern="personne.?activite",
                   formats=("txt", "zip"))
    result = fetch_request(spec, str(tmp_path), allow_local_http=True)
    assert result.url == f"{server}/good.txt" and os.path.basename(result.path) == "PS_LibreAcces_Personne_activite.txt"
    missing = request("", name="x", datagouv="nothing-here")
    with pytest.raises(DownloadError, match="nothing-here"):
        fetch_request(missing, str(tmp_path), allow_local_http=True)


def wait_for(task, seconds=20):
    deadline = time.monotonic() + seconds
    while task.status() not in (task.Complete, task.Terminated) and time.monotonic() < deadline:
        QCoreApplication.processEvents()
        time.sleep(0.02)
    for _ in range(20):  # let the finished() signals through
        QCoreApplication.processEvents()


def test_task_downloads_in_the_background_and_reports(qgis_app, server, tmp_path):
    outcome = {}
    task = DownloadTask("test", [request(f"{server}/good.txt", name="a"),
                                 request(f"{server}/missing.txt", name="b", optional=True)],
                        str(tmp_path), allow_local_http=True)
    task.done.connect(lambda results: outcome.setdefault("done", results))
    task.failed.connect(lambda message: outcome.setdefault("failed", message))
    QgsApplication.taskManager().addTask(task)
    wait_for(task)
    assert [os.path.basename(r.path) for r in outcome["done"]] == ["a.txt"]
    assert "/missing.txt" in task.notes[0]

    failing = DownloadTask("test", [request(f"{server}/cut.txt", name="c")], str(tmp_path), allow_local_http=True)
    failing.failed.connect(lambda message: outcome.setdefault("failed", message))
    QgsApplication.taskManager().addTask(failing)
    wait_for(failing)
    assert "/cut.txt" in outcome["failed"] and "incomplete" in outcome["failed"]
    assert not any(name.startswith("test/c") for name in files_in(tmp_path))


DAMAGE_WORDS = {"bad_crc": "is damaged \\(Bad CRC-32", "zeroed_member": "is damaged", "encrypted": "is encrypted",
                "deflate64": "Deflate64"}


@pytest.mark.parametrize("kind", DAMAGE_WORDS)
def test_damaged_zip_is_refused_and_not_cached(qgis_app, server, tmp_path, kind):
    url = f"{server}/damaged_{kind}.zip"
    spec = request(url, name="qpv", format="zip", extract=True)
    with pytest.raises(DownloadError, match=DAMAGE_WORDS[kind]) as failure:
        fetch_request(spec, str(tmp_path), allow_local_http=True)
    assert url in str(failure.value) and "qpv/qpv.geojson" in str(failure.value)
    assert files_in(tmp_path) == []  # nothing kept, not even a temporary file


def test_damaged_cached_copy_is_discarded_and_downloaded_again(qgis_app, server, tmp_path):
    spec = request(f"{server}/good.zip", name="qpv", format="zip")
    first = fetch_request(spec, str(tmp_path), allow_local_http=True)
    hits = Handler.hits["/good.zip"]
    with open(first.path, "rb") as stream:
        good = stream.read()
    with open(first.path, "wb") as stream:  # same size, one byte changed: the record still matches
        stream.write(flipped_byte(good, "qpv/qpv.geojson"))
    again = fetch_request(spec, str(tmp_path), allow_local_http=True)
    assert not again.reused and Handler.hits["/good.zip"] == hits + 1
    assert open(again.path, "rb").read() == good


def test_damaged_cached_copy_is_not_offered_when_the_server_fails(qgis_app, server, tmp_path):
    spec = request(f"{server}/good.zip", name="qpv", format="zip")
    first = fetch_request(spec, str(tmp_path), allow_local_http=True)
    with open(first.path, "rb") as stream:
        good = stream.read()
    with open(first.path, "wb") as stream:
        stream.write(flipped_byte(good, "qpv/qpv.geojson"))
    failing = request(f"{server}/missing.zip", name="qpv", format="zip", max_age_days=1e-9)
    with pytest.raises(DownloadError, match="404"):
        fetch_request(failing, str(tmp_path), allow_local_http=True)
    assert files_in(tmp_path) == []  # the damaged copy and its record are gone


@pytest.mark.parametrize("kind", DAMAGE_WORDS)
def test_unzip_refuses_damaged_archives_and_leaves_nothing(tmp_path, kind):
    archive = tmp_path / "qpv.zip"
    archive.write_bytes(DAMAGED_ZIPS[kind])
    with pytest.raises(DownloadError, match=DAMAGE_WORDS[kind] + ".*nothing was extracted"):
        safe_extract(str(archive), str(tmp_path / "out"))
    assert files_in(tmp_path) == ["qpv.zip"]
