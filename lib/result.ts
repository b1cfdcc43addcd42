/** Use cases return errors as values; lib/http maps them to status codes and German messages. */
export type TResult<T, E> = { ok: true; value: T } | { ok: false; error: E };

export const ok = <T>(value: T): TResult<T, never> => ({ ok: true, value });
export const err = <E>(error: E): TResult<never, E> => ({ ok: false, error });
