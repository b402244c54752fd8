import { expect, test } from '@playwright/test';
import { LabPage } from './support/labPage';

test('the packet player lists a learner request, steps to the DNAT rule and shows the REJECT of a Service without endpoints', async ({ page }) => {
  test.setTimeout(120_000);
  const lab = new LabPage(page);
  await lab.open();

  for (const line of ['kubectl create deployment web --image=nginx --replicas=2', 'kubectl expose deployment web --port=80', 'kubectl create service clusterip empty --tcp=80:80', 'kubectl run client --image=busybox -- sleep 3600']) {
    await lab.typeInTerminal(line);
  }
  const map = lab.region('Topology');
  await expect(map.getByRole('group', { name: 'Service default/web' })).toContainText('2/2 ready', { timeout: 30_000 });
  await expect(map.getByRole('group', { name: 'Pod default/client' })).toContainText('Running', { timeout: 30_000 });

  await lab.typeInTerminal('kubectl exec client -- wget -qO- -T 2 web');
  await expect.poll(() => lab.terminalText(), { timeout: 15_000 }).toContain('Welcome to nginx!');

  // The request is listed with what it asked for and where it went.
  const player = lab.region('Packet player');
  await player.getByRole('button', { name: /^client → web:80 · delivered to web-/ }).click();
  const steps = player.getByRole('list', { name: 'Steps' });
  const current = steps.locator('[aria-current="step"]');
  await expect(current).toContainText(/web\.default\.svc\.cluster\.local A → 10\.[\d.]+DNS · answered by coredns-/);

  // Keyboard only: → until kube-proxy's DNAT.
  await player.getByRole('button', { name: 'Next step' }).focus();
  for (let i = 0; i < 12 && !/DNAT/.test((await current.textContent()) ?? ''); i++) await page.keyboard.press('ArrowRight');
  await expect(current).toContainText('nat PREROUTING');
  const details = player.getByRole('region', { name: 'Current step' });
  await expect(details.getByText(/^-A KUBE-SEP-[A-Z0-9]{16} -p tcp -m comment --comment "default\/web" -m tcp -j DNAT --to-destination 10\.244\.\d+\.\d+:80$/)).toBeVisible();
  await expect(details).toContainText(/Endpoint 10\.244\.\d+\.\d+:80 \(pod web-[a-z0-9]+-[a-z0-9]+\) in EndpointSlice web-/);
  await expect(details.getByRole('table')).toContainText('DNAT');
  await expect(player.locator('[aria-live="polite"]')).toContainText('nat PREROUTING');

  // The map: the Service it went through is where the packet is; the CoreDNS and backend pods are on the path.
  const node = (card: ReturnType<typeof map.getByRole>) => card.locator('xpath=..');
  await expect(node(map.getByRole('group', { name: 'Service default/web' }))).toHaveClass(/is-current/);
  await expect(node(map.getByRole('group', { name: 'Service default/empty' }))).toHaveClass(/off-path/);
  await expect(node(map.getByRole('group', { name: 'Pod default/client' }))).toHaveClass(/on-path/);

  // The packet moves from the node to the Service; asking the system for less motion stops it there.
  const dot = map.locator('.packet-dot');
  await expect.poll(() => dot.evaluate((el) => el.getAnimations().length)).toBe(1);
  await page.emulateMedia({ reducedMotion: 'reduce' });
  await expect.poll(() => dot.evaluate((el) => el.getAnimations().length)).toBe(0);
  await expect(dot).toBeAttached();
  await page.emulateMedia({ reducedMotion: 'no-preference' });

  await player.getByRole('button', { name: 'Next step' }).focus();
  await page.keyboard.press('End');
  await expect(current).toContainText(/Delivered to web-/);

  // A Service without endpoints: kube-proxy's REJECT rule is the reason.
  await lab.typeInTerminal('kubectl exec client -- wget -qO- -T 2 empty');
  await expect.poll(() => lab.terminalText()).toContain("wget: can't connect to remote host");
  await player.getByRole('button', { name: '← All requests' }).click();
  await player.getByRole('button', { name: /^client → empty:80 · refused/ }).click();
  await player.getByRole('button', { name: 'Last step' }).click();
  await expect(current).toContainText('Connection refused');
  await expect(details).toContainText('no ready endpoints');
  await expect(details.getByText(/^-A KUBE-SERVICES -d [\d.]+\/32 -p tcp -m comment --comment "default\/empty:80-80 has no endpoints" -m tcp --dport 80 -j REJECT --reject-with icmp-port-unreachable$/)).toBeVisible();

  // Escape goes back to the list, the focus on the request just closed.
  await page.keyboard.press('Escape');
  await expect(player.getByRole('button', { name: /^client → empty:80 · refused/ })).toBeFocused();

  // The Trace form traces on demand, as `kubelab trace` does.
  await player.getByRole('combobox', { name: 'From' }).selectOption('default/client');
  await player.getByRole('combobox', { name: 'Target' }).fill('http://web/');
  await player.getByRole('button', { name: 'Trace', exact: true }).click();
  await expect(player.getByRole('heading', { name: /^client → web:80 · delivered to web-/ })).toBeVisible();

  // Play walks the steps on its own until paused.
  const toolbar = player.getByRole('toolbar', { name: 'Step through the request' });
  await expect(toolbar).toContainText(/Step 1 of \d+/);
  await toolbar.getByRole('combobox', { name: 'Play speed' }).selectOption('fast');
  await toolbar.getByRole('button', { name: 'Play the trace' }).click();
  await expect(toolbar).toContainText(/Step [3-9] of \d+/);
  await toolbar.getByRole('button', { name: 'Pause the trace' }).click();
  const paused = await toolbar.getByText(/^Step \d+ of \d+$/).textContent();
  await page.waitForTimeout(1500);
  await expect(toolbar.getByText(/^Step \d+ of \d+$/)).toHaveText(paused!);

  await player.getByRole('button', { name: 'Last step' }).click();
  await expect(details).toContainText('HTTP 200 OK');

  expect(lab.consoleErrors).toEqual([]);
  expect(lab.foreignRequests).toEqual([]);
});

test('the packet player folds away to give the terminal its width, and comes back', async ({ page }) => {
  const lab = new LabPage(page);
  await lab.open();
  const terminal = lab.region('Terminal');
  const before = (await terminal.boundingBox())!.width;
  const hide = page.getByRole('button', { name: 'Hide packet player' });
  await expect(hide).toHaveAttribute('aria-expanded', 'true');
  await hide.click();
  const show = page.getByRole('button', { name: 'Show packet player' });
  await expect(show).toHaveAttribute('aria-expanded', 'false');
  await expect.poll(async () => (await terminal.boundingBox())!.width).toBeGreaterThan(before * 1.5);
  await show.press('Enter');
  await expect(page.getByRole('button', { name: 'Hide packet player' })).toBeVisible();
  await expect(lab.region('Packet player').getByRole('button', { name: 'Trace' })).toBeVisible();
  await expect.poll(async () => (await terminal.boundingBox())!.width).toBeLessThan(before * 1.1);
});
