package io.residency.auditor.evidence;

import java.util.LinkedHashMap;
import java.util.Map;

/** The run's facts: what was audited, when, by which version, with which inputs' hashes. */
final class RunFactsView {

    private RunFactsView() {
    }

    static Map<String, Object> of(EvidenceModel model) {
        Map<String, Object> run = new LinkedHashMap<>();
        run.put("id", model.run().runId());
        run.put("estate", model.run().estateId());
        run.put("mode", model.run().mode());
        run.put("started", FindingRows.TIME.format(model.run().startedAt()));
        run.put("version", model.run().auditorVersion());
        run.put("policy", model.run().policySource());
        run.put("policySha", model.run().policySha256());
        run.put("estateSha", model.run().estateSha256());
        run.put("waivers", model.waiversSource() == null ? "none" : model.waiversSource());
        run.put("waiversSha", model.run().waiversSha256());
        run.put("hasWaivers", model.run().waiversSha256() != null);
        run.put("keys", KeyStatements.forReport(model.keys()));
        return run;
    }
}
