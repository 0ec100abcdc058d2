package io.residency.auditor.collect.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class S3UrlTest {

    @Test
    void regionAsHostAndBucketAsPath() {
        S3Url url = S3Url.parse("s3://eu-west-1/loki-chunks");

        assertThat(url.host()).isEqualTo("eu-west-1");
        assertThat(url.hostIsEndpoint()).isFalse();
        assertThat(url.buckets()).containsExactly("loki-chunks");
        assertThat(url.hadCredentials()).isFalse();
    }

    @Test
    void credentialsAreDroppedEvenWithUnescapedSlashesInTheSecret() {
        S3Url url = S3Url.parse("s3://AKIAEXAMPLE:wJalr/XUtnFEMI/K7MDENG+bPxRfiCY@us-east-1/logs");

        assertThat(url.host()).isEqualTo("us-east-1");
        assertThat(url.buckets()).containsExactly("logs");
        assertThat(url.hadCredentials()).isTrue();
        assertThat(url.toString()).doesNotContain("AKIAEXAMPLE", "wJalr");
    }

    @Test
    void hostWithADotIsAnEndpoint() {
        S3Url url = S3Url.parse("s3://key:secret@s3.eu-central-1.amazonaws.com/bucket");

        assertThat(url.hostIsEndpoint()).isTrue();
        assertThat(url.host()).isEqualTo("s3.eu-central-1.amazonaws.com");
    }

    @Test
    void commaListsAndPrefixesAfterTheBucket() {
        assertThat(S3Url.parse("s3://eu-west-1/a,b").buckets()).containsExactly("a", "b");
        assertThat(S3Url.parse("s3://us-east-1/logs-bucket/loki").buckets()).containsExactly("logs-bucket");
        assertThat(S3Url.splitBuckets(" a , b ,,c ")).containsExactly("a", "b", "c");
    }

    @Test
    void noPathMeansNoBucket() {
        assertThat(S3Url.parse("s3://eu-west-1").buckets()).isEmpty();
    }

    @Test
    void aValueWithoutSchemeIsRejected() {
        assertThatThrownBy(() -> S3Url.parse("eu-west-1/bucket")).hasMessageContaining("expected a URL such as s3://");
    }
}
