#!/usr/bin/python3
"""Writes the imported-guide fixtures (issue #21) without TensorFlow: small CNNs built in PyTorch, saved as Keras 2 h5
files (an HDF5 file with a JSON "model_config" attribute and a "model_weights" group, written with h5py), with the
reference activations of every layer computed by PyTorch.

    /usr/bin/python3 scripts/guide-fixtures.py        # Debian: apt-get install python3-torch python3-h5py

Writes
  src/test/resources/guides/cnn-functional.h5   Keras functional: conv, BatchNorm, a residual Add, pooling, dense
  src/test/resources/guides/cnn-sequential.h5   Keras Sequential: the same layers without the Add
  src/test/resources/guides/inputs.csv          3 examples, one per row, flattened in the lab's layout (C, H, W)
  src/test/resources/guides/ref-<model>/<layer>.csv  PyTorch's output of each layer for those rows, flattened (C, H, W)
  src/test/resources/guides/not-a-model.h5, unsupported-layer.h5, wrong-input.h5   the bad-file cases
  presets/guides/small-cnn-keras.h5             the imported-guide preset's guide (28x28 grey, the shapes dataset)
  src/test/resources/guides/small-cnn-keras-twin.glmodel   its weights in the lab's own model file and flat layout,
                                                for the built-in twin of that guide (the same CKA values)
The DL4J zip fixture is written from the functional h5 by GuideFixtures (src/test/java/.../imported), run by the tests'
own build: see scripts/guide-fixtures.sh.
"""
import json
import os
import sys

import h5py
import numpy as np
import torch
import torch.nn as nn

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
OUT = os.path.join(ROOT, "src", "test", "resources", "guides")
PRESET_OUT = os.path.join(ROOT, "presets", "guides")
KERAS_VERSION = "2.4.0"
EPS = 1e-3  # Keras' BatchNormalization default; PyTorch is told the same


def initializer(name):
    return {"class_name": name, "config": {"seed": None} if name != "Zeros" and name != "Ones" else {}}


def input_layer(name, hwc):
    return {"class_name": "InputLayer", "config": {"batch_input_shape": [None] + list(hwc), "dtype": "float32",
                                                   "sparse": False, "ragged": False, "name": name}}


def conv(name, filters, activation):
    return {"class_name": "Conv2D", "config": {
        "name": name, "trainable": True, "dtype": "float32", "filters": filters, "kernel_size": [3, 3],
        "strides": [1, 1], "padding": "same", "data_format": "channels_last", "dilation_rate": [1, 1], "groups": 1,
        "activation": activation, "use_bias": True, "kernel_initializer": initializer("GlorotUniform"),
        "bias_initializer": initializer("Zeros"), "kernel_regularizer": None, "bias_regularizer": None,
        "activity_regularizer": None, "kernel_constraint": None, "bias_constraint": None}}


def batchnorm(name):
    return {"class_name": "BatchNormalization", "config": {
        "name": name, "trainable": True, "dtype": "float32", "axis": [3], "momentum": 0.99, "epsilon": EPS,
        "center": True, "scale": True, "beta_initializer": initializer("Zeros"),
        "gamma_initializer": initializer("Ones"), "moving_mean_initializer": initializer("Zeros"),
        "moving_variance_initializer": initializer("Ones"), "beta_regularizer": None, "gamma_regularizer": None,
        "beta_constraint": None, "gamma_constraint": None}}


def activation(name, fn):
    return {"class_name": "Activation", "config": {"name": name, "trainable": True, "dtype": "float32", "activation": fn}}


def maxpool(name):
    return {"class_name": "MaxPooling2D", "config": {"name": name, "trainable": True, "dtype": "float32",
                                                     "pool_size": [2, 2], "padding": "valid", "strides": [2, 2],
                                                     "data_format": "channels_last"}}


def gap(name):
    return {"class_name": "GlobalAveragePooling2D", "config": {"name": name, "trainable": True, "dtype": "float32",
                                                               "data_format": "channels_last"}}


def dense(name, units):
    return {"class_name": "Dense", "config": {
        "name": name, "trainable": True, "dtype": "float32", "units": units, "activation": "linear", "use_bias": True,
        "kernel_initializer": initializer("GlorotUniform"), "bias_initializer": initializer("Zeros"),
        "kernel_regularizer": None, "bias_regularizer": None, "activity_regularizer": None,
        "kernel_constraint": None, "bias_constraint": None}}


def add(name):
    return {"class_name": "Add", "config": {"name": name, "trainable": True, "dtype": "float32"}}


def unsupported(name):
    # a real Keras layer DeepLearning4J cannot import (a convolutional LSTM): the bad-file case
    return {"class_name": "ConvLSTM2D", "config": {"name": name, "trainable": True, "dtype": "float32", "filters": 2,
                                                   "kernel_size": [3, 3], "strides": [1, 1], "padding": "same",
                                                   "data_format": "channels_last", "activation": "tanh"}}


class TorchCnn(nn.Module):
    """The PyTorch twin: conv1 -> bn1 -> relu1 -> conv2 (-> add relu1, functional) -> relu2 -> pool -> conv3 -> gap -> logits."""

    def __init__(self, c1, c3, classes, residual):
        super().__init__()
        self.residual = residual
        self.conv1 = nn.Conv2d(1, c1, 3, padding=1)
        self.bn1 = nn.BatchNorm2d(c1, eps=EPS)
        self.conv2 = nn.Conv2d(c1, c1, 3, padding=1)
        self.pool = nn.MaxPool2d(2)
        self.conv3 = nn.Conv2d(c1, c3, 3, padding=1)
        self.logits = nn.Linear(c3, classes)

    def layers(self, x):
        out = {}
        out["conv1"] = self.conv1(x)
        out["bn1"] = self.bn1(out["conv1"])
        out["relu1"] = torch.relu(out["bn1"])
        c2 = self.conv2(out["relu1"])
        if self.residual:
            out["conv2"] = c2
            out["add"] = out["relu1"] + c2
            out["relu2"] = torch.relu(out["add"])
        else:
            out["conv2"] = torch.relu(c2)
            out["relu2"] = out["conv2"]
        out["pool"] = self.pool(out["relu2"])
        out["conv3"] = torch.relu(self.conv3(out["pool"]))
        out["gap"] = out["conv3"].mean(dim=(2, 3))
        out["logits"] = self.logits(out["gap"])
        return out


def randomise(model, seed):
    g = torch.Generator().manual_seed(seed)
    with torch.no_grad():
        for p in model.parameters():
            p.copy_(torch.randn(p.shape, generator=g) * 0.3)
        model.bn1.running_mean.copy_(torch.randn(model.bn1.running_mean.shape, generator=g) * 0.1)
        model.bn1.running_var.copy_(torch.rand(model.bn1.running_var.shape, generator=g) + 0.5)
    model.eval()


def keras_weights(model):
    """Each Keras layer's weights from the PyTorch module: conv kernels as (kh, kw, in, out), dense as (in, out)."""
    t = lambda p: p.detach().numpy().astype(np.float32)
    return {
        "conv1": [("kernel:0", t(model.conv1.weight).transpose(2, 3, 1, 0)), ("bias:0", t(model.conv1.bias))],
        "bn1": [("gamma:0", t(model.bn1.weight)), ("beta:0", t(model.bn1.bias)),
                ("moving_mean:0", t(model.bn1.running_mean)), ("moving_variance:0", t(model.bn1.running_var))],
        "conv2": [("kernel:0", t(model.conv2.weight).transpose(2, 3, 1, 0)), ("bias:0", t(model.conv2.bias))],
        "conv3": [("kernel:0", t(model.conv3.weight).transpose(2, 3, 1, 0)), ("bias:0", t(model.conv3.bias))],
        "logits": [("kernel:0", t(model.logits.weight).T.copy()), ("bias:0", t(model.logits.bias))],
    }


def layers_config(hw, c1, c3, classes, residual, extra=None):
    """The Keras layer configs of the twin, with the functional graph's inbound nodes when residual."""
    chain = [input_layer("input", (hw, hw, 1)), conv("conv1", c1, "linear"), batchnorm("bn1"),
             activation("relu1", "relu"), conv("conv2", c1, "linear" if residual else "relu")]
    if residual:
        chain += [add("add"), activation("relu2", "relu")]
    chain += [maxpool("pool"), conv("conv3", c3, "relu"), gap("gap"), dense("logits", classes)]
    if extra is not None:
        chain.insert(2, extra)
    return chain


def write_h5(path, hw, c1, c3, classes, residual, weights, extra=None, functional=None):
    functional = residual if functional is None else functional
    layers = layers_config(hw, c1, c3, classes, residual, extra)
    if functional:
        previous = None
        for layer in layers:
            name = layer["config"]["name"]
            layer["name"] = name
            if layer["class_name"] == "InputLayer":
                layer["inbound_nodes"] = []
            elif layer["class_name"] == "Add":
                layer["inbound_nodes"] = [[["relu1", 0, 0, {}], [previous, 0, 0, {}]]]
            else:
                layer["inbound_nodes"] = [[[previous, 0, 0, {}]]]
            previous = name
        config = {"class_name": "Functional", "config": {"name": "cnn", "layers": layers,
                                                         "input_layers": [["input", 0, 0]],
                                                         "output_layers": [[previous, 0, 0]]}}
    else:
        config = {"class_name": "Sequential", "config": {"name": "cnn", "layers": layers}}
    config["keras_version"] = KERAS_VERSION
    config["backend"] = "tensorflow"
    names = [layer["config"]["name"] for layer in layers]
    with h5py.File(path, "w") as f:
        f.attrs["keras_version"] = KERAS_VERSION.encode()
        f.attrs["backend"] = b"tensorflow"
        f.attrs["model_config"] = json.dumps(config).encode()
        g = f.create_group("model_weights")
        g.attrs["layer_names"] = np.array([n.encode() for n in names])
        g.attrs["backend"] = b"tensorflow"
        g.attrs["keras_version"] = KERAS_VERSION.encode()
        for n in names:
            lg = g.create_group(n)
            ws = weights.get(n, [])
            lg.attrs["weight_names"] = np.array([(n + "/" + w).encode() for w, _ in ws])
            if ws:
                inner = lg.create_group(n)
                for w, value in ws:
                    inner.create_dataset(w, data=value)


def write_glmodel(path, model):
    """The lab's model file ("GLMODEL1", big-endian counts and floats): the flat parameters in the lab's layer order
    (conv W [out, in, k, k] then b; BatchNorm gamma, beta; dense W [in, out] then b) and the BatchNorm running
    statistics as state (mean, then variance)."""
    t = lambda p: p.detach().numpy().astype(">f4").ravel()
    params = np.concatenate([t(model.conv1.weight), t(model.conv1.bias), t(model.bn1.weight), t(model.bn1.bias),
                             t(model.conv2.weight), t(model.conv2.bias), t(model.conv3.weight), t(model.conv3.bias),
                             model.logits.weight.detach().numpy().T.astype(">f4").ravel(), t(model.logits.bias)])
    state = np.concatenate([t(model.bn1.running_mean), t(model.bn1.running_var)])
    with open(path, "wb") as f:
        f.write(b"GLMODEL1")
        for v in (params, state):
            f.write(np.array([len(v)], dtype=">i4").tobytes())
            f.write(v.astype(">f4").tobytes())


def write_csv(path, rows):
    os.makedirs(os.path.dirname(path), exist_ok=True)
    with open(path, "w") as f:
        for r in rows:
            f.write(",".join("%.9g" % v for v in r) + "\n")


def main():
    os.makedirs(OUT, exist_ok=True)
    os.makedirs(PRESET_OUT, exist_ok=True)
    torch.manual_seed(0)

    # The exactness fixtures: 12x12 grey inputs, 4 and 8 channels, 3 examples (a few KB of references).
    hw, c1, c3, classes = 12, 4, 8, 10
    inputs = torch.randn(3, 1, hw, hw, generator=torch.Generator().manual_seed(7))
    write_csv(os.path.join(OUT, "inputs.csv"), inputs.reshape(3, -1).numpy())
    for residual, name in ((True, "cnn-functional"), (False, "cnn-sequential")):
        model = TorchCnn(c1, c3, classes, residual)
        randomise(model, 11)
        write_h5(os.path.join(OUT, name + ".h5"), hw, c1, c3, classes, residual, keras_weights(model))
        with torch.no_grad():
            acts = model.layers(inputs)
        for layer, value in acts.items():
            write_csv(os.path.join(OUT, "ref-" + name, layer + ".csv"), value.reshape(3, -1).numpy())

    # Bad files: not HDF5 at all, a layer the import cannot run, an input that does not fit 12x12 grey data.
    with open(os.path.join(OUT, "not-a-model.h5"), "wb") as f:
        f.write(b"this is not an HDF5 file\n")
    model = TorchCnn(c1, c3, classes, True)
    randomise(model, 11)
    write_h5(os.path.join(OUT, "unsupported-layer.h5"), hw, c1, c3, classes, False, keras_weights(model),
             extra=unsupported("convlstm"), functional=False)
    model3 = TorchCnn(c1, c3, classes, True)
    randomise(model3, 11)
    write_h5(os.path.join(OUT, "wrong-input.h5"), 10, c1, c3, classes, True, keras_weights(model3))

    # The preset's guide: the teaching demo's small CNN shape on 28x28 grey, 8/16 channels, untrained weights.
    preset = TorchCnn(8, 16, 10, True)
    randomise(preset, 3)
    write_h5(os.path.join(PRESET_OUT, "small-cnn-keras.h5"), 28, 8, 16, 10, True, keras_weights(preset))
    write_glmodel(os.path.join(OUT, "small-cnn-keras-twin.glmodel"), preset)
    print("wrote fixtures under", OUT, "and", PRESET_OUT)


if __name__ == "__main__":
    sys.exit(main())
