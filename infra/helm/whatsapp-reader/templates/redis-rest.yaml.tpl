{{- $fullname := include "wr.fullname" . }}
{{- $component := dict "root" . "component" "redis-rest" }}
apiVersion: apps/v1
kind: Deployment
metadata:
  name: {{ $fullname }}-redis-rest
  namespace: {{ .Release.Namespace }}
  labels:
    {{- include "wr.componentLabels" $component | nindent 4 }}
spec:
  replicas: {{ .Values.redisRest.replicas }}
  revisionHistoryLimit: 5
  strategy:
    type: RollingUpdate
    rollingUpdate:
      maxSurge: 1
      maxUnavailable: 0
  selector:
    matchLabels:
      {{- include "wr.componentSelectorLabels" $component | nindent 6 }}
  template:
    metadata:
      labels:
        {{- include "wr.componentLabels" $component | nindent 8 }}
      annotations:
        checksum/secrets: {{ include (print $.Template.BasePath "/secrets.yaml.tpl") . | sha256sum }}
    spec:
      {{- include "wr.podSpecCommon" . | nindent 6 }}
      terminationGracePeriodSeconds: 30
      {{- include "wr.topologySpread" $component | nindent 6 }}
      containers:
        - name: redis-rest
          image: {{ include "wr.image" . }}
          imagePullPolicy: {{ .Values.image.pullPolicy }}
          command:
            - deno
            - run
            - --unstable-no-legacy-abort
            - --allow-net
            - --allow-env
            - --cached-only
            - infra/redis_rest/main.ts
          ports:
            - name: http
              containerPort: {{ .Values.redisRest.port }}
              protocol: TCP
          env:
            - name: REDIS_REST_PORT
              value: {{ .Values.redisRest.port | quote }}
            - name: REDIS_REST_TOKEN
              valueFrom:
                secretKeyRef:
                  name: {{ $fullname }}-secrets
                  key: UPSTASH_REDIS_REST_TOKEN
            - name: REDIS_URL
              valueFrom:
                secretKeyRef:
                  name: {{ $fullname }}-redis
                  key: REDIS_URL
          livenessProbe:
            tcpSocket:
              port: http
            periodSeconds: 10
            failureThreshold: 3
          readinessProbe:
            httpGet:
              path: /health
              port: http
            periodSeconds: 5
            timeoutSeconds: 3
            failureThreshold: 2
          resources:
            {{- toYaml .Values.redisRest.resources | nindent 12 }}
          securityContext:
            {{- toYaml .Values.containerSecurityContext | nindent 12 }}
---
apiVersion: v1
kind: Service
metadata:
  name: {{ $fullname }}-redis-rest
  namespace: {{ .Release.Namespace }}
  labels:
    {{- include "wr.componentLabels" $component | nindent 4 }}
spec:
  type: ClusterIP
  selector:
    {{- include "wr.componentSelectorLabels" $component | nindent 4 }}
  ports:
    - name: http
      port: {{ .Values.redisRest.port }}
      targetPort: http
      protocol: TCP
---
apiVersion: policy/v1
kind: PodDisruptionBudget
metadata:
  name: {{ $fullname }}-redis-rest
  namespace: {{ .Release.Namespace }}
  labels:
    {{- include "wr.componentLabels" $component | nindent 4 }}
spec:
  minAvailable: {{ .Values.redisRest.pdb.minAvailable }}
  selector:
    matchLabels:
      {{- include "wr.componentSelectorLabels" $component | nindent 6 }}
