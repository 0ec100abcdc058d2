package io.residency.auditor.evidence;

import java.util.Map;
import java.util.TreeMap;

/**
 * What a bundle holds besides its reports, so an auditor can re-perform the run: the inputs as the
 * run read them ({@code inputs/}) and the facts it judged ({@code facts/}), by relative file name.
 */
public record BundleContents(Map<String, byte[]> inputs, Map<String, byte[]> facts) {

    public BundleContents {
        // Sorted, so the same run writes its files in the same order.
        inputs = new TreeMap<>(inputs);
        facts = new TreeMap<>(facts);
    }
}
