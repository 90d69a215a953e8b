# medical_deserts_plugin — every target installs what it needs first (Debian 12, QGIS 3.22 LTR).
SHELL := /bin/bash
SYSTEM_PYTHON := /usr/bin/python3
VENV := .venv
PY := $(VENV)/bin/python
SUDO := $(shell [ "$$(id -u)" = 0 ] || echo sudo)
# python3-markdown builds the user guide's HTML (scripts/user_guide.py, at build time only: never a plugin dependency).
# python3-shapely is Debian 12's shapely 1.8, as a stock QGIS has it: the test of the plugin's own installer of
# shapely 2 (tests/qgis/test_install_libraries.py) starts from it; the venv has shapely 2.0 over it.
APT_PACKAGES := qgis python3-qgis qgis-providers xvfb xauth python3-numpy python3-scipy python3-pandas python3-openpyxl \
                python3-shapely python3-venv python3-pip pyqt5-dev-tools qttools5-dev-tools zip python3-pyqt6 \
                python3-matplotlib poppler-utils python3-markdown
# QGIS (and qgis_process) look for profiles under QGIS_CUSTOM_CONFIG_PATH when it is set: install there then
QGIS_PROFILE ?= $(if $(QGIS_CUSTOM_CONFIG_PATH),$(QGIS_CUSTOM_CONFIG_PATH)/profiles/default,$(HOME)/.local/share/QGIS/QGIS3/profiles/default)
DEMO_DIR ?= demo_output
CHROOT ?= /srv/chroots/trixie
export QT_QPA_PLATFORM ?= offscreen
export XDG_RUNTIME_DIR ?= /tmp/runtime-$(shell id -u)

.PHONY: help system deps test test-matrix unit build package install demo bench i18n clean

help:
	@echo "make test      install what is missing, run the whole test suite"
	@echo "make test-matrix  the suite again on QGIS 3.40 and 3.44 in a Debian 13 chroot (root; CHROOT=...)"
	@echo "make demo      install, generate the sample département, run the algorithms with qgis_process"
	@echo "make package   dist/medical_deserts_plugin.zip for QGIS's 'Install from ZIP'"
	@echo "make install   copy the plugin into the QGIS profile ($(QGIS_PROFILE)) and enable it"
	@echo "make bench     speed benchmarks against the reference tools"

system:
	@missing=$$(for p in $(APT_PACKAGES); do dpkg-query -W -f='$${Status}\n' $$p 2>/dev/null \
	    | grep -q "install ok installed" || echo $$p; done); \
	if [ -n "$$missing" ]; then \
	  echo "Installing Debian packages:" $$missing; \
	  $(SUDO) apt-get update -qq && DEBIAN_FRONTEND=noninteractive $(SUDO) apt-get install -y -qq \
	    --no-install-recommends $$missing >/dev/null; \
	fi
	@mkdir -p $(XDG_RUNTIME_DIR) && chmod 700 $(XDG_RUNTIME_DIR)

$(VENV)/.installed: requirements-dev.txt
	$(MAKE) system
	$(SYSTEM_PYTHON) -m venv --system-site-packages $(VENV)
	$(VENV)/bin/pip install -q --no-deps "shapely>=2.0,<2.1"
	$(VENV)/bin/pip install -q -r requirements-dev.txt
	$(PY) -c "import qgis.core, shapely, scipy.optimize, pandas; from osgeo import gdal_array; assert shapely.__version__ >= '2'"
	touch $@

deps: system $(VENV)/.installed

test: deps
	$(PY) -m pytest tests

test-matrix:
	$(SUDO) env CHROOT="$(CHROOT)" bash scripts/test_matrix.sh

unit: deps
	$(PY) -m pytest -p no:qgis tests/unit

build: deps
	$(PY) scripts/plugin_tool.py build

package: deps
	$(PY) scripts/plugin_tool.py package

install: deps
	$(PY) scripts/plugin_tool.py install --profile "$(QGIS_PROFILE)"

i18n: deps
	$(PY) scripts/translations.py update

demo: install
	$(PY) scripts/demo.py --out "$(DEMO_DIR)" --qgis-process "/usr/bin/qgis_process.bin"

bench: install
	$(PY) bench/run_all.py

clean:
	rm -rf build dist $(DEMO_DIR) .pytest_cache
