#!/usr/bin/python3
"""Exports a PyTorch network to ONNX (opset 13) as a guide for `guide convert` (issue #21), with what the conversion
is verified against: a sample input and PyTorch's output of every tap for it.

    /usr/bin/python3 scripts/onnx-guide-export.py      # the fixtures below (Debian: apt-get install python3-torch)

For your own network, from Python:

    import importlib.util, sys
    spec = importlib.util.spec_from_file_location("onnx_guide_export", "scripts/onnx-guide-export.py")
    oge = importlib.util.module_from_spec(spec); spec.loader.exec_module(oge)
    oge.export(model, sample, ["layer1", "layer2", "avgpool", "fc"], "my-guide.onnx")
    # then: java -jar target/guidance-lab.jar guide convert my-guide.onnx \\
    #           --sample my-guide-input.csv --reference my-guide-ref

The taps are module names (model.named_modules()): each one's output becomes a named output of the ONNX graph, and
so a tap of the converted guide with that name; its reference is <ref>/<name>.csv (rows = the sample's examples,
the output flattened in PyTorch's NCHW order, which is the lab's). The input must have a fixed example shape; only
the batch is dynamic. Layers to avoid (the importer fails or is wrong; `guide convert` refuses them by node):
Hardsigmoid, Hardswish, ConvTranspose2d, LSTM/GRU/RNN, LayerNorm, AvgPool2d with padding, x.view(x.size(0), -1)
(use torch.flatten(x, 1)), data-dependent control flow.

Writes the fixtures of the ONNX tests under src/test/resources/guides/onnx/:
  cnn-sequential.onnx, cnn-functional.onnx  the Keras fixtures' small CNNs (scripts/guide-fixtures.py, same weights:
                                            the references are ../ref-cnn-*, the input ../inputs.csv)
  resnet.onnx, resnet-input.csv, resnet-ref/  a BatchNorm + residual network (two residual blocks, one downsampling
                                            through a 1x1 convolution, a squeeze-and-excitation Sigmoid gate,
                                            GlobalAveragePool, a Linear), with taps at module outputs only, so PyTorch
                                            fuses the BatchNorms into the convolutions under "onnx::..." names
  matmul.onnx, matmul-ref/                  a dense network with x @ W + b (MatMul), Tanh, nn.Linear (Gemm), Sigmoid
                                            (the input is ../inputs.csv)
  hardswish.onnx                            a network with a layer the conversion refuses (nn.Hardswish)
  (and under target/onnx-fixtures/: the imported-guide preset's CNN, 28x28, with its references, which
   scripts/guide-fixtures.sh converts to the committed small-cnn-28.sdz)
  not-onnx.onnx                             text, not an ONNX protobuf
"""
import importlib.util
import os
import sys
from collections import OrderedDict

import torch
import torch.nn as nn

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
GUIDES = os.path.join(ROOT, "src", "test", "resources", "guides")
OUT = os.path.join(GUIDES, "onnx")
OPSET = 13


def write_csv(path, rows):
    os.makedirs(os.path.dirname(path), exist_ok=True)
    with open(path, "w") as f:
        for r in rows:
            f.write(",".join("%.9g" % v for v in r) + "\n")


def read_csv(path):
    with open(path) as f:
        return torch.tensor([[float(v) for v in line.split(",")] for line in f if line.strip()])


class _Taps(nn.Module):
    """The model with the outputs of the named modules as its outputs, in the order given."""

    def __init__(self, model, taps):
        super().__init__()
        self.model = model
        self.taps = list(taps)
        modules = dict(model.named_modules())
        missing = [t for t in self.taps if t not in modules]
        if missing:
            raise SystemExit("no module named %s; the modules are %s" % (missing, [n for n in modules if n]))
        self._seen = {}
        for t in self.taps:
            modules[t].register_forward_hook(lambda m, i, o, t=t: self._seen.__setitem__(t, o))

    def forward(self, x):
        self._seen.clear()
        self.model(x)
        return tuple(self._seen[t] for t in self.taps)


def export(model, sample, taps, path, input_csv=None, ref_dir=None):
    """Exports model (in eval mode) to path with the taps as named outputs; writes the sample as input_csv (default
    <path>-input.csv) and each tap's output for it as <ref_dir>/<tap>.csv (default <path>-ref/)."""
    base = os.path.splitext(path)[0]
    input_csv = base + "-input.csv" if input_csv is None else input_csv
    ref_dir = base + "-ref" if ref_dir is None else ref_dir
    wrapper = _Taps(model, taps) if isinstance(taps, (list, tuple)) else taps
    names = list(taps) if isinstance(taps, (list, tuple)) else wrapper.names
    # eval: BatchNorm's running statistics, no dropout (torch.onnx.export restores the wrapper's mode afterwards)
    wrapper.eval()
    with torch.no_grad():
        outs = wrapper(sample)
    torch.onnx.export(wrapper, sample, path, opset_version=OPSET, input_names=["input"], output_names=names,
                      dynamic_axes={"input": {0: "batch"}, **{n: {0: "batch"} for n in names}})
    wrapper.eval()
    if input_csv is not False:
        write_csv(input_csv, sample.reshape(sample.shape[0], -1).numpy())
    if ref_dir is not False:
        for n, o in zip(names, outs):
            write_csv(os.path.join(ref_dir, n + ".csv"), o.reshape(o.shape[0], -1).numpy())


class _LayersDict(nn.Module):
    """guide-fixtures.py's TorchCnn with every entry of its layers() dict as a tap (the Keras fixtures' layer names)."""

    def __init__(self, cnn, sample):
        super().__init__()
        self.cnn = cnn
        with torch.no_grad():
            self.names = list(cnn.layers(sample).keys())

    def forward(self, x):
        out = self.cnn.layers(x)
        # a tensor that is two taps (the Sequential's conv2 and relu2) must be two graph outputs: the second a copy
        seen, values = set(), []
        for n in self.names:
            v = out[n]
            values.append(v.clone() if id(v) in seen else v)
            seen.add(id(v))
        return tuple(values)


class MatMulNet(nn.Module):
    """A dense network whose first layer is written as x @ W + b (exported as MatMul and Add, not Gemm) with a Tanh,
    then an nn.Linear (Gemm) with a Sigmoid: the importer's MatMul, Gemm and sample-input faults in one file."""

    def __init__(self):
        super().__init__()
        self.w = nn.Parameter(torch.zeros(144, 16))
        self.b = nn.Parameter(torch.zeros(16))
        self.fc = nn.Linear(16, 10)

    def layers(self, x):
        out = {}
        out["matmul"] = torch.flatten(x, 1) @ self.w + self.b
        out["tanh"] = torch.tanh(out["matmul"])
        out["fc"] = self.fc(out["tanh"])
        out["sigmoid"] = torch.sigmoid(out["fc"])
        return out


class Block(nn.Module):
    def __init__(self, cin, cout, stride):
        super().__init__()
        self.conv1 = nn.Conv2d(cin, cout, 3, stride, 1, bias=False)
        self.bn1 = nn.BatchNorm2d(cout)
        self.conv2 = nn.Conv2d(cout, cout, 3, 1, 1, bias=False)
        self.bn2 = nn.BatchNorm2d(cout)
        self.short = nn.Identity() if stride == 1 and cin == cout else nn.Sequential(
            nn.Conv2d(cin, cout, 1, stride, bias=False), nn.BatchNorm2d(cout))
        self.relu = nn.ReLU()

    def forward(self, x):
        y = self.relu(self.bn1(self.conv1(x)))
        y = self.bn2(self.conv2(y))
        return self.relu(y + self.short(x))


class Gate(nn.Module):
    """Squeeze and excitation: the channels scaled by a Sigmoid of their global average."""

    def __init__(self, c):
        super().__init__()
        self.pool = nn.AdaptiveAvgPool2d(1)
        self.fc = nn.Conv2d(c, c, 1)
        self.sigmoid = nn.Sigmoid()

    def forward(self, x):
        return x * self.sigmoid(self.fc(self.pool(x)))


class SmallResNet(nn.Module):
    def __init__(self, classes=10):
        super().__init__()
        self.stem = nn.Sequential(nn.Conv2d(1, 8, 3, 1, 1, bias=False), nn.BatchNorm2d(8), nn.ReLU())
        self.block1 = Block(8, 8, 1)
        self.block2 = Block(8, 16, 2)
        self.gate = Gate(16)
        self.avgpool = nn.AdaptiveAvgPool2d(1)
        self.flatten = nn.Flatten()
        self.fc = nn.Linear(16, classes)

    def forward(self, x):
        x = self.gate(self.block2(self.block1(self.stem(x))))
        return self.fc(self.flatten(self.avgpool(x)))


def randomise(model, seed):
    g = torch.Generator().manual_seed(seed)
    with torch.no_grad():
        for p in model.parameters():
            p.copy_(torch.randn(p.shape, generator=g) * 0.3)
        for m in model.modules():
            if isinstance(m, nn.BatchNorm2d):
                m.running_mean.copy_(torch.randn(m.running_mean.shape, generator=g) * 0.1)
                m.running_var.copy_(torch.rand(m.running_var.shape, generator=g) + 0.5)
    model.eval()


def guide_fixtures():
    spec = importlib.util.spec_from_file_location("guide_fixtures", os.path.join(ROOT, "scripts", "guide-fixtures.py"))
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def main():
    os.makedirs(OUT, exist_ok=True)
    gf = guide_fixtures()
    inputs = read_csv(os.path.join(GUIDES, "inputs.csv")).reshape(3, 1, 12, 12)

    # The Keras fixtures' CNNs with the same weights (seed 11): the same references apply, checked here
    for residual, name in ((False, "cnn-sequential"), (True, "cnn-functional")):
        cnn = gf.TorchCnn(4, 8, 10, residual)
        gf.randomise(cnn, 11)
        wrapper = _LayersDict(cnn, inputs)
        export(cnn, inputs, wrapper, os.path.join(OUT, name + ".onnx"), input_csv=False, ref_dir=False)
        with torch.no_grad():
            for n, v in zip(wrapper.names, wrapper(inputs)):
                ref = read_csv(os.path.join(GUIDES, "ref-" + name, n + ".csv"))
                d = (v.reshape(3, -1) - ref).abs().max().item()
                assert d < 1e-6, "%s/%s is not the Keras fixtures' network (%g off its reference)" % (name, n, d)

    # BatchNorm + residual, taps at module outputs only (the BatchNorms fold into the convolutions as "onnx::...")
    resnet = SmallResNet()
    randomise(resnet, 21)
    sample = torch.randn(4, 1, 12, 12, generator=torch.Generator().manual_seed(8))
    export(resnet, sample, ["stem", "block1", "block2", "gate", "avgpool", "fc"], os.path.join(OUT, "resnet.onnx"))

    # MatMul (alpha), Gemm (bias) and Tanh/Sigmoid (sample input) in a dense network over the Keras fixtures' input
    dense = MatMulNet()
    randomise(dense, 13)
    export(dense, inputs, _LayersDict(dense, inputs), os.path.join(OUT, "matmul.onnx"), input_csv=False)

    # The imported-guide preset's network (28x28 grey, like the app's default "shapes" data) for the app's tests: only
    # its .sdz is committed (scripts/guide-fixtures.sh converts it); the ONNX file and references stay under target/
    preset = gf.TorchCnn(8, 16, 10, True)
    gf.randomise(preset, 3)
    build = os.path.join(ROOT, "target", "onnx-fixtures")
    os.makedirs(build, exist_ok=True)
    sample28 = torch.randn(2, 1, 28, 28, generator=torch.Generator().manual_seed(9))
    export(preset, sample28, _LayersDict(preset, sample28), os.path.join(build, "small-cnn-28.onnx"))

    # A layer the conversion refuses, and a file that is not ONNX at all
    bad = nn.Sequential(OrderedDict(conv=nn.Conv2d(1, 4, 3, padding=1), act=nn.Hardswish(), flat=nn.Flatten(),
                                    fc=nn.Linear(4 * 144, 10)))
    randomise(bad, 5)
    export(bad, inputs, ["conv", "act", "fc"], os.path.join(OUT, "hardswish.onnx"), input_csv=False, ref_dir=False)
    with open(os.path.join(OUT, "not-onnx.onnx"), "w") as f:
        f.write("this is not an ONNX model\n")
    print("wrote the ONNX fixtures under", OUT)


if __name__ == "__main__":
    sys.exit(main())
