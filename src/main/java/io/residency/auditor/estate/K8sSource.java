package io.residency.auditor.estate;

/**
 * A config kept in a Kubernetes cluster: a ConfigMap or Secret data key, or a whole custom
 * resource. {@link EstateChecks} requires the namespace and exactly one of configMap, secret or
 * resource.
 *
 * @param context   the kubeconfig context of the region's cluster; absent: the cluster the auditor
 *                  runs in (its service account)
 * @param key       with configMap or secret: the data key holding the config; absent: the only key,
 *                  else config.yaml, config.yml or the kind's usual keys
 */
public record K8sSource(String context, String namespace, String configMap, String secret, K8sResource resource, String key) {

    /** How evidence names a source without a context: the cluster the auditor runs in. */
    public static final String IN_CLUSTER = "in-cluster";

    /** {@code configmap}, {@code secret} or the resource's {@code apiVersion/Kind}. */
    public String objectType() {
        return configMap != null ? "configmap" : secret != null ? "secret" : resource.apiVersion() + "/" + resource.kind();
    }

    /**
     * Where the source is, as facts and findings name it: {@code k8s://eu-prod/logging/configmap/loki#config.yaml},
     * {@code k8s://in-cluster/...} without a context.
     *
     * @param chosenKey the data key read, or {@code null} while it is not known (or for a resource)
     */
    public String location(String chosenKey) {
        return "k8s://" + (context == null ? IN_CLUSTER : context) + "/" + namespace + "/" + objectType() + "/" + objectName()
                + (chosenKey == null ? "" : "#" + chosenKey);
    }

    /** The object's name, whichever of configMap, secret or resource names it. */
    public String objectName() {
        return configMap != null ? configMap : secret != null ? secret : resource.name();
    }

    /** The API group an RBAC rule names for the object ({@code ""} for ConfigMaps and Secrets). */
    public String rbacApiGroup() {
        if (resource == null) {
            return "";
        }
        int slash = resource.apiVersion().indexOf('/');
        return slash < 0 ? "" : resource.apiVersion().substring(0, slash);
    }

    /**
     * The RBAC resource: {@code configmaps}, {@code secrets}, or a custom resource's plural as CRDs
     * usually spell it (the kind in lower case with an s); the cluster's discovery has the last word.
     */
    public String rbacResource() {
        return configMap != null ? "configmaps" : secret != null ? "secrets" : resource.kind().toLowerCase(java.util.Locale.ROOT) + "s";
    }
}
