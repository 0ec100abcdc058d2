package io.residency.auditor.job;

import io.residency.auditor.collect.config.SourceKinds;
import io.residency.auditor.controls.ControlCatalog;
import io.residency.auditor.controls.FrameworkCatalog;
import io.residency.auditor.estate.EstateLoader;
import io.residency.auditor.estate.LoadedEstate;
import io.residency.auditor.findings.LoadedWaivers;
import io.residency.auditor.findings.WaiverLoader;
import io.residency.auditor.input.YamlInputReader;
import io.residency.auditor.policy.LoadedPolicy;
import io.residency.auditor.policy.PolicyLoader;
import jakarta.validation.Validator;
import java.nio.file.Path;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.batch.core.job.parameters.JobParameters;
import org.springframework.stereotype.Component;

/**
 * Loads a run's estate, policy and waivers once per run and hands the same validated inputs to
 * every step. A restarted run (a new process) reads them once more and must judge the same inputs
 * it started with, so changed files are refused rather than silently mixed into one run.
 */
@Component
public class AuditInputsLoader {

    private final EstateLoader estateLoader;
    private final PolicyLoader policyLoader;
    private final WaiverLoader waiverLoader;
    private final Map<String, AuditInputs> byRun = new ConcurrentHashMap<>();
    private final FrameworkCatalog frameworks = FrameworkCatalog.bundled(ControlCatalog.load());

    public AuditInputsLoader(Validator validator) {
        YamlInputReader reader = new YamlInputReader(validator);
        this.estateLoader = new EstateLoader(reader, SourceKinds.registered().names());
        this.policyLoader = new PolicyLoader(reader);
        this.waiverLoader = new WaiverLoader(reader, ControlCatalog.load().controls().stream()
                .map(io.residency.auditor.controls.ControlDefinition::id).collect(java.util.stream.Collectors.toSet()));
    }

    public LoadedEstate loadEstate(Path file) {
        return estateLoader.load(file);
    }

    /** The policy, with the definitions of the frameworks it names checked before the run starts (bad input, exit 2). */
    public LoadedPolicy loadPolicy(Path file) {
        LoadedPolicy policy = policyLoader.load(file);
        frameworks.forPolicy(policy.policy());
        return policy;
    }

    public LoadedWaivers loadWaivers(Path file) {
        return waiverLoader.load(file);
    }

    /** The launcher validated the inputs before starting the run; its steps use them as they are. */
    public void remember(AuditInputs inputs) {
        byRun.put(inputs.request().runId(), inputs);
    }

    /** The run's inputs: read and checked against the run's recorded hashes on first use, then kept. */
    public AuditInputs load(JobParameters parameters) {
        AuditRequest request = AuditRequest.from(parameters);
        return byRun.computeIfAbsent(request.runId(), runId -> readAndCheck(request));
    }

    private AuditInputs readAndCheck(AuditRequest request) {
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
