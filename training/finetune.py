#!/usr/bin/env python3
"""Fine-tunes the encoder of PressLens (all-MiniLM-L6-v2) on one or several of its tasks,
with the heads PressLens reads at run time (mean-pooled token vectors -> linear):

  stance       [mean of the target's token vectors, mean of its sentence's] -> negative/neutral/positive
  claims       mean of the sentence's token vectors -> check-worthy or not
  spans        each token's vector -> inside a persuasion-technique span or not (PTC; the span
               tagger of TechniqueTrainer, whose decoding turns token scores into spans)
  attribution  each token's vector -> part of a cue or not; and around each cue, [token, mean of
               the cue's tokens, their product] -> other/source/begin/inside/end (PolNeAR; the cue
               and role taggers of AttributionModel, whole articles as analysis reads them)

Why Python: fine-tuning needs autograd through the transformer. PressLens itself stays Java and
runs its encoder with ONNX Runtime; this is offline tooling, and CI never runs it.

Inputs: the examples `presslens train encoder-data` writes (WordPiece ids of PressLens's own
tokens, so training sees exactly what analysis sees, and the folds the Java trainers use), and
the base weights that onnx_to_weights.py recovers from the Maven Central model jar.

  python3 finetune.py --data encoder-data.jsonl.gz --weights bert-weights.npz --out DIR \
      [--tasks stance,claims] [--train-from 0|4|6] [--cv [--folds 0,1,2,3,4] [--cv-only]]

--train-from k freezes layers below k: 0 fine-tunes everything, 6 trains the heads alone over
frozen vectors (frozen layers are run once per sequence and cached). --cv reports out-of-fold
stance macro-F1, claims F1, span-token F1 and, for attribution, cue-token F1 and role-token F1
around the gold cues over the held-out folds (spans have 3 folds, so folds 3 and 4 hold none of
them; attribution has 10, fold 0 being the tenth `presslens train attribution` holds out); the
claims threshold comes from those scores, and the span
tokens' out-of-fold scores are written (oof-spans.jsonl.gz) for TechniqueTrainer's decoding
search. Without --cv-only the script then fits on all of train and saves the weights and heads
(finetuned.pt); it never scores dev, which PressLens scores once, at the end, on the exported
int8 graph (--evaluate scores a saved fit on dev, for a recipe that will not ship).
Deterministic on one machine (fixed seeds).

--exclude-fold K leaves train fold K of every task out of that fit and scores it; without --cv
or --threshold the check-worthiness and span-token thresholds are chosen on that held-out fold's
int8 scores. This is the first of the two runs behind the shipped encoder (`presslens train
encoder`): the held-out fold is where every choice is made (the threshold here, the span
decoding and the attribution thresholds by the Java trainers). The second (`presslens train
encoder --refit`) fits on all of train with --threshold set to the one chosen here.
"""
import argparse
import gzip
import json
import math
import os
import random
import time

import numpy as np
import torch
from torch import nn

import minilm

DIM = 384
STANCE_CLASSES = ["negative", "neutral", "positive"]


def log(*args):
    print(*args, flush=True)


def read(path):
    with gzip.open(path, "rt", encoding="utf-8") as f:
        return [json.loads(line) for line in f]


def base_model(weights):
    return minilm.load(weights)


ROLES = ["other", "source", "begin", "inside", "end"]  # AttributionModel.ROLES


class Heads(nn.Module):
    """The heads: exactly the linear models PressLens applies to pooled token vectors. The
    attribution heads exist only when that task is trained, so that the other heads start from
    the same random state (and runs without it reproduce) whether or not it is."""

    def __init__(self, attribution=False):
        super().__init__()
        self.stance = nn.Linear(2 * DIM, 3)
        self.claims = nn.Linear(DIM, 1)
        self.spans = nn.Linear(DIM, 1)
        if attribution:
            self.cues = nn.Linear(DIM, 1)  # each token's vector -> part of a cue or not
            self.roles = nn.Linear(3 * DIM, len(ROLES))  # [token, cue, token * cue] -> its role for that cue


def pooling(e):
    """Once per example: its pools (stance: target, sentence; claims: all tokens; spans: each
    token) as entries
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
    ranges = ([e["target"], e["sentence"]] if e["task"] == "stance"
              else [[t, t + 1] for t in range(e["tokens"])] if e["task"] in ("spans", "attribution")
              else [[0, e["tokens"]]])
    entries = []
    for r, (t0, t1) in enumerate(ranges):
        for t in range(t0, t1):
            for si, p in pieces.get(t, []):
                entries.append((r, si, p, 1.0 / (len(pieces[t]) * (t1 - t0))))
    e["_pool"] = (len(ranges), entries)
    return e["_pool"]


def pooling_matrix(examples, length):
    """One matrix [pools, sequences * length] that averages, for every pool of every example,
    the kept pieces of each token and then the tokens (see pooling)."""
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
    if any(e["task"] == "attribution" for e in examples):
        # Whole articles: thousands of tokens over hundreds of sequences, where a dense matrix
        # would take gigabytes. (The other tasks keep the dense product, so that their runs
        # reproduce to the bit.)
        index = torch.from_numpy(np.array([rows, cols], dtype=np.int64))
        return torch.sparse_coo_tensor(index, torch.tensor(vals, dtype=torch.float32), (row0, seq0 * length)).coalesce()
    matrix = np.zeros((row0, seq0 * length), dtype=np.float32)
    np.add.at(matrix, (np.array(rows, dtype=np.int64), np.array(cols, dtype=np.int64)), np.array(vals, dtype=np.float32))
    return torch.from_numpy(matrix)


class Trunk:
    """The encoder below the layers being trained: layers 0..k-1 are frozen, so each sequence's
    hidden state at layer k is computed once (fp32, eval mode) and kept. k = 0 keeps nothing and
    trains the whole encoder; k = 6 trains only the heads over the frozen last hidden state."""

    def __init__(self, encoder, k):
        self.encoder, self.k, self.cache = encoder, k, {}
        for p in encoder.embeddings.parameters():
            p.requires_grad = k == 0
        for i, layer in enumerate(encoder.encoder.layer):
            for p in layer.parameters():
                p.requires_grad = i >= k

    @torch.no_grad()
    def prepare(self, examples, batch=64):
        if self.k == 0:
            return
        todo = [s for e in examples for s in e["sequences"] if id(s) not in self.cache]
        todo.sort(key=lambda s: len(s["ids"]))
        was = self.encoder.training
        self.encoder.eval()
        for b in range(0, len(todo), batch):
            part = todo[b:b + batch]
            ids, mask = pad([s["ids"] for s in part])
            h = self.encoder.layers(self.encoder.embeddings(ids), mask, 0, self.k)
            for s, row, n in zip(part, h, mask.sum(1).tolist()):
                self.cache[id(s)] = row[:n].clone()
        self.encoder.train(was)

    def hidden(self, sequences, buckets=False):
        """Hidden states [sequences, longest, DIM] and the mask. With buckets, the sequences are
        run in groups of similar length (whole articles: sentences of 5 to 200 pieces, where one
        padding to the longest would multiply the work) and put back in order."""
        ids, mask = pad([s["ids"] for s in sequences])
        if self.k == 0 and buckets:
            order = sorted(range(len(sequences)), key=lambda i: len(sequences[i]["ids"]))
            parts = []
            for b in range(0, len(order), BUCKET):
                group = [sequences[i] for i in order[b:b + BUCKET]]
                gi, gm = pad([s["ids"] for s in group])
                h = self.encoder(gi, gm)
                parts.append(nn.functional.pad(h, (0, 0, 0, ids.shape[1] - h.shape[1])))
            inverse = torch.empty(len(order), dtype=torch.int64)
            inverse[torch.tensor(order)] = torch.arange(len(order))
            return torch.cat(parts).index_select(0, inverse), mask
        if self.k == 0:
            return self.encoder(ids, mask), mask
        h = torch.zeros((len(sequences), ids.shape[1], DIM))
        for i, s in enumerate(sequences):
            c = self.cache[id(s)]
            h[i, :len(c)] = c
        return self.encoder.layers(h, mask, self.k), mask


def pad(seqs):
    length = max(len(s) for s in seqs)
    ids = np.zeros((len(seqs), length), dtype=np.int64)
    mask = np.zeros((len(seqs), length), dtype=np.int64)
    for i, s in enumerate(seqs):
        ids[i, :len(s)] = s
        mask[i, :len(s)] = 1
    return torch.from_numpy(ids), torch.from_numpy(mask)


def forward(trunk, heads, examples):
    hidden, mask = trunk.hidden([s for e in examples for s in e["sequences"]],
                                buckets=any(e["task"] == "attribution" for e in examples))
    pooling = pooling_matrix(examples, hidden.shape[1])
    pooled = torch.sparse.mm(pooling, hidden.reshape(-1, DIM)) if pooling.is_sparse else pooling @ hidden.reshape(-1, DIM)
    out, r = [], 0
    for e in examples:
        if e["task"] == "stance":
            out.append(heads.stance(torch.cat([pooled[r], pooled[r + 1]])))
            r += 2
        elif e["task"] == "spans":
            out.append(heads.spans(pooled[r:r + e["tokens"]]).squeeze(-1))
            r += e["tokens"]
        elif e["task"] == "attribution":
            out.append(attribution_logits(heads, pooled[r:r + e["tokens"]], e))
            r += e["tokens"]
        else:
            out.append(heads.claims(pooled[r]))
            r += 1
    return out


def attribution_logits(heads, vectors, e):
    """An article's cue logit per token, and for each gold cue the role logits of its window's
    tokens, each read beside the mean vector of the cue's tokens (as AttributionModel reads them)."""
    roles = []
    for c in e["cues"]:
        cue = vectors[c["cue"][0]:c["cue"][1]].mean(0)
        window = vectors[c["window"][0]:c["window"][1]]
        cue = cue.expand_as(window)
        roles.append(heads.roles(torch.cat([window, cue, window * cue], dim=1)))
    return heads.cues(vectors).squeeze(-1), roles


def attribution_loss(e, o):
    """Cue loss over the cue candidates plus role loss over every scored window token."""
    cue_logits, roles = o
    labels = torch.tensor(e["cue"], dtype=torch.float32)
    kept = labels >= 0
    loss = nn.functional.binary_cross_entropy_with_logits(cue_logits[kept], labels[kept])
    if roles:
        logits = torch.cat(roles)
        gold = torch.tensor([r for c in e["cues"] for r in c["roles"]], dtype=torch.int64)
        loss = loss + nn.functional.cross_entropy(logits[gold >= 0], gold[gold >= 0])
    return loss


def loss_of(examples, outputs):
    total = 0
    for e, o in zip(examples, outputs):
        if e["task"] == "attribution":
            total = total + attribution_loss(e, o)
        elif e["task"] == "stance":
            total = total + nn.functional.cross_entropy(o.unsqueeze(0), torch.tensor([e["label"]]))
        elif e["task"] == "spans":
            total = total + nn.functional.binary_cross_entropy_with_logits(o, torch.tensor(e["labels"], dtype=torch.float32))
        else:
            total = total + nn.functional.binary_cross_entropy_with_logits(o, torch.tensor([float(e["label"])]))
    return total / len(examples)


BUCKET = 32  # sequences run at once when a batch holds whole articles
ARTICLES_PER_BATCH = 4  # an attribution example is a whole article: one sequence per sentence, tens of them


def batches(examples, size, rng):
    """Shuffled batches of similar lengths (less padding): shuffle, sort within runs of 50 batches.
    Whole articles (attribution) go in batches of their own, ARTICLES_PER_BATCH at a time."""
    articles = [i for i, e in enumerate(examples) if e["task"] == "attribution"]
    if articles:
        rest = [i for i, e in enumerate(examples) if e["task"] != "attribution"]
        out = [[rest[i] for i in b] for b in batches([examples[i] for i in rest], size, rng)] if rest else []
        rng.shuffle(articles)
        out.extend(articles[b:b + ARTICLES_PER_BATCH] for b in range(0, len(articles), ARTICLES_PER_BATCH))
        rng.shuffle(out)
        return out
    order = list(range(len(examples)))
    rng.shuffle(order)
    out = []
    run = size * 50
    for r in range(0, len(order), run):
        chunk = sorted(order[r:r + run], key=lambda i: len(examples[i]["sequences"][0]["ids"]))
        out.extend(chunk[b:b + size] for b in range(0, len(chunk), size))
    rng.shuffle(out)
    return out


def fit(train, args, seed):
    torch.manual_seed(seed)
    random.seed(seed)
    encoder = minilm.simulate_int8(base_model(args.weights), args.int8_aware)
    trunk = Trunk(encoder, args.train_from)
    trunk.prepare(train)
    heads = Heads(any(e["task"] == "attribution" for e in train))
    trained = [p for p in encoder.parameters() if p.requires_grad]
    params = [{"params": heads.parameters(), "lr": args.head_lr}]
    if trained:
        params.append({"params": trained, "lr": args.lr})
    optimiser = torch.optim.AdamW(params, weight_decay=0.01)
    steps = args.epochs * len(batches(train, args.batch, random.Random(seed)))
    warmup = int(0.06 * steps)
    schedule = torch.optim.lr_scheduler.LambdaLR(
        optimiser, lambda s: min(1.0, (s + 1) / max(1, warmup)) * max(0.0, (steps - s) / max(1, steps - warmup)))
    rng = random.Random(seed)
    encoder.train()
    started = time.time()
    for epoch in range(args.epochs):
        for n, batch in enumerate(batches(train, args.batch, rng)):
            part = [train[i] for i in batch]
            loss = loss_of(part, forward(trunk, heads, part))
            optimiser.zero_grad()
            loss.backward()
            torch.nn.utils.clip_grad_norm_(trained + list(heads.parameters()), 1.0)
            optimiser.step()
            schedule.step()
            if n % 100 == 0:
                log(f"  epoch {epoch} batch {n} loss {loss.item():.4f} ({time.time() - started:.0f} s)")
    encoder.eval()
    return trunk, heads


def predict_both(trunk, heads, examples, int8_aware):
    """The outputs of the encoder in fp32 and as the shipped int8 graph computes (simulated:
    minilm.simulate_int8, which reproduces ONNX Runtime's int8 hidden states), in that order."""
    out = {}
    for int8 in (int8_aware, not int8_aware):
        minilm.simulate_int8(trunk.encoder, int8)
        trunk.cache.clear()  # cached frozen layers were computed in the other arithmetic
        out[int8] = predict(trunk, heads, examples)
    minilm.simulate_int8(trunk.encoder, int8_aware)
    trunk.cache.clear()
    return out[False], out[True]


@torch.no_grad()
def predict(trunk, heads, examples, batch=128):
    trunk.prepare(examples)
    out = []
    b = 0
    while b < len(examples):
        # whole articles a few at a time, as in training; other examples 128 at a time
        article = examples[b]["task"] == "attribution"
        end = b
        while end < len(examples) and end - b < (ARTICLES_PER_BATCH if article else batch) \
                and (examples[end]["task"] == "attribution") == article:
            end += 1
        part = examples[b:end]
        b = end
        for e, o in zip(part, forward(trunk, heads, part)):
            out.append((o[0].float().numpy(), [r.float().numpy() for r in o[1]]) if e["task"] == "attribution"
                       else o.float().numpy())
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
    # Every 1/200 quantile of the scores is a candidate: the F1 curve is flat at that grain.
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
    spans = [(g, sigmoid(float(x))) for e, o in zip(examples, outputs) if e["task"] == "spans" for g, x in zip(e["labels"], o)]
    # attribution: (gold, probability) of each cue candidate, and (gold, predicted) role of each window token
    cues = [(g, sigmoid(float(x))) for e, o in zip(examples, outputs) if e["task"] == "attribution"
            for g, x in zip(e["cue"], o[0]) if g >= 0]
    roles = [(g, int(np.argmax(row))) for e, o in zip(examples, outputs) if e["task"] == "attribution"
             for c, logits in zip(e["cues"], o[1]) for g, row in zip(c["roles"], logits) if g >= 0]
    return stance, claims, spans, cues, roles


def write_span_scores(path, examples, outputs):
    """Each span example's token probabilities, by article and first token, for the Java side."""
    if not any(e["task"] == "spans" for e in examples):
        return
    with gzip.open(path, "wt", encoding="utf-8") as f:
        for e, o in zip(examples, outputs):
            if e["task"] == "spans":
                f.write(json.dumps({"split": e["split"], "article": e["article"], "first": e["first"],
                                    "p": [round(sigmoid(float(x)), 5) for x in o]}) + "\n")


def describe(stance, claims, spans, cues, roles, threshold, span_threshold=None):
    """The figures of scored examples, one line per task present: stance macro-F1 with its
    classes, claims precision, recall and F1 at the threshold, and for spans the token-level F1
    at span_threshold, or at the best one when none is given (a proxy: the SemEval span F1 comes
    from TechniqueTrainer's decoding, `presslens eval techniques --span-scores`)."""
    lines = {}
    if stance:
        m, per = macro_f1([g for g, _ in stance], [p for _, p in stance])
        lines["stance"] = f"stance macro-F1 {m:.4f} (per class {', '.join(f'{x:.3f}' for x in per)})"
    if claims:
        p, r, f1 = f1_at([g for g, _ in claims], [s for _, s in claims], threshold)
        lines["claims"] = f"claims P {p:.4f} R {r:.4f} F1 {f1:.4f}"
    if spans:
        gold, score = [g for g, _ in spans], [x for _, x in spans]
        t = span_threshold if span_threshold is not None else best_threshold(gold, score)
        p, r, f1 = f1_at(gold, score, t)
        lines["spans"] = f"span tokens P {p:.4f} R {r:.4f} F1 {f1:.4f} at {t:.4f}"
    if cues:
        gold, score = [g for g, _ in cues], [x for _, x in cues]
        t = best_threshold(gold, score)
        p, r, f1 = f1_at(gold, score, t)
        lines["cues"] = f"cue tokens P {p:.4f} R {r:.4f} F1 {f1:.4f} at {t:.4f}"
    if roles:
        # micro-F1 of the roles other than "other", around gold cues (a proxy: PolNeAR's figures
        # come from AttributionModel's decoding, `presslens eval attribution`)
        tp = sum(1 for g, p in roles if g == p and g != 0)
        fp = sum(1 for g, p in roles if p != 0 and g != p)
        fn = sum(1 for g, p in roles if g != 0 and g != p)
        lines["roles"] = f"role tokens (around gold cues) micro-F1 {2 * tp / max(1, 2 * tp + fp + fn):.4f}"
    return lines


def load_fit(path):
    """A saved fit (finetuned.pt): the trunk, the heads and the saved dictionary."""
    saved = torch.load(path)
    encoder = minilm.MiniLM()
    encoder.load_state_dict({k: v.float() for k, v in saved["encoder"].items()})
    encoder.eval()
    heads = Heads("attribution" in saved.get("tasks", []))
    heads.load_state_dict({k: v.float() for k, v in saved["heads"].items()})
    return Trunk(encoder, 0), heads, saved


def evaluate(path, data):
    """The dev figures of a saved fit (finetuned.pt), in fp32 and as the int8 graph computes."""
    trunk, heads, saved = load_fit(path)
    for split in ["dev", "dev-test"]:
        part = [e for e in data if e["split"] == split]
        if part:
            # the thresholds the fit chose: never ones chosen on the split scored here
            score_split(trunk, heads, split, part, False, saved["threshold"], saved.get("span_threshold", 0.5))


def rechoose_held_out(path, held_out):
    """For a fit saved before fits chose their thresholds on the fold they leave out: scores that
    fold, chooses the thresholds there as score_held_out does, and writes them into the fit."""
    trunk, heads, saved = load_fit(path)
    notes = saved["notes"]
    saved["threshold"], saved["span_threshold"], _ = score_held_out(trunk, heads, held_out, False, notes)
    torch.save(saved, path)
    log(f"thresholds written into {path}")


def score_held_out(trunk, heads, held_out, int8_aware, notes, given=None):
    """Scores the train fold a fit left out, its figures into notes. Unless given, the
    check-worthiness and span thresholds are chosen on the fold's int8 scores (the arithmetic that
    ships), as --cv chooses them on out-of-fold ones. Returns the two thresholds and the int8 outputs."""
    outputs, outputs8 = predict_both(trunk, heads, held_out, int8_aware)
    if given is None:
        _, claims, spans, _, _ = scores(held_out, outputs8)
        given = (best_threshold([g for g, _ in claims], [s for _, s in claims]) if claims else 0.5,
                 best_threshold([g for g, _ in spans], [x for _, x in spans]) if spans else 0.5)
        notes["thresholds"] = (f"check-worthiness {given[0]:.4f}, span tokens {given[1]:.4f}:"
                               " the best F1 on the held-out fold (int8)")
    figures, _ = score_split(trunk, heads, "held-out", held_out, int8_aware, *given, (outputs, outputs8))
    for name, task, line in figures:
        notes[f"held-out {task}" + ("" if name == "int8" else " fp32")] = line + f" ({name}, in this script)"
    return given[0], given[1], outputs8


def score_split(trunk, heads, split, part, int8_aware, threshold, span_threshold, predicted=None):
    """Logs a split's figures in fp32 and int8; returns (name, task, line) of each and the int8
    outputs. predicted: the split's (fp32, int8) outputs when already computed."""
    outputs, outputs8 = predicted or predict_both(trunk, heads, part, int8_aware)
    figures = []
    for name, outs in (("fp32", outputs), ("int8", outputs8)):
        for task, line in describe(*scores(part, outs), threshold, span_threshold).items():
            log(f"{split} {line} ({name})")
            figures.append((name, task, line))
    return figures, outputs8


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--data", required=True)
    ap.add_argument("--weights", required=True)
    ap.add_argument("--out", required=True)
    ap.add_argument("--tasks", default="stance,claims", help="which tasks to train on together")
    ap.add_argument("--train-from", type=int, default=0,
                    help="first layer trained: 0 fine-tunes the whole encoder, 4 its top two layers, 6 only the heads")
    ap.add_argument("--cv", action="store_true", help="cross-validate on train before the final fit")
    ap.add_argument("--folds", default="0,1,2,3,4", help="the folds cross-validation holds out, one at a time (of 5; of 3 for spans; of 10 for attribution)")
    ap.add_argument("--cv-only", action="store_true", help="stop after cross-validation (a measurement)")
    ap.add_argument("--epochs", type=int, default=3)
    ap.add_argument("--lr", type=float, default=5e-5)
    ap.add_argument("--head-lr", type=float, default=1e-3)
    ap.add_argument("--batch", type=int, default=32)
    ap.add_argument("--seed", type=int, default=13)
    ap.add_argument("--threads", type=int, default=os.cpu_count() or 1)
    ap.add_argument("--threshold", type=float, default=None, help="claims threshold, when --cv is not run")
    ap.add_argument("--int8-aware", action="store_true",
                    help="fine-tune through the int8 graph's rounding (simulated, straight-through): quantisation-aware")
    ap.add_argument("--exclude-fold", type=int, default=None,
                    help="the final fit leaves this train fold of every task out, scores it and (without --cv or --threshold) chooses the"
                         " thresholds on it. With --evaluate: choose them so for a saved fit")
    ap.add_argument("--evaluate", metavar="FINETUNED_PT",
                    help="fit nothing: score a saved fit on the dev splits of --data, fp32 and int8 (simulated)")
    ap.add_argument("--limit", type=int, default=None, help="a smoke test: the first N examples of each task and split")
    args = ap.parse_args()
    torch.set_num_threads(args.threads)
    os.makedirs(args.out, exist_ok=True)
    tasks = set(args.tasks.split(","))
    data = [e for e in read(args.data) if e["task"] in tasks]
    if args.limit:
        kept, seen = [], {}
        for e in data:
            key = (e["task"], e["split"])
            seen[key] = seen.get(key, 0) + 1
            if seen[key] <= args.limit:
                kept.append(e)
        data = kept
    train = [e for e in data if e["split"] == "train"]
    if args.evaluate:
        if args.exclude_fold is not None:
            rechoose_held_out(args.evaluate, [e for e in train if e["fold"] == args.exclude_fold])
        else:
            evaluate(args.evaluate, data)
        return
    setting = (f"tasks {args.tasks}, layers {args.train_from}-5 trained" if args.train_from < 6 else f"tasks {args.tasks}, heads only") + \
              f", lr {args.lr}, heads {args.head_lr}, {args.epochs} epochs, batch {args.batch}, seed {args.seed}" + \
              (", int8-aware" if args.int8_aware else "")
    log(f"{len(data)} examples, {len(train)} train; {setting}; {args.threads} threads")
    notes = {"method": f"all-MiniLM-L6-v2 fine-tuned ({setting})",
             "trainer": "training/finetune.py over presslens train encoder-data"}
    threshold = args.threshold if args.threshold is not None else 0.5
    span_threshold = 0.5
    if args.cv:
        started = time.time()
        folds = [int(f) for f in args.folds.split(",")]
        oof, oof8 = {}, {}
        for fold in folds:
            fit_on = [e for e in train if e["fold"] != fold]
            held = [i for i, e in enumerate(train) if e["fold"] == fold]
            if not held:
                continue
            trunk, heads = fit(fit_on, args, args.seed)
            outputs, outputs8 = predict_both(trunk, heads, [train[i] for i in held], args.int8_aware)
            for i, o, o8 in zip(held, outputs, outputs8):
                oof[i], oof8[i] = o, o8
            stance, claims = scores([train[i] for i in held], outputs)[:2]
            if stance:
                log(f"fold {fold} stance macro-F1 {macro_f1([g for g, _ in stance], [p for _, p in stance])[0]:.4f}")
            log(f"fold {fold} done, {time.time() - started:.0f} s")
        done = sorted(oof)
        summaries = {}
        # int8 last: the claims threshold and the span scores are those of the arithmetic that ships
        for name, outs in (("fp32", oof), ("int8", oof8)):
            stance, claims, spans, cues, roles = scores([train[i] for i in done], [outs[i] for i in done])
            if claims:
                threshold = best_threshold([g for g, _ in claims], [s for _, s in claims])
            if spans:
                span_threshold = best_threshold([g for g, _ in spans], [x for _, x in spans])
                write_span_scores(os.path.join(args.out, "oof-spans.jsonl.gz"), [train[i] for i in done], [outs[i] for i in done])
            summary = describe(stance, claims, spans, cues, roles, threshold)
            if claims:
                summary["claims"] += f" at {threshold:.4f}"
            summaries[name] = "; ".join(summary.values())
        summary = " | ".join(f"{k}: {v}" for k, v in summaries.items())
        log(f"CV (folds {args.folds} held out, {time.time() - started:.0f} s): " + summary)
        notes["cross-validated"] = summary + f" (out-of-fold on folds {args.folds}: of 5, of 3 for spans, of 10 for attribution)"
        if args.cv_only:
            return
    started = time.time()
    held_out = []
    if args.exclude_fold is not None:
        held_out = [e for e in train if e["fold"] == args.exclude_fold]
        train = [e for e in train if e["fold"] != args.exclude_fold]
        notes["held out"] = f"train fold {args.exclude_fold} ({len(held_out)} examples) left out of the fit"
    trunk, heads = fit(train, args, args.seed)
    notes["final fit"] = f"{(time.time() - started) / 60:.1f} minutes on {args.threads} CPU threads"
    if held_out:
        given = (threshold, span_threshold) if args.cv or args.threshold is not None else None
        threshold, span_threshold, outputs8 = score_held_out(trunk, heads, held_out, args.int8_aware, notes, given)
        write_span_scores(os.path.join(args.out, "held-out-spans.jsonl.gz"), held_out, outputs8)
    # Dev stays unscored here: PressLens scores the shipped int8 graph on it once, at the end
    # (--evaluate scores a saved fit on dev, for a recipe that will not ship).
    torch.save({"encoder": trunk.encoder.state_dict(), "heads": heads.state_dict(), "tasks": sorted(tasks), "notes": notes,
                "threshold": threshold, "span_threshold": span_threshold},
               os.path.join(args.out, "finetuned.pt"))
    log(f"wrote {os.path.join(args.out, 'finetuned.pt')}")


if __name__ == "__main__":
    main()
