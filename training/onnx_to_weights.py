#!/usr/bin/env python3
"""Turns the fp32 ONNX graph of all-MiniLM-L6-v2 (as LangChain4j ships it on Maven Central) back
into a Hugging Face BertModel state dict, saved as fp16 .npz (45 MB: small enough to carry to a
training machine). Needs only the `onnx` package (Debian: python3-onnx).

The export names biases and LayerNorm weights after the PyTorch parameters but the linear weights
after their MatMul nodes ("onnx::MatMul_787", stored [in, out]); each is named here by the bias
its MatMul's output is added to, and transposed back to PyTorch's [out, in].

    python3 training/onnx_to_weights.py all-minilm-l6-v2.onnx bert-weights.npz
"""
import sys

import numpy as np
import onnx
from onnx import numpy_helper


def main(source, target):
    graph = onnx.load(source).graph
    init = {t.name: numpy_helper.to_array(t) for t in graph.initializer}
    consumers = {}
    for node in graph.node:
        for name in node.input:
            consumers.setdefault(name, []).append(node)
    weights = {}
    for name, value in init.items():
        if name.startswith("onnx::MatMul"):
            (matmul,) = [n for n in consumers[name] if n.op_type == "MatMul"]
            (add,) = [n for n in consumers[matmul.output[0]] if n.op_type == "Add"]
            (bias,) = [i for i in add.input if i in init and i.endswith(".bias")]
            weights[bias[: -len(".bias")] + ".weight"] = value.T
        elif name != "embeddings.position_ids":
            weights[name] = value
    expected = 5 + 16 * 6  # embeddings (3 tables, LayerNorm pair) + 16 tensors per layer
    if len(weights) != expected:
        sys.exit(f"found {len(weights)} tensors, expected {expected}: not the graph this script knows")
    np.savez(target, **{k: v.astype(np.float16) for k, v in weights.items()})
    print(f"{len(weights)} tensors written to {target}")


if __name__ == "__main__":
    main(*sys.argv[1:])
