package org.ruralbank.directconnect.web;

import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.ruralbank.directconnect.BusinessCalendar;
import org.ruralbank.directconnect.CoreBanking;
import org.ruralbank.directconnect.Problems;
import org.ruralbank.directconnect.RequestSigning;
import org.ruralbank.directconnect.internal.Batches;
import org.ruralbank.directconnect.internal.PartnerOperations;
import org.ruralbank.directconnect.internal.PartnerPrincipal;
import org.ruralbank.directconnect.internal.Pools;
import org.ruralbank.directconnect.internal.Xml;
import org.ruralbank.shared.Money;
import org.springframework.core.io.ClassPathResource;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The partner API (described by {@code /api/dc/v1/openapi.json}): every request is signed by an operator key of
 * the enterprise and reaches only the accounts granted to it. JSON payments are served by {@link PaymentEndpoint}.
 */
@RestController
@RequestMapping("/api/dc/v1")
class PartnerApiController {

    static final MediaType XML = MediaType.APPLICATION_XML;

    private final PartnerOperations operations;
    private final Batches batches;
    private final Pools pools;
    private final BusinessCalendar calendar;

    PartnerApiController(PartnerOperations operations, Batches batches, Pools pools, BusinessCalendar calendar) {
        this.operations = operations;
        this.batches = batches;
        this.pools = pools;
        this.calendar = calendar;
    }

    @GetMapping(value = "/openapi.json", produces = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<byte[]> openApi() throws java.io.IOException {
        return ResponseEntity.ok()
                .contentType(MediaType.APPLICATION_JSON)
                .body(new ClassPathResource("directconnect/openapi.json").getContentAsByteArray());
    }

    @GetMapping("/accounts")
    Map<String, Object> accounts() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("enterpriseId", enterprise());
        m.put("businessDate", calendar.today().toString());
        m.put("accounts", operations.accounts(enterprise()));
        return m;
    }

    @GetMapping(value = "/reports/intraday", produces = "application/xml")
    ResponseEntity<String> intraday(@RequestParam(required = false) String account) {
        return ResponseEntity.ok().contentType(XML).body(operations.intradayReport(enterprise(), account));
    }

    @GetMapping("/accounts/{accountNo}/entries")
    Map<String, Object> entries(@PathVariable String accountNo, @RequestParam String from, @RequestParam String to) {
        List<CoreBanking.Entry> entries =
                operations.entries(enterprise(), accountNo, date("from", from), date("to", to));
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("accountNo", accountNo);
        m.put(
                "entries",
                entries.stream()
                        .map(e -> {
                            Map<String, Object> row = new LinkedHashMap<>();
                            row.put("transferId", e.transferId());
                            row.put("businessDate", e.businessDate().toString());
                            row.put("amount", Money.yuanText(e.signedAmountFen()));
                            row.put(
                                    "status",
                                    e.kind() == CoreBanking.Kind.PENDING
                                            ? "PENDING"
                                            : e.kind().name());
                            row.put("code", e.code());
                            row.put("counterparty", e.counterparty());
                            row.put("reference", e.reference());
                            return row;
                        })
                        .toList());
        return m;
    }

    @GetMapping(value = "/accounts/{accountNo}/statement", produces = "application/xml")
    ResponseEntity<String> statement(
            @PathVariable String accountNo, @RequestParam String from, @RequestParam String to) {
        return ResponseEntity.ok()
                .contentType(XML)
                .body(operations.statement(enterprise(), accountNo, date("from", from), date("to", to)));
    }

    @GetMapping("/payments/{key}")
    Map<String, Object> payment(@PathVariable String key) {
        return PaymentEndpoint.result(
                operations
                        .payment(enterprise(), key)
                        .orElseThrow(
                                () -> new Problems.Problem(404, "not-found", "no payment with idempotency key " + key)),
                key);
    }

    /**
     * A pain.001: its pain.002 at once when executed in the request (or refused as a whole), else {@code 202} with
     * the job's status and its address in {@code Location}. The content type is checked here rather than by the
     * mapping, so that a wrong one is answered as every other refusal of the API is (a problem), not by the
     * framework's default page.
     */
    @PostMapping(
            value = "/payments/iso",
            produces = {"application/xml", "application/json"})
    ResponseEntity<?> initiation(
            @RequestHeader(name = "Content-Type", required = false) String contentType,
            @RequestHeader(name = "Prefer", required = false) String prefer,
            @RequestBody(required = false) byte[] body)
            throws Xml.BadXml {
        if (!PartnerApiMediaTypes.isOneOf(contentType, MediaType.APPLICATION_XML, MediaType.TEXT_XML)) {
            throw new Problems.Problem(
                    415,
                    "unsupported-media-type",
                    "a pain.001 message is sent as " + "application/xml or text/xml, not " + contentType);
        }
        if (body == null || body.length == 0) {
            throw new Problems.Problem(400, "malformed", "the body is empty: a pain.001 message was expected");
        }
        boolean async =
                prefer != null && prefer.toLowerCase(java.util.Locale.ROOT).contains("respond-async");
        Batches.Intake intake = batches.submit(enterprise(), body, async);
        if (intake instanceof Batches.Accepted a) {
            return ResponseEntity.accepted()
                    .location(java.net.URI.create(jobPath(a.job())))
                    .contentType(MediaType.APPLICATION_JSON)
                    .body(job(a.job(), a.replay()));
        }
        return ResponseEntity.ok().contentType(XML).body(((Batches.Answered) intake).report());
    }

    /** A pain.001 job's progress; {@code report} links its pain.002 once it is done. */
    @GetMapping("/payments/iso/jobs/{jobId}")
    Map<String, Object> job(@PathVariable long jobId) {
        return job(batches.job(enterprise(), jobId).orElseThrow(() -> noJob(jobId)), false);
    }

    @GetMapping(value = "/payments/iso/jobs/{jobId}/report", produces = "application/xml")
    ResponseEntity<String> jobReport(@PathVariable long jobId) {
        Batches.Job job = batches.job(enterprise(), jobId).orElseThrow(() -> noJob(jobId));
        if (!job.done()) {
            throw new Problems.Problem(
                    409,
                    "not-ready",
                    "job " + jobId + " is still running: " + job.pending() + " of " + job.transactions()
                            + " transactions to go");
        }
        return ResponseEntity.ok()
                .contentType(XML)
                .body(batches.report(enterprise(), jobId).orElseThrow());
    }

    private static Problems.Problem noJob(long jobId) {
        return new Problems.Problem(404, "not-found", "no pain.001 job " + jobId);
    }

    private static String jobPath(Batches.Job job) {
        return "/api/dc/v1/payments/iso/jobs/" + job.jobId();
    }

    private static Map<String, Object> job(Batches.Job job, boolean replay) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("jobId", job.jobId());
        m.put("msgId", job.msgId());
        m.put("state", job.state());
        m.put("transactions", job.transactions());
        m.put("posted", job.posted());
        m.put("rejected", job.rejected());
        m.put("pending", job.pending());
        m.put("acceptedAt", job.acceptedAt().toString());
        m.put(
                "completedAt",
                job.completedAt() == null ? null : job.completedAt().toString());
        m.put("report", job.done() ? jobPath(job) + "/report" : null);
        m.put("replay", replay);
        return m;
    }

    @PostMapping("/pools/{poolId}/runs")
    ResponseEntity<Pools.Run> sweep(
            @PathVariable String poolId,
            @RequestHeader(name = RequestSigning.IDEMPOTENCY_HEADER, required = false) String key) {
        if (key == null || !key.matches("[A-Za-z0-9_.:-]{1,60}")) {
            throw new Problems.Problem(400, "bad-request", "header Idempotency-Key (1 to 60 characters) is required");
        }
        return ResponseEntity.status(201)
                .body(pools.run(poolId, enterprise(), "API-" + key, "DEMAND", calendar.today()));
    }

    @GetMapping("/pools/{poolId}/runs")
    List<Pools.Run> runs(@PathVariable String poolId) {
        pools.pool(poolId)
                .filter(p -> p.enterpriseId().equals(enterprise()))
                .orElseThrow(() -> new Problems.Problem(404, "not-granted", "no pool " + poolId));
        return pools.runs(poolId);
    }

    private static LocalDate date(String name, String value) {
        try {
            return LocalDate.parse(value);
        } catch (RuntimeException e) {
            throw new Problems.Problem(400, "bad-request", name + " must be an ISO date (yyyy-MM-dd): " + value);
        }
    }

    private static String enterprise() {
        return partner().enterpriseId();
    }

    private static PartnerPrincipal partner() {
        return (PartnerPrincipal) SecurityContextHolder.getContext().getAuthentication();
    }
}
