package io.residency.auditor.evidence;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ManifestTest {

    @TempDir
    Path bundle;

    private void bundleOfTwoFiles() throws IOException {
        Files.writeString(bundle.resolve("findings.json"), "{\"findings\": []}");
        Files.writeString(bundle.resolve("gdpr-findings.csv"), "control,status\n");
        Manifest.write(bundle);
    }

    @Test
    void aFreshBundleVerifies() throws IOException {
        bundleOfTwoFiles();

        assertThat(Manifest.verify(bundle)).isEmpty();
        assertThat(Files.readString(bundle.resolve(Manifest.FILE_NAME)))
                .matches("(?s)[0-9a-f]{64}  findings.json\n[0-9a-f]{64}  gdpr-findings.csv\n");
    }

    @Test
    void oneChangedByteIsReported() throws IOException {
        bundleOfTwoFiles();
        Files.writeString(bundle.resolve("gdpr-findings.csv"), "control,statuS\n");

        assertThat(Manifest.verify(bundle)).singleElement().asString().startsWith("gdpr-findings.csv: changed");
    }

    @Test
    void missingAndAddedFilesAreReported() throws IOException {
        bundleOfTwoFiles();
        Files.delete(bundle.resolve("findings.json"));
        Files.writeString(bundle.resolve("extra.txt"), "x");

        assertThat(Manifest.verify(bundle)).containsExactlyInAnyOrder(
                "findings.json: listed in the manifest but missing", "extra.txt: not in the manifest");
    }

    @Test
    void aFolderWithoutManifestIsNotABundle() throws IOException {
        assertThat(Manifest.verify(bundle)).singleElement().asString().contains("MANIFEST.sha256 is missing");
    }

    @Test
    void filesInSubfoldersAreListedAndAnAddedOneIsReported() throws IOException {
        Files.createDirectories(bundle.resolve("inputs"));
        Files.writeString(bundle.resolve("inputs/estate.yaml"), "name: x\n");
        bundleOfTwoFiles();
        assertThat(Files.readString(bundle.resolve(Manifest.FILE_NAME))).contains("  inputs/estate.yaml\n");
        Files.createDirectories(bundle.resolve("facts/deep"));
        Files.writeString(bundle.resolve("facts/deep/extra.csv"), "x");

        assertThat(Manifest.verify(bundle)).containsExactly("facts/deep/extra.csv: not in the manifest");
    }

    @Test
    void anEmptyManifestVouchesForNothing() throws IOException {
        Files.writeString(bundle.resolve(Manifest.FILE_NAME), "");

        assertThat(Manifest.verify(bundle)).singleElement().asString().contains("lists no file");
    }

    @Test
    void theSignatureEnvelopeIsNeitherListedNorReportedAsAdded() throws IOException {
        bundleOfTwoFiles();
        Files.writeString(bundle.resolve("bundle.dsse.json"), "{}");

        assertThat(Manifest.verify(bundle)).isEmpty();
    }
}
