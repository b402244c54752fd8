#!/usr/bin/env node
// `npm start`: build the app and serve it on 127.0.0.1 (PORT to change the port).
import { build, preview } from 'vite';

const port = Number(process.env.PORT ?? 4173);
if (!Number.isInteger(port) || port <= 0 || port > 65535) {
  console.error(`PORT must be a TCP port number, got "${process.env.PORT}"`);
  process.exit(2);
}
await build({ logLevel: 'warn' });
const server = await preview({ preview: { host: '127.0.0.1', port, strictPort: true } });
console.log(`\n  kubelab is running at http://127.0.0.1:${port}/\n  (Ctrl+C to stop)\n`);
const stop = () => server.httpServer.close(() => process.exit(0));
process.on('SIGINT', stop);
process.on('SIGTERM', stop);
