/**
 * Ship every hashed asset compressed ahead of time, and have the preview server (`npm start`,
 * the benchmarks) send those files instead of compressing each response on the fly.
 *
 * Why: `vite preview` gzips every response as it sends it. On a small machine the server and the
 * browser share the cores, so a cold load paid for the editor's 1.5 MB chunk twice: once to gzip
 * it, once to parse it, while the page, both workers and the cluster boot wanted the same cores.
 * Static hosts serve precompressed (or cached compressed) files; now so does ours.
 */
import { existsSync } from 'node:fs';
import { readFile, readdir, writeFile } from 'node:fs/promises';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { join, resolve } from 'node:path';
import { promisify } from 'node:util';
import { brotliCompress, constants, gzip } from 'node:zlib';
import sirv from 'sirv';
import type { Plugin, ResolvedConfig } from 'vite';

const gzipAsync = promisify(gzip);
const brotliAsync = promisify(brotliCompress);

/** What compresses well; images and woff2 fonts are compressed already. */
const COMPRESSIBLE = /\.(?:js|mjs|css|json|svg|ttf|wasm|txt|map)$/;
/** Below this a compressed copy saves nothing worth a second file (vite's own threshold). */
const MIN_BYTES = 1024;
/**
 * Brotli quality 5: smaller than gzip -9 (1.91 vs 2.07 MB over today's assets) in ~0.6 s for the
 * whole build; quality 11 would take ~27 s of every build for another 0.2 MB.
 */
const BROTLI_QUALITY = 5;

/** Writes `name.gz` (gzip -9) and `name.br` beside each compressible file of `dir` (recursively). */
export async function precompressDirectory(dir: string): Promise<string[]> {
  const written: string[] = [];
  const entries = await readdir(dir, { withFileTypes: true, recursive: true });
  await Promise.all(
    entries
      .filter((e) => e.isFile() && COMPRESSIBLE.test(e.name))
      .map(async (e) => {
        const file = join(e.parentPath, e.name);
        const data = await readFile(file);
        if (data.length < MIN_BYTES) return;
        const [gz, br] = await Promise.all([
          gzipAsync(data, { level: 9 }),
          brotliAsync(data, { params: { [constants.BROTLI_PARAM_QUALITY]: BROTLI_QUALITY, [constants.BROTLI_PARAM_SIZE_HINT]: data.length } }),
        ]);
        await Promise.all([writeFile(`${file}.gz`, gz), writeFile(`${file}.br`, br)]);
        written.push(file);
      }),
  );
  return written.sort();
}

type Middleware = (req: IncomingMessage, res: ServerResponse, next: () => void) => void;

/**
 * Serves `/assets/…` requests from `outDir` precompressed (brotli or gzip, as the request
 * accepts) when the build wrote such copies; anything else goes on to Vite's own handlers, so a
 * build made without this plugin is served exactly as before.
 */
export function precompressedAssetMiddleware(outDir: string, opts: { base?: string; assetsDir?: string; headers?: Record<string, string> } = {}): Middleware {
  const { base = '/', assetsDir = 'assets', headers } = opts;
  const serve = sirv(outDir, {
    brotli: true,
    gzip: true,
    etag: true,
    dev: true,
    extensions: [],
    setHeaders: (res) => {
      for (const [name, value] of Object.entries(headers ?? {})) res.setHeader(name, value);
    },
  });
  const prefix = `${base.endsWith('/') ? base : `${base}/`}${assetsDir}/`;
  return (req, res, next) => {
    const url = req.url ?? '';
    const query = url.indexOf('?');
    const path = decodeURIComponent(query < 0 ? url : url.slice(0, query));
    if ((req.method !== 'GET' && req.method !== 'HEAD') || !path.startsWith(prefix) || path.includes('..')) return next();
    const inOutDir = `/${assetsDir}/${path.slice(prefix.length)}`;
    if (!existsSync(join(outDir, `${inOutDir}.gz`))) return next();
    req.url = inOutDir + (query < 0 ? '' : url.slice(query));
    serve(req, res, () => {
      req.url = url;
      next();
    });
  };
}

export function precompressedAssets(): Plugin {
  let config: ResolvedConfig;
  return {
    name: 'kubelab-precompressed-assets',
    configResolved(resolved) {
      config = resolved;
    },
    async writeBundle(options) {
      // The app's build writes its outDir; the workers' nested builds have no dir of their own here.
      if (!options.dir) return;
      await precompressDirectory(resolve(options.dir, config.build.assetsDir));
    },
    configurePreviewServer(server) {
      // Registered before Vite's compression middleware, so precompressed files skip it.
      const { root, base, build, preview } = server.config;
      server.middlewares.use(precompressedAssetMiddleware(resolve(root, build.outDir), { base, assetsDir: build.assetsDir, headers: preview.headers as Record<string, string> | undefined }));
    },
  };
}
