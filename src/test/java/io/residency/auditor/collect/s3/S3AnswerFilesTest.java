package io.residency.auditor.collect.s3;

import static org.assertj.core.api.Assertions.assertThat;

import io.residency.auditor.facts.InputAnswer;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** A bucket's answer file stays inside inputs/s3/<account>/, whatever name a config gives the bucket. */
class S3AnswerFilesTest {

    @Test
    void anOrdinaryBucketIsFiledUnderItsAccountByItsName() {
        assertThat(S3AnswerFiles.of("111122223333", "logs-eu.archive")).isEqualTo("inputs/s3/111122223333/logs-eu.archive.json");
        assertThat(S3AnswerFiles.of(null, "logs-eu")).isEqualTo("inputs/s3/default/logs-eu.json");
    }

    @ParameterizedTest
    @ValueSource(strings = {"../../../etc/passwd", "..", ".hidden", "a/b", "a\\b", "Legacy_Bucket", "logs\u00e9", "", "a..b"})
    void aHostileBucketNameCannotLeaveItsAccountsFolder(String bucket) {
        String file = S3AnswerFiles.of("111122223333", bucket);

        Path resolved = Path.of("/bundle").resolve(file).normalize();
        assertThat(resolved.getParent()).isEqualTo(Path.of("/bundle/inputs/s3/111122223333"));
        assertThat(file.substring("inputs/s3/111122223333/".length())).doesNotContain("/", "\\", "..");
        assertThat(InputAnswer.received(file, new byte[0]).answerFile()).isEqualTo(file);
    }

    @Test
    void twoNamesThatDifferOnlyInEscapedCharactersGetTwoFiles() {
        assertThat(S3AnswerFiles.of("1", "a_b")).isNotEqualTo(S3AnswerFiles.of("1", "a~5Fb"));
    }
}
