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
