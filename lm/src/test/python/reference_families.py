#!/usr/bin/python3
"""Independent references for the model families beyond Llama-3 (fixture generator).

Two tiny random models, written from the Hugging Face formulas in plain PyTorch
(no ``transformers``), each checked by lm's FamilyParityTest:

* ``llama31``: Llama with Llama-3.1's scaled rotary frequencies
  (``rope_scaling = {rope_type: llama3, factor, low_freq_factor,
  high_freq_factor, original_max_position_embeddings}``), as HF's
  ``_compute_llama3_parameters``: with ``wavelen = 2 pi / inv_freq``,
  ``low = orig / low_freq_factor`` and ``high = orig / high_freq_factor``,
  frequencies with ``wavelen > low`` are divided by ``factor``, those with
  ``wavelen < high`` are kept, and in between they are interpolated with
  ``s = (orig / wavelen - low_freq_factor) / (high_freq_factor - low_freq_factor)``:
  ``(1 - s) * inv_freq / factor + s * inv_freq``. The tiny head size (16) and
  ``orig = 16`` put one frequency in the interpolated band and the others in
  the divided one (no frequency of a model can exceed 1, the kept band of
  wavelengths under 4).
* ``qwen2``: Qwen2's decoder: biases on the q, k and v projections (not on
  o), tied embeddings (the LM head is the embedding matrix), rope_theta 1e6,
  and ``use_sliding_window: false`` (full causal attention).

Each directory gets ``config.json``, ``model.safetensors`` (F32, HF names) and
``expected.json`` (``logits`` [3][12][300], masked ``loss``, ``grad_norms``
{HF name: L2 norm}, ``grad_global_norm``) for the batch and loss mask of
``reference_llama.build_inputs``. Weights: ``torch.manual_seed(2024)``, then in
``param_shapes`` order ``0.05 * randn`` for matrices and biases, ``1 + 0.1 *
randn`` for norm weights.

Run from the repository root with Debian's interpreter; deterministic (one
thread, fixed seeds, OpenBLAS kernel pinned before torch loads)::

    /usr/bin/python3 lm/src/test/python/reference_families.py
"""

import os

os.environ["OPENBLAS_CORETYPE"] = "Prescott"

import json  # noqa: E402
import math  # noqa: E402
import sys  # noqa: E402

import torch  # noqa: E402
import torch.nn.functional as F  # noqa: E402

sys.dont_write_bytecode = True
sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from reference_llama import (  # noqa: E402
    build_inputs, floats, masked_loss, rms_norm, rotate_half, write_safetensors)

SCRIPT = "lm/src/test/python/reference_families.py"
OUT_DIR = os.path.normpath(os.path.join(os.path.dirname(os.path.abspath(__file__)),
                                        "..", "resources", "reference", "families"))
WEIGHT_SEED = 2024

BASE = {
    "bos_token_id": 256, "eos_token_id": 257, "hidden_act": "silu", "hidden_size": 64,
    "intermediate_size": 176, "max_position_embeddings": 64, "num_attention_heads": 4,
    "num_hidden_layers": 2, "num_key_value_heads": 2, "rms_norm_eps": 1e-06,
    "torch_dtype": "float32", "vocab_size": 300,
}
LLAMA31 = dict(BASE, architectures=["LlamaForCausalLM"], model_type="llama", attention_bias=False,
               rope_theta=10000.0, tie_word_embeddings=False,
               rope_scaling={"rope_type": "llama3", "factor": 4.0, "low_freq_factor": 1.0,
                             "high_freq_factor": 4.0, "original_max_position_embeddings": 16})
QWEN2 = dict(BASE, architectures=["Qwen2ForCausalLM"], model_type="qwen2", rope_theta=1000000.0,
             tie_word_embeddings=True, use_sliding_window=False, sliding_window=64, max_window_layers=2)


def qkv_bias(cfg):
    return cfg["model_type"] == "qwen2"


def param_shapes(cfg):
    d, h, kv = cfg["hidden_size"], cfg["num_attention_heads"], cfg["num_key_value_heads"]
    hd, inter, v = d // h, cfg["intermediate_size"], cfg["vocab_size"]
    out = [("model.embed_tokens.weight", (v, d), False)]
    for i in range(cfg["num_hidden_layers"]):
        p = "model.layers.%d." % i
        out += [(p + "input_layernorm.weight", (d,), True),
                (p + "self_attn.q_proj.weight", (h * hd, d), False),
                (p + "self_attn.k_proj.weight", (kv * hd, d), False),
                (p + "self_attn.v_proj.weight", (kv * hd, d), False)]
        if qkv_bias(cfg):
            out += [(p + "self_attn.q_proj.bias", (h * hd,), False),
                    (p + "self_attn.k_proj.bias", (kv * hd,), False),
                    (p + "self_attn.v_proj.bias", (kv * hd,), False)]
        out += [(p + "self_attn.o_proj.weight", (d, h * hd), False),
                (p + "post_attention_layernorm.weight", (d,), True),
                (p + "mlp.gate_proj.weight", (inter, d), False),
                (p + "mlp.up_proj.weight", (inter, d), False),
                (p + "mlp.down_proj.weight", (d, inter), False)]
    out += [("model.norm.weight", (d,), True)]
    if not cfg["tie_word_embeddings"]:
        out += [("lm_head.weight", (v, d), False)]
    return out


def build_params(cfg):
    torch.manual_seed(WEIGHT_SEED)
    params = {}
    for name, shape, is_norm in param_shapes(cfg):
        w = torch.randn(shape, dtype=torch.float32)
        params[name] = (1.0 + 0.1 * w) if is_norm else (0.05 * w)
    return params


def inverse_frequencies(cfg):
    hd = cfg["hidden_size"] // cfg["num_attention_heads"]
    inv_freq = 1.0 / (cfg["rope_theta"] ** (torch.arange(0, hd, 2, dtype=torch.int64).float() / hd))
    scaling = cfg.get("rope_scaling")
    if not scaling:
        return inv_freq
    factor, low_f, high_f = scaling["factor"], scaling["low_freq_factor"], scaling["high_freq_factor"]
    orig = scaling["original_max_position_embeddings"]
    low_wavelen, high_wavelen = orig / low_f, orig / high_f
    wavelen = 2 * math.pi / inv_freq
    scaled = torch.where(wavelen > low_wavelen, inv_freq / factor, inv_freq)
    smooth = (orig / wavelen - low_f) / (high_f - low_f)
    smoothed = (1 - smooth) * scaled / factor + smooth * scaled
    medium = ~(wavelen < high_wavelen) * ~(wavelen > low_wavelen)
    return torch.where(medium, smoothed, scaled)


def proj(x, params, name):
    bias = params.get(name.replace(".weight", ".bias"))
    return F.linear(x, params[name], bias)


def attention(x, p, prefix, cfg, cos, sin):
    b, t, d = x.shape
    h, kv = cfg["num_attention_heads"], cfg["num_key_value_heads"]
    hd = d // h
    q = proj(x, p, prefix + "q_proj.weight").view(b, t, h, hd).transpose(1, 2)
    k = proj(x, p, prefix + "k_proj.weight").view(b, t, kv, hd).transpose(1, 2)
    v = proj(x, p, prefix + "v_proj.weight").view(b, t, kv, hd).transpose(1, 2)
    q = q * cos + rotate_half(q) * sin
    k = k * cos + rotate_half(k) * sin
    k = k.repeat_interleave(h // kv, dim=1)
    v = v.repeat_interleave(h // kv, dim=1)
    scores = torch.matmul(q, k.transpose(2, 3)) / math.sqrt(hd)
    scores = scores.masked_fill(torch.ones(t, t, dtype=torch.bool).triu(1), float("-inf"))
    out = torch.matmul(torch.softmax(scores, dim=-1), v).transpose(1, 2).reshape(b, t, h * hd)
    return F.linear(out, p[prefix + "o_proj.weight"])


def forward(params, ids, cfg):
    eps = cfg["rms_norm_eps"]
    x = params["model.embed_tokens.weight"][ids]
    freqs = torch.outer(torch.arange(ids.shape[1], dtype=torch.int64).float(), inverse_frequencies(cfg))
    emb = torch.cat((freqs, freqs), dim=-1)
    cos, sin = emb.cos(), emb.sin()
    for i in range(cfg["num_hidden_layers"]):
        p = "model.layers.%d." % i
        x = x + attention(rms_norm(x, params[p + "input_layernorm.weight"], eps), params, p + "self_attn.",
                          cfg, cos, sin)
        hdn = rms_norm(x, params[p + "post_attention_layernorm.weight"], eps)
        mlp = F.silu(F.linear(hdn, params[p + "mlp.gate_proj.weight"])) * F.linear(hdn, params[p + "mlp.up_proj.weight"])
        x = x + F.linear(mlp, params[p + "mlp.down_proj.weight"])
    x = rms_norm(x, params["model.norm.weight"], eps)
    head = params["model.embed_tokens.weight"] if cfg["tie_word_embeddings"] else params["lm_head.weight"]
    return F.linear(x, head)


def write_family(name, cfg):
    out_dir = os.path.join(OUT_DIR, name)
    os.makedirs(out_dir, exist_ok=True)
    params = build_params(cfg)
    ids, mask = build_inputs()
    for p in params.values():
        p.requires_grad_(True)
    logits = forward(params, ids, cfg)
    loss = masked_loss(logits, ids, mask)
    loss.backward()
    grad_norms, total = {}, 0.0
    for pname in sorted(params):
        g = params[pname].grad.detach()
        total += float((g.to(torch.float64) ** 2).sum())
        grad_norms[pname] = float(torch.linalg.vector_norm(g))
    with open(os.path.join(out_dir, "config.json"), "w") as f:
        json.dump(cfg, f, indent=2, sort_keys=True)
        f.write("\n")
    write_safetensors(os.path.join(out_dir, "model.safetensors"), {k: v.detach() for k, v in params.items()})
    expected = {"input_ids": ids.tolist(), "loss_mask": mask.to(torch.float64).tolist(), "logits": floats(logits),
                "loss": float(loss.detach()), "grad_norms": grad_norms, "grad_global_norm": math.sqrt(total),
                "inverse_frequencies": floats(inverse_frequencies(cfg)),
                "torch_version": torch.__version__, "script": SCRIPT}
    with open(os.path.join(out_dir, "expected.json"), "w") as f:
        json.dump(expected, f, separators=(",", ":"))
        f.write("\n")


def main():
    torch.set_num_threads(1)
    write_family("llama31", LLAMA31)
    write_family("qwen2", QWEN2)


if __name__ == "__main__":
    main()
