package io.residency.auditor.cli;

import io.residency.auditor.evidence.BundleContents;
import io.residency.auditor.evidence.EvidenceBundleWriter;
import io.residency.auditor.evidence.EvidenceModel;
import io.residency.auditor.evidence.EvidenceModelReader;
import io.residency.auditor.evidence.ReportFormat;
import io.residency.auditor.facts.AuditRun;
import io.residency.auditor.facts.AuditRunRepository;
import io.residency.auditor.policy.Policy;
import io.residency.auditor.policy.PolicyLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.EnumSet;
import java.util.HexFormat;
import java.util.Map;
import javax.sql.DataSource;
import org.springframework.context.ConfigurableApplicationContext;
import tools.jackson.dataformat.yaml.YAMLMapper;

/**
 * Run in a JVM of its own with a small heap by {@code FlatMemoryRenderTest}: records a run with
 * many findings straight into an H2 file database (its data on disk, not in the heap), then renders
 * its whole bundle, every format. Prints {@code RENDERED <findings>} when the bundle is written.
 *
 * <p>Arguments: FOLDER FINDINGS.
 */
public final class ManyFindingsRender {

    static final String RUN_ID = "20261202T060000Z-f1a7f1";
    private static final String[] CONTROLS = {"RES-LOKI-STORAGE", "RES-EGRESS", "RES-BUCKET-LOCATION", "RES-METRICS-PII"};
    private static final String[] STATUSES = {"FAIL", "PASS", "UNVERIFIED", "PASS", "FAIL"};

    private ManyFindingsRender() {
    }

    public static void main(String[] args) throws Exception {
        Path folder = Path.of(args[0]);
        int count = Integer.parseInt(args[1]);
        Path estate = folder.resolve("estate.yaml");
        Files.writeString(estate, "estate: many-findings\nregions:\n  - name: eu-west-1\n");
        Instant started = Instant.parse("2026-12-02T06:00:00Z");
        try (ConfigurableApplicationContext context = AuditLauncher.start("jdbc:h2:file:" + folder.resolve("db") + ";USER=sa;PASSWORD=", false)) {
            context.getBean(AuditRunRepository.class).startIfAbsent(new AuditRun(RUN_ID, "many-findings", "audit", "e".repeat(64),
                    "p".repeat(64), PolicyLoader.BUNDLED, null, "test", started, null, "RUNNING"));
            insert(context.getBean(DataSource.class), count, started);
            Policy policy = YAMLMapper.builder().build().readValue(PolicyLoader.bundledBytes(), Policy.class);
            EvidenceModel model = context.getBean(EvidenceModelReader.class).read(RUN_ID, estate.toString(), null, policy);
            context.getBean(EvidenceBundleWriter.class).write(folder.resolve("out"), model, EnumSet.allOf(ReportFormat.class), null,
                    new BundleContents(Map.of(), Map.of()));
            System.out.println("RENDERED " + model.findings().counts().total());
        }
    }

    /** In batches, each row built as it is inserted: the inserting holds no more findings than the rendering may. */
    private static void insert(DataSource dataSource, int count, Instant started) throws Exception {
        try (Connection connection = dataSource.getConnection();
             PreparedStatement insert = connection.prepareStatement("""
                     INSERT INTO finding (run_id, fingerprint, control_id, status, severity, frameworks, region, jurisdiction,
                                          resource, message, evidence_json, first_seen, lifecycle, source_id)
                     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")) {
            connection.setAutoCommit(false);
            HexFormat hex = HexFormat.of();
            for (int i = 0; i < count; i++) {
                String status = STATUSES[i % STATUSES.length];
                String region = i % 3 == 0 ? "us-east-1" : "eu-west-1";
                String resource = region + "/loki-" + i + " storage_config.aws s3://bucket-" + i + "-" + "x".repeat(120);
                insert.setString(1, RUN_ID);
                insert.setString(2, hex.formatHex(java.nio.ByteBuffer.allocate(16).putLong(0, i).putLong(8, ~i).array()));
                insert.setString(3, CONTROLS[i % CONTROLS.length]);
                insert.setString(4, status);
                insert.setString(5, "high");
                insert.setString(6, region.startsWith("eu") ? "GDPR" : "SOX");
                insert.setString(7, region);
                insert.setString(8, region.startsWith("eu") ? "EU" : "US");
                insert.setString(9, resource);
                insert.setString(10, "finding " + i + " of a large estate: " + "m".repeat(200));
                insert.setString(11, "{\"file\":\"configs/loki-" + i + ".yaml\",\"line\":" + (i % 90 + 1) + ",\"bucket\":\"bucket-" + i
                        + "\",\"note\":\"" + "n".repeat(300) + "\"}");
                insert.setTimestamp(12, Timestamp.from(started));
                insert.setString(13, "PASS".equals(status) ? null : "new");
                insert.setString(14, region + "/loki-" + i);
                insert.addBatch();
                if (i % 1000 == 999) {
                    insert.executeBatch();
                    connection.commit();
                }
            }
            insert.executeBatch();
            connection.commit();
        }
    }
}
