import type { CheckpointInfo } from '../../worker/createEngineApi';
import { formatVirtualTime } from './formatVirtualTime';

/** A command line as one line: a heredoc or a multi-line command shows its first line and an ellipsis. */
export function firstLine(label: string): string {
  const nl = label.indexOf('\n');
  return nl < 0 ? label : `${label.slice(0, nl)} …`;
}

/** What the status region says after a rewind: where the cluster is now, and that it waits. */
export function rewoundStatus(checkpoint: CheckpointInfo): string {
  return `Rewound to ${formatVirtualTime(checkpoint.at)}, before “${firstLine(checkpoint.label)}”. The clock is paused.`;
}

/** Where a key moves the focus in a menu of `count` items (undefined: the key is not the menu's). */
export function menuFocusAfter(key: string, index: number, count: number): number | undefined {
  if (count === 0) return undefined;
  switch (key) {
    case 'ArrowDown':
      return (index + 1) % count;
    case 'ArrowUp':
      return (index - 1 + count) % count;
    case 'Home':
    case 'PageUp':
      return 0;
    case 'End':
    case 'PageDown':
      return count - 1;
    default:
      return undefined;
  }
}
