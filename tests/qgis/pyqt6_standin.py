"""Import modules of the plugin under PyQt6, with stand-ins for the ``qgis`` modules (no Qt6 build of QGIS is
installable here), and resolve Qt attribute chains against PyQt6.

``python pyqt6_standin.py SPEC.json``; SPEC has ``modules`` (dotted names to import), ``short_forms``
(``{QGIS class: {member: enum}}``, the short-form enum members of QGIS 3.22 that QGIS 4 no longer has) and
``qt_chains`` (``[[where, "QtModule.Class.attr..."]]``). Prints one JSON report: ``{"errors": [...]}``.

* ``qgis.PyQt.Qt*`` are the PyQt6 modules themselves (as QGIS 4's ``qgis.PyQt`` shims are), so any Qt name or enum
  that PyQt6 lacks fails at import exactly as on QGIS 4.
* ``qgis.core`` / ``qgis.gui`` give a stand-in class for every ``Qgs*`` name; its attributes are stand-ins too, except
  the short-form enum members listed in SPEC, which raise ``AttributeError`` as on QGIS 4.
"""

import importlib
import json
import sys
import traceback
import types

from PyQt6 import QtCore, QtGui, QtNetwork, QtWidgets, sip

QGIS_4_VERSION_INT = 40000


class _StandInType(type):
    """Class of the stand-in QGIS classes: any attribute is another stand-in, but a short-form enum member fails."""

    short_forms = {}

    def __getattr__(cls, name):
        if name.startswith("__"):
            raise AttributeError(name)
        enum = _StandInType.short_forms.get(cls.__qualname__, {}).get(name)
        if enum is not None:
            raise AttributeError(f"{cls.__qualname__}.{name} is a short-form enum (QGIS 4 has only "
                                 f"{cls.__qualname__}.{enum}.{name})")
        return _StandInType(name, (), {"__qualname__": f"{cls.__qualname__}.{name}", "__module__": cls.__module__})

    def __or__(cls, other):
        return cls

    __ror__ = __and__ = __rand__ = __or__


class _StandIn(metaclass=_StandInType):
    """Base of the stand-in QGIS classes (subclassable, instantiable with any arguments)."""

    def __init__(self, *args, **kwargs):
        pass

    def __getattr__(self, name):
        return getattr(type(self), name)


def _qgis_module(name):
    module = types.ModuleType(name)

    def __getattr__(attribute):  # module-level lookup of a QGIS class
        if attribute.startswith("Qgs") or attribute == "Qgis":
            stand_in = _StandInType(attribute, (_StandIn,), {"__qualname__": attribute, "__module__": name})
            setattr(module, attribute, stand_in)
            return stand_in
        raise AttributeError(f"module {name!r} has no attribute {attribute!r}")

    module.__getattr__ = __getattr__
    return module


def _processing_gui_module(name, class_name):
    """``processing.gui.<name>`` (QGIS's Python Processing dialogs) holding a stand-in class ``class_name``."""
    module = types.ModuleType(f"processing.gui.{name}")
    setattr(module, class_name, _StandInType(class_name, (_StandIn,), {"__qualname__": class_name,
                                                                      "__module__": module.__name__}))
    return module


def install_stand_ins():
    """Put the stand-in ``qgis`` and ``processing`` modules into ``sys.modules``."""
    qgis = types.ModuleType("qgis")
    qgis.__path__ = []
    pyqt = types.ModuleType("qgis.PyQt")
    pyqt.__path__ = []
    modules = {"qgis": qgis, "qgis.PyQt": pyqt, "qgis.core": _qgis_module("qgis.core"),
               "qgis.gui": _qgis_module("qgis.gui"), "qgis.utils": types.ModuleType("qgis.utils"),
               "processing": types.ModuleType("processing"), "processing.gui": types.ModuleType("processing.gui"),
               "processing.gui.AlgorithmDialog": _processing_gui_module("AlgorithmDialog", "AlgorithmDialog"),
               "processing.gui.ParametersPanel": _processing_gui_module("ParametersPanel", "ParametersPanel")}
    modules["processing"].__path__ = modules["processing.gui"].__path__ = []
    for qt_name, qt_module in (("QtCore", QtCore), ("QtGui", QtGui), ("QtWidgets", QtWidgets),
                               ("QtNetwork", QtNetwork), ("sip", sip)):
        modules[f"qgis.PyQt.{qt_name}"] = qt_module
        setattr(pyqt, qt_name, qt_module)
    modules["qgis.utils"].iface = None
    modules["qgis.core"].NULL = None
    qgis.core, qgis.gui, qgis.utils = modules["qgis.core"], modules["qgis.gui"], modules["qgis.utils"]
    sys.modules.update(modules)
    modules["qgis.core"].Qgis.QGIS_VERSION_INT = QGIS_4_VERSION_INT
    modules["qgis.core"].Qgis.QGIS_VERSION = "4.0.0-Norrköping"


def resolve(chain):
    """Follow ``"QtModule.Class.attr..."`` on PyQt6; the first missing part, or None."""
    parts = chain.split(".")
    value = {"QtCore": QtCore, "QtGui": QtGui, "QtWidgets": QtWidgets, "QtNetwork": QtNetwork, "sip": sip}[parts[0]]
    for depth, part in enumerate(parts[1:], start=2):
        if not hasattr(value, part):
            return ".".join(parts[:depth])
        value = getattr(value, part)
    return None


def main(spec_path):
    with open(spec_path, encoding="utf-8") as handle:
        spec = json.load(handle)
    _StandInType.short_forms = spec["short_forms"]
    install_stand_ins()
    errors = []
    for where, chain in spec["qt_chains"]:
        missing = resolve(chain)
        if missing is not None:
            errors.append(f"{where}: {chain}: PyQt6 has no {missing}")
    for name in spec["modules"]:
        try:
            importlib.import_module(name)
        except Exception:  # noqa: BLE001 (every import failure is reported)
            errors.append(f"import {name}:\n{traceback.format_exc()}")
    print(json.dumps({"errors": errors}))


if __name__ == "__main__":
    main(sys.argv[1])
