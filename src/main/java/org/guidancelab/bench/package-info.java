/**
 * The benchmark application behind {@code guidance-lab bench}: standard workloads ({@link
 * org.guidancelab.bench.Workload}, {@link org.guidancelab.bench.BenchData}) timed guided and unguided
 * ({@link org.guidancelab.bench.GuidedBench}), the heatmap and memory benchmarks, the native builds compared in child
 * JVMs ({@link org.guidancelab.bench.NativeBuildBench}) and the external peer ({@link org.guidancelab.bench.PeerRun}).
 * It drives the engine; nothing but the command line uses it.
 */
package org.guidancelab.bench;
