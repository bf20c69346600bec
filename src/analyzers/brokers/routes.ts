/**
 * Whether an exchange of `type` delivers a message with `routingKey` to a
 * queue bound with `pattern`. An undefined key or pattern is computed by the
 * code: it may match, so it does. An exchange whose type this code does not
 * declare is read as a topic exchange, which also matches equal keys.
 */
export function routes(
  type: string | undefined,
  pattern: string | undefined,
  routingKey: string | undefined,
): boolean {
  if (type === 'fanout' || type === 'headers') {
    return true;
  }
  if (pattern === undefined || routingKey === undefined) {
    return true;
  }
  if (type === 'direct') {
    return pattern === routingKey;
  }
  return topicMatches(pattern.split('.'), routingKey.split('.'));
}

/** AMQP topic matching: `*` is one word, `#` is zero or more. */
function topicMatches(pattern: string[], words: string[]): boolean {
  const [head, ...rest] = pattern;
  if (head === undefined) {
    return words.length === 0;
  }
  if (head === '#') {
    return (
      words.some((_, i) => topicMatches(rest, words.slice(i))) ||
      topicMatches(rest, [])
    );
  }
  const [word, ...others] = words;
  if (word === undefined) {
    return false;
  }
  return (head === '*' || head === word) && topicMatches(rest, others);
}
