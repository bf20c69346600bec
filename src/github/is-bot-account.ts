/** The account fields webhooks carry for a sender or a comment's author. */
export interface AccountLike {
  login: string;
  type?: string;
}

/** Bots, our own app included, never trigger commands: two bots must not talk in a loop. */
export function isBotAccount(account: AccountLike | null | undefined): boolean {
  if (!account) {
    return false;
  }
  return account.type === 'Bot' || account.login.endsWith('[bot]');
}
