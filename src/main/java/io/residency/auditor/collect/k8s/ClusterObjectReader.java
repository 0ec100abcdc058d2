package io.residency.auditor.collect.k8s;

import io.fabric8.kubernetes.api.model.APIResource;
import io.fabric8.kubernetes.api.model.APIResourceList;
import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.Secret;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientException;
import io.fabric8.kubernetes.client.dsl.base.ResourceDefinitionContext;
import io.residency.auditor.collect.config.ClusterDocument;
import io.residency.auditor.collect.config.ClusterSources;
import io.residency.auditor.collect.config.SafeUrls;
import io.residency.auditor.collect.config.SourceReadException;
import io.residency.auditor.estate.K8sSource;
import io.residency.auditor.input.InputFiles;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Reads a {@code k8s:} source: a ConfigMap's or Secret's data key (a Secret's value base64-decoded),
 * or a whole custom resource as YAML. Every failure (no such object or key, 403, 401, unknown
 * context, unreachable cluster) is a {@link SourceReadException} naming the context, namespace,
 * object and key and the fix; a Secret's values are never part of a message.
 */
public final class ClusterObjectReader implements ClusterSources {

    private final ClusterClients clients;

    ClusterObjectReader(ClusterClients clients) {
        this.clients = clients;
    }

    @Override
    public String location(K8sSource source) {
        return ClusterObject.of(source).location(source.key());
    }

    @Override
    public ClusterDocument fetch(K8sSource source, List<String> usualKeys) throws SourceReadException {
        ClusterObject object = ClusterObject.of(source);
        KubernetesClient client = clients.client(source.context());
        try {
            if (source.configMap() != null) {
                ConfigMap configMap = client.configMaps().inNamespace(source.namespace()).withName(source.configMap()).get();
                if (configMap == null) {
                    throw notFound(object);
                }
                Map<String, byte[]> values = new TreeMap<>();
                nullToEmpty(configMap.getData()).forEach((key, value) -> values.put(key, value.getBytes(StandardCharsets.UTF_8)));
                for (Map.Entry<String, String> binary : nullToEmpty(configMap.getBinaryData()).entrySet()) {
                    values.put(binary.getKey(), decode(binary.getValue(), object, binary.getKey()));
                }
                return keyed(object, values, source.key(), usualKeys);
            }
            if (source.secret() != null) {
                Secret secret = client.secrets().inNamespace(source.namespace()).withName(source.secret()).get();
                if (secret == null) {
                    throw notFound(object);
                }
                // Only the chosen key is decoded: the others are never held as text.
                Map<String, String> encoded = new TreeMap<>(nullToEmpty(secret.getData()));
                String key = chooseKey(object, List.copyOf(encoded.keySet()), source.key(), usualKeys);
                return document(object, key, decode(encoded.get(key), object, key));
            }
            return resource(client, object, source);
        } catch (KubernetesClientException e) {
            throw failure(e, object, client);
        } catch (RuntimeException e) {
            // An answer the client could not take (not JSON, an unexpected shape): unreadable, never a crashed run.
            throw new SourceReadException(object.describe() + ": the API server's answer could not be read (" + e.getClass().getSimpleName()
                    + "); expected the object as the Kubernetes API serves it", e);
        }
    }

    private ClusterDocument resource(KubernetesClient client, ClusterObject object, K8sSource source) throws SourceReadException {
        String apiVersion = source.resource().apiVersion();
        APIResourceList served = client.getApiResources(apiVersion);
        if (served == null || served.getResources() == null || served.getResources().isEmpty()) {
            throw new SourceReadException(object.describe() + ": the cluster does not serve " + apiVersion
                    + "; expected the operator's CustomResourceDefinition to be installed (kubectl api-resources --api-group="
                    + object.apiGroup() + ")");
        }
        APIResource kind = served.getResources().stream()
                .filter(r -> source.resource().kind().equals(r.getKind()) && !r.getName().contains("/"))
                .findFirst()
                .orElseThrow(() -> new SourceReadException(object.describe() + ": " + apiVersion + " has no kind " + source.resource().kind()
                        + "; expected one of " + served.getResources().stream().filter(r -> !r.getName().contains("/"))
                        .map(APIResource::getKind).sorted().distinct().toList()));
        ClusterObject discovered = object.withPlural(kind.getName());
        String group = apiVersion.contains("/") ? apiVersion.substring(0, apiVersion.indexOf('/')) : "";
        String version = apiVersion.substring(apiVersion.indexOf('/') + 1);
        ResourceDefinitionContext definition = new ResourceDefinitionContext.Builder()
                .withGroup(group).withVersion(version).withKind(kind.getKind()).withPlural(kind.getName())
                .withNamespaced(Boolean.TRUE.equals(kind.getNamespaced())).build();
        GenericKubernetesResource found;
        try {
            found = client.genericKubernetesResources(definition).inNamespace(source.namespace()).withName(source.resource().name()).get();
        } catch (KubernetesClientException e) {
            throw failure(e, discovered, client);
        }
        if (found == null) {
            throw notFound(discovered);
        }
        String json = client.getKubernetesSerialization().asJson(found);
        return document(discovered, null, ResourceYaml.of(json));
    }

    private static ClusterDocument keyed(ClusterObject object, Map<String, byte[]> values, String wanted, List<String> usualKeys)
            throws SourceReadException {
        String key = chooseKey(object, List.copyOf(values.keySet()), wanted, usualKeys);
        return document(object, key, values.get(key));
    }

    private static String chooseKey(ClusterObject object, List<String> keys, String wanted, List<String> usualKeys) throws SourceReadException {
        if (wanted != null) {
            if (!keys.contains(wanted)) {
                throw new SourceReadException(object.describe() + " has no key " + wanted + " (its keys: " + keys
                        + "); expected k8s.key to name the key that holds the config");
            }
            return wanted;
        }
        if (keys.size() == 1) {
            return keys.get(0);
        }
        return usualKeys.stream().filter(keys::contains).findFirst()
                .orElseThrow(() -> new SourceReadException(object.describe() + (keys.isEmpty() ? " has no data" : " has keys " + keys)
                        + "; expected k8s.key to name the key that holds the config"));
    }

    private static ClusterDocument document(ClusterObject object, String key, byte[] content) throws SourceReadException {
        if (content.length > InputFiles.maxBytes()) {
            // As far as the bound, for the bundle: the answer that was refused, as the run saw it.
            throw new SourceReadException(object.location(key) + " is larger than " + InputFiles.describe(InputFiles.maxBytes())
                    + "; expected a configuration", java.util.Arrays.copyOf(content, (int) Math.min(content.length, InputFiles.maxBytes())), null);
        }
        return new ClusterDocument(content, object.location(key));
    }

    private static byte[] decode(String base64, ClusterObject object, String key) throws SourceReadException {
        try {
            return Base64.getDecoder().decode(base64 == null ? "" : base64.strip());
        } catch (IllegalArgumentException e) {
            throw new SourceReadException(object.describe() + ": the value of key " + key + " is not base64; expected data as the API serves it");
        }
    }

    private static SourceReadException notFound(ClusterObject object) {
        return new SourceReadException(object.describe() + " not found (HTTP 404); expected it to exist (kubectl --context "
                + object.context() + " -n " + object.namespace() + " get " + object.plural() + " " + object.name() + ")");
    }

    /** What went wrong, from the status code alone: the server's message and the request are not repeated. */
    private SourceReadException failure(KubernetesClientException e, ClusterObject object, KubernetesClient client) {
        String what = object.describe();
        String server = "the API server " + SafeUrls.redact(String.valueOf(client.getMasterUrl())).replaceAll("/$", "");
        if ((e.getCode() == 0 || e.getCode() == -1) && causedBy(e, javax.net.ssl.SSLException.class)) {
            // A server whose certificate the CA given does not sign is not the cluster meant: nothing it says is read.
            return new SourceReadException(what + ": " + server + " was not trusted (" + rootCause(e) + "); expected its certificate to be"
                    + " signed by " + (ClusterObject.IN_CLUSTER.equals(object.context()) ? "the service account's ca.crt"
                    : "the certificate authority of context " + object.context() + " in the kubeconfig"), e);
        }
        return switch (e.getCode()) {
            case 403 -> new SourceReadException(what + ": access denied (HTTP 403 Forbidden); expected a Role in namespace " + object.namespace()
                    + " with the rule " + object.rbacRule() + " bound to the auditor's service account or user (see README 'Kubernetes sources')", e);
            case 401 -> new SourceReadException(what + ": credentials refused (HTTP 401 Unauthorized); expected valid credentials for "
                    + (ClusterObject.IN_CLUSTER.equals(object.context()) ? "the service account" : "context " + object.context() + " in the kubeconfig"), e);
            case 404 -> notFound(object);
            case 0, -1 -> new SourceReadException(what + ": " + server + " did not answer (" + rootCause(e)
                    + "); expected the cluster to be reachable within " + clients.requestTimeout().toSeconds() + " s", e);
            default -> new SourceReadException(what + ": HTTP " + e.getCode() + " from the API server; expected 200 with the object", e);
        };
    }

    private static boolean causedBy(Throwable e, Class<? extends Throwable> type) {
        for (Throwable cause = e; cause != null; cause = cause.getCause() == cause ? null : cause.getCause()) {
            if (type.isInstance(cause)) {
                return true;
            }
        }
        return false;
    }

    private static String rootCause(Throwable e) {
        Throwable cause = e;
        while (cause.getCause() != null && cause.getCause() != cause) {
            cause = cause.getCause();
        }
        return cause.getClass().getSimpleName();
    }

    private static Map<String, String> nullToEmpty(Map<String, String> map) {
        return map == null ? Map.of() : map;
    }

    @Override
    public void close() {
        clients.close();
    }
}
