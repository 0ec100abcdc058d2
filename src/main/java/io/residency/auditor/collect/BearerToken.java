package io.residency.auditor.collect;

import io.residency.auditor.input.InputFiles;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.function.Function;

/**
 * A bearer token named by the estate: read from a file or an environment variable, never written
 * in the estate itself. Whatever it holds is never quoted in a message: a token file pointed at the
 * wrong file must not print that file.
 */
public final class BearerToken {

    /** Real tokens (JWTs included) are a few kilobytes at most. */
    static final int MAX_TOKEN_BYTES = 16 * 1024;

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
     * @throws UnavailableException when the named file cannot be read, the named variable is unset, or
     *                              what they hold is not one line of visible ASCII (it would break the header)
     */
    public static String read(String tokenFile, String tokenEnv, Function<String, String> environment) throws UnavailableException {
        if (tokenFile != null) {
            String where = "token file " + tokenFile;
            byte[] bytes;
            try {
                bytes = InputFiles.readRegular(Path.of(tokenFile), MAX_TOKEN_BYTES);
            } catch (InputFiles.RefusedException e) {
                throw new UnavailableException(where + " " + e.getMessage() + "; expected a file holding one bearer token");
            } catch (NoSuchFileException e) {
                throw new UnavailableException(where + " not found");
            } catch (IOException | RuntimeException e) {
                throw new UnavailableException(where + " cannot be read (" + e.getClass().getSimpleName() + ")");
            }
            return checked(new String(bytes, StandardCharsets.UTF_8).strip(), where);
        }
        if (tokenEnv != null) {
            String token = environment.apply(tokenEnv);
            if (token == null || token.isBlank()) {
                throw new UnavailableException("environment variable " + tokenEnv + " (the bearer token) is not set");
            }
            return checked(token.strip(), "environment variable " + tokenEnv);
        }
        return null;
    }

    /** An HTTP header value is visible ASCII; a line break would also let a token inject a header. */
    private static String checked(String token, String where) throws UnavailableException {
        if (token.isEmpty()) {
            throw new UnavailableException(where + " is empty; expected one bearer token");
        }
        if (token.length() > MAX_TOKEN_BYTES) {
            throw new UnavailableException(where + " holds " + token.length() + " characters; expected one bearer token of at most "
                    + MAX_TOKEN_BYTES);
        }
        for (int i = 0; i < token.length(); i++) {
            char c = token.charAt(i);
            if (c < 0x21 || c > 0x7E) {
                String what = c == '\n' || c == '\r' ? "a line break" : c == ' ' || c == '\t' ? "white space" : "a character not allowed in an HTTP header";
                throw new UnavailableException(where + " does not hold a valid bearer token (it contains " + what
                        + "); expected one line of visible ASCII, content not shown");
            }
        }
        return token;
    }
}
