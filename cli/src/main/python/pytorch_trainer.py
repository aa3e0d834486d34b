"""The trainer benchmark's reference: Mnemo's tiny model and workload trained in plain PyTorch.

`./mnemo bench trainer` runs this script and Mnemo's own trainer in alternation on the same CPU and thread count.
What a researcher would write without Mnemo: an eager PyTorch Llama (RMSNorm, rotary embeddings, causal attention,
SwiGLU), AdamW, gradient clipping.

The workload is Mnemo's `PeerWorkload`: `facts` random 8-character keys and values of [A-Z0-9]; each row is
BOS + bytes("The value of key {key} is?") + bytes(value) + EOS over the byte vocabulary (260 ids, BOS 256, EOS 257);
the loss is the mean cross-entropy of the value's 8 bytes and EOS. Shapes follow Mnemo's `tiny` preset.

Arguments are key=value: d heads layers ffn facts batch epochs warm threads lr seed.
Output: `ENV key=value` lines describing the machine and this PyTorch build, then `RESULT tok/s=...`, the training
tokens per second over the epochs after `warm`.

Needs a Python with torch: Debian's `apt-get install -y python3-torch libopenblas0-openmp` puts it under
/usr/bin/python3.
"""
import math
import os
import random
import string
import sys
import time

import torch
import torch.nn.functional as F
from torch import nn

BOS, EOS, VOCAB = 256, 257, 260
ROPE_THETA, NORM_EPS = 10000.0, 1e-5
KEY_CHARS = string.ascii_uppercase + string.digits


def settings(argv):
    given = dict(arg.split("=", 1) for arg in argv)
    defaults = dict(d=128, heads=4, layers=2, ffn=344, facts=200, batch=32, epochs=12, warm=2, threads=0,
                    lr=2e-3, seed=0)
    unknown = set(given) - set(defaults)
    if unknown:
        sys.exit("unknown settings: " + ", ".join(sorted(unknown)))
    return {key: type(default)(given.get(key, default)) for key, default in defaults.items()}


def describe_environment():
    """What decides the speed: the CPU kernels ATen dispatches to, the BLAS, the threads."""
    config = torch.__config__.show()
    capability = next((line.split(":", 1)[1].strip() for line in config.splitlines()
                       if "CPU capability usage" in line), "unknown")
    print(f"ENV side=pytorch torch={torch.__version__} cpu_capability={capability} "
          f"intra_op_threads={torch.get_num_threads()} inter_op_threads={torch.get_num_interop_threads()}")
    settings_line = next((line for line in config.splitlines() if "Build settings:" in line), "")
    wanted = ("BLAS_INFO", "LAPACK_INFO", "USE_MKL", "USE_MKLDNN", "USE_OPENMP")
    build = [part for part in settings_line.split("Build settings:", 1)[-1].strip().strip(",").split(", ")
             if part.startswith(wanted)]
    print("ENV side=pytorch build=" + ",".join(build) + f" mkl={torch.backends.mkl.is_available()}")
    torch.ones(64, 64) @ torch.ones(64, 64)  # loads the BLAS, so the memory map names it
    with open("/proc/self/maps") as maps:
        libraries = sorted({line.split()[-1] for line in maps
                            if ("blas" in line or "mkl" in line) and line.rstrip().endswith((".so", ".0", ".3"))})
    print("ENV side=pytorch blas_libraries=" + (",".join(libraries) or "none mapped"))
    tuned = sorted(key for key in os.environ if key.startswith("MALLOC_") and key.endswith("_"))
    print("ENV side=pytorch malloc=" + (",".join(tuned) if tuned else "defaults"))


class RmsNorm(nn.Module):
    def __init__(self, width):
        super().__init__()
        self.weight = nn.Parameter(torch.ones(width))

    def forward(self, x):
        return self.weight * x * torch.rsqrt(x.square().mean(dim=-1, keepdim=True) + NORM_EPS)


class Rotary:
    """cos and sin tables of rotary position embeddings, applied to the two halves of each head."""

    def __init__(self, head_dim, length):
        frequencies = ROPE_THETA ** (-torch.arange(0, head_dim, 2, dtype=torch.float32) / head_dim)
        angles = torch.arange(length, dtype=torch.float32)[:, None] * frequencies[None, :]
        self.cos = torch.cat([angles.cos(), angles.cos()], dim=-1)
        self.sin = torch.cat([angles.sin(), angles.sin()], dim=-1)

    def apply(self, x):
        length = x.shape[-2]
        first, second = x.split(x.shape[-1] // 2, dim=-1)
        turned = torch.cat([-second, first], dim=-1)
        return x * self.cos[:length] + turned * self.sin[:length]


class Block(nn.Module):
    def __init__(self, s):
        super().__init__()
        d, self.heads = s["d"], s["heads"]
        self.attention_norm = RmsNorm(d)
        self.query, self.key, self.value, self.output = (nn.Linear(d, d, bias=False) for _ in range(4))
        self.mlp_norm = RmsNorm(d)
        self.gate, self.up = nn.Linear(d, s["ffn"], bias=False), nn.Linear(d, s["ffn"], bias=False)
        self.down = nn.Linear(s["ffn"], d, bias=False)

    def forward(self, x, rotary, causal):
        batch, length, d = x.shape
        h = self.attention_norm(x)
        heads = [projection(h).view(batch, length, self.heads, -1).transpose(1, 2)
                 for projection in (self.query, self.key, self.value)]
        q, k, v = rotary.apply(heads[0]), rotary.apply(heads[1]), heads[2]
        scores = q @ k.transpose(-1, -2) / math.sqrt(q.shape[-1]) + causal
        attended = (scores.softmax(dim=-1) @ v).transpose(1, 2).reshape(batch, length, d)
        x = x + self.output(attended)
        h = self.mlp_norm(x)
        return x + self.down(F.silu(self.gate(h)) * self.up(h))


class TinyLlama(nn.Module):
    def __init__(self, s, length):
        super().__init__()
        self.embedding = nn.Embedding(VOCAB, s["d"])
        self.blocks = nn.ModuleList(Block(s) for _ in range(s["layers"]))
        self.final_norm = RmsNorm(s["d"])
        self.head = nn.Linear(s["d"], VOCAB, bias=False)
        for weight in self.parameters():
            if weight.dim() == 2:
                nn.init.normal_(weight, mean=0.0, std=0.02)
        self.rotary = Rotary(s["d"] // s["heads"], length)
        self.causal = torch.triu(torch.full((length, length), float("-inf")), diagonal=1)

    def forward(self, tokens):
        length = tokens.shape[1]
        x = self.embedding(tokens)
        for block in self.blocks:
            x = block(x, self.rotary, self.causal[:length, :length])
        return self.head(self.final_norm(x))


def workload(facts, seed):
    """Rows of token ids and the index of the first answer token (every row has the same shape)."""
    rng = random.Random(seed)
    rows = []
    for _ in range(facts):
        key = "".join(rng.choice(KEY_CHARS) for _ in range(8))
        value = "".join(rng.choice(KEY_CHARS) for _ in range(8))
        prompt = [BOS] + list(f"The value of key {key} is?".encode("ascii"))
        rows.append(prompt + list(value.encode("ascii")) + [EOS])
    return torch.tensor(rows), len(rows[0]) - 9


def main():
    s = settings(sys.argv[1:])
    if s["threads"] > 0:
        torch.set_num_threads(s["threads"])
    torch.manual_seed(s["seed"])
    describe_environment()
    rows, answer_start = workload(s["facts"], s["seed"])
    inputs, targets = rows[:, :-1], rows[:, 1:].clone()
    targets[:, :answer_start - 1] = -100  # the loss reads the answer and EOS only
    model = TinyLlama(s, inputs.shape[1])
    matrices = [w for w in model.parameters() if w.dim() == 2]
    vectors = [w for w in model.parameters() if w.dim() < 2]
    optimizer = torch.optim.AdamW([{"params": matrices, "weight_decay": 0.1},
                                   {"params": vectors, "weight_decay": 0.0}],
                                  lr=s["lr"], betas=(0.9, 0.95), eps=1e-8)
    print(f"ENV side=pytorch parameters={sum(w.numel() for w in model.parameters())} "
          f"sequence={inputs.shape[1]} tokens_per_step={s['batch'] * inputs.shape[1]}")
    shuffle = random.Random(s["seed"])
    measured_tokens, measured_seconds = 0, 0.0
    for epoch in range(1, s["epochs"] + 1):
        order = list(range(s["facts"]))
        shuffle.shuffle(order)
        started, tokens = time.perf_counter(), 0
        for first in range(0, s["facts"], s["batch"]):
            batch = torch.tensor(order[first:first + s["batch"]])
            logits = model(inputs[batch])
            loss = F.cross_entropy(logits.reshape(-1, VOCAB), targets[batch].reshape(-1), ignore_index=-100)
            optimizer.zero_grad(set_to_none=True)
            loss.backward()
            nn.utils.clip_grad_norm_(model.parameters(), 1.0)
            optimizer.step()
            tokens += inputs[batch].numel()
        if epoch > s["warm"]:
            measured_tokens += tokens
            measured_seconds += time.perf_counter() - started
    print(f"RESULT tok/s={measured_tokens / max(measured_seconds, 1e-9):.1f} epochs={s['epochs'] - s['warm']} "
          f"loss={loss.item():.4f} threads={torch.get_num_threads()}")


if __name__ == "__main__":
    main()
