package io.residency.auditor.evidence;

import io.residency.auditor.findings.Finding;

/**
 * What kind of thing a finding judges, named the same way in SARIF's logical locations and OCSF's
 * resources: a configuration setting in a file, an S3 bucket, federated series, the central querier
 * or a source of the estate.
 */
final class ResourceKinds {

    private ResourceKinds() {
    }

    static String of(Finding finding) {
        String control = finding.controlId();
        if (control.startsWith("RES-BUCKET-")) {
            return "s3-bucket";
        }
        if (control.equals("RES-METRICS-PII")) {
            return "metric-series";
        }
        if (control.startsWith("RES-THANOS-")) {
            return "thanos-querier";
        }
        if (control.equals("RES-SOURCE")) {
            return "estate-source";
        }
        return "configuration-setting";
    }
}
