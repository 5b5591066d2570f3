/** The MCP server name the fake's `MCP_CALL` scenario calls (`mcp__tracker` / `delete_ticket`). */
export const FAKE_MCP_SERVER = 'tracker';

/**
 * A minimal MCP stdio server (newline-delimited JSON-RPC) offering one destructive tool,
 * `delete_ticket`, so Codex asks the user before running it. Written into the Codex home as an
 * `.mjs` file and started by Codex with this Node (`process.execPath`); it exits with stdin. Once
 * Codex has listed its tools it creates the file named by its first argument ({@link mcpReadyFile}),
 * so a test calls the tool only when Codex knows it (else Codex answers "unsupported call").
 */
export const fakeMcpServerScript = `import { writeFileSync } from 'node:fs';
import { createInterface } from 'node:readline';
const send = (message) => process.stdout.write(JSON.stringify({ jsonrpc: '2.0', ...message }) + '\\n');
const tool = {
  name: 'delete_ticket',
  description: 'Deletes a ticket from the tracker',
  inputSchema: { type: 'object', properties: { id: { type: 'string' } }, required: ['id'] },
  annotations: { destructiveHint: true, readOnlyHint: false, openWorldHint: true },
};
createInterface({ input: process.stdin }).on('line', (line) => {
  let message;
  try { message = JSON.parse(line); } catch { return; }
  if (message.id === undefined) return;
  if (message.method === 'initialize') {
    return send({ id: message.id, result: { protocolVersion: message.params?.protocolVersion ?? '2025-06-18', capabilities: { tools: {} }, serverInfo: { name: '${FAKE_MCP_SERVER}', version: '1.0.0' } } });
  }
  if (message.method === 'tools/list') {
    send({ id: message.id, result: { tools: [tool] } });
    if (process.argv[2]) writeFileSync(process.argv[2], 'listed\\n');
    return;
  }
  if (message.method === 'tools/call') return send({ id: message.id, result: { content: [{ type: 'text', text: 'deleted' }] } });
  send({ id: message.id, result: {} });
});
`;

/** The file the fake MCP server creates once Codex (with `CODEX_HOME` = `home`) has listed its tools. */
export function mcpReadyFile(home: string): string {
  return `${home}/fake-mcp-ready`;
}
