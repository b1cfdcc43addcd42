import type { IncomingMessage, ServerResponse } from "node:http";

export function redactPath(url: string | undefined): string;
export function logLine(entry: Record<string, unknown>): void;
export function logRequest(req: IncomingMessage, res: ServerResponse): string;
export function stampConsole(): void;
