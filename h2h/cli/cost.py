"""``h2h cost predict IN.csv [--dataflows LIB.m ...] -o OUT.csv``: MAESTRO-style per-layer costs.

Input rows carry the reference columns (network, layer, type, K, C, R, S, Y, X, M, N, stride_x,
stride_y, dataflow, num_pes, noc_bw, offchip_bw; optional l1_size, l2_size, hop_latency). The output
repeats each row and adds the analysis columns, named as in MAESTRO's output, plus ``error``: a row
that cannot be analysed keeps empty results and says why, and the others are still priced. An input
column with the name of one h2h writes (MAESTRO's own results, say) is kept as ``<name>_input``.
"""
from __future__ import annotations

import argparse

REQUIRED = ("type", "dataflow", "num_pes", "noc_bw", "offchip_bw")
CONV_FIELDS = ("K", "C", "R", "S", "Y", "X", "stride_x", "stride_y")
GEMM_FIELDS = ("M", "N", "K")
OPTIONAL_HW = {"l1_size": 10**9, "l2_size": 10**12, "hop_latency": 1}
INT_RESULTS = ("runtime_cycles", "l1_req", "l2_req", "noc_bw_req", "offchip_bw_req", "num_macs")


def register(subparsers: argparse._SubParsersAction) -> None:
    p = subparsers.add_parser("cost", help="per-layer costs with the MAESTRO-style analysis")
    sub = p.add_subparsers(dest="cost_command", metavar="SUBCOMMAND")
    pr = sub.add_parser("predict", help="price the rows of a CSV (MAESTRO's columns)")
    pr.add_argument("input", metavar="IN.csv")
    pr.add_argument("--dataflows", metavar="LIB.m", action="append", default=[],
                    help="a library of 'Dataflow NAME { ... }' blocks added to the presets "
                         "(repeatable; later files win)")
    pr.add_argument("-o", "--output", metavar="OUT.csv", required=True)
    pr.set_defaults(func=_predict)

    def _usage(args: argparse.Namespace) -> int:
        p.print_help()
        return 2

    p.set_defaults(func=_usage)


def input_renames(header: list[str], written: list[str]) -> dict[str, str]:
    """New names for the input columns that share a name with a column h2h writes, so that both
    survive: ``<name>_input``, or ``<name>_input2``, ... when that name is taken too. The input's
    columns keep their place; h2h's follow them."""
    taken = set(header) | set(written)
    renames: dict[str, str] = {}
    for name in header:
        if name not in written:
            continue
        new, k = f"{name}_input", 2
        while new in taken:
            new, k = f"{name}_input{k}", k + 1
        taken.add(new)
        renames[name] = new
    return renames


def rename_note(renames: dict[str, str]) -> str:
    """One line saying which input columns were renamed, and to what."""
    parts = [old if new == f"{old}_input" else f"{old} (as {new})" for old, new in renames.items()]
    return (f"note: {len(renames)} input column(s) have the name of a column h2h writes and are kept "
            f"as <name>_input: {', '.join(parts)}")


def _row_label(df, i: int) -> str:
    parts = [f"row {i + 1}"]
    for c in ("network", "layer"):
        if c in df and str(df[c].iloc[i]).strip() not in ("", "nan"):
            parts.append(f"{c} '{df[c].iloc[i]}'")
    return ", ".join(parts)


def _check_rows(df, text) -> "list[str | None]":
    """Per-row problems with the input fields (None when the row is well formed); ``df`` holds the
    numbers, ``text`` the fields as written (quoted in the messages)."""
    import math

    import numpy as np

    from costmodels.accelerator import MAX_BYTES
    from workloads.layer import MAX_DIM, MAX_LAYER_ELEMENTS

    maxima = {"l1_size": (MAX_BYTES, "2**50"), "l2_size": (MAX_BYTES, "2**50")}
    problems: list[str | None] = [None] * len(df)
    for i in range(len(df)):
        kind = str(df["type"].iloc[i]).strip().upper()
        if kind not in ("CONV", "DSCONV", "GEMM"):
            problems[i] = f"field 'type' must be CONV, DSCONV or GEMM, got '{kind}'"
            continue
        fields = (GEMM_FIELDS if kind == "GEMM" else CONV_FIELDS) + ("num_pes",)
        for f in fields + ("noc_bw", "offchip_bw") + tuple(k for k in OPTIONAL_HW if k in df):
            raw = text[f].iloc[i] if f in text else None
            try:
                v = float(df[f].iloc[i])
            except (TypeError, ValueError):
                v = float("nan")
            integer = f in fields or f in ("l1_size", "l2_size", "hop_latency")
            if not np.isfinite(v) or v <= 0 or (integer and v != int(v)):
                what = "a positive integer" if integer else "a positive number"
                problems[i] = f"field '{f}' must be {what}, got '{'' if raw is None else raw}'"
                break
            bound = maxima.get(f, (MAX_DIM, "2**31 - 1") if integer else None)
            if bound and v > bound[0]:
                problems[i] = f"field '{f}' must be at most {bound[1]} = {bound[0]}, got '{raw}'"
                break
        if problems[i] is None:
            dims = math.prod(int(df[f].iloc[i]) for f in fields if f not in ("stride_x", "stride_y",
                                                                                 "num_pes"))
            if dims > MAX_LAYER_ELEMENTS:
                problems[i] = (f"the product of the layer's dimensions ({dims}) exceeds the sane "
                               f"maximum of 2**48")
    return problems


def _read_rows(path: str) -> "tuple[object, list[str | None]]":
    """The CSV as a frame of stripped strings, and per row a problem with its number of fields.

    Read with the csv module, not pandas, so that a row with extra trailing fields is that row's
    error (pandas would silently shift it into an index) and a repeated column is named.
    """
    import csv

    import pandas as pd

    from workloads.errors import H2HError

    try:
        with open(path, newline="", encoding="utf-8-sig") as f:
            rows = [r for r in csv.reader(f, skipinitialspace=True) if r]
    except (OSError, UnicodeDecodeError, csv.Error) as e:
        raise H2HError(f"cannot read CSV: {' '.join(str(e).split())}", file=path) from None
    if not rows:
        raise H2HError("cannot read CSV: the file is empty; expected a header row", file=path)
    header = [c.strip() for c in rows[0]]
    repeated = sorted({c for c in header if header.count(c) > 1})
    if repeated:
        raise H2HError(f"column(s) {', '.join(repeated)} given more than once; expected each once",
                       file=path, item="header")
    width = len(header)
    problems: list[str | None] = [None] * (len(rows) - 1)
    for i, r in enumerate(rows[1:]):
        if len(r) != width:
            problems[i] = f"has {len(r)} fields, expected {width} as in the header"
    body = [[v.strip() for v in (r + [""] * width)[:width]] for r in rows[1:]]
    return pd.DataFrame(body, columns=header, dtype=str), problems


def _predict(args: argparse.Namespace) -> int:
    import numpy as np
    import pandas as pd

    from costmodels.dataflow import load_library, presets
    from costmodels.errors import CostModelError
    from costmodels.maestro import (
        ACCESS_COLUMNS,
        RESULT_COLUMNS,
        Hardware,
        LayerBatch,
        analyze_batch,
    )
    from workloads.errors import H2HError

    raw, shape_errors = _read_rows(args.input)
    df = raw.copy()
    for c in dict.fromkeys(CONV_FIELDS + GEMM_FIELDS + ("num_pes", "noc_bw", "offchip_bw")
                           + tuple(OPTIONAL_HW)):
        if c in df:
            df[c] = pd.to_numeric(df[c].map(str.strip), errors="coerce")
    missing = [c for c in REQUIRED if c not in df]
    if missing:
        raise H2HError(f"missing column(s) {', '.join(missing)}; expected at least "
                       f"{', '.join(REQUIRED)} and the layer fields", file=args.input)
    library = dict(presets())
    for path in args.dataflows:
        library.update(load_library(path))

    errors = [bad or problem for bad, problem in zip(shape_errors, _check_rows(df, raw))]
    names = df["dataflow"].astype(str).str.strip()
    for i, name in enumerate(names):
        if errors[i] is None and name not in library:
            errors[i] = (f"field 'dataflow': unknown dataflow '{name}'; expected one of: "
                         f"{', '.join(sorted(library))}")
    results = {c: np.full(len(df), np.nan) for c in RESULT_COLUMNS}
    ok = np.array([e is None for e in errors])
    for name in sorted(set(names[ok])):
        rows = np.flatnonzero(ok & (names == name).to_numpy())
        sub = df.iloc[rows]
        hw_extra = {k: sub[k].to_numpy(dtype=np.float64).astype(np.int64) for k in OPTIONAL_HW
                    if k in sub}
        hw = Hardware(sub["num_pes"].to_numpy(dtype=np.float64).astype(np.int64),
                      sub["noc_bw"].to_numpy(dtype=np.float64),
                      sub["offchip_bw"].to_numpy(dtype=np.float64), **hw_extra)
        try:
            res = analyze_batch(LayerBatch.from_frame(sub), library[name], hw)
        except CostModelError as e:  # the dataflow as a whole cannot be used
            for r in rows:
                errors[r] = str(e)
            continue
        for c in RESULT_COLUMNS:
            results[c][rows] = getattr(res, c)
        for k, r in enumerate(rows):
            if res.error[k] is not None:
                msg = str(res.error[k])
                errors[r] = msg if msg.startswith("dataflow") else f"dataflow '{name}': {msg}"
    # the reference file's order: runtime, requirements, MACs, PEs, accesses, energy
    ordered = [c for c in RESULT_COLUMNS if c != "energy_mac_units"] + ["energy_mac_units"]
    renamed = input_renames(list(raw.columns), ordered + ["error"])
    out = raw.rename(columns=renamed)
    for c in ordered:
        col = pd.Series(results[c])
        out[c] = col.round().astype("Int64") if c in INT_RESULTS + ACCESS_COLUMNS else col
    out["error"] = [None if e is None else f"{_row_label(df, i)}: {e}" for i, e in enumerate(errors)]
    out.to_csv(args.output, index=False)
    if renamed:
        print(rename_note(renamed))
    n_bad = sum(e is not None for e in errors)
    print(f"priced {len(df) - n_bad} of {len(df)} rows -> {args.output}"
          + (f" ({n_bad} with an error; see the 'error' column)" if n_bad else ""))
    return 0
