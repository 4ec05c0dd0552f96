package io.camelexo.exchangeonline.simulator.tenant;

import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Deterministic randomness: every synthetic value is a pure function of (seed, what, index), so a record can be
 * regenerated at any time instead of being stored. GUIDs carry their index in the low 48 bits (masked), which turns
 * "find the mailbox with this ExchangeGuid" into arithmetic plus one regeneration to confirm.
 */
public final class Seeds {

    private static final long INDEX_BITS = 0xFFFF_FFFF_FFFFL;
    /** An odd multiplier and its inverse modulo 2^48: scrambles consecutive indexes into unrelated-looking GUID tails. */
    private static final long SCRAMBLE = 0x9E37_79B9_7F4A_7C15L;

    private static final long UNSCRAMBLE = inverse(SCRAMBLE);

    private Seeds() {}

    /** SplitMix64 finaliser: a cheap, well-mixed hash of one long. */
    public static long mix(long value) {
        long z = value + 0x9E37_79B9_7F4A_7C15L;
        z = (z ^ (z >>> 30)) * 0xBF58_476D_1CE4_E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D0_49BB_1331_11EBL;
        return z ^ (z >>> 31);
    }

    public static long mix(long seed, String text) {
        long h = seed;
        for (byte b : text.getBytes(StandardCharsets.UTF_8)) {
            h = mix(h ^ b);
        }
        return h;
    }

    public static long mix(long seed, String what, long index) {
        return mix(mixed(seed, what) ^ mix(index));
    }

    /** A (seed, kind) pair's hash, worked out once: hashing the text each time was most of a generated record's cost. */
    private static long mixed(long seed, String what) {
        return MIXED.computeIfAbsent(new Kind(seed, what), kind -> mix(kind.seed(), kind.what()));
    }

    private record Kind(long seed, String what) {}

    /** Few entries: the kinds are constants of the code, the seeds one per tenant. */
    private static final Map<Kind, Long> MIXED = new ConcurrentHashMap<>();

    private static final Map<Kind, Long> MASKS = new ConcurrentHashMap<>();

    public static SplittableRandom random(long seed, String what, long index) {
        return new SplittableRandom(mix(seed, what, index));
    }

    /** A version-4 GUID whose low 48 bits hide the index; see {@link #indexOf}. */
    public static UUID guid(long seed, String what, long index) {
        long high = mix(seed, what, index);
        long low = mix(high);
        long msb = (high & ~0xF000L) | 0x4000L;
        long lsb = (low & 0x3FFF_0000_0000_0000L)
                | 0x8000_0000_0000_0000L
                | (((index ^ mask(seed, what)) * SCRAMBLE) & INDEX_BITS);
        return new UUID(msb, lsb);
    }

    /** The index a {@link #guid} was made from, or -1 if the text is no GUID; callers confirm by regenerating. */
    public static long indexOf(long seed, String what, String text) {
        UUID uuid;
        try {
            uuid = UUID.fromString(text.strip());
        } catch (IllegalArgumentException notAGuid) {
            return -1;
        }
        long index = (((uuid.getLeastSignificantBits() & INDEX_BITS) * UNSCRAMBLE) ^ mask(seed, what)) & INDEX_BITS;
        return index <= Integer.MAX_VALUE ? index : -1;
    }

    /** Newton's iteration for the inverse of an odd number modulo 2^64 (hence also modulo 2^48). */
    private static long inverse(long odd) {
        long inverse = odd;
        for (int i = 0; i < 5; i++) {
            inverse *= 2 - odd * inverse;
        }
        return inverse;
    }

    private static long mask(long seed, String what) {
        return MASKS.computeIfAbsent(
                new Kind(seed, what), kind -> mix(kind.seed(), kind.what() + "#mask") & INDEX_BITS);
    }

    /** A printable token of the given length from [A-Za-z0-9], for secrets and ids that must repeat per seed. */
    public static String token(long seed, String what, int length) {
        String alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789";
        SplittableRandom random = random(seed, what, 0);
        StringBuilder text = new StringBuilder(length);
        for (int i = 0; i < length; i++) {
            text.append(alphabet.charAt(random.nextInt(alphabet.length())));
        }
        return text.toString();
    }
}
