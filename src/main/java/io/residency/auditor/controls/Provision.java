package io.residency.auditor.controls;

import java.util.List;

/**
 * One article or section of a framework, why it bears on data residency, and the controls that support it.
 *
 * @param controls         control ids, as the framework file lists them
 * @param reading          how the framework's report reads a problem of these controls in law; {@code null}: as the finding says
 * @param policyParameters the framework's parameters in the policy file that state this requirement (a company
 *                         policy, such as {@code minimumLogRetentionDays}); the report names them with their values
 */
public record Provision(String framework, String ref, String title, String why, List<String> controls, Reading reading,
                        List<String> policyParameters) {

    /** The parameters a provision may name: the fields of a framework's rules in the policy. */
    public static final List<String> POLICY_PARAMETERS = List.of("storageInJurisdiction", "replicationInJurisdiction",
            "federationAllowed", "minimumLogRetentionDays");

    public Provision {
        controls = List.copyOf(controls);
        policyParameters = policyParameters == null ? List.of() : List.copyOf(policyParameters);
    }

    public Provision(String framework, String ref, String title, String why, List<String> controls) {
        this(framework, ref, title, why, controls, null, List.of());
    }

    public boolean isCompanyPolicy() {
        return !policyParameters.isEmpty();
    }

    /**
     * The wording of a problem in law, with {@code {legalBasis}}, {@code {exceptionId}}, {@code {destination}}
     * and {@code {destinationJurisdiction}} filled in by the report.
     *
     * @param fail         a failure nothing excepts
     * @param excepted     a failure an exception with a legal basis covers
     * @param acceptedRisk a failure an exception without a legal basis covers; {@code null}: as {@code fail}
     * @param insideEea    a failure whose destination is in an EEA jurisdiction of the policy; {@code null}: no reading
     */
    public record Reading(String fail, String excepted, String acceptedRisk, String insideEea) {
    }
}
