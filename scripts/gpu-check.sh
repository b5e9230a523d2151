#!/usr/bin/env bash
# GPU check for a machine with an NVIDIA GPU and driver (no CUDA toolkit needed: the CUDA 11.6 runtime comes
# from Maven Central with the -Pcuda build). Builds the CPU and the GPU jars, then runs the standard benchmark
# workloads and a short guided run of a preset on each, printing the device, steps/s and final losses side by side.
#
#   scripts/gpu-check.sh [PRESET] [STEPS]      (defaults: presets/teaching-demo.json, 200)
set -euo pipefail
cd "$(dirname "$0")/.."
preset=${1:-presets/teaching-demo.json}
steps=${2:-200}
out=$(mktemp -d)

if command -v nvidia-smi >/dev/null 2>&1; then
  nvidia-smi --query-gpu=name,driver_version,memory.total --format=csv
else
  echo "warning: nvidia-smi not found; the GPU run below will most likely report that no GPU is usable" >&2
fi

echo "== building the CPU jar"
./mvnw -B -q -DskipTests package
cp target/guidance-lab.jar "$out/guidance-lab-cpu.jar"
echo "== building the GPU jar (-Pcuda; the first build downloads about 2 GB of CUDA libraries)"
./mvnw -B -q -Pcuda -DskipTests package
cp target/guidance-lab.jar "$out/guidance-lab-cuda.jar"

for backend in cpu cuda; do
  jar="$out/guidance-lab-$backend.jar"
  echo
  echo "================ $backend ================"
  java -jar "$jar" bench --workload all --threads 1 2>&1 | tee "$out/bench-$backend.txt"
  java -jar "$jar" run "$preset" --steps "$steps" --out "$out/runs-$backend" 2>&1 | tee "$out/run-$backend.txt"
done

echo
echo "================ side by side ================"
for backend in cpu cuda; do
  echo "-- $backend"
  grep -E "^(backend|device)|steps/s=" "$out/bench-$backend.txt" || true
  tail -n 8 "$out/run-$backend.txt"
done
echo "(all output kept in $out)"
