#!/usr/bin/env python3
"""Fine-tunes the encoder of PressLens (all-MiniLM-L6-v2) on stance and check-worthiness at once,
with the heads PressLens reads at run time, and writes what PressLens ships:

  encoder.onnx          the fine-tuned encoder, int8 (dynamic quantisation, as the base model
                        was shipped), inputs input_ids/attention_mask/token_type_ids, output
                        last_hidden_state; read by org.presslens.nlp.encoder.Encoder
  stance-model.tsv.gz   the stance head: [mean of the target's token vectors, mean of its
                        sentence's] -> negative/neutral/positive, a LinearModel table
  claims-model.tsv.gz   the check-worthiness head: mean of the sentence's token vectors -> yes,
                        with the threshold chosen on out-of-fold scores

Why Python: fine-tuning needs autograd through the transformer. PressLens itself stays Java and
runs the result with ONNX Runtime; this is offline tooling, and CI never runs it.

Inputs: the examples `presslens train encoder-data` writes (WordPiece ids of PressLens's own
tokens, so training sees exactly what analysis sees), and the base weights that
onnx_to_weights.py recovers from the Maven Central model jar.

  python3 finetune.py --data encoder-data.jsonl.gz --weights bert-weights.npz --out DIR [--cv]

--cv first runs 5-fold cross-validation on train (the folds the data file names) and reports
out-of-fold stance macro-F1 and claims F1; the claims threshold comes from those out-of-fold
scores. Dev and dev-test are scored once, after the final fit, with the fp32 and the int8 graph.
Deterministic for a given device (fixed seeds, no atomics in pooling).
"""
import argparse
import gzip
import json
import math
import os
import random
import sys
import time

import numpy as np
import torch
from torch import nn

DIM = 384
STANCE_CLASSES = ["negative", "neutral", "positive"]


def log(*args):
    print(*args, flush=True)


def read(path):
    with gzip.open(path, "rt", encoding="utf-8") as f:
        return [json.loads(line) for line in f]


def base_model(weights):
    from transformers import BertConfig, BertModel

    config = BertConfig(vocab_size=30522, hidden_size=DIM, num_hidden_layers=6, num_attention_heads=12,
                        intermediate_size=1536, max_position_embeddings=512, type_vocab_size=2,
                        hidden_act="gelu", layer_norm_eps=1e-12, attn_implementation="eager")
    model = BertModel(config, add_pooling_layer=False)
    state = {k: torch.from_numpy(v.astype(np.float32)) for k, v in np.load(weights).items()}
    missing, unexpected = model.load_state_dict(state, strict=False)
    missing = [m for m in missing if "position_ids" not in m]
    if missing or unexpected:
        sys.exit(f"weights do not fit BertModel: missing {missing}, unexpected {unexpected}")
    return model


class Heads(nn.Module):
    """The two heads: exactly the linear models PressLens applies to pooled token vectors."""

    def __init__(self):
        super().__init__()
        self.stance = nn.Linear(2 * DIM, 3)
        self.claims = nn.Linear(DIM, 1)


def pooling(e):
    """Once per example: its pools (stance: target, sentence; claims: all tokens) as entries
    (pool, sequence, position, weight) that average the kept pieces of each token, then the
    tokens of the pool, as PressLens pools token vectors."""
    if "_pool" in e:
        return e["_pool"]
    pieces = {}
    for si, s in enumerate(e["sequences"]):
        a, b = s["keep"]
        for p in range(a, b):
            t = s["token"][p]
            if t >= 0:
                pieces.setdefault(t, []).append((si, p))
    ranges = [e["target"], e["sentence"]] if e["task"] == "stance" else [[0, e["tokens"]]]
    entries = []
    for r, (t0, t1) in enumerate(ranges):
        for t in range(t0, t1):
            for si, p in pieces.get(t, []):
                entries.append((r, si, p, 1.0 / (len(pieces[t]) * (t1 - t0))))
    e["_pool"] = (len(ranges), entries)
    return e["_pool"]


def batch_tensors(examples, device):
    """Pads every sequence of the batch and builds one pooling matrix over the flat pieces."""
    seqs = [s["ids"] for e in examples for s in e["sequences"]]
    length = max(len(s) for s in seqs)
    ids = np.zeros((len(seqs), length), dtype=np.int64)
    mask = np.zeros((len(seqs), length), dtype=np.int64)
    for i, s in enumerate(seqs):
        ids[i, :len(s)] = s
        mask[i, :len(s)] = 1
    rows, cols, vals = [], [], []
    row0 = seq0 = 0
    for e in examples:
        n, entries = pooling(e)
        for r, si, p, w in entries:
            rows.append(row0 + r)
            cols.append((seq0 + si) * length + p)
            vals.append(w)
        row0 += n
        seq0 += len(e["sequences"])
    matrix = np.zeros((row0, len(seqs) * length), dtype=np.float32)
    np.add.at(matrix, (np.array(rows, dtype=np.int64), np.array(cols, dtype=np.int64)), np.array(vals, dtype=np.float32))
    return torch.from_numpy(ids).to(device), torch.from_numpy(mask).to(device), torch.from_numpy(matrix).to(device)


def forward(encoder, heads, examples, device):
    ids, mask, matrix = batch_tensors(examples, device)
    hidden = encoder(input_ids=ids, attention_mask=mask, token_type_ids=torch.zeros_like(ids)).last_hidden_state
    pooled = matrix @ hidden.reshape(-1, DIM)
    out, r = [], 0
    for e in examples:
        if e["task"] == "stance":
            out.append(heads.stance(torch.cat([pooled[r], pooled[r + 1]])))
            r += 2
        else:
            out.append(heads.claims(pooled[r]))
            r += 1
    return out


def loss_of(examples, outputs):
    total = 0
    for e, o in zip(examples, outputs):
        if e["task"] == "stance":
            total = total + nn.functional.cross_entropy(o.unsqueeze(0), torch.tensor([e["label"]], device=o.device))
        else:
            total = total + nn.functional.binary_cross_entropy_with_logits(o, torch.tensor([float(e["label"])], device=o.device))
    return total / len(examples)


def fit(train, args, device, seed):
    torch.manual_seed(seed)
    random.seed(seed)
    encoder = base_model(args.weights).to(device)
    heads = Heads().to(device)
    params = [{"params": encoder.parameters(), "lr": args.lr}, {"params": heads.parameters(), "lr": args.head_lr}]
    optimiser = torch.optim.AdamW(params, weight_decay=0.01)
    steps = args.epochs * math.ceil(len(train) / args.batch)
    warmup = int(0.06 * steps)
    schedule = torch.optim.lr_scheduler.LambdaLR(
        optimiser, lambda s: min(1.0, (s + 1) / max(1, warmup)) * max(0.0, (steps - s) / max(1, steps - warmup)))
    rng = random.Random(seed)
    encoder.train()
    step = 0
    for epoch in range(args.epochs):
        order = list(range(len(train)))
        rng.shuffle(order)
        for b in range(0, len(order), args.batch):
            batch = [train[i] for i in order[b:b + args.batch]]
            loss = loss_of(batch, forward(encoder, heads, batch, device))
            optimiser.zero_grad()
            loss.backward()
            torch.nn.utils.clip_grad_norm_(encoder.parameters(), 1.0)
            optimiser.step()
            schedule.step()
            step += 1
    encoder.eval()
    return encoder, heads


@torch.no_grad()
def predict(encoder, heads, examples, device, batch=128):
    out = []
    for b in range(0, len(examples), batch):
        part = examples[b:b + batch]
        for e, o in zip(part, forward(encoder, heads, part, device)):
            out.append(o.float().cpu().numpy())
    return out


def macro_f1(gold, pred, k=3):
    f1s = []
    for c in range(k):
        tp = sum(1 for g, p in zip(gold, pred) if g == c and p == c)
        fp = sum(1 for g, p in zip(gold, pred) if g != c and p == c)
        fn = sum(1 for g, p in zip(gold, pred) if g == c and p != c)
        f1s.append(0 if tp == 0 else 2 * tp / (2 * tp + fp + fn))
    return sum(f1s) / k, f1s


def f1_at(gold, scores, threshold):
    tp = sum(1 for g, s in zip(gold, scores) if g == 1 and s >= threshold)
    fp = sum(1 for g, s in zip(gold, scores) if g == 0 and s >= threshold)
    fn = sum(1 for g, s in zip(gold, scores) if g == 1 and s < threshold)
    p = tp / (tp + fp) if tp + fp else 0
    r = tp / (tp + fn) if tp + fn else 0
    return p, r, (2 * p * r / (p + r) if p + r else 0)


def best_threshold(gold, scores):
    # The same rule as ClaimTrainer: every 1/200 quantile of the scores is a candidate.
    ordered = sorted(scores)
    best, best_f1 = 0.5, -1
    for q in range(1, 200):
        t = ordered[q * len(ordered) // 200]
        f1 = f1_at(gold, scores, t)[2]
        if f1 > best_f1:
            best, best_f1 = t, f1
    return best


def sigmoid(x):
    return 1 / (1 + math.exp(-x))


def scores(examples, outputs):
    stance = [(e["label"], int(np.argmax(o))) for e, o in zip(examples, outputs) if e["task"] == "stance"]
    claims = [(e["label"], sigmoid(float(o[0]))) for e, o in zip(examples, outputs) if e["task"] == "claims"]
    return stance, claims


def write_head(path, classes, weights, bias, notes):
    """A LinearModel table (org.presslens.nlp.learn.LinearModel): notes, then dense:j rows."""
    with gzip.open(path, "wt", encoding="utf-8") as f:
        all_notes = dict(notes)
        all_notes["classes"] = "|".join(classes)
        all_notes["bias"] = "|".join(repr(float(b)) for b in bias)
        for k in sorted(all_notes):
            f.write(f"# {k}={all_notes[k]}\n")
        rows = {f"dense:{j}": weights[:, j] for j in range(weights.shape[1])}
        for name in sorted(rows):
            f.write(name + "".join("\t%.5g" % float(w) for w in rows[name]) + "\n")


def export(encoder, out_dir):
    import onnx
    from onnxruntime.quantization import QuantType, quantize_dynamic

    class Wrapper(nn.Module):
        def __init__(self, m):
            super().__init__()
            self.m = m

        def forward(self, input_ids, attention_mask, token_type_ids):
            return self.m(input_ids=input_ids, attention_mask=attention_mask, token_type_ids=token_type_ids).last_hidden_state

    cpu = Wrapper(encoder.float().cpu().eval())
    dummy = torch.ones((1, 8), dtype=torch.long)
    fp32 = os.path.join(out_dir, "encoder-fp32.onnx")
    kwargs = dict(input_names=["input_ids", "attention_mask", "token_type_ids"], output_names=["last_hidden_state"],
                  dynamic_axes={n: {0: "batch", 1: "sequence"} for n in ["input_ids", "attention_mask", "token_type_ids", "last_hidden_state"]},
                  opset_version=14)
    try:
        torch.onnx.export(cpu, (dummy, dummy, torch.zeros_like(dummy)), fp32, dynamo=False, **kwargs)
    except Exception as e:  # the TorchScript exporter is gone from newer PyTorch: use the default one
        log(f"TorchScript export failed ({e}); using the default exporter")
        torch.onnx.export(cpu, (dummy, dummy, torch.zeros_like(dummy)), fp32, **kwargs)
    int8 = os.path.join(out_dir, "encoder.onnx")
    quantize_dynamic(fp32, int8, weight_type=QuantType.QInt8)
    m = onnx.load(int8)
    log(f"exported: ir {m.ir_version}, opsets {[(o.domain, o.version) for o in m.opset_import]}, {os.path.getsize(int8)} bytes int8")
    return fp32, int8


def onnx_outputs(path, examples):
    """Runs an exported graph as PressLens does (one sequence per call) and pools like forward()."""
    import onnxruntime as ort

    options = ort.SessionOptions()
    options.intra_op_num_threads = 4
    session = ort.InferenceSession(path, options, providers=["CPUExecutionProvider"])
    vectors = []
    for e in examples:
        sums = np.zeros((e["tokens"], DIM), dtype=np.float32)
        counts = np.zeros(e["tokens"])
        for s in e["sequences"]:
            ids = np.array([s["ids"]], dtype=np.int64)
            h = session.run(["last_hidden_state"], {"input_ids": ids, "attention_mask": np.ones_like(ids),
                                                    "token_type_ids": np.zeros_like(ids)})[0][0]
            a, b = s["keep"]
            for p in range(a, b):
                t = s["token"][p]
                if t >= 0:
                    sums[t] += h[p]
                    counts[t] += 1
        tokens = sums / np.maximum(counts, 1)[:, None]
        vectors.append(tokens)
    return vectors


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--data", required=True)
    ap.add_argument("--weights", required=True)
    ap.add_argument("--out", required=True)
    ap.add_argument("--cv", action="store_true")
    ap.add_argument("--epochs", type=int, default=3)
    ap.add_argument("--lr", type=float, default=5e-5)
    ap.add_argument("--head-lr", type=float, default=1e-3)
    ap.add_argument("--batch", type=int, default=32)
    ap.add_argument("--seed", type=int, default=13)
    ap.add_argument("--threshold", type=float, default=None, help="claims threshold, when --cv is not run")
    ap.add_argument("--deadline", type=float, default=None, help="seconds: cut cross-validation short to end in time")
    ap.add_argument("--limit", type=int, default=None, help="a smoke test: the first N examples of each task and split")
    args = ap.parse_args()
    device = "cuda" if torch.cuda.is_available() else "cpu"
    torch.backends.cuda.matmul.allow_tf32 = False  # the same arithmetic as a CPU run, near enough
    torch.set_num_threads(max(1, os.cpu_count() or 1))
    os.makedirs(args.out, exist_ok=True)
    data = read(args.data)
    if args.limit:
        kept, seen = [], {}
        for e in data:
            key = (e["task"], e["split"])
            seen[key] = seen.get(key, 0) + 1
            if seen[key] <= args.limit:
                kept.append(e)
        data = kept
    train = [e for e in data if e["split"] == "train"]
    log(f"{len(data)} examples, {len(train)} train; device {device}; lr {args.lr}, epochs {args.epochs}, batch {args.batch}")
    notes = {"method": f"all-MiniLM-L6-v2 fine-tuned on stance and check-worthiness together (AdamW, lr {args.lr}, heads {args.head_lr}, "
                       f"{args.epochs} epochs, batch {args.batch}, seed {args.seed}), then int8 dynamic quantisation",
             "trainer": "training/finetune.py over presslens train encoder-data"}
    threshold = args.threshold if args.threshold is not None else 0.5
    begun = time.time()
    if args.cv:
        started = time.time()
        oof = [None] * len(train)
        done = 0
        for fold in range(5):
            per_fold = (time.time() - started) / max(1, done)
            # Leave time for the final fit (about 1.25 folds) and the export, on a rented machine.
            if done and args.deadline and time.time() - begun + per_fold * 2.6 > args.deadline:
                log(f"stopping cross-validation after {done} folds to finish inside the deadline")
                break
            fit_on = [e for e in train if e["fold"] != fold]
            held = [i for i, e in enumerate(train) if e["fold"] == fold]
            enc, heads = fit(fit_on, args, device, args.seed)
            for i, o in zip(held, predict(enc, heads, [train[i] for i in held], device)):
                oof[i] = o
            done += 1
            log(f"fold {fold} done, {time.time() - started:.0f} s")
        train_done = [e for e, o in zip(train, oof) if o is not None]
        stance, claims = scores(train_done, [o for o in oof if o is not None])
        m, per = macro_f1([g for g, _ in stance], [p for _, p in stance])
        threshold = best_threshold([g for g, _ in claims], [s for _, s in claims])
        p, r, f1 = f1_at([g for g, _ in claims], [s for _, s in claims], threshold)
        log(f"CV stance macro-F1 {m:.4f} (per class {', '.join(f'{x:.3f}' for x in per)}); claims P {p:.4f} R {r:.4f} F1 {f1:.4f} at {threshold:.4f}")
        notes["cross-validated"] = (f"stance macro-F1 {m:.4f}; claims F1 {f1:.4f} (out-of-fold on {done} of 5 folds of train, "
                                    f"{time.time() - started:.0f} s on {device})")
    started = time.time()
    encoder, heads = fit(train, args, device, args.seed)
    minutes = (time.time() - started) / 60
    notes["final fit"] = f"{minutes:.1f} minutes on {device}"
    def report(split, graph, part, outputs):
        """Scores one held-out split, once, into the log and the model's notes."""
        stance, claims = scores(part, outputs)
        if stance:
            m, per = macro_f1([g for g, _ in stance], [p for _, p in stance])
            log(f"{split} {graph} stance macro-F1 {m:.4f} (per class {', '.join(f'{x:.3f}' for x in per)})")
            notes[f"{split} stance ({graph})"] = f"macro-F1 {m:.4f}"
        if claims:
            p, r, f1 = f1_at([g for g, _ in claims], [s for _, s in claims], threshold)
            log(f"{split} {graph} claims P {p:.4f} R {r:.4f} F1 {f1:.4f}")
            notes[f"{split} claims ({graph})"] = f"P {p:.4f} R {r:.4f} F1 {f1:.4f}"

    held_out = {split: [e for e in data if e["split"] == split] for split in ["dev", "dev-test"]}
    for split, part in held_out.items():
        if part:
            report(split, "fp32, pre-quantisation", part, predict(encoder, heads, part, device))
    fp32, int8 = export(encoder, args.out)
    # The heads, as the int8 graph will feed them: check quantisation costs nothing measurable.
    for split, part in held_out.items():
        if not part:
            continue
        outs = []
        with torch.no_grad():
            for e, v in zip(part, onnx_outputs(int8, part)):
                v = torch.from_numpy(v).to(device)
                if e["task"] == "stance":
                    x = torch.cat([v[e["target"][0]:e["target"][1]].mean(0), v[e["sentence"][0]:e["sentence"][1]].mean(0)])
                    outs.append(heads.stance(x).cpu().numpy())
                else:
                    outs.append(heads.claims(v.mean(0)).cpu().numpy())
        report(split, "int8", part, outs)
    os.remove(fp32)
    sw = heads.stance.weight.detach().float().cpu().numpy()  # [3, 768]
    write_head(os.path.join(args.out, "stance-model.tsv.gz"), STANCE_CLASSES, sw,
               heads.stance.bias.detach().float().cpu().numpy(), {**notes, "inputs": "VECTORS", "link": "softmax"})
    cw = heads.claims.weight.detach().float().cpu().numpy()  # [1, 384]
    write_head(os.path.join(args.out, "claims-model.tsv.gz"), ["no", "yes"], cw,
               heads.claims.bias.detach().float().cpu().numpy(), {**notes, "threshold": f"{threshold:.4f}"})
    log("written to", args.out)


if __name__ == "__main__":
    main()
