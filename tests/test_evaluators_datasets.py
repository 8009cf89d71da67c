"""Group datasets: the synthetic generator and the image-folder + CSV loader (ISIC / Fitzpatrick17k layouts)."""
import numpy as np
import pytest
from PIL import Image

from h2h.evaluators import DatasetError, ImageFolderCSV, SyntheticGroups, dataset_from_config
from h2h.evaluators.datasets import export_image_folder, stratified_split


def test_synthetic_is_seeded_and_resolution_independent():
    a, b = SyntheticGroups(num_samples=200, seed=3).load(16), SyntheticGroups(num_samples=200, seed=3).load(16)
    assert np.array_equal(a.images, b.images) and np.array_equal(a.labels, b.labels)
    c = SyntheticGroups(num_samples=200, seed=4).load(16)
    assert not np.array_equal(a.images, c.images)
    hi = SyntheticGroups(num_samples=200, seed=3).load(32, channels=1)
    assert hi.images.shape == (200, 1, 32, 32) and a.images.shape == (200, 3, 16, 16)
    assert np.array_equal(a.labels, hi.labels) and np.array_equal(a.groups, hi.groups)
    assert a.images.dtype == np.float32 and 0.0 <= a.images.min() and a.images.max() <= 1.0


def test_synthetic_minority_share_and_tone():
    d = SyntheticGroups(num_samples=4000, minority_fraction=0.1, noise=0.0, group_shift=0.0, seed=0).load(8)
    counts = d.group_counts()
    assert counts["minority"] / len(d) == pytest.approx(0.1, abs=0.015)
    # noise-free and unshifted: a minority image is its majority counterpart darkened by 0.2
    # (up to clipping), so the group mean differs by about the tone
    maj, mino = d.images[d.groups == 0].mean(), d.images[d.groups == 1].mean()
    assert maj - mino == pytest.approx(0.2, abs=0.02)


def test_group_shift_controls_how_different_the_minority_looks():
    def class_mean_distance(shift):
        d = SyntheticGroups(num_samples=3000, noise=0.0, group_shift=shift, minority_tone=0.0, seed=1).load(8)
        dist = []
        for c in range(d.num_classes):
            m0 = d.images[(d.labels == c) & (d.groups == 0)].mean(axis=0)
            m1 = d.images[(d.labels == c) & (d.groups == 1)].mean(axis=0)
            dist.append(np.abs(m0 - m1).mean())
        return np.mean(dist)
    # at shift 0 only sampling noise (random shifts and scales) separates the group means
    d0, d_half, d1 = class_mean_distance(0.0), class_mean_distance(0.5), class_mean_distance(1.0)
    assert d0 < d_half < d1 and d1 > 5 * d0


def test_stratified_split_keeps_every_group_and_class_in_both_halves():
    d = SyntheticGroups(num_samples=400, num_classes=4, minority_fraction=0.1, seed=2).load(8)
    train, test = stratified_split(d, 0.25, seed=0)
    assert len(train) + len(test) == len(d)
    for part in (train, test):
        assert set(zip(part.groups.tolist(), part.labels.tolist())) == set(zip(d.groups.tolist(), d.labels.tolist()))
    assert len(test) / len(d) == pytest.approx(0.25, abs=0.03)


def _folder(tmp_path, rows, header="image,label,group", suffix=".png", make=True, name="images"):
    root = tmp_path / name
    root.mkdir()
    colours = {"a": (255, 0, 0), "b": (0, 0, 255)}
    lines = [header]
    for name, label, group in rows:
        if make:
            Image.new("RGB", (12, 9), colours.get(label, (0, 255, 0))).save(root / f"{name}{suffix}")
        lines.append(f"{name},{label},{group}")
    (root / "meta.csv").write_text("\n".join(lines) + "\n")
    return root


def test_image_folder_loads_resizes_and_indexes(tmp_path):
    root = _folder(tmp_path, [("im1", "a", "light"), ("im2", "b", "dark"), ("im3", "a", "dark")])
    src = ImageFolderCSV(str(root), "meta.csv")
    assert len(src) == 3 and src.class_names == ("a", "b") and src.group_names == ("dark", "light")
    d = src.load(4)
    assert d.images.shape == (3, 3, 4, 4)
    assert d.labels.tolist() == [0, 1, 0] and d.groups.tolist() == [1, 0, 0]
    assert d.images[0, 0].mean() == pytest.approx(1.0) and d.images[0, 2].mean() == pytest.approx(0.0)
    assert d.images[1, 2].mean() == pytest.approx(1.0)
    grey = src.load(5, channels=1)
    assert grey.images.shape == (3, 1, 5, 5)


def test_fitzpatrick_layout_with_group_map_drops_unknown_tones(tmp_path):
    rows = [("h1", "a", "1"), ("h2", "b", "5"), ("h3", "a", "-1"), ("h4", "b", "3")]
    root = _folder(tmp_path, rows, header="md5hash,three_partition_label,fitzpatrick_scale", suffix=".jpg")
    tones = {str(k): ("light" if k <= 3 else "dark") for k in range(1, 7)}
    src = ImageFolderCSV(str(root), str(root / "meta.csv"), image_column="md5hash",
                         label_column="three_partition_label", group_column="fitzpatrick_scale",
                         image_suffix=".jpg", group_map=tones)
    d = src.load(3)
    assert len(d) == 3 and d.group_names == ("light", "dark")
    assert d.groups.tolist() == [0, 1, 0]


def test_isic_one_hot_labels(tmp_path):
    root = tmp_path / "isic"
    root.mkdir()
    for name in ("ISIC_0000000", "ISIC_0000001"):
        Image.new("RGB", (6, 6)).save(root / f"{name}.jpg")
    (root / "gt.csv").write_text("image,MEL,NV,BCC,skin_tone\n"
                                 "ISIC_0000000,0.0,1.0,0.0,light\nISIC_0000001,0.0,0.0,1.0,dark\n")
    src = ImageFolderCSV(str(root), "gt.csv", label_column=["MEL", "NV", "BCC"], group_column="skin_tone")
    d = src.load(4)
    assert d.class_names == ("BCC", "NV") and d.labels.tolist() == [1, 0]


def test_bad_dataset_input_is_reported_before_any_loading(tmp_path):
    with pytest.raises(DatasetError, match="dataset folder does not exist"):
        ImageFolderCSV(str(tmp_path / "nowhere"), "meta.csv")
    root = _folder(tmp_path, [("im1", "a", "light")], header="image,label,skin")
    with pytest.raises(DatasetError, match="CSV file does not exist"):
        ImageFolderCSV(str(root), "other.csv")
    with pytest.raises(DatasetError, match=r"group_column 'group' is not a column of the CSV; it has: image, label, skin"):
        ImageFolderCSV(str(root), "meta.csv")
    root2 = _folder(tmp_path, [("im1", "a", "light"), ("im9", "b", "dark")], make=False, name="partial")
    Image.new("RGB", (4, 4)).save(root2 / "im1.png")
    with pytest.raises(DatasetError, match=r"1 image\(s\) listed in the CSV are missing, e.g. .*im9"):
        ImageFolderCSV(str(root2), "meta.csv")
    (root2 / "im9.png").write_text("not an image")
    src = ImageFolderCSV(str(root2), "meta.csv")
    with pytest.raises(DatasetError, match="cannot read image"):
        src.load(4)


def test_dataset_configs():
    src = dataset_from_config({"kind": "synthetic", "num_samples": 100, "group_names": ["a", "b"]})
    assert isinstance(src, SyntheticGroups) and src.group_names == ("a", "b")
    with pytest.raises(DatasetError, match=r"unknown key\(s\) \['size'\]"):
        dataset_from_config({"kind": "synthetic", "size": 3})
    with pytest.raises(DatasetError, match="dataset kind must be one of synthetic, image_folder"):
        dataset_from_config({"kind": "cifar"})
    with pytest.raises(DatasetError, match="minority_fraction must be in"):
        dataset_from_config({"kind": "synthetic", "minority_fraction": 1.5})


def test_synthetic_round_trips_through_the_image_folder_layout(tmp_path):
    d = SyntheticGroups(num_samples=40, num_classes=3, group_names=("light", "dark"), seed=7).load(10)
    src = export_image_folder(d, tmp_path / "synthetic")
    back = src.load(10)
    assert back.class_names == d.class_names
    assert set(back.group_names) == set(d.group_names)
    remap = np.array([back.group_names.index(g) for g in d.group_names])
    assert np.array_equal(back.labels, d.labels) and np.array_equal(back.groups, remap[d.groups])
    assert np.abs(back.images - d.images).max() <= 0.5 / 255 + 1e-6  # 8-bit quantisation only
