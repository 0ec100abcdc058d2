package io.residency.auditor.job;

import io.residency.auditor.evidence.EvidenceBundleWriter;
import io.residency.auditor.evidence.EvidenceModel;
import io.residency.auditor.evidence.EvidenceModelReader;
import io.residency.auditor.evidence.ReportFormat;
import io.residency.auditor.evidence.signing.Ed25519Keys;
import io.residency.auditor.evidence.signing.SigningKey;
import io.residency.auditor.facts.RunKeysRepository;
import io.residency.auditor.collect.config.SourceCopies;
import io.residency.auditor.estate.LoadedEstate;
import io.residency.auditor.evidence.BundleContents;
import io.residency.auditor.evidence.InputCopies;
import io.residency.auditor.facts.FactRepository;
import io.residency.auditor.facts.FactExporter;
import io.residency.auditor.facts.InputAnswer;
import io.residency.auditor.input.InputFiles;
import io.residency.auditor.input.Sha256;
import io.residency.auditor.policy.PolicyLoader;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
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
    private final FactExporter facts;
    private final FactRepository factRepository;

    public RenderEvidenceTasklet(AuditInputsLoader inputs, EvidenceModelReader models, EvidenceBundleWriter writer, RunKeysRepository keys,
                                 FactExporter facts, FactRepository factRepository) {
        this.facts = facts;
        this.factRepository = factRepository;
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
        LoadedEstate estate = request.allowFilesOutsideEstate() ? loaded.estate().withFilesOutsideAllowed() : loaded.estate();
        // Local files are read again (hash-checked); what live sources answered was recorded as the run read it.
        Map<String, byte[]> sources = SourceCopies.of(estate, factRepository.sources(request.runId()));
        BundleContents contents = new BundleContents(inputFiles(request, sources, factRepository.inputAnswers(request.runId())),
                facts.export(request.runId()));
        Path bundle = writer.write(request.outDir(), model, ReportFormat.of(request.formats()), signingKey, contents);
        contribution.getStepExecution().getJobExecution().getExecutionContext().putString(BUNDLE_PATH, bundle.toString());
        StepSummaries.put(contribution, model.findings().counts().total(), "bundle " + bundle);
        return RepeatStatus.FINISHED;
    }

    /**
     * The estate, policy and waivers as the run judged them; a file changed since the run started is
     * refused rather than bundled under the run's recorded hash.
     */
    private static Map<String, byte[]> inputFiles(AuditRequest request, Map<String, byte[]> sources, List<InputAnswer> answers) {
        byte[] estate = checked(InputFiles.read(request.estateFile(), "the estate"), request.estateSha256(), "estate");
        byte[] policy = checked(request.policyFile() == null ? PolicyLoader.bundledBytes() : InputFiles.read(request.policyFile(), "the policy"),
                request.policySha256(), "policy");
        byte[] waivers = request.waiversFile() == null ? null
                : checked(InputFiles.read(request.waiversFile(), "the waivers"), request.waiversSha256(), "waivers");
        return InputCopies.of(estate, policy, waivers, sources, answers);
    }

    private static byte[] checked(byte[] content, String recorded, String what) {
        if (!Sha256.hex(content).equals(recorded)) {
            throw new IllegalStateException("the " + what + " file changed since the run started; its bundle copy would not be what was judged");
        }
        return content;
    }
}
