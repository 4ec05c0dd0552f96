package io.camelexo.examples.tenantcheck;

import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Keeps secrets and tokens out of everything the check prints or writes. The component's messages already leave them
 * out; this is the second line: the values of the options Camel marks secret (the ones it masks in endpoint URIs),
 * and anything shaped like a bearer token or a JWT, are replaced before a text reaches the report.
 */
final class Redaction {

    static final String MASK = "***";

    private static final Pattern JWT = Pattern.compile("eyJ[A-Za-z0-9_-]{2,}\\.[A-Za-z0-9_-]{2,}\\.[A-Za-z0-9_-]*");
    private static final Pattern BEARER = Pattern.compile("(?i)\\bbearer\\s+[A-Za-z0-9._~+/=-]{8,}");

    private final List<String> secrets;

    /** @param secrets the secret values as the component received them (placeholders resolved) */
    Redaction(Collection<String> secrets) {
        // the longest first, so that a secret containing another is masked whole
        this.secrets = secrets.stream()
                .filter(secret -> secret != null && !secret.isBlank())
                .distinct()
                .sorted(Comparator.comparingInt(String::length).reversed())
                .toList();
    }

    String clean(String text) {
        if (text == null) {
            return null;
        }
        String cleaned = text;
        for (String secret : secrets) {
            cleaned = cleaned.replace(secret, MASK);
        }
        cleaned = BEARER.matcher(cleaned).replaceAll("Bearer " + MASK);
        return JWT.matcher(cleaned).replaceAll(MASK);
    }

    /** Text values cleaned; numbers, booleans and nulls as they are. */
    Object clean(Object value) {
        return value instanceof String || value instanceof CharSequence ? clean(value.toString()) : value;
    }
}
