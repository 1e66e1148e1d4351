import { closeSync, constants, fstatSync, openSync, readdirSync, readSync, realpathSync, statSync } from 'node:fs';
import { homedir } from 'node:os';
import { isAbsolute, join, relative } from 'node:path';
import type { HubConfigLookup } from '../core/model/options';
import { LARGEST_PROFILE_BYTES } from './profiles';

/**
 * The local Hugging Face cache, read on the Node host only and never over the network: a Hub
 * id's `models--org--name/snapshots/<revision>/config.json` under `HF_HUB_CACHE`, else
 * `HF_HOME/hub`, else `~/.cache/huggingface/hub` (huggingface_hub's order). The id comes from a
 * config someone else may have written, so it is checked to be `org/name` and the file, after
 * links (snapshots link into `blobs/`), must stay inside that model's folder; it is read as the
 * GPU profile is: opened without blocking, a regular file only, at most LARGEST_PROFILE_BYTES.
 */
export function hubCacheFolder(env: NodeJS.ProcessEnv = process.env, home = homedir()): string {
  if (env.HF_HUB_CACHE) return env.HF_HUB_CACHE;
  if (env.HF_HOME) return join(env.HF_HOME, 'hub');
  return join(home, '.cache', 'huggingface', 'hub');
}

const HUB_ID = /^[A-Za-z0-9][\w.-]*\/[\w.-]+$/;
const REVISION = /^[\w.-]+$/;

/** Read afresh on each call (a few small files), so a model downloaded while the editor runs is seen. */
export function localHubConfig(cacheFolder: string = hubCacheFolder()): HubConfigLookup {
  return (id, revision) => readCachedConfig(cacheFolder, id, revision);
}

function readCachedConfig(cacheFolder: string, id: string, revision: string | undefined): ReturnType<HubConfigLookup> {
  if (!HUB_ID.test(id) || id.includes('..') || (revision !== undefined && !REVISION.test(revision))) return undefined;
  const modelFolder = join(cacheFolder, `models--${id.replace('/', '--')}`);
  const snapshot = snapshotOf(modelFolder, revision);
  if (snapshot === undefined) return undefined;
  const path = join(modelFolder, 'snapshots', snapshot, 'config.json');
  const text = readBounded(path, modelFolder);
  return text === undefined ? undefined : { text, path, revision: snapshot };
}

/**
 * The snapshot to read: the revision asked for (a commit, or a branch or tag through `refs/`),
 * else what `refs/main` points at, else the newest snapshot with a config.json.
 */
function snapshotOf(modelFolder: string, revision: string | undefined): string | undefined {
  const snapshots = join(modelFolder, 'snapshots');
  const ref = (name: string): string | undefined => {
    const text = readBounded(join(modelFolder, 'refs', name), modelFolder)?.trim();
    return text && REVISION.test(text) ? text : undefined;
  };
  const has = (name: string) => isFile(join(snapshots, name, 'config.json'));
  if (revision !== undefined) {
    const commit = has(revision) ? revision : ref(revision);
    return commit !== undefined && has(commit) ? commit : undefined;
  }
  const main = ref('main');
  if (main !== undefined && has(main)) return main;
  let names: string[];
  try {
    names = readdirSync(snapshots).filter((name) => REVISION.test(name) && has(name));
  } catch {
    return undefined;
  }
  return names.sort((a, b) => mtime(join(snapshots, b)) - mtime(join(snapshots, a)))[0];
}

function isFile(path: string): boolean {
  try {
    return statSync(path).isFile();
  } catch {
    return false;
  }
}

function mtime(path: string): number {
  try {
    return statSync(path).mtimeMs;
  } catch {
    return 0;
  }
}

/** The file's text when it is a regular file inside `root` (after links) no larger than the cap. */
function readBounded(path: string, root: string): string | undefined {
  let real: string;
  let realRoot: string;
  try {
    real = realpathSync(path);
    realRoot = realpathSync(root);
  } catch {
    return undefined;
  }
  const inside = relative(realRoot, real);
  if (inside === '' || inside.startsWith('..') || isAbsolute(inside)) return undefined;
  let handle: number;
  try {
    handle = openSync(real, constants.O_RDONLY | constants.O_NONBLOCK);
  } catch {
    return undefined;
  }
  try {
    const stats = fstatSync(handle);
    if (!stats.isFile() || stats.size > LARGEST_PROFILE_BYTES) return undefined;
    const buffer = Buffer.alloc(Math.min(stats.size, LARGEST_PROFILE_BYTES) + 1);
    const bytesRead = readSync(handle, buffer, 0, buffer.length, 0);
    return bytesRead > LARGEST_PROFILE_BYTES ? undefined : buffer.subarray(0, bytesRead).toString('utf8');
  } catch {
    return undefined;
  } finally {
    closeSync(handle);
  }
}
