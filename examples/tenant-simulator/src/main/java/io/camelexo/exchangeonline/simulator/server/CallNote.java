package io.camelexo.exchangeonline.simulator.server;

import java.util.ArrayList;
import java.util.List;

/** Who made a request and what it was, filled in by the handler as it learns it; the journal reads it afterwards. */
public final class CallNote {

    /** An item of a $batch envelope, journalled as a call of its own. */
    public record BatchItem(SimRequest request, int status) {}

    private String tenantId;
    private String appId;
    private String user;
    private String tokenId;
    private String cmdlet;
    private String fault;
    private String batchId;
    private String batchItemId;
    private final List<BatchItem> batchItems = new ArrayList<>();

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

    /** Marks the request as a $batch envelope, or (with an item id) as one of its items. */
    public void batch(String batchId, String itemId) {
        this.batchId = batchId;
        this.batchItemId = itemId;
    }

    /** An item the envelope ran, in order; its own note says who called what. */
    public void batchItem(SimRequest item, int status) {
        batchItems.add(new BatchItem(item, status));
    }

    public String batchId() {
        return batchId;
    }

    public String batchItemId() {
        return batchItemId;
    }

    public List<BatchItem> batchItems() {
        return batchItems;
    }
}
