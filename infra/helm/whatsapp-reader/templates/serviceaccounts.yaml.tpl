apiVersion: v1
kind: ServiceAccount
metadata:
  name: {{ include "wr.fullname" . }}
  namespace: {{ .Release.Namespace }}
  labels:
    {{- include "wr.labels" . | nindent 4 }}
automountServiceAccountToken: false
{{- if .Values.backup.enabled }}
---
apiVersion: v1
kind: ServiceAccount
metadata:
  name: {{ include "wr.fullname" . }}-backup
  namespace: {{ .Release.Namespace }}
  labels:
    {{- include "wr.labels" . | nindent 4 }}
  {{- with .Values.backup.roleArn }}
  annotations:
    eks.amazonaws.com/role-arn: {{ . }}
  {{- end }}
automountServiceAccountToken: false
{{- end }}
