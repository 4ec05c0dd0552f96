package io.camelexo.exchangeonline.simulator.tenant;

import java.math.BigDecimal;
import java.math.RoundingMode;

/** Exchange's ByteQuantifiedSize text: {@code "49.5 GB (53,150,220,288 bytes)"}, as InvokeCommand answers sizes. */
public final class ByteSize {

    private static final String[] UNITS = {"B", "KB", "MB", "GB", "TB"};

    private ByteSize() {}

    public static String format(long bytes) {
        int unit = 0;
        double scaled = bytes;
        while (scaled >= 1024 && unit < UNITS.length - 1) {
            scaled /= 1024;
            unit++;
        }
        String amount = BigDecimal.valueOf(scaled)
                .setScale(3, RoundingMode.DOWN)
                .stripTrailingZeros()
                .toPlainString();
        return amount + " " + UNITS[unit] + " (" + grouped(bytes) + " bytes)";
    }

    /** {@code 53150220288 -> "53,150,220,288"}; by hand because String.format is most of a large listing's CPU. */
    static String grouped(long value) {
        String digits = Long.toString(Math.abs(value));
        StringBuilder text = new StringBuilder(digits.length() + digits.length() / 3 + 1);
        if (value < 0) {
            text.append('-');
        }
        int firstGroup = digits.length() % 3 == 0 ? 3 : digits.length() % 3;
        text.append(digits, 0, firstGroup);
        for (int at = firstGroup; at < digits.length(); at += 3) {
            text.append(',').append(digits, at, at + 3);
        }
        return text.toString();
    }

    public static long gigabytes(double amount) {
        return (long) (amount * 1024 * 1024 * 1024);
    }

    public static long megabytes(double amount) {
        return (long) (amount * 1024 * 1024);
    }
}
