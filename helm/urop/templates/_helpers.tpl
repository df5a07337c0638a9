{{/* The blocks every service shares: one Deployment, Service, PodDisruptionBudget and (when asked) HPA each. */}}

{{- define "urop.fullname" -}}
{{- printf "%s-%s" .root.Release.Name .name | trunc 63 | trimSuffix "-" -}}
{{- end -}}

{{- define "urop.selectorLabels" -}}
app.kubernetes.io/name: {{ .name }}
app.kubernetes.io/instance: {{ .root.Release.Name }}
{{- end -}}

{{- define "urop.labels" -}}
{{ include "urop.selectorLabels" . }}
app.kubernetes.io/part-of: urop
app.kubernetes.io/version: {{ .root.Chart.AppVersion | quote }}
app.kubernetes.io/managed-by: {{ .root.Release.Service }}
helm.sh/chart: {{ printf "%s-%s" .root.Chart.Name .root.Chart.Version }}
{{- end -}}

{{- define "urop.image" -}}
{{- $image := .root.Values.global.image -}}
{{- printf "%s/%s:%s" $image.registry .name (default .root.Chart.AppVersion $image.tag) -}}
{{- end -}}

{{/* The port the kubelet probes and Prometheus scrapes: the management port where the service has one. */}}
{{- define "urop.probePort" -}}
{{- if .service.managementPort }}management{{ else }}http{{ end -}}
{{- end -}}

{{- define "urop.deployment" -}}
{{- $global := .root.Values.global -}}
apiVersion: apps/v1
kind: Deployment
metadata:
  name: {{ include "urop.fullname" . }}
  labels:
    {{- include "urop.labels" . | nindent 4 }}
spec:
  {{- if not (and .service.autoscaling .service.autoscaling.enabled) }}
  replicas: {{ .service.replicas | default 1 }}
  {{- end }}
  revisionHistoryLimit: 5
  strategy:
    type: RollingUpdate
    rollingUpdate: { maxUnavailable: 0, maxSurge: 1 }
  selector:
    matchLabels:
      {{- include "urop.selectorLabels" . | nindent 6 }}
  template:
    metadata:
      labels:
        {{- include "urop.labels" . | nindent 8 }}
    spec:
      automountServiceAccountToken: false
      terminationGracePeriodSeconds: 40
      securityContext:
        runAsNonRoot: true
        runAsUser: 1000
        runAsGroup: 1000
        fsGroup: 1000
        seccompProfile: { type: RuntimeDefault }
      containers:
        - name: {{ .name }}
          image: {{ include "urop.image" . }}
          imagePullPolicy: {{ $global.image.pullPolicy }}
          securityContext:
            allowPrivilegeEscalation: false
            readOnlyRootFilesystem: true
            capabilities: { drop: [ALL] }
          ports:
            - { name: http, containerPort: {{ .service.port }} }
            {{- if .service.managementPort }}
            - { name: management, containerPort: {{ .service.managementPort }} }
            {{- end }}
          env:
            - { name: UROP_CONFIG_URL, value: {{ printf "http://%s-config-server:8888" .root.Release.Name | quote }} }
            - { name: UROP_EUREKA_URL, value: {{ printf "http://%s-discovery-server:8761/eureka/" .root.Release.Name | quote }} }
            {{- range $key, $value := merge (dict) (.service.env | default dict) $global.env }}
            - { name: {{ $key }}, value: {{ $value | quote }} }
            {{- end }}
            {{- if .service.configRepoConfigMap }}
            - { name: UROP_CONFIG_REPO, value: /config-repo }
            {{- end }}
            {{- range .service.secretKeys }}
            - name: {{ . }}
              valueFrom:
                secretKeyRef: { name: {{ $global.existingSecret }}, key: {{ . }} }
            {{- end }}
          resources:
            {{- toYaml (.service.resources | default $global.resources) | nindent 12 }}
          startupProbe:
            httpGet: { path: /actuator/health/liveness, port: {{ include "urop.probePort" . }} }
            periodSeconds: 5
            failureThreshold: 60
          livenessProbe:
            httpGet: { path: /actuator/health/liveness, port: {{ include "urop.probePort" . }} }
            periodSeconds: 10
            failureThreshold: 3
          readinessProbe:
            httpGet: { path: /actuator/health/readiness, port: {{ include "urop.probePort" . }} }
            periodSeconds: 5
            failureThreshold: 3
          lifecycle:
            # lets the endpoints controller take the pod out of the Service before Spring stops taking requests
            preStop:
              sleep: { seconds: 5 }
          volumeMounts:
            - { name: tmp, mountPath: /tmp }
            {{- if .service.configRepoConfigMap }}
            - { name: config-repo, mountPath: /config-repo, readOnly: true }
            {{- end }}
      volumes:
        - name: tmp
          emptyDir: {}
        {{- if .service.configRepoConfigMap }}
        - name: config-repo
          configMap: { name: {{ .service.configRepoConfigMap }} }
        {{- end }}
{{- end -}}

{{- define "urop.service" -}}
apiVersion: v1
kind: Service
metadata:
  name: {{ include "urop.fullname" . }}
  labels:
    {{- include "urop.labels" . | nindent 4 }}
spec:
  selector:
    {{- include "urop.selectorLabels" . | nindent 4 }}
  ports:
    - { name: http, port: {{ .service.port }}, targetPort: http }
{{- end -}}

{{- define "urop.pdb" -}}
apiVersion: policy/v1
kind: PodDisruptionBudget
metadata:
  name: {{ include "urop.fullname" . }}
  labels:
    {{- include "urop.labels" . | nindent 4 }}
spec:
  maxUnavailable: 1
  selector:
    matchLabels:
      {{- include "urop.selectorLabels" . | nindent 6 }}
{{- end -}}

{{- define "urop.hpa" -}}
apiVersion: autoscaling/v2
kind: HorizontalPodAutoscaler
metadata:
  name: {{ include "urop.fullname" . }}
  labels:
    {{- include "urop.labels" . | nindent 4 }}
spec:
  scaleTargetRef:
    apiVersion: apps/v1
    kind: Deployment
    name: {{ include "urop.fullname" . }}
  minReplicas: {{ .service.autoscaling.minReplicas }}
  maxReplicas: {{ .service.autoscaling.maxReplicas }}
  metrics:
    - type: Resource
      resource:
        name: cpu
        target: { type: Utilization, averageUtilization: {{ .service.autoscaling.cpuPercent }} }
{{- end -}}

{{/* Nothing reaches a pod but the fleet's own pods on its port, Prometheus on the probe port, and the world on the
gateway's; a pod reaches DNS, the fleet's pods and the outside only on the ports the fleet needs. */}}
{{- define "urop.networkPolicy" -}}
{{- $global := .root.Values.global -}}
apiVersion: networking.k8s.io/v1
kind: NetworkPolicy
metadata:
  name: {{ include "urop.fullname" . }}
  labels:
    {{- include "urop.labels" . | nindent 4 }}
spec:
  podSelector:
    matchLabels:
      {{- include "urop.selectorLabels" . | nindent 6 }}
  policyTypes: [Ingress, Egress]
  ingress:
    - ports: [{ port: http }]
      {{- if ne .name "gateway" }}
      from:
        - podSelector:
            matchLabels: { app.kubernetes.io/part-of: urop }
      {{- end }}
    - ports: [{ port: {{ include "urop.probePort" . }} }]
      from:
        - namespaceSelector:
            matchLabels:
              {{- toYaml $global.monitoringNamespaceSelector | nindent 14 }}
  egress:
    - ports: [{ port: 53, protocol: UDP }, { port: 53, protocol: TCP }]
    - to:
        - podSelector:
            matchLabels: { app.kubernetes.io/part-of: urop }
    - ports:
        {{- range $global.egressPorts }}
        - { port: {{ . }} }
        {{- end }}
{{- end -}}
