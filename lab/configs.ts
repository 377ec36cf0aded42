import { HOST, PORTS } from './paths';

/** How often Prometheus scrapes itself and the mesh simulator (the simulator's scrape interval in DESIGN §3). */
export const SCRAPE_INTERVAL_SECONDS = 5;

export function prometheusConfig(): string {
  return `global:
  scrape_interval: ${SCRAPE_INTERVAL_SECONDS}s
  evaluation_interval: ${SCRAPE_INTERVAL_SECONDS}s
scrape_configs:
  - job_name: prometheus
    static_configs:
      - targets: ['${HOST}:${PORTS.prometheus}']
  - job_name: mesh-simulator
    honor_labels: true
    static_configs:
      - targets: ['${HOST}:${PORTS.simulator}']
`;
}

/** Jaeger v2 with in-memory storage, OTLP in and the query API out, every listener on loopback. */
export function jaegerConfig(): string {
  return `service:
  extensions: [jaeger_storage, jaeger_query, healthcheckv2]
  pipelines:
    traces:
      receivers: [otlp]
      processors: [batch]
      exporters: [jaeger_storage_exporter]
  telemetry:
    resource:
      service.name: jaeger
    metrics:
      level: basic
      readers:
        - pull:
            exporter:
              prometheus:
                host: ${HOST}
                port: ${PORTS.jaegerMetrics}
    logs:
      level: info

extensions:
  healthcheckv2:
    use_v2: true
    http:
      endpoint: ${HOST}:${PORTS.jaegerHealth}
  jaeger_query:
    storage:
      traces: memstore
    http:
      endpoint: ${HOST}:${PORTS.jaegerQuery}
    grpc:
      endpoint: ${HOST}:${PORTS.jaegerQueryGrpc}
  jaeger_storage:
    backends:
      memstore:
        memory:
          max_traces: 100000

receivers:
  otlp:
    protocols:
      grpc:
        endpoint: ${HOST}:${PORTS.jaegerOtlpGrpc}
      http:
        endpoint: ${HOST}:${PORTS.jaegerOtlpHttp}

processors:
  batch:

exporters:
  jaeger_storage_exporter:
    trace_storage: memstore
`;
}
