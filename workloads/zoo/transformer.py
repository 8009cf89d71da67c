"""Transformer encoders: BERT-base (Devlin, Chang, Lee, Toutanova, "BERT: Pre-training of Deep
Bidirectional Transformers for Language Understanding", NAACL 2019, arXiv:1810.04805) and ViT-B/16
(Dosovitskiy et al., "An Image is Worth 16x16 Words: Transformers for Image Recognition at Scale",
ICLR 2021, arXiv:2010.11929).

One encoder layer is: Q, K and V projections (gemm), the attention scores Q.K^T and the weighted sum
A.V (batched matmul of two activations, one batch per head), the output projection, a residual add
(LayerNorm folded into it), the two feed-forward gemms (GELU folded) and a second residual add.
Softmax is folded into the score matmul.
"""
from __future__ import annotations

from ..graph import Workload
from ..netbuilder import NetBuilder, Tensor


def encoder_layer(nb: NetBuilder, x: Tensor, *, heads: int, d_ff: int, name: str) -> Tensor:
    t, d = x.shape
    dh = d // heads
    q = nb.fc(x, d, name=f"{name}_q")
    k = nb.fc(x, d, name=f"{name}_k")
    v = nb.fc(x, d, name=f"{name}_v")
    s = nb.matmul(q, k, batch=heads, m=t, k=dh, n=t, name=f"{name}_qk")
    a = nb.matmul(s, v, batch=heads, m=t, k=t, n=dh, name=f"{name}_av")
    o = nb.gemm(a, m=t, k=d, n=d, name=f"{name}_proj")  # heads merged by layout, no copy node
    x = nb.add(o, x, name=f"{name}_add1")
    h = nb.fc(x, d_ff, name=f"{name}_ffn1")
    h = nb.fc(h, d, name=f"{name}_ffn2")
    return nb.add(h, x, name=f"{name}_add2")


def encoder(nb: NetBuilder, x: Tensor, *, layers: int, heads: int, d_ff: int, prefix: str = "") -> Tensor:
    for i in range(layers):
        x = encoder_layer(nb, x, heads=heads, d_ff=d_ff, name=f"{prefix}enc{i}")
    return x


def bert_base(seq_len: int = 128, layers: int = 12) -> Workload:
    """BERT-base encoder (Devlin et al., NAACL 2019): 12 layers, d=768, 12 heads, FFN 3072.

    The embedding lookup (no MACs) is one ``norm`` node (the embedding LayerNorm) that feeds the
    first layer; at seq_len=128 the encoder is 11.2 GMACs.
    """
    nb = NetBuilder("bert_base")
    x = nb.norm(nb.input(seq_len, 768), name="embed_ln")
    encoder(nb, x, layers=layers, heads=12, d_ff=3072)
    return nb.build()


def vit_b16(resolution: int = 224, num_classes: int = 1000) -> Workload:
    """ViT-B/16 (Dosovitskiy et al., ICLR 2021): 16x16 patches, 12 layers, d=768, 12 heads, FFN 3072.

    The patch embedding is a 16x16 stride-16 conv; the class token is concatenated (its embedding is
    a model input) and the classifier reads it back (a zero-MAC ``passthrough`` of kind ``slice``).
    17.6 GMACs at 224x224.
    """
    nb = NetBuilder("vit_b16")
    x = nb.input(3, resolution, resolution)
    p = nb.conv(x, 768, 16, stride=16, pad=0, name="patch_embed")
    tokens = p.h * p.w
    seq = nb.reshape(p, (tokens, 768), name="patch_flatten", kind="flatten_transpose")
    cls = Tensor(None, (1, 768))
    x = nb.concat([cls, seq], axis=0, name="cls_concat")
    x = encoder(nb, x, layers=12, heads=12, d_ff=3072)
    c = nb.passthrough([x], (1, 768), name="cls_token", kind="slice")
    nb.fc(c, num_classes, name="head")
    return nb.build()
