import { spawn, spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, renameSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { formatDuration, say } from './log';
import { cacheDir, ROOT } from './paths';

/** A server the lab builds from the Go module proxy, pinned by a tools module under lab/tools. */
interface GoBinary {
  name: 'kube-apiserver' | 'etcd' | 'jaeger';
  toolsDir: string;
  /** The module whose version names the binary. */
  module: string;
  pkg: string;
  ldflags: (version: string) => string[];
}

const GO_BINARIES: GoBinary[] = [
  {
    name: 'etcd',
    toolsDir: 'lab/tools/kube',
    module: 'go.etcd.io/etcd/server/v3',
    pkg: 'go.etcd.io/etcd/server/v3',
    ldflags: () => [],
  },
  {
    name: 'kube-apiserver',
    toolsDir: 'lab/tools/kube',
    module: 'k8s.io/kubernetes',
    pkg: 'k8s.io/kubernetes/cmd/kube-apiserver',
    ldflags: (v) => {
      const [major, minor] = v.replace(/^v/, '').split('.');
      return [
        `-X k8s.io/component-base/version.gitVersion=${v}`,
        `-X k8s.io/component-base/version.gitMajor=${major}`,
        `-X k8s.io/component-base/version.gitMinor=${minor}`,
        '-X k8s.io/component-base/version.gitTreeState=clean',
      ];
    },
  },
  {
    name: 'jaeger',
    toolsDir: 'lab/tools/jaeger',
    module: 'github.com/jaegertracing/jaeger',
    pkg: 'github.com/jaegertracing/jaeger/cmd/jaeger',
    ldflags: (v) => [`-X github.com/jaegertracing/jaeger/internal/version.latestVersion=${v}`],
  },
];

export interface BuiltBinary {
  name: GoBinary['name'];
  version: string;
  path: string;
}

/** Reads the pinned version of a module from a tools go.mod. */
export function pinnedVersion(goMod: string, module: string): string {
  const escaped = module.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&');
  const match = new RegExp(`^\\s*${escaped}\\s+(v\\S+)`, 'm').exec(goMod);
  if (!match?.[1]) throw new Error(`${module} is not pinned in the tools go.mod`);
  return match[1];
}

function goEnv(): NodeJS.ProcessEnv {
  // Module and build caches stay in the Go defaults under $HOME, outside the work tree.
  return { ...process.env, CGO_ENABLED: '0', GOTOOLCHAIN: 'local', GOFLAGS: '-mod=readonly' };
}

function goVersion(): string {
  const out = spawnSync('go', ['env', 'GOVERSION'], { encoding: 'utf8' });
  if (out.status !== 0) throw new Error('the lab needs Go to build its servers, and `go` was not found on PATH');
  return out.stdout.trim();
}

function countPackages(bin: GoBinary, cwd: string): number {
  const out = spawnSync('go', ['list', '-deps', bin.pkg], { cwd, env: goEnv(), encoding: 'utf8', maxBuffer: 64 << 20 });
  if (out.status !== 0) throw new Error(`go list ${bin.pkg} failed:\n${out.stderr.slice(-2000)}`);
  return out.stdout.split('\n').filter(Boolean).length;
}

async function build(bin: GoBinary, version: string, target: string): Promise<void> {
  const cwd = join(ROOT, bin.toolsDir);
  const started = Date.now();
  say(`building ${bin.name} ${version} (first run only; later starts use the cache)`);
  say(`  resolving modules for ${bin.pkg}...`);
  const total = countPackages(bin, cwd);
  const tmp = `${target}.partial-${process.pid}`;
  const args = ['build', '-v', '-trimpath', '-ldflags', ['-s', '-w', ...bin.ldflags(version)].join(' '), '-o', tmp, bin.pkg];
  let built = 0;
  let tail = '';
  await new Promise<void>((resolve, reject) => {
    const child = spawn('go', args, { cwd, env: goEnv(), stdio: ['ignore', 'ignore', 'pipe'] });
    const ticker = setInterval(() => {
      say(`  ${bin.name}: compiled ${built} of about ${total} packages (${formatDuration(Date.now() - started)})`);
    }, 15_000);
    child.stderr.setEncoding('utf8');
    child.stderr.on('data', (chunk: string) => {
      built += chunk.split('\n').filter((l) => l && !l.startsWith('#')).length;
      tail = (tail + chunk).slice(-4000);
    });
    child.on('error', reject);
    child.on('close', (code) => {
      clearInterval(ticker);
      if (code === 0) resolve();
      else reject(new Error(`building ${bin.name} failed (go build exit ${code}):\n${tail}`));
    });
  });
  renameSync(tmp, target);
  say(`  ${bin.name} built in ${formatDuration(Date.now() - started)}`);
}

/** Builds (or finds in the cache) every Go server of the lab, one at a time: the machine has 2 cores. */
export async function ensureGoBinaries(): Promise<Record<GoBinary['name'], BuiltBinary>> {
  const go = goVersion();
  const result = {} as Record<GoBinary['name'], BuiltBinary>;
  for (const bin of GO_BINARIES) {
    const toolsDir = join(ROOT, bin.toolsDir);
    const goMod = readFileSync(join(toolsDir, 'go.mod'), 'utf8');
    const goSum = readFileSync(join(toolsDir, 'go.sum'), 'utf8');
    const version = pinnedVersion(goMod, bin.module);
    const key = createHash('sha256').update([go, goMod, goSum, bin.pkg, ...bin.ldflags(version)].join('\n')).digest('hex');
    const dir = join(cacheDir(), 'bin', `${bin.name}-${version}-${key.slice(0, 12)}`);
    const target = join(dir, bin.name);
    if (!existsSync(target)) {
      mkdirSync(dir, { recursive: true });
      try {
        await build(bin, version, target);
      } catch (err) {
        rmSync(`${target}.partial-${process.pid}`, { force: true });
        throw err;
      }
    }
    result[bin.name] = { name: bin.name, version, path: target };
  }
  return result;
}

function onPath(command: string): boolean {
  return spawnSync('sh', ['-c', `command -v ${command}`], { stdio: 'ignore' }).status === 0;
}

/** Installs Debian packages whose command is missing (as root, with apt-get); fails with the command to run otherwise. */
export function ensureDebianPackages(wanted: { command: string; pkg: string }[]): void {
  const missing = wanted.filter((w) => !onPath(w.command));
  if (missing.length === 0) return;
  const pkgs = missing.map((m) => m.pkg);
  if (process.getuid?.() !== 0) {
    throw new Error(`missing ${pkgs.join(', ')}: install with \`sudo apt-get install -y ${pkgs.join(' ')}\``);
  }
  say(`installing Debian packages: ${pkgs.join(', ')}`);
  const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
  for (const args of [['update', '-qq'], ['install', '-y', '-qq', '--no-install-recommends', ...pkgs]]) {
    const out = spawnSync('apt-get', args, { env, stdio: ['ignore', 'ignore', 'pipe'], encoding: 'utf8' });
    if (out.status !== 0) throw new Error(`apt-get ${args[0]} failed:\n${out.stderr.slice(-2000)}`);
  }
}

/** The version a command prints for `--version`, first line. */
export function commandVersion(command: string): string {
  const out = spawnSync(command, ['--version'], { encoding: 'utf8' });
  return `${out.stdout}${out.stderr}`.split('\n')[0]?.trim() ?? 'unknown';
}
