import { readFileSync, statSync } from 'node:fs';
import { dirname, isAbsolute, resolve, sep } from 'node:path';
import { loadGemmProfile } from '../core/perf';
import type { GemmProfile } from '../core/perf/types';

export type ProfileLoad = { profile: GemmProfile } | { error: string };

/** Measured GEMM profiles (`shapelint.gpuProfile`), read once per file modification. */
export class ProfileCache {
  private readonly loaded = new Map<string, { mtimeMs: number; load: ProfileLoad }>();

  load(path: string): ProfileLoad {
    try {
      const { mtimeMs } = statSync(path);
      const cached = this.loaded.get(path);
      if (cached && cached.mtimeMs === mtimeMs) return cached.load;
      let load: ProfileLoad;
      try {
        load = { profile: loadGemmProfile(readFileSync(path, 'utf8')) };
      } catch (error) {
        load = { error: error instanceof Error ? error.message : String(error) };
      }
      this.loaded.set(path, { mtimeMs, load });
      return load;
    } catch {
      return { error: 'file not found' };
    }
  }
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
