import { redis } from './redis.js';

const SESSION_TTL_SECONDS = 60 * 60 * 24;

export function sessionKey(sessionId: string): string {
  return `session:${sessionId}`;
}

export function orderStatusKey(orderId: string): string {
  return `order:${orderId}:status`;
}

export async function saveSession(sessionId: string, userId: string): Promise<void> {
  await redis.set(sessionKey(sessionId), userId, 'EX', SESSION_TTL_SECONDS);
}

export async function loadSession(sessionId: string): Promise<string | null> {
  return redis.get(sessionKey(sessionId));
}

export async function setOrderStatus(orderId: string, status: string): Promise<void> {
  await redis.set(orderStatusKey(orderId), status);
}

export function refundRequestKey(orderId: string): string {
  return `refund:${orderId}:requested`;
}

/** True the first time a refund is asked for this order. */
export async function claimRefund(orderId: string): Promise<boolean> {
  return (await redis.set(refundRequestKey(orderId), Date.now(), 'NX')) === 'OK';
}

export async function getOrderStatus(orderId: string): Promise<string | null> {
  return redis.get(orderStatusKey(orderId));
}
