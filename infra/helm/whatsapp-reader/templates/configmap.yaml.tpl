apiVersion: v1
kind: ConfigMap
metadata:
  name: {{ include "wr.fullname" . }}-config
  namespace: {{ .Release.Namespace }}
  labels:
    {{- include "wr.labels" . | nindent 4 }}
data:
  {{- range $key, $value := .Values.config }}
  {{ $key }}: {{ $value | toString | quote }}
  {{- end }}
  UPSTASH_REDIS_REST_URL: {{ printf "http://%s-redis-rest:%v" (include "wr.fullname" .) .Values.redisRest.port | quote }}
