package io.residency.auditor.evidence;

import io.residency.auditor.findings.Finding;
import io.residency.auditor.findings.FindingRepository;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Consumer;

/** A run's findings read from the database each time a report asks: streamed, and counted by SQL. */
final class StoredFindings implements RunFindings {

    private final FindingRepository repository;
    private final String runId;
    private Map<String, StatusCounts> counts;

    StoredFindings(FindingRepository repository, String runId) {
        this.repository = repository;
        this.runId = runId;
    }

    @Override
    public void forEach(Consumer<Finding> each) {
        repository.forEach(runId, null, each);
    }

    @Override
    public void forEachOfControl(String controlId, Consumer<Finding> each) {
        repository.forEach(runId, controlId, each);
    }

    /** Counted once: the findings of a rendered run no longer change. */
    @Override
    public synchronized Map<String, StatusCounts> countsByControl() {
        if (counts == null) {
            Map<String, StatusCounts> read = new TreeMap<>();
            repository.countsByControl(runId).forEach((control, byStatus) -> {
                StatusCounts statusCounts = new StatusCounts();
                byStatus.forEach(statusCounts::add);
                read.put(control, statusCounts);
            });
            counts = read;
        }
        return counts;
    }
}
