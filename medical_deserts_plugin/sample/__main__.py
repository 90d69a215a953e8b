"""``python -m medical_deserts_plugin.sample OUTDIR [--seed 42] [--communes 300]``: write the sample files."""

import argparse
import sys

from .writer import FILE_NAMES, write_sample


def main(argv=None):
    parser = argparse.ArgumentParser(
        prog="python -m medical_deserts_plugin.sample",
        description="Write the fictional département 00 'Val-Fictif' (communes, roads, RPPS, FINESS, INSEE, "
                    "ANCT-like files) into OUTDIR.",
    )
    parser.add_argument("outdir", help="folder to write into (created if missing)")
    parser.add_argument("--seed", type=int, default=42, help="random seed (default 42)")
    parser.add_argument("--communes", type=int, default=300, help="number of communes (default 300)")
    args = parser.parse_args(argv)
    paths = write_sample(args.outdir, seed=args.seed, n_communes=args.communes)
    for key in FILE_NAMES:
        print(f"{key}\t{paths[key]}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
