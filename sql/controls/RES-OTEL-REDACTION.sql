-- RES-OTEL-REDACTION: redaction inside the collectors of GDPR regions fails closed. A transform
-- processor whose statements delete, mask or hash attributes, run with error_mode ignore or silent,
-- skips a failing statement and sends the data unredacted; a redaction processor with
-- allow_all_keys: true keeps every attribute it was not told to block. Processors that do not redact
-- are not judged.
SELECT
    CASE
        WHEN p.processor_type = 'transform' AND p.error_mode IN ('ignore', 'silent') THEN 'FAIL'
        WHEN p.processor_type = 'redaction' AND p.allow_all_keys = TRUE THEN 'FAIL'
        ELSE 'PASS'
    END AS status,
    p.region,
    j.jurisdiction,
    p.source_id || ' ' || p.config_path AS resource,
    CASE
        WHEN p.processor_type = 'transform' AND p.error_mode IN ('ignore', 'silent') THEN 'Processor ' || p.processor
            || ' redacts (' || p.redaction_calls || ') with error_mode: ' || p.error_mode || ' in pipelines ' || p.pipelines
            || ': a statement that fails is skipped and the data leaves unredacted'
        WHEN p.processor_type = 'transform' THEN 'Processor ' || p.processor || ' redacts (' || p.redaction_calls
            || ') with error_mode: ' || p.error_mode || ' in pipelines ' || p.pipelines || ': a failing statement stops the data'
        WHEN p.allow_all_keys = TRUE THEN 'Processor ' || p.processor || ' has allow_all_keys: true in pipelines ' || p.pipelines
            || ': every attribute not blocked by value passes, so redaction fails open'
        ELSE 'Processor ' || p.processor || ' keeps only its allowed_keys in pipelines ' || p.pipelines || ' (allow_all_keys is false)'
    END AS message,
    p.processor,
    p.processor_type,
    p.pipelines,
    p.redaction_calls,
    p.error_mode,
    p.allow_all_keys,
    p.config_path,
    src.location AS file,
    p.line,
    p.source_id,
    src.answer_ref
FROM otel_processor_fact p
JOIN source_fact src ON src.run_id = p.run_id AND src.source_id = p.source_id
LEFT JOIN run_jurisdiction_region j ON j.run_id = p.run_id AND j.region = p.region
WHERE p.run_id = :runId
  AND p.redacts = TRUE
  AND EXISTS (SELECT 1 FROM run_residency_rule rule
              WHERE rule.run_id = p.run_id AND rule.jurisdiction = j.jurisdiction AND UPPER(rule.framework) = 'GDPR')
