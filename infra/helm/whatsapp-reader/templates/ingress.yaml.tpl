{{- if .Values.ingress.enabled }}
apiVersion: networking.k8s.io/v1
kind: Ingress
metadata:
  name: {{ include "wr.fullname" . }}
  namespace: {{ .Release.Namespace }}
  labels:
    {{- include "wr.labels" . | nindent 4 }}
  {{- with .Values.ingress.annotations }}
  annotations:
    {{- toYaml . | nindent 4 }}
  {{- end }}
spec:
  ingressClassName: {{ .Values.ingress.className }}
  tls:
    - hosts:
        - {{ .Values.ingress.host }}
      secretName: {{ .Values.ingress.tlsSecretName }}
  rules:
    - host: {{ .Values.ingress.host }}
      http:
        paths:
          - path: /
            pathType: Prefix
            backend:
              service:
                name: {{ include "wr.fullname" . }}-api
                port:
                  name: http
---
# /metrics is for Prometheus, which scrapes the pods directly: refused through the public entry.
apiVersion: networking.k8s.io/v1
kind: Ingress
metadata:
  name: {{ include "wr.fullname" . }}-metrics
  namespace: {{ .Release.Namespace }}
  labels:
    {{- include "wr.labels" . | nindent 4 }}
  annotations:
    nginx.ingress.kubernetes.io/whitelist-source-range: 127.0.0.1/32
    nginx.ingress.kubernetes.io/allowlist-source-range: 127.0.0.1/32
spec:
  ingressClassName: {{ .Values.ingress.className }}
  tls:
    - hosts:
        - {{ .Values.ingress.host }}
      secretName: {{ .Values.ingress.tlsSecretName }}
  rules:
    - host: {{ .Values.ingress.host }}
      http:
        paths:
          - path: /metrics
            pathType: Exact
            backend:
              service:
                name: {{ include "wr.fullname" . }}-api
                port:
                  name: http
{{- end }}
