package io.residency.auditor.job;

import io.residency.auditor.collect.config.SourceKinds;
import io.residency.auditor.controls.ControlCatalog;
import io.residency.auditor.controls.ControlDefinition;
import io.residency.auditor.controls.Framework;
import io.residency.auditor.findings.ExceptionRulesCheck;
import io.residency.auditor.policy.ExceptionRules;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.stream.Collectors;
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

    /** With the process's shared validator: the context's loader and the launcher's then start Hibernate Validator once. */
    public AuditInputsLoader() {
        this(YamlInputReader.sharedValidator());
    }

    public AuditInputsLoader(Validator validator) {
        YamlInputReader reader = new YamlInputReader(validator);
        this.estateLoader = new EstateLoader(reader, SourceKinds.registered().names());
        this.policyLoader = new PolicyLoader(reader);
        this.waiverLoader = new WaiverLoader(reader);
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

    /**
     * The exceptions register, checked against the controls, the frameworks and the exception rules of the policy.
     *
     * @param today the day the register is judged on: an exception's term runs from it where no approval date is given
     */
    public LoadedWaivers loadWaivers(Path file, LoadedPolicy policy, LocalDate today) {
        ExceptionRules rules = policy.policy().exceptions();
        return waiverLoader.load(file, new ExceptionRulesCheck(
                ControlCatalog.load().controls().stream().map(ControlDefinition::id).collect(Collectors.toSet()),
                frameworks.forPolicy(policy.policy()).frameworks().stream().map(Framework::id).collect(Collectors.toSet()),
                rules.approvers(), rules.term(), today));
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
        LoadedWaivers waivers = loadWaivers(request.waiversFile(), policy, LocalDate.now(ZoneOffset.UTC));
        if (!estate.sha256().equals(request.estateSha256()) || !policy.sha256().equals(request.policySha256())
                || !Objects.equals(waivers.sha256(), request.waiversSha256())) {
            throw new IllegalStateException("the estate, policy or waivers file changed since run " + request.runId()
                    + " started; start a new run instead of restarting this one");
        }
        return new AuditInputs(request, estate, policy, waivers);
    }
}
