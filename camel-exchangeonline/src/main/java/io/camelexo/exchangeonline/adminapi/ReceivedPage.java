package io.camelexo.exchangeonline.adminapi;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.util.zip.GZIPInputStream;

/**
 * One page of a listing, received in full: the body as the service sent it (gzip stays compressed until it is read,
 * so a page costs its wire size), and where it came from, so it can be asked for again. Receiving a page whole lets
 * its connection and its governor slot go before the route works on the records.
 *
 * @param call the call the page belongs to (null where a test reads a page by itself)
 * @param link the nextLink the page was requested with, null for the first page
 */
record ReceivedPage(byte[] body, boolean gzip, int statusCode, String requestId, AdminApiClient.Call call, URI link) {

    private static final JsonFactory JSON = new JsonFactory();

    InputStream open() {
        InputStream bytes = new ByteArrayInputStream(body);
        try {
            return gzip ? new GZIPInputStream(bytes, 64 * 1024) : bytes;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    PageReader reader() {
        return new PageReader(this);
    }

    /** The same page asked for again, with the same link and client-request-id. */
    ReceivedPage again(long deliveredBefore) {
        return call.fetch(link, deliveredBefore);
    }

    /**
     * The page's nextLink and, when asked, how many records it holds, without building the records: reading ahead
     * needs them before the route has read the page. The service writes the nextLink before the records, so usually
     * the records are not even walked. A body that is not the expected JSON reads as "no next page": the route's own
     * reading of the page reports it.
     */
    PageOutline outline(boolean countRecords) {
        URI nextLink = null;
        long records = 0;
        boolean recordsWalked = false;
        try (JsonParser parser = JSON.createParser(open())) {
            if (parser.nextToken() != JsonToken.START_OBJECT) {
                return new PageOutline(null, 0);
            }
            while (parser.nextToken() == JsonToken.FIELD_NAME) {
                String name = parser.currentName();
                JsonToken value = parser.nextToken();
                if (name.equals("@odata.nextLink") || name.equals("odata.nextLink")) {
                    nextLink = value == JsonToken.VALUE_STRING ? URI.create(parser.getText()) : null;
                    if (recordsWalked || !countRecords) {
                        break;
                    }
                } else if (name.equals("value") && value == JsonToken.START_ARRAY) {
                    if (nextLink != null && !countRecords) {
                        break;
                    }
                    while (parser.nextToken() != JsonToken.END_ARRAY) {
                        parser.skipChildren();
                        records++;
                    }
                    recordsWalked = true;
                    if (nextLink != null) {
                        break;
                    }
                } else {
                    parser.skipChildren();
                }
            }
        } catch (IOException | IllegalArgumentException | UncheckedIOException e) {
            return new PageOutline(null, records);
        }
        return new PageOutline(nextLink, records);
    }

    /** What {@link #outline(boolean)} found; {@code records} is 0 unless counting was asked for. */
    record PageOutline(URI nextLink, long records) {}
}
