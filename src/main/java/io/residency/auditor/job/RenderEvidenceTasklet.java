package io.residency.auditor.job;

import io.residency.auditor.evidence.EvidenceBundleWriter;
import io.residency.auditor.evidence.EvidenceModel;
import io.residency.auditor.evidence.EvidenceModelReader;
import io.residency.auditor.evidence.ReportFormat;
import java.nio.file.Path;
import java.util.EnumSet;
import java.util.Set;
import java.util.stream.Collectors;
import org.springframework.batch.core.scope.context.ChunkContext;
import org.springframework.batch.core.step.StepContribution;
import org.springframework.batch.core.step.tasklet.Tasklet;
import org.springframework.batch.infrastructure.repeat.RepeatStatus;
import org.springframework.stereotype.Component;

/** Writes the run's evidence bundle from what the run recorded. */
@Component
public class RenderEvidenceTasklet implements Tasklet {

    static final String BUNDLE_PATH = "bundlePath";

    private final AuditInputsLoader inputs;
    private final EvidenceModelReader models;
    private final EvidenceBundleWriter writer;

    public RenderEvidenceTasklet(AuditInputsLoader inputs, EvidenceModelReader models, EvidenceBundleWriter writer) {
        this.inputs = inputs;
        this.models = models;
        this.writer = writer;
    }

    @Override
    public RepeatStatus execute(StepContribution contribution, ChunkContext chunkContext) throws Exception {
        AuditInputs loaded = inputs.load(contribution.getStepExecution().getJobParameters());
        AuditRequest request = loaded.request();
        // The policy says which frameworks get reports, and defines any framework the jar does not bundle.
        EvidenceModel model = models.read(request.runId(), request.estateFile().toString(),
                request.waiversFile() == null ? null : request.waiversFile().toString(), loaded.policy().policy());
        Set<ReportFormat> formats = request.formats().stream().map(ReportFormat::parse)
                .collect(Collectors.toCollection(() -> EnumSet.noneOf(ReportFormat.class)));
        Path bundle = writer.write(request.outDir(), model, formats);
        contribution.getStepExecution().getJobExecution().getExecutionContext().putString(BUNDLE_PATH, bundle.toString());
        StepSummaries.put(contribution, model.findings().size(), "bundle " + bundle);
        return RepeatStatus.FINISHED;
    }
}
