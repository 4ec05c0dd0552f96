package io.camelexo.exchangeonline.auth;

import com.microsoft.aad.msal4j.ITokenCacheAccessAspect;
import com.microsoft.aad.msal4j.ITokenCacheAccessContext;
import io.camelexo.exchangeonline.error.ExoAuthenticationException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;

/**
 * {@code tokenCacheFile}: msal4j's token cache persisted to a file readable by the owner only, so a device-code
 * sign-in survives a restart. Written through a temporary file and an atomic move: a crash never leaves half a cache.
 */
final class TokenCacheFile implements ITokenCacheAccessAspect {

    private final Path file;

    TokenCacheFile(String path) {
        this.file = Path.of(path).toAbsolutePath();
    }

    @Override
    public synchronized void beforeCacheAccess(ITokenCacheAccessContext context) {
        if (Files.exists(file)) {
            try {
                context.tokenCache().deserialize(Files.readString(file, StandardCharsets.UTF_8));
            } catch (IOException e) {
                throw new ExoAuthenticationException(
                        "tokenCacheFile " + file + " cannot be read: " + e.getMessage(), 0, null, null, e);
            }
        }
    }

    @Override
    public synchronized void afterCacheAccess(ITokenCacheAccessContext context) {
        if (!context.hasCacheChanged()) {
            return;
        }
        try {
            Path directory = file.getParent();
            Files.createDirectories(directory);
            Path temporary =
                    FileSystems.getDefault().supportedFileAttributeViews().contains("posix")
                            ? Files.createTempFile(
                                    directory,
                                    ".exo-token-cache",
                                    ".tmp",
                                    PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")))
                            : ownerOnly(Files.createTempFile(directory, ".exo-token-cache", ".tmp"));
            Files.writeString(temporary, context.tokenCache().serialize(), StandardCharsets.UTF_8);
            Files.move(temporary, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new ExoAuthenticationException(
                    "tokenCacheFile " + file + " cannot be written: " + e.getMessage(), 0, null, null, e);
        }
    }

    synchronized void delete() {
        try {
            Files.deleteIfExists(file);
        } catch (IOException e) {
            throw new ExoAuthenticationException(
                    "tokenCacheFile " + file + " cannot be deleted: " + e.getMessage(), 0, null, null, e);
        }
    }

    private static Path ownerOnly(Path path) {
        java.io.File f = path.toFile();
        boolean restricted = f.setReadable(false, false)
                & f.setReadable(true, true)
                & f.setWritable(false, false)
                & f.setWritable(true, true);
        if (!restricted) {
            throw new ExoAuthenticationException(
                    "tokenCacheFile: cannot make " + path + " readable by its owner only", 0, null, null, null);
        }
        return path;
    }
}
