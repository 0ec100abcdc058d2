package io.residency.auditor.estate;

import io.residency.auditor.input.InvalidInputException;
import io.residency.auditor.input.YamlErrors;
import io.residency.auditor.input.YamlLocator;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;

/**
 * The estate's rules that annotations cannot express: each region once, known source kinds, unique
 * source ids, URLs that are URLs, endpoint patterns that say something, each AWS account once with its own role. Reported with file, line
 * and path; a URL is never quoted, since it may carry a token.
 */
public final class EstateChecks {

    /** A DNS name is at most 253 characters; a pattern is a name with {@code *} in it. */

    private final String name;
    private final byte[] content;
    private final List<String> knownKinds;

    /** @param knownKinds the registered source kinds, sorted, as an error lists them */
    public EstateChecks(String name, byte[] content, List<String> knownKinds) {
        this.name = name;
        this.content = content;
        this.knownKinds = knownKinds;
    }

    public void check(Estate estate) {
        Set<String> regions = new HashSet<>();
        for (int r = 0; r < estate.regions().size(); r++) {
            String region = estate.regions().get(r).name();
            if (!regions.add(region)) {
                throw problem(List.of("regions", r, "name"), "region " + region + " is listed twice; expected each region once, with all its sources");
            }
        }
        Map<String, List<Object>> sourceIds = new HashMap<>();
        for (int r = 0; r < estate.regions().size(); r++) {
            List<SourceSpec> sources = estate.regions().get(r).sources();
            for (int s = 0; s < sources.size(); s++) {
                checkSource(sources.get(s), List.of("regions", r, "sources", s), sourceIds);
            }
        }
        if (estate.central() != null) {
            for (int s = 0; s < estate.central().sources().size(); s++) {
                checkSource(estate.central().sources().get(s), List.of("central", "sources", s), sourceIds);
            }
            if (estate.central().thanos() != null) {
                checkUrl(estate.central().thanos().url(), List.of("central", "thanos", "url"));
            }
        }
        if (estate.aws() != null) {
            checkAws(estate.aws());
        }
        if (estate.pushgateway() != null) {
            checkUrl(estate.pushgateway(), List.of("pushgateway"));
        }
        Map<String, Integer> tenants = new HashMap<>();
        for (int t = 0; t < estate.tenants().size(); t++) {
            Integer first = tenants.putIfAbsent(estate.tenants().get(t).id(), t);
            if (first != null) {
                throw problem(List.of("tenants", t, "id"), "tenant id already used by tenants[" + first + "]; expected each tenant once");
            }
        }
        // Sorted, so that of two bad entries the same one is reported on every run.
        new TreeMap<>(estate.endpoints()).forEach((region, patterns) -> {
            if (patterns == null || patterns.isEmpty()) {
                throw problem(List.of("endpoints", region), "no host patterns; expected a list of host names or globs such as *.eu.example.com");
            }
            for (int p = 0; p < patterns.size(); p++) {
                Optional<String> problem = EndpointPattern.problem(patterns.get(p));
                if (problem.isPresent()) {
                    throw problem(List.of("endpoints", region, p), problem.get());
                }
            }
        });
    }

    /** Endpoints are URLs; each account once, with a role of its own; accounts or an organization, not both. */
    private void checkAws(AwsSettings aws) {
        if (aws.endpoint() != null) {
            checkUrl(aws.endpoint(), List.of("aws", "endpoint"));
        }
        if (aws.stsEndpoint() != null) {
            checkUrl(aws.stsEndpoint(), List.of("aws", "stsEndpoint"));
        }
        if (aws.organizationsEndpoint() != null) {
            checkUrl(aws.organizationsEndpoint(), List.of("aws", "organizationsEndpoint"));
        }
        if (!aws.accounts().isEmpty() && aws.organization() != null) {
            throw problem(List.of("aws", "organization"), "both accounts and organization are set; expected one: a list of accounts, "
                    + "or the organization whose accounts ListAccounts returns");
        }
        Map<String, Integer> accounts = new HashMap<>();
        for (int a = 0; a < aws.accounts().size(); a++) {
            AwsAccount account = aws.accounts().get(a);
            if (account == null) {
                throw problem(List.of("aws", "accounts", a), "empty entry; expected {id, roleArn, externalId, regions}");
            }
            Integer first = accounts.putIfAbsent(account.id(), a);
            if (first != null) {
                throw problem(List.of("aws", "accounts", a, "id"), "account already listed at aws.accounts[" + first + "]; expected each account once");
            }
            if (!account.id().equals(account.roleAccount())) {
                throw problem(List.of("aws", "accounts", a, "roleArn"), "the role belongs to account " + account.roleAccount()
                        + ", not " + account.id() + "; expected the audit role of the account itself");
            }
        }
    }

    private void checkSource(SourceSpec source, List<Object> path, Map<String, List<Object>> seen) {
        if (source == null) {
            return;
        }
        if (source.kind() == null || source.kind().isBlank()) {
            throw problem(path, "no source kind; expected one of " + knownKinds);
        }
        if (!knownKinds.contains(source.kind())) {
            throw problem(with(path, "kind"), "unknown source kind '" + source.kind() + "'; expected one of " + knownKinds);
        }
        if (source.id() != null) {
            List<Object> idPath = with(path, "id");
            List<Object> first = seen.putIfAbsent(source.id(), idPath);
            if (first != null) {
                throw problem(idPath, "source id already used at " + YamlErrors.readable(first) + "; expected each source id once");
            }
        }
        if (source.url() != null) {
            checkUrl(source.url(), with(path, "url"));
        }
        if (source.api() != null) {
            checkUrl(source.api(), with(path, "api"));
        }
        if (source.chart() != null) {
            checkChart(source, with(path, "chart"));
        }
        if (source.file() != null && (source.file().isBlank() || source.file().indexOf('\0') >= 0)) {
            throw problem(with(path, "file"), "not a file path; expected a path relative to the estate file's folder");
        }
        if (source.k8s() != null) {
            checkK8s(source, with(path, "k8s"));
        }
    }

    /** A Kubernetes name: DNS-1123 labels joined by dots, as the API server requires for ConfigMaps, Secrets and most resources. */
    private static final String K8S_NAME = "[a-z0-9]([-a-z0-9]*[a-z0-9])?(\\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*";
    private static final String K8S_NAMESPACE = "[a-z0-9]([-a-z0-9]*[a-z0-9])?";
    private static final String K8S_DATA_KEY = "[-._a-zA-Z0-9]+";

    private void checkK8s(SourceSpec source, List<Object> path) {
        K8sSource k8s = source.k8s();
        List<Object> parent = path.subList(0, path.size() - 1);
        if (source.key() != null || source.object() != null) {
            throw problem(with(parent, source.key() != null ? "key" : "object"), "not read with k8s; expected the data key inside k8s (k8s.key)");
        }
        if (source.tokenFile() != null || source.tokenEnv() != null) {
            throw problem(with(parent, source.tokenFile() != null ? "tokenFile" : "tokenEnv"),
                    "not read with k8s; the cluster's credentials come from the kubeconfig context or the service account");
        }
        if ("configmap".equals(source.format())) {
            throw problem(with(parent, "format"), "a k8s source already reads the data key out of its object; expected format raw or helm-values");
        }
        if (k8s.context() != null && (k8s.context().isBlank() || k8s.context().chars().anyMatch(Character::isISOControl))) {
            throw problem(with(path, "context"), "not a context name; expected a context of the kubeconfig, or no context to read the cluster the auditor runs in");
        }
        name(k8s.namespace(), K8S_NAMESPACE, 63, with(path, "namespace"), "a namespace name such as logging");
        int objects = (k8s.configMap() != null ? 1 : 0) + (k8s.secret() != null ? 1 : 0) + (k8s.resource() != null ? 1 : 0);
        if (objects != 1) {
            throw problem(path, "expected exactly one of 'configMap', 'secret' or 'resource'");
        }
        if (k8s.configMap() != null) {
            name(k8s.configMap(), K8S_NAME, 253, with(path, "configMap"), "a ConfigMap name such as loki");
        }
        if (k8s.secret() != null) {
            name(k8s.secret(), K8S_NAME, 253, with(path, "secret"), "a Secret name such as loki");
        }
        if (k8s.key() != null) {
            if (k8s.resource() != null) {
                throw problem(with(path, "key"), "a resource is read whole; expected 'key' only with configMap or secret");
            }
            name(k8s.key(), K8S_DATA_KEY, 253, with(path, "key"), "a data key such as config.yaml");
        }
        K8sResource resource = k8s.resource();
        if (resource != null) {
            List<Object> at = with(path, "resource");
            name(resource.apiVersion(), "([a-z0-9]([-a-z0-9]*[a-z0-9])?(\\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*/)?v[0-9]+((alpha|beta)[0-9]+)?", 253,
                    with(at, "apiVersion"), "group/version such as opentelemetry.io/v1beta1");
            name(resource.kind(), "[A-Z][A-Za-z0-9]*", 63, with(at, "kind"), "a kind such as OpenTelemetryCollector");
            name(resource.name(), K8S_NAME, 253, with(at, "name"), "the resource's name");
        }
    }

    private void name(String value, String pattern, int maxLength, List<Object> path, String expected) {
        if (value == null) {
            // Not in the file: the line is the mapping's that lacks it.
            int line = YamlLocator.lineOf(content, path.subList(0, path.size() - 1));
            throw new InvalidInputException(name, (line > 0 ? "line " + line + ", " : "") + YamlErrors.readable(path), "missing; expected " + expected);
        }
        if (value.isBlank()) {
            throw problem(path, "missing; expected " + expected);
        }
        if (value.length() > maxLength || !value.matches(pattern)) {
            throw problem(path, "not a valid Kubernetes value; expected " + expected);
        }
    }

    /**
     * The chart's spelling and version range; whether the auditor models that chart is the collector's
     * question (an unmodelled chart is an UNVERIFIED source, not a bad estate).
     */
    private void checkChart(SourceSpec source, List<Object> path) {
        if (!"helm-values".equals(source.format())) {
            throw problem(path, "'chart' names the chart of Helm values; expected format: helm-values with it, or no chart");
        }
        try {
            ChartReference.parse(source.chart());
        } catch (IllegalArgumentException e) {
            throw problem(path, e.getMessage());
        }
    }

    private void checkUrl(String url, List<Object> path) {
        String why = null;
        try {
            URI uri = new URI(url);
            if (!"http".equals(uri.getScheme()) && !"https".equals(uri.getScheme())) {
                why = "not an http or https URL";
            } else if (uri.getHost() == null || uri.getHost().isEmpty()) {
                why = "a URL without a host";
            }
        } catch (URISyntaxException e) {
            why = "not a valid URL (" + e.getReason() + ")";
        }
        if (why != null) {
            throw problem(path, why + "; expected http(s)://host[:port][/path]");
        }
    }

    private static List<Object> with(List<Object> path, Object last) {
        List<Object> longer = new ArrayList<>(path);
        longer.add(last);
        return longer;
    }

    private InvalidInputException problem(List<Object> path, String message) {
        return new InvalidInputException(name, YamlErrors.place(content, path), message);
    }
}
