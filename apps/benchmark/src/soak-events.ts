import { request, type ClientRequest } from 'node:http';

/** One `event: transition` of the daemon's `GET /events` stream (the fields the soak compares). */
export interface SoakTransition {
  readonly agentId: string;
  readonly from: string | null;
  readonly to: string;
  readonly at: number | string;
}

/** A live subscription to the daemon's server-sent events. */
export interface TransitionStream {
  readonly transitions: SoakTransition[];
  close(): void;
}

/**
 * Subscribes to `GET /events` on the daemon's Unix socket and collects every transition in
 * arrival order, telling `onTransition` of each as it arrives. Resolves once the daemon answered with 200.
 */
export function subscribeTransitions(socketPath: string, onTransition: (transition: SoakTransition) => void = () => {}): Promise<TransitionStream> {
  return new Promise((resolve, reject) => {
    const transitions: SoakTransition[] = [];
    let buffer = '';
    const req: ClientRequest = request({ socketPath, path: '/events', method: 'GET' }, (response) => {
      if (response.statusCode !== 200) {
        reject(new Error(`Expected GET /events to answer 200, got ${response.statusCode}`));
        return;
      }
      response.setEncoding('utf8');
      response.on('data', (chunk: string) => {
        buffer += chunk;
        let end = buffer.indexOf('\n\n');
        while (end !== -1) {
          const block = buffer.slice(0, end);
          buffer = buffer.slice(end + 2);
          const lines = block.split('\n');
          const data = lines.filter((l) => l.startsWith('data: ')).map((l) => l.slice(6)).join('\n');
          if (lines.includes('event: transition') && data !== '') {
            const transition = JSON.parse(data) as SoakTransition;
            transitions.push(transition);
            onTransition(transition);
          }
          end = buffer.indexOf('\n\n');
        }
      });
      resolve({ transitions, close: () => req.destroy() });
    });
    req.on('error', reject);
    req.end();
  });
}
