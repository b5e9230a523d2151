#!/usr/bin/env python3
"""PyTorch peer of `guidance-lab bench`: guided-training throughput on the standard workloads.

The workloads (networks, batch sizes, data, recipe) are described in docs/BENCHMARK.md and defined on the Java side
in org.guidancelab.bench.Workload and BenchData; this script builds the same ones in PyTorch so that both
sides can be timed in one run on one machine.

Recipe: Adam (lr 1e-3) on the target only; loss = cross-entropy + alpha * sum over pairs of (1 - linear CKA), with
the biased HSIC estimator on each minibatch; the guide is untrained, seeded, frozen (eval mode, no gradient); guide
tap i is paired with target tap min(round(i * (nT - 1) / (nG - 1)), nT - 1). Twenty fixed batches are cycled; the
warm-up steps are not timed.

Method, the same as the Java side's: each mode (unguided, guided) has its own networks and optimiser; each warms up
for at least --warmup steps and, with --settle P > 0, until the mean step time of two consecutive windows of
--settle-window steps differs by at most P (a fraction, 0.05 = 5%), or --warmup-cap steps; then timed blocks of
--steps steps alternate unguided, guided, unguided, ... --repeats times.

Contract with the Java side (org.guidancelab.engine.bench.PeerRun):
    torch_guided_bench.py --workload mlp|fcn-cnn|rnn-transformer|convnet|transformer-rnn|lstm-transformer --threads N --steps S --warmup W
        [--repeats R] [--settle P --settle-window K --warmup-cap C]
prints
    <workload> warmup unguided steps=<int> settled|capped
    <workload> warmup guided steps=<int> settled|capped
    <workload> repeat=<i> unguided steps/s=<float>      (i = 1..R, the two modes alternating)
    <workload> repeat=<i> guided steps/s=<float>
    ...
then, as before (medians over the repeats),
    <workload> unguided steps/s=<float>
    <workload> guided steps/s=<float>
    <workload> torch=<version> threads=<N> guided/unguided time ratio=<float> repeats=<R>
and exits 0. PeerRun reads the repeat lines (or, from an older peer, the two median lines); the rest is for people.

Needs PyTorch; on Debian 12: apt-get install python3-torch libopenblas0-pthread, then run with /usr/bin/python3.
"""
import argparse
import math
import sys
import time

import torch
import torch.nn as nn
import torch.nn.functional as F

WORKLOADS = ("mlp", "fcn-cnn", "rnn-transformer", "convnet", "transformer-rnn", "lstm-transformer")
TOKEN_WORKLOADS = ("rnn-transformer", "transformer-rnn", "lstm-transformer")
BATCHES = 20          # fixed batches, cycled
DATA_SEED = 7         # the data
MODEL_SEED = 123      # target and guide initialisation
IMAGE_DIM = 784       # 1 x 28 x 28
CLASSES = 10
SEQ_LEN = 32
VOCAB = 12            # tokens 1..11 are drawn; 0 is never used


# ----------------------------------------------------------------------------------------------------------------
# Linear CKA
# ----------------------------------------------------------------------------------------------------------------

def cka(x, y):
    """Linear CKA (biased HSIC) of two [n, ...] tap outputs, each flattened per example.

    Both forms give the same value; the cheaper one is chosen by the same multiply-add count as the app's
    org.guidancelab.engine.cka.CkaForm, so both sides do comparable work for each pair.
    """
    x = x.reshape(x.shape[0], -1)
    y = y.reshape(y.shape[0], -1)
    x = x - x.mean(dim=0, keepdim=True)
    y = y - y.mean(dim=0, keepdim=True)
    n, p, q = x.shape[0], x.shape[1], y.shape[1]
    feature_cost = n * (2.0 * p * q + 2.0 * p * p + q * q)
    gram_cost = n * n * (2.0 * p + q)
    if feature_cost <= gram_cost:
        cross = (y.t() @ x).square().sum()
        norms = torch.linalg.matrix_norm(x.t() @ x) * torch.linalg.matrix_norm(y.t() @ y)
    else:
        k = x @ x.t()
        l = y @ y.t()
        cross = (k * l).sum()
        norms = torch.linalg.matrix_norm(k) * torch.linalg.matrix_norm(l)
    return cross / (norms + 1e-10)


def pairs(target_taps, guide_taps):
    """(target index, guide index) for every guide tap, by the paper's rule.

    Halves round up, as Java's Math.round does (Python's round() would round them to even).
    """
    nt, ng = target_taps, guide_taps
    if ng == 1:
        return [(0, 0)]
    return [(min(math.floor(i * (nt - 1) / (ng - 1) + 0.5), nt - 1), i) for i in range(ng)]


# ----------------------------------------------------------------------------------------------------------------
# Networks: each forward returns (logits, list of tap outputs); logits are never a tap
# ----------------------------------------------------------------------------------------------------------------

class DenseStack(nn.Module):
    """depth x (Linear + ReLU), each output a tap, then a Linear head."""

    def __init__(self, width, depth, classes=CLASSES, inputs=IMAGE_DIM):
        super().__init__()
        sizes = [inputs] + [width] * depth
        self.hidden = nn.ModuleList(nn.Linear(a, b) for a, b in zip(sizes[:-1], sizes[1:]))
        self.head = nn.Linear(width, classes)

    def forward(self, x):
        h = x.reshape(x.shape[0], -1)
        taps = []
        for layer in self.hidden:
            h = torch.relu(layer(h))
            taps.append(h)
        return self.head(h), taps


class SmallCnn(nn.Module):
    """conv3x3 16 | conv3x3 32 + maxpool 2 | conv3x3 64 + maxpool 2 | Dense 128, each a tap, then a Dense head."""

    def __init__(self, classes=CLASSES):
        super().__init__()
        self.conv1 = nn.Conv2d(1, 16, kernel_size=3, padding=1)
        self.conv2 = nn.Conv2d(16, 32, kernel_size=3, padding=1)
        self.conv3 = nn.Conv2d(32, 64, kernel_size=3, padding=1)
        self.fc = nn.Linear(64 * 7 * 7, 128)
        self.head = nn.Linear(128, classes)

    def forward(self, x):
        h = x.reshape(x.shape[0], 1, 28, 28)
        t1 = torch.relu(self.conv1(h))
        t2 = F.max_pool2d(torch.relu(self.conv2(t1)), 2)
        t3 = F.max_pool2d(torch.relu(self.conv3(t2)), 2)
        t4 = torch.relu(self.fc(t3.flatten(1)))
        return self.head(t4), [t1, t2, t3, t4]


class RnnTagger(nn.Module):
    """Embedding 64, two vanilla (tanh) RNN layers of 128, each a tap, then a per-token head."""

    def __init__(self):
        super().__init__()
        self.embed = nn.Embedding(VOCAB, 64)
        self.rnn1 = nn.RNN(64, 128, batch_first=True)
        self.rnn2 = nn.RNN(128, 128, batch_first=True)
        self.head = nn.Linear(128, VOCAB)

    def forward(self, tokens):
        h1, _ = self.rnn1(self.embed(tokens))
        h2, _ = self.rnn2(h1)
        return self.head(h2), [h1, h2]


class PlainConvNet(nn.Module):
    """The deep-convnet preset's target: conv3x3 8 stride 2, 4 x conv3x3 8, conv3x3 16 stride 2, 4 x conv3x3 16
    (ReLU, padding 1, each a tap), global average pool, Linear 10."""

    def __init__(self, classes=CLASSES):
        super().__init__()
        chans = [(1, 8, 2)] + [(8, 8, 1)] * 4 + [(8, 16, 2)] + [(16, 16, 1)] * 4
        self.convs = nn.ModuleList(nn.Conv2d(a, b, kernel_size=3, stride=s, padding=1) for a, b, s in chans)
        self.head = nn.Linear(16, classes)

    def forward(self, x):
        h = x.reshape(x.shape[0], 1, 28, 28)
        taps = []
        for conv in self.convs:
            h = torch.relu(conv(h))
            taps.append(h)
        return self.head(h.mean(dim=(2, 3))), taps


class LstmTagger(nn.Module):
    """Embedding 64, two LSTM layers of 128, each a tap, then a per-token head."""

    def __init__(self):
        super().__init__()
        self.embed = nn.Embedding(VOCAB, 64)
        self.lstm1 = nn.LSTM(64, 128, batch_first=True)
        self.lstm2 = nn.LSTM(128, 128, batch_first=True)
        self.head = nn.Linear(128, VOCAB)

    def forward(self, tokens):
        h1, _ = self.lstm1(self.embed(tokens))
        h2, _ = self.lstm2(h1)
        return self.head(h2), [h1, h2]


class CausalTransformer(nn.Module):
    """Embedding 64 plus learned positions, two post-norm encoder blocks (4 heads, FF 128, causal, no dropout)."""

    def __init__(self, blocks=2):
        super().__init__()
        self.embed = nn.Embedding(VOCAB, 64)
        self.position = nn.Parameter(0.02 * torch.randn(1, SEQ_LEN, 64))
        self.blocks = nn.ModuleList(
            nn.TransformerEncoderLayer(64, 4, dim_feedforward=128, dropout=0.0, batch_first=True)
            for _ in range(blocks))
        self.head = nn.Linear(64, VOCAB)
        self.register_buffer("mask", torch.triu(torch.full((SEQ_LEN, SEQ_LEN), float("-inf")), diagonal=1))

    def forward(self, tokens):
        h = self.embed(tokens) + self.position[:, :tokens.shape[1]]
        taps = []
        for block in self.blocks:
            h = block(h, src_mask=self.mask)
            taps.append(h)
        return self.head(h), taps


# ----------------------------------------------------------------------------------------------------------------
# Workloads
# ----------------------------------------------------------------------------------------------------------------

def networks(workload):
    """(target, guide, batch size), initialised from the global seed."""
    torch.manual_seed(MODEL_SEED)
    if workload == "mlp":
        return DenseStack(128, 4), DenseStack(128, 4), 128
    if workload == "fcn-cnn":
        return DenseStack(256, 8), SmallCnn(), 128
    if workload == "convnet":
        return PlainConvNet(), SmallCnn(), 32
    if workload == "transformer-rnn":
        return CausalTransformer(), RnnTagger(), 64
    if workload == "lstm-transformer":
        return LstmTagger(), CausalTransformer(), 64
    return RnnTagger(), CausalTransformer(), 64


def batches(workload, batch):
    """The fixed batches: Gaussian clusters (2 N(0,1) + 0.12 centroid[y]) or random tokens with next-token labels."""
    g = torch.Generator().manual_seed(DATA_SEED)
    out = []
    if workload in TOKEN_WORKLOADS:
        for _ in range(BATCHES):
            tokens = torch.randint(1, VOCAB, (batch, SEQ_LEN), generator=g)
            out.append((tokens, torch.roll(tokens, shifts=-1, dims=1)))
        return out
    centroids = torch.randn(CLASSES, IMAGE_DIM, generator=g)
    for _ in range(BATCHES):
        labels = torch.randint(0, CLASSES, (batch,), generator=g)
        inputs = 2.0 * torch.randn(batch, IMAGE_DIM, generator=g) + 0.12 * centroids[labels]
        out.append((inputs, labels))
    return out


class Lane:
    """One mode's networks, optimiser and data, stepped a block at a time so that two modes can alternate."""

    def __init__(self, workload, guided, alpha):
        self.target, self.guide, batch = networks(workload)
        self.data = batches(workload, batch)
        self.guide.eval()
        self.guide.requires_grad_(False)
        self.optimizer = torch.optim.Adam(self.target.parameters(), lr=1e-3)
        self.guided = guided
        self.alpha = alpha
        self.tap_pairs = None
        self.done = 0

    def step(self, i):
        inputs, labels = self.data[i % len(self.data)]
        logits, target_taps = self.target(inputs)
        loss = F.cross_entropy(logits.reshape(-1, logits.shape[-1]), labels.reshape(-1))
        if self.guided:
            with torch.no_grad():
                _, guide_taps = self.guide(inputs)
            if self.tap_pairs is None:
                self.tap_pairs = pairs(len(target_taps), len(guide_taps))
            alignment = sum(1.0 - cka(target_taps[t], guide_taps[g]) for t, g in self.tap_pairs)
            loss = loss + self.alpha * alignment
        self.optimizer.zero_grad(set_to_none=True)
        loss.backward()
        self.optimizer.step()
        return loss.item()  # waits for the step to finish, as the Java side does

    def run(self, steps):
        """Runs the next `steps` steps; returns their wall time in seconds."""
        start = time.perf_counter()
        for _ in range(steps):
            self.step(self.done)
            self.done += 1
        return time.perf_counter() - start


def settled(per_step, steps_run, minimum, window, tolerance, cap):
    """The settle rule of org.guidancelab.engine.bench.SettleRule."""
    if steps_run >= cap:
        return True
    if steps_run < minimum:
        return False
    if tolerance <= 0:
        return True
    return len(per_step) >= 2 and abs(per_step[-1] - per_step[-2]) / per_step[-2] <= tolerance


def warm_up(lane, minimum, window, tolerance, cap):
    """Warms a lane up; returns (steps run, whether the rule rather than the cap ended it)."""
    per_step, run = [], 0
    while not settled(per_step, run, minimum, window, tolerance, cap):
        k = max(0, minimum - run) if tolerance <= 0 else max(0, min(window, cap - run))
        if k < 1:
            break
        per_step.append(lane.run(k) / k)
        run += k
    ok = tolerance <= 0 or (run >= minimum and len(per_step) >= 2
                            and abs(per_step[-1] - per_step[-2]) / per_step[-2] <= tolerance)
    return run, ok


def median(values):
    s = sorted(values)
    mid = len(s) // 2
    return s[mid] if len(s) % 2 else (s[mid - 1] + s[mid]) / 2


def main(argv=None):
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--workload", default="mlp", choices=WORKLOADS)
    parser.add_argument("--threads", type=int, default=1)
    parser.add_argument("--steps", type=int, default=100)
    parser.add_argument("--warmup", type=int, default=20)
    parser.add_argument("--alpha", type=float, default=1.0)
    parser.add_argument("--repeats", type=int, default=1)
    parser.add_argument("--settle", type=float, default=0.0, help="fraction, e.g. 0.05; 0 = exactly --warmup steps")
    parser.add_argument("--settle-window", type=int, default=10)
    parser.add_argument("--warmup-cap", type=int, default=300)
    args = parser.parse_args(argv)
    if args.threads < 1 or args.steps < 1 or args.warmup < 0 or args.repeats < 1 or args.settle < 0 \
            or args.settle_window < 1:
        parser.error("--threads, --steps, --repeats and --settle-window must be at least 1, --warmup and --settle"
                     " not negative")
    torch.set_num_threads(args.threads)
    cap = max(args.warmup, args.warmup_cap)

    lanes = {"unguided": Lane(args.workload, False, args.alpha), "guided": Lane(args.workload, True, args.alpha)}
    rates = {mode: [] for mode in lanes}
    for mode, lane in lanes.items():
        steps, ok = warm_up(lane, args.warmup, args.settle_window, args.settle, cap)
        print(f"{args.workload} warmup {mode} steps={steps} {'settled' if ok else 'capped'}", flush=True)
    for r in range(1, args.repeats + 1):
        for mode, lane in lanes.items():  # unguided, guided, unguided, ...
            rate = args.steps / lane.run(args.steps)
            rates[mode].append(rate)
            print(f"{args.workload} repeat={r} {mode} steps/s={rate:.2f}", flush=True)
    unguided, guided = median(rates["unguided"]), median(rates["guided"])
    print(f"{args.workload} unguided steps/s={unguided:.2f}")
    print(f"{args.workload} guided steps/s={guided:.2f}")
    print(f"{args.workload} torch={torch.__version__} threads={args.threads} "
          f"guided/unguided time ratio={unguided / guided:.2f} repeats={args.repeats}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
