package io.residency.auditor.job;

import io.residency.auditor.controls.RunJudgement;
import io.residency.auditor.evidence.InputCopies;
import io.residency.auditor.facts.FactImporter;
import io.residency.auditor.findings.Finding;
import io.residency.auditor.findings.LoadedWaivers;
import io.residency.auditor.policy.LoadedPolicy;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Re-performs a bundled run: its facts loaded into this (fresh) database under the run's id, and
 * the controls run over them with the bundle's policy and waivers at the run's own time, so a
 * waiver expires as it did then. Reads no config, calls no network.
 */
@Component
public class Rejudgement {

    private final FactImporter importer;
    private final RunJudgement judgement;
    private final AuditInputsLoader loader;

    public Rejudgement(FactImporter importer, RunJudgement judgement, AuditInputsLoader loader) {
        this.importer = importer;
        this.judgement = judgement;
        this.loader = loader;
    }

    /** @param bundle a bundle folder holding {@code facts/} and {@code inputs/} */
    @Transactional
    public List<Finding> rejudge(Path bundle, String runId, String estateId, Instant startedAt) throws IOException {
        importer.importRun(bundle.resolve("facts"), runId);
        Path inputs = bundle.resolve("inputs");
        LoadedPolicy policy = loader.loadPolicy(inputs.resolve(InputCopies.POLICY));
        Path waiversFile = inputs.resolve(InputCopies.WAIVERS);
        LoadedWaivers waivers = loader.loadWaivers(Files.isRegularFile(waiversFile) ? waiversFile : null, policy,
                java.time.LocalDate.ofInstant(startedAt, java.time.ZoneOffset.UTC));
        return judgement.judge(runId, estateId, policy.policy(), waivers.waivers(), startedAt).findings();
    }
}
