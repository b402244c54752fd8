import fc from 'fast-check';
import type { PodTemplateSpec } from 'kubernetes-types/core/v1';
import { describe, expect, it } from 'vitest';
import { jsonEqual } from '../framework/keys';
import { POD_TEMPLATE_HASH, templatesEqualIgnoringHash } from './deploymentUtil';

/** The definition: copy through JSON, drop the hash label (and labels left empty), compare. */
function reference(a: PodTemplateSpec | undefined, b: PodTemplateSpec | undefined): boolean {
  const strip = (t: PodTemplateSpec | undefined) => {
    const c = JSON.parse(JSON.stringify(t ?? {})) as PodTemplateSpec;
    if (c.metadata?.labels) delete c.metadata.labels[POD_TEMPLATE_HASH];
    if (c.metadata?.labels && Object.keys(c.metadata.labels).length === 0) delete c.metadata.labels;
    return c;
  };
  return jsonEqual(strip(a), strip(b));
}

const value = fc.constantFrom('a', 'b', undefined);
const labels = fc.option(fc.dictionary(fc.constantFrom('app', 'tier', POD_TEMPLATE_HASH), value, { maxKeys: 3 }), { nil: undefined });
const metadata = fc.option(fc.record({ labels, annotations: fc.option(fc.dictionary(fc.constantFrom('x', 'y'), value, { maxKeys: 2 }), { nil: undefined }) }, { requiredKeys: [] }), {
  nil: undefined,
});
const spec = fc.option(fc.record({ containers: fc.array(fc.record({ name: fc.constantFrom('web', 'db'), image: fc.constantFrom('nginx', 'redis') }), { maxLength: 2 }) }), { nil: undefined });
const template = fc.option(fc.record({ metadata, spec }, { requiredKeys: [] }), { nil: undefined }) as fc.Arbitrary<PodTemplateSpec | undefined>;

describe('templatesEqualIgnoringHash (property)', () => {
  it('says what comparing JSON copies without the hash label says', () => {
    fc.assert(
      fc.property(template, template, (a, b) => {
        expect(templatesEqualIgnoringHash(a, b)).toBe(reference(a, b));
        expect(templatesEqualIgnoringHash(a, a)).toBe(true);
      }),
      { numRuns: 3000 },
    );
  });
});
