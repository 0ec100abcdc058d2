package io.residency.auditor.job;

import java.util.UUID;

class EvidenceLifecycleOnH2Test extends EvidenceLifecycleContract {

    @Override
    String jdbcUrl() {
        return "jdbc:h2:mem:evidence-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1;USER=sa;PASSWORD=";
    }
}
