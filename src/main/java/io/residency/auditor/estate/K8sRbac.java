package io.residency.auditor.estate;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * The least RBAC the estate's {@code k8s:} sources need: per cluster context and namespace, one Role
 * granting {@code get} on exactly the named objects ({@code resourceNames}) and a RoleBinding to the
 * auditor's identity. Sorted throughout, so the same estate prints the same YAML.
 */
public final class K8sRbac {

    /** How the sources without a context (the cluster the auditor runs in) are grouped. */
    static final String IN_CLUSTER = "";

    private K8sRbac() {
    }

    /**
     * @param serviceAccount          the auditor's service account, bound in the cluster it runs in
     * @param serviceAccountNamespace the namespace of that service account
     * @param user                    the user the kubeconfig's identity maps to in the other clusters
     */
    public static String yaml(Estate estate, String serviceAccount, String serviceAccountNamespace, String user) {
        // context -> namespace -> "group|resource" -> names
        Map<String, Map<String, Map<String, TreeSet<String>>>> grants = new TreeMap<>();
        for (K8sSource source : sources(estate)) {
            grants.computeIfAbsent(source.context() == null ? IN_CLUSTER : source.context(), c -> new TreeMap<>())
                    .computeIfAbsent(source.namespace(), n -> new TreeMap<>())
                    .computeIfAbsent(source.rbacApiGroup() + "|" + source.rbacResource(), r -> new TreeSet<>())
                    .add(source.objectName());
        }
        StringBuilder yaml = new StringBuilder();
        if (grants.isEmpty()) {
            return "# The estate has no k8s sources: no RBAC is needed.\n";
        }
        grants.forEach((context, namespaces) -> {
            yaml.append(context.equals(IN_CLUSTER)
                    ? "# The cluster the auditor runs in (k8s sources without a context): bound to its service account.\n"
                    : "# Context " + context + ": apply with kubectl --context " + context + " apply -f -; bound to user " + user
                            + " (the identity the kubeconfig's credentials have in that cluster; on EKS the username the IAM role maps to).\n");
            namespaces.forEach((namespace, rules) -> {
                String name = "residency-auditor-read-" + namespace;
                yaml.append("---\napiVersion: rbac.authorization.k8s.io/v1\nkind: Role\nmetadata:\n  name: ").append(name)
                        .append("\n  namespace: ").append(namespace).append("\nrules:\n");
                rules.forEach((resource, names) -> {
                    String[] groupAndResource = resource.split("\\|", -1);
                    yaml.append("  - apiGroups: [").append(groupAndResource[0].isEmpty() ? "\"\"" : groupAndResource[0]).append("]\n")
                            .append("    resources: [").append(groupAndResource[1]).append("]\n")
                            .append("    resourceNames: [").append(String.join(", ", names)).append("]\n")
                            .append("    verbs: [get]\n");
                });
                yaml.append("---\napiVersion: rbac.authorization.k8s.io/v1\nkind: RoleBinding\nmetadata:\n  name: ").append(name)
                        .append("\n  namespace: ").append(namespace)
                        .append("\nroleRef:\n  apiGroup: rbac.authorization.k8s.io\n  kind: Role\n  name: ").append(name).append("\nsubjects:\n");
                if (context.equals(IN_CLUSTER)) {
                    yaml.append("  - kind: ServiceAccount\n    name: ").append(serviceAccount).append("\n    namespace: ")
                            .append(serviceAccountNamespace).append('\n');
                } else {
                    yaml.append("  - kind: User\n    apiGroup: rbac.authorization.k8s.io\n    name: \"").append(user).append("\"\n");
                }
            });
        });
        return yaml.toString();
    }

    private static List<K8sSource> sources(Estate estate) {
        List<SourceSpec> specs = new ArrayList<>();
        estate.regions().forEach(region -> specs.addAll(region.sources()));
        if (estate.central() != null) {
            specs.addAll(estate.central().sources());
        }
        return specs.stream().filter(spec -> spec != null && spec.k8s() != null).map(SourceSpec::k8s).toList();
    }
}
