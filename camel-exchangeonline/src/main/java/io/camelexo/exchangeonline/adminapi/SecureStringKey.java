package io.camelexo.exchangeonline.adminapi;

import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.PublicKey;
import java.security.spec.RSAPublicKeySpec;
import java.util.Base64;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.crypto.Cipher;

/**
 * The RSA public key SecureString and PSCredential parameters are encrypted with: .NET XML
 * {@code <RSAKeyValue><Modulus>…</Modulus><Exponent>…</Exponent></RSAKeyValue>}, PKCS#1 v1.5 padding, UTF-8 plain
 * text, standard Base64 out (docs/admin-api.md, "SecureString and PSCredential parameters").
 */
public final class SecureStringKey {

    private static final Pattern KEY_VALUE = Pattern.compile(
            "<RSAKeyValue>\\s*<Modulus>([^<]+)</Modulus>\\s*<Exponent>([^<]+)</Exponent>\\s*</RSAKeyValue>");

    private final PublicKey key;

    private SecureStringKey(PublicKey key) {
        this.key = key;
    }

    /** The first {@code <RSAKeyValue>} in a text (the key XML itself, or the module text that embeds it); null if none. */
    public static SecureStringKey find(String text) {
        Matcher matcher = KEY_VALUE.matcher(text);
        if (!matcher.find()) {
            return null;
        }
        try {
            BigInteger modulus = new BigInteger(1, Base64.getMimeDecoder().decode(matcher.group(1)));
            BigInteger exponent = new BigInteger(1, Base64.getMimeDecoder().decode(matcher.group(2)));
            return new SecureStringKey(
                    KeyFactory.getInstance("RSA").generatePublic(new RSAPublicKeySpec(modulus, exponent)));
        } catch (GeneralSecurityException | IllegalArgumentException e) {
            throw new IllegalArgumentException(
                    "The RSAKeyValue for SecureString parameters is not a valid RSA public key", e);
        }
    }

    /** Base64 of the encrypted UTF-8 text; an empty value is sent as it is, as the module does. */
    String encrypt(String clear) {
        if (clear.isEmpty()) {
            return clear;
        }
        try {
            Cipher cipher = Cipher.getInstance("RSA/ECB/PKCS1Padding");
            cipher.init(Cipher.ENCRYPT_MODE, key);
            return Base64.getEncoder().encodeToString(cipher.doFinal(clear.getBytes(StandardCharsets.UTF_8)));
        } catch (GeneralSecurityException e) {
            throw new IllegalArgumentException(
                    "A SecureString value cannot be encrypted (PKCS#1 v1.5 allows 245 bytes): " + e.getMessage(), e);
        }
    }
}
