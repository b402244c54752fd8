/**
 * One in-flight request: records its stages for the request log and turns failures into the
 * logged HTTP status.
 */
import type { ApiServerClient } from './ApiServerClient';
import type { RequestRecord, RequestStage } from './RequestLog';
import { ApiError } from './types';

export class RequestContext {
  readonly record: RequestRecord;

  constructor(client: ApiServerClient, verb: string, resource: string, namespace: string | undefined, name: string | undefined) {
    this.record = {
      verb,
      resource,
      namespace,
      name,
      user: client.user,
      ...(client.impersonator ? { impersonatedBy: client.impersonator.name } : {}),
      stages: [],
      status: 200,
      warnings: [],
    };
  }

  stage(stage: RequestStage, ok: boolean, detail: string): void {
    this.record.stages.push({ stage, ok, detail });
  }

  /**
   * Runs a stage: records success with `detail`, or failure with the error's message, and
   * rethrows. The record is placed before any stage recorded while it runs (e.g. the watch event
   * a storage write causes), so the log reads in request order.
   */
  run<T>(stage: RequestStage, detail: string, fn: () => T): T {
    const rec = { stage, ok: true, detail };
    this.record.stages.push(rec);
    try {
      return fn();
    } catch (e) {
      rec.ok = false;
      rec.detail = e instanceof Error ? e.message : String(e);
      throw e;
    }
  }

  fail(e: unknown): void {
    this.record.status = e instanceof ApiError ? e.code : 500;
  }
}
