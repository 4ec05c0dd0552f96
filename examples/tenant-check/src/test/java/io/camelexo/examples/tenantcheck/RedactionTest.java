package io.camelexo.examples.tenantcheck;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

/** The last line of defence before a text reaches the report file a user attaches to a public issue. */
class RedactionTest {

    private static final String SECRET = "sim8Q~canary.value-0123456789";
    private static final String JWT =
            "eyJ0eXAiOiJKV1QiLCJhbGciOiJSUzI1NiJ9.eyJhdWQiOiJodHRwczovL291dGxvb2sifQ.c2ln-bmF0_dXJl";

    private final Redaction redaction = new Redaction(List.of("short", SECRET, ""));

    @Test
    void secretValuesAndTokensAreMaskedWhereverTheyAppear() {
        String cleaned = redaction.clean("secret=" + SECRET + ", header Authorization: Bearer " + JWT + ", raw token "
                + JWT + " and a short one: short");

        assertThat(cleaned)
                .doesNotContain(SECRET)
                .doesNotContain("eyJ")
                .doesNotContain("short")
                .contains("secret=***")
                .contains("Bearer ***");
    }

    @Test
    void otherTextAndValuesStayAsTheyAre() {
        assertThat(redaction.clean("HTTP 404, ManagementObjectNotFoundException: no such mailbox"))
                .isEqualTo("HTTP 404, ManagementObjectNotFoundException: no such mailbox");
        assertThat(redaction.clean((Object) Boolean.TRUE)).isEqualTo(Boolean.TRUE);
        assertThat(redaction.clean((String) null)).isNull();
    }
}
