"""What a plugin repository and the Plugin Manager read: metadata, licence, icon, changelog, the menu title."""

import configparser
import re
import zipfile

import pytest

from scripts.plugin_tool import PLUGIN, ROOT, package
from scripts.translations import TS_FILES, read_ts, source_strings

#: Addresses and URLs that stand for nothing (RFC 2606 names, the plugin template's dummies).
PLACEHOLDER = re.compile(r"example\.(invalid|com|org|net)|\.example\b|\.invalid\b|noreply|http://(bugs|repo|homepage)\b"
                         r"|\bTODO\b|your[ _-]?(name|email)", re.IGNORECASE)


@pytest.fixture(scope="module")
def metadata():
    parser = configparser.ConfigParser(interpolation=None)
    parser.optionxform = str  # keys as written: qgisMinimumVersion, description[fr]
    parser.read(ROOT / "metadata.txt", encoding="utf-8")
    return parser["general"]


@pytest.fixture(scope="module")
def archive(tmp_path_factory):
    with zipfile.ZipFile(package(tmp_path_factory.mktemp("dist"))) as zipped:
        yield zipped


def test_metadata_has_what_qgis_and_its_users_read(metadata):
    for key in ("name", "qgisMinimumVersion", "description", "description[fr]", "about", "about[fr]", "version",
                "author", "changelog", "icon", "category", "hasProcessingProvider"):
        assert metadata.get(key, "").strip(), key
    assert metadata["version"] in metadata["changelog"]
    assert "GPL-2.0-or-later" in metadata["about"] and "GPL-2.0-or-later" in metadata["about[fr]"]


def test_no_placeholder_address_anywhere_in_the_metadata():
    text = (ROOT / "metadata.txt").read_text(encoding="utf-8")
    assert PLACEHOLDER.findall(text) == []


def test_the_changelog_file_has_the_release_of_the_metadata(metadata):
    assert f"## {metadata['version']}" in (ROOT / "CHANGELOG.md").read_text(encoding="utf-8")


def test_licence_is_the_gpl_version_2_text():
    text = (ROOT / "LICENSE").read_text(encoding="utf-8")
    assert "GNU GENERAL PUBLIC LICENSE" in text and "Version 2, June 1991" in text
    assert "any later version" in text


def test_the_zip_holds_licence_metadata_and_icons(archive, metadata):
    names = set(archive.namelist())
    for member in ("LICENSE", "metadata.txt", metadata["icon"], "icons/medical_deserts.svg", "__init__.py"):
        assert f"{PLUGIN}/{member}" in names, member
    assert archive.read(f"{PLUGIN}/LICENSE") == (ROOT / "LICENSE").read_bytes()
    assert archive.read(f"{PLUGIN}/{metadata['icon']}").startswith(b"\x89PNG\r\n\x1a\n")


def test_the_icon_paints_nothing_red():
    svg = (ROOT / "resources/icons/medical_deserts.svg").read_text(encoding="utf-8")
    colours = re.findall(r'(?:fill|stroke)="#([0-9a-fA-F]{6})"', svg)
    assert colours and not re.search(r'(?:fill|stroke)="(?!#[0-9a-fA-F]{6}"|none")', svg)
    reds = [c for c in colours if int(c[0:2], 16) > 150 and max(int(c[2:4], 16), int(c[4:6], 16)) < 110]
    assert reds == []


def test_the_menu_title_reaches_the_translation_file():
    assert "&Medical Deserts" in source_strings()
    for path in TS_FILES:
        assert read_ts(path)["&Medical Deserts"] == "&Déserts médicaux"
