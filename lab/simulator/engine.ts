import type { GroundTruth } from './ground-truth';
import type { MeshConfig } from './istio-config';
import { requestLabels, tcpLabels, type HopFacts } from './labels';
import type { MeshMetrics } from './metrics';
import { serviceHost, type EntrySpec, type Scenario, type WorkloadRef } from './model';
import { callCount, latencyMs, pickWeighted, poisson, type Uniform } from './sampling';
import { randomHex, type SpanRecord, type TraceContext } from './tracer';
import type { RuntimeTopology, SimService, SimWorkload } from './runtime-topology';
import { routeAcceptsPlaintext, routeMeshCall, type Attempt, type MeshRequest } from './mesh-call';

/** The result of one call as the client sees it. */
export interface CallOutcome {
  code: number;
  flags: string;
  durationMs: number;
  /** Whether the request reached the destination's workload. */
  arrived: boolean;
}

export interface EngineDeps {
  scenario: Scenario;
  topology: RuntimeTopology;
  metrics: MeshMetrics;
  truth: GroundTruth;
  config: () => MeshConfig;
  uniform: Uniform;
  spans?: (span: SpanRecord) => void;
}

const NETWORK_MS = 0.3;

/** Plays the scenario's traffic hop by hop, the way Envoy sidecars would see and report it. */
export class Engine {
  private readonly u: Uniform;
  /** Requests each workload served since the last tick, for sidecar CPU. */
  private readonly served = new Map<SimWorkload, number>();
  simulatedRequests = 0;

  constructor(private readonly deps: EngineDeps) {
    this.u = deps.uniform;
  }

  /** Advances the simulation by `dtSeconds` ending at `nowMs`: new entry requests and sidecar usage. */
  tick(nowMs: number, dtSeconds: number): void {
    for (const entry of this.deps.scenario.entries) {
      const n = poisson(entry.ratePerSecond * dtSeconds, this.u);
      for (let i = 0; i < n; i++) this.entryRequest(entry, nowMs - this.u() * dtSeconds * 1000);
    }
    this.sidecarUsage(dtSeconds);
  }

  private entryRequest(entry: EntrySpec, startMs: number): void {
    const cls = entry.requests[Math.max(0, pickWeighted(entry.requests.map((r) => r.share), this.u))];
    const traced = this.deps.spans !== undefined && this.u() < this.deps.scenario.traceSampling;
    const trace = traced ? { traceId: randomHex(this.u, 16) } : undefined;
    const client = entry.via === 'ingress' ? this.deps.topology.gateway : undefined;
    const request: MeshRequest = {
      headers: { ...(cls?.headers ?? {}) },
      path: cls?.path ?? '/',
      method: 'GET',
      // The lab has one ingress gateway; the convention `<ns>-gateway` matches Istio's samples (bookinfo-gateway).
      viaGateway: client ? `${entry.namespace}/${entry.namespace}-gateway` : undefined,
    };
    this.call(client, serviceHost(entry.service, entry.namespace), request, startMs, trace);
  }

  /** One client → service call; `client` undefined means a caller outside the mesh. */
  call(client: SimWorkload | undefined, host: string, req: MeshRequest, startMs: number, trace: TraceContext | undefined, tcpBytes?: { sent: number; received: number }): CallOutcome {
    this.simulatedRequests++;
    const service = this.deps.topology.services.get(host);
    if (service?.protocol === 'tcp') return this.tcpCall(client, service, tcpBytes ?? { sent: 512, received: 4096 }, startMs);
    if (client?.ref.sidecar) return this.meshCall(client, host, service, req, startMs, trace);
    return this.plainCall(client, host, service, req, startMs, trace);
  }

  private meshCall(client: SimWorkload, host: string, service: SimService | undefined, req: MeshRequest, startMs: number, trace: TraceContext | undefined): CallOutcome {
    const clientSpanId = trace ? randomHex(this.u, 8) : undefined;
    const serverTrace = trace && clientSpanId ? { traceId: trace.traceId, parentSpanId: clientSpanId } : undefined;
    const result = routeMeshCall(
      { config: this.deps.config(), topology: this.deps.topology, u: this.u, nowMs: startMs },
      client,
      host,
      service,
      req,
      (w: SimWorkload, attemptStartMs: number, mtls: boolean): Attempt => {
        const served = this.serve(w, req, attemptStartMs + NETWORK_MS, serverTrace, { source: client.ref, mtls, host, service });
        return { code: served.code, durationMs: served.durationMs + 2 * NETWORK_MS };
      },
    );
    const protocol = service?.protocol === 'grpc' ? 'grpc' : 'http';
    const facts: HopFacts = { reporter: 'source', source: client.ref, service, host, destination: result.destination?.ref, mtls: result.mtls };
    this.deps.metrics
      .requestSeries(requestLabels(facts, protocol, result.code, result.code >= 500 ? '14' : '0', result.flags))
      .observe(result.durationMs, this.bytes(client.spec.requestBytes), this.bytes(result.destination?.spec.responseBytes ?? 0));
    this.truth(client.ref, result.destination?.ref, host, service, result, startMs);
    if (trace && clientSpanId) {
      this.span(trace, clientSpanId, 'client', client, host, service, startMs, result, result.destination);
    }
    return result;
  }

  /** A caller without a sidecar: no routing rules, plain kube-proxy balancing, and no source report. */
  private plainCall(client: SimWorkload | undefined, host: string, service: SimService | undefined, req: MeshRequest, startMs: number, trace: TraceContext | undefined): CallOutcome {
    const candidates = service?.workloads ?? [];
    const w = candidates[Math.floor(this.u() * candidates.length)];
    let outcome: CallOutcome;
    if (!w) {
      outcome = { code: 0, flags: '-', durationMs: 1, arrived: false };
    } else if (!routeAcceptsPlaintext(this.deps.config(), w, service?.spec.port ?? 80)) {
      // A STRICT server resets plaintext connections before any HTTP exchange: nothing is reported.
      outcome = { code: 0, flags: '-', durationMs: 1, arrived: false };
    } else {
      const served = this.serve(w, req, startMs + NETWORK_MS, trace, { source: client?.ref, mtls: false, host, service });
      outcome = { code: served.code, flags: '-', durationMs: served.durationMs + 2 * NETWORK_MS, arrived: true };
    }
    this.truth(client?.ref, w?.ref, host, service, outcome, startMs);
    return outcome;
  }

  private tcpCall(client: SimWorkload | undefined, service: SimService, bytes: { sent: number; received: number }, startMs: number): CallOutcome {
    const w = service.workloads[Math.floor(this.u() * service.workloads.length)];
    const mtls = Boolean(client?.ref.sidecar && w?.ref.sidecar);
    const outcome: CallOutcome = { code: w ? 200 : 0, flags: w ? '-' : 'UH', durationMs: w ? latencyMs(w.spec.latency, this.u) : 1, arrived: Boolean(w) };
    const sides: ('source' | 'destination')[] = [];
    if (client?.ref.sidecar) sides.push('source');
    if (w?.ref.sidecar) sides.push('destination');
    for (const reporter of sides) {
      const facts: HopFacts = { reporter, source: client?.ref, service, host: service.host, destination: w?.ref, mtls };
      // Istio counts bytes of the response as sent and of the request as received, on both sides.
      this.deps.metrics.tcpSeries(tcpLabels(facts, outcome.flags)).connection(bytes.received, bytes.sent);
    }
    if (w) this.served.set(w, (this.served.get(w) ?? 0) + 1);
    this.truth(client?.ref, w?.ref, service.host, service, outcome, startMs);
    return outcome;
  }

  /** A workload handles one request: its own work, then its calls in order. */
  private serve(w: SimWorkload, req: MeshRequest, startMs: number, trace: TraceContext | undefined, via: { source: WorkloadRef | undefined; mtls: boolean; host: string; service: SimService | undefined }): { code: number; durationMs: number } {
    this.served.set(w, (this.served.get(w) ?? 0) + 1);
    const own = latencyMs(w.spec.latency, this.u);
    const failed = this.u() < w.spec.errorRate;
    // Without a sidecar there is no server span; the app still forwards the trace headers it received.
    const serverSpanId = trace && w.ref.sidecar ? randomHex(this.u, 8) : undefined;
    const childTrace = trace && serverSpanId ? { traceId: trace.traceId, parentSpanId: serverSpanId } : trace;
    let cursor = startMs + own / 2;
    // Calls happen whether or not the workload then fails: its failure is its own (scenario errorRate).
    for (const call of w.spec.calls) {
      const n = callCount(call.perRequest, this.u);
      const host = serviceHost(call.service, call.namespace);
      // Applications forward the headers Istio's samples rely on (end-user, tracing) to their own calls.
      const forwarded: MeshRequest = { headers: { ...req.headers }, path: `/${call.service}`, method: 'GET' };
      for (let i = 0; i < n; i++) cursor += this.call(w, host, forwarded, cursor, childTrace, call.tcpBytes).durationMs;
    }
    const durationMs = cursor + own / 2 - startMs;
    const code = failed ? 500 : 200;
    if (w.ref.sidecar) {
      const protocol = via.service?.protocol === 'grpc' ? 'grpc' : 'http';
      const facts: HopFacts = { reporter: 'destination', source: via.source, service: via.service, host: via.host, destination: w.ref, mtls: via.mtls };
      this.deps.metrics
        .requestSeries(requestLabels(facts, protocol, code, failed ? '13' : '0', '-'))
        .observe(durationMs, this.bytes(w.spec.requestBytes), this.bytes(w.spec.responseBytes));
    }
    if (trace && serverSpanId) {
      this.span(trace, serverSpanId, 'server', w, via.host, via.service, startMs, { code, flags: '-', durationMs, arrived: true }, w);
    }
    return { code, durationMs };
  }

  private span(trace: TraceContext, spanId: string, kind: 'client' | 'server', proxy: SimWorkload, host: string, service: SimService | undefined, startMs: number, outcome: CallOutcome, destination: SimWorkload | undefined): void {
    const port = service?.spec.port ?? 80;
    const subsetCluster = kind === 'client' ? `outbound|${port}|${destination?.ref.version ?? ''}|${host}` : `inbound|${port}||`;
    this.deps.spans?.({
      traceId: trace.traceId,
      spanId,
      ...(trace.parentSpanId ? { parentSpanId: trace.parentSpanId } : {}),
      name: `${host}:${port}/*`,
      kind,
      service: `${proxy.ref.app}.${proxy.ref.namespace}`,
      startMs,
      durationMs: outcome.durationMs,
      error: outcome.code >= 500 || outcome.code === 0,
      attributes: {
        component: 'proxy',
        'http.method': 'GET',
        'http.url': `http://${host}:${port}/`,
        'http.protocol': 'HTTP/1.1',
        'http.status_code': outcome.code,
        upstream_cluster: subsetCluster,
        'upstream_cluster.name': subsetCluster,
        response_flags: outcome.flags,
        'istio.canonical_service': proxy.ref.app,
        'istio.canonical_revision': proxy.ref.version,
        'istio.namespace': proxy.ref.namespace,
        'istio.mesh_id': 'cluster.local',
        node_id: `sidecar~10.244.0.1~${proxy.pods[0] ?? proxy.ref.workload}.${proxy.ref.namespace}~${proxy.ref.namespace}.svc.cluster.local`,
      },
    });
  }

  private truth(source: WorkloadRef | undefined, destination: WorkloadRef | undefined, host: string, service: SimService | undefined, outcome: CallOutcome, atMs: number): void {
    this.deps.truth.record(
      {
        sourceNamespace: source?.namespace ?? 'unknown',
        sourceWorkload: source?.workload ?? 'unknown',
        destinationNamespace: destination?.namespace ?? 'unknown',
        destinationWorkload: destination?.workload ?? 'unknown',
        destinationService: host,
        protocol: service?.protocol ?? 'http',
      },
      { responseCode: outcome.code, responseFlags: outcome.flags, durationMs: outcome.durationMs, arrived: outcome.arrived },
      atMs,
    );
  }

  private bytes(mean: number): number {
    return Math.max(0, Math.round(mean * (0.5 + this.u())));
  }

  private sidecarUsage(dtSeconds: number): void {
    for (const w of [this.deps.topology.gateway, ...this.deps.topology.workloads]) {
      if (!w.ref.sidecar && w !== this.deps.topology.gateway) continue;
      const served = this.served.get(w) ?? 0;
      const perPod = served / Math.max(1, w.pods.length);
      for (const pod of w.pods) {
        const usage = this.deps.metrics.sidecarUsage(w.ref.namespace, pod);
        // Roughly Envoy's cost: a small idle floor plus about 0.5 ms of CPU per request.
        usage.addCpuSeconds(0.002 * dtSeconds + 0.0005 * perPod);
        usage.setMemoryBytes(48 * 2 ** 20 + Math.round(perPod * 2048));
      }
    }
    this.served.clear();
  }
}
