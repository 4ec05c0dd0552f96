package io.camelexo.exchangeonline.adminapi;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * A PSCredential parameter value (e.g. -Credential, -RemoteCredential): sent as compressed JSON
 * {@code {"UserName":…,"Password":…}}, RSA-encrypted with the session's key, as the module does.
 * Its {@link #toString()} never shows the password.
 */
public final class ExoPSCredential {

    private static final ObjectMapper MAPPER = new ObjectMapper();
    private final String userName;
    private final String password;

    public ExoPSCredential(String userName, String password) {
        this.userName = userName;
        this.password = password;
    }

    public String userName() {
        return userName;
    }

    String json() {
        ObjectNode node = MAPPER.createObjectNode();
        node.put("UserName", userName);
        node.put("Password", password);
        return node.toString();
    }

    @Override
    public String toString() {
        return "ExoPSCredential[userName=" + userName + "]";
    }
}
