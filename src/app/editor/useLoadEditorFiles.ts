import { useEffect } from 'react';
import { editorStore } from './useEditorStore';

/**
 * Loads the learner's files once, and writes pending keystrokes before the page goes away
 * (pagehide fires on reload, close and mobile tab switches; beforeunload is unreliable there).
 */
export function useLoadEditorFiles(): void {
  useEffect(() => {
    if (editorStore.getState().status === 'loading') void editorStore.getState().load();
    const flush = () => void editorStore.getState().flush();
    const onVisibility = () => {
      if (document.visibilityState === 'hidden') flush();
    };
    window.addEventListener('pagehide', flush);
    document.addEventListener('visibilitychange', onVisibility);
    return () => {
      window.removeEventListener('pagehide', flush);
      document.removeEventListener('visibilitychange', onVisibility);
    };
  }, []);
}
