package io.residency.auditor.collect.config;

import java.util.Arrays;
import java.util.List;

/**
 * An {@code s3://} URL as Loki reads it: {@code s3://[key:secret@]host[/bucket[,bucket]]}. A host
 * with a dot is an endpoint, otherwise it is a region. Credentials are dropped while parsing, so
 * nothing built from this object can leak them.
 *
 * @param host           the region or endpoint host ({@code ""} when absent)
 * @param buckets        the bucket names in the path
 * @param hadCredentials whether the URL carried credentials (worth reporting: keys belong in a secret store)
 */
public record S3Url(String host, List<String> buckets, boolean hadCredentials) {

    public static S3Url parse(String url) {
        String rest = url.strip();
        int scheme = rest.indexOf("://");
        if (scheme < 0) {
            throw new IllegalArgumentException("expected a URL such as s3://eu-west-1/bucket");
        }
        rest = rest.substring(scheme + 3);
        // Secrets may hold '/' unescaped, and bucket names never hold '@': the host starts after the last '@'.
        int at = rest.lastIndexOf('@');
        boolean hadCredentials = at >= 0;
        String afterUser = rest.substring(at + 1);
        int pathStart = afterUser.indexOf('/');
        String host = pathStart < 0 ? afterUser : afterUser.substring(0, pathStart);
        String path = pathStart < 0 ? "" : afterUser.substring(pathStart + 1);
        int query = path.indexOf('?');
        if (query >= 0) {
            path = path.substring(0, query);
        }
        return new S3Url(host, splitBuckets(path), hadCredentials);
    }

    /** Loki's {@code bucketnames} and URL paths are comma lists; a path may go on past the bucket with a prefix. */
    public static List<String> splitBuckets(String list) {
        return Arrays.stream(list.split(","))
                .map(String::strip)
                .map(name -> name.indexOf('/') >= 0 ? name.substring(0, name.indexOf('/')) : name)
                .filter(name -> !name.isEmpty())
                .toList();
    }

    public boolean hostIsEndpoint() {
        return host.contains(".");
    }
}
