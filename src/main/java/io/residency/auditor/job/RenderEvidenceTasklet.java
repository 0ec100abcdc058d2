package io.residency.auditor.job;

import io.residency.auditor.evidence.EvidenceBundleWriter;
import io.residency.auditor.evidence.EvidenceModel;
import io.residency.auditor.evidence.EvidenceModelReader;
import io.residency.auditor.evidence.ReportFormat;
import io.residency.auditor.evidence.signing.BundlePredicate;
import io.residency.auditor.evidence.signing.Ed25519Keys;
import io.residency.auditor.evidence.signing.SigningKey;
import io.residency.auditor.facts.AuditRun;
import io.residency.auditor.facts.RunKeysRepository;
import java.nio.file.Path;
import java.time.Instant;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.springframework.batch.core.scope.context.ChunkContext;
import org.springframework.batch.core.step.StepContribution;
import org.springframework.batch.core.step.tasklet.Tasklet;
import org.springframework.batch.infrastructure.repeat.RepeatStatus;
import org.springframework.stereotype.Component;

/** Writes the run's evidence bundle from what the run recorded, and signs it when the run was given a key. */
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
        Set<ReportFormat> formats = request.formats().stream().map(ReportFormat::parse)
                .collect(Collectors.toCollection(() -> EnumSet.noneOf(ReportFormat.class)));
        Path bundle = writer.write(request.outDir(), model, formats, signingKey, predicate(request, model));
        contribution.getStepExecution().getJobExecution().getExecutionContext().putString(BUNDLE_PATH, bundle.toString());
        StepSummaries.put(contribution, model.findings().size(), "bundle " + bundle);
        return RepeatStatus.FINISHED;
    }

    private static BundlePredicate predicate(AuditRequest request, EvidenceModel model) {
        Map<String, Object> scope = new LinkedHashMap<>();
        scope.put("offline", request.offline());
        scope.put("extraFormats", new TreeSet<>(request.formats()));
        scope.put("jurisdictions", model.jurisdictions());
        scope.put("waivers", request.waiversFile() != null);
        AuditRun run = model.run();
        return new BundlePredicate(run.runId(), run.estateId(), run.mode(), run.auditorVersion(), run.estateSha256(),
                run.policySha256(), run.waiversSha256(), run.startedAt(), Instant.now(), scope);
    }
}
