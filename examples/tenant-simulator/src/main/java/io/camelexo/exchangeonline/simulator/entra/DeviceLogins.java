package io.camelexo.exchangeonline.simulator.entra;

import io.camelexo.exchangeonline.simulator.tenant.Tenant;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/** Device-code sign-ins waiting for a user: started by /devicecode, completed by a test hook or /deviceauth, redeemed by polling. */
final class DeviceLogins {

    private static final String USER_CODE_ALPHABET = "ABCDEFGHJKLMNPQRSTUVWXYZ23456789";

    static final class Pending {
        final String deviceCode;
        final String userCode;
        final String clientId;
        final Tenant authorityTenant;
        final String resourceScope;
        final Instant expires;
        volatile Directory.User signedIn;

        Pending(
                String deviceCode,
                String userCode,
                String clientId,
                Tenant authorityTenant,
                String resourceScope,
                Instant expires) {
            this.deviceCode = deviceCode;
            this.userCode = userCode;
            this.clientId = clientId;
            this.authorityTenant = authorityTenant;
            this.resourceScope = resourceScope;
            this.expires = expires;
        }
    }

    private final SecureRandom random = new SecureRandom();
    private final Map<String, Pending> byDeviceCode = new ConcurrentHashMap<>();
    private final Map<String, Pending> byUserCode = new ConcurrentHashMap<>();

    /** @param authorityTenant null when the authority was organizations or common */
    Pending start(String clientId, Tenant authorityTenant, String resourceScope, Duration validity) {
        byte[] bytes = new byte[48];
        random.nextBytes(bytes);
        StringBuilder userCode = new StringBuilder();
        for (int i = 0; i < 9; i++) {
            userCode.append(USER_CODE_ALPHABET.charAt(random.nextInt(USER_CODE_ALPHABET.length())));
        }
        Pending pending = new Pending(
                "SIMDC." + Jwt.base64Url(bytes),
                userCode.toString(),
                clientId,
                authorityTenant,
                resourceScope,
                Instant.now().plus(validity));
        byDeviceCode.put(pending.deviceCode, pending);
        byUserCode.put(pending.userCode, pending);
        return pending;
    }

    Pending byDeviceCode(String deviceCode) {
        return byDeviceCode.get(deviceCode);
    }

    /** The pending sign-in for a user code, or null if there is none (never started, redeemed, or expired). */
    Pending byUserCode(String userCode) {
        Pending pending = byUserCode.get(userCode.strip().toUpperCase(Locale.ROOT));
        return pending == null || pending.expires.isBefore(Instant.now()) ? null : pending;
    }

    void finish(Pending pending) {
        byDeviceCode.remove(pending.deviceCode);
        byUserCode.remove(pending.userCode);
    }
}
