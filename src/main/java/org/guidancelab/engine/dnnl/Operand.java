package org.guidancelab.engine.dnnl;

import static org.bytedeco.dnnl.global.dnnl.DNNL_ARG_FROM;
import static org.bytedeco.dnnl.global.dnnl.DNNL_ARG_TO;
import static org.bytedeco.dnnl.global.dnnl.dnnl_memory_create;
import static org.bytedeco.dnnl.global.dnnl.dnnl_memory_desc_equal;
import static org.bytedeco.dnnl.global.dnnl.dnnl_memory_desc_get_size;
import static org.bytedeco.dnnl.global.dnnl.dnnl_memory_destroy;
import static org.bytedeco.dnnl.global.dnnl.dnnl_memory_set_data_handle;
import static org.bytedeco.dnnl.global.dnnl.dnnl_primitive_create;
import static org.bytedeco.dnnl.global.dnnl.dnnl_primitive_desc_destroy;
import static org.bytedeco.dnnl.global.dnnl.dnnl_primitive_destroy;
import static org.bytedeco.dnnl.global.dnnl.dnnl_primitive_execute;
import static org.bytedeco.dnnl.global.dnnl.dnnl_reorder_primitive_desc_create;
import static org.guidancelab.engine.dnnl.OneDnn.check;

import org.bytedeco.dnnl.dnnl_exec_arg_t;
import org.bytedeco.dnnl.dnnl_memory;
import org.bytedeco.dnnl.dnnl_memory_desc_t;
import org.bytedeco.dnnl.dnnl_primitive;
import org.bytedeco.dnnl.dnnl_primitive_desc;
import org.bytedeco.javacpp.BytePointer;
import org.bytedeco.javacpp.Pointer;

/**
 * One tensor argument of a primitive: the caller's buffer in a plain layout (NCHW, OIHW, a vector) and the layout the
 * primitive chose, with the reorders between them made once. When the two layouts agree the primitive reads and
 * writes the caller's buffer directly.
 */
final class Operand implements AutoCloseable {
    private final OneDnn dnnl;
    private final dnnl_memory user;
    private final dnnl_memory inner;
    /** Owned storage of the primitive's layout, or null when it is the caller's buffer. */
    private final BytePointer storage;
    private final dnnl_primitive toInner, toUser;
    private final dnnl_exec_arg_t toInnerArgs, toUserArgs;
    private final HostAddress at = new HostAddress();

    /**
     * {@code read}: the primitive reads it (a reorder into its layout when they differ); {@code written}: the
     * primitive writes it (a reorder back to the caller's layout).
     */
    Operand(OneDnn dnnl, dnnl_memory_desc_t plain, dnnl_memory_desc_t chosen, boolean read, boolean written) {
        this.dnnl = dnnl;
        this.user = memory(dnnl, plain, null);
        if (dnnl_memory_desc_equal(plain, chosen) != 0) {
            inner = user;
            storage = null;
            toInner = toUser = null;
            toInnerArgs = toUserArgs = null;
            return;
        }
        storage = new BytePointer(dnnl_memory_desc_get_size(chosen));
        inner = memory(dnnl, chosen, storage);
        toInner = read ? reorder(dnnl, plain, chosen) : null;
        toInnerArgs = read ? args(user, inner) : null;
        toUser = written ? reorder(dnnl, chosen, plain) : null;
        toUserArgs = written ? args(inner, user) : null;
    }

    private static dnnl_memory memory(OneDnn dnnl, dnnl_memory_desc_t md, Pointer handle) {
        dnnl_memory m = new dnnl_memory();
        check(dnnl_memory_create(m, md, dnnl.engine, handle), "creating a memory");
        return m;
    }

    private static dnnl_primitive reorder(OneDnn dnnl, dnnl_memory_desc_t from, dnnl_memory_desc_t to) {
        dnnl_primitive_desc pd = new dnnl_primitive_desc();
        check(dnnl_reorder_primitive_desc_create(pd, from, dnnl.engine, to, dnnl.engine, null), "describing a reorder");
        dnnl_primitive p = new dnnl_primitive();
        check(dnnl_primitive_create(p, pd), "creating a reorder");
        dnnl_primitive_desc_destroy(pd);
        return p;
    }

    private static dnnl_exec_arg_t args(dnnl_memory from, dnnl_memory to) {
        dnnl_exec_arg_t a = new dnnl_exec_arg_t(2);
        a.position(0).arg(DNNL_ARG_FROM).memory(from);
        a.position(1).arg(DNNL_ARG_TO).memory(to);
        return a.position(0);
    }

    /** Points the caller's side at {@code address} (host memory holding the plain layout). */
    Operand bind(long address) {
        check(dnnl_memory_set_data_handle(user, at.at(address)), "binding a buffer");
        return this;
    }

    /** Brings the caller's values into the primitive's layout (nothing when they agree). */
    void pull() {
        if (toInner != null) {
            check(dnnl_primitive_execute(toInner, dnnl.stream(), 2, toInnerArgs), "reordering an input");
        }
    }

    /** Writes the primitive's result back in the caller's layout (nothing when they agree). */
    void push() {
        if (toUser != null) {
            check(dnnl_primitive_execute(toUser, dnnl.stream(), 2, toUserArgs), "reordering an output");
        }
    }

    /** The memory the primitive uses. */
    dnnl_memory memory() {
        return inner;
    }

    @Override
    public void close() {
        if (toInner != null) {
            dnnl_primitive_destroy(toInner);
        }
        if (toUser != null) {
            dnnl_primitive_destroy(toUser);
        }
        if (inner != user) {
            dnnl_memory_destroy(inner);
            storage.close();
        }
        dnnl_memory_destroy(user);
    }
}
