package io.residency.auditor.job;

import io.residency.auditor.estate.Estate;
import io.residency.auditor.estate.RegionStack;
import io.residency.auditor.facts.RunMode;
import io.residency.auditor.facts.RunScopeRepository;
import org.springframework.batch.core.step.StepContribution;
import org.springframework.batch.core.scope.context.ChunkContext;
import org.springframework.batch.core.step.tasklet.Tasklet;
import org.springframework.batch.infrastructure.repeat.RepeatStatus;
import org.springframework.stereotype.Component;

/** Records the policy, regions, tenants and mode the run judges by, so control queries can join on them. */
@Component
public class RecordScopeTasklet implements Tasklet {

    private final AuditInputsLoader inputs;
    private final RunScopeRepository scope;

    public RecordScopeTasklet(AuditInputsLoader inputs, RunScopeRepository scope) {
        this.inputs = inputs;
        this.scope = scope;
    }

    @Override
    public RepeatStatus execute(StepContribution contribution, ChunkContext chunkContext) {
        AuditInputs loaded = inputs.load(contribution.getStepExecution().getJobParameters());
        Estate estate = loaded.estate().estate();
        RunMode mode = new RunMode(loaded.request().offline(), estate.aws() != null,
                estate.central() != null && estate.central().thanos() != null);
        scope.replaceScope(loaded.request().runId(), loaded.policy().policy(), estate.tenants(),
                estate.regions().stream().map(RegionStack::name).toList(), mode, estate.regionLabel());
        StepSummaries.put(contribution, loaded.policy().policy().jurisdictions().size(),
                loaded.policy().policy().jurisdictions().size() + " jurisdictions from " + loaded.policy().source());
        return RepeatStatus.FINISHED;
    }
}
