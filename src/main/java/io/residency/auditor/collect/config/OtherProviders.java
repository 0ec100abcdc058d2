package io.residency.auditor.collect.config;

import java.util.List;
import java.util.Optional;

/**
 * Object stores and clouds other than AWS whose host names the auditor recognises only to say so:
 * their region ids are their own (Alibaba Cloud's and Wasabi's {@code eu-west-1} is London), so a
 * region-like label in these hosts is never compared with the policy's AWS regions. Such a host is
 * located only by the estate's {@code endpoints} map. Matched on label boundaries of the host's end,
 * only to name the provider in the message: nothing here places a host.
 */
final class OtherProviders {

    /** A provider, the domains it serves from, and where its hosts carry its own region id. */
    record Provider(String name, List<String> domains, String whereTheRegionIs) {

        boolean serves(String host) {
            return domains.stream().anyMatch(domain -> host.equals(domain) || host.endsWith("." + domain));
        }
    }

    private static final List<Provider> PROVIDERS = List.of(
            new Provider("Google Cloud", List.of("googleapis.com"),
                    "a GCS bucket's location is a setting of the bucket, not part of storage.googleapis.com"),
            new Provider("Azure Storage", List.of("core.windows.net", "core.chinacloudapi.cn", "core.usgovcloudapi.net"),
                    "<account>.blob.core.windows.net names the storage account, not its region"),
            new Provider("Alibaba Cloud OSS", List.of("aliyuncs.com"),
                    "oss-<region>.aliyuncs.com carries an Alibaba Cloud region id (its eu-west-1 is London, eu-central-1 Frankfurt)"),
            new Provider("Baidu BOS", List.of("bcebos.com"), "<region>.bcebos.com carries a Baidu region id (bj, gz, su, fsh)"),
            new Provider("Tencent COS", List.of("myqcloud.com", "tencentcos.cn"),
                    "cos.<region>.myqcloud.com carries a Tencent Cloud region id (ap-guangzhou, eu-frankfurt)"),
            new Provider("Oracle Cloud Object Storage", List.of("oraclecloud.com"),
                    "objectstorage.<region>.oraclecloud.com carries an OCI region id (eu-frankfurt-1)"),
            new Provider("IBM Cloud Object Storage", List.of("cloud-object-storage.appdomain.cloud"),
                    "s3.<region>.cloud-object-storage.appdomain.cloud carries an IBM region id (eu-de, eu-gb)"),
            new Provider("Huawei Cloud OBS", List.of("myhuaweicloud.com"), "obs.<region>.myhuaweicloud.com carries a Huawei region id"),
            new Provider("DigitalOcean Spaces", List.of("digitaloceanspaces.com"),
                    "<region>.digitaloceanspaces.com carries a DigitalOcean region id (fra1, ams3)"),
            new Provider("Wasabi", List.of("wasabisys.com"),
                    "s3.<region>.wasabisys.com carries a Wasabi region id (its eu-central-1 is Amsterdam, eu-west-1 London)"),
            new Provider("Backblaze B2", List.of("backblazeb2.com"), "s3.<region>.backblazeb2.com carries a B2 region id (eu-central-003)"),
            new Provider("Cloudflare R2", List.of("r2.cloudflarestorage.com"),
                    "<account>[.<jurisdiction>].r2.cloudflarestorage.com names an account and at most a jurisdiction, not a region"),
            new Provider("Linode Object Storage", List.of("linodeobjects.com"), "<region>.linodeobjects.com carries a Linode region id"),
            new Provider("Scaleway Object Storage", List.of("scw.cloud"), "s3.<region>.scw.cloud carries a Scaleway region id (fr-par, nl-ams)"),
            new Provider("OVHcloud Object Storage", List.of("ovh.net", "ovh.us"), "s3.<region>.io.cloud.ovh.net carries an OVHcloud region id"));

    private OtherProviders() {
    }

    static Optional<Provider> of(String host) {
        return PROVIDERS.stream().filter(provider -> provider.serves(host)).findFirst();
    }
}
