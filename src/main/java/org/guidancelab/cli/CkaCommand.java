package org.guidancelab.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.guidancelab.engine.cka.CkaEstimator;
import org.guidancelab.engine.cka.GramCka;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code cka X.csv Y.csv [--unbiased]}: linear CKA between two representations of the same examples (rows). */
@Command(name = "cka", mixinStandardHelpOptions = true,
        description = "Linear CKA between two CSV matrices whose rows are the same examples (columns are features).")
final class CkaCommand implements Callable<Integer> {

    @Parameters(index = "0", paramLabel = "X.csv")
    Path x;

    @Parameters(index = "1", paramLabel = "Y.csv")
    Path y;

    @Option(names = "--unbiased", description = "the unbiased minibatch estimator (Nguyen et al. 2021; n >= 4, may be negative)")
    boolean unbiased;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        try {
            double[][] a = NumericCsv.read(x);
            double[][] b = NumericCsv.read(y);
            if (a.length != b.length) {
                err.println("error: " + x + " has " + a.length + " rows but " + y + " has " + b.length
                        + "; rows must be the same examples");
                return 1;
            }
            CkaEstimator est = unbiased ? CkaEstimator.UNBIASED : CkaEstimator.BIASED;
            double v = GramCka.cka(a, b, est);
            out.printf(Locale.ROOT, "%.6f%n", v);
            out.printf(Locale.ROOT, "(%s; n=%d examples, p=%d, q=%d features)%n", est.label(), a.length, a[0].length, b[0].length);
            out.flush();
            return 0;
        } catch (IOException | IllegalArgumentException e) {
            err.println("error: " + e.getMessage());
            return 2;
        }
    }
}
