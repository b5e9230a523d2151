package org.guidancelab.spark;

import java.util.regex.Pattern;

/**
 * Checks a Spark master URL before Spark sees it, so a typo is one clear line instead of Spark's stack trace (Spark
 * says only "Could not parse Master URL" from deep inside its context's start).
 */
final class MasterUrl {
    private static final Pattern LOCAL = Pattern.compile("local(\\[(\\*|[1-9][0-9]*)(,[1-9][0-9]*)?\\])?");
    private static final Pattern STANDALONE = Pattern.compile("spark://[^/:\\s]+(:[0-9]{1,5})?(,[^/:\\s]+(:[0-9]{1,5})?)*");
    private static final Pattern K8S = Pattern.compile("k8s://\\S+");
    static final String FORMS = "local, local[N], local[*], spark://HOST:PORT, yarn or k8s://HOST:PORT";

    private MasterUrl() {
    }

    /** Null when {@code master} is a master URL Spark accepts, else why not. Empty means "spark-submit's". */
    static String problem(String master) {
        if (master == null || master.isEmpty()) {
            return null;
        }
        if (LOCAL.matcher(master).matches() || STANDALONE.matcher(master).matches() || K8S.matcher(master).matches()
                || master.equals("yarn")) {
            return null;
        }
        return "'" + master + "' is not a Spark master URL; use " + FORMS;
    }
}
