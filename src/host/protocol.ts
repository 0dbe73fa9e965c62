import * as z from 'zod';
import { HOST_CAUSES } from '../core/host-causes';
import { PROBLEM_IDS } from '../core/problem-ids';

/**
 * ep-doctor-host's messages, both ways (zod-validated by the host and by the extension). One port per
 * check; every request has an id its reply repeats.
 */
export const HOST_NAME = 'ru.ep_doctor.host';
export const HOST_VERSION = '0.1.0';
/** Chrome refuses host → browser messages over 1 MB. */
export const MAX_REPLY_BYTES = 1024 * 1024;

export const HostRequest = z.discriminatedUnion('type', [
  z.object({ id: z.string().max(40), type: z.literal('hello') }).strict(),
  z
    .object({
      id: z.string().max(40),
      type: z.literal('inventory'),
      /** The browser the extension runs in: its native-host manifests matter most. */
      browser: z.enum(['chrome', 'chromium', 'yandex', 'edge', 'opera', 'firefox', 'chromium-gost', 'other']).default('other'),
      /** The platform's host needs GOST TLS (CSP 5.0 then). */
      gostTls: z.boolean().default(false),
      /** The platform server's time as the extension read it, and this computer's clock then. */
      server: z.object({ serverTime: z.string().max(40), localTime: z.number() }).strict().optional(),
    })
    .strict(),
]);
export type HostRequest = z.infer<typeof HostRequest>;

export const HostProblem = z.object({
  id: z.enum(PROBLEM_IDS),
  evidence: z.string().max(500),
  /** The same finding as a key and values the popup words in the user's language. */
  cause: z.object({ key: z.enum(HOST_CAUSES), params: z.record(z.string().max(40), z.string().max(200)) }).optional(),
  /** The compatibility rule behind a version finding (src/plugin/compat/rules.json). */
  rule: z.string().regex(/^[a-z0-9.-]{3,60}$/).optional(),
});
export type HostProblem = z.infer<typeof HostProblem>;

export const HostCheck = z.object({
  name: z.string().max(60),
  status: z.enum(['ok', 'problem', 'error', 'timeout', 'skipped']),
  ms: z.number(),
  detail: z.string().max(500),
  problems: z.array(HostProblem).max(50),
  facts: z.record(z.string(), z.unknown()),
});
export type HostCheck = z.infer<typeof HostCheck>;

export const HostReply = z.discriminatedUnion('type', [
  z.object({ id: z.string(), type: z.literal('hello'), version: z.string().max(40), os: z.string().max(20), arch: z.string().max(20), capabilities: z.array(z.string().max(40)).max(20) }),
  z.object({ id: z.string(), type: z.literal('inventory'), checks: z.array(HostCheck).max(40), truncated: z.boolean() }),
  z.object({ id: z.string(), type: z.literal('error'), error: z.string().max(300) }),
]);
export type HostReply = z.infer<typeof HostReply>;
