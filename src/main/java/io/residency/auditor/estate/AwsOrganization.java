package io.residency.auditor.estate;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/**
 * Audit every active account of the AWS Organization (ListAccounts, called with the auditor's own
 * credentials in the management or a delegated administrator account) through the same role name
 * in each.
 *
 * @param roleName   the audit role's name in every member account, e.g. {@code ResidencyAuditor}
 * @param externalId what the roles' trust policies demand as {@code sts:ExternalId}, or {@code null}
 * @param partition  the ARN partition of the roles (default {@code aws})
 */
public record AwsOrganization(
        @NotNull(message = "expected the audit role's name, e.g. ResidencyAuditor")
        @Pattern(regexp = "[A-Za-z0-9+=,.@_-]{1,64}", message = "expected a role name (letters, digits and +=,.@_-, at most 64)") String roleName,
        @Size(min = 2, max = 1224, message = "expected 2 to 1224 characters, as STS accepts") String externalId,
        @Pattern(regexp = "aws(-[a-z]+)*", message = "expected an ARN partition such as aws or aws-us-gov") String partition) {

    public String roleArn(String accountId) {
        return "arn:" + (partition == null ? "aws" : partition) + ":iam::" + accountId + ":role/" + roleName;
    }
}
