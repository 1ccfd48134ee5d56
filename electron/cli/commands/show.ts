/**
 * `casevault show <dir> <CODE>`: a readable summary of one case — people by alias (never a real
 * name: the read model does not hold them), incidents, the risk log with its trend, the protection
 * plan with overdue measures first, consents, referrals, OCSEA reports.
 */
import { BUILTIN_INCIDENT_KINDS, PICK_LISTS, type PickListName } from '../../../shared/records/taxonomies.ts';
import type { StoredRecord } from '../../core/records/store.ts';
import type { Command } from './context.ts';
import { operands, withRecords } from './records-session.ts';

const WORDS = {
  en: {
    people: 'People (aliases)',
    incidents: 'Incidents',
    risk: 'Risk log',
    trend: 'trend',
    assessments: 'Assessments (threat × vulnerability / capacity)',
    plan: 'Protection plan',
    review: 'review',
    overdue: 'OVERDUE',
    contacts: 'Contacts and safe places',
    consents: 'Consents',
    withdrawn: 'withdrawn',
    referrals: 'Referrals',
    followUp: 'follow-up',
    ocsea: 'OCSEA reports (the report, never the material)',
    notes: 'Notes',
    none: '(none)',
    trends: { rising: 'rising', falling: 'falling', steady: 'steady', unknown: 'unknown' },
  },
  fr: {
    people: 'Personnes (pseudonymes)',
    incidents: 'Incidents',
    risk: 'Journal des risques',
    trend: 'tendance',
    assessments: 'Évaluations (menace × vulnérabilité / capacité)',
    plan: 'Plan de protection',
    review: 'révision',
    overdue: 'EN RETARD',
    contacts: 'Contacts et lieux sûrs',
    consents: 'Consentements',
    withdrawn: 'retiré le',
    referrals: 'Référencements',
    followUp: 'suivi',
    ocsea: 'Signalements OCSEA (le signalement, jamais le contenu)',
    notes: 'Notes',
    none: '(aucun)',
    trends: { rising: 'en hausse', falling: 'en baisse', steady: 'stable', unknown: 'inconnue' },
  },
} as const;

export const show: Command = async (context) => {
  const { line, language } = context;
  const [dir, code] = operands(line, 2, 'show <dir> <CODE>') as [string, string];
  const w = WORDS[language];
  return withRecords(context, dir, (records) => {
    const detail = records.caseByCode(code);
    const trend = records.riskTrend(detail.case.id);
    const today = new Date().toISOString().slice(0, 10);
    const kinds = [...BUILTIN_INCIDENT_KINDS, ...records.listCustomKinds()];
    const label = (list: PickListName, value: string | undefined) =>
      value === undefined ? '' : (PICK_LISTS[list].find((x) => x.code === value)?.[language] ?? value);
    const kindLabel = (value: string | undefined) =>
      value === undefined ? '' : (kinds.find((k) => k.code === value)?.[language] ?? value);
    const late = (date: string | undefined, open: boolean) => open && date !== undefined && date < today;
    const section = (title: string, rows: string[]) => [
      '',
      `${title}:`,
      ...(rows.length ? rows : [`  ${w.none}`]),
    ];

    const c = detail.case;
    const where = [c.location?.locality, c.location?.region, c.location?.country].filter(Boolean).join(', ');
    const plans = detail.plans.map(({ plan, measures, contacts }) => {
      const open = (m: StoredRecord) => m.status === 'planned' || m.status === 'in-progress';
      const sorted = [
        ...measures.filter((m) => late(m.dueOn, open(m))),
        ...measures.filter((m) => !late(m.dueOn, open(m))),
      ];
      return {
        plan,
        measures: sorted.map((m): StoredRecord => ({ ...m, overdue: late(m.dueOn, open(m)) })),
        contacts,
      };
    });

    const text = [
      `${c.code} — ${c.title}`,
      `  ${label('caseKind', c.kind)} · ${label('caseStatus', c.status)} · ${label('sensitivity', c.sensitivity)} · ${c.openedOn}${c.closedOn ? ` → ${c.closedOn}` : ''}${where ? ` · ${where}` : ''}`,
      ...(c.tags?.length ? [`  #${c.tags.join(' #')}`] : []),
      ...section(
        w.people,
        detail.people.map(
          (p) => `  - ${p.person.alias}: ${p.roles.map((r) => label('personRole', r)).join(', ')}`,
        ),
      ),
      ...section(
        `${w.incidents} (${detail.incidents.length})`,
        detail.incidents.map(
          (i) => `  - ${i.occurredOn}  ${kindLabel(i.kind)} [${label('verification', i.verification)}]`,
        ),
      ),
      ...section(`${w.risk} (${detail.riskEntries.length}) — ${w.trend}: ${w.trends[trend.trend]}`, [
        ...detail.riskEntries.map(
          (r) =>
            `  - ${r.occurredAt.slice(0, 16).replace('T', ' ')}  ${label('riskChannel', r.channel)} / ${label('actorType', r.actorType)}  ${r.severity}×${r.likelihood}${r.threatKind ? `  ${kindLabel(r.threatKind)}` : ''}`,
        ),
        ...(trend.points.length
          ? [
              `  ${w.assessments}: ${trend.points.map((p) => `${p.on} ${p.score} (${p.threat}×${p.vulnerability}/${p.capacity})`).join(' → ')}`,
            ]
          : []),
      ]),
      ...plans.flatMap(({ plan, measures, contacts }) => [
        ...section(
          `${w.plan} « ${plan.title} »${plan.reviewOn ? ` — ${w.review} ${plan.reviewOn}${late(plan.reviewOn, c.status !== 'closed') ? ` ${w.overdue}` : ''}` : ''}`,
          measures.map(
            (m) =>
              `  - ${m.overdue ? `[${w.overdue} ${m.dueOn}] ` : m.dueOn ? `[${m.dueOn}] ` : ''}${label('measurePhase', m.phase)}: ${m.title} (${label('measureStatus', m.status)})${m.trigger ? `\n      ${m.trigger} → ${m.action}${m.contact ? ` → ${m.contact}` : ''}` : ''}`,
          ),
        ),
        ...section(
          w.contacts,
          contacts.map(
            (k) => `  - ${label('planContactKind', k.kind)}: ${k.name}${k.details ? ` — ${k.details}` : ''}`,
          ),
        ),
      ]),
      ...section(
        `${w.consents} (${detail.consents.length})`,
        detail.consents.map(
          (k) =>
            `  - ${k.givenOn}  ${label('consentGivenBy', k.givenBy)}: ${label('consentDataLevel', k.dataLevel)} → ${(k.recipientKinds as string[]).map((r) => label('recipientKind', r)).join(', ')}${k.withdrawnOn ? ` (${w.withdrawn} ${k.withdrawnOn})` : ''}`,
        ),
      ),
      ...section(
        `${w.referrals} (${detail.referrals.length})`,
        detail.referrals.map((r) => {
          const open = r.status === 'pending' || r.status === 'accepted';
          return `  - ${r.referredOn}  ${label('serviceKind', r.serviceKind)} → ${r.provider} [${label('referralStatus', r.status)}]${r.followUpOn ? ` ${w.followUp} ${r.followUpOn}${late(r.followUpOn, open) ? ` ${w.overdue}` : ''}` : ''}`;
        }),
      ),
      ...(detail.ocseaReports.length
        ? section(
            w.ocsea,
            detail.ocseaReports.map(
              (o) =>
                `  - ${o.reportedOn}  ${o.platform} → ${label('ocseaHotline', o.hotline)}${o.reportReference ? ` (${o.reportReference})` : ''}: ${label('takedownStatus', o.takedownStatus)}`,
            ),
          )
        : []),
      '',
      `${w.notes}: ${detail.notes.length}`,
    ];
    const json = {
      dir,
      case: c,
      people: detail.people.map((p) => ({ id: p.person.id, alias: p.person.alias, roles: p.roles })),
      incidents: detail.incidents,
      riskEntries: detail.riskEntries,
      riskTrend: trend,
      plans,
      consents: detail.consents,
      referrals: detail.referrals,
      ocseaReports: detail.ocseaReports,
      notes: detail.notes,
    };
    return { json, text };
  });
};
