package io.camelexo.exchangeonline.session;

import io.camelexo.exchangeonline.adminapi.CallObserver;
import io.camelexo.exchangeonline.adminapi.RequestGovernor;
import java.util.concurrent.ExecutorService;

/**
 * What a session is opened with besides its identity: these do not make a session of their own, so the first
 * endpoint that opens a session fixes them for every endpoint that shares it.
 *
 * @param maxConcurrentRequests the session's limit of requests in flight
 * @param pageFetcher           runs the requests of pages read ahead of a route
 * @param observers             makes the observer that records the session's metrics
 */
public record SessionThroughput(
        int maxConcurrentRequests, ExecutorService pageFetcher, CallObserver.Factory observers) {

    public SessionThroughput {
        RequestGovernor.checkLimit(maxConcurrentRequests);
    }
}
