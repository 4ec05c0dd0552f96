package io.camelexo.exchangeonline.simulator.tenant;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Locale;

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
        return amount + " " + UNITS[unit] + " (" + String.format(Locale.ROOT, "%,d", bytes) + " bytes)";
    }

    public static long gigabytes(double amount) {
        return (long) (amount * 1024 * 1024 * 1024);
    }

    public static long megabytes(double amount) {
        return (long) (amount * 1024 * 1024);
    }
}
