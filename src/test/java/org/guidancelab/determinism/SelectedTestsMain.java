package org.guidancelab.determinism;

import static org.junit.platform.engine.discovery.DiscoverySelectors.selectMethod;

import java.io.PrintWriter;
import java.util.Arrays;
import org.junit.platform.launcher.Launcher;
import org.junit.platform.launcher.core.LauncherDiscoveryRequestBuilder;
import org.junit.platform.launcher.core.LauncherFactory;
import org.junit.platform.launcher.listeners.SummaryGeneratingListener;
import org.junit.platform.launcher.listeners.TestExecutionSummary;

/**
 * Runs the given test methods ({@code class#method}) in this JVM and exits 0 only if all ran and passed.
 */
public final class SelectedTestsMain {
    private SelectedTestsMain() {
    }

    public static void main(String[] args) {
        Launcher launcher = LauncherFactory.create();
        SummaryGeneratingListener summary = new SummaryGeneratingListener();
        launcher.execute(LauncherDiscoveryRequestBuilder.request()
                .selectors(Arrays.stream(args).map(m -> selectMethod(m)).toList()).build(), summary);
        TestExecutionSummary s = summary.getSummary();
        s.printFailuresTo(new PrintWriter(System.out, true), 5);
        System.out.println("tests: " + s.getTestsSucceededCount() + " passed, " + s.getTotalFailureCount() + " failed");
        System.out.println("convolutions: " + org.guidancelab.engine.dnnl.OneDnn.describe());
        System.exit(s.getTestsFoundCount() == args.length && s.getTotalFailureCount() == 0 ? 0 : 1);
    }
}
