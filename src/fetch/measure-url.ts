import { MeasureError } from '../errors.js';
import type { Target } from '../input/targets.js';
import { exchangeLogKey, type LoggedDispatchOptions } from './exchange-tap.js';
import type { Attempt, AttemptOf, MeasureContext } from './measure-context.js';
import { Measurement } from './measurement.js';

/** Measures one URL once; never rejects: every failure becomes the record's `error`. */
export function measureUrl(context: MeasureContext, target: Target, of: AttemptOf): Promise<Attempt> {
  const { probe } = context.connections;
  // Only https can agree HTTP/2 (by ALPN); plain http is HTTP/1.1 here.
  if (probe === undefined || target.url.protocol !== 'https:') return dispatchMeasurement(context, target, of);
  const { origin } = target.url;
  const wait = probe.beforeDispatch(origin);
  const measured = wait ? wait.then(() => dispatchMeasurement(context, target, of)) : dispatchMeasurement(context, target, of);
  // Settled already when the first request got its connection; this covers one that never did.
  return measured.finally(() => {
    probe.settle(origin, false);
  });
}

function dispatchMeasurement(context: MeasureContext, target: Target, of: AttemptOf): Promise<Attempt> {
  return new Promise((resolve) => {
    const measurement = new Measurement(context, of, resolve);
    const { url: requestUrl, authorization } = target;
    const headers = of.headers === undefined ? context.options.headers : { ...context.options.headers, ...of.headers };
    try {
      const options: LoggedDispatchOptions = {
        origin: requestUrl.origin,
        path: `${requestUrl.pathname}${requestUrl.search}`,
        method: 'GET',
        // A fresh object per request: undici's proxy agents add a Host header to it.
        headers: authorization === undefined ? { ...headers } : { ...headers, authorization },
      };
      if (measurement.exchangeLog) options[exchangeLogKey] = measurement.exchangeLog;
      context.connections.dispatcherFor(of.initiator ?? null).dispatch(options, measurement);
    } catch (error) {
      measurement.abort(error instanceof Error ? new MeasureError('INVALID_URL', error.message) : error);
    }
  });
}
