package io.camelexo.exchangeonline.auth;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.PrivateKey;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * A private key and its certificate for app-only sign-in, loaded and checked when the session opens so that a
 * wrong password or an expired certificate stops the route start, not the first call.
 */
final class CertificateCredentials {

    private static final Logger LOG = LoggerFactory.getLogger(CertificateCredentials.class);
    static final Duration EXPIRY_WARNING = Duration.ofDays(30);

    final PrivateKey key;
    final X509Certificate certificate;

    private CertificateCredentials(PrivateKey key, X509Certificate certificate) {
        this.key = key;
        this.certificate = certificate;
    }

    /** A PFX/P12 file holding exactly one key entry. */
    static CertificateCredentials fromPkcs12(String path, String password, Instant now) {
        char[] secret = password == null ? new char[0] : password.toCharArray();
        KeyStore store;
        try (InputStream in = Files.newInputStream(Path.of(path))) {
            store = KeyStore.getInstance("PKCS12");
            store.load(in, secret);
        } catch (NoSuchFileException e) {
            throw new IllegalArgumentException("certificateFilePath: no file at " + path, e);
        } catch (IOException e) {
            if (e.getCause() instanceof java.security.UnrecoverableKeyException || String.valueOf(e.getMessage()).contains("password")) {
                throw new IllegalArgumentException("certificatePassword does not open the PFX/P12 file " + path, e);
            }
            throw new IllegalArgumentException("certificateFilePath: " + path + " is not a readable PFX/P12 file (" + e.getMessage() + ")", e);
        } catch (GeneralSecurityException e) {
            throw new IllegalArgumentException("certificateFilePath: " + path + " cannot be loaded (" + e.getMessage() + ")", e);
        }
        try {
            List<String> keyAliases = new ArrayList<>();
            for (String alias : Collections.list(store.aliases())) {
                if (store.isKeyEntry(alias)) {
                    keyAliases.add(alias);
                }
            }
            if (keyAliases.size() != 1) {
                throw new IllegalArgumentException("certificateFilePath: " + path + " must hold exactly one private key, it holds " + keyAliases.size());
            }
            String alias = keyAliases.get(0);
            PrivateKey key = (PrivateKey) store.getKey(alias, secret);
            X509Certificate certificate = (X509Certificate) store.getCertificate(alias);
            return checked(new CertificateCredentials(key, certificate), path, now);
        } catch (GeneralSecurityException e) {
            throw new IllegalArgumentException("certificatePassword does not open the private key in " + path, e);
        }
    }

    private static CertificateCredentials checked(CertificateCredentials credentials, String source, Instant now) {
        if (!"RSA".equals(credentials.key.getAlgorithm())) {
            throw new IllegalArgumentException("The certificate in " + source + " has a " + credentials.key.getAlgorithm()
                    + " key; Entra ID client assertions need an RSA key");
        }
        Instant notAfter = credentials.certificate.getNotAfter().toInstant();
        String subject = credentials.certificate.getSubjectX500Principal().getName();
        if (!notAfter.isAfter(now)) {
            throw new IllegalArgumentException("The certificate " + subject + " in " + source + " expired on " + notAfter);
        }
        if (notAfter.isBefore(now.plus(EXPIRY_WARNING))) {
            LOG.warn("The certificate {} in {} expires on {}: renew it and upload the new one to the app registration", subject, source, notAfter);
        }
        return credentials;
    }
}
