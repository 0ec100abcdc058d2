package io.residency.auditor.controls;

import io.residency.auditor.input.InputFiles;
import io.residency.auditor.input.InvalidInputException;
import io.residency.auditor.input.YamlErrors;
import io.residency.auditor.policy.FrameworkRules;
import io.residency.auditor.policy.Policy;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Pattern;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.dataformat.yaml.YAMLMapper;

/**
 * The frameworks as data: one file per framework (as Prowler's compliance JSON), holding its provisions
 * and, for each, the controls that support it. The jar bundles {@code sql/frameworks/*.yaml}; a policy
 * adds one of its own with {@code frameworks.<id>.definition: FILE}. Adding a framework needs no Java change.
 */
public final class FrameworkCatalog {

    private static final String BUNDLED = "classpath:sql/frameworks/*.yaml";
    private static final String EXPECTED = "a framework definition (id, name, source, report, requirements)";
    private static final Pattern ID = Pattern.compile("[A-Za-z][A-Za-z0-9_-]*");
    private static final Pattern FILE_STEM = Pattern.compile("[a-z0-9][a-z0-9-]*");

    private final Map<String, Framework> frameworks;
    private final Set<String> controlIds;

    private FrameworkCatalog(Map<String, Framework> frameworks, Set<String> controlIds) {
        this.frameworks = new TreeMap<>(frameworks); // sorted: same input, same order of reports
        this.controlIds = controlIds;
    }

    /** The frameworks the jar carries, checked against the controls. */
    public static FrameworkCatalog bundled(ControlCatalog controls) {
        Set<String> ids = new TreeSet<>(controls.controls().stream().map(ControlDefinition::id).toList());
        FrameworkCatalog catalog = new FrameworkCatalog(Map.of(), ids);
        try {
            Resource[] files = new PathMatchingResourcePatternResolver(FrameworkCatalog.class.getClassLoader()).getResources(BUNDLED);
            List<Resource> sorted = new ArrayList<>(List.of(files));
            sorted.sort(Comparator.comparing(r -> String.valueOf(r.getFilename())));
            for (Resource file : sorted) {
                try (InputStream in = file.getInputStream()) {
                    catalog = catalog.with("sql/frameworks/" + file.getFilename(), in.readAllBytes());
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        if (catalog.frameworks.isEmpty()) {
            throw new IllegalStateException("the jar lacks sql/frameworks/*.yaml");
        }
        return catalog;
    }

    /**
     * The bundled frameworks plus those the policy defines in its own files. Every framework a
     * jurisdiction names must have a definition.
     *
     * @throws InvalidInputException a definition that cannot be read or cites an unknown control (exit 2)
     */
    public FrameworkCatalog forPolicy(Policy policy) {
        FrameworkCatalog catalog = this;
        for (Map.Entry<String, FrameworkRules> entry : new TreeMap<>(policy.frameworks()).entrySet()) {
            String definition = entry.getValue().definition();
            if (definition == null) {
                continue;
            }
            Path file = Path.of(definition);
            Framework added = parse(file.toString(), InputFiles.read(file, EXPECTED));
            if (!added.id().equals(entry.getKey())) {
                throw new InvalidInputException(file.toString(), "id",
                        "defines framework '" + added.id() + "'; expected '" + entry.getKey() + "', the name the policy gives it");
            }
            catalog = catalog.with(added, file.toString());
        }
        for (var jurisdiction : new TreeMap<>(policy.jurisdictions()).entrySet()) {
            for (String framework : jurisdiction.getValue().frameworks()) {
                if (!catalog.frameworks.containsKey(framework)) {
                    throw new InvalidInputException("policy", "jurisdictions." + jurisdiction.getKey() + ".frameworks",
                            "framework '" + framework + "' has no definition; expected one of the bundled " + frameworks.keySet()
                                    + " or frameworks." + framework + ".definition naming its file");
                }
            }
        }
        return catalog;
    }

    /** Every framework, sorted by id. */
    public List<Framework> frameworks() {
        return List.copyOf(frameworks.values());
    }

    public Optional<Framework> framework(String id) {
        return Optional.ofNullable(frameworks.get(id));
    }

    public Optional<Provision> provision(String framework, String ref) {
        return framework(framework).flatMap(f -> f.provisions().stream().filter(p -> p.ref().equals(ref)).findFirst());
    }

    /** Whether the framework maps the control to at least one of its provisions. */
    public boolean maps(String framework, String controlId) {
        return framework(framework).map(f -> f.maps(controlId)).orElse(false);
    }

    private FrameworkCatalog with(String name, byte[] content) {
        return with(parse(name, content), name);
    }

    private FrameworkCatalog with(Framework added, String name) {
        if (frameworks.containsKey(added.id())) {
            throw new InvalidInputException(name, "id", "framework '" + added.id() + "' is defined twice; expected each framework once");
        }
        for (Framework other : frameworks.values()) {
            if (other.reportFile().equals(added.reportFile())) {
                throw new InvalidInputException(name, "report.file", "'" + added.reportFile() + "' is the report file of "
                        + other.id() + " too; expected a report file name of its own");
            }
        }
        Map<String, Framework> all = new TreeMap<>(frameworks);
        all.put(added.id(), added);
        return new FrameworkCatalog(all, controlIds);
    }

    private Framework parse(String name, byte[] content) {
        JsonNode root;
        try {
            root = YAMLMapper.builder().build().readTree(content);
        } catch (JacksonException e) {
            throw new InvalidInputException(name, YamlErrors.place(content, e), YamlErrors.problem(e) + "; expected " + EXPECTED);
        }
        Fields fields = new Fields(name, content);
        String id = fields.text(root.path("id"), List.of("id"), ID, "a framework id of letters, digits, - or _");
        JsonNode report = root.path("report");
        String reportFile = report.has("file")
                ? fields.text(report.path("file"), List.of("report", "file"), FILE_STEM, "a file name stem of lower-case letters, digits or -")
                : id.toLowerCase(Locale.ROOT);
        String reportTitle = report.has("title")
                ? fields.text(report.path("title"), List.of("report", "title"), null, "the report's title")
                : id + " data residency evidence";
        JsonNode requirements = root.path("requirements");
        if (!requirements.isArray() || requirements.isEmpty()) {
            throw fields.problem(List.of("requirements"), "expected a list of requirements (ref, title, why, controls)");
        }
        List<Provision> provisions = new ArrayList<>();
        Set<String> refs = new HashSet<>();
        for (int i = 0; i < requirements.size(); i++) {
            JsonNode requirement = requirements.get(i);
            String ref = fields.text(requirement.path("ref"), List.of("requirements", i, "ref"), null, "the provision's reference, e.g. Art. 44");
            if (!refs.add(ref)) {
                throw fields.problem(List.of("requirements", i, "ref"), "'" + ref + "' is listed twice; expected each provision once");
            }
            JsonNode controls = requirement.path("controls");
            if (!controls.isArray() || controls.isEmpty()) {
                throw fields.problem(List.of("requirements", i, "controls"), "expected the ids of the controls that support " + ref);
            }
            List<String> ids = new ArrayList<>();
            for (int c = 0; c < controls.size(); c++) {
                String control = controls.get(c).asString();
                if (!controlIds.contains(control)) {
                    throw fields.problem(List.of("requirements", i, "controls", c),
                            "unknown control '" + control + "'; expected one of " + controlIds);
                }
                ids.add(control);
            }
            provisions.add(new Provision(id, ref,
                    fields.text(requirement.path("title"), List.of("requirements", i, "title"), null, "the provision's title"),
                    fields.text(requirement.path("why"), List.of("requirements", i, "why"), null, "why the provision bears on data residency"),
                    ids, reading(fields, requirement.path("reading"), i), policyParameters(fields, requirement.path("policyParameters"), i)));
        }
        return new Framework(id, fields.text(root.path("name"), List.of("name"), null, "the framework's full name"),
                fields.text(root.path("source"), List.of("source"), null, "where the framework's text is published"), reportFile, reportTitle, provisions);
    }

    /** The optional wording in law of a provision's problems: fail and excepted are required when it is given. */
    private static Provision.Reading reading(Fields fields, JsonNode reading, int i) {
        if (reading.isMissingNode() || reading.isNull()) {
            return null;
        }
        List<Object> at = List.of("requirements", i, "reading");
        if (!reading.isObject()) {
            throw fields.problem(at, "expected a mapping {fail, excepted, acceptedRisk, insideEea}");
        }
        for (String key : (Iterable<String>) reading.propertyNames()::iterator) {
            if (!List.of("fail", "excepted", "acceptedRisk", "insideEea").contains(key)) {
                throw fields.problem(at, "unknown key" + (key.matches("[A-Za-z]{1,40}") ? " '" + key + "'" : "")
                        + "; expected fail, excepted, acceptedRisk or insideEea");
            }
        }
        return new Provision.Reading(
                fields.text(reading.path("fail"), List.of("requirements", i, "reading", "fail"), null, "how a failure reads in law"),
                fields.text(reading.path("excepted"), List.of("requirements", i, "reading", "excepted"), null,
                        "how a failure with a recorded legal basis reads, e.g. 'transfer outside the EEA, legal basis {legalBasis} ({exceptionId})'"),
                optional(fields, reading.path("acceptedRisk"), List.of("requirements", i, "reading", "acceptedRisk")),
                optional(fields, reading.path("insideEea"), List.of("requirements", i, "reading", "insideEea")));
    }

    private static String optional(Fields fields, JsonNode node, List<Object> path) {
        return node.isMissingNode() || node.isNull() ? null : fields.text(node, path, null, "a text");
    }

    /** The policy parameters a company-policy provision names; each must be a framework rule of the policy format. */
    private static List<String> policyParameters(Fields fields, JsonNode parameters, int i) {
        if (parameters.isMissingNode() || parameters.isNull()) {
            return List.of();
        }
        if (!parameters.isArray() || parameters.isEmpty()) {
            throw fields.problem(List.of("requirements", i, "policyParameters"), "expected a list of " + Provision.POLICY_PARAMETERS);
        }
        List<String> names = new ArrayList<>();
        for (int p = 0; p < parameters.size(); p++) {
            String name = parameters.get(p).asString();
            if (!Provision.POLICY_PARAMETERS.contains(name)) {
                throw fields.problem(List.of("requirements", i, "policyParameters", p), "unknown policy parameter; expected one of "
                        + Provision.POLICY_PARAMETERS);
            }
            names.add(name);
        }
        return names;
    }

    /** Reads required text fields of one file and names the file, line and path of what is missing. */
    private record Fields(String name, byte[] content) {

        /** @param node the value found at {@code path} */
        String text(JsonNode node, List<Object> path, Pattern pattern, String expected) {
            if (!node.isString() || node.asString().isBlank() || (pattern != null && !pattern.matcher(node.asString()).matches())) {
                throw problem(path, "expected " + expected);
            }
            return node.asString();
        }

        InvalidInputException problem(List<Object> path, String message) {
            return new InvalidInputException(name, YamlErrors.place(content, path), message);
        }
    }
}
