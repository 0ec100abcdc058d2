package io.residency.auditor.findings;

import io.residency.auditor.input.InputFiles;
import io.residency.auditor.input.InvalidInputException;
import io.residency.auditor.input.Sha256;
import io.residency.auditor.input.YamlErrors;
import io.residency.auditor.input.YamlInputReader;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

/**
 * Loads and validates the exceptions register (the waivers file); a bad one exits 2 like any bad
 * input, naming the file, the line and what was expected. Beyond each entry's own fields it checks
 * what makes an exception auditable: a known control and framework, an approver the policy lists,
 * an expiry within the policy's term, and a scope narrower than "every resource".
 */
public final class WaiverLoader {

    private static final String EXPECTED = "an exceptions register (exceptions: [{id, control, resource or fingerprint, "
            + "reason or legalBasis or compensatingControl, approver, expires}])";
    /** A pattern must name this many letters or digits: fewer match (nearly) every resource. */
    private static final int MIN_LITERALS = 3;
    private static final String GDPR = "GDPR";

    private final YamlInputReader reader;

    public WaiverLoader(YamlInputReader reader) {
        this.reader = reader;
    }

    /** @param file the register file, or {@code null} for none */
    public LoadedWaivers load(Path file, ExceptionRulesCheck rules) {
        if (file == null) {
            return LoadedWaivers.NONE;
        }
        byte[] content = InputFiles.read(file, EXPECTED);
        WaiverFile parsed = reader.read(file.toString(), content, WaiverFile.class, EXPECTED);
        Entries entries = new Entries(file.toString(), content, parsed.key(), rules);
        List<Waiver> checked = new ArrayList<>();
        Map<String, Integer> ids = new HashMap<>();
        for (int i = 0; i < parsed.entries().size(); i++) {
            Waiver waiver = entries.check(i, parsed.entries().get(i));
            Integer other = ids.putIfAbsent(waiver.registerId(), i);
            if (other != null) {
                throw entries.problem(i, "id", "id '" + waiver.registerId() + "' is also entry " + (other + 1)
                        + "; expected each exception id once");
            }
            checked.add(waiver);
        }
        return new LoadedWaivers(checked, file.toString(), Sha256.hex(content));
    }

    /** The checks of one entry, reported at its place in the file. */
    private record Entries(String name, byte[] content, String key, ExceptionRulesCheck rules) {

        Waiver check(int i, Waiver waiver) {
            String control = waiver.control();
            boolean known = rules.controlIds().isEmpty() ? control.matches("RES-[A-Z0-9-]{1,40}") : rules.controlIds().contains(control);
            if (!known) {
                throw problem(i, "control", "unknown control id" + (control.matches("[A-Za-z0-9-]{1,40}") ? " '" + control + "'" : "")
                        + "; expected one of " + (rules.controlIds().isEmpty() ? "the RES-... ids of the README" : new TreeSet<>(rules.controlIds())));
            }
            if (waiver.framework() != null && !rules.frameworks().isEmpty() && !rules.frameworks().contains(waiver.framework())) {
                throw problem(i, "framework", "unknown framework '" + waiver.framework() + "'; expected one of "
                        + new TreeSet<>(rules.frameworks()));
            }
            if (waiver.resource() != null && literals(waiver.resource()) < MIN_LITERALS) {
                throw problem(i, "resource", "the pattern matches (nearly) every resource; expected a pattern naming what it excepts, "
                        + "such as \"eu-west-1/otel-collector exporters.otlphttp/vendor*\", or a fingerprint");
            }
            if (!waiver.isJustified()) {
                throw problem(i, "reason", "expected the reason the risk is accepted, a legalBasis with its legalBasisReference, "
                        + "or a compensatingControl");
            }
            if (!waiver.covers().stream().allMatch(s -> s == Status.FAIL || s == Status.UNVERIFIED)) {
                throw problem(i, "covers", "expected FAIL and/or UNVERIFIED, e.g. covers: [FAIL, UNVERIFIED]");
            }
            String framework = waiver.framework();
            if (!Waiver.blank(waiver.legalBasis())) {
                framework = checkLegalBasis(i, waiver);
            }
            if (!rules.approvers().isEmpty() && !rules.approvers().contains(waiver.approver())) {
                throw problem(i, "approver", "not on the policy's approvers list (exceptions.approvers); expected one of "
                        + rules.approvers());
            }
            checkTerm(i, waiver);
            String id = waiver.id() != null ? waiver.id() : "waiver-" + (i + 1);
            Waiver named = waiver.withId(id);
            return framework == null || framework.equals(waiver.framework()) ? named
                    : new Waiver(id, control, framework, waiver.resource(), waiver.fingerprint(), waiver.reason(), waiver.legalBasis(),
                    waiver.legalBasisReference(), waiver.compensatingControl(), waiver.riskOwner(), waiver.approver(),
                    waiver.approvalDate(), waiver.expires(), waiver.ticket(), waiver.covers());
        }

        /** @return the framework the exception belongs to: a Chapter V basis is GDPR's */
        private String checkLegalBasis(int i, Waiver waiver) {
            String basis = waiver.legalBasis();
            if (LegalBasis.parse(basis).isEmpty()) {
                if (LegalBasis.isDerogation(basis)) {
                    throw problem(i, "legalBasis", "an Art. 49 derogation serves occasional transfers only, never a configured "
                            + "flow that runs every day (storage, replication, export), which is what the auditor judges; expected "
                            + LegalBasis.expected() + ", or remove the flow");
                }
                throw problem(i, "legalBasis", "unknown legal basis; expected " + LegalBasis.expected() + " (GDPR Art. 45-47)");
            }
            if (Waiver.blank(waiver.legalBasisReference())) {
                throw problem(i, "legalBasisReference", "expected the decision, contract or rules relied on, e.g. "
                        + "\"SCC 2021/914 module 2, contract VEN-2025-7\"");
            }
            if (waiver.framework() != null && !waiver.framework().equals(GDPR)) {
                throw problem(i, "framework", "a legal basis is a GDPR Chapter V basis; expected framework GDPR or none");
            }
            return GDPR;
        }

        private void checkTerm(int i, Waiver waiver) {
            LocalDate from = waiver.approvalDate() != null ? waiver.approvalDate() : rules.today();
            String fromWhat = waiver.approvalDate() != null ? "the approval date " + from : "today (" + from + "; no approvalDate)";
            if (waiver.approvalDate() != null && waiver.approvalDate().isAfter(rules.today())) {
                throw problem(i, "approvalDate", "approval date " + waiver.approvalDate() + " is after today (" + rules.today()
                        + "); expected the day it was approved");
            }
            if (waiver.approvalDate() != null && waiver.expires().isBefore(waiver.approvalDate())) {
                throw problem(i, "expires", "expires " + waiver.expires() + " before " + fromWhat + "; expected a later expiry");
            }
            LocalDate latest = from.plus(rules.maxTerm());
            if (waiver.expires().isAfter(latest)) {
                throw problem(i, "expires", "expires more than " + rules.maxTerm() + " after " + fromWhat
                        + "; expected at most " + latest + " (the policy's exceptions.maxTerm), then renew it");
            }
        }

        InvalidInputException problem(int i, String field, String message) {
            return new InvalidInputException(name, YamlErrors.place(content, List.of(key, i, field)), message);
        }

        private static int literals(String pattern) {
            return (int) pattern.chars().filter(Character::isLetterOrDigit).count();
        }
    }
}
