{{- $fullname := include "wr.fullname" . }}
{{- $component := dict "root" . "component" "api" }}
{{- $port := .Values.config.PORT | int }}
apiVersion: apps/v1
kind: Deployment
metadata:
  name: {{ $fullname }}-api
  namespace: {{ .Release.Namespace }}
  labels:
    {{- include "wr.componentLabels" $component | nindent 4 }}
spec:
  revisionHistoryLimit: 5
  strategy:
    type: RollingUpdate
    rollingUpdate:
      maxSurge: 25%
      maxUnavailable: 0
  selector:
    matchLabels:
      {{- include "wr.componentSelectorLabels" $component | nindent 6 }}
  template:
    metadata:
      labels:
        {{- include "wr.componentLabels" $component | nindent 8 }}
      annotations:
        checksum/config: {{ include (print $.Template.BasePath "/configmap.yaml.tpl") . | sha256sum }}
        checksum/secrets: {{ include (print $.Template.BasePath "/secrets.yaml.tpl") . | sha256sum }}
    spec:
      {{- include "wr.podSpecCommon" . | nindent 6 }}
      terminationGracePeriodSeconds: {{ .Values.api.terminationGracePeriodSeconds }}
      {{- include "wr.topologySpread" $component | nindent 6 }}
      containers:
        - name: api
          image: {{ include "wr.image" . }}
          imagePullPolicy: {{ .Values.image.pullPolicy }}
          command: ["deno", "run", "-A", "--cached-only", "main.ts"]
          ports:
            - name: http
              containerPort: {{ $port }}
              protocol: TCP
          envFrom:
            {{- include "wr.appEnvFrom" . | nindent 12 }}
          startupProbe:
            httpGet:
              path: /health
              port: http
            periodSeconds: 2
            failureThreshold: 30
          livenessProbe:
            httpGet:
              path: /health
              port: http
            periodSeconds: 10
            timeoutSeconds: 3
            failureThreshold: 3
          readinessProbe:
            httpGet:
              path: /ready
              port: http
            periodSeconds: 5
            timeoutSeconds: 3
            failureThreshold: 3
          resources:
            {{- toYaml .Values.api.resources | nindent 12 }}
          lifecycle:
            preStop:
              sleep:
                seconds: {{ .Values.api.preStopSleepSeconds }}
          securityContext:
            {{- toYaml .Values.containerSecurityContext | nindent 12 }}
          volumeMounts:
            - name: tmp
              mountPath: /tmp
      volumes:
        - name: tmp
          emptyDir:
            sizeLimit: {{ .Values.api.tmpSizeLimit }}
---
apiVersion: v1
kind: Service
metadata:
  name: {{ $fullname }}-api
  namespace: {{ .Release.Namespace }}
  labels:
    {{- include "wr.componentLabels" $component | nindent 4 }}
spec:
  type: ClusterIP
  selector:
    {{- include "wr.componentSelectorLabels" $component | nindent 4 }}
  ports:
    - name: http
      port: {{ $port }}
      targetPort: http
      protocol: TCP
---
apiVersion: autoscaling/v2
kind: HorizontalPodAutoscaler
metadata:
  name: {{ $fullname }}-api
  namespace: {{ .Release.Namespace }}
  labels:
    {{- include "wr.componentLabels" $component | nindent 4 }}
spec:
  scaleTargetRef:
    apiVersion: apps/v1
    kind: Deployment
    name: {{ $fullname }}-api
  minReplicas: {{ .Values.api.autoscaling.minReplicas }}
  maxReplicas: {{ .Values.api.autoscaling.maxReplicas }}
  metrics:
    - type: Resource
      resource:
        name: cpu
        target:
          type: Utilization
          averageUtilization: {{ .Values.api.autoscaling.targetCPUUtilizationPercentage }}
  behavior:
    scaleDown:
      stabilizationWindowSeconds: {{ .Values.api.autoscaling.scaleDownStabilizationSeconds }}
---
apiVersion: policy/v1
kind: PodDisruptionBudget
metadata:
  name: {{ $fullname }}-api
  namespace: {{ .Release.Namespace }}
  labels:
    {{- include "wr.componentLabels" $component | nindent 4 }}
spec:
  minAvailable: {{ .Values.api.pdb.minAvailable }}
  selector:
    matchLabels:
      {{- include "wr.componentSelectorLabels" $component | nindent 6 }}
