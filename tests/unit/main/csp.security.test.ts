/**
 * Threat: an injected <script>, a remote stylesheet or image beacon, a form posting elsewhere, a
 * <base> rewrite, or framing. The policy must keep each of these shut.
 */
import { describe, expect, it } from 'vitest';
import { CONTENT_SECURITY_POLICY, CONTENT_SECURITY_POLICY_META } from '../../../electron/main/csp.ts';

function directives(policy: string): Map<string, string> {
  return new Map(
    policy.split(';').map((part) => {
      const [name, ...values] = part.trim().split(/\s+/);
      return [name!, values.join(' ')] as const;
    }),
  );
}

describe('Content Security Policy', () => {
  const csp = directives(CONTENT_SECURITY_POLICY);

  it.each([
    ['default-src', "'none'"],
    ['script-src', "'self'"],
    ['img-src', "'self' data:"],
    ['font-src', "'self'"],
    ['connect-src', "'none'"],
    ['object-src', "'none'"],
    // Evidence previews (<video>/<audio>) come from our own origin (evidence-protocol.ts), nothing else.
    ['media-src', "'self'"],
    // No PDF plugin frames and no other frames: PDFs are not previewed inline (docs/architecture.md).
    ['frame-src', "'none'"],
    ['connect-src', "'none'"],
    ['base-uri', "'none'"],
    ['form-action', "'none'"],
    ['frame-ancestors', "'none'"],
  ])('%s is %s', (name, value) => {
    expect(csp.get(name)).toBe(value);
  });

  it('never allows eval, inline scripts or remote origins', () => {
    expect(CONTENT_SECURITY_POLICY).not.toMatch(/unsafe-eval|wasm-unsafe-eval|https?:|\*/);
    expect(csp.get('script-src')).not.toContain('unsafe-inline');
  });

  it('repeats the same policy in the meta tag, minus frame-ancestors which meta cannot carry', () => {
    const meta = directives(CONTENT_SECURITY_POLICY_META);
    expect(meta.has('frame-ancestors')).toBe(false);
    for (const [name, value] of meta) expect(csp.get(name)).toBe(value);
    expect(meta.size).toBe(csp.size - 1);
  });
});
