package io.camelexo.exchangeonline.auth;

import com.microsoft.aad.msal4j.MsalException;
import com.microsoft.aad.msal4j.MsalServiceException;
import io.camelexo.exchangeonline.error.ExoAuthenticationException;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/** Waiting for msal4j and turning its failures into {@link ExoAuthenticationException} with the AADSTS code. */
final class MsalFailures {

    private MsalFailures() {}

    static <T> T await(CompletableFuture<T> future, Duration timeout, String what) {
        try {
            return future.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (ExecutionException e) {
            throw signInFailure(what, e.getCause() != null ? e.getCause() : e);
        } catch (TimeoutException e) {
            future.cancel(true);
            throw new ExoAuthenticationException(
                    what + " did not complete within " + timeout.toSeconds() + " s", 0, "Timeout", null, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ExoAuthenticationException(what + " was interrupted", 0, null, null, e);
        } catch (MsalException e) {
            throw signInFailure(what, e);
        }
    }

    static ExoAuthenticationException signInFailure(String what, Throwable cause) {
        String text = cause.getMessage();
        String code = AadErrors.code(text);
        String meaning = AadErrors.meaning(code);
        int status = cause instanceof MsalServiceException service && service.statusCode() != null
                ? service.statusCode()
                : 0;
        String summary = text == null
                ? cause.getClass().getSimpleName()
                : text.lines().findFirst().orElse(text);
        return new ExoAuthenticationException(
                what + " failed" + (meaning != null ? ": " + meaning : "") + " (" + summary + ")",
                status,
                code,
                null,
                cause);
    }
}
