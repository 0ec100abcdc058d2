package io.residency.auditor.collect.s3;

import io.residency.auditor.facts.FactRepository;

/**
 * An account whose buckets are read through its audit role.
 *
 * @param externalId passed to STS only; never printed, never stored
 * @param region     the region of its S3 and STS clients
 */
record AuditedAccount(String id, String roleArn, String externalId, String region) {

    /** The account's own source, so an account that cannot be read is UNVERIFIED by RES-SOURCE and the others go on. */
    String sourceId() {
        return FactRepository.S3_SOURCE + "/" + id;
    }

    @Override
    public String toString() {
        return "account " + id + " (" + roleArn + ")";
    }
}
