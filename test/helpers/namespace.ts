import { spawn, spawnSync } from 'node:child_process';
import { outcomeOf, type CliResult } from './run.js';

/**
 * A documentation address (TEST-NET-3, RFC 5737): public to sitesize, and put
 * on the loopback of the namespace, so that what is sent to it stays there.
 */
export const publicAddress = '203.0.113.10';

// As root, a network namespace of its own; otherwise one owned by a new user
// namespace, where the kernel allows unprivileged ones.
const unshare = ['unshare', ...(process.getuid?.() === 0 ? ['--net'] : ['--user', '--map-root-user', '--net'])];
const setUp = `ip link set lo up && ip addr add ${publicAddress}/32 dev lo`;

function probe(): string | undefined {
  const [command = 'unshare', ...args] = unshare;
  const result = spawnSync(command, [...args, 'sh', '-c', setUp], { encoding: 'utf8', timeout: 5000 });
  if (result.error) return `cannot run unshare (${result.error.message})`;
  if (result.status !== 0) return `cannot make a network namespace (${result.stderr.trim() || `exit ${String(result.status)}`})`;
  return undefined;
}

/** Why no network namespace can be made here (not root, no unshare or ip), or undefined when one can. */
export const namespaceUnavailable = probe();

/**
 * Runs the node script `path` with `args` in a network namespace made for it
 * and gone with it, whose only interface is its own loopback, holding
 * 127.0.0.1 and `publicAddress`: nothing it sends can leave the machine. The
 * script is killed if it outlives `timeoutMs`.
 */
export function runInNamespace(path: string, args: string[] = [], timeoutMs = 15_000): Promise<CliResult> {
  const [command = 'unshare', ...unshareArgs] = unshare;
  // `exec` keeps node the namespace's only process, so killing it ends the namespace.
  const child = spawn(command, [...unshareArgs, 'sh', '-c', `${setUp} && exec "$@"`, 'sh', process.execPath, path, ...args], {
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  return outcomeOf(child, timeoutMs);
}
