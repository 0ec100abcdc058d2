package io.residency.auditor.cli;

import io.residency.auditor.estate.K8sRbac;
import io.residency.auditor.estate.LoadedEstate;
import io.residency.auditor.job.AuditInputsLoader;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** Prints the Roles and RoleBindings the estate's k8s sources need: get on exactly the objects named. */
@Command(name = "rbac", mixinStandardHelpOptions = true, versionProvider = AuditorCommandLine.Version.class,
        description = {"Print, as YAML for kubectl apply, one Role per cluster context and namespace granting get on exactly the",
                "ConfigMaps, Secrets and custom resources the estate's k8s sources name (resourceNames), and its RoleBinding.",
                "Sources without a context are bound to the auditor's service account; the others to --user."})
public class RbacCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Option(names = "--estate", paramLabel = "FILE", required = true, description = "The estate whose k8s sources need access.")
    Path estate;

    @Option(names = "--service-account", paramLabel = "NAME", defaultValue = "residency-auditor",
            description = "The auditor's service account in the cluster it runs in. Default: ${DEFAULT-VALUE}.")
    String serviceAccount;

    @Option(names = "--service-account-namespace", paramLabel = "NS", defaultValue = "observability",
            description = "Its namespace. Default: ${DEFAULT-VALUE}.")
    String serviceAccountNamespace;

    @Option(names = "--user", paramLabel = "NAME", defaultValue = "residency-auditor",
            description = "The user the kubeconfig's credentials are in the other clusters (on EKS: the IAM role's mapped username). Default: ${DEFAULT-VALUE}.")
    String user;

    @Override
    public Integer call() {
        for (String[] name : new String[][] {{"--service-account", serviceAccount}, {"--service-account-namespace", serviceAccountNamespace}}) {
            if (!name[1].matches("[a-z0-9]([-a-z0-9]*[a-z0-9])?") || name[1].length() > 63) {
                throw new picocli.CommandLine.ParameterException(spec.commandLine(), name[0] + ": expected a Kubernetes name such as residency-auditor");
            }
        }
        if (user.isBlank() || !user.matches("[A-Za-z0-9:@._/=+-]+")) {
            throw new picocli.CommandLine.ParameterException(spec.commandLine(),
                    "--user: expected a user name of letters, digits and : @ . _ / = + - (as the cluster's authenticator reports it)");
        }
        LoadedEstate loaded = new AuditInputsLoader().loadEstate(estate);
        spec.commandLine().getOut().print(K8sRbac.yaml(loaded.estate(), serviceAccount, serviceAccountNamespace, user));
        spec.commandLine().getOut().flush();
        return ExitCode.OK;
    }
}
