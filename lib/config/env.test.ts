import { describe, expect, it } from 'vitest';
import { MIN_METRICS_TOKEN_LENGTH, readConfig } from './env';

const exists = (path: string) => path === '/lab/kubeconfig';

describe('readConfig', () => {
  it.each([
    {
      name: 'everything set',
      env: { PROMETHEUS_URL: 'http://127.0.0.1:9090/', JAEGER_URL: 'http://127.0.0.1:16686', KUBECONFIG: '/lab/kubeconfig' },
      prometheus: { configured: true, value: { url: 'http://127.0.0.1:9090' } },
      jaeger: { configured: true, value: { url: 'http://127.0.0.1:16686' } },
      kubernetes: { configured: true, value: { source: 'kubeconfig', path: '/lab/kubeconfig' } },
      problems: [],
    },
    {
      name: 'nothing set',
      env: {},
      prometheus: { configured: false, reason: 'PROMETHEUS_URL is not set' },
      jaeger: { configured: false, reason: 'JAEGER_URL is not set' },
      kubernetes: { configured: false, reason: 'KUBECONFIG is not set and the console is not running in a cluster' },
      problems: [
        'PROMETHEUS_URL is not set',
        'JAEGER_URL is not set',
        'KUBECONFIG is not set and the console is not running in a cluster',
      ],
    },
    {
      name: 'malformed values name their variable',
      env: { PROMETHEUS_URL: 'prometheus:9090', JAEGER_URL: 'ftp://x', KUBECONFIG: '/nope', MESHSCOPE_UPSTREAM_TIMEOUT_MS: 'soon' },
      prometheus: { configured: false, reason: 'PROMETHEUS_URL: must be an http(s) URL' },
      jaeger: { configured: false, reason: 'JAEGER_URL: must be an http(s) URL' },
      kubernetes: { configured: false, reason: 'KUBECONFIG: no file at /nope' },
      problems: [
        'MESHSCOPE_UPSTREAM_TIMEOUT_MS: must be a whole number of milliseconds from 100 to 300000',
        'PROMETHEUS_URL: must be an http(s) URL',
        'JAEGER_URL: must be an http(s) URL',
        'KUBECONFIG: no file at /nope',
      ],
    },
    {
      name: 'in-cluster service account, context and auth',
      env: {
        KUBERNETES_SERVICE_HOST: '10.96.0.1',
        PROMETHEUS_URL: 'https://thanos.example:9090',
        PROMETHEUS_USERNAME: 'mesh',
        PROMETHEUS_PASSWORD: 's3cret',
        JAEGER_URL: 'http://jaeger:16686',
      },
      prometheus: { configured: true, value: { url: 'https://thanos.example:9090', basicAuth: { username: 'mesh', password: 's3cret' } } },
      jaeger: { configured: true, value: { url: 'http://jaeger:16686' } },
      kubernetes: { configured: true, value: { source: 'in-cluster' } },
      problems: [],
    },
  ])('$name', ({ env, prometheus, jaeger, kubernetes, problems }) => {
    const config = readConfig(env, exists);
    expect(config.prometheus).toEqual(prometheus);
    expect(config.jaeger).toEqual(jaeger);
    expect(config.kubernetes).toEqual(kubernetes);
    expect(config.problems).toEqual(problems);
  });

  it.each([
    [{ PROMETHEUS_USERNAME: 'u' }, 'PROMETHEUS_USERNAME and PROMETHEUS_PASSWORD must be set together'],
    [{ PROMETHEUS_PASSWORD: 'p' }, 'PROMETHEUS_USERNAME and PROMETHEUS_PASSWORD must be set together'],
    [{ PROMETHEUS_BEARER_TOKEN: 't', PROMETHEUS_USERNAME: 'u', PROMETHEUS_PASSWORD: 'p' }, 'PROMETHEUS_BEARER_TOKEN and PROMETHEUS_USERNAME are exclusive'],
  ])('rejects inconsistent Prometheus credentials %o', (extra, reason) => {
    expect(readConfig({ PROMETHEUS_URL: 'http://p:9090', ...extra }, exists).prometheus).toEqual({ configured: false, reason });
  });

  it('keeps a bearer token and a kube context, and reads the timeout', () => {
    const config = readConfig(
      { PROMETHEUS_URL: 'http://p:9090', PROMETHEUS_BEARER_TOKEN: ' abc ', KUBECONFIG: '/lab/kubeconfig', KUBE_CONTEXT: 'prod', MESHSCOPE_UPSTREAM_TIMEOUT_MS: '2500' },
      exists,
    );
    expect(config.prometheus).toEqual({ configured: true, value: { url: 'http://p:9090', bearerToken: 'abc' } });
    expect(config.kubernetes).toEqual({ configured: true, value: { source: 'kubeconfig', path: '/lab/kubeconfig', context: 'prod' } });
    expect(config.upstreamTimeoutMs).toBe(2500);
  });
});

describe('MESHSCOPE_HEALTH_CONFIG', () => {
  const files: Record<string, string> = {
    '/etc/meshscope/health.yaml': 'rules:\n  - namespace: payments\n    thresholds: { http5xx: { failure: 0.02 } }\n',
    '/etc/meshscope/typo.json': '{"rules": [{"thresholds": {"http5xx": {"failur": 0.02}}}]}',
    '/etc/meshscope/unreadable.yaml': '',
  };
  const fileExists = (path: string) => path in files;
  const readFile = (path: string) => {
    if (path === '/etc/meshscope/unreadable.yaml') throw new Error('EACCES: permission denied');
    return files[path] ?? '';
  };
  const read = (value?: string) => readConfig(value === undefined ? {} : { MESHSCOPE_HEALTH_CONFIG: value }, fileExists, readFile);

  it('means no rules when unset or blank', () => {
    expect(read().healthRules).toEqual({ configured: true, value: [] });
    expect(read('  ').healthRules).toEqual({ configured: true, value: [] });
  });

  it('reads the rules of the file it names', () => {
    const setting = read(' /etc/meshscope/health.yaml ').healthRules;
    expect(setting.configured && setting.value.map((r) => [r.namespace?.source, r.thresholds.http5xx.failure])).toEqual([['^(?:payments)$', 0.02]]);
  });

  it.each([
    ['/nope.yaml', 'MESHSCOPE_HEALTH_CONFIG: no file at /nope.yaml'],
    ['/etc/meshscope/typo.json', 'MESHSCOPE_HEALTH_CONFIG: /etc/meshscope/typo.json: rules[0].thresholds.http5xx: Unrecognized key: "failur"'],
    ['/etc/meshscope/unreadable.yaml', 'MESHSCOPE_HEALTH_CONFIG: cannot read /etc/meshscope/unreadable.yaml (EACCES: permission denied)'],
  ])('a broken %s is a start-up problem naming the field', (path, reason) => {
    const config = read(path);
    expect(config.healthRules).toEqual({ configured: false, reason });
    expect(config.problems).toContain(reason);
  });
});

describe('namespace settings', () => {
  const invalid = (name: string) => [`${name}: must be a namespace name (DNS-1123 label)`];
  it.each([
    ['MESHSCOPE_ISTIO_ROOT_NAMESPACE', 'istioRootNamespace', undefined, 'istio-system', []],
    ['MESHSCOPE_ISTIO_ROOT_NAMESPACE', 'istioRootNamespace', '  mesh-root ', 'mesh-root', []],
    ['MESHSCOPE_ISTIO_ROOT_NAMESPACE', 'istioRootNamespace', 'Istio_System', 'istio-system', invalid('MESHSCOPE_ISTIO_ROOT_NAMESPACE')],
    ['MESHSCOPE_HISTORY_NAMESPACE', 'historyNamespace', undefined, 'meshscope', []],
    ['MESHSCOPE_HISTORY_NAMESPACE', 'historyNamespace', ' ', 'meshscope', []],
    ['MESHSCOPE_HISTORY_NAMESPACE', 'historyNamespace', ' mesh-history ', 'mesh-history', []],
    ['MESHSCOPE_HISTORY_NAMESPACE', 'historyNamespace', 'Mesh.History', 'meshscope', invalid('MESHSCOPE_HISTORY_NAMESPACE')],
  ] as const)('%s=%j gives %s %s', (name, key, value, expected, problems) => {
    const config = readConfig({ [name]: value }, () => false);
    expect(config[key]).toBe(expected);
    expect(config.problems.filter((p) => p.startsWith(name))).toEqual(problems);
  });
});

describe('authentication settings', () => {
  const secret = 'x'.repeat(32);
  it.each([
    [{}, { strategy: 'anonymous', readOnly: false }],
    [{ MESHSCOPE_READ_ONLY: 'TRUE' }, { strategy: 'anonymous', readOnly: true }],
    [{ MESHSCOPE_AUTH_STRATEGY: ' Token ', MESHSCOPE_SESSION_SECRET: secret }, { strategy: 'token', sessionSecret: secret, readOnly: false }],
    [{ MESHSCOPE_AUTH_STRATEGY: 'header' }, { strategy: 'header', header: 'X-Forwarded-Access-Token', readOnly: false }],
    [{ MESHSCOPE_AUTH_STRATEGY: 'header', MESHSCOPE_AUTH_HEADER: ' Authorization ' }, { strategy: 'header', header: 'Authorization', readOnly: false }],
  ])('%j is %j', (env, value) => {
    const config = readConfig(env, () => false);
    expect(config.auth).toEqual({ configured: true, value });
    expect(config.problems.filter((p) => p.startsWith('MESHSCOPE_'))).toEqual([]);
  });

  it.each([
    [{ MESHSCOPE_AUTH_STRATEGY: 'oidc' }, 'MESHSCOPE_AUTH_STRATEGY: must be anonymous, token or header, not "oidc"'],
    [{ MESHSCOPE_AUTH_STRATEGY: 'token' }, /^MESHSCOPE_SESSION_SECRET: .*at least 32 characters.*not set$/],
    [{ MESHSCOPE_AUTH_STRATEGY: 'token', MESHSCOPE_SESSION_SECRET: 'short' }, /^MESHSCOPE_SESSION_SECRET: .*too short$/],
    [{ MESHSCOPE_AUTH_STRATEGY: 'token', MESHSCOPE_SESSION_SECRET: `${' '.repeat(30)}ab` }, /^MESHSCOPE_SESSION_SECRET: .*too short$/],
    [{ MESHSCOPE_AUTH_STRATEGY: 'header', MESHSCOPE_AUTH_HEADER: 'X Token' }, 'MESHSCOPE_AUTH_HEADER: "X Token" is not an HTTP header name'],
    [{ MESHSCOPE_READ_ONLY: 'yes' }, 'MESHSCOPE_READ_ONLY: must be true or false'],
    [{ MESHSCOPE_AUTH_STRATEGY: 'token', MESHSCOPE_SESSION_SECRET: secret, MESHSCOPE_READ_ONLY: 'true' }, /^MESHSCOPE_READ_ONLY: applies only to MESHSCOPE_AUTH_STRATEGY=anonymous/],
  ])('%j is a start-up problem naming its variable', (env, reason) => {
    const config = readConfig(env, () => false);
    expect(config.auth.configured).toBe(false);
    const problem = config.problems.find((p) => p.startsWith('MESHSCOPE_'));
    if (typeof reason === 'string') expect(problem).toBe(reason);
    else expect(problem).toMatch(reason);
    expect(config.auth).toEqual({ configured: false, reason: problem });
  });
});

describe('MESHSCOPE_METRICS_TOKEN', () => {
  it.each([{}, { MESHSCOPE_METRICS_TOKEN: '  ' }])('%j leaves /metrics open', (env) => {
    expect(readConfig(env, () => false).metricsToken).toEqual({ configured: true, value: null });
  });

  it('keeps a long enough token, trimmed', () => {
    const token = 'a'.repeat(MIN_METRICS_TOKEN_LENGTH);
    const config = readConfig({ MESHSCOPE_METRICS_TOKEN: ` ${token}\n` }, () => false);
    expect(config.metricsToken).toEqual({ configured: true, value: token });
    expect(config.problems.filter((p) => p.startsWith('MESHSCOPE_METRICS_TOKEN'))).toEqual([]);
  });

  it.each(['short', `${'a'.repeat(MIN_METRICS_TOKEN_LENGTH)} b`, `${'a'.repeat(MIN_METRICS_TOKEN_LENGTH)}é`])('refuses %j and names the variable', (raw) => {
    const config = readConfig({ MESHSCOPE_METRICS_TOKEN: raw }, () => false);
    expect(config.metricsToken.configured).toBe(false);
    expect(config.problems.find((p) => p.startsWith('MESHSCOPE_METRICS_TOKEN:'))).toMatch(/at least 16 printable characters/);
  });
});
