import Editor from '@monaco-editor/react';
import { selectTheme, useUiStore } from '../state/useUiStore';
import './monacoSetup';

interface Props {
  path: string;
  value: string;
  onChange: (value: string) => void;
}

/** The Monaco instance itself; lives in its own lazily loaded chunk. */
export default function MonacoEditor({ path, value, onChange }: Props) {
  const theme = useUiStore(selectTheme);
  return (
    <Editor
      path={path}
      language="yaml"
      value={value}
      theme={theme === 'dark' ? 'vs-dark' : 'vs'}
      onChange={(v) => onChange(v ?? '')}
      options={{
        minimap: { enabled: false },
        fontSize: 14,
        tabSize: 2,
        scrollBeyondLastLine: false,
        automaticLayout: true,
        renderWhitespace: 'none',
        ariaLabel: `YAML editor: ${path}`,
      }}
    />
  );
}
