import { expect, type Page, type Request } from '@playwright/test';

/** Drives the app the way a learner does: by accessible role and name. */
export class LabPage {
  readonly consoleErrors: string[] = [];
  readonly foreignRequests: string[] = [];

  constructor(readonly page: Page) {
    page.on('console', (msg) => {
      if (msg.type() === 'error') this.consoleErrors.push(msg.text());
    });
    page.on('pageerror', (err) => this.consoleErrors.push(err.message));
    page.on('request', (req: Request) => {
      const url = new URL(req.url());
      if (url.protocol === 'data:' || url.protocol === 'blob:') return;
      if (url.hostname !== '127.0.0.1') this.foreignRequests.push(req.url());
    });
  }

  async open(): Promise<void> {
    await this.page.goto('/');
    await expect(this.terminalRows().first()).toBeAttached();
    await expect.poll(() => this.terminalText()).toContain('controlplane:~$');
  }

  region(name: string) {
    return this.page.getByRole('region', { name, exact: true });
  }

  terminalRows() {
    return this.region('Terminal').locator('.xterm-accessibility-tree > div');
  }

  /** The terminal's text as assistive technology reads it, one line per row. */
  async terminalText(): Promise<string> {
    const rows = await this.terminalRows().allTextContents();
    return rows.map((r) => r.replace(/\u00a0/g, ' ').trimEnd()).join('\n');
  }

  async typeInTerminal(line: string): Promise<void> {
    await this.region('Terminal').locator('.xterm').click();
    await this.page.keyboard.type(line);
    await this.page.keyboard.press('Enter');
  }
}
