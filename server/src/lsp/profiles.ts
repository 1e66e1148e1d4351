import { constants } from 'node:fs';
import { open, realpath } from 'node:fs/promises';
import { homedir } from 'node:os';
import { dirname, isAbsolute, relative, resolve, sep } from 'node:path';
import { parseGemmProfile, ProfileError } from '../core/perf';
import type { GemmProfile } from '../core/model/prediction';

export type ProfileLoad = { profile: GemmProfile } | { error: string };

/** A measured profile is a few hundred rows of JSON; anything far larger is not one. */
export const LARGEST_PROFILE_BYTES = 4 * 1024 * 1024;

/**
 * Measured GEMM profiles (`shapelint.gpuProfile`), read once per file modification. The setting
 * may come from a workspace someone else wrote, so it is a trust boundary: the path must lead (after
 * links) to a regular file inside a workspace folder (or the document's folder when there is none)
 * or the user's home; it is opened without blocking (a FIFO or a device is refused, never waited
 * on), read up to a size cap, and errors never quote its content.
 */
export class ProfileCache {
  private readonly loaded = new Map<string, { mtimeMs: number; size: number; load: ProfileLoad }>();

  constructor(private readonly home = homedir()) {}

  async load(setting: string, documentPath: string, workspaceFolders: readonly string[]): Promise<ProfileLoad> {
    const path = resolveProfilePath(setting, documentPath, workspaceFolders);
    let real: string;
    try {
      real = await realpath(path);
    } catch {
      return { error: 'file not found' };
    }
    const roots = [...(workspaceFolders.length > 0 ? workspaceFolders : [dirname(documentPath)]), this.home];
    if (!(await Promise.all(roots.map((root) => isInside(real, root)))).some(Boolean)) {
      return { error: 'it is outside the workspace folders and your home folder, so it is not read' };
    }
    let handle;
    try {
      handle = await open(real, constants.O_RDONLY | constants.O_NONBLOCK);
    } catch {
      return { error: 'file cannot be opened' };
    }
    try {
      const stats = await handle.stat();
      if (!stats.isFile()) return { error: 'not a regular file' };
      if (stats.size > LARGEST_PROFILE_BYTES) return { error: `larger than ${LARGEST_PROFILE_BYTES / 1024 / 1024} MB` };
      const cached = this.loaded.get(real);
      if (cached && cached.mtimeMs === stats.mtimeMs && cached.size === stats.size) return cached.load;
      // The size may change between stat and read: read at most one byte past the cap.
      const buffer = Buffer.alloc(Math.min(stats.size, LARGEST_PROFILE_BYTES) + 1);
      const { bytesRead } = await handle.read(buffer, 0, buffer.length, 0);
      const load = bytesRead > LARGEST_PROFILE_BYTES ? { error: `larger than ${LARGEST_PROFILE_BYTES / 1024 / 1024} MB` } : parseProfile(buffer.subarray(0, bytesRead).toString('utf8'));
      this.loaded.set(real, { mtimeMs: stats.mtimeMs, size: stats.size, load });
      return load;
    } finally {
      await handle.close();
    }
  }
}

/** The profile, or why not, in words that never repeat the file's content (JSON.parse's would). */
function parseProfile(text: string): ProfileLoad {
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    return { error: 'not a JSON file' };
  }
  try {
    return { profile: parseGemmProfile(json) };
  } catch (error) {
    if (error instanceof ProfileError) return { error: error.message };
    throw error;
  }
}

async function isInside(path: string, root: string): Promise<boolean> {
  let realRoot: string;
  try {
    realRoot = await realpath(root);
  } catch {
    return false;
  }
  const fromRoot = relative(realRoot, path);
  return fromRoot !== '' && !fromRoot.startsWith('..') && !isAbsolute(fromRoot);
}

/**
 * Where a profile setting points: absolute as written; relative to the workspace folder that
 * holds the document (as `${workspaceFolder}` would be), else to the document's folder.
 */
export function resolveProfilePath(setting: string, documentPath: string, workspaceFolders: readonly string[]): string {
  const path = setting.replace(/^\$\{workspaceFolder\}[\\/]?/, '');
  if (isAbsolute(path)) return path;
  const folder = workspaceFolders.find((candidate) => documentPath.startsWith(candidate.endsWith(sep) ? candidate : candidate + sep));
  return resolve(folder ?? dirname(documentPath), path);
}
