package io.residency.auditor.evidence.signing;

/** The names of the in-toto Statement v1 (github.com/in-toto/attestation, spec/v1/statement.md) a bundle is signed as. */
public final class BundleStatement {

    public static final String TYPE = "https://in-toto.io/Statement/v1";
    /** The project's predicate type; its fields are documented in reports/README.md. */
    public static final String PREDICATE_TYPE = "https://residency-auditor.dev/evidence-bundle/v1";

    private BundleStatement() {
    }
}
