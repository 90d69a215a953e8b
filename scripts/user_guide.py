"""Build the user guide: ``docs/guide/{en,fr}/*.md`` -> one self-contained HTML page per source.

    python scripts/user_guide.py --out build/guide [--qm build/medical_deserts_plugin/i18n/medical_deserts_fr.qm]

``scripts/plugin_tool.py build`` runs it into the plugin's ``help/`` folder (``help/en``, ``help/fr``,
``help/images``), where each algorithm's Help button finds its page (``MedicalDesertsAlgorithm.helpUrl``).

The Markdown sources hold three kinds of marks, filled from the code at build time so that the guide cannot drift
from it:

``<!-- parameters -->``   the table of the page's algorithm parameters (name, label, type, default, optional,
                          advanced), read from the algorithm's own definitions, labels in the page's language
                          (French through the compiled translation given by ``--qm``);
``<!-- example N -->``    the N-th example run of the page's algorithm (1 when N is left out): the demo's runs
                          (``scripts/demo.py``) then ``IMPORT_EXAMPLES``, as a ``qgis_process`` command and a
                          ``processing.run`` call, paths relative to the demo's output folder;
``<!-- outputs -->``      the algorithm's outputs (parameter name and label);
``<!-- speeds -->``       the speed presets of the road classes (``core/speeds.py``), on any page.

A page named like an algorithm (``accessibilityindex.md``) documents ``medicaldeserts:accessibilityindex``.
Python-Markdown (Debian's python3-markdown) converts the rest; it is a build-time tool, never needed by the plugin.
"""

import argparse
import html
import os
import re
import shutil
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

SOURCE = ROOT / "docs" / "guide"
LANGUAGES = ("en", "fr")
PROVIDER = "medicaldeserts"
#: Pages in reading order: the workflow, the data, the algorithms in the order of the chain, the network, the FAQ.
PAGES = ("index", "data", "importrpps", "importfiness", "importpopulation", "importanct", "importroads",
         "nearestfacility",
         "traveltimematrix", "catchmentareas", "accessibilityindex", "underservedzones", "suggestsites",
         "mobilecaretour", "councilreport", "councilchain", "network", "faq")
MARK = re.compile(r"^<!-- (parameters|outputs|speeds|example(?: (\d+))?) -->$", re.MULTILINE)

#: Example runs of the import algorithms on the sample files (the demo starts from the sample's GeoPackages).
IMPORT_EXAMPLES = [
    ("medicaldeserts:importrpps",
     dict(INPUT="{rpps}", COMMUNES="{communes}", COMMUNE_CODE_FIELD="code_insee", OUTPUT="gp_rpps.gpkg",
          OUTPUT_COMMUNES="gp_per_commune.gpkg")),
    ("medicaldeserts:importfiness", dict(INPUT="{finess}", CATEGORIES="603,124", OUTPUT="finess_msp_cds.gpkg")),
    ("medicaldeserts:importpopulation",
     dict(INPUT="{population}", COMMUNES="{communes}", OUTPUT="communes_population.gpkg")),
]

WORDS = {
    "en": dict(name="Name", label="Label", type="Type", default="Default", optional="Optional",
               advanced="Advanced", yes="yes", no="", layer="layer", table="table or layer", point="points",
               line="lines", polygon="polygons", any="any geometry", field="field", numeric="numeric",
               several="several", choice="choice", integer="integer", number="number", distance="distance",
               text="text", boolean="true/false", file="file", crs="CRS", vector_out="vector output",
               file_out="file output", parent="of", output="Output", language="Français", switch="fr",
               guide="User guide", version="version", road_class="Road class", kmh="km/h",
               not_drivable="not drivable, left out"),
    "fr": dict(name="Nom", label="Libellé", type="Type", default="Défaut", optional="Facultatif",
               advanced="Avancé", yes="oui", no="", layer="couche", table="table ou couche", point="points",
               line="lignes", polygon="polygones", any="toute géométrie", field="champ", numeric="numérique",
               several="plusieurs", choice="choix", integer="entier", number="nombre", distance="distance",
               text="texte", boolean="vrai/faux", file="fichier", crs="SCR", vector_out="sortie vecteur",
               file_out="sortie fichier", parent="de", output="Sortie", language="English", switch="en",
               guide="Guide d’utilisation", version="version", road_class="Classe de route", kmh="km/h",
               not_drivable="non carrossable, écartée"),
}

CSS = """
body{margin:0;font:15px/1.5 "DejaVu Sans",Arial,sans-serif;color:#222;background:#fff;display:flex}
nav{flex:0 0 15em;background:#f3f5f2;border-right:1px solid #d8ddd4;padding:1em 0;min-height:100vh;font-size:14px}
nav p{margin:0 1em .8em}nav ul{list-style:none;margin:0;padding:0}
nav li a{display:block;padding:.22em 1em;color:#1d4f73;text-decoration:none}
nav li a:hover{background:#e4e9e0}nav li.current a{background:#1d4f73;color:#fff}
nav .lang a{font-weight:bold;color:#1d4f73}nav .group{margin:.8em 1em .2em;color:#667;font-size:12px;
text-transform:uppercase;letter-spacing:.05em}
main{flex:1;max-width:60em;padding:1em 2.2em 3em}
h1{font-size:1.7em;color:#1d4f73;border-bottom:2px solid #1d4f73;padding-bottom:.2em}
h2{font-size:1.25em;color:#1d4f73;margin-top:1.6em}h3{font-size:1.05em}
code{font-family:"DejaVu Sans Mono",monospace;font-size:.9em;background:#f1f1ee;padding:0 .2em}
pre{background:#f1f1ee;border:1px solid #ddd;padding:.6em .8em;overflow-x:auto;font-size:13px;line-height:1.35}
pre code{background:none;padding:0}
table{border-collapse:collapse;margin:.6em 0 1em;font-size:13.5px}
th,td{border:1px solid #ccd;padding:.25em .5em;vertical-align:top;text-align:left}th{background:#e8ecf0}
table.parameters td:first-child{white-space:nowrap}
img{max-width:100%;border:1px solid #ccc;margin:.3em 0}
blockquote{margin:.8em 0;padding:.2em 1em;border-left:4px solid #c58b00;background:#fdf8ec}
footer{margin-top:3em;color:#777;font-size:12px;border-top:1px solid #ddd;padding-top:.5em}
"""


# ------------------------------------------------------------------------------------------------ examples


def examples():
    """{algorithm id: [parameters of each example run]}: the demo's runs, then IMPORT_EXAMPLES; paths are relative
    to the demo's output folder (``make demo`` writes ``demo_output``, the sample in ``demo_output/sample``)."""
    from medical_deserts_plugin.sample.writer import FILE_NAMES
    from scripts.demo import demo_runs

    sample = {key: f"sample/{name}" for key, name in FILE_NAMES.items()}
    runs = [(algorithm, parameters) for _title, algorithm, parameters in demo_runs(sample, Path(""))]
    runs += [(algorithm, {key: str(value).format(**sample) for key, value in parameters.items()})
             for algorithm, parameters in IMPORT_EXAMPLES]
    found = {}
    for algorithm, parameters in runs:
        found.setdefault(algorithm, []).append({key: str(value) if isinstance(value, Path) else value
                                                for key, value in parameters.items()})
    return found


def example_markdown(algorithm, parameters):
    """A ``qgis_process.bin`` command (as ``scripts/qgis_runner.run_algorithm`` writes it) and a ``processing.run``
    call of the same run, as two fenced code blocks."""
    words = [f"{name}={value}" for name, value in parameters.items()]
    lines, line = [], ""
    for word in words:
        if line and len(line) + len(word) > 100:
            lines.append(line)
            line = ""
        line += ("  " if line else "") + word
    lines.append(line)
    shell = f"qgis_process.bin run {algorithm} -- \\\n  " + " \\\n  ".join(lines)
    python = "import processing\n\nprocessing.run(\"%s\", {\n%s\n})" % (algorithm, "\n".join(
        f"    {name!r}: {value!r}," for name, value in parameters.items()).replace("'", '"'))
    return f"```sh\n{shell}\n```\n\n```python\n{python}\n```\n"


# ------------------------------------------------------------------------------------------------ parameters


#: The provider registered for the chain model's steps, for the whole run.
REGISTERED = []


def algorithms():
    """{algorithm name: algorithm} of every algorithm the provider registers, made and initialised here (its
    ``loadAlgorithms`` with ``addAlgorithm`` collecting them), and the chain model (its steps are looked up in the
    registry, where the provider is registered if it is not), so that a translator installed before (French)
    gives their labels. Needs a QgsApplication."""
    from qgis.core import QgsApplication

    from medical_deserts_plugin.processing.chain_model import CouncilChainModel
    from medical_deserts_plugin.processing.provider import PROVIDER_ID, MedicalDesertsProvider

    collected = []
    provider = MedicalDesertsProvider()
    provider.addAlgorithm = collected.append
    provider.add_chain_model = lambda: None
    provider.loadAlgorithms()
    for algorithm in collected:
        algorithm.initAlgorithm({})
    registry = QgsApplication.processingRegistry()
    if registry.providerById(PROVIDER_ID) is None:
        REGISTERED.append(MedicalDesertsProvider())  # kept: the registry does not keep its Python object alive
        registry.addProvider(REGISTERED[-1])
    collected.append(CouncilChainModel())
    return {algorithm.name(): algorithm for algorithm in collected}


def _enum_value(value):
    return getattr(value, "value", value)


def describe_type(definition, words):
    """The parameter's type in plain words, e.g. ``layer (points, polygons)``, ``field (numeric) of INPUT``."""
    from qgis.core import QgsProcessing, QgsProcessingParameterField, QgsProcessingParameterNumber

    kind = definition.type()
    if kind in ("source", "vector"):
        geometry = {_enum_value(QgsProcessing.SourceType.TypeVectorPoint): words["point"],
                    _enum_value(QgsProcessing.SourceType.TypeVectorLine): words["line"],
                    _enum_value(QgsProcessing.SourceType.TypeVectorPolygon): words["polygon"],
                    _enum_value(QgsProcessing.SourceType.TypeVectorAnyGeometry): words["any"]}
        types = [_enum_value(value) for value in definition.dataTypes()]
        if _enum_value(QgsProcessing.SourceType.TypeVector) in types:
            return words["table"]
        return f"{words['layer']} ({', '.join(geometry.get(value, str(value)) for value in types)})"
    if kind == "field":
        details = []
        if _enum_value(definition.dataType()) == _enum_value(QgsProcessingParameterField.DataType.Numeric):
            details.append(words["numeric"])
        if definition.allowMultiple():
            details.append(words["several"])
        text = words["field"] + (f" ({', '.join(details)})" if details else "")
        return f"{text} {words['parent']} {definition.parentLayerParameterName()}"
    if kind == "enum":
        options = "".join(f"<br>{index} = {html.escape(option)}" for index, option in enumerate(definition.options()))
        return words["choice"] + options
    if kind == "number":
        integer = _enum_value(definition.dataType()) == _enum_value(QgsProcessingParameterNumber.Type.Integer)
        return words["integer" if integer else "number"]
    return {"distance": words["distance"], "string": words["text"], "boolean": words["boolean"],
            "file": words["file"], "crs": words["crs"], "sink": words["vector_out"],
            "fileDestination": words["file_out"]}.get(kind, kind)


def describe_default(definition):
    value = definition.defaultValue()
    if value is None or value == "":
        return ""
    if definition.type() == "enum":
        options = definition.options()
        index = int(value)
        return f"<code>{index}</code>" + (f" ({html.escape(options[index])})" if index < len(options) else "")
    return f"<code>{html.escape(str(value))}</code>"


def parameter_table(algorithm, language):
    """HTML table of every parameter of ``algorithm``: name, label, type, default, optional, advanced."""
    from qgis.core import QgsProcessingParameterDefinition

    words = WORDS[language]
    flag = QgsProcessingParameterDefinition.Flag
    head = "".join(f"<th>{words[key]}</th>" for key in ("name", "label", "type", "default", "optional",
                                                         "advanced"))
    rows = []
    for definition in algorithm.parameterDefinitions():
        flags = definition.flags()
        rows.append("<tr>" + "".join(f"<td>{cell}</td>" for cell in (
            f"<code>{definition.name()}</code>", html.escape(definition.description()),
            describe_type(definition, words), describe_default(definition),
            words["yes"] if flags & flag.FlagOptional else words["no"],
            words["yes"] if flags & flag.FlagAdvanced else words["no"])) + "</tr>")
    return f'<table class="parameters">\n<tr>{head}</tr>\n' + "\n".join(rows) + "\n</table>\n"


def output_table(algorithm, language):
    words = WORDS[language]
    rows = "".join(f"<tr><td><code>{output.name()}</code></td><td>{html.escape(output.description())}</td></tr>\n"
                   for output in algorithm.outputDefinitions())
    return f'<table class="outputs">\n<tr><th>{words["output"]}</th><th>{words["label"]}</th></tr>\n{rows}</table>\n'


def speed_tables(language):
    """One table per speed preset (``SPEED_PRESET`` value and label): class, km/h."""
    from medical_deserts_plugin.core.speeds import SPEED_PRESETS
    from medical_deserts_plugin.processing.network_parameters import preset_labels

    words = WORDS[language]
    tables = []
    for index, (label, classes) in enumerate(zip(preset_labels(), SPEED_PRESETS.values())):
        rows = "".join(f"<tr><td>{html.escape(name)}</td><td>{words['not_drivable'] if speed is None else speed}"
                       f"</td></tr>\n" for name, speed in classes.items())
        tables.append(f"<h3><code>SPEED_PRESET={index}</code>: {html.escape(label)}</h3>\n<table class=\"speeds\">\n"
                      f"<tr><th>{words['road_class']}</th><th>{words['kmh']}</th></tr>\n{rows}</table>\n")
    return "\n".join(tables)


# ------------------------------------------------------------------------------------------------ pages


def fill_marks(text, page, language, algorithm, runs):
    """The Markdown ``text`` of ``page`` with its marks replaced (see the module docstring)."""
    def replace(match):
        if match.group(1) == "speeds":
            return speed_tables(language)
        if algorithm is None:
            raise ValueError(f"{language}/{page}.md: “{match.group(0)}” on a page that is not an algorithm's")
        if match.group(1) == "parameters":
            return parameter_table(algorithm, language)
        if match.group(1) == "outputs":
            return output_table(algorithm, language)
        number = int(match.group(2) or 1)
        algorithm_id = f"{PROVIDER}:{page}"
        if number > len(runs.get(algorithm_id, [])):
            raise ValueError(f"{language}/{page}.md: no example {number} of {algorithm_id}")
        return example_markdown(algorithm_id, runs[algorithm_id][number - 1])

    return MARK.sub(replace, text)


def title_of(text, path):
    for line in text.splitlines():
        if line.startswith("# "):
            return line[2:].strip()
    raise ValueError(f"{path}: no “# title” line")


def page_html(language, page, titles, body, version):
    words = WORDS[language]
    links = []
    for name in PAGES:
        current = ' class="current"' if name == page else ""
        links.append(f'<li{current}><a href="{name}.html">{html.escape(titles[name])}</a></li>')
    return f"""<!DOCTYPE html>
<html lang="{language}">
<head>
<meta charset="utf-8">
<title>{html.escape(titles[page])} — Medical Deserts</title>
<style>{CSS}</style>
</head>
<body>
<nav>
<p><strong>Medical Deserts</strong><br>{words['guide']}</p>
<p class="lang"><a href="../{words['switch']}/{page}.html" hreflang="{words['switch']}">{words['language']}</a></p>
<ul>
{chr(10).join(links)}
</ul>
</nav>
<main>
{body}
<footer>Medical Deserts {version} — {words['guide']}</footer>
</main>
</body>
</html>
"""


def plugin_version():
    for line in (ROOT / "metadata.txt").read_text(encoding="utf-8").splitlines():
        if line.startswith("version="):
            return line.split("=", 1)[1].strip()
    return ""


def write_pages(folder, language, source, runs, version):
    """Every page of ``language`` from ``source`` into ``folder``, with the labels of the translator installed."""
    import markdown

    defined = algorithms()
    texts = {page: (source / f"{page}.md").read_text(encoding="utf-8") for page in PAGES}
    titles = {page: title_of(text, f"{language}/{page}.md") for page, text in texts.items()}
    folder.mkdir(parents=True)
    written = []
    for page in PAGES:
        text = fill_marks(texts[page], page, language, defined.get(page), runs)
        body = markdown.markdown(text, extensions=["tables", "fenced_code", "sane_lists", "attr_list", "toc"],
                                 output_format="html")
        target = folder / f"{page}.html"
        target.write_text(page_html(language, page, titles, body, version), encoding="utf-8")
        written.append(target)
    return written


def build(out_dir, qm_file=None, source=SOURCE):
    """Write ``out_dir/{en,fr}/<page>.html`` and ``out_dir/images``; returns the HTML files written.

    Needs a QgsApplication (for the algorithms' definitions); French labels come from ``qm_file``, installed for
    the French pages only (and removed after)."""
    from qgis.PyQt.QtCore import QCoreApplication, QTranslator

    out_dir = Path(out_dir)
    if out_dir.exists():
        shutil.rmtree(out_dir)
    shutil.copytree(source / "images", out_dir / "images")
    runs, version, written = examples(), plugin_version(), []
    for language in LANGUAGES:
        translator = None
        if language == "fr":
            translator = QTranslator()
            if qm_file is None or not translator.load(str(qm_file)):
                raise ValueError(f"French pages need the compiled French translation (--qm); got {qm_file}")
            QCoreApplication.installTranslator(translator)
        try:
            written += write_pages(out_dir / language, language, source / language, runs, version)
        finally:
            if translator is not None:
                QCoreApplication.removeTranslator(translator)
    return written


def main(argv=None):
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--out", default=str(ROOT / "build" / "guide"), help="output folder (replaced)")
    parser.add_argument("--qm", default=str(ROOT / "build" / "medical_deserts_plugin" / "i18n" /
                                            "medical_deserts_fr.qm"), help="compiled French translation")
    args = parser.parse_args(argv)
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    # A throw-away QGIS settings folder: building the guide never touches the user's profile.
    os.environ["QGIS_CUSTOM_CONFIG_PATH"] = tempfile.mkdtemp(prefix="medical-deserts-guide-")
    from qgis.core import QgsApplication

    application = QgsApplication([], False)
    try:
        written = build(args.out, args.qm)
    finally:
        shutil.rmtree(os.environ["QGIS_CUSTOM_CONFIG_PATH"], ignore_errors=True)
    print(f"{len(written)} pages written in {args.out}")
    del application


if __name__ == "__main__":
    main()
