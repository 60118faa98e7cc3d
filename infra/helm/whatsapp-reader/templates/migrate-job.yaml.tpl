{{- $component := dict "root" . "component" "migrate" }}
# Runs after install (the web app also migrates at start) and before every upgrade, so new
# pods find the schema they expect.
apiVersion: batch/v1
kind: Job
metadata:
  name: {{ include "wr.fullname" . }}-migrate
  namespace: {{ .Release.Namespace }}
  labels:
    {{- include "wr.componentLabels" $component | nindent 4 }}
  annotations:
    helm.sh/hook: post-install,pre-upgrade
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
            {{- include "wr.appEnvFrom" . | nindent 12 }}
          resources:
            {{- toYaml .Values.migrate.resources | nindent 12 }}
          securityContext:
            {{- toYaml .Values.containerSecurityContext | nindent 12 }}
