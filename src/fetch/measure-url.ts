import { MeasureError } from '../errors.js';
import type { Target } from '../input/targets.js';
import type { Attempt, AttemptOf, MeasureContext } from './measure-context.js';
import { Measurement } from './measurement.js';

/** Measures one URL once; never rejects: every failure becomes the record's `error`. */
export function measureUrl(context: MeasureContext, target: Target, of: AttemptOf): Promise<Attempt> {
  return new Promise((resolve) => {
    const measurement = new Measurement(context, of, resolve);
    const { url: requestUrl, authorization } = target;
    const headers = of.headers === undefined ? context.options.headers : { ...context.options.headers, ...of.headers };
    try {
      context.connections.dispatcher.dispatch(
        {
          origin: requestUrl.origin,
          path: `${requestUrl.pathname}${requestUrl.search}`,
          method: 'GET',
          // A fresh object per request: undici's proxy agents add a Host header to it.
          headers: authorization === undefined ? { ...headers } : { ...headers, authorization },
        },
        measurement,
      );
    } catch (error) {
      measurement.abort(error instanceof Error ? new MeasureError('INVALID_URL', error.message) : error);
    }
  });
}
