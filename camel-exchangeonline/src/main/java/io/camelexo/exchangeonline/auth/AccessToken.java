package io.camelexo.exchangeonline.auth;

import java.time.Duration;
import java.time.Instant;
import java.util.Objects;

/**
 * An access token and when it expires (null = unknown). {@link #toString()} never shows the token.
 */
public final class AccessToken {

    private final String value;
    private final Instant expiresAt;

    public AccessToken(String value, Instant expiresAt) {
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException("An access token must not be empty");
        }
        this.value = value.strip();
        this.expiresAt = expiresAt;
    }

    /** A token whose expiry is read from its JWT {@code exp} claim (unknown when it is no JWT). */
    public static AccessToken of(String value) {
        return new AccessToken(value, JwtClaims.parse(value).expiresAt());
    }

    public String value() {
        return value;
    }

    public Instant expiresAt() {
        return expiresAt;
    }

    /** True when the token expires within the margin from now (never for an unknown expiry). */
    public boolean expiresWithin(Duration margin, Instant now) {
        return expiresAt != null && !now.plus(margin).isBefore(expiresAt);
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof AccessToken token
                && token.value.equals(value)
                && Objects.equals(token.expiresAt, expiresAt);
    }

    @Override
    public int hashCode() {
        return value.hashCode();
    }

    @Override
    public String toString() {
        return "AccessToken[expiresAt=" + expiresAt + "]";
    }
}
