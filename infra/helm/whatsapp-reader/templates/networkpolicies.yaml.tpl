{{- if .Values.networkPolicy.enabled }}
{{- $fullname := include "wr.fullname" . }}
{{- $api := dict "root" . "component" "api" }}
{{- $worker := dict "root" . "component" "worker" }}
{{- $bridge := dict "root" . "component" "redis-rest" }}
apiVersion: networking.k8s.io/v1
kind: NetworkPolicy
metadata:
  name: {{ $fullname }}-default-deny
  namespace: {{ .Release.Namespace }}
  labels:
    {{- include "wr.labels" . | nindent 4 }}
spec:
  podSelector: {}
  policyTypes:
    - Ingress
    - Egress
---
apiVersion: networking.k8s.io/v1
kind: NetworkPolicy
metadata:
  name: {{ $fullname }}-api
  namespace: {{ .Release.Namespace }}
  labels:
    {{- include "wr.labels" . | nindent 4 }}
spec:
  podSelector:
    matchLabels:
      {{- include "wr.componentSelectorLabels" $api | nindent 6 }}
  policyTypes:
    - Ingress
    - Egress
  ingress:
    - from:
        - namespaceSelector:
            matchLabels:
              kubernetes.io/metadata.name: {{ .Values.networkPolicy.ingressControllerNamespace }}
      ports:
        - protocol: TCP
          port: {{ .Values.config.PORT | int }}
    - from:
        - namespaceSelector:
            matchLabels:
              kubernetes.io/metadata.name: {{ .Values.networkPolicy.monitoringNamespace }}
      ports:
        - protocol: TCP
          port: {{ .Values.config.PORT | int }}
  egress:
    {{- include "wr.egressDns" . | nindent 4 }}
    {{- include "wr.egressPostgres" . | nindent 4 }}
    {{- include "wr.egressRedisRest" . | nindent 4 }}
    {{- include "wr.egressObjectStore" . | nindent 4 }}
---
apiVersion: networking.k8s.io/v1
kind: NetworkPolicy
metadata:
  name: {{ $fullname }}-worker
  namespace: {{ .Release.Namespace }}
  labels:
    {{- include "wr.labels" . | nindent 4 }}
spec:
  podSelector:
    matchLabels:
      {{- include "wr.componentSelectorLabels" $worker | nindent 6 }}
  policyTypes:
    - Ingress
    - Egress
  ingress:
    - from:
        - namespaceSelector:
            matchLabels:
              kubernetes.io/metadata.name: {{ .Values.networkPolicy.monitoringNamespace }}
      ports:
        - protocol: TCP
          port: {{ .Values.config.WORKER_PORT | int }}
  egress:
    {{- include "wr.egressDns" . | nindent 4 }}
    {{- include "wr.egressPostgres" . | nindent 4 }}
    {{- include "wr.egressRedisRest" . | nindent 4 }}
    {{- include "wr.egressObjectStore" . | nindent 4 }}
---
apiVersion: networking.k8s.io/v1
kind: NetworkPolicy
metadata:
  name: {{ $fullname }}-redis-rest
  namespace: {{ .Release.Namespace }}
  labels:
    {{- include "wr.labels" . | nindent 4 }}
spec:
  podSelector:
    matchLabels:
      {{- include "wr.componentSelectorLabels" $bridge | nindent 6 }}
  policyTypes:
    - Ingress
    - Egress
  ingress:
    - from:
        - podSelector:
            matchLabels:
              {{- include "wr.componentSelectorLabels" $api | nindent 14 }}
        - podSelector:
            matchLabels:
              {{- include "wr.componentSelectorLabels" $worker | nindent 14 }}
      ports:
        - protocol: TCP
          port: {{ .Values.redisRest.port }}
  egress:
    {{- include "wr.egressDns" . | nindent 4 }}
    - to:
    {{- if .Values.redis.enabled }}
        - podSelector:
            matchLabels:
              app.kubernetes.io/name: redis
              app.kubernetes.io/instance: {{ .Release.Name }}
    {{- else }}
    {{- range .Values.networkPolicy.redisCidrs }}
        - ipBlock:
            cidr: {{ . }}
    {{- end }}
    {{- end }}
      ports:
        - protocol: TCP
          port: 6379
---
apiVersion: networking.k8s.io/v1
kind: NetworkPolicy
metadata:
  name: {{ $fullname }}-migrate
  namespace: {{ .Release.Namespace }}
  labels:
    {{- include "wr.labels" . | nindent 4 }}
spec:
  podSelector:
    matchLabels:
      {{- include "wr.componentSelectorLabels" (dict "root" . "component" "migrate") | nindent 6 }}
  policyTypes:
    - Ingress
    - Egress
  ingress: []
  egress:
    {{- include "wr.egressDns" . | nindent 4 }}
    {{- include "wr.egressPostgres" . | nindent 4 }}
{{- if .Values.backup.enabled }}
---
apiVersion: networking.k8s.io/v1
kind: NetworkPolicy
metadata:
  name: {{ $fullname }}-backup
  namespace: {{ .Release.Namespace }}
  labels:
    {{- include "wr.labels" . | nindent 4 }}
spec:
  podSelector:
    matchLabels:
      {{- include "wr.componentSelectorLabels" (dict "root" . "component" "backup") | nindent 6 }}
  policyTypes:
    - Ingress
    - Egress
  ingress: []
  egress:
    {{- include "wr.egressDns" . | nindent 4 }}
    {{- include "wr.egressPostgres" . | nindent 4 }}
    {{- include "wr.egressObjectStore" . | nindent 4 }}
{{- end }}
{{- end }}
