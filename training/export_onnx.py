#!/usr/bin/env python3
"""Writes a fine-tuned encoder (finetune.py's finetuned.pt) as the int8 ONNX graph and the head
files PressLens reads at run time.

The graph is the shipped int8 all-MiniLM-L6-v2 (the `-q` model jar on Maven Central) with its
weights replaced, quantised by the same rules that graph's own quantiser used, read off its
initializers (checked below against the fp32 graph it came from):

  MatMul weights    int8, symmetric, one scale per output column: scale = max|w| / 64, zero point 0
                    (onnxruntime's reduce_range, values in [-64, 64])
  embedding tables  uint8, one scale per table: scale = 2 max|w| / 255, zero point 128
  biases, LayerNorm fp32, as they are

So the graph's structure, its operators (DynamicQuantizeLinear + MatMulInteger) and its speed are
those PressLens already runs; only the numbers change. Written with python3-onnx alone, because
onnxruntime's Python quantiser is not packaged in Debian.

Each task's head (a linear layer over pooled token vectors) is written in PressLens's LinearModel
text format, its notes naming the data, the command and the figures: stance as a softmax over
three classes, check-worthiness as one logistic output with the threshold cross-validation chose,
technique spans as one logistic output per token, and attribution's two heads (a task of
finetune.py that trains both): cues, one logistic output per token, and roles, a softmax over
other/source/begin/inside/end per token beside a cue.

    python3 training/export_onnx.py --base all-minilm-l6-v2-q.onnx --finetuned DIR/finetuned.pt \
        --heads stance,claims --out presslens-nlp/src/main/resources/org/presslens/nlp/encoder \
        --note data="NewsMTSC rw-train.jsonl; CheckThat! 2024 …_train.tsv" [--note key=value ...]

writes encoder.onnx, stance-head.tsv.gz and claims-head.tsv.gz there.
"""
import argparse
import gzip
import os

import numpy as np
import onnx
import torch
from onnx import numpy_helper

GRAPH = "encoder.onnx"
HEADS = {
    # task: (class names, what each dense input is); the head in finetuned.pt has the task's name
    "stance": (["negative", "neutral", "positive"], "mean token vector of the target, then of its sentence (2 x 384)"),
    "claims": (["no", "yes"], "mean token vector of the sentence (384)"),
    "spans": (["no", "yes"], "the token's vector (384)"),
    "cues": (["other", "cue"], "the token's vector (384)"),
    "roles": (["other", "source", "begin", "inside", "end"],
              "the token's vector, the mean vector of the cue's tokens, their product (3 x 384)"),
}
# the heads each training task trains
TASK_HEADS = {"stance": ["stance"], "claims": ["claims"], "spans": ["spans"], "attribution": ["cues", "roles"]}


def bias_of(graph, weight):
    """The fp32 bias a quantised MatMul weight's product is added to: the parameter's name. The
    product passes through a Cast and the Mul by the scales before that Add."""
    init = {t.name for t in graph.initializer}
    consumers = {}
    for node in graph.node:
        for name in node.input:
            consumers.setdefault(name, []).append(node)
    (start,) = [n for n in consumers[weight] if n.op_type == "MatMulInteger"]
    frontier = [start]
    for _ in range(4):
        following = []
        for node in frontier:
            for out in node.output:
                for c in consumers.get(out, []):
                    biases = [i for i in c.input if i in init and i.endswith(".bias")]
                    if c.op_type == "Add" and biases:
                        return biases[0][: -len(".bias")]
                    following.append(c)
        frontier = following
    raise SystemExit(f"no bias found after {weight}: not the graph this script knows")


def quantise_columns(w):
    """[in, out] fp32 -> int8 values, per-column scales, zero points (the base graph's rule)."""
    scale = np.abs(w).max(axis=0) / 64.0
    scale[scale == 0] = 1.0
    q = np.clip(np.round(w / scale), -64, 64).astype(np.int8)
    return q, scale.astype(np.float32), np.zeros(w.shape[1], dtype=np.int8)


def quantise_table(w):
    """An embedding table -> uint8 values, one scale, zero point 128 (the base graph's rule)."""
    scale = np.float32(2 * np.abs(w).max() / 255.0)
    q = np.clip(np.round(w / scale) + 128, 0, 255).astype(np.uint8)
    return q, scale, np.uint8(128)


def check_rules(graph, fp32_path):
    """Re-quantises the fp32 base weights by the rules above and requires the base int8 graph's
    exact bytes: the rules are the shipped quantiser's, not a guess."""
    fp32 = {t.name: numpy_helper.to_array(t) for t in onnx.load(fp32_path).graph.initializer}
    base = {t.name: numpy_helper.to_array(t) for t in graph.initializer}
    checked = 0
    for name, w in fp32.items():
        if name + "_quantized" not in base:
            continue
        q, scale, zero = quantise_table(w) if name.startswith("embeddings.") else quantise_columns(w)
        if not (np.array_equal(q, base[name + "_quantized"]) and np.allclose(scale, base[name + "_scale"], rtol=1e-6)
                and np.array_equal(zero, base[name + "_zero_point"])):
            raise SystemExit(f"{name}: the quantisation rule does not reproduce the base graph")
        checked += 1
    print(f"quantisation rules reproduce the base graph's {checked} quantised tensors exactly")


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--base", required=True, help="the int8 graph of the -q model jar (all-minilm-l6-v2-q.onnx)")
    ap.add_argument("--fp32", help="the fp32 graph it was quantised from: checks the quantisation rules first")
    ap.add_argument("--finetuned", required=True, help="finetune.py's finetuned.pt")
    ap.add_argument("--heads", required=True, help="the heads to write, of " + ",".join(sorted(HEADS)))
    ap.add_argument("--out", required=True, help=f"folder for {GRAPH} and TASK-head.tsv.gz")
    ap.add_argument("--note", action="append", default=[],
                    help="key=value added to the notes of the graph and of every head; data=... is required")
    args = ap.parse_args()
    tasks = args.heads.split(",")
    unknown = [t for t in tasks if t not in HEADS]
    if unknown:
        raise SystemExit(f"no head {unknown}: the heads are {sorted(HEADS)}")

    model = onnx.load(args.base)
    graph = model.graph
    if args.fp32:
        check_rules(graph, args.fp32)
    saved = torch.load(args.finetuned)
    trained = saved.get("tasks")
    if trained is None:
        raise SystemExit(f"{args.finetuned} does not say which tasks it was trained on: fit it again with this finetune.py")
    untrained = [t for t in tasks if not any(t in TASK_HEADS.get(k, [k]) for k in trained)]
    if untrained:
        raise SystemExit(f"{args.finetuned} was not trained on {untrained}, only on {trained}")
    state = {k: v.float().numpy() for k, v in saved["encoder"].items()}
    used = set()
    replaced = []
    for t in graph.initializer:
        name = t.name
        if name in state:  # biases and LayerNorm: fp32 as they are
            value, used_name = state[name].astype(np.float32), name
        elif name.endswith("_quantized") or name.endswith("_scale") or name.endswith("_zero_point"):
            stem = name.rsplit("_", 2 if name.endswith("_zero_point") else 1)[0]
            if stem.startswith("embeddings."):
                used_name = stem
                q, scale, zero = quantise_table(state[stem])
            else:  # onnx::MatMul_N: named by the bias its product meets; torch keeps [out, in]
                used_name = bias_of(graph, stem + "_quantized") + ".weight"
                q, scale, zero = quantise_columns(state[used_name].T)
            value = q if name.endswith("_quantized") else scale if name.endswith("_scale") else zero
        else:
            continue  # position ids
        t.CopyFrom(numpy_helper.from_array(np.asarray(value, dtype=numpy_helper.to_array(t).dtype), name))
        used.add(used_name)
        replaced.append(name)
    missing = set(state) - used
    if missing:
        raise SystemExit(f"fine-tuned tensors with no place in the graph: {sorted(missing)}")

    notes = dict(saved.get("notes", {}))
    notes.update(dict(n.split("=", 1) for n in args.note))
    if "data" not in notes:
        raise SystemExit("say what the model was trained on: --note data=...")  # the heads' notes must name it
    model.doc_string = "; ".join(f"{k}: {v}" for k, v in notes.items())
    os.makedirs(args.out, exist_ok=True)
    graph_path = os.path.join(args.out, GRAPH)
    onnx.save(model, graph_path)
    notes["encoder"] = f"{GRAPH} ({os.path.getsize(graph_path) / 1e6:.1f} MB, int8)"
    written = [graph_path]
    for task in tasks:
        written.append(write_head(task, saved, notes, args.out))
    print(f"{len(replaced)} initializers replaced; wrote " + ", ".join(written))


def write_head(task, saved, shared_notes, out):
    """TASK-head.tsv.gz: the head's weights as dense rows; the training run's notes (less the other
    tasks' dev figures; the cross-validated line holds every task's), and what the head needs to
    be read."""
    classes, inputs = HEADS[task]
    weight = saved["heads"][task + ".weight"].float().numpy()  # [outputs, inputs]
    bias = saved["heads"][task + ".bias"].float().numpy()
    notes = {k: v for k, v in shared_notes.items()
             if not k.startswith(("dev", "held-out")) or k.endswith(" " + task)}
    notes.update({"classes": "|".join(classes), "bias": "|".join(repr(float(b)) for b in bias), "dense inputs": inputs})
    if len(classes) > 2:
        notes["link"] = "softmax"
    elif task == "claims":  # one logistic output, the probability of the second class, and its decision threshold
        notes["threshold"] = f"{saved['threshold']:.4f}"
    path = os.path.join(out, f"{task}-head.tsv.gz")
    with gzip.GzipFile(path, "wb", mtime=0) as raw:  # mtime 0: a retrained head diffs by content only
        lines = [f"# {k}={v}" for k, v in sorted(notes.items())]
        lines += ["dense:%d\t%s" % (j, "\t".join(repr(float(x)) for x in weight[:, j])) for j in range(weight.shape[1])]
        raw.write(("\n".join(lines) + "\n").encode("utf-8"))
    return path

if __name__ == "__main__":
    main()
