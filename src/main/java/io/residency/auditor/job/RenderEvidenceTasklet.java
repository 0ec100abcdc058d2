package io.residency.auditor.job;

import io.residency.auditor.evidence.EvidenceBundleWriter;
import io.residency.auditor.evidence.EvidenceModel;
import io.residency.auditor.evidence.EvidenceModelReader;
import io.residency.auditor.evidence.ReportFormat;
import io.residency.auditor.evidence.signing.Ed25519Keys;
import io.residency.auditor.evidence.signing.SigningKey;
import io.residency.auditor.facts.RunKeysRepository;
import java.nio.file.Path;
import org.springframework.batch.core.scope.context.ChunkContext;
import org.springframework.batch.core.step.StepContribution;
import org.springframework.batch.core.step.tasklet.Tasklet;
import org.springframework.batch.infrastructure.repeat.RepeatStatus;
import org.springframework.stereotype.Component;

/** Writes the run's evidence bundle from what the run recorded, signed when the run has a key. */
@Component
public class RenderEvidenceTasklet implements Tasklet {

    static final String BUNDLE_PATH = "bundlePath";

    private final AuditInputsLoader inputs;
    private final EvidenceModelReader models;
    private final EvidenceBundleWriter writer;
    private final RunKeysRepository keys;

    public RenderEvidenceTasklet(AuditInputsLoader inputs, EvidenceModelReader models, EvidenceBundleWriter writer, RunKeysRepository keys) {
        this.inputs = inputs;
        this.models = models;
        this.writer = writer;
        this.keys = keys;
    }

    @Override
    public RepeatStatus execute(StepContribution contribution, ChunkContext chunkContext) throws Exception {
        AuditInputs loaded = inputs.load(contribution.getStepExecution().getJobParameters());
        AuditRequest request = loaded.request();
        // The key is read here, not carried in the job: job parameters are stored, keys must not be.
        SigningKey signingKey = request.signingKey() == null ? null : Ed25519Keys.readPrivate(request.signingKey());
        keys.recordSigningKey(request.runId(), signingKey == null ? null : signingKey.keyId());
        // The policy says which frameworks get reports, and defines any framework the jar does not bundle.
        EvidenceModel model = models.read(request.runId(), request.estateFile().toString(),
                request.waiversFile() == null ? null : request.waiversFile().toString(), loaded.policy().policy());
        Path bundle = writer.write(request.outDir(), model, ReportFormat.of(request.formats()), signingKey);
        contribution.getStepExecution().getJobExecution().getExecutionContext().putString(BUNDLE_PATH, bundle.toString());
        StepSummaries.put(contribution, model.findings().size(), "bundle " + bundle);
        return RepeatStatus.FINISHED;
    }
}
