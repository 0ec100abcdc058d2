package io.residency.auditor.collect.s3;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A loopback stand-in for the STS Query API: AssumeRole (form-encoded POST, answered with STS's XML
 * shape from the API reference) for the roles it knows, each with the external id its trust policy
 * would demand; any other role, or a wrong external id, is answered as STS answers a trust policy
 * that does not allow the caller: 403 AccessDenied in an ErrorResponse. Each role's sessions get
 * access keys starting with a prefix of the test's choosing, so an S3 front can route by account.
 * Organizations ListAccounts (JSON 1.1, X-Amz-Target) is answered too when accounts are given.
 */
public final class StsStandIn implements AutoCloseable {

    /** What a role's trust policy accepts and which access key prefix its sessions get. */
    private record Trust(String externalId, String accessKeyPrefix) {
    }

    private final HttpServer server;
    private final Map<String, Trust> roles = new ConcurrentHashMap<>();
    private final List<String> assumed = Collections.synchronizedList(new ArrayList<>());
    private final List<String> issuedSecrets = Collections.synchronizedList(new ArrayList<>());
    private volatile String organizationAccounts;
    private volatile boolean organizationsDenied;

    public StsStandIn() throws IOException {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/", this::handle);
        server.start();
    }

    public String url() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    /** A role whose trust policy allows the auditor with {@code sts:ExternalId} = {@code externalId}. */
    public StsStandIn trust(String roleArn, String externalId, String accessKeyPrefix) {
        roles.put(roleArn, new Trust(externalId, accessKeyPrefix));
        return this;
    }

    /** ListAccounts answers these accounts: id to Status (ACTIVE, SUSPENDED). */
    public StsStandIn organization(Map<String, String> accounts) {
        StringBuilder json = new StringBuilder("{\"Accounts\":[");
        int i = 0;
        for (Map.Entry<String, String> account : accounts.entrySet()) {
            json.append(i++ == 0 ? "" : ",").append("{\"Id\":\"").append(account.getKey())
                    .append("\",\"Arn\":\"arn:aws:organizations::111111111111:account/o-exampleorgid/").append(account.getKey())
                    .append("\",\"Email\":\"owner-").append(account.getKey()).append("@example.com\",\"Name\":\"acct-").append(account.getKey())
                    .append("\",\"Status\":\"").append(account.getValue()).append("\",\"JoinedMethod\":\"CREATED\",\"JoinedTimestamp\":1.4818357955E9}");
        }
        organizationAccounts = json.append("]}").toString();
        return this;
    }

    public StsStandIn denyOrganizations() {
        organizationsDenied = true;
        return this;
    }

    /** The role ARNs AssumeRole was asked for, each time, with the external id given. */
    public List<String> assumed() {
        return List.copyOf(assumed);
    }

    /** Every secret it handed out (secret access keys and session tokens), to prove none leaks. */
    public List<String> issuedSecrets() {
        return List.copyOf(issuedSecrets);
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            String target = exchange.getRequestHeaders().getFirst("X-Amz-Target");
            byte[] body = exchange.getRequestBody().readAllBytes();
            if (target != null && target.endsWith(".ListAccounts")) {
                listAccounts(exchange);
                return;
            }
            Map<String, String> form = form(new String(body, StandardCharsets.UTF_8));
            if (!"AssumeRole".equals(form.get("Action"))) {
                send(exchange, 400, "text/xml", error("Sender", "InvalidAction", "Could not find operation " + form.get("Action")));
                return;
            }
            String roleArn = form.get("RoleArn");
            assumed.add(roleArn + " externalId=" + form.get("ExternalId"));
            Trust trust = roles.get(roleArn);
            if (trust == null || !java.util.Objects.equals(trust.externalId(), form.get("ExternalId"))) {
                send(exchange, 403, "text/xml", error("Sender", "AccessDenied", "User: arn:aws:iam::999999999999:user/auditor is not authorized "
                        + "to perform: sts:AssumeRole on resource: " + roleArn));
                return;
            }
            String accessKey = trust.accessKeyPrefix() + UUID.randomUUID().toString().replace("-", "").substring(0, 8).toUpperCase();
            String secret = "stand-in-secret-" + UUID.randomUUID();
            String token = "stand-in-session-token-" + UUID.randomUUID();
            issuedSecrets.add(secret);
            issuedSecrets.add(token);
            String account = roleArn.split(":")[4];
            send(exchange, 200, "text/xml", """
                    <AssumeRoleResponse xmlns="https://sts.amazonaws.com/doc/2011-06-15/">
                      <AssumeRoleResult>
                        <AssumedRoleUser>
                          <Arn>arn:aws:sts::%s:assumed-role/%s/%s</Arn>
                          <AssumedRoleId>AROA3XFRBF535PLBIFPI4:%s</AssumedRoleId>
                        </AssumedRoleUser>
                        <Credentials>
                          <AccessKeyId>%s</AccessKeyId>
                          <SecretAccessKey>%s</SecretAccessKey>
                          <SessionToken>%s</SessionToken>
                          <Expiration>%s</Expiration>
                        </Credentials>
                        <PackedPolicySize>6</PackedPolicySize>
                      </AssumeRoleResult>
                      <ResponseMetadata>
                        <RequestId>c6104cbe-af31-11e0-8154-cbc7ccf896c7</RequestId>
                      </ResponseMetadata>
                    </AssumeRoleResponse>
                    """.formatted(account, roleArn.substring(roleArn.indexOf("role/") + 5), form.get("RoleSessionName"),
                    form.get("RoleSessionName"), accessKey, secret, token, Instant.now().plus(1, ChronoUnit.HOURS).truncatedTo(ChronoUnit.SECONDS)));
        }
    }

    private void listAccounts(HttpExchange exchange) throws IOException {
        if (organizationsDenied || organizationAccounts == null) {
            send(exchange, 400, "application/x-amz-json-1.1", "{\"__type\":\"AccessDeniedException\",\"Message\":\"You don't have permissions "
                    + "to access this resource.\"}");
            return;
        }
        send(exchange, 200, "application/x-amz-json-1.1", organizationAccounts);
    }

    private static String error(String type, String code, String message) {
        return """
                <ErrorResponse xmlns="https://sts.amazonaws.com/doc/2011-06-15/">
                  <Error>
                    <Type>%s</Type>
                    <Code>%s</Code>
                    <Message>%s</Message>
                  </Error>
                  <RequestId>4b1f1c9c-6b0b-4b1f-9c1d-example</RequestId>
                </ErrorResponse>
                """.formatted(type, code, message);
    }

    private static Map<String, String> form(String body) {
        Map<String, String> form = new LinkedHashMap<>();
        for (String pair : body.split("&")) {
            int eq = pair.indexOf('=');
            if (eq > 0) {
                form.put(URLDecoder.decode(pair.substring(0, eq), StandardCharsets.UTF_8), URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
            }
        }
        return form;
    }

    private static void send(HttpExchange exchange, int status, String type, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().add("Content-Type", type);
        exchange.sendResponseHeaders(status, bytes.length);
        exchange.getResponseBody().write(bytes);
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
