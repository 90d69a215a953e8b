"""Benchmark of the RPPS reader on a synthetic national-size extraction.

``python bench/bench_rpps.py [--lines 2000000] [--departement 23] [--file /tmp/...txt] [--zip] [--keep]``

1. writes a synthetic ``PS_LibreAcces_Personne_activite`` file in /tmp (the real header, ``|`` separators, trailing
   ``|``, UTF-8, about 400 bytes a line, a national mix of professions, sites and communes, a few lines with no
   commune, Paris arrondissements, a truncated last line), generated with numpy a block at a time;
2. times ``read_rpps`` keeping the GPs (profession 10, SM53/SM54/SM26) of one département, in a fresh child process
   so that the peak memory (``resource.getrusage``, max RSS) is that of the reading alone.

Target: under 30 s for 2 million lines.
"""

import argparse
import os
import resource
import subprocess
import sys
import time
import zipfile

import numpy as np

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, os.path.dirname(HERE))

from medical_deserts_plugin.core.sources.rpps import RPPS_ACTIVITY_HEADER  # noqa: E402

#: (profession code, label, share of lines, savoir-faire choices (code, label, weight))
PROFESSIONS = [
    ("10", "Médecin", 0.14, [("SM54", "Médecine générale", 0.30), ("SM53", "Spécialiste en Médecine Générale", 0.12),
                             ("SM26", "Qualifié en Médecine Générale", 0.03), ("SM04", "Cardiologie", 0.05),
                             ("SM42", "Psychiatrie", 0.07), ("SM02", "Anesthesie-réanimation", 0.08),
                             ("SM38", "Pédiatrie", 0.06), ("SM15", "Dermatologie", 0.03), ("", "", 0.26)]),
    ("60", "Infirmier", 0.36, [("", "", 1.0)]),
    ("50", "Masseur-Kinésithérapeute", 0.07, [("", "", 1.0)]),
    ("21", "Pharmacien", 0.05, [("", "", 1.0)]),
    ("40", "Chirurgien-Dentiste", 0.03, [("SCD01", "Orthopédie dento-faciale", 0.1), ("", "", 0.9)]),
    ("70", "Sage-Femme", 0.02, [("", "", 1.0)]),
    ("91", "Orthophoniste", 0.03, [("", "", 1.0)]),
    ("28", "Opticien-Lunetier", 0.03, [("", "", 1.0)]),
    ("26", "Audioprothésiste", 0.01, [("", "", 1.0)]),
    ("80", "Pédicure-Podologue", 0.01, [("", "", 1.0)]),
    ("94", "Psychologue", 0.12, [("", "", 1.0)]),
    ("96", "Ergothérapeute", 0.03, [("", "", 1.0)]),
    ("81", "Orthoptiste", 0.01, [("", "", 1.0)]),
    ("95", "Psychomotricien", 0.01, [("", "", 1.0)]),
    ("98", "Diététicien", 0.01, [("", "", 1.0)]),
    ("31", "Assistant dentaire", 0.07, [("", "", 1.0)]),
]
MODES = [(b"L", "Libéral", 0.55), (b"S", "Salarié", 0.43), (b"B", "Bénévole", 0.02)]
SECTORS = [(b"SA07", "Cabinet individuel", 0.35), (b"SA08", "Cabinet de groupe", 0.25),
           (b"SA01", "Etablissement public de santé", 0.18), (b"SA05", "Centre de santé", 0.04),
           (b"SA02", "Hôpital privé", 0.10), (b"SA33", "Etablissement d'hébergement pour personnes âgées", 0.08)]
STREETS = ["DE LA REPUBLIQUE", "DU GENERAL DE GAULLE", "JEAN JAURES", "VICTOR HUGO", "DE LA GARE", "PASTEUR",
           "DES ECOLES", "DU CHATEAU", "DE PARIS", "DU MOULIN", "DE L'EGLISE", "DES TILLEULS"]
SURNAMES = ["MARTIN", "BERNARD", "THOMAS", "PETIT", "ROBERT", "RICHARD", "DURAND", "DUBOIS", "MOREAU", "LAURENT",
            "SIMON", "MICHEL", "LEFEBVRE", "LEROY", "ROUX", "DAVID", "BERTRAND", "MOREL", "FOURNIER", "GIRARD",
            "BONNET", "DUPONT", "LAMBERT", "FONTAINE", "ROUSSEAU", "VINCENT", "MULLER", "LEFEVRE", "FAURE", "ANDRE"]
FIRST_NAMES = ["MARIE", "JEAN", "PIERRE", "MICHEL", "ANNE", "NICOLAS", "SOPHIE", "CLAIRE", "THOMAS", "JULIE",
               "FRANCOIS", "ISABELLE", "PHILIPPE", "NATHALIE", "LAURENT", "CELINE", "ALAIN", "CAMILLE"]
DEPARTEMENTS = [f"{n:02d}" for n in range(1, 96) if n != 20] + ["2A", "2B", "971", "972", "973", "974", "976"]


def _pick(rng, choices, size, weight_index=-1):
    weights = np.array([c[weight_index] for c in choices], dtype=float)
    return rng.choice(len(choices), size=size, p=weights / weights.sum())


def _s(values):
    return np.asarray(values, dtype="S")


def _join(*parts):
    out = parts[0]
    for part in parts[1:]:
        out = np.char.add(out, part)
    return out


def _enc(text):
    return text.encode("utf-8")


def generate(path, lines, seed=0, block=250_000):
    """Write a synthetic national extraction of ``lines`` lines; returns the number of GP lines of each département."""
    rng = np.random.default_rng(seed)
    # Practitioners: ~1.25 lines each on average (most have one site, some 2-4).
    n_people = int(lines / 1.25)
    people_lines = 1 + rng.binomial(3, 0.085, n_people)
    total = int(people_lines.sum())
    if total < lines:
        people_lines[: lines - total] += 1
    person_of_line = np.repeat(np.arange(n_people), people_lines)[:lines]
    profession_of_person = _pick(rng, PROFESSIONS, n_people, weight_index=2)
    sf_of_person = np.zeros(n_people, dtype=np.int64)
    for k, (_, _, _, sfs) in enumerate(PROFESSIONS):
        mask = profession_of_person == k
        sf_of_person[mask] = _pick(rng, sfs, int(mask.sum()))
    # Départements weighted towards the populous ones; communes 001-6xx; Paris in arrondissements.
    dep_weight = rng.gamma(2.0, 1.0, len(DEPARTEMENTS))
    dep_weight[DEPARTEMENTS.index("75")] *= 8
    home_dep = rng.choice(len(DEPARTEMENTS), size=n_people, p=dep_weight / dep_weight.sum())
    ident = np.char.zfill(_s(rng.choice(10**9, size=n_people, replace=False) + 10**10), 11)
    header = ("|".join(RPPS_ACTIVITY_HEADER) + "|\n").encode("utf-8")

    prof_blocks = []  # per profession and savoir-faire: (civilité d'exercice, profession..savoir-faire fields)
    for code, label, _, sfs in PROFESSIONS:
        civ = "DR|Docteur" if code in ("10", "40") else "|"
        prof_blocks.append([(_enc(civ), _enc(f"{code}|{label}|C|Civil|{'S' if sf else ''}|"
                                              f"{'Spécialité ordinale' if sf else ''}|{sf}|{sf_label}|"))
                            for sf, sf_label, _ in sfs])
    gp_counts = {}
    with open(path, "wb") as stream:
        stream.write(header)
        for start in range(0, lines, block):
            stop = min(lines, start + block)
            person = person_of_line[start:stop]
            n = person.size
            prof = profession_of_person[person]
            sf = sf_of_person[person]
            civ = np.empty(n, dtype=object)
            profpart = np.empty(n, dtype=object)
            for k in np.unique(prof):
                for j in np.unique(sf[prof == k]):
                    mask = (prof == k) & (sf == j)
                    civ[mask] = prof_blocks[k][j][0]
                    profpart[mask] = prof_blocks[k][j][1]
            female = rng.random(n) < 0.55
            sex = np.where(female, b"MME|Madame|", b"M|Monsieur|")
            names = _join(_s(np.array(SURNAMES)[rng.integers(0, len(SURNAMES), n)]), b"|",
                          _s(np.array(FIRST_NAMES)[rng.integers(0, len(FIRST_NAMES), n)]), b"|")
            mode_k = _pick(rng, MODES, n)
            mode = np.array([m[0] + b"|" + _enc(m[1]) + b"|" for m in MODES], dtype=object)[mode_k]
            sector_k = _pick(rng, SECTORS, n)
            sector = np.array([s[0] + b"|" + _enc(s[1]) + b"|" for s in SECTORS], dtype=object)[sector_k]
            # A second site is usually in the same département, sometimes elsewhere.
            dep_k = np.where(rng.random(n) < 0.9, home_dep[person], rng.integers(0, len(DEPARTEMENTS), n))
            dep = np.array(DEPARTEMENTS)[dep_k]
            number = rng.integers(1, 650, n)
            width = np.where(np.char.str_len(dep) == 3, 2, 3)
            number = np.where(width == 2, number % 99 + 1, number)
            number = _s(number)
            commune = np.char.add(_s(dep), np.where(width == 2, np.char.zfill(number, 2), np.char.zfill(number, 3)))
            paris = dep == "75"
            commune = np.where(paris, np.char.add(b"751", np.char.zfill(_s(rng.integers(1, 21, n)), 2)), commune)
            postal_dep = np.char.replace(np.char.replace(_s(dep), b"2A", b"20"), b"2B", b"20")
            office = _s(rng.integers(0, 10, n) * 10)
            postal = np.char.add(postal_dep, np.where(width == 2, np.char.zfill(office, 2), np.char.zfill(office, 3)))
            no_commune = rng.random(n) < 0.01
            commune = np.where(no_commune, b"", commune)
            dep_code = np.where(no_commune, b"", _s(dep))
            structure = _join(b"R", _s(np.char.zfill(_s(rng.integers(0, 10**10, n)), 10)))
            finess = np.where(sector_k == 2, _s(np.char.zfill(_s(rng.integers(0, 10**9, n)), 9)), b"")
            siret = np.where(rng.random(n) < 0.4, _s(rng.integers(10**13, 10**14, n)), b"")
            email = np.where(rng.random(n) < 0.2, np.char.add(structure, b"@cabinet-medical.example.fr"), b"")
            line = _join(
                b"8|", ident[person], b"|8", ident[person], b"|", _s(civ), b"|", sex, names, _s(profpart),
                _s(mode), siret, b"||", finess, b"||", structure, b"|CABINET MEDICAL||||",
                _s(rng.integers(1, 120, n)), b"||R|Rue|", _s(np.array(STREETS)[rng.integers(0, len(STREETS), n)]),
                b"||", postal, b" VILLE|", postal, b"|", commune, b"|VILLE|99000|France|",
                b"0555000000|||", email, b"|", dep_code, b"|DEPARTEMENT||ARS/CPAM/CPAM|", _s(sector), b"||||||\n")
            stream.write(b"".join(line.tolist()))
            gp = (np.array([PROFESSIONS[k][0] for k in prof]) == "10") & np.isin(
                np.array([PROFESSIONS[k][3][j][0] for k, j in zip(prof, sf)]), ["SM53", "SM54", "SM26"])
            for d, c in zip(*np.unique(np.where(no_commune, "", dep)[gp], return_counts=True)):
                gp_counts[d] = gp_counts.get(d, 0) + int(c)
        stream.write(b"8|99999999999|899999999999|DR|Docteur|M|Monsieur|TRONQUE|LIGNE|10|M")  # truncated
    return gp_counts


def measure(path, departement):
    from medical_deserts_plugin.core.sources.rpps import gp_counts_by_commune, read_rpps

    start = time.perf_counter()
    frame, report = read_rpps(path, departements=departement)
    seconds = time.perf_counter() - start
    counts = gp_counts_by_commune(frame)
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024.0
    print(f"lines read     {report.lines_read:,}".replace(",", " "))
    print(f"malformed      {report.malformed_lines} (truncated last line: {report.truncated_last_line})")
    print(f"kept           {report.rows_kept} GP-site rows, {report.practitioners} GPs, {report.fte:.1f} FTE, "
          f"{len(counts)} communes, {len(report.missing_commune)} GP(s) with no commune")
    print(f"seconds        {seconds:.2f}")
    print(f"peak memory    {peak:.0f} MB (max RSS of the reading process)")
    return seconds


def main(argv=None):
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--lines", type=int, default=2_000_000)
    parser.add_argument("--departement", default="23")
    parser.add_argument("--file", default="/tmp/PS_LibreAcces_Personne_activite_bench.txt")
    parser.add_argument("--zip", action="store_true", help="also time the reading from a zip archive")
    parser.add_argument("--keep", action="store_true", help="keep an existing file of the same name")
    parser.add_argument("--step", choices=["generate", "measure"], help=argparse.SUPPRESS)
    args = parser.parse_args(argv)
    if args.step == "measure":
        measure(args.file, args.departement)
        return 0
    if args.step == "generate":
        start = time.perf_counter()
        counts = generate(args.file, args.lines)
        size = os.path.getsize(args.file) / 1e6
        print(f"generated      {args.lines:,} lines, {size:.0f} MB in {time.perf_counter() - start:.1f} s "
              f"({args.file}); GP lines with a commune in {args.departement}: "
              f"{counts.get(args.departement, 0)}".replace(",", " "))
        return 0
    # Each step in its own process: Linux carries the peak RSS of a parent over fork + exec, so the reading is
    # measured in a child of this small launcher, never of the generator.
    script = os.path.abspath(__file__)
    common = ["--file", args.file, "--departement", args.departement, "--lines", str(args.lines)]
    if not (args.keep and os.path.exists(args.file)):
        subprocess.run([sys.executable, script, "--step", "generate"] + common, check=True)
    targets = [args.file]
    if args.zip:
        archive = os.path.splitext(args.file)[0] + ".zip"
        with zipfile.ZipFile(archive, "w", zipfile.ZIP_DEFLATED, compresslevel=1) as out:
            out.write(args.file, os.path.basename(args.file))
        targets.append(archive)
    for target in targets:
        print(f"--- read_rpps({os.path.basename(target)}, departements={args.departement!r})", flush=True)
        subprocess.run([sys.executable, script, "--step", "measure", "--file", target,
                        "--departement", args.departement], check=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
