package io.residency.auditor.collect.k8s;

import io.residency.auditor.collect.config.ClusterSources;
import java.nio.file.Path;
import java.time.Duration;
import java.util.function.Function;

/**
 * Opens {@link ClusterSources} for one step of a run: kubeconfig contexts (the run's
 * {@code --kubeconfig}, else {@code KUBECONFIG}, else {@code ~/.kube/config}) and, for sources
 * without a context, the service account of the pod the auditor runs in.
 */
public final class KubernetesSources {

    private final Function<String, String> environment;
    private final Path serviceAccount;
    private final Duration connectTimeout;
    private final Duration requestTimeout;

    public KubernetesSources(Function<String, String> environment, Duration connectTimeout, Duration requestTimeout) {
        this(environment, Path.of(ClusterClients.SERVICE_ACCOUNT), connectTimeout, requestTimeout);
    }

    /** @param serviceAccount the folder holding the pod's {@code token} and {@code ca.crt} */
    public KubernetesSources(Function<String, String> environment, Path serviceAccount, Duration connectTimeout, Duration requestTimeout) {
        this.environment = environment;
        this.serviceAccount = serviceAccount;
        this.connectTimeout = connectTimeout;
        this.requestTimeout = requestTimeout;
    }

    /** @param kubeconfig the run's {@code --kubeconfig}, or {@code null} */
    public ClusterSources open(Path kubeconfig) {
        return new ClusterObjectReader(new ClusterClients(kubeconfig, environment, serviceAccount, connectTimeout, requestTimeout));
    }
}
