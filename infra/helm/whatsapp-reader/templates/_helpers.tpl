{{/*
Manifest templates end in .yaml.tpl (Helm renders every file here but _*.tpl and NOTES.txt):
the repository's `deno fmt --check` parses *.yaml files, and templates are not YAML.
*/}}

{{- define "wr.name" -}}
{{- default .Chart.Name .Values.nameOverride | trunc 63 | trimSuffix "-" -}}
{{- end -}}

{{- define "wr.fullname" -}}
{{- if .Values.fullnameOverride -}}
{{- .Values.fullnameOverride | trunc 63 | trimSuffix "-" -}}
{{- else -}}
{{- $name := default .Chart.Name .Values.nameOverride -}}
{{- if contains $name .Release.Name -}}
{{- .Release.Name | trunc 63 | trimSuffix "-" -}}
{{- else -}}
{{- printf "%s-%s" .Release.Name $name | trunc 63 | trimSuffix "-" -}}
{{- end -}}
{{- end -}}
{{- end -}}

{{- define "wr.selectorLabels" -}}
app.kubernetes.io/name: {{ include "wr.name" . }}
app.kubernetes.io/instance: {{ .Release.Name }}
{{- end -}}

{{/* Labels of every object. */}}
{{- define "wr.labels" -}}
{{ include "wr.selectorLabels" . }}
app.kubernetes.io/part-of: whatsapp-reader
helm.sh/chart: {{ printf "%s-%s" .Chart.Name .Chart.Version | replace "+" "_" | trunc 63 | trimSuffix "-" }}
app.kubernetes.io/version: {{ .Chart.AppVersion | quote }}
app.kubernetes.io/managed-by: {{ .Release.Service }}
{{- end -}}

{{/* Selector labels of one component: (dict "root" $ "component" "api"). */}}
{{- define "wr.componentSelectorLabels" -}}
{{ include "wr.selectorLabels" .root }}
app.kubernetes.io/component: {{ .component }}
{{- end -}}

{{/* Labels of one component's objects and pods: (dict "root" $ "component" "api"). */}}
{{- define "wr.componentLabels" -}}
{{ include "wr.labels" .root }}
app.kubernetes.io/component: {{ .component }}
{{- end -}}

{{- define "wr.image" -}}
{{- printf "%s:%s" .Values.image.repository (.Values.image.tag | default .Chart.AppVersion) -}}
{{- end -}}

{{- define "wr.backupImage" -}}
{{- printf "%s:%s" .Values.backup.image.repository (.Values.backup.image.tag | default .Chart.AppVersion) -}}
{{- end -}}

{{/* envFrom of the web app and the worker. */}}
{{- define "wr.appEnvFrom" -}}
- configMapRef:
    name: {{ include "wr.fullname" . }}-config
- secretRef:
    name: {{ include "wr.fullname" . }}-secrets
{{- end -}}

{{/*
The app's non-secret environment: the data of the release's ConfigMap and of the migration
hook's copy (migrate-job.yaml.tpl), so both always hold the same. UPSTASH_REDIS_REST_URL is
derived from the bridge's Service.
*/}}
{{- define "wr.configData" -}}
{{- range $key, $value := .Values.config }}
{{ $key }}: {{ $value | toString | quote }}
{{- end }}
UPSTASH_REDIS_REST_URL: {{ printf "http://%s-redis-rest:%v" (include "wr.fullname" .) .Values.redisRest.port | quote }}
{{- end -}}

{{/*
The app's secret environment (secrets.create): the stringData of the release's Secret and of
the migration hook's copy. No secret has a default in values.yaml: each is required, never a
placeholder.
*/}}
{{- define "wr.appSecretData" -}}
{{- range $key, $value := .Values.secrets.values }}
{{- if and (eq $key "DATABASE_URL") $.Values.postgresql.enabled }}
{{- $pg := $.Values.postgresql.auth }}
DATABASE_URL: {{ printf "postgres://%s:%s@%s-postgresql:5432/%s" $pg.username (required "postgresql.auth.password is required with postgresql.enabled" $pg.password) $.Release.Name $pg.database | quote }}
{{- else }}
{{ $key }}: {{ required (printf "secrets.values.%s is required (or secrets.create=false)" $key) $value | quote }}
{{- end }}
{{- end }}
{{- end -}}

{{/* The events of the migration Job and of the copies of its environment. */}}
{{- define "wr.migrateHookEvents" -}}
post-install,pre-upgrade
{{- end -}}

{{/* Hook annotations of the migration Job's environment: created before the Job (a lower weight). */}}
{{- define "wr.migrateEnvHook" -}}
helm.sh/hook: {{ include "wr.migrateHookEvents" . }}
helm.sh/hook-weight: "-5"
helm.sh/hook-delete-policy: before-hook-creation,hook-succeeded
{{- end -}}

{{/* Pod-level settings shared by the app's pods. */}}
{{- define "wr.podSpecCommon" -}}
serviceAccountName: {{ include "wr.fullname" . }}
automountServiceAccountToken: false
{{- with .Values.imagePullSecrets }}
imagePullSecrets:
  {{- toYaml . | nindent 2 }}
{{- end }}
securityContext:
  {{- toYaml .Values.podSecurityContext | nindent 2 }}
{{- end -}}

{{/* Spread one component's pods over zones: (dict "root" $ "component" "api"). */}}
{{- define "wr.topologySpread" -}}
topologySpreadConstraints:
  - maxSkew: 1
    topologyKey: topology.kubernetes.io/zone
    whenUnsatisfiable: ScheduleAnyway
    labelSelector:
      matchLabels:
        {{- include "wr.componentSelectorLabels" . | nindent 8 }}
{{- end -}}

{{/* The DNS egress rule of every NetworkPolicy. */}}
{{- define "wr.egressDns" -}}
- to:
    - namespaceSelector:
        matchLabels:
          kubernetes.io/metadata.name: kube-system
      podSelector:
        matchLabels:
          k8s-app: kube-dns
  ports:
    - protocol: UDP
      port: 53
    - protocol: TCP
      port: 53
{{- end -}}

{{- define "wr.egressPostgres" -}}
- to:
{{- if .Values.postgresql.enabled }}
    - podSelector:
        matchLabels:
          app.kubernetes.io/name: postgresql
          app.kubernetes.io/instance: {{ .Release.Name }}
{{- else }}
{{- range .Values.networkPolicy.postgresCidrs }}
    - ipBlock:
        cidr: {{ . }}
{{- end }}
{{- end }}
  ports:
    - protocol: TCP
      port: 5432
{{- end -}}

{{- define "wr.egressRedisRest" -}}
- to:
    - podSelector:
        matchLabels:
          {{- include "wr.componentSelectorLabels" (dict "root" . "component" "redis-rest") | nindent 10 }}
  ports:
    - protocol: TCP
      port: {{ .Values.redisRest.port }}
{{- end -}}

{{/* The object store: public HTTPS endpoints (S3), no private ranges, no metadata API. */}}
{{- define "wr.egressObjectStore" -}}
- to:
    - ipBlock:
        cidr: 0.0.0.0/0
        except:
          - 10.0.0.0/8
          - 172.16.0.0/12
          - 192.168.0.0/16
          - 169.254.0.0/16
  ports:
    - protocol: TCP
      port: 443
{{- end -}}
