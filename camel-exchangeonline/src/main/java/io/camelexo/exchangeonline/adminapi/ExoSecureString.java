package io.camelexo.exchangeonline.adminapi;

/**
 * A SecureString parameter value (e.g. New-Mailbox -Password): sent RSA-encrypted with the session's key, as the module
 * does. Its {@link #toString()} never shows the value. Parameters named Password, RoomMailboxPassword, NewPassword or
 * OldPassword are treated as SecureString even when given as plain strings.
 */
public final class ExoSecureString {

    private final String value;

    private ExoSecureString(String value) {
        this.value = value;
    }

    public static ExoSecureString of(String value) {
        return new ExoSecureString(value == null ? "" : value);
    }

    String value() {
        return value;
    }

    @Override
    public String toString() {
        return "ExoSecureString[******]";
    }
}
