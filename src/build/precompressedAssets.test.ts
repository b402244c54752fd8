import { mkdtempSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createServer, get, type IncomingHttpHeaders, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { brotliDecompressSync, gunzipSync } from 'node:zlib';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { precompressDirectory, precompressedAssetMiddleware } from './precompressedAssets';

const SCRIPT = `export const text = ${JSON.stringify('kube-proxy '.repeat(400))};\n`;

let dir: string;
let server: Server | undefined;

beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'precompressed-'));
  mkdirSync(join(dir, 'assets'));
  writeFileSync(join(dir, 'assets', 'editor-abc.js'), SCRIPT);
  writeFileSync(join(dir, 'assets', 'tiny-abc.js'), 'export {};\n');
  writeFileSync(join(dir, 'assets', 'logo-abc.png'), Buffer.alloc(4096, 7));
});

afterEach(() => {
  server?.close();
  server = undefined;
  rmSync(dir, { recursive: true, force: true });
});

/** Serves `dir` through the middleware, with a fallback that answers 404 "fallback" (Vite's own handlers). */
async function listen(base?: string): Promise<number> {
  const middleware = precompressedAssetMiddleware(dir, { base, headers: { 'X-Kubelab': 'yes' } });
  server = createServer((req, res) =>
    middleware(req, res, () => {
      res.statusCode = 404;
      res.end('fallback');
    }),
  );
  await new Promise<void>((done) => server!.listen(0, '127.0.0.1', done));
  return (server!.address() as AddressInfo).port;
}

function fetchRaw(port: number, path: string, acceptEncoding: string): Promise<{ status: number; headers: IncomingHttpHeaders; body: Buffer }> {
  return new Promise((done, fail) => {
    get({ host: '127.0.0.1', port, path, headers: { 'Accept-Encoding': acceptEncoding } }, (res) => {
      const parts: Buffer[] = [];
      res.on('data', (b: Buffer) => parts.push(b));
      res.on('end', () => done({ status: res.statusCode!, headers: res.headers, body: Buffer.concat(parts) }));
    }).on('error', fail);
  });
}

describe('precompressDirectory', () => {
  it('writes gzip and brotli copies that decompress to the file, and skips tiny and binary files', async () => {
    const written = await precompressDirectory(dir);
    expect(written).toEqual([join(dir, 'assets', 'editor-abc.js')]);
    const original = readFileSync(join(dir, 'assets', 'editor-abc.js'));
    expect(gunzipSync(readFileSync(join(dir, 'assets', 'editor-abc.js.gz')))).toEqual(original);
    expect(brotliDecompressSync(readFileSync(join(dir, 'assets', 'editor-abc.js.br')))).toEqual(original);
    expect(() => readFileSync(join(dir, 'assets', 'tiny-abc.js.gz'))).toThrow();
    expect(() => readFileSync(join(dir, 'assets', 'logo-abc.png.gz'))).toThrow();
  });
});

describe('precompressedAssetMiddleware', () => {
  it('sends the brotli copy to a browser that accepts it, with the script type and Vary', async () => {
    await precompressDirectory(dir);
    const port = await listen();
    const res = await fetchRaw(port, '/assets/editor-abc.js', 'gzip, deflate, br, zstd');
    expect(res.status).toBe(200);
    expect(res.headers['content-encoding']).toBe('br');
    expect(res.headers['content-type']).toMatch(/^text\/javascript/);
    expect(res.headers.vary).toBe('Accept-Encoding');
    expect(res.headers['x-kubelab']).toBe('yes');
    expect(brotliDecompressSync(res.body).toString()).toBe(SCRIPT);
  });

  it('sends the gzip copy when brotli is not accepted, and leaves other requests to the next handler', async () => {
    await precompressDirectory(dir);
    const port = await listen();
    const gz = await fetchRaw(port, '/assets/editor-abc.js?v=1', 'gzip');
    expect(gz.headers['content-encoding']).toBe('gzip');
    expect(gunzipSync(gz.body).toString()).toBe(SCRIPT);
    for (const path of ['/assets/tiny-abc.js', '/assets/missing.js', '/index.html', '/assets/../assets/editor-abc.js']) {
      const res = await fetchRaw(port, path, 'gzip, br');
      expect([path, res.status, res.body.toString()]).toEqual([path, 404, 'fallback']);
    }
  });

  it('leaves a build without compressed copies to the next handler, as before', async () => {
    const port = await listen();
    const res = await fetchRaw(port, '/assets/editor-abc.js', 'gzip, br');
    expect([res.status, res.body.toString()]).toEqual([404, 'fallback']);
  });

  it('serves under a base path', async () => {
    await precompressDirectory(dir);
    const port = await listen('/lab/');
    const res = await fetchRaw(port, '/lab/assets/editor-abc.js', 'br');
    expect(res.headers['content-encoding']).toBe('br');
    expect(brotliDecompressSync(res.body).toString()).toBe(SCRIPT);
    expect((await fetchRaw(port, '/assets/editor-abc.js', 'br')).body.toString()).toBe('fallback');
  });
});
