import assert from 'node:assert/strict';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { test } from 'node:test';

/**
 * The core reads top to bottom with no step back up (shared/notes/design.md): no folder of
 * server/src/core imports a folder that imports it back, directly or through others. A folder is
 * the unit, so a type-only import counts too; a subfolder is a folder of its own.
 */
const CORE = resolve(__dirname, '../../../server/src/core');

function sourceFiles(folder: string): string[] {
  return readdirSync(folder).flatMap((name) => {
    const path = join(folder, name);
    return statSync(path).isDirectory() ? sourceFiles(path) : name.endsWith('.ts') ? [path] : [];
  });
}

function folderOf(file: string): string {
  return relative(CORE, dirname(file)) || '.';
}

/** Folder → the folders its modules import (relative imports only: packages are outside the core). */
function folderGraph(): Map<string, Set<string>> {
  const graph = new Map<string, Set<string>>();
  for (const file of sourceFiles(CORE)) {
    const from = folderOf(file);
    const targets = graph.get(from) ?? new Set<string>();
    graph.set(from, targets);
    for (const [, specifier] of readFileSync(file, 'utf8').matchAll(/\bfrom\s+'(\.{1,2}\/[^']*)'/g)) {
      const target = resolve(dirname(file), specifier);
      const targetFolder = statSync(target, { throwIfNoEntry: false })?.isDirectory() ? relative(CORE, target) || '.' : folderOf(target + '.ts');
      if (targetFolder !== from) targets.add(targetFolder);
    }
  }
  return graph;
}

/** The strongly connected groups of more than one folder (Tarjan's algorithm). */
function cycles(graph: Map<string, Set<string>>): string[][] {
  const index = new Map<string, number>();
  const low = new Map<string, number>();
  const stack: string[] = [];
  const onStack = new Set<string>();
  const groups: string[][] = [];
  const visit = (node: string): void => {
    index.set(node, index.size);
    low.set(node, index.get(node)!);
    stack.push(node);
    onStack.add(node);
    for (const next of graph.get(node) ?? []) {
      if (!index.has(next)) {
        visit(next);
        low.set(node, Math.min(low.get(node)!, low.get(next)!));
      } else if (onStack.has(next)) {
        low.set(node, Math.min(low.get(node)!, index.get(next)!));
      }
    }
    if (low.get(node) === index.get(node)) {
      const group: string[] = [];
      let member: string;
      do {
        member = stack.pop()!;
        onStack.delete(member);
        group.push(member);
      } while (member !== node);
      if (group.length > 1) groups.push(group.sort());
    }
  };
  for (const node of graph.keys()) if (!index.has(node)) visit(node);
  return groups;
}

test('no folder of the core imports a folder that imports it back', () => {
  assert.deepEqual(cycles(folderGraph()), []);
});

test('model/ holds the types every stage shares and imports no other folder of the core', () => {
  assert.deepEqual([...(folderGraph().get('model') ?? ['model/ is missing'])], []);
});
