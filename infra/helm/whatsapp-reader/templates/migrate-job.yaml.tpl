{{- $fullname := include "wr.fullname" . }}
{{- $component := dict "root" . "component" "migrate" }}
# The migration Job's environment. Helm runs pre-upgrade hooks before it updates the release's
# objects: a Job reading the release's ConfigMap and Secret would migrate with the previous
# release's values (another DATABASE_URL, a variable the new image requires missing). It reads
# these copies instead, rendered from this release's values: hooks of the Job's events with a
# lower weight, so Helm creates them first, and deleted once the hooks succeed (a failed run
# leaves them until the next one replaces them).
apiVersion: v1
kind: ConfigMap
metadata:
  name: {{ $fullname }}-migrate-config
  namespace: {{ .Release.Namespace }}
  labels:
    {{- include "wr.componentLabels" $component | nindent 4 }}
  annotations:
    {{- include "wr.migrateEnvHook" . | nindent 4 }}
data:
  {{- include "wr.configData" . | trim | nindent 2 }}
{{- if .Values.secrets.create }}
---
apiVersion: v1
kind: Secret
metadata:
  name: {{ $fullname }}-migrate-secrets
  namespace: {{ .Release.Namespace }}
  labels:
    {{- include "wr.componentLabels" $component | nindent 4 }}
  annotations:
    {{- include "wr.migrateEnvHook" . | nindent 4 }}
type: Opaque
stringData:
  {{- include "wr.appSecretData" . | trim | nindent 2 }}
{{- end }}
---
# Runs after install (the web app also migrates at start) and before every upgrade, so new
# pods find the schema they expect. Not pre-install: the ServiceAccount and the NetworkPolicy
# it runs under are created with the release, after the pre-install hooks.
apiVersion: batch/v1
kind: Job
metadata:
  name: {{ $fullname }}-migrate
  namespace: {{ .Release.Namespace }}
  labels:
    {{- include "wr.componentLabels" $component | nindent 4 }}
  annotations:
    helm.sh/hook: {{ include "wr.migrateHookEvents" . }}
    helm.sh/hook-weight: "0"
    helm.sh/hook-delete-policy: before-hook-creation
spec:
  backoffLimit: 3
  activeDeadlineSeconds: 900
  template:
    metadata:
      labels:
        {{- include "wr.componentLabels" $component | nindent 8 }}
    spec:
      restartPolicy: Never
      {{- include "wr.podSpecCommon" . | nindent 6 }}
      containers:
        - name: migrate
          image: {{ include "wr.image" . }}
          imagePullPolicy: {{ .Values.image.pullPolicy }}
          command: ["deno", "run", "-A", "--cached-only", "lib/db/migrate_cli.ts"]
          envFrom:
            - configMapRef:
                name: {{ $fullname }}-migrate-config
            - secretRef:
                {{- if .Values.secrets.create }}
                name: {{ $fullname }}-migrate-secrets
                {{- else }}
                # Made outside Helm (secrets.create=false): already what this release runs with.
                name: {{ $fullname }}-secrets
                {{- end }}
          resources:
            {{- toYaml .Values.migrate.resources | nindent 12 }}
          securityContext:
            {{- toYaml .Values.containerSecurityContext | nindent 12 }}
