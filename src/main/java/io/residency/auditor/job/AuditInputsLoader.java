package io.residency.auditor.job;

import io.residency.auditor.estate.EstateLoader;
import io.residency.auditor.estate.LoadedEstate;
import io.residency.auditor.findings.LoadedWaivers;
import io.residency.auditor.findings.WaiverLoader;
import io.residency.auditor.input.YamlInputReader;
import io.residency.auditor.policy.LoadedPolicy;
import io.residency.auditor.policy.PolicyLoader;
import jakarta.validation.Validator;
import java.nio.file.Path;
import java.util.Objects;
import org.springframework.batch.core.job.parameters.JobParameters;
import org.springframework.stereotype.Component;

/**
 * Loads a run's estate and policy from its job parameters. A restarted run must judge the same
 * inputs it started with, so changed files are refused rather than silently mixed into one run.
 */
@Component
public class AuditInputsLoader {

    private final EstateLoader estateLoader;
    private final PolicyLoader policyLoader;
    private final WaiverLoader waiverLoader;

    public AuditInputsLoader(Validator validator) {
        YamlInputReader reader = new YamlInputReader(validator);
        this.estateLoader = new EstateLoader(reader);
        this.policyLoader = new PolicyLoader(reader);
        this.waiverLoader = new WaiverLoader(reader, io.residency.auditor.controls.ControlCatalog.load().controls().stream()
                .map(io.residency.auditor.controls.ControlDefinition::id).collect(java.util.stream.Collectors.toSet()));
    }

    public LoadedEstate loadEstate(Path file) {
        return estateLoader.load(file);
    }

    public LoadedPolicy loadPolicy(Path file) {
        return policyLoader.load(file);
    }

    public LoadedWaivers loadWaivers(Path file) {
        return waiverLoader.load(file);
    }

    public AuditInputs load(JobParameters parameters) {
        AuditRequest request = AuditRequest.from(parameters);
        LoadedEstate estate = estateLoader.load(request.estateFile());
        LoadedPolicy policy = policyLoader.load(request.policyFile());
        LoadedWaivers waivers = waiverLoader.load(request.waiversFile());
        if (!estate.sha256().equals(request.estateSha256()) || !policy.sha256().equals(request.policySha256())
                || !Objects.equals(waivers.sha256(), request.waiversSha256())) {
            throw new IllegalStateException("the estate, policy or waivers file changed since run " + request.runId()
                    + " started; start a new run instead of restarting this one");
        }
        return new AuditInputs(request, estate, policy, waivers);
    }
}
