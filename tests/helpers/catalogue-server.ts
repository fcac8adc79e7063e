import { createHash } from 'node:crypto';
import { createServer, type Server } from 'node:http';
import { gzipSync } from 'node:zlib';
import type { AddressInfo } from 'node:net';

/**
 * A Piper voice catalogue on 127.0.0.1 for the tests (no test touches the
 * internet): `voices.json` listing small fake voices whose files it serves,
 * and routes that misbehave on purpose.
 */
export interface FakeVoice {
  readonly name: string;
  readonly files: Record<string, Buffer>;
}

/**
 * What a path answers: a status and body, a redirect, a body sent without a
 * length (chunked), one cut off after some bytes, one that stops sending
 * after some bytes and waits (until the server closes), or one gzipped for
 * a client that accepts gzip.
 */
export type Route = { status?: number; body?: Buffer; redirect?: string; chunked?: boolean; hangUpAfter?: number; stallAfter?: number; gzipWhenAsked?: boolean };

export interface CatalogueServer {
  readonly base: string;
  /** Paths asked for, in order. */
  readonly requests: string[];
  /** Changes what a path answers. */
  route(path: string, route: Route): void;
  close(): Promise<void>;
}

const md5 = (data: Buffer): string => createHash('md5').update(data).digest('hex');

/** The voices.json entry of a fake voice, with the real sizes and MD5 sums of its files. */
export function catalogueEntry(voice: FakeVoice, folder = `en/en_US/${voice.name.split('-')[1]}/medium`): Record<string, unknown> {
  const files = Object.fromEntries(Object.entries(voice.files).map(([name, data]) => [`${folder}/${name}`, { size_bytes: data.length, md5_digest: md5(data) }]));
  return { key: voice.name, name: voice.name.split('-')[1], language: { code: voice.name.split('-')[0] }, quality: 'medium', num_speakers: 1, files };
}

export async function startCatalogue(voices: readonly FakeVoice[]): Promise<CatalogueServer> {
  const routes = new Map<string, Route>();
  const catalogue = Object.fromEntries(voices.map((v) => [v.name, catalogueEntry(v)]));
  routes.set('/voices.json', { body: Buffer.from(JSON.stringify(catalogue)) });
  for (const voice of voices) {
    const entry = catalogueEntry(voice) as { files: Record<string, unknown> };
    for (const file of Object.keys(entry.files)) routes.set(`/${file}`, { body: voice.files[file.split('/').pop() ?? ''] ?? Buffer.alloc(0) });
  }
  const requests: string[] = [];
  const server: Server = createServer((request, response) => {
    const url = decodeURIComponent(request.url ?? '/');
    requests.push(url);
    const route = routes.get(url);
    if (!route) {
      response.writeHead(404).end('not found');
      return;
    }
    if (route.redirect) {
      response.writeHead(302, { location: route.redirect }).end();
      return;
    }
    const gzip = route.gzipWhenAsked === true && /\bgzip\b/.test(String(request.headers['accept-encoding'] ?? ''));
    const body = gzip ? gzipSync(route.body ?? Buffer.alloc(0)) : (route.body ?? Buffer.alloc(0));
    response.writeHead(route.status ?? 200, { ...(route.chunked ? {} : { 'content-length': String(body.length) }), ...(gzip ? { 'content-encoding': 'gzip' } : {}) });
    if (route.hangUpAfter !== undefined) {
      response.write(body.subarray(0, route.hangUpAfter), () => response.socket?.destroy());
      return;
    }
    if (route.stallAfter !== undefined) {
      response.write(body.subarray(0, route.stallAfter));
      return;
    }
    response.end(body);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    base: `http://127.0.0.1:${port}/`,
    requests,
    route: (path, route) => routes.set(path, route),
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        // A stalled response would otherwise keep the server open.
        server.closeAllConnections();
      }),
  };
}

/** A port on 127.0.0.1 where nothing listens (it was just freed). */
export async function closedPort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return port;
}
