import { useEffect, useId, useRef, useState, type KeyboardEvent } from 'react';
import { useEngineStore } from '../state/useEngineStore';
import { formatVirtualTime } from './formatVirtualTime';
import { firstLine, menuFocusAfter } from './rewindText';

const selectCheckpoints = (s: ReturnType<typeof useEngineStore.getState>) => s.checkpoints;

/**
 * The clock's Rewind: a menu button listing the moments the worker kept (just before each
 * command line and editor Apply/Delete), newest first. Choosing one brings the cluster back
 * there, paused. Keyboard: Enter/Space/↓ open it, ↑/↓/Home/End move, Enter picks, Escape closes.
 */
export function RewindMenu({ disabled }: { disabled: boolean }) {
  const checkpoints = useEngineStore(selectCheckpoints);
  const loadCheckpoints = useEngineStore((s) => s.loadCheckpoints);
  const rewind = useEngineStore((s) => s.rewind);
  const [open, setOpen] = useState(false);
  const [focus, setFocus] = useState(0);
  const menuId = useId();
  const captionId = useId();
  const buttonRef = useRef<HTMLButtonElement>(null);
  const menuRef = useRef<HTMLUListElement>(null);

  async function openMenu() {
    // A worker that failed the call (being replaced) leaves the list as it was: open with that.
    await loadCheckpoints().catch(() => undefined);
    setFocus(0);
    setOpen(true);
  }

  function close(refocus: boolean) {
    setOpen(false);
    if (refocus) buttonRef.current?.focus();
  }

  // The focused item follows `focus`; a click outside the menu closes it.
  useEffect(() => {
    if (!open) return;
    menuRef.current?.querySelectorAll<HTMLElement>('[role="menuitem"]')[focus]?.focus();
  }, [open, focus, checkpoints]);
  useEffect(() => {
    if (!open) return;
    const onPointer = (e: PointerEvent) => {
      if (
        !menuRef.current?.contains(e.target as Node) &&
        !buttonRef.current?.contains(e.target as Node)
      )
        setOpen(false);
    };
    document.addEventListener('pointerdown', onPointer);
    return () => document.removeEventListener('pointerdown', onPointer);
  }, [open]);

  function onMenuKey(e: KeyboardEvent) {
    if (e.key === 'Escape') {
      e.preventDefault();
      close(true);
    } else if (e.key === 'Tab') {
      close(false);
    } else {
      const next = menuFocusAfter(e.key, focus, checkpoints.length);
      if (next !== undefined) {
        e.preventDefault();
        setFocus(next);
      }
    }
  }

  function choose(index: number) {
    const cp = checkpoints[index];
    if (!cp) return;
    close(true);
    void rewind(cp);
  }

  return (
    <div className="rewind">
      <button
        ref={buttonRef}
        type="button"
        className="btn btn-icon"
        aria-label="Rewind"
        title="Rewind the cluster to before a command"
        aria-haspopup="menu"
        aria-expanded={open}
        aria-controls={open ? menuId : undefined}
        disabled={disabled}
        onClick={() => (open ? close(false) : void openMenu())}
        onKeyDown={(e) => {
          if (e.key === 'ArrowDown' && !open) {
            e.preventDefault();
            void openMenu();
          }
        }}
      >
        <svg viewBox="0 0 16 16" aria-hidden="true">
          <path
            d="M3.2 5.5A5.5 5.5 0 1 1 2.6 9.8"
            fill="none"
            stroke="currentColor"
            strokeWidth="1.6"
            strokeLinecap="round"
          />
          <path d="M1.2 2.6 1.6 6.8 5.6 5.6z" fill="currentColor" />
          <path
            d="M8 5v3.3l2.2 1.4"
            fill="none"
            stroke="currentColor"
            strokeWidth="1.4"
            strokeLinecap="round"
          />
        </svg>
      </button>
      {open && (
        <div className="rewind-popover">
          <p className="rewind-caption" id={captionId}>
            Rewind the cluster to just before…
          </p>
          <ul
            ref={menuRef}
            id={menuId}
            className="rewind-menu"
            role="menu"
            aria-labelledby={captionId}
            onKeyDown={onMenuKey}
          >
            {checkpoints.length === 0 ? (
              <li role="menuitem" aria-disabled="true" tabIndex={-1} className="rewind-empty">
                Nothing to rewind to yet: the cluster is kept just before each command and editor
                Apply.
              </li>
            ) : (
              checkpoints.map((cp, i) => (
                <li
                  key={cp.id}
                  role="menuitem"
                  tabIndex={i === focus ? 0 : -1}
                  title={cp.label}
                  aria-label={`${formatVirtualTime(cp.at)}, before ${firstLine(cp.label)}`}
                  onClick={() => choose(i)}
                  onKeyDown={(e) => {
                    if (e.key === 'Enter' || e.key === ' ') {
                      e.preventDefault();
                      choose(i);
                    }
                  }}
                >
                  <time className="rewind-time" dateTime={new Date(cp.at).toISOString()}>
                    {formatVirtualTime(cp.at)}
                  </time>
                  <code className="rewind-label">{firstLine(cp.label)}</code>
                </li>
              ))
            )}
          </ul>
        </div>
      )}
    </div>
  );
}
