import { readFileSync } from 'node:fs';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import type { Benchmark, Figure } from './types';
import { measureEditorValidation } from './editorValidationBench';

interface ManifestChunk {
  file: string;
  isEntry?: boolean;
  isDynamicEntry?: boolean;
  imports?: string[];
  dynamicImports?: string[];
  name?: string;
}

/**
 * Builds the app into a scratch folder and weighs what a learner downloads: the JavaScript
 * loaded before the editor opens (the entry and its static imports) and the lazy editor chunk;
 * then serves that build to headless Chromium for the time from opening the editor to its first
 * schema validation on a cold load.
 */
export const bundleBench: Benchmark = {
  name: 'bundle',
  async run() {
    const outDir = mkdtempSync(join(tmpdir(), 'kubelab-bench-'));
    try {
      const { build } = await import('vite');
      await build({ logLevel: 'warn', build: { outDir, manifest: true, emptyOutDir: true } });
      const manifest = JSON.parse(readFileSync(join(outDir, '.vite', 'manifest.json'), 'utf8')) as Record<string, ManifestChunk>;
      const gz = (file: string) => gzipSync(readFileSync(join(outDir, file))).length;
      const entryKey = Object.keys(manifest).find((k) => manifest[k]!.isEntry);
      if (!entryKey) throw new Error('the build manifest has no entry chunk');
      const initial = staticClosure(manifest, entryKey);
      const initialBytes = [...initial].reduce((sum, k) => sum + gz(manifest[k]!.file), 0);
      const editorKey = Object.keys(manifest).find((k) => manifest[k]!.isDynamicEntry && /MonacoEditor/.test(k));
      const figures: Figure[] = [
        { benchmark: 'bundle', metric: 'initial JS (gzip)', value: kib(initialBytes), unit: 'KiB', target: { max: 300 } },
      ];
      if (editorKey) {
        const editorOnly = [...staticClosure(manifest, editorKey)].filter((k) => !initial.has(k));
        const editorBytes = editorOnly.reduce((sum, k) => sum + gz(manifest[k]!.file), 0);
        figures.push({ benchmark: 'bundle', metric: 'editor chunk (gzip)', value: kib(editorBytes), unit: 'KiB', target: { max: 450 } });
      }
      const validationMs = await measureEditorValidation(outDir);
      figures.push({ benchmark: 'bundle', metric: 'editor open → first validation (cold load)', value: validationMs, unit: 'ms', target: { max: 800 } });
      return figures;
    } finally {
      rmSync(outDir, { recursive: true, force: true });
    }
  },
};

function staticClosure(manifest: Record<string, ManifestChunk>, key: string, seen = new Set<string>()): Set<string> {
  if (seen.has(key)) return seen;
  seen.add(key);
  for (const dep of manifest[key]?.imports ?? []) staticClosure(manifest, dep, seen);
  return seen;
}

function kib(bytes: number): number {
  return Math.round((bytes / 1024) * 10) / 10;
}
