package org.ruralbank.directconnect;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.atlassian.oai.validator.model.SimpleRequest;
import com.atlassian.oai.validator.model.SimpleResponse;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.parser.OpenAPIV3Parser;
import io.swagger.v3.parser.core.models.ParseOptions;
import io.swagger.v3.parser.core.models.SwaggerParseResult;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;
import org.ruralbank.testing.Endpoints;
import org.ruralbank.testing.OnPostgres;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.test.web.servlet.MockMvc;

/**
 * The partner API's OpenAPI document is valid OpenAPI 3.0.3, describes exactly the endpoints the application maps
 * under {@code /api/dc/}, and the check of {@link PartnerApiConformance} reports what disagrees with it.
 */
@OnPostgres
class PartnerApiDocumentTest {

    private static final String ACCOUNTS = "{\"enterpriseId\":\"E1\",\"businessDate\":\"2026-11-27\",\"accounts\":"
            + "[{\"accountNo\":\"62010001\",\"accountName\":\"本部\",\"own\":true,\"canView\":true,\"canPay\":true,"
            + "\"canSweep\":false,\"currency\":\"CNY\",\"bookedBalance\":\"10.00\",\"availableBalance\":\"9.50\"}]}";

    @Autowired
    MockMvc mvc;

    @Autowired
    ApplicationContext ctx;

    @Test
    void theServedDocumentIsValidOpenApi303() throws Exception {
        String served = mvc.perform(get("/api/dc/v1/openapi.json"))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsString();
        assertThat(served).isEqualTo(PartnerApiConformance.document());
        SwaggerParseResult parsed = parse(served);
        assertThat(parsed.getMessages()).isEmpty();
        assertThat(parsed.getOpenAPI().getOpenapi()).isEqualTo("3.0.3");
    }

    @Test
    void describesExactlyTheMappedPartnerEndpoints() {
        Set<String> mapped = new TreeSet<>();
        Endpoints.of(ctx, false).stream().filter(e -> e.contains(" /api/dc/")).forEach(mapped::add);
        Endpoints.of(ctx, true).stream().filter(e -> e.contains(" /api/dc/")).forEach(mapped::add);
        Set<String> described = new TreeSet<>();
        OpenAPI api = parse(PartnerApiConformance.document()).getOpenAPI();
        api.getPaths()
                .forEach((path, item) ->
                        item.readOperationsMap().forEach((method, operation) -> described.add(method + " " + path)));
        assertThat(described).isEqualTo(mapped);
    }

    @Test
    void reportsExchangesThatDisagreeWithTheDocument() {
        SimpleRequest accounts =
                signed(SimpleRequest.Builder.get("/api/dc/v1/accounts")).build();
        assertThat(PartnerApiConformance.violations(accounts, json(200, ACCOUNTS)))
                .isEmpty();
        assertThat(PartnerApiConformance.violations(accounts, json(200, ACCOUNTS.replace("\"own\":true,", ""))))
                .as("a missing property")
                .isNotEmpty();
        assertThat(PartnerApiConformance.violations(
                        accounts, json(200, ACCOUNTS.replace("{\"enterpriseId\"", "{\"extra\":1,\"enterpriseId\""))))
                .as("an undocumented property")
                .isNotEmpty();
        assertThat(PartnerApiConformance.violations(accounts, json(418, ACCOUNTS)))
                .as("an undocumented status")
                .isNotEmpty();
        assertThat(PartnerApiConformance.violations(
                        accounts,
                        new SimpleResponse.Builder(401)
                                .withContentType("application/problem+json")
                                .withBody("{\"type\":\"urn:ruralbank:dc:problem:"
                                        + "made-up\",\"title\":\"t\",\"status\":401}")
                                .build()))
                .as("an undocumented problem type")
                .isNotEmpty();

        String payment = "{\"debitAccount\":\"62010001\",\"creditAccount\":\"62010002\",\"amount\":\"1.00\"}";
        String result = "{\"idempotencyKey\":\"p-1\",\"instructionId\":7,\"status\":\"ACSC\",\"reasonCode\":null,"
                + "\"reason\":null,\"transferId\":\"PAY-7\",\"replay\":false}";
        SimpleRequest withoutKey = signed(SimpleRequest.Builder.post("/api/dc/v1/payments"))
                .withContentType("application/json")
                .withBody(payment)
                .build();
        assertThat(PartnerApiConformance.violations(withoutKey, json(201, result)))
                .as("a request the document refuses, accepted")
                .anySatisfy(v -> assertThat(v).contains("accepted"));
        assertThat(PartnerApiConformance.violations(
                        withoutKey,
                        new SimpleResponse.Builder(400)
                                .withContentType("application/problem+json")
                                .withBody("{\"type\":\"urn:ruralbank:dc:problem:"
                                        + "bad-request\",\"title\":\"t\",\"status\":400,\"detail\":\"d\"}")
                                .build()))
                .as("a request the document refuses, refused")
                .isEmpty();
    }

    private static SimpleRequest.Builder signed(SimpleRequest.Builder request) {
        return request.withHeader(RequestSigning.KEY_HEADER, "k1")
                .withHeader(RequestSigning.TIMESTAMP_HEADER, "2026-11-27T02:30:00Z")
                .withHeader(RequestSigning.NONCE_HEADER, "3f9c2a7d41e84b0c9d6e5f1a2b3c4d5e")
                .withHeader(RequestSigning.SIGNATURE_HEADER, "MEQCIG1z");
    }

    private static SimpleResponse json(int status, String body) {
        return new SimpleResponse.Builder(status)
                .withContentType("application/json")
                .withBody(body)
                .build();
    }

    private static SwaggerParseResult parse(String document) {
        ParseOptions options = new ParseOptions();
        options.setResolve(true);
        return new OpenAPIV3Parser().readContents(document, null, options);
    }
}
