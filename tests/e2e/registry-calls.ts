/**
 * Setting a scenario up through the real main registry, as the renderer would call it (the screens
 * for these steps have their own scenarios): a typed call, this vault's identity, a trusted contact,
 * and generated report data (bench/reports-data.ts) created record by record.
 */
import { ReportsDataGenerator, type ReportsDataOptions } from '../../bench/reports-data.ts';
import type { RunningApp } from './harness.ts';

/** A registry call as the renderer would make it; throws on an error answer. */
export async function call<T = Record<string, unknown>>(
  app: RunningApp,
  channel: string,
  input: unknown,
): Promise<T> {
  const result = await app.services.registry.invoke(channel, input);
  if (!result.ok) throw new Error(`${channel}: ${JSON.stringify(result.error)}`);
  return result.value as T;
}

/** Sets this vault's identity; returns its key card text. */
export async function identity(
  app: RunningApp,
  name: string,
  organisation: string,
  role: string,
): Promise<string> {
  const view = await call<{ cardText: string }>(app, 'identity:update', { name, organisation, role });
  return view.cardText;
}

/** Imports a key card as a contact with `role`, marked verified in person; returns the contact id. */
export async function trust(app: RunningApp, card: string, role: string): Promise<string> {
  const { contact } = await call<{ contact: { id: string } }>(app, 'contacts:import-text', {
    text: card,
    role,
  });
  await call(app, 'contacts:verify', { id: contact.id, state: 'in-person' });
  return contact.id;
}

/** Seeds generated cases through the real records channels (ids are the vault's own). */
export async function seedReportCases(
  running: RunningApp,
  cases: number,
  options: ReportsDataOptions = { seed: 9, from: '2025-01-01', to: '2025-12-31', regions: 5 },
): Promise<void> {
  const generator = new ReportsDataGenerator(options);
  const ids = new Map<string, string>();
  const id = (value: unknown) => ids.get(value as string) ?? value;
  const invoke = async (channel: 'records:create' | 'records:link-person', input: unknown) => {
    const result = await running.services.registry.invoke(channel, input);
    if (!result.ok) throw new Error(`${channel}: ${result.error.code} ${result.error.detail ?? ''}`);
    return result.value as { id: string };
  };
  for (let i = 0; i < cases; i++) {
    const { records, links } = generator.bundle(i);
    for (const r of records) {
      const data: Record<string, unknown> = { ...r.data };
      for (const key of ['caseId', 'personId', 'planId', 'consentId'])
        if (key in data) data[key] = id(data[key]);
      if (Array.isArray(data.people))
        data.people = (data.people as Array<{ personId: string; role: string }>).map((p) => ({
          ...p,
          personId: id(p.personId) as string,
        }));
      const stored = await invoke('records:create', { entity: r.kind, data });
      ids.set(r.id, stored.id);
      if (r.kind === 'person')
        for (const l of links.filter((x) => x.personId === r.id))
          await invoke('records:link-person', { caseId: id(l.caseId), personId: stored.id, role: l.role });
    }
  }
}
