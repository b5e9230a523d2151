/**
 * The process and the machine the app runs on, set up in one place. {@link org.guidancelab.platform.ProcessSetup}
 * is the entry every JVM of ours calls first (Main, the test launcher, a remote worker): the native memory limit
 * ({@link org.guidancelab.platform.NativeMemoryLimit}) and the native build of ND4J
 * ({@link org.guidancelab.platform.NativeBuild}, measured per CPU by {@link org.guidancelab.platform.MeasuredBuild}),
 * which must be set before ND4J loads, then loading ND4J ({@link org.guidancelab.platform.Backends}) with its compute
 * threads ({@link org.guidancelab.platform.ComputeThreads}) once the {@link org.guidancelab.platform.NativeLoadGate}
 * lets it. {@link org.guidancelab.platform.BackgroundPriority} lowers the threads that must not take cores from the
 * window. Also where the app's files go ({@link org.guidancelab.platform.AppDirs}: XDG folders when installed, the
 * source checkout's folders otherwise), the user's settings and the product version. Only this package sets system
 * properties (ArchitectureTest holds it); it imports nothing of ours, so every other package may use it.
 */
package org.guidancelab.platform;
