#!/usr/bin/python3
"""Independent reference for Mnemo's Llama implementation (fixture generator).

What it does
------------
Builds a tiny random Llama-family decoder with grouped key/value heads (GQA),
written from the math in plain PyTorch (no ``transformers``), computing exactly
what Hugging Face's ``LlamaForCausalLM`` computes:

    x = embed_tokens[ids]
    for each layer:
        x = x + o_proj(attn(input_layernorm(x)))
        h = post_attention_layernorm(x)
        x = x + down_proj(silu(gate_proj(h)) * up_proj(h))
    logits = lm_head(norm(x))

* RMSNorm: ``x * rsqrt(mean(x^2, -1) + eps) * weight`` (float32).
* Rotary embedding, Hugging Face "rotate_half" layout:
  ``inv_freq = 1 / theta^(arange(0, hd, 2) / hd)``, ``freqs = pos (x) inv_freq``,
  ``emb = cat(freqs, freqs)``, ``q' = q*cos(emb) + rotate_half(q)*sin(emb)`` with
  ``rotate_half(x) = cat(-x[..., hd/2:], x[..., :hd/2])``; positions 0..T-1.
  Applied to q and k (not v), per head.
* Attention: H query heads, KV key/value heads; query head ``h`` uses kv head
  ``h // (H / KV)``. Scores scaled by ``1/sqrt(hd)``, causal mask, softmax.
  No biases anywhere. Untied ``lm_head``.
* Loss: ``targets[:, t] = ids[:, t+1]`` (the last position has no target and
  its mask is 0). Token cross-entropy of ``logits[:, t]`` against
  ``targets[:, t]``; loss = sum(ce * mask) / sum(mask) over the whole batch.

Weights are float32, drawn after ``torch.manual_seed(1234)`` in a fixed order
(see ``build_params``): normal(0, 0.05) for matrices, ``1 + 0.1*normal`` for
norm weights. Inputs come from a separate ``torch.Generator`` seeded 4321.

Training trajectory (``train_reference``): from the same initial weights, on
the same batch and loss mask, 3 steps of ``torch.optim.AdamW`` (single-tensor
implementation, the default on CPU in torch 1.13), lr 1e-2 constant, betas
(0.9, 0.95), eps 1e-8, two parameter groups: weight_decay 0.1 on every 2-D
parameter (embedding, q/k/v/o, gate/up/down, lm_head) and 0.0 on the 1-D
RMSNorm weights. Each step: zero the gradients, forward, masked loss,
backward, ``torch.nn.utils.clip_grad_norm_(all params, 1.0)`` (total norm =
float32 L2 norm of the per-parameter L2 norms, params in model order; grads
scaled by ``min(1, 1.0 / (total + 1e-6))``), then ``opt.step()``, which is
per parameter, with step s = 1, 2, 3::

    p *= 1 - lr*wd
    m  = b1*m + (1-b1)*g
    v  = b2*v + (1-b2)*g^2
    p -= lr/(1-b1^s) * m / (sqrt(v)/sqrt(1-b2^s) + eps)

How to run
----------
From the repository root, with Debian's interpreter (``apt-get install -y
python3-torch``; needs only torch and the standard library)::

    /usr/bin/python3 lm/src/test/python/reference_llama.py

It is deterministic: running it twice gives byte-identical files.

Outputs (``lm/src/test/resources/reference/tiny-gqa/``)
------------------------------------------------------
* ``config.json``       Hugging Face Llama config of the tiny model.
* ``model.safetensors`` all weights, float32, HF names, written by hand
                        (8-byte LE header length, JSON header padded with
                        spaces to a multiple of 8, raw LE tensor bytes;
                        tensors sorted by name).
* ``expected.json``     reference outputs:
    - ``input_ids``            [3][12] ints in [0, 256)
    - ``loss_mask``            [3][12] floats (1.0 on the last 4, 5, 3 positions
                               that have a target, i.e. ending at t = T-2)
    - ``logits``               [3][12][300] float32 logits of the full batch
    - ``logits_row0_prefix7``  [7][300] logits of row 0 alone, first 7 tokens
    - ``loss``                 masked mean cross-entropy (float32 computation)
    - ``grad_global_norm``     sqrt of the sum over all parameters of the
                               squared float32 gradients (summed in float64)
    - ``grad_norms``           {HF name: L2 norm of that parameter's gradient}
    - ``torch_version``, ``script``
  Floats are ``repr`` of the float64 value of each float32 number.
* ``training.json``     the AdamW trajectory above (indented JSON):
    - ``lr``, ``betas``, ``eps``, ``weight_decay_matrices``,
      ``weight_decay_norms``, ``max_grad_norm``, ``steps`` (3)
    - ``losses``                 4 values: the loss before step 1 (equal to
                                 ``expected.json``'s ``loss``), before step 2,
                                 before step 3, and after step 3
    - ``grad_norms_before_clip`` 3 values: the total norm returned by
                                 ``clip_grad_norm_`` at each step
    - ``weight_norms_after``     {HF name: L2 norm of the parameter after 3 steps}
    - ``torch_version``, ``script``
* ``after-3-steps.safetensors`` all parameters after the 3 steps, float32,
                        same names and hand-written format as ``model.safetensors``.

Importable: ``build_params``, ``forward``, ``masked_loss``, ``read_safetensors``,
``train_reference`` are reused by throwaway checks (round trip, finite
differences, a hand-written AdamW update) and by ``reference_methods.py``
(``forward(..., lora=...)`` applies unmerged LoRA adapters).
"""

import hashlib
import json
import math
import os
import struct
import sys

import torch
import torch.nn.functional as F

SCRIPT = "lm/src/test/python/reference_llama.py"
# resolved from this file, so the script also works from another working directory
OUT_DIR = os.path.normpath(os.path.join(os.path.dirname(os.path.abspath(__file__)),
                                       "..", "resources", "reference", "tiny-gqa"))

CONFIG = {
    "architectures": ["LlamaForCausalLM"],
    "attention_bias": False,
    "bos_token_id": 256,
    "eos_token_id": 257,
    "hidden_act": "silu",
    "hidden_size": 64,
    "initializer_range": 0.05,
    "intermediate_size": 176,
    "max_position_embeddings": 64,
    "model_type": "llama",
    "num_attention_heads": 4,
    "num_hidden_layers": 2,
    "num_key_value_heads": 2,
    "rms_norm_eps": 1e-05,
    "rope_scaling": None,
    "rope_theta": 10000.0,
    "tie_word_embeddings": False,
    "torch_dtype": "float32",
    "vocab_size": 300,
}

WEIGHT_SEED = 1234
INPUT_SEED = 4321
BATCH, SEQ = 3, 12
INPUT_VOCAB = 256            # ids drawn from [0, 256): byte-level tokens
MASKED_TAIL = (4, 5, 3)      # per row: number of trailing target positions in the loss
PREFIX = 7                   # second check: row 0 alone, first 7 tokens

# short AdamW trajectory (training.json, after-3-steps.safetensors)
TRAIN_STEPS = 3
TRAIN_LR = 1e-2              # constant, no schedule
TRAIN_BETAS = (0.9, 0.95)
TRAIN_EPS = 1e-8
TRAIN_WD_MATRICES = 0.1      # every 2-D parameter (embedding, projections, lm_head)
TRAIN_WD_NORMS = 0.0         # the 1-D RMSNorm weights
TRAIN_MAX_GRAD_NORM = 1.0


# ----------------------------------------------------------------- parameters

def param_shapes(cfg):
    """(name, shape, is_norm) in the fixed initialisation order."""
    d = cfg["hidden_size"]
    h = cfg["num_attention_heads"]
    kv = cfg["num_key_value_heads"]
    hd = d // h
    inter = cfg["intermediate_size"]
    v = cfg["vocab_size"]
    out = [("model.embed_tokens.weight", (v, d), False)]
    for i in range(cfg["num_hidden_layers"]):
        p = "model.layers.%d." % i
        out += [
            (p + "input_layernorm.weight", (d,), True),
            (p + "self_attn.q_proj.weight", (h * hd, d), False),
            (p + "self_attn.k_proj.weight", (kv * hd, d), False),
            (p + "self_attn.v_proj.weight", (kv * hd, d), False),
            (p + "self_attn.o_proj.weight", (d, h * hd), False),
            (p + "post_attention_layernorm.weight", (d,), True),
            (p + "mlp.gate_proj.weight", (inter, d), False),
            (p + "mlp.up_proj.weight", (inter, d), False),
            (p + "mlp.down_proj.weight", (d, inter), False),
        ]
    out += [("model.norm.weight", (d,), True), ("lm_head.weight", (v, d), False)]
    return out


def build_params(cfg=CONFIG):
    """Seeded float32 weights, as an ordered dict name -> tensor."""
    torch.manual_seed(WEIGHT_SEED)
    params = {}
    for name, shape, is_norm in param_shapes(cfg):
        w = torch.randn(shape, dtype=torch.float32)
        params[name] = (1.0 + 0.1 * w) if is_norm else (0.05 * w)
    return params


def build_inputs():
    """input_ids [B, T] (int64) and loss_mask [B, T] (float32)."""
    g = torch.Generator().manual_seed(INPUT_SEED)
    ids = torch.randint(0, INPUT_VOCAB, (BATCH, SEQ), generator=g, dtype=torch.int64)
    mask = torch.zeros(BATCH, SEQ, dtype=torch.float32)
    for b, k in enumerate(MASKED_TAIL):
        # last k positions that have a target: t = T-1-k .. T-2 (t = T-1 stays 0)
        mask[b, SEQ - 1 - k: SEQ - 1] = 1.0
    return ids, mask


# ---------------------------------------------------------------------- model

def rms_norm(x, weight, eps):
    return x * torch.rsqrt(x.pow(2).mean(-1, keepdim=True) + eps) * weight


def rotate_half(x):
    half = x.shape[-1] // 2
    return torch.cat((-x[..., half:], x[..., :half]), dim=-1)


def rope_cos_sin(seq, head_dim, theta, dtype):
    inv_freq = 1.0 / (theta ** (torch.arange(0, head_dim, 2, dtype=torch.int64).float() / head_dim))
    pos = torch.arange(seq, dtype=torch.int64).float()
    freqs = torch.outer(pos, inv_freq)                 # [T, hd/2], float32
    emb = torch.cat((freqs, freqs), dim=-1)            # [T, hd]
    return emb.cos().to(dtype), emb.sin().to(dtype)


def linear(x, params, name, lora=None):
    """``x @ params[name]^T``, plus ``scale * (x @ A^T) @ B^T`` when ``lora`` has
    an adapter ``(A, B, scale)`` for ``name`` (the weight's HF name)."""
    y = F.linear(x, params[name])
    if lora is not None and name in lora:
        a, b, scale = lora[name]
        y = y + scale * F.linear(F.linear(x, a), b)
    return y


def attention(x, p, prefix, cfg, cos, sin, lora=None):
    b, t, d = x.shape
    h = cfg["num_attention_heads"]
    kv = cfg["num_key_value_heads"]
    hd = d // h
    q = linear(x, p, prefix + "q_proj.weight", lora).view(b, t, h, hd).transpose(1, 2)   # [B,H,T,hd]
    k = linear(x, p, prefix + "k_proj.weight", lora).view(b, t, kv, hd).transpose(1, 2)  # [B,KV,T,hd]
    v = linear(x, p, prefix + "v_proj.weight", lora).view(b, t, kv, hd).transpose(1, 2)
    q = q * cos + rotate_half(q) * sin
    k = k * cos + rotate_half(k) * sin
    group = h // kv
    k = k.repeat_interleave(group, dim=1)              # query head j uses kv head j // group
    v = v.repeat_interleave(group, dim=1)
    scores = torch.matmul(q, k.transpose(2, 3)) / math.sqrt(hd)
    causal = torch.ones(t, t, dtype=torch.bool).triu(1)
    scores = scores.masked_fill(causal, float("-inf"))
    probs = torch.softmax(scores, dim=-1)
    out = torch.matmul(probs, v).transpose(1, 2).reshape(b, t, h * hd)
    return linear(out, p, prefix + "o_proj.weight", lora)


def forward(params, ids, cfg=CONFIG, lora=None):
    """Logits [B, T, V] in the dtype of the parameters.

    ``lora``: optional {HF weight name: (A, B, scale)} of unmerged adapters
    (see ``linear``); ``None`` is the plain model."""
    eps = cfg["rms_norm_eps"]
    x = params["model.embed_tokens.weight"][ids]
    d = cfg["hidden_size"]
    cos, sin = rope_cos_sin(ids.shape[1], d // cfg["num_attention_heads"], cfg["rope_theta"], x.dtype)
    for i in range(cfg["num_hidden_layers"]):
        p = "model.layers.%d." % i
        x = x + attention(rms_norm(x, params[p + "input_layernorm.weight"], eps),
                          params, p + "self_attn.", cfg, cos, sin, lora)
        hdn = rms_norm(x, params[p + "post_attention_layernorm.weight"], eps)
        mlp = F.silu(linear(hdn, params, p + "mlp.gate_proj.weight", lora)) * linear(hdn, params, p + "mlp.up_proj.weight", lora)
        x = x + linear(mlp, params, p + "mlp.down_proj.weight", lora)
    x = rms_norm(x, params["model.norm.weight"], eps)
    return F.linear(x, params["lm_head.weight"])


def masked_loss(logits, ids, mask):
    """sum(ce[b,t] * mask[b,t]) / sum(mask), ce of logits[:, t] vs ids[:, t+1]."""
    targets = torch.zeros_like(ids)
    targets[:, :-1] = ids[:, 1:]                       # last position: dummy 0, mask is 0 there
    ce = F.cross_entropy(logits.reshape(-1, logits.shape[-1]), targets.reshape(-1), reduction="none")
    ce = ce.view(ids.shape)
    m = mask.to(ce.dtype)
    return (ce * m).sum() / m.sum()


# ---------------------------------------------------------------- safetensors

def write_safetensors(path, tensors):
    names = sorted(tensors)
    header, blobs, offset = {}, [], 0
    for name in names:
        t = tensors[name].detach().contiguous()
        assert t.dtype == torch.float32
        data = t.numpy().astype("<f4").tobytes()
        header[name] = {"dtype": "F32", "shape": list(t.shape), "data_offsets": [offset, offset + len(data)]}
        blobs.append(data)
        offset += len(data)
    header["__metadata__"] = {"format": "pt"}
    hbytes = json.dumps(header, separators=(",", ":")).encode("utf-8")
    hbytes += b" " * ((-len(hbytes)) % 8)
    with open(path, "wb") as f:
        f.write(struct.pack("<Q", len(hbytes)))
        f.write(hbytes)
        for blob in blobs:
            f.write(blob)


def read_safetensors(path):
    """Minimal reader (F32 only): name -> float32 tensor."""
    import numpy as np
    with open(path, "rb") as f:
        raw = f.read()
    n = struct.unpack("<Q", raw[:8])[0]
    header = json.loads(raw[8:8 + n].decode("utf-8"))
    base = 8 + n
    out = {}
    for name, info in header.items():
        if name == "__metadata__":
            continue
        assert info["dtype"] == "F32"
        b, e = info["data_offsets"]
        arr = np.frombuffer(raw[base + b: base + e], dtype="<f4").reshape(info["shape"])
        out[name] = torch.from_numpy(arr.copy())
    return out


# ------------------------------------------------------------------- training

def train_reference(initial, ids, mask, cfg=CONFIG):
    """TRAIN_STEPS AdamW steps on one fixed batch, starting from ``initial``.

    Returns (losses, grad_norms_before_clip, params_after). ``losses`` has
    TRAIN_STEPS + 1 entries: the loss before each step and after the last.
    ``initial`` is not modified (the parameters are fresh float32 copies).
    """
    params = {k: v.detach().clone().requires_grad_(True) for k, v in initial.items()}
    order = [name for name, _, _ in param_shapes(cfg)]          # model (init) order
    matrices = [params[n] for n in order if params[n].dim() == 2]
    norms = [params[n] for n in order if params[n].dim() == 1]
    assert len(matrices) + len(norms) == len(params)
    everything = [params[n] for n in order]
    opt = torch.optim.AdamW(
        [{"params": matrices, "weight_decay": TRAIN_WD_MATRICES},
         {"params": norms, "weight_decay": TRAIN_WD_NORMS}],
        lr=TRAIN_LR, betas=TRAIN_BETAS, eps=TRAIN_EPS, amsgrad=False)

    losses, grad_norms = [], []
    for _ in range(TRAIN_STEPS):
        opt.zero_grad(set_to_none=True)
        loss = masked_loss(forward(params, ids, cfg), ids, mask)
        loss.backward()
        total = torch.nn.utils.clip_grad_norm_(everything, TRAIN_MAX_GRAD_NORM)
        losses.append(float(loss.detach()))
        grad_norms.append(float(total))
        opt.step()
    with torch.no_grad():
        losses.append(float(masked_loss(forward(params, ids, cfg), ids, mask)))
    return losses, grad_norms, {k: v.detach().clone() for k, v in params.items()}


# ----------------------------------------------------------------------- main

def floats(t):
    """Nested lists of Python floats (float64 repr of the float32 values)."""
    return t.detach().to(torch.float64).tolist()


def main():
    torch.set_num_threads(1)                           # fixed reduction order
    out_dir = OUT_DIR
    os.makedirs(out_dir, exist_ok=True)

    params = build_params()
    ids, mask = build_inputs()
    initial = {k: v.detach().clone() for k, v in params.items()}
    for p in params.values():
        p.requires_grad_(True)

    logits = forward(params, ids)
    loss = masked_loss(logits, ids, mask)
    loss.backward()

    with torch.no_grad():
        logits_prefix = forward(params, ids[:1, :PREFIX])[0]

    grad_norms = {}
    total = 0.0
    for name in sorted(params):
        g = params[name].grad.detach().to(torch.float64)
        sq = float((g * g).sum())
        total += sq
        grad_norms[name] = float(torch.linalg.vector_norm(params[name].grad.detach()))
    grad_global_norm = math.sqrt(total)

    with open(os.path.join(out_dir, "config.json"), "w") as f:
        json.dump(CONFIG, f, indent=2, sort_keys=True)
        f.write("\n")

    write_safetensors(os.path.join(out_dir, "model.safetensors"),
                      {k: v.detach() for k, v in params.items()})

    expected = {
        "input_ids": ids.tolist(),
        "loss_mask": mask.to(torch.float64).tolist(),
        "logits": floats(logits),
        "logits_row0_prefix7": floats(logits_prefix),
        "loss": float(loss.detach()),
        "grad_global_norm": grad_global_norm,
        "grad_norms": grad_norms,
        "torch_version": torch.__version__,
        "script": SCRIPT,
    }
    with open(os.path.join(out_dir, "expected.json"), "w") as f:
        json.dump(expected, f, separators=(",", ":"))
        f.write("\n")

    # training trajectory: same initial weights, same batch and mask
    losses, clip_norms, after = train_reference(initial, ids, mask)
    assert losses[0] == float(loss.detach()), (losses[0], float(loss.detach()))
    write_safetensors(os.path.join(out_dir, "after-3-steps.safetensors"), after)
    training = {
        "lr": TRAIN_LR,
        "betas": list(TRAIN_BETAS),
        "eps": TRAIN_EPS,
        "weight_decay_matrices": TRAIN_WD_MATRICES,
        "weight_decay_norms": TRAIN_WD_NORMS,
        "max_grad_norm": TRAIN_MAX_GRAD_NORM,
        "steps": TRAIN_STEPS,
        "losses": losses,
        "grad_norms_before_clip": clip_norms,
        "weight_norms_after": {name: float(torch.linalg.vector_norm(after[name]))
                               for name in sorted(after)},
        "torch_version": torch.__version__,
        "script": SCRIPT,
    }
    with open(os.path.join(out_dir, "training.json"), "w") as f:
        json.dump(training, f, indent=2)
        f.write("\n")

    for fn in ("config.json", "model.safetensors", "expected.json",
               "training.json", "after-3-steps.safetensors"):
        path = os.path.join(out_dir, fn)
        with open(path, "rb") as f:
            digest = hashlib.sha256(f.read()).hexdigest()
        print("%s  %s  (%d bytes)" % (digest, path, os.path.getsize(path)))
    print("loss = %r" % float(loss.detach()))
    print("grad_global_norm = %r" % grad_global_norm)
    print("training losses = %r" % (losses,))
    print("training grad norms before clip = %r" % (clip_norms,))
    return 0


if __name__ == "__main__":
    sys.exit(main())
