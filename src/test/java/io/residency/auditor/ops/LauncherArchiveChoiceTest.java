package io.residency.auditor.ops;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * bin/residency-auditor hands the JVM the archive its build made for that JDK (README "Performance"):
 * an AOT cache only to a JDK 25 or later (JDK 17 refuses to start on -XX:AOTCache), a class-data
 * archive otherwise, nothing when the build made neither. The "java" here is a script that prints the
 * arguments it was given, in a folder laid out as a JDK with its release file.
 */
class LauncherArchiveChoiceTest {

    @TempDir
    Path temp;

    private Path build;
    private Path extracted;

    @BeforeEach
    void aBuildFolder() throws IOException {
        build = temp.resolve("target");
        extracted = Files.createDirectories(build.resolve("residency-auditor"));
        Files.writeString(build.resolve("residency-auditor.jar"), "");
        Files.writeString(extracted.resolve("residency-auditor.jar"), "");
    }

    private Path jdk(String name, String releaseLine) throws IOException {
        Path home = temp.resolve(name);
        Path java = Files.createDirectories(home.resolve("bin")).resolve("java");
        Files.writeString(java, "#!/bin/sh\nprintf '%s\\n' \"$@\"\n");
        Files.setPosixFilePermissions(java, PosixFilePermissions.fromString("rwxr-xr-x"));
        if (releaseLine != null) {
            Files.writeString(home.resolve("release"), "IMPLEMENTOR=\"Test\"\n" + releaseLine + "\n");
        }
        return home;
    }

    private void builtArchives(boolean aotCache, boolean classDataArchive) throws IOException {
        if (aotCache) {
            Files.writeString(extracted.resolve("residency-auditor.aot"), "");
        }
        if (classDataArchive) {
            Files.writeString(extracted.resolve("residency-auditor.jsa"), "");
        }
    }

    /** The arguments the launcher gives java, with JAVA or JAVA_HOME set as given and nothing inherited. */
    private List<String> launch(Map<String, String> env) throws IOException, InterruptedException {
        ProcessBuilder builder = new ProcessBuilder("sh", Path.of("bin", "residency-auditor").toString(), "gate", "--offline");
        builder.environment().keySet().removeAll(List.of("JAVA", "JAVA_HOME", "JAVA_OPTS", "RESIDENCY_AUDITOR_HOME"));
        builder.environment().put("RESIDENCY_AUDITOR_HOME", build.toString());
        builder.environment().putAll(env);
        builder.redirectErrorStream(true);
        Process process = builder.start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(process.waitFor(30, TimeUnit.SECONDS)).isTrue();
        assertThat(process.exitValue()).as(output).isZero();
        return output.lines().toList();
    }

    @Test
    void jdk25GetsTheAotCacheOfTheExtractedJar() throws Exception {
        builtArchives(true, true);
        Path jdk = jdk("jdk25", "JAVA_VERSION=\"25.0.3\"");

        List<String> args = launch(Map.of("JAVA", jdk.resolve("bin/java").toString()));

        assertThat(args).contains("-XX:AOTCache=" + extracted.resolve("residency-auditor.aot"), "-Xlog:disable",
                "-Dspring.aot.enabled=true", "-jar", extracted.resolve("residency-auditor.jar").toString(), "gate", "--offline");
        assertThat(args).noneMatch(arg -> arg.startsWith("-XX:SharedArchiveFile"));
    }

    @Test
    void jdk17NeverGetsAnAotCacheOnlyTheClassDataArchive() throws Exception {
        builtArchives(true, true);
        Path jdk = jdk("jdk17", "JAVA_VERSION=\"17.0.15\"");

        List<String> args = launch(Map.of("JAVA", jdk.resolve("bin/java").toString()));

        assertThat(args).contains("-XX:SharedArchiveFile=" + extracted.resolve("residency-auditor.jsa"),
                "-jar", extracted.resolve("residency-auditor.jar").toString());
        assertThat(args).noneMatch(arg -> arg.startsWith("-XX:AOTCache"));
    }

    @Test
    void aJdkWithoutAReleaseFileIsNotTrustedWithAnAotCache() throws Exception {
        builtArchives(true, false);
        Path jdk = jdk("unknown", null);

        List<String> args = launch(Map.of("JAVA", jdk.resolve("bin/java").toString()));

        assertThat(args).noneMatch(arg -> arg.startsWith("-XX:AOTCache") || arg.startsWith("-XX:SharedArchiveFile"));
        assertThat(args).contains("-jar", build.resolve("residency-auditor.jar").toString());
    }

    @Test
    void jdk25WithOnlyAClassDataArchiveFromA17BuildGetsThatArchive() throws Exception {
        builtArchives(false, true);
        Path jdk = jdk("jdk25", "JAVA_VERSION=\"25\"");

        List<String> args = launch(Map.of("JAVA", jdk.resolve("bin/java").toString()));

        // A JDK that did not make it ignores it (silently, under -Xlog:disable): the run is only slower.
        assertThat(args).contains("-XX:SharedArchiveFile=" + extracted.resolve("residency-auditor.jsa"), "-Xlog:disable");
    }

    @Test
    void withoutAnyArchiveThePlainJarRunsWithTheSameFlags() throws Exception {
        Path jdk = jdk("jdk25", "JAVA_VERSION=\"25.0.3\"");

        List<String> args = launch(Map.of("JAVA", jdk.resolve("bin/java").toString()));

        assertThat(args).containsExactly("-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC", "-Dspring.aot.enabled=true",
                "-jar", build.resolve("residency-auditor.jar").toString(), "gate", "--offline");
    }

    @Test
    void javaHomeIsUsedWhenJavaIsNotSetAndJavaOptsComeLastSoTheyWin() throws Exception {
        builtArchives(true, false);
        Path jdk = jdk("jdk25", "JAVA_VERSION=\"25.0.3\"");

        List<String> args = launch(Map.of("JAVA_HOME", jdk.toString(), "JAVA_OPTS", "-Xmx256m -XX:TieredStopAtLevel=4"));

        assertThat(args).contains("-XX:AOTCache=" + extracted.resolve("residency-auditor.aot"));
        assertThat(args.indexOf("-XX:TieredStopAtLevel=4")).isGreaterThan(args.indexOf("-XX:TieredStopAtLevel=1"));
        assertThat(args.indexOf("-Xmx256m")).isLessThan(args.indexOf("-jar"));
    }
}
