"""Embedded sample: a deterministic fictional rural département ("00", Val-Fictif) in the real French file formats.

``generate_departement(seed=42, n_communes=300)`` builds it in memory (shapely geometries + pandas DataFrames);
``write_sample(outdir, seed=42, n_communes=300)`` writes the files (GeoPackages through osgeo.ogr, text files) and
returns ``{key: path}``; ``python -m medical_deserts_plugin.sample OUTDIR [--seed 42] [--communes 300]`` does the
same from the command line. File layouts: see ``writer``.
"""

from .generator import SampleDepartement, generate_departement
from .writer import write_sample

__all__ = ["SampleDepartement", "generate_departement", "write_sample"]
