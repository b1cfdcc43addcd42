/** What the client sent to a save: a readable JSON value, or a body that could not be read (the caller knows why). */
export type TSaveInput = { readable: true; value: unknown } | { readable: false };
