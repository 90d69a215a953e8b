"""The user guide built into the plugin (scripts/user_guide.py through plugin_tool.build): a page per algorithm in
both languages, found by each algorithm's helpUrl; parameter tables made from the algorithms' own definitions (the
French one with the French labels); every relative link, anchor and image of the HTML resolves."""

import re
from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import unquote, urlparse

import pytest
from qgis.PyQt.QtCore import QUrl

from medical_deserts_plugin import i18n
from scripts.plugin_tool import build
from scripts.user_guide import LANGUAGES, PAGES, examples


class Links(HTMLParser):
    """Relative ``href`` / ``src`` targets and the ``id``s of one HTML page."""

    def __init__(self):
        super().__init__()
        self.targets, self.ids = [], set()

    def handle_starttag(self, tag, attrs):
        for name, value in attrs:
            if name in ("href", "src") and value and not urlparse(value).scheme:
                self.targets.append(value)
            elif name == "id":
                self.ids.add(value)


def links_of(path):
    parser = Links()
    parser.feed(path.read_text(encoding="utf-8"))
    return parser


@pytest.fixture(scope="module")
def help_dir(tmp_path_factory):
    return build(tmp_path_factory.mktemp("plugin")) / "help"


@pytest.fixture
def built_help(help_dir, monkeypatch):
    """helpUrl and help_file look in the plugin just built."""
    monkeypatch.setattr(i18n, "PLUGIN_DIR", help_dir.parent)
    return help_dir


def test_every_algorithm_has_a_page_its_help_url_opens(provider, built_help, monkeypatch):
    names = [algorithm.name() for algorithm in provider.algorithms()]
    assert len(names) == 14 and set(names) <= set(PAGES)  # the 13 algorithms and the chain model
    for language in LANGUAGES:
        monkeypatch.setattr(i18n, "user_language", lambda language=language: language)
        for algorithm in provider.algorithms():
            url = QUrl(algorithm.helpUrl())
            assert url.isLocalFile()
            assert Path(url.toLocalFile()) == built_help / language / f"{algorithm.name()}.html"
            assert Path(url.toLocalFile()).is_file()
    monkeypatch.setattr(i18n, "user_language", lambda: "de")  # no German guide: English
    assert i18n.help_file("index") == built_help / "en" / "index.html"


def test_user_guide_action_opens_the_index(built_help, monkeypatch):
    from medical_deserts_plugin import plugin

    opened = []
    monkeypatch.setattr(plugin.QDesktopServices, "openUrl", lambda url: opened.append(url) or True)
    monkeypatch.setattr(i18n, "user_language", lambda: "fr")
    assert plugin.open_user_guide()
    assert [Path(url.toLocalFile()) for url in opened] == [built_help / "fr" / "index.html"]


def test_parameter_tables_list_every_parameter(provider, help_dir):
    for algorithm in provider.algorithms():
        for language in LANGUAGES:
            text = (help_dir / language / f"{algorithm.name()}.html").read_text(encoding="utf-8")
            table = text[text.index('<table class="parameters">'):]
            table = table[:table.index("</table>")]
            listed = re.findall(r"<tr><td><code>([A-Za-z_0-9:]+)</code></td>", table)  # a model's: step:output
            assert listed == [definition.name() for definition in algorithm.parameterDefinitions()]


def test_french_page_has_french_labels(help_dir):
    french = (help_dir / "fr" / "accessibilityindex.html").read_text(encoding="utf-8")
    english = (help_dir / "en" / "accessibilityindex.html").read_text(encoding="utf-8")
    assert "<td>Poids par âge de la DREES (avec les tranches d&#x27;âge)</td>" in french and \
        "<td>DREES age weights (with age groups)</td>" in english
    assert "choix<br>0 = APL de la DREES" in french
    assert '<html lang="fr">' in french and 'href="../en/accessibilityindex.html"' in french


def test_links_anchors_and_images_resolve(help_dir):
    pages = sorted(help_dir.glob("*/*.html"))
    assert len(pages) == 2 * len(PAGES)
    for page in pages:
        for target in links_of(page).targets:
            path, _, anchor = unquote(target).partition("#")
            resolved = (page.parent / path).resolve() if path else page
            assert resolved.is_file(), f"{page.relative_to(help_dir)}: {target} does not exist"
            if anchor:
                assert anchor in links_of(resolved).ids, f"{page.relative_to(help_dir)}: no #{anchor}"
    images = sorted((help_dir / "images").glob("*.png"))
    assert images and all(image.stat().st_size < 160_000 for image in images)


def test_examples_use_the_algorithms_parameters(provider):
    """Every example run (the demo's and the imports') names only parameters of its algorithm."""
    runs = examples()
    algorithms = {algorithm.id(): algorithm for algorithm in provider.algorithms()}
    assert len(runs["medicaldeserts:suggestsites"]) == 3 and len(runs["medicaldeserts:mobilecaretour"]) == 1
    for algorithm_id, parameter_sets in runs.items():
        names = {definition.name() for definition in algorithms[algorithm_id].parameterDefinitions()}
        for parameters in parameter_sets:
            assert set(parameters) <= names, algorithm_id
