package io.camelexo.exchangeonline.simulator.server;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.SecureRandom;
import java.security.cert.Certificate;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;

/**
 * The simulator's TLS certificate, made at start with the JDK's keytool (no extra tool on CI): RSA 2048,
 * SAN=ip:127.0.0.1,dns:localhost, because msal4j's default client verifies host names and refuses CN-only
 * certificates. Also writes a trust store holding the certificate as a trusted entry, for clients.
 */
public final class ServerCertificate implements AutoCloseable {

    private static final String ALIAS = "tenant-simulator";

    private final Path directory;
    private final String password;
    private final KeyStore trustStore;

    private ServerCertificate(Path directory, String password, KeyStore trustStore) {
        this.directory = directory;
        this.password = password;
        this.trustStore = trustStore;
    }

    public static ServerCertificate generate() {
        try {
            Path directory = Files.createTempDirectory("tenant-simulator-tls");
            byte[] random = new byte[16];
            new SecureRandom().nextBytes(random);
            String password = HexFormat.of().formatHex(random);
            Path keyStore = directory.resolve("server.p12");
            runKeytool(password, keyStore);
            KeyStore serverStore = KeyStore.getInstance("PKCS12");
            try (InputStream in = Files.newInputStream(keyStore)) {
                serverStore.load(in, password.toCharArray());
            }
            Certificate certificate = serverStore.getCertificate(ALIAS);
            KeyStore trustStore = KeyStore.getInstance("PKCS12");
            trustStore.load(null, null);
            trustStore.setCertificateEntry(ALIAS, certificate);
            try (OutputStream out = Files.newOutputStream(directory.resolve("truststore.p12"))) {
                trustStore.store(out, password.toCharArray());
            }
            return new ServerCertificate(directory, password, trustStore);
        } catch (IOException | GeneralSecurityException e) {
            throw new IllegalStateException("Could not create the simulator's TLS certificate: " + e.getMessage(), e);
        }
    }

    private static void runKeytool(String password, Path keyStore) throws IOException {
        Path keytool = Path.of(System.getProperty("java.home"), "bin", isWindows() ? "keytool.exe" : "keytool");
        ProcessBuilder builder = new ProcessBuilder(
                        keytool.toString(),
                        "-genkeypair",
                        "-alias",
                        ALIAS,
                        "-keyalg",
                        "RSA",
                        "-keysize",
                        "2048",
                        "-validity",
                        "30",
                        "-dname",
                        "CN=tenant-simulator",
                        "-ext",
                        "SAN=ip:127.0.0.1,dns:localhost",
                        "-storetype",
                        "PKCS12",
                        "-keystore",
                        keyStore.toString(),
                        "-storepass:env",
                        "SIMULATOR_STORE_PASSWORD",
                        "-keypass:env",
                        "SIMULATOR_STORE_PASSWORD")
                .redirectErrorStream(true);
        // the password goes through the environment, not the command line that ps shows
        builder.environment().put("SIMULATOR_STORE_PASSWORD", password);
        Process process = builder.start();
        String output = new String(process.getInputStream().readAllBytes());
        try {
            if (!process.waitFor(60, TimeUnit.SECONDS) || process.exitValue() != 0) {
                process.destroy();
                throw new IOException("keytool failed: " + output.strip());
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            process.destroy();
            throw new IOException("interrupted while keytool ran", e);
        }
    }

    private static boolean isWindows() {
        return System.getProperty("os.name", "").toLowerCase(Locale.ROOT).startsWith("windows");
    }

    Path keyStorePath() {
        return directory.resolve("server.p12");
    }

    /** PKCS12 file with the certificate as a trusted entry. */
    public Path trustStorePath() {
        return directory.resolve("truststore.p12");
    }

    /** Password of both stores; generated per start. */
    public String password() {
        return password;
    }

    public KeyStore trustStore() {
        return trustStore;
    }

    /** A TLS context that trusts the simulator (and nothing else). */
    public SSLContext sslContext() {
        try {
            TrustManagerFactory trust = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
            trust.init(trustStore);
            SSLContext context = SSLContext.getInstance("TLS");
            context.init(null, trust.getTrustManagers(), null);
            return context;
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("Could not build a TLS context for the simulator's certificate", e);
        }
    }

    /** Deletes the key and trust store files. */
    @Override
    public void close() {
        try (Stream<Path> files = Files.walk(directory)) {
            files.sorted(Comparator.reverseOrder())
                    .forEach(path -> path.toFile().delete());
        } catch (IOException ignored) {
            // temporary files; the OS cleans its temp directory eventually
        }
    }
}
