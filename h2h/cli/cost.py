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


def _row_label(text: "dict[str, list[str]]", i: int) -> str:
    parts = [f"row {i + 1}"]
    for c in ("network", "layer"):
        if c in text and text[c][i] not in ("", "nan"):
            parts.append(f"{c} '{text[c][i]}'")
    return ", ".join(parts)


def _numbers(texts: "list[str]"):
    """A column of fields as float64, NaN where a field is not a number."""
    import numpy as np

    out = np.full(len(texts), np.nan)
    for i, t in enumerate(texts):
        try:
            out[i] = float(t)
        except ValueError:
            pass
    return out


def _check_rows(num: "dict[str, object]", text: "dict[str, list[str]]", kinds) -> "list[str | None]":
    """Per-row problems with the input fields (None when the row is well formed), checked a column
    at a time over the rows still without a problem; each row reports its first bad field, in the
    order ``type``, the layer fields, ``num_pes``, the bandwidths, the optional buffer columns.
    ``num`` holds the numbers, ``text`` the fields as written (quoted in the messages)."""
    import numpy as np

    from costmodels.accelerator import MAX_BYTES
    from workloads.layer import MAX_DIM, MAX_LAYER_ELEMENTS

    maxima = {"l1_size": (MAX_BYTES, "2**50"), "l2_size": (MAX_BYTES, "2**50")}
    n = len(kinds)
    problems: list[str | None] = [None] * n
    open_ = np.isin(kinds, ("CONV", "DSCONV", "GEMM"))
    for i in np.flatnonzero(~open_):
        problems[i] = f"field 'type' must be CONV, DSCONV or GEMM, got '{kinds[i]}'"
    for gemm in (False, True):
        layer = GEMM_FIELDS if gemm else CONV_FIELDS
        rows = open_ & ((kinds == "GEMM") == gemm)
        for f in layer + ("num_pes", "noc_bw", "offchip_bw") + tuple(k for k in OPTIONAL_HW if k in num):
            v = num[f] if f in num else np.full(n, np.nan)
            integer = f in layer or f in ("num_pes", "l1_size", "l2_size", "hop_latency")
            with np.errstate(invalid="ignore"):
                bad = ~np.isfinite(v) | (v <= 0)
                if integer:
                    bad |= np.isfinite(v) & (v != np.floor(v))
            limit, limit_text = maxima.get(f, (MAX_DIM, "2**31 - 1") if integer else (None, ""))
            for i in np.flatnonzero(rows & bad):
                raw = text[f][i] if f in text else ""
                what = "a positive integer" if integer else "a positive number"
                problems[i] = f"field '{f}' must be {what}, got '{raw}'"
            rows &= ~bad
            if limit is not None:
                over = rows & (v > limit)
                for i in np.flatnonzero(over):
                    problems[i] = f"field '{f}' must be at most {limit_text} = {limit}, got '{text[f][i]}'"
                rows &= ~over
        dims = [f for f in layer if f not in ("stride_x", "stride_y")]
        # a float product is exact up to 2**53, so it decides "> 2**48" exactly (factors are >= 1)
        product = np.prod([num[f] for f in dims], axis=0) if dims else np.ones(n)
        for i in np.flatnonzero(rows & (product > MAX_LAYER_ELEMENTS)):
            exact = 1
            for f in dims:
                exact *= int(num[f][i])
            problems[i] = (f"the product of the layer's dimensions ({exact}) exceeds the sane "
                           f"maximum of 2**48")
    return problems


def _read_rows(path: str) -> "tuple[list[str], dict[str, list[str]], list[str | None]]":
    """The header, the columns as lists of stripped strings, and per row a problem with its number
    of fields. A row with extra trailing fields is that row's error, and a repeated column is named."""
    import csv

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
    columns = {c: [r[j] for r in body] for j, c in enumerate(header)}
    return header, columns, problems


def _cells(values, integer: bool) -> "list[str]":
    """A result column as the CSV writes it: integers without a decimal point, NaN as empty."""
    import numpy as np

    finite = ~np.isnan(values)
    out = np.full(len(values), "", dtype=object)
    if integer:
        out[finite] = np.round(values[finite]).astype(np.int64).astype(str)
    else:
        out[finite] = [repr(v) for v in values[finite].tolist()]
    return out.tolist()


def _predict(args: argparse.Namespace) -> int:
    import csv

    import numpy as np

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

    header, text, shape_errors = _read_rows(args.input)
    missing = [c for c in REQUIRED if c not in text]
    if missing:
        raise H2HError(f"missing column(s) {', '.join(missing)}; expected at least "
                       f"{', '.join(REQUIRED)} and the layer fields", file=args.input)
    num = {c: _numbers(text[c]) for c in dict.fromkeys(CONV_FIELDS + GEMM_FIELDS + ("num_pes", "noc_bw",
                                                                                    "offchip_bw")
                                                       + tuple(OPTIONAL_HW)) if c in text}
    library = dict(presets())
    for path in args.dataflows:
        library.update(load_library(path))

    n = len(shape_errors)
    kinds = np.array([t.upper() for t in text["type"]], dtype=object)
    errors = [bad or problem for bad, problem in zip(shape_errors, _check_rows(num, text, kinds))]
    names = np.array(text["dataflow"], dtype=object)
    known = np.isin(names, list(library))
    for i in np.flatnonzero(~known):
        if errors[i] is None:
            errors[i] = (f"field 'dataflow': unknown dataflow '{names[i]}'; expected one of: "
                         f"{', '.join(sorted(library))}")
    results = {c: np.full(n, np.nan) for c in RESULT_COLUMNS}
    ok = np.array([e is None for e in errors], dtype=bool)
    for name in sorted(set(names[ok])):
        rows = np.flatnonzero(ok & (names == name))
        sub = {"type": kinds[rows], **{c: v[rows] for c, v in num.items()}}
        hw_extra = {k: num[k][rows].astype(np.int64) for k in OPTIONAL_HW if k in num}
        hw = Hardware(num["num_pes"][rows].astype(np.int64), num["noc_bw"][rows], num["offchip_bw"][rows],
                      **hw_extra)
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
    renamed = input_renames(header, ordered + ["error"])
    integer = set(INT_RESULTS + ACCESS_COLUMNS)
    cells = [_cells(results[c], c in integer) for c in ordered]
    labelled = ["" if e is None else f"{_row_label(text, i)}: {e}" for i, e in enumerate(errors)]
    with open(args.output, "w", newline="", encoding="utf-8") as f:
        writer = csv.writer(f, lineterminator="\n")
        writer.writerow([renamed.get(c, c) for c in header] + ordered + ["error"])
        writer.writerows(zip(*(text[c] for c in header), *cells, labelled))
    if renamed:
        print(rename_note(renamed))
    n_bad = sum(e is not None for e in errors)
    print(f"priced {n - n_bad} of {n} rows -> {args.output}"
          + (f" ({n_bad} with an error; see the 'error' column)" if n_bad else ""))
    return 0
