package io.residency.auditor.job;

import io.residency.auditor.evidence.EvidenceBundleWriter;
import io.residency.auditor.evidence.EvidenceModel;
import io.residency.auditor.evidence.EvidenceModelReader;
import io.residency.auditor.evidence.signing.BundlePredicate;
import io.residency.auditor.evidence.signing.Ed25519Keys;
import io.residency.auditor.evidence.signing.SigningKey;
import io.residency.auditor.facts.AuditRun;
import io.residency.auditor.facts.RunKeysRepository;
import java.nio.file.Path;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TreeSet;
import org.springframework.batch.core.scope.context.ChunkContext;
import org.springframework.batch.core.step.StepContribution;
import org.springframework.batch.core.step.tasklet.Tasklet;
import org.springframework.batch.infrastructure.repeat.RepeatStatus;
import org.springframework.stereotype.Component;

/** Writes the run's evidence bundle from what the run recorded, and signs it when the run was given a key. */
@Component
public class RenderEvidenceTasklet implements Tasklet {

    static final String BUNDLE_PATH = "bundlePath";

    private final EvidenceModelReader models;
    private final EvidenceBundleWriter writer;
    private final RunKeysRepository keys;

    public RenderEvidenceTasklet(EvidenceModelReader models, EvidenceBundleWriter writer, RunKeysRepository keys) {
        this.models = models;
        this.writer = writer;
        this.keys = keys;
    }

    @Override
    public RepeatStatus execute(StepContribution contribution, ChunkContext chunkContext) throws Exception {
        AuditRequest request = AuditRequest.from(contribution.getStepExecution().getJobParameters());
        // The key is read here, not carried in the job: job parameters are stored, keys must not be.
        SigningKey signingKey = request.signingKey() == null ? null : Ed25519Keys.readPrivate(request.signingKey());
        keys.recordSigningKey(request.runId(), signingKey == null ? null : signingKey.keyId());
        EvidenceModel model = models.read(request.runId(), request.estateFile().toString(),
                request.waiversFile() == null ? null : request.waiversFile().toString());
        Path bundle = writer.write(request.outDir(), model, request.formats(), signingKey, predicate(request, model));
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
