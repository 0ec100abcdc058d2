package io.residency.auditor.collect.config;

import io.residency.auditor.estate.LoadedEstate;
import io.residency.auditor.facts.SourceFact;
import io.residency.auditor.facts.SourceStatus;
import io.residency.auditor.input.InputFiles;
import io.residency.auditor.input.Sha256;
import java.io.IOException;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * The local config files a run read, read again for its evidence bundle: only a file source that
 * was read, and only when its bytes still hash to what the run recorded ({@code content_sha256}),
 * so the bundle holds exactly what was judged. Nothing live is asked again: what url:, k8s: and
 * api: sources answered was recorded as the run read it (input_answer).
 */
public final class SourceCopies {

    private SourceCopies() {
    }

    /** @return source id to the bytes as the run read them, for each file source that could be copied */
    public static Map<String, byte[]> of(LoadedEstate estate, List<SourceFact> sources) {
        Map<String, byte[]> copies = new TreeMap<>();
        for (SourceFact source : sources) {
            copy(estate, source).ifPresent(bytes -> copies.put(source.sourceId(), bytes));
        }
        return copies;
    }

    private static Optional<byte[]> copy(LoadedEstate estate, SourceFact source) {
        if (source.status() != SourceStatus.OK || source.contentSha256() == null || source.location().contains("://")) {
            return Optional.empty();
        }
        try {
            byte[] bytes = InputFiles.readRegular(estate.confined(source.location()), SourceFetcher.MAX_BYTES);
            return Sha256.hex(bytes).equals(source.contentSha256()) ? Optional.of(bytes) : Optional.empty();
        } catch (IOException e) {
            return Optional.empty();
        }
    }
}
