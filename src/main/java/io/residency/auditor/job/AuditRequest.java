package io.residency.auditor.job;

import java.nio.file.Path;
import java.util.Set;
import java.util.TreeSet;
import org.springframework.batch.core.job.parameters.JobParameters;
import org.springframework.batch.core.job.parameters.JobParametersBuilder;

/**
 * What one run audits, carried as job parameters so a restarted run sees exactly the same.
 * Only the run id identifies the job instance; the input hashes let a restart refuse changed inputs.
 *
 * @param policyFile {@code null} for the bundled default policy
 * @param mode       {@code audit}, or {@code gate} for the pre-release check
 * @param offline    judge configuration files only: no AWS and no Thanos calls
 * @param waiversFile {@code null} when the run has no waivers
 * @param formats    the reports to render (json, csv, pdf, sarif, junit, ocsf); the manifest is always written
 * @param signingKey the Ed25519 PEM key file that signs the bundle, or {@code null} for an unsigned bundle; only
 *                   the path is carried (job parameters are stored), the render step reads the key
 * @param allowFilesOutsideEstate config files may lie outside the estate file's folder (--allow-files-outside-estate)
 * @param kubeconfig the kubeconfig of the estate's {@code k8s:} contexts (--kubeconfig), or {@code null}: KUBECONFIG, else ~/.kube/config
 */
public record AuditRequest(String runId, Path estateFile, Path policyFile, Path waiversFile, String estateSha256,
                           String policySha256, String waiversSha256, Path outDir, String mode, boolean offline,
                           Set<String> formats, Path signingKey, boolean allowFilesOutsideEstate, Path kubeconfig) {

    /** A run without --kubeconfig. */
    public AuditRequest(String runId, Path estateFile, Path policyFile, Path waiversFile, String estateSha256,
                        String policySha256, String waiversSha256, Path outDir, String mode, boolean offline,
                        Set<String> formats, Path signingKey, boolean allowFilesOutsideEstate) {
        this(runId, estateFile, policyFile, waiversFile, estateSha256, policySha256, waiversSha256, outDir, mode, offline,
                formats, signingKey, allowFilesOutsideEstate, null);
    }

    /** An unsigned run whose config files stay inside the estate's folder. */
    public AuditRequest(String runId, Path estateFile, Path policyFile, Path waiversFile, String estateSha256,
                        String policySha256, String waiversSha256, Path outDir, String mode, boolean offline,
                        Set<String> formats) {
        this(runId, estateFile, policyFile, waiversFile, estateSha256, policySha256, waiversSha256, outDir, mode, offline,
                formats, null, false, null);
    }

    public AuditRequest {
        formats = formats == null ? Set.of() : Set.copyOf(formats);
    }

    private static final String RUN_ID = "runId";
    private static final String ESTATE = "estateFile";
    private static final String POLICY = "policyFile";
    private static final String ESTATE_SHA = "estateSha256";
    private static final String POLICY_SHA = "policySha256";
    private static final String OUT = "outDir";
    private static final String MODE = "mode";
    private static final String OFFLINE = "offline";
    private static final String WAIVERS = "waiversFile";
    private static final String WAIVERS_SHA = "waiversSha256";
    private static final String FORMATS = "formats";
    private static final String SIGNING_KEY = "signingKeyFile";
    private static final String FILES_OUTSIDE = "allowFilesOutsideEstate";
    private static final String KUBECONFIG = "kubeconfig";

    public JobParameters toJobParameters() {
        return new JobParametersBuilder()
                .addString(RUN_ID, runId, true)
                .addString(ESTATE, estateFile.toAbsolutePath().toString(), false)
                .addString(POLICY, policyFile == null ? "" : policyFile.toAbsolutePath().toString(), false)
                .addString(ESTATE_SHA, estateSha256, false)
                .addString(POLICY_SHA, policySha256, false)
                .addString(OUT, outDir.toAbsolutePath().toString(), false)
                .addString(MODE, mode, false)
                .addString(OFFLINE, String.valueOf(offline), false)
                .addString(WAIVERS, waiversFile == null ? "" : waiversFile.toAbsolutePath().toString(), false)
                .addString(WAIVERS_SHA, waiversSha256 == null ? "" : waiversSha256, false)
                .addString(FORMATS, String.join(",", new TreeSet<>(formats)), false)
                .addString(SIGNING_KEY, signingKey == null ? "" : signingKey.toAbsolutePath().toString(), false)
                .addString(FILES_OUTSIDE, String.valueOf(allowFilesOutsideEstate), false)
                .addString(KUBECONFIG, kubeconfig == null ? "" : kubeconfig.toAbsolutePath().toString(), false)
                .toJobParameters();
    }

    public static AuditRequest from(JobParameters parameters) {
        return new AuditRequest(parameters.getString(RUN_ID), Path.of(parameters.getString(ESTATE)),
                optionalPath(parameters.getString(POLICY)), optionalPath(parameters.getString(WAIVERS)),
                parameters.getString(ESTATE_SHA), parameters.getString(POLICY_SHA), emptyToNull(parameters.getString(WAIVERS_SHA)),
                Path.of(parameters.getString(OUT)), parameters.getString(MODE),
                Boolean.parseBoolean(parameters.getString(OFFLINE)), formats(parameters.getString(FORMATS)),
                optionalPath(parameters.getString(SIGNING_KEY)), Boolean.parseBoolean(parameters.getString(FILES_OUTSIDE)),
                optionalPath(parameters.getString(KUBECONFIG)));
    }

    private static Set<String> formats(String list) {
        return list == null || list.isEmpty() ? Set.of() : Set.of(list.split(","));
    }

    private static Path optionalPath(String value) {
        return value == null || value.isEmpty() ? null : Path.of(value);
    }

    private static String emptyToNull(String value) {
        return value == null || value.isEmpty() ? null : value;
    }
}
