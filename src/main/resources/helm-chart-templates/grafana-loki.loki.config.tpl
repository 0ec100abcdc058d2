{{- if .Values.enterprise.enabled}}
{{- tpl .Values.enterprise.config . }}
{{- else }}
auth_enabled: {{ .Values.loki.auth_enabled }}
{{- end }}

{{- with .Values.loki.server }}
server:
  {{- toYaml . | nindent 2}}
{{- end}}

{{- with .Values.loki.pattern_ingester }}
pattern_ingester:
  {{- tpl (. | toYaml) $ | nindent 4 }}
{{- end }}

memberlist:
{{- if .Values.loki.memberlistConfig }}
  {{- toYaml .Values.loki.memberlistConfig | nindent 2 }}
{{- else }}
{{- if .Values.loki.extraMemberlistConfig}}
{{- toYaml .Values.loki.extraMemberlistConfig | nindent 2}}
{{- end }}
  join_members:
    - {{ include "loki.memberlist" . }}.{{ include "loki.namespace" $ }}.svc.{{ .Values.global.clusterDomain }}
    {{- with .Values.migrate.fromDistributed }}
    {{- if .enabled }}
    - {{ .memberlistService }}
    {{- end }}
    {{- end }}
{{- end }}

{{- with .Values.loki.ingester }}
ingester:
  {{- tpl (. | toYaml) $ | nindent 4 }}
{{- end }}

{{- with .Values.loki.ingester_client }}
ingester_client:
  {{- tpl (. | toYaml) $ | nindent 4 }}
{{- end }}

{{- with .Values.loki.block_builder }}
block_builder:
  {{- tpl (. | toYaml) $ | nindent 4 }}
{{- end }}

{{- if .Values.loki.commonConfig}}
common:
{{- toYaml .Values.loki.commonConfig | nindent 2}}
  storage:
  {{- include "loki.commonStorageConfig" . | nindent 4}}
{{- end}}

{{- with .Values.loki.limits_config }}
limits_config:
  {{- tpl (. | toYaml) $ | nindent 4 }}
{{- end }}

runtime_config:
  file: /etc/loki/runtime-config/runtime-config.yaml

{{- if .Values.chunksCache.enabled }}
{{- with .Values.chunksCache }}
chunk_store_config:
  chunk_cache_config:
    default_validity: {{ .defaultValidity }}
    background:
      writeback_goroutines: {{ .writebackParallelism }}
      writeback_buffer: {{ .writebackBuffer }}
      writeback_size_limit: {{ .writebackSizeLimit }}
    memcached:
      batch_size: {{ .batchSize }}
      parallelism: {{ .parallelism }}
    memcached_client:
      addresses: {{ .addresses }}
      consistent_hash: true
      timeout: {{ .timeout }}
      max_idle_conns: 72
  {{- end }}
  {{- with .Values.chunksCache.l2 }}
  {{- if .enabled }}
  l2_chunk_cache_handoff: {{ .l2ChunkCacheHandoff }}
  chunk_cache_config_l2:
    default_validity: {{ .defaultValidity }}
    background:
      writeback_goroutines: {{ .writebackParallelism }}
      writeback_buffer: {{ .writebackBuffer }}
      writeback_size_limit: {{ .writebackSizeLimit }}
    memcached:
      batch_size: {{ .batchSize }}
      parallelism: {{ .parallelism }}
    memcached_client:
      addresses: {{ .addresses }}
      consistent_hash: true
      timeout: {{ .timeout }}
      max_idle_conns: 72
  {{- end }}
  {{- end }}
{{- end }}

{{- if .Values.loki.schemaConfig }}
schema_config:
{{- toYaml .Values.loki.schemaConfig | nindent 2}}
{{- end }}

{{- if .Values.loki.useTestSchema }}
schema_config:
{{- toYaml .Values.loki.testSchemaConfig | nindent 2}}
{{- end }}

{{- if .Values.ruler.enabled }}
{{ include "loki.rulerConfig" . }}
{{- end }}

{{- if and .Values.loki.storage.use_thanos_objstore .Values.ruler.enabled}}
ruler_storage:
  {{- include "loki.rulerThanosStorageConfig" . | nindent 2 }}
{{- end }}

{{- if or .Values.tableManager.retention_deletes_enabled .Values.tableManager.retention_period }}
table_manager:
  retention_deletes_enabled: {{ .Values.tableManager.retention_deletes_enabled }}
  retention_period: {{ .Values.tableManager.retention_period }}
{{- end }}

query_range:
  align_queries_with_step: true
  {{- with .Values.loki.query_range }}
  {{- tpl (. | toYaml) $ | nindent 2 }}
  {{- end }}
  {{- if .Values.resultsCache.enabled }}
  {{- with .Values.resultsCache }}
  cache_results: true
  results_cache:
    cache:
      default_validity: {{ .defaultValidity }}
      background:
        writeback_goroutines: {{ .writebackParallelism }}
        writeback_buffer: {{ .writebackBuffer }}
        writeback_size_limit: {{ .writebackSizeLimit }}
      memcached_client:
        addresses: {{ .addresses }}
        consistent_hash: true
        timeout: {{ .timeout }}
        update_interval: 1m
  {{- end }}
  {{- end }}

{{- with .Values.loki.storage_config }}
storage_config:
    {{- if not (hasKey $.Values.loki.storage_config "use_thanos_objstore") }}
    use_thanos_objstore: {{ $.Values.loki.storage.use_thanos_objstore }}
    {{- end }}
    {{- tpl (. | toYaml) $ | nindent 4 }}
{{- end }}

{{- with .Values.loki.query_scheduler }}
query_scheduler:
  {{- tpl (. | toYaml) $ | nindent 4 }}
{{- end }}

{{- with .Values.loki.compactor }}
compactor:
  {{- tpl (. | toYaml) $ | nindent 4 }}
{{- end }}

{{- with .Values.loki.compactor_grpc_client }}
compactor_grpc_client:
  {{- tpl (. | toYaml) $ | nindent 4 }}
{{- end }}

{{- with .Values.loki.analytics }}
analytics:
  {{- tpl (. | toYaml) $ | nindent 4 }}
{{- end }}

{{- if .Values.loki.ui.enabled }}
ui:
  enabled: true
{{- end }}
{{- with .Values.loki.querier }}
querier:
  {{- tpl (. | toYaml) $ | nindent 4 }}
{{- end }}

{{- with .Values.loki.index_gateway }}
index_gateway:
  {{- tpl (. | toYaml) $ | nindent 4 }}
{{- end }}

{{- with .Values.loki.frontend }}
frontend:
  {{- tpl (. | toYaml) $ | nindent 4 }}
{{- end }}

{{- with .Values.loki.frontend_worker }}
frontend_worker:
  {{- tpl (. | toYaml) $ | nindent 4 }}
{{- end }}

{{- with .Values.loki.distributor }}
distributor:
  {{- tpl (. | toYaml) $ | nindent 4 }}
{{- end }}

tracing:
  enabled: {{ .Values.loki.tracing.enabled }}

{{- with .Values.loki.bloom_build }}
bloom_build:
  {{- tpl (. | toYaml) $ | nindent 4 }}
{{- end }}

{{- with .Values.loki.bloom_gateway }}
bloom_gateway:
  {{- tpl (. | toYaml) $ | nindent 4 }}
{{- end }}

{{- with .Values.loki.operational_config }}
operational_config:
  {{- tpl (. | toYaml) $ | nindent 4 }}
{{- end }}
