package io.camelexo.exchangeonline.support;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.security.cert.X509Certificate;
import java.util.List;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;

/** Key material made at test time with the JDK's keytool: nothing secret is committed. */
public final class TestKeys {

    private TestKeys() {}

    /** A PKCS12 file with one RSA key and a self-signed certificate valid for the given days. */
    public static Path keyPair(Path dir, String name, String password, String dname, String san, int validityDays) {
        return keyPair(dir, name, password, dname, san, null, validityDays);
    }

    /** As above, valid from startDate (keytool syntax, e.g. -30d) for validityDays. */
    public static Path keyPair(
            Path dir, String name, String password, String dname, String san, String startDate, int validityDays) {
        Path file = dir.resolve(name + ".p12");
        List<String> command = new java.util.ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "keytool").toString(),
                "-genkeypair",
                "-alias",
                name,
                "-keyalg",
                "RSA",
                "-keysize",
                "2048",
                "-validity",
                String.valueOf(validityDays),
                "-dname",
                dname,
                "-storetype",
                "PKCS12",
                "-keystore",
                file.toString(),
                "-storepass",
                password,
                "-keypass",
                password));
        if (san != null) {
            command.addAll(List.of("-ext", "SAN=" + san));
        }
        if (startDate != null) {
            command.add("-startdate");
            command.add(startDate);
        }
        try {
            Process process =
                    new ProcessBuilder(command).redirectErrorStream(true).start();
            String output = new String(process.getInputStream().readAllBytes());
            if (process.waitFor() != 0) {
                throw new IllegalStateException("keytool failed: " + output);
            }
            return file;
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    public static X509Certificate certificate(Path p12, String password) {
        try (InputStream in = Files.newInputStream(p12)) {
            KeyStore store = KeyStore.getInstance("PKCS12");
            store.load(in, password.toCharArray());
            return (X509Certificate) store.getCertificate(store.aliases().nextElement());
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    /** An SSLContext trusting exactly this certificate. */
    public static SSLContext trusting(X509Certificate certificate) {
        try {
            KeyStore trust = KeyStore.getInstance("PKCS12");
            trust.load(null, null);
            trust.setCertificateEntry("trusted", certificate);
            TrustManagerFactory factory = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
            factory.init(trust);
            SSLContext context = SSLContext.getInstance("TLS");
            context.init(null, factory.getTrustManagers(), null);
            return context;
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
