package io.residency.auditor.findings;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/**
 * The GDPR Chapter V bases on which personal data may lawfully flow outside the EEA for as long
 * as a configured flow runs. Art. 49 derogations are deliberately absent: they serve occasional
 * transfers, never nightly replication or continuous export, so the loader refuses them.
 */
public enum LegalBasis {
    ADEQUACY("adequacy", "Art. 45 adequacy decision"),
    DPF("DPF", "Art. 45 adequacy decision: EU-US Data Privacy Framework, certified recipient"),
    SCC("SCC", "Art. 46(2)(c) standard contractual clauses"),
    BCR("BCR", "Art. 47 binding corporate rules");

    private final String label;
    private final String article;

    LegalBasis(String label, String article) {
        this.label = label;
        this.article = article;
    }

    /** How the file and the report name it: adequacy, DPF, SCC, BCR. */
    public String label() {
        return label;
    }

    public String article() {
        return article;
    }

    public static Optional<LegalBasis> parse(String text) {
        return Arrays.stream(values()).filter(b -> b.label.equalsIgnoreCase(text.strip())).findFirst();
    }

    /** Whether the text names an Art. 49 derogation (explicit consent, contract necessity, ...). */
    public static boolean isDerogation(String text) {
        String t = text.strip().toLowerCase(Locale.ROOT).replace(" ", "");
        return t.contains("49") || t.contains("derogation") || t.equals("consent") || t.equals("contract");
    }

    public static String expected() {
        return "one of adequacy, DPF, SCC, BCR";
    }
}
