package io.residency.auditor.job;

import java.util.UUID;

class AuditJobOnH2Test extends AuditJobDatabaseContract {

    @Override
    String jdbcUrl() {
        return "jdbc:h2:mem:job-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1;USER=sa;PASSWORD=";
    }
}
