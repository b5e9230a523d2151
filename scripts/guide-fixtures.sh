#!/bin/sh
# All imported-guide fixtures (issue #21): the Keras h5 files and PyTorch references (scripts/guide-fixtures.py, needs
# Debian's python3-torch and python3-h5py), then the DL4J zips written from them by the lab's own import
# (GuideZipFixtures, from the test classes: run ./mvnw test-compile first).
set -e
cd "$(dirname "$0")/.."
/usr/bin/python3 scripts/guide-fixtures.py
./mvnw -B -q -o dependency:build-classpath -Dmdep.outputFile=target/guide-fixtures.cp >/dev/null
java -cp "target/test-classes:target/classes:$(cat target/guide-fixtures.cp)" \
    org.guidancelab.engine.imported.GuideZipFixtures src/test/resources/guides
# The ONNX fixtures (scripts/onnx-guide-export.py), and the .sdz guides the lab's tests load without the importer,
# written by `guide convert` itself (its child JVM's class path comes from ./mvnw process-test-classes).
/usr/bin/python3 scripts/onnx-guide-export.py
./mvnw -B -q -o process-test-classes >/dev/null
G=src/test/resources/guides
java @target/onnx/importer.args org.guidancelab.Main guide convert $G/onnx/cnn-functional.onnx \
    --sample $G/inputs.csv --reference $G/ref-cnn-functional --out $G/onnx/cnn-functional.sdz
java @target/onnx/importer.args org.guidancelab.Main guide convert $G/onnx/resnet.onnx \
    --sample $G/onnx/resnet-input.csv --reference $G/onnx/resnet-ref --out $G/onnx/resnet.sdz
java @target/onnx/importer.args org.guidancelab.Main guide convert target/onnx-fixtures/small-cnn-28.onnx \
    --sample target/onnx-fixtures/small-cnn-28-input.csv --reference target/onnx-fixtures/small-cnn-28-ref \
    --out $G/onnx/small-cnn-28.sdz
