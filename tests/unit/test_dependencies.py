"""Where the missing libraries go and how pip is called (no QGIS needed)."""

import sys

from medical_deserts_plugin import dependencies


def test_library_folder_is_in_the_profile_and_per_python_version():
    folder = dependencies.library_folder("/home/u/.local/share/QGIS/QGIS3/profiles/default/")
    version = f"py{sys.version_info[0]}.{sys.version_info[1]}"
    assert str(folder) == f"/home/u/.local/share/QGIS/QGIS3/profiles/default/python/medical_deserts_libs/{version}"


def test_the_library_folder_goes_first_on_sys_path_once_and_only_if_it_exists(tmp_path, monkeypatch):
    monkeypatch.setattr(sys, "path", ["/usr/lib/python3/dist-packages"])
    assert dependencies.use_library_folder(tmp_path / "absent") is False
    assert sys.path == ["/usr/lib/python3/dist-packages"]
    assert dependencies.use_library_folder(tmp_path) is True
    assert dependencies.use_library_folder(tmp_path) is True
    assert sys.path == [str(tmp_path), "/usr/lib/python3/dist-packages"]


def test_unmet_lists_old_and_absent_libraries_only():
    found = {"numpy": "1.24.2", "scipy": "1.10.1", "pandas": "1.5.3", "shapely": "1.8.5"}
    assert dependencies.unmet(found) == [("shapely", "1.8.5", "2.0", "shapely==2.0.*", None)]
    assert [m[0] for m in dependencies.unmet(dict(found, scipy=None, shapely="2.0.7"))] == ["scipy"]
    assert [m[0] for m in dependencies.unmet(dict(found, scipy="1.8.1", shapely="2.0.7"))] == ["scipy"]


def test_candidates_beside_the_base_prefix_come_before_the_executable(tmp_path, monkeypatch):
    version = f"{sys.version_info[0]}.{sys.version_info[1]}"
    (tmp_path / "bin").mkdir()
    (tmp_path / "bin" / "qgis").touch()  # Linux: /usr/bin/qgis, sys.base_prefix /usr
    (tmp_path / "bin" / f"python{version}").touch()
    monkeypatch.setattr(sys, "executable", str(tmp_path / "bin" / "qgis"))
    monkeypatch.setattr(sys, "base_prefix", str(tmp_path))
    monkeypatch.setattr(sys, "exec_prefix", str(tmp_path))
    assert dependencies.interpreter_candidates() == [str(tmp_path / "bin" / f"python{version}")]
    app = tmp_path / "QGIS.app" / "Contents"  # macOS: the bundled python beside the QGIS executable
    (app / "MacOS" / "bin").mkdir(parents=True)
    (app / "MacOS" / "bin" / "python3").touch()
    monkeypatch.setattr(sys, "executable", str(app / "MacOS" / "QGIS"))
    monkeypatch.setattr(sys, "base_prefix", str(app / "Frameworks"))
    monkeypatch.setattr(sys, "exec_prefix", str(app / "Frameworks"))
    assert dependencies.interpreter_candidates() == [str(app / "MacOS" / "bin" / "python3")]


def fake_python(path, version, base_prefix):
    """An executable that answers interpreter_identity as a Python ``version`` living in ``base_prefix`` would."""
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(f"#!/bin/sh\necho {version}\necho {base_prefix}\n")
    path.chmod(0o755)
    return str(path)


def test_the_python_of_qgis_is_preferred_to_the_first_python_on_path(tmp_path, monkeypatch):
    """QGIS sets sys.executable to the first python3 on PATH (here a pyenv shim): the one of sys.base_prefix wins."""
    version = f"{sys.version_info[0]}.{sys.version_info[1]}"
    shim = fake_python(tmp_path / "shims" / "python3", version, "/opt/pyenv/versions/other")
    qgis_python = fake_python(tmp_path / "usr" / "bin" / f"python{version}", version, tmp_path / "usr")
    monkeypatch.setattr(sys, "executable", shim)
    monkeypatch.setattr(sys, "base_prefix", str(tmp_path / "usr"))
    monkeypatch.setattr(sys, "exec_prefix", str(tmp_path / "usr"))
    assert dependencies.python_interpreter() == qgis_python
    (tmp_path / "usr" / "bin" / f"python{version}").unlink()
    assert dependencies.python_interpreter() == shim  # same version: the best there is
    fake_python(tmp_path / "shims" / "python3", "3.99", "/opt/pyenv/versions/other")
    assert dependencies.python_interpreter() is None


def test_from_the_venv_the_system_python_is_found():
    """The tests run in a venv made from /usr/bin/python3: QGIS's Python is the base one, not the venv's."""
    version = f"{sys.version_info[0]}.{sys.version_info[1]}"
    assert dependencies.python_interpreter() == f"{sys.base_prefix}/bin/python{version}"


def test_pip_installs_into_the_folder_only_without_dependencies():
    command = dependencies.pip_command("/usr/bin/python3.11", "/p/libs", ["shapely==2.0.*"])
    assert command[:4] == ["/usr/bin/python3.11", "-m", "pip", "install"]
    assert command[command.index("--target") + 1] == "/p/libs"
    assert "--no-deps" in command and "--only-binary=:all:" in command and command[-1] == "shapely==2.0.*"
    assert not [arg for arg in command if arg in ("--user", "--break-system-packages")]
    assert not [pip for *_, pip in dependencies.REQUIREMENTS if "<" in pip]  # QGIS's log reads HTML


def test_a_fresh_interpreter_sees_the_library_folder_before_the_system(tmp_path):
    (tmp_path / "shapely").mkdir()
    (tmp_path / "shapely" / "__init__.py").write_text('__version__ = "2.0.99"\n')
    found = dependencies.versions_seen_from(sys.executable, tmp_path, sys.path)
    assert found["shapely"] == "2.0.99"
    assert found["numpy"] == __import__("numpy").__version__
