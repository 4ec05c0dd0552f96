package io.camelexo.exchangeonline.simulator.tenant;

import java.util.function.IntUnaryOperator;

/** A fixed-length sequence of mailbox indexes, computed on demand rather than stored. */
public interface IntSequence {

    int size();

    /** The element at {@code 0 <= position < size()}. */
    int at(int position);

    static IntSequence of(int size, IntUnaryOperator element) {
        return new IntSequence() {
            @Override
            public int size() {
                return size;
            }

            @Override
            public int at(int position) {
                return element.applyAsInt(position);
            }
        };
    }
}
