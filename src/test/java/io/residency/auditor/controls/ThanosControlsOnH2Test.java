package io.residency.auditor.controls;

import java.util.UUID;

class ThanosControlsOnH2Test extends ThanosControlsContract {

    @Override
    String jdbcUrl() {
        return "jdbc:h2:mem:thanos-" + UUID.randomUUID();
    }
}
