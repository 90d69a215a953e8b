"""pandana's contraction hierarchies on the graph of bench_national's engine section (run in the bench venv).

    .bench-venv/bin/python bench/pandana_range.py INSTANCE.npz CUTOFF_MINUTES

INSTANCE.npz (written by bench_national.py): the placed graph's nodes (``xy``, metres) and directed edges (``fr``,
``to``, ``w`` minutes), the source and target node of each place (``src``, ``dst``) and our table (``o``, ``d``,
``m``: target, source, minutes). Builds ``pandana.Network`` (its contraction hierarchy), runs ``nodes_in_range``
from every distinct source node, keeps the target nodes and compares with our minutes. Prints one JSON line:
seconds to build and to query, rows returned, our pairs found, the largest difference in minutes.
"""

import json
import sys
import time

import numpy as np
import pandas as pd
import pandana


def main(path, cutoff_minutes):
    data = np.load(path)
    start = time.perf_counter()
    network = pandana.Network(pd.Series(data["xy"][:, 0]), pd.Series(data["xy"][:, 1]), pd.Series(data["fr"]),
                              pd.Series(data["to"]), pd.DataFrame({"minutes": data["w"]}), twoway=False)
    built = time.perf_counter() - start
    sources = np.unique(data["src"][data["src"] >= 0])
    start = time.perf_counter()
    reached = network.nodes_in_range(sources.tolist(), cutoff_minutes)
    targets = reached[reached["destination"].isin(np.unique(data["dst"][data["dst"] >= 0]))]
    queried = time.perf_counter() - start
    ours = pd.DataFrame({"source": data["src"][data["d"]], "destination": data["dst"][data["o"]],
                         "ours": data["m"]}).groupby(["source", "destination"])["ours"].min()
    joined = ours.to_frame().join(targets.set_index(["source", "destination"])["minutes"], how="left")
    print(json.dumps(dict(build_s=built, query_s=queried, rows=len(reached), pairs=len(ours),
                          found=int(joined["minutes"].notna().sum()),
                          max_diff=float((joined["ours"] - joined["minutes"]).abs().max()))))


if __name__ == "__main__":
    main(sys.argv[1], float(sys.argv[2]))
