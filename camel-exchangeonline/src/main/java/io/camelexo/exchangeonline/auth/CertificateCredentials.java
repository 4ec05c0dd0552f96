package io.camelexo.exchangeonline.auth;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyStore;
import java.security.MessageDigest;
import java.security.PrivateKey;
import java.security.UnrecoverableKeyException;
import java.security.cert.Certificate;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.security.spec.PKCS8EncodedKeySpec;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collections;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.crypto.Cipher;
import javax.crypto.EncryptedPrivateKeyInfo;
import javax.crypto.SecretKeyFactory;
import javax.crypto.spec.PBEKeySpec;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A private key and its certificate chain for app-only sign-in, in every form the module accepts: PFX/P12 file,
 * PEM file (PKCS#8, PKCS#1, encrypted PKCS#8, with the chain), a key store entry chosen by SHA-1 thumbprint
 * (what -CertificateThumbprint does on Windows), or a ready key entry. Loaded and checked when the session opens,
 * so that a wrong password or an expired certificate stops the route start, not the first call.
 */
final class CertificateCredentials {

    private static final Logger LOG = LoggerFactory.getLogger(CertificateCredentials.class);
    static final Duration EXPIRY_WARNING = Duration.ofDays(30);
    private static final Pattern PEM_BLOCK =
            Pattern.compile("-----BEGIN ([A-Z0-9 ]+)-----([A-Za-z0-9+/=\\s]+?)-----END \\1-----");
    /** DER prefix of a PKCS#8 PrivateKeyInfo for rsaEncryption, up to the OCTET STRING holding the PKCS#1 key. */
    private static final byte[] RSA_ALGORITHM_IDENTIFIER =
            HexFormat.of().parseHex("020100300d06092a864886f70d0101010500");

    final PrivateKey key;
    final List<X509Certificate> chain;

    private CertificateCredentials(PrivateKey key, List<X509Certificate> chain) {
        this.key = key;
        this.chain = chain;
    }

    X509Certificate certificate() {
        return chain.get(0);
    }

    /** Picks the form from what was configured and validates the result. */
    static CertificateCredentials load(Credentials credentials, Instant now) {
        CertificateCredentials loaded;
        String source;
        if (credentials.certificate() != null) {
            KeyStore.PrivateKeyEntry entry = credentials.certificate();
            loaded = new CertificateCredentials(entry.getPrivateKey(), x509Chain(entry.getCertificateChain()));
            source = "the certificate bean";
        } else if (credentials.certificateThumbprint() != null) {
            source = keyStorePath(credentials);
            loaded = fromKeyStoreByThumbprint(
                    source, credentials.certificatePassword(), credentials.certificateThumbprint());
        } else if (credentials.certificateFilePath() != null) {
            source = credentials.certificateFilePath();
            loaded = isPem(source)
                    ? fromPem(source, credentials.certificatePassword())
                    : fromPkcs12(source, credentials.certificatePassword());
        } else {
            throw new IllegalArgumentException(
                    "auth=certificate needs certificateFilePath, certificateThumbprint or certificate");
        }
        return checked(loaded, source, now);
    }

    /** The key store for certificateThumbprint: certificateFilePath, else the JVM's javax.net.ssl.keyStore. */
    private static String keyStorePath(Credentials credentials) {
        if (credentials.certificateFilePath() != null) {
            return credentials.certificateFilePath();
        }
        String jvmKeyStore = System.getProperty("javax.net.ssl.keyStore");
        if (jvmKeyStore == null) {
            throw new IllegalArgumentException(
                    "certificateThumbprint needs a key store to search: set certificateFilePath "
                            + "to a PKCS12 or JKS key store (or the JVM property javax.net.ssl.keyStore)");
        }
        return jvmKeyStore;
    }

    private static KeyStore openKeyStore(String path, char[] password) {
        IOException lastFailure = null;
        for (String type : List.of("PKCS12", "JKS")) {
            try (InputStream in = Files.newInputStream(Path.of(path))) {
                KeyStore store = KeyStore.getInstance(type);
                store.load(in, password);
                return store;
            } catch (NoSuchFileException e) {
                throw new IllegalArgumentException("certificateFilePath: no file at " + path, e);
            } catch (IOException e) {
                if (e.getCause() instanceof UnrecoverableKeyException
                        || String.valueOf(e.getMessage()).contains("password")) {
                    throw new IllegalArgumentException("certificatePassword does not open the key store " + path, e);
                }
                lastFailure = e;
            } catch (GeneralSecurityException e) {
                lastFailure = new IOException(e.getMessage(), e);
            }
        }
        throw new IllegalArgumentException(
                "certificateFilePath: " + path + " is neither a PFX/P12 nor a JKS key store ("
                        + lastFailure.getMessage() + ")",
                lastFailure);
    }

    /** A PFX/P12 file holding exactly one key entry. */
    static CertificateCredentials fromPkcs12(String path, String password) {
        char[] secret = chars(password);
        KeyStore store = openKeyStore(path, secret);
        List<String> keyAliases = new ArrayList<>();
        try {
            for (String alias : Collections.list(store.aliases())) {
                if (store.isKeyEntry(alias)) {
                    keyAliases.add(alias);
                }
            }
            if (keyAliases.size() != 1) {
                throw new IllegalArgumentException("certificateFilePath: " + path + " holds " + keyAliases.size()
                        + " private keys; give certificateThumbprint to choose one");
            }
            return fromEntry(store, keyAliases.get(0), secret, path);
        } catch (GeneralSecurityException e) {
            throw new IllegalArgumentException(
                    "certificateFilePath: " + path + " cannot be read (" + e.getMessage() + ")", e);
        }
    }

    static CertificateCredentials fromKeyStoreByThumbprint(String path, String password, String thumbprint) {
        char[] secret = chars(password);
        KeyStore store = openKeyStore(path, secret);
        String wanted = thumbprint.replaceAll("[\\s:]", "").toLowerCase(Locale.ROOT);
        try {
            MessageDigest sha1 = MessageDigest.getInstance("SHA-1");
            for (String alias : Collections.list(store.aliases())) {
                Certificate certificate = store.getCertificate(alias);
                if (store.isKeyEntry(alias)
                        && certificate != null
                        && HexFormat.of()
                                .formatHex(sha1.digest(certificate.getEncoded()))
                                .equals(wanted)) {
                    return fromEntry(store, alias, secret, path);
                }
            }
        } catch (GeneralSecurityException e) {
            throw new IllegalArgumentException(
                    "certificateFilePath: " + path + " cannot be read (" + e.getMessage() + ")", e);
        }
        throw new IllegalArgumentException(
                "certificateThumbprint " + thumbprint + " matches no private key entry in " + path);
    }

    private static CertificateCredentials fromEntry(KeyStore store, String alias, char[] password, String path)
            throws GeneralSecurityException {
        try {
            PrivateKey key = (PrivateKey) store.getKey(alias, password);
            return new CertificateCredentials(key, x509Chain(store.getCertificateChain(alias)));
        } catch (UnrecoverableKeyException e) {
            throw new IllegalArgumentException("certificatePassword does not open the private key in " + path, e);
        }
    }

    /** A PEM file with one private key (PKCS#8, PKCS#1 or encrypted PKCS#8) and its certificate chain, leaf first. */
    static CertificateCredentials fromPem(String path, String password) {
        String text;
        try {
            text = Files.readString(Path.of(path), StandardCharsets.US_ASCII);
        } catch (NoSuchFileException e) {
            throw new IllegalArgumentException("certificateFilePath: no file at " + path, e);
        } catch (IOException e) {
            throw new IllegalArgumentException(
                    "certificateFilePath: " + path + " cannot be read (" + e.getMessage() + ")", e);
        }
        PrivateKey key = null;
        List<X509Certificate> chain = new ArrayList<>();
        Matcher block = PEM_BLOCK.matcher(text);
        try {
            CertificateFactory x509 = CertificateFactory.getInstance("X.509");
            while (block.find()) {
                byte[] der = Base64.getMimeDecoder().decode(block.group(2));
                switch (block.group(1)) {
                    case "CERTIFICATE" ->
                        chain.add((X509Certificate) x509.generateCertificate(new ByteArrayInputStream(der)));
                    case "PRIVATE KEY" -> key = rsaKey(der);
                    case "RSA PRIVATE KEY" -> key = rsaKey(pkcs1ToPkcs8(der));
                    case "ENCRYPTED PRIVATE KEY" -> key = decrypt(der, password, path);
                    default -> LOG.debug("Ignoring PEM block {} in {}", block.group(1), path);
                }
            }
        } catch (GeneralSecurityException e) {
            throw new IllegalArgumentException(
                    "certificateFilePath: " + path + " holds an unreadable key or certificate (" + e.getMessage() + ")",
                    e);
        }
        if (key == null) {
            throw new IllegalArgumentException(
                    "certificateFilePath: " + path + " holds no private key (expected a PRIVATE KEY, "
                            + "RSA PRIVATE KEY or ENCRYPTED PRIVATE KEY block next to the certificate)");
        }
        if (chain.isEmpty()) {
            throw new IllegalArgumentException("certificateFilePath: " + path + " holds no CERTIFICATE block");
        }
        return new CertificateCredentials(key, chain);
    }

    private static PrivateKey decrypt(byte[] der, String password, String path) throws GeneralSecurityException {
        if (password == null) {
            throw new IllegalArgumentException(
                    "certificatePassword is needed for the encrypted private key in " + path);
        }
        try {
            EncryptedPrivateKeyInfo info = new EncryptedPrivateKeyInfo(der);
            // for PBES2 getAlgName() only says PBES2; the parameters name the real algorithm
            // (PBEWithHmacSHA256AndAES_256)
            String algorithm =
                    info.getAlgParameters() != null ? info.getAlgParameters().toString() : info.getAlgName();
            SecretKeyFactory factory = SecretKeyFactory.getInstance(algorithm);
            Cipher cipher = Cipher.getInstance(algorithm);
            cipher.init(
                    Cipher.DECRYPT_MODE,
                    factory.generateSecret(new PBEKeySpec(password.toCharArray())),
                    info.getAlgParameters());
            return KeyFactory.getInstance("RSA").generatePrivate(info.getKeySpec(cipher));
        } catch (GeneralSecurityException | IOException e) {
            throw new IllegalArgumentException("certificatePassword does not decrypt the private key in " + path, e);
        }
    }

    private static PrivateKey rsaKey(byte[] pkcs8) throws GeneralSecurityException {
        return KeyFactory.getInstance("RSA").generatePrivate(new PKCS8EncodedKeySpec(pkcs8));
    }

    /** Wraps a PKCS#1 RSAPrivateKey into a PKCS#8 PrivateKeyInfo: version 0, rsaEncryption, key as OCTET STRING. */
    static byte[] pkcs1ToPkcs8(byte[] pkcs1) {
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        body.writeBytes(RSA_ALGORITHM_IDENTIFIER);
        body.write(0x04);
        body.writeBytes(derLength(pkcs1.length));
        body.writeBytes(pkcs1);
        ByteArrayOutputStream sequence = new ByteArrayOutputStream();
        sequence.write(0x30);
        sequence.writeBytes(derLength(body.size()));
        sequence.writeBytes(body.toByteArray());
        return sequence.toByteArray();
    }

    private static byte[] derLength(int length) {
        if (length < 0x80) {
            return new byte[] {(byte) length};
        }
        int bytes = length > 0xFFFF ? 3 : length > 0xFF ? 2 : 1;
        byte[] encoded = new byte[bytes + 1];
        encoded[0] = (byte) (0x80 | bytes);
        for (int i = bytes; i > 0; i--) {
            encoded[i] = (byte) length;
            length >>= 8;
        }
        return encoded;
    }

    private static List<X509Certificate> x509Chain(Certificate[] chain) {
        List<X509Certificate> certificates = new ArrayList<>();
        if (chain != null) {
            for (Certificate certificate : chain) {
                certificates.add((X509Certificate) certificate);
            }
        }
        if (certificates.isEmpty()) {
            throw new IllegalArgumentException("The certificate entry has no certificate");
        }
        return certificates;
    }

    private static boolean isPem(String path) {
        try (InputStream in = Files.newInputStream(Path.of(path))) {
            return new String(in.readNBytes(4096), StandardCharsets.US_ASCII).contains("-----BEGIN ");
        } catch (NoSuchFileException e) {
            throw new IllegalArgumentException("certificateFilePath: no file at " + path, e);
        } catch (IOException e) {
            throw new IllegalArgumentException(
                    "certificateFilePath: " + path + " cannot be read (" + e.getMessage() + ")", e);
        }
    }

    private static char[] chars(String password) {
        return password == null ? new char[0] : password.toCharArray();
    }

    private static CertificateCredentials checked(CertificateCredentials credentials, String source, Instant now) {
        if (!"RSA".equals(credentials.key.getAlgorithm())) {
            throw new IllegalArgumentException("The certificate in " + source + " has a "
                    + credentials.key.getAlgorithm() + " key; Entra ID client assertions need an RSA key");
        }
        Instant notAfter = credentials.certificate().getNotAfter().toInstant();
        String subject = credentials.certificate().getSubjectX500Principal().getName();
        if (!notAfter.isAfter(now)) {
            throw new IllegalArgumentException(
                    "The certificate " + subject + " in " + source + " expired on " + notAfter);
        }
        if (notAfter.isBefore(now.plus(EXPIRY_WARNING))) {
            LOG.warn(
                    "The certificate {} in {} expires on {}: renew it and upload the new one to the app registration",
                    subject,
                    source,
                    notAfter);
        }
        return credentials;
    }
}
