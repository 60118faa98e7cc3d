{{- if .Values.backup.enabled }}
{{- $component := dict "root" . "component" "backup" }}
apiVersion: batch/v1
kind: CronJob
metadata:
  name: {{ include "wr.fullname" . }}-backup
  namespace: {{ .Release.Namespace }}
  labels:
    {{- include "wr.componentLabels" $component | nindent 4 }}
spec:
  schedule: {{ .Values.backup.schedule | quote }}
  timeZone: {{ .Values.backup.timeZone }}
  concurrencyPolicy: Forbid
  startingDeadlineSeconds: 3600
  successfulJobsHistoryLimit: 3
  failedJobsHistoryLimit: 5
  jobTemplate:
    spec:
      backoffLimit: 2
      activeDeadlineSeconds: 10800
      template:
        metadata:
          labels:
            {{- include "wr.componentLabels" $component | nindent 12 }}
        spec:
          restartPolicy: Never
          serviceAccountName: {{ include "wr.fullname" . }}-backup
          automountServiceAccountToken: false
          securityContext:
            runAsNonRoot: true
            runAsUser: 999
            runAsGroup: 999
            seccompProfile:
              type: RuntimeDefault
          containers:
            - name: backup
              image: {{ include "wr.backupImage" . }}
              imagePullPolicy: {{ .Values.image.pullPolicy }}
              command: ["/usr/local/bin/backup.sh"]
              env:
                - name: DATABASE_URL
                  valueFrom:
                    secretKeyRef:
                      name: {{ include "wr.fullname" . }}-secrets
                      key: DATABASE_URL
                - name: BACKUP_S3_URI
                  value: {{ .Values.backup.s3Uri }}
                - name: AWS_REGION
                  value: {{ .Values.backup.awsRegion }}
                - name: HOME
                  value: /tmp
              resources:
                {{- toYaml .Values.backup.resources | nindent 16 }}
              securityContext:
                {{- toYaml .Values.containerSecurityContext | nindent 16 }}
              volumeMounts:
                - name: tmp
                  mountPath: /tmp
          volumes:
            - name: tmp
              emptyDir:
                sizeLimit: 1Gi
{{- end }}
