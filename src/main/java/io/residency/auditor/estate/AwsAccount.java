package io.residency.auditor.estate;

import io.residency.auditor.policy.Policy;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.util.List;

/**
 * One AWS account to audit through a role the auditor assumes (STS AssumeRole). The external id
 * is passed to STS and never printed; the temporary credentials STS returns stay in memory only.
 *
 * @param id         the 12-digit account id
 * @param roleArn    the audit role in that account, e.g. {@code arn:aws:iam::111122223333:role/ResidencyAuditor}
 * @param externalId what the role's trust policy demands in its {@code sts:ExternalId} condition, or {@code null}
 * @param regions    the regions whose stacks keep their buckets in this account; the first is the client region
 */
public record AwsAccount(
        @NotNull(message = "expected the 12-digit account id") @Pattern(regexp = AwsAccount.ACCOUNT_ID, message = "expected a 12-digit account id") String id,
        @NotNull(message = "expected the ARN of the audit role in the account")
        @Pattern(regexp = AwsAccount.ROLE_ARN, message = "expected a role ARN such as arn:aws:iam::111122223333:role/ResidencyAuditor") String roleArn,
        @Size(min = 2, max = 1224, message = "expected 2 to 1224 characters, as STS accepts") String externalId,
        List<@Pattern(regexp = Policy.CLOUD_REGION, message = "expected a cloud region such as eu-west-1") String> regions) {

    public static final String ACCOUNT_ID = "[0-9]{12}";
    public static final String ROLE_ARN = "arn:aws(-[a-z]+)*:iam::[0-9]{12}:role/[A-Za-z0-9+=,.@_/-]{1,512}";

    public AwsAccount {
        regions = regions == null ? List.of() : List.copyOf(regions);
    }

    /** The account id inside the role ARN: it must be this account's, or the role would audit another one. */
    public String roleAccount() {
        return roleArn == null ? null : roleArn.split(":", -1)[4];
    }
}
