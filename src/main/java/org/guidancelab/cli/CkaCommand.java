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
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code cka X.csv Y.csv [--unbiased]}: linear CKA between two representations of the same examples (rows). Inputs
 * it cannot give a meaningful value for (a bad cell, different rows, no variance) are usage errors, exit code 2.
 */
@Command(name = "cka", mixinStandardHelpOptions = true,
        description = "Linear CKA between two CSV matrices whose rows are the same examples (columns are features).")
final class CkaCommand implements Callable<Integer> {

    @Parameters(index = "0", paramLabel = "X.csv", converter = ExistingFile.class)
    Path x;

    @Parameters(index = "1", paramLabel = "Y.csv", converter = ExistingFile.class)
    Path y;

    @Option(names = "--unbiased", description = "the unbiased minibatch estimator (Nguyen et al. 2021; n >= 4, may be negative)")
    boolean unbiased;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        CkaEstimator est = unbiased ? CkaEstimator.UNBIASED : CkaEstimator.BIASED;
        double[][] a;
        double[][] b;
        double v;
        try {
            a = NumericCsv.read(x);
            b = NumericCsv.read(y);
            CkaInputs.check(x, a, y, b, est);
            v = GramCka.ckaOfPrepared(CkaInputs.prepared(x, a, est), CkaInputs.prepared(y, b, est), est);
        } catch (IOException | IllegalArgumentException e) {
            throw new ParameterException(spec.commandLine(), e.getMessage());
        }
        out.printf(Locale.ROOT, "%.6f%n", v);
        out.printf(Locale.ROOT, "(%s; n=%d examples, p=%d, q=%d features)%n", est.label(), a.length, a[0].length, b[0].length);
        out.flush();
        return 0;
    }
}
