import { randomUUID } from 'node:crypto';
import cron from 'node-cron';
import { redis } from '../lib/redis.js';

const PAYMENTS_URL = process.env.PAYMENTS_URL ?? 'http://payments:8080';
const LEADER_KEY = 'scheduler:leader';
const LEADER_TTL_MS = 15_000;
const RENEW_EVERY_MS = 5_000;

/** Extends the lock only while this instance still holds it. */
const RENEW_IF_HOLDER = `
if redis.call('get', KEYS[1]) == ARGV[1] then
  return redis.call('pexpire', KEYS[1], ARGV[2])
end
return 0`;

const instanceId = randomUUID();
let leader = false;

async function campaign(): Promise<void> {
  if (leader) {
    const renewed = await redis.eval(RENEW_IF_HOLDER, 1, LEADER_KEY, instanceId, LEADER_TTL_MS);
    leader = renewed === 1;
    return;
  }
  const acquired = await redis.set(LEADER_KEY, instanceId, 'PX', LEADER_TTL_MS, 'NX');
  leader = acquired === 'OK';
}

const renewLoop = setInterval(() => {
  campaign().catch((error: unknown) => {
    leader = false;
    console.error('leader campaign failed', error);
  });
}, RENEW_EVERY_MS);

/** Asks the payment provider to settle charges left pending by a crash. */
async function reconcilePayments(): Promise<void> {
  if (!leader) {
    return;
  }
  const response = await fetch(`${PAYMENTS_URL}/reconcile`, { method: 'POST' });
  if (!response.ok) {
    console.error(`reconcile answered ${response.status}`);
  }
}

const reconcileTask = cron.schedule('*/5 * * * *', () => {
  reconcilePayments().catch((error: unknown) => console.error('reconcile failed', error));
});

process.on('SIGTERM', () => {
  clearInterval(renewLoop);
  reconcileTask.stop();
  const release = leader ? redis.del(LEADER_KEY) : Promise.resolve(0);
  void release.finally(() => redis.quit());
});
