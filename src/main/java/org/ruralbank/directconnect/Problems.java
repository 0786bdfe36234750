package org.ruralbank.directconnect;

import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;

/** RFC 9457 problem details for the partner API: a type URI per kind of problem, never a stack trace. */
public final class Problems {

    public static final String TYPE_PREFIX = "urn:ruralbank:dc:problem:";

    private Problems() {}

    /** A refusal of the partner API with its HTTP status and problem type. */
    public static class Problem extends RuntimeException {
        private final int status;
        private final String type;

        public Problem(int status, String type, String detail) {
            super(detail);
            this.status = status;
            this.type = type;
        }

        public int status() {
            return status;
        }

        public String type() {
            return type;
        }
    }

    public static void write(HttpServletResponse response, int status, String type, String detail) throws IOException {
        response.setStatus(status);
        response.setContentType("application/problem+json");
        response.setCharacterEncoding("UTF-8");
        String body = "{\"type\":\"" + TYPE_PREFIX + type + "\",\"title\":\"" + json(title(type)) + "\",\"status\":"
                + status + ",\"detail\":\"" + json(detail) + "\"}";
        response.getOutputStream().write(body.getBytes(StandardCharsets.UTF_8));
    }

    public static String title(String type) {
        return switch (type) {
            case "unauthenticated" -> "The request is not signed as required";
            case "bad-signature" -> "The signature does not verify";
            case "expired" -> "The timestamp is outside the 5-minute window";
            case "replayed-nonce" -> "The nonce was already used";
            case "unknown-key" -> "No active key with this id";
            case "too-large" -> "The request body is too large";
            case "malformed" -> "The body is not well-formed";
            case "forbidden-construct" -> "The XML uses a construct that is not allowed (DOCTYPE, entities)";
            case "wrong-namespace" -> "The message is not of an accepted type";
            case "schema-invalid" -> "The message does not validate against its schema";
            case "not-granted" -> "No such account among those granted to the enterprise";
            case "bad-request" -> "The request is not acceptable";
            case "unsupported-media-type" -> "Unsupported content type";
            case "not-found" -> "No such resource among the enterprise's";
            case "not-ready" -> "The job is still running";
            default -> "The request cannot be served";
        };
    }

    static String json(String s) {
        if (s == null) {
            return "";
        }
        StringBuilder b = new StringBuilder();
        for (char c : s.toCharArray()) {
            switch (c) {
                case '"' -> b.append("\\\"");
                case '\\' -> b.append("\\\\");
                case '\n' -> b.append("\\n");
                case '\r' -> b.append("\\r");
                case '\t' -> b.append("\\t");
                default -> {
                    if (c < 0x20) {
                        b.append(String.format("\\u%04x", (int) c));
                    } else {
                        b.append(c);
                    }
                }
            }
        }
        return b.toString();
    }
}
