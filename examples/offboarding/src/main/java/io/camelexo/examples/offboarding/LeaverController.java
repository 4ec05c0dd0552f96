package io.camelexo.examples.offboarding;

import java.util.Locale;
import org.apache.camel.Exchange;
import org.apache.camel.ProducerTemplate;
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
 * POST /leavers checks the event, hands it to the intake route and answers once it is stored: 202 for a new (or resumed) event,
 * 200 for a duplicate, 400 with every problem for an invalid one. GET /leavers/{upn} shows the audit trail.
 */
@RestController
@RequestMapping("/leavers")
public class LeaverController {

    private final LeaverEventReader reader;
    private final ProducerTemplate routes;
    private final LeaverLedger ledger;

    public LeaverController(LeaverEventReader reader, ProducerTemplate routes, LeaverLedger ledger) {
        this.reader = reader;
        this.routes = routes;
        this.ledger = ledger;
    }

    @PostMapping(consumes = MediaType.APPLICATION_JSON_VALUE, produces = MediaType.APPLICATION_JSON_VALUE)
    public ResponseEntity<Acceptance> submit(@RequestBody(required = false) String event) {
        LeaverEvent leaver = reader.read(event);
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
        Acceptance acceptance = result.getMessage().getBody(Acceptance.class);
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

    @GetMapping(path = "/{upn}", produces = MediaType.APPLICATION_JSON_VALUE)
    public LeaverHistory history(@PathVariable("upn") String upn) {
        String userPrincipalName = upn.strip().toLowerCase(Locale.ROOT);
        return ledger.history(userPrincipalName)
                .orElseThrow(() ->
                        new ResponseStatusException(HttpStatus.NOT_FOUND, "No leaver event for " + userPrincipalName));
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
