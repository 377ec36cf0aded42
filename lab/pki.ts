import { spawnSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { labPaths } from './paths';

/** The identities the lab creates: an admin (system:masters) and a read-only viewer. */
export interface LabIdentity {
  user: string;
  group: string;
  token: string;
}

export interface LabPki {
  caCert: string;
  serverCert: string;
  serverKey: string;
  serviceAccountKey: string;
  serviceAccountPub: string;
  tokenFile: string;
  admin: LabIdentity;
  viewer: LabIdentity;
}

function openssl(args: string[], cwd: string): void {
  const out = spawnSync('openssl', args, { cwd, encoding: 'utf8' });
  if (out.error) throw new Error('the lab needs the `openssl` command to make its certificates');
  if (out.status !== 0) throw new Error(`openssl ${args[0]} failed: ${out.stderr}`);
}

function generate(dir: string): void {
  const ext = join(dir, 'server.ext');
  writeFileSync(
    ext,
    'subjectAltName=IP:127.0.0.1,DNS:localhost,DNS:kubernetes,DNS:kubernetes.default,DNS:kubernetes.default.svc\n' +
      'extendedKeyUsage=serverAuth\nkeyUsage=digitalSignature,keyEncipherment\n',
  );
  openssl(['req', '-x509', '-newkey', 'rsa:2048', '-nodes', '-keyout', 'ca.key', '-out', 'ca.crt', '-days', '3650', '-subj', '/CN=meshscope-lab-ca'], dir);
  openssl(['req', '-newkey', 'rsa:2048', '-nodes', '-keyout', 'server.key', '-out', 'server.csr', '-subj', '/CN=kube-apiserver'], dir);
  openssl(['x509', '-req', '-in', 'server.csr', '-CA', 'ca.crt', '-CAkey', 'ca.key', '-CAcreateserial', '-out', 'server.crt', '-days', '3650', '-extfile', ext], dir);
  openssl(['genrsa', '-out', 'sa.key', '2048'], dir);
  openssl(['rsa', '-in', 'sa.key', '-pubout', '-out', 'sa.pub'], dir);
  const admin = randomBytes(24).toString('hex');
  const viewer = randomBytes(24).toString('hex');
  // Static token file: token,user,uid,"groups"
  writeFileSync(
    join(dir, 'tokens.csv'),
    `${admin},meshscope-admin,meshscope-admin,"system:masters"\n${viewer},meshscope-viewer,meshscope-viewer,"meshscope:viewers"\n`,
    { mode: 0o600 },
  );
}

function readIdentities(tokenFile: string): { admin: LabIdentity; viewer: LabIdentity } {
  const rows = readFileSync(tokenFile, 'utf8').trim().split('\n').map((line) => {
    const [token = '', user = '', , group = ''] = line.split(',');
    return { token, user, group: group.replaceAll('"', '') };
  });
  const find = (user: string) => {
    const row = rows.find((r) => r.user === user);
    if (!row) throw new Error(`${tokenFile} has no ${user}`);
    return row;
  };
  return { admin: find('meshscope-admin'), viewer: find('meshscope-viewer') };
}

/** Makes the lab's CA, serving certificate, service-account keys and tokens once, then reuses them. */
export function ensurePki(): LabPki {
  const dir = labPaths.pki;
  mkdirSync(dir, { recursive: true, mode: 0o700 });
  if (!existsSync(join(dir, 'tokens.csv'))) generate(dir);
  const tokenFile = join(dir, 'tokens.csv');
  return {
    caCert: join(dir, 'ca.crt'),
    serverCert: join(dir, 'server.crt'),
    serverKey: join(dir, 'server.key'),
    serviceAccountKey: join(dir, 'sa.key'),
    serviceAccountPub: join(dir, 'sa.pub'),
    tokenFile,
    ...readIdentities(tokenFile),
  };
}

/** A kubeconfig file for one identity against the lab's API server. */
export function kubeconfigYaml(server: string, caCert: string, identity: LabIdentity): string {
  const ca = readFileSync(caCert).toString('base64');
  return [
    'apiVersion: v1',
    'kind: Config',
    'clusters:',
    '- name: meshscope-lab',
    '  cluster:',
    `    server: ${server}`,
    `    certificate-authority-data: ${ca}`,
    'users:',
    `- name: ${identity.user}`,
    '  user:',
    `    token: ${identity.token}`,
    'contexts:',
    `- name: ${identity.user}@meshscope-lab`,
    '  context:',
    '    cluster: meshscope-lab',
    `    user: ${identity.user}`,
    `current-context: ${identity.user}@meshscope-lab`,
    '',
  ].join('\n');
}
