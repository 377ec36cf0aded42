import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { KubeConfig } from '@kubernetes/client-node';
import { describe, expect, it } from 'vitest';
import { pinnedVersion } from './binaries';
import { readLabEnv, writeLabEnv, type LabEnv } from './env-file';
import { kubeconfigYaml } from './pki';
import { ROOT } from './paths';

describe('pinnedVersion', () => {
  it.each([
    ['lab/tools/kube/go.mod', 'k8s.io/kubernetes', /^v1\.\d+\.\d+$/],
    ['lab/tools/kube/go.mod', 'go.etcd.io/etcd/server/v3', /^v3\.\d+\.\d+$/],
    ['lab/tools/jaeger/go.mod', 'github.com/jaegertracing/jaeger', /^v\d+\.\d+\.\d+$/],
  ])('%s pins %s', (file, module, pattern) => {
    expect(pinnedVersion(readFileSync(join(ROOT, file), 'utf8'), module)).toMatch(pattern);
  });

  it('does not mistake a longer module path for the one asked', () => {
    const goMod = 'require (\n\tk8s.io/kubernetes-extra v9.9.9\n\tk8s.io/kubernetes v1.36.3 // indirect\n)\n';
    expect(pinnedVersion(goMod, 'k8s.io/kubernetes')).toBe('v1.36.3');
    expect(() => pinnedVersion(goMod, 'go.etcd.io/etcd/server/v3')).toThrow(/not pinned/);
  });
});

describe('lab env file', () => {
  it('round-trips values, quotes included', () => {
    const path = join(mkdtempSync(join(tmpdir(), 'labenv-')), 'env');
    const env = {
      KUBE_API_URL: 'https://127.0.0.1:6443',
      KUBECONFIG_ADMIN: "/tmp/it's here/kubeconfig-admin",
      LAB_PID: '42',
    } as LabEnv;
    writeLabEnv(env, path);
    expect(readLabEnv(path)).toEqual(env);
    expect(readFileSync(path, 'utf8')).toContain("KUBECONFIG_ADMIN='/tmp/it'\\''s here/kubeconfig-admin'");
  });
});

describe('kubeconfigYaml', () => {
  it('is a kubeconfig the Kubernetes client loads, with the token and the CA', () => {
    const dir = mkdtempSync(join(tmpdir(), 'kc-'));
    const ca = join(dir, 'ca.crt');
    writeFileSync(ca, '-----BEGIN CERTIFICATE-----\nMIIB\n-----END CERTIFICATE-----\n');
    const kc = new KubeConfig();
    kc.loadFromString(kubeconfigYaml('https://127.0.0.1:6443', ca, { user: 'meshscope-viewer', group: 'g', token: 'abc' }));
    expect(kc.getCurrentCluster()?.server).toBe('https://127.0.0.1:6443');
    expect(Buffer.from(kc.getCurrentCluster()?.caData ?? '', 'base64').toString()).toContain('BEGIN CERTIFICATE');
    expect(kc.getCurrentUser()?.token).toBe('abc');
    expect(kc.getCurrentContext()).toBe('meshscope-viewer@meshscope-lab');
  });
});
