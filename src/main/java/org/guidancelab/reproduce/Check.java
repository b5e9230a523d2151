package org.guidancelab.reproduce;

/**
 * One criterion check of a finding, with the numbers it was decided on.
 *
 * @param counted false for a check the contract only reports (it does not enter the verdict)
 */
public record Check(String label, String numbers, boolean pass, boolean counted) {
    public static Check counted(String label, String numbers, boolean pass) {
        return new Check(label, numbers, pass, true);
    }

    public static Check reported(String label, String numbers, boolean pass) {
        return new Check(label, numbers, pass, false);
    }

    public static Check missing(String label, String what) {
        return new Check(label, "cannot check: " + what, false, true);
    }
}
