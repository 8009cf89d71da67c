"""Image-classification datasets with a sensitive-group attribute (numpy arrays; no torch).

A *source* describes where samples come from and produces a :class:`GroupDataset` at the input
resolution of the network being trained (architecture specs vary the resolution):

* :class:`SyntheticGroups`: generated, seeded images with a controllable under-represented group;
* :class:`ImageFolderCSV`: a folder of images plus a CSV with image, label and group columns, the
  layout of ISIC 2019 (with skin-tone annotations) or Fitzpatrick17k.

Sources check their input when they are built (missing folder, CSV, column or image raises a
:class:`~h2h.evaluators.base.DatasetError` naming it), so a bad dataset fails before training starts.
"""
from __future__ import annotations

import csv
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field, fields
from pathlib import Path
from typing import Any

import numpy as np

from .base import DatasetError

IMAGE_EXTENSIONS = (".jpg", ".jpeg", ".png", ".bmp", ".tif", ".tiff")


@dataclass(frozen=True, eq=False)
class GroupDataset:
    """Images ``(N, C, H, W)`` float32 in [0, 1], integer ``labels`` and ``groups`` of length N."""

    images: np.ndarray
    labels: np.ndarray
    groups: np.ndarray
    class_names: tuple[str, ...]
    group_names: tuple[str, ...]
    name: str = "dataset"

    def __post_init__(self) -> None:
        n = len(self.images)
        if self.images.ndim != 4 or len(self.labels) != n or len(self.groups) != n:
            raise DatasetError(f"images must be (N, C, H, W) with one label and group per image, got "
                               f"{self.images.shape}, {len(self.labels)} labels, {len(self.groups)} groups",
                               item=self.name)

    def __len__(self) -> int:
        return len(self.labels)

    @property
    def num_classes(self) -> int:
        return len(self.class_names)

    @property
    def num_groups(self) -> int:
        return len(self.group_names)

    @property
    def channels(self) -> int:
        return int(self.images.shape[1])

    @property
    def resolution(self) -> int:
        return int(self.images.shape[2])

    def group_counts(self) -> dict[str, int]:
        counts = np.bincount(self.groups, minlength=self.num_groups)
        return {g: int(c) for g, c in zip(self.group_names, counts)}

    def subset(self, index: np.ndarray) -> "GroupDataset":
        return GroupDataset(self.images[index], self.labels[index], self.groups[index],
                            self.class_names, self.group_names, self.name)


def stratified_split(data: GroupDataset, test_fraction: float, seed: int) -> tuple[GroupDataset, GroupDataset]:
    """Split into (train, test), stratified by (group, label) so small groups appear in both."""
    if not 0.0 < test_fraction < 1.0:
        raise DatasetError(f"test_fraction must be in (0, 1), got {test_fraction}", item="test_fraction")
    rng = np.random.default_rng(seed)
    strata = data.groups.astype(np.int64) * max(1, data.num_classes) + data.labels
    test: list[np.ndarray] = []
    for s in np.unique(strata):
        idx = np.flatnonzero(strata == s)
        rng.shuffle(idx)
        n_test = int(round(len(idx) * test_fraction)) if len(idx) > 1 else 0
        test.append(idx[:n_test])
    test_idx = np.sort(np.concatenate(test)) if test else np.array([], dtype=np.int64)
    mask = np.ones(len(data), dtype=bool)
    mask[test_idx] = False
    if not mask.any() or not len(test_idx):
        raise DatasetError(f"{len(data)} samples are too few to split with test_fraction={test_fraction}",
                           item=data.name)
    return data.subset(np.flatnonzero(mask)), data.subset(test_idx)


def _check_fields(cls: type, config: Mapping[str, Any], file: str | None) -> None:
    known = {f.name for f in fields(cls) if not f.name.startswith("_")}
    unknown = sorted(set(config) - known)
    if unknown:
        raise DatasetError(f"unknown key(s) {unknown}; expected some of {sorted(known)}", file=file,
                           item="dataset")


def _check_number_fields(obj: Any) -> None:
    """Fields declared ``int`` hold integers and those declared ``float`` numbers (YAML's true and
    false are neither), before any range check compares them."""
    for f in fields(obj):
        value = getattr(obj, f.name)
        wanted = {"int": (int,), "float": (int, float)}.get(str(f.type))
        if wanted and (isinstance(value, bool) or not isinstance(value, wanted)):
            what = "an integer" if f.type == "int" else "a number"
            raise DatasetError(f"{f.name} must be {what}, got {value!r}", item=f"dataset '{f.name}'")


# ---- synthetic ----------------------------------------------------------------------------------
@dataclass(frozen=True)
class SyntheticGroups:
    """Seeded images of ``num_classes`` classes with a majority and a minority group.

    Each class has a smooth random pattern on a coarse ``grid`` × ``grid`` lattice, upsampled to the
    requested resolution (so the task is the same at every resolution). A sample is its class
    pattern, randomly shifted by up to 1/8 of the image and scaled by 0.7..1.3, plus Gaussian pixel
    noise whose standard deviation is ``noise`` times the pattern's.
    Minority-group samples (a share ``minority_fraction``) differ in two ways:

    * their class patterns are ``(1 - group_shift) * P_c + group_shift * Q_c`` with ``Q_c`` a second,
      independent random pattern: at ``group_shift = 0`` both groups look alike, at 1 the minority
      needs features the majority never shows, learned from few samples;
    * they are darker (``minority_tone`` is added to every pixel), which makes the group visible.

    A small or briefly trained model therefore fits the majority first, and its minority accuracy
    lags: the group gap shrinks as ``minority_fraction`` grows or ``group_shift`` falls.
    """

    num_samples: int = 1200
    num_classes: int = 4
    minority_fraction: float = 0.2
    group_shift: float = 0.8
    noise: float = 1.5
    minority_tone: float = -0.2
    grid: int = 4
    seed: int = 0
    group_names: tuple[str, ...] = ("majority", "minority")

    def __post_init__(self) -> None:
        _check_number_fields(self)
        object.__setattr__(self, "group_names", tuple(str(g) for g in self.group_names))
        checks = [
            (self.num_samples >= 4 * self.num_classes, f"num_samples must be >= 4 * num_classes, got {self.num_samples}"),
            (self.num_classes >= 2, f"num_classes must be >= 2, got {self.num_classes}"),
            (0.0 < self.minority_fraction < 1.0, f"minority_fraction must be in (0, 1), got {self.minority_fraction}"),
            (0.0 <= self.group_shift <= 1.0, f"group_shift must be in [0, 1], got {self.group_shift}"),
            (self.noise >= 0.0, f"noise must be >= 0, got {self.noise}"),
            (self.grid >= 1, f"grid must be >= 1, got {self.grid}"),
            (len(set(self.group_names)) == len(self.group_names) == 2,
             f"group_names needs two different names, got {list(self.group_names)}"),
        ]
        for ok, msg in checks:
            if not ok:
                raise DatasetError(msg, item="synthetic dataset")

    @property
    def class_names(self) -> tuple[str, ...]:
        return tuple(f"class{c}" for c in range(self.num_classes))

    def load(self, resolution: int, channels: int = 3) -> GroupDataset:
        if resolution < 2 or channels < 1:
            raise DatasetError(f"need resolution >= 2 and channels >= 1, got {resolution}, {channels}",
                               item="synthetic dataset")
        rng = np.random.default_rng(self.seed)
        k, n, g = self.num_classes, self.num_samples, self.grid
        # patterns are drawn at 3 channels then cut or tiled, so 1- and 3-channel variants share them
        base = rng.standard_normal((2, k, 3, g, g))
        coarse = np.concatenate([base] * -(-channels // 3), axis=2)[:, :, :channels]
        cells = np.arange(resolution) * g // resolution          # nearest-neighbour upsampling
        patterns = coarse[:, :, :, cells][:, :, :, :, cells]      # (2, K, C, R, R)
        majority_p, other_p = patterns[0], patterns[1]
        minority_p = (1.0 - self.group_shift) * majority_p + self.group_shift * other_p

        labels = rng.integers(0, k, size=n)
        groups = (rng.random(n) < self.minority_fraction).astype(np.int64)
        max_shift = max(1, resolution // 8)
        shifts = rng.integers(-max_shift, max_shift + 1, size=(n, 2))
        scales = rng.uniform(0.7, 1.3, size=n)
        noise = rng.standard_normal((n, channels, resolution, resolution))
        images = np.empty((n, channels, resolution, resolution), dtype=np.float32)
        for i in range(n):
            p = (minority_p if groups[i] else majority_p)[labels[i]]
            p = np.roll(p, tuple(shifts[i]), axis=(1, 2))
            x = 0.5 + 0.2 * scales[i] * p + self.noise * 0.2 * noise[i]
            if groups[i]:
                x = x + self.minority_tone
            images[i] = np.clip(x, 0.0, 1.0)
        return GroupDataset(images, labels.astype(np.int64), groups, self.class_names,
                            self.group_names, name="synthetic")


# ---- image folder + CSV -------------------------------------------------------------------------
@dataclass(frozen=True)
class ImageFolderCSV:
    """A folder of images and a CSV naming, per image, its label and its sensitive group.

    * ``image_column``: the file name relative to ``root`` (``image_suffix`` is appended, e.g.
      ``".jpg"`` for ISIC 2019's ``image`` and Fitzpatrick17k's ``md5hash`` columns; without a suffix
      the name is tried as is and with the usual image extensions);
    * ``label_column``: one column of class names, or a list of one-hot columns (ISIC 2019's
      ``MEL, NV, BCC, ...``; the label is the column holding the largest value);
    * ``group_column``: the sensitive attribute (e.g. Fitzpatrick17k's ``fitzpatrick_scale``);
      ``group_map`` optionally maps raw values to group names (``{"1": "light", ..., "6": "dark"}``);
      rows whose value the map does not list (e.g. ``-1``, unknown) are dropped.

    ``csv`` is a path, relative to ``root`` unless absolute. Images are converted to RGB (or
    grey for 1 channel) and resized (bilinear) to the requested square resolution.
    """

    root: str
    csv: str
    image_column: str = "image"
    label_column: str | tuple[str, ...] = "label"
    group_column: str = "group"
    image_suffix: str = ""
    group_map: Mapping[str, str] | None = None
    _rows: tuple = field(default=(), init=False, repr=False, compare=False)

    def __post_init__(self) -> None:
        root = Path(self.root).expanduser()
        if not root.is_dir():
            raise DatasetError("dataset folder does not exist", file=str(root), item="root")
        csv_path = Path(self.csv).expanduser()
        if not csv_path.is_absolute():
            csv_path = root / csv_path
        if not csv_path.is_file():
            raise DatasetError("CSV file does not exist", file=str(csv_path), item="csv")
        label_cols = [self.label_column] if isinstance(self.label_column, str) else list(self.label_column)
        object.__setattr__(self, "label_column",
                           self.label_column if isinstance(self.label_column, str) else tuple(label_cols))
        if self.group_map is not None:
            object.__setattr__(self, "group_map", {str(k): str(v) for k, v in self.group_map.items()})
        with open(csv_path, newline="", encoding="utf-8-sig") as fh:
            reader = csv.DictReader(fh)
            header = [h.strip() for h in reader.fieldnames or []]
            reader.fieldnames = header
            rows = list(reader)
        for role, cols in (("image_column", [self.image_column]), ("label_column", label_cols),
                           ("group_column", [self.group_column])):
            missing = [c for c in cols if c not in header]
            if missing:
                raise DatasetError(f"{role} {missing[0]!r} is not a column of the CSV; it has: "
                                   f"{', '.join(header) or '(no header)'}", file=str(csv_path), item=role)
        parsed = []
        for line, row in enumerate(rows, start=2):
            group = (row[self.group_column] or "").strip()
            if self.group_map is not None:
                if group not in self.group_map:
                    continue
                group = self.group_map[group]
            if not group:
                raise DatasetError(f"empty value in group column '{self.group_column}'",
                                   file=str(csv_path), item=f"line {line}")
            label = self._label(row, label_cols, csv_path, line)
            parsed.append((self._image_path(root, row[self.image_column].strip()), label, group))
        if not parsed:
            raise DatasetError("no usable rows (empty CSV, or group_map matched no group value)",
                               file=str(csv_path))
        missing_images = [str(p) for p, _, _ in parsed if not p.is_file()]
        if missing_images:
            raise DatasetError(f"{len(missing_images)} image(s) listed in the CSV are missing, e.g. "
                               f"{', '.join(missing_images[:3])}", file=str(csv_path), item=self.image_column)
        object.__setattr__(self, "_rows", tuple(parsed))

    @staticmethod
    def _label(row: Mapping[str, str], cols: Sequence[str], csv_path: Path, line: int) -> str:
        if len(cols) == 1:
            label = (row[cols[0]] or "").strip()
            if not label:
                raise DatasetError(f"empty label in column '{cols[0]}'", file=str(csv_path), item=f"line {line}")
            return label
        try:
            values = [float(row[c]) for c in cols]
        except ValueError:
            raise DatasetError(f"one-hot label columns {list(cols)} must be numbers",
                               file=str(csv_path), item=f"line {line}") from None
        return cols[int(np.argmax(values))]

    def _image_path(self, root: Path, name: str) -> Path:
        if self.image_suffix:
            return root / (name + self.image_suffix)
        path = root / name
        if path.suffix.lower() in IMAGE_EXTENSIONS or path.is_file():
            return path
        for ext in IMAGE_EXTENSIONS:
            if (candidate := root / (name + ext)).is_file():
                return candidate
        return path

    def __len__(self) -> int:
        return len(self._rows)

    @property
    def class_names(self) -> tuple[str, ...]:
        return _sorted_names([label for _, label, _ in self._rows])

    @property
    def group_names(self) -> tuple[str, ...]:
        present = {group for _, _, group in self._rows}
        if self.group_map is not None:
            return tuple(g for g in dict.fromkeys(self.group_map.values()) if g in present)
        return _sorted_names(list(present))

    def load(self, resolution: int, channels: int = 3) -> GroupDataset:
        from PIL import Image, UnidentifiedImageError

        if channels not in (1, 3):
            raise DatasetError(f"images load as 1 (grey) or 3 (RGB) channels, not {channels}",
                               file=self.root)
        class_names, group_names = self.class_names, self.group_names
        images = np.empty((len(self._rows), channels, resolution, resolution), dtype=np.float32)
        mode = "RGB" if channels == 3 else "L"
        for i, (path, _, _) in enumerate(self._rows):
            try:
                with Image.open(path) as im:
                    im = im.convert(mode).resize((resolution, resolution), Image.Resampling.BILINEAR)
                    arr = np.asarray(im, dtype=np.float32) / 255.0
            except (OSError, UnidentifiedImageError) as e:
                raise DatasetError(f"cannot read image ({e})", file=str(path)) from None
            images[i] = arr[None] if channels == 1 else arr.transpose(2, 0, 1)
        c_index = {c: i for i, c in enumerate(class_names)}
        g_index = {g: i for i, g in enumerate(group_names)}
        return GroupDataset(images, np.array([c_index[x] for _, x, _ in self._rows], dtype=np.int64),
                            np.array([g_index[x] for _, _, x in self._rows], dtype=np.int64),
                            class_names, group_names, name=Path(self.root).name)


def export_image_folder(data: GroupDataset, root: str | Path, csv_name: str = "labels.csv") -> ImageFolderCSV:
    """Write ``data`` as PNGs plus a CSV (columns image, label, group) and return its loader.

    Useful to try the image-folder pipeline on the synthetic dataset, or to hand a dataset to other
    tools. Pixels are quantised to 8 bits.
    """
    from PIL import Image

    out = Path(root)
    out.mkdir(parents=True, exist_ok=True)
    if data.channels not in (1, 3):
        raise DatasetError(f"PNG export needs 1 or 3 channels, got {data.channels}", file=str(out))
    lines = ["image,label,group"]
    width = len(str(len(data)))
    for i in range(len(data)):
        name = f"img{i:0{width}d}.png"
        pixels = np.round(np.clip(data.images[i], 0.0, 1.0) * 255).astype(np.uint8)
        img = Image.fromarray(pixels[0], "L") if data.channels == 1 else Image.fromarray(pixels.transpose(1, 2, 0), "RGB")
        img.save(out / name)
        lines.append(f"{name},{data.class_names[data.labels[i]]},{data.group_names[data.groups[i]]}")
    (out / csv_name).write_text("\n".join(lines) + "\n")
    return ImageFolderCSV(str(out), csv_name)


def _sorted_names(values: Sequence[str]) -> tuple[str, ...]:
    unique = set(values)
    try:
        return tuple(sorted(unique, key=float))
    except ValueError:
        return tuple(sorted(unique))


def dataset_from_config(config: Mapping[str, Any], *, file: str | None = None) -> SyntheticGroups | ImageFolderCSV:
    """``{"kind": "synthetic", ...}`` or ``{"kind": "image_folder", "root": ..., "csv": ...}``."""
    if not isinstance(config, Mapping):
        raise DatasetError(f"a dataset is a mapping with a 'kind', got {config!r}", file=file, item="dataset")
    kinds = {"synthetic": SyntheticGroups, "image_folder": ImageFolderCSV}
    kind = config.get("kind")
    if not isinstance(kind, str) or kind not in kinds:
        raise DatasetError(f"dataset kind must be one of {', '.join(kinds)}, got {kind!r}", file=file,
                           item="dataset.kind")
    rest = {k: v for k, v in config.items() if k != "kind"}
    cls = kinds[kind]
    _check_fields(cls, rest, file)
    for key in ("label_column", "group_names"):
        if isinstance(rest.get(key), list):
            rest[key] = tuple(rest[key])
    try:
        return cls(**rest)
    except DatasetError as e:
        raise e.located(file=file) from None
    except TypeError as e:
        raise DatasetError(f"bad dataset settings: {e}", file=file, item="dataset") from None
