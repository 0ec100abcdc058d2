package io.residency.auditor.job;

import org.springframework.batch.core.job.Job;
import org.springframework.batch.core.job.builder.FlowBuilder;
import org.springframework.batch.core.job.builder.JobBuilder;
import org.springframework.batch.core.job.flow.Flow;
import org.springframework.batch.core.job.flow.support.SimpleFlow;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.batch.core.step.Step;
import org.springframework.batch.core.step.builder.StepBuilder;
import org.springframework.batch.core.step.tasklet.Tasklet;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.task.SimpleAsyncTaskExecutor;
import org.springframework.core.task.TaskExecutor;
import org.springframework.transaction.PlatformTransactionManager;

/**
 * The {@code residencyAudit} job: it only wires the stages (collect, evaluate, compare, render). Each step
 * replaces its own rows for the run, so a restart re-does the failed step without duplicates.
 */
@Configuration
public class AuditJobConfiguration {

    public static final String JOB_NAME = "residencyAudit";

    /** The collect flows that run side by side: configs then buckets, and the querier scan. */
    private static final int COLLECT_FLOWS = 2;

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
        // The buckets step inspects the buckets the configs name, so it follows them; the querier
        // scan needs neither and runs beside them. Each writes its own tables, and every report
        // orders what it reads, so the bundle is the same whichever finishes first.
        Flow configsThenBuckets = new FlowBuilder<SimpleFlow>("configsThenBuckets")
                .start(step("collectConfigs", collectConfigs))
                .next(step("collectBuckets", collectBuckets))
                .build();
        Flow series = new FlowBuilder<SimpleFlow>("series").start(step("scanSeries", scanSeries)).build();
        Flow collect = new FlowBuilder<SimpleFlow>("collect")
                .split(collectExecutor())
                .add(configsThenBuckets, series)
                .build();
        return new JobBuilder(JOB_NAME, jobRepository)
                .listener(runListener)
                .flow(step("recordScope", recordScope))
                .next(collect)
                .next(step("evaluateControls", evaluateControls))
                .next(step("compareWithPreviousRun", compareWithPreviousRun))
                .next(step("renderEvidence", renderEvidence))
                .end()
                .build();
    }

    /** One thread per parallel collect flow, never more. */
    private static TaskExecutor collectExecutor() {
        SimpleAsyncTaskExecutor executor = new SimpleAsyncTaskExecutor("collect-");
        executor.setConcurrencyLimit(COLLECT_FLOWS);
        return executor;
    }

    private Step step(String name, Tasklet tasklet) {
        return new StepBuilder(name, jobRepository)
                .tasklet(tasklet, transactions)
                .listener(stepSummaries)
                .build();
    }
}
