package io.camelexo.exchangeonline.adminapi;

import java.net.URI;

/** Requests each page when the one before has been read: one page of the result in memory at a time. */
final class SequentialPageSource implements PageSource {

    private final AdminApiClient.Call call;

    SequentialPageSource(AdminApiClient.Call call) {
        this.call = call;
    }

    @Override
    public PageReader first() {
        return call.fetch(null, 0).reader();
    }

    @Override
    public PageReader next(PageReader finished, long delivered) {
        URI nextLink = finished.nextLink();
        return nextLink != null && call.limit.wantsAnotherPage(delivered)
                ? call.fetch(nextLink, delivered).reader()
                : null;
    }

    @Override
    public void close() {
        // nothing requested ahead
    }
}
