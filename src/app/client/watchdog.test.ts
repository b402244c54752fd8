import { describe, expect, it, vi } from 'vitest';
import { Watchdog } from './watchdog';

describe('the engine watchdog', () => {
  it('keeps quiet while pings come back, and fires once when one is out too long', async () => {
    let answer: (() => void) | undefined;
    const ping = vi.fn(() => new Promise<void>((resolve) => (answer = resolve)));
    const onHung = vi.fn();
    const dog = new Watchdog(ping, onHung, 10_000);
    dog.tick(0);
    answer!();
    await Promise.resolve();
    dog.tick(5_000);
    expect(ping).toHaveBeenCalledTimes(2);
    dog.tick(9_000); // still waiting for the second ping, 4 s old
    expect(onHung).not.toHaveBeenCalled();
    dog.tick(15_000);
    expect(onHung).toHaveBeenCalledTimes(1);
    dog.tick(30_000);
    expect(onHung).toHaveBeenCalledTimes(1);
    expect(ping).toHaveBeenCalledTimes(2);
  });
});
