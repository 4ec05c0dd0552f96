package io.camelexo.exchangeonline.error;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/** isTransient decides whether a route runs an idempotent call again: only what may pass by itself counts. */
class ExoExceptionTest {

    @Test
    void timeoutsServerErrorsLostAnswersAndLastingThrottlingAreTransient() {
        assertThat(new ExoException("timeout", 408, null, "r", null).isTransient())
                .isTrue();
        assertThat(new ExoException("busy", 503, null, "r", null).isTransient()).isTrue();
        assertThat(new ExoException("no answer", new IOException("reset")).isTransient())
                .isTrue();
        assertThat(new ExoThrottledException("throttled", 429, "r", Duration.ofSeconds(1)).isTransient())
                .isTrue();
    }

    @Test
    void refusalsAndBadRequestsAreNot() {
        assertThat(new ExoException("bad", 400, "BadRequest", "r", null).isTransient())
                .isFalse();
        assertThat(new ExoAccessDeniedException("denied", "Forbidden", "r", "AccessDenied", "denied").isTransient())
                .isFalse();
        assertThat(new ExoException("not found", 404, "NotFound", "r", null).isTransient())
                .isFalse();
        assertThat(new ExoException("no answer, no I/O cause", new IllegalStateException()).isTransient())
                .isFalse();
    }
}
