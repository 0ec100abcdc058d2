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
}
