package io.residency.auditor.job;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.residency.auditor.TestPaths;
import io.residency.auditor.estate.LoadedEstate;
import io.residency.auditor.findings.LoadedWaivers;
import io.residency.auditor.policy.LoadedPolicy;
import jakarta.validation.Validation;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import org.hibernate.validator.messageinterpolation.ParameterMessageInterpolator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AuditInputsLoaderTest {

    @TempDir
    Path folder;

    private final AuditInputsLoader loader = new AuditInputsLoader(Validation.byDefaultProvider().configure()
            .messageInterpolator(new ParameterMessageInterpolator()).buildValidatorFactory().getValidator());

    private AuditInputs readOnce(Path estateFile, String runId) {
        LoadedEstate estate = loader.loadEstate(estateFile);
        LoadedPolicy policy = loader.loadPolicy(null);
        LoadedWaivers waivers = loader.loadWaivers(null, policy, java.time.LocalDate.now(java.time.ZoneOffset.UTC));
        AuditRequest request = new AuditRequest(runId, estateFile, null, null, estate.sha256(), policy.sha256(),
                waivers.sha256(), folder, "audit", true, Set.of());
        return new AuditInputs(request, estate, policy, waivers);
    }

    @Test
    void stepsOfALaunchedRunUseTheInputsTheLauncherReadWithoutReadingTheFilesAgain() throws IOException {
        Path estateFile = Files.copy(TestPaths.demoEstate(), folder.resolve("estate.yaml"));
        AuditInputs launched = readOnce(estateFile, "run-1");
        loader.remember(launched);
        Files.delete(estateFile);

        assertThat(loader.load(launched.request().toJobParameters())).isSameAs(launched);
    }

    @Test
    void aRestartedRunReadsItsInputsOnceForAllItsSteps() throws IOException {
        Path estateFile = Files.copy(TestPaths.demoEstate(), folder.resolve("estate.yaml"));
        AuditRequest request = readOnce(estateFile, "run-2").request();

        AuditInputs first = loader.load(request.toJobParameters());
        Files.delete(estateFile);

        assertThat(loader.load(request.toJobParameters())).isSameAs(first);
    }

    @Test
    void aRestartRefusesAnEstateThatChangedSinceTheRunStarted() throws IOException {
        Path estateFile = Files.copy(TestPaths.demoEstate(), folder.resolve("estate.yaml"));
        AuditRequest request = readOnce(estateFile, "run-3").request();
        Files.writeString(estateFile, Files.readString(estateFile).replace("demo-estate", "changed-estate"));

        assertThatThrownBy(() -> loader.load(request.toJobParameters()))
                .hasMessageContaining("changed since run run-3 started");
    }
}
