"""NAS-Bench-201 networks (Dong and Yang, "NAS-Bench-201: Extending the Scope of Reproducible Neural
Architecture Search", ICLR 2020, arXiv:2001.00326) as workloads.

The macro skeleton is ``TinyNetwork(C=16, N=5)`` of the NB201 / HW-NAS-Bench code: a 3x3 stem conv
(3->16), three stages of five searched cells at 16/32/64 channels with a ResNet basic block between
stages (3x3 stride-2 conv, 3x3 conv, and a 2x2 average pool + 1x1 conv shortcut, summed), then global
average pooling and a linear classifier. Inputs are 32x32 for CIFAR-10/100 and 16x16 for
ImageNet16-120.

A cell has nodes 0..3; node j sums ``op(node i)`` over its incoming edges i -> j. In the
architecture string ``|a~0|+|b~0|c~1|+|d~0|e~1|f~2|`` group j lists the edges into node j. Convs
(``nor_conv_1x1``/``nor_conv_3x3`` = ReLU, conv, BN, folded into one conv2d) and ``avg_pool_3x3`` become
layers; ``skip_connect`` is a plain edge; ``none`` edges are dropped, and so are dead edges (an edge
i -> j is live only if node i is reachable from node 0 and node j reaches node 3 through non-none
edges). A node with two or more distinct live inputs is an ``add``. When no path connects a cell's
input to its output, the cell outputs zeros: the next block then reads a constant (no edge).
"""
from __future__ import annotations

from .errors import WorkloadError, type_name
from .graph import Workload
from .netbuilder import NetBuilder, Tensor

OPS = ("none", "skip_connect", "nor_conv_1x1", "nor_conv_3x3", "avg_pool_3x3")
DATASETS = {"cifar10": (32, 10), "cifar100": (32, 100), "ImageNet16-120": (16, 120)}
STEM_CHANNELS = 16
CELLS_PER_STAGE = 5

Genotype = tuple[tuple[tuple[str, int], ...], ...]  # per node 1..3: ((op, source node), ...)


def parse_arch(arch: str) -> Genotype:
    """Parse and validate an NB201 string; returns, for nodes 1..3, their (op, source) edges.

    Whitespace is ignored and edges may be listed in any order inside their group, as the
    benchmark's own parser allows.
    """
    item = f"arch '{arch}'"
    if not isinstance(arch, str):
        raise WorkloadError(f"an NB201 architecture is a string, got {type_name(arch)}", item=item)
    groups = "".join(arch.split()).split("+")
    if len(groups) != 3:
        raise WorkloadError("expected 3 '+'-separated groups like |a~0|+|b~0|c~1|+|d~0|e~1|f~2|",
                            item=item)
    nodes = []
    for j, group in enumerate(groups, start=1):
        if not (group.startswith("|") and group.endswith("|")):
            raise WorkloadError(f"group {j} must start and end with '|', got {group!r}", item=item)
        edges: dict[int, str] = {}
        for token in group[1:-1].split("|"):
            op, sep, src = token.partition("~")
            if op not in OPS:
                raise WorkloadError(f"unknown op {op!r} in group {j}; expected one of {', '.join(OPS)}",
                                    item=item)
            if not sep or not src.isdigit() or int(src) in edges:
                raise WorkloadError(f"edge {token!r} must be written op~source, one per source",
                                    item=item)
            edges[int(src)] = op
        if sorted(edges) != list(range(j)):
            raise WorkloadError(f"group {j} needs one edge from each of nodes 0..{j - 1}, "
                                f"got sources {sorted(edges)}", item=item)
        nodes.append(tuple((edges[i], i) for i in range(j)))
    return tuple(nodes)


def arch_string(genotype: Genotype) -> str:
    """The canonical string of a parsed genotype (edges sorted by source inside each group)."""
    return "+".join("|" + "|".join(f"{op}~{i}" for op, i in group) + "|" for group in genotype)


def live_edges(genotype: Genotype) -> list[tuple[int, int, str]]:
    """The (source, target, op) edges that are not ``none`` and lie on a path from node 0 to node 3."""
    edges = [(i, j, op) for j, group in enumerate(genotype, start=1) for op, i in group if op != "none"]
    reach_from_0 = {0}
    for i, j, _ in edges:  # edges are listed in topological order of their targets
        if i in reach_from_0:
            reach_from_0.add(j)
    reaches_3 = {3}
    for i, j, _ in reversed(edges):
        if j in reaches_3:
            reaches_3.add(i)
    return [(i, j, op) for i, j, op in edges if i in reach_from_0 and j in reaches_3]


def _cell(nb: NetBuilder, x: Tensor, live: list[tuple[int, int, str]], name: str) -> Tensor | None:
    """Add one cell; returns its output tensor, or None when the cell outputs constant zeros."""
    node: dict[int, Tensor] = {0: x}
    for j in (1, 2, 3):
        inputs: list[Tensor] = []
        for i, jj, op in live:
            if jj != j or i not in node:
                continue
            src = node[i]
            if op == "nor_conv_1x1":
                src = nb.conv(src, x.c, 1, name=f"{name}_e{i}{j}_conv1x1")
            elif op == "nor_conv_3x3":
                src = nb.conv(src, x.c, 3, name=f"{name}_e{i}{j}_conv3x3")
            elif op == "avg_pool_3x3":
                src = nb.pool(src, 3, stride=1, pad=1, kind="avg", name=f"{name}_e{i}{j}_avgpool")
            if all(src.src != t.src for t in inputs):  # x + x needs no add node
                inputs.append(src)
        if len(inputs) == 1:
            node[j] = inputs[0]
        elif inputs:
            node[j] = nb.add(*inputs, name=f"{name}_node{j}")
    return node.get(3)


def _reduction(nb: NetBuilder, x: Tensor, out: int, name: str) -> Tensor:
    a = nb.conv(x, out, 3, stride=2, name=f"{name}_conv_a")
    b = nb.conv(a, out, 3, name=f"{name}_conv_b")
    p = nb.pool(x, 2, stride=2, kind="avg", name=f"{name}_shortcut_pool")
    s = nb.conv(p, out, 1, name=f"{name}_shortcut_conv")
    return nb.add(b, s, name=f"{name}_add")


def build(arch: str, dataset: str = "cifar10") -> Workload:
    """The exact layer graph of NB201 architecture ``arch`` on ``dataset``."""
    if dataset not in DATASETS:
        raise WorkloadError(f"unknown dataset {dataset!r}; expected one of {', '.join(DATASETS)}",
                            item="nb201 dataset")
    genotype = parse_arch(arch)
    live = live_edges(genotype)
    hw, classes = DATASETS[dataset]
    nb = NetBuilder(f"nb201:{arch_string(genotype)}")
    x: Tensor = nb.conv(nb.input(3, hw, hw), STEM_CHANNELS, 3, name="stem")
    for s, width in enumerate((STEM_CHANNELS, 2 * STEM_CHANNELS, 4 * STEM_CHANNELS)):
        if s:
            x = _reduction(nb, x, width, f"reduce{s}")
        for c in range(CELLS_PER_STAGE):
            y = _cell(nb, x, live, f"s{s + 1}c{c + 1}")
            x = y if y is not None else Tensor(None, x.shape)  # all-zero output: read as a constant
    x = nb.gap(x, name="gap")
    nb.fc(x, classes, name="classifier")
    return nb.build()
