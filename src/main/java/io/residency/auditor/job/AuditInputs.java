package io.residency.auditor.job;

import io.residency.auditor.estate.LoadedEstate;
import io.residency.auditor.findings.LoadedWaivers;
import io.residency.auditor.policy.LoadedPolicy;

/** The validated estate, policy and waivers of a run, with the request that named them. */
public record AuditInputs(AuditRequest request, LoadedEstate estate, LoadedPolicy policy, LoadedWaivers waivers) {
}
