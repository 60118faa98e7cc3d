{{- /* No secret has a default in values.yaml: each is required, never a placeholder. */ -}}
{{- if .Values.secrets.create }}
{{- $fullname := include "wr.fullname" . }}
{{- $values := .Values.secrets.values }}
apiVersion: v1
kind: Secret
metadata:
  name: {{ $fullname }}-secrets
  namespace: {{ .Release.Namespace }}
  labels:
    {{- include "wr.labels" . | nindent 4 }}
type: Opaque
stringData:
  {{- range $key, $value := $values }}
  {{- if and (eq $key "DATABASE_URL") $.Values.postgresql.enabled }}
  {{- $pg := $.Values.postgresql.auth }}
  DATABASE_URL: {{ printf "postgres://%s:%s@%s-postgresql:5432/%s" $pg.username (required "postgresql.auth.password is required with postgresql.enabled" $pg.password) $.Release.Name $pg.database | quote }}
  {{- else }}
  {{ $key }}: {{ required (printf "secrets.values.%s is required (or secrets.create=false)" $key) $value | quote }}
  {{- end }}
  {{- end }}
---
apiVersion: v1
kind: Secret
metadata:
  name: {{ $fullname }}-redis
  namespace: {{ .Release.Namespace }}
  labels:
    {{- include "wr.labels" . | nindent 4 }}
type: Opaque
stringData:
  {{- if .Values.redis.enabled }}
  REDIS_URL: {{ printf "redis://:%s@%s-redis-master:6379" (required "redis.auth.password is required with redis.enabled" .Values.redis.auth.password) .Release.Name | quote }}
  {{- else }}
  REDIS_URL: {{ required "secrets.redisUrl is required (or redis.enabled, or secrets.create=false)" .Values.secrets.redisUrl | quote }}
  {{- end }}
{{- end }}
