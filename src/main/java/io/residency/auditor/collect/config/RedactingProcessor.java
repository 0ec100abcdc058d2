package io.residency.auditor.collect.config;

/**
 * A {@code transform} or {@code redaction} processor that a pipeline uses, with what decides whether
 * its redaction fails open.
 *
 * @param pipelines      the pipelines that use it, sorted and comma-joined
 * @param redacts        transform: a statement deletes, masks or hashes an attribute; redaction: always
 * @param redactionCalls transform: the redacting OTTL functions its statements call, sorted; "" otherwise
 * @param errorMode      transform: the error mode its redacting statements run with; {@code null} otherwise
 * @param allowAllKeys   redaction: {@code allow_all_keys}; {@code null} otherwise
 */
public record RedactingProcessor(String configPath, String processor, String type, String pipelines, boolean redacts,
                                 String redactionCalls, String errorMode, Boolean allowAllKeys) {
}
