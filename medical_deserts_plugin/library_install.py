"""Background task that installs the missing libraries with pip into the profile's library folder."""

import subprocess
import sys

from qgis.core import QgsTask

from . import dependencies
from .i18n import tr


class LibraryInstallTask(QgsTask):
    """``python -m pip install --target <folder>`` of the missing requirements, then a check in a fresh interpreter.
    ``on_done(task, succeeded)`` is called in the main thread; ``task.report`` then says what happened."""

    def __init__(self, missing, folder, on_done):
        super().__init__(tr("Installing the libraries Medical Deserts needs"), QgsTask.Flag.CanCancel)
        self.modules = [module for module, *_rest in missing]
        self.requirements = [pip for _module, _found, _minimum, pip, _debian in missing]
        self.folder = folder
        self.on_done = on_done
        self.search_path = list(sys.path)
        self.report = ""
        self.pip_output = ""

    def run(self):
        try:
            self.report = self.install()
            return True
        except RuntimeError as error:
            self.report = str(error)
        except Exception as error:  # noqa: BLE001 (an exception must not leave the worker thread)
            self.report = tr("Installation failed: {error}").format(error=f"{type(error).__name__}: {error}")
        return False

    def install(self):
        """Run pip and check the result; returns the success message, raises RuntimeError with the reason."""
        python = dependencies.python_interpreter()
        if python is None:
            raise RuntimeError(tr("The Python {version} executable that QGIS runs was not found near {prefix}.")
                               .format(version=f"{sys.version_info[0]}.{sys.version_info[1]}", prefix=sys.base_prefix))
        self.setProgress(5)
        pip_version = subprocess.run([python, "-m", "pip", "--version"], timeout=120,
                                     **dependencies.subprocess_options())
        if pip_version.returncode != 0:
            raise RuntimeError(tr("pip is not installed for {python} (Debian, Ubuntu: apt install python3-pip).")
                               .format(python=python))
        self.setProgress(10)
        self.folder.mkdir(parents=True, exist_ok=True)
        process = subprocess.Popen(dependencies.pip_command(python, self.folder, self.requirements),
                                   **dependencies.subprocess_options())
        lines = []
        for line in process.stdout:
            lines.append(line)
            self.setProgress(min(90.0, self.progress() + 10))
            if self.isCanceled():
                process.kill()
        process.wait()
        self.pip_output = "".join(lines)
        if self.isCanceled():
            raise RuntimeError(tr("Installation cancelled."))
        if process.returncode != 0:
            raise RuntimeError(tr("pip could not install {requirements}:").format(
                requirements=" ".join(self.requirements)) + "\n" + self.pip_output[-3000:])
        self.setProgress(95)
        try:
            found = dependencies.versions_seen_from(python, self.folder, self.search_path)
        except (RuntimeError, OSError, subprocess.SubprocessError, ValueError) as error:
            raise RuntimeError(tr("The installed libraries do not import:") + f"\n{error}") from error
        still = dependencies.unmet(found)
        if still:
            raise RuntimeError(tr("Still missing after installation: {modules}.").format(
                modules=", ".join(module for module, *_ in still)))
        installed = ", ".join(f"{module} {found[module]}" for module in self.modules)
        return tr("{libraries} installed for this QGIS profile: restart QGIS to start Medical Deserts.").format(
            libraries=installed) + "\n" + tr("Folder: {folder}").format(folder=self.folder) + "\n" + tr(
            "Python: {python}").format(python=python)

    def finished(self, succeeded):  # noqa: D401 (QgsTask API, main thread)
        self.on_done(self, succeeded)
