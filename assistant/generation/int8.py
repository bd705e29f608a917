"""Int8 weights for CPU decoding: fewer bytes read per token, which is what bounds its speed.

A thin module over PyTorch's fbgemm kernels (`quantized::linear_dynamic`): weights int8 with one
scale per output channel, activations quantised on the fly per call. It does what
`torch.ao.quantization.quantize_dynamic` does for Linear layers, but packs each weight once
instead of twice (packing dominates load time: ~6 s for Qwen's 136M-parameter output layer).
Imported only when a local model loads, so importing torch here costs nothing earlier.
"""
from __future__ import annotations

import logging
import warnings
from collections.abc import Iterable

import torch

logger = logging.getLogger(__name__)


def int8_kernels_available() -> bool:
    """True when this torch build has the fbgemm dynamic int8 Linear kernels."""
    return hasattr(torch.ops, "quantized") and "fbgemm" in torch.backends.quantized.supported_engines


def quantize_linears(model: torch.nn.Module, *, skip: Iterable[str] = ()) -> int:
    """Replace every `nn.Linear` in `model` whose name does not end with one of `skip`; returns how many."""
    skip = tuple(skip)
    targets = [
        (name, module)
        for name, module in model.named_modules()
        if isinstance(module, torch.nn.Linear) and not name.endswith(skip)
    ]
    for name, linear in targets:
        parent_name, _, child = name.rpartition(".")
        parent = model.get_submodule(parent_name) if parent_name else model
        setattr(parent, child, Int8Linear.from_linear(linear))
    return len(targets)


class Int8Linear(torch.nn.Module):
    """`y = x @ W.T + b` with W int8 per output channel; x is quantised per call (7-bit, as fbgemm needs)."""

    def __init__(self, packed: torch.ScriptObject, in_features: int, out_features: int) -> None:
        super().__init__()
        self._packed = packed
        self.in_features = in_features
        self.out_features = out_features

    @classmethod
    def from_linear(cls, linear: torch.nn.Linear) -> "Int8Linear":
        """Quantise a float Linear symmetrically per output channel (scale = max|w| / 127.5)."""
        weight = linear.weight.detach().float()
        lo, hi = torch.aminmax(weight, dim=1)
        scale = (torch.maximum(-lo, hi) / 127.5).clamp_min(torch.finfo(torch.float32).eps)
        zero_point = torch.zeros(weight.shape[0], dtype=torch.long)
        bias = None if linear.bias is None else linear.bias.detach().float()
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")  # quantized-tensor deprecation notices
            qweight = torch.quantize_per_channel(weight, scale.double(), zero_point, 0, torch.qint8)
            packed = torch.ops.quantized.linear_prepack(qweight, bias)
        return cls(packed, linear.in_features, linear.out_features)

    def forward(self, x: torch.Tensor) -> torch.Tensor:
        # reduce_range=True: fbgemm's AVX2 path sums u8*s8 pairs in int16, which 8-bit inputs overflow.
        return torch.ops.quantized.linear_dynamic(x, self._packed, True)

    def extra_repr(self) -> str:
        return f"in_features={self.in_features}, out_features={self.out_features}, int8"
