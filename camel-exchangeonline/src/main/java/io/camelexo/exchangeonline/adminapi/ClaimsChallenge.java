package io.camelexo.exchangeonline.adminapi;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Continuous access evaluation: a 401 whose {@code WWW-Authenticate: Bearer ... claims="<base64 JSON>"} names the
 * claims the next token must carry (e.g. after a password reset or a revoked session).
 */
final class ClaimsChallenge {

    private static final Pattern CLAIMS = Pattern.compile("claims=\"([^\"]+)\"");

    private ClaimsChallenge() {}

    /** The decoded claims JSON of the first challenge that has one, or null. */
    static String claims(List<String> challenges) {
        for (String challenge : challenges) {
            Matcher matcher = CLAIMS.matcher(challenge);
            if (matcher.find()) {
                String value = matcher.group(1);
                try {
                    return new String(Base64.getDecoder().decode(value), StandardCharsets.UTF_8);
                } catch (IllegalArgumentException notBase64) {
                    return value.startsWith("{") ? value : null;
                }
            }
        }
        return null;
    }
}
