package io.residency.auditor;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Ed25519 key pairs for tests, generated at test time (no key is ever committed): with OpenSSL
 * when it is on the machine, exactly as an operator makes them, else with the JDK written as PEM.
 */
public final class TestKeys {

    /** @param privatePem as {@code openssl genpkey -algorithm ed25519} writes it; publicPem as {@code openssl pkey -pubout} does */
    public record Pair(Path privatePem, Path publicPem) {
    }

    private TestKeys() {
    }

    public static boolean opensslAvailable() {
        try {
            return run(List.of("openssl", "version"));
        } catch (IOException e) {
            return false;
        }
    }

    public static Pair generate(Path dir, String name) throws IOException {
        Files.createDirectories(dir);
        Path privatePem = dir.resolve(name + ".key.pem");
        Path publicPem = dir.resolve(name + ".pub.pem");
        if (opensslAvailable()) {
            openssl(List.of("openssl", "genpkey", "-algorithm", "ed25519", "-out", privatePem.toString()));
            openssl(List.of("openssl", "pkey", "-in", privatePem.toString(), "-pubout", "-out", publicPem.toString()));
            return new Pair(privatePem, publicPem);
        }
        try {
            KeyPair pair = KeyPairGenerator.getInstance("Ed25519").generateKeyPair();
            Files.writeString(privatePem, pem("PRIVATE KEY", pair.getPrivate().getEncoded()));
            Files.writeString(publicPem, pem("PUBLIC KEY", pair.getPublic().getEncoded()));
            return new Pair(privatePem, publicPem);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    public static String pem(String label, byte[] der) {
        return "-----BEGIN " + label + "-----\n" + Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII)).encodeToString(der)
                + "\n-----END " + label + "-----\n";
    }

    /** Runs OpenSSL and fails the test if it fails. */
    public static void openssl(List<String> command) throws IOException {
        if (!run(command)) {
            throw new AssertionError("failed: " + String.join(" ", command));
        }
    }

    private static boolean run(List<String> command) throws IOException {
        Process process = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
        try {
            if (!process.waitFor(30, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                return false;
            }
            return process.exitValue() == 0;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }
}
