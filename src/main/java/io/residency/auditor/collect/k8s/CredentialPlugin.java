package io.residency.auditor.collect.k8s;

import io.fabric8.kubernetes.api.model.ExecConfig;
import io.fabric8.kubernetes.api.model.ExecEnvVar;
import io.residency.auditor.collect.config.SourceReadException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Runs a kubeconfig user's {@code exec:} credential plugin (client-go's client.authentication.k8s.io
 * protocol) within the source call's time bound, instead of the client's unbounded run of it. The
 * plugin gets its command and arguments as written (no shell), its {@code env} entries and
 * {@code KUBERNETES_EXEC_INFO} saying it runs unattended; a plugin still running at the bound is killed
 * with every process it started. Its output holds tokens: it is parsed and never quoted, logged or kept
 * as text; messages name only the plugin's file name, never its arguments.
 */
final class CredentialPlugin {

    /** An ExecCredential is a token or a certificate and key: a few kilobytes. */
    static final int MAX_ANSWER_BYTES = 1024 * 1024;

    private static final JsonMapper JSON = JsonMapper.builder().build();

    /** What the plugin answered; {@link #toString()} never shows it. */
    record Credential(String token, String clientCertificateData, String clientKeyData) {
        @Override
        public String toString() {
            return "Credential[" + (token != null ? "token" : "client certificate") + "]";
        }
    }

    private final Duration bound;

    CredentialPlugin(Duration bound) {
        this.bound = bound;
    }

    /** @param context the kubeconfig context whose user names the plugin, for messages */
    Credential run(ExecConfig exec, String context) throws SourceReadException {
        String command = exec.getCommand();
        String name = command == null ? "(none)" : Path.of(command).getFileName().toString();
        String plugin = "context " + context + ": the kubeconfig user's credential plugin " + name;
        if (command == null || command.isBlank()) {
            throw new SourceReadException(plugin + " names no command; expected exec.command in the kubeconfig");
        }
        if ("Always".equals(exec.getInteractiveMode())) {
            throw new SourceReadException(plugin + " needs a terminal (interactiveMode: Always), which an audit run has not;"
                    + " expected a plugin that answers unattended (interactiveMode: Never or IfAvailable)");
        }
        List<String> argv = new ArrayList<>();
        argv.add(command);
        if (exec.getArgs() != null) {
            argv.addAll(exec.getArgs());
        }
        ProcessBuilder builder = new ProcessBuilder(argv)
                // client-go hands stderr to the user's terminal; here it could put a token into the run's log.
                .redirectError(ProcessBuilder.Redirect.DISCARD);
        Map<String, String> environment = builder.environment();
        if (exec.getEnv() != null) {
            for (ExecEnvVar variable : exec.getEnv()) {
                environment.put(variable.getName(), variable.getValue() == null ? "" : variable.getValue());
            }
        }
        environment.put("KUBERNETES_EXEC_INFO", "{\"apiVersion\":\"" + (exec.getApiVersion() == null ? "" : exec.getApiVersion())
                + "\",\"kind\":\"ExecCredential\",\"spec\":{\"interactive\":false}}");
        Process process;
        try {
            process = builder.start();
        } catch (IOException e) {
            throw new SourceReadException(plugin + " could not be started (" + e.getClass().getSimpleName()
                    + "); expected the command on the auditor's PATH or a path relative to the kubeconfig", e);
        }
        try {
            // Unattended: nothing will ever be typed in.
            process.getOutputStream().close();
        } catch (IOException e) {
            // A plugin that exited at once closed it first; its answer says the rest.
        }
        CompletableFuture<byte[]> answer = CompletableFuture.supplyAsync(() -> readBounded(process.getInputStream()), daemon());
        try {
            if (!process.waitFor(bound.toMillis(), TimeUnit.MILLISECONDS)) {
                kill(process);
                throw new SourceReadException(plugin + " did not answer within " + bound.toSeconds() + " s and was stopped;"
                        + " expected it to print an ExecCredential without waiting for input (try: kubectl --context " + context
                        + " get --raw /version)");
            }
            byte[] output = answer.get(bound.toMillis(), TimeUnit.MILLISECONDS);
            if (process.exitValue() != 0) {
                throw new SourceReadException(plugin + " exited with status " + process.exitValue()
                        + " (its output is not shown: it may hold credentials); expected status 0 with an ExecCredential");
            }
            return credential(output, exec.getApiVersion(), plugin);
        } catch (InterruptedException e) {
            kill(process);
            Thread.currentThread().interrupt();
            throw new SourceReadException(plugin + " was interrupted", e);
        } catch (TimeoutException e) {
            kill(process);
            throw new SourceReadException(plugin + " exited but its output stayed open for " + bound.toSeconds()
                    + " s (a process it left running); expected it to print an ExecCredential and end", e);
        } catch (ExecutionException e) {
            kill(process);
            throw new SourceReadException(plugin + " answered more than " + MAX_ANSWER_BYTES / 1024
                    + " KiB or an output that could not be read; expected one ExecCredential", e);
        }
    }

    private static Credential credential(byte[] output, String apiVersion, String plugin) throws SourceReadException {
        String expected = "; expected {\"apiVersion\": \"" + apiVersion + "\", \"kind\": \"ExecCredential\", \"status\": {\"token\": ...}}"
                + " (or clientCertificateData and clientKeyData)";
        JsonNode root;
        try {
            root = JSON.readTree(output);
        } catch (JacksonException e) {
            throw new SourceReadException(plugin + " answered something that is not JSON" + expected);
        }
        if (root == null || !root.isObject() || !"ExecCredential".equals(root.path("kind").asString(""))) {
            throw new SourceReadException(plugin + " answered no ExecCredential" + expected);
        }
        if (apiVersion != null && !apiVersion.equals(root.path("apiVersion").asString(""))) {
            throw new SourceReadException(plugin + " answered apiVersion " + root.path("apiVersion").asString("(none)")
                    + ", not the kubeconfig's " + apiVersion + expected);
        }
        JsonNode status = root.path("status");
        String token = text(status, "token");
        String certificate = text(status, "clientCertificateData");
        String key = text(status, "clientKeyData");
        if (token == null && (certificate == null || key == null)) {
            throw new SourceReadException(plugin + " answered an ExecCredential without a token or a client certificate and key" + expected);
        }
        return token != null ? new Credential(token, null, null) : new Credential(null, certificate, key);
    }

    private static String text(JsonNode node, String field) {
        JsonNode value = node.path(field);
        return value.isString() && !value.asString().isEmpty() ? value.asString() : null;
    }

    /** Everything up to the bound; more than that is not an ExecCredential. */
    private static byte[] readBounded(InputStream in) {
        try (in) {
            byte[] bytes = in.readNBytes(MAX_ANSWER_BYTES + 1);
            if (bytes.length > MAX_ANSWER_BYTES) {
                throw new IllegalStateException("answer over the bound");
            }
            return bytes;
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    /** The plugin and whatever it started: a shell script's {@code sleep} would otherwise keep the pipe open. */
    private static void kill(Process process) {
        process.descendants().forEach(ProcessHandle::destroyForcibly);
        process.destroyForcibly();
    }

    private static java.util.concurrent.Executor daemon() {
        return task -> {
            Thread thread = new Thread(task, "credential-plugin-output");
            thread.setDaemon(true);
            thread.start();
        };
    }
}
