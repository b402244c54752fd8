/** Maps manifest objects to resources and namespaces, with kubectl's mapping and namespace errors. */
import { ApiError } from '../../api/types';
import type { ResourceInfo } from '../../api/types';
import type { KubectlContext } from '../verb';
import { CommandFailed } from '../cli/errors';
import type { ManifestObject } from '../manifest/readManifests';

export interface MappedObject extends ManifestObject {
  info: ResourceInfo;
  key: string;
  namespace: string | undefined;
}

/** Resolves kind → resource and the namespace each object is written to. */
export function mapManifest(k: KubectlContext, m: ManifestObject): MappedObject {
  let info: ResourceInfo;
  try {
    info = k.server.resourceFor(m.object.apiVersion, m.object.kind);
  } catch (e) {
    if (!(e instanceof ApiError)) throw e;
    throw new CommandFailed(`resource mapping not found for name: ${JSON.stringify(m.object.metadata.name ?? '')} namespace: ${JSON.stringify(m.object.metadata.namespace ?? '')} from ${JSON.stringify(m.source)}: ${e.message}\nensure CRDs are installed first`);
  }
  let namespace: string | undefined;
  if (info.namespaced) {
    const own = m.object.metadata.namespace;
    if (own && k.namespaceExplicit && own !== k.namespace) {
      throw new CommandFailed(`the namespace from the provided object ${JSON.stringify(own)} does not match the namespace ${JSON.stringify(k.namespace)}. You must pass '--namespace=${own}' to perform this operation.`);
    }
    namespace = own || k.namespace;
    m.object.metadata.namespace = namespace;
  }
  return { ...m, info, key: k.server.resourceKey(info), namespace };
}
