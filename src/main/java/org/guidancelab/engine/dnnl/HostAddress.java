package org.guidancelab.engine.dnnl;

import org.bytedeco.javacpp.Pointer;

/** A pointer whose address is set per call, so binding a buffer to a oneDNN memory allocates nothing. */
final class HostAddress extends Pointer {
    HostAddress at(long address) {
        this.address = address;
        return this;
    }
}
