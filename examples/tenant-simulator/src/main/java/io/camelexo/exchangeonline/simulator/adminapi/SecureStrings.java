package io.camelexo.exchangeonline.simulator.adminapi;

import io.camelexo.exchangeonline.simulator.entra.TokenService;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.interfaces.RSAPublicKey;
import java.util.Arrays;
import java.util.Base64;
import javax.crypto.Cipher;

/**
 * The key pair behind SecureString and PSCredential parameters
 * (docs/admin-api.md, "SecureString and PSCredential parameters"): the public half is published as .NET
 * XML ({@code <RSAKeyValue><Modulus>…</Modulus><Exponent>AQAB</Exponent></RSAKeyValue>}), clients encrypt with
 * RSA PKCS#1 v1.5 and send standard Base64, the private half stays here to decrypt and check.
 */
public final class SecureStrings {

    private final KeyPair keyPair = TokenService.rsaKeyPair();

    public RSAPublicKey publicKey() {
        return (RSAPublicKey) keyPair.getPublic();
    }

    /** The public key as the module embeds it: unsigned big-endian modulus and exponent, standard Base64. */
    public String publicKeyXml() {
        RSAPublicKey key = publicKey();
        return "<RSAKeyValue><Modulus>" + unsignedBase64(key.getModulus()) + "</Modulus><Exponent>"
                + unsignedBase64(key.getPublicExponent()) + "</Exponent></RSAKeyValue>";
    }

    /**
     * The clear text of an encrypted parameter value.
     *
     * @throws AdminApiError 400 when the value is not Base64 of a PKCS#1 v1.5 block for this key
     */
    String decrypt(String parameter, String base64) {
        try {
            Cipher cipher = Cipher.getInstance("RSA/ECB/PKCS1Padding");
            cipher.init(Cipher.DECRYPT_MODE, keyPair.getPrivate());
            return new String(cipher.doFinal(Base64.getDecoder().decode(base64.strip())), StandardCharsets.UTF_8);
        } catch (IllegalArgumentException | GeneralSecurityException e) {
            // the real service's wording for an undecryptable SecureString is not known
            throw AdminApiError.badRequest(
                    "System.Security.Cryptography.CryptographicException",
                    "The value of parameter '" + parameter
                            + "' could not be decrypted. Encrypt SecureString values with the RSA key of this session (PKCS#1 v1.5, Base64).");
        }
    }

    private static String unsignedBase64(BigInteger value) {
        byte[] bytes = value.toByteArray();
        if (bytes.length > 1 && bytes[0] == 0) {
            bytes = Arrays.copyOfRange(bytes, 1, bytes.length);
        }
        return Base64.getEncoder().encodeToString(bytes);
    }
}
