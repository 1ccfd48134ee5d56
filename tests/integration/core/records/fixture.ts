import path from 'node:path';
import { RecordsService } from '../../../../electron/core/records/records-service.ts';
import type { VaultSession } from '../../../../electron/core/vault/session.ts';
import { createVault, unlockWithPassphrase } from '../../../../electron/core/vault/vault.ts';
import { FAST_KDF, PASSPHRASE, tempDir } from '../../../helpers/vault.ts';

export interface RecordsFixture {
  dir: string;
  session: VaultSession;
  records: RecordsService;
  /** Locks and unlocks again (what a user does between sessions). */
  reopen(): Promise<RecordsService>;
  cleanup(): void;
}

let clock = Date.parse('2026-03-01T09:00:00.000Z');
/** A clock that moves one second per call, so ordering by time is deterministic. */
export const tick = () => {
  clock += 1000;
  return new Date(clock);
};

export async function openRecordsFixture(): Promise<RecordsFixture> {
  const temp = tempDir();
  const dir = path.join(temp.dir, 'vault');
  const { session } = await createVault(dir, PASSPHRASE, { kdf: FAST_KDF, recoveryKdf: FAST_KDF });
  const fixture: RecordsFixture = {
    dir,
    session,
    records: new RecordsService(session, { now: tick }),
    async reopen() {
      fixture.session.lock();
      fixture.session = await unlockWithPassphrase(dir, PASSPHRASE);
      fixture.records = new RecordsService(fixture.session, { now: tick });
      return fixture.records;
    },
    cleanup() {
      if (!fixture.session.locked) fixture.session.lock();
      temp.cleanup();
    },
  };
  return fixture;
}

/** A small defender case with one of everything. */
export function seedDefenderCase(records: RecordsService, code = 'DEF-2026-001') {
  const kase = records.create('case', {
    code,
    kind: 'defender-protection',
    title: 'Menaces contre une militante',
    openedOn: '2026-02-01',
    location: { country: 'SN', locality: 'Thiès' },
    tags: ['droits-sexuels'],
    summary: 'Militante pour l’accès à l’avortement sécurisé, menacée après une émission de radio.',
  });
  const person = records.create('person', {
    alias: 'Coumba',
    realName: 'Nom Fictif Exemple',
    ageGroup: '26-59',
  });
  records.linkPerson(kase.id, person.id, 'defender');
  const incident = records.create('incident', {
    caseId: kase.id,
    occurredOn: '2026-02-10',
    kind: 'defender.online-harassment',
    description: 'Son numéro de téléphone publié sur une page Facebook avec des insultes.',
    people: [{ personId: person.id, role: 'defender' }],
  });
  const risk = records.create('riskEntry', {
    caseId: kase.id,
    personId: person.id,
    occurredAt: '2026-02-11T21:30:00Z',
    channel: 'phone',
    actorType: 'unknown',
    threatKind: 'defender.threat',
    severity: 4,
    likelihood: 3,
    description: 'Appel anonyme la nuit : « on sait où tu habites ».',
  });
  const plan = records.create('protectionPlan', {
    caseId: kase.id,
    title: 'Plan de protection',
    reviewOn: '2026-03-15',
  });
  const measure = records.create('planMeasure', {
    planId: plan.id,
    phase: 'response',
    title: 'Protocole d’urgence à domicile',
    trigger: 'si quelqu’un frappe la nuit',
    action: 'ne pas ouvrir, éteindre la lumière',
    contact: 'appeler Awa (voisine)',
    owner: 'Coumba',
    dueOn: '2026-02-20',
    riskEntryId: risk.id,
  });
  const consent = records.create('consent', {
    caseId: kase.id,
    personId: person.id,
    givenBy: 'survivor',
    dataLevel: 'identifying',
    recipientKinds: ['legal', 'psychosocial'],
    purposes: 'Accompagnement juridique et psychosocial',
    method: 'verbal',
    recordedBy: 'Mariama (chargée de protection)',
    givenOn: '2026-02-12',
  });
  const referral = records.create('referral', {
    caseId: kase.id,
    consentId: consent.id,
    serviceKind: 'legal',
    provider: 'Association des juristes',
    referredOn: '2026-02-13',
    followUpOn: '2026-02-27',
  });
  return { kase, person, incident, risk, plan, measure, consent, referral };
}
