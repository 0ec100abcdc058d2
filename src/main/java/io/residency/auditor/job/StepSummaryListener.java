package io.residency.auditor.job;

import java.time.Duration;
import java.time.LocalDateTime;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.batch.core.ExitStatus;
import org.springframework.batch.core.listener.StepExecutionListener;
import org.springframework.batch.core.step.StepExecution;
import org.springframework.stereotype.Component;

/** One log line per step: its status, how long it took and what it did (the tasklet's summary). */
@Component
public class StepSummaryListener implements StepExecutionListener {

    static final String SUMMARY = "summary";
    private static final Logger log = LoggerFactory.getLogger("io.residency.auditor.step");

    @Override
    public ExitStatus afterStep(StepExecution step) {
        LocalDateTime start = step.getStartTime();
        long millis = start == null ? 0 : Duration.between(start, LocalDateTime.now()).toMillis();
        String summary = step.getExecutionContext().getString(SUMMARY, "");
        if (step.getFailureExceptions().isEmpty()) {
            log.info("{} {} in {} ms{}", step.getStepName(), step.getStatus(), millis, summary.isEmpty() ? "" : ": " + summary);
        } else {
            Throwable failure = step.getFailureExceptions().get(0);
            log.error("{} FAILED in {} ms: {}", step.getStepName(), millis, io.residency.auditor.facts.DatabaseErrors.safeMessage(failure));
            log.debug("{} failure details", step.getStepName(), failure);
        }
        return step.getExitStatus();
    }
}
