/**
 * Core's own check of a confirmation, whatever the renderer showed: an
 * action that needs one (controlConfirmation.ts) is refused unless the call
 * carries it, and on a production cluster unless the typed name matches.
 */
import { ApiError } from '../../../../common/contract/errors';
import type { ConfirmationAnswer } from '../../../../common/contract/schemas/services';
import type { ControlAction, ControlOptions } from './controlCommand';
import { confirmationFor, type ActionTarget, type Confirmation } from './controlConfirmation';

export function requireConfirmation(
  cluster: { name: string; isProduction: boolean },
  action: ControlAction,
  targets: readonly ActionTarget[],
  answer: ConfirmationAnswer | undefined,
  options: ControlOptions = {},
): Confirmation {
  const needed = confirmationFor(cluster, action, targets, options);
  if (needed.kind === 'none') return needed;
  if (!answer?.confirmed) {
    throw new ApiError('permission', `This needs your confirmation first. ${needed.message.split('\n')[0] ?? ''} Nothing was run.`);
  }
  if (needed.kind === 'type-name' && answer.typedName?.trim() !== needed.name) {
    throw new ApiError('permission', `${cluster.name} is a production cluster: type its name exactly to go ahead. Nothing was run.`, {
      'confirmation.typedName': `Type ${needed.name}.`,
    });
  }
  return needed;
}
