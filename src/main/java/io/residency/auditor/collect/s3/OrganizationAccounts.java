package io.residency.auditor.collect.s3;

import io.residency.auditor.estate.AwsOrganization;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import software.amazon.awssdk.auth.credentials.DefaultCredentialsProvider;
import software.amazon.awssdk.awscore.retry.AwsRetryStrategy;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.organizations.OrganizationsClient;
import software.amazon.awssdk.services.organizations.OrganizationsClientBuilder;
import software.amazon.awssdk.services.organizations.model.Account;

/**
 * The organization's active accounts (Organizations ListAccounts, paginated), each to be audited
 * through the same role name. Only ids are kept: account names and e-mail addresses are not needed.
 */
final class OrganizationAccounts {

    /** The accounts, or why they could not be listed. */
    record Listing(List<AuditedAccount> accounts, String error) {
    }

    private OrganizationAccounts() {
    }

    static Listing list(AwsOrganization organization, String clientRegion, String endpoint, Duration callTimeout) {
        // Organizations is a global service whose API lives in us-east-1.
        OrganizationsClientBuilder builder = OrganizationsClient.builder()
                .region(Region.US_EAST_1)
                .credentialsProvider(DefaultCredentialsProvider.builder().build())
                .overrideConfiguration(o -> o
                        .retryStrategy(AwsRetryStrategy.standardRetryStrategy())
                        .apiCallAttemptTimeout(callTimeout)
                        .apiCallTimeout(callTimeout.multipliedBy(4)));
        if (endpoint != null) {
            builder.endpointOverride(URI.create(endpoint));
        }
        try (OrganizationsClient organizations = builder.build()) {
            List<AuditedAccount> accounts = new ArrayList<>();
            for (Account account : organizations.listAccountsPaginator(r -> r.maxResults(20)).stream().flatMap(page -> page.accounts().stream()).toList()) {
                if (active(account) && account.id() != null && account.id().matches("[0-9]{12}")) {
                    accounts.add(new AuditedAccount(account.id(), organization.roleArn(account.id()), organization.externalId(), clientRegion));
                }
            }
            return new Listing(accounts, null);
        } catch (SdkException e) {
            return new Listing(List.of(), "ListAccounts failed: " + S3Errors.describe(e, "Organizations")
                    + (S3Errors.denied(e) ? "; the auditor's principal needs organizations:ListAccounts, in the management account"
                    + " or a delegated administrator account" : ""));
        }
    }

    /** Suspended and closing accounts hold no stacks to audit; State replaces the deprecated Status. */
    private static boolean active(Account account) {
        String state = account.stateAsString() != null ? account.stateAsString() : account.statusAsString();
        return "ACTIVE".equals(state);
    }
}
