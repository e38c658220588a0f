/** One sentence for a failed call, whatever was thrown; never a stack or [object Object]. */
import { toApiError, type ApiErrorShape } from '../../common/contract/errors';

export function apiErrorOf(err: unknown): ApiErrorShape {
  return toApiError(err).toJSON();
}
