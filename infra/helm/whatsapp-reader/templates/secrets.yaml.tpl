{{- /* No secret has a default in values.yaml: each is required (wr.appSecretData). */ -}}
{{- if .Values.secrets.create }}
{{- $fullname := include "wr.fullname" . }}
apiVersion: v1
kind: Secret
metadata:
  name: {{ $fullname }}-secrets
  namespace: {{ .Release.Namespace }}
  labels:
    {{- include "wr.labels" . | nindent 4 }}
type: Opaque
stringData:
  {{- include "wr.appSecretData" . | trim | nindent 2 }}
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
