package io.residency.auditor.controls;

import java.util.UUID;

class ControlFixturesOnH2Test extends ControlFixturesContract {

    @Override
    String jdbcUrl() {
        return "jdbc:h2:mem:controls-" + UUID.randomUUID();
    }
}
