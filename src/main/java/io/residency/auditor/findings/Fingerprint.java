package io.residency.auditor.findings;

import io.residency.auditor.input.Sha256;

/** A finding's identity across runs: the control and the resource, nothing that changes run to run. */
public final class Fingerprint {

    private Fingerprint() {
    }

    public static String of(String controlId, String resource) {
        return Sha256.hex(controlId + "\n" + resource).substring(0, 32);
    }
}
