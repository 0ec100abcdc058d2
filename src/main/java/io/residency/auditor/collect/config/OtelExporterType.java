package io.residency.auditor.collect.config;

import java.util.List;

/**
 * One row of {@link OtelExporterTypes}: how an exporter type's destination is written in its config.
 *
 * @param type              the component type, the part of an id before {@code /} (otlphttp in otlphttp/vendor)
 * @param reach             how data leaves through it
 * @param destinationFields dotted paths under the exporter that carry its destination, in the order they win
 * @param defaultEndpoint   where it sends when none of the fields is set, or {@code null} when it has no fixed default
 * @param note              for {@link Reach#NOT_LOCATABLE}: why no field proves a region (the UNVERIFIED reason)
 */
public record OtelExporterType(String type, Reach reach, List<String> destinationFields, String defaultEndpoint, String note) {

    public OtelExporterType {
        destinationFields = List.copyOf(destinationFields);
    }

    /** The ways an exporter can move data, as far as residency goes. */
    public enum Reach {
        /** Pushes to every endpoint its fields hold; each one is located by its host. */
        SEND,
        /** An AWS service client: {@code endpoint} wins, otherwise {@code region} alone locates it. */
        AWS_REGIONAL,
        /** awss3: writes objects to a bucket; {@code s3uploader.endpoint} wins over {@code s3uploader.region}. */
        S3,
        /** Writes to the collector's own stdout or disk, or drops the data: nothing leaves the stack. */
        LOCAL,
        /** Listens for scrapers (the prometheus exporter): data is pulled by whoever scrapes, not pushed out. */
        LISTENER,
        /** Sends to a SaaS or cloud API whose storage location no field of the exporter proves. */
        NOT_LOCATABLE
    }
}
