package io.camelexo.exchangeonline.simulator.server;

/** Who made a request and what it was, filled in by the handler as it learns it; the journal reads it afterwards. */
public final class CallNote {

    private String tenantId;
    private String appId;
    private String user;
    private String tokenId;
    private String cmdlet;
    private String fault;

    public void caller(String tenantId, String appId, String user, String tokenId) {
        this.tenantId = tenantId;
        this.appId = appId;
        this.user = user;
        this.tokenId = tokenId;
    }

    public void cmdlet(String cmdlet) {
        this.cmdlet = cmdlet;
    }

    /** A fault the simulator injected on purpose (throttled, concurrency, server-busy, transient-error, connection-reset). */
    public void fault(String fault) {
        this.fault = fault;
    }

    public String tenantId() {
        return tenantId;
    }

    public String appId() {
        return appId;
    }

    public String user() {
        return user;
    }

    public String tokenId() {
        return tokenId;
    }

    public String cmdlet() {
        return cmdlet;
    }

    public String fault() {
        return fault;
    }
}
