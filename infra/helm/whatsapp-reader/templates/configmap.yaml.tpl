apiVersion: v1
kind: ConfigMap
metadata:
  name: {{ include "wr.fullname" . }}-config
  namespace: {{ .Release.Namespace }}
  labels:
    {{- include "wr.labels" . | nindent 4 }}
data:
  {{- include "wr.configData" . | trim | nindent 2 }}
