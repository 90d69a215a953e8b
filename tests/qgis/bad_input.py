"""The bad-input contract, shared by the bad-input test modules: a clear message (no traceback), no output left
(an output file that existed before is byte-identical), and every input file byte-identical."""

import hashlib
import os
from pathlib import Path

import processing
import pytest
from qgis.core import QgsProcessingException, QgsProcessingFeedback


class Log(QgsProcessingFeedback):
    """A feedback that keeps what a run says: ``info``, ``warnings``, ``errors``, all in order in ``lines``."""

    def __init__(self):
        super().__init__()
        self.info, self.warnings, self.errors, self.lines = [], [], [], []

    def reportError(self, text, fatal=False):  # noqa: N802 (QGIS API)
        self.errors.append(text)
        self.lines.append(text)

    def pushInfo(self, text):  # noqa: N802 (QGIS API)
        self.info.append(text)
        self.lines.append(text)

    def pushWarning(self, text):  # noqa: N802 (QGIS API)
        self.warnings.append(text)
        self.lines.append(text)

    def text(self):
        return "\n".join(self.lines)


def file_hashes(paths):
    """sha256 of every file under ``paths`` (files, or folders walked whole), by path; absent paths are left out."""
    hashes = {}
    for path in map(Path, paths):
        files = [path] if path.is_file() else sorted(p for p in path.rglob("*") if p.is_file()) if path.is_dir() else []
        for file in files:
            hashes[str(file)] = hashlib.sha256(file.read_bytes()).hexdigest()
    return hashes


def folder_listing(folders):
    """Every entry (hidden ones included) of ``folders``, to see that a run left nothing behind."""
    return {str(folder): sorted(os.listdir(folder)) for folder in map(Path, folders) if folder.is_dir()}


def assert_refused(algorithm, parameters, message, inputs=(), outputs=(), feedback=None):
    """Run ``algorithm`` with ``parameters`` and expect a QgsProcessingException whose text matches the regular
    expression ``message``; ``inputs`` (files or folders) must be byte-identical afterwards, ``outputs`` (paths)
    absent, or byte-identical when they existed before. Their folders must hold no new entry (no temporary file).
    ``feedback`` (e.g. a ``Log``) receives what the run says. Returns the message."""
    watched = list(inputs) + list(outputs)
    before = file_hashes(watched)
    folders = {str(Path(path).parent) for path in outputs} | {str(path) for path in inputs if Path(path).is_dir()}
    listing = folder_listing(folders)
    with pytest.raises(QgsProcessingException, match=message) as error:
        processing.run(algorithm, parameters, feedback=feedback)
    text = str(error.value)
    assert "Traceback" not in text, text
    after = file_hashes(watched)
    for path in inputs:
        changed = {p for p in set(before) | set(after) if p.startswith(str(path)) and before.get(p) != after.get(p)}
        assert not changed, f"input changed: {sorted(changed)}"
    for path in outputs:
        if str(path) in before:
            assert after.get(str(path)) == before[str(path)], f"existing output {path} was changed"
        else:
            assert not os.path.exists(path), f"output {path} was left behind"
    assert folder_listing(folders) == listing, "the run left files behind"
    return text


def run_refused(algorithm, parameters, message, inputs=(), outputs=(), feedback=None):
    """``assert_refused`` where ``outputs`` default to every parameter value that names a file path."""
    outputs = list(outputs) or [value for key, value in parameters.items()
                                if key.startswith("OUTPUT") and isinstance(value, str) and os.sep in value]
    return assert_refused(algorithm, parameters, message, inputs, outputs, feedback)
