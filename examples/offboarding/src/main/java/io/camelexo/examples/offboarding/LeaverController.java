package io.camelexo.examples.offboarding;

import java.util.Locale;
import org.apache.camel.Exchange;
import org.apache.camel.ProducerTemplate;
import org.apache.camel.component.kafka.KafkaConstants;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.util.UriComponentsBuilder;

/**
 * POST /leavers checks the event and answers once it is stored, or with Kafka once the leaver topic has it: 202 for a
 * new (or resumed) event, 200 for a duplicate, 400 with every problem for an invalid one, 503 when the topic does not
 * take it. GET /leavers/{upn} shows the audit trail.
 */
@RestController
@RequestMapping("/leavers")
public class LeaverController {

    private static final int RETRY_AFTER_SECONDS = 30;

    private final LeaverEventReader reader;
    private final ProducerTemplate routes;
    private final LeaverLedger ledger;
    private final LeaverTopics topics;
    private final OffboardingProperties.Kafka kafka;

    public LeaverController(
            LeaverEventReader reader,
            ProducerTemplate routes,
            LeaverLedger ledger,
            LeaverTopics topics,
            OffboardingProperties properties) {
        this.reader = reader;
        this.routes = routes;
        this.ledger = ledger;
        this.topics = topics;
        this.kafka = properties.kafka();
    }

    @PostMapping(consumes = MediaType.APPLICATION_JSON_VALUE, produces = MediaType.APPLICATION_JSON_VALUE)
    public ResponseEntity<Acceptance> submit(@RequestBody(required = false) String event) {
        LeaverEvent leaver = reader.read(event);
        Acceptance acceptance = kafka.enabled() ? publish(leaver, event) : accept(leaver, event);
        if (acceptance.duplicate()) {
            return ResponseEntity.ok(acceptance);
        }
        return ResponseEntity.accepted()
                .location(UriComponentsBuilder.fromPath("/leavers/{upn}")
                        .buildAndExpand(acceptance.userPrincipalName())
                        .encode()
                        .toUri())
                .body(acceptance);
    }

    /** Stores the event in this instance's database, which is also its work queue. */
    private Acceptance accept(LeaverEvent leaver, String event) {
        Exchange result = routes.send(LeaverIntakeRoutes.ACCEPT_LEAVER, exchange -> {
            exchange.getIn().setBody(leaver);
            exchange.setProperty(LeaverIntakeRoutes.PAYLOAD, event);
            exchange.setProperty(LeaverIntakeRoutes.SOURCE, "http");
        });
        if (result.getException() != null) {
            throw result.getException() instanceof RuntimeException failure
                    ? failure
                    : new IllegalStateException(result.getException());
        }
        return result.getMessage().getBody(Acceptance.class);
    }

    /**
     * Puts the event on the leaver topic, answered once the broker has it; an event already stored as pending or
     * completed is a duplicate and not published again (one sent twice at once is published twice and stored once).
     */
    private Acceptance publish(LeaverEvent leaver, String event) {
        EventStatus stored = ledger.status(leaver.eventId());
        if (stored == EventStatus.PENDING || stored == EventStatus.COMPLETED) {
            return new Acceptance(leaver.eventId(), leaver.userPrincipalName(), leaver.effectiveDate(), stored, true);
        }
        if (!topics.ready()) {
            throw new LeaverTopicUnavailableException(kafka, "no broker has answered since the start");
        }
        Exchange result = routes.send(LeaverTopicRoutes.PUBLISH, exchange -> {
            exchange.getIn().setBody(event);
            exchange.getIn().setHeader(KafkaConstants.KEY, leaver.userPrincipalName());
            exchange.getIn().setHeader(LeaverTopicRoutes.SOURCE_HEADER, "http");
        });
        if (result.getException() != null) {
            throw new LeaverTopicUnavailableException(
                    kafka, result.getException().toString());
        }
        return new Acceptance(
                leaver.eventId(), leaver.userPrincipalName(), leaver.effectiveDate(), EventStatus.PENDING, false);
    }

    @GetMapping(path = "/{upn}", produces = MediaType.APPLICATION_JSON_VALUE)
    public LeaverHistory history(@PathVariable("upn") String upn) {
        String userPrincipalName = upn.strip().toLowerCase(Locale.ROOT);
        return ledger.history(userPrincipalName)
                .orElseThrow(() ->
                        new ResponseStatusException(HttpStatus.NOT_FOUND, "No leaver event for " + userPrincipalName));
    }

    @ExceptionHandler(LeaverTopicUnavailableException.class)
    public ResponseEntity<ProblemDetail> topicUnavailable(LeaverTopicUnavailableException e) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.SERVICE_UNAVAILABLE, e.getMessage());
        problem.setTitle("Leaver topic unavailable");
        return ResponseEntity.status(HttpStatus.SERVICE_UNAVAILABLE)
                .header(HttpHeaders.RETRY_AFTER, String.valueOf(RETRY_AFTER_SECONDS))
                .body(problem);
    }

    @ExceptionHandler(InvalidLeaverEventException.class)
    public ResponseEntity<ProblemDetail> invalid(InvalidLeaverEventException e) {
        ProblemDetail problem =
                ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST, String.join("; ", e.getProblems()));
        problem.setTitle("Invalid leaver event");
        problem.setProperty("problems", e.getProblems());
        return ResponseEntity.badRequest().body(problem);
    }
}
