/**
 * `GET /healthz` (the process answers) and `GET /readyz` (the store answers too), served by the
 * same receiver as Slack's requests, for load balancers and orchestrators.
 */
import type { CustomRoute } from '@slack/bolt';
import type { Store } from '../../src/store/store.js';

export function healthRoutes(store: Pick<Store, 'ping'>): CustomRoute[] {
  const json = (res: Parameters<CustomRoute['handler']>[1], status: number, body: object) => {
    res.writeHead(status, { 'content-type': 'application/json', 'cache-control': 'no-store' });
    res.end(JSON.stringify(body));
  };
  return [
    { path: '/healthz', method: ['GET'], handler: (_req, res) => json(res, 200, { status: 'ok' }) },
    {
      path: '/readyz',
      method: ['GET'],
      handler: (_req, res) => {
        store.ping().then(
          () => json(res, 200, { status: 'ready' }),
          () => json(res, 503, { status: 'unavailable', reason: 'store' }),
        );
      },
    },
  ];
}
