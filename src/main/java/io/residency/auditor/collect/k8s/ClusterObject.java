package io.residency.auditor.collect.k8s;

import io.residency.auditor.estate.K8sSource;

/**
 * The object a {@code k8s:} source names, as messages, evidence and RBAC rules spell it.
 *
 * @param context  the kubeconfig context, or {@link #IN_CLUSTER}
 * @param type     {@code configmap}, {@code secret} or the resource's {@code apiVersion/Kind}
 * @param apiGroup the RBAC API group ({@code ""} for the core group)
 * @param plural   the RBAC resource ({@code configmaps}, {@code secrets}; a custom resource's plural once discovered)
 */
record ClusterObject(K8sSource source, String context, String namespace, String type, String name, String apiGroup, String plural) {

    /** How a source without a context (the cluster the auditor runs in) is named. */
    static final String IN_CLUSTER = K8sSource.IN_CLUSTER;

    static ClusterObject of(K8sSource source) {
        String context = source.context() == null ? IN_CLUSTER : source.context();
        return new ClusterObject(source, context, source.namespace(), source.objectType(), source.objectName(), source.rbacApiGroup(),
                source.rbacResource());
    }

    ClusterObject withPlural(String discovered) {
        return new ClusterObject(source, context, namespace, type, name, apiGroup, discovered);
    }

    /** {@code k8s://eu-prod/logging/configmap/loki}, with {@code #key} once the data key is known. */
    String location(String key) {
        return source.location(key);
    }

    /** "configmap loki in namespace logging of context eu-prod", for messages. */
    String describe() {
        return type + " " + name + " in namespace " + namespace + " of " + (IN_CLUSTER.equals(context) ? "the cluster the auditor runs in"
                : "context " + context);
    }

    /** The Role rule that lets the auditor read exactly this object. */
    String rbacRule() {
        return "{apiGroups: [\"" + apiGroup + "\"], resources: [" + plural + "], resourceNames: [" + name + "], verbs: [get]}";
    }
}
