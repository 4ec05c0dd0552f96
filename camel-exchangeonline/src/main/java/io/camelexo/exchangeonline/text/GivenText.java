package io.camelexo.exchangeonline.text;

/**
 * The one rule for option texts: an empty or blank text counts as not given (null), so that an endpoint can clear a
 * component default. Identifiers (app id, tenant, user name, host, URI, path) lose surrounding white space, which is a
 * copy-and-paste slip in them; secrets are kept exactly as given, since white space may belong to a password. Used by
 * auth/, session/ and the Camel glue alike, so it depends on nothing of theirs.
 */
public final class GivenText {

    private GivenText() {}

    /** An identifier, stripped; null when blank. */
    public static String identifier(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }

    /** A secret, unchanged; null when blank. */
    public static String secret(String value) {
        return value == null || value.isBlank() ? null : value;
    }
}
