import { beforeEach, describe, expect, it, vi } from 'vitest';

// Monaco's worker handshake, replaced so the test can play the page's side: it hands over a context and the create data.
const handshake = vi.hoisted(() => ({ create: undefined as undefined | ((ctx: unknown, data: unknown) => object) }));
vi.mock('monaco-editor/editor/editor.worker', () => ({
  initialize: (create: (ctx: unknown, data: unknown) => object) => (handshake.create = create),
}));

const OPTIONS = { validate: true, schemas: [{ uri: 'https://k8s/schema.json', fileMatch: ['**/*'] }], format: { enable: true } };
const pageModel = { uri: 'file:///web.yaml', version: 3, getValue: () => 'kind: Service\n' };
const pageContext = { host: 'page', getMirrorModels: () => [pageModel] };

async function loadWorker() {
  vi.resetModules();
  (globalThis as { self?: unknown }).self = globalThis;
  const ahead = await import('./yamlServiceAhead');
  const built: { ctx: { getMirrorModels(): readonly { uri: unknown }[] }; data: unknown }[] = [];
  const validated: unknown[][] = [];
  ahead.initialize((ctx, data) => {
    built.push({ ctx, data });
    return { doValidation: async (uri: string) => validated.push([uri, ctx.getMirrorModels().map((m) => m.uri)]) };
  });
  // The first message wakes Monaco's handshake (what monaco-yaml's adapter sends as 'ignore').
  (self.onmessage as () => void)();
  return { ahead, built, validated };
}

describe('yamlServiceAhead', () => {
  beforeEach(() => (handshake.create = undefined));

  it('builds the service at boot, validates the warm-up document, and reuses it for equal create data', async () => {
    const { ahead, built, validated } = await loadWorker();
    ahead.prepareYamlService(OPTIONS, { uri: 'warm:/a.yaml', text: 'kind: Service\n' });
    expect(built).toHaveLength(1);
    expect(validated).toEqual([['warm:/a.yaml', ['warm:/a.yaml']]]);
    // Structured clone after postMessage: an equal value, keys in another order.
    const service = handshake.create!(pageContext, JSON.parse(JSON.stringify({ format: OPTIONS.format, schemas: OPTIONS.schemas, validate: true }))) as {
      doValidation(uri: string): Promise<unknown>;
    };
    expect(built).toHaveLength(1);
    expect(built[0]!.ctx.getMirrorModels()).toEqual([pageModel]);
    await service.doValidation('file:///web.yaml');
    expect(validated.at(-1)).toEqual(['file:///web.yaml', ['file:///web.yaml']]);
  });

  it('builds a fresh service with the page context when the create data differs', async () => {
    const { ahead, built } = await loadWorker();
    ahead.prepareYamlService(OPTIONS, { uri: 'warm:/a.yaml', text: 'kind: Service\n' });
    const other = { ...OPTIONS, validate: false };
    handshake.create!(pageContext, other);
    expect(built).toHaveLength(2);
    expect(built[1]).toEqual({ ctx: pageContext, data: other });
  });

  it('compares create data structurally', async () => {
    const { sameValue } = await import('./yamlServiceAhead');
    expect(sameValue({ a: [1, { b: 'x' }], c: null }, { c: null, a: [1, { b: 'x' }] })).toBe(true);
    expect(sameValue({ a: [1] }, { a: [1, 2] })).toBe(false);
    expect(sameValue({ a: [] }, { a: {} })).toBe(false);
    expect(sameValue({ a: undefined }, { b: undefined })).toBe(false);
    expect(sameValue({ a: 1 }, { a: '1' })).toBe(false);
  });
});
