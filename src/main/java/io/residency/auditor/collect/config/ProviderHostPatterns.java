package io.residency.auditor.collect.config;

import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The one table of cloud provider host names whose region the auditor reads from the host itself
 * (DESIGN section 2). A region name counts only inside the provider's own domains and only at the
 * place the provider puts it: every row is anchored at both ends, so a user-chosen label (a bucket
 * or load balancer name such as {@code k8s-eu-west-1-ingress}) never reaches the region group, and
 * {@code s3.eu-west-1.amazonaws.com.attacker.example} is not an AWS host at all. Every row is also
 * listed in the README; a host in none of these forms is not located (add it to the estate's
 * {@code endpoints} map).
 *
 * <p>Sources: AWS General Reference "AWS service endpoints" (service.region.amazonaws.com, dual-stack
 * service.region.api.aws), the S3 user guide (virtual-hosted and path style, dual-stack, legacy
 * s3-region, access points, website endpoints, PrivateLink), the ELB guide (DNS names of Classic,
 * Application and Network Load Balancers).
 */
public final class ProviderHostPatterns {

    /** A region code in the shape of Policy.CLOUD_REGION: eu-west-1, us-gov-west-1, cn-north-1. */
    private static final String REGION = "(?<region>[a-z]{2}(?:-gov|-iso[a-z]?)?-[a-z]+-[0-9]{1,2})";
    /** The AWS commercial and China partitions; which one must agree with the region (see locate). */
    private static final String AWS = "\\.amazonaws\\.com(?<china>\\.cn)?";
    /** Any labels in front, e.g. a bucket name with dots: they come before the fixed part and never decide. */
    private static final String ANY_PREFIX = "(?:.+\\.)?";
    private static final String LABEL = "[a-z0-9-]+";

    private record HostForm(String form, Pattern pattern) {
        HostForm(String form, String regex) {
            this(form, Pattern.compile("^" + regex + "$"));
        }
    }

    // Order does not decide: every row fixes the labels to the right of the region, so two rows that
    // match one host read the same label (ProviderHostPatternsTest checks it on every example).
    private static final List<HostForm> AWS_FORMS = List.of(
            // S3 path style and virtual-hosted style: s3.eu-west-1.amazonaws.com, logs.s3.eu-west-1.amazonaws.com
            new HostForm("[<bucket>.]s3.<region>.amazonaws.com[.cn]", ANY_PREFIX + "s3\\." + REGION + AWS),
            // S3 dual-stack (IPv6): s3.dualstack.eu-west-1.amazonaws.com, <bucket>.s3.dualstack.eu-west-1...
            new HostForm("[<bucket>.]s3.dualstack.<region>.amazonaws.com[.cn]", ANY_PREFIX + "s3\\.dualstack\\." + REGION + AWS),
            // S3 legacy dash form, still served in older regions: s3-eu-west-1.amazonaws.com
            new HostForm("[<bucket>.]s3-<region>.amazonaws.com", ANY_PREFIX + "s3-" + REGION + AWS),
            // S3 FIPS endpoints: s3-fips.us-gov-west-1.amazonaws.com, s3-fips.dualstack.us-east-1.amazonaws.com
            new HostForm("[<bucket>.]s3-fips[.dualstack].<region>.amazonaws.com", ANY_PREFIX + "s3-fips\\.(?:dualstack\\.)?" + REGION + AWS),
            // S3 access points: <name>-<account>.s3-accesspoint[.dualstack].<region>.amazonaws.com
            new HostForm("<access point>.s3-accesspoint[-fips][.dualstack].<region>.amazonaws.com[.cn]",
                    ANY_PREFIX + "s3-accesspoint(?:-fips)?\\.(?:dualstack\\.)?" + REGION + AWS),
            // S3 static website endpoints, dot form of newer regions: <bucket>.s3-website.eu-central-1.amazonaws.com
            new HostForm("<bucket>.s3-website.<region>.amazonaws.com[.cn]", ANY_PREFIX + "s3-website\\." + REGION + AWS),
            // S3 static website endpoints, dash form of older regions: <bucket>.s3-website-us-east-1.amazonaws.com
            new HostForm("<bucket>.s3-website-<region>.amazonaws.com", ANY_PREFIX + "s3-website-" + REGION + AWS),
            // PrivateLink interface endpoints: [<bucket>.]vpce-0a1b-2c3d.s3.eu-west-1.vpce.amazonaws.com
            new HostForm("[<bucket>.]vpce-<id>.<service>.<region>.vpce.amazonaws.com[.cn]",
                    ANY_PREFIX + "vpce-" + LABEL + "\\." + LABEL + "\\." + REGION + "\\.vpce" + AWS),
            // Classic and Application Load Balancers: [dualstack.]<name>-<id>.us-east-1.elb.amazonaws.com
            new HostForm("[dualstack.]<load balancer>.<region>.elb.amazonaws.com[.cn]",
                    "(?:dualstack\\.)?" + LABEL + "\\." + REGION + "\\.elb" + AWS),
            // Network Load Balancers: <name>-<id>.elb.eu-west-1.amazonaws.com
            new HostForm("<load balancer>.elb.<region>.amazonaws.com[.cn]", LABEL + "\\.elb\\." + REGION + AWS),
            // API Gateway: <api id>.execute-api.eu-west-1.amazonaws.com
            new HostForm("<api id>.execute-api.<region>.amazonaws.com[.cn]", LABEL + "\\.execute-api\\." + REGION + AWS),
            // Amazon OpenSearch Service / Elasticsearch domains: search-<domain>-<id>.eu-west-1.es.amazonaws.com, vpc-<domain>-<id>...
            new HostForm("<domain>.<region>.es.amazonaws.com[.cn]", LABEL + "\\." + REGION + "\\.es" + AWS),
            // OpenSearch Serverless classic collections: <collection id>.eu-west-1.aoss.amazonaws.com
            new HostForm("<collection>.<region>.aoss.amazonaws.com", LABEL + "\\." + REGION + "\\.aoss" + AWS),
            // OpenSearch Serverless NextGen collections and accounts: <collection id>.aoss.eu-west-1.on.aws
            new HostForm("<collection>.aoss.<region>.on.aws", LABEL + "\\.aoss\\." + REGION + "\\.on\\.aws"),
            // MSK brokers: b-1.<cluster>.<id>.c2.kafka.eu-west-1.amazonaws.com, boot-<id>.c1.kafka-serverless.eu-west-1...
            new HostForm("<broker>.kafka[-serverless].<region>.amazonaws.com[.cn]", ANY_PREFIX + "kafka(?:-serverless)?\\." + REGION + AWS),
            // Any regional service endpoint: logs.eu-west-1, xray.eu-west-1, aps-workspaces.eu-west-1, sts.eu-west-1
            new HostForm("<service>.<region>.amazonaws.com[.cn]", LABEL + "\\." + REGION + AWS),
            // Dual-stack service endpoints on AWS's own domain: logs.eu-west-1.api.aws
            new HostForm("<service>.<region>.api.aws", LABEL + "\\." + REGION + "\\.api\\.aws"));

    /** S3's global endpoints route to any region, so they say nothing about where data is. */
    private static final Pattern AWS_GLOBAL_S3 = Pattern.compile("^(?:.+\\.)?(?:s3|s3-external-1)\\.amazonaws\\.com$");
    private static final Pattern AWS_DOMAIN = Pattern.compile("^(?:.+\\.)?(?:amazonaws\\.com|amazonaws\\.com\\.cn|api\\.aws|on\\.aws)$");
    private static final Pattern IPV4 = Pattern.compile("[0-9]{1,3}(?:\\.[0-9]{1,3}){3}");

    private ProviderHostPatterns() {
    }

    /** The host's region as its provider names it, or not located with what was found, what was expected and the fix. */
    static EndpointLocation locate(String host) {
        if (isAwsGlobalS3(host)) {
            return EndpointLocation.notLocated(host, "host " + host + " is S3's global endpoint: no region (it serves buckets of"
                    + " every region); expected a regional endpoint such as s3.<region>.amazonaws.com, or the region key next to it");
        }
        if (AWS_DOMAIN.matcher(host).matches()) {
            for (HostForm form : AWS_FORMS) {
                Optional<String> region = regionIn(form, host);
                if (region.isPresent()) {
                    return EndpointLocation.located(host, region.get(), "AWS endpoint " + host + " (form " + form.form() + ")");
                }
            }
            return EndpointLocation.notLocated(host, "host " + host + " is an AWS host in no form that names a region (see the"
                    + " provider host table in the README); expected a regional host such as <service>.<region>.amazonaws.com, or "
                    + placeIt(host));
        }
        Optional<OtherProviders.Provider> provider = OtherProviders.of(host);
        if (provider.isPresent()) {
            String name = provider.get().name();
            String article = "AEIOU".indexOf(name.charAt(0)) >= 0 ? "an " : "a ";
            return EndpointLocation.notLocated(host, "host " + host + " is " + article + name + " host: "
                    + provider.get().whereTheRegionIs() + "; its region ids are not AWS's, so they are never compared with the"
                    + " policy's regions; " + placeIt(host));
        }
        if (IPV4.matcher(host).matches() || host.startsWith("[")) {
            return EndpointLocation.notLocated(host, "host " + host + " is an IP address literal: an address names no region;"
                    + " expected a host name a provider places, or " + placeIt(host));
        }
        if (isClusterLocal(host)) {
            return EndpointLocation.notLocated(host, "host " + host + " is a cluster-local name (a Kubernetes service or a container"
                    + " on the same network): it is placed only by the estate's endpoints map, because a service name can alias a"
                    + " host anywhere (ExternalName, DNS search domains); " + placeIt(host));
        }
        return EndpointLocation.notLocated(host, "host " + host + " is not a cloud provider host the auditor reads and no estate"
                + " endpoints pattern matches it (a region name inside another host proves nothing); " + placeIt(host));
    }

    /** The fix, as the exact estate YAML to add; only the operator knows the region, so it stays a placeholder. */
    static String placeIt(String host) {
        return "add it to the estate: endpoints: {<its region>: ['" + host + "']}";
    }

    /** One label ({@code loki}), or a Kubernetes service name under {@code .svc}, {@code .svc.cluster.local} or {@code .cluster.local}. */
    private static boolean isClusterLocal(String host) {
        return host.indexOf('.') < 0 || host.endsWith(".svc") || host.endsWith(".cluster.local");
    }

    static boolean isAwsGlobalS3(String host) {
        return AWS_GLOBAL_S3.matcher(host).matches();
    }

    /** The region that one form reads from the host; China regions live only under amazonaws.com.cn. */
    private static Optional<String> regionIn(HostForm form, String host) {
        Matcher matcher = form.pattern().matcher(host);
        if (!matcher.matches()) {
            return Optional.empty();
        }
        String region = matcher.group("region");
        boolean chinaDomain = form.pattern().pattern().contains("(?<china>") && matcher.group("china") != null;
        return chinaDomain == region.startsWith("cn-") ? Optional.of(region) : Optional.empty();
    }

    /** Every region any row reads from the host: one at most, whatever the host (a test keeps it so). */
    static List<String> regionsOfEveryForm(String host) {
        return AWS_FORMS.stream().map(form -> regionIn(form, host)).flatMap(Optional::stream).distinct().toList();
    }

    /** The forms, for the README table and its test. */
    static List<String> forms() {
        return AWS_FORMS.stream().map(HostForm::form).toList();
    }
}
