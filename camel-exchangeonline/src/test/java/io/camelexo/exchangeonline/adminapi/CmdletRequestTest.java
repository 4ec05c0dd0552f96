package io.camelexo.exchangeonline.adminapi;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class CmdletRequestTest {

    @Test
    void toStringNamesTheParametersButShowsNoValueThatMayBeASecret() {
        Map<String, Object> parameters = new LinkedHashMap<>();
        parameters.put("Name", "anna");
        parameters.put("Password", "Plain-Pa55word");
        parameters.put("RoomMailboxPassword", ExoSecureString.of("Secure-Pa55word"));
        parameters.put("RemoteCredential", new ExoPSCredential("admin", "Credential-Pa55word"));

        String text = new CmdletRequest("New-Mailbox", parameters, List.of("Identity"), 100).toString();

        assertThat(text)
                .contains("New-Mailbox", "Name", "Password", "RoomMailboxPassword", "RemoteCredential")
                .doesNotContain("Pa55word")
                .doesNotContain("anna");
    }
}
