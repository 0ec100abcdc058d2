package io.residency.auditor.collect.s3;

/** GetBucketLocation's answer as a region: empty or null is us-east-1 and the legacy {@code EU} is eu-west-1. */
final class BucketRegions {

    private BucketRegions() {
    }

    static String normalise(String locationConstraint) {
        if (locationConstraint == null || locationConstraint.isEmpty() || locationConstraint.equals("null")) {
            return "us-east-1";
        }
        if (locationConstraint.equals("EU")) {
            return "eu-west-1";
        }
        return locationConstraint;
    }
}
