/**
 * The fixed table IPC dispatches into. Each area registers its handlers here; a channel can be
 * registered once only and only if the contract names it, so a typo or a second registration is a
 * start-up crash rather than a silently shadowed handler.
 */
import type { z } from 'zod';
import { type Channel, type Contract, contract, type OutputOf } from '../../../shared/ipc/contract.ts';

/** What a handler receives: the input after the contract's schema parsed it. */
export type ParsedInputOf<C extends Channel> = z.output<Contract[C]['input']>;
export type Handler<C extends Channel> = (input: ParsedInputOf<C>) => Promise<OutputOf<C>> | OutputOf<C>;
export type Register = <C extends Channel>(channel: C, handler: Handler<C>) => void;

type AnyHandler = (input: unknown) => unknown;

export class HandlerTable {
  readonly #handlers = new Map<Channel, AnyHandler>();

  readonly register: Register = (channel, handler) => {
    if (!Object.hasOwn(contract, channel)) throw new Error(`IPC channel not in the contract: ${channel}`);
    if (this.#handlers.has(channel)) throw new Error(`IPC handler registered twice: ${channel}`);
    this.#handlers.set(channel, handler as AnyHandler);
  };

  get(channel: Channel): AnyHandler | undefined {
    return this.#handlers.get(channel);
  }

  channels(): Channel[] {
    return [...this.#handlers.keys()];
  }
}
