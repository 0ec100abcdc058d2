package io.residency.auditor.job;

import org.springframework.batch.core.step.StepContribution;

/** Lets a tasklet say in a few words what it did, for the step's log line. */
final class StepSummaries {

    private StepSummaries() {
    }

    static void put(StepContribution contribution, long written, String summary) {
        contribution.incrementWriteCount(written);
        contribution.getStepExecution().getExecutionContext().putString(StepSummaryListener.SUMMARY, summary);
    }
}
