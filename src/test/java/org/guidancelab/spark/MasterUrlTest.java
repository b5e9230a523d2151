package org.guidancelab.spark;

import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** A master URL is checked before Spark starts, so a typo is one line that says what is expected. */
class MasterUrlTest {
    @Test
    void theFormsSparkAcceptsPass() {
        for (String ok : new String[] {"", "local", "local[1]", "local[16]", "local[*]", "local[4,3]", "spark://host:7077",
            "spark://10.0.0.1:7077,10.0.0.2:7077", "yarn", "k8s://https://api.example:6443"}) {
            assertNull(MasterUrl.problem(ok), ok);
        }
    }

    @Test
    void anythingElseIsRefusedWithTheFormsNamed() {
        for (String bad : new String[] {"lcoal[2]", "local[0]", "local[two]", "local[2", "spark://", "http://host:7077",
            "spark:host:7077", "mesos://host:5050", "2"}) {
            String p = MasterUrl.problem(bad);
            assertTrue(p != null && p.contains("'" + bad + "'") && p.contains("spark://HOST:PORT"), bad + ": " + p);
        }
    }
}
