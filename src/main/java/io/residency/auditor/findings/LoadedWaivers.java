package io.residency.auditor.findings;

import java.util.List;

/**
 * The waivers of a run, with their file and its SHA-256 for the evidence.
 *
 * @param source {@code null} when the run has no waiver file
 */
public record LoadedWaivers(List<Waiver> waivers, String source, String sha256) {

    public static final LoadedWaivers NONE = new LoadedWaivers(List.of(), null, null);

    public LoadedWaivers {
        waivers = List.copyOf(waivers);
    }
}
