import type { Logger } from 'pino';
import type { Context } from 'probot';
import type { AnalysisRunner } from '../runner/analysis-runner.js';
import type { CommandCooldown } from './command-cooldown.js';
import { hasCommandPermission } from './command-permission.js';
import { refusalReply, usageReply } from './command-replies.js';
import { isBotAccount } from './is-bot-account.js';
import { loadRepoConfig } from './load-repo-config.js';
import { parseCommand } from './parse-command.js';

/**
 * `/scaling-report` in a pull request's conversation. Only the quick steps
 * run here (who asked, may they, acknowledge); the analysis is queued.
 * Bots never trigger it, and neither a comment without the command nor one
 * past the cooldown costs a request.
 */
export async function handleCommandComment(
  context: Context<'issue_comment.created'>,
  runner: AnalysisRunner,
  log: Logger,
  cooldown: CommandCooldown,
): Promise<void> {
  const { comment, issue, repository, sender, installation } = context.payload;
  if (!issue.pull_request || !installation) {
    return;
  }
  // A comment an app posted with a person's token is still an app talking.
  const viaApp = Boolean(comment.performed_via_github_app);
  if (isBotAccount(sender) || isBotAccount(comment.user) || viaApp) {
    log.debug({ sender: sender.login }, 'comment by a bot ignored');
    return;
  }
  const command = parseCommand(comment.body);
  if (!command) {
    return;
  }
  const pullRequest = `${repository.full_name}#${issue.number}`;
  if (!cooldown.take(pullRequest, sender.login)) {
    log.info({ sender: sender.login }, 'command ignored: cooldown');
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
