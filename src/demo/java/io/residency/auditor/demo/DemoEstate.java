package io.residency.auditor.demo;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;
import tools.jackson.dataformat.yaml.YAMLMapper;

/** A copy of the demo estate, under target/, pointed at the demo's S3 emulator and querier. */
final class DemoEstate {

    private DemoEstate() {
    }

    static Path withServices(Path estate, String s3Endpoint, String querierUrl) throws IOException {
        YAMLMapper yaml = YAMLMapper.builder().build();
        ObjectNode root = (ObjectNode) yaml.readTree(estate.toFile());
        Path folder = estate.getParent();
        // The copy lives elsewhere, so its source paths are made absolute.
        for (JsonNode region : root.withArray("regions")) {
            absolutePaths(region.withArray("sources"), folder);
        }
        absolutePaths(root.withObject("central").withArray("sources"), folder);
        // The copy's sources stay in src/demo/estate, outside the copy's folder: the demo allows that.
        root.put("allowFilesOutside", true);
        ObjectNode aws = root.putObject("aws");
        aws.put("region", "us-east-1");
        aws.put("endpoint", s3Endpoint);
        aws.put("buckets", "all");
        ObjectNode thanos = root.withObject("central").withObject("thanos");
        String declaredQuerier = thanos.get("url").asString();
        thanos.put("url", querierUrl);
        // Grafana's data source must name the querier the audit talks to, or the federation it
        // queries would no longer be recognised as the central querier's.
        for (JsonNode source : root.withObject("central").withArray("sources")) {
            if (source.get("kind").asString().equals("grafana-datasources")) {
                Path original = Path.of(source.get("file").asString());
                Path rewritten = Path.of("target", "demo", original.getFileName().toString()).toAbsolutePath();
                Files.createDirectories(rewritten.getParent());
                Files.writeString(rewritten, Files.readString(original).replace(declaredQuerier, querierUrl));
                ((ObjectNode) source).put("file", rewritten.toString());
            }
        }
        String centralRegion = root.get("central").get("region").asString();
        root.withObject("endpoints").withArray(centralRegion).add(java.net.URI.create(querierUrl).getHost());
        Path copy = Path.of("target", "demo", "estate.yaml").toAbsolutePath();
        Files.createDirectories(copy.getParent());
        yaml.writeValue(copy.toFile(), root);
        return copy;
    }

    private static void absolutePaths(tools.jackson.databind.node.ArrayNode sources, Path folder) {
        for (JsonNode source : sources) {
            if (source.has("file")) {
                ((ObjectNode) source).put("file", folder.resolve(source.get("file").asString()).toString());
            }
        }
    }
}
