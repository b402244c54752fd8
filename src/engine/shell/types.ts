/** What one command line produced, in the order a terminal shows it. */
export interface ShellResult {
  /** stdout and stderr interleaved as written, `\n` line endings, no prompt. */
  output: string;
  exitCode: number;
  /** The prompt to show for the next line (it changes inside `kubectl exec` or `ssh`). */
  prompt: string;
  /** Set when the command asks the terminal to clear the screen (`clear`, Ctrl+L). */
  clear?: boolean;
  /** Set when the command asks the UI to open a file in the YAML editor (`vim FILE`). */
  openInEditor?: { path: string; machine: string };
}
