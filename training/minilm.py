"""all-MiniLM-L6-v2 as a plain PyTorch module (BERT: Devlin et al. 2019; the layer layout of
Hugging Face's BertModel, so the state dict that onnx_to_weights.py writes loads by name).

Why not `transformers`: Debian ships PyTorch (python3-torch) but not `transformers`, and the
network is six post-LayerNorm encoder layers, which is less code than a dependency.

Shapes: input_ids and attention_mask are [batch, sequence] int64; the output is the last hidden
state, [batch, sequence, 384] float32. `layers` runs a range of the layers from hidden states
[batch, sequence, 384], so frozen lower layers can be computed once and cached.

No dropout: in Debian's PyTorch 1.13 on this machine, BERT's seven dropouts per layer took a
quarter of a training step (their random masks are drawn on one thread), and fine-tuning for
three epochs with weight decay does without them.
"""
import math
import types

import numpy as np
import torch
from torch import nn

DIM, HEADS, LAYERS, INNER, VOCAB, POSITIONS = 384, 12, 6, 1536, 30522, 512
EPS = 1e-12


class SelfAttention(nn.Module):
    def __init__(self):
        super().__init__()
        self.query, self.key, self.value = nn.Linear(DIM, DIM), nn.Linear(DIM, DIM), nn.Linear(DIM, DIM)


class DenseNorm(nn.Module):
    """A projection back to DIM and its LayerNorm (BERT's "output" blocks, after attention and
    after the feed-forward layer; named as in the state dict)."""

    def __init__(self, inputs):
        super().__init__()
        self.dense = nn.Linear(inputs, DIM)
        self.LayerNorm = nn.LayerNorm(DIM, eps=EPS)


class Attention(nn.Module):
    def __init__(self):
        super().__init__()
        self.self = SelfAttention()
        self.output = DenseNorm(DIM)

    def forward(self, x, bias):
        b, n, _ = x.shape
        split = lambda t: t.view(b, n, HEADS, DIM // HEADS).transpose(1, 2)
        q, k, v = split(self.self.query(x)), split(self.self.key(x)), split(self.self.value(x))
        scores = q @ k.transpose(-1, -2) / math.sqrt(DIM // HEADS) + bias
        context = (scores.softmax(-1) @ v).transpose(1, 2).reshape(b, n, DIM)
        return self.output.LayerNorm(self.output.dense(context) + x)


class Intermediate(nn.Module):
    def __init__(self):
        super().__init__()
        self.dense = nn.Linear(DIM, INNER)


class Layer(nn.Module):
    def __init__(self):
        super().__init__()
        self.attention = Attention()
        self.intermediate = Intermediate()
        self.output = DenseNorm(INNER)

    def forward(self, x, bias):
        a = self.attention(x, bias)
        return self.output.LayerNorm(self.output.dense(nn.functional.gelu(self.intermediate.dense(a))) + a)


class Embeddings(nn.Module):
    def __init__(self):
        super().__init__()
        self.word_embeddings = nn.Embedding(VOCAB, DIM)
        self.position_embeddings = nn.Embedding(POSITIONS, DIM)
        self.token_type_embeddings = nn.Embedding(2, DIM)
        self.LayerNorm = nn.LayerNorm(DIM, eps=EPS)

    int8 = False  # simulate_int8 sets it

    def forward(self, ids):
        positions = torch.arange(ids.shape[1], device=ids.device).unsqueeze(0)
        table = (lambda m: fake_quant_table(m.weight)) if self.int8 else (lambda m: m.weight)
        e = (nn.functional.embedding(ids, table(self.word_embeddings)) + nn.functional.embedding(positions, table(self.position_embeddings))
             + nn.functional.embedding(torch.zeros_like(ids), table(self.token_type_embeddings)))
        return self.LayerNorm(e)


class Encoder(nn.Module):
    def __init__(self):
        super().__init__()
        self.layer = nn.ModuleList([Layer() for _ in range(LAYERS)])


class MiniLM(nn.Module):
    def __init__(self):
        super().__init__()
        self.embeddings = Embeddings()
        self.encoder = Encoder()

    @staticmethod
    def mask_bias(mask):
        """[batch, sequence] 0/1 -> an additive bias [batch, 1, 1, sequence] for attention scores."""
        return (1.0 - mask[:, None, None, :].float()) * -10000.0

    def layers(self, hidden, mask, start=0, stop=LAYERS):
        """Layers start..stop-1 over hidden states [batch, sequence, 384]; none when start == stop."""
        bias = self.mask_bias(mask)
        for layer in self.encoder.layer[start:stop]:
            hidden = layer(hidden, bias)
        return hidden

    def forward(self, input_ids, attention_mask):
        return self.layers(self.embeddings(input_ids), attention_mask)


def load(weights_npz):
    """The base model from onnx_to_weights.py's state dict; exits loudly when a name is missing."""
    model = MiniLM()
    state = {k: torch.from_numpy(v.astype(np.float32)) for k, v in np.load(weights_npz).items()}
    model.load_state_dict(state, strict=True)
    return model


# ---- the shipped graph's int8 arithmetic, simulated (quantisation-aware fine-tuning)
#
# export_onnx.py writes the weights by the rules of the Maven Central int8 graph, and ONNX Runtime
# quantises each MatMul's input on the fly (DynamicQuantizeLinear: uint8, one scale and zero point
# per tensor, the range widened to hold 0). These functions compute the same rounding in float,
# with straight-through gradients (the rounding's gradient taken as 1), so that a fit can learn
# weights that survive it.


def _straight_through(x, rounded):
    return x + (rounded - x).detach()


def fake_quant_activation(x):
    """DynamicQuantizeLinear then back: uint8 over [min(0, min x), max(0, max x)]."""
    lo = torch.clamp(x.detach().min(), max=0.0)
    hi = torch.clamp(x.detach().max(), min=0.0)
    scale = torch.clamp((hi - lo) / 255.0, min=1e-12)
    zero = torch.clamp(torch.round(-lo / scale), 0, 255)
    q = torch.clamp(torch.round(x / scale) + zero, 0, 255)
    return _straight_through(x, (q - zero) * scale)


def fake_quant_columns(w):
    """A Linear weight [out, in] as export_onnx.quantise_columns stores it: int8, one scale per
    output (the graph's column), scale = max|w| / 64, values clipped to +-64."""
    scale = torch.clamp(w.detach().abs().amax(dim=1, keepdim=True) / 64.0, min=1e-12)
    return _straight_through(w, torch.clamp(torch.round(w / scale), -64, 64) * scale)


def fake_quant_table(w):
    """An embedding table as export_onnx.quantise_table stores it: uint8, one scale, zero point 128."""
    scale = torch.clamp(2 * w.detach().abs().max() / 255.0, min=1e-12)
    return _straight_through(w, (torch.clamp(torch.round(w / scale) + 128, 0, 255) - 128) * scale)


def _int8_linear(self, x):
    return nn.functional.linear(fake_quant_activation(x), fake_quant_columns(self.weight), self.bias)


def simulate_int8(model, on=True):
    """Makes the encoder compute as the shipped int8 graph does (or, with on=False, in fp32 again):
    every Linear of its layers and its embedding tables. The heads stay fp32, as PressLens applies them."""
    for m in model.encoder.modules():
        if isinstance(m, nn.Linear):
            m.forward = types.MethodType(_int8_linear if on else nn.Linear.forward, m)
    model.embeddings.int8 = on
    return model
