// Vitest stand-in for the server-only marker package: unit tests run server modules in Node.
export {};
