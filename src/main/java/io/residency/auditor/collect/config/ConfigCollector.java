package io.residency.auditor.collect.config;

import io.residency.auditor.estate.Estate;
import io.residency.auditor.estate.LoadedEstate;
import io.residency.auditor.estate.SourceSpec;
import io.residency.auditor.facts.AnswerFiles;
import io.residency.auditor.facts.CollectedSource;
import io.residency.auditor.facts.InputAnswer;
import io.residency.auditor.facts.EgressFact;
import io.residency.auditor.facts.ExternalLabelsFact;
import io.residency.auditor.facts.OtelDimensionFact;
import io.residency.auditor.facts.OtelProcessorFact;
import io.residency.auditor.facts.RetentionFact;
import io.residency.auditor.facts.SourceFact;
import io.residency.auditor.facts.SourceStatus;
import io.residency.auditor.facts.StorageFact;
import io.residency.auditor.input.Sha256;
import io.residency.auditor.input.YamlErrors;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.BiConsumer;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.concurrent.CustomizableThreadFactory;
import tools.jackson.databind.JsonNode;

/**
 * Reads every configuration source of the estate into facts, each with its registered
 * {@link SourceKind}. A source that cannot be read or understood becomes an ERROR source fact with
 * the reason (file, line, what was expected); it never stops the collection of the others.
 */
public final class ConfigCollector {

    private static final Logger log = LoggerFactory.getLogger(ConfigCollector.class);

    /** The width of egress_fact.region_basis (V6). */
    static final int MAX_BASIS = 1024;

    /** Sources read at once: live endpoints wait on the network (up to 15 s each), so one slow one does not hold the rest. */
    static final int CONCURRENT_SOURCES = 8;

    private static final tools.jackson.databind.json.JsonMapper JSON = tools.jackson.databind.json.JsonMapper.builder().build();

    private final SourceFetcher fetcher;
    private final ConfigDocumentReader reader;
    private final SourceKinds kinds;

    /** With every registered kind. */
    public ConfigCollector(SourceFetcher fetcher, EnvExpander envExpander) {
        this(fetcher, envExpander, SourceKinds.registered());
    }

    public ConfigCollector(SourceFetcher fetcher, EnvExpander envExpander, SourceKinds kinds) {
        this.fetcher = fetcher;
        this.reader = new ConfigDocumentReader(envExpander);
        this.kinds = kinds;
    }

    /** @param offline judge files only: live endpoints are recorded as not read */
    public List<CollectedSource> collect(LoadedEstate loaded, boolean offline) {
        return collect(loaded, offline, ClusterSources.NONE, PersonalAttributes.NONE);
    }

    /**
     * @param offline  judge files only: live endpoints and clusters are recorded as not read
     * @param clusters reads the estate's {@code k8s:} sources
     * @param personal the policy's PII settings, which judge the attributes a collector copies into metrics
     */
    public List<CollectedSource> collect(LoadedEstate loaded, boolean offline, ClusterSources clusters, PersonalAttributes personal) {
        Estate estate = loaded.estate();
        EndpointRegions endpointRegions = new EndpointRegions(estate.endpoints());
        String thanosHost = estate.central() == null || estate.central().thanos() == null
                ? null : EndpointRegions.hostOf(estate.central().thanos().url());
        String regionLabel = estate.regionLabel();
        Map<String, Integer> idCounts = new HashMap<>();
        // Ids and contexts are fixed here, in estate order; only the reading runs side by side.
        List<Callable<CollectedSource>> reads = new ArrayList<>();
        for (var stack : estate.regions()) {
            ParseContext context = new ParseContext(stack.name(), endpointRegions, thanosHost, personal);
            for (SourceSpec spec : stack.sources()) {
                String sourceId = uniqueId(spec, stack.name(), idCounts);
                reads.add(() -> collectOne(loaded, spec, sourceId, context, offline, clusters, regionLabel));
            }
        }
        if (estate.central() != null) {
            ParseContext context = new ParseContext(estate.central().region(), endpointRegions, thanosHost, personal);
            for (SourceSpec spec : estate.central().sources()) {
                String sourceId = uniqueId(spec, "central", idCounts);
                reads.add(() -> collectOne(loaded, spec, sourceId, context, offline, clusters, regionLabel));
            }
        }
        return readAll(reads);
    }

    /**
     * Runs the reads at most {@link #CONCURRENT_SOURCES} at a time (a live endpoint may take its whole
     * timeout) and returns their results in the order given, whichever finishes first.
     */
    private static List<CollectedSource> readAll(List<Callable<CollectedSource>> reads) {
        int threads = Math.min(CONCURRENT_SOURCES, reads.size());
        if (threads <= 1) {
            return reads.stream().map(ConfigCollector::call).toList();
        }
        CustomizableThreadFactory named = new CustomizableThreadFactory("source-read-");
        named.setDaemon(true);
        ExecutorService pool = Executors.newFixedThreadPool(threads, named);
        try {
            List<CollectedSource> collected = new ArrayList<>(reads.size());
            for (Future<CollectedSource> read : pool.invokeAll(reads)) {
                collected.add(read.get());
            }
            return collected;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while reading the estate's sources", e);
        } catch (ExecutionException e) {
            throw e.getCause() instanceof RuntimeException runtime ? runtime : new IllegalStateException(e.getCause());
        } finally {
            pool.shutdownNow();
        }
    }

    private static CollectedSource call(Callable<CollectedSource> read) {
        try {
            return read.call();
        } catch (RuntimeException e) {
            throw e;
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private CollectedSource collectOne(LoadedEstate loaded, SourceSpec spec, String sourceId, ParseContext context, boolean offline,
                                       ClusterSources clusters, String regionLabel) {
        String location = spec.files() != null ? String.join(" + ", spec.files())
                : spec.file() != null ? spec.file() : spec.api() != null ? SafeUrls.redact(spec.api())
                : spec.k8s() != null ? clusters.location(spec.k8s()) : SafeUrls.redact(spec.url());
        String region = context.stackRegion();
        // The estate loader admits only registered kinds, so an unknown one here is a bug, not a source problem.
        SourceKind kind = kinds.get(spec.kind());
        // What a live source answered, kept for the bundle even when it could not be understood.
        List<InputAnswer> answers = new ArrayList<>();
        String answerRef = spec.api() == null ? AnswerFiles.sourceCopy(sourceId)
                : AnswerFiles.call(deciding(kind), AnswerFiles.api(sourceId, deciding(kind)));
        try {
            if (offline && (spec.url() != null || spec.api() != null)) {
                throw new SourceReadException("a live endpoint is not read offline; point the estate at the release's config file");
            }
            if (offline && spec.k8s() != null) {
                throw new SourceReadException("a Kubernetes source is not read offline; point the estate at the release's rendered config file");
            }
            ConfigDocument document;
            if (spec.k8s() != null) {
                // The key's text is parsed exactly like a file's bytes; the location names the key chosen.
                ClusterDocument fetched = received(answers, sourceId, () -> clusters.fetch(spec.k8s(), ConfigMapExtractor.usualKeys(kind)),
                        ClusterDocument::content);
                location = fetched.location();
                document = reader.read(fetched.content(), spec, kind);
            } else if (spec.url() != null) {
                document = reader.read(received(answers, sourceId, () -> fetcher.fetchUrl(spec), bytes -> bytes), spec, kind);
            } else {
                document = spec.files() != null ? readMerged(loaded, spec, kind)
                        : spec.api() != null ? readApi(spec, kind, (path, bytes) -> answers.add(InputAnswer.received(AnswerFiles.api(sourceId, path), bytes)))
                        : reader.read(fetcher.fetchFile(loaded, spec.file()), spec, kind);
            }
            ParsedConfig parsed = parse(kind, document, context.withInClusterStores(document.inClusterStores()));
            CollectedSource result = new CollectedSource(
                    new SourceFact(sourceId, region, spec.kind(), location, SourceStatus.OK, null, document.sha256()),
                    parsed.storage().stream().map(at -> new StorageFact(sourceId, region, spec.kind(),
                            kinds.storedDataClassOf(kind.name()).policyName(), at.configPath(), at.backend(), at.bucket(),
                            at.declaredRegion(), at.regionBasis(), at.endpoint(), at.inEffect(), at.usedBy(),
                            lineOf(document, at.configPath()))).toList(),
                    distinctEgress(parsed.egress()).stream().map(e -> new EgressFact(sourceId, region, spec.kind(), e.configPath(), e.dataClass(),
                            e.direction(), e.endpoint(), e.originRegion(), e.destinationRegion(), bounded(e.regionBasis()),
                            lineOf(document, e.configPath()))).toList(),
                    parsed.retention().stream().map(r -> new RetentionFact(sourceId, region, spec.kind(), r.configPath(), r.tenant(),
                            r.scope(), r.hours(), r.enforced(), null, null, lineOf(document, r.configPath()))).toList(),
                    parsed.dimensions().stream().map(d -> new OtelDimensionFact(sourceId, region, d.configPath(), d.connector(),
                            d.attribute(), d.personalPattern(), d.exportedBy(), lineOf(document, d.configPath()))).toList(),
                    parsed.processors().stream().map(p -> new OtelProcessorFact(sourceId, region, p.configPath(), p.processor(), p.type(),
                            p.pipelines(), p.redacts(), p.redactionCalls(), p.errorMode(), p.allowAllKeys(),
                            lineOf(document, p.configPath()))).toList(),
                    parsed.externalLabels() == null ? List.of()
                            : List.of(externalLabelsFact(sourceId, region, parsed.externalLabels(), regionLabel, document)),
                    List.of(), null).withAnswers(answers, answerRef);
            log.debug("Source {} ({}): {} facts", sourceId, location, result.factCount());
            return result;
        } catch (SourceReadException e) {
            log.warn("Source {} ({}) not read: {}", sourceId, location, e.getMessage());
            return CollectedSource.failed(new SourceFact(sourceId, region, spec.kind(), location, SourceStatus.ERROR, e.getMessage(), null))
                    .withAnswers(answers, answerRef);
        }
    }

    /** The endpoint of a kind's API whose answer decides its findings. */
    private static String deciding(SourceKind kind) {
        return "grafana-datasources".equals(kind.name()) ? GrafanaDatasourcesApi.DECIDING : PrometheusApi.DECIDING;
    }

    /**
     * The text a url: or k8s: source served, kept as read (as far as read when it was cut off) at
     * the source's copy, so its findings' lines point into the bundle.
     */
    private static <T> T received(List<InputAnswer> answers, String sourceId, KeptAnswer.Read<T> read, Function<T, byte[]> content)
            throws SourceReadException {
        return KeptAnswer.read(read, content, bytes -> answers.add(InputAnswer.received(AnswerFiles.sourceCopy(sourceId), bytes)));
    }

    /**
     * A config read through the component's own API: the kind's parser reads what the API answered
     * as it reads the file. Its findings carry no line: they point at the answer kept under inputs/api/.
     */
    private ConfigDocument readApi(SourceSpec spec, SourceKind kind, BiConsumer<String, byte[]> received)
            throws SourceReadException {
        ApiDocument answer = switch (kind.name()) {
            case "prometheus" -> PrometheusApi.read(fetcher, spec, received);
            case "grafana-datasources" -> GrafanaDatasourcesApi.read(fetcher, spec, received);
            // The estate loader admits api: only for the kinds above.
            default -> throw new IllegalStateException("api: is not read for kind " + kind.name());
        };
        ConfigDocument read = reader.read(answer.document(), spec, kind);
        return new ConfigDocument(read.root(), read.sha256(), read.content(), answer.origin());
    }

    /**
     * Several files merged in order, as the collector merges repeated {@code --config} flags. Lines
     * are not kept: a merged path has no one line in any of the files.
     */
    private ConfigDocument readMerged(LoadedEstate loaded, SourceSpec spec, SourceKind kind) throws SourceReadException {
        JsonNode merged = null;
        StringBuilder digests = new StringBuilder();
        for (String file : spec.files()) {
            ConfigDocument one;
            try {
                one = reader.read(fetcher.fetchFile(loaded, file), spec, kind);
            } catch (SourceReadException e) {
                throw new SourceReadException(file + ": " + e.getMessage(), e);
            }
            merged = OtelConfigMerge.merge(merged, one.root().node());
            digests.append(one.sha256());
        }
        return new ConfigDocument(ConfigTree.root(merged), Sha256.hex(digests.toString().getBytes(StandardCharsets.UTF_8)), null,
                "merged from " + String.join(", ", spec.files()) + ", later files winning");
    }

    /**
     * One fact per egress_fact key (config path, endpoint, data class): two alike flows, such as one
     * exporter in two pipelines of one signal, are one flow and must never fail the run on the key.
     */
    static List<EgressTarget> distinctEgress(List<EgressTarget> egress) {
        Map<List<String>, EgressTarget> distinct = new LinkedHashMap<>();
        egress.forEach(e -> distinct.putIfAbsent(List.of(e.configPath(), e.endpoint(), e.dataClass()), e));
        return List.copyOf(distinct.values());
    }

    /** A basis longer than egress_fact.region_basis holds is cut, never a failed run. */
    static String bounded(String basis) {
        return basis.length() <= MAX_BASIS ? basis : basis.substring(0, MAX_BASIS - 1) + "\u2026";
    }

    /**
     * Parses with the kind. A value of the wrong shape is reported with its line (where the tree maps
     * to the file) and path; a flow of a data class the kind does not declare is a bug of the kind.
     */
    static ParsedConfig parse(SourceKind kind, ConfigDocument document, ParseContext context) throws SourceReadException {
        ParsedConfig parsed;
        try {
            parsed = kind.parse(document.root(), context);
        } catch (ConfigShapeException e) {
            String place = document.lines().place(e.path());
            String origin = document.origin().isEmpty() ? "" : " (" + document.origin() + ")";
            throw new SourceReadException(place + origin + ": " + e.getMessage(), e);
        }
        List<String> declared = kind.dataClasses().stream().map(DataClassName::policyName).toList();
        parsed.egress().stream().filter(e -> !declared.contains(e.dataClass())).findFirst().ifPresent(e -> {
            throw new IllegalStateException("source kind " + kind.name() + " reported a flow of " + e.dataClass()
                    + " at " + e.configPath() + " but declares only " + declared);
        });
        return parsed;
    }

    /**
     * What a Prometheus's external labels say about its region: the region label's value and the
     * line that sets it (else the line of external_labels, else none).
     */
    private static ExternalLabelsFact externalLabelsFact(String sourceId, String region, ExternalLabels labels, String regionLabel,
                                                         ConfigDocument document) {
        String value = labels.labels().get(regionLabel);
        // The label's own line by its path as a list: a label name may hold a dot, which a path text would split.
        int labelLine = value == null ? -1 : document.lines().lineOf(List.of("global", "external_labels", regionLabel));
        Integer line = labelLine > 0 ? Integer.valueOf(labelLine) : lineOf(document, ExternalLabels.CONFIG_PATH);
        return new ExternalLabelsFact(sourceId, region, JSON.writeValueAsString(labels.labels()), regionLabel, value, line);
    }

    /** The line of a config path in the source file: the raw file's, the manifest's, or the Helm value's it came from. */
    private static Integer lineOf(ConfigDocument document, String configPath) {
        int line = document.lines().lineOf(YamlErrors.parse(configPath));
        return line > 0 ? line : null;
    }

    /** Sources without an id are named region/kind, numbered when a region has several of a kind. */
    private static String uniqueId(SourceSpec spec, String region, Map<String, Integer> counts) {
        String base = spec.id() != null ? spec.id() : region + "/" + spec.kind();
        int seen = counts.merge(base, 1, Integer::sum);
        return seen == 1 ? base : base + "#" + seen;
    }
}
