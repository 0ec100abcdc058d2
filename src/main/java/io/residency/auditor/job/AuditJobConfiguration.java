package io.residency.auditor.job;

import org.springframework.batch.core.job.Job;
import org.springframework.batch.core.job.builder.JobBuilder;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.batch.core.step.Step;
import org.springframework.batch.core.step.builder.StepBuilder;
import org.springframework.batch.core.step.tasklet.Tasklet;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.transaction.PlatformTransactionManager;

/**
 * The {@code residencyAudit} job: it only wires the stages (collect, evaluate, compare, render). Each step
 * replaces its own rows for the run, so a restart re-does the failed step without duplicates.
 */
@Configuration
public class AuditJobConfiguration {

    public static final String JOB_NAME = "residencyAudit";

    private final JobRepository jobRepository;
    private final PlatformTransactionManager transactions;
    private final StepSummaryListener stepSummaries;

    public AuditJobConfiguration(JobRepository jobRepository, PlatformTransactionManager transactions,
                                 StepSummaryListener stepSummaries) {
        this.jobRepository = jobRepository;
        this.transactions = transactions;
        this.stepSummaries = stepSummaries;
    }

    @Bean
    public Job residencyAudit(AuditRunListener runListener, RecordScopeTasklet recordScope, CollectConfigsTasklet collectConfigs,
                              CollectBucketsTasklet collectBuckets, ScanSeriesTasklet scanSeries,
                              EvaluateControlsTasklet evaluateControls, CompareWithPreviousRunTasklet compareWithPreviousRun,
                              RenderEvidenceTasklet renderEvidence) {
        return new JobBuilder(JOB_NAME, jobRepository)
                .listener(runListener)
                .start(step("recordScope", recordScope))
                .next(step("collectConfigs", collectConfigs))
                .next(step("collectBuckets", collectBuckets))
                .next(step("scanSeries", scanSeries))
                .next(step("evaluateControls", evaluateControls))
                .next(step("compareWithPreviousRun", compareWithPreviousRun))
                .next(step("renderEvidence", renderEvidence))
                .build();
    }

    private Step step(String name, Tasklet tasklet) {
        return new StepBuilder(name, jobRepository)
                .tasklet(tasklet, transactions)
                .listener(stepSummaries)
                .build();
    }
}
