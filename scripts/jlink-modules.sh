#!/usr/bin/env bash
# The JDK modules Guidance Lab's installer runtime needs, comma-separated: what jdeps finds in the shaded jar, plus
# jdk.zipfs (a service provider jdeps cannot see; PresetCatalog reads the presets inside the jar through it).
# The installer profile of pom.xml carries the list measured by this script (property installer.modules).
#   scripts/jlink-modules.sh [target/guidance-lab.jar]      (about a minute on 2 cores)
set -euo pipefail
jar="${1:-target/guidance-lab.jar}"
[ -f "$jar" ] || { echo "no $jar: build it first (./mvnw -B -o package -DskipTests)" >&2; exit 2; }
found=$(jdeps -q --multi-release 17 --print-module-deps --ignore-missing-deps "$jar" | tail -1)
echo "$found,jdk.zipfs" | tr ',' '\n' | sort -u | paste -sd, -
