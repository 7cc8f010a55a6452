/**
 * `vite preview` of a build on 127.0.0.1, for the browser benchmarks and the screenshot script:
 * started in its own process group (npx starts vite as a child, so killing npx alone would
 * leave vite serving) and resolved once it answers.
 */
import { spawn } from 'node:child_process';

export interface PreviewServer {
  url: string;
  /** Stops vite and npx (the whole process group); safe to call twice. */
  stop(): void;
}

export async function startPreview(port: number, outDir = 'dist'): Promise<PreviewServer> {
  const child = spawn(
    'npx',
    [
      'vite',
      'preview',
      '--outDir',
      outDir,
      '--host',
      '127.0.0.1',
      '--port',
      `${port}`,
      '--strictPort',
    ],
    { stdio: 'ignore', detached: true },
  );
  const server: PreviewServer = {
    url: `http://127.0.0.1:${port}`,
    stop() {
      try {
        if (child.pid !== undefined) process.kill(-child.pid);
      } catch {
        // already gone
      }
    },
  };
  for (let i = 0; i < 150; i++) {
    try {
      if ((await fetch(`${server.url}/`)).ok) return server;
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 100));
  }
  server.stop();
  throw new Error(`vite preview did not start on port ${port}`);
}
