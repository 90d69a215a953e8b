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


def test_the_real_python_is_found_when_qgis_is_the_executable(tmp_path, monkeypatch):
    version = f"{sys.version_info[0]}.{sys.version_info[1]}"
    (tmp_path / "bin").mkdir()
    (tmp_path / "bin" / "qgis").touch()  # Linux: /usr/bin/qgis, sys.base_prefix /usr
    (tmp_path / "bin" / f"python{version}").touch()
    monkeypatch.setattr(sys, "executable", str(tmp_path / "bin" / "qgis"))
    monkeypatch.setattr(sys, "base_prefix", str(tmp_path))
    monkeypatch.setattr(sys, "exec_prefix", str(tmp_path))
    assert dependencies.python_interpreter() == str(tmp_path / "bin" / f"python{version}")
    app = tmp_path / "QGIS.app" / "Contents"  # macOS: the bundled python beside the QGIS executable
    (app / "MacOS" / "bin").mkdir(parents=True)
    (app / "MacOS" / "bin" / "python3").touch()
    monkeypatch.setattr(sys, "executable", str(app / "MacOS" / "QGIS"))
    monkeypatch.setattr(sys, "base_prefix", str(app / "Frameworks"))
    monkeypatch.setattr(sys, "exec_prefix", str(app / "Frameworks"))
    assert dependencies.python_interpreter() == str(app / "MacOS" / "bin" / "python3")
    monkeypatch.setattr(sys, "executable", str(tmp_path / "elsewhere" / "qgis"))
    monkeypatch.setattr(sys, "base_prefix", str(tmp_path / "elsewhere"))
    monkeypatch.setattr(sys, "exec_prefix", str(tmp_path / "elsewhere"))
    assert dependencies.python_interpreter() is None


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
