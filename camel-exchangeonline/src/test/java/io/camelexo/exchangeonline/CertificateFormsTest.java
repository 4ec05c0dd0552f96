package io.camelexo.exchangeonline;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static io.camelexo.exchangeonline.support.AdminApiWire.JSON;
import static io.camelexo.exchangeonline.support.AdminApiWire.mailboxes;
import static io.camelexo.exchangeonline.support.AdminApiWire.page;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import io.camelexo.exchangeonline.support.FakeEntra;
import io.camelexo.exchangeonline.support.SignInTestSupport;
import io.camelexo.exchangeonline.support.TestKeys;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.AlgorithmParameters;
import java.security.KeyStore;
import java.security.MessageDigest;
import java.security.PrivateKey;
import java.security.Signature;
import java.security.cert.X509Certificate;
import java.util.Arrays;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import javax.crypto.Cipher;
import javax.crypto.EncryptedPrivateKeyInfo;
import javax.crypto.SecretKeyFactory;
import javax.crypto.spec.IvParameterSpec;
import javax.crypto.spec.PBEKeySpec;
import javax.crypto.spec.PBEParameterSpec;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Every certificate form of -CertificateFilePath / -CertificateThumbprint / -Certificate signs an assertion Entra accepts. */
class CertificateFormsTest extends SignInTestSupport {

    static final String TOKEN_PATH = "/" + TENANT + "/oauth2/v2.0/token";
    static final String PASSWORD = "store-pass";

    @TempDir
    static Path dir;

    @BeforeEach
    void stubs() {
        ENTRA.server.stubFor(post(urlPathEqualTo(TOKEN_PATH))
                .willReturn(aResponse()
                        .withHeader("Content-Type", "application/json")
                        .withBody(FakeEntra.tokenAnswer("at-cert", 3599))));
        stubExchange(page(mailboxes(0, 1), null, List.of()));
    }

    /** Runs one cmdlet and checks the assertion the fake Entra received: RS256 by this certificate, for this app and authority. */
    private void signsInWith(String options, X509Certificate expected) throws Exception {
        assertThat(template.requestBody(exoUri("exo", "Get-Mailbox", options), null, List.class))
                .hasSize(1);
        assertThat(exchangeRequests().get(0).getHeader("Authorization")).isEqualTo("Bearer at-cert");
        LoggedRequest token = entraRequests(TOKEN_PATH).get(0);
        String[] jwt = formValue(token, "client_assertion").split("\\.");
        JsonNode header = JSON.readTree(Base64.getUrlDecoder().decode(jwt[0]));
        JsonNode claims = JSON.readTree(Base64.getUrlDecoder().decode(jwt[1]));
        assertThat(Base64.getDecoder()
                        .decode(header.path("x5t#S256")
                                .asText()
                                .replace('-', '+')
                                .replace('_', '/')))
                .isEqualTo(MessageDigest.getInstance("SHA-256").digest(expected.getEncoded()));
        assertThat(claims.path("aud").asText())
                .isEqualTo("https://login.microsoftonline.com/" + TENANT + "/oauth2/v2.0/token");
        assertThat(claims.path("iss").asText()).isEqualTo(APP);
        Signature rs256 = Signature.getInstance("SHA256withRSA");
        rs256.initVerify(expected.getPublicKey());
        rs256.update((jwt[0] + "." + jwt[1]).getBytes(StandardCharsets.US_ASCII));
        assertThat(rs256.verify(Base64.getUrlDecoder().decode(jwt[2])))
                .as("assertion signature")
                .isTrue();
    }

    private static KeyStore.PrivateKeyEntry entry(Path p12, String alias) throws Exception {
        KeyStore store = KeyStore.getInstance("PKCS12");
        try (InputStream in = Files.newInputStream(p12)) {
            store.load(in, PASSWORD.toCharArray());
        }
        return (KeyStore.PrivateKeyEntry)
                store.getEntry(alias, new KeyStore.PasswordProtection(PASSWORD.toCharArray()));
    }

    private static String pem(String type, byte[] der) {
        return "-----BEGIN " + type + "-----\n"
                + Base64.getMimeEncoder(64, "\n".getBytes()).encodeToString(der) + "\n-----END " + type + "-----\n";
    }

    /** The PKCS#1 RSAPrivateKey inside a PKCS#8 PrivateKeyInfo: the contents of its OCTET STRING. */
    private static byte[] pkcs1Of(byte[] pkcs8) {
        int i = 1;
        i += lengthBytes(pkcs8, i); // outer SEQUENCE header
        i += 3; // INTEGER 0
        i += 1 + lengthBytes(pkcs8, i + 1) + length(pkcs8, i + 1); // AlgorithmIdentifier SEQUENCE
        int contentLength = length(pkcs8, i + 1);
        int start = i + 1 + lengthBytes(pkcs8, i + 1);
        return Arrays.copyOfRange(pkcs8, start, start + contentLength);
    }

    private static int lengthBytes(byte[] der, int at) {
        return (der[at] & 0x80) == 0 ? 1 : 1 + (der[at] & 0x7f);
    }

    private static int length(byte[] der, int at) {
        if ((der[at] & 0x80) == 0) {
            return der[at];
        }
        int value = 0;
        for (int k = 1; k <= (der[at] & 0x7f); k++) {
            value = (value << 8) | (der[at + k] & 0xff);
        }
        return value;
    }

    private static byte[] encrypted(byte[] pkcs8, String password) throws Exception {
        String algorithm = "PBEWithHmacSHA256AndAES_256";
        Cipher cipher = Cipher.getInstance(algorithm);
        cipher.init(
                Cipher.ENCRYPT_MODE,
                SecretKeyFactory.getInstance(algorithm).generateSecret(new PBEKeySpec(password.toCharArray())),
                new PBEParameterSpec(new byte[16], 10_000, new IvParameterSpec(new byte[16])));
        // what OpenSSL 3 writes by default: PBES2 with PBKDF2-HMAC-SHA256 and AES-256-CBC
        AlgorithmParameters pbes2 = AlgorithmParameters.getInstance("PBES2");
        pbes2.init(cipher.getParameters().getEncoded());
        return new EncryptedPrivateKeyInfo(pbes2, cipher.doFinal(pkcs8)).getEncoded();
    }

    @Test
    void pemFilesInEveryKeyFormat() throws Exception {
        Path p12 = TestKeys.keyPair(dir, "pem-source", PASSWORD, "CN=pem-app", null, 365);
        KeyStore.PrivateKeyEntry entry = entry(p12, "pem-source");
        X509Certificate certificate = (X509Certificate) entry.getCertificate();
        PrivateKey key = entry.getPrivateKey();
        String chain = pem("CERTIFICATE", certificate.getEncoded());

        Path pkcs8 = Files.writeString(dir.resolve("pkcs8.pem"), pem("PRIVATE KEY", key.getEncoded()) + chain);
        signsInWith("certificateFilePath=" + pkcs8, certificate);

        context.getComponent("exo", ExoComponent.class).sessions().closeAll();
        ENTRA.server.resetRequests();
        EXO.resetRequests();
        Path pkcs1 =
                Files.writeString(dir.resolve("pkcs1.pem"), chain + pem("RSA PRIVATE KEY", pkcs1Of(key.getEncoded())));
        signsInWith("certificateFilePath=" + pkcs1, certificate);

        ENTRA.server.resetRequests();
        EXO.resetRequests();
        Path encrypted = Files.writeString(
                dir.resolve("encrypted.pem"),
                pem("ENCRYPTED PRIVATE KEY", encrypted(key.getEncoded(), "pem-pass")) + chain);
        signsInWith("certificateFilePath=" + encrypted + "&certificatePassword=pem-pass", certificate);
    }

    @Test
    void keyStoreEntryChosenByThumbprint() throws Exception {
        Path store = TestKeys.keyPair(dir, "first", PASSWORD, "CN=first", null, 365);
        // a second key entry in the same PKCS12 file
        KeyStore keyStore = KeyStore.getInstance("PKCS12");
        try (InputStream in = Files.newInputStream(store)) {
            keyStore.load(in, PASSWORD.toCharArray());
        }
        Path other = TestKeys.keyPair(dir, "second", PASSWORD, "CN=second", null, 365);
        KeyStore.PrivateKeyEntry second = entry(other, "second");
        keyStore.setEntry("second", second, new KeyStore.PasswordProtection(PASSWORD.toCharArray()));
        Path both = dir.resolve("both.p12");
        try (var out = Files.newOutputStream(both)) {
            keyStore.store(out, PASSWORD.toCharArray());
        }
        X509Certificate secondCertificate = (X509Certificate) second.getCertificate();
        String thumbprint = HexFormat.ofDelimiter(":")
                .withUpperCase()
                .formatHex(MessageDigest.getInstance("SHA-1").digest(secondCertificate.getEncoded()));
        signsInWith(
                "certificateFilePath=" + both + "&certificatePassword=" + PASSWORD + "&certificateThumbprint="
                        + thumbprint,
                secondCertificate);

        assertThat(startFailure(exoUri(
                        "exo", "Get-Mailbox", "certificateFilePath=" + both + "&certificatePassword=" + PASSWORD)))
                .contains("holds 2 private keys; give certificateThumbprint");
        assertThat(startFailure(exoUri(
                        "exo",
                        "Get-Mailbox",
                        "certificateFilePath=" + both + "&certificatePassword=" + PASSWORD
                                + "&certificateThumbprint=0000000000000000000000000000000000000000")))
                .contains("certificateThumbprint 0000", "matches no private key");
    }

    @Test
    void certificateBean() throws Exception {
        Path p12 = TestKeys.keyPair(dir, "bean-cert", PASSWORD, "CN=bean", null, 365);
        KeyStore.PrivateKeyEntry entry = entry(p12, "bean-cert");
        context.getRegistry().bind("appCertificate", entry);
        signsInWith("certificate=#appCertificate", (X509Certificate) entry.getCertificate());
    }

    @Test
    void pemWithoutKeyFailsAtStart() throws Exception {
        Path p12 = TestKeys.keyPair(dir, "no-key", PASSWORD, "CN=no-key", null, 365);
        Path pem = Files.writeString(
                dir.resolve("no-key.pem"),
                pem("CERTIFICATE", entry(p12, "no-key").getCertificate().getEncoded()));
        assertThat(startFailure(exoUri("exo", "Get-Mailbox", "certificateFilePath=" + pem)))
                .contains("certificateFilePath", "holds no private key");
    }
}
