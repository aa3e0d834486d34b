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
(see ``init_params``): normal(0, 0.05) for matrices, ``1 + 0.1*normal`` for
norm weights. Inputs come from a separate ``torch.Generator`` seeded 4321.

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

Importable: ``build_params``, ``forward``, ``masked_loss``, ``read_safetensors``
are reused by throwaway checks (round trip, finite differences).
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


def attention(x, p, prefix, cfg, cos, sin):
    b, t, d = x.shape
    h = cfg["num_attention_heads"]
    kv = cfg["num_key_value_heads"]
    hd = d // h
    q = F.linear(x, p[prefix + "q_proj.weight"]).view(b, t, h, hd).transpose(1, 2)   # [B,H,T,hd]
    k = F.linear(x, p[prefix + "k_proj.weight"]).view(b, t, kv, hd).transpose(1, 2)  # [B,KV,T,hd]
    v = F.linear(x, p[prefix + "v_proj.weight"]).view(b, t, kv, hd).transpose(1, 2)
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
    return F.linear(out, p[prefix + "o_proj.weight"])


def forward(params, ids, cfg=CONFIG):
    """Logits [B, T, V] in the dtype of the parameters."""
    eps = cfg["rms_norm_eps"]
    x = params["model.embed_tokens.weight"][ids]
    d = cfg["hidden_size"]
    cos, sin = rope_cos_sin(ids.shape[1], d // cfg["num_attention_heads"], cfg["rope_theta"], x.dtype)
    for i in range(cfg["num_hidden_layers"]):
        p = "model.layers.%d." % i
        x = x + attention(rms_norm(x, params[p + "input_layernorm.weight"], eps),
                          params, p + "self_attn.", cfg, cos, sin)
        hdn = rms_norm(x, params[p + "post_attention_layernorm.weight"], eps)
        mlp = F.silu(F.linear(hdn, params[p + "mlp.gate_proj.weight"])) * F.linear(hdn, params[p + "mlp.up_proj.weight"])
        x = x + F.linear(mlp, params[p + "mlp.down_proj.weight"])
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

    for fn in ("config.json", "model.safetensors", "expected.json"):
        path = os.path.join(out_dir, fn)
        with open(path, "rb") as f:
            digest = hashlib.sha256(f.read()).hexdigest()
        print("%s  %s  (%d bytes)" % (digest, path, os.path.getsize(path)))
    print("loss = %r" % float(loss.detach()))
    print("grad_global_norm = %r" % grad_global_norm)
    return 0


if __name__ == "__main__":
    sys.exit(main())
