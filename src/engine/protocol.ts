// The Jupyter messaging protocol's wire format (version 5.3, the one tslab speaks):
// https://jupyter-client.readthedocs.io/en/latest/messaging.html#the-wire-protocol
import { createHmac, randomUUID } from "node:crypto";

export const DELIMITER = "<IDS|MSG>";
export const PROTOCOL_VERSION = "5.3";

export interface MessageHeader {
  msg_id: string;
  msg_type: string;
  session: string;
  username: string;
  date: string;
  version: string;
}

export interface Message<C = Record<string, unknown>> {
  header: MessageHeader;
  parent_header: Partial<MessageHeader>;
  metadata: Record<string, unknown>;
  content: C;
}

export function newMessage<C>(msgType: string, session: string, content: C): Message<C> {
  return {
    header: {
      msg_id: randomUUID(),
      msg_type: msgType,
      session,
      username: "analysis",
      date: new Date().toISOString(),
      version: PROTOCOL_VERSION,
    },
    parent_header: {},
    metadata: {},
    content,
  };
}

/** HMAC-SHA256 over header, parent header, metadata and content, as hex; "" when the key is empty. */
export function sign(key: string, parts: readonly (string | Buffer)[]): string {
  if (key === "") return "";
  const hmac = createHmac("sha256", key);
  for (const part of parts) hmac.update(part);
  return hmac.digest("hex");
}

/** Frames to send from a DEALER socket (no routing identities): delimiter, signature, four JSON parts. */
export function encode(key: string, message: Message<unknown>): string[] {
  const parts = [
    JSON.stringify(message.header),
    JSON.stringify(message.parent_header),
    JSON.stringify(message.metadata),
    JSON.stringify(message.content),
  ];
  return [DELIMITER, sign(key, parts), ...parts];
}

/** Parses received frames; a bad signature or a missing delimiter is an error, never a silent accept. */
export function decode(key: string, frames: readonly Buffer[]): Message {
  const at = frames.findIndex((f) => f.toString() === DELIMITER);
  if (at < 0) throw new Error("kernel message without the <IDS|MSG> delimiter");
  const signature = frames[at + 1]?.toString() ?? "";
  const parts = frames.slice(at + 2, at + 6);
  if (parts.length < 4) throw new Error(`kernel message has ${parts.length} of its 4 JSON parts`);
  const expected = sign(key, parts);
  if (signature !== expected) throw new Error("kernel message with a bad HMAC signature");
  const [header, parent, metadata, content] = parts.map((p) => JSON.parse(p.toString()) as unknown);
  return {
    header: header as MessageHeader,
    parent_header: parent as Partial<MessageHeader>,
    metadata: metadata as Record<string, unknown>,
    content: content as Record<string, unknown>,
  };
}
