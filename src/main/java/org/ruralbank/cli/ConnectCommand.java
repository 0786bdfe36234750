package org.ruralbank.cli;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.PrivateKey;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.HexFormat;
import java.util.concurrent.Callable;
import org.ruralbank.directconnect.RequestSigning;
import org.ruralbank.directconnect.RequestSigning.Algorithm;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * The enterprise's side: a small front-end processor that signs requests with the operator's private key and sends
 * them to the bank. It needs no database and no Spring: only the bank's URL, the key id and the key file.
 */
@Command(
        name = "connect",
        description = "Client for enterprises: sign and send direct-connection requests.",
        subcommands = {
            ConnectCommand.Keygen.class,
            ConnectCommand.Balances.class,
            ConnectCommand.Intraday.class,
            ConnectCommand.Pay.class,
            ConnectCommand.Batch.class,
            ConnectCommand.Statement.class,
            ConnectCommand.Sweep.class,
            ConnectCommand.Status.class,
            ConnectTreasuryCommand.class
        })
class ConnectCommand {

    /** Where the bank is and who signs. */
    static class Connection {
        @Option(
                names = "--url",
                defaultValue = "${env:RURALBANK_CONNECT_URL:-http://localhost:8080}",
                description = "The bank's base URL (env RURALBANK_CONNECT_URL).")
        String url;

        @Option(
                names = "--key-id",
                defaultValue = "${env:RURALBANK_CONNECT_KEY_ID}",
                description = "The operator key id registered at the bank (env RURALBANK_CONNECT_KEY_ID).")
        String keyId;

        @Option(
                names = "--private-key",
                defaultValue = "${env:RURALBANK_CONNECT_PRIVATE_KEY}",
                description = "PKCS#8 PEM private key file (env RURALBANK_CONNECT_PRIVATE_KEY).")
        Path privateKey;

        @Option(
                names = "--algorithm",
                defaultValue = "${env:RURALBANK_CONNECT_ALGORITHM:-SM2_SM3}",
                description = "${COMPLETION-CANDIDATES} (env RURALBANK_CONNECT_ALGORITHM, default SM2_SM3).")
        Algorithm algorithm;

        @Option(names = "--out", description = "Write the response body to this file instead of the console.")
        Path out;

        /** Signs and sends a JSON body with POST, as {@link #send}. */
        int postJson(String path, ObjectNode body, String idempotencyKey) throws IOException, InterruptedException {
            return send("POST", path, JsonMapper.shared().writeValueAsBytes(body), "application/json", idempotencyKey);
        }

        /** Signs and sends; prints the status line to stderr and the body to stdout (or --out). */
        int send(String method, String pathAndQuery, byte[] body, String contentType, String idempotencyKey)
                throws IOException, InterruptedException {
            if (!configured()) {
                return 2;
            }
            return output(exchange(method, pathAndQuery, body, contentType, idempotencyKey, null));
        }

        boolean configured() {
            if (keyId == null || privateKey == null) {
                System.err.println("connect: --key-id and --private-key (or their environment variables) are needed");
                return false;
            }
            return true;
        }

        /** Signs and sends one request; {@code prefer}, when given, is sent as the Prefer header. */
        HttpResponse<byte[]> exchange(
                String method,
                String pathAndQuery,
                byte[] body,
                String contentType,
                String idempotencyKey,
                String prefer)
                throws IOException, InterruptedException {
            PrivateKey key = RequestSigning.privateKey(algorithm, Files.readString(privateKey));
            String timestamp = Instant.now().truncatedTo(ChronoUnit.SECONDS).toString();
            byte[] nonceBytes = new byte[16];
            new java.security.SecureRandom().nextBytes(nonceBytes);
            String nonce = HexFormat.of().formatHex(nonceBytes);
            String canonical = RequestSigning.canonical(
                    method, pathAndQuery, timestamp, nonce, RequestSigning.bodyDigest(algorithm, body));
            HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(url.replaceAll("/$", "") + pathAndQuery))
                    .timeout(Duration.ofSeconds(60))
                    .header(RequestSigning.KEY_HEADER, keyId)
                    .header(RequestSigning.TIMESTAMP_HEADER, timestamp)
                    .header(RequestSigning.NONCE_HEADER, nonce)
                    .header(RequestSigning.SIGNATURE_HEADER, RequestSigning.sign(algorithm, key, canonical))
                    .method(
                            method,
                            body.length == 0
                                    ? HttpRequest.BodyPublishers.noBody()
                                    : HttpRequest.BodyPublishers.ofByteArray(body));
            if (contentType != null) {
                b.header("Content-Type", contentType);
            }
            if (idempotencyKey != null) {
                b.header(RequestSigning.IDEMPOTENCY_HEADER, idempotencyKey);
            }
            if (prefer != null) {
                b.header("Prefer", prefer);
            }
            return HttpClient.newHttpClient().send(b.build(), HttpResponse.BodyHandlers.ofByteArray());
        }

        /** Prints the status line to stderr and the body to stdout (or --out); 0 for a 2xx answer. */
        int output(HttpResponse<byte[]> response) throws IOException {
            System.err.println("HTTP " + response.statusCode());
            if (out != null) {
                Files.write(out, response.body());
                System.err.println("written to " + out);
            } else {
                System.out.println(new String(response.body(), StandardCharsets.UTF_8));
            }
            return response.statusCode() / 100 == 2 ? 0 : 1;
        }
    }

    @Command(
            name = "keygen",
            description = "Create an operator key pair: the public key goes to the bank, the "
                    + "private key stays with the enterprise.")
    static class Keygen implements Callable<Integer> {
        @Option(names = "--algorithm", defaultValue = "SM2_SM3", description = "${COMPLETION-CANDIDATES}.")
        Algorithm algorithm;

        @Option(names = "--dir", defaultValue = ".", description = "Folder for private.pem and public.pem.")
        Path dir;

        @Override
        public Integer call() throws IOException {
            write(algorithm, dir);
            System.out.println("wrote " + dir.resolve("private.pem") + " (keep it secret) and "
                    + dir.resolve("public.pem") + " (register it at the bank as a " + algorithm + " key)");
            return 0;
        }

        /** Makes a key pair and writes {@code private.pem} (owner-only where the file system allows) and {@code public.pem}. */
        static KeyPair write(Algorithm algorithm, Path dir) throws IOException {
            KeyPair pair = RequestSigning.generate(algorithm);
            Files.createDirectories(dir);
            Path priv = dir.resolve("private.pem");
            Files.writeString(
                    priv, RequestSigning.pem("PRIVATE KEY", pair.getPrivate().getEncoded()));
            try {
                Files.setPosixFilePermissions(
                        priv, java.nio.file.attribute.PosixFilePermissions.fromString("rw-------"));
            } catch (UnsupportedOperationException notPosix) {
                // best effort
            }
            Files.writeString(
                    dir.resolve("public.pem"),
                    RequestSigning.pem("PUBLIC KEY", pair.getPublic().getEncoded()));
            return pair;
        }
    }

    @Command(name = "balances", description = "Accounts and balances (JSON).")
    static class Balances implements Callable<Integer> {
        @Mixin
        Connection c;

        @Override
        public Integer call() throws Exception {
            return c.send("GET", "/api/dc/v1/accounts", new byte[0], null, null);
        }
    }

    @Command(name = "intraday", description = "camt.052 intraday report of one or all accounts.")
    static class Intraday implements Callable<Integer> {
        @Mixin
        Connection c;

        @Option(names = "--account")
        String account;

        @Override
        public Integer call() throws Exception {
            return c.send(
                    "GET",
                    "/api/dc/v1/reports/intraday" + (account == null ? "" : "?account=" + account),
                    new byte[0],
                    null,
                    null);
        }
    }

    @Command(name = "pay", description = "One payment (JSON).")
    static class Pay implements Callable<Integer> {
        @Mixin
        Connection c;

        @Option(names = "--id", required = true, description = "Your unique id for this payment (idempotency key).")
        String id;

        @Option(names = "--from", required = true)
        String from;

        @Option(names = "--to", required = true)
        String to;

        @Option(names = "--amount", required = true, description = "Yuan, at most two decimals.")
        String amount;

        @Option(names = "--name", defaultValue = "")
        String name;

        @Option(names = "--bank", description = "Creditor's bank (BIC) for inter-bank payments.")
        String bank;

        @Override
        public Integer call() throws Exception {
            ObjectNode body = JsonMapper.shared()
                    .createObjectNode()
                    .put("debitAccount", from)
                    .put("creditAccount", to)
                    .put("creditorName", name)
                    .put("amount", amount);
            if (bank != null) {
                body.put("creditorBank", bank);
            }
            return c.postJson("/api/dc/v1/payments", body.put("currency", "CNY"), id);
        }
    }

    @Command(
            name = "batch",
            description = "Send a pain.001 file (pain.001.001.09 or .03), wait until the bank has "
                    + "executed it, and print its pain.002.")
    static class Batch implements Callable<Integer> {
        @Mixin
        Connection c;

        @Parameters(index = "0")
        Path file;

        @Option(
                names = "--poll-seconds",
                defaultValue = "2",
                description = "Seconds between looks at the job " + "(default 2).")
        int pollSeconds;

        @Option(names = "--no-wait", description = "Only submit: print the job's status and where to find it.")
        boolean noWait;

        @Override
        public Integer call() throws Exception {
            if (!c.configured()) {
                return 2;
            }
            // the bank answers at once with the job; a message it refuses as a whole is answered with its pain.002
            HttpResponse<byte[]> submitted = c.exchange(
                    "POST",
                    "/api/dc/v1/payments/iso",
                    Files.readAllBytes(file),
                    "application/xml",
                    null,
                    "respond-async");
            String job = submitted.headers().firstValue("Location").orElse(null);
            if (submitted.statusCode() != 202 || job == null) {
                return c.output(submitted);
            }
            System.err.println("accepted as " + job);
            if (noWait) {
                return c.output(submitted);
            }
            while (true) {
                HttpResponse<byte[]> status = c.exchange("GET", job, new byte[0], null, null, null);
                if (status.statusCode() != 200) {
                    return c.output(status);
                }
                JsonNode progress = JsonMapper.shared().readTree(status.body());
                System.err.println(progress.path("posted").asString("?") + " posted, "
                        + progress.path("rejected").asString("?") + " rejected, "
                        + progress.path("pending").asString("?") + " pending");
                if ("DONE".equals(progress.path("state").asString(""))) {
                    return c.output(c.exchange("GET", job + "/report", new byte[0], null, null, null));
                }
                Thread.sleep(1000L * Math.max(1, pollSeconds));
            }
        }
    }

    @Command(name = "statement", description = "camt.053 statement of closed business dates.")
    static class Statement implements Callable<Integer> {
        @Mixin
        Connection c;

        @Parameters(index = "0")
        String account;

        @Option(names = "--from", required = true)
        String from;

        @Option(names = "--to", required = true)
        String to;

        @Override
        public Integer call() throws Exception {
            return c.send(
                    "GET",
                    "/api/dc/v1/accounts/" + account + "/statement?from=" + from + "&to=" + to,
                    new byte[0],
                    null,
                    null);
        }
    }

    @Command(name = "sweep", description = "Run a cash pool now.")
    static class Sweep implements Callable<Integer> {
        @Mixin
        Connection c;

        @Parameters(index = "0")
        String pool;

        @Option(names = "--run", required = true, description = "Your id for this run (a rerun with it moves nothing).")
        String run;

        @Override
        public Integer call() throws Exception {
            return c.send("POST", "/api/dc/v1/pools/" + pool + "/runs", new byte[0], null, run);
        }
    }

    @Command(name = "status", description = "Status of a payment by its id.")
    static class Status implements Callable<Integer> {
        @Mixin
        Connection c;

        @Parameters(index = "0")
        String id;

        @Override
        public Integer call() throws Exception {
            return c.send("GET", "/api/dc/v1/payments/" + id, new byte[0], null, null);
        }
    }
}
