package io.residency.auditor;

import static com.tngtech.archunit.library.Architectures.layeredArchitecture;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

/** The stages stay one-way: collect → facts → controls → findings → evidence, with job and cli on top. */
@AnalyzeClasses(packages = "io.residency.auditor", importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTest {

    @ArchTest
    static final ArchRule stagesAreOneWay = layeredArchitecture().consideringOnlyDependenciesInLayers()
            .layer("Cli").definedBy("io.residency.auditor.cli..")
            .layer("Job").definedBy("io.residency.auditor.job..")
            .layer("Evidence").definedBy("io.residency.auditor.evidence..")
            .layer("Controls").definedBy("io.residency.auditor.controls..")
            .layer("Findings").definedBy("io.residency.auditor.findings..")
            .layer("Collect").definedBy("io.residency.auditor.collect..")
            .layer("Facts").definedBy("io.residency.auditor.facts..")
            .layer("Inputs").definedBy("io.residency.auditor.policy..", "io.residency.auditor.estate..", "io.residency.auditor.input..")
            .whereLayer("Cli").mayNotBeAccessedByAnyLayer()
            .whereLayer("Job").mayOnlyBeAccessedByLayers("Cli")
            .whereLayer("Evidence").mayOnlyBeAccessedByLayers("Job", "Cli")
            .whereLayer("Controls").mayOnlyBeAccessedByLayers("Evidence", "Job")
            .whereLayer("Collect").mayOnlyBeAccessedByLayers("Job")
            .whereLayer("Findings").mayOnlyBeAccessedByLayers("Controls", "Evidence", "Job", "Cli")
            .whereLayer("Facts").mayOnlyBeAccessedByLayers("Collect", "Controls", "Evidence", "Job", "Cli");
}
