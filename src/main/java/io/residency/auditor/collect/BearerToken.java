package io.residency.auditor.collect;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.function.Function;

/** A bearer token named by the estate: read from a file or an environment variable, never written in the estate itself. */
public final class BearerToken {

    private BearerToken() {
    }

    /** A token the estate names but the auditor cannot get; the message names where it looked, never a token. */
    public static final class UnavailableException extends Exception {
        UnavailableException(String message) {
            super(message);
        }
    }

    /**
     * @return the token, or {@code null} when the estate names neither a file nor a variable
     * @throws UnavailableException when the named file cannot be read or the named variable is unset,
     *                              so the caller records why instead of calling without a token
     */
    public static String read(String tokenFile, String tokenEnv, Function<String, String> environment) throws UnavailableException {
        if (tokenFile != null) {
            try {
                return Files.readString(Path.of(tokenFile), StandardCharsets.UTF_8).strip();
            } catch (IOException e) {
                throw new UnavailableException("token file " + tokenFile + " cannot be read (" + e.getClass().getSimpleName() + ")");
            }
        }
        if (tokenEnv != null) {
            String token = environment.apply(tokenEnv);
            if (token == null || token.isBlank()) {
                throw new UnavailableException("environment variable " + tokenEnv + " (the bearer token) is not set");
            }
            return token.strip();
        }
        return null;
    }
}
