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

    def forward(self, ids):
        positions = torch.arange(ids.shape[1], device=ids.device).unsqueeze(0)
        e = self.word_embeddings(ids) + self.position_embeddings(positions) + self.token_type_embeddings(torch.zeros_like(ids))
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
