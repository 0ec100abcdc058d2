package io.residency.auditor.ops;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * The class-data archive is trained under the flags bin/residency-auditor launches with (README
 * "Performance"): a flag added to one and not the other would leave classes of the real run outside
 * the archive, or train a context the launcher does not start (Spring AOT).
 */
class LauncherFlagsTest {

    private static List<String> launcherFlags() throws IOException {
        Matcher fast = Pattern.compile("(?m)^fast=\"([^\"]+)\"").matcher(Files.readString(Path.of("bin", "residency-auditor")));
        assertThat(fast.find()).as("bin/residency-auditor sets its flags in fast=\"...\"").isTrue();
        return Arrays.asList(fast.group(1).split(" "));
    }

    private static List<String> trainingArguments() throws IOException {
        String pom = Files.readString(Path.of("pom.xml"));
        int training = pom.indexOf("<id>cds-training</id>");
        assertThat(training).as("pom.xml has the cds-training execution").isPositive();
        String execution = pom.substring(training, pom.indexOf("</execution>", training));
        return Pattern.compile("<argument>([^<]*)</argument>").matcher(execution).results().map(m -> m.group(1)).toList();
    }

    @Test
    void theTrainingRunsLeaveTheFilesTheLauncherLooksFor() throws IOException {
        String pom = Files.readString(Path.of("pom.xml"));
        String launcher = Files.readString(Path.of("bin", "residency-auditor"));
        assertThat(pom).contains("-XX:ArchiveClassesAtExit=${project.build.directory}/residency-auditor/residency-auditor.jsa",
                "-XX:AOTCacheOutput=${project.build.directory}/residency-auditor/residency-auditor.aot");
        assertThat(launcher).contains("$extracted/residency-auditor.jsa", "$extracted/residency-auditor.aot");
        assertThat(trainingArguments()).contains("${cds.training.output}", "${cds.training.command}");
    }

    @Test
    void theTrainingRunUsesEveryFlagOfTheLauncher() throws IOException {
        assertThat(launcherFlags()).contains("-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC", "-Dspring.aot.enabled=true");
        assertThat(trainingArguments()).containsAll(launcherFlags());
    }
}
