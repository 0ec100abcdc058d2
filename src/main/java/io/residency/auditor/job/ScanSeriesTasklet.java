package io.residency.auditor.job;

import io.residency.auditor.collect.series.FederatedSeriesCollection;
import io.residency.auditor.collect.series.QuerierTopologyCollection;
import io.residency.auditor.estate.RegionStack;
import io.residency.auditor.estate.Thanos;
import io.residency.auditor.facts.AnswerFiles;
import io.residency.auditor.facts.FactRepository;
import io.residency.auditor.facts.InputAnswer;
import io.residency.auditor.facts.RunKeysRepository;
import java.util.ArrayList;
import java.util.List;
import org.springframework.batch.core.scope.context.ChunkContext;
import org.springframework.batch.core.step.StepContribution;
import org.springframework.batch.core.step.tasklet.Tasklet;
import org.springframework.batch.infrastructure.repeat.RepeatStatus;
import org.springframework.stereotype.Component;

/**
 * Reads the central Thanos Querier's replica labels and stores, and scans the series each region
 * federates to it for personal data.
 * Skipped offline and when the estate names no querier.
 */
@Component
public class ScanSeriesTasklet implements Tasklet {

    private final AuditInputsLoader inputs;
    private final FactRepository facts;
    private final RunKeysRepository keys;
    private final FederatedSeriesCollection series;
    private final QuerierTopologyCollection topology;

    public ScanSeriesTasklet(AuditInputsLoader inputs, FactRepository facts, RunKeysRepository keys, FederatedSeriesCollection series,
                             QuerierTopologyCollection topology) {
        this.inputs = inputs;
        this.facts = facts;
        this.keys = keys;
        this.series = series;
        this.topology = topology;
    }

    @Override
    public RepeatStatus execute(StepContribution contribution, ChunkContext chunkContext) {
        AuditInputs loaded = inputs.load(contribution.getStepExecution().getJobParameters());
        var central = loaded.estate().estate().central();
        if (central == null || central.thanos() == null || loaded.request().offline()) {
            StepSummaries.put(contribution, 0, loaded.request().offline() ? "skipped: offline" : "skipped: the estate names no Thanos Querier");
            return RepeatStatus.FINISHED;
        }
        Thanos thanos = central.thanos();
        String runId = loaded.request().runId();
        QuerierTopologyCollection.Result querier = topology.collect(thanos);
        facts.replaceQuerierTopology(runId, querier.topology(), querier.stores());
        List<String> regions = loaded.estate().estate().regions().stream().map(RegionStack::name).toList();
        FederatedSeriesCollection.Result found = series.collect(thanos, regions, loaded.policy().policy().pii());
        keys.recordHmacKey(runId, found.hmacKeyId(), found.comparableAcrossRuns());
        facts.replaceSeriesFacts(runId, found.scans(), found.labels());
        List<InputAnswer> answers = new ArrayList<>(querier.answers());
        answers.add(found.summary());
        facts.replaceInputAnswers(runId, List.of(AnswerFiles.QUERIER), answers);
        long unverified = found.scans().stream().filter(s -> !"OK".equals(s.status())).count();
        StepSummaries.put(contribution, found.labels().size(), found.scans().size() + " regions (" + unverified + " unverified), "
                + found.labels().size() + " labels carrying personal data; " + querier.stores().size() + " querier stores");
        return RepeatStatus.FINISHED;
    }
}
