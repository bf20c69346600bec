import { createServer } from 'node:http';
import express from 'express';
import { WebSocket, WebSocketServer } from 'ws';
import { claimRefund, getOrderStatus, loadSession } from '../lib/keys.js';
import { createSubscriber, redis } from '../lib/redis.js';
import { ordersQueue, refundsQueue } from '../queues/index.js';

const PORT = Number(process.env.PORT ?? 3000);
const PRICING_URL = process.env.PRICING_URL ?? 'http://pricing:8080';
const PRICE_REFRESH_MS = 60_000;

const app = express();
app.use(express.json());

app.post('/orders', async (req, res) => {
  const userId = await loadSession(String(req.header('x-session-id')));
  if (userId === null) {
    res.status(401).end();
    return;
  }
  const { orderId, amountCents } = req.body as { orderId: string; amountCents: number };
  const job = await ordersQueue.add('charge', { orderId, amountCents });
  res.status(202).json({ jobId: job.id });
});

app.post('/orders/:id/refund', async (req, res) => {
  if (!(await claimRefund(req.params.id))) {
    res.status(409).json({ error: 'refund already requested' });
    return;
  }
  const reason = String((req.body as { reason?: string }).reason ?? 'customer request');
  await refundsQueue.add('refund', { orderId: req.params.id, reason });
  res.status(202).end();
});

app.get('/orders/:id/status', async (req, res) => {
  res.json({ status: await getOrderStatus(req.params.id) });
});

const server = createServer(app);
const sockets = new WebSocketServer({ server, path: '/live' });

// Every web replica subscribes, so a status published once reaches the
// browsers connected to any of them.
const subscriber = createSubscriber();
await subscriber.subscribe('order-events');
subscriber.on('message', (_channel: string, message: string) => {
  for (const client of sockets.clients) {
    if (client.readyState === WebSocket.OPEN) {
      client.send(message);
    }
  }
});

async function refreshPriceCache(): Promise<void> {
  const response = await fetch(`${PRICING_URL}/prices`);
  await redis.set('cache:prices', await response.text(), 'EX', 300);
}

setInterval(() => {
  refreshPriceCache().catch((error: unknown) => console.error('price refresh failed', error));
}, PRICE_REFRESH_MS);

server.listen(PORT, () => console.log(`web listening on ${PORT}`));

process.on('SIGTERM', () => {
  sockets.close();
  server.close(() => {
    void subscriber.quit();
    void redis.quit();
  });
});
