package io.residency.auditor.job;

import io.residency.auditor.estate.LoadedEstate;
import io.residency.auditor.policy.LoadedPolicy;

/** The validated estate and policy of a run, with the request that named them. */
public record AuditInputs(AuditRequest request, LoadedEstate estate, LoadedPolicy policy) {
}
