#!/usr/bin/python3
"""Independent reference for Mnemo's training methods (fixture generator).

Reuses the tiny Llama model of ``reference_llama.py`` (same weights, batch,
loss mask and forward pass, plain PyTorch, no ``transformers``/``peft``) and
writes fixtures for LoRA, a KL term to a frozen reference, the diagonal
Fisher with EWC, and the logit lens with teacher-forced scores. Everything is
float32.

Common definitions
------------------
* "base" weights: ``build_params()`` (= ``tiny-gqa/model.safetensors``).
* "after-3-steps" weights: read from ``tiny-gqa/after-3-steps.safetensors``
  (the committed fixture; not recomputed).
* Data: ``build_inputs()``: ``ids`` [3, 12] and ``loss_mask`` [3, 12] of
  ``tiny-gqa/expected.json``. Position t predicts ``ids[b, t+1]``; the
  "scored positions" of row b are the t with ``loss_mask[b, t] == 1``.
* ``masked_loss``: sum(ce * mask) / sum(mask) over the whole batch.
* Gradient norms: per parameter the float32 L2 norm of its gradient; the
  global norm is sqrt of the sum (in float64, names sorted) of the squared
  float32 gradient entries, as in ``reference_llama.py``.

1. LoRA (``lora.json``, ``lora-adapters.safetensors``,
   ``lora-after-1-step.safetensors``)
   PEFT convention: for a targeted linear layer with weight W (out, in),
   ``lora_A`` (r, in), ``lora_B`` (out, r)::

       y = x @ W^T + (alpha / r) * ((x @ A^T) @ B^T)

   r = 4, alpha = 8 (scale 2). Targets: q_proj, v_proj, o_proj, up_proj,
   down_proj in every layer (not k_proj, not gate_proj). After
   ``torch.manual_seed(777)``, in the order layer 0 (q A, q B, v A, v B,
   o A, o B, up A, up B, down A, down B), then layer 1: each tensor is
   ``0.1 * torch.randn(shape)`` (B is non-zero on purpose). Base weights are
   frozen; only the adapters get gradients. ``lora.json``: ``rank``,
   ``alpha``, ``scale``, ``targets``, ``logits`` [3][12][300] (adapters
   applied, unmerged), ``loss`` (``masked_loss``), ``grad_norms`` {PEFT
   adapter name: L2 norm of its gradient}, ``grad_global_norm``,
   ``merged_logits_max_abs_diff`` (max |logits unmerged - logits of the
   merged weights W + scale * B @ A|, a sanity value), then ONE step of
   ``torch.optim.AdamW`` over the adapters only (lr 1e-2, betas (0.9, 0.95),
   eps 1e-8, weight_decay 0.1 on every adapter, ``clip_grad_norm_`` of the
   adapter gradients to 1.0 before the step; ``clip_total_norm`` is the norm
   it returns) and ``loss_after_step`` (same batch, updated adapters).
   Adapter tensors are saved under PEFT's names, e.g.
   ``base_model.model.model.layers.0.self_attn.q_proj.lora_A.weight``,
   ``base_model.model.model.layers.0.mlp.up_proj.lora_B.weight``.

2. KL to a frozen reference (``kl.json``, ``kl-gradient.safetensors``)
   Reference = base weights (no gradient), current = after-3-steps weights.
   Over the scored positions: ``p_ref = softmax(ref logits)``,
   ``KL_t = sum_v p_ref[v] * (log_softmax(ref)[v] - log_softmax(cur)[v])``
   (forward KL(p_ref || p_cur)); the term is the mean of KL_t over all scored
   positions of the batch: sum(KL * mask) / sum(mask). ``kl.json``: ``kl``,
   ``kl_per_position`` [3][12] (0 where unscored), ``grad_norms`` {HF name:
   L2 norm of d kl / d current parameter}, ``grad_global_norm``;
   ``kl-gradient.safetensors``: the full gradients under HF names.

3. Diagonal Fisher and EWC (``fisher.json``, ``fisher.safetensors``,
   ``ewc.json``, ``ewc-gradient.safetensors``)
   Fisher of the base model, each row one "fact": for row b alone (a batch
   of one, shape [1, 12]), ``L_b = sum over row b's scored t of
   log_softmax(logits[t])[ids[b, t+1]]`` and ``g_b = dL_b / dtheta``;
   ``F = (g_0^2 + g_1^2 + g_2^2) / 3`` elementwise (float32, summed in row
   order, then divided by 3). ``fisher.safetensors``: F under HF names;
   ``fisher.json``: ``rows`` (3), ``row_log_likelihoods`` [3] (L_b),
   ``sum`` {HF name: sum of F's entries (float64 sum of the float32
   entries)}.
   EWC: anchor theta* = base weights, theta = after-3-steps weights,
   lambda = 50, ``penalty = (lambda / 2) * sum_i F_i * (theta_i - theta*_i)^2``
   over every parameter (float32: per-parameter sums added in model order).
   ``ewc.json``: ``lambda``, ``penalty``, ``grad_norms`` {HF name: L2 norm
   of d penalty / d theta = lambda * F * (theta - theta*)},
   ``grad_global_norm``; ``ewc-gradient.safetensors``: the full gradients.

4. Logit lens and teacher-forced scores (``lens.json``), base model
   For row b, p_b = its first scored position (the last prompt position),
   gold g_b = ``ids[b, p_b + 1]``. h_0 = the embedding output, h_l = the
   residual stream after decoder layer l (l = 1..L, L = 2), from the full
   [3, 12] batch run together (causal). For l in 0..L:
   ``logits_l = lm_head(rms_norm(h_l[b, p_b], model.norm.weight, eps))``,
   ``prob_l = softmax(logits_l)[g_b]``, ``top1_l = argmax(logits_l) == g_b``
   (l = L is the model's own output). Computed as ``forward`` with
   ``num_hidden_layers = l``, which runs exactly the first l layers and then
   the final norm and lm_head. ``lens.json``: ``positions`` [3] (p_b),
   ``gold`` [3], ``probabilities`` [3][L+1], ``top1`` [3][L+1] (booleans),
   ``argmax`` [3][L+1] (the top token ids); teacher-forced over row b's
   scored positions of the full-batch logits: ``mean_log_prob`` [3] (mean of
   log_softmax(logits)[target]) and ``token_accuracy`` [3] (fraction of
   scored positions whose argmax is the target). The same fields for the
   after-3-steps weights are under ``after_3_steps`` (the base model is
   random, so its top-1 hits are all false; the trained one has some).

How to run
----------
From the repository root, with Debian's interpreter (``python3-torch``)::

    /usr/bin/python3 lm/src/test/python/reference_methods.py

Deterministic (one thread, fixed seeds): running it twice gives
byte-identical files. The script pins OpenBLAS's kernel
(``OPENBLAS_CORETYPE=Prescott``, set before torch loads) because the float32
matrix products round differently with other kernels; the committed
``tiny-gqa`` fixture was made with that kernel too.

Outputs: ``lm/src/test/resources/reference/methods/``. JSON floats are the
``repr`` of the float64 value of each float32 number; safetensors are F32,
written by ``reference_llama.write_safetensors`` (tensors sorted by name).
"""

import os

# Before torch (and with it OpenBLAS) is loaded: a fixed GEMM kernel, so the
# float32 products round the same on every x86-64 machine.
os.environ["OPENBLAS_CORETYPE"] = "Prescott"

import hashlib  # noqa: E402
import json  # noqa: E402
import math  # noqa: E402
import sys  # noqa: E402

import torch  # noqa: E402
import torch.nn.functional as F  # noqa: E402

sys.dont_write_bytecode = True                 # no __pycache__ next to the sources
sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from reference_llama import (  # noqa: E402
    CONFIG, build_inputs, build_params, forward, masked_loss, param_shapes,
    read_safetensors, write_safetensors)

SCRIPT = "lm/src/test/python/reference_methods.py"
HERE = os.path.dirname(os.path.abspath(__file__))
REF_DIR = os.path.normpath(os.path.join(HERE, "..", "resources", "reference"))
TINY_DIR = os.path.join(REF_DIR, "tiny-gqa")
OUT_DIR = os.path.join(REF_DIR, "methods")

LORA_SEED = 777
LORA_RANK = 4
LORA_ALPHA = 8
LORA_STD = 0.1
LORA_TARGETS = ("q_proj", "v_proj", "o_proj", "up_proj", "down_proj")
LORA_LR = 1e-2
LORA_BETAS = (0.9, 0.95)
LORA_EPS = 1e-8
LORA_WEIGHT_DECAY = 0.1
LORA_MAX_GRAD_NORM = 1.0

EWC_LAMBDA = 50.0


# -------------------------------------------------------------------- helpers

def floats(t):
    """Nested lists of Python floats (float64 repr of the float32 values)."""
    return t.detach().to(torch.float64).tolist()


def norms(grads):
    """({name: float32 L2 norm}, sqrt of the float64 sum of squares, names sorted)."""
    per, total = {}, 0.0
    for name in sorted(grads):
        g = grads[name].detach()
        total += float((g.to(torch.float64) ** 2).sum())
        per[name] = float(torch.linalg.vector_norm(g))
    return per, math.sqrt(total)


def model_order(cfg=CONFIG):
    return [name for name, _, _ in param_shapes(cfg)]


def module_path(layer, module):
    group = "self_attn" if module in ("q_proj", "k_proj", "v_proj", "o_proj") else "mlp"
    return "model.layers.%d.%s.%s" % (layer, group, module)


def scored(mask, b):
    """Scored positions of row b, increasing."""
    return [t for t in range(mask.shape[1]) if float(mask[b, t]) == 1.0]


def write_json(path, obj, compact=False):
    with open(path, "w") as f:
        if compact:
            json.dump(obj, f, separators=(",", ":"))
        else:
            json.dump(obj, f, indent=2)
        f.write("\n")


# ----------------------------------------------------------------------- LoRA

def build_lora(base, cfg=CONFIG):
    """[(peft A name, peft B name, HF weight name, A, B)] in the init order."""
    torch.manual_seed(LORA_SEED)
    out = []
    for i in range(cfg["num_hidden_layers"]):
        for module in LORA_TARGETS:
            path = module_path(i, module)
            w = base[path + ".weight"]
            n_out, n_in = w.shape
            a = LORA_STD * torch.randn((LORA_RANK, n_in), dtype=torch.float32)
            b = LORA_STD * torch.randn((n_out, LORA_RANK), dtype=torch.float32)
            peft = "base_model.model." + path
            out.append((peft + ".lora_A.weight", peft + ".lora_B.weight", path + ".weight", a, b))
    return out


def lora_map(adapters, scale):
    return {hf: (a, b, scale) for _, _, hf, a, b in adapters}


def lora_tensors(adapters):
    out = {}
    for name_a, name_b, _, a, b in adapters:
        out[name_a] = a.detach().clone()
        out[name_b] = b.detach().clone()
    return out


def run_lora(base, ids, mask, out_dir):
    scale = LORA_ALPHA / LORA_RANK
    adapters = build_lora(base)
    write_safetensors(os.path.join(out_dir, "lora-adapters.safetensors"), lora_tensors(adapters))
    for _, _, _, a, b in adapters:
        a.requires_grad_(True)
        b.requires_grad_(True)

    logits = forward(base, ids, lora=lora_map(adapters, scale))
    loss = masked_loss(logits, ids, mask)
    loss.backward()
    grads = {}
    for name_a, name_b, _, a, b in adapters:
        grads[name_a] = a.grad
        grads[name_b] = b.grad
    grad_norms, grad_global = norms(grads)

    with torch.no_grad():
        merged = dict(base)
        for _, _, hf, a, b in adapters:
            merged[hf] = base[hf] + scale * (b @ a)
        merged_diff = float((logits.detach() - forward(merged, ids)).abs().max())

    ordered = [t for _, _, _, a, b in adapters for t in (a, b)]
    opt = torch.optim.AdamW(ordered, lr=LORA_LR, betas=LORA_BETAS, eps=LORA_EPS,
                            weight_decay=LORA_WEIGHT_DECAY, amsgrad=False, foreach=False)
    clip_total = float(torch.nn.utils.clip_grad_norm_(ordered, LORA_MAX_GRAD_NORM))
    opt.step()
    with torch.no_grad():
        loss_after = float(masked_loss(forward(base, ids, lora=lora_map(adapters, scale)), ids, mask))
    write_safetensors(os.path.join(out_dir, "lora-after-1-step.safetensors"), lora_tensors(adapters))

    result = {
        "rank": LORA_RANK,
        "alpha": LORA_ALPHA,
        "scale": scale,
        "targets": list(LORA_TARGETS),
        "init": {"seed": LORA_SEED, "std": LORA_STD,
                 "order": "per layer, per target in 'targets' order: A then B"},
        "logits": floats(logits),
        "loss": float(loss.detach()),
        "grad_norms": grad_norms,
        "grad_global_norm": grad_global,
        "merged_logits_max_abs_diff": merged_diff,
        "optimizer": {"lr": LORA_LR, "betas": list(LORA_BETAS), "eps": LORA_EPS,
                      "weight_decay": LORA_WEIGHT_DECAY, "max_grad_norm": LORA_MAX_GRAD_NORM},
        "clip_total_norm": clip_total,
        "loss_after_step": loss_after,
        "torch_version": torch.__version__,
        "script": SCRIPT,
    }
    write_json(os.path.join(out_dir, "lora.json"), result, compact=True)
    return result


# ------------------------------------------------------------------------- KL

def kl_per_position(ref_logits, cur_logits):
    """KL(p_ref || p_cur) at every position, [B, T]."""
    p_ref = torch.softmax(ref_logits, dim=-1)
    return (p_ref * (torch.log_softmax(ref_logits, dim=-1) - torch.log_softmax(cur_logits, dim=-1))).sum(-1)


def run_kl(base, after, ids, mask, out_dir):
    with torch.no_grad():
        ref_logits = forward(base, ids)
    cur = {k: v.detach().clone().requires_grad_(True) for k, v in after.items()}
    kl_t = kl_per_position(ref_logits, forward(cur, ids))
    term = (kl_t * mask).sum() / mask.sum()
    term.backward()
    grads = {k: v.grad for k, v in cur.items()}
    grad_norms, grad_global = norms(grads)
    write_safetensors(os.path.join(out_dir, "kl-gradient.safetensors"), grads)
    result = {
        "reference": "tiny-gqa/model.safetensors",
        "current": "tiny-gqa/after-3-steps.safetensors",
        "kl": float(term.detach()),
        "kl_per_position": floats(kl_t * mask),
        "grad_norms": grad_norms,
        "grad_global_norm": grad_global,
        "torch_version": torch.__version__,
        "script": SCRIPT,
    }
    write_json(os.path.join(out_dir, "kl.json"), result)
    return result


# ---------------------------------------------------------------- Fisher, EWC

def row_log_likelihood(params, ids, mask, b):
    """L_b: sum over row b's scored t of log_softmax(logits[t])[ids[b, t+1]], row b alone."""
    logp = torch.log_softmax(forward(params, ids[b:b + 1])[0], dim=-1)     # [T, V]
    ts = torch.tensor(scored(mask, b), dtype=torch.int64)
    return logp[ts, ids[b, ts + 1]].sum()


def diagonal_fisher(base, ids, mask):
    order = model_order()
    params = {k: v.detach().clone().requires_grad_(True) for k, v in base.items()}
    plist = [params[n] for n in order]
    acc = {n: torch.zeros_like(params[n]) for n in order}
    lls = []
    for b in range(ids.shape[0]):
        ll = row_log_likelihood(params, ids, mask, b)
        grads = torch.autograd.grad(ll, plist)
        for n, g in zip(order, grads):
            acc[n] = acc[n] + g * g
        lls.append(float(ll.detach()))
    rows = ids.shape[0]
    return {n: acc[n] / rows for n in order}, lls


def run_fisher_ewc(base, after, ids, mask, out_dir):
    fisher, lls = diagonal_fisher(base, ids, mask)
    write_safetensors(os.path.join(out_dir, "fisher.safetensors"), fisher)
    fisher_json = {
        "rows": ids.shape[0],
        "row_log_likelihoods": lls,
        "sum": {n: float(fisher[n].to(torch.float64).sum()) for n in sorted(fisher)},
        "torch_version": torch.__version__,
        "script": SCRIPT,
    }
    write_json(os.path.join(out_dir, "fisher.json"), fisher_json)

    theta = {k: v.detach().clone().requires_grad_(True) for k, v in after.items()}
    penalty = None
    for n in model_order():
        term = (fisher[n] * (theta[n] - base[n]) ** 2).sum()
        penalty = term if penalty is None else penalty + term
    penalty = (EWC_LAMBDA / 2.0) * penalty
    penalty.backward()
    grads = {k: v.grad for k, v in theta.items()}
    grad_norms, grad_global = norms(grads)
    write_safetensors(os.path.join(out_dir, "ewc-gradient.safetensors"), grads)
    ewc_json = {
        "lambda": EWC_LAMBDA,
        "anchor": "tiny-gqa/model.safetensors",
        "current": "tiny-gqa/after-3-steps.safetensors",
        "penalty": float(penalty.detach()),
        "grad_norms": grad_norms,
        "grad_global_norm": grad_global,
        "torch_version": torch.__version__,
        "script": SCRIPT,
    }
    write_json(os.path.join(out_dir, "ewc.json"), ewc_json)
    return fisher_json, ewc_json


# ----------------------------------------------------------------------- lens

def lens_scores(params, ids, mask, cfg=CONFIG):
    n_layers = cfg["num_hidden_layers"]
    rows = ids.shape[0]
    positions = [scored(mask, b)[0] for b in range(rows)]
    gold = [int(ids[b, positions[b] + 1]) for b in range(rows)]
    probs = [[None] * (n_layers + 1) for _ in range(rows)]
    top1 = [[None] * (n_layers + 1) for _ in range(rows)]
    argmax = [[None] * (n_layers + 1) for _ in range(rows)]
    with torch.no_grad():
        for layer in range(n_layers + 1):
            logits = forward(params, ids, dict(cfg, num_hidden_layers=layer))
            for b in range(rows):
                row = logits[b, positions[b]]
                top = int(torch.argmax(row))
                probs[b][layer] = float(torch.softmax(row, dim=-1)[gold[b]])
                top1[b][layer] = top == gold[b]
                argmax[b][layer] = top
        logits = forward(params, ids, cfg)
        logp = torch.log_softmax(logits, dim=-1)
        mean_lp, acc = [], []
        for b in range(rows):
            ts = torch.tensor(scored(mask, b), dtype=torch.int64)
            targets = ids[b, ts + 1]
            mean_lp.append(float(logp[b, ts, targets].mean()))
            hits = sum(1 for t, y in zip(ts.tolist(), targets.tolist()) if int(torch.argmax(logits[b, t])) == y)
            acc.append(hits / len(ts))
    return {
        "positions": positions,
        "gold": gold,
        "probabilities": probs,
        "top1": top1,
        "argmax": argmax,
        "mean_log_prob": mean_lp,
        "token_accuracy": acc,
    }


def run_lens(base, after, ids, mask, out_dir):
    result = dict(lens_scores(base, ids, mask))
    result["layers"] = CONFIG["num_hidden_layers"]
    result["after_3_steps"] = lens_scores(after, ids, mask)
    result["torch_version"] = torch.__version__
    result["script"] = SCRIPT
    write_json(os.path.join(out_dir, "lens.json"), result)
    return result


# ----------------------------------------------------------------------- main

OUTPUTS = ("lora.json", "lora-adapters.safetensors", "lora-after-1-step.safetensors",
           "kl.json", "kl-gradient.safetensors",
           "fisher.json", "fisher.safetensors", "ewc.json", "ewc-gradient.safetensors",
           "lens.json")


def main():
    torch.set_num_threads(1)                           # fixed reduction order
    out_dir = OUT_DIR
    os.makedirs(out_dir, exist_ok=True)

    base = build_params()
    ids, mask = build_inputs()
    after = read_safetensors(os.path.join(TINY_DIR, "after-3-steps.safetensors"))
    assert sorted(after) == sorted(base)

    lora = run_lora(base, ids, mask, out_dir)
    kl = run_kl(base, after, ids, mask, out_dir)
    fisher, ewc = run_fisher_ewc(base, after, ids, mask, out_dir)
    lens = run_lens(base, after, ids, mask, out_dir)

    for fn in OUTPUTS:
        path = os.path.join(out_dir, fn)
        with open(path, "rb") as f:
            digest = hashlib.sha256(f.read()).hexdigest()
        print("%s  %s  (%d bytes)" % (digest, path, os.path.getsize(path)))
    print("lora loss = %r, loss_after_step = %r, grad_global_norm = %r, merged diff = %r"
          % (lora["loss"], lora["loss_after_step"], lora["grad_global_norm"],
             lora["merged_logits_max_abs_diff"]))
    print("kl = %r, grad_global_norm = %r" % (kl["kl"], kl["grad_global_norm"]))
    print("fisher row log-likelihoods = %r, total sum = %r"
          % (fisher["row_log_likelihoods"], sum(fisher["sum"].values())))
    print("ewc penalty = %r, grad_global_norm = %r" % (ewc["penalty"], ewc["grad_global_norm"]))
    print("lens probabilities = %r, top1 = %r" % (lens["probabilities"], lens["top1"]))
    return 0


if __name__ == "__main__":
    sys.exit(main())
