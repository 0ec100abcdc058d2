package io.residency.auditor.evidence;

import static org.assertj.core.api.Assertions.assertThat;

import io.residency.auditor.findings.Finding;
import io.residency.auditor.findings.Severity;
import io.residency.auditor.findings.Status;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class VerdictTest {

    private static Finding finding(Status status) {
        return new Finding("RES-LOKI-STORAGE", status, Severity.parse("critical"), List.of("GDPR"), "eu-west-1", "EU",
                "eu-west-1/loki common.storage.s3 s3://logs", "m", Map.of(), "0".repeat(32), Instant.EPOCH, null);
    }

    @Test
    void aRunWhereEverythingWasTestedAndPassesMayStillSayCompliant() {
        assertThat(Verdict.of(List.of(finding(Status.PASS)), 0)).isEqualTo("compliant");
    }

    @Test
    void aCleanRunWithChecksNotTestedSaysSoInsteadOfCompliant() {
        assertThat(Verdict.of(List.of(finding(Status.PASS)), 3)).isEqualTo("no violation found in what was tested; 3 checks not tested");
        assertThat(Verdict.of(List.of(), 1)).isEqualTo("no violation found in what was tested; 1 check not tested");
    }

    @Test
    void failuresAndUnverifiedFindingsKeepTheirVerdictWhateverWasNotTested() {
        assertThat(Verdict.of(List.of(finding(Status.FAIL)), 2)).isEqualTo("violations found");
        assertThat(Verdict.of(List.of(finding(Status.UNVERIFIED)), 2)).isEqualTo("not fully verified");
    }
}
