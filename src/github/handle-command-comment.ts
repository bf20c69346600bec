import type { Logger } from 'pino';
import type { Context } from 'probot';
import type { AnalysisRunner } from '../runner/analysis-runner.js';
import { hasCommandPermission } from './command-permission.js';
import { refusalReply, usageReply } from './command-replies.js';
import { isBotAccount } from './is-bot-account.js';
import { loadRepoConfig } from './load-repo-config.js';
import { parseCommand } from './parse-command.js';

/**
 * `/scaling-report` in a pull request's conversation. Only the quick steps
 * run here (who asked, may they, acknowledge); the analysis is queued.
 * Bots never trigger it, and a comment without the command costs no request.
 */
export async function handleCommandComment(
  context: Context<'issue_comment.created'>,
  runner: AnalysisRunner,
  log: Logger,
): Promise<void> {
  const { comment, issue, repository, sender, installation } = context.payload;
  if (!issue.pull_request || !installation) {
    return;
  }
  if (isBotAccount(sender) || isBotAccount(comment.user)) {
    log.debug({ sender: sender.login }, 'comment by a bot ignored');
    return;
  }
  const command = parseCommand(comment.body);
  if (!command) {
    return;
  }

  const repo = { owner: repository.owner.login, repo: repository.name };
  const reply = (body: string) =>
    context.octokit.rest.issues.createComment({
      ...repo,
      issue_number: issue.number,
      body,
    });
  const { config } = await loadRepoConfig(
    context.octokit,
    repo,
    repository.default_branch,
  );
  const required = config.commandPermission;
  if (
    !(await hasCommandPermission(context.octokit, repo, sender.login, required))
  ) {
    log.info({ sender: sender.login, required }, 'command refused');
    await reply(refusalReply(sender.login, required));
    return;
  }
  if (command.kind === 'usage') {
    await reply(usageReply(command.argument));
    return;
  }

  await context.octokit.rest.reactions.createForIssueComment({
    ...repo,
    comment_id: comment.id,
    content: 'eyes',
  });
  await runner.enqueue({
    kind: command.kind === 'report' ? 'command-report' : 'command-diff',
    deliveryId: context.id,
    installationId: installation.id,
    ...repo,
    pullNumber: issue.number,
    defaultBranch: repository.default_branch,
    repoUrl: repository.html_url,
    commentId: comment.id,
    requestedBy: sender.login,
  });
}
