/**
 * The engine's face towards the UI. Everything here is thin: it owns one Simulation, the open
 * shell sessions, the feed of cluster changes and the pump that lets virtual time follow real
 * time, and it hands out plain data. Failures come back as data because Comlink drops custom
 * error fields.
 */
import { Simulation, type SimulationSnapshot } from '../engine/sim/Simulation';
import type { ShellSession } from '../engine/shell/ShellSession';
import { quote } from '../engine/cluster/editorActions';
import { ChunkedApply, createLearnerSession, diffBuffer, readHomeFile, runOnBuffer, writeHomeFile, type BufferDiff, type EditorActionResult } from '../engine/cluster';
import type { ShellResult } from '../engine/shell/types';
import { parseLab, runChecks, type CheckResult, type Lab, type LabCheck } from '../engine/lab';
import type { ClockState } from '../engine/sim/VirtualClock';
import { Checkpoints, type CapturedCluster, type CheckpointInfo } from '../engine/sim/checkpoints';
import type { ViewDelta } from '../engine/view/types';
import { ViewFeed } from '../engine/view/ViewFeed';
import { createTraceApi, type TraceListener } from './traceApi';

export type { ClockState } from '../engine/sim/VirtualClock';
export type { CheckpointInfo } from '../engine/sim/checkpoints';
export type { BufferDiff, DocumentDiff, EditorActionResult } from '../engine/cluster';
export type { ShellResult } from '../engine/shell/types';
export type { CheckResult, Lab, LabCheck, LabStep } from '../engine/lab';
export type { TraceBatch, TraceEntry, TraceListener } from './traceApi';
export type { EndpointSliceRecord, NodeRecord, PodRecord, ServiceRecord, ViewDelta, ViewRecord } from '../engine/view/types';

/** One message to the UI: the clock, and what changed in the cluster since the last message. */
export interface EngineUpdate {
  clock: ClockState;
  delta?: ViewDelta;
}

export type Result<T> = { ok: true; value: T } | { ok: false; error: string };

export type Listener = (update: EngineUpdate) => void;

/** How often the pump moves virtual time when it follows real time. */
const PUMP_INTERVAL_MS = 100;

/**
 * `bootImage`: the default cluster settled at build time (src/build/bootImage.ts). The cluster
 * starts from it, and so does a reset to the default seed; other seeds boot live.
 */
export function createEngineApi(now: () => number = () => performance.now(), bootImage?: SimulationSnapshot) {
  let sim = new Simulation({}, { image: bootImage });
  const feed = new ViewFeed(sim.api.admin(), () => sim.clock.now());
  const traces = createTraceApi(sim);
  const sessions = new Map<number, ShellSession>();
  const listeners = new Set<Listener>();
  let nextSession = 1;
  const applies = new Map<number, ChunkedApply>();
  let nextApply = 1;
  /** Stepped applies not stepped yet, with their file: the first step takes their checkpoint. */
  const unstepped = new Map<number, string>();
  let lastReal = now();
  // Rewind: the cluster just before each command line and editor Apply/Delete; beside each, the
  // packet player's last entry then, so a rewind also takes back the requests made after it.
  let checkpoints = new Checkpoints<number>(sim);
  /** A command line still being typed (PS2): the cluster before its first line, and its lines. */
  const unfinished = new Map<number, BeforeChange & { lines: string[] }>();
  type BeforeChange = { captured: CapturedCluster; mark: number };

  /** The cluster as it stands (time brought up to date), before the learner changes it. */
  function beforeChange(): BeforeChange {
    pump();
    return { captured: checkpoints.capture(), mark: traces.lastId() };
  }

  function publish(): EngineUpdate {
    const delta = feed.flush();
    const update: EngineUpdate = { clock: sim.clock.state(), ...(delta ? { delta } : {}) };
    for (const l of listeners) l(update);
    traces.flush();
    return update;
  }

  function guard<T>(fn: () => T): Result<T> {
    try {
      return { ok: true, value: fn() };
    } catch (e) {
      return { ok: false, error: e instanceof Error ? e.message : String(e) };
    }
  }

  /** Moves virtual time by the real time elapsed since the last pump, scaled by the speed. */
  /** Fractions of a virtual millisecond not yet applied (virtual time moves in whole ms). */
  let carry = 0;

  function pump(): void {
    const real = now();
    const elapsed = real - lastReal;
    lastReal = real;
    if (!sim.clock.paused && elapsed > 0) {
      const due = elapsed * sim.clock.speed + carry;
      const whole = Math.floor(due);
      carry = due - whole;
      if (whole > 0) sim.advance(whole);
      publish();
    }
  }

  const timer = setInterval(pump, PUMP_INTERVAL_MS);

  /** Runs `fn` on a session, then lets the cluster react and tells the UI what changed. */
  function withSession(sessionId: number, fn: (session: ShellSession) => ShellResult, line?: string): Result<ShellResult> {
    return guard(() => {
      const session = sessions.get(sessionId);
      if (!session) throw new Error(`no shell session ${sessionId}`);
      pump();
      const result = traces.duringSession(sessionId, line, () => fn(session));
      sim.drain();
      publish();
      return result;
    });
  }

  return {
    /** Starts a feed: the listener first gets the whole cluster, then changes as they happen. */
    subscribe(listener: Listener): void {
      listeners.add(listener);
      feed.rebind(sim.api.admin());
      publish();
    },
    pause(): ClockState {
      pump();
      sim.clock.paused = true;
      publish();
      return sim.clock.state();
    },
    resume(): ClockState {
      lastReal = now();
      sim.clock.paused = false;
      publish();
      return sim.clock.state();
    },
    setSpeed(speed: number): Result<ClockState> {
      return guard(() => {
        if (!Number.isFinite(speed) || speed <= 0 || speed > 100) throw new Error(`speed must be between 0 and 100, got ${speed}`);
        pump();
        sim.clock.speed = speed;
        publish();
        return sim.clock.state();
      });
    },
    /** Moves virtual time by `ms` at once (stepping while paused). */
    step(ms: number): ClockState {
      sim.advance(Math.max(0, ms));
      publish();
      return sim.clock.state();
    },
    /** The editor's Apply and Delete: `kubectl apply|delete -f` on the buffer, saved in the learner's home. */
    runOnBuffer(verb: 'apply' | 'delete', path: string, text: string): Result<EditorActionResult> {
      return guard(() => {
        const before = beforeChange();
        const r = runOnBuffer(sim, verb, path, text);
        checkpoints.keep(before.captured, r.command, before.mark);
        publish();
        return r;
      });
    },
    /** The app's watchdog asks this now and then: an answer means the worker is alive and not stuck. */
    ping(): true {
      return true;
    },
    /** Apply of a huge buffer in steps (progress, Cancel): starts it and says how many documents it has. */
    beginApply(path: string, text: string): Result<{ id: number; total: number }> {
      return guard(() => {
        const id = nextApply++;
        const job = new ChunkedApply(sim, path, text);
        applies.set(id, job);
        unstepped.set(id, path);
        return { id, total: job.total };
      });
    },
    /** Applies the next `count` documents of a stepped Apply; kubectl's whole answer so far comes back. */
    stepApply(id: number, count: number): Result<EditorActionResult & { done: number; total: number; finished: boolean }> {
      return guard(() => {
        const job = applies.get(id);
        if (!job) throw new Error(`no apply ${id}`);
        // The checkpoint goes before the first step, not at begin: the editor begins every Apply
        // this way and runs a small file with runOnBuffer instead, which keeps its own.
        const path = unstepped.get(id);
        unstepped.delete(id);
        const before = path === undefined ? undefined : beforeChange();
        const r = job.step(count);
        if (before) checkpoints.keep(before.captured, `kubectl apply -f ${quote(path!)}`, before.mark);
        if (r.finished) applies.delete(id);
        publish();
        return r;
      });
    },
    /** Stops a stepped Apply where it is (the objects applied so far stay). */
    cancelApply(id: number): void {
      applies.get(id)?.cleanUp();
      applies.delete(id);
      unstepped.delete(id);
    },
    /** The editor's Diff: live objects against a server-side dry-run apply of the buffer. */
    diffBuffer(path: string, text: string): Result<BufferDiff> {
      return guard(() => diffBuffer(sim, path, text));
    },
    /** A file of the learner's home (`vim FILE` asks the editor to open it); undefined when missing. */
    readHomeFile(path: string): string | undefined {
      return readHomeFile(sim, path);
    },
    /** Keeps the learner's home in step with an editor buffer. */
    writeHomeFile(path: string, text: string): Result<void> {
      return guard(() => writeHomeFile(sim, path, text));
    },
    /** Opens a terminal: root on the `controlplane` node of the live cluster, time flowing. */
    openShell(): { id: number; prompt: string; machine: string } {
      const session = createLearnerSession(sim);
      const id = nextSession++;
      sessions.set(id, session);
      return { id, prompt: session.prompt(), machine: session.machine.hostname };
    },
    /**
     * Runs one line. `needsMoreInput` asks for the next line under the PS2 prompt; `running`
     * means the command goes on: call {@link poll} as time passes, {@link interrupt} for Ctrl+C.
     */
    execute(sessionId: number, line: string): Result<ShellResult> {
      // A checkpoint per command line: taken before its first line, kept once the line is whole.
      let typing = unfinished.get(sessionId);
      if (!typing && line.trim() !== '' && sessions.has(sessionId)) typing = { ...beforeChange(), lines: [] };
      typing?.lines.push(line);
      const r = withSession(sessionId, (session) => session.execute(line), line);
      unfinished.delete(sessionId);
      if (typing && r.ok) {
        if (r.value.needsMoreInput) unfinished.set(sessionId, typing);
        else checkpoints.keep(typing.captured, typing.lines.join('\n'), typing.mark);
      }
      return r;
    },
    /** More output of the running command (and its end, once done). */
    poll(sessionId: number): Result<ShellResult> {
      return withSession(sessionId, (session) => session.poll());
    },
    /** Ctrl+C: stops the running command or abandons an unfinished line. */
    interrupt(sessionId: number): Result<ShellResult> {
      unfinished.delete(sessionId);
      return withSession(sessionId, (session) => session.interrupt());
    },
    /** The packet player's feed: first the recent traced requests, then each new one as it happens. */
    subscribeTraces(listener: TraceListener): void {
      traces.subscribe(listener);
    },
    /** Traces one request as `kubelab trace` does, in the live cluster; the entry also joins the feed. */
    traceRequest(from: string, target: string) {
      return guard(() => {
        pump();
        const r = traces.trace(from, target);
        sim.drain();
        publish();
        if (!r.ok) throw new Error(r.error);
        return r.value;
      });
    },
    /** Reads a lab.yaml (the app bundles the labs as text); what is wrong comes back as `FILE:LINE:COL: ...`. */
    parseLab(file: string, text: string): Result<Lab> {
      return guard(() => parseLab(file, text));
    },
    /**
     * Runs a lab step's checks against the cluster as it is now, each in a hidden shell: nothing
     * reaches the learner's terminal, and their requests stay out of the packet player.
     */
    runChecks(checks: LabCheck[]): Result<CheckResult[]> {
      return guard(() => {
        pump();
        const results = traces.unlisted(() => runChecks(sim, checks));
        publish();
        return results;
      });
    },
    /** The Rewind menu: the moments the cluster can go back to, newest first. */
    checkpoints(): CheckpointInfo[] {
      return checkpoints.list();
    },
    /**
     * Brings the whole cluster back to a checkpoint, paused there; the checkpoints after it and
     * the packet player's requests made since are dropped (a new timeline). Terminals stay open.
     */
    rewind(id: number): Result<{ clock: ClockState; checkpoint: CheckpointInfo }> {
      return guard(() => {
        const { meta: mark, ...checkpoint } = checkpoints.rewind(id);
        unfinished.clear();
        carry = 0;
        lastReal = now();
        feed.rebind(sim.api.admin());
        traces.forgetAfter(mark);
        publish();
        return { clock: sim.clock.state(), checkpoint };
      });
    },
    reset(seed?: string): ClockState {
      sim = new Simulation(seed ? { seed } : {}, { image: bootImage });
      feed.rebind(sim.api.admin());
      sessions.clear();
      applies.clear();
      checkpoints = new Checkpoints<number>(sim);
      unfinished.clear();
      unstepped.clear();
      traces.rebind(sim);
      publish();
      return sim.clock.state();
    },
    dispose(): void {
      clearInterval(timer);
      listeners.clear();
      traces.dispose();
      feed.stop();
    },
  };
}

export type EngineApi = ReturnType<typeof createEngineApi>;
