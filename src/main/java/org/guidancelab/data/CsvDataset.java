package org.guidancelab.data;

import java.nio.file.Path;

/**
 * A CSV table as a task: rows are shuffled (seeded), the first {@code testFraction} become the test split, the next
 * {@code validationFraction} the validation split, the rest training. Each feature column is standardised with the
 * training split's mean and std. Input shape [features]; classes = distinct labels.
 */
public final class CsvDataset {
    private CsvDataset() {
    }

    public static TaskData load(Path file, CsvReader.LabelColumn label, boolean header, char delimiter,
                                double validationFraction, double testFraction, long seed) throws DataFormatException {
        CsvReader.Table t = CsvReader.read(file, label, header, delimiter);
        int n = t.rows();
        int nTest = (int) Math.round(n * testFraction);
        int nVal = (int) Math.round(n * validationFraction);
        if (nTest + nVal >= n) {
            throw DataFormatException.inFile(file, "split", "validationFraction " + validationFraction
                    + " and testFraction " + testFraction + " leave no training rows out of " + n);
        }
        int f = t.features();
        Split all = new Split(n, t.x(), t.y());
        int[] order = new SeededRandom(SeededRandom.derive(seed, 23)).permutation(n);
        Split test = Splits.select(all, order, 0, nTest, f, 1);
        Split validation = Splits.select(all, order, nTest, nTest + nVal, f, 1);
        Split train = Splits.select(all, order, nTest + nVal, n, f, 1);
        Standardizer.standardize(train, validation, test, f, 1);
        String name = "CSV " + file.getFileName() + " (" + f + " features, " + t.classNames().size() + " classes)";
        return new TaskData(name, new int[] {f}, false, 0, t.classNames().size(), 1, train, validation, test);
    }
}
