/**
 * The request log: every API request with the stages it went through, for the UI to animate
 * registration (authentication → authorization → admission → validation → storage → watch).
 */
import type { UserInfo } from './types';

export type RequestStage = 'authentication' | 'authorization' | 'admission' | 'validation' | 'storage' | 'watch';

export interface StageRecord {
  stage: RequestStage;
  ok: boolean;
  detail: string;
}

export interface RequestRecord {
  verb: string;
  /** Resource key with subresource if any: `services`, `pods/status`, `namespaces/finalize`. */
  resource: string;
  namespace: string | undefined;
  name: string | undefined;
  user: UserInfo;
  /** The original user when impersonating. */
  impersonatedBy?: string;
  stages: StageRecord[];
  /** HTTP status code of the response. */
  status: number;
  warnings: string[];
}

export type RequestListener = (record: RequestRecord) => void;
